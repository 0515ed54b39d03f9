import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decideScope } from "../../src/reconcile/scope.js";
import type { ScopeInput } from "../../src/reconcile/scope.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.parse("2026-11-25T12:00:00Z");
const ids = Array.from({ length: 100 }, (_, i) => `r${String(i).padStart(3, "0")}`);
const freshListed = Object.fromEntries(ids.map((r) => [r, NOW - 10 * MIN]));

function input(over: Partial<ScopeInput> = {}): ScopeInput {
  return {
    kind: "sweep",
    now: NOW,
    resources: ids,
    state: { dueSince: NOW - 5 * MIN, listed: freshListed, retry: [] },
    changed: [],
    policyPath: "policy.yaml",
    leases: [],
    breakGlass: [],
    driftBound: HOUR,
    sweepEvery: 5 * MIN,
    ...over,
  };
}

describe("scope of a run", () => {
  test("no state, an unknown head, a policy change or an explicit full run: everything", () => {
    expect(decideScope(input({ state: undefined })).full).toBe(true);
    expect(decideScope(input({ changed: "unknown" })).full).toBe(true);
    expect(decideScope(input({ changed: ["policy.yaml"] })).full).toBe(true);
    expect(decideScope(input({ kind: "full" })).full).toBe(true);
    expect(decideScope(input({ kind: "merge", state: undefined })).resources.size).toBe(ids.length);
    // a state from the future (clock or replay trouble) is not trusted either
    expect(decideScope(input({ state: { dueSince: NOW + MIN, listed: freshListed, retry: [] } })).full).toBe(true);
  });

  test("a merge reconciles the resources its commits touched and leases due, nothing else", () => {
    const s = decideScope(input({ kind: "merge", changed: ["leases/r007/alice.yaml", "README.md"], leases: [{ resources: ["r050"], start: NOW - 2 * HOUR, end: NOW - MIN }, { resources: ["r060"], start: NOW - 2 * HOUR, end: NOW + MIN }] }));
    expect([...s.resources].sort()).toEqual(["r007", "r050"]);
    expect(s.full).toBe(false);
  });

  test("a lease over whose file is still on main stays in scope until it is gone (a failed or skipped revoke is retried)", () => {
    const s = decideScope(input({ kind: "merge", state: { dueSince: NOW - MIN, listed: freshListed, retry: [] }, leases: [{ resources: ["r001"], start: NOW - 9 * HOUR, end: NOW - 8 * HOUR }] }));
    expect(s.resources.has("r001")).toBe(true);
  });

  test("a dropped sweep: the next run starts from the older state and takes every start and end since", () => {
    // The sweep at 11:55 was dropped: the state is the 11:50 one.
    const leases = [
      { resources: ["r010"], start: NOW - 10 * HOUR, end: NOW - 8 * MIN }, // ended 11:52, file removed? no: still on main
      { resources: ["r011"], start: NOW - 7 * MIN, end: NOW + HOUR }, // scheduled start at 11:53
      { resources: ["r012"], start: NOW - 20 * MIN, end: NOW + HOUR }, // started before the recorded run
    ];
    const s = decideScope(input({ kind: "merge", state: { dueSince: NOW - 10 * MIN, listed: freshListed, retry: [] }, leases }));
    expect(s.resources.has("r010")).toBe(true);
    expect(s.resources.has("r011")).toBe(true);
    expect(s.resources.has("r012")).toBe(false);
  });

  test("resources a run could not settle are retried; open break-glass grants are always in", () => {
    const s = decideScope(input({ kind: "merge", state: { dueSince: NOW - 5 * MIN, listed: freshListed, retry: ["r020"] }, breakGlass: ["r021"] }));
    expect([...s.resources].sort()).toEqual(["r020", "r021"]);
  });

  test("sweeps list a rolling slice so every resource is listed within the drift bound", () => {
    // Simulate sweeps every 5 minutes for 3 hours: each resource's gap between listings stays within the bound.
    let listed: Record<string, number> = {};
    for (const r of ids) listed[r] = NOW - 2 * HOUR; // all listed by one full run long ago... overdue now
    const last: Record<string, number[]> = Object.fromEntries(ids.map((r) => [r, []]));
    for (let t = NOW; t < NOW + 3 * HOUR; t += 5 * MIN) {
      const s = decideScope(input({ now: t, state: { dueSince: t - 5 * MIN, listed, retry: [] } }));
      listed = { ...listed };
      for (const r of s.resources) {
        listed[r] = t;
        last[r]!.push(t);
      }
    }
    for (const r of ids) {
      const times = last[r]!;
      expect(times[0]).toBe(NOW); // overdue ones at once
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(HOUR);
    }
  });

  test("sweeps after dropped runs take every resource overdue for the bound", () => {
    const listed = { ...freshListed, r030: NOW - 2 * HOUR, r031: NOW - HOUR + 4 * MIN };
    const s = decideScope(input({ state: { dueSince: NOW - 2 * HOUR, listed, retry: [] } }));
    expect(s.resources.has("r030")).toBe(true);
    expect(s.resources.has("r031")).toBe(true); // within one sweep of the bound
    const missing = decideScope(input({ state: { dueSince: NOW - 5 * MIN, listed: {}, retry: [] } }));
    expect(missing.full).toBe(true); // nothing recorded as listed: everything
  });

  test("property: no lease start or end since the recorded run, and no touched resource, is ever left out", () => {
    const arb = fc.record({
      dueSinceAgo: fc.integer({ min: 0, max: 3 * HOUR }),
      leases: fc.array(fc.record({ r: fc.integer({ min: 0, max: 99 }), start: fc.integer({ min: -10 * HOUR, max: 2 * HOUR }), len: fc.integer({ min: 1, max: 10 * HOUR }) }), { maxLength: 30 }),
      touched: fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 5 }),
      kind: fc.constantFrom("merge" as const, "sweep" as const),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const since = NOW - x.dueSinceAgo;
        const leases = x.leases.map((l) => ({ resources: [ids[l.r]!], start: NOW + l.start, end: NOW + l.start + l.len }));
        const s = decideScope(input({ kind: x.kind, state: { dueSince: since, listed: freshListed, retry: [] }, leases, changed: x.touched.map((t) => `leases/${ids[t]}/x.yaml`) }));
        for (const l of leases) {
          const due = (l.start > since && l.start <= NOW) || l.end <= NOW;
          if (due) expect(s.resources.has(l.resources[0]!)).toBe(true);
        }
        for (const t of x.touched) expect(s.resources.has(ids[t]!)).toBe(true);
      }),
    );
  });
});

