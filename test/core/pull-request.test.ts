/**
 * Pull request rules (validatePullRequest with FileChange inputs): lease requests change
 * nothing else; policy changes are checked and need a CODEOWNERS that matches the new
 * policy; CODEOWNERS must match the policy; existing leases may only be extended, within
 * limits counted from history; deletions are always allowed; lease paths are strict.
 */
import { describe, expect, it } from "vitest";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { neededFacts } from "../../src/validate/needed-facts.js";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import type { FileChange } from "../../src/validate/inputs.js";
import {
  CODEOWNERS_PATH,
  E,
  EXAMPLE_CODEOWNERS_TEXT,
  EXAMPLE_POLICY_TEXT,
  HOUR,
  MINI_POLICY,
  MINUTE,
  NOW,
  added,
  at,
  base,
  codeownersFor,
  errorCodes,
  errorWith,
  errors,
  facts,
  fileReport,
  good,
  iso,
  leasePath,
  leaseYaml,
  modified,
  noFacts,
  policyOf,
  prInput,
  removed,
  renamed,
  summary,
  valueAt,
  warnings,
  withResourceSettings,
} from "./support.js";
import type { PrOptions } from "./support.js";

const pr = (changes: FileChange[], o: PrOptions = {}) => validatePullRequest(prInput(changes, o));
const codesOf = (changes: FileChange[], o: PrOptions = {}) => errorCodes(pr(changes, o)).sort();

describe("a lease request changes nothing else", () => {
  const lease = () => added(leasePath("prod-db-readers"), good("prod-db-readers"));

  it("a lease-only pull request is valid", () => {
    const r = pr([lease()]);
    expect(r.ok).toBe(true);
    expect(fileReport(r, leasePath("prod-db-readers")).action).toBe("new lease");
  });

  it.each([
    ["policy.yaml", EXAMPLE_POLICY_TEXT.replace("maxDuration: 1d", "maxDuration: 2d")],
    [CODEOWNERS_PATH, EXAMPLE_CODEOWNERS_TEXT + "/leases/prod-db-readers/ @mallory\n"],
    ["CODEOWNERS", "* @mallory\n"],
    ["README.md", "# access\n"],
    ["schemas/lease.v1.schema.json", "{}\n"],
    [".github/workflows/validate.yml", "on: push\n"],
    ["leases.yaml", "x: 1\n"],
  ])("adding a lease and changing %s: change-mixed on the other file", (path, text) => {
    const r = pr([lease(), modified(path, "old\n", text)]);
    expect(r.ok).toBe(false);
    const mixed = errors(r).filter((d) => d.code === "change-mixed");
    expect(mixed.map((d) => d.file)).toEqual([path]);
  });

  it("the leases of a mixed pull request are judged by the base policy, not the pull request's", () => {
    // The PR raises prod-db-readers' maxDuration to 2d and asks for 2d in the same PR.
    const newPolicy = EXAMPLE_POLICY_TEXT.replace("    maxDuration: 1d\n", "    maxDuration: 2d\n");
    const text = good("prod-db-readers", { duration: "2d" });
    const r = pr([modified("policy.yaml", EXAMPLE_POLICY_TEXT, newPolicy), modified(CODEOWNERS_PATH, EXAMPLE_CODEOWNERS_TEXT, codeownersFor(newPolicy)), added(leasePath("prod-db-readers"), text)]);
    expect(r.ok).toBe(false);
    expect(summary(fileReport(r, leasePath("prod-db-readers")).errors)).toEqual([E("lease-duration-too-long", valueAt(text, "duration"))]);
    expect(errors(r).filter((d) => d.code === "change-mixed").map((d) => d.file).sort()).toEqual([CODEOWNERS_PATH, "policy.yaml"]);
  });

  it("a new resource added in the same pull request does not exist for its leases", () => {
    const newPolicy = EXAMPLE_POLICY_TEXT + "\n  secrets:\n    provider: {type: github-team, org: acme, team: secrets}\n    roles: [member]\n    approvers: [mallory]\n";
    const text = leaseYaml({ grantee: "alice", resource: "secrets", role: "member", duration: "1h", reason: "Read the secrets, urgently" });
    const r = pr([modified("policy.yaml", EXAMPLE_POLICY_TEXT, newPolicy), added(leasePath("secrets"), text)]);
    // The lease is judged by the base policy (no such resource); CODEOWNERS by the new one.
    expect(errorCodes(r).sort()).toEqual(["change-mixed", "codeowners-out-of-sync", "lease-unknown-resource"]);
  });

  it("deleting a lease and changing the policy is mixed too", () => {
    expect(codesOf([removed(leasePath("prod-db-readers"), good("prod-db-readers")), modified("README.md", "a", "b")])).toEqual(["change-mixed"]);
  });

  it("a pull request that changes only other files is valid and says it has no lease changes", () => {
    const r = pr([modified("README.md", "a\n", "b\n")]);
    expect(r.ok).toBe(true);
    expect(r.notes.join(" ")).toMatch(/No lease changes/);
  });
});

