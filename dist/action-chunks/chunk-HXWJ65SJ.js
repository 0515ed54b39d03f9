import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  autoApprovalHistory,
  autoApprovalRecords
} from "./chunk-GUOOY6KU.js";
import {
  verifyChange
} from "./chunk-IV7EWZHQ.js";
import {
  credentialDelivery,
  postOnce,
  runPolicy
} from "./chunk-7UZHY6AZ.js";
import {
  readLeaseAndPolicyLog,
  readLeaseLog
} from "./chunk-IVFWVQ2J.js";
import {
  listResources
} from "./chunk-BWFAZBUO.js";
import {
  breakGlassLabel,
  breakGlassRecords,
  breakGlassSweep,
  errorMessage,
  firstParent,
  policyVerdictUpdates,
  recordPolicyProblem,
  recordPullRequestProblem,
  unsettled,
  wouldLast
} from "./chunk-OW7EIWIX.js";
import {
  createNotifier
} from "./chunk-GAX54RT6.js";
import {
  UsageError
} from "./chunk-HUC6523L.js";
import {
  getInput,
  setOutput,
  summary,
  warning
} from "./chunk-AZDOHWTX.js";
import {
  NOTE_UNREADABLE,
  checkLease,
  checkLeasePath,
  leaseWindow,
  loadLease,
  macVerifies,
  noteMac,
  noteSigner,
  readEvidenceNote,
  readNotes,
  resolveFacts,
  unreadableNoteMessage,
  updateNotes
} from "./chunk-VTJMK7UI.js";
import {
  MINUTE_MS,
  emptyFacts,
  formatDuration,
  git,
  gitText,
  loadPolicy,
  readBlobs,
  resourceOrg,
  teamsIn,
  withGitSession
} from "./chunk-WCB7NMLF.js";
import {
  formatTimestamp,
  parseTimestamp
} from "./chunk-P5GKRAZF.js";

// src/apply/break-glass-recheck.ts
async function recheckRecords(o, policy, records, adds) {
  const refused = /* @__PURE__ */ new Map();
  const unchecked = /* @__PURE__ */ new Map();
  for (const r of records) {
    const problem = recordPolicyProblem(r.record, policy);
    if (problem) refused.set(r, problem);
  }
  const answers = /* @__PURE__ */ new Map();
  const pull = async (number) => {
    let a = answers.get(number);
    if (!a) {
      try {
        a = { kind: "found", data: (await o.gh.rest.pulls.get({ owner: o.owner, repo: o.repo, pull_number: number })).data };
      } catch (e) {
        a = e?.status === 404 ? { kind: "missing" } : { kind: "error", message: errorMessage(e) };
      }
      answers.set(number, a);
    }
    return a;
  };
  const blobs = /* @__PURE__ */ new Map();
  const blobAt = async (ref, path) => {
    const k = `${ref}\0${path}`;
    let b = blobs.get(k);
    if (!b) {
      try {
        const { data } = await o.gh.rest.repos.getContent({ owner: o.owner, repo: o.repo, path, ref });
        b = { blob: !Array.isArray(data) && data.type === "file" ? data.sha : void 0 };
      } catch (e) {
        b = e?.status === 404 ? { blob: void 0 } : { error: errorMessage(e) };
      }
      blobs.set(k, b);
    }
    return b;
  };
  const open = unsettled(records, adds).filter((r) => !o.onlyResources || o.onlyResources.has(r.record.resource));
  const closedUnmerged = /* @__PURE__ */ new Map();
  for (const number of new Set(open.map((r) => r.record.pullRequest))) {
    const a = await pull(number);
    if (a.kind === "found" && a.data.state === "closed" && !a.data.merged_at && a.data.closed_at) closedUnmerged.set(number, Date.parse(a.data.closed_at));
  }
  const here = { repository: `${o.owner}/${o.repo}`.toLowerCase(), defaultBranch: o.defaultBranch };
  for (const r of open) {
    const w = wouldLast(r.record);
    if (refused.has(r) || closedUnmerged.has(r.record.pullRequest) || !(w.start <= o.now && o.now < w.end)) continue;
    const a = await pull(r.record.pullRequest);
    const cannot = (why) => unchecked.set(r, { code: "break-glass-record-unchecked", message: `pull request #${r.record.pullRequest} could not be checked (${why}); the next run checks again` });
    if (a.kind === "error") {
      cannot(a.message);
      continue;
    }
    let pr = { kind: "missing" };
    if (a.kind === "found") {
      const head = await blobAt(a.data.head.sha, r.record.lease);
      if ("error" in head) {
        cannot(head.error);
        continue;
      }
      pr = { kind: "found", baseRepository: a.data.base.repo.full_name, baseRef: a.data.base.ref, createdAt: Date.parse(a.data.created_at), headBlob: head.blob };
    }
    const problem = recordPullRequestProblem(r.record, pr, here);
    if (problem) refused.set(r, problem);
  }
  return { closedUnmerged, refused, unchecked };
}

// src/apply/verification.ts
function inScope(o, path) {
  const where = checkLeasePath(path);
  return !o.onlyResources || where.kind === "lease" && o.onlyResources.has(where.resource);
}
async function verifyChanges(o, state) {
  const parents = /* @__PURE__ */ new Map();
  const verified = [];
  const ctx = { ...state.verifyCtx, autoApprovals: async () => [...state.signedAutoApprovals(), ...autoApprovalRecords(verified)] };
  const verify = async (change) => {
    try {
      const parent = parents.get(change.commit) ?? await firstParent(o.repoDir, change.commit);
      parents.set(change.commit, parent);
      return await verifyChange(ctx, { ...change, parent });
    } catch (e) {
      state.problems.set(`${change.commit}\0${change.path}`, { code: "verification-failed", lease: change.path, commit: change.commit, message: `${change.path} (${change.commit.slice(0, 7)}) could not be verified: ${errorMessage(e)}. Nothing it asks for is granted in this run; the next run verifies it again.` });
      return void 0;
    }
  };
  const pending = [...state.pending].sort((a, b) => a.life.changes[a.index].time - b.life.changes[b.index].time);
  let checked = 0;
  for (const p of pending) {
    o.progress?.(checked++, pending.length, "verifying lease changes");
    if (!inScope(o, p.life.path)) continue;
    const ch = p.life.changes[p.index];
    const input = state.inputOf.get(p.life.path);
    const first = input.changes[0];
    const lease = input.changes[p.index].lease;
    const over = lease ? leaseWindow(lease, first.time).end <= o.now && !state.grantedFirst.has(`${p.life.path}\0${ch.blob}`) : false;
    if (lease && first.verdict !== "rejected" && !over) {
      const ev = await verify({ path: p.life.path, commit: ch.commit, blob: ch.blob, time: ch.time });
      if (!ev) continue;
      verified.push(ev);
      input.changes[p.index] = { ...input.changes[p.index], verdict: ev.verdict, findings: ev.findings };
    } else if (!lease && !over) {
      const d = loadLease(p.life.path, state.blobs.get(ch.blob) ?? Buffer.alloc(0)).diagnostics[0];
      const why = d ? ` (${d.code} at ${d.line}:${d.column}: ${d.message})` : "";
      input.changes[p.index] = { ...input.changes[p.index], verdict: "rejected", findings: [`invalid: the lease file does not parse${why}`] };
    }
  }
  return { verified, verify };
}

