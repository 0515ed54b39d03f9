#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  CertificateError,
  parseCertificate
} from "./chunk-CMKERF3G.js";
import {
  PUBLISHED_MARKER
} from "./chunk-CWEHAQQK.js";
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import "./chunk-HWKP2PWK.js";
import {
  checkLeasePath
} from "./chunk-LHBPTLRF.js";
import {
  gitText
} from "./chunk-RMU5QMAM.js";
import {
  parseSshPublicKey
} from "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";

// src/commands/ssh-cert.ts
import { readFileSync, writeFileSync } from "node:fs";
var CERT_LINE = /^(?:ssh-ed25519|ssh-rsa)-cert-v01@openssh\.com [A-Za-z0-9+/=]+(?: .*)?$/;
async function pullRequestOf(o) {
  const t = o.target.trim();
  if (/^#?\d+$/.test(t)) return Number(t.replace("#", ""));
  if (checkLeasePath(t).kind !== "lease") throw new UsageError("ssh-cert-target", `'${o.target}' is neither a pull request number nor a lease file (leases/<resource>/<name>.yaml).`);
  let commit = "";
  try {
    commit = (await gitText(o.repoDir, ["log", "--diff-filter=A", "--format=%H", "-1", "HEAD", "--", t])).trim();
  } catch {
    commit = "";
  }
  if (!commit) throw new UsageError("ssh-cert-lease-unknown", `${t} was never added on this branch of ${o.repoDir}: pull the access repo, or pass the pull request's number.`);
  const { data } = await o.gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner: o.owner, repo: o.repo, commit_sha: commit });
  const pr = data.find((p) => p.merged_at) ?? data[0];
  if (!pr) throw new UsageError("ssh-cert-no-pull-request", `No pull request is associated with ${commit.slice(0, 7)}, which added ${t}.`);
  return pr.number;
}
async function runSshCert(o) {
  const number = await pullRequestOf(o);
  const comments = await o.gh.paginate(o.gh.rest.issues.listComments, { owner: o.owner, repo: o.repo, issue_number: number, per_page: 100 });
  const byBot = (c) => o.botLogin ? c.user?.login.toLowerCase() === o.botLogin.toLowerCase() : c.user?.type === "Bot";
  const ours = comments.filter((c) => (c.body ?? "").startsWith(`${PUBLISHED_MARKER} kind=ssh-certificates `) && byBot(c));
  const newest = ours.at(-1);
  if (!newest) throw new UsageError("ssh-cert-none", `Pull request #${number} has no SSH certificates posted by ${o.botLogin ?? "a bot account"} (yet): they are posted when the apply run grants the lease.`);
  const skipped = [];
  const certs = [];
  for (const line of (newest.body ?? "").split("\n").map((l) => l.trim()).filter((l) => CERT_LINE.test(l))) {
    try {
      const c = parseCertificate(line);
      if (c.type !== "user") skipped.push(`serial ${c.serial}: a host certificate`);
      else if (!c.signatureValid) skipped.push(`serial ${c.serial}: its CA signature does not verify`);
      else certs.push({ line, c });
    } catch (e) {
      skipped.push(e instanceof CertificateError ? e.message : String(e));
    }
  }
  const local = o.keys.flatMap((path) => {
    let text;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return [];
    }
    const parsed = parseSshPublicKey(text.split("\n")[0] ?? "");
    return parsed.ok ? [{ path, blob: Buffer.from(parsed.key.blob) }] : [];
  });
  const written = [];
  const unmatched = [];
  for (const { line, c } of certs) {
    const key = local.find((k) => k.blob.equals(Buffer.from(c.publicKeyBlob)));
    if (!key) {
      unmatched.push(c);
      continue;
    }
    const path = `${key.path.replace(/\.pub$/, "")}-cert.pub`;
    if (!o.dryRun) writeFileSync(path, `${line}
`, { mode: 420 });
    written.push({ path, certificate: c });
  }
  return { pullRequest: number, written, unmatched, skipped };
}
export {
  runSshCert
};