describe("policy changes", () => {
  const newPolicy = EXAMPLE_POLICY_TEXT + "\n  secrets:\n    provider: {type: github-team, org: acme, team: secrets}\n    roles: [member]\n    approvers: [\"@acme/security\"]\n";

  it("a valid policy change with the CODEOWNERS it implies is valid, with a note naming the admins", () => {
    const r = pr([modified("policy.yaml", EXAMPLE_POLICY_TEXT, newPolicy), modified(CODEOWNERS_PATH, EXAMPLE_CODEOWNERS_TEXT, codeownersFor(newPolicy))]);
    expect(summary(errors(r))).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.notes.join(" ")).toContain("@acme/security-admins");
  });

  it("CODEOWNERS must match the NEW policy: the old one fails, with the exact expected file in the hint", () => {
    const r = pr([modified("policy.yaml", EXAMPLE_POLICY_TEXT, newPolicy)]);
    const d = errorWith(r, "codeowners-out-of-sync");
    expect(d.file).toBe(CODEOWNERS_PATH);
    expect(d.hint).toContain(generateCodeowners(policyOf(newPolicy), "policy.yaml"));
    expect(d.message).toContain("/leases/secrets/");
  });

  it("a CODEOWNERS made for the new policy does not pass against the base when the new policy is invalid", () => {
    const broken = newPolicy + "    frob: 1\n";
    const r = pr([modified("policy.yaml", EXAMPLE_POLICY_TEXT, broken), modified(CODEOWNERS_PATH, EXAMPLE_CODEOWNERS_TEXT, codeownersFor(newPolicy))]);
    expect(r.ok).toBe(false);
    expect(summary(fileReport(r, "policy.yaml").errors)).toEqual([E("policy-unknown-field", at(broken, "frob"))]);
    expect(errorCodes(r)).toContain("codeowners-out-of-sync");
  });

  it("the new policy is schema-checked, with positions", () => {
    const text = EXAMPLE_POLICY_TEXT.replace("    maxDuration: 1d\n", "    maxDuration: forever\n");
    const r = pr([modified("policy.yaml", EXAMPLE_POLICY_TEXT, text)]);
    expect(summary(errors(r))).toEqual([E("policy-schema-format", at(text, "forever"))]);
  });

  it("the new policy's semantic checks run too", () => {
    const text = EXAMPLE_POLICY_TEXT.replace("approvers: [group:security]", "approvers: [group:auditors]");
    const r = pr([modified("policy.yaml", EXAMPLE_POLICY_TEXT, text)]);
    expect(errorCodes(r)).toContain("policy-unknown-group");
  });

  it("deleting the policy is refused", () => {
    const r = pr([removed("policy.yaml", EXAMPLE_POLICY_TEXT)]);
    expect(errorCodes(r)).toContain("policy-removed");
  });

  it("renaming the policy away is refused like deleting it", () => {
    // Regression (fixed): validate-pull-request.ts treats a rename of policy.yaml (previousPath ===
    // policyPath) as a policy change and loads the renamed file as the new policy; after
    // merge the repo has no policy.yaml. It should report policy-removed.
    const r = pr([renamed("policy.yaml", "policy-old.yaml", EXAMPLE_POLICY_TEXT)]);
    expect(r.ok).toBe(false);
    expect(errorCodes(r)).toContain("policy-removed");
  });

  it("a policy symlink is not a policy", () => {
    const r = pr([{ status: "modified", path: "policy.yaml", base: { path: "policy.yaml", mode: "file", bytes: Buffer.from(EXAMPLE_POLICY_TEXT) }, head: { path: "policy.yaml", mode: "symlink", bytes: Buffer.from("examples/policy.yaml") } }]);
    expect(r.ok).toBe(false);
  });
});

