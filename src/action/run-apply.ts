/**
 * The Action's `apply` command (on push to main, on a schedule, or by hand): reconcile the
 * whole desired state from the checked-out main, comment on the pull requests whose leases
 * were granted or refused, record evidence notes and push them, and fail loudly on any
 * finding or failed item.
 */
import * as core from "@actions/core";
import { pushNotesWithRetry, fetchNotes } from "../git/evidence-notes.js";
import { noteSigner } from "../evidence/evidence.js";
import { runApply } from "../commands/apply.js";
import type { ApplyResult } from "../commands/apply.js";
import { scopedRun, settleApply } from "../commands/scoped-run.js";
import type { GitHubClient } from "../github/client.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { createProviderRegistry } from "../providers/registry.js";
import { providerRun } from "./provider-run.js";
import { formatPlanMarkdown } from "../reconcile/format-plan.js";
import type { Policy } from "../policy/policy.js";
import type { ActionContext } from "./context.js";
import { sendReminders } from "./send-reminders.js";
import { notifyResults } from "./notify-results.js";
import { startTimersAfter } from "./start-timers.js";

export const APPLY_MARKER = "<!-- jit-access:apply -->";

export async function runApplyAction(ctx: ActionContext, gh: GitHubClient, opts: { evidenceKey?: string; botLogin?: string; dryRun: boolean; force: boolean }): Promise<ApplyResult> {
  // Evidence from earlier runs (a fresh checkout does not fetch notes).
  if (!(await fetchNotes(ctx.workspace, "origin", ctx.token))) core.info("No evidence notes yet (refs/notes/jit); every lease change will be verified through the API.");
  // Providers read the secrets the policy names (connection strings, CA keys) from the job's environment.
  const registry = createProviderRegistry(gh, await providerRun(ctx, opts.evidenceKey));
  // On a push (a merge), only what its commits touched and leases due (see commands/scoped-run.ts);
  // run by hand or on a schedule, everything. Both with conditional requests, recorded in refs/jit/state.
  const scope = { kind: ctx.eventName === "push" ? ("merge" as const) : ("full" as const), remote: { name: "origin", ...(ctx.token ? { token: ctx.token } : {}) }, log: (l: string) => core.info(l) };
  const { result } = await scopedRun(
    {
    gh,
    repoDir: ctx.workspace,
    owner: ctx.owner,
    repo: ctx.repo,
    defaultBranch: ctx.defaultBranch ?? "main",
    policyPath: ctx.policyPath,
    now: ctx.now,
    ref: "HEAD",
    ...(opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {}),
    ...(opts.botLogin ? { botLogin: opts.botLogin } : {}),
    providerFor: (id: string, policy: Policy) => registry(policy.resources.get(id)!),
    guards: { maxRevocations: 25, maxRevocationFraction: 0.5, force: opts.force },
    dryRun: opts.dryRun,
    },
    scope,
    runApply,
    settleApply,
  ).finally(() => registry.close());

  await core.summary.addRaw(formatPlanMarkdown(result.plan, result.results, result.findings)).write();
  for (const f of result.findings.slice(0, 10)) core.error(f.message, { title: "jit-access security finding" });
  for (const r of result.results.filter((x) => x.outcome.status === "failed").slice(0, 10)) {
    if (r.outcome.status === "failed") core.error(`${r.action.kind} ${r.action.resource} ${r.action.grantee}: ${r.outcome.message}`, { title: r.outcome.code });
  }

  if (!opts.dryRun) {
    // Tell each pull request what happened to its lease.
    for (const ev of result.verified) {
      if (!ev.pullRequest) continue;
      let body: string;
      if (ev.verdict === "approved") {
        const done = result.results.filter((r) => r.because.includes(ev.lease));
        const keep = result.plan.actions.find((a) => a.kind === "keep" && a.because.some((b) => b.kind === "lease" && b.path === ev.lease));
        const window = result.plan.actions.flatMap((a) => ("because" in a ? a.because : [])).find((b) => b.kind === "lease" && b.path === ev.lease);
        const until = window && window.kind === "lease" ? ` It expires at ${formatTimestamp(window.end)}.` : "";
        const scheduled = result.plan.scheduled.find((s) => s.path === ev.lease);
        if (done.length) body = `✅ Granted at ${formatTimestamp(ctx.now)}: ${done.map((r) => `${r.action.kind} ${r.action.resource} → @${r.action.grantee} (${r.outcome.status}${r.outcome.status === "failed" ? `: ${r.outcome.message}` : ""})`).join("; ")}.${until}\nApproved by ${ev.approvals.map((a) => `@${a.reviewer}`).join(", ")}.`;
        else if (scheduled) body = `⏳ Approved by ${ev.approvals.map((a) => `@${a.reviewer}`).join(", ")}; access starts at ${formatTimestamp(scheduled.start)}.`;
        else if (keep) body = `✅ Verified; access was already in place.${until}`;
        else body = `ℹ️ Verified (approved by ${ev.approvals.map((a) => `@${a.reviewer}`).join(", ")}), but the lease is not active now.`;
      } else {
        body = `❌ Not granted: this lease reached main but failed verification.\n\n${ev.findings.map((f) => `- ${f}`).join("\n")}\n\nThe access repo admins have been flagged by a failed apply run.`;
      }
      try {
        await gh.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: ev.pullRequest.number, body: `${APPLY_MARKER}\n${body}` });
      } catch (e) {
        core.warning(`Could not comment on #${ev.pullRequest.number}: ${(e as Error).message}`);
      }
    }
    // Other runs (break-glass, expire) push notes too: merge theirs and retry.
    const failed = result.verified.length || result.drift.length || result.policyVerified.length ? await pushNotesWithRetry(ctx.workspace, "origin", noteSigner(ctx.owner, ctx.repo, opts.evidenceKey)) : undefined;
    if (failed) core.warning(`Could not push evidence notes (refs/notes/jit): ${failed}. The next run verifies these leases again.`);
  }
  if (!opts.dryRun) await sendReminders(ctx, gh, result);
  if (!opts.dryRun) await startTimersAfter(ctx, gh, result);
  if (!opts.dryRun) await notifyResults(ctx, result, core.getInput("webhook-url") || undefined);
  const count = (k: string) => result.results.filter((r) => r.action.kind === k && r.outcome.status !== "failed").length;
  core.setOutput("ok", String(result.ok));
  core.setOutput("granted", String(count("grant")));
  core.setOutput("changed", String(count("change-role")));
  core.setOutput("revoked", String(count("revoke")));
  core.setOutput("failed", String(result.results.filter((r) => r.outcome.status === "failed").length));
  core.setOutput("findings", String(result.findings.length));
  return result;
}
