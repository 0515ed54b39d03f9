/**
 * The base policy's rules for a new lease (validatePullRequest → checkLease): resource and
 * folder, role, duration and expiry limits, notBefore, reason, ticket, requester, grantee,
 * schedule windows in a time zone, break-glass. Each rule passes at its limit and fails
 * just past it, at the right field.
 */
import { describe, expect, it } from "vitest";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import { validateRepo } from "../../src/validate/validate-repo.js";
import { checkLease } from "../../src/validate/check-lease.js";
import { loadLease } from "../../src/lease/load-lease.js";
import type { Facts } from "../../src/policy/people.js";
import {
  DAY,
  E,
  EXAMPLE_CODEOWNERS,
  EXAMPLE_POLICY,
  HOUR,
  MINI_POLICY,
  MINUTE,
  NOW,
  added,
  base,
  bytes,
  errors,
  facts,
  good,
  iso,
  keyAt,
  leasePath,
  leaseYaml,
  noFacts,
  policyOf,
  prInput,
  summary,
  valueAt,
  warnings,
  withResourceSettings,
} from "./support.js";
import type { PrOptions } from "./support.js";

/** Validates one new lease file as a pull request by alice (unless told otherwise). */
function check(resource: string, text: string, o: PrOptions & { folder?: string; name?: string } = {}) {
  const path = leasePath(o.folder ?? resource, o.name);
  return validatePullRequest(prInput([added(path, text)], o));
}
const only = (text: string, o: Parameters<typeof check>[2] = {}, resource = "prod-db-readers") => summary(errors(check(resource, text, o)));

