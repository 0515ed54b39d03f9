/**
 * The lease format (schemas/lease.v1.schema.json through loadLease): fields, types,
 * patterns, duration/expires, RFC 3339 times. Errors carry stable codes and point at the
 * offending key (unknown or missing fields) or value (wrong type or form).
 */
import { describe, expect, it } from "vitest";
import { loadLease } from "../../src/lease/load-lease.js";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import { added, at, bytes, errorCodes, errors, leasePath, leaseYaml, prInput, summary } from "./support.js";

const FILE = "leases/prod-db-readers/a.yaml";
const load = (text: string) => loadLease(FILE, bytes(text));
const diags = (text: string) => summary(load(text).diagnostics);

const base = {
  grantee: "alice",
  resource: "prod-db-readers",
  role: "member",
  duration: "4h",
  reason: "Pull figures for the quarterly report",
} as Record<string, string | boolean | number | undefined>;
const with_ = (o: Record<string, string | boolean | number | undefined>) => leaseYaml({ ...base, ...o });
/** A lease written by hand, one field per line, unquoted. */
const raw = (lines: string[]) => lines.join("\n") + "\n";

describe("a valid lease", () => {
  it.each([
    ["duration", with_({})],
    ["expires with Z", with_({ duration: undefined, expires: "2026-11-24T12:00:00Z" })],
    ["expires with +01:00", with_({ duration: undefined, expires: "2026-11-24T13:00:00+01:00" })],
    ["expires with -05:00 and fractions", with_({ duration: undefined, expires: "2026-11-24T07:00:00.250-05:00" })],
    ["notBefore and duration", with_({ notBefore: "2026-11-24T12:00:00Z" })],
    ["ticket and breakGlass", with_({ ticket: "INC-1", breakGlass: true })],
    ["breakGlass false", with_({ breakGlass: false })],
    ["a bot grantee", with_({ grantee: "deploy-bot[bot]" })],
    ["a 39-character login", with_({ grantee: "a".repeat(39) })],
    ["a .yml-style comment header", "# yaml-language-server: $schema=../../schemas/lease.v1.schema.json\n" + with_({})],
  ])("%s", (_name, text) => {
    const l = load(text);
    expect(summary(l.diagnostics)).toEqual([]);
    expect(l.lease).toBeDefined();
  });

  it("loads unquoted values with the types the schema wants", () => {
    const l = load(raw(["grantee: alice", "resource: prod-db-readers", "role: member", "expires: 2026-11-24T12:00:00Z", "notBefore: 2026-11-24T10:30:00+01:00", "reason: Pull figures for the quarterly report", "breakGlass: false"]));
    expect(summary(l.diagnostics)).toEqual([]);
    expect(l.lease).toEqual({ grantee: "alice", resource: "prod-db-readers", role: "member", expires: "2026-11-24T12:00:00Z", notBefore: "2026-11-24T10:30:00+01:00", reason: "Pull figures for the quarterly report", breakGlass: false });
  });
});

describe("unknown fields", () => {
  it.each([
    ["a made-up field", "approvedBy: carol"],
    ["a typo", "duraton: 8h"],
    ["a policy setting", "maxDuration: 30d"],
    ["a capitalised field", "Role: admin"],
  ])("refuses %s at its key", (_name, line) => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: member", "duration: 4h", line, "reason: Pull figures for the quarterly report"]);
    expect(diags(text)).toEqual(["error:lease-unknown-field@5:1"]);
    expect(load(text).diagnostics[0]!.message).toContain(line.split(":")[0]);
  });

  it("refuses an unknown field in a flow mapping at its key", () => {
    const text = "{grantee: alice, resource: prod-db-readers, role: member, duration: 4h, reason: Pull figures for the quarterly report, extra: 1}\n";
    const pos = at(text, "extra");
    expect(diags(text)).toEqual([`error:lease-unknown-field@${pos.line}:${pos.column}`]);
  });
});

