/**
 * Apply-time verification of one lease change on main, trusting nothing from pull request
 * time: the pull request that merged it (commit → PR association), the reviewed content
 * (the PR's head blob must be the blob on main), the validation rules re-run against the
 * policy main had just before the change landed, and the approvals re-read from the API and
 * evaluated by the approval engine.
 */
import type { LeaseEvidence } from "../evidence/evidence.js";
import type { GitHubClient } from "../github/client.js";
import { botLoginFor } from "../github/bot-login.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { pullRequestInput } from "../git/pull-request-input.js";
import { readNote } from "../git/evidence-notes.js";
import { readFileAt } from "../git/tree.js";
import { loadLease } from "../lease/load-lease.js";
import { loadPolicy } from "../policy/load-policy.js";
import { teamsIn } from "../policy/people.js";
import type { FileChange, FileVersion } from "../validate/inputs.js";
import { allDiagnostics } from "../validate/report.js";
import { validatePullRequest } from "../validate/validate-pull-request.js";
import { evaluateApprovals } from "./evaluate-approvals.js";
import { changedLeaseFiles, resolveRequester } from "./requester.js";
import type { Review, ReviewState } from "./evaluate-approvals.js";

export interface ChangeToVerify {
  path: string;
  /** The commit on main that added or changed the lease. */
  commit: string;
  /** Its first parent: main just before. */
  parent: string;
  blob: string;
  /** Commit time on main (ms): the rules are evaluated as of then. */
  time: number;
}

export interface VerifyContext {
  gh: GitHubClient;
  repoDir: string;
  owner: string;
  repo: string;
  defaultBranch: string;
  policyPath: string;
  now: number;
  /** Checks request notes: the requester of a request-form pull request is known only through one. */
  evidenceKey?: string;
  /** The login the request form opens pull requests as (see requester.ts); default the token's own, for bot authors. */
  botLogin?: string;
  /**
   * The verified policy in force just after a commit on main (see policy-in-force.ts): a lease
   * change is judged by it, never by an unverified version main had then. Without it, by the
   * policy file at the parent as it is.
   */
  policyAt?: (commit: string) => Promise<Uint8Array | undefined>;
}

