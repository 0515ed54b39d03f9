// Renewal in the plan: a held grant whose target enforces an end (Grant.expiresAt) is renewed
// when its leases' end moves (an extension later, a shorter lease earlier), and kept when it
// is the same second; grants without a target end, standing access and pending ones never are.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Resource } from "../../src/policy/policy.js";
import type { Grant } from "../../src/providers/provider.js";
import { countByKind, planReconcile } from "../../src/reconcile/plan.js";
import type { LeaseWindow } from "../../src/reconcile/plan.js";
import { formatPlanMarkdown, formatPlanText } from "../../src/reconcile/format-plan.js";

const H = 3_600_000;
const NOW = Date.parse("2026-11-24T10:00:00Z");
const db: Resource = {
  id: "db",
  provider: { type: "postgres", org: "acme", connection: { env: "PG" }, access: "ephemeral" },
  roles: ["reader"],
  approvalRules: [{ from: ["dana"], count: 1 }],
  standing: [],
  requireTwoFactor: true,
  autoApprove: [],
  maxDurationMinutes: 480,
  requireTicket: false,
  minReasonLength: 10,
  maxScheduleAheadMinutes: 10080,
  maxExtensions: 1,
  maxTotalDurationMinutes: 960,
  allowRequestFor: false,
  breakGlass: { allowed: false, maxDurationMinutes: 60, reviewWithinMinutes: 1440 },
  mode: "exclusive",
  revocation: "sweep",
  remindBeforeMinutes: 30,
  extendAfter: 0,
};
const held = (expiresAt?: number, over: Partial<Grant> = {}): Grant => ({ resource: "db", grantee: "zed", role: "reader", state: "active", handle: "jit_zed_abc123", ...(expiresAt !== undefined ? { expiresAt } : {}), ...over });
const window = (end: number, path = "leases/db/zed.yaml"): LeaseWindow => ({ path, resource: "db", grantee: "zed", role: "reader", start: NOW - H, end });
const plan = (actual: Grant[], leases: LeaseWindow[], resource = db) => planReconcile({ now: NOW, resources: [{ resource, actual, singleRole: false, rank: () => 0 }], leases, ended: [] });

describe("renew", () => {
  it("an extended lease renews the grant to its new end (the latest of its leases)", () => {
    const p = plan([held(NOW + H)], [window(NOW + 5 * H), window(NOW + 3 * H, "leases/db/zed-2.yaml")]);
    expect(p.actions).toEqual([
      {
        kind: "renew",
        resource: "db",
        grantee: "zed",
        role: "reader",
        from: NOW + H,
        to: NOW + 5 * H,
        handle: "jit_zed_abc123",
        because: [
          { kind: "lease", path: "leases/db/zed.yaml", end: NOW + 5 * H },
          { kind: "lease", path: "leases/db/zed-2.yaml", end: NOW + 3 * H },
        ],
      },
    ]);
    expect(countByKind(p)).toMatchObject({ renew: 1, keep: 0 });
    expect(formatPlanText(p)).toMatch(/1 to renew.*\n> renew {3}db: zed as reader until 2026-11-24T15:00:00Z, was 2026-11-24T11:00:00Z/);
    expect(formatPlanMarkdown(p, [{ action: p.actions[0] as never, outcome: { status: "granted" }, because: ["leases/db/zed.yaml"] }])).toContain("| granted | db | zed | renew reader until 2026-11-24T15:00:00Z |");
  });

  it("a shortened lease renews to the earlier end", () => {
    expect(plan([held(NOW + 5 * H)], [window(NOW + H)]).actions).toMatchObject([{ kind: "renew", from: NOW + 5 * H, to: NOW + H }]);
  });

  it("the same second, no target end, standing access, or a pending grant: kept", () => {
    expect(plan([held(NOW + H)], [window(NOW + H + 999)]).actions.map((a) => a.kind)).toEqual(["keep"]);
    expect(plan([held(undefined)], [window(NOW + 5 * H)]).actions.map((a) => a.kind)).toEqual(["keep"]);
    expect(plan([held(NOW + H, { state: "pending" })], [window(NOW + 5 * H)]).actions.map((a) => a.kind)).toEqual(["keep"]);
    const standing = { ...db, standing: [{ grantee: "zed", role: "reader" }] };
    expect(plan([held(NOW + H)], [window(NOW + 5 * H)], standing).actions.map((a) => a.kind)).toEqual(["keep"]);
  });

  it("property: a renewal's end is always the leases' latest end, and the plan renews exactly when the second differs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 4 }), (target, ends) => {
        const leases = ends.map((e, i) => window(NOW + e, `leases/db/zed-${i}.yaml`));
        const [a] = plan([held(NOW + target)], leases).actions;
        const latest = NOW + Math.max(...ends);
        if (Math.floor(latest / 1000) === Math.floor((NOW + target) / 1000)) expect(a!.kind).toBe("keep");
        else expect(a).toMatchObject({ kind: "renew", from: NOW + target, to: latest });
      }),
    );
  });
});
