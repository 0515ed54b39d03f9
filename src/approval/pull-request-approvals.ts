/**
 * Approval progress of a pull request's lease requests, for the PR-time check: the same
 * engine apply uses, fed with the pull request's reviews and the base policy, so branch
 * protection can require N-of-M approvals from distinct groups, beyond what CODEOWNERS does.
 */
import type { GitHubClient } from "../github/client.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { loadLease } from "../lease/load-lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { teamsIn } from "../policy/people.js";
import type { Policy } from "../policy/policy.js";
import type { FileChange } from "../validate/inputs.js";
import { evaluateApprovals } from "./evaluate-approvals.js";
import type { ApprovalResult, Review, ReviewState } from "./evaluate-approvals.js";

export interface LeaseApproval {
  path: string;
  resource: string;
  result: ApprovalResult;
}

export async function pullRequestApprovals(
  gh: GitHubClient,
  pr: { owner: string; repo: string; number: number; author: string; headSha: string },
  policy: Policy,
  changes: FileChange[],
): Promise<LeaseApproval[]> {
  const leases = changes.flatMap((c) => {
    if (!c.head || checkLeasePath(c.path).kind !== "lease") return [];
    const lease = loadLease(c.path, c.head.bytes).lease;
    const resource = lease ? policy.resources.get(lease.resource) : undefined;
    return lease && resource ? [{ path: c.path, lease, resource }] : [];
  });
  if (leases.length === 0) return [];
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
  const teams = [...new Set(leases.flatMap((l) => l.resource.approvalRules.flatMap((r) => teamsIn(r.from, policy.groups))))];
  const facts = await resolveFacts(gh, { teams, orgMembers: [] });
  const mapped: Review[] = reviews
    .filter((r) => r.user)
    .map((r) => ({ id: r.id, reviewer: r.user!.login, state: r.state as ReviewState, commitId: r.commit_id ?? "", submittedAt: r.submitted_at ? Date.parse(r.submitted_at) : 0 }));
  return leases.map((l) => ({
    path: l.path,
    resource: l.resource.id,
    result: evaluateApprovals({ rules: l.resource.approvalRules, groups: policy.groups, author: pr.author, grantee: l.lease.grantee, headSha: pr.headSha, reviews: mapped, facts }),
  }));
}

export function approvalSummary(items: LeaseApproval[]): { ok: boolean; title: string; text: string } {
  const waiting = items.filter((i) => !i.result.satisfied);
  const lines = items.map((i) => {
    const done = i.result.rules.map((r) => `${r.approvedBy.length}/${r.count} from ${r.from.join(", ")}${r.approvedBy.length ? ` (${r.approvedBy.map((a) => `@${a}`).join(", ")})` : ""}`).join("; ");
    const why = i.result.satisfied ? "approved" : `waiting: ${i.result.missing.join("; ")}`;
    const ignored = i.result.ignored.length ? ` — not counted: ${i.result.ignored.map((x) => x.why).join("; ")}` : "";
    return `- \`${i.path}\`: ${done} — ${why}${ignored}`;
  });
  return {
    ok: waiting.length === 0,
    title: waiting.length === 0 ? "All lease requests are approved" : `Waiting for approvals: ${waiting.flatMap((w) => w.result.missing).join("; ")}`.slice(0, 250),
    text: lines.join("\n"),
  };
}
