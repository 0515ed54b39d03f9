// Anomaly findings over generated histories: each finding fires at its threshold and not
// below it, uses the policy's thresholds (with defaults), and tells new findings from those
// an earlier run reported. Pure: records are built here, `now` is passed in.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { anomalyFindings, approverConcentration, breakGlassFrequency, frequentElevation, historyAsOf, longTotal, newFindingKeys, reviewFindings } from "../../src/audit/anomalies.js";
import type { AuditLease } from "../../src/audit/audit-record.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import type { Policy } from "../../src/policy/policy.js";

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.parse("2026-11-20T12:00:00Z");

let n = 0;
function lease(o: Partial<AuditLease> & { start: number }): AuditLease {
  n++;
  const grantee = o.grantee ?? "alice";
  const resource = o.resource ?? "prod-db";
  return { path: `leases/${resource}/${grantee}-${n}.yaml`, resource, grantee, role: "admin", reason: "routine work on the database", breakGlass: false, approvers: ["dana"], evidence: "signed-note", end: o.start + 2 * H, status: "ended", extensions: 0, addedIn: "a".repeat(40), events: [], revokedAt: (o.end ?? o.start + 2 * H), ...o };
}

function policyOf(extra = ""): Policy {
  const text = `version: 1
admins: [carol]
${extra}resources:
  prod-db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    approvers: [dana, erin]
  web:
    provider: { type: github-team, org: acme, team: web }
    roles: [member, maintainer]
    approvers: ["@acme/web-leads"]
    standing:
      - { grantee: bob, role: maintainer, reviewed: "2026-08-01", reviewEvery: 90d }
      - { grantee: cy, role: member, reviewed: "2026-11-01" }
      - { grantee: dee, role: member }
`;
  const loaded = loadPolicy("policy.yaml", Buffer.from(text));
  expect(loaded.diagnostics).toEqual([]);
  return loaded.policy!;
}

/** Leases for `grantee` on the `days` days before NOW (one 2-hour lease each day at 09:00). */
const daily = (days: number[], o: Partial<AuditLease> = {}) => days.map((d) => lease({ start: Date.parse("2026-11-20T09:00:00Z") - d * D, ...o }));