describe("valid leases pass cleanly under the example policy", () => {
  it.each(["platform-admins", "prod-db-readers", "web-deployers", "billing-auditors"])("%s", (resource) => {
    const report = check(resource, good(resource));
    expect(summary([...errors(report), ...warnings(report)])).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

describe("resource and folder", () => {
  it("refuses a resource that is not in the policy, at the resource", () => {
    const text = good("prod-db-readers", { resource: "ghost-admins" });
    expect(only(text, { folder: "ghost-admins" })).toEqual([E("lease-unknown-resource", valueAt(text, "resource"))]);
  });

  it("refuses a resource that differs from the folder, at the resource", () => {
    // A platform-admins lease dropped in the folder owned by prod-db-readers' approvers.
    const text = good("platform-admins");
    expect(only(text, { folder: "prod-db-readers" })).toEqual([E("lease-folder-mismatch", valueAt(text, "resource"))]);
  });
});

describe("role", () => {
  it.each([
    ["prod-db-readers", "maintainer"],
    ["prod-db-readers", "admin"],
    ["web-deployers", "admin"],
    ["web-deployers", "Push"],
    ["billing-auditors", "owner"],
  ])("%s refuses role %s, at the role", (resource, role) => {
    const text = good(resource, { role });
    expect(summary(errors(check(resource, text)))).toEqual([E("lease-role-not-allowed", valueAt(text, "role"))]);
  });

  it.each([
    ["platform-admins", "member"],
    ["platform-admins", "maintainer"],
    ["web-deployers", "maintain"],
  ])("%s allows %s", (resource, role) => {
    expect(check(resource, good(resource, { role })).ok).toBe(true);
  });
});

describe("duration", () => {
  it.each([
    ["prod-db-readers", "1d", true],
    ["prod-db-readers", "1d1m", false],
    ["prod-db-readers", "24h", true],
    ["prod-db-readers", "1440m", true],
    ["prod-db-readers", "1441m", false],
    ["platform-admins", "4h", true],
    ["platform-admins", "4h1m", false],
    ["platform-admins", "30m", true],
    ["web-deployers", "8h", true], // the defaults' maxDuration
    ["web-deployers", "8h1m", false],
    ["billing-auditors", "2d", true],
    ["billing-auditors", "2d1m", false],
  ])("%s with duration %s: valid=%s", (resource, duration, ok) => {
    const text = good(resource, { duration });
    const report = check(resource, text);
    expect(summary(errors(report))).toEqual(ok ? [] : [E("lease-duration-too-long", valueAt(text, "duration"))]);
  });

  it.each(["0m", "0h", "0d0h0m", "00m"])("refuses %s as zero, at the duration", (duration) => {
    const text = good("prod-db-readers", { duration });
    expect(only(text)).toEqual([E("lease-duration-zero", valueAt(text, "duration"))]);
  });

  it("refuses an absurdly long duration", () => {
    const text = good("prod-db-readers", { duration: "99999999999999999999d" });
    expect(check("prod-db-readers", text).ok).toBe(false);
  });
});

describe("expires (measured from now, or from notBefore)", () => {
  const exp = (expires: string, extra: Record<string, string> = {}) => good("prod-db-readers", { duration: undefined, expires, ...extra });

  it("allows exactly maxDuration from now and refuses a minute more", () => {
    expect(only(exp(iso(NOW + DAY)))).toEqual([]);
    const text = exp(iso(NOW + DAY + MINUTE));
    expect(only(text)).toEqual([E("lease-duration-too-long", valueAt(text, "expires"))]);
  });

  it("measures an expires with an offset as the same instant", () => {
    // 2026-11-25T11:00:00+01:00 is exactly NOW + 1d.
    expect(only(exp("2026-11-25T11:00:00+01:00"))).toEqual([]);
    expect(only(exp("2026-11-25T11:01:00+01:00")).map((s) => s.split("@")[0])).toEqual(["error:lease-duration-too-long"]);
  });

  it("refuses an expiry in the past or now, at expires", () => {
    for (const t of [iso(NOW - MINUTE), iso(NOW), "2020-01-01T00:00:00Z"]) {
      const text = exp(t);
      expect(only(text)).toEqual([E("lease-expires-past", valueAt(text, "expires"))]);
    }
  });

  it("measures from notBefore when there is one", () => {
    const nb = iso(NOW + 2 * HOUR);
    expect(only(exp(iso(NOW + 2 * HOUR + DAY), { notBefore: nb }))).toEqual([]);
    const text = exp(iso(NOW + 2 * HOUR + DAY + MINUTE), { notBefore: nb });
    expect(only(text)).toEqual([E("lease-duration-too-long", valueAt(text, "expires"))]);
  });

  it("refuses notBefore at or after expires, at notBefore", () => {
    for (const [nb, ex] of [
      [NOW + 2 * HOUR, NOW + 2 * HOUR],
      [NOW + 3 * HOUR, NOW + 2 * HOUR],
    ] as const) {
      const text = exp(iso(ex), { notBefore: iso(nb) });
      expect(only(text)).toEqual([E("lease-not-before-after-expiry", valueAt(text, "notBefore"))]);
    }
  });
});

describe("notBefore", () => {
  const nb = (t: number) => good("prod-db-readers", { notBefore: iso(t) });

  it("allows up to 5 minutes in the past (clock skew) and refuses more", () => {
    expect(only(nb(NOW - 5 * MINUTE))).toEqual([]);
    const text = nb(NOW - 6 * MINUTE);
    expect(only(text)).toEqual([E("lease-not-before-past", valueAt(text, "notBefore"))]);
    expect(only(nb(Date.parse("2026-01-01T00:00:00Z"))).map((s) => s.split("@")[0])).toEqual(["error:lease-not-before-past"]);
  });

  it("allows up to maxScheduleAhead (7d) ahead and refuses more", () => {
    expect(only(nb(NOW + 7 * DAY))).toEqual([]);
    const text = nb(NOW + 7 * DAY + MINUTE);
    expect(only(text)).toEqual([E("lease-not-before-too-far", valueAt(text, "notBefore"))]);
  });

  it("uses the resource's own maxScheduleAhead", () => {
    const policy = withResourceSettings("maxScheduleAhead: 1d\n");
    const lease = (t: number) => leaseYaml({ grantee: "alice", resource: "ops", role: "member", duration: "4h", notBefore: iso(t), reason: "Investigate the ops outage" });
    const o = { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true } }) };
    expect(summary(errors(check("ops", lease(NOW + DAY), o)))).toEqual([]);
    expect(summary(errors(check("ops", lease(NOW + DAY + MINUTE), o))).map((s) => s.split("@")[0])).toEqual(["error:lease-not-before-too-far"]);
  });
});

describe("reason", () => {
  it("needs minReasonLength (15 from the defaults) characters, not counting surrounding spaces", () => {
    expect(only(good("prod-db-readers", { reason: "x".repeat(15) }))).toEqual([]);
    for (const reason of ["x".repeat(14), "short", `   ${"x".repeat(14)}   `, " ".repeat(40)]) {
      const text = good("prod-db-readers", { reason });
      expect(only(text)).toEqual([E("lease-reason-too-short", valueAt(text, "reason"))]);
    }
  });

  it("uses the built-in minimum (10) when the policy sets none", () => {
    const o = { ...base(MINI_POLICY), facts: facts({ orgMembers: { "acme/alice": true } }) };
    const lease = (reason: string) => leaseYaml({ grantee: "alice", resource: "ops", role: "member", duration: "1h", reason });
    expect(summary(errors(check("ops", lease("0123456789"), o)))).toEqual([]);
    expect(summary(errors(check("ops", lease("012345678"), o))).map((s) => s.split("@")[0])).toEqual(["error:lease-reason-too-short"]);
  });
});

describe("ticket", () => {
  it("is required where requireTicket is set", () => {
    const text = good("platform-admins", { ticket: undefined });
    expect(summary(errors(check("platform-admins", text))).map((s) => s.split("@")[0])).toEqual(["error:lease-ticket-required"]);
    const billing = good("billing-auditors", { ticket: undefined });
    expect(summary(errors(check("billing-auditors", billing))).map((s) => s.split("@")[0])).toEqual(["error:lease-ticket-required"]);
  });

  it.each(["INC-1", "CHG-987654"])("matches the whole ticketPattern: %s", (ticket) => {
    expect(check("platform-admins", good("platform-admins", { ticket })).ok).toBe(true);
  });

  it.each(["INC-", "inc-1234", "INC-12a", "xINC-12", "INC-12 ", "INC-12\nCHG-1", "JIRA-1", "INC-1|CHG-2", "INC-１２"])("refuses %j, at the ticket", (ticket) => {
    const text = good("platform-admins", { ticket });
    expect(summary(errors(check("platform-admins", text)))).toEqual([E("lease-ticket-format", valueAt(text, "ticket"))]);
  });

  it("takes any ticket where there is no pattern, and none where it is optional", () => {
    expect(check("billing-auditors", good("billing-auditors", { ticket: "whatever 42" })).ok).toBe(true);
    expect(check("prod-db-readers", good("prod-db-readers", { ticket: "anything" })).ok).toBe(true);
  });
});

describe("requester", () => {
  it("platform-admins: only @acme/engineering may request (team resolved through facts)", () => {
    const text = good("platform-admins", { grantee: "bob" });
    const report = check("platform-admins", text, { author: "bob" });
    expect(summary(errors(report))).toEqual([E("lease-requester-not-allowed", valueAt(text, "grantee"))]);
  });

  it("compares logins without case", () => {
    const text = good("platform-admins", { grantee: "Alice" });
    expect(summary(errors(check("platform-admins", text, { author: "ALICE" })))).toEqual([]);
  });

  it("without facts the requester check is a warning 'check-not-made', never a pass", () => {
    const text = good("platform-admins");
    const report = check("platform-admins", text, { facts: noFacts() });
    expect(summary(errors(report))).toEqual([]);
    expect(summary(warnings(report))).toEqual([E("check-not-made", valueAt(text, "grantee"), "warning")]);
    expect(warnings(report)[0]!.message).toMatch(/Not checked/);
  });

  it("without facts and strict: true, the unmade check is an error", () => {
    const report = check("platform-admins", good("platform-admins"), { facts: noFacts(), strict: true });
    expect(report.ok).toBe(false);
    expect(summary(errors(report)).map((s) => s.split("@")[0])).toEqual(["error:check-not-made"]);
  });

  it("without an author, requester and grantee are not checked (warning), and strict makes it an error", () => {
    const text = good("prod-db-readers", { grantee: "mallory" });
    const lax = check("prod-db-readers", text, { author: null });
    expect(lax.ok).toBe(true);
    expect(summary(warnings(lax)).map((s) => s.split("@")[0])).toEqual(["warning:check-not-made"]);
    const strict = check("prod-db-readers", text, { author: null, strict: true });
    expect(summary(errors(strict)).map((s) => s.split("@")[0])).toEqual(["error:check-not-made"]);
  });

  it("a team that is not resolved makes the answer unknown even when another is resolved", () => {
    const policy = withResourceSettings('requesters: ["@acme/sre", "@acme/dba"]\n');
    const lease = leaseYaml({ grantee: "alice", resource: "ops", role: "member", duration: "1h", reason: "Investigate the ops outage" });
    const partial = check("ops", lease, { ...base(policy), facts: facts({ teams: { "acme/sre": ["bob"] }, orgMembers: {} }) });
    expect(summary(errors(partial))).toEqual([]);
    expect(summary(warnings(partial)).map((s) => s.split("@")[0])).toEqual(["warning:check-not-made"]);
    const both = check("ops", lease, { ...base(policy), facts: facts({ teams: { "acme/sre": ["bob"], "acme/dba": ["carol"] }, orgMembers: {} }) });
    expect(summary(errors(both)).map((s) => s.split("@")[0])).toEqual(["error:lease-requester-not-allowed"]);
    const member = check("ops", lease, { ...base(policy), facts: facts({ teams: { "acme/sre": ["bob"], "acme/dba": ["alice"] }, orgMembers: {} }) });
    expect(summary([...errors(member), ...warnings(member)])).toEqual([]);
  });

  it("requesters may be logins and groups (resolved without facts)", () => {
    const policy = MINI_POLICY.replace("resources:", "groups:\n  oncall: [erin, \"@acme/oncall\"]\nresources:") + "    requesters: [frank, group:oncall]\n";
    const lease = (who: string) => leaseYaml({ grantee: who, resource: "ops", role: "member", duration: "1h", reason: "Investigate the ops outage" });
    for (const who of ["frank", "erin"]) {
      const r = check("ops", lease(who), { ...base(policy), author: who, facts: noFacts() });
      expect(summary([...errors(r), ...warnings(r)]), who).toEqual([]);
    }
    const mallory = check("ops", lease("mallory"), { ...base(policy), author: "mallory", facts: facts({ teams: { "acme/oncall": ["erin"] }, orgMembers: {} }) });
    expect(summary(errors(mallory)).map((s) => s.split("@")[0])).toEqual(["error:lease-requester-not-allowed"]);
  });

  it("by default, members of the resource's organization may request", () => {
    const text = good("prod-db-readers");
    expect(summary(errors(check("prod-db-readers", text, { facts: facts({ orgMembers: { "acme/alice": true } }) })))).toEqual([]);
    const outsider = check("prod-db-readers", text, { facts: facts({ orgMembers: { "acme/alice": false } }) });
    expect(summary(errors(outsider))).toEqual([E("lease-requester-not-allowed", valueAt(text, "grantee"))]);
    const unknown = check("prod-db-readers", text, { facts: noFacts() });
    expect(unknown.ok).toBe(true);
    expect(summary(warnings(unknown))).toEqual([E("check-not-made", valueAt(text, "grantee"), "warning")]);
  });

  it("the default organization of a github-repo resource is its owner", () => {
    const policy = `version: 1
admins: ["@other/admins"]
resources:
  site:
    provider: {type: github-repo, owner: other, repo: site}
    roles: [push]
    approvers: [carol]
`;
    const lease = leaseYaml({ grantee: "alice", resource: "site", role: "push", duration: "1h", reason: "Deploy the landing page fix" });
    // Membership of acme says nothing about other.
    const r1 = check("site", lease, { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true } }) });
    expect(summary(warnings(r1)).map((s) => s.split("@")[0])).toEqual(["warning:check-not-made"]);
    const r2 = check("site", lease, { ...base(policy), facts: facts({ orgMembers: { "other/alice": false } }) });
    expect(summary(errors(r2)).map((s) => s.split("@")[0])).toEqual(["error:lease-requester-not-allowed"]);
  });
});

