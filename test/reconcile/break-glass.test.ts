// The break-glass core at reconcile time: which windows, which takeovers, which endings.
import { describe, expect, it } from "vitest";
import type { BreakGlassRecord } from "../../src/evidence/evidence.js";
import { breakGlassSweep, grantStep, unsettled } from "../../src/reconcile/break-glass.js";
import type { MergedAdd } from "../../src/reconcile/break-glass.js";

const at = (t: string) => Date.parse(t);
const record = (extra: Partial<BreakGlassRecord> = {}): BreakGlassRecord => ({
  lease: "leases/db/zed.yaml",
  blob: "b1",
  pullRequest: 7,
  requester: "zed",
  resource: "db",
  grantee: "zed",
  role: "member",
  grantedAt: "2026-11-24T09:00:00.000Z",
  end: "2026-11-24T10:00:00.000Z",
  reviewBy: "2026-11-25T09:00:00.000Z",
  ...extra,
});
const merged = (extra: Partial<MergedAdd> = {}): MergedAdd => ({ path: "leases/db/zed.yaml", blob: "b1", commit: "m1", time: at("2026-11-24T09:30:00Z"), verdict: "approved", pullRequest: 7, ...extra });
const sweep = (now: string, r: BreakGlassRecord, adds: MergedAdd[] = [], closed: Array<[number, string]> = []) =>
  breakGlassSweep({ now: at(now), records: [{ noteOn: "h1", record: r }], adds, closedUnmerged: new Map(closed.map(([n, t]) => [n, at(t)])) });

describe("breakGlassSweep", () => {
  it("a live record is a window until its end; nothing ends before reviewBy", () => {
    const s = sweep("2026-11-24T09:30:00Z", record());
    expect(s.windows).toEqual([{ path: "leases/db/zed.yaml (break-glass #7)", resource: "db", grantee: "zed", role: "member", start: at("2026-11-24T09:00:00Z"), end: at("2026-11-24T10:00:00Z") }]);
    expect(s.endings).toEqual([]);
    expect(sweep("2026-11-25T08:59:59Z", record()).endings).toEqual([]);
  });

  it("only an approved merge of the same blob from the same pull request before reviewBy takes over", () => {
    expect(sweep("2026-11-24T09:31:00Z", record(), [merged()]).takeovers.get("leases/db/zed.yaml\0m1")).toEqual({ start: at("2026-11-24T09:00:00Z"), end: at("2026-11-24T10:00:00Z"), pullRequest: 7 });
    for (const other of [merged({ blob: "b2" }), merged({ pullRequest: 8 }), merged({ verdict: "rejected" }), merged({ verdict: "unverified" }), merged({ time: at("2026-11-25T09:00:00Z") })]) {
      const s = sweep("2026-11-25T09:01:00Z", record(), [other]);
      expect(s.takeovers.size).toBe(0);
      expect(s.endings.map((e) => e.why)).toEqual(["break-glass not reviewed"]);
    }
    expect(unsettled([{ noteOn: "h1", record: record() }], [merged()])).toEqual([]);
  });

  it("a pull request closed before reviewBy ends the window at the close; closed after it, it was not reviewed", () => {
    const closed = sweep("2026-11-24T09:20:00Z", record(), [], [[7, "2026-11-24T09:15:00Z"]]);
    expect(closed.windows[0]!.end).toBe(at("2026-11-24T09:15:00Z"));
    expect(closed.endings).toEqual([expect.objectContaining({ why: "break-glass request closed", endedAt: at("2026-11-24T09:15:00Z") })]);
    const late = sweep("2026-11-25T10:00:00Z", record(), [], [[7, "2026-11-25T09:30:00Z"]]);
    expect(late.endings).toEqual([expect.objectContaining({ why: "break-glass not reviewed", endedAt: at("2026-11-24T10:00:00Z") })]);
  });

  it("an ended record still classifies its revocation but never ends again", () => {
    const s = sweep("2026-11-26T00:00:00Z", record({ ended: { at: "2026-11-24T09:10:00.000Z", why: "break-glass request closed" } }), [], [[7, "2026-11-24T09:10:00Z"]]);
    expect(s.windows[0]!.end).toBe(at("2026-11-24T09:10:00Z"));
    expect(s.endings).toEqual([]);
  });

  it("reviewWithin shorter than the grant cuts the window at reviewBy", () => {
    const s = sweep("2026-11-24T09:31:00Z", record({ reviewBy: "2026-11-24T09:30:00.000Z" }));
    expect(s.windows[0]!.end).toBe(at("2026-11-24T09:30:00Z"));
    expect(s.endings.map((e) => e.endedAt)).toEqual([at("2026-11-24T09:30:00Z")]);
  });
});

describe("grantStep", () => {
  const team = { singleRole: true, rank: (r: string) => (r === "maintainer" ? 2 : r === "member" ? 1 : 0) };
  it("never downgrades, upgrades by a role change, grants otherwise", () => {
    expect(grantStep(["maintainer"], "member", team).kind).toBe("none");
    expect(grantStep(["member"], "member", team).kind).toBe("none");
    expect(grantStep(["member"], "maintainer", team)).toEqual({ kind: "change-role", from: "member" });
    expect(grantStep([], "member", team)).toEqual({ kind: "grant" });
    expect(grantStep(["billing_manager"], "auditor", { singleRole: false, rank: () => 0 })).toEqual({ kind: "grant" });
  });
});
