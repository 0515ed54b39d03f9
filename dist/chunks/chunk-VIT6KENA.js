#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  planReconcile
} from "./chunk-7K3TGAXM.js";
import {
  breakGlassSweep,
  listResources,
  trustedBreakGlassRecords,
  unsettled
} from "./chunk-SB67XXUO.js";
import {
  verifyChange
} from "./chunk-NBIN622J.js";
import {
  isTrusted,
  parseNote,
  readNotes,
  updateNote
} from "./chunk-PO4O46CC.js";
import {
  readLeaseLog,
  readRepoFile
} from "./chunk-3FM6YOGM.js";
import {
  checkLease,
  checkLeasePath,
  emptyFacts,
  leaseWindow,
  loadLease,
  loadPolicy,
  resourceOrg,
  teamsIn
} from "./chunk-RRT5U5DH.js";
import {
  UsageError,
  gitText,
  readBlobs
} from "./chunk-LB4RHSKG.js";
import {
  resolveFacts
} from "./chunk-57KBAW56.js";

// src/reconcile/execute-plan.ts
var ORDER = { grant: 0, "change-role": 1, revoke: 2, keep: 3 };
async function executePlan(plan, providerOf, resourceOf) {
  const todo = plan.actions.filter((a) => a.kind !== "keep").sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const results = [];
  for (const action of todo) {
    const provider = providerOf(action.resource);
    const resource = resourceOf(action.resource);
    const because = action.kind === "revoke" ? action.lease ? [action.lease] : [] : action.because.flatMap((b) => b.kind === "lease" ? [b.path] : []);
    let outcome;
    try {
      if (action.kind === "grant") {
        const until = action.because.reduce((m, b) => b.kind === "lease" ? Math.max(m ?? 0, b.end) : m, void 0);
        outcome = await provider.grant(resource, action.grantee, action.role, until !== void 0 ? { expiresAt: until } : {});
      } else if (action.kind === "change-role") {
        outcome = await provider.changeRole(resource, action.grantee, action.to);
      } else {
        outcome = await provider.revoke(resource, { resource: action.resource, grantee: action.grantee, role: action.role, state: action.state, ...action.handle ? { handle: action.handle } : {} });
      }
    } catch (e) {
      outcome = { status: "failed", code: "provider-error", message: e.message };
    }
    results.push({ action, outcome, because });
  }
  return results;
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

// src/commands/apply.ts
async function runApply(o) {
  const policyFile = await readRepoFile(o.repoDir, o.ref, o.policyPath);
  if (!policyFile) throw new UsageError("policy-missing", `No ${o.policyPath} at ${o.ref}.`);
  const loaded = loadPolicy(o.policyPath, policyFile.bytes);
  if (!loaded.policy) throw new UsageError("policy-invalid", `${o.policyPath} at ${o.ref} is invalid: ${loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}`);
  const policy = loaded.policy;
  const [log, notes] = await Promise.all([readLeaseLog(o.repoDir, o.ref), readNotes(o.repoDir)]);
  const isLease = (p) => checkLeasePath(p).kind === "lease";
  const lives = [...log.current.values()].filter((l) => isLease(l.path));
  const lifeOf = new Map(lives.map((l) => [l.path, l]));
  log.ended = log.ended.filter((l) => isLease(l.path));
  const blobs = await readBlobs(o.repoDir, lives.flatMap((l) => l.changes.map((c) => c.blob)));
  const leaseCache = /* @__PURE__ */ new Map();
  const leaseOf = (path, blob) => {
    const k = `${path}\0${blob}`;
    if (!leaseCache.has(k)) leaseCache.set(k, loadLease(path, blobs.get(blob) ?? Buffer.alloc(0)).lease);
    return leaseCache.get(k);
  };
  const parsed = /* @__PURE__ */ new Map();
  const noteFor = {
    get(commit) {
      if (!parsed.has(commit)) {
        const text = notes.get(commit);
        parsed.set(commit, text === void 0 ? void 0 : parseNote(text));
      }
      return parsed.get(commit);
    }
  };
  const trustOf = /* @__PURE__ */ new Map();
  const trustedNote = (commit) => {
    const note = noteFor.get(commit);
    if (!note) return void 0;
    let t = trustOf.get(commit);
    if (t === void 0) trustOf.set(commit, t = isTrusted(note, commit, o.evidenceKey));
    return t ? note : void 0;
  };
  const indexOf = /* @__PURE__ */ new Map();
  const trusted = {
    get(key) {
      const cut = key.indexOf("\0");
      const commit = key.slice(0, cut);
      let index = indexOf.get(commit);
      if (!index) {
        index = new Map((trustedNote(commit)?.leases ?? []).map((e) => [`${e.lease}\0${e.blob}`, e]));
        indexOf.set(commit, index);
      }
      return index.get(key.slice(cut + 1));
    }
  };
  const records = trustedBreakGlassRecords(notes, o.evidenceKey);
  const grantedFirst = new Set(records.filter((r) => !r.record.ended).map((r) => `${r.record.lease}\0${r.record.blob}`));
  const inputs = [];
  const inputOf = /* @__PURE__ */ new Map();
  const pending = [];
  for (const life of lives) {
    const input = { path: life.path, changes: [] };
    life.changes.forEach((ch, index) => {
      const lease = leaseOf(life.path, ch.blob);
      const ev = trusted.get(`${ch.commit}\0${life.path}\0${ch.blob}`);
      input.changes.push({ commit: ch.commit, time: ch.time, status: ch.status, ...lease ? { lease } : {}, verdict: ev ? ev.verdict : "unverified", ...ev ? { findings: ev.findings } : {} });
      if (!ev) pending.push({ life, index });
    });
    inputs.push(input);
    inputOf.set(input.path, input);
  }
  const verified = [];
  const parents = /* @__PURE__ */ new Map();
  const inScope = (path) => {
    const where = checkLeasePath(path);
    return !o.onlyResources || where.kind === "lease" && o.onlyResources.has(where.resource);
  };
  for (const p of pending) {
    if (!inScope(p.life.path)) continue;
    const ch = p.life.changes[p.index];
    const input = inputOf.get(p.life.path);
    const first = input.changes[0];
    const lease = input.changes[p.index].lease;
    const over2 = lease ? leaseWindow(lease, first.time).end <= o.now && !grantedFirst.has(`${p.life.path}\0${ch.blob}`) : false;
    if (lease && first.verdict !== "rejected" && !over2) {
      const parent = parents.get(ch.commit) ?? await firstParent(o.repoDir, ch.commit);
      parents.set(ch.commit, parent);
      const ev = await verifyChange({ ...o }, { path: p.life.path, commit: ch.commit, parent, blob: ch.blob, time: ch.time });
      verified.push(ev);
      input.changes[p.index] = { ...input.changes[p.index], verdict: ev.verdict, findings: ev.findings };
    } else if (!lease && !over2) {
      input.changes[p.index] = { ...input.changes[p.index], verdict: "rejected", findings: ["invalid: the lease file does not parse"] };
    }
  }
  const removedCommit = /* @__PURE__ */ new Map();
  const adds = [];
  const verifiedNow = new Map(verified.map((v) => [`${v.lease}\0${v.blob}`, v]));
  for (const input of inputs) {
    const add = input.changes[0];
    const blob = lifeOf.get(input.path)?.changes[0]?.blob;
    if (!add || add.status !== "A" || !blob) continue;
    const pr = (trusted.get(`${add.commit}\0${input.path}\0${blob}`) ?? verifiedNow.get(`${input.path}\0${blob}`))?.pullRequest?.number;
    adds.push({ path: input.path, blob, commit: add.commit, time: add.time, verdict: add.verdict, ...pr !== void 0 ? { pullRequest: pr } : {} });
  }
  for (const life of log.ended) {
    const add = life.changes[0];
    if (!add || add.status !== "A" || !grantedFirst.has(`${life.path}\0${add.blob}`) || !inScope(life.path)) continue;
    let ev = trusted.get(`${add.commit}\0${life.path}\0${add.blob}`);
    if (!ev) {
      const parent = parents.get(add.commit) ?? await firstParent(o.repoDir, add.commit);
      ev = await verifyChange({ ...o }, { path: life.path, commit: add.commit, parent, blob: add.blob, time: add.time });
      verified.push(ev);
      removedCommit.set(`${life.path}\0${add.blob}`, add.commit);
    }
    adds.push({ path: life.path, blob: add.blob, commit: add.commit, time: add.time, verdict: ev.verdict, ...ev.pullRequest ? { pullRequest: ev.pullRequest.number } : {} });
  }
  const closedUnmerged = /* @__PURE__ */ new Map();
  for (const number of new Set(unsettled(records, adds).map((r) => r.record.pullRequest))) {
    try {
      const { data } = await o.gh.rest.pulls.get({ owner: o.owner, repo: o.repo, pull_number: number });
      if (data.state === "closed" && !data.merged_at && data.closed_at) closedUnmerged.set(number, Date.parse(data.closed_at));
    } catch {
    }
  }
  const breakGlass = breakGlassSweep({ now: o.now, records, adds, closedUnmerged });
  const computed = leaseWindows(inputs);
  const findings = computed.findings;
  let windows = computed.windows.map((w) => {
    const t = breakGlass.takeovers.get(`${w.path}\0${lifeOf.get(w.path)?.changes[0]?.commit ?? ""}`);
    return t ? { ...w, start: t.start, end: Math.min(w.end, t.end) } : w;
  }).map((w) => o.endNow?.has(w.path) && w.end > o.now ? { ...w, end: Math.max(w.start, o.now) } : w);
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
    const loaded2 = blob ? loadLease(w.path, blobs.get(blob) ?? Buffer.alloc(0)) : void 0;
    const resource = loaded2?.lease ? policy.resources.get(loaded2.lease.resource) : void 0;
    if (!loaded2?.lease || !resource) {
      kept.push(w);
      continue;
    }
    const author = requesterOf(w.path);
    let facts = emptyFacts();
    if (author) {
      const people = [...resource.requesters ?? [], ...Array.isArray(resource.allowRequestFor) ? resource.allowRequestFor : []];
      const org = resourceOrg(resource.provider);
      facts = await resolveFacts(o.gh, { teams: teamsIn(people, policy.groups), orgMembers: [author, loaded2.lease.grantee].map((login) => ({ org, login })) });
    }
    const ctx = { file: w.path, doc: loaded2.doc, lease: loaded2.lease, folder: w.path.split("/")[1] ?? "", policy, now: o.now, facts };
    const problems = checkLease(author ? { ...ctx, kind: "start", author } : { ...ctx, kind: "existing" }).filter((d) => d.severity === "error");
    if (problems.length === 0) {
      kept.push(w);
      continue;
    }
    findings.push({ lease: w.path, commit: life.changes[idx].commit, message: `${w.path} was not granted at its scheduled start: the policy now refuses it (${problems.map((d) => `${d.code}: ${d.message}`).join("; ")})` });
  }
  windows = kept;
  const prOf = (path) => {
    const life = lifeOf.get(path);
    const add = life?.changes[0];
    if (!add) return void 0;
    const ev = trusted.get(`${add.commit}\0${path}\0${add.blob}`) ?? verifiedOf.get(`${path}\0${add.blob}`);
    return ev?.pullRequest?.number;
  };
  const verifiedOf = new Map(verified.map((v) => [`${v.lease}\0${v.blob}`, v]));
  const active = windows.filter((w) => w.start <= o.now && o.now < w.end).map((w) => {
    const pr = prOf(w.path);
    return { ...w, ...pr !== void 0 ? { pullRequest: pr } : {} };
  });
  const windowOf = new Map(windows.map((w) => [w.path, w]));
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
  const listed = await listResources(all, (r) => o.providerFor(r.id, policy));
  const providers = new Map(listed.map((l) => [l.resource.id, l.provider]));
  const resources = listed.map(({ resource, provider, actual }) => ({ resource, actual, singleRole: provider.singleRole, rank: (role) => provider.rank(role) }));
  const inForce = new Set([...windows, ...breakGlass.windows].filter((w) => w.start <= o.now && o.now < w.end).map((w) => `${w.resource}\0${w.grantee.toLowerCase()}`));
  const unexplained = new Set(
    resources.filter((rs) => Array.isArray(rs.actual) && rs.actual.some((g) => !inForce.has(`${rs.resource.id}\0${g.grantee.toLowerCase()}`) && !rs.resource.standing.some((st) => st.grantee.toLowerCase() === g.grantee.toLowerCase()))).map((rs) => rs.resource.id)
  );
  const endedLives = log.ended.filter((life) => unexplained.has(life.path.split("/")[1] ?? ""));
  for (const [sha, bytes] of await readBlobs(o.repoDir, endedLives.flatMap((l) => l.changes.map((c) => c.blob)))) blobs.set(sha, bytes);
  const ended = leaseWindows(
    endedLives.map((life) => ({
      path: life.path,
      changes: life.changes.map((ch) => {
        const lease = leaseOf(life.path, ch.blob);
        return { commit: ch.commit, time: ch.time, status: ch.status, ...lease ? { lease } : {}, verdict: "approved" };
      })
    }))
  ).windows;
  const plan = planReconcile({ now: o.now, resources, leases: [...windows, ...breakGlass.windows], ended, ...o.guards ? { guards: o.guards } : {} });
  const bg = { windows: breakGlass.windows, endings: breakGlass.endings.filter((e) => !o.onlyResources || o.onlyResources.has(e.record.resource)) };
  if (o.dryRun) return { policy, plan, results: [], findings, verified, recorded: [], drift: [], over, active, breakGlass: bg, ok: findings.length === 0 && plan.refused.length === 0 && plan.errors.length === 0 };
  const results = await executePlan(plan, (id) => providers.get(id), (id) => policy.resources.get(id));
  const byCommit = /* @__PURE__ */ new Map();
  for (const ev of verified) {
    const life = lifeOf.get(ev.lease);
    const commit = life?.changes.find((c) => c.blob === ev.blob)?.commit ?? removedCommit.get(`${ev.lease}\0${ev.blob}`);
    if (!commit) continue;
    byCommit.set(commit, [...byCommit.get(commit) ?? [], ev]);
  }
  for (const [commit, evs] of byCommit) {
    const mine = (lease) => evs.some((e) => e.lease === lease);
    const grants = results.filter((r) => r.action.kind === "grant" || r.action.kind === "change-role").filter((r) => evs.some((e) => r.because.includes(e.lease))).map((r) => ({ lease: evs.find((e) => r.because.includes(e.lease)).lease, resource: r.action.resource, grantee: r.action.grantee, role: r.action.kind === "change-role" ? r.action.to : r.action.role, status: r.outcome.status, at: new Date(o.now).toISOString() }));
    await updateNote(o.repoDir, commit, o.evidenceKey, (note) => {
      const kept2 = (note.grants ?? []).filter((g) => !mine(g.lease));
      return { ...note, leases: [...note.leases.filter((l) => !mine(l.lease)), ...evs], ...kept2.length + grants.length ? { grants: [...kept2, ...grants] } : {} };
    });
  }
  const drift = await recordDrift(o, results);
  const failed = results.some((r) => r.outcome.status === "failed");
  const recorded = o.evidenceKey ? [...new Set([...byCommit.values()].flat().filter((e) => e.verdict === "approved").map((e) => e.lease))] : [];
  return { policy, plan, results, findings, verified, recorded, drift, over, active, breakGlass: bg, ok: !failed && findings.length === 0 && plan.refused.length === 0 && plan.errors.length === 0 };
}
async function recordDrift(o, results) {
  const at = new Date(o.now).toISOString();
  const drift = results.flatMap((r) => r.action.kind === "revoke" && r.action.why === "drift" && r.outcome.status !== "failed" ? [{ resource: r.action.resource, grantee: r.action.grantee, role: r.action.role, revokedAt: at }] : []);
  if (drift.length === 0) return drift;
  const head = (await gitText(o.repoDir, ["rev-parse", "--verify", `${o.ref}^{commit}`])).trim();
  await updateNote(o.repoDir, head, o.evidenceKey, (note) => ({ ...note, drift: [...note.drift ?? [], ...drift] }));
  return drift;
}
async function firstParent(repoDir, commit) {
  try {
    return (await gitText(repoDir, ["rev-parse", "--verify", "--quiet", `${commit}^1`])).trim();
  } catch {
    return (await gitText(repoDir, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  }
}

export {
  runApply
};
