#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  parseSshPrivateKey
} from "./chunk-TV42NG54.js";
import {
  CREDENTIALS_MARKER,
  openWithSshKeys
} from "./chunk-CWEHAQQK.js";
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import {
  CredentialError
} from "./chunk-HWKP2PWK.js";
import {
  gitText
} from "./chunk-RMU5QMAM.js";

// src/commands/credentials.ts
import { readFile } from "node:fs/promises";
async function runCredentials(o) {
  const keys = [];
  const problems = [];
  for (const path of o.identities) {
    let text;
    try {
      text = await readFile(path, "utf8");
    } catch {
      continue;
    }
    try {
      keys.push(parseSshPrivateKey(text, path));
    } catch (e) {
      problems.push(e.message);
    }
  }
  if (keys.length === 0) throw new UsageError("credentials-no-identity", `No usable SSH private key (${o.identities.join(", ")})${problems.length ? `: ${problems.join("; ")}` : ""}. Pass --identity PATH (or use: age -d -i PATH).`);
  const number = await pullRequestOf(o);
  const leaseWanted = /^#?\d+$/.test(o.target.trim()) ? void 0 : o.target.trim();
  const comments = await o.gh.paginate(o.gh.rest.issues.listComments, { owner: o.owner, repo: o.repo, issue_number: number, per_page: 100 });
  const byLease = /* @__PURE__ */ new Map();
  for (const c of comments) {
    const body = c.body ?? "";
    const m = new RegExp(`${escapeRegExp(CREDENTIALS_MARKER)} lease=([^ ]*) -->`).exec(body);
    if (!m) continue;
    const bot = o.botLogin ? c.user?.login.toLowerCase() === o.botLogin.toLowerCase() : c.user?.type === "Bot";
    if (!bot) continue;
    const lease = decodeURIComponent(m[1] ?? "");
    if (leaseWanted && lease !== leaseWanted) continue;
    byLease.set(lease, body);
  }
  if (byLease.size === 0) throw new UsageError("credentials-none", `No credential on pull request #${number}${leaseWanted ? ` for ${leaseWanted}` : ""}: it is posted when apply grants the lease (ephemeral or checkout databases).`);
  const out = [];
  for (const [lease, body] of byLease) {
    try {
      out.push({ pullRequest: number, lease, text: new TextDecoder().decode(await openWithSshKeys(body, keys)) });
    } catch (e) {
      if (e instanceof CredentialError) throw new UsageError(e.code, `${lease} on #${number}: ${e.message}`);
      throw e;
    }
  }
  return out;
}
async function pullRequestOf(o) {
  const t = o.target.trim();
  if (/^#?\d+$/.test(t)) return Number(t.replace("#", ""));
  let commit = "";
  try {
    commit = (await gitText(o.repoDir, ["log", "--format=%H", "--diff-filter=A", "-1", "HEAD", "--", t])).trim();
  } catch {
    commit = "";
  }
  if (!commit) throw new UsageError("credentials-lease-unknown", `${t} was never added on this branch; pass the pull request number instead.`);
  const { data } = await o.gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner: o.owner, repo: o.repo, commit_sha: commit });
  const pr = data.find((p) => p.merged_at) ?? data[0];
  if (!pr) throw new UsageError("credentials-lease-unknown", `No pull request brought ${t} (commit ${commit.slice(0, 7)}); pass the pull request number instead.`);
  return pr.number;
}
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export {
  runCredentials
};
