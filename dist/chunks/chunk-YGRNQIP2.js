#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runApply
} from "./chunk-RYD2DQZA.js";
import {
  git,
  gitText
} from "./chunk-ACN54BH7.js";
import {
  formatTimestamp
} from "./chunk-XI4ZXRAZ.js";

// src/commands/expire.ts
function expiryCommitMessage(removed) {
  const early = removed.every((r) => r.why !== "expired");
  const lines = [`jit-access: ${early ? "revoke" : "expire"} ${removed.length} lease${removed.length === 1 ? "" : "s"}`, ""];
  for (const r of removed) lines.push(`- ${r.path}: ${r.grantee} as ${r.role} on ${r.resource}, ${formatTimestamp(r.grantedAt)} \u2013 ${formatTimestamp(r.expiredAt)}`);
  lines.push("");
  for (const r of removed) {
    lines.push(
      `Jit-Lease: ${r.path}`,
      `Jit-Resource: ${r.resource}`,
      `Jit-Grantee: ${r.grantee}`,
      `Jit-Role: ${r.role}`,
      `Jit-Granted-At: ${r.verified ? formatTimestamp(r.grantedAt) : "never (not verified)"}`,
      `Jit-Expired-At: ${formatTimestamp(r.expiredAt)}`,
      `Jit-Revoked-At: ${formatTimestamp(r.revokedAt)}`,
      `Jit-Reason: ${r.why}`
    );
  }
  return lines.join("\n") + "\n";
}
async function runExpire(o) {
  const apply = await runApply(o);
  const removed = [];
  const kept = [];
  const listFailed = new Set(apply.plan.errors.map((e) => e.resource));
  const refused = new Set(apply.plan.refused.map((r) => r.resource));
  for (const l of apply.over) {
    const revoke = apply.results.find((r) => r.action.kind === "revoke" && r.action.resource === l.resource && r.action.grantee.toLowerCase() === l.grantee.toLowerCase());
    if (listFailed.has(l.resource)) kept.push({ path: l.path, why: `${l.resource} could not be listed; its grant may still be live` });
    else if (revoke && revoke.outcome.status === "failed") kept.push({ path: l.path, why: `revoke failed: ${revoke.outcome.message}` });
    else if (refused.has(l.resource) && !revoke) kept.push({ path: l.path, why: `${l.resource}: revocations were refused by a guard` });
    else removed.push({ path: l.path, resource: l.resource, grantee: l.grantee, role: l.role, grantedAt: l.start, expiredAt: l.end, revokedAt: o.now, why: o.endNow?.has(l.path) ? o.earlyReason ?? "early revoke" : "expired", verified: l.verified });
  }
  const result = { apply, removed, kept, pushed: false, ok: apply.ok && kept.length === 0 };
  if (o.dryRun || removed.length === 0) return result;
  await git(o.repoDir, ["rm", "-q", "--", ...removed.map((r) => r.path)]);
  const ident = ["-c", "user.name=jit-access[bot]", "-c", "user.email=jit-access[bot]@users.noreply.github.com"];
  const when = formatTimestamp(o.now);
  const dates = { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  await git(o.repoDir, [...ident, "commit", "-q", "-F", "-"], expiryCommitMessage(removed), dates);
  result.commit = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
  if (o.push) {
    const attempts = o.push.attempts ?? 5;
    for (let i = 0; i < attempts && !result.pushed; i++) {
      try {
        await git(o.repoDir, ["push", "-q", o.push.remote, `HEAD:refs/heads/${o.push.branch}`]);
        result.pushed = true;
      } catch {
        await git(o.repoDir, ["fetch", "-q", o.push.remote, o.push.branch]);
        try {
          await git(o.repoDir, [...ident, "rebase", "-q", "FETCH_HEAD"], void 0, dates);
        } catch {
          await git(o.repoDir, ["rebase", "--abort"]).catch(() => void 0);
          break;
        }
        result.commit = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
      }
    }
    if (!result.pushed) result.ok = false;
  }
  return result;
}

export {
  expiryCommitMessage,
  runExpire
};