describe("the drift bound in the policy", () => {
  const base = `version: 1
admins: [carol]
resources:
  team-a:
    provider: { type: github-team, org: acme, team: team-a }
    roles: [member]
    approvers: [dana]
`;
  test("reconcile.driftBound and sweepEvery are read as minutes; zero is refused; unset means the defaults", async () => {
    const { loadPolicy } = await import("../../src/policy/load-policy.js");
    expect(loadPolicy("policy.yaml", Buffer.from(base)).policy?.reconcile).toBeUndefined();
    const set = loadPolicy("policy.yaml", Buffer.from(`${base}reconcile:\n  driftBound: 30m\n  sweepEvery: 10m\n`));
    expect(set.policy?.reconcile).toEqual({ driftBoundMinutes: 30, sweepEveryMinutes: 10 });
    const zero = loadPolicy("policy.yaml", Buffer.from(`${base}reconcile:\n  driftBound: 0m\n`));
    expect(zero.diagnostics.map((d) => d.code)).toContain("policy-duration-zero");
    const unknown = loadPolicy("policy.yaml", Buffer.from(`${base}reconcile:\n  driftbound: 2h\n`));
    expect(unknown.policy).toBeUndefined();
  });

  test("a shorter bound makes bigger slices: every resource within 30 minutes", () => {
    let listed: Record<string, number> = Object.fromEntries(ids.map((r) => [r, NOW - 20 * MIN]));
    const seen: Record<string, number[]> = Object.fromEntries(ids.map((r) => [r, []]));
    for (let t = NOW; t < NOW + 2 * HOUR; t += 5 * MIN) {
      const s = decideScope(input({ now: t, driftBound: 30 * MIN, state: { dueSince: t - 5 * MIN, listed, retry: [] } }));
      listed = { ...listed };
      for (const r of s.resources) {
        listed[r] = t;
        seen[r]!.push(t);
      }
    }
    for (const r of ids) {
      const times = [NOW - 20 * MIN, ...seen[r]!];
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(30 * MIN);
    }
  });
});