describe("required fields", () => {
  it.each(["grantee", "resource", "role", "reason"])("refuses a lease without %s", (field) => {
    const l = load(with_({ [field]: undefined }));
    expect(l.lease).toBeUndefined();
    const d = l.diagnostics.find((x) => x.code === "lease-missing-field");
    expect(d, summary(l.diagnostics).join()).toBeDefined();
    expect(d!.message).toContain(`'${field}'`);
    expect(d).toMatchObject({ line: 1, column: 1 });
  });

  it("needs exactly one of duration and expires: neither", () => {
    expect(diags(with_({ duration: undefined }))).toEqual(["error:lease-duration-or-expires@1:1"]);
  });

  it("needs exactly one of duration and expires: both, reported at expires", () => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: member", "duration: 4h", "expires: 2026-11-24T12:00:00Z", "reason: Pull figures for the quarterly report"]);
    expect(diags(text)).toEqual(["error:lease-duration-or-expires@5:1"]);
  });
});

describe("grantee login", () => {
  it.each(["-alice", "alice-", "al--ice", "al_ice", "alice bob", "@alice", "acme/alice", "a".repeat(40), "alice[bot]x", "ålice", ""])("refuses %j", (login) => {
    const text = raw(["grantee: " + JSON.stringify(login), "resource: prod-db-readers", "role: member", "duration: 4h", "reason: Pull figures for the quarterly report"]);
    const codes = load(text).diagnostics.map((d) => d.code);
    expect(codes).toEqual(["lease-schema-format"]);
    expect(load(text).diagnostics[0]).toMatchObject({ line: 1, column: 10 });
  });
});

describe("resource id", () => {
  it.each(["Prod-DB-Readers", "../platform-admins", "prod_db", "-prod", "x".repeat(64)])("refuses %j", (id) => {
    const text = raw(["grantee: alice", "resource: " + JSON.stringify(id), "role: member", "duration: 4h", "reason: Pull figures for the quarterly report"]);
    expect(diags(text)).toEqual(["error:lease-schema-format@2:11"]);
  });
});

describe("durations", () => {
  it.each(["30m", "4h", "1d12h", "1d", "2d4h30m", "90m", "0m"])("the schema accepts %s", (d) => {
    expect(diags(with_({ duration: d }))).toEqual([]);
  });

  it.each(["4 h", "1h30", "90", "1.5h", "h", "-1h", "1H", "1m1h", "4h ", " 4h", "P1D", "4hours", "1w", ""])("refuses %j at the value", (d) => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: member", `duration: ${JSON.stringify(d)}`, "reason: Pull figures for the quarterly report"]);
    expect(diags(text)).toEqual(["error:lease-schema-format@4:11"]);
  });

  it("refuses a number as a duration", () => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: member", "duration: 4", "reason: Pull figures for the quarterly report"]);
    expect(diags(text)).toEqual(["error:lease-schema-type@4:11"]);
  });
});

