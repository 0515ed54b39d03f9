/**
 * The Action's `review` command (on a schedule): the access review of standing access. Opens
 * or updates the one review pull request (jit/review), or closes it when nothing is due; the
 * job summary says which. Fails the step only when a review is due and no pull request could
 * be proposed (an invalid policy, a list the edit cannot handle).
 */
import * as core from "@actions/core";
import { runReview } from "../commands/review.js";
import type { GitHubClient } from "../github/client.js";
import type { ActionContext } from "./context.js";

export async function runReviewAction(ctx: ActionContext, gh: GitHubClient, opts: { botLogin?: string; dryRun: boolean }): Promise<boolean> {
  const r = await runReview({
    gh,
    repoDir: ctx.workspace,
    owner: ctx.owner,
    repo: ctx.repo,
    defaultBranch: ctx.defaultBranch ?? "main",
    policyPath: ctx.policyPath,
    now: ctx.now,
    ...(opts.botLogin ? { botLogin: opts.botLogin } : {}),
    ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
    dryRun: opts.dryRun,
  });
  const lines = ["### jit-access access review", "", r.pullRequest ? r.message.replace(`#${r.pullRequest.number}`, `[#${r.pullRequest.number}](${r.pullRequest.url})`) : r.message];
  if (r.due.length) {
    lines.push("", "| Resource | Grantee | Role | Last reviewed |", "|---|---|---|---|");
    for (const e of r.due) lines.push(`| ${e.resource} | ${e.grantee} | ${e.role} | ${e.reviewed ?? "never"} |`);
  }
  await core.summary.addRaw(lines.join("\n") + "\n").write();
  if (r.ok) core.info(r.message);
  else core.error(r.message, { title: "jit-access review" });
  core.setOutput("due", String(r.due.length));
  core.setOutput("review", r.outcome);
  if (r.pullRequest) {
    core.setOutput("pull-request", String(r.pullRequest.number));
    core.setOutput("pull-request-url", r.pullRequest.url);
  }
  return r.ok;
}
