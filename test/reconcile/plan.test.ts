// The reconcile plan is pure data: the same desired and actual state always give the same plan.
import { describe, expect, it } from "vitest";
import { HOLDER_LOOKBACK_MS, planReconcile } from "../../src/reconcile/plan.js";
import type { LeaseWindow, ResourceState } from "../../src/reconcile/plan.js";
import type { Resource } from "../../src/policy/policy.js";
import type { Grant } from "../../src/providers/provider.js";

const H = 3_600_000;
const NOW = Date.parse("2026-11-24T10:00:00Z");
const teamRank = (r: string) => (r === "maintainer" ? 2 : 1);

function resource(id: string, over: Partial<Resource> = {}): Resource {
  return {
    id, provider: { type: "github-team", org: "acme", team: id }, roles: ["member", "maintainer"], approvalRules: [{ from: ["carol"], count: 1 }], standing: [],
    maxDurationMinutes: 480, requireTicket: false, minReasonLength: 10, maxScheduleAheadMinutes: 10080, maxExtensions: 0, maxTotalDurationMinutes: 480,
    allowRequestFor: false, breakGlass: { allowed: false, maxDurationMinutes: 60, reviewWithinMinutes: 1440 }, mode: "exclusive", revocation: "sweep", remindBeforeMinutes: 30, extendAfter: 0, requireTwoFactor: true, autoApprove: [], ...over,
  };
}
const state = (r: Resource, actual: Grant[] | { error: string }): ResourceState => ({ resource: r, actual, singleRole: true, rank: teamRank });
const grant = (resourceId: string, grantee: string, role = "member", st: Grant["state"] = "active"): Grant => ({ resource: resourceId, grantee, role, state: st });
const lease = (resourceId: string, grantee: string, role: string, start: number, end: number, path = `leases/${resourceId}/${grantee}.yaml`): LeaseWindow => ({ path, resource: resourceId, grantee, role, start, end });

