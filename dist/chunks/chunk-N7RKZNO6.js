#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  HOLDER_LOOKBACK_MS,
  holderRecord,
  planReconcile
} from "./chunk-5HZS632R.js";
import {
  credentialDelivery
} from "./chunk-CWEHAQQK.js";
import {
  breakGlassLabel,
  breakGlassRecords,
  breakGlassSweep,
  errorMessage,
  firstParent,
  listResources,
  policyForRun,
  policyVerdictUpdates,
  recordPolicyProblem,
  recordPullRequestProblem,
  unsettled,
  verifyPolicyChange,
  wouldLast
} from "./chunk-ZTPG3Q24.js";
import {
  verifyChange
} from "./chunk-LHO56VLO.js";
import {
  readNotes,
  updateNotes
} from "./chunk-CEP24WVA.js";
import {
  NOTE_UNREADABLE,
  noteSigner,
  readEvidenceNote,
  unreadableNoteMessage
} from "./chunk-GIIEBIZ6.js";
import {
  readLeaseAndPolicyLog
} from "./chunk-GJYAYLXS.js";
import {
  checkLease,
  leaseWindow,
  loadLease
} from "./chunk-BW7AH64Z.js";
import {
  checkLeasePath
} from "./chunk-LHBPTLRF.js";
import {
  emptyFacts,
  teamsIn
} from "./chunk-WINV2HKP.js";
import {
  parseTimestamp
} from "./chunk-DHPVELKE.js";
import {
  resolveFacts
} from "./chunk-BSSDBP5K.js";
import {
  resourceOrg
} from "./chunk-SVH2GO35.js";
import {
  gitText,
  readBlobs,
  withGitSession
} from "./chunk-RMU5QMAM.js";

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

// src/approval/auto-approval-history.ts
function autoApprovalHistory(notes, signer) {
  const out = [];
  if (!signer.key) return out;
  for (const [object, text] of notes) {
    if (!text.includes('"autoApproved"')) continue;
    const r = readEvidenceNote(object, text, signer);
    if (r.kind === "evidence" && r.trusted) out.push(...autoApprovalRecords(r.note.leases));
  }
  return out;
}
function autoApprovalRecords(evidence) {
  return evidence.flatMap((e) => {
    const a = e.autoApproved;
    const at = a && e.verdict === "approved" ? parseTimestamp(a.at) : void 0;
    return a && at !== void 0 ? [{ resource: a.resource, rule: a.rule, grantee: a.grantee, lease: e.lease, at }] : [];
  });
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

// src/apply/policy-run.ts
function runPolicy(o, notes, versions, signer) {
  return policyForRun({
    repoDir: o.repoDir,
    ref: o.ref,
    policyPath: o.policyPath,
    now: o.now,
    noteOf: (commit) => notes.get(commit),
    signer: signer ?? noteSigner(o.owner, o.repo, o.evidenceKey),
    ...versions ? { versions } : {},
    verify: (v, judge) => verifyPolicyChange(o, v, judge)
  });
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
    get(key) {
      const cut = key.indexOf("\0");
      const commit = key.slice(0, cut);
      let index = indexOf.get(commit);
      if (!index) {
        index = new Map((trustedNote(commit)?.leases ?? []).map((e) => [`${e.lease}\0${e.blob}`, e]));
        indexOf.set(commit, index);
      }
      return index.get(key.slice(cut + 1));
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

export {
  runPolicy,
  runApply
};
