import { describe, expect, it } from "vitest";
import { WEEK_MS, countRecent, matchAutoApproval } from "../../src/approval/auto-approval.js";
import type { AutoApprovalInput } from "../../src/approval/auto-approval.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { emptyFacts } from "../../src/policy/people.js";

const H = 3_600_000;
const TUE_10 = Date.parse("2026-11-24T10:00:00Z"); // a Tuesday
const POLICY = `version: 1
admins: [carol]
resources:
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member, maintainer]
    maxDuration: 8h
    approvers: [dana]
    autoApprove:
      - name: office-hours
        requesters: [zed, "@acme/oncall"]
        roles: [member]
        maxDuration: 2h
        schedule: { timezone: UTC, windows: [{ days: [mon, tue, wed, thu, fri], hours: "09:00-17:00" }] }
        maxPerWeek: 1
`;
const policy = loadPolicy("policy.yaml", Buffer.from(POLICY)).policy!;
const resource = policy.resources.get("db")!;
const input = (over: Partial<AutoApprovalInput> = {}): AutoApprovalInput => ({
  resource, groups: policy.groups, facts: emptyFacts(), requester: "zed", path: "leases/db/zed.yaml",
  lease: { grantee: "zed", resource: "db", role: "member", duration: "1h", reason: "Investigate the slow queries" },
  kind: "new", changedFiles: 1, window: { start: TUE_10, end: TUE_10 + H }, at: TUE_10, history: [], ...over,
});

describe("matchAutoApproval", () => {
  it("matches a request meeting every condition", () => {
    expect(matchAutoApproval(input())).toEqual({ matched: true, rule: "office-hours" });
    expect(resource.autoApprove[0]).toMatchObject({ roles: ["member"], maxDurationMinutes: 120, maxPerWeek: 1 });
  });

  it("refuses outside the rule's schedule", () => {
    const sat = Date.parse("2026-11-28T10:00:00Z");
    const r = matchAutoApproval(input({ window: { start: sat, end: sat + H }, at: sat }));
    expect(r.matched).toBe(false);
    expect(!r.matched && r.reasons[0]).toContain("outside mon,tue,wed,thu,fri 09:00-17:00 (UTC)");
  });

  it("never matches on a team it could not resolve", () => {
    const r = matchAutoApproval(input({ requester: "yan" }));
    expect(!r.matched && r.reasons[0]).toContain("could not be resolved");
    const facts = { ...emptyFacts(), teams: new Map([["acme/oncall", new Set(["yan"])]]) };
    expect(matchAutoApproval(input({ requester: "yan", facts })).matched).toBe(true);
  });

  it("refuses extensions, break-glass, several files and a request for changes", () => {
    expect(matchAutoApproval(input({ kind: "extension" })).matched).toBe(false);
    expect(matchAutoApproval(input({ lease: { ...input().lease, breakGlass: true } })).matched).toBe(false);
    expect(matchAutoApproval(input({ changedFiles: 2 })).matched).toBe(false);
    expect(matchAutoApproval(input({ blockedBy: ["dana"] })).matched).toBe(false);
  });

  it("counts the weekly quota over the 7 days before, per rule and grantee", () => {
    const rec = (at: number, over = {}) => ({ resource: "db", rule: "office-hours", grantee: "ZED", lease: "leases/db/old.yaml", at, ...over });
    expect(matchAutoApproval(input({ history: [rec(TUE_10 - WEEK_MS + 1)] })).matched).toBe(false);
    expect(matchAutoApproval(input({ history: [rec(TUE_10 - WEEK_MS - 1)] })).matched).toBe(true);
    expect(matchAutoApproval(input({ history: [rec(TUE_10 - H, { grantee: "yan" }), rec(TUE_10 - H, { rule: "other" }), rec(TUE_10 + H)] })).matched).toBe(true);
    // The lease judged is not its own quota use (a second verification of the same merge).
    expect(countRecent([rec(TUE_10, { lease: "leases/db/zed.yaml" })], "db", "office-hours", "zed", TUE_10, "leases/db/zed.yaml")).toBe(0);
  });
});

describe("autoApprove in the policy", () => {
  const codes = (rule: string) => loadPolicy("policy.yaml", Buffer.from(POLICY.replace(/ {4}autoApprove:[\s\S]*$/, rule))).diagnostics.map((d) => d.code);
  it("refuses rules that widen the resource or cannot be told apart", () => {
    expect(codes("    autoApprove:\n      - { name: a, requesters: [zed], roles: [admin] }\n")).toEqual(["policy-auto-approve-role"]);
    expect(codes("    autoApprove:\n      - { name: a, requesters: [zed], maxDuration: 9h }\n")).toEqual(["policy-auto-approve-duration"]);
    expect(codes("    autoApprove:\n      - { name: a, requesters: [zed] }\n      - { name: a, requesters: [yan] }\n")).toEqual(["policy-auto-approve-duplicate"]);
    expect(codes("    autoApprove:\n      - { name: a, requesters: [group:nope] }\n")).toEqual(["policy-unknown-group"]);
    expect(codes("    autoApprove:\n      - { name: a, requesters: [zed], maxPerWeek: 0 }\n")).not.toEqual([]);
    expect(codes("    requireTwoFactor: false\n")).toEqual([]);
  });
});
