// The pure part of precise expiry: which timers to start, how long one timer job waits and
// when it hands over to the next, and when a timer that did not finish may revoke early.
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../src/policy/load-policy.js";
import type { ActionResult } from "../../src/reconcile/execute-plan.js";
import { MAX_TIMER_WAIT_MS, earlyRevokeVerdict, parseTimerInputs, timerInputs, timerLeg, timerWorkflowRef, timersToStart } from "../../src/timer/timer-plan.js";

const MIN = 60_000;
const T = Date.parse("2026-11-24T09:00:00Z");
const policy = loadPolicy(
  "policy.yaml",
  Buffer.from(`version: 1
admins: [carol]
resources:
  fast:
    provider: { type: github-team, org: acme, team: fast }
    roles: [member, maintainer]
    approvers: [dana]
    revocation: timer
  slow:
    provider: { type: github-team, org: acme, team: slow }
    roles: [member]
    approvers: [dana]
`),
).policy!;

const grant = (resource: string, paths: Array<[string, number]>, status: "granted" | "invited" | "failed" = "granted"): ActionResult => ({
  action: { kind: "grant", resource, grantee: "alice", role: "member", because: paths.map(([path, end]) => ({ kind: "lease" as const, path, end })) },
  outcome: status === "failed" ? { status, code: "x", message: "no" } : { status },
  because: paths.map(([p]) => p),
});

describe("timersToStart", () => {
  it("one timer per lease behind a successful grant or role change on a timer resource, at that lease's end", () => {
    const results: ActionResult[] = [
      grant("fast", [["leases/fast/a.yaml", T + 60 * MIN]]),
      grant("fast", [["leases/fast/b.yaml", T + 30 * MIN], ["leases/fast/b2.yaml", T + 90 * MIN]], "invited"),
      { action: { kind: "change-role", resource: "fast", grantee: "carl", from: "member", to: "maintainer", because: [{ kind: "lease", path: "leases/fast/c.yaml", end: T + 10 * MIN }, { kind: "standing" }] }, outcome: { status: "granted" }, because: ["leases/fast/c.yaml"] },
      grant("fast", [["leases/fast/failed.yaml", T + 60 * MIN]], "failed"),
      grant("slow", [["leases/slow/d.yaml", T + 60 * MIN]]),
      { action: { kind: "revoke", resource: "fast", grantee: "old", role: "member", state: "active", why: "expired", lease: "leases/fast/old.yaml" }, outcome: { status: "revoked" }, because: ["leases/fast/old.yaml"] },
    ];
    expect(timersToStart(results, policy)).toEqual([
      { lease: "leases/fast/a.yaml", expiresAt: T + 60 * MIN },
      { lease: "leases/fast/b.yaml", expiresAt: T + 30 * MIN },
      { lease: "leases/fast/b2.yaml", expiresAt: T + 90 * MIN },
      { lease: "leases/fast/c.yaml", expiresAt: T + 10 * MIN },
    ]);
    expect(timersToStart([grant("fast", [["leases/fast/a.yaml", T]]), grant("fast", [["leases/fast/a.yaml", T]])], policy)).toHaveLength(1);
  });

  it("dispatch inputs: the lease and its expiry in RFC 3339", () => {
    expect(timerInputs({ lease: "leases/fast/a.yaml", expiresAt: T + 90 * MIN })).toEqual({ lease: "leases/fast/a.yaml", "expires-at": "2026-11-24T10:30:00Z" });
  });
});

describe("timerLeg: one job's wait", () => {
  it("waits until the expiry when it is within one job's wait", () => {
    expect(timerLeg(T, T + 90 * MIN)).toEqual({ waitMs: 90 * MIN, due: true });
    expect(timerLeg(T, T + MAX_TIMER_WAIT_MS)).toEqual({ waitMs: MAX_TIMER_WAIT_MS, due: true });
  });
  it("an expiry in the past is due at once", () => {
    expect(timerLeg(T, T - 5 * MIN)).toEqual({ waitMs: 0, due: true });
  });
  it("beyond one job: waits the maximum, then hands over; the chain ends at the expiry", () => {
    expect(MAX_TIMER_WAIT_MS).toBe(340 * MIN);
    const expiry = T + 12 * 60 * MIN; // a 12-hour lease: 340 + 340 + 40 minutes
    const legs: Array<{ at: number; waitMs: number; due: boolean }> = [];
    for (let now = T; ; ) {
      const leg = timerLeg(now, expiry);
      legs.push({ at: now, ...leg });
      if (leg.due) break;
      now += leg.waitMs + 20_000; // the next timer starts a little after the handover
    }
    expect(legs.map((l) => [l.due, l.waitMs / MIN])).toEqual([[false, 340], [false, 340], [true, 40 - 40_000 / MIN]]);
    const last = legs[legs.length - 1]!;
    expect(last.at + last.waitMs).toBe(expiry);
  });
});

