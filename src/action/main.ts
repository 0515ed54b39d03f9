/** The Action adapter: read inputs and event, run the command, fail the step when invalid. */
import * as core from "@actions/core";
import { createClient } from "../github/client.js";
import { actionClock } from "./clock.js";
import { readContext } from "./context.js";

/** A boolean input; unset (as outside GitHub, where action.yml defaults are not applied) is false. */
function flag(name: string): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  return v === "true" || v === "yes" || v === "1";
}

/** The inputs apply, expire and revoke share; the evidence key is masked in the log. */
function reconcileInputs(): { evidenceKey?: string; botLogin?: string; dryRun: boolean; force: boolean } {
  const key = core.getInput("evidence-key");
  if (key) core.setSecret(key);
  const bot = core.getInput("bot-login").trim();
  return { ...(key ? { evidenceKey: key } : {}), ...(bot ? { botLogin: bot } : {}), dryRun: flag("dry-run"), force: flag("force") };
}

export async function run(): Promise<void> {
  try {
    const time = actionClock(process.env, (m) => core.warning(m));
    const ctx = readContext(process.env, (n) => core.getInput(n), time.clock());
    const gh = createClient({ token: ctx.token, baseUrl: ctx.apiUrl, log: (m) => core.info(m) });
    switch (ctx.command) {
      case "validate": {
        const { evidenceKey, botLogin } = reconcileInputs();
        const { runValidateAction } = await import("./run-validate.js");
        const report = await runValidateAction(ctx, gh, { ...(evidenceKey ? { evidenceKey } : {}), ...(botLogin ? { botLogin } : {}) });
        if (!report.ok) core.setFailed("Lease validation failed: see the annotations, the job summary and the pull request comment.");
        return;
      }
      case "apply": {
        const { runApplyAction } = await import("./run-apply.js");
        const result = await runApplyAction(ctx, gh, reconcileInputs());
        if (!result.ok) core.setFailed("apply found problems: see the job summary (security findings, failed items, refused revocations).");
        return;
      }
      case "expire": {
        const { runExpireAction } = await import("./run-expire.js");
        const ok = await runExpireAction(ctx, gh, reconcileInputs());
        if (!ok) core.setFailed("expire found problems: see the job summary (failed revocations keep their files; the next run retries).");
        return;
      }
      case "revoke": {
        const { runRevokeAction } = await import("./run-expire.js");
        const leases = core.getInput("lease").split(/[\s,]+/).filter(Boolean);
        const ok = await runRevokeAction(ctx, gh, reconcileInputs(), leases, core.getInput("reason"));
        if (!ok) core.setFailed("revoke did not complete: see the job summary.");
        return;
      }
      case "request": {
        const { runRequestAction } = await import("./run-request.js");
        const ok = await runRequestAction(ctx, gh, reconcileInputs());
        if (!ok) core.setFailed("The request is not valid and nothing was opened: see the errors above and the job summary.");
        return;
      }
      case "break-glass": {
        const { runBreakGlassAction } = await import("./run-break-glass.js");
        const { evidenceKey, botLogin, dryRun } = reconcileInputs();
        const ok = await runBreakGlassAction(ctx, gh, { ...(evidenceKey ? { evidenceKey } : {}), ...(botLogin ? { botLogin } : {}), dryRun });
        if (!ok) core.setFailed("Break-glass was not granted: see the job summary and the pull request comment.");
        return;
      }
      case "audit": {
        const { runAuditAction } = await import("./run-audit.js");
        const { evidenceKey, botLogin } = reconcileInputs();
        const r = await runAuditAction(ctx, gh, { ...(evidenceKey ? { evidenceKey } : {}), ...(botLogin ? { botLogin } : {}), since: core.getInput("since"), csvPath: core.getInput("csv"), issue: core.getInput("issue") || "never", newSince: core.getInput("new-since"), ...(core.getInput("webhook-url") ? { webhookUrl: core.getInput("webhook-url") } : {}) });
        if (!r.ok) core.setFailed(`The audit has ${r.findings} finding(s): see the job summary.`);
        return;
      }
      case "review": {
        const { runReviewAction } = await import("./run-review.js");
        const { botLogin, dryRun } = reconcileInputs();
        const ok = await runReviewAction(ctx, gh, { ...(botLogin ? { botLogin } : {}), dryRun });
        if (!ok) core.setFailed("The access review could not propose a pull request: see the job summary.");
        return;
      }
      case "timer": {
        const { runTimerAction } = await import("./run-timer.js");
        const ok = await runTimerAction(ctx, gh, reconcileInputs(), {
          lease: core.getInput("lease"),
          expiresAt: core.getInput("expires-at"),
          phase: core.getInput("timer-phase"),
          workflowRef: process.env.GITHUB_WORKFLOW_REF ?? "",
        }, time);
        if (!ok) core.setFailed("timer did not complete: see the job summary (the sweep still revokes the lease).");
        return;
      }
      default:
        core.setFailed(`Unknown command '${ctx.command}'. See the 'command' input in action.yml for the supported commands.`);
    }
  } catch (e) {
    core.setFailed((e as Error).message);
  }
}
