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

/**
 * Someone jit-access gave a role that can add grants to a resource by hand (a team
 * maintainer, a repository admin; see ProviderInfo.canGrantOthers): drift on that resource
 * may be theirs.
 */
export interface Holder {
  /** The lease (or break-glass record) that gave the role. */
  path: string;
  /** Where they hold it (for organization-wide roles, not the resource with the drift). */
  resource: string;
  grantee: string;
  role: string;
  /** The lease's window (ms). */
  start: number;
  end: number;
  /** Its lease is over, yet they hold the role still (this run revokes it). */
  stillHeld?: boolean;
}

/** A holder as records and events carry it: the lease, who, what, where, and its window in RFC 3339. */
export function holderRecord(h: Holder): { lease: string; resource: string; grantee: string; role: string; from: string; until: string; stillHeld?: boolean } {
  return { lease: h.path, resource: h.resource, grantee: h.grantee, role: h.role, from: new Date(h.start).toISOString(), until: new Date(h.end).toISOString(), ...(h.stillHeld ? { stillHeld: true } : {}) };
}

/**
 * How long after a lease that could add grants ended its resource's drift stays outside the
 * guard. Runs come every few minutes, so drift its holder added is normally revoked by the
 * first run after they added it; the lookback covers missed and failing runs. Past it, drift
 * is guarded again (it could as well be hand-managed access that a policy change left out).
 */
