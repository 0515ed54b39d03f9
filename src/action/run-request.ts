/**
 * The Action's `request` command (workflow_dispatch): the request form. The grantee and
 * requester is the actor who ran the workflow; the form's inputs say what, for how long and
 * why. Opens the lease pull request as the bot, or fails the step with the reasons and opens
 * nothing.
 *
 * A re-run by someone else (GITHUB_TRIGGERING_ACTOR differs from GITHUB_ACTOR) opens nothing,
 * with code request-rerun-by-other: it replays the first attempt's form — its reason, its
 * ticket — so it could neither ask in the name of the one who filled it in (they did not start
 * this attempt) nor in the re-runner's (those are not their words). The re-runner runs the
 * form themselves.
 */
import * as core from "@actions/core";
import { runRequestForm } from "../commands/request-form.js";
import type { GitHubClient } from "../github/client.js";
import type { ActionContext } from "./context.js";

export const RERUN_BY_OTHER = "request-rerun-by-other";

export async function runRequestAction(ctx: ActionContext, gh: GitHubClient, opts: { evidenceKey?: string; botLogin?: string }): Promise<boolean> {
  if (ctx.eventName !== "workflow_dispatch") throw new Error(`The request command runs from a workflow_dispatch form, not ${ctx.eventName || "this event"}.`);
  const actor = ctx.actor?.login ?? "";
  if (ctx.actor?.rerun) {
    const { login, startedBy } = ctx.actor;
    const message = `This run was started by ${startedBy} and re-run by ${login}; a request is made by the person who fills in the form, so a re-run by someone else asks for nobody. ${login}: run the workflow yourself.`;
    core.error(message, { title: RERUN_BY_OTHER });
    await core.summary.addRaw(`### jit-access request\n\nNothing was opened: \`${RERUN_BY_OTHER}\`: ${message}\n`).write();
    core.setOutput("ok", "false");
    core.setOutput("errors", "1");
    return false;
  }
  const input = (name: string) => core.getInput(name);
  const r = await runRequestForm({
    gh,
    repoDir: ctx.workspace,
    owner: ctx.owner,
    repo: ctx.repo,
    defaultBranch: ctx.defaultBranch ?? "main",
    policyPath: ctx.policyPath,
    actor,
    resource: input("resource"),
    role: input("role"),
    duration: input("duration"),
    reason: input("reason"),
    ticket: input("ticket"),
    notBefore: input("not-before"),
    ...(opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {}),
    ...(opts.botLogin ? { botLogin: opts.botLogin } : {}),
    now: ctx.now,
    ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
  });
  for (const d of r.errors) core.error(d.hint ? `${d.message} ${d.hint.split("\n")[0]}` : d.message, { title: d.code });
  for (const d of r.warnings) core.warning(d.message, { title: d.code });
  const lines = ["### jit-access request", ""];
  if (r.ok && r.pullRequest) {
    lines.push(`Opened [#${r.pullRequest.number}](${r.pullRequest.url}) for @${actor}: \`${r.lease!.path}\` on branch \`${r.branch}\`.`, "", "```yaml", r.lease!.text.trimEnd(), "```");
    core.setOutput("pull-request", String(r.pullRequest.number));
    core.setOutput("pull-request-url", r.pullRequest.url);
    core.setOutput("branch", r.branch!);
    core.setOutput("lease", r.lease!.path);
  } else {
    lines.push(`Nothing was opened: the request is not valid.`, "");
    for (const d of r.errors) lines.push(`- \`${d.code}\`: ${d.message}${d.hint ? ` — ${d.hint.split("\n")[0]}` : ""}`);
  }
  await core.summary.addRaw(lines.join("\n") + "\n").write();
  core.setOutput("ok", String(r.ok));
  core.setOutput("errors", String(r.errors.length));
  return r.ok;
}