describe("CODEOWNERS", () => {
  const lease = () => added(leasePath("prod-db-readers"), good("prod-db-readers"));
  const withCo = (text: string, path = CODEOWNERS_PATH) => pr([lease()], { baseCodeowners: { path, bytes: text } });

  it("out of sync with the base policy: codeowners-out-of-sync at the first differing line, hint = the exact file", () => {
    const text = EXAMPLE_CODEOWNERS_TEXT.replace("/leases/prod-db-readers/   @acme/dba", "/leases/prod-db-readers/   @acme/dba @mallory");
    const r = withCo(text);
    expect(r.ok).toBe(false);
    const d = errorWith(r, "codeowners-out-of-sync");
    expect(d).toMatchObject({ file: CODEOWNERS_PATH, line: at(text, "/leases/prod-db-readers/").line, column: 1 });
    expect(d.hint).toContain(generateCodeowners(policyOf(EXAMPLE_POLICY_TEXT), "policy.yaml"));
    expect(d.hint!.endsWith(EXAMPLE_CODEOWNERS_TEXT)).toBe(true);
  });

  it.each([
    ["a lease folder line removed", EXAMPLE_CODEOWNERS_TEXT.replace(/^\/leases\/web-deployers\/.*\n/m, "")],
    ["an extra rule after the generated ones", EXAMPLE_CODEOWNERS_TEXT + "/leases/ @mallory\n"],
    ["the catch-all moved last (last match wins)", EXAMPLE_CODEOWNERS_TEXT.replace(/^\*\s+@acme\/security-admins\n/m, "") + "* @acme/security-admins\n"],
    ["an owner swapped", EXAMPLE_CODEOWNERS_TEXT.replace("@acme/dba", "@acme/dbas")],
    ["an owner dropped", EXAMPLE_CODEOWNERS_TEXT.replace(" @carol @dave", " @carol")],
    ["an empty file", ""],
    ["policy.yaml no longer re-asserted", EXAMPLE_CODEOWNERS_TEXT.replace(/^\/policy\.yaml.*\n/m, "")],
  ])("%s is out of sync", (_name, text) => {
    expect(errorCodes(withCo(text))).toEqual(["codeowners-out-of-sync"]);
  });

  it.each([
    ["different comments and spacing", EXAMPLE_CODEOWNERS_TEXT.replace(/^#.*$/gm, "# mine").replace(/ +/g, "\t")],
    ["owners in another order", EXAMPLE_CODEOWNERS_TEXT.replace("@acme/sre-leads @carol @dave", "@dave @carol @acme/sre-leads")],
    ["CRLF line endings", EXAMPLE_CODEOWNERS_TEXT.replace(/\n/g, "\r\n")],
  ])("%s is still in sync", (_name, text) => {
    expect(summary(errors(withCo(text)))).toEqual([]);
  });

  it("GitHub's other CODEOWNERS locations count", () => {
    expect(withCo(EXAMPLE_CODEOWNERS_TEXT, "CODEOWNERS").ok).toBe(true);
    expect(withCo(EXAMPLE_CODEOWNERS_TEXT, "docs/CODEOWNERS").ok).toBe(true);
  });

  it("a missing CODEOWNERS fails", () => {
    const r = pr([lease()], { baseCodeowners: null });
    expect(summary(errors(r))).toEqual(["error:codeowners-missing@1:1"]);
    expect(errors(r)[0]!.file).toBe(CODEOWNERS_PATH);
    expect(errors(r)[0]!.hint).toContain(EXAMPLE_CODEOWNERS_TEXT);
  });

  it("deleting CODEOWNERS fails", () => {
    const r = pr([removed(CODEOWNERS_PATH, EXAMPLE_CODEOWNERS_TEXT)]);
    expect(errorCodes(r)).toEqual(["codeowners-missing"]);
  });

  it("a CODEOWNERS that is not UTF-8 fails", () => {
    const r = pr([lease()], { baseCodeowners: { path: CODEOWNERS_PATH, bytes: Buffer.from([0x2a, 0x20, 0xff, 0x0a]) } });
    expect(errorCodes(r)).toEqual(["file-not-utf8"]);
  });

  it("a pull request that fixes an out-of-sync CODEOWNERS is valid", () => {
    const stale = EXAMPLE_CODEOWNERS_TEXT.replace("@acme/dba", "@acme/old-dba");
    const r = pr([modified(CODEOWNERS_PATH, stale, EXAMPLE_CODEOWNERS_TEXT)], { baseCodeowners: { path: CODEOWNERS_PATH, bytes: stale } });
    expect(summary(errors(r))).toEqual([]);
  });

  it("a pull request cannot sneak a CODEOWNERS change past the check", () => {
    const r = pr([modified(CODEOWNERS_PATH, EXAMPLE_CODEOWNERS_TEXT, EXAMPLE_CODEOWNERS_TEXT.replace("@acme/dba", "@mallory"))]);
    expect(errorCodes(r)).toEqual(["codeowners-out-of-sync"]);
  });
});

describe("changing an existing lease (extension)", () => {
  // platform-admins: maxDuration 4h, maxExtensions 1 (defaults), maxTotalDuration 8h.
  const FILE = leasePath("platform-admins", "alice-inc-1234.yaml");
  const before = good("platform-admins");
  const granted = { addedAt: NOW - HOUR, extensions: 0 }; // window NOW-1h .. NOW+3h
  const extend = (after: string, history: { addedAt: number; extensions: number } | null = granted, o: PrOptions = {}) => pr([modified(FILE, before, after, history ?? undefined)], o);

  it("may extend within maxExtensions and maxTotalDuration", () => {
    const r = extend(good("platform-admins", { duration: "8h" }));
    expect(summary([...errors(r), ...warnings(r)])).toEqual([]);
    expect(fileReport(r, FILE).action).toBe("extension");
  });

  it("may switch to an expires that is later", () => {
    const r = extend(good("platform-admins", { duration: undefined, expires: iso(NOW + 5 * HOUR) }));
    expect(summary(errors(r))).toEqual([]);
  });

  it("may change the reason and ticket while extending", () => {
    const r = extend(good("platform-admins", { duration: "5h", reason: "Rotation took longer than planned, INC-1234", ticket: "CHG-1" }));
    expect(summary(errors(r))).toEqual([]);
  });

  it("refuses going past maxTotalDuration, at the duration", () => {
    const text = good("platform-admins", { duration: "8h1m" });
    expect(summary(errors(extend(text)))).toEqual([E("lease-total-duration-exceeded", valueAt(text, "duration"))]);
  });

  it("refuses an extension beyond maxExtensions, counting earlier ones", () => {
    const text = good("platform-admins", { duration: "6h" });
    expect(summary(errors(extend(text, { addedAt: NOW - HOUR, extensions: 1 })))).toEqual([E("lease-too-many-extensions", valueAt(text, "duration"))]);
  });

  it("refuses shortening or keeping the expiry", () => {
    for (const duration of ["2h", "4h"]) {
      const text = good("platform-admins", { duration });
      expect(summary(errors(extend(text))), duration).toEqual([E("lease-extension-not-longer", valueAt(text, "duration"))]);
    }
    const earlier = good("platform-admins", { duration: undefined, expires: iso(NOW + HOUR) });
    expect(errorCodes(extend(earlier))).toEqual(["lease-extension-not-longer"]);
  });

  it("refuses extending an expired lease", () => {
    const text = good("platform-admins", { duration: "8h" });
    expect(summary(errors(extend(text, { addedAt: NOW - 5 * HOUR, extensions: 0 })))).toEqual([E("lease-extension-expired", valueAt(text, "duration"))]);
    expect(errorCodes(extend(text, { addedAt: NOW - 4 * HOUR, extensions: 0 }))).toEqual(["lease-extension-expired"]); // ends exactly now
  });

  it.each([
    ["grantee", { grantee: "mallory" }],
    ["role", { role: "member" }],
    ["notBefore", { notBefore: iso(NOW - 30 * MINUTE) }],
    ["breakGlass", { breakGlass: true }],
  ])("refuses changing %s (lease-immutable-field, at the field)", (field, change) => {
    const text = good("platform-admins", { duration: "5h", ...change });
    const errs = errors(extend(text, granted, { author: field === "grantee" ? "mallory" : "alice", facts: facts({ teams: { "acme/engineering": ["alice", "mallory"] } }) }));
    const immutable = errs.filter((d) => d.code === "lease-immutable-field");
    expect(summary(immutable)).toEqual([E("lease-immutable-field", valueAt(text, field))]);
  });

  it("refuses changing the resource", () => {
    const text = good("platform-admins", { resource: "prod-db-readers", role: "member" });
    const codes = errorCodes(extend(text));
    expect(codes).toContain("lease-immutable-field");
    expect(codes).toContain("lease-folder-mismatch");
  });

  it("refuses a zero duration (deleting is the way to end early)", () => {
    expect(errorCodes(extend(good("platform-admins", { duration: "0m" })))).toContain("lease-duration-zero");
  });

  it("without history the limits are not checked: a warning, an error under strict", () => {
    const text = good("platform-admins", { duration: "8h" });
    const lax = extend(text, null);
    expect(lax.ok).toBe(true);
    expect(summary(warnings(lax))).toEqual([E("check-not-made", valueAt(text, "duration"), "warning")]);
    const strict = extend(text, null, { strict: true });
    expect(summary(errors(strict))).toEqual([E("check-not-made", valueAt(text, "duration"))]);
  });

  it("uses an explicit maxTotalDuration and maxExtensions", () => {
    const policy = withResourceSettings("maxDuration: 2h\nmaxExtensions: 3\nmaxTotalDuration: 5h\n");
    const lease = (duration: string) => leaseYaml({ grantee: "alice", resource: "ops", role: "member", duration, reason: "Investigate the ops outage" });
    const file = leasePath("ops");
    const o = { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true } }) };
    const go = (after: string, extensions: number) => errorCodes(pr([modified(file, lease("2h"), lease(after), { addedAt: NOW - HOUR, extensions })], o));
    expect(go("5h", 2)).toEqual([]);
    expect(go("5h1m", 0)).toEqual(["lease-total-duration-exceeded"]);
    expect(go("3h", 3)).toEqual(["lease-too-many-extensions"]);
  });

  it("extendAfter: refuses an extension before that fraction of the window has passed", () => {
    const policy = withResourceSettings("maxExtensions: 1\nextendAfter: 0.5\n");
    const lease = (duration: string) => leaseYaml({ grantee: "alice", resource: "ops", role: "member", duration, reason: "Investigate the ops outage" });
    const file = leasePath("ops");
    const o = { ...base(policy), facts: facts({ orgMembers: { "acme/alice": true } }) };
    expect(errorCodes(pr([modified(file, lease("4h"), lease("6h"), { addedAt: NOW - HOUR, extensions: 0 })], o))).toEqual(["lease-extension-too-early"]);
    expect(errorCodes(pr([modified(file, lease("4h"), lease("6h"), { addedAt: NOW - 2 * HOUR, extensions: 0 })], o))).toEqual([]);
  });

  it("a changed file whose base version was not a valid lease is judged as a new lease", () => {
    const r = pr([modified(leasePath("prod-db-readers"), "garbage: [\n", good("prod-db-readers"))]);
    expect(summary(errors(r))).toEqual([]);
    expect(fileReport(r, leasePath("prod-db-readers")).action).toBe("new lease");
  });
});

