/**
 * The same pull request rules through real git (runValidate with --base/--head semantics):
 * diffs from the merge-base, git symlinks, renames, deletions, and extension limits counted
 * from the base branch's first-parent history (merge commits and direct commits).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { runValidate } from "../../src/commands/validate.js";
import type { ValidateOptions } from "../../src/commands/validate.js";
import { UsageError } from "../../src/diagnostics/usage-error.js";
import { leaseHistories } from "../../src/git/lease-history.js";
import type { FactQuestions } from "../../src/validate/needed-facts.js";
import { TestRepo } from "../helpers/git-repo.js";
import { E, EXAMPLE_POLICY_TEXT, NOW, codeownersFor, errorCodes, errors, facts, fileReport, good, policyOf, summary, valueAt, warnings } from "./support.js";

const T0 = "2026-11-24T09:00:00Z"; // the example repo's initial commit: alice's 4h lease runs 09:00-13:00
const repos: TestRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function repo(): TestRepo {
  const r = TestRepo.init({ time: T0 });
  repos.push(r);
  return r;
}

const ALICE = "leases/platform-admins/alice-inc-1234.yaml";
const BOB = "leases/prod-db-readers/bob-quarterly-report.yaml";
const bobLease = (expires: string) =>
  `# yaml-language-server: $schema=../../schemas/lease.v1.schema.json\ngrantee: bob\nresource: prod-db-readers\nrole: member\nexpires: ${expires}\nnotBefore: 2026-11-25T08:00:00Z\nreason: Pull figures for the quarterly revenue report\n`;

/** Facts for alice and bob: both in @acme/engineering and members of acme. */
const everyone = () => facts({ teams: { "acme/engineering": ["alice", "bob"] }, orgMembers: { "acme/alice": true, "acme/bob": true } });

function validate(r: TestRepo, o: Partial<ValidateOptions> = {}) {
  return runValidate({ repo: r.dir, now: NOW, policyPath: "policy.yaml", ...o });
}
function prCheck(r: TestRepo, head: string | undefined, author = "alice", o: Partial<ValidateOptions> = {}) {
  return validate(r, { base: "main", ...(head ? { head } : {}), author, resolveFacts: async () => everyone(), ...o });
}

describe("the example access repo in git", () => {
  it("validates cleanly as a whole, at a ref and in the working tree", async () => {
    const r = repo();
    for (const head of [undefined, "main"]) {
      const report = await validate(r, head ? { head } : {});
      expect(summary([...errors(report), ...warnings(report)])).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.files.map((f) => f.file)).toEqual([".github/CODEOWNERS", ALICE, BOB, "policy.yaml"]);
    }
  });

  it("a pull request adding a valid lease passes, committed or not yet committed", async () => {
    const r = repo();
    r.branch("req").write("leases/prod-db-readers/alice-1.yaml", good("prod-db-readers"));
    const untracked = await prCheck(r, undefined);
    expect(summary([...errors(untracked), ...warnings(untracked)])).toEqual([]);
    expect(untracked.files.map((f) => f.file)).toEqual(["leases/prod-db-readers/alice-1.yaml"]);
    r.commitAll("request");
    const committed = await prCheck(r, "req");
    expect(summary([...errors(committed), ...warnings(committed)])).toEqual([]);
  });

  it("asks the fact resolver exactly what the core needs, and without one warns", async () => {
    const r = repo();
    r.branch("req").write("leases/platform-admins/alice-1.yaml", good("platform-admins"));
    r.commitAll("request");
    const asked: FactQuestions[] = [];
    const report = await prCheck(r, "req", "alice", {
      resolveFacts: async (q) => {
        asked.push(q);
        return everyone();
      },
    });
    expect(asked).toEqual([{ teams: ["acme/engineering"], orgMembers: [], twoFactorOrgs: ["acme"] }]);
    expect(report.ok).toBe(true);
    const offline = await validate(r, { base: "main", head: "req", author: "alice" });
    expect(offline.ok).toBe(true);
    expect(summary(warnings(offline)).map((s) => s.split("@")[0])).toEqual(["warning:check-not-made"]);
    const strict = await validate(r, { base: "main", head: "req", author: "alice", strict: true });
    expect(errorCodes(strict)).toEqual(["check-not-made"]);
  });

  it("judges from the merge-base: changes on main after branching are not the PR's", async () => {
    const r = repo();
    r.branch("req").write("leases/prod-db-readers/alice-1.yaml", good("prod-db-readers"));
    r.commitAll("request");
    r.checkout("main").write("README.md", "# access repo\n");
    r.commitAll("docs on main");
    const report = await prCheck(r, "req");
    expect(report.files.map((f) => f.file)).toEqual(["leases/prod-db-readers/alice-1.yaml"]);
    expect(report.ok).toBe(true);
  });
});