describe("grantee", () => {
  it("must be the pull request's author unless allowRequestFor says otherwise", () => {
    const text = good("prod-db-readers", { grantee: "bob" });
    expect(only(text)).toEqual([E("lease-grantee-not-author", valueAt(text, "grantee"))]);
  });

  it("allowRequestFor: a list allows exactly those grantees", () => {
    expect(check("web-deployers", good("web-deployers", { grantee: "deploy-bot" })).ok).toBe(true);
    const text = good("web-deployers", { grantee: "bob" });
    expect(summary(errors(check("web-deployers", text)))).toEqual([E("lease-grantee-not-allowed", valueAt(text, "grantee"))]);
  });

  it("allowRequestFor: true allows anyone", () => {
    const policy = withResourceSettings("allowRequestFor: true\n");
    const lease = leaseYaml({ grantee: "bob", resource: "ops", role: "member", duration: "1h", reason: "Investigate the ops outage" });
    const r = check("ops", lease, { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true } }) });
    expect(summary([...errors(r), ...warnings(r)])).toEqual([]);
  });

  it("allowRequestFor: false (explicit) refuses others", () => {
    const policy = withResourceSettings("allowRequestFor: false\n");
    const lease = leaseYaml({ grantee: "bob", resource: "ops", role: "member", duration: "1h", reason: "Investigate the ops outage" });
    const r = check("ops", lease, { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true } }) });
    expect(summary(errors(r)).map((s) => s.split("@")[0])).toEqual(["error:lease-grantee-not-author"]);
  });

  it("allowRequestFor with a team: unresolved is a warning, resolved decides", () => {
    const policy = withResourceSettings('allowRequestFor: ["@acme/bots"]\n');
    const lease = leaseYaml({ grantee: "ci-bot", resource: "ops", role: "member", duration: "1h", reason: "Investigate the ops outage" });
    const unknown = check("ops", lease, { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true }, teams: {} }) });
    expect(summary(warnings(unknown)).map((s) => s.split("@")[0])).toEqual(["warning:check-not-made"]);
    const yes = check("ops", lease, { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true }, teams: { "acme/bots": ["ci-bot"] } }) });
    expect(summary([...errors(yes), ...warnings(yes)])).toEqual([]);
    const no = check("ops", lease, { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true }, teams: { "acme/bots": ["other-bot"] } }) });
    expect(summary(errors(no)).map((s) => s.split("@")[0])).toEqual(["error:lease-grantee-not-allowed"]);
  });
});

