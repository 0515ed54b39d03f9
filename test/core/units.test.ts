/**
 * The small pure pieces the rules are built from: durations, RFC 3339 timestamps, lease
 * paths, schedule windows, people references, and CODEOWNERS generation/comparison.
 */
import { describe, expect, it } from "vitest";
import { compareCodeowners, parseCodeowners } from "../../src/codeowners/compare-codeowners.js";
import { codeownersRules, generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { formatDuration, parseDuration } from "../../src/lease/duration.js";
import { checkLeasePath } from "../../src/lease/lease-path.js";
import { formatTimestamp, parseTimestamp } from "../../src/lease/timestamp.js";
import { expandRefs, isAmong, isOrgMember, parseRef } from "../../src/policy/people.js";
import { localTime, withinSchedule } from "../../src/policy/schedule.js";
import { EXAMPLE_CODEOWNERS_TEXT, EXAMPLE_POLICY_TEXT, MINI_POLICY, facts, noFacts, policyOf } from "./support.js";

describe("durations", () => {
  it.each([
    ["30m", 30],
    ["4h", 240],
    ["1d12h", 2160],
    ["1d", 1440],
    ["2d4h30m", 3150],
    ["0m", 0],
    ["90m", 90],
  ])("%s is %i minutes", (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(["4 h", "1h30", "90", "", "h", "1m1h", "1.5h", "-1h", "1H", "1d 2h", "99999999999999999999d"])("%j is not a duration", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it("formats minutes back", () => {
    expect([30, 240, 2160, 1441, 0].map(formatDuration)).toEqual(["30m", "4h", "1d12h", "1d1m", "0m"]);
  });
});

describe("RFC 3339 timestamps", () => {
  it("reads Z and offsets as the same instant", () => {
    const z = parseTimestamp("2026-11-24T12:00:00Z");
    expect(z).toBe(Date.UTC(2026, 10, 24, 12));
    expect(parseTimestamp("2026-11-24T13:00:00+01:00")).toBe(z);
    expect(parseTimestamp("2026-11-24T07:00:00-05:00")).toBe(z);
    expect(parseTimestamp("2026-11-24T17:30:00+05:30")).toBe(z);
    expect(parseTimestamp("2026-11-24t12:00:00z")).toBe(z);
    expect(parseTimestamp("2026-11-24T12:00:00.500Z")).toBe(z! + 500);
  });

  it.each([
    "2026-11-24T12:00:00",
    "2026-11-24",
    "2026-11-24T12:00Z",
    "2026-02-29T12:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-11-31T00:00:00Z",
    "2026-11-24T24:00:00Z",
    "2026-11-24T12:60:00Z",
    "2026-11-24T12:00:00+24:00",
    "2026-11-24T12:00:00 Z",
    " 2026-11-24T12:00:00Z",
  ])("refuses %j", (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it("accepts 29 February in a leap year", () => {
    expect(parseTimestamp("2028-02-29T00:00:00Z")).toBe(Date.UTC(2028, 1, 29));
  });

  it("formats without milliseconds", () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 24, 10))).toBe("2026-11-24T10:00:00Z");
  });
});

describe("lease paths", () => {
  it.each([
    ["leases/prod-db-readers/a.yaml", { kind: "lease", resource: "prod-db-readers", name: "a.yaml" }],
    ["leases/x/a.yml", { kind: "lease", resource: "x", name: "a.yml" }],
    ["leases/x/.gitkeep", { kind: "placeholder" }],
    ["leases/.gitkeep", { kind: "placeholder" }],
    ["policy.yaml", { kind: "outside" }],
    ["leasesx/a.yaml", { kind: "outside" }],
    ["README.md", { kind: "outside" }],
  ])("%s", (path, want) => {
    expect(checkLeasePath(path)).toEqual(want);
  });

  it.each([
    ["leases/x/../y/a.yaml", "lease-path-traversal"],
    ["leases/../policy.yaml", "lease-path-traversal"],
    ["../leases/x/a.yaml", "lease-path-traversal"],
    ["/leases/x/a.yaml", "lease-path-traversal"],
    ["leases/x//a.yaml", "lease-path-traversal"],
    ["leases/x/a.yaml/", "lease-path-traversal"],
    ["leases/x\\a.yaml", "lease-path-traversal"],
    ["leases/x/y/a.yaml", "lease-path-layout"],
    ["leases/a.yaml", "lease-path-layout"],
    ["leases", "lease-path-layout"],
    ["leases/X/a.yaml", "lease-path-layout"],
    ["leases/x/README.md", "lease-path-name"],
    ["leases/x/.a.yaml", "lease-path-name"],
    ["leases/x/a b.yaml", "lease-path-name"],
    ["leases/x/.gitkeep.yaml", "lease-path-name"],
    [`leases/x/${"a".repeat(101)}.yaml`, "lease-path-name"],
  ])("%s is %s", (path, code) => {
    const r = checkLeasePath(path);
    expect(r.kind).toBe("invalid");
    expect(r.kind === "invalid" && r.code).toBe(code);
  });
});

describe("schedule", () => {
  const berlin = { timezone: "Europe/Berlin", windows: [{ days: ["mon", "tue", "wed", "thu", "fri"] as Array<"mon" | "tue" | "wed" | "thu" | "fri">, hours: "08:00-18:00" }] };

  it("gives the local weekday and minute", () => {
    expect(localTime(Date.parse("2026-11-24T10:00:00Z"), "Europe/Berlin")).toEqual({ day: "tue", minute: 11 * 60 });
    expect(localTime(Date.parse("2026-11-24T23:30:00Z"), "Europe/Berlin")).toEqual({ day: "wed", minute: 30 });
    expect(localTime(Date.parse("2026-07-01T23:30:00Z"), "Europe/Berlin")).toEqual({ day: "thu", minute: 90 });
    expect(localTime(Date.parse("2026-11-24T00:00:00Z"), "UTC")).toEqual({ day: "tue", minute: 0 });
  });

  it("includes the start and excludes the end", () => {
    expect(withinSchedule(Date.parse("2026-11-24T07:00:00Z"), berlin)).toBe(true);
    expect(withinSchedule(Date.parse("2026-11-24T06:59:59Z"), berlin)).toBe(false);
    expect(withinSchedule(Date.parse("2026-11-24T17:00:00Z"), berlin)).toBe(false);
  });

  it("00:00-24:00 is the whole day, midnight included", () => {
    const all = { timezone: "UTC", windows: [{ days: ["sun"] as Array<"sun">, hours: "00:00-24:00" }] };
    expect(withinSchedule(Date.parse("2026-11-29T00:00:00Z"), all)).toBe(true);
    expect(withinSchedule(Date.parse("2026-11-29T23:59:00Z"), all)).toBe(true);
    expect(withinSchedule(Date.parse("2026-11-30T00:00:00Z"), all)).toBe(false);
  });
});

describe("people", () => {
  const groups = { leads: ["carol", "@acme/sre-leads"], solo: ["Carol"] };

  it("parses logins, teams and groups", () => {
    expect(parseRef("alice")).toEqual({ kind: "user", login: "alice" });
    expect(parseRef("@acme/sre")).toEqual({ kind: "team", org: "acme", slug: "sre" });
    expect(parseRef("group:leads")).toEqual({ kind: "group", name: "leads" });
  });

  it("expands groups one level, once, without case duplicates", () => {
    expect(expandRefs(["group:leads", "carol", "group:solo", "dave"], groups)).toEqual(["carol", "@acme/sre-leads", "dave"]);
  });

  it("answers membership in three values", () => {
    expect(isAmong("CAROL", ["group:leads"], groups, noFacts())).toBe(true);
    expect(isAmong("bob", ["group:leads"], groups, noFacts())).toBe("unknown");
    expect(isAmong("bob", ["group:leads"], groups, facts({ teams: { "acme/sre-leads": ["bob"] } }))).toBe(true);
    expect(isAmong("bob", ["group:leads"], groups, facts({ teams: { "acme/sre-leads": ["eve"] } }))).toBe(false);
    expect(isAmong("bob", ["alice"], groups, noFacts())).toBe(false);
    expect(isAmong("bob", ["group:missing"], groups, noFacts())).toBe(false);
    expect(isOrgMember("Alice", "ACME", facts())).toBe(true);
    expect(isOrgMember("bob", "acme", facts())).toBe("unknown");
  });
});

describe("CODEOWNERS generation", () => {
  it("writes the example's CODEOWNERS", () => {
    expect(generateCodeowners(policyOf(EXAMPLE_POLICY_TEXT), "policy.yaml")).toBe(EXAMPLE_CODEOWNERS_TEXT);
  });

  it("admins own everything, each lease folder its approvers, and the judging files are re-asserted last", () => {
    const rules = codeownersRules(policyOf(EXAMPLE_POLICY_TEXT), "policy.yaml");
    expect(rules[0]).toEqual({ pattern: "*", owners: ["@acme/security-admins"] });
    expect(rules.slice(1, 5).map((r) => r.pattern)).toEqual(["/leases/billing-auditors/", "/leases/platform-admins/", "/leases/prod-db-readers/", "/leases/web-deployers/"]);
    expect(rules.find((r) => r.pattern === "/leases/platform-admins/")!.owners).toEqual(["@acme/security", "@acme/sre-leads", "@carol"]);
    expect(rules.slice(5)).toEqual([
      { pattern: "/policy.yaml", owners: ["@acme/security-admins"] },
      { pattern: "/.github/", owners: ["@acme/security-admins"] },
      { pattern: "/schemas/", owners: ["@acme/security-admins"] },
    ]);
  });

  it("expands groups in admins, and follows a custom policy path", () => {
    const policy = policyOf(MINI_POLICY.replace('admins: ["@acme/security-admins"]', "admins: [group:root, erin]").replace("resources:", "groups:\n  root: [\"@acme/root\", erin]\nresources:"));
    const text = generateCodeowners(policy, "config/policy.yaml");
    const rules = parseCodeowners(text).map((r) => `${r.pattern} ${r.owners.join(" ")}`);
    expect(rules).toEqual(["* @acme/root @erin", "/leases/ops/ @carol @dave", "/config/policy.yaml @acme/root @erin", "/.github/ @acme/root @erin", "/schemas/ @acme/root @erin"]);
  });
});

describe("CODEOWNERS comparison", () => {
  const expected = () => codeownersRules(policyOf(EXAMPLE_POLICY_TEXT), "policy.yaml");

  it("parses rules, dropping comments and blank lines", () => {
    expect(parseCodeowners("# c\n\n*  @a   @b # trailing\n/x/ @c\n")).toEqual([
      { pattern: "*", owners: ["@a", "@b"], line: 3 },
      { pattern: "/x/", owners: ["@c"], line: 4 },
    ]);
  });

  it("is in sync with the generated text", () => {
    expect(compareCodeowners(EXAMPLE_CODEOWNERS_TEXT, expected())).toBeUndefined();
  });

  it("names what is missing and what is not from the policy, with the first differing line", () => {
    const text = EXAMPLE_CODEOWNERS_TEXT.replace("/leases/prod-db-readers/   @acme/dba", "/leases/prod-db-readers/   @mallory");
    const drift = compareCodeowners(text, expected())!;
    expect(drift.line).toBe(text.split("\n").findIndex((l) => l.startsWith("/leases/prod-db-readers/")) + 1);
    expect(drift.missing).toEqual([{ pattern: "/leases/prod-db-readers/", owners: ["@acme/dba"] }]);
    expect(drift.unexpected.map((r) => r.owners)).toEqual([["@mallory"]]);
  });

  it("detects reordering (GitHub applies the last matching rule)", () => {
    const lines = EXAMPLE_CODEOWNERS_TEXT.split("\n");
    const star = lines.findIndex((l) => l.startsWith("*"));
    const [catchAll] = lines.splice(star, 1);
    const reordered = [...lines, catchAll!, ""].join("\n");
    expect(compareCodeowners(reordered, expected())).toBeDefined();
  });
});