export const HOLDER_LOOKBACK_MS = 7 * 24 * 3_600_000;

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
  /** A grant whose target-enforced end (Grant.expiresAt) is not its leases' end any more (extended or shortened): moved to `to`. */
  | { kind: "renew"; resource: string; grantee: string; role: string; from: number; to: number; handle?: string; because: Because[] }
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
      /**
       * Drift only: jit-access holders who could have added it by hand (while their lease
       * lasted, or since: see HOLDER_LOOKBACK_MS). Such drift is revoked whatever the guards say.
       */
      couldBeAddedBy?: Holder[];
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
  /**
   * Ended leases known to have been approved (signed evidence), at least those that ended
   * within HOLDER_LOOKBACK_MS: only these (and `leases`) can name a holder who could have
   * added grants by hand. `ended` may hold leases never granted: it only tells expired from drift.
   */
  endedVerified?: LeaseWindow[];
  guards?: Guards;
  /**
   * Could someone holding `role` on resource `held` add grants to `target` by hand? From the
   * providers (ProviderInfo.canGrantOthers). Without it, nobody can: every drift is guarded.
   */
  canGrantOthers?: (held: string, role: string, target: Resource) => boolean;
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

  const planned: Array<{ resource: Resource; actions: PlanAction[]; drift: Extract<PlanAction, { kind: "revoke" }>[]; held: number }> = [];
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
    const drift: Extract<PlanAction, { kind: "revoke" }>[] = [];
    const actualBy = new Map<string, Grant[]>();
    for (const g of rs.actual) {
      const k = g.grantee.toLowerCase();
      actualBy.set(k, [...(actualBy.get(k) ?? []), g]);
    }
    for (const [k, d] of desired) {
      const have = actualBy.get(k) ?? [];
      for (const [role, because] of d.roles) {
        const exact = have.find((g) => g.role === role);
        const renewTo = exact ? renewal(exact, because) : undefined;
        if (exact && renewTo !== undefined) {
          actions.push({ kind: "renew", resource: r.id, grantee: exact.grantee, role, from: exact.expiresAt!, to: renewTo, ...(exact.handle ? { handle: exact.handle } : {}), because });
        } else if (exact) {
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
        const revoke: Extract<PlanAction, { kind: "revoke" }> = { kind: "revoke", resource: r.id, grantee: g.grantee, role: g.role, state: g.state, why: ended ? "expired" : "drift", ...(g.handle ? { handle: g.handle } : {}), ...(ended ? { lease: ended.path } : {}) };
        if (ended) actions.push(revoke);
        else if (r.mode === "exclusive") drift.push(revoke);
        // additive: a grant jit-access never made is not ours to revoke.
      }
    }
    planned.push({ resource: r, actions, drift, held: rs.actual.length });
  }

  const holdersOn = input.canGrantOthers && planned.some((p) => p.drift.length > 0) ? holderIndex(input, planned, input.canGrantOthers) : () => [];

  let driftBudget = guards.maxRevocations;
  for (const { resource: r, actions, drift, held } of planned) {
    const holders = drift.length > 0 ? holdersOn(r) : [];
    if (holders.length > 0) {
      // Not our mistake to guard against: someone we gave the power to add grants may have added them.
      actions.push(...drift.map((d) => ({ ...d, couldBeAddedBy: holders })));
      plan.actions.push(...actions);
      continue;
    }
    // Guards apply to drift only: revoking what an ended lease granted is the point of a lease.
    const limit = Math.max(1, Math.floor(held * guards.maxRevocationFraction));
    if (!guards.force && drift.length > 0 && (drift.length > limit || drift.length > driftBudget)) {
      plan.refused.push({
        resource: r.id,
        reason: `would revoke ${drift.length} of ${held} grant(s) not backed by any lease (limits: ${limit} for this resource, ${driftBudget} left in this run). Check the resource's provider settings, add them to 'standing', use mode: additive, or run with --force.`,
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

/**
 * The end a held grant must be renewed to, if any: the target enforces an end
 * (Grant.expiresAt) and the leases behind it now end at another second (their latest end:
 * an extension moves it later, a shorter lease earlier). Standing access has no end: never
 * renewed.
 */
function renewal(held: Grant, because: Because[]): number | undefined {
  if (held.expiresAt === undefined || held.state !== "active" || because.length === 0) return undefined;
  let end = -Infinity;
  for (const b of because) {
    if (b.kind !== "lease") return undefined;
    end = Math.max(end, b.end);
  }
  // Targets keep whole seconds (certificates) or more: a difference within the second is none.
  return Math.floor(end / 1000) === Math.floor(held.expiresAt / 1000) ? undefined : end;
}

/**
 * Holders who could add grants by hand, by the resource they could add them to: approved
 * leases that gave such a role and were in force within the lookback, and holders of such a
 * role whose approved lease is over (this run revokes them; until then they can still add).
 */
function holderIndex(input: PlanInput, planned: Array<{ actions: PlanAction[] }>, can: NonNullable<PlanInput["canGrantOthers"]>): (target: Resource) => Holder[] {
  const { now } = input;
  const since = now - HOLDER_LOOKBACK_MS;
  const granted = [...input.leases, ...(input.endedVerified ?? [])].filter((l) => l.start <= now && l.start < l.end);
  const grantedOver = new Map<string, LeaseWindow>();
  for (const l of granted) if (l.end <= now) grantedOver.set(key(l.resource, l.grantee), l);
  const found = new Map<string, Holder>();
  const hkey = (h: Holder) => `${h.path}\u0000${h.resource}\u0000${h.grantee.toLowerCase()}\u0000${h.role}`;
  for (const l of granted) {
    const h: Holder = { path: l.path, resource: l.resource, grantee: l.grantee, role: l.role, start: l.start, end: l.end };
    if (l.end > since) found.set(hkey(h), h);
  }
  for (const p of planned) {
    for (const a of p.actions) {
      if (a.kind !== "revoke" || a.why !== "expired") continue;
      const l = grantedOver.get(key(a.resource, a.grantee));
      if (!l) continue;
      const h: Holder = { path: l.path, resource: a.resource, grantee: a.grantee, role: a.role, start: l.start, end: l.end, stillHeld: true };
      found.set(hkey(h), h);
    }
  }
  const byStart = (a: Holder, b: Holder) => a.start - b.start || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.grantee < b.grantee ? -1 : 1);
  // Grouped by what they hold where: the providers are asked once per group and resource.
  const byHeld = new Map<string, Holder[]>();
  for (const h of [...found.values()].sort(byStart)) {
    const k = `${h.resource}\u0000${h.role}`;
    const group = byHeld.get(k);
    if (group) group.push(h);
    else byHeld.set(k, [h]);
  }
  return (target: Resource): Holder[] => {
    const out = [...byHeld.values()].filter((hs) => can(hs[0]!.resource, hs[0]!.role, target)).flat();
    return out.sort(byStart);
  };
}

export function countByKind(plan: Plan): Record<PlanAction["kind"], number> {
  const c = { grant: 0, "change-role": 0, renew: 0, revoke: 0, keep: 0 };
  for (const a of plan.actions) c[a.kind]++;
  return c;
}