// src/apply/break-glass-review.ts
async function reviewBreakGlass(o, state, verification) {
  const { inputs, lifeOf, evidence: trusted, records, grantedFirst, policy } = state;
  const removedCommit = /* @__PURE__ */ new Map();
  const verified = [];
  const adds = [];
  const unknownReview = /* @__PURE__ */ new Set();
  const verifiedNow = new Map(verification.verified.map((v) => [`${v.lease}\0${v.blob}`, v]));
  for (const input of inputs) {
    const add = input.changes[0];
    const blob = lifeOf.get(input.path)?.changes[0]?.blob;
    if (!add || add.status !== "A" || !blob) continue;
    const pr = (trusted.get(`${add.commit}\0${input.path}\0${blob}`) ?? verifiedNow.get(`${input.path}\0${blob}`))?.pullRequest?.number;
    adds.push({ path: input.path, blob, commit: add.commit, time: add.time, verdict: add.verdict, ...pr !== void 0 ? { pullRequest: pr } : {} });
  }
  for (const life of state.endedLives) {
    const add = life.changes[0];
    if (!add || add.status !== "A" || !grantedFirst.has(`${life.path}\0${add.blob}`) || !inScope(o, life.path)) continue;
    let ev = trusted.get(`${add.commit}\0${life.path}\0${add.blob}`);
    if (!ev) {
      ev = await verification.verify({ path: life.path, commit: add.commit, blob: add.blob, time: add.time });
      if (!ev) {
        unknownReview.add(`${life.path}\0${add.blob}`);
        continue;
      }
      verified.push(ev);
      removedCommit.set(`${life.path}\0${add.blob}`, add.commit);
    }
    adds.push({ path: life.path, blob: add.blob, commit: add.commit, time: add.time, verdict: ev.verdict, ...ev.pullRequest ? { pullRequest: ev.pullRequest.number } : {} });
  }
  const { closedUnmerged, refused, unchecked } = await recheckRecords(o, policy, records, adds);
  const swept = breakGlassSweep({ now: o.now, records, adds, closedUnmerged, refused, unchecked });
  const breakGlass = { ...swept, endings: swept.endings.filter((e) => !unknownReview.has(`${e.record.lease}\0${e.record.blob}`)) };
  const findings = [];
  const scoped = (resource) => !o.onlyResources || o.onlyResources.has(resource);
  for (const p of breakGlass.problems) if (scoped(p.record.resource)) findings.push({ lease: p.record.lease, commit: p.noteOn, code: p.problem.code, message: p.message });
  for (const u of state.unbound) {
    const w = wouldLast(u.record);
    if (u.record.ended || !(w.start <= o.now && o.now < w.end) || !scoped(u.record.resource)) continue;
    const why = u.trust === "legacy" ? "its note was signed before jit-access bound notes to their repository, so it may have been copied from another access repo" : `its note is signed for ${u.repository ?? "another repository"}, not ${state.signer.repository}: it was copied from another access repo`;
    findings.push({ lease: u.record.lease, commit: u.noteOn, code: "break-glass-record-unbound", message: `${breakGlassLabel(u.record)}: break-glass-record-unbound: break-glass access for @${u.record.grantee} as ${u.record.role} on ${u.record.resource} is refused: ${why}. It grants nothing here; ask again with a new break-glass pull request.` });
  }
  return { breakGlass, verified, removedCommit, findings };
}

// src/apply/recorded-evidence.ts
function recordedEvidence(notes, signer, problems) {
  const unreadableNote = (object, reason) => {
    if (!problems.has(object)) problems.set(object, { code: NOTE_UNREADABLE, commit: object, message: unreadableNoteMessage(object, reason) });
  };
  const readings = /* @__PURE__ */ new Map();
  const trustedNote = (commit) => {
    if (!readings.has(commit)) {
      const text = notes.get(commit);
      const r2 = text === void 0 ? void 0 : readEvidenceNote(commit, text, signer);
      if (r2?.kind === "unreadable") unreadableNote(commit, r2.reason);
      readings.set(commit, r2);
    }
    const r = readings.get(commit);
    return r?.kind === "evidence" && r.trusted ? r.note : void 0;
  };
  const indexOf = /* @__PURE__ */ new Map();
  return {
    get(key2) {
      const cut = key2.indexOf("\0");
      const commit = key2.slice(0, cut);
      let index = indexOf.get(commit);
      if (!index) {
        index = new Map((trustedNote(commit)?.leases ?? []).map((e) => [`${e.lease}\0${e.blob}`, e]));
        indexOf.set(commit, index);
      }
      return index.get(key2.slice(cut + 1));
    },
    unreadableNote
  };
}

// src/apply/desired-state.ts
async function readDesiredState(o) {
  const signer = noteSigner(o.owner, o.repo, o.evidenceKey);
  const [{ log, policyVersions }, notes] = await Promise.all([readLeaseAndPolicyLog(o.repoDir, o.ref, o.policyPath), readNotes(o.repoDir)]);
  const policyRun = await runPolicy(o, notes, policyVersions, signer);
  const policy = policyRun.inForce.policy;
  const verifyCtx = { ...o, policyAt: async (commit) => (await policyRun.chain.at(commit))?.bytes };
  const isLease = (p) => checkLeasePath(p).kind === "lease";
  const lives = [...log.current.values()].filter((l) => isLease(l.path));
  const lifeOf = new Map(lives.map((l) => [l.path, l]));
  const endedLives = log.ended.filter((l) => isLease(l.path));
  const blobs = await readBlobs(o.repoDir, lives.flatMap((l) => l.changes.map((c) => c.blob)));
  const leaseCache = /* @__PURE__ */ new Map();
  const leaseOf = (path, blob) => {
    const k = `${path}\0${blob}`;
    if (!leaseCache.has(k)) leaseCache.set(k, loadLease(path, blobs.get(blob) ?? Buffer.alloc(0)).lease);
    return leaseCache.get(k);
  };
  const problems = /* @__PURE__ */ new Map();
  const evidence = recordedEvidence(notes, signer, problems);
  const { trusted: records, unbound } = breakGlassRecords(notes, signer, evidence.unreadableNote);
  const grantedFirst = new Set(records.filter((r) => !r.record.ended).map((r) => `${r.record.lease}\0${r.record.blob}`));
  const inputs = [];
  const inputOf = /* @__PURE__ */ new Map();
  const pending = [];
  for (const life of lives) {
    const input = { path: life.path, changes: [] };
    life.changes.forEach((ch, index) => {
      const lease = leaseOf(life.path, ch.blob);
      const ev = evidence.get(`${ch.commit}\0${life.path}\0${ch.blob}`);
      input.changes.push({ commit: ch.commit, time: ch.time, status: ch.status, ...lease ? { lease } : {}, verdict: ev ? ev.verdict : "unverified", ...ev ? { findings: ev.findings } : {} });
      if (!ev) pending.push({ life, index });
    });
    inputs.push(input);
    inputOf.set(input.path, input);
  }
  let signedAutoApprovals;
  const autoApprovals = () => signedAutoApprovals ??= autoApprovalHistory(notes, signer);
  return { signedAutoApprovals: autoApprovals, signer, policyRun, policy, verifyCtx, lives, lifeOf, endedLives, blobs, leaseOf, evidence, problems, records, unbound, grantedFirst, inputs, inputOf, pending };
}

// src/reconcile/execute-plan.ts
var ORDER = { grant: 0, "change-role": 1, renew: 1, revoke: 2, keep: 3 };
async function executePlan(plan, providerOf, resourceOf, delivery, progress) {
  const todo = plan.actions.filter((a) => a.kind !== "keep").sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const results = [];
  for (const action of todo) {
    const because = action.kind === "revoke" ? action.lease ? [action.lease] : [] : action.because.flatMap((b) => b.kind === "lease" ? [b.path] : []);
    let outcome;
    try {
      const provider = providerOf(action.resource);
      const resource = resourceOf(action.resource);
      if (action.kind === "grant") {
        const until = action.because.reduce((m, b) => b.kind === "lease" ? Math.max(m ?? 0, b.end) : m, void 0);
        const attempt = { resource, provider, grantee: action.grantee, role: action.role, ...because[0] ? { lease: because[0] } : {}, ...until !== void 0 ? { end: until } : {} };
        const refused = delivery ? await delivery.beforeGrant(attempt) : void 0;
        outcome = refused ?? await provider.grant(resource, action.grantee, action.role, { ...until !== void 0 ? { expiresAt: until } : {}, ...because[0] ? { lease: because[0] } : {} });
        if (delivery) outcome = await delivery.afterGrant(attempt, outcome);
        else if (outcome.status === "granted" && outcome.credential) {
          await provider.revoke(resource, { resource: action.resource, grantee: action.grantee, role: action.role, state: "active", ...outcome.credential.details.login ? { handle: outcome.credential.details.login } : {} });
          outcome = { status: "failed", code: "credentials-undelivered", message: `${action.grantee}'s credential for ${action.resource} has no delivery in this run; the grant was taken back.` };
        }
      } else if (action.kind === "change-role") {
        outcome = await provider.changeRole(resource, action.grantee, action.to);
      } else if (action.kind === "renew") {
        const attempt = { resource, provider, grantee: action.grantee, role: action.role, ...because[0] ? { lease: because[0] } : {}, end: action.to };
        const refused = delivery && provider.publishes?.(resource) ? await delivery.beforeGrant(attempt) : void 0;
        const held = { resource: action.resource, grantee: action.grantee, role: action.role, state: "active", expiresAt: action.from, ...action.handle ? { handle: action.handle } : {} };
        outcome = refused ?? (provider.renew ? await provider.renew(resource, held, { expiresAt: action.to, ...because[0] ? { lease: because[0] } : {} }) : { status: "failed", code: "renew-unsupported", message: `${action.resource}: ${provider.type} cannot move the end of ${action.grantee}'s grant to ${new Date(action.to).toISOString()}.` });
        if (delivery) outcome = await delivery.afterGrant(attempt, outcome);
      } else {
        outcome = await provider.revoke(resource, { resource: action.resource, grantee: action.grantee, role: action.role, state: action.state, ...action.handle ? { handle: action.handle } : {} });
      }
    } catch (e) {
      outcome = { status: "failed", code: "provider-error", message: errorMessage(e) };
    }
    results.push({ action, outcome, because });
    progress?.(results.length, todo.length);
  }
  return results;
}

// src/apply/execute.ts
function executeRun(o, state, planned) {
  const delivery = credentialDelivery({ gh: o.gh, owner: o.owner, repo: o.repo, pullRequestOf: planned.prOf });
  return executePlan(planned.plan, (id) => planned.providers.get(id), (id) => state.policy.resources.get(id), delivery, o.progress ? (done, total) => o.progress(done, total, "applying the plan") : void 0);
}

