/**
 * The Action's `validate` command: judge a pull request with the base branch's policy
 * (the checked-out default branch) and the PR's files read through the API as data, then
 * report as annotations, a job summary, one sticky comment, a check run and outputs.
 */
import * as core from "@actions/core";
import { pullRequestInput } from "../git/pull-request-input.js";
import { refuseUnboundRequest } from "../validate/refuse-unbound-request.js";
import { changedLeases } from "../approval/requester.js";
import { pullRequestRequester } from "../approval/pull-request-requester.js";
import type { GitHubClient } from "../github/client.js";
import { APPROVALS_CHECK_NAME, CHECK_NAME, publishCheckRun } from "../github/check-run.js";
import { approvalSummary, pullRequestApprovals } from "../approval/pull-request-approvals.js";
import { loadPolicy } from "../policy/load-policy.js";
import type { Policy } from "../policy/policy.js";
import type { FileChange } from "../validate/inputs.js";
import { pullRequestChanges } from "../github/pull-request-changes.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { upsertStickyComment } from "../github/sticky-comment.js";
import { toJson } from "../report/format-json.js";
import { COMMENT_MARKER, formatComment, formatSummary, verdictTitle } from "../report/format-markdown.js";
import { allDiagnostics, countErrors } from "../validate/report.js";
import type { Report } from "../validate/report.js";
import { validatePullRequest } from "../validate/validate-pull-request.js";
import type { ActionContext } from "./context.js";
import { notifyApproval, notifyRequests, wasApproved } from "./notify-requests.js";

/** GitHub shows at most 10 annotations of a kind per step. */
export const MAX_STEP_ANNOTATIONS = 10;

/** `evidenceKey` and `botLogin` (the `evidence-key` and `bot-login` inputs) let a request-form pull request count as its requester's. */
export async function runValidateAction(ctx: ActionContext, gh: GitHubClient, opts: { evidenceKey?: string; botLogin?: string } = {}): Promise<Report> {
  const pr = ctx.pullRequest;
  if (!pr) throw new Error(`The validate command runs on pull_request_target, pull_request or pull_request_review events, not ${ctx.eventName}.`);
  const changes = await pullRequestChanges(gh, { owner: ctx.owner, repo: ctx.repo, number: pr.number, headSha: pr.headSha, baseSha: pr.baseSha }, ctx.policyPath);
  const { requester, warnings } = await pullRequestRequester(gh, {
    repoDir: ctx.workspace,
    token: ctx.token,
    owner: ctx.owner,
    repo: ctx.repo,
    pullRequest: pr,
    changes,
    ...(opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {}),
    ...(opts.botLogin ? { botLogin: opts.botLogin } : {}),
  });
  for (const w of warnings) core.warning(w);
  const input = await pullRequestInput(ctx.workspace, "HEAD", changes, {
    policyPath: ctx.policyPath,
    ...(requester.ok ? { author: requester.login } : {}),
    now: ctx.now,
    strict: true,
    resolveFacts: (q) => resolveFacts(gh, q),
  });
  let report = validatePullRequest(input);
  if (!requester.ok) report = refuseUnboundRequest(report, requester, changedLeases(changes).map((l) => l.path));
  await publish(ctx, gh, report);
  await notifyRequests(ctx, changes, report, requester.ok ? requester.login : pr.author, core.getInput("webhook-url") || undefined);
  await publishApprovals(ctx, gh, input.basePolicy ? loadPolicy(ctx.policyPath, input.basePolicy).policy : undefined, changes, requester.ok ? requester.login : pr.author);
  return report;
}

/** The approval progress as its own check run, so branch protection can require it. */
async function publishApprovals(ctx: ActionContext, gh: GitHubClient, policy: Policy | undefined, changes: FileChange[], requester: string): Promise<void> {
  const pr = ctx.pullRequest!;
  if (!policy) return;
  try {
    const items = await pullRequestApprovals(gh, { owner: ctx.owner, repo: ctx.repo, number: pr.number, author: requester, headSha: pr.headSha }, policy, changes);
    const s = items.length ? approvalSummary(items) : { ok: true, title: "No lease requests to approve", text: "" };
    core.setOutput("approved", String(s.ok));
    // A review that makes the check satisfied is announced (once: not when it already was).
    const url = core.getInput("webhook-url") || undefined;
    const announce = url !== undefined && s.ok && items.length > 0 && ctx.eventName === "pull_request_review" && !(await wasApproved(gh, ctx));
    await publishCheckRun(gh, { owner: ctx.owner, repo: ctx.repo, headSha: pr.headSha, ok: s.ok, notOk: "action_required", detailsUrl: ctx.runUrl ?? `https://github.com/${ctx.owner}/${ctx.repo}/pull/${pr.number}`, title: s.title, summary: s.text || s.title, diagnostics: [], name: APPROVALS_CHECK_NAME });
    if (announce) await notifyApproval(ctx, items, changes, url);
  } catch (e) {
    core.warning(`Could not report approval progress: ${(e as Error).message}`);
  }
}

async function publish(ctx: ActionContext, gh: GitHubClient, report: Report): Promise<void> {
  const pr = ctx.pullRequest!;
  const diags = allDiagnostics(report);
  const errors = diags.filter((d) => d.severity === "error");
  const warnings = diags.filter((d) => d.severity !== "error");
  for (const d of errors.slice(0, MAX_STEP_ANNOTATIONS)) core.error(d.hint ? `${d.message} ${d.hint.split("\n")[0]}` : d.message, { title: d.code, file: d.file, startLine: d.line, startColumn: d.column });
  for (const d of warnings.slice(0, MAX_STEP_ANNOTATIONS)) core.warning(d.message, { title: d.code, file: d.file, startLine: d.line, startColumn: d.column });
  if (errors.length > MAX_STEP_ANNOTATIONS) core.notice(`${errors.length - MAX_STEP_ANNOTATIONS} more error(s): see the job summary and the ${CHECK_NAME} check.`);

  const summary = formatSummary(report);
  await core.summary.addRaw(summary).write();

  const summaryUrl = ctx.runUrl;
  try {
    await upsertStickyComment(gh, { owner: ctx.owner, repo: ctx.repo, number: pr.number }, COMMENT_MARKER, formatComment(report, summaryUrl ? { summaryUrl } : {}));
  } catch (e) {
    core.warning(`Could not write the pull request comment: ${(e as Error).message}. Give the workflow 'pull-requests: write'.`);
  }
  try {
    await publishCheckRun(gh, { owner: ctx.owner, repo: ctx.repo, headSha: pr.headSha, ok: report.ok, title: verdictTitle(report), summary, diagnostics: diags });
  } catch (e) {
    core.warning(`Could not create the ${CHECK_NAME} check run: ${(e as Error).message}. Give the workflow 'checks: write'.`);
  }
  core.setOutput("ok", String(report.ok));
  core.setOutput("errors", String(countErrors(report)));
  core.setOutput("warnings", String(warnings.length));
  core.setOutput("report", JSON.stringify(toJson(report)));
}
