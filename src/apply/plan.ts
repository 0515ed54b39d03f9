/**
 * Stage 3 of a run, the plan: the lease windows the verified changes give (break-glass
 * takeovers, early ends and scheduled starts applied), what each managed resource holds
 * (listed through its provider), and the reconcile plan between the two (plain data, see
 * reconcile/plan.ts). Also which leases are active (for reminders) and over (for expire).
 */
import type { LeaseEvidence } from "../evidence/evidence.js";
import type { LeaseLife } from "../git/lease-log.js";
import { readBlobs } from "../git/run-git.js";
import type { Resource } from "../policy/policy.js";
import type { Provider } from "../providers/provider.js";
import { listResources } from "../providers/list-resources.js";
import { leaseWindows } from "../reconcile/lease-windows.js";
import type { WindowFinding } from "../reconcile/lease-windows.js";
import { HOLDER_LOOKBACK_MS, planReconcile } from "../reconcile/plan.js";
import type { Plan, ResourceState } from "../reconcile/plan.js";
import { leaseWindow } from "../validate/check-lease.js";
import type { ApplyOptions } from "./apply-options.js";
import type { ApplyResult } from "./apply-result.js";
import type { BreakGlassReview } from "./break-glass-review.js";
import type { DesiredState } from "./desired-state.js";
import { recheckScheduledStarts } from "./scheduled-start.js";

export interface RunPlan {
  plan: Plan;
  /** Findings so far: policy versions, lease windows, break-glass records, scheduled starts. */
  findings: WindowFinding[];
  active: ApplyResult["active"];
  over: ApplyResult["over"];
  breakGlass: ApplyResult["breakGlass"];
  /** The provider of each listed resource. */
  providers: Map<string, Provider>;
  /** The pull request behind a lease, from its add's evidence. */
  prOf: (path: string) => number | undefined;
}

