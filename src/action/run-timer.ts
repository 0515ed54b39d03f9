/**
 * The Action's `timer` command: precise expiry for resources with `revocation: timer`, run by
 * the timer workflow (workflow_dispatch, inputs `lease` and `expires-at`). Phases (input
 * `timer-phase`), one per workflow step:
 *
 * - `wait`: sleep until the expiry (checking every few minutes that the lease still exists;
 *   a lease released early needs no timer). When the expiry is beyond one job's wait (GitHub
 *   stops hosted jobs after 6 hours), wait that long, dispatch the next timer for the rest
 *   and stop (a chain). Outputs `due`. Holds no App token: one would expire while waiting.
 * - `revoke`: at or after the expiry, the expiry sweep for the lease's resource (scoped):
 *   the grant is revoked and the file removed with reason "expired". A lease found extended
 *   gets a timer for its new end.
 * - `early`: the step that runs when the timer did not finish (cancelled, timed out, failed):
 *   revoke now, early rather than late, when this run may (see earlyRevokeVerdict).
 * - empty: `wait`, then `revoke` when due (one step; needs a token that outlives the wait).
 *
 * The clock and the sleep are injectable for tests (see clock.ts).
 */
import * as core from "@actions/core";
import { runTimer, runTimerEarly } from "../commands/timer.js";
import { UsageError } from "../diagnostics/usage-error.js";
import type { GitHubClient } from "../github/client.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { TimerStart } from "../timer/timer-plan.js";
import { MAX_TIMER_WAIT_MS, TIMER_POLL_MS, parseTimerInputs, timerLeg } from "../timer/timer-plan.js";
import type { ActionContext } from "./context.js";
import type { TimerDeps } from "./clock.js";
import { REAL_TIMER_DEPS } from "./clock.js";
import { expireAndReport } from "./run-expire.js";
import { startTimers, startTimersAfter, timerWorkflow } from "./start-timers.js";

export type { TimerDeps } from "./clock.js";
export { REAL_TIMER_DEPS } from "./clock.js";

export interface TimerRunInputs {
  lease: string;
  expiresAt: string;
  phase: string;
  /** GITHUB_WORKFLOW_REF (for the early revoke, which records ctx.actor too). */
  workflowRef: string;
}

type ReconcileOptions = { evidenceKey?: string; dryRun: boolean; force: boolean };

export async function runTimerAction(ctx: ActionContext, gh: GitHubClient, opts: ReconcileOptions, inputs: TimerRunInputs, deps: TimerDeps = REAL_TIMER_DEPS): Promise<boolean> {
  const t = parseTimerInputs(inputs.lease, inputs.expiresAt);
  switch (inputs.phase.trim()) {
    case "wait":
      return (await waitForExpiry(ctx, gh, t, deps)).ok;
    case "revoke":
      return revokeAtExpiry(ctx, gh, opts, t, deps);
    case "early":
      return revokeEarly(ctx, gh, opts, t, inputs, deps);
    case "": {
      const w = await waitForExpiry(ctx, gh, t, deps);
      return w.due ? revokeAtExpiry(ctx, gh, opts, t, deps) : w.ok;
    }
    default:
      throw new UsageError("timer-bad-phase", `Input 'timer-phase' must be wait, revoke, early or empty; got '${inputs.phase}'.`);
  }
}

async function leaseExists(ctx: ActionContext, gh: GitHubClient, lease: string): Promise<boolean> {
  try {
    await gh.rest.repos.getContent({ owner: ctx.owner, repo: ctx.repo, path: lease, ref: ctx.defaultBranch ?? "main" });
    return true;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return false;
    core.info(`Could not check that ${lease} still exists (${(e as Error).message}); waiting on.`);
    return true;
  }
}

