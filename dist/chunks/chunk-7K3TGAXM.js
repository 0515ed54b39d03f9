#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/reconcile/plan.ts
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
  let driftBudget = guards.maxRevocations;
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
        if (exact) {
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
    const limit = Math.max(1, Math.floor(rs.actual.length * guards.maxRevocationFraction));
    if (!guards.force && drift.length > 0 && (drift.length > limit || drift.length > driftBudget)) {
      plan.refused.push({
        resource: r.id,
        reason: `would revoke ${drift.length} of ${rs.actual.length} grant(s) not backed by any lease (limits: ${limit} for this resource, ${driftBudget} left in this run). Check the resource's provider settings, add them to 'standing', use mode: additive, or run with --force.`,
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
function countByKind(plan) {
  const c = { grant: 0, "change-role": 0, revoke: 0, keep: 0 };
  for (const a of plan.actions) c[a.kind]++;
  return c;
}

export {
  planReconcile,
  countByKind
};
