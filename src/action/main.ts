/** The Action adapter: read inputs and event, run the command, fail the step when invalid. */
import * as core from "@actions/core";
import { createClient } from "../github/client.js";
import { readContext } from "./context.js";
import { runValidateAction } from "./run-validate.js";

/** A boolean input; unset (as outside GitHub, where action.yml defaults are not applied) is false. */
function flag(name: string): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  return v === "true" || v === "yes" || v === "1";
}

/** The inputs apply, expire and revoke share; the evidence key is masked in the log. */
function reconcileInputs(): { evidenceKey?: string; dryRun: boolean; force: boolean } {
  const key = core.getInput("evidence-key");
  if (key) core.setSecret(key);
  return { ...(key ? { evidenceKey: key } : {}), dryRun: flag("dry-run"), force: flag("force") };
}

export async function run(): Promise<void> {
  try {
    const ctx = readContext(process.env, (n) => core.getInput(n), Date.now());
    const gh = createClient({ token: ctx.token, baseUrl: ctx.apiUrl, log: (m) => core.info(m) });
    switch (ctx.command) {
      case "validate": {
        const report = await runValidateAction(ctx, gh);
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
        const ok = await runRevokeAction(ctx, gh, reconcileInputs(), leases, process.env.GITHUB_ACTOR ?? "", core.getInput("reason"));
        if (!ok) core.setFailed("revoke did not complete: see the job summary.");
        return;
      }
      case "audit": {
        const { runAuditAction } = await import("./run-audit.js");
        const key = core.getInput("evidence-key");
        if (key) core.setSecret(key);
        const r = await runAuditAction(ctx, gh, { ...(key ? { evidenceKey: key } : {}), since: core.getInput("since"), csvPath: core.getInput("csv"), issue: core.getInput("issue") || "never" });
        if (!r.ok) core.setFailed(`The audit has ${r.findings} finding(s): see the job summary.`);
        return;
      }
      default:
        core.setFailed(`Unknown command '${ctx.command}'. See the 'command' input in action.yml for the supported commands.`);
    }
  } catch (e) {
    core.setFailed((e as Error).message);
  }
}