/** Sleeps until the expiry or one job's wait, whichever is first; then hands over to the next timer if needed. */
async function waitForExpiry(ctx: ActionContext, gh: GitHubClient, t: TimerStart, deps: TimerDeps): Promise<{ due: boolean; ok: boolean }> {
  const start = deps.clock();
  const leg = timerLeg(start, t.expiresAt);
  const until = start + leg.waitMs;
  core.info(
    `${t.lease} expires at ${formatTimestamp(t.expiresAt)}; waiting ${Math.ceil(leg.waitMs / 60_000)} minute(s)` +
      (leg.due ? "." : `, then starting the next timer (one job waits at most ${MAX_TIMER_WAIT_MS / 60_000} minutes).`),
  );
  core.setOutput("due", "false");
  for (let now = start; now < until; now = deps.clock()) {
    if (!(await leaseExists(ctx, gh, t.lease))) {
      core.info(`${t.lease} is no longer on ${ctx.defaultBranch ?? "main"} (released, or removed by the sweep): nothing left to wait for.`);
      return { due: false, ok: true };
    }
    await deps.sleep(Math.min(TIMER_POLL_MS, until - now));
  }
  if (leg.due) {
    core.setOutput("due", "true");
    return { due: true, ok: true };
  }
  const next = await startTimers(gh, { owner: ctx.owner, repo: ctx.repo, ref: ctx.defaultBranch ?? "main", workflow: timerWorkflow() }, [t], (m) => core.warning(m));
  if (next.started.length === 0) {
    core.setFailed(`The next timer for ${t.lease} could not be started; the sweep revokes it after ${formatTimestamp(t.expiresAt)}.`);
    return { due: false, ok: false };
  }
  core.info(`Started the next timer for ${t.lease}.`);
  return { due: false, ok: true };
}

/** At or after the expiry: the sweep for this lease's resource; a lease found extended gets a new timer. */
async function revokeAtExpiry(ctx: ActionContext, gh: GitHubClient, opts: ReconcileOptions, t: TimerStart, deps: TimerDeps): Promise<boolean> {
  const now = deps.clock();
  if (now < t.expiresAt) {
    throw new UsageError("timer-not-due", `${t.lease} expires at ${formatTimestamp(t.expiresAt)}, not yet: run the wait phase first (timer-phase: wait).`);
  }
  const at = { ...ctx, now };
  const r = await expireAndReport(at, gh, opts, (o) => runTimer({ ...o, lease: t.lease }));
  if (!r) return true;
  if (r.next) core.info(`${t.lease} was extended to ${formatTimestamp(r.next.expiresAt)}: starting a timer for its new end.`);
  else if (!r.removed.some((x) => x.path === t.lease)) core.info(`${t.lease} was not removed by this run (already gone, or kept: see the summary).`);
  if (!opts.dryRun) await startTimersAfter(at, gh, [r.apply, r.recheck], r.next ? [r.next] : []);
  return r.ok;
}

/** The timer did not finish: revoke now rather than late, when allowed. */
async function revokeEarly(ctx: ActionContext, gh: GitHubClient, opts: ReconcileOptions, t: TimerStart, inputs: TimerRunInputs, deps: TimerDeps): Promise<boolean> {
  const at = { ...ctx, now: deps.clock() };
  const r = await expireAndReport(at, gh, opts, async (o) => {
    const e = await runTimerEarly({
      ...o,
      lease: t.lease,
      expiresAt: t.expiresAt,
      eventName: ctx.eventName,
      workflowRef: inputs.workflowRef,
      timerWorkflow: timerWorkflow(),
      ...(ctx.actor ? { actor: ctx.actor.login, ...(ctx.actor.rerun ? { rerunOf: ctx.actor.startedBy } : {}) } : {}),
      ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
    });
    if (e.status === "gone") core.info(`${t.lease} is not active on ${o.defaultBranch}: nothing to revoke.`);
    if (e.status === "not-due") core.warning(e.message, { title: "jit-access timer" });
    return e.status === "revoked" || e.status === "expired" ? e.result : undefined;
  });
  if (r && !opts.dryRun) await startTimersAfter(at, gh, [r.apply, r.recheck]);
  return r?.ok ?? true;
}
