/**
 * Verification of one policy version on main, as a lease change is verified (see
 * verify-change.ts), trusting nothing from pull request time: the pull request that merged
 * it (commit → PR association, merged into the default branch of this repository), the
 * reviewed content (the PR's version of the policy file must be the blob on main), and an
 * approval on the PR's final head by an admin of the policy in force before it — never by
 * its author, and with no admin's request for changes outstanding. The judge is the verified
 * policy in force before the change, so a change cannot approve itself by adding an admin.
 */
import type { PolicyEvidence } from "../evidence/evidence.js";
import type { GitHubClient } from "../github/client.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { expandRefs, teamsIn } from "../policy/people.js";
import type { Policy } from "../policy/policy.js";
import { evaluateApprovals } from "./evaluate-approvals.js";
import type { Review, ReviewState } from "./evaluate-approvals.js";

export interface PolicyVerifyContext {
  gh: GitHubClient;
  owner: string;
  repo: string;
  defaultBranch: string;
  policyPath: string;
  now: number;
}

/** The verified policy in force before the change, and the commit that brought it. */
export interface PolicyJudge {
  commit: string;
  policy: Policy;
}

export interface PolicyVerification {
  evidence: PolicyEvidence;
  /**
   * Whether the verdict may be recorded for good. Not when it depended on something that may
   * read differently next time (an admin team's membership could not be resolved).
   */
  final: boolean;
}

export async function verifyPolicyChange(ctx: PolicyVerifyContext, c: { commit: string; blob: string }, judge: PolicyJudge): Promise<PolicyVerification> {
  const { gh, owner, repo, policyPath } = ctx;
  const evidence: PolicyEvidence = { path: policyPath, blob: c.blob, verdict: "rejected", approvals: [], policyCommit: judge.commit, findings: [], verifiedAt: new Date(ctx.now).toISOString() };
  const reject = (finding: string): PolicyVerification => {
    evidence.findings.push(finding);
    return { evidence, final: true };
  };

  const assoc = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: c.commit, per_page: 100 });
  const pr = assoc.data.find((p) => p.merged_at && p.base.ref === ctx.defaultBranch && p.base.repo.full_name.toLowerCase() === `${owner}/${repo}`.toLowerCase());
  if (!pr) return reject(`no-pull-request: ${policyPath} reached ${ctx.defaultBranch} in ${c.commit.slice(0, 7)} without a merged pull request.`);
  const author = pr.user?.login ?? "";
  evidence.pullRequest = { number: pr.number, author, headSha: pr.head.sha, ...(pr.merged_at ? { mergedAt: pr.merged_at } : {}) };

  const files = await gh.paginate(gh.rest.pulls.listFiles, { owner, repo, pull_number: pr.number, per_page: 100 });
  const mine = files.find((f) => f.filename === policyPath && f.status !== "removed");
  if (!mine) return reject(`not-in-pull-request: PR #${pr.number} does not change ${policyPath}; this version reached ${ctx.defaultBranch} another way.`);
  if (mine.sha !== c.blob) return reject(`content-differs: ${policyPath} on ${ctx.defaultBranch} (${c.commit.slice(0, 7)}) is not the version reviewed in PR #${pr.number}.`);

  const admins = judge.policy.admins;
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, { owner, repo, pull_number: pr.number, per_page: 100 });
  const facts = await resolveFacts(gh, { teams: [...new Set(teamsIn(admins, judge.policy.groups))], orgMembers: [] });
  const result = evaluateApprovals({
    rules: [{ from: admins, count: 1 }],
    groups: judge.policy.groups,
    author,
    // A policy change has no grantee: only the author is excluded.
    grantee: author,
    headSha: pr.head.sha,
    facts,
    reviews: reviews
      .filter((r) => r.user)
      .map((r): Review => ({ id: r.id, reviewer: r.user!.login, state: r.state as ReviewState, commitId: r.commit_id ?? "", submittedAt: r.submitted_at ? Date.parse(r.submitted_at) : 0 })),
  });
  if (!result.satisfied) {
    const who = expandRefs(admins, judge.policy.groups).join(", ");
    evidence.findings.push(...result.missing.map((m) => `approvals-missing: ${m} (the admins of the policy in force, from ${judge.commit.slice(0, 7)}: ${who})`));
    evidence.findings.push(...result.ignored.map((i) => `approval-ignored: ${i.why.replace("is not an approver of this resource", "is not an admin of the policy in force")}`));
    return { evidence, final: result.unknown.length === 0 };
  }
  evidence.verdict = "approved";
  evidence.approvals = result.counted.map((r) => ({ reviewer: r.reviewer, reviewId: r.id, commit: r.commitId, submittedAt: new Date(r.submittedAt).toISOString() }));
  return { evidence, final: true };
}