// src/reconcile/lease-windows.ts
function leaseWindows(lives) {
  const windows = [];
  const findings = [];
  for (const life of lives) {
    const add = life.changes[0];
    if (!add || add.status !== "A") continue;
    let effective;
    for (const ch of life.changes) {
      if (ch.status === "D") break;
      if (ch.verdict === "approved" && ch.lease) effective = ch.lease;
      else if (ch.verdict === "rejected") {
        const what = ch.status === "A" ? "was not granted" : "extension was not applied; the earlier expiry stays";
        findings.push({ lease: life.path, commit: ch.commit, message: `${life.path} ${what}: ${(ch.findings ?? []).join("; ") || "verification failed"}` });
      }
      if (ch === add && ch.verdict !== "approved") break;
    }
    if (!effective) continue;
    const w = leaseWindow(effective, add.time);
    const removed = life.changes.find((c) => c.status === "D");
    windows.push({ path: life.path, resource: effective.resource, grantee: effective.grantee, role: effective.role, start: w.start, end: removed ? Math.min(w.end, removed.time) : w.end });
  }
  return { windows, findings };
}

// src/reconcile/plan.ts
function holderRecord(h) {
  return { lease: h.path, resource: h.resource, grantee: h.grantee, role: h.role, from: new Date(h.start).toISOString(), until: new Date(h.end).toISOString(), ...h.stillHeld ? { stillHeld: true } : {} };
}
var HOLDER_LOOKBACK_MS = 7 * 24 * 36e5;
var DEFAULT_GUARDS = { maxRevocations: 25, maxRevocationFraction: 0.5, force: false };
var key = (resource, grantee) => `${resource}\0${grantee.toLowerCase()}`;
function planReconcile(input) {
  const { now } = input;
  const guards = input.guards ?? DEFAULT_GUARDS;
  const plan = { now, actions: [], refused: [], errors: [], scheduled: [] };
  const active = input.leases.filter((l) => l.start <= now && now < l.end);
  plan.scheduled = input.leases.filter((l) => l.start > now).sort((a, b) => a.start - b.start);
  const endedBy = /* @__PURE__ */ new Map();
  for (const l of [...input.ended, ...input.leases.filter((x) => x.end <= now)]) endedBy.set(key(l.resource, l.grantee), l);
  const planned = [];
  for (const rs of [...input.resources].sort((a, b) => a.resource.id < b.resource.id ? -1 : 1)) {
    const r = rs.resource;
    if (!Array.isArray(rs.actual)) {
      plan.errors.push({ resource: r.id, message: rs.actual.error });
      continue;
    }
    const desired = /* @__PURE__ */ new Map();
    const want = (grantee, role, because) => {
      const k = grantee.toLowerCase();
      let d = desired.get(k);
      if (!d) desired.set(k, d = { grantee, roles: /* @__PURE__ */ new Map() });
      d.roles.set(role, [...d.roles.get(role) ?? [], because]);
    };
    for (const s of r.standing) want(s.grantee, s.role, { kind: "standing" });
    for (const l of active) if (l.resource === r.id) want(l.grantee, l.role, { kind: "lease", path: l.path, end: l.end });
    if (rs.singleRole) {
      for (const d of desired.values()) {
        if (d.roles.size <= 1) continue;
        const best = [...d.roles.keys()].sort((a, b) => rs.rank(b) - rs.rank(a))[0];
        d.roles = /* @__PURE__ */ new Map([[best, [...d.roles.values()].flat()]]);
      }
    }
    const actions = [];
    const drift = [];
    const actualBy = /* @__PURE__ */ new Map();
    for (const g of rs.actual) {
      const k = g.grantee.toLowerCase();
      actualBy.set(k, [...actualBy.get(k) ?? [], g]);
    }
    for (const [k, d] of desired) {
      const have = actualBy.get(k) ?? [];
      for (const [role, because] of d.roles) {
        const exact = have.find((g) => g.role === role);
        const renewTo = exact ? renewal(exact, because) : void 0;
        if (exact && renewTo !== void 0) {
          actions.push({ kind: "renew", resource: r.id, grantee: exact.grantee, role, from: exact.expiresAt, to: renewTo, ...exact.handle ? { handle: exact.handle } : {}, because });
        } else if (exact) {
          actions.push({ kind: "keep", resource: r.id, grantee: exact.grantee, role, state: exact.state, because });
        } else if (rs.singleRole && have.length > 0) {
          const cur = have[0];
          actions.push({ kind: "change-role", resource: r.id, grantee: cur.grantee, from: cur.role, to: role, because });
        } else {
          actions.push({ kind: "grant", resource: r.id, grantee: d.grantee, role, because });
        }
      }
    }
    for (const [k, grants] of actualBy) {
      const d = desired.get(k);
      for (const g of grants) {
        if (d && (d.roles.has(g.role) || rs.singleRole && d.roles.size > 0)) continue;
        const ended = endedBy.get(key(r.id, g.grantee));
        const revoke = { kind: "revoke", resource: r.id, grantee: g.grantee, role: g.role, state: g.state, why: ended ? "expired" : "drift", ...g.handle ? { handle: g.handle } : {}, ...ended ? { lease: ended.path } : {} };
        if (ended) actions.push(revoke);
        else if (r.mode === "exclusive") drift.push(revoke);
      }
    }
    planned.push({ resource: r, actions, drift, held: rs.actual.length });
  }
  const holdersOn = input.canGrantOthers && planned.some((p) => p.drift.length > 0) ? holderIndex(input, planned, input.canGrantOthers) : () => [];
  let driftBudget = guards.maxRevocations;
  for (const { resource: r, actions, drift, held } of planned) {
    const holders = drift.length > 0 ? holdersOn(r) : [];
    if (holders.length > 0) {
      actions.push(...drift.map((d) => ({ ...d, couldBeAddedBy: holders })));
      plan.actions.push(...actions);
      continue;
    }
    const limit = Math.max(1, Math.floor(held * guards.maxRevocationFraction));
    if (!guards.force && drift.length > 0 && (drift.length > limit || drift.length > driftBudget)) {
      plan.refused.push({
        resource: r.id,
        reason: `would revoke ${drift.length} of ${held} grant(s) not backed by any lease (limits: ${limit} for this resource, ${driftBudget} left in this run). Check the resource's provider settings, add them to 'standing', use mode: additive, or run with --force.`,
        actions: drift
      });
    } else {
      actions.push(...drift);
      driftBudget -= drift.length;
    }
    plan.actions.push(...actions);
  }
  return plan;
}
function renewal(held, because) {
  if (held.expiresAt === void 0 || held.state !== "active" || because.length === 0) return void 0;
  let end = -Infinity;
  for (const b of because) {
    if (b.kind !== "lease") return void 0;
    end = Math.max(end, b.end);
  }
  return Math.floor(end / 1e3) === Math.floor(held.expiresAt / 1e3) ? void 0 : end;
}
function holderIndex(input, planned, can) {
  const { now } = input;
  const since = now - HOLDER_LOOKBACK_MS;
  const granted = [...input.leases, ...input.endedVerified ?? []].filter((l) => l.start <= now && l.start < l.end);
  const grantedOver = /* @__PURE__ */ new Map();
  for (const l of granted) if (l.end <= now) grantedOver.set(key(l.resource, l.grantee), l);
  const found = /* @__PURE__ */ new Map();
  const hkey = (h) => `${h.path}\0${h.resource}\0${h.grantee.toLowerCase()}\0${h.role}`;
  for (const l of granted) {
    const h = { path: l.path, resource: l.resource, grantee: l.grantee, role: l.role, start: l.start, end: l.end };
    if (l.end > since) found.set(hkey(h), h);
  }
  for (const p of planned) {
    for (const a of p.actions) {
      if (a.kind !== "revoke" || a.why !== "expired") continue;
      const l = grantedOver.get(key(a.resource, a.grantee));
      if (!l) continue;
      const h = { path: l.path, resource: a.resource, grantee: a.grantee, role: a.role, start: l.start, end: l.end, stillHeld: true };
      found.set(hkey(h), h);
    }
  }
  const byStart = (a, b) => a.start - b.start || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.grantee < b.grantee ? -1 : 1);
  const byHeld = /* @__PURE__ */ new Map();
  for (const h of [...found.values()].sort(byStart)) {
    const k = `${h.resource}\0${h.role}`;
    const group = byHeld.get(k);
    if (group) group.push(h);
    else byHeld.set(k, [h]);
  }
  return (target) => {
    const out = [...byHeld.values()].filter((hs) => can(hs[0].resource, hs[0].role, target)).flat();
    return out.sort(byStart);
  };
}
function countByKind(plan) {
  const c = { grant: 0, "change-role": 0, renew: 0, revoke: 0, keep: 0 };
  for (const a of plan.actions) c[a.kind]++;
  return c;
}

