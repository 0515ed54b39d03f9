/** The Action adapter: read inputs and event, run the command, fail the step when invalid. */
import * as core from "@actions/core";
import { createClient } from "../github/client.js";
import { readContext } from "./context.js";
import { runValidateAction } from "./run-validate.js";

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
      default:
        core.setFailed(`Unknown command '${ctx.command}'. This version supports: validate.`);
    }
  } catch (e) {
    core.setFailed((e as Error).message);
  }
}
