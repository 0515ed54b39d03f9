#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import {
  evaluateApprovals
} from "./chunk-CEP24WVA.js";
import {
  isTrusted,
  parseNote,
  readEvidenceNote
} from "./chunk-GIIEBIZ6.js";
import {
  isShallow,
  readPolicyLog
} from "./chunk-BW7AH64Z.js";
import {
  MINUTE_MS,
  expandRefs,
  formatDuration,
  loadPolicy,
  teamsIn
} from "./chunk-WINV2HKP.js";
import {
  formatTimestamp
} from "./chunk-DHPVELKE.js";
import {
  resolveFacts
} from "./chunk-BSSDBP5K.js";
import {
  FULL_SHA,
  git,
  gitText,
  readBlobs,
  repoSession
} from "./chunk-RMU5QMAM.js";

// src/reconcile/break-glass.ts
var NOT_REVIEWED = "break-glass not reviewed";
var REQUEST_CLOSED = "break-glass request closed";
function breakGlassLabel(r) {
  return `${r.lease} (break-glass #${r.pullRequest})`;
}
var ms = (t) => Date.parse(t);
function isBreakGlassRecord(v) {
  if (!v || typeof v !== "object") return false;
  const r = v;
  const strings = ["lease", "blob", "requester", "resource", "grantee", "role", "grantedAt", "end", "reviewBy"];
  if (!strings.every((k) => typeof r[k] === "string") || typeof r.pullRequest !== "number") return false;
  const ended = r.ended;
  if (ended !== void 0 && !(ended && typeof ended === "object" && typeof ended.why === "string" && typeof ended.at === "string" && Number.isFinite(ms(ended.at)))) return false;
  return [r.grantedAt, r.end, r.reviewBy].every((t) => Number.isFinite(ms(t)));
}
function breakGlassRecords(notes, signer, unreadable) {
  const trusted = [];
  const unbound = [];
  for (const [object, text] of notes) {
    if (!text.includes('"breakGlass"')) continue;
    const r = readEvidenceNote(object, text, signer);
    if (r.kind === "unreadable") unreadable?.(object, r.reason);
    if (r.kind !== "evidence" || !Array.isArray(r.note.breakGlass)) continue;
    const { note, trust } = r;
    if (trust === "untrusted") continue;
    for (const b of note.breakGlass ?? []) {
      if (!isBreakGlassRecord(b)) continue;
      if (trust === "signed") trusted.push({ noteOn: object, record: b });
      else unbound.push({ noteOn: object, record: b, trust, ...typeof note.repository === "string" ? { repository: note.repository } : {} });
    }
  }
  return { trusted, unbound };
}
function recordPolicyProblem(r, policy) {
  const resource = policy.resources.get(r.resource);
  if (!resource) return { code: "break-glass-record-resource", message: `resource '${r.resource}' is not in the policy` };
  if (!resource.breakGlass.allowed) return { code: "break-glass-record-not-allowed", message: `${resource.id} does not allow break-glass access` };
  if (!resource.roles.includes(r.role)) return { code: "break-glass-record-role", message: `role '${r.role}' is not one of ${resource.id}'s roles (${resource.roles.join(", ")})` };
  const minutes = (ms(r.end) - ms(r.grantedAt)) / MINUTE_MS;
  if (minutes > resource.breakGlass.maxDurationMinutes) {
    return { code: "break-glass-record-too-long", message: `it lasts ${formatDuration(Math.ceil(minutes))}, over ${resource.id}'s break-glass maximum of ${formatDuration(resource.breakGlass.maxDurationMinutes)}` };
  }
  return void 0;
}
var CLOCK_SKEW_MS = 5 * MINUTE_MS;
function recordPullRequestProblem(r, pr, here) {
  const n = `#${r.pullRequest}`;
  if (pr.kind === "missing") return { code: "break-glass-record-no-pull-request", message: `pull request ${n} does not exist in ${here.repository}` };
  const mismatch = (why) => ({ code: "break-glass-record-pull-request-mismatch", message: `pull request ${n} ${why}` });
  if (pr.baseRepository.toLowerCase() !== here.repository.toLowerCase() || pr.baseRef !== here.defaultBranch) return mismatch(`targets ${pr.baseRepository}:${pr.baseRef}, not ${here.repository}:${here.defaultBranch}`);
  if (pr.createdAt > ms(r.grantedAt) + CLOCK_SKEW_MS) return mismatch(`was opened at ${formatTimestamp(pr.createdAt)}, after the grant at ${formatTimestamp(ms(r.grantedAt))}`);
  if (pr.headBlob !== r.blob) return mismatch(pr.headBlob === void 0 ? `has no ${r.lease} at its head` : `no longer carries the granted content of ${r.lease} at its head (blob ${r.blob.slice(0, 7)}, now ${pr.headBlob.slice(0, 7)})`);
  return void 0;
}
function wouldLast(r) {
  const start = ms(r.grantedAt);
  return { start, end: Math.max(start, Math.min(ms(r.end), ms(r.reviewBy), r.ended ? ms(r.ended.at) : Infinity)) };
}
function reviewedMerge(r, adds) {
  return adds.find((a) => a.path === r.lease && a.blob === r.blob && a.verdict === "approved" && a.pullRequest === r.pullRequest && a.time < ms(r.reviewBy));
}
function unsettled(records, adds) {
  return records.filter((r) => !r.record.ended && !reviewedMerge(r.record, adds));
}
function breakGlassSweep(input) {
  const out = { windows: [], takeovers: /* @__PURE__ */ new Map(), endings: [], heldOnly: [], problems: [] };
  for (const at of input.records) {
    const { noteOn, record: r } = at;
    const refused = input.refused?.get(at);
    const unchecked = input.unchecked?.get(at);
    const start = ms(r.grantedAt);
    const merged = refused ? void 0 : reviewedMerge(r, input.adds);
    if (merged) {
      out.takeovers.set(`${merged.path}\0${merged.commit}`, { start, end: ms(r.end), pullRequest: r.pullRequest });
      continue;
    }
    const closedAt = r.ended ? void 0 : input.closedUnmerged.get(r.pullRequest);
    const reviewBy = ms(r.reviewBy);
    const end = Math.min(ms(r.end), reviewBy, r.ended ? ms(r.ended.at) : Infinity, closedAt ?? Infinity);
    const window = { path: breakGlassLabel(r), resource: r.resource, grantee: r.grantee, role: r.role, start, end: Math.max(start, end) };
    const inForce = start <= input.now && input.now < window.end;
    const problem = refused ?? unchecked;
    if (problem && inForce) out.problems.push({ noteOn, record: r, problem, message: `${breakGlassLabel(r)}: ${problem.code}: break-glass access for @${r.grantee} as ${r.role} on ${r.resource} ${refused ? "is refused" : "is not granted in this run"}: ${problem.message}.` });
    if (refused) out.windows.push({ ...window, end: start });
    else if (unchecked && inForce) out.heldOnly.push(window);
    else out.windows.push(window);
    if (r.ended) continue;
    const who = `@${r.grantee} as ${r.role} on ${r.resource}`;
    if (closedAt !== void 0 && closedAt < reviewBy) {
      out.endings.push({ noteOn, record: r, why: REQUEST_CLOSED, endedAt: Math.max(start, end), message: `${r.lease}: ${REQUEST_CLOSED}: #${r.pullRequest} was closed unmerged at ${formatTimestamp(closedAt)}; break-glass access for ${who} (granted ${formatTimestamp(start)}) was never approved, and is revoked.` });
    } else if (input.now >= reviewBy) {
      out.endings.push({ noteOn, record: r, why: NOT_REVIEWED, endedAt: Math.max(start, end), message: `${r.lease}: ${NOT_REVIEWED}: break-glass access for ${who}, granted ${formatTimestamp(start)} in #${r.pullRequest}, was not approved and merged by ${formatTimestamp(reviewBy)}; it is revoked.` });
    }
  }
  return out;
}

