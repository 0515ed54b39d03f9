/**
 * `expire`: the sweep. Reconciles everything (so access whose lease is over is revoked, and
 * access added by hand is revoked or reported), then removes the files of leases whose time
 * is up in one commit whose message lists them and whose trailers record, per lease,
 * resource, grantee, role, granted-at, expired-at, revoked-at and why. A file stays while
 * its grant may still be live (a failed revoke, a resource that could not be listed), so
 * the next run retries. Pushes with retry on a non-fast-forward: fetch, rebase, check
 * again, push.
 */
import { formatTimestamp } from "../lease/timestamp.js";
import { git, gitText } from "../git/run-git.js";
import { jitTrailers } from "../git/history.js";
import { pushNotesWithRetry, updateNotes } from "../git/evidence-notes.js";
import type { NoteUpdate } from "../git/evidence-notes.js";
import { noteSigner } from "../evidence/evidence.js";
import type { NoteSigner } from "../evidence/evidence.js";
import { breakGlassLabel } from "../reconcile/break-glass.js";
import type { BreakGlassEnding } from "../reconcile/break-glass.js";
import type { ApplyOptions, ApplyResult } from "./apply.js";
import { runApply } from "./apply.js";
import { withGitSession } from "../git/git-session.js";

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
  /** A break-glass grant that ended (closed or not reviewed): recorded with no file to remove. */
  breakGlass?: { pullRequest: number };
}

export interface ExpireResult {
  apply: ApplyResult;
  removed: ExpiredLease[];
  /** Leases over but kept, and why (the next run retries). */
  kept: Array<{ path: string; why: string }>;
  commit?: string;
  pushed: boolean;
  /** Why the commit could not be pushed (the remote is unreachable, a concurrent change conflicts). */
  pushError?: string;
  /** The reconcile run again after taking in concurrent lease or policy changes before the push. */
  recheck?: ApplyResult;
  /** Break-glass records marked ended in refs/notes/jit by this run. */
  breakGlassEnded?: number;
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
  for (const r of removed) lines.push(`- ${r.path}: ${r.grantee} as ${r.role} on ${r.resource}, ${formatTimestamp(r.grantedAt)} – ${formatTimestamp(r.expiredAt)}${r.breakGlass ? ` (break-glass #${r.breakGlass.pullRequest}: ${r.why})` : ""}`);
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
      ...(r.breakGlass ? [`Jit-Break-Glass: #${r.breakGlass.pullRequest}`] : []),
    );
  }
  return lines.join("\n") + "\n";
}

/** (Runs in a git session: see src/git/git-session.ts.) */
export function runExpire(o: ExpireOptions): Promise<ExpireResult> {
  return withGitSession(() => runExpireInSession(o));
}