describe("mixed pull requests through git", () => {
  it("policy edit + lease: change-mixed, and the lease is judged by the base policy", async () => {
    const r = repo();
    const newPolicy = EXAMPLE_POLICY_TEXT.replace("    maxDuration: 1d\n", "    maxDuration: 3d\n");
    const lease = good("prod-db-readers", { duration: "2d" });
    r.branch("req").write("policy.yaml", newPolicy).write("leases/prod-db-readers/alice-1.yaml", lease);
    r.commitAll("raise the limit and use it");
    const report = await prCheck(r, "req");
    expect(report.ok).toBe(false);
    expect(summary(fileReport(report, "policy.yaml").errors).map((s) => s.split("@")[0])).toEqual(["error:change-mixed"]);
    expect(summary(fileReport(report, "leases/prod-db-readers/alice-1.yaml").errors)).toEqual([E("lease-duration-too-long", valueAt(lease, "duration"))]);
  });

  it("CODEOWNERS edit + lease: change-mixed", async () => {
    const r = repo();
    r.branch("req").write(".github/CODEOWNERS", codeownersFor(EXAMPLE_POLICY_TEXT) + "# tweak\n").write("leases/prod-db-readers/alice-1.yaml", good("prod-db-readers"));
    r.commitAll("x");
    expect(errorCodes(await prCheck(r, "req"))).toEqual(["change-mixed"]);
  });

  it("workflow edit + lease: change-mixed", async () => {
    const r = repo();
    r.branch("req").write(".github/workflows/validate.yml", "on: push\njobs: {}\n").write("leases/prod-db-readers/alice-1.yaml", good("prod-db-readers"));
    r.commitAll("x");
    const report = await prCheck(r, "req");
    expect(errors(report).map((d) => `${d.code} ${d.file}`)).toEqual(["change-mixed .github/workflows/validate.yml"]);
  });
});

describe("policy changes through git", () => {
  const newPolicy = EXAMPLE_POLICY_TEXT + "\n  secrets:\n    provider: {type: github-team, org: acme, team: secrets}\n    roles: [member]\n    approvers: [\"@acme/security\"]\n";

  it("a policy change without regenerated CODEOWNERS fails; with it, passes", async () => {
    const r = repo();
    r.branch("policy").write("policy.yaml", newPolicy);
    r.commitAll("add secrets");
    const stale = await prCheck(r, "policy");
    const d = errors(stale).find((x) => x.code === "codeowners-out-of-sync");
    expect(d?.hint).toContain(generateCodeowners(policyOf(newPolicy), "policy.yaml"));
    r.write(".github/CODEOWNERS", codeownersFor(newPolicy));
    r.commitAll("codeowners");
    const fixed = await prCheck(r, "policy");
    expect(summary(errors(fixed))).toEqual([]);
  });

  it("renaming policy.yaml away fails", async () => {
    // Regression (fixed): see pull-request.test.ts — a rename is taken as a policy change.
    const r = repo();
    r.branch("mv");
    r.git("mv", "policy.yaml", "policy.old.yaml");
    r.commitAll("move");
    const report = await prCheck(r, "mv");
    expect(report.ok).toBe(false);
    expect(errorCodes(report)).toContain("policy-removed");
  });

  it("a base branch without CODEOWNERS fails every pull request", async () => {
    const r = repo();
    r.remove(".github/CODEOWNERS").commitAll("drop codeowners");
    r.branch("req").write("leases/prod-db-readers/alice-1.yaml", good("prod-db-readers"));
    r.commitAll("x");
    expect(errorCodes(await prCheck(r, "req"))).toEqual(["codeowners-missing"]);
  });

  it("a base branch with a stale CODEOWNERS fails every pull request", async () => {
    const r = repo();
    r.write(".github/CODEOWNERS", codeownersFor(EXAMPLE_POLICY_TEXT).replace("@acme/dba", "@acme/dba @mallory")).commitAll("stale");
    r.branch("req").write("leases/prod-db-readers/alice-1.yaml", good("prod-db-readers"));
    r.commitAll("x");
    expect(errorCodes(await prCheck(r, "req"))).toEqual(["codeowners-out-of-sync"]);
  });
});

