/**
 * Starts expiry timers: one workflow_dispatch of the timer workflow per lease, on the default
 * branch, with the lease and its expiry as inputs. Best effort: a dispatch that fails is a
 * warning, never a failed grant — the sweep (expire.yml) still revokes the lease, late by at
 * most its schedule's delay.
 */
import * as core from "@actions/core";
import type { ApplyResult } from "../commands/apply.js";
import type { GitHubClient } from "../github/client.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { TimerStart } from "../timer/timer-plan.js";
import { timerInputs, timersToStart } from "../timer/timer-plan.js";
import type { ActionContext } from "./context.js";

export const DEFAULT_TIMER_WORKFLOW = "timer.yml";

export interface TimerTarget {
  owner: string;
  repo: string;
  /** The default branch (timers run the workflow as it is there). */
  ref: string;
  /** File name (timer.yml) or numeric id of the timer workflow. */
  workflow: string;
}

export interface TimersStarted {
  started: TimerStart[];
  failed: Array<TimerStart & { message: string }>;
}

export async function startTimers(gh: GitHubClient, target: TimerTarget, timers: TimerStart[], warn: (message: string) => void): Promise<TimersStarted> {
  const out: TimersStarted = { started: [], failed: [] };
  for (const t of timers) {
    try {
      await gh.rest.actions.createWorkflowDispatch({ owner: target.owner, repo: target.repo, workflow_id: target.workflow, ref: target.ref, inputs: timerInputs(t) });
      out.started.push(t);
    } catch (e) {
      const message = (e as Error).message;
      out.failed.push({ ...t, message });
      warn(
        `Could not start the expiry timer for ${t.lease} (workflow ${target.workflow} on ${target.ref}, expiry ${formatTimestamp(t.expiresAt)}): ${message}. ` +
          `The sweep still revokes it after its expiry. Check that the workflow exists with inputs 'lease' and 'expires-at' and that the token may dispatch workflows (Actions: write).`,
      );
    }
  }
  return out;
}

/** The timer workflow the Action dispatches (input `timer-workflow`). */
export function timerWorkflow(): string {
  return core.getInput("timer-workflow").trim() || DEFAULT_TIMER_WORKFLOW;
}

/**
 * After an apply, expire, revoke or timer run: start a timer for every lease it granted (or
 * changed the role of) on a `revocation: timer` resource, and for every lease new or extended
 * in it whose grant was already there, plus `more`. Reported in the log,
 * the job summary and the `timers` output; failures are warnings.
 */
export async function startTimersAfter(ctx: ActionContext, gh: GitHubClient, results: ApplyResult | Array<ApplyResult | undefined>, more: TimerStart[] = []): Promise<TimersStarted> {
  const runs = (Array.isArray(results) ? results : [results]).filter((r): r is ApplyResult => r !== undefined);
  const byLease = new Map<string, TimerStart>();
  for (const t of [...runs.flatMap((r) => timersToStart(r.results, r.policy, r.plan.actions, r.recorded)), ...more]) byLease.set(t.lease, t);
  const timers = [...byLease.values()];
  if (timers.length === 0) {
    core.setOutput("timers", "0");
    return { started: [], failed: [] };
  }
  const workflow = timerWorkflow();
  const r = await startTimers(gh, { owner: ctx.owner, repo: ctx.repo, ref: ctx.defaultBranch ?? "main", workflow }, timers, (m) => core.warning(m, { title: "jit-access timer" }));
  const lines = ["### Expiry timers", ""];
  for (const t of r.started) lines.push(`- \`${t.lease}\`: ${workflow} started, revokes at ${formatTimestamp(t.expiresAt)}`);
  for (const t of r.failed) lines.push(`- ⚠️ \`${t.lease}\`: could not start ${workflow} (${t.message}); the sweep revokes it`);
  await core.summary.addRaw(lines.join("\n") + "\n").write();
  core.setOutput("timers", String(r.started.length));
  return r;
}
