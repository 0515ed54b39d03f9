import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  matchAutoApproval
} from "./chunk-GW3XH3IH.js";
import {
  changedLeaseFiles,
  resolveRequester
} from "./chunk-E4RXBCWO.js";
import {
  TWO_FACTOR_NOT_CHECKED,
  allDiagnostics,
  botLoginFor,
  pullRequestInput,
  validatePullRequest
} from "./chunk-IVFWVQ2J.js";
import {
  evaluateApprovals
} from "./chunk-SKFNB3CZ.js";
import {
  leaseWindow,
  loadLease,
  readFileAt,
  readNote,
  resolveFacts
} from "./chunk-VTJMK7UI.js";
import {
  loadPolicy,
  teamsIn
} from "./chunk-WCB7NMLF.js";

// src/approval/verify-change.ts
async function verifyChange(ctx, c) {
  const { gh, owner, repo } = ctx;
  const evidence = { lease: c.path, blob: c.blob, verdict: "rejected", approvals: [], policyCommit: c.parent, findings: [], verifiedAt: new Date(ctx.now).toISOString() };
  const reject = (finding) => {
    evidence.findings.push(finding);
    return evidence;
  };
  const assoc = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: c.commit, per_page: 100 });
  const pr = assoc.data.find((p) => p.merged_at && p.base.ref === ctx.defaultBranch && p.base.repo.full_name.toLowerCase() === `${owner}/${repo}`.toLowerCase());
  if (!pr) return reject(`no-pull-request: ${c.path} reached ${ctx.defaultBranch} in ${c.commit.slice(0, 7)} without a merged pull request.`);
  const author = pr.user?.login ?? "";
  evidence.pullRequest = { number: pr.number, author, headSha: pr.head.sha, ...pr.merged_at ? { mergedAt: pr.merged_at } : {} };
  const files = await gh.paginate(gh.rest.pulls.listFiles, { owner, repo, pull_number: pr.number, per_page: 100 });
  const mine = files.find((f) => f.filename === c.path);
  if (!mine) return reject(`not-in-pull-request: PR #${pr.number} does not change ${c.path}; it reached ${ctx.defaultBranch} another way.`);
  if (mine.sha !== c.blob) return reject(`content-differs: ${c.path} on ${ctx.defaultBranch} is not the version reviewed in PR #${pr.number}.`);
  const found = await botLoginFor(gh, ctx.botLogin, author);
  const bot = found.login;
  const byBot = bot !== void 0 && author.toLowerCase() === bot.toLowerCase();
  const note = byBot && /^[0-9a-f]{40}$/.test(pr.head.sha) ? await readNote(ctx.repoDir, pr.head.sha) : void 0;
  const who = resolveRequester({
    author,
    ...bot !== void 0 ? { botLogin: bot } : {},
    ...found.problem !== void 0 ? { botProblem: found.problem } : {},
    ...ctx.evidenceKey ? { evidenceKey: ctx.evidenceKey } : {},
    repository: `${owner}/${repo}`,
    pullRequest: { number: pr.number, headSha: pr.head.sha, headRef: pr.head.ref },
    ...note !== void 0 ? { note } : {},
    leases: changedLeaseFiles(files)
  });
  if (!who.ok) return reject(`${who.code}: ${who.message} ${who.hint}`);
  const requester = who.login;
  if (who.via === "request-form") evidence.pullRequest.requester = requester;
  const changes = [];
  for (const f of files) {
    const at = async (ref, path) => await readFileAt(ctx.repoDir, ref, path) ?? { path, mode: "file", bytes: new Uint8Array() };
    const previousPath = f.previous_filename ?? void 0;
    if (f.status === "removed") changes.push({ status: "removed", path: f.filename, base: await at(c.parent, f.filename) });
    else if (f.status === "added" || f.status === "copied") changes.push({ status: "added", path: f.filename, head: await at(c.commit, f.filename) });
    else if (f.status === "renamed") changes.push({ status: "renamed", path: f.filename, ...previousPath ? { previousPath } : {}, head: await at(c.commit, f.filename), base: await at(c.parent, previousPath ?? f.filename) });
    else changes.push({ status: "modified", path: f.filename, head: await at(c.commit, f.filename), base: await at(c.parent, f.filename) });
  }
  const judgeWith = ctx.policyAt ? { judgeWith: { policy: await ctx.policyAt(c.parent) } } : {};
  const input = await pullRequestInput(ctx.repoDir, c.parent, changes, { policyPath: ctx.policyPath, author: requester, now: c.time, strict: true, resolveFacts: (q) => resolveFacts(gh, q), ...judgeWith });
  const report = validatePullRequest(input);
  const warnings = allDiagnostics(report).filter((d) => d.code === TWO_FACTOR_NOT_CHECKED && d.file === c.path).map((d) => `${d.code}: ${d.message}`);
  if (warnings.length) evidence.warnings = warnings;
  if (!report.ok) {
    for (const d of allDiagnostics(report).filter((x) => x.severity === "error")) evidence.findings.push(`${d.code}: ${d.file}:${d.line} ${d.message}`);
    return evidence;
  }
  const policy = input.basePolicy ? loadPolicy(ctx.policyPath, input.basePolicy).policy : void 0;
  const head = changes.find((x) => x.path === c.path)?.head;
  const lease = head ? loadLease(c.path, head.bytes).lease : void 0;
  const resource = lease && policy ? policy.resources.get(lease.resource) : void 0;
  if (!policy || !lease || !resource) return reject(`invalid: ${c.path} could not be read against the policy at ${c.parent.slice(0, 7)}.`);
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, { owner, repo, pull_number: pr.number, per_page: 100 });
  const teams = [.../* @__PURE__ */ new Set([...resource.approvalRules.flatMap((r) => teamsIn(r.from, policy.groups)), ...resource.autoApprove.flatMap((r) => teamsIn(r.requesters, policy.groups))])];
  const facts = await resolveFacts(gh, { teams, orgMembers: [] });
  const result = evaluateApprovals({
    rules: resource.approvalRules,
    groups: policy.groups,
    author: requester,
    grantee: lease.grantee,
    headSha: pr.head.sha,
    facts,
    reviews: reviews.filter((r) => r.user).map((r) => ({ id: r.id, reviewer: r.user.login, state: r.state, commitId: r.commit_id ?? "", submittedAt: r.submitted_at ? Date.parse(r.submitted_at) : 0 }))
  });
  if (!result.satisfied) {
    if (resource.autoApprove.length > 0) {
      const auto = matchAutoApproval({
        resource,
        groups: policy.groups,
        facts,
        requester,
        path: c.path,
        lease,
        kind: changes.find((x) => x.path === c.path)?.status === "added" ? "new" : "extension",
        changedFiles: files.length,
        window: leaseWindow(lease, c.time),
        at: c.time,
        history: ctx.autoApprovals ? await ctx.autoApprovals() : [],
        blockedBy: result.blockedBy
      });
      if (auto.matched) {
        evidence.verdict = "approved";
        evidence.autoApproved = { rule: auto.rule, resource: resource.id, grantee: lease.grantee, at: new Date(c.time).toISOString() };
        return evidence;
      }
      evidence.findings.push(...auto.reasons.map((r) => `auto-approval-refused: ${r}`));
    }
    evidence.findings.push(...result.missing.map((m) => `approvals-missing: ${m}`));
    evidence.findings.push(...result.ignored.map((i) => `approval-ignored: ${i.why}`));
    return evidence;
  }
  evidence.verdict = "approved";
  evidence.approvals = result.counted.map((r) => ({ reviewer: r.reviewer, reviewId: r.id, commit: r.commitId, submittedAt: new Date(r.submittedAt).toISOString() }));
  return evidence;
}

export {
  verifyChange
};
