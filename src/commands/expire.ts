/**
 * `expire`: the sweep. Reconciles everything (so access whose lease is over is revoked, and
 * access added by hand is revoked or reported), then removes the files of leases whose time
 * is up in one commit whose message lists them and whose trailers record, per lease,
 * resource, grantee, role, granted-at, expired-at, revoked-at and why. A file stays while
 * its grant may still be live (a failed revoke, a resource that could not be listed), so
 * the next run retries. Pushes with retry on a non-fast-forward: fetch, rebase, push.
 */
import { formatTimestamp } from "../lease/timestamp.js";
import { git, gitText } from "../git/run-git.js";
import type { ApplyOptions, ApplyResult } from "./apply.js";
import { runApply } from "./apply.js";

export interface ExpiredLease {
  path: string;
  resource: string;
  grantee: string;
  role: string;
  grantedAt: number;
  expiredAt: number;
  revokedAt: number;
  why: string;
  verified: boolean;
}

export interface ExpireResult {
  apply: ApplyResult;
  removed: ExpiredLease[];
  /** Leases over but kept, and why (the next run retries). */
  kept: Array<{ path: string; why: string }>;
  commit?: string;
  pushed: boolean;
  ok: boolean;
}

export interface ExpireOptions extends ApplyOptions {
  /** Push the revocation commit to this remote and branch (the Action does). */
  push?: { remote: string; branch: string; attempts?: number };
  /** Why leases in endNow end early (e.g. "early revoke by @alice: done"). */
  earlyReason?: string;
}

export function expiryCommitMessage(removed: ExpiredLease[]): string {
  const early = removed.every((r) => r.why !== "expired");
  const lines = [`jit-access: ${early ? "revoke" : "expire"} ${removed.length} lease${removed.length === 1 ? "" : "s"}`, ""];
  for (const r of removed) lines.push(`- ${r.path}: ${r.grantee} as ${r.role} on ${r.resource}, ${formatTimestamp(r.grantedAt)} – ${formatTimestamp(r.expiredAt)}`);
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
      `Jit-Reason: ${r.why}`,
    );
  }
  return lines.join("\n") + "\n";
}

export async function runExpire(o: ExpireOptions): Promise<ExpireResult> {
  const apply = await runApply(o);
  const removed: ExpiredLease[] = [];
  const kept: ExpireResult["kept"] = [];
  const listFailed = new Set(apply.plan.errors.map((e) => e.resource));
  const refused = new Set(apply.plan.refused.map((r) => r.resource));
  for (const l of apply.over) {
    const revoke = apply.results.find((r) => r.action.kind === "revoke" && r.action.resource === l.resource && r.action.grantee.toLowerCase() === l.grantee.toLowerCase());
    if (listFailed.has(l.resource)) kept.push({ path: l.path, why: `${l.resource} could not be listed; its grant may still be live` });
    else if (revoke && revoke.outcome.status === "failed") kept.push({ path: l.path, why: `revoke failed: ${revoke.outcome.message}` });
    else if (refused.has(l.resource) && !revoke) kept.push({ path: l.path, why: `${l.resource}: revocations were refused by a guard` });
    else removed.push({ path: l.path, resource: l.resource, grantee: l.grantee, role: l.role, grantedAt: l.start, expiredAt: l.end, revokedAt: o.now, why: o.endNow?.has(l.path) ? (o.earlyReason ?? "early revoke") : "expired", verified: l.verified });
  }
  const result: ExpireResult = { apply, removed, kept, pushed: false, ok: apply.ok && kept.length === 0 };
  if (o.dryRun || removed.length === 0) return result;

  await git(o.repoDir, ["rm", "-q", "--", ...removed.map((r) => r.path)]);
  const ident = ["-c", "user.name=jit-access[bot]", "-c", "user.email=jit-access[bot]@users.noreply.github.com"];
  // The commit carries the sweep's time: git alone then says when each grant ended.
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
        // Someone pushed meanwhile (e.g. an apply run): take their commits and try again.
        await git(o.repoDir, ["fetch", "-q", o.push.remote, o.push.branch]);
        try {
          await git(o.repoDir, [...ident, "rebase", "-q", "FETCH_HEAD"], undefined, dates);
        } catch {
          // e.g. a concurrent run removed the same files: leave it to the next run, which starts afresh.
          await git(o.repoDir, ["rebase", "--abort"]).catch(() => undefined);
          break;
        }
        result.commit = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
      }
    }
    if (!result.pushed) result.ok = false;
  }
  return result;
}
