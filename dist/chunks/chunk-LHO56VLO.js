#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  evaluateApprovals,
  readNote
} from "./chunk-CEP24WVA.js";
import {
  isTrustedRequestNote,
  parseRequestNote
} from "./chunk-GIIEBIZ6.js";
import {
  TWO_FACTOR_NOT_CHECKED,
  allDiagnostics,
  pullRequestInput,
  validatePullRequest
} from "./chunk-GJYAYLXS.js";
import {
  leaseWindow,
  loadLease,
  readFileAt
} from "./chunk-BW7AH64Z.js";
import {
  checkLeasePath,
  isUnderLeases
} from "./chunk-LHBPTLRF.js";
import {
  MINUTE_MS,
  describeSchedule,
  formatDuration,
  isAmong,
  loadPolicy,
  teamsIn,
  withinSchedule
} from "./chunk-WINV2HKP.js";
import {
  formatTimestamp
} from "./chunk-DHPVELKE.js";
import {
  resolveFacts
} from "./chunk-BSSDBP5K.js";

// src/github/bot-login.ts
var asked = /* @__PURE__ */ new WeakMap();
function botLogin(gh, configured) {
  const given = configured?.trim();
  if (given) return Promise.resolve({ login: given });
  let answer = asked.get(gh);
  if (!answer) {
    answer = gh.rest.users.getAuthenticated().then(
      (r) => ({ login: r.data.login }),
      (e) => gh.graphql("query { viewer { login } }").then(
        (r) => ({ login: r.viewer.login }),
        () => ({ problem: `the token's login could not be read (GET /user: ${e.message}); set the bot-login input to the login the request workflow opens pull requests as, e.g. \${{ steps.app.outputs.app-slug }}[bot]` })
      )
    );
    asked.set(gh, answer);
  }
  return answer;
}
async function botLoginFor(gh, configured, author) {
  if (configured?.trim() || author.endsWith("[bot]")) return botLogin(gh, configured);
  return {};
}

// src/approval/auto-approval.ts
var WEEK_MS = 7 * 24 * 60 * MINUTE_MS;
function matchAutoApproval(i) {
  const rules = i.resource.autoApprove;
  if (rules.length === 0) return { matched: false, reasons: [`${i.resource.id} has no autoApprove rules`] };
  const general = [];
  if (i.changedFiles !== 1) general.push(`the pull request changes ${i.changedFiles} files; only a pull request whose one change is one lease can be auto-approved`);
  if (i.kind !== "new") general.push("only new leases are auto-approved; an extension goes to the approvers");
  if (i.lease.breakGlass) general.push("break-glass leases go to the approvers");
  if (i.lease.resource !== i.resource.id) general.push(`the lease names ${i.lease.resource}, not ${i.resource.id}`);
  if (i.blockedBy?.length) general.push(`${i.blockedBy.join(", ")} requested changes`);
  if (general.length) return { matched: false, reasons: general };
  const reasons = [];
  for (const rule of rules) {
    const why = [];
    const who = isAmong(i.requester, rule.requesters, i.groups, i.facts);
    if (who === false) why.push(`${i.requester} is not among its requesters (${rule.requesters.join(", ")})`);
    else if (who === "unknown") why.push(`whether ${i.requester} is among its requesters could not be resolved (team membership)`);
    if (!rule.roles.includes(i.lease.role)) why.push(`role ${i.lease.role} is not one it covers (${rule.roles.join(", ")})`);
    const minutes = Math.ceil((i.window.end - i.window.start) / MINUTE_MS);
    if (minutes > rule.maxDurationMinutes) why.push(`the lease lasts ${formatDuration(minutes)}, over its maxDuration of ${formatDuration(rule.maxDurationMinutes)}`);
    if (rule.schedule && !withinSchedule(i.window.start, rule.schedule)) why.push(`the lease starts ${formatTimestamp(i.window.start)}, outside ${describeSchedule(rule.schedule)}`);
    if (rule.maxPerWeek !== void 0) {
      const used = countRecent(i.history, i.resource.id, rule.name, i.lease.grantee, i.at, i.path);
      if (used >= rule.maxPerWeek) why.push(`${i.lease.grantee} already had ${used} lease(s) auto-approved by it in the 7 days before ${formatTimestamp(i.at)} (maxPerWeek ${rule.maxPerWeek})`);
    }
    if (why.length === 0) return { matched: true, rule: rule.name };
    reasons.push(`rule ${rule.name}: ${why.join("; ")}`);
  }
  return { matched: false, reasons };
}
function countRecent(history, resource, rule, grantee, at, path) {
  const me = grantee.toLowerCase();
  return history.filter((h) => h.resource === resource && h.rule === rule && h.grantee.toLowerCase() === me && h.at < at && h.at >= at - WEEK_MS && !(path !== void 0 && h.lease === path && h.at === at)).length;
}

