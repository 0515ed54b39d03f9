/**
 * Auto-merge by rule, at pull request time: when the validation passed, the pull request's one
 * change is one new lease that an `autoApprove` rule of the base policy matches, no approver
 * asked for changes, and every other check on the head commit has passed, the Action merges it
 * with the App's token. Branch rules require code-owner review on leases/; the App gets past
 * them only through the ruleset's bypass list (see README, "Auto-approval by rule"), and the
 * bypass skips every rule of the ruleset — so this function checks what they would have.
 *
 * Nothing here grants: apply verifies the merged change again against the verified policy in
 * force before it (approval/verify-change.ts) and refuses a merge the rule does not cover.
 */
import type { GitHubClient } from "../github/client.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { loadLease } from "../lease/load-lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { teamsIn } from "../policy/people.js";
import type { Policy } from "../policy/policy.js";
import type { FileChange } from "../validate/inputs.js";
import { leaseWindow } from "../validate/check-lease.js";
import { matchAutoApproval } from "./auto-approval.js";
import type { AutoApprovalRecord } from "./auto-approval.js";
import { pullRequestApprovals } from "./pull-request-approvals.js";

export interface AutoMergeInput {
  owner: string;
  repo: string;
  pullRequest: { number: number; headSha: string };
  /** Who asked (the author, or the request form's signed actor). */
  requester: string;
  /** The base branch's policy. */
  policy: Policy;
  changes: FileChange[];
  /** Did this run's validation pass? */
  validated: boolean;
  now: number;
  /** Earlier auto-approvals from signed evidence; undefined when they cannot be trusted (no evidence key). */
  history: readonly AutoApprovalRecord[] | undefined;
  /** Check run names of this job itself (they are in progress while it runs). */
  ownChecks: string[];
}

export type AutoMergeResult = { merged: true; rule: string; sha: string } | { merged: false; reasons: string[] };

export async function autoMergeByRule(gh: GitHubClient, i: AutoMergeInput): Promise<AutoMergeResult> {
  const no = (...reasons: string[]): AutoMergeResult => ({ merged: false, reasons });
  if (!i.validated) return no("the validation failed");
  if (i.changes.length !== 1) return no(`the pull request changes ${i.changes.length} files`);
  const change = i.changes[0]!;
  const where = checkLeasePath(change.path);
  if (where.kind !== "lease" || !change.head) return no(`${change.path} is not a lease`);
  const lease = loadLease(change.path, change.head.bytes).lease;
  const resource = lease ? i.policy.resources.get(lease.resource) : undefined;
  if (!lease || !resource) return no(`${change.path} does not name a resource of the policy`);
  if (resource.autoApprove.length === 0) return no(`${resource.id} has no autoApprove rules`);
  if (i.history === undefined && resource.autoApprove.some((r) => r.maxPerWeek !== undefined)) return no("the weekly quota cannot be counted without the evidence key (signed evidence of earlier auto-approvals)");
  const [approval] = await pullRequestApprovals(gh, { owner: i.owner, repo: i.repo, number: i.pullRequest.number, author: i.requester, headSha: i.pullRequest.headSha }, i.policy, i.changes);
  if (approval?.result.satisfied) return no("the approvers already approved it: it is merged as usual");
  const facts = await resolveFacts(gh, { teams: [...new Set(resource.autoApprove.flatMap((r) => teamsIn(r.requesters, i.policy.groups)))], orgMembers: [] });
  const match = matchAutoApproval({
    resource,
    groups: i.policy.groups,
    facts,
    requester: i.requester,
    path: change.path,
    lease,
    kind: change.status === "added" ? "new" : "extension",
    changedFiles: i.changes.length,
    window: leaseWindow(lease, i.now),
    at: i.now,
    history: i.history ?? [],
    blockedBy: approval?.result.blockedBy ?? [],
  });
  if (!match.matched) return no(...match.reasons);
  // The bypass skips required checks too: every other check on the head must have passed.
  const runs = await gh.paginate(gh.rest.checks.listForRef, { owner: i.owner, repo: i.repo, ref: i.pullRequest.headSha, per_page: 100 });
  const pending = runs.filter((r) => !i.ownChecks.includes(r.name) && !(r.status === "completed" && (r.conclusion === "success" || r.conclusion === "neutral" || r.conclusion === "skipped")));
  if (pending.length) return no(`check(s) not passed on the head commit: ${pending.map((r) => `${r.name} (${r.conclusion ?? r.status})`).join(", ")}`);
  const { data } = await gh.rest.pulls.merge({
    owner: i.owner,
    repo: i.repo,
    pull_number: i.pullRequest.number,
    sha: i.pullRequest.headSha, // refused (409) if someone pushed since it was judged
    merge_method: "merge",
    commit_title: `Auto-approved by rule ${match.rule}: ${change.path} (#${i.pullRequest.number})`,
  });
  return { merged: true, rule: match.rule, sha: data.sha };
}
