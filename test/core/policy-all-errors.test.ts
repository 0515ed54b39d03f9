/**
 * Issue 14: a policy with several mistakes reports them all at once — the schema's and those
 * the schema cannot express — without knock-on errors ("1 distinct approvals are required
 * but only 0 people are listed" after an unknown group), and one YAML mistake is reported once.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { bytes } from "./support.js";

const load = (text: string) => loadPolicy("policy.yaml", bytes(text));
const found = (text: string) => load(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);

const resource = (settings: string) => `version: 1
admins: [alice]
resources:
  db:
    provider:
      type: github-team
      org: acme
      team: db
    roles: [member]
${settings}`;

describe("policy errors, all at once", () => {
  it("a schema error no longer hides an unknown group (reported after a fix, before)", () => {
    const text = resource("    approvers: [group:nope]\n    maxDuration: 4 hours\n");
    expect(found(text)).toEqual(["10:17 policy-unknown-group", "11:18 policy-schema-format"]);
    expect(load(text).policy).toBeUndefined();
  });

  it("no knock-on 'N distinct approvals are required but only 0 people are listed' after an unknown group", () => {
    for (const settings of ["    approvers: [group:nope]\n", "    approvals:\n      - from: [group:nope]\n        count: 1\n"]) {
      const d = load(resource(settings)).diagnostics;
      expect(d.map((x) => x.code)).toEqual(["policy-unknown-group"]);
      expect(d.map((x) => x.message).join(" ")).not.toMatch(/distinct approvals/);
    }
    // Still said when the approvers really are too few.
    expect(found(resource("    approvers: [bob]\n    requiredApprovals: 2\n"))).toEqual(["11:24 policy-approvals-impossible"]);
  });

  it("errors in several resources and the defaults, of both kinds, in one report; none twice at a place", () => {
    const text = `version: 1
admins: [alice, group:ghosts]
defaults:
  maxDuration: 0m
resources:
  db:
    provider: {type: github-team, org: acme, team: db}
    roles: [member]
    approvers: "bob"
    maxTotalDuration: 0m
  web:
    provider: {type: github-repo, owner: acme, repo: web}
    roles: [push]
    approvers: [carol]
    frob: 1
    ticketPattern: "("
`;
    const all = found(text);
    expect(all).toEqual(expect.arrayContaining(["2:17 policy-unknown-group", "4:16 policy-duration-zero", "9:16 policy-schema-type", "10:23 policy-duration-zero", "15:5 policy-unknown-field", "16:20 policy-ticket-pattern"]));
    expect(new Set(all).size).toBe(all.length);
  });

  it("a schema error and a semantic check at the same value: said once, by the schema", () => {
    const all = found(resource("    approvers: [bob]\n    maxDuration: 0\n"));
    expect(all).toEqual(["11:18 policy-schema-type"]);
  });

  it("hostile shapes in a policy that fails the schema never throw", () => {
    const shapes = fc.oneof(fc.constant("[]"), fc.constant("{}"), fc.constant("1"), fc.constant('"x"'), fc.constant("null"), fc.constant("[1, {a: 2}]"), fc.constant("{from: 3}"));
    const keys = fc.constantFrom("groups", "admins", "resources", "defaults");
    const inner = fc.constantFrom("approvers", "approvals", "roles", "provider", "schedule", "standing", "requesters", "breakGlass", "ticketPattern", "maxDuration");
    fc.assert(
      fc.property(keys, shapes, inner, shapes, (top, v, key, w) => {
        const text = `version: 1\nadmins: [alice]\n${top === "admins" ? "" : `${top}: ${v}\n`}${top === "resources" ? "" : `resources:\n  db:\n    provider: {type: github-team, org: acme, team: db}\n    roles: [member]\n    ${key}: ${w}\n`}`;
        const r = load(text);
        expect(r.policy === undefined || r.diagnostics.length === 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("YAML errors", () => {
  it("a bad indent is reported once at its place, not twice (issue 14: twice at 4:11)", () => {
    const d = load("version: 1\nadmins: [alice]\nresources:\n  db: abc\n    x: 1\n").diagnostics;
    expect(d.map((x) => `${x.line}:${x.column} ${x.code}`)).toEqual(["4:7 yaml-syntax"]);
  });
});