describe("deleting a lease", () => {
  it.each([
    ["a valid lease", good("platform-admins")],
    ["someone else's lease", good("platform-admins", { grantee: "bob" })],
    ["an invalid lease", "grantee: [\n"],
    ["a lease of an unknown resource", good("prod-db-readers", { resource: "ghost" })],
  ])("is always allowed: %s", (_name, text) => {
    const r = pr([removed(leasePath("platform-admins"), text)], { author: "carol", facts: noFacts(), strict: true });
    expect(summary(errors(r))).toEqual([]);
    expect(fileReport(r, leasePath("platform-admins")).action).toMatch(/removed/);
  });

  it("deleting many leases and a placeholder is fine", () => {
    const r = pr([removed(leasePath("platform-admins", "a.yaml"), "x"), removed(leasePath("prod-db-readers", "b.yaml"), "y"), removed("leases/web-deployers/.gitkeep", "")]);
    expect(r.ok).toBe(true);
  });
});

describe("renames", () => {
  it("refuses a rename across resource folders", () => {
    const r = pr([renamed(leasePath("prod-db-readers"), leasePath("platform-admins"), good("prod-db-readers"), good("platform-admins"))]);
    expect(summary(errors(r))).toEqual(["error:lease-rename-across-resources@1:1"]);
    expect(errors(r)[0]!.file).toBe(leasePath("platform-admins"));
  });

  it("refuses moving a lease out of leases/ or a file into leases/ as part of a lease change", () => {
    expect(errorCodes(pr([renamed(leasePath("prod-db-readers"), "archive/a.yaml", good("prod-db-readers"))]))).toContain("change-mixed");
    expect(errorCodes(pr([renamed("drafts/a.yaml", leasePath("prod-db-readers"), good("prod-db-readers"))]))).toContain("change-mixed");
  });
});