describe("times", () => {
  const timed = (field: "expires" | "notBefore", value: string) =>
    raw(["grantee: alice", "resource: prod-db-readers", "role: member", field === "expires" ? `expires: ${value}` : "duration: 4h", ...(field === "notBefore" ? [`notBefore: ${value}`] : []), "reason: Pull figures for the quarterly report"]);

  it.each(["2026-11-24T12:00:00", "2026-11-24", "2026-11-24T12:00", "24.11.2026 12:00", "2026-02-30T12:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24T12:00:00+25:00", "tomorrow", "1795521600"])(
    "refuses expires %j at the value",
    (v) => {
      const l = load(timed("expires", v));
      expect(l.lease).toBeUndefined();
      const codes = l.diagnostics.map((d) => d.code);
      // A bare number is a type error; everything else is not an RFC 3339 time.
      expect(codes).toEqual([/^\d+$/.test(v) ? "lease-schema-type" : "lease-naive-or-invalid-time"]);
      expect(l.diagnostics[0]).toMatchObject({ line: 4, column: 10 });
    },
  );

  it.each(["2026-11-24T12:00:00", "2026-11-24"])("refuses notBefore %j at the value", (v) => {
    expect(diags(timed("notBefore", v))).toEqual(["error:lease-naive-or-invalid-time@5:12"]);
  });

  it.each(["2026-11-24T12:00:00+01:00", "2026-11-24T12:00:00Z", "2026-11-24T12:00:00z", "2026-11-24t12:00:00Z", "2026-11-24T12:00:00.5Z"])("accepts %j", (v) => {
    expect(diags(timed("expires", v))).toEqual([]);
  });

  it.each(["2026-11-24T12:00:00+01", "2026-11-24T12:00:00+0100"])("refuses the offset form %j (RFC 3339 needs +hh:mm)", (v) => {
    // Regression (fixed): ajv-formats' date-time accepts offsets without the colon or the minutes, while
    // parseTimestamp (src/lease/timestamp.ts) does not: the lease passes the schema and then
    // every timing check silently skips it (see the pull request test below).
    expect(diags(timed("expires", v))).toEqual(["error:lease-naive-or-invalid-time@4:10"]);
  });

  it.each([
    ["a space instead of T", "2099-01-01 00:00:00Z"],
    ["an offset without colon", "2099-01-01T00:00:00+0000"],
    ["an hour-only offset", "2099-01-01T00:00:00+00"],
  ])("a lease whose expires uses %s never slips past the duration limit", (_name, v) => {
    // Regression (fixed): the schema accepts these forms, parseTimestamp returns undefined, and checkTiming
    // then skips the past/too-long checks: a lease expiring in 2099 is reported valid.
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: member", `expires: ${v}`, "reason: Pull figures for the quarterly report"]);
    const report = validatePullRequest(prInput([added(leasePath("prod-db-readers"), text)]));
    expect(report.ok).toBe(false);
    expect(errorCodes(report).some((c) => c === "lease-naive-or-invalid-time" || c === "lease-duration-too-long")).toBe(true);
  });

  it("a notBefore in a form parseTimestamp cannot read is not silently ignored", () => {
    // Regression (fixed): same cause; a notBefore far in the future ("2099-01-01 00:00:00Z") skips the
    // maxScheduleAhead check.
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: member", "duration: 4h", "notBefore: 2099-01-01 00:00:00Z", "reason: Pull figures for the quarterly report"]);
    const report = validatePullRequest(prInput([added(leasePath("prod-db-readers"), text)]));
    expect(report.ok).toBe(false);
    expect(errorCodes(report).some((c) => c === "lease-naive-or-invalid-time" || c === "lease-not-before-too-far")).toBe(true);
  });
});

describe("wrong types", () => {
  it.each([
    ["role: 5", "lease-schema-type", 3, 7],
    ["role: [member, maintainer]", "lease-schema-type", 3, 7],
    ["role: {name: member}", "lease-schema-type", 3, 7],
    ["role: ''", "lease-schema-range", 3, 7],
    ["role: ~", "lease-schema-type", 3, 7],
  ])("%s", (line, code, l, c) => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", line, "duration: 4h", "reason: Pull figures for the quarterly report"]);
    expect(diags(text)).toEqual([`error:${code}@${l}:${c}`]);
  });

  it.each(['breakGlass: "yes"', "breakGlass: yes", "breakGlass: 1", "breakGlass: 'true'", "breakGlass: on"])("%s is not a boolean", (line) => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: member", "duration: 4h", "reason: Pull figures for the quarterly report", line]);
    expect(diags(text)).toEqual(["error:lease-schema-type@6:13"]);
  });

  it("a numeric ticket is a type error (tickets are strings)", () => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: member", "duration: 4h", "reason: Pull figures for the quarterly report", "ticket: 1234"]);
    expect(diags(text)).toEqual(["error:lease-schema-type@6:9"]);
  });

  it("an empty reason and a 1001-character reason are out of range", () => {
    expect(diags(with_({ reason: "" })).map((s) => s.split("@")[0])).toEqual(["error:lease-schema-range"]);
    expect(diags(with_({ reason: "x".repeat(1001) })).map((s) => s.split("@")[0])).toEqual(["error:lease-schema-range"]);
  });

  it("reports every problem of a broken lease, each at its place", () => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: 5", "duration: 4h", "expires: 2026-11-24T12:00:00Z", "reason: Pull figures for the quarterly report", "breakGlass: yes", "foo: 1"]);
    expect(diags(text).sort()).toEqual(["error:lease-duration-or-expires@5:1", "error:lease-schema-type@3:7", "error:lease-schema-type@7:13", "error:lease-unknown-field@8:1"].sort());
  });

  it("a schema error fails the pull request at the same position", () => {
    const text = raw(["grantee: alice", "resource: prod-db-readers", "role: 5", "duration: 4h", "reason: Pull figures for the quarterly report"]);
    const report = validatePullRequest(prInput([added(leasePath("prod-db-readers"), text)]));
    expect(summary(errors(report))).toEqual(["error:lease-schema-type@3:7"]);
  });
});
