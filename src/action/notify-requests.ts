/**
 * What a validate run tells the webhook: a new lease request when a pull request that adds
 * a lease is opened or reopened (not on every push to it), and its approval when the
 * approvals check becomes satisfied on a review. Best-effort: a failing webhook is a warning.
 */
import * as core from "@actions/core";
import type { LeaseApproval } from "../approval/pull-request-approvals.js";
import type { GitHubClient } from "../github/client.js";
import { APPROVALS_CHECK_NAME } from "../github/check-run.js";
import type { Lease } from "../lease/lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { loadLease } from "../lease/load-lease.js";
import type { FileChange } from "../validate/inputs.js";
import type { Report } from "../validate/report.js";
import { createNotifier } from "../notify/webhook.js";
import type { ActionContext } from "./context.js";

/** Lease files the pull request adds (a rename is a new lease too), parsed. */
function addedLeases(changes: FileChange[]): Array<{ path: string; lease: Lease }> {
  return changes.flatMap((c) => {
    if ((c.status !== "added" && c.status !== "renamed") || !c.head || checkLeasePath(c.path).kind !== "lease") return [];
    const lease = loadLease(c.path, c.head.bytes).lease;
    return lease ? [{ path: c.path, lease }] : [];
  });
}

const forWhom = (lease: Lease, author: string) => `${lease.role} on ${lease.resource}${lease.grantee.toLowerCase() === author.toLowerCase() ? "" : ` for @${lease.grantee}`}`;

/** On opened / reopened only: one "request" event per lease the pull request adds; `requester` is who asked. */
export async function notifyRequests(ctx: ActionContext, changes: FileChange[], report: Report, requester: string, url: string | undefined): Promise<void> {
  const pr = ctx.pullRequest;
  if (!url || !pr || !ctx.eventName.startsWith("pull_request") || ctx.eventName === "pull_request_review") return;
  if (ctx.eventAction !== "opened" && ctx.eventAction !== "reopened") return;
  const n = createNotifier(url, { repository: `${ctx.owner}/${ctx.repo}` });
  const at = new Date(ctx.now).toISOString();
  for (const { path, lease } of addedLeases(changes)) {
    const valid = report.files.find((f) => f.file === path)?.ok ?? report.ok;
    const how = lease.duration !== undefined ? `for ${lease.duration}` : `until ${lease.expires}`;
    await n.notify({
      kind: "request",
      text: `📝 @${requester} requests ${forWhom(lease, requester)} ${how} in #${pr.number}: ${lease.reason}${valid ? "" : " (❌ validation failed: see the pull request)"}`,
      lease: path,
      resource: lease.resource,
      grantee: lease.grantee,
      role: lease.role,
      pullRequest: pr.number,
      requester,
      reason: lease.reason,
      valid,
      ...(lease.expires !== undefined ? { expires: lease.expires } : {}),
      at,
    });
  }
  for (const failure of n.failures) core.warning(`Webhook delivery failed (${failure}); nothing else was affected.`);
}

/** Was the approvals check on this head already satisfied (so this review changes nothing)? */
export async function wasApproved(gh: GitHubClient, ctx: ActionContext): Promise<boolean> {
  const pr = ctx.pullRequest!;
  try {
    const { data } = await gh.rest.checks.listForRef({ owner: ctx.owner, repo: ctx.repo, ref: pr.headSha, check_name: APPROVALS_CHECK_NAME, filter: "latest", per_page: 100 });
    const last = [...data.check_runs].sort((a, b) => b.id - a.id)[0];
    return last?.conclusion === "success";
  } catch (e) {
    core.info(`Could not read the earlier ${APPROVALS_CHECK_NAME} check (${(e as Error).message}); an approval may be announced twice.`);
    return false;
  }
}

/** On a review that made the approvals check satisfied: one "approval" event per lease. */
export async function notifyApproval(ctx: ActionContext, items: LeaseApproval[], changes: FileChange[], url: string | undefined): Promise<void> {
  const pr = ctx.pullRequest;
  if (!url || !pr || items.length === 0) return;
  const n = createNotifier(url, { repository: `${ctx.owner}/${ctx.repo}` });
  const at = new Date(ctx.now).toISOString();
  const leases = new Map(
    changes.flatMap((c) => {
      const lease = c.head && checkLeasePath(c.path).kind === "lease" ? loadLease(c.path, c.head.bytes).lease : undefined;
      return lease ? [[c.path, lease] as const] : [];
    }),
  );
  for (const item of items) {
    const lease = leases.get(item.path);
    if (!lease) continue;
    const by = [...new Set(item.result.rules.flatMap((r) => r.approvedBy))];
    const what = changes.find((c) => c.path === item.path)?.status === "modified" ? "the extension of " : "";
    await n.notify({
      kind: "approval",
      text: `✅ #${pr.number} is approved: ${what}${lease.role} on ${lease.resource} for @${lease.grantee}, by ${by.map((a) => `@${a}`).join(", ")}. It is granted when merged.`,
      lease: item.path,
      resource: lease.resource,
      grantee: lease.grantee,
      role: lease.role,
      pullRequest: pr.number,
      approvedBy: by,
      at,
    });
  }
  for (const failure of n.failures) core.warning(`Webhook delivery failed (${failure}); nothing else was affected.`);
}
