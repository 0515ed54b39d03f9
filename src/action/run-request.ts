/**
 * The Action's `request` command (workflow_dispatch): the request form. The grantee and
 * requester is the actor who ran the workflow; the form's inputs say what, for how long and
 * why. Opens the lease pull request as the bot, or fails the step with the reasons and opens
 * nothing.
 */
import * as core from "@actions/core";
import { runRequestForm } from "../commands/request-form.js";
import type { GitHubClient } from "../github/client.js";
import type { ActionContext } from "./context.js";

export async function runRequestAction(ctx: ActionContext, gh: GitHubClient, opts: { evidenceKey?: string; botLogin?: string }, env: NodeJS.ProcessEnv): Promise<boolean> {
  if (ctx.eventName !== "workflow_dispatch") throw new Error(`The request command runs from a workflow_dispatch form, not ${ctx.eventName || "this event"}.`);
  const actor = env.GITHUB_ACTOR ?? "";
  const triggering = env.GITHUB_TRIGGERING_ACTOR;
  // A re-run keeps the original actor: nobody may ask in someone else's name by re-running their run.
  if (triggering && actor && triggering.toLowerCase() !== actor.toLowerCase()) {
    throw new Error(`This run was started by ${actor} and re-run by ${triggering}; a request is made by the person who fills in the form. ${triggering}: run the workflow yourself.`);
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