describe("files under leases/ through git", () => {
  it("refuses a symlinked lease (a real git symlink), in the PR, at the ref and in the working tree", async () => {
    const r = repo();
    r.branch("link").symlink("leases/prod-db-readers/alice-1.yaml", "../platform-admins/alice-inc-1234.yaml");
    const wt = await prCheck(r, undefined);
    expect(errors(wt).map((d) => `${d.code} ${d.file}`)).toEqual(["lease-symlink leases/prod-db-readers/alice-1.yaml"]);
    r.commitAll("link");
    expect(r.git("ls-files", "-s", "leases/prod-db-readers/alice-1.yaml").startsWith("120000")).toBe(true);
    expect(errorCodes(await prCheck(r, "link"))).toEqual(["lease-symlink"]);
    expect(errorCodes(await validate(r, { head: "link" }))).toEqual(["lease-symlink"]);
    expect(errorCodes(await validate(r))).toEqual(["lease-symlink"]);
  });

  it("refuses a symlinked resource folder", async () => {
    const r = repo();
    r.branch("dirlink").symlink("leases/prod-db-readers-2", "platform-admins");
    r.commitAll("dirlink");
    const report = await prCheck(r, "dirlink");
    expect(report.ok).toBe(false);
    expect(errors(report).map((d) => d.file)).toEqual(["leases/prod-db-readers-2"]);
    expect(errorCodes(await validate(r, { head: "dirlink" }))).not.toEqual([]);
  });

  it("refuses a symlink to a file outside the repo", async () => {
    const r = repo();
    r.branch("link").symlink("leases/prod-db-readers/passwd.yaml", "/etc/passwd");
    r.commitAll("link");
    expect(errorCodes(await prCheck(r, "link"))).toEqual(["lease-symlink"]);
  });

  it("refuses other files and nested folders under leases/, allows .gitkeep", async () => {
    const r = repo();
    r.branch("junk")
      .write("leases/prod-db-readers/README.md", "# readme\n")
      .write("leases/prod-db-readers/2026/alice.yaml", good("prod-db-readers"))
      .write("leases/prod-db-readers/bad name.yaml", good("prod-db-readers"))
      .write("leases/new-folder/.gitkeep", "");
    r.commitAll("junk");
    const report = await prCheck(r, "junk");
    const byFile = Object.fromEntries(report.files.map((f) => [f.file, f.errors.map((d) => d.code)]));
    expect(byFile).toEqual({
      "leases/new-folder/.gitkeep": [],
      "leases/prod-db-readers/2026/alice.yaml": ["lease-path-layout"],
      "leases/prod-db-readers/README.md": ["lease-path-name"],
      "leases/prod-db-readers/bad name.yaml": ["lease-path-name"],
    });
  });

  it("a deleted lease is an early revoke, always allowed", async () => {
    const r = repo();
    r.branch("revoke").remove(ALICE);
    r.commitAll("revoke");
    const report = await prCheck(r, "revoke", "carol", { strict: true });
    expect(summary(errors(report))).toEqual([]);
    expect(fileReport(report, ALICE).action).toMatch(/removed/);
  });

  it("a lease moved to another resource's folder is refused", async () => {
    const r = repo();
    r.branch("mv");
    r.git("mv", BOB, "leases/platform-admins/bob-quarterly-report.yaml");
    r.commitAll("move");
    const report = await prCheck(r, "mv", "bob");
    expect(errorCodes(report)).toEqual(["lease-rename-across-resources"]);
  });
});