// src/approval/requester.ts
var NEW_REQUEST = "Close this pull request and ask again with the request form (Actions \u2192 jit-access request \u2192 Run workflow); never push to a request branch.";
function resolveRequester(i) {
  const pr = `#${i.pullRequest.number}`;
  if (i.botLogin === void 0 && i.botProblem !== void 0 && i.author.endsWith("[bot]") && i.leases.length > 0) {
    return {
      ok: false,
      code: "request-bot-unknown",
      message: `Pull request ${pr} was opened by ${i.author}, a bot account, and the request form's login could not be found (${i.botProblem}): whether the form opened it, and for whom, cannot be established.`,
      hint: "Set the bot-login input to the login the request workflow opens pull requests as, e.g. ${{ steps.app.outputs.app-slug }}[bot]."
    };
  }
  const byBot = i.botLogin !== void 0 && i.author.toLowerCase() === i.botLogin.toLowerCase();
  if (!byBot || i.leases.length === 0) return { ok: true, login: i.author, via: "author" };
  const head = i.pullRequest.headSha.slice(0, 7);
  if (!i.evidenceKey) {
    return {
      ok: false,
      code: "request-no-evidence-key",
      message: `Pull request ${pr} was opened by ${i.author} (the request form): who asked is recorded in a signed request note, and no evidence key is configured to check it, so nobody can be taken as the requester.`,
      hint: "Give this step evidence-key: ${{ secrets.JIT_EVIDENCE_KEY }} (the key the request workflow signs with), or open the request as yourself."
    };
  }
  const unbound = (why) => ({
    ok: false,
    code: "request-unbound",
    message: `The request was changed after the form opened it: ${why}, so pull request ${pr} cannot be attributed to anyone.`,
    hint: NEW_REQUEST
  });
  if (i.note === void 0) return unbound(`the head commit ${head} of ${i.pullRequest.headRef} is not the commit the form made (it has no request note; someone pushed to the branch)`);
  const note = parseRequestNote(i.note);
  if (!note) return unbound(`the note on the head commit ${head} is not a request note`);
  if (!isTrustedRequestNote(note, i.pullRequest.headSha, i.evidenceKey)) return unbound(`the request note on the head commit ${head} is not signed with the evidence key (forged, copied from another commit, or made with another key)`);
  const b = note.request;
  if (b.repository.toLowerCase() !== i.repository.toLowerCase()) return unbound(`the request note was made for ${b.repository}, not ${i.repository}`);
  if (b.branch !== i.pullRequest.headRef) return unbound(`the request note was made for branch ${b.branch}, not ${i.pullRequest.headRef}`);
  const mine = i.leases.find((l) => l.path === b.lease);
  if (i.leases.length !== 1 || !mine) return unbound(`the form wrote only ${b.lease}, but the pull request changes ${i.leases.map((l) => l.path).join(", ")}`);
  if (mine.blob !== b.blob) return unbound(`${b.lease} is not the content the form wrote`);
  return { ok: true, login: b.actor, via: "request-form", binding: b };
}
function requestable(path) {
  return isUnderLeases(path) && checkLeasePath(path).kind !== "placeholder";
}
function changedLeaseFiles(files) {
  return files.filter((f) => f.status !== "removed" && requestable(f.filename)).map((f) => ({ path: f.filename, blob: f.sha ?? "" }));
}

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