// src/apply/scheduled-start.ts
async function recheckScheduledStarts(o, state, windows, verified) {
  const { lifeOf, inputOf, evidence: trusted, blobs, policy } = state;
  const findings = [];
  const requesterOf = (path) => {
    const add = lifeOf.get(path)?.changes[0];
    const ev = add ? trusted.get(`${add.commit}\0${path}\0${add.blob}`) ?? verified.find((v) => v.lease === path && v.blob === add.blob) : void 0;
    return ev?.pullRequest ? ev.pullRequest.requester ?? ev.pullRequest.author : void 0;
  };
  const kept = [];
  for (const w of windows) {
    const life = lifeOf.get(w.path);
    const input = inputOf.get(w.path);
    if (!life || !input || w.start <= life.changes[0].time || w.start > o.now) {
      kept.push(w);
      continue;
    }
    const idx = input.changes.map((c) => c.verdict).lastIndexOf("approved");
    const blob = life.changes[idx]?.blob;
    const loaded = blob ? loadLease(w.path, blobs.get(blob) ?? Buffer.alloc(0)) : void 0;
    const resource = loaded?.lease ? policy.resources.get(loaded.lease.resource) : void 0;
    if (!loaded?.lease || !resource) {
      kept.push(w);
      continue;
    }
    const author = requesterOf(w.path);
    let facts = emptyFacts();
    if (author) {
      const people = [...resource.requesters ?? [], ...Array.isArray(resource.allowRequestFor) ? resource.allowRequestFor : []];
      const org = resourceOrg(resource.provider);
      try {
        facts = await resolveFacts(o.gh, { teams: teamsIn(people, policy.groups), orgMembers: [author, loaded.lease.grantee].map((login) => ({ org, login })) });
      } catch (e) {
        findings.push({ lease: w.path, commit: life.changes[idx].commit, message: `${w.path} was not granted at its scheduled start: who may request it could not be checked (${errorMessage(e)}); the next run checks again.` });
        continue;
      }
    }
    const ctx = { file: w.path, doc: loaded.doc, lease: loaded.lease, folder: w.path.split("/")[1] ?? "", policy, now: o.now, facts };
    const problems = checkLease(author ? { ...ctx, kind: "start", author } : { ...ctx, kind: "existing" }).filter((d) => d.severity === "error");
    if (problems.length === 0) {
      kept.push(w);
      continue;
    }
    findings.push({ lease: w.path, commit: life.changes[idx].commit, message: `${w.path} was not granted at its scheduled start: the policy now refuses it (${problems.map((d) => `${d.code}: ${d.message}`).join("; ")})` });
  }
  return { kept, findings };
}

// src/apply/plan.ts
async function planRun(o, state, review, verified) {
  const { policy, policyRun, inputs, lifeOf, evidence: trusted, blobs, leaseOf } = state;
  const { breakGlass } = review;
  const computed = leaseWindows(inputs);
  const findings = [...policyRun.findings.map((f) => ({ code: f.code, lease: o.policyPath, commit: f.commit, message: f.message })), ...computed.findings, ...review.findings];
  const windows = computed.windows.map((w) => {
    const t = breakGlass.takeovers.get(`${w.path}\0${lifeOf.get(w.path)?.changes[0]?.commit ?? ""}`);
    return t ? { ...w, start: t.start, end: Math.min(w.end, t.end) } : w;
  }).map((w) => o.endNow?.has(w.path) && w.end > o.now ? { ...w, end: Math.max(w.start, o.now) } : w);
  const scheduled = await recheckScheduledStarts(o, state, windows, verified);
  findings.push(...scheduled.findings);
  const kept = scheduled.kept;
  const verifiedOf = new Map(verified.map((v) => [`${v.lease}\0${v.blob}`, v]));
  const prOf = (path) => {
    const life = lifeOf.get(path);
    const add = life?.changes[0];
    if (!add) return void 0;
    const ev = trusted.get(`${add.commit}\0${path}\0${add.blob}`) ?? verifiedOf.get(`${path}\0${add.blob}`);
    return ev?.pullRequest?.number;
  };
  const active = kept.filter((w) => w.start <= o.now && o.now < w.end).map((w) => {
    const pr = prOf(w.path);
    return { ...w, ...pr !== void 0 ? { pullRequest: pr } : {} };
  });
  const windowOf = new Map(kept.map((w) => [w.path, w]));
  const over = [];
  for (const input of inputs) {
    const w = windowOf.get(input.path);
    const add = input.changes[0];
    const lease = [...input.changes].reverse().find((c) => c.lease)?.lease;
    if (w && w.end <= o.now) over.push({ ...w, verified: true });
    else if (!w && add && lease && (leaseWindow(lease, add.time).end <= o.now || o.endNow?.has(input.path))) {
      const lw = leaseWindow(lease, add.time);
      over.push({ path: input.path, resource: lease.resource, grantee: lease.grantee, role: lease.role, start: lw.start, end: lw.end, verified: false });
    }
  }
  if (o.onlyResources) over.splice(0, over.length, ...over.filter((l) => o.onlyResources.has(l.resource)));
  const all = [...policy.resources.values()].filter((r) => !o.onlyResources || o.onlyResources.has(r.id));
  const listed = await listResources(all, (r) => o.providerFor(r.id, policy), o.progress ? (done, total) => o.progress(done, total, "listing resources") : void 0);
  const providers = new Map(listed.map((l) => [l.resource.id, l.provider]));
  const resources = listed.map(({ resource, provider, actual }) => ({ resource, actual, singleRole: provider.singleRole, rank: (role) => provider.rank(role) }));
  const held = new Set(resources.flatMap((rs) => Array.isArray(rs.actual) ? rs.actual.map((g) => `${rs.resource.id}\0${g.grantee.toLowerCase()}\0${g.role}`) : []));
  const bgWindows = [...breakGlass.windows, ...breakGlass.heldOnly.filter((w) => held.has(`${w.resource}\0${w.grantee.toLowerCase()}\0${w.role}`))];
  const inForce = new Set([...kept, ...bgWindows].filter((w) => w.start <= o.now && o.now < w.end).map((w) => `${w.resource}\0${w.grantee.toLowerCase()}`));
  const unexplained = new Set(
    resources.filter((rs) => Array.isArray(rs.actual) && rs.actual.some((g) => !inForce.has(`${rs.resource.id}\0${g.grantee.toLowerCase()}`) && !rs.resource.standing.some((st) => st.grantee.toLowerCase() === g.grantee.toLowerCase()))).map((rs) => rs.resource.id)
  );
  const folderOf = (life) => life.path.split("/")[1] ?? "";
  const endedLives = state.endedLives.filter((life) => unexplained.has(folderOf(life)));
  const canGrantOthers = (held2, role, target) => {
    const r = policy.resources.get(held2);
    if (!r) return false;
    try {
      return o.providerFor(r.id, policy).canGrantOthers(role, r, target);
    } catch {
      return false;
    }
  };
  const targets = [...unexplained].flatMap((id) => policy.resources.get(id) ?? []);
  const reaching = new Set([...policy.resources.values()].filter((r) => r.roles.some((role) => targets.some((t) => canGrantOthers(r.id, role, t)))).map((r) => r.id));
  const holderLives = state.endedLives.filter((life) => reaching.has(folderOf(life)) && (life.changes.at(-1)?.time ?? 0) > o.now - HOLDER_LOOKBACK_MS);
  for (const [sha, bytes] of await readBlobs(o.repoDir, [...new Set([...endedLives, ...holderLives].flatMap((l) => l.changes.map((c) => c.blob)))])) blobs.set(sha, bytes);
  const ended = leaseWindows(
    endedLives.map((life) => ({
      path: life.path,
      changes: life.changes.map((ch) => {
        const lease = leaseOf(life.path, ch.blob);
        return { commit: ch.commit, time: ch.time, status: ch.status, ...lease ? { lease } : {}, verdict: "approved" };
      })
    }))
  ).windows;
  const endedVerified = leaseWindows(
    holderLives.map((life) => ({
      path: life.path,
      changes: life.changes.map((ch) => {
        const lease = leaseOf(life.path, ch.blob);
        const ev = trusted.get(`${ch.commit}\0${life.path}\0${ch.blob}`);
        return { commit: ch.commit, time: ch.time, status: ch.status, ...lease ? { lease } : {}, verdict: ev ? ev.verdict : "unverified" };
      })
    }))
  ).windows;
  const plan = planReconcile({ now: o.now, resources, leases: [...kept, ...bgWindows], ended, endedVerified, canGrantOthers, ...o.guards ? { guards: o.guards } : {} });
  const bg = { windows: bgWindows, endings: breakGlass.endings.filter((e) => !o.onlyResources || o.onlyResources.has(e.record.resource)) };
  return { plan, findings, active, over, breakGlass: bg, providers, prOf };
}