describe("lease paths", () => {
  const text = good("prod-db-readers");
  it.each([
    ["leases/prod-db-readers/a.yaml"],
    ["leases/prod-db-readers/a.yml"],
    ["leases/prod-db-readers/alice-2026-11-24_1.yaml"],
  ])("accepts %s", (path) => {
    expect(summary(errors(pr([added(path, text)])))).toEqual([]);
  });

  it.each([
    ["leases/prod-db-readers/sub/a.yaml", "lease-path-layout"],
    ["leases/a.yaml", "lease-path-layout"],
    ["leases/prod-db-readers/README.md", "lease-path-name"],
    ["leases/prod-db-readers/notes.txt", "lease-path-name"],
    ["leases/prod-db-readers/a.yaml.txt", "lease-path-name"],
    ["leases/prod-db-readers/a.YAML", "lease-path-name"],
    ["leases/prod-db-readers/.a.yaml", "lease-path-name"],
    ["leases/prod-db-readers/a b.yaml", "lease-path-name"],
    ["leases/prod-db-readers/-a.yaml", "lease-path-name"],
    ["leases/Prod-DB-Readers/a.yaml", "lease-path-layout"],
    ["leases/../policy.yaml", "lease-path-traversal"],
    ["leases/prod-db-readers/../platform-admins/a.yaml", "lease-path-traversal"],
    ["leases/prod-db-readers/./a.yaml", "lease-path-traversal"],
    ["leases//a.yaml", "lease-path-traversal"],
    ["leases/prod-db-readers/a\\b.yaml", "lease-path-traversal"],
    ["leases/prod-db-readers/sub/.gitkeep", "lease-path-layout"],
  ])("refuses %s (%s) at 1:1 of that file", (path, code) => {
    const r = pr([added(path, text)]);
    expect(summary(errors(r))).toEqual([`error:${code}@1:1`]);
    expect(errors(r)[0]!.file).toBe(path);
  });

  it("allows .gitkeep placeholders, whatever they contain", () => {
    expect(pr([added("leases/web-deployers/.gitkeep", "")]).ok).toBe(true);
    expect(pr([added("leases/.gitkeep", "")]).ok).toBe(true);
    expect(fileReport(pr([added("leases/web-deployers/.gitkeep", "")]), "leases/web-deployers/.gitkeep").action).toBe("placeholder");
  });

  it("refuses a symlinked lease and a symlinked .gitkeep", () => {
    expect(summary(errors(pr([added(leasePath("prod-db-readers"), "../../policy.yaml", "symlink")])))).toEqual(["error:lease-symlink@1:1"]);
    expect(errorCodes(pr([added("leases/web-deployers/.gitkeep", "/etc/passwd", "symlink")]))).toEqual(["lease-symlink"]);
  });

  it("refuses a lease that became a symlink", () => {
    const c: FileChange = { status: "modified", path: leasePath("prod-db-readers"), base: { path: leasePath("prod-db-readers"), mode: "file", bytes: Buffer.from(text) }, head: { path: leasePath("prod-db-readers"), mode: "symlink", bytes: Buffer.from("../platform-admins/alice-inc-1234.yaml") } };
    expect(errorCodes(pr([c]))).toEqual(["lease-symlink"]);
  });

  it("refuses a submodule under leases/", () => {
    expect(errorCodes(pr([added(leasePath("prod-db-readers", "sub.yaml"), "", "submodule")]))).toEqual(["lease-not-a-file"]);
  });
});