describe("schedule windows (web-deployers: mon-fri 08:00-18:00 Europe/Berlin)", () => {
  const at_ = (t: string) => check("web-deployers", good("web-deployers"), { now: Date.parse(t) });
  const inside = (t: string) => expect(summary(errors(at_(t))), t).toEqual([]);
  const outside = (t: string) => {
    const text = good("web-deployers");
    expect(summary(errors(at_(t))), t).toEqual([E("lease-outside-schedule", keyAt(text, "grantee"))]);
  };

  it("is judged in Berlin time, not UTC (winter, UTC+1)", () => {
    inside("2026-11-24T10:00:00Z"); // 11:00 Berlin
    inside("2026-11-24T07:00:00Z"); // 08:00 Berlin: the start is inclusive
    inside("2026-11-24T16:59:00Z"); // 17:59 Berlin
    outside("2026-11-24T17:00:00Z"); // 18:00 Berlin: the end is exclusive (but 17:00 UTC would be inside)
    outside("2026-11-24T06:59:00Z"); // 07:59 Berlin
    outside("2026-11-24T17:30:00Z");
  });

  it("is judged on the Berlin weekday", () => {
    outside("2026-11-28T10:00:00Z"); // Saturday
    outside("2026-11-29T12:00:00Z"); // Sunday
    inside("2026-11-27T16:30:00Z"); // Friday 17:30
    outside("2026-11-27T17:30:00Z"); // Friday 18:30
  });

  it("follows daylight saving time (CEST from 29 March 2026, UTC+2)", () => {
    inside("2026-03-30T06:30:00Z"); // Monday 08:30 CEST (07:30 in winter time)
    outside("2026-03-27T06:30:00Z"); // Friday 07:30 CET
    inside("2026-03-27T07:00:00Z"); // Friday 08:00 CET
    outside("2026-03-30T16:00:00Z"); // Monday 18:00 CEST (17:00 in winter time)
    inside("2026-10-23T06:00:00Z"); // Friday 08:00 CEST, before the switch back
    outside("2026-10-26T06:30:00Z"); // Monday 07:30 CET, after it
  });

  it("a notBefore inside the window makes a request outside it valid, and vice versa (at notBefore)", () => {
    const sat = Date.parse("2026-11-28T10:00:00Z");
    const ok = good("web-deployers", { notBefore: "2026-11-30T08:30:00+01:00" }); // Monday 08:30 Berlin
    expect(summary(errors(check("web-deployers", ok, { now: sat })))).toEqual([]);
    const bad = good("web-deployers", { notBefore: "2026-11-29T08:30:00+01:00" }); // Sunday
    expect(summary(errors(check("web-deployers", bad, { now: sat })))).toEqual([E("lease-outside-schedule", valueAt(bad, "notBefore"))]);
  });

  it("works in other zones: America/New_York across its DST switch, Asia/Kolkata with a half-hour offset", () => {
    const ny = withResourceSettings("schedule:\n  timezone: America/New_York\n  windows:\n    - days: [mon, tue, wed, thu, fri]\n      hours: \"09:00-17:00\"\n");
    const kol = withResourceSettings("schedule:\n  timezone: Asia/Kolkata\n  windows:\n    - days: [tue]\n      hours: \"09:00-09:30\"\n    - days: [sat, sun]\n      hours: \"00:00-24:00\"\n");
    const lease = leaseYaml({ grantee: "alice", resource: "ops", role: "member", duration: "1h", reason: "Investigate the ops outage" });
    const codesAt = (policy: string, t: string) => summary(errors(check("ops", lease, { ...base(policy), now: Date.parse(t), facts: facts({ orgMembers: { "acme/alice": true } }) }))).map((s) => s.split("@")[0]);
    expect(codesAt(ny, "2026-03-09T13:30:00Z")).toEqual([]); // Monday 09:30 EDT
    expect(codesAt(ny, "2026-03-06T13:30:00Z")).toEqual(["error:lease-outside-schedule"]); // Friday 08:30 EST
    expect(codesAt(ny, "2026-03-06T14:00:00Z")).toEqual([]); // Friday 09:00 EST
    expect(codesAt(ny, "2026-11-24T02:00:00Z")).toEqual(["error:lease-outside-schedule"]); // Monday 21:00 in New York
    expect(codesAt(kol, "2026-11-24T03:30:00Z")).toEqual([]); // Tuesday 09:00 IST
    expect(codesAt(kol, "2026-11-24T03:29:00Z")).toEqual(["error:lease-outside-schedule"]);
    expect(codesAt(kol, "2026-11-24T04:00:00Z")).toEqual(["error:lease-outside-schedule"]); // 09:30: end exclusive
    expect(codesAt(kol, "2026-11-27T18:30:00Z")).toEqual([]); // Saturday 00:00 IST, Friday in UTC
    expect(codesAt(kol, "2026-11-29T18:29:00Z")).toEqual([]); // Sunday 23:59 IST
    expect(codesAt(kol, "2026-11-29T18:30:00Z")).toEqual(["error:lease-outside-schedule"]); // Monday 00:00 IST
  });
});