/** `verified`: every change verified through the API in this run. */
export async function planRun(o: ApplyOptions, state: DesiredState, review: BreakGlassReview, verified: LeaseEvidence[]): Promise<RunPlan> {
  const { policy, policyRun, inputs, lifeOf, evidence: trusted, blobs, leaseOf } = state;
  const { breakGlass } = review;
  const computed = leaseWindows(inputs);
  const findings: WindowFinding[] = [...policyRun.findings.map((f) => ({ code: f.code, lease: o.policyPath, commit: f.commit, message: f.message })), ...computed.findings, ...review.findings];
  // An early revoke ends a lease now: its grant goes in this run, like an expired one.
  const windows = computed.windows
    .map((w) => {
      // A break-glass lease approved and merged in time: its window started at the grant, not the merge.
      const t = breakGlass.takeovers.get(`${w.path}\0${lifeOf.get(w.path)?.changes[0]?.commit ?? ""}`);
      return t ? { ...w, start: t.start, end: Math.min(w.end, t.end) } : w;
    })
    .map((w) => (o.endNow?.has(w.path) && w.end > o.now ? { ...w, end: Math.max(w.start, o.now) } : w));
  const scheduled = await recheckScheduledStarts(o, state, windows, verified);
  findings.push(...scheduled.findings);
  const kept = scheduled.kept;
  // The pull request behind each lease: from the add's evidence (trusted notes or this run).
  const verifiedOf = new Map(verified.map((v) => [`${v.lease}\0${v.blob}`, v]));
  const prOf = (path: string): number | undefined => {
    const life = lifeOf.get(path);
    const add = life?.changes[0];
    if (!add) return undefined;
    const ev = trusted.get(`${add.commit}\0${path}\0${add.blob}`) ?? verifiedOf.get(`${path}\0${add.blob}`);
    return ev?.pullRequest?.number;
  };
  const active: ApplyResult["active"] = kept
    .filter((w) => w.start <= o.now && o.now < w.end)
    .map((w) => {
      const pr = prOf(w.path);
      return { ...w, ...(pr !== undefined ? { pullRequest: pr } : {}) };
    });
  // Leases whose time is up (granted or not): the expiry sweep removes their files.
  const windowOf = new Map(kept.map((w) => [w.path, w]));
  const over: ApplyResult["over"] = [];
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
  if (o.onlyResources) over.splice(0, over.length, ...over.filter((l) => o.onlyResources!.has(l.resource)));
  // Actual state of every managed resource, listed a few at a time (the client's throttling
  // keeps GitHub's concurrency and rate limits).
  const all = [...policy.resources.values()].filter((r) => !o.onlyResources || o.onlyResources.has(r.id));
  const listed = await listResources(all, (r) => o.providerFor(r.id, policy));
  const providers = new Map(listed.map((l) => [l.resource.id, l.provider]));
  const resources: ResourceState[] = listed.map(({ resource, provider, actual }) => ({ resource, actual, singleRole: provider.singleRole, rank: (role) => provider.rank(role) }));
  // Break-glass grants whose pull request could not be checked are kept where held, never made.
  const held = new Set(resources.flatMap((rs) => (Array.isArray(rs.actual) ? rs.actual.map((g) => `${rs.resource.id}\0${g.grantee.toLowerCase()}\0${g.role}`) : [])));
  const bgWindows = [...breakGlass.windows, ...breakGlass.heldOnly.filter((w) => held.has(`${w.resource}\0${w.grantee.toLowerCase()}\0${w.role}`))];
  // Ended leases tell a grant that an ended lease made (revoked as expired, never held back by
  // a guard) from drift. Only grants that no lease in force or standing entry backs need that:
  // read the ended leases of those resources only (a lease's folder is its resource on main).
  const inForce = new Set([...kept, ...bgWindows].filter((w) => w.start <= o.now && o.now < w.end).map((w) => `${w.resource}\0${w.grantee.toLowerCase()}`));
  const unexplained = new Set(
    resources
      .filter((rs) => Array.isArray(rs.actual) && rs.actual.some((g) => !inForce.has(`${rs.resource.id}\0${g.grantee.toLowerCase()}`) && !rs.resource.standing.some((st) => st.grantee.toLowerCase() === g.grantee.toLowerCase())))
      .map((rs) => rs.resource.id),
  );
  const folderOf = (life: LeaseLife) => life.path.split("/")[1] ?? "";
  const endedLives = state.endedLives.filter((life) => unexplained.has(folderOf(life)));
  // Drift may have been added by hand by someone a lease gave the power to (a team maintainer,
  // a repository admin, an organization-wide role): such holders lift the guard (see
  // planReconcile). Of ended leases, those that ended within the lookback count, on the
  // resources with drift and on those whose roles reach them, and only as far as signed
  // evidence says they were approved (as for leases that are over but still on main).
  const canGrantOthers = (held: string, role: string, target: Resource): boolean => {
    const r = policy.resources.get(held);
    if (!r) return false;
    try {
      return o.providerFor(r.id, policy).canGrantOthers(role, r, target);
    } catch {
      return false; // a provider that cannot be had (it throws) is reported where its resource is listed; it stops nothing here
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
        return { commit: ch.commit, time: ch.time, status: ch.status, ...(lease ? { lease } : {}), verdict: "approved" as const };
      }),
    })),
  ).windows;
  const endedVerified = leaseWindows(
    holderLives.map((life) => ({
      path: life.path,
      changes: life.changes.map((ch) => {
        const lease = leaseOf(life.path, ch.blob);
        const ev = trusted.get(`${ch.commit}\0${life.path}\0${ch.blob}`);
        return { commit: ch.commit, time: ch.time, status: ch.status, ...(lease ? { lease } : {}), verdict: ev ? ev.verdict : ("unverified" as const) };
      }),
    })),
  ).windows;
  const plan = planReconcile({ now: o.now, resources, leases: [...kept, ...bgWindows], ended, endedVerified, canGrantOthers, ...(o.guards ? { guards: o.guards } : {}) });
  const bg = { windows: bgWindows, endings: breakGlass.endings.filter((e) => !o.onlyResources || o.onlyResources.has(e.record.resource)) };
  return { plan, findings, active, over, breakGlass: bg, providers, prOf };
}