export async function verifyChange(ctx: VerifyContext, c: ChangeToVerify): Promise<LeaseEvidence> {
  const { gh, owner, repo } = ctx;
  const evidence: LeaseEvidence = { lease: c.path, blob: c.blob, verdict: "rejected", approvals: [], policyCommit: c.parent, findings: [], verifiedAt: new Date(ctx.now).toISOString() };
  const reject = (finding: string) => {
    evidence.findings.push(finding);
    return evidence;
  };

  const assoc = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: c.commit, per_page: 100 });
  const pr = assoc.data.find((p) => p.merged_at && p.base.ref === ctx.defaultBranch && p.base.repo.full_name.toLowerCase() === `${owner}/${repo}`.toLowerCase());
  if (!pr) return reject(`no-pull-request: ${c.path} reached ${ctx.defaultBranch} in ${c.commit.slice(0, 7)} without a merged pull request.`);
  const author = pr.user?.login ?? "";
  evidence.pullRequest = { number: pr.number, author, headSha: pr.head.sha, ...(pr.merged_at ? { mergedAt: pr.merged_at } : {}) };

  const files = await gh.paginate(gh.rest.pulls.listFiles, { owner, repo, pull_number: pr.number, per_page: 100 });
  const mine = files.find((f) => f.filename === c.path);
  if (!mine) return reject(`not-in-pull-request: PR #${pr.number} does not change ${c.path}; it reached ${ctx.defaultBranch} another way.`);
  if (mine.sha !== c.blob) return reject(`content-differs: ${c.path} on ${ctx.defaultBranch} is not the version reviewed in PR #${pr.number}.`);

  // Who asked: the author, or for a request-form pull request the actor of its signed request note.
  const found = await botLoginFor(gh, ctx.botLogin, author);
  const bot = found.login;
  const byBot = bot !== undefined && author.toLowerCase() === bot.toLowerCase();
  const note = byBot && /^[0-9a-f]{40}$/.test(pr.head.sha) ? await readNote(ctx.repoDir, pr.head.sha) : undefined;
  const who = resolveRequester({
    author,
    ...(bot !== undefined ? { botLogin: bot } : {}),
    ...(found.problem !== undefined ? { botProblem: found.problem } : {}),
    ...(ctx.evidenceKey ? { evidenceKey: ctx.evidenceKey } : {}),
    repository: `${owner}/${repo}`,
    pullRequest: { number: pr.number, headSha: pr.head.sha, headRef: pr.head.ref },
    ...(note !== undefined ? { note } : {}),
    leases: changedLeaseFiles(files),
  });
  if (!who.ok) return reject(`${who.code}: ${who.message} ${who.hint}`);
  const requester = who.login;
  if (who.via === "request-form") evidence.pullRequest.requester = requester;

  // Re-run validation as of the merge, against the policy main had just before it.
  const changes: FileChange[] = [];
  for (const f of files) {
    const at = async (ref: string, path: string): Promise<FileVersion> => (await readFileAt(ctx.repoDir, ref, path)) ?? { path, mode: "file", bytes: new Uint8Array() };
    const previousPath = f.previous_filename ?? undefined;
    if (f.status === "removed") changes.push({ status: "removed", path: f.filename, base: await at(c.parent, f.filename) });
    else if (f.status === "added" || f.status === "copied") changes.push({ status: "added", path: f.filename, head: await at(c.commit, f.filename) });
    else if (f.status === "renamed") changes.push({ status: "renamed", path: f.filename, ...(previousPath ? { previousPath } : {}), head: await at(c.commit, f.filename), base: await at(c.parent, previousPath ?? f.filename) });
    else changes.push({ status: "modified", path: f.filename, head: await at(c.commit, f.filename), base: await at(c.parent, f.filename) });
  }
  const judgeWith = ctx.policyAt ? { judgeWith: { policy: await ctx.policyAt(c.parent) } } : {};
  const input = await pullRequestInput(ctx.repoDir, c.parent, changes, { policyPath: ctx.policyPath, author: requester, now: c.time, strict: true, resolveFacts: (q) => resolveFacts(gh, q), ...judgeWith });
  const report = validatePullRequest(input);
  if (!report.ok) {
    for (const d of allDiagnostics(report).filter((x) => x.severity === "error")) evidence.findings.push(`${d.code}: ${d.file}:${d.line} ${d.message}`);
    return evidence;
  }

  // Approvals, re-read now and judged by the engine.
  const policy = input.basePolicy ? loadPolicy(ctx.policyPath, input.basePolicy).policy : undefined;
  const head = changes.find((x) => x.path === c.path)?.head;
  const lease = head ? loadLease(c.path, head.bytes).lease : undefined;
  const resource = lease && policy ? policy.resources.get(lease.resource) : undefined;
  if (!policy || !lease || !resource) return reject(`invalid: ${c.path} could not be read against the policy at ${c.parent.slice(0, 7)}.`);
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, { owner, repo, pull_number: pr.number, per_page: 100 });
  const teams = [...new Set(resource.approvalRules.flatMap((r) => teamsIn(r.from, policy.groups)))];
  const facts = await resolveFacts(gh, { teams, orgMembers: [] });
  const result = evaluateApprovals({
    rules: resource.approvalRules,
    groups: policy.groups,
    author: requester,
    grantee: lease.grantee,
    headSha: pr.head.sha,
    facts,
    reviews: reviews
      .filter((r) => r.user)
      .map((r): Review => ({ id: r.id, reviewer: r.user!.login, state: r.state as ReviewState, commitId: r.commit_id ?? "", submittedAt: r.submitted_at ? Date.parse(r.submitted_at) : 0 })),
  });
  if (!result.satisfied) {
    evidence.findings.push(...result.missing.map((m) => `approvals-missing: ${m}`));
    evidence.findings.push(...result.ignored.map((i) => `approval-ignored: ${i.why}`));
    return evidence;
  }
  evidence.verdict = "approved";
  evidence.approvals = result.counted.map((r) => ({ reviewer: r.reviewer, reviewId: r.id, commit: r.commitId, submittedAt: new Date(r.submittedAt).toISOString() }));
  return evidence;
}