describe("break-glass", () => {
  it("is refused where the resource does not allow it, at breakGlass", () => {
    const text = good("prod-db-readers", { breakGlass: true });
    expect(only(text)).toEqual([E("lease-break-glass-not-allowed", valueAt(text, "breakGlass"))]);
  });

  it("breakGlass: false is fine anywhere", () => {
    expect(check("prod-db-readers", good("prod-db-readers", { breakGlass: false })).ok).toBe(true);
  });

  it("is capped by breakGlass.maxDuration (1h on platform-admins, whose maxDuration is 4h)", () => {
    expect(check("platform-admins", good("platform-admins", { breakGlass: true, duration: "1h" })).ok).toBe(true);
    const text = good("platform-admins", { breakGlass: true, duration: "1h1m" });
    const errs = errors(check("platform-admins", text));
    expect(summary(errs)).toEqual([E("lease-duration-too-long", valueAt(text, "duration"))]);
    expect(errs[0]!.message).toMatch(/break-glass/);
  });

  it("caps an expires-based break-glass lease too", () => {
    expect(check("platform-admins", good("platform-admins", { breakGlass: true, duration: undefined, expires: iso(NOW + HOUR) })).ok).toBe(true);
    const text = good("platform-admins", { breakGlass: true, duration: undefined, expires: iso(NOW + HOUR + MINUTE) });
    expect(summary(errors(check("platform-admins", text)))).toEqual([E("lease-duration-too-long", valueAt(text, "expires"))]);
  });

  it("uses the built-in cap (1h) when breakGlass sets no maxDuration, and inherits from defaults", () => {
    const policy = MINI_POLICY.replace("resources:", "defaults:\n  breakGlass: {allowed: true}\nresources:");
    const lease = (duration: string) => leaseYaml({ grantee: "alice", resource: "ops", role: "member", duration, breakGlass: true, reason: "Investigate the ops outage" });
    const o = { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true } }) };
    expect(summary(errors(check("ops", lease("1h"), o)))).toEqual([]);
    expect(summary(errors(check("ops", lease("61m"), o))).map((s) => s.split("@")[0])).toEqual(["error:lease-duration-too-long"]);
  });
});