describe("planReconcile", () => {
  it("grants an active lease, keeps what is in place, revokes what ended", () => {
    const r = resource("ops");
    const plan = planReconcile({
      now: NOW,
      resources: [state(r, [grant("ops", "bob"), grant("ops", "old")])],
      leases: [lease("ops", "alice", "member", NOW - H, NOW + H), lease("ops", "bob", "member", NOW - H, NOW + H)],
      ended: [lease("ops", "old", "member", NOW - 5 * H, NOW - H)],
    });
    expect(plan.actions.map((a) => `${a.kind}:${a.grantee}`).sort()).toEqual(["grant:alice", "keep:bob", "revoke:old"]);
    expect(plan.actions.find((a) => a.kind === "revoke")).toMatchObject({ why: "expired", lease: "leases/ops/old.yaml" });
  });

  it("does not grant before notBefore, nor at or after the end", () => {
    const r = resource("ops");
    const plan = planReconcile({ now: NOW, resources: [state(r, [])], leases: [lease("ops", "later", "member", NOW + H, NOW + 2 * H), lease("ops", "done", "member", NOW - 2 * H, NOW)], ended: [] });
    expect(plan.actions).toEqual([]);
    expect(plan.scheduled.map((s) => s.grantee)).toEqual(["later"]);
  });

  it("keeps standing members and changes a role when a lease asks for more", () => {
    const r = resource("ops", { standing: [{ grantee: "bot", role: "maintainer" }] });
    const plan = planReconcile({ now: NOW, resources: [state(r, [grant("ops", "bot", "maintainer"), grant("ops", "alice", "member")])], leases: [lease("ops", "alice", "maintainer", NOW - H, NOW + H)], ended: [] });
    expect(plan.actions).toEqual([
      { kind: "keep", resource: "ops", grantee: "bot", role: "maintainer", state: "active", because: [{ kind: "standing" }] },
      { kind: "change-role", resource: "ops", grantee: "alice", from: "member", to: "maintainer", because: [{ kind: "lease", path: "leases/ops/alice.yaml", end: NOW + H }] },
    ]);
  });

  it("picks the highest role when two leases overlap (single-role targets)", () => {
    const r = resource("ops");
    const plan = planReconcile({ now: NOW, resources: [state(r, [])], leases: [lease("ops", "a", "member", NOW - H, NOW + H, "leases/ops/1.yaml"), lease("ops", "a", "maintainer", NOW - H, NOW + H, "leases/ops/2.yaml")], ended: [] });
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({ kind: "grant", role: "maintainer" });
  });

  it("revokes drift in exclusive mode, leaves it in additive mode", () => {
    const ex = planReconcile({ now: NOW, resources: [state(resource("ops"), [grant("ops", "x"), grant("ops", "y"), grant("ops", "z")])], leases: [], ended: [], guards: { maxRevocations: 10, maxRevocationFraction: 1, force: false } });
    expect(ex.actions.filter((a) => a.kind === "revoke")).toHaveLength(3);
    const add = planReconcile({ now: NOW, resources: [state(resource("ops", { mode: "additive" }), [grant("ops", "x"), grant("ops", "old")])], leases: [], ended: [lease("ops", "old", "member", NOW - 3 * H, NOW - H)] });
    expect(add.actions.map((a) => `${a.kind}:${a.grantee}`)).toEqual(["revoke:old"]);
  });

  it("cancels a pending invitation that no lease backs any more", () => {
    const plan = planReconcile({ now: NOW, resources: [state(resource("ops"), [{ ...grant("ops", "newbie", "member", "pending"), handle: "17" }])], leases: [], ended: [lease("ops", "newbie", "member", NOW - 3 * H, NOW - H)] });
    expect(plan.actions).toEqual([{ kind: "revoke", resource: "ops", grantee: "newbie", role: "member", state: "pending", handle: "17", why: "expired", lease: "leases/ops/newbie.yaml" }]);
  });

  it("refuses mass drift revocations above the guards unless forced, and reports them", () => {
    const many = Array.from({ length: 10 }, (_, i) => grant("ops", `u${i}`));
    const plan = planReconcile({ now: NOW, resources: [state(resource("ops"), many)], leases: [], ended: [] });
    expect(plan.actions).toEqual([]);
    expect(plan.refused[0]!.actions).toHaveLength(10);
    expect(plan.refused[0]!.reason).toMatch(/would revoke 10 of 10/);
    const forced = planReconcile({ now: NOW, resources: [state(resource("ops"), many)], leases: [], ended: [], guards: { maxRevocations: 25, maxRevocationFraction: 0.5, force: true } });
    expect(forced.actions).toHaveLength(10);
  });

  it("never guards revocations of ended leases", () => {
    const many = Array.from({ length: 30 }, (_, i) => grant("ops", `u${i}`));
    const ended = many.map((g) => lease("ops", g.grantee, "member", NOW - 3 * H, NOW - H));
    const plan = planReconcile({ now: NOW, resources: [state(resource("ops"), many)], leases: [], ended });
    expect(plan.actions.filter((a) => a.kind === "revoke")).toHaveLength(30);
    expect(plan.refused).toEqual([]);
  });

  it("reports a resource it could not list instead of guessing", () => {
    const plan = planReconcile({ now: NOW, resources: [state(resource("ops"), { error: "403 Resource not accessible" })], leases: [lease("ops", "a", "member", NOW - H, NOW + H)], ended: [] });
    expect(plan.actions).toEqual([]);
    expect(plan.errors).toEqual([{ resource: "ops", message: "403 Resource not accessible" }]);
  });

  it("is idempotent: once applied, the same inputs give only keeps", () => {
    const plan = planReconcile({ now: NOW, resources: [state(resource("ops"), [grant("ops", "alice")])], leases: [lease("ops", "alice", "member", NOW - H, NOW + H)], ended: [] });
    expect(plan.actions.every((a) => a.kind === "keep")).toBe(true);
  });
});

