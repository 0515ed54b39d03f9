/**
 * The reconcile plan: what must change so that each managed resource holds exactly the
 * desired grants — active leases (now within [start, end)) and `standing` members — and
 * nothing else (mode exclusive), or nothing else that jit-access once granted (mode
 * additive). Level-triggered and pure: given the same desired and actual state it always
 * gives the same plan, whatever earlier runs did or missed. The plan is plain data, to print,
 * diff and test; the shell executes it.
 */
import type { Grant } from "../providers/provider.js";
import type { Resource } from "../policy/policy.js";

/** A lease on the branch with its access window (ms). */
export interface LeaseWindow {
  path: string;
  resource: string;
  grantee: string;
  role: string;
  start: number;
  end: number;
}

export interface ResourceState {
  resource: Resource;
  /** What the target holds now, or why it could not be listed. */
  actual: Grant[] | { error: string };
  /** One role per grantee (team, repo) or several at once (org roles)? */
  singleRole: boolean;
  /** Higher is more privilege; used to pick one role when leases overlap. */
  rank: (role: string) => number;
}

export interface Guards {
  /** Most revocations of grants backed by no lease ("drift") in one run, over all resources. */
  maxRevocations: number;
  /** Most drift revocations per resource, as a fraction of its current grants. */
  maxRevocationFraction: number;
  /** Apply even when a guard would refuse. */
  force: boolean;
}

export const DEFAULT_GUARDS: Guards = { maxRevocations: 25, maxRevocationFraction: 0.5, force: false };

export type Because = { kind: "lease"; path: string; end: number } | { kind: "standing" };

export type PlanAction =
  | { kind: "grant"; resource: string; grantee: string; role: string; because: Because[] }
  | { kind: "change-role"; resource: string; grantee: string; from: string; to: string; because: Because[] }
  | {
      kind: "revoke";
      resource: string;
      grantee: string;
      role: string;
      state: Grant["state"];
      handle?: string;
      /** expired: a lease ended (or was deleted); drift: no lease ever backed it. */
      why: "expired" | "drift";
      lease?: string;
    }
  | { kind: "keep"; resource: string; grantee: string; role: string; state: Grant["state"]; because: Because[] };

export interface Refusal {
  resource: string;
  reason: string;
  actions: PlanAction[];
}

export interface Plan {
  now: number;
  actions: PlanAction[];
  /** Actions held back by a guard; applied only with force. */
  refused: Refusal[];
  /** Resources that could not be planned (listing failed). */
  errors: Array<{ resource: string; message: string }>;
  /** Leases that start later (notBefore) — granted by a later run. */
  scheduled: LeaseWindow[];
}

export interface PlanInput {
  now: number;
  resources: ResourceState[];
  /** Every lease on the branch, active or not. */
  leases: LeaseWindow[];
  /** Leases that existed before and have ended (expired, deleted): their grants are ours to revoke. */
  ended: LeaseWindow[];
  guards?: Guards;
}

const key = (resource: string, grantee: string) => `${resource}\u0000${grantee.toLowerCase()}`;

export function planReconcile(input: PlanInput): Plan {
  const { now } = input;
  const guards = input.guards ?? DEFAULT_GUARDS;
  const plan: Plan = { now, actions: [], refused: [], errors: [], scheduled: [] };
  const active = input.leases.filter((l) => l.start <= now && now < l.end);
  plan.scheduled = input.leases.filter((l) => l.start > now).sort((a, b) => a.start - b.start);
  const endedBy = new Map<string, LeaseWindow>();
  for (const l of [...input.ended, ...input.leases.filter((x) => x.end <= now)]) endedBy.set(key(l.resource, l.grantee), l);

  let driftBudget = guards.maxRevocations;
  for (const rs of [...input.resources].sort((a, b) => (a.resource.id < b.resource.id ? -1 : 1))) {
    const r = rs.resource;
    if (!Array.isArray(rs.actual)) {
      plan.errors.push({ resource: r.id, message: rs.actual.error });
      continue;
    }
    // Desired: grantee → roles (with the reasons).
    const desired = new Map<string, { grantee: string; roles: Map<string, Because[]> }>();
    const want = (grantee: string, role: string, because: Because) => {
      const k = grantee.toLowerCase();
      let d = desired.get(k);
      if (!d) desired.set(k, (d = { grantee, roles: new Map() }));
      d.roles.set(role, [...(d.roles.get(role) ?? []), because]);
    };
    for (const s of r.standing) want(s.grantee, s.role, { kind: "standing" });
    for (const l of active) if (l.resource === r.id) want(l.grantee, l.role, { kind: "lease", path: l.path, end: l.end });
    if (rs.singleRole) {
      for (const d of desired.values()) {
        if (d.roles.size <= 1) continue;
        const best = [...d.roles.keys()].sort((a, b) => rs.rank(b) - rs.rank(a))[0]!;
        d.roles = new Map([[best, [...d.roles.values()].flat()]]);
      }
    }

    const actions: PlanAction[] = [];
    const drift: PlanAction[] = [];
    const actualBy = new Map<string, Grant[]>();
    for (const g of rs.actual) {
      const k = g.grantee.toLowerCase();
      actualBy.set(k, [...(actualBy.get(k) ?? []), g]);
    }
    for (const [k, d] of desired) {
      const have = actualBy.get(k) ?? [];
      for (const [role, because] of d.roles) {
        const exact = have.find((g) => g.role === role);
        if (exact) {
          actions.push({ kind: "keep", resource: r.id, grantee: exact.grantee, role, state: exact.state, because });
        } else if (rs.singleRole && have.length > 0) {
          const cur = have[0]!;
          actions.push({ kind: "change-role", resource: r.id, grantee: cur.grantee, from: cur.role, to: role, because });
        } else {
          actions.push({ kind: "grant", resource: r.id, grantee: d.grantee, role, because });
        }
      }
    }
    for (const [k, grants] of actualBy) {
      const d = desired.get(k);
      for (const g of grants) {
        if (d && (d.roles.has(g.role) || (rs.singleRole && d.roles.size > 0))) continue; // kept or changed above
        const ended = endedBy.get(key(r.id, g.grantee));
        const revoke: PlanAction = { kind: "revoke", resource: r.id, grantee: g.grantee, role: g.role, state: g.state, why: ended ? "expired" : "drift", ...(g.handle ? { handle: g.handle } : {}), ...(ended ? { lease: ended.path } : {}) };
        if (ended) actions.push(revoke);
        else if (r.mode === "exclusive") drift.push(revoke);
        // additive: a grant jit-access never made is not ours to revoke.
      }
    }
    // Guards apply to drift only: revoking what an ended lease granted is the point of a lease.
    const limit = Math.max(1, Math.floor(rs.actual.length * guards.maxRevocationFraction));
    if (!guards.force && drift.length > 0 && (drift.length > limit || drift.length > driftBudget)) {
      plan.refused.push({
        resource: r.id,
        reason: `would revoke ${drift.length} of ${rs.actual.length} grant(s) not backed by any lease (limits: ${limit} for this resource, ${driftBudget} left in this run). Check the resource's provider settings, add them to 'standing', use mode: additive, or run with --force.`,
        actions: drift,
      });
    } else {
      actions.push(...drift);
      driftBudget -= drift.length;
    }
    plan.actions.push(...actions);
  }
  return plan;
}

export function countByKind(plan: Plan): Record<PlanAction["kind"], number> {
  const c = { grant: 0, "change-role": 0, revoke: 0, keep: 0 };
  for (const a of plan.actions) c[a.kind]++;
  return c;
}