describe("frequent-elevation", () => {
  const t = { days: 10, windowMinutes: 14 * 1440 };
  it("fires at N distinct days of the last M, not at N-1, and names the suggestion", () => {
    expect(frequentElevation(daily([0, 1, 2, 3, 4, 5, 6, 7, 8]), t, NOW)).toEqual([]);
    const f = frequentElevation(daily([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), t, NOW);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: "frequent-elevation", resource: "prod-db", key: "frequent-elevation:prod-db:alice" });
    expect(f[0]!.message).toMatch(/on 10 of the last 14d.*'standing' entry with a review.*narrower role/);
  });
  it("counts days, not leases, and only inside the window", () => {
    // Three leases on one day count once; days 14+ are outside the window.
    const same = [0, 0, 0].map((_, i) => lease({ start: Date.parse("2026-11-20T01:00:00Z") + i * H }));
    expect(frequentElevation([...same, ...daily([1, 2, 3, 4, 5, 6, 7, 8, 15, 16, 17])], t, NOW)).toEqual([]);
    // A lease held for a week counts every day it touched.
    expect(frequentElevation([lease({ start: NOW - 9.5 * D, end: NOW, revokedAt: NOW })], t, NOW)).toHaveLength(1);
  });
  it("keeps grantees and resources apart (logins case-insensitively)", () => {
    const mixed = [...daily([0, 1, 2, 3, 4]), ...daily([5, 6, 7, 8, 9], { grantee: "Alice" }), ...daily([0, 1, 2, 3, 4, 5, 6, 7, 8], { resource: "web" }), ...daily([9], { grantee: "bob" })];
    expect(frequentElevation(mixed, t, NOW).map((x) => x.key)).toEqual(["frequent-elevation:prod-db:alice"]);
  });
  it("ignores leases refused, cancelled or not started yet", () => {
    const future = daily([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(frequentElevation([...future, lease({ start: NOW + H, status: "scheduled" })], t, NOW)).toEqual([]);
    expect(frequentElevation([...future, lease({ start: NOW - 9 * D - H, status: "not-granted" })], t, NOW)).toEqual([]);
  });
});

describe("approver-concentration", () => {
  const t = { share: 0.8, minLeases: 5, windowMinutes: 90 * 1440 };
  it("fires when one approver approved at least the share of a requester's leases, with the minimum count", () => {
    const four = daily([1, 2, 3, 4]);
    expect(approverConcentration(four, t, NOW)).toEqual([]); // below the minimum count
    const five = [...four, lease({ start: NOW - 5 * D, approvers: ["erin"] })];
    expect(approverConcentration(five, t, NOW).map((f) => f.message)).toEqual([expect.stringMatching(/^dana approved 4 of alice's 5 approved leases .*80%/)]);
    const spread = [...daily([1, 2, 3]), lease({ start: NOW - 5 * D, approvers: ["erin"] }), lease({ start: NOW - 6 * D, approvers: ["erin"] })];
    expect(approverConcentration(spread, t, NOW)).toEqual([]); // 60%
  });
  it("groups by requester (who opened the request), not grantee, and ignores leases outside the window", () => {
    const forBot = daily([1, 2, 3, 4, 5], { grantee: "deploy-bot", requestedBy: "alice" });
    expect(approverConcentration(forBot, t, NOW).map((f) => f.key)).toEqual(["approver-concentration:alice:dana"]);
    expect(approverConcentration(daily([100, 101, 102, 103, 104]), t, NOW)).toEqual([]);
  });
  it("leases with no approval on record (break-glass unreviewed, evidence missing) do not count", () => {
    expect(approverConcentration([...daily([1, 2, 3, 4]), lease({ start: NOW - D, approvers: [] })], t, NOW)).toEqual([]);
  });
});

describe("break-glass-frequency", () => {
  const t = { max: 2, windowMinutes: 30 * 1440 };
  it("fires above max in the window, by one person and on one resource", () => {
    const bg = (d: number, grantee: string, resource = "prod-db") => lease({ start: NOW - d * D, grantee, resource, breakGlass: true, approvers: [] });
    expect(breakGlassFrequency([bg(1, "alice"), bg(2, "alice")], t, NOW)).toEqual([]);
    const f = breakGlassFrequency([bg(1, "alice"), bg(2, "alice"), bg(3, "alice", "web")], t, NOW);
    expect(f.map((x) => x.key)).toEqual(["break-glass-frequency:grantee:alice"]);
    expect(f[0]!.message).toMatch(/alice used break-glass 3 times in the last 30d \(on prod-db, web/);
    const onOne = breakGlassFrequency([bg(1, "alice"), bg(2, "bob"), bg(3, "cy")], t, NOW);
    expect(onOne.map((x) => x.key)).toEqual(["break-glass-frequency:resource:prod-db"]);
    expect(breakGlassFrequency([bg(1, "alice"), bg(2, "bob"), bg(31, "cy")], t, NOW)).toEqual([]);
    // Ordinary leases are not break-glass.
    expect(breakGlassFrequency(daily([1, 2, 3, 4]), t, NOW)).toEqual([]);
  });
});

describe("long-total", () => {
  const t = { perMonthMinutes: 80 * 60 };
  it("adds a grantee's leased time on one resource per calendar month, overlaps once", () => {
    // 10 leases of 8h in November: 80h, not above the bound.
    const nov = Array.from({ length: 10 }, (_, i) => lease({ start: Date.parse("2026-11-02T08:00:00Z") + i * D, end: Date.parse("2026-11-02T16:00:00Z") + i * D, revokedAt: Date.parse("2026-11-02T16:00:00Z") + i * D }));
    expect(longTotal(nov, t, NOW)).toEqual([]);
    // An overlapping lease of another role inside one of those windows adds nothing.
    expect(longTotal([...nov, lease({ start: Date.parse("2026-11-02T09:00:00Z"), end: Date.parse("2026-11-02T10:00:00Z"), revokedAt: Date.parse("2026-11-02T10:00:00Z"), role: "member" })], t, NOW)).toEqual([]);
    const more = [...nov, lease({ start: Date.parse("2026-11-15T08:00:00Z"), end: Date.parse("2026-11-15T08:30:00Z"), revokedAt: Date.parse("2026-11-15T08:30:00Z") })];
    const f = longTotal(more, t, NOW);
    expect(f.map((x) => x.key)).toEqual(["long-total:prod-db:alice:2026-11"]);
    expect(f[0]!.message).toMatch(/alice held access to prod-db for 3d8h30m in 2026-11 \(so far\), above the monthly bound of 3d8h/);
  });
  it("splits a lease across months and checks last month too", () => {
    const across = lease({ start: Date.parse("2026-10-28T00:00:00Z"), end: Date.parse("2026-11-02T00:00:00Z"), revokedAt: Date.parse("2026-11-02T00:00:00Z") });
    // 4 days in October (96h > 80h), 1 day in November.
    expect(longTotal([across], t, NOW).map((x) => x.key)).toEqual(["long-total:prod-db:alice:2026-10"]);
    // Months before the previous one are not judged again.
    expect(longTotal([across], t, Date.parse("2027-01-05T00:00:00Z"))).toEqual([]);
  });
  it("a lease still held counts up to now only", () => {
    const held = lease({ start: Date.parse("2026-11-01T00:00:00Z"), end: Date.parse("2026-12-30T00:00:00Z"), status: "active", revokedAt: undefined });
    expect(longTotal([held], t, Date.parse("2026-11-04T07:00:00Z"))).toEqual([]); // 79h
    expect(longTotal([held], t, Date.parse("2026-11-04T09:00:00Z"))).toHaveLength(1); // 81h
  });
});

describe("standing-review-overdue", () => {
  it("flags entries whose interval has passed since the review date, and never-reviewed ones, with the default interval", () => {
    const policy = policyOf("reviews: { every: 30d }\n");
    const f = reviewFindings(policy, NOW);
    // bob: 2026-08-01 + 90d = 2026-10-30 (overdue); cy: 2026-11-01 + 30d = 2026-12-01 (not yet); dee: never reviewed.
    expect(f.map((x) => x.key)).toEqual(["standing-review-overdue:web:bob:maintainer", "standing-review-overdue:web:dee:member"]);
    expect(f[0]!.message).toMatch(/last reviewed on 2026-08-01 and was due on 2026-10-30 \(21 days ago\)/);
    expect(f[1]!.message).toMatch(/has never been reviewed/);
    expect(reviewFindings(policy, Date.parse("2026-12-01T00:00:00Z")).map((x) => x.key)).toContain("standing-review-overdue:web:cy:member");
  });
  it("without a default interval, only entries with their own reviewEvery are reviewed", () => {
    expect(reviewFindings(policyOf(), NOW).map((x) => x.key)).toEqual(["standing-review-overdue:web:bob:maintainer"]);
  });
});

describe("thresholds from the policy", () => {
  it("defaults apply, a threshold changes the verdict, and enabled: false turns a finding off", () => {
    const history = daily([0, 1, 2, 3, 4, 5]);
    expect(anomalyFindings(history, policyOf(), NOW).filter((f) => f.code === "frequent-elevation")).toEqual([]);
    expect(anomalyFindings(history, policyOf("anomalies:\n  frequentElevation: { days: 6, window: 7d }\n"), NOW).map((f) => f.code)).toContain("frequent-elevation");
    expect(anomalyFindings(history, policyOf("anomalies:\n  approverConcentration: { enabled: false }\n"), NOW).map((f) => f.code)).not.toContain("approver-concentration");
    expect(anomalyFindings(history, policyOf(), NOW).map((f) => f.code)).toContain("approver-concentration");
  });
  it("refuses a zero window, an impossible review date and unknown threshold fields", () => {
    const bad = (extra: string, standing = "") =>
      loadPolicy("policy.yaml", Buffer.from(`version: 1\nadmins: [carol]\n${extra}resources:\n  web:\n    provider: { type: github-team, org: acme, team: web }\n    roles: [member]\n    approvers: [dana]\n${standing}`)).diagnostics.map((d) => [d.code, d.line]);
    expect(bad("anomalies:\n  longTotal: { perMonth: 0m }\n")).toEqual([["policy-duration-zero", 4]]);
    expect(bad("", "    standing:\n      - { grantee: bob, role: member, reviewed: \"2026-02-30\" }\n")).toEqual([["policy-review-date", 9]]);
    expect(bad("anomalies:\n  longTotal: { perWeek: 8h }\n")[0]![0]).toBe("policy-unknown-field");
    expect(bad("reviews: { every: 0d }\n")).toEqual([["policy-duration-zero", 3]]);
  });
});

describe("new findings", () => {
  it("a condition that already held at the previous run is not new; one that began since is", () => {
    const policy = policyOf("reviews: { every: 30d }\n");
    const history = [...daily([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), ...daily([1, 2, 3, 4, 5], { grantee: "erin" })];
    // A week ago alice had 3 days in the window (today 10) and 3 approved leases (today 10, all
    // by dana), erin none (today 5): new. The reviews of bob and dee were already due: not new.
    const fresh = newFindingKeys(history, policy, NOW, NOW - 7 * D);
    expect([...fresh].sort()).toEqual(["approver-concentration:alice:dana", "approver-concentration:erin:dana", "frequent-elevation:prod-db:alice"]);
    expect(anomalyFindings(history, policy, NOW).map((f) => f.code)).toContain("standing-review-overdue");
    // Run again a minute later with this run as the previous one: nothing new.
    expect([...newFindingKeys(history, policy, NOW + 60_000, NOW)]).toEqual([]);
    // The same findings whichever the order of the records.
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length, maxLength: history.length }), (shuffled) => {
        expect(new Set(anomalyFindings(shuffled, policy, NOW).map((f) => f.key))).toEqual(new Set(anomalyFindings(history, policy, NOW).map((f) => f.key)));
      }),
      { numRuns: 30 },
    );
  });
  it("the history as of an earlier time knows nothing of later leases or revocations", () => {
    const l = lease({ start: NOW - 3 * D, end: NOW - D, revokedAt: NOW - 2 * D });
    const later = lease({ start: NOW - H });
    const then = historyAsOf([l, later], NOW - 2.5 * D);
    expect(then).toHaveLength(1);
    expect(then[0]).toMatchObject({ status: "active" });
    expect(then[0]!.revokedAt).toBeUndefined();
  });
});