async function runExpireInSession(o: ExpireOptions): Promise<ExpireResult> {
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
  // Break-glass grants that end in this run (request closed unmerged, or not approved and
  // merged by reviewBy): flagged, recorded in the same commit (empty for them: their lease is
  // not on main), and marked ended in their note once that commit is in, so they are flagged once.
  const flagged: BreakGlassEnding[] = [];
  for (const e of apply.breakGlass.endings) {
    const r = e.record;
    const revoke = apply.results.find((x) => x.action.kind === "revoke" && x.action.resource === r.resource && x.action.grantee.toLowerCase() === r.grantee.toLowerCase());
    apply.findings.push({ lease: r.lease, commit: e.noteOn, message: e.message });
    apply.ok = false;
    if (listFailed.has(r.resource)) kept.push({ path: breakGlassLabel(r), why: `${r.resource} could not be listed; its grant may still be live` });
    else if (revoke && revoke.outcome.status === "failed") kept.push({ path: breakGlassLabel(r), why: `revoke failed: ${revoke.outcome.message}` });
    else if (refused.has(r.resource) && !revoke) kept.push({ path: breakGlassLabel(r), why: `${r.resource}: revocations were refused by a guard` });
    else {
      flagged.push(e);
      removed.push({ path: r.lease, resource: r.resource, grantee: r.grantee, role: r.role, grantedAt: Date.parse(r.grantedAt), expiredAt: e.endedAt, revokedAt: o.now, why: e.why, verified: true, breakGlass: { pullRequest: r.pullRequest } });
    }
  }
  const result: ExpireResult = { apply, removed, kept, pushed: false, ok: apply.ok && kept.length === 0 };
  if (o.dryRun || removed.length === 0) return result;

  const files = removed.filter((r) => !r.breakGlass).map((r) => r.path);
  if (files.length > 0) await git(o.repoDir, ["rm", "-q", "--", ...files]);
  const ident = ["-c", "user.name=jit-access[bot]", "-c", "user.email=jit-access[bot]@users.noreply.github.com"];
  // The commit carries the sweep's time: git alone then says when each grant ended.
  const when = formatTimestamp(o.now);
  const dates = { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  await git(o.repoDir, [...ident, "commit", "-q", "--allow-empty", "-F", "-"], expiryCommitMessage(removed), dates);
  result.commit = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
  if (o.push) {
    const attempts = o.push.attempts ?? 5;
    for (let i = 0; i < attempts && !result.pushed; i++) {
      try {
        await git(o.repoDir, ["push", "-q", o.push.remote, `HEAD:refs/heads/${o.push.branch}`]);
        result.pushed = true;
        delete result.pushError;
      } catch (e) {
        result.pushError = (e as Error).message;
        // Someone pushed meanwhile (a merge, another sweep): take their commits, check again, retry.
        if (!(await catchUp(o, o.push, result, ident, dates))) break;
      }
    }
    if (!result.pushed) result.ok = false;
  }
  const recorded = flagged.filter((e) => result.removed.some((r) => r.breakGlass?.pullRequest === e.record.pullRequest && r.path === e.record.lease));
  if (result.commit && (!o.push || result.pushed) && recorded.length > 0) {
    const signer = noteSigner(o.owner, o.repo, o.evidenceKey);
    result.breakGlassEnded = await markEnded(o.repoDir, recorded, signer);
    const error = o.push ? await pushNotesWithRetry(o.repoDir, o.push.remote, signer) : undefined;
    if (error) {
      // The next sweep flags them again and records them again: noisy, never silent.
      result.kept.push(...recorded.map((e) => ({ path: breakGlassLabel(e.record), why: `could not mark it ended in refs/notes/jit: ${error}` })));
      result.ok = false;
    }
  }
  return result;
}

/** Marks break-glass records ended in their (signed) notes; returns how many were marked. */
async function markEnded(repoDir: string, endings: BreakGlassEnding[], signer: NoteSigner): Promise<number> {
  // Per object, as its last change counted (a change may be made twice: see updateNotes).
  const marked = new Map<string, number>();
  const updates: NoteUpdate[] = [];
  for (const object of new Set(endings.map((e) => e.noteOn))) {
    updates.push({
      object,
      change: (note) => {
        let n = 0;
        const changed = {
          ...note,
          breakGlass: (note.breakGlass ?? []).map((r) => {
            const e = endings.find((x) => x.noteOn === object && x.record.pullRequest === r.pullRequest && x.record.lease === r.lease && x.record.blob === r.blob && x.record.grantedAt === r.grantedAt);
            if (!e || r.ended) return r;
            n++;
            return { ...r, ended: { at: new Date(e.endedAt).toISOString(), why: e.why } };
          }),
        };
        marked.set(object, n);
        return changed;
      },
    });
  }
  await updateNotes(repoDir, signer, updates);
  return [...marked.values()].reduce((a, b) => a + b, 0);
}

/**
 * After a rejected push: fetch the branch, drop the files a concurrent run already removed
 * (their removal is on record in its commit), rebase the revocation commit onto it, and when
 * the new commits add or change leases or the policy, reconcile again, so a grant backed by
 * a lease merged meanwhile is restored in this run rather than lost until the next one.
 * Returns false when the push cannot succeed in this run (the next run starts afresh).
 */
async function catchUp(o: ExpireOptions, push: NonNullable<ExpireOptions["push"]>, result: ExpireResult, ident: string[], dates: Record<string, string>): Promise<boolean> {
  try {
    await git(o.repoDir, ["fetch", "-q", push.remote, push.branch]);
  } catch (e) {
    result.pushError = (e as Error).message;
    return false;
  }
  const upstream = (await gitText(o.repoDir, ["rev-parse", "FETCH_HEAD"])).trim();
  const base = (await gitText(o.repoDir, ["rev-parse", "HEAD^"])).trim();
  const still = new Set((await gitText(o.repoDir, ["ls-tree", "-r", "--name-only", "-z", upstream, "--", ...result.removed.map((r) => r.path)])).split("\0").filter(Boolean));
  // A break-glass ending has no file: a concurrent sweep that recorded it says so in its trailers.
  const newer = await gitText(o.repoDir, ["log", "--format=%(trailers:only,unfold)", `${base}..${upstream}`]);
  const recorded = new Set(jitTrailers(newer).flatMap((g) => (g["break-glass"] ? [`${g.lease}\0${g["break-glass"]}`] : [])));
  const before = result.removed.length;
  result.removed = result.removed.filter((r) => (r.breakGlass !== undefined ? !recorded.has(`${r.path}\0#${r.breakGlass.pullRequest}`) : still.has(r.path)));
  try {
    // Break-glass records have no file: a commit left with only them is kept, not dropped as
    // empty; one left with nothing is dropped (it may have been empty from the start).
    if (result.removed.length === 0) await git(o.repoDir, ["reset", "-q", "--keep", upstream]);
    else await git(o.repoDir, [...ident, "rebase", "-q", ...(result.removed.some((r) => r.breakGlass !== undefined) ? ["--empty=keep"] : []), upstream], undefined, dates);
  } catch (e) {
    // e.g. an extension of a lease being removed was merged meanwhile: the next run judges it afresh.
    await git(o.repoDir, ["rebase", "--abort"]).catch(() => undefined);
    result.pushError = `the revocation commit does not rebase onto ${push.remote}/${push.branch}: ${(e as Error).message}`;
    return false;
  }
  const head = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
  if (head === upstream) {
    // A concurrent sweep already removed every one of them: nothing of ours is left to push.
    delete result.commit;
    delete result.pushError;
    result.pushed = true;
  } else {
    // Its message and trailers list only what this commit removes.
    if (result.removed.length < before) await git(o.repoDir, [...ident, "commit", "-q", "--amend", "--allow-empty", "-F", "-"], expiryCommitMessage(result.removed), dates);
    result.commit = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
  }
  const changed = (await gitText(o.repoDir, ["diff", "--name-only", "--no-renames", "--diff-filter=AM", base, upstream, "--", "leases", o.policyPath])).trim();
  if (changed) {
    result.recheck = await runApply({ ...o, ref: "HEAD" });
    if (!result.recheck.ok) result.ok = false;
  }
  return true;
}