// The guard keeps a mistake of ours (an empty desired state, a misread target) from mass-
// revoking hand-managed access. It must not keep what a jit-access holder could have added by
// hand: a team maintainer, a repository admin, an organization-wide role.
describe("planReconcile: hand-added access and the drift guard", () => {
  const D = 24 * H;
  /** Team maintainers add members to their team; org role "owner-ish" reaches every resource of the org. */
  const canGrantOthers = (held: string, role: string, target: Resource) => (role === "maintainer" && held === target.id) || (held === "org-roles" && role === "custom_admin");
  const ops = resource("ops", { standing: [{ grantee: "bot", role: "maintainer" }] });
  const handAdded = [grant("ops", "x1"), grant("ops", "x2"), grant("ops", "x3")];
  const revokedDrift = (plan: ReturnType<typeof planReconcile>) => plan.actions.filter((a) => a.kind === "revoke" && a.why === "drift").map((a) => a.grantee);

  it("maintainer lease adds three members by hand: all revoked without force, naming the holder", () => {
    const zed = lease("ops", "zed", "maintainer", NOW - H, NOW + H);
    const plan = planReconcile({ now: NOW, resources: [state(ops, [grant("ops", "bot", "maintainer"), grant("ops", "zed", "maintainer"), ...handAdded])], leases: [zed], ended: [], canGrantOthers });
    expect(plan.refused).toEqual([]);
    expect(revokedDrift(plan)).toEqual(["x1", "x2", "x3"]);
    for (const a of plan.actions.filter((x) => x.kind === "revoke")) {
      expect(a).toMatchObject({ why: "drift", couldBeAddedBy: [{ path: "leases/ops/zed.yaml", resource: "ops", grantee: "zed", role: "maintainer", start: NOW - H, end: NOW + H }] });
    }
    // Without the providers' knowledge the same plan is refused as before.
    expect(planReconcile({ now: NOW, resources: [state(ops, [grant("ops", "bot", "maintainer"), grant("ops", "zed", "maintainer"), ...handAdded])], leases: [zed], ended: [] }).refused).toHaveLength(1);
  });

  it("maintainer lease adds members by hand, then its lease ends and its file is removed: still revoked, holder named", () => {
    const zed = lease("ops", "zed", "maintainer", NOW - 3 * H, NOW - H);
    const plan = planReconcile({ now: NOW, resources: [state(ops, [grant("ops", "bot", "maintainer"), ...handAdded])], leases: [], ended: [zed], endedVerified: [zed], canGrantOthers });
    expect(plan.refused).toEqual([]);
    expect(revokedDrift(plan)).toEqual(["x1", "x2", "x3"]);
    expect(plan.actions[1]).toMatchObject({ couldBeAddedBy: [{ grantee: "zed", path: "leases/ops/zed.yaml", end: NOW - H }] });
    // An ended lease with no evidence that it was approved (it may never have been granted) names nobody.
    expect(planReconcile({ now: NOW, resources: [state(ops, [grant("ops", "bot", "maintainer"), ...handAdded])], leases: [], ended: [zed], canGrantOthers }).refused).toHaveLength(1);
  });

  it("maintainer whose lease ended long ago but who still holds the role (revocation kept failing, so the sweep kept its file): still lifts the guard", () => {
    const zed = lease("ops", "zed", "maintainer", NOW - 30 * D, NOW - 20 * D);
    const plan = planReconcile({ now: NOW, resources: [state(ops, [grant("ops", "bot", "maintainer"), grant("ops", "zed", "maintainer"), ...handAdded])], leases: [zed], ended: [], canGrantOthers });
    expect(plan.refused).toEqual([]);
    expect(plan.actions.find((a) => a.grantee === "zed")).toMatchObject({ kind: "revoke", why: "expired" });
    expect(revokedDrift(plan)).toEqual(["x1", "x2", "x3"]);
    expect(plan.actions.find((a) => a.grantee === "x1")).toMatchObject({ couldBeAddedBy: [{ grantee: "zed", role: "maintainer", stillHeld: true }] });
  });

  it("organization-wide role holder adds collaborators to a repository: revoked on that resource, holder named", () => {
    const repo = resource("web", { provider: { type: "github-repo", owner: "acme", repo: "web" }, roles: ["push", "admin"] });
    const orgRoles = resource("org-roles", { provider: { type: "github-org-role", org: "acme" }, roles: ["custom_admin"] });
    const adds = [grant("web", "c1", "push"), grant("web", "c2", "push"), grant("web", "c3", "admin")];
    const plan = planReconcile({
      now: NOW,
      resources: [state(repo, [grant("web", "keeper", "push"), ...adds]), { ...state(orgRoles, [grant("org-roles", "eve", "custom_admin")]), singleRole: false }],
      leases: [lease("org-roles", "eve", "custom_admin", NOW - H, NOW + H)],
      ended: [],
      canGrantOthers,
    });
    expect(plan.refused).toEqual([]);
    expect(revokedDrift(plan).sort()).toEqual(["c1", "c2", "c3", "keeper"]);
    expect(plan.actions.find((a) => a.grantee === "c3")).toMatchObject({ couldBeAddedBy: [{ resource: "org-roles", grantee: "eve", role: "custom_admin" }] });
  });

  it("guard still holds when no jit-access holder could add members: a member lease, a standing maintainer", () => {
    const plan = planReconcile({ now: NOW, resources: [state(ops, [grant("ops", "bot", "maintainer"), grant("ops", "zed"), ...handAdded])], leases: [lease("ops", "zed", "member", NOW - H, NOW + H)], ended: [], canGrantOthers });
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]!.actions.map((a) => a.grantee)).toEqual(["x1", "x2", "x3"]);
    expect(plan.refused[0]!.actions.every((a) => a.kind === "revoke" && a.couldBeAddedBy === undefined)).toBe(true);
    expect(revokedDrift(plan)).toEqual([]);
  });

  it("guard still holds when the maintainer lease ended more than the lookback ago, or is still to come, or is on another team", () => {
    const cases = [
      lease("ops", "zed", "maintainer", NOW - HOLDER_LOOKBACK_MS - 2 * H, NOW - HOLDER_LOOKBACK_MS),
      lease("ops", "zed", "maintainer", NOW + H, NOW + 2 * H),
      lease("other", "zed", "maintainer", NOW - H, NOW + H),
    ];
    for (const zed of cases) {
      const plan = planReconcile({ now: NOW, resources: [state(ops, [grant("ops", "bot", "maintainer"), ...handAdded])], leases: zed.start > NOW ? [zed] : [], ended: zed.start > NOW ? [] : [zed], endedVerified: zed.start > NOW ? [] : [zed], canGrantOthers });
      expect(plan.refused.map((r) => r.resource)).toEqual(["ops"]);
    }
    // Just inside the lookback it lifts the guard.
    const inside = lease("ops", "zed", "maintainer", NOW - HOLDER_LOOKBACK_MS - 2 * H, NOW - HOLDER_LOOKBACK_MS + 1);
    expect(planReconcile({ now: NOW, resources: [state(ops, [grant("ops", "bot", "maintainer"), ...handAdded])], leases: [], ended: [inside], endedVerified: [inside], canGrantOthers }).refused).toEqual([]);
  });

  it("drift revoked because of a holder does not use up the run's budget for other resources", () => {
    const later = resource("zz"); // planned after ops
    const plan = planReconcile({
      now: NOW,
      resources: [state(ops, [grant("ops", "bot", "maintainer"), ...handAdded]), state(later, [grant("zz", "a"), grant("zz", "b"), grant("zz", "l1"), grant("zz", "l2")])],
      leases: [lease("ops", "zed", "maintainer", NOW - H, NOW + H), lease("zz", "l1", "member", NOW - H, NOW + H), lease("zz", "l2", "member", NOW - H, NOW + H)],
      ended: [],
      canGrantOthers,
      guards: { maxRevocations: 2, maxRevocationFraction: 0.5, force: false },
    });
    expect(plan.refused).toEqual([]);
    expect(revokedDrift(plan)).toEqual(["x1", "x2", "x3", "a", "b"]);
  });
});