// src/apply/record.ts
async function recordRun(o, state, verified, removedCommit, results) {
  const { lifeOf, signer } = state;
  const byCommit = /* @__PURE__ */ new Map();
  for (const ev of verified) {
    const life = lifeOf.get(ev.lease);
    const commit = life?.changes.find((c) => c.blob === ev.blob)?.commit ?? removedCommit.get(`${ev.lease}\0${ev.blob}`);
    if (!commit) continue;
    byCommit.set(commit, [...byCommit.get(commit) ?? [], ev]);
  }
  const updates = [];
  for (const [commit, evs] of byCommit) {
    const mine = (lease) => evs.some((e) => e.lease === lease);
    const grants = results.filter((r) => r.action.kind === "grant" || r.action.kind === "change-role" || r.action.kind === "renew").filter((r) => evs.some((e) => r.because.includes(e.lease))).map((r) => ({ lease: evs.find((e) => r.because.includes(e.lease)).lease, resource: r.action.resource, grantee: r.action.grantee, role: r.action.kind === "change-role" ? r.action.to : r.action.role, status: r.outcome.status, at: new Date(o.now).toISOString() }));
    updates.push({
      object: commit,
      change: (note) => {
        const kept = (note.grants ?? []).filter((g) => !mine(g.lease));
        return { ...note, leases: [...note.leases.filter((l) => !mine(l.lease)), ...evs], ...kept.length + grants.length ? { grants: [...kept, ...grants] } : {} };
      }
    });
  }
  const drift = await recordDrift(o, results, updates);
  const policyVerified = policyVerdictUpdates(state.policyRun.chain, updates);
  await updateNotes(o.repoDir, signer, updates);
  const recorded = o.evidenceKey ? [...new Set([...byCommit.values()].flat().filter((e) => e.verdict === "approved").map((e) => e.lease))] : [];
  return { recorded, drift, policyVerified };
}
async function recordDrift(o, results, updates) {
  const at = new Date(o.now).toISOString();
  const drift = results.flatMap((r) => {
    const a = r.action;
    if (a.kind !== "revoke" || a.why !== "drift" || r.outcome.status === "failed") return [];
    const by = (a.couldBeAddedBy ?? []).map(holderRecord);
    return [{ resource: a.resource, grantee: a.grantee, role: a.role, revokedAt: at, ...by.length ? { couldBeAddedBy: by } : {} }];
  });
  if (drift.length === 0) return drift;
  const head = (await gitText(o.repoDir, ["rev-parse", "--verify", `${o.ref}^{commit}`])).trim();
  updates.push({ object: head, change: (note) => ({ ...note, drift: [...note.drift ?? [], ...drift] }) });
  return drift;
}

// src/commands/apply.ts
function runApply(o) {
  return withGitSession(() => runApplyInSession(o));
}
async function runApplyInSession(o) {
  const state = await readDesiredState(o);
  const verification = await verifyChanges(o, state);
  const review = await reviewBreakGlass(o, state, verification);
  const verified = [...verification.verified, ...review.verified];
  const planned = await planRun(o, state, review, verified);
  const findings = [...planned.findings, ...state.problems.values()];
  const { plan, over, active, breakGlass } = planned;
  const policy = state.policy;
  const policyVersion = { commit: state.policyRun.inForce.version.commit, blob: state.policyRun.inForce.version.blob };
  const clean = findings.length === 0 && plan.refused.length === 0 && plan.errors.length === 0;
  if (o.dryRun) return { policy, policyVersion, policyVerified: [], plan, results: [], findings, verified, recorded: [], drift: [], over, active, breakGlass, ok: clean };
  const results = await executeRun(o, state, planned);
  const { recorded, drift, policyVerified } = await recordRun(o, state, verified, review.removedCommit, results);
  const failed = results.some((r) => r.outcome.status === "failed");
  return { policy, policyVersion, policyVerified, plan, results, findings, verified, recorded, drift, over, active, breakGlass, ok: !failed && clean };
}