describe("parseTimerInputs", () => {
  it("accepts one lease file and an RFC 3339 time with an offset", () => {
    expect(parseTimerInputs(" leases/fast/a.yaml ", "2026-11-24T10:30:00+01:00")).toEqual({ lease: "leases/fast/a.yaml", resource: "fast", expiresAt: T + 30 * MIN });
  });
  it.each([
    ["leases/fast/../slow/a.yaml", "2026-11-24T10:30:00Z", "timer-bad-lease"],
    ["policy.yaml", "2026-11-24T10:30:00Z", "timer-bad-lease"],
    ["leases/fast/a.yaml leases/fast/b.yaml", "2026-11-24T10:30:00Z", "timer-bad-lease"],
    ["leases/fast/a.yaml", "2026-11-24T10:30:00", "timer-bad-expiry"],
    ["leases/fast/a.yaml", "", "timer-bad-expiry"],
  ])("refuses %s / '%s' (%s)", (lease, at, code) => {
    expect(() => parseTimerInputs(lease, at)).toThrow(expect.objectContaining({ code }));
  });
});

describe("earlyRevokeVerdict", () => {
  const ok = {
    now: T,
    revocation: "timer" as const,
    eventName: "workflow_dispatch",
    workflowRef: "acme/access/.github/workflows/timer.yml@refs/heads/main",
    expectedWorkflowRef: timerWorkflowRef("acme", "access", "timer.yml", "main"),
  };
  it("allows the timer workflow's own run, for a timer resource's lease ending within one job's wait", () => {
    expect(ok.expectedWorkflowRef).toBe(ok.workflowRef);
    expect(earlyRevokeVerdict(ok)).toEqual({ allowed: true });
    expect(earlyRevokeVerdict({ ...ok, end: T + 30 * MIN })).toEqual({ allowed: true });
    expect(earlyRevokeVerdict({ ...ok, end: T + MAX_TIMER_WAIT_MS })).toEqual({ allowed: true });
  });
  it("refuses a resource that does not use timers, or no resource", () => {
    expect(earlyRevokeVerdict({ ...ok, revocation: "sweep" })).toMatchObject({ allowed: false, code: "timer-early-not-timer" });
    expect(earlyRevokeVerdict({ ...ok, revocation: undefined })).toMatchObject({ allowed: false, code: "timer-early-not-timer" });
  });
  it("refuses any other run: another event, another workflow, another branch", () => {
    expect(earlyRevokeVerdict({ ...ok, eventName: "push" })).toMatchObject({ allowed: false, code: "timer-early-not-timer-run" });
    expect(earlyRevokeVerdict({ ...ok, workflowRef: "acme/access/.github/workflows/revoke-now.yml@refs/heads/main" })).toMatchObject({ allowed: false, code: "timer-early-not-timer-run" });
    expect(earlyRevokeVerdict({ ...ok, workflowRef: "acme/access/.github/workflows/timer.yml@refs/heads/evil" })).toMatchObject({ allowed: false, code: "timer-early-not-timer-run" });
    expect(earlyRevokeVerdict({ ...ok, workflowRef: "" })).toMatchObject({ allowed: false, code: "timer-early-not-timer-run" });
  });
  it("refuses a lease that ends more than one job's wait away (a cut-short first leg of a long lease)", () => {
    expect(earlyRevokeVerdict({ ...ok, end: T + 8 * 60 * MIN })).toMatchObject({ allowed: false, code: "timer-early-too-early" });
  });
});