// src/diagnostics/error-message.ts
function errorMessage(e) {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === "string") return e;
  if (typeof e === "object" && e !== null && typeof e.message === "string") return e.message;
  try {
    return `${String(e)} thrown`;
  } catch {
    return "an unprintable value thrown";
  }
}

// src/git/commits.ts
var EMPTY_TREE_SHA1 = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
async function firstParent(repo, commit) {
  const header = FULL_SHA.test(commit) ? await repoSession(repo)?.commit(commit) : void 0;
  if (header && (header.parents.length > 0 || commit.length === 40)) return header.parents[0] ?? EMPTY_TREE_SHA1;
  try {
    return (await gitText(repo, ["rev-parse", "--verify", "--quiet", `${commit}^1`])).trim();
  } catch {
    return (await gitText(repo, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  }
}
var WALK_LIMIT = 2e4;
async function isAncestor(repo, a, b) {
  if (a === b) return true;
  const walked = await walkAncestry(repo, a, b);
  if (walked !== void 0) return walked;
  return git(repo, ["merge-base", "--is-ancestor", a, b]).then(
    () => true,
    () => false
  );
}
async function walkAncestry(repo, a, b) {
  const s = repoSession(repo);
  if (!s || !FULL_SHA.test(a) || !FULL_SHA.test(b)) return void 0;
  if (await isShallow(repo)) return void 0;
  if (!await s.commit(a)) return void 0;
  const seen = /* @__PURE__ */ new Set([b]);
  let level = [b];
  while (level.length > 0) {
    const headers = await Promise.all(level.map((c) => s.commit(c)));
    const next = [];
    for (const h of headers) {
      if (!h) return void 0;
      for (const p of h.parents) {
        if (p === a) return true;
        if (seen.has(p)) continue;
        seen.add(p);
        next.push(p);
      }
    }
    if (seen.size > WALK_LIMIT) return void 0;
    level = next;
  }
  return false;
}

// src/approval/policy-in-force.ts
var FILE_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
var FETCH_BATCH = 64;
var PolicyChain = class {
  constructor(o) {
    this.o = o;
  }
  o;
  verdicts = /* @__PURE__ */ new Map();
  loaded = /* @__PURE__ */ new Map();
  ancestry = /* @__PURE__ */ new Map();
  /** Contents asked for in one batch and not loaded yet, by blob (one git process per batch, not per version). */
  fetched = /* @__PURE__ */ new Map();
  indexOf;
  /** Evidence made in this run that may be recorded for good, by commit. */
  fresh = /* @__PURE__ */ new Map();
  get versions() {
    return this.o.versions;
  }
  /** The verdict on version i. */
  verdict(i) {
    let p = this.verdicts.get(i);
    if (!p) {
      p = this.judge(i);
      this.verdicts.set(i, p);
    }
    return p;
  }
  /** The newest verified, valid version among the first `count` versions (undefined: none). */
  async inForceBefore(count) {
    for (let i = count - 1; i >= 0; i--) {
      const v = await this.verdict(i);
      if (v.state !== "anchor" && v.state !== "approved") continue;
      const l = await this.load(v.version);
      if (l.policy) return { index: i, inForce: { version: v.version, policy: l.policy, bytes: l.bytes } };
    }
    return void 0;
  }
  /** The policy in force at the tip, and the verdicts on the versions after it (none in force). */
  async atTip() {
    const found = await this.inForceBefore(this.versions.length);
    const refused = [];
    for (let i = (found?.index ?? -1) + 1; i < this.versions.length; i++) {
      const v = await this.verdict(i);
      const problem = v.state === "anchor" || v.state === "approved" ? (await this.load(v.version)).problem : void 0;
      refused.push(problem ? { ...v, state: "invalid", why: `it was verified, but ${problem}` } : v);
    }
    return { ...found ? { inForce: found.inForce } : {}, refused };
  }
  /**
   * The verified policy in force just after `commit`, a commit on the same first-parent
   * history (e.g. the parent of a lease change): lease changes are judged by it, never by an
   * unverified version that was on main then.
   */
  async at(commit) {
    let lo = 0;
    let hi = this.versions.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (await this.isAncestor(this.versions[mid].commit, commit)) lo = mid + 1;
      else hi = mid;
    }
    return (await this.inForceBefore(lo))?.inForce;
  }
  isAncestor(a, b) {
    const k = `${a} ${b}`;
    let p = this.ancestry.get(k);
    if (!p) {
      p = isAncestor(this.o.repoDir, a, b);
      this.ancestry.set(k, p);
    }
    return p;
  }
  load(v) {
    const k = `${v.mode}\0${v.blob}`;
    let p = this.loaded.get(k);
    if (!p) {
      p = (async () => {
        if (v.status === "D") return { bytes: new Uint8Array(), problem: "the file was removed" };
        if (!FILE_MODES.has(v.mode)) return { bytes: new Uint8Array(), problem: `it is not a regular file (git mode ${v.mode})` };
        const bytes = await this.content(v);
        if (!bytes) return { bytes: new Uint8Array(), problem: `its content (blob ${v.blob.slice(0, 7)}) cannot be read` };
        const loaded = loadPolicy(this.o.policyPath, bytes);
        if (loaded.policy) return { policy: loaded.policy, bytes };
        const d = loaded.diagnostics.slice(0, 3).map((x) => `${x.line}:${x.column} [${x.code}] ${x.message}`).join("; ");
        return { bytes, problem: `it is not a valid policy (${d}${loaded.diagnostics.length > 3 ? "; \u2026" : ""})` };
      })();
      this.loaded.set(k, p);
    }
    return p;
  }
  /**
   * A version's content. Versions with no signed verdict are each loaded in turn when they are
   * verified (judge): with the API, a miss also asks for the next such versions in the same
   * `git cat-file` process, so a branch with many unverified versions costs a few processes.
   */
  content(v) {
    let p = this.fetched.get(v.blob);
    if (!p) {
      const blobs = [v.blob];
      if (this.o.verify) {
        this.indexOf ??= new Map(this.versions.map((x, i) => [x, i]));
        const from = this.indexOf.get(v) ?? this.versions.length;
        for (let i = from + 1; i < this.versions.length && blobs.length < FETCH_BATCH; i++) {
          const x = this.versions[i];
          if (x.status === "D" || !FILE_MODES.has(x.mode) || this.fetched.has(x.blob) || this.loaded.has(`${x.mode}\0${x.blob}`) || blobs.includes(x.blob) || this.o.signed(x)) continue;
          blobs.push(x.blob);
        }
      }
      const read = readBlobs(this.o.repoDir, blobs).catch(() => /* @__PURE__ */ new Map());
      for (const b of blobs) if (!this.fetched.has(b)) this.fetched.set(b, read.then((m) => m.get(b)));
      p = this.fetched.get(v.blob);
    }
    this.fetched.delete(v.blob);
    return p;
  }
  async judge(i) {
    const version = this.versions[i];
    const at = new Date(this.o.now).toISOString();
    const signed = this.o.signed(version);
    if (signed) {
      if (signed.verdict === "rejected") return { version, state: signed.findings.some((f) => f.startsWith("invalid:")) ? "invalid" : "rejected", evidence: signed, source: "signed-note", why: signed.findings.map((f) => f.replace(/^invalid: /, "")).join("; ") || "verification failed" };
      return { version, state: signed.bootstrap ? "anchor" : "approved", evidence: signed, source: "signed-note" };
    }
    const before = version.status === "D" ? void 0 : await this.inForceBefore(i);
    if (before && !this.o.verify) return { version, state: "unchecked", source: "none", why: "no signed verdict on record and no API to verify it" };
    const l = await this.load(version);
    if (!l.policy) {
      const evidence = { path: this.o.policyPath, blob: version.blob, verdict: "rejected", approvals: [], policyCommit: version.commit, findings: [`invalid: ${l.problem}`], verifiedAt: at };
      if (version.status !== "D") this.fresh.set(version.commit, evidence);
      return { version, state: "invalid", evidence, source: "this-run", why: l.problem };
    }
    if (!before) {
      const evidence = { path: this.o.policyPath, blob: version.blob, verdict: "approved", bootstrap: true, approvals: [], policyCommit: version.commit, findings: [], verifiedAt: at };
      this.fresh.set(version.commit, evidence);
      return { version, state: "anchor", evidence, source: "this-run" };
    }
    let result;
    try {
      result = await this.o.verify(version, { commit: before.inForce.version.commit, policy: before.inForce.policy });
    } catch (e) {
      return { version, state: "unchecked", source: "none", why: `it could not be verified (${e.message})` };
    }
    if (result.final) this.fresh.set(version.commit, result.evidence);
    if (result.evidence.verdict === "approved") return { version, state: "approved", evidence: result.evidence, source: "this-run" };
    return { version, state: "rejected", evidence: result.evidence, source: "this-run", why: result.evidence.findings.join("; ") || "verification failed" };
  }
};
function signedPolicyEvidence(text, v, policyPath, signer) {
  const note = text === void 0 ? void 0 : parseNote(text);
  if (!note?.policy || note.policy.path !== policyPath || note.policy.blob !== v.blob) return void 0;
  return isTrusted(note, v.commit, signer) ? note.policy : void 0;
}
function refusedMessage(policyPath, v, inForce) {
  const code = v.state === "invalid" ? "policy-invalid" : "policy-unverified";
  const what = v.version.status === "D" ? `The removal of ${policyPath} in ${short(v.version.commit)}` : `${policyPath} as changed in ${short(v.version.commit)}`;
  return { code, message: `${code}: ${what} is not in force: ${(v.why ?? "not verified").replace(/\.$/, "")}. jit-access keeps applying the last verified version (from ${short(inForce.commit)}) until the admins approve a change in a merged pull request.` };
}
var short = (sha) => sha.slice(0, 7);
async function policyForRun(o) {
  const versions = o.versions ?? await readPolicyLog(o.repoDir, o.ref, o.policyPath);
  if (versions.length === 0) throw new UsageError("policy-missing", `No ${o.policyPath} at ${o.ref}.`);
  const chain = new PolicyChain({ ...o, versions, signed: (v) => signedPolicyEvidence(o.noteOf(v.commit), v, o.policyPath, o.signer) });
  const tip = await chain.atTip();
  if (!tip.inForce) {
    const why = tip.refused.map((v) => `${short(v.version.commit)}: ${v.why ?? v.state}`).join("; ");
    throw new UsageError("policy-invalid", `${o.policyPath} at ${o.ref} has no valid version to act on (${why}).`);
  }
  const findings = tip.refused.map((v) => ({ commit: v.version.commit, ...refusedMessage(o.policyPath, v, tip.inForce.version) }));
  return { inForce: tip.inForce, findings, chain };
}
function policyVerdictUpdates(chain, updates) {
  const out = [];
  for (const [commit, evidence] of chain.fresh) {
    updates.push({ object: commit, change: (note) => ({ ...note, policy: evidence }) });
    out.push(evidence);
  }
  return out;
}

// src/approval/verify-policy.ts
async function verifyPolicyChange(ctx, c, judge) {
  const { gh, owner, repo, policyPath } = ctx;
  const evidence = { path: policyPath, blob: c.blob, verdict: "rejected", approvals: [], policyCommit: judge.commit, findings: [], verifiedAt: new Date(ctx.now).toISOString() };
  const reject = (finding) => {
    evidence.findings.push(finding);
    return { evidence, final: true };
  };
  const assoc = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: c.commit, per_page: 100 });
  const pr = assoc.data.find((p) => p.merged_at && p.base.ref === ctx.defaultBranch && p.base.repo.full_name.toLowerCase() === `${owner}/${repo}`.toLowerCase());
  if (!pr) return reject(`no-pull-request: ${policyPath} reached ${ctx.defaultBranch} in ${c.commit.slice(0, 7)} without a merged pull request.`);
  const author = pr.user?.login ?? "";
  evidence.pullRequest = { number: pr.number, author, headSha: pr.head.sha, ...pr.merged_at ? { mergedAt: pr.merged_at } : {} };
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
    reviews: reviews.filter((r) => r.user).map((r) => ({ id: r.id, reviewer: r.user.login, state: r.state, commitId: r.commit_id ?? "", submittedAt: r.submitted_at ? Date.parse(r.submitted_at) : 0 }))
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

