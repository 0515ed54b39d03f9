/**
 * `revocation: timer` runs. `runTimer`: at (or after) a lease's expiry, the expiry sweep for
 * that lease's resource only — it revokes the grant and removes the file with reason
 * "expired", exactly as the sweep would; when the lease turns out to be extended, it says when
 * the next timer is due. `runTimerEarly`: for the step that runs when a timer did not finish
 * (cancelled, timed out, failed): revokes the lease now, early rather than late, after
 * checking that this run may (see earlyRevokeVerdict).
 *
 * Scoped to one resource because timers run outside the apply/expire concurrency group and
 * at every lease's expiry: listing one resource keeps them cheap, and they never revoke drift
 * or remove the files of other resources' leases (whose grants they did not look at).
 */
import { UsageError } from "../diagnostics/usage-error.js";
import { readNotes } from "../git/evidence-notes.js";
import { checkLeasePath } from "../lease/lease-path.js";
import type { TimerStart } from "../timer/timer-plan.js";
import { earlyRevokeVerdict, timerWorkflowRef } from "../timer/timer-plan.js";
import { runPolicy } from "../apply/policy-run.js";
import { runApply } from "./apply.js";
import type { ExpireOptions, ExpireResult } from "./expire.js";
import { runExpire } from "./expire.js";
import { withGitSession } from "../git/git-session.js";

export interface TimerOptions extends ExpireOptions {
  /** The lease the timer is for. */
  lease: string;
}

export interface TimerResult extends ExpireResult {
  /** The lease is still active with a later end (it was extended): the timer to start for that end. */
  next?: TimerStart;
}

function resourceOf(lease: string): string {
  const where = checkLeasePath(lease);
  if (where.kind !== "lease") throw new UsageError("timer-bad-lease", `'${lease}' is not a lease file (leases/<resource>/<name>.yaml).`);
  return where.resource;
}

/** (Runs in a git session: see src/git/git-session.ts.) */
export function runTimer(o: TimerOptions): Promise<TimerResult> {
  return withGitSession(() => runTimerInSession(o));
}

async function runTimerInSession(o: TimerOptions): Promise<TimerResult> {
  const r = await runExpire({ ...o, onlyResources: new Set([resourceOf(o.lease)]) });
  const still = r.apply.active.find((a) => a.path === o.lease && a.end > o.now);
  return { ...r, ...(still ? { next: { lease: o.lease, expiresAt: still.end } } : {}) };
}

export interface EarlyTimerOptions extends TimerOptions {
  /** The expiry the timer was started for (its expires-at input); when given, the lease must still end then. */
  expiresAt?: number;
  /** GITHUB_EVENT_NAME and GITHUB_WORKFLOW_REF of this run. */
  eventName: string;
  workflowRef: string;
  /** File name of the timer workflow (timer.yml). */
  timerWorkflow: string;
  /** Who started this attempt of the run (GITHUB_TRIGGERING_ACTOR, else GITHUB_ACTOR), for the record. */
  actor?: string;
  /** Whose run this attempt re-runs, when someone else's (GITHUB_ACTOR): recorded too. */
  rerunOf?: string;
  runUrl?: string;
}

export type EarlyTimerResult =
  /** Revoked now, before its end; the file was removed with the early reason. */
  | { status: "revoked"; result: ExpireResult }
  /** It was over anyway: expired normally. */
  | { status: "expired"; result: ExpireResult }
  /** Not on the branch or not active (released, removed by the sweep): nothing to do. */
  | { status: "gone" }
  /** Active, but ending more than one timer wait from now: left to a timer or the sweep. */
  | { status: "not-due"; end: number; message: string };

/** (Runs in a git session: see src/git/git-session.ts.) */
export function runTimerEarly(o: EarlyTimerOptions): Promise<EarlyTimerResult> {
  return withGitSession(() => runTimerEarlyInSession(o));
}

async function runTimerEarlyInSession(o: EarlyTimerOptions): Promise<EarlyTimerResult> {
  const resource = resourceOf(o.lease);
  // The resource's revocation mode as the verified policy in force says.
  const policy = (await runPolicy(o, await readNotes(o.repoDir))).inForce.policy;
  const facts = {
    now: o.now,
    revocation: policy.resources.get(resource)?.revocation,
    eventName: o.eventName,
    workflowRef: o.workflowRef,
    expectedWorkflowRef: timerWorkflowRef(o.owner, o.repo, o.timerWorkflow, o.defaultBranch),
  };
  const allowed = earlyRevokeVerdict(facts);
  if (!allowed.allowed) throw new UsageError(allowed.code, `${o.lease} was not revoked early: ${allowed.message}`);

  const scope = new Set([resource]);
  const look = await runApply({ ...o, onlyResources: scope, dryRun: true });
  if (look.over.some((l) => l.path === o.lease)) return { status: "expired", result: await runExpire({ ...o, onlyResources: scope }) };
  const active = look.active.find((a) => a.path === o.lease);
  if (!active) return { status: "gone" };
  const verdict = earlyRevokeVerdict({ ...facts, end: active.end, ...(o.expiresAt !== undefined ? { expiresAt: o.expiresAt } : {}) });
  if (!verdict.allowed) return { status: "not-due", end: active.end, message: `${o.lease} was not revoked early: ${verdict.message}` };
  const rerunOf = o.actor && o.rerunOf && o.rerunOf.toLowerCase() !== o.actor.toLowerCase() ? o.rerunOf : undefined;
  const who = o.actor ? (rerunOf ? `re-run by @${o.actor} of a run started by @${rerunOf}` : `started by @${o.actor}`) : undefined;
  const why = [o.runUrl, who].filter(Boolean).join(", ");
  const result = await runExpire({ ...o, onlyResources: scope, endNow: new Set([o.lease]), earlyReason: `timer cancelled: revoked early${why ? ` (${why})` : ""}` });
  return { status: "revoked", result };
}
