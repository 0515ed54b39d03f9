/**
 * The Action's `break-glass` command, on pull_request_target (opened, reopened,
 * synchronize), in a job that holds the App token and the evidence key: grants a break-glass
 * lease at once (src/commands/break-glass.ts), tells the pull request — mentioning the
 * approvers and the deadline — and the webhook. Any other pull request: nothing to do.
 */
import * as core from "@actions/core";
import { runBreakGlass } from "../commands/break-glass.js";
import type { BreakGlassResult } from "../commands/break-glass.js";
import type { GitHubClient } from "../github/client.js";
import { postOnce } from "../github/post-once.js";
import { upsertStickyComment } from "../github/sticky-comment.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { createNotifier } from "../notify/webhook.js";
import { createProviderRegistry } from "../providers/registry.js";
import { grantedComment } from "../reconcile/break-glass.js";
import type { ActionContext } from "./context.js";
import { providerRun } from "./provider-run.js";

/** The pull request's break-glass status comment (refusals, pushes after the grant), updated in place. */
export const BREAK_GLASS_MARKER = "<!-- jit-access:break-glass -->";
/** The grant announcement: a new comment, so the approvers it mentions are notified; once per pull request. */
const grantedMarker = (pr: number) => `<!-- jit-access:break-glass-granted #${pr} -->`;

const ACTIVITIES = ["opened", "reopened", "synchronize"];

export async function runBreakGlassAction(ctx: ActionContext, gh: GitHubClient, opts: { evidenceKey?: string; botLogin?: string; dryRun: boolean }): Promise<boolean> {
  const pr = ctx.pullRequest;
  if (!pr || ctx.eventName !== "pull_request_target") {
    throw new Error(`The break-glass command runs on pull_request_target (opened, reopened, synchronize), where the workflow comes from the default branch; not on ${ctx.eventName || "this event"}.`);
  }
  if (!ACTIVITIES.includes(ctx.eventAction ?? "")) {
    core.info(`Nothing to do on '${ctx.eventAction ?? ""}': break-glass is granted when a pull request is opened, reopened or pushed to.`);
    core.setOutput("break-glass", "none");
    return true;
  }
  // As apply's providers: the job's environment, the time, the log, and the ledger (SSH certificates are recorded there).
  const registry = createProviderRegistry(gh, await providerRun(ctx, opts.evidenceKey));
  const r = await runBreakGlass({
    gh,
    repoDir: ctx.workspace,
    ref: "HEAD",
    owner: ctx.owner,
    repo: ctx.repo,
    defaultBranch: ctx.defaultBranch ?? "main",
    policyPath: ctx.policyPath,
    now: ctx.now,
    pullRequest: pr.number,
    ...(opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {}),
    providerFor: registry,
    remote: "origin",
    ...(ctx.token ? { token: ctx.token } : {}),
    ...(opts.botLogin ? { botLogin: opts.botLogin } : {}),
    ...(opts.dryRun ? { dryRun: true } : {}),
    log: (line) => core.info(line),
  }).finally(() => registry.close());
  core.setOutput("break-glass", r.decision.kind === "grant" ? (r.error ? "failed" : "granted") : r.decision.kind);
  const where = { owner: ctx.owner, repo: ctx.repo, number: pr.number };
  const say = async (body: string) => {
    if (opts.dryRun) return;
    try {
      await upsertStickyComment(gh, where, BREAK_GLASS_MARKER, `${BREAK_GLASS_MARKER}\n${body}`);
    } catch (e) {
      core.warning(`Could not comment on #${pr.number}: ${(e as Error).message}`);
    }
  };
  const d = r.decision;
  switch (d.kind) {
    case "none":
      core.info("Not a break-glass request: nothing to grant before approval.");
      return true;
    case "already": {
      const until = formatTimestamp(Math.min(Date.parse(d.record.end), Date.parse(d.record.reviewBy)));
      core.info(`#${pr.number} already had its break-glass grant at ${formatTimestamp(Date.parse(d.record.grantedAt))}${d.record.ended ? ` (ended: ${d.record.ended.why})` : ` (until ${until})`}; nothing is granted again.`);
      if (d.changed) {
        await say(
          `⚠️ This pull request's break-glass grant (${formatTimestamp(Date.parse(d.record.grantedAt))}) stays bound to the content granted then (\`${d.record.lease}\`, blob \`${d.record.blob.slice(0, 7)}\`). This push grants and extends nothing. Only that content, approved and merged by ${formatTimestamp(Date.parse(d.record.reviewBy))}, counts as reviewed; anything else is an ordinary request, granted after approval and merge, and the break-glass grant is then flagged as not reviewed.`,
        );
      }
      await summary(r, `Already granted at ${formatTimestamp(Date.parse(d.record.grantedAt))}; nothing granted again${d.changed ? " (the lease changed since: not granted)" : ""}.`);
      return true;
    }
    case "refused": {
      const text = `🚫 **Break-glass not granted** for \`${d.lease}\`:\n\n${d.why.map((w) => `- ${w}`).join("\n")}\n\nThe request stays open as an ordinary one: it is granted after the approvers${r.approvers.length ? ` (${r.approvers.join(", ")})` : ""} approve and it is merged.`;
      await say(text);
      await summary(r, text);
      core.error(`Break-glass not granted: ${d.why.join(" ")}`, { title: "jit-access break-glass" });
      return false;
    }
    case "grant": {
      if (r.error) {
        await say(`❌ **Break-glass not granted**: ${r.error} Re-run this job, or ask the access repo admins.`);
        await summary(r, `Not granted: ${r.error}`);
        core.error(r.error, { title: "jit-access break-glass" });
        return false;
      }
      const outcome = r.outcome ? (r.outcome.status === "failed" ? `failed (${r.outcome.message}); the next sweep tries again` : r.outcome.status) : opts.dryRun ? "dry run, nothing done" : "not attempted";
      const body = grantedComment(d.record, d.lease, r.approvers, outcome);
      if (!opts.dryRun) {
        try {
          await postOnce(gh, where, grantedMarker(pr.number), `${grantedMarker(pr.number)}\n${body}`);
        } catch (e) {
          core.warning(`Could not comment on #${pr.number}: ${(e as Error).message}`);
        }
        const url = core.getInput("webhook-url") || undefined;
        const n = createNotifier(url, { repository: `${ctx.owner}/${ctx.repo}` });
        await n.notify({
          kind: "break-glass",
          text: `🚨 Break-glass: @${d.record.grantee} was granted ${d.record.role} on ${d.record.resource} until ${formatTimestamp(Date.parse(d.record.end))} without approval (#${pr.number}); ${r.approvers.join(", ") || "the approvers"} must approve and merge it by ${formatTimestamp(Date.parse(d.record.reviewBy))}.`,
          lease: d.record.lease,
          resource: d.record.resource,
          grantee: d.record.grantee,
          role: d.record.role,
          pullRequest: pr.number,
          at: d.record.grantedAt,
        });
        for (const f of n.failures) core.warning(`Webhook delivery failed (${f}); nothing else was affected.`);
      }
      await summary(r, body);
      if (r.outcome?.status === "failed") {
        core.error(`The target refused the break-glass grant: ${r.outcome.message}. It is recorded; the next apply or expire run tries again.`, { title: r.outcome.code });
        return false;
      }
      return true;
    }
  }
}

async function summary(r: BreakGlassResult, text: string): Promise<void> {
  await core.summary.addRaw(`## jit-access break-glass\n\n${text}\n\nValidation: ${r.report.ok ? "passed" : "failed (see the jit-access / validate check)"}.\n`).write();
}