describe("the base branch", () => {
  it("without a policy, nothing passes", () => {
    const r = pr([added(leasePath("prod-db-readers"), good("prod-db-readers"))], { basePolicy: null });
    expect(summary(errors(r))).toEqual(["error:policy-missing@1:1"]);
  });

  it("with an invalid policy, nothing passes", () => {
    const r = pr([added(leasePath("prod-db-readers"), good("prod-db-readers"))], { basePolicy: "version: 1\n" });
    expect(r.ok).toBe(false);
    expect(errors(r).every((d) => d.file === "policy.yaml" && d.message.startsWith("Base branch policy is invalid"))).toBe(true);
  });
});

describe("neededFacts: the shell asks the API only what the core needs", () => {
  const q = (changes: FileChange[], author: string | null = "alice") => {
    const input = prInput(changes, { author });
    return neededFacts(input);
  };

  it("a platform-admins lease needs @acme/engineering's members", () => {
    expect(q([added(leasePath("platform-admins"), good("platform-admins"))])).toEqual({ teams: ["acme/engineering"], orgMembers: [], twoFactorOrgs: ["acme"] });
  });

  it("a prod-db-readers lease needs the author's membership of acme", () => {
    expect(q([added(leasePath("prod-db-readers"), good("prod-db-readers"))])).toEqual({ teams: [], orgMembers: [{ org: "acme", login: "alice" }], twoFactorOrgs: ["acme"] });
  });

  it("groups are expanded to their teams; logins need nothing", () => {
    const policy = MINI_POLICY.replace("resources:", 'groups:\n  oncall: [erin, "@acme/OnCall"]\nresources:') + '    requesters: [frank, group:oncall]\n    allowRequestFor: ["@acme/bots", deploy-bot]\n';
    const lease = leaseYaml({ grantee: "alice", resource: "ops", role: "member", duration: "1h", reason: "Investigate the ops outage" });
    const input = prInput([added(leasePath("ops"), lease)], base(policy));
    expect(neededFacts(input)).toEqual({ teams: ["acme/bots", "acme/oncall"], orgMembers: [], twoFactorOrgs: ["acme"] });
  });

  it("nothing without an author, for invalid leases, or for deletions", () => {
    expect(q([added(leasePath("platform-admins"), good("platform-admins"))], null)).toEqual({ teams: [], orgMembers: [] });
    expect(q([added(leasePath("platform-admins"), "grantee: [\n")])).toEqual({ teams: [], orgMembers: [] });
    expect(q([removed(leasePath("platform-admins"), good("platform-admins"))])).toEqual({ teams: [], orgMembers: [] });
  });

  it("the facts it asks for are enough for a clean report", () => {
    const changes = [added(leasePath("platform-admins"), good("platform-admins"))];
    const asked = q(changes);
    const f = facts({ teams: Object.fromEntries(asked.teams.map((t) => [t, ["alice"]])), orgMembers: Object.fromEntries(asked.orgMembers.map((m) => [`${m.org}/${m.login}`, true])) });
    const r = pr(changes, { facts: f, strict: true });
    expect(summary([...errors(r), ...warnings(r)])).toEqual([]);
  });
});