describe("checkLease directly", () => {
  const run = (text: string, kind: "new" | "existing", f: Facts = facts(), now = NOW) => {
    const file = "leases/prod-db-readers/a.yaml";
    const l = loadLease(file, bytes(text));
    if (!l.lease) throw new Error(JSON.stringify(l.diagnostics));
    return summary(checkLease({ file, doc: l.doc, lease: l.lease, folder: "prod-db-readers", policy: policyOf(EXAMPLE_POLICY.toString()), kind, now, author: "alice", facts: f }));
  };

  it("existing leases are not judged by the moment (past notBefore, past expiry are fine)", () => {
    const text = good("prod-db-readers", { duration: undefined, notBefore: "2026-01-01T08:00:00Z", expires: "2026-01-01T18:00:00Z" });
    expect(run(text, "existing")).toEqual([]);
    expect(run(text, "new").map((s) => s.split("@")[0]).sort()).toEqual(["error:lease-expires-past", "error:lease-not-before-past"]);
  });

  it("existing leases still obey the moment-free rules", () => {
    expect(run(good("prod-db-readers", { duration: "2d" }), "existing").map((s) => s.split("@")[0])).toEqual(["error:lease-duration-too-long"]);
    expect(run(good("prod-db-readers", { role: "maintainer" }), "existing").map((s) => s.split("@")[0])).toEqual(["error:lease-role-not-allowed"]);
    const nb = good("prod-db-readers", { duration: undefined, notBefore: "2026-01-02T08:00:00Z", expires: "2026-01-01T18:00:00Z" });
    expect(run(nb, "existing").map((s) => s.split("@")[0])).toEqual(["error:lease-not-before-after-expiry"]);
  });
});