// src/providers/list-resources.ts
var LIST_CONCURRENCY = 8;
async function listResources(resources, providerFor, progress) {
  const out = new Array(resources.length);
  let next = 0;
  let finished = 0;
  const worker = async () => {
    for (let i = next++; i < resources.length; i = next++) {
      const resource = resources[i];
      let provider;
      try {
        provider = providerFor(resource);
      } catch (e) {
        const error = errorMessage(e);
        out[i] = { resource, provider: unavailable(error), actual: { error } };
        continue;
      }
      let actual;
      try {
        actual = await provider.list(resource);
      } catch (e) {
        actual = { error: errorMessage(e) };
      }
      out[i] = { resource, provider, actual };
      progress?.(++finished, resources.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, resources.length) }, worker));
  return out;
}
function unavailable(error) {
  const failed = () => Promise.resolve({ status: "failed", code: "provider-unavailable", message: error });
  return { type: "unavailable", nativeExpiry: false, singleRole: false, rank: () => 0, canGrantOthers: () => true, list: () => Promise.reject(new Error(error)), grant: failed, changeRole: failed, revoke: failed };
}

export {
  breakGlassLabel,
  isBreakGlassRecord,
  breakGlassRecords,
  recordPolicyProblem,
  recordPullRequestProblem,
  wouldLast,
  unsettled,
  breakGlassSweep,
  errorMessage,
  firstParent,
  PolicyChain,
  policyForRun,
  policyVerdictUpdates,
  verifyPolicyChange,
  listResources
};
