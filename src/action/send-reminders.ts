/** Reminders before expiry, from an apply or expire run: one comment per lease window, never repeated. */
import * as core from "@actions/core";
import type { ApplyResult } from "../commands/apply.js";
import type { GitHubClient } from "../github/client.js";
import { postOnce } from "../github/post-once.js";
import { dueReminders } from "../reconcile/reminders.js";
import type { ActionContext } from "./context.js";

export async function sendReminders(ctx: ActionContext, gh: GitHubClient, result: ApplyResult): Promise<number> {
  let sent = 0;
  for (const r of dueReminders(result.active, result.policy, ctx.now)) {
    try {
      if (await postOnce(gh, { owner: ctx.owner, repo: ctx.repo, number: r.pullRequest }, r.marker, r.body)) sent++;
    } catch (e) {
      core.warning(`Could not post a reminder on #${r.pullRequest}: ${(e as Error).message}`);
    }
  }
  core.setOutput("reminded", String(sent));
  return sent;
}