// src/git/reconcile-state.ts
var STATE_REF = "refs/jit/state";
var FILE = "state.json";
var MAX_BYTES = 256 * 1024 * 1024;
var macText = (repository, text) => `jit-access reconcile-state v1\0${repository.toLowerCase()}\0${text}`;
function encodeState(state, key2, repository) {
  const text = JSON.stringify({ version: 1, ...state });
  return JSON.stringify({ mac: noteMac(macText(repository, text), key2), text });
}
var isTime = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function decodeState(stored, key2, repository) {
  let outer;
  try {
    outer = JSON.parse(stored);
  } catch {
    return { why: "not JSON" };
  }
  if (!isObject(outer) || typeof outer.text !== "string") return { why: "not a signed state" };
  const text = outer.text;
  if (!key2) return { why: "no evidence key to check it with" };
  if (!macVerifies(outer.mac, () => macText(repository, text), key2)) return { why: "its signature does not verify" };
  let s;
  try {
    s = JSON.parse(text);
  } catch {
    return { why: "not JSON" };
  }
  if (!isObject(s) || s.version !== 1) return { why: "unknown version" };
  if (typeof s.head !== "string" || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s.head)) return { why: "bad head" };
  if (!isTime(s.dueSince)) return { why: "bad dueSince" };
  if (!isObject(s.listed) || !Object.values(s.listed).every(isTime)) return { why: "bad listed" };
  if (!Array.isArray(s.retry) || !s.retry.every((r) => typeof r === "string")) return { why: "bad retry" };
  if (!Array.isArray(s.cache)) return { why: "bad cache" };
  const cache = [];
  for (const e of s.cache) {
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== "string" || !isObject(e[1])) return { why: "bad cache entry" };
    const p = e[1];
    if (typeof p.etag !== "string" || !isTime(p.seen) || p.link !== void 0 && typeof p.link !== "string" || !("body" in p)) return { why: "bad cache entry" };
    cache.push([e[0], { etag: p.etag, ...p.link !== void 0 ? { link: p.link } : {}, body: p.body, seen: p.seen }]);
  }
  for (const k of ["driftBound", "sweepEvery"]) if (s[k] !== void 0 && (!isTime(s[k]) || s[k] === 0)) return { why: `bad ${k}` };
  const timing = { ...s.driftBound !== void 0 ? { driftBound: s.driftBound } : {}, ...s.sweepEvery !== void 0 ? { sweepEvery: s.sweepEvery } : {} };
  return { state: { head: s.head, dueSince: s.dueSince, listed: { ...s.listed }, retry: [...s.retry], cache, ...timing } };
}
async function readReconcileState(repo, key2, repository) {
  let size;
  try {
    size = Number((await gitText(repo, ["cat-file", "-s", `${STATE_REF}:${FILE}`])).trim());
  } catch {
    return { why: `no ${STATE_REF}` };
  }
  if (!Number.isFinite(size) || size > MAX_BYTES) return { why: `${STATE_REF} is too big` };
  try {
    return decodeState((await git(repo, ["cat-file", "blob", `${STATE_REF}:${FILE}`])).toString("utf8"), key2, repository);
  } catch {
    return { why: `${STATE_REF} cannot be read` };
  }
}
async function writeReconcileState(repo, state, key2, repository, now) {
  const blob = (await git(repo, ["hash-object", "-w", "--stdin"], encodeState(state, key2, repository))).toString("utf8").trim();
  const tree = (await git(repo, ["mktree"], `100644 blob ${blob}	${FILE}
`)).toString("utf8").trim();
  const when = new Date(now).toISOString();
  const ident = { GIT_AUTHOR_NAME: "jit-access[bot]", GIT_AUTHOR_EMAIL: "jit-access[bot]@users.noreply.github.com", GIT_COMMITTER_NAME: "jit-access[bot]", GIT_COMMITTER_EMAIL: "jit-access[bot]@users.noreply.github.com", GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  const commit = (await git(repo, ["commit-tree", tree, "-m", "jit-access reconcile state"], void 0, ident)).toString("utf8").trim();
  await git(repo, ["update-ref", STATE_REF, commit]);
  return commit;
}
function withToken(token) {
  if (!token) return void 0;
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  return { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraheader", GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}
async function fetchReconcileState(repo, remote = "origin", token) {
  const args = ["fetch", "--quiet", remote, `+${STATE_REF}:${STATE_REF}`];
  for (const env of [void 0, withToken(token)]) {
    try {
      await git(repo, args, void 0, env);
      return true;
    } catch {
      if (!token) return false;
    }
  }
  return false;
}
async function pushReconcileState(repo, remote = "origin", token) {
  try {
    await git(repo, ["push", "--quiet", "--force", remote, `${STATE_REF}:${STATE_REF}`], void 0, withToken(token));
    return void 0;
  } catch (e) {
    return e.message;
  }
}

// src/github/conditional-requests.ts
var LIST_PAGES = [
  /^\/orgs\/[^/]+\/teams\/[^/]+\/members$/,
  /^\/orgs\/[^/]+\/teams\/[^/]+\/invitations$/,
  /^\/orgs\/[^/]+\/teams$/,
  /^\/orgs\/[^/]+\/invitations$/,
  /^\/orgs\/[^/]+\/organization-roles$/,
  /^\/orgs\/[^/]+\/organization-roles\/[^/]+\/users$/,
  /^\/repos\/[^/]+\/[^/]+\/collaborators$/,
  /^\/repos\/[^/]+\/[^/]+\/invitations$/,
  // the two-factor lists every verification reads (members, outside collaborators without 2FA)
  /^\/orgs\/[^/]+\/members$/,
  /^\/orgs\/[^/]+\/outside_collaborators$/
];
function isCachedListPage(path) {
  const bare = path.split("?")[0] ?? path;
  return LIST_PAGES.some((re) => re.test(bare));
}
var ResponseCache = class {
  entries;
  stats = { conditional: 0, notModified: 0, stored: 0 };
  /** Set when an entry changed (new or re-fetched): the store writes the cache back only then. */
  changed = false;
  constructor(entries = []) {
    this.entries = new Map(entries);
  }
  /** Drops entries not confirmed since `before` (resources gone from the policy, old pages). */
  prune(before) {
    for (const [k, v] of this.entries) {
      if (v.seen < before) {
        this.entries.delete(k);
        this.changed = true;
      }
    }
  }
};
function header(headers, name) {
  const v = headers?.[name];
  return typeof v === "string" ? v : void 0;
}
function perPage(path) {
  const q = path.includes("?") ? new URLSearchParams(path.slice(path.indexOf("?") + 1)) : new URLSearchParams();
  const n = Number(q.get("per_page") ?? 30);
  return Number.isInteger(n) && n > 0 ? n : 30;
}
function safeToRevalidate(path, page) {
  if (!Array.isArray(page.body)) return true;
  return page.body.length < perPage(path) || /rel="next"/.test(page.link ?? "");
}
function useConditionalRequests(gh, cache, now) {
  const sent = /* @__PURE__ */ new WeakMap();
  gh.hook.before("request", (options) => {
    if ((options.method ?? "GET").toUpperCase() !== "GET") return;
    const url = new URL(gh.request.endpoint(options).url);
    if (!isCachedListPage(url.pathname)) return;
    const key2 = url.pathname + url.search;
    const page = cache.entries.get(key2);
    if (page && safeToRevalidate(key2, page)) {
      options.headers = { ...options.headers, "if-none-match": page.etag };
      cache.stats.conditional++;
      sent.set(options, { key: key2, page });
    } else sent.set(options, { key: key2 });
  });
  gh.hook.after("request", (res, options) => {
    const s = sent.get(options);
    const etag = header(res.headers, "etag");
    if (!s || res.status !== 200 || !etag) return;
    const link = header(res.headers, "link");
    cache.entries.set(s.key, { etag, ...link ? { link } : {}, body: res.data, seen: now });
    cache.stats.stored++;
    cache.changed = true;
  });
  gh.hook.error("request", (error, options) => {
    const s = sent.get(options);
    const status = error.status;
    if (!s?.page || status !== 304) throw error;
    const page = s.page;
    const response = error.response;
    cache.stats.notModified++;
    page.seen = now;
    const headers = { ...response?.headers ?? {}, etag: page.etag };
    if (page.link) headers.link = page.link;
    else delete headers.link;
    return { status: 200, url: response?.url ?? s.key, headers, data: page.body };
  });
}

// src/reconcile/scope.ts
function leaseFolder(path) {
  const m = /^leases\/([^/]+)\//.exec(path);
  return m?.[1];
}
function decideScope(i) {
  const why = { all: 0, touched: 0, due: 0, retry: 0, "break-glass": 0, overdue: 0, slice: 0 };
  const all = new Set(i.resources);
  const full = (because) => ({ full: true, resources: new Set(all), why: { ...why, all: all.size }, fullBecause: because });
  if (i.kind === "full") return full("a full reconcile was asked for");
  if (!i.state) return full("no recorded state of an earlier run");
  if (i.changed === "unknown") return full("the branch does not descend from the last recorded run");
  if (i.changed.includes(i.policyPath)) return full("the policy changed");
  if (i.state.dueSince > i.now) return full("the recorded state is from the future");
  const out = /* @__PURE__ */ new Set();
  const add = (r, reason) => {
    if (!all.has(r) || out.has(r)) return;
    out.add(r);
    why[reason]++;
  };
  for (const p of i.changed) {
    const r = leaseFolder(p);
    if (r) add(r, "touched");
  }
  const since = i.state.dueSince;
  for (const l of i.leases) {
    const starts = l.start > since && l.start <= i.now;
    const ends = l.end <= i.now;
    if (starts || ends) for (const r of l.resources) add(r, "due");
  }
  for (const r of i.state.retry) add(r, "retry");
  for (const r of i.breakGlass) add(r, "break-glass");
  if (i.kind === "sweep") {
    const threshold = i.now - Math.max(0, i.driftBound - i.sweepEvery);
    const lastListed = (r) => i.state.listed[r] ?? -1;
    for (const r of all) if (lastListed(r) <= threshold || lastListed(r) > i.now) add(r, "overdue");
    const per = Math.ceil(all.size * i.sweepEvery / Math.max(i.sweepEvery, i.driftBound - i.sweepEvery));
    const oldest = [...all].filter((r) => !out.has(r)).sort((a, b) => lastListed(a) - lastListed(b) || (a < b ? -1 : 1));
    for (const r of oldest.slice(0, Math.max(0, per - why.overdue))) add(r, "slice");
  }
  return { full: out.size === all.size, resources: out, why };
}

// src/commands/scoped-run.ts
var DEFAULT_DRIFT_BOUND_MS = 60 * 60 * 1e3;
var DEFAULT_SWEEP_EVERY_MS = 5 * 60 * 1e3;
var CACHE_KEEP_MS = 24 * 60 * 60 * 1e3;
function unsettled2(apply, expire) {
  const out = /* @__PURE__ */ new Set();
  for (const e of apply.plan.errors) out.add(e.resource);
  for (const r of apply.plan.refused) out.add(r.resource);
  for (const r of apply.results) if (r.outcome.status === "failed") out.add(r.action.resource);
  for (const f of apply.findings) {
    const r = f.lease ? leaseFolder(f.lease) : void 0;
    if (r) out.add(r);
  }
  for (const k of expire?.kept ?? []) {
    const r = leaseFolder(k.path);
    if (r) out.add(r);
  }
  return out;
}
async function leaseTimes(repoDir, ref, policyPath) {
  const { log } = await readLeaseAndPolicyLog(repoDir, ref, policyPath);
  const lives = [...log.current.values()];
  const blobs = await readBlobs(repoDir, lives.flatMap((l) => l.changes.map((c) => c.blob)));
  const out = [];
  for (const life of lives) {
    const add = life.changes[0];
    const folder = leaseFolder(life.path);
    if (!add) continue;
    for (const ch of life.changes) {
      const lease = loadLease(life.path, blobs.get(ch.blob) ?? Buffer.alloc(0)).lease;
      if (!lease) continue;
      const w = leaseWindow(lease, add.time);
      out.push({ resources: [.../* @__PURE__ */ new Set([...folder ? [folder] : [], lease.resource])], start: w.start, end: w.end });
    }
  }
  return out;
}
async function resolve(repoDir, ref) {
  return (await gitText(repoDir, ["rev-parse", "--verify", `${ref}^{commit}`])).trim();
}
async function changedSince(repoDir, from, to) {
  try {
    await git(repoDir, ["merge-base", "--is-ancestor", from, to]);
  } catch {
    return "unknown";
  }
  return (await gitText(repoDir, ["diff", "--name-only", "--no-renames", "-z", from, to])).split("\0").filter(Boolean);
}
function scopedRun(o, s, run, settle) {
  return withGitSession(() => scopedRunInSession(o, s, run, settle));
}
async function scopedRunInSession(o, s, run, settle) {
  const log = s.log ?? (() => {
  });
  const repository = `${o.owner}/${o.repo}`;
  if (s.remote && !o.dryRun) await fetchReconcileState(o.repoDir, s.remote.name, s.remote.token);
  const read = await readReconcileState(o.repoDir, o.evidenceKey, repository);
  const state = "state" in read ? read.state : void 0;
  const head = await resolve(o.repoDir, o.ref);
  let resources = [];
  try {
    const bytes = await git(o.repoDir, ["cat-file", "blob", `${head}:${o.policyPath}`]);
    resources = [...loadPolicy(o.policyPath, bytes).policy?.resources.keys() ?? []];
  } catch {
  }
  const times = await leaseTimes(o.repoDir, head, o.policyPath);
  const folders = new Set(times.flatMap((t) => t.resources));
  const all = [.../* @__PURE__ */ new Set([...resources, ...folders])];
  const notes = await readNotes(o.repoDir);
  const records = breakGlassRecords(notes, noteSigner(o.owner, o.repo, o.evidenceKey));
  const breakGlass = [...records.trusted.filter((r) => !r.record.ended).map((r) => r.record.resource), ...records.unbound.map((u) => u.record.resource)];
  const changed = state ? await changedSince(o.repoDir, state.head, head) : "unknown";
  const scope = decideScope({
    kind: s.kind,
    now: o.now,
    resources: all,
    state,
    changed,
    policyPath: o.policyPath,
    leases: times,
    breakGlass,
    driftBound: state?.driftBound ?? s.driftBound ?? DEFAULT_DRIFT_BOUND_MS,
    sweepEvery: state?.sweepEvery ?? s.sweepEvery ?? DEFAULT_SWEEP_EVERY_MS
  });
  if (!state) log(`No usable ${"refs/jit/state"} (${"why" in read ? read.why : "?"}): a full reconcile.`);
  log(scope.full ? `Reconciling all ${scope.resources.size} resources (${scope.fullBecause ?? "all were due"}).` : `Reconciling ${scope.resources.size} of ${all.length} resources: ${Object.entries(scope.why).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ") || "none due"}.`);
  const cache = new ResponseCache(state?.cache ?? []);
  useConditionalRequests(o.gh, cache, o.now);
  const result = await run(scope.full ? o : { ...o, onlyResources: scope.resources });
  const report = { scope, cache: cache.stats, ...state ? {} : { noState: "why" in read ? read.why : "unknown" } };
  if (o.dryRun || !o.evidenceKey) return { result, report };
  const done = await settle(result);
  const ownOnTop = async (h) => h === head || (await gitText(o.repoDir, ["rev-parse", `${h}^`]).catch(() => "")).trim() === head;
  if (done.head && !await ownOnTop(done.head)) delete done.head;
  const listed = {};
  const known = new Set(all);
  for (const [r, t] of Object.entries(state?.listed ?? {})) if (known.has(r) && t <= o.now) listed[r] = t;
  for (const r of scope.resources) if (!done.unsettled.has(r)) listed[r] = o.now;
  cache.prune(o.now - CACHE_KEEP_MS);
  const timing = done.policy?.reconcile ?? {};
  const next = {
    head: done.head ?? head,
    dueSince: o.now,
    listed,
    retry: [...done.unsettled].sort(),
    cache: [...cache.entries].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0),
    ...timing.driftBoundMinutes ? { driftBound: timing.driftBoundMinutes * 6e4 } : {},
    ...timing.sweepEveryMinutes ? { sweepEvery: timing.sweepEveryMinutes * 6e4 } : {}
  };
  try {
    await writeReconcileState(o.repoDir, next, o.evidenceKey, repository, o.now);
    if (s.remote) {
      const error = await pushReconcileState(o.repoDir, s.remote.name, s.remote.token);
      if (error) report.recordError = `could not push ${"refs/jit/state"}: ${error}`;
    }
  } catch (e) {
    report.recordError = e.message;
  }
  if (report.recordError) log(`${report.recordError} (the next run reconciles more: correct, just costlier).`);
  return { result, report };
}
function settleApply(r) {
  return Promise.resolve({ unsettled: unsettled2(r), policy: r.policy });
}
function settleExpire(repoDir, pushing) {
  return async (r) => {
    const open = unsettled2(r.apply, r);
    if (r.recheck) for (const x of unsettled2(r.recheck)) open.add(x);
    const policy = (r.recheck ?? r.apply).policy;
    if (r.commit && pushing && !r.pushed) return { unsettled: open, policy };
    return { unsettled: open, policy, head: (await gitText(repoDir, ["rev-parse", "HEAD"])).trim() };
  };
}

// src/reconcile/format-plan.ts
function describeHolders(holders) {
  return holders.map((h) => `@${h.grantee} (${h.role} on ${h.resource} through ${h.path}, ${formatTimestamp(h.start)} \u2013 ${formatTimestamp(h.end)}${h.stillHeld ? ", still held" : ""})`).join(", ");
}
function formatPlanMarkdown(plan, results = [], findings = []) {
  const c = countByKind(plan);
  const failed = results.filter((r) => r.outcome.status === "failed").length;
  const bad = failed + findings.length + plan.refused.length + plan.errors.length;
  const lines = [`## ${bad ? "\u274C" : "\u2705"} jit-access apply`, "", `${c.grant} granted, ${c["change-role"]} changed, ${c.renew ? `${c.renew} renewed, ` : ""}${c.revoke} revoked, ${c.keep} unchanged${failed ? `, **${failed} failed**` : ""}.`, ""];
  if (findings.length) lines.push("### Security findings", "", ...findings.map((f) => `- ${f.message} (\`${f.commit.slice(0, 7)}\`)`), "");
  if (results.length) {
    lines.push("| Result | Resource | Grantee | Change | Why |", "| --- | --- | --- | --- | --- |");
    for (const r of results) {
      const a = r.action;
      const change = a.kind === "change-role" ? `${a.from} \u2192 ${a.to}` : a.kind === "renew" ? `renew ${a.role} until ${formatTimestamp(a.to)}` : `${a.kind} ${a.kind === "revoke" || a.kind === "grant" ? a.role : ""}`;
      const reasons = a.kind === "revoke" && a.couldBeAddedBy?.length ? [...r.because, `could have been added by ${describeHolders(a.couldBeAddedBy)}`] : r.because;
      lines.push(`| ${r.outcome.status === "failed" ? `\u274C ${r.outcome.message}` : r.outcome.status} | ${a.resource} | ${a.grantee} | ${change} | ${reasons.join(", ").replace(/\|/g, "\\|")} |`);
    }
    lines.push("");
  }
  for (const r of plan.refused) lines.push(`> \u26A0\uFE0F Refused for **${r.resource}**: ${r.reason}`, "");
  for (const e of plan.errors) lines.push(`> \u274C ${e.resource}: ${e.message}`, "");
  return lines.join("\n");
}

// src/reconcile/reminders.ts
function reminderMarker(path, end) {
  return `<!-- jit-access:reminder ${path} ${formatTimestamp(end)} -->`;
}
function dueReminders(active, policy, now) {
  const out = [];
  for (const l of active) {
    const r = policy.resources.get(l.resource);
    if (!r || l.pullRequest === void 0 || r.remindBeforeMinutes <= 0) continue;
    const left = l.end - now;
    if (left <= 0 || left > r.remindBeforeMinutes * MINUTE_MS) continue;
    const marker = reminderMarker(l.path, l.end);
    const extend = r.maxExtensions > 0 ? `To extend it, open a pull request that changes \`duration\` or \`expires\` in \`${l.path}\` (up to ${r.maxExtensions} extension(s), ${formatDuration(r.maxTotalDurationMinutes)} in total); it needs approval again.` : `${r.id} allows no extensions: open a new lease if you still need access.`;
    out.push({ pullRequest: l.pullRequest, marker, body: `${marker}
\u23F0 @${l.grantee}: your ${l.role} access on **${l.resource}** ends at ${formatTimestamp(l.end)} (in ${formatDuration(Math.ceil(left / MINUTE_MS))}). ${extend}
To give it up now, delete the lease file in a pull request.` });
  }
  return out;
}

// src/action/send-reminders.ts
async function sendReminders(ctx, gh, result) {
  let sent = 0;
  for (const r of dueReminders(result.active, result.policy, ctx.now)) {
    try {
      if (await postOnce(gh, { owner: ctx.owner, repo: ctx.repo, number: r.pullRequest }, r.marker, r.body)) sent++;
    } catch (e) {
      warning(`Could not post a reminder on #${r.pullRequest}: ${e.message}`);
    }
  }
  setOutput("reminded", String(sent));
  return sent;
}

// src/action/notify-results.ts
async function notifyResults(ctx, result, url) {
  if (!url) return;
  const n = createNotifier(url, { repository: `${ctx.owner}/${ctx.repo}` });
  const at = new Date(ctx.now).toISOString();
  for (const r of result.results) {
    const a = r.action;
    const role = a.kind === "change-role" ? a.to : a.role;
    const base = { resource: a.resource, grantee: a.grantee, role, at, ...r.because[0] ? { lease: r.because[0] } : {} };
    if (r.outcome.status === "failed") await n.notify({ ...base, kind: "failed", text: `\u274C jit-access could not ${a.kind} ${role} on ${a.resource} for @${a.grantee}: ${r.outcome.message}` });
    else if (a.kind === "revoke") {
      const by = a.couldBeAddedBy ?? [];
      const why = a.why === "expired" ? " (lease ended)" : by.length ? ` (not backed by any lease; could have been added by ${describeHolders(by)})` : " (not backed by any lease)";
      const couldBeAddedBy = by.map(holderRecord);
      await n.notify({ ...base, kind: "revoked", text: `\u{1F512} @${a.grantee} no longer has ${role} on ${a.resource}${why}`, ...couldBeAddedBy.length ? { couldBeAddedBy } : {} });
    } else if (a.kind !== "renew") await n.notify({ ...base, kind: "granted", text: `\u{1F513} @${a.grantee} was granted ${role} on ${a.resource}${r.outcome.status === "invited" ? " (invitation pending)" : ""}` });
  }
  try {
    for (const e of await extensions(ctx.workspace, result, at)) await n.notify(e);
  } catch (e) {
    warning(`Could not tell the webhook about extensions: ${e.message}`);
  }
  for (const f of result.findings) await n.notify({ kind: "finding", lease: f.lease, at, text: `\u{1F6A8} jit-access security finding: ${f.message}` });
  for (const failure of n.failures) warning(`Webhook delivery failed (${failure}); nothing else was affected.`);
}
async function extensions(repoDir, result, at) {
  const approved = result.verified.filter((v) => v.verdict === "approved");
  if (approved.length === 0) return [];
  const log = await readLeaseLog(repoDir, "HEAD", [...new Set(approved.map((v) => v.lease))]);
  const found = approved.flatMap((ev) => {
    const changes = log.current.get(ev.lease)?.changes ?? [];
    const i = changes.findIndex((c) => c.status === "M" && c.blob === ev.blob);
    return i > 0 ? [{ ev, add: changes[0], before: changes[i - 1] }] : [];
  });
  if (found.length === 0) return [];
  const blobs = await readBlobs(repoDir, found.flatMap((f) => [f.ev.blob, f.before.blob]));
  const leaseOf = (path, blob) => loadLease(path, blobs.get(blob) ?? Buffer.alloc(0)).lease;
  return found.flatMap(({ ev, add, before }) => {
    const lease = leaseOf(ev.lease, ev.blob);
    const previous = leaseOf(ev.lease, before.blob);
    if (!lease || !previous) return [];
    const newEnd = leaseWindow(lease, add.time).end;
    if ([...result.active, ...result.over].find((w) => w.path === ev.lease)?.end !== newEnd) return [];
    const end = formatTimestamp(newEnd);
    const was = formatTimestamp(leaseWindow(previous, add.time).end);
    const by = ev.approvals.map((a) => a.reviewer);
    const pr = ev.pullRequest?.number;
    return [
      {
        kind: "extension",
        text: `\u23E9 @${lease.grantee}'s ${lease.role} on ${lease.resource} was extended to ${end} (was ${was})${by.length ? `, approved by ${by.map((a) => `@${a}`).join(", ")}` : ""}${pr !== void 0 ? ` in #${pr}` : ""}`,
        lease: ev.lease,
        resource: lease.resource,
        grantee: lease.grantee,
        role: lease.role,
        ...pr !== void 0 ? { pullRequest: pr } : {},
        expires: end,
        previousExpires: was,
        approvedBy: by,
        at
      }
    ];
  });
}

// src/timer/timer-plan.ts
var MINUTE = 6e4;
var MAX_TIMER_WAIT_MS = 340 * MINUTE;
var TIMER_POLL_MS = 10 * MINUTE;
var EARLY_SLACK_MS = 20 * MINUTE;
function timerInputs(t) {
  return { lease: t.lease, "expires-at": formatTimestamp(t.expiresAt) };
}
function timersToStart(results, policy, plan = [], recorded = []) {
  const out = /* @__PURE__ */ new Map();
  const isTimer = (resource) => policy.resources.get(resource)?.revocation === "timer";
  for (const r of results) {
    const a = r.action;
    if (a.kind !== "grant" && a.kind !== "change-role") continue;
    if (r.outcome.status === "failed") continue;
    if (!isTimer(a.resource)) continue;
    for (const b of a.because) if (b.kind === "lease") out.set(b.path, { lease: b.path, expiresAt: b.end });
  }
  const fresh = new Set(recorded);
  for (const a of plan) {
    if (a.kind !== "keep" && a.kind !== "renew" || !isTimer(a.resource)) continue;
    for (const b of a.because) if (b.kind === "lease" && fresh.has(b.path) && !out.has(b.path)) out.set(b.path, { lease: b.path, expiresAt: b.end });
  }
  return [...out.values()];
}
function parseTimerInputs(lease, expiresAt) {
  const path = lease.trim();
  const where = checkLeasePath(path);
  if (where.kind !== "lease") throw new UsageError("timer-bad-lease", `Input 'lease' must be one lease file, leases/<resource>/<name>.yaml; got '${lease}'.`);
  const at = parseTimestamp(expiresAt.trim());
  if (at === void 0) throw new UsageError("timer-bad-expiry", `Input 'expires-at' must be an RFC 3339 time with an offset, e.g. 2026-11-24T17:00:00Z; got '${expiresAt}'.`);
  return { lease: path, resource: where.resource, expiresAt: at };
}
function timerLeg(now, expiresAt, maxWait = MAX_TIMER_WAIT_MS) {
  const left = expiresAt - now;
  return left <= maxWait ? { waitMs: Math.max(0, left), due: true } : { waitMs: maxWait, due: false };
}
function timerWorkflowRef(owner, repo, workflow, branch) {
  return `${owner}/${repo}/.github/workflows/${workflow}@refs/heads/${branch}`;
}
function earlyRevokeVerdict(f) {
  if (f.revocation !== "timer") {
    return { allowed: false, code: "timer-early-not-timer", message: `its resource does not use 'revocation: timer' (only a timer's own lease may be revoked early by a timer).` };
  }
  if (f.eventName !== "workflow_dispatch" || f.workflowRef !== f.expectedWorkflowRef) {
    return { allowed: false, code: "timer-early-not-timer-run", message: `this run is not the timer workflow dispatched on the default branch (event '${f.eventName}', workflow '${f.workflowRef || "unknown"}'; expected workflow_dispatch of '${f.expectedWorkflowRef}').` };
  }
  if (f.end !== void 0 && f.expiresAt !== void 0 && f.end !== f.expiresAt) {
    return { allowed: false, code: "timer-early-not-this-timer", message: `it now ends at ${formatTimestamp(f.end)}, not at ${formatTimestamp(f.expiresAt)}, the expiry this timer was started for (it was extended, or the timer was started by hand); the sweep or its own timer revokes it.` };
  }
  const limit = f.now + (f.maxWait ?? MAX_TIMER_WAIT_MS) + EARLY_SLACK_MS;
  if (f.end !== void 0 && f.end > limit) {
    return { allowed: false, code: "timer-early-too-early", message: `it ends at ${formatTimestamp(f.end)}, more than one timer wait from now; the sweep revokes it at its expiry.` };
  }
  return { allowed: true };
}

// src/action/start-timers.ts
var DEFAULT_TIMER_WORKFLOW = "timer.yml";
async function startTimers(gh, target, timers, warn) {
  const out = { started: [], failed: [] };
  for (const t of timers) {
    try {
      await gh.rest.actions.createWorkflowDispatch({ owner: target.owner, repo: target.repo, workflow_id: target.workflow, ref: target.ref, inputs: timerInputs(t) });
      out.started.push(t);
    } catch (e) {
      const message = e.message;
      out.failed.push({ ...t, message });
      warn(
        `Could not start the expiry timer for ${t.lease} (workflow ${target.workflow} on ${target.ref}, expiry ${formatTimestamp(t.expiresAt)}): ${message}. The sweep still revokes it after its expiry. Check that the workflow exists with inputs 'lease' and 'expires-at' and that the token may dispatch workflows (Actions: write).`
      );
    }
  }
  return out;
}
function timerWorkflow() {
  return getInput("timer-workflow").trim() || DEFAULT_TIMER_WORKFLOW;
}
async function startTimersAfter(ctx, gh, results, more = []) {
  const runs = (Array.isArray(results) ? results : [results]).filter((r2) => r2 !== void 0);
  const byLease = /* @__PURE__ */ new Map();
  for (const t of [...runs.flatMap((r2) => timersToStart(r2.results, r2.policy, r2.plan.actions, r2.recorded)), ...more]) byLease.set(t.lease, t);
  const timers = [...byLease.values()];
  if (timers.length === 0) {
    setOutput("timers", "0");
    return { started: [], failed: [] };
  }
  const workflow = timerWorkflow();
  const r = await startTimers(gh, { owner: ctx.owner, repo: ctx.repo, ref: ctx.defaultBranch ?? "main", workflow }, timers, (m) => warning(m, { title: "jit-access timer" }));
  const lines = ["### Expiry timers", ""];
  for (const t of r.started) lines.push(`- \`${t.lease}\`: ${workflow} started, revokes at ${formatTimestamp(t.expiresAt)}`);
  for (const t of r.failed) lines.push(`- \u26A0\uFE0F \`${t.lease}\`: could not start ${workflow} (${t.message}); the sweep revokes it`);
  await summary.addRaw(lines.join("\n") + "\n").write();
  setOutput("timers", String(r.started.length));
  return r;
}

export {
  runApply,
  scopedRun,
  settleApply,
  settleExpire,
  formatPlanMarkdown,
  sendReminders,
  notifyResults,
  MAX_TIMER_WAIT_MS,
  TIMER_POLL_MS,
  parseTimerInputs,
  timerLeg,
  timerWorkflowRef,
  earlyRevokeVerdict,
  startTimers,
  timerWorkflow,
  startTimersAfter
};