describe("extensions, counted from git history", () => {
  it("extends within the limits", async () => {
    const r = repo();
    r.branch("ext").write(ALICE, good("platform-admins", { duration: "8h" }));
    r.commitAll("extend", "2026-11-24T09:45:00Z");
    const report = await prCheck(r, "ext");
    expect(summary([...errors(report), ...warnings(report)])).toEqual([]);
    expect(fileReport(report, ALICE).action).toBe("extension");
  });

  it("the grant time is the commit on the base branch that added the lease", async () => {
    const r = repo();
    // Added at 09:00 with 4h: ends 13:00. At 13:30 it has expired and cannot be extended.
    r.branch("ext").write(ALICE, good("platform-admins", { duration: "8h" }));
    r.commitAll("extend");
    const late = await prCheck(r, "ext", "alice", { now: Date.parse("2026-11-24T13:30:00Z") });
    expect(errorCodes(late)).toEqual(["lease-extension-expired"]);
  });

  it("a second extension after a merged one exceeds maxExtensions (1)", async () => {
    const r = repo();
    r.branch("ext1").write(BOB, bobLease("2026-11-26T08:00:00Z"));
    r.commitAll("extend once", "2026-11-24T09:10:00Z");
    r.merge("ext1", "2026-11-24T09:20:00Z");
    expect((await leaseHistories(r.dir, "main", [BOB])).get(BOB)).toEqual({ addedAt: Date.parse(T0), extensions: 1 });
    r.branch("ext2").write(BOB, bobLease("2026-11-26T10:00:00Z"));
    r.commitAll("extend twice", "2026-11-24T09:30:00Z");
    const report = await prCheck(r, "ext2", "bob");
    const text = bobLease("2026-11-26T10:00:00Z");
    expect(summary(errors(report))).toEqual([E("lease-too-many-extensions", valueAt(text, "expires"))]);
  });

  it("a direct commit on main (squash merge) counts as an extension too; a re-added lease starts over", async () => {
    const r = repo();
    r.write(BOB, bobLease("2026-11-26T08:00:00Z")).commitAll("squashed extension", "2026-11-24T09:10:00Z");
    expect((await leaseHistories(r.dir, "main", [BOB])).get(BOB)).toEqual({ addedAt: Date.parse(T0), extensions: 1 });
    r.remove(BOB).commitAll("revoke", "2026-11-24T09:20:00Z");
    r.write(BOB, bobLease("2026-11-25T18:00:00Z")).commitAll("again", "2026-11-24T09:30:00Z");
    expect((await leaseHistories(r.dir, "main", [BOB])).get(BOB)).toEqual({ addedAt: Date.parse("2026-11-24T09:30:00Z"), extensions: 0 });
  });

  it("commits on the pull request branch do not count as extensions", async () => {
    const r = repo();
    r.branch("ext").write(BOB, bobLease("2026-11-25T20:00:00Z"));
    r.commitAll("first try", "2026-11-24T09:10:00Z");
    r.write(BOB, bobLease("2026-11-25T22:00:00Z")).commitAll("second try", "2026-11-24T09:20:00Z");
    const report = await prCheck(r, "ext", "bob");
    expect(summary(errors(report))).toEqual([]);
  });

  it("a rename within the folder cannot reset the grant time and the extension count", async () => {
    // Regression (fixed): lease-history.ts reads history with --no-renames, so a lease renamed (and
    // extended) within its folder counts as newly added at the merge: its clock and its
    // extension count start over. Either the rename must be refused, or the next extension
    // must still count the earlier one. platform-admins: maxExtensions 1, maxTotalDuration 8h.
    const r = repo();
    const renamedPath = "leases/platform-admins/alice-inc-1234-b.yaml";
    r.branch("ext1");
    const original = readFileSync(join(r.dir, ALICE), "utf8");
    r.git("mv", ALICE, renamedPath);
    r.write(renamedPath, original.replace("duration: 4h", "duration: 6h"));
    r.commitAll("rename and extend once", "2026-11-24T10:50:00Z");
    const first = await prCheck(r, "ext1", "alice", { now: Date.parse("2026-11-24T11:00:00Z") });
    if (!first.ok) return; // renames refused: fine
    r.merge("ext1", "2026-11-24T11:00:00Z");
    r.branch("ext2").write(renamedPath, original.replace("duration: 4h", "duration: 8h"));
    r.commitAll("extend twice", "2026-11-24T11:50:00Z");
    const second = await prCheck(r, "ext2", "alice", { now: Date.parse("2026-11-24T12:00:00Z") });
    // The lease started at 09:00 and was extended once already; this would be a second
    // extension, to 19:00 (10h in total).
    expect(second.ok).toBe(false);
  });

  it("refuses going past maxTotalDuration (2d on prod-db-readers)", async () => {
    const r = repo();
    r.branch("ext").write(BOB, bobLease("2026-11-27T08:01:00Z")); // 08:00 on the 25th + 2d + 1m
    r.commitAll("extend");
    const report = await prCheck(r, "ext", "bob");
    expect(errorCodes(report)).toEqual(["lease-total-duration-exceeded"]);
  });

  it("refuses shortening, and changing the grantee", async () => {
    const r = repo();
    r.branch("short").write(ALICE, good("platform-admins", { duration: "2h" }));
    r.commitAll("shorten");
    expect(errorCodes(await prCheck(r, "short"))).toEqual(["lease-extension-not-longer"]);
    r.checkout("main").branch("steal").write(ALICE, good("platform-admins", { grantee: "mallory", duration: "5h" }));
    r.commitAll("steal");
    expect(errorCodes(await prCheck(r, "steal", "mallory", { resolveFacts: async () => facts({ teams: { "acme/engineering": ["mallory"] } }) }))).toContain("lease-immutable-field");
  });

  it("in a shallow clone the history is missing: not checked (warning)", async () => {
    const r = repo();
    r.write(BOB, bobLease("2026-11-26T08:00:00Z")).commitAll("extension 1", "2026-11-24T09:10:00Z");
    const dir = mkdtempSync(join(tmpdir(), "jit-shallow-"));
    dirs.push(dir);
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${r.dir}`, dir], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1" } });
    const clone = new TestRepo(dir);
    clone.branch("ext").write(BOB, bobLease("2026-11-26T10:00:00Z"));
    clone.commitAll("extension 2", "2026-11-24T09:30:00Z");
    const report = await prCheck(clone, "ext", "bob");
    expect(errorCodes(report)).toEqual([]);
    expect(warnings(report).map((d) => d.code)).toEqual(["check-not-made"]);
    const strict = await prCheck(clone, "ext", "bob", { strict: true });
    expect(errorCodes(strict)).toEqual(["check-not-made"]);
  });
});

describe("usage errors", () => {
  it("an unknown ref is a UsageError", async () => {
    const r = repo();
    await expect(validate(r, { base: "no-such-branch" })).rejects.toBeInstanceOf(UsageError);
    await expect(validate(r, { base: "main", head: "nope" })).rejects.toBeInstanceOf(UsageError);
  });

  it("--base outside a git repository is a UsageError", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jit-nogit-"));
    dirs.push(dir);
    await expect(runValidate({ repo: dir, base: "main", now: NOW, policyPath: "policy.yaml" })).rejects.toBeInstanceOf(UsageError);
  });

  it("only the named files are checked", async () => {
    const r = repo();
    r.branch("two").write("leases/prod-db-readers/a.yaml", good("prod-db-readers")).write("leases/prod-db-readers/b.yaml", "grantee: [\n");
    r.commitAll("two");
    const report = await prCheck(r, "two", "alice", { files: ["./leases/prod-db-readers/a.yaml"] });
    expect(report.files.map((f) => f.file)).toEqual(["leases/prod-db-readers/a.yaml"]);
    expect(report.ok).toBe(true);
  });
});
