/**
 * Precise expiry (`revocation: timer`), the pure part: which timers a run must start, how
 * long one timer job waits and whether it must hand over to a next one, and when a timer
 * that did not finish may revoke its lease early. No I/O; `now` is passed in.
 *
 * A timer is a workflow_dispatch run of the timer workflow with two inputs, the lease path
 * and its expiry. It sleeps until the expiry and then runs the expiry sweep for that lease's
 * resource. GitHub-hosted jobs are stopped after 6 hours, so a timer waits at most
 * MAX_TIMER_WAIT_MS and then dispatches the next timer for the rest (a chain).
 */
import { UsageError } from "../diagnostics/usage-error.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { formatTimestamp, parseTimestamp } from "../lease/timestamp.js";
import type { Policy } from "../policy/policy.js";
import type { ActionResult } from "../reconcile/execute-plan.js";
import type { PlanAction } from "../reconcile/plan.js";

const MINUTE = 60_000;
/**
 * Longest wait of one timer job: GitHub-hosted jobs end after 360 minutes; this leaves 20 for
 * the runner's setup, the revoke and the step that revokes early if anything went wrong.
 */
export const MAX_TIMER_WAIT_MS = 340 * MINUTE;
/** How often a waiting timer checks that its lease still exists (a lease released early needs no timer). */
export const TIMER_POLL_MS = 10 * MINUTE;
/** Slack on the early revoke's limit: a lease ending within one job's wait of now (plus this) may be revoked early. */
const EARLY_SLACK_MS = 20 * MINUTE;

/** A timer to start: the lease and the instant its access ends. */
export interface TimerStart {
  lease: string;
  expiresAt: number;
}

/** The workflow_dispatch inputs of a timer (the timer workflow declares exactly these). */
export function timerInputs(t: TimerStart): { lease: string; "expires-at": string } {
  return { lease: t.lease, "expires-at": formatTimestamp(t.expiresAt) };
}

/**
 * Timers for what a run granted or changed on resources with `revocation: timer`: one per
 * lease behind each successful grant or role change, at that lease's end; and one per lease
 * new or extended in this run (`recorded`) whose grant was already there (kept: another
 * lease, or the same one before its extension, holds it), at its end.
 */
export function timersToStart(results: ActionResult[], policy: Policy, plan: PlanAction[] = [], recorded: string[] = []): TimerStart[] {
  const out = new Map<string, TimerStart>();
  const isTimer = (resource: string) => policy.resources.get(resource)?.revocation === "timer";
  for (const r of results) {
    const a = r.action;
    if (a.kind !== "grant" && a.kind !== "change-role") continue;
    if (r.outcome.status === "failed") continue;
    if (!isTimer(a.resource)) continue;
    for (const b of a.because) if (b.kind === "lease") out.set(b.path, { lease: b.path, expiresAt: b.end });
  }
  const fresh = new Set(recorded);
  for (const a of plan) {
    if ((a.kind !== "keep" && a.kind !== "renew") || !isTimer(a.resource)) continue;
    for (const b of a.because) if (b.kind === "lease" && fresh.has(b.path) && !out.has(b.path)) out.set(b.path, { lease: b.path, expiresAt: b.end });
  }
  return [...out.values()];
}

/** A timer's inputs, checked: a lease path (leases/<resource>/<name>.yaml) and an RFC 3339 expiry. */
export function parseTimerInputs(lease: string, expiresAt: string): TimerStart & { resource: string } {
  const path = lease.trim();
  const where = checkLeasePath(path);
  if (where.kind !== "lease") throw new UsageError("timer-bad-lease", `Input 'lease' must be one lease file, leases/<resource>/<name>.yaml; got '${lease}'.`);
  const at = parseTimestamp(expiresAt.trim());
  if (at === undefined) throw new UsageError("timer-bad-expiry", `Input 'expires-at' must be an RFC 3339 time with an offset, e.g. 2026-11-24T17:00:00Z; got '${expiresAt}'.`);
  return { lease: path, resource: where.resource, expiresAt: at };
}

/**
 * One timer job's wait: until the expiry when it falls within `maxWait` (then `due`), else
 * `maxWait`, after which the job dispatches the next timer (`due` false).
 */
export function timerLeg(now: number, expiresAt: number, maxWait = MAX_TIMER_WAIT_MS): { waitMs: number; due: boolean } {
  const left = expiresAt - now;
  return left <= maxWait ? { waitMs: Math.max(0, left), due: true } : { waitMs: maxWait, due: false };
}

/** The ref GitHub sets in GITHUB_WORKFLOW_REF for the timer workflow run from the default branch. */
export function timerWorkflowRef(owner: string, repo: string, workflow: string, branch: string): string {
  return `${owner}/${repo}/.github/workflows/${workflow}@refs/heads/${branch}`;
}

export interface EarlyRevokeFacts {
  now: number;
  /** The lease's resource's `revocation` setting on the default branch (undefined: no such resource). */
  revocation: "sweep" | "timer" | undefined;
  eventName: string;
  /** GITHUB_WORKFLOW_REF of this run. */
  workflowRef: string;
  /** What it must be: the timer workflow on the default branch. */
  expectedWorkflowRef: string;
  /** The lease's current end (when it is active); without it the end is not judged yet. */
  end?: number;
  /** The expiry this timer was started for (its `expires-at` input): only that timer's lease may go early. */
  expiresAt?: number;
  maxWait?: number;
}

/**
 * May a timer that did not finish (cancelled, timed out, failed) revoke its lease now,
 * early rather than late? Only for a resource with `revocation: timer`, only in a
 * workflow_dispatch run of the timer workflow from the default branch, and only when the
 * lease ends within one timer job's wait from now: a timer leg that is cut short cannot take
 * away more than the wait it was responsible for.
 */
export function earlyRevokeVerdict(f: EarlyRevokeFacts): { allowed: true } | { allowed: false; code: string; message: string } {
  if (f.revocation !== "timer") {
    return { allowed: false, code: "timer-early-not-timer", message: `its resource does not use 'revocation: timer' (only a timer's own lease may be revoked early by a timer).` };
  }
  if (f.eventName !== "workflow_dispatch" || f.workflowRef !== f.expectedWorkflowRef) {
    return { allowed: false, code: "timer-early-not-timer-run", message: `this run is not the timer workflow dispatched on the default branch (event '${f.eventName}', workflow '${f.workflowRef || "unknown"}'; expected workflow_dispatch of '${f.expectedWorkflowRef}').` };
  }
  if (f.end !== undefined && f.expiresAt !== undefined && f.end !== f.expiresAt) {
    return { allowed: false, code: "timer-early-not-this-timer", message: `it now ends at ${formatTimestamp(f.end)}, not at ${formatTimestamp(f.expiresAt)}, the expiry this timer was started for (it was extended, or the timer was started by hand); the sweep or its own timer revokes it.` };
  }
  const limit = f.now + (f.maxWait ?? MAX_TIMER_WAIT_MS) + EARLY_SLACK_MS;
  if (f.end !== undefined && f.end > limit) {
    return { allowed: false, code: "timer-early-too-early", message: `it ends at ${formatTimestamp(f.end)}, more than one timer wait from now; the sweep revokes it at its expiry.` };
  }
  return { allowed: true };
}