describe("the whole repo (validateRepo): existing leases", () => {
  const repo = (files: Record<string, string>) =>
    validateRepo({
      policyPath: "policy.yaml",
      policy: EXAMPLE_POLICY,
      codeowners: { path: ".github/CODEOWNERS", bytes: EXAMPLE_CODEOWNERS },
      files: Object.entries(files).map(([path, text]) => ({ path, mode: "file" as const, bytes: bytes(text) })),
      now: NOW,
    });

  it("accepts valid leases and placeholders and ignores files outside leases/", () => {
    const r = repo({ [leasePath("prod-db-readers")]: good("prod-db-readers"), "leases/web-deployers/.gitkeep": "" });
    expect(r.ok).toBe(true);
    expect(summary([...errors(r), ...warnings(r)])).toEqual([]);
  });

  it("reports each bad lease with its code", () => {
    const r = repo({
      "leases/prod-db-readers/a.yaml": good("platform-admins"),
      "leases/prod-db-readers/b.yaml": good("prod-db-readers", { reason: "short" }),
      "leases/prod-db-readers/README.md": "# leases\n",
      "leases/prod-db-readers/c.yaml": "role: [\n",
    });
    expect(r.ok).toBe(false);
    const by = (f: string) => r.files.find((x) => x.file === f)!.errors.map((d) => d.code);
    expect(by("leases/prod-db-readers/a.yaml")).toEqual(["lease-folder-mismatch"]);
    expect(by("leases/prod-db-readers/b.yaml")).toEqual(["lease-reason-too-short"]);
    expect(by("leases/prod-db-readers/README.md")).toEqual(["lease-path-name"]);
    expect(by("leases/prod-db-readers/c.yaml")[0]).toMatch(/^yaml-/);
  });

  it("refuses a symlink under leases/", () => {
    const r = validateRepo({
      policyPath: "policy.yaml",
      policy: EXAMPLE_POLICY,
      codeowners: { path: ".github/CODEOWNERS", bytes: EXAMPLE_CODEOWNERS },
      files: [{ path: "leases/prod-db-readers/a.yaml", mode: "symlink", bytes: bytes("../../policy.yaml") }],
      now: NOW,
    });
    expect(summary(errors(r))).toEqual(["error:lease-symlink@1:1"]);
  });

  it("reports a missing policy", () => {
    const r = validateRepo({ policyPath: "policy.yaml", files: [], now: NOW });
    expect(summary(errors(r))).toEqual(["error:policy-missing@1:1"]);
  });
});
