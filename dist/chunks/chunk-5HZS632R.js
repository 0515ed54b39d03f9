#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

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

export {
  holderRecord,
  HOLDER_LOOKBACK_MS,
  planReconcile,
  countByKind
};
