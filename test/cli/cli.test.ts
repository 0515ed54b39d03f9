/**
 * The `jit` command line (main(argv, io)): help and version, exit codes 0/1/2, the JSON
 * report shape, usage errors without stack traces, validate with --base/--head, and
 * `jit codeowners` with and without --check.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { TestRepo } from "../helpers/git-repo.js";
import { NOW_ISO, STACK, jit } from "./run.js";

const ROOT = resolve(import.meta.dirname, "../..");
const EXAMPLE = join(ROOT, "examples/access-repo");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});
function repo(): TestRepo {
  const r = TestRepo.init({ time: "2026-11-24T09:00:00Z" });
  repos.push(r);
  return r;
}

const validLease = "grantee: alice\nresource: prod-db-readers\nrole: member\nduration: 4h\nreason: Pull figures for the quarterly report\n";
const badLease = "grantee: alice\nresource: prod-db-readers\nrole: 5\nduration: 4h\nreason: Pull figures for the quarterly report\n";

describe("help and version", () => {
  it.each([["--help"], ["-h"]])("jit %s prints the main help and exits 0", async (flag) => {
    const r = await jit([flag]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage: jit <command>/);
    for (const cmd of ["validate", "codeowners", "request"]) expect(r.out).toContain(cmd);
    expect(r.err).toBe("");
  });

  it("jit without a command prints the help and exits 2", async () => {
    const r = await jit([]);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toMatch(/Usage: jit <command>/);
  });

  it.each([["--version"], ["-v"], ["version"]])("jit %s prints the package version", async (flag) => {
    const r = await jit([flag]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`jit ${VERSION}\n`);
  });

  it("jit help validate and jit validate --help print the validate help", async () => {
    const a = await jit(["help", "validate"]);
    const b = await jit(["validate", "--help"]);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.out).toMatch(/jit validate/);
    expect(a.out).toContain("--base");
    expect(a.out).toContain("--format");
    expect(b.out).toBe(a.out);
  });

  it.each([["codeowners"], ["request"]])("jit help %s", async (cmd) => {
    const r = await jit(["help", cmd]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`jit ${cmd}`);
    expect((await jit([cmd, "--help"])).out).toBe(r.out);
  });
});

describe("usage errors: exit 2, a message, no stack trace", () => {
  it.each([
    [["frobnicate"], /Unknown command 'frobnicate'/],
    [["validate", "--frobnicate"], /--frobnicate/],
    [["validate", "--format", "xml", "--repo", EXAMPLE], /--format must be text or json/],
    [["validate", "--now", "yesterday", "--repo", EXAMPLE], /--now 'yesterday'/],
    [["validate", "--now", "2026-11-24T10:00:00", "--repo", EXAMPLE], /RFC 3339/],
    [["codeowners", "--force"], /--force/],
    [["request", "--resource"], /--resource/],
    [["request", "--resource", "prod-db-readers", "--role", "member", "--grantee", "alice", "--reason", "because I need it"], /--for|--until/],
  ])("jit %j", async (argv, message) => {
    const r = await jit(argv as string[], { cwd: EXAMPLE });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/^jit: /);
    expect(r.err).not.toMatch(STACK);
    expect(r.out).toBe("");
  });

  it("an unknown git ref", async () => {
    const r = repo();
    const res = await jit(["validate", "--base", "no-such-branch", "--now", NOW_ISO], { cwd: r.dir });
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/no-such-branch/);
    expect(res.err).not.toMatch(STACK);
  });

  it("--base outside a git repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jit-nogit-"));
    try {
      cpSync(EXAMPLE, dir, { recursive: true });
      const res = await jit(["validate", "--repo", dir, "--base", "main", "--now", NOW_ISO]);
      expect(res.code).toBe(2);
      expect(res.err).toMatch(/not a git repository/);
      expect(res.err).not.toMatch(STACK);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a repository that does not exist", async () => {
    const r = await jit(["validate", "--repo", "/nonexistent/dir", "--base", "main", "--now", NOW_ISO]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
  });
});

describe("jit validate", () => {
  it("exits 0 on the example repo", async () => {
    const r = await jit(["validate", "--repo", EXAMPLE, "--now", NOW_ISO]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/All 4 file\(s\) valid/);
  });

  it("defaults --repo to the working directory", async () => {
    expect((await jit(["validate", "--now", NOW_ISO], { cwd: EXAMPLE })).code).toBe(0);
  });

  it("exits 1 on an invalid lease and prints file:line:column, code and message", async () => {
    const r = repo();
    r.write("leases/prod-db-readers/alice.yaml", badLease);
    const res = await jit(["validate", "--now", NOW_ISO], { cwd: r.dir });
    expect(res.code).toBe(1);
    expect(res.out).toContain("leases/prod-db-readers/alice.yaml:3:7  error [lease-schema-type]");
  });

  it("--format json: { ok, files: [{ file, ok, errors: [{ code, message, line, column }] }] }", async () => {
    const r = repo();
    r.write("leases/prod-db-readers/alice.yaml", badLease);
    const res = await jit(["validate", "--now", NOW_ISO, "--format", "json"], { cwd: r.dir });
    expect(res.code).toBe(1);
    const json = JSON.parse(res.out) as { ok: boolean; files: Array<{ file: string; ok: boolean; errors: Array<Record<string, unknown>> }> };
    expect(json.ok).toBe(false);
    expect(Array.isArray(json.files)).toBe(true);
    for (const f of json.files) {
      expect(typeof f.file).toBe("string");
      expect(typeof f.ok).toBe("boolean");
      expect(Array.isArray(f.errors)).toBe(true);
      expect(f.ok).toBe(f.errors.length === 0);
      for (const e of f.errors) {
        expect(typeof e.code).toBe("string");
        expect(typeof e.message).toBe("string");
        expect(Number.isInteger(e.line)).toBe(true);
        expect(Number.isInteger(e.column)).toBe(true);
      }
    }
    const bad = json.files.find((f) => f.file === "leases/prod-db-readers/alice.yaml")!;
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual([expect.objectContaining({ code: "lease-schema-type", line: 3, column: 7, message: expect.stringContaining("role") })]);
    expect(json.files.filter((f) => f.file !== bad.file).every((f) => f.ok)).toBe(true);
  });

  it("--format json on a valid repo: ok, and every file with an empty errors list", async () => {
    const res = await jit(["validate", "--repo", EXAMPLE, "--now", NOW_ISO, "--format", "json"]);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out) as { ok: boolean; files: Array<{ file: string; ok: boolean; errors: unknown[] }> };
    expect(json.ok).toBe(true);
    expect(json.files.map((f) => f.file)).toEqual([".github/CODEOWNERS", "leases/platform-admins/alice-inc-1234.yaml", "leases/prod-db-readers/bob-quarterly-report.yaml", "policy.yaml"]);
    expect(json.files.every((f) => f.ok && f.errors.length === 0)).toBe(true);
  });

  it("--base/--head/--author checks a pull request; without a token the requester check is a warning", async () => {
    const r = repo();
    r.branch("req").write("leases/prod-db-readers/alice.yaml", validLease);
    r.commitAll("request");
    const res = await jit(["validate", "--base", "main", "--head", "req", "--author", "alice", "--now", NOW_ISO, "--format", "json"], { cwd: r.dir });
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out) as { ok: boolean; files: Array<{ file: string; warnings: Array<{ code: string }> }> };
    expect(json.ok).toBe(true);
    expect(json.files.map((f) => f.file)).toEqual(["leases/prod-db-readers/alice.yaml"]);
    expect(json.files[0]!.warnings.map((w) => w.code)).toEqual(["check-not-made"]);
  });

  it("--base with a lease for someone else exits 1", async () => {
    const r = repo();
    r.branch("req").write("leases/prod-db-readers/bob.yaml", validLease.replace("alice", "bob"));
    r.commitAll("request");
    const res = await jit(["validate", "--base", "main", "--head", "req", "--author", "alice", "--now", NOW_ISO], { cwd: r.dir });
    expect(res.code).toBe(1);
    expect(res.out).toContain("lease-grantee-not-author");
  });

  it("--base with the working tree as head, and a mixed change", async () => {
    const r = repo();
    r.write("leases/prod-db-readers/alice.yaml", validLease).write("policy.yaml", readFileSync(join(EXAMPLE, "policy.yaml"), "utf8").replace("maxDuration: 1d", "maxDuration: 2d"));
    const res = await jit(["validate", "--base", "main", "--author", "alice", "--now", NOW_ISO, "--format", "json"], { cwd: r.dir });
    expect(res.code).toBe(1);
    const json = JSON.parse(res.out) as { files: Array<{ file: string; errors: Array<{ code: string }> }> };
    expect(json.files.find((f) => f.file === "policy.yaml")!.errors.map((e) => e.code)).toEqual(["change-mixed"]);
  });

  it("only the files given", async () => {
    const r = repo();
    r.write("leases/prod-db-readers/a.yaml", validLease).write("leases/prod-db-readers/b.yaml", badLease);
    const res = await jit(["validate", "--now", NOW_ISO, "leases/prod-db-readers/a.yaml"], { cwd: r.dir });
    expect(res.code).toBe(0);
    const res2 = await jit(["validate", "--now", NOW_ISO, "leases/prod-db-readers/b.yaml"], { cwd: r.dir });
    expect(res2.code).toBe(1);
  });

  it("a broken policy exits 1 with its position", async () => {
    const r = repo();
    r.write("policy.yaml", "version: 1\nadmins: [root]\nresources: {}\n");
    const res = await jit(["validate", "--now", NOW_ISO, "--format", "json"], { cwd: r.dir });
    expect(res.code).toBe(1);
    const json = JSON.parse(res.out) as { files: Array<{ file: string; errors: Array<{ code: string; line: number }> }> };
    expect(json.files.find((f) => f.file === "policy.yaml")!.errors[0]).toMatchObject({ code: "policy-schema-range", line: 3 });
  });
});

describe("jit codeowners", () => {
  const expectedFor = (dir: string) => generateCodeowners(loadPolicy("policy.yaml", readFileSync(join(dir, "policy.yaml"))).policy!, "policy.yaml");
  const newResource = "\n  secrets:\n    provider: {type: github-team, org: acme, team: secrets}\n    roles: [member]\n    approvers: [\"@acme/security\"]\n";

  it("--check exits 0 when in sync and writes nothing", async () => {
    const r = repo();
    const before = readFileSync(join(r.dir, ".github/CODEOWNERS"), "utf8");
    const res = await jit(["codeowners", "--check"], { cwd: r.dir });
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/in sync/);
    expect(readFileSync(join(r.dir, ".github/CODEOWNERS"), "utf8")).toBe(before);
  });

  it("--check exits 1 when out of sync, prints the expected file, and writes nothing", async () => {
    const r = repo();
    r.write("policy.yaml", readFileSync(join(r.dir, "policy.yaml"), "utf8") + newResource);
    const before = readFileSync(join(r.dir, ".github/CODEOWNERS"), "utf8");
    const res = await jit(["codeowners", "--check"], { cwd: r.dir });
    expect(res.code).toBe(1);
    expect(res.out).toContain(expectedFor(r.dir));
    expect(res.out).toContain("/leases/secrets/");
    expect(readFileSync(join(r.dir, ".github/CODEOWNERS"), "utf8")).toBe(before);
    expect(existsSync(join(r.dir, ".github/CODEOWNERS.tmp"))).toBe(false);
  });

  it("--check exits 1 when CODEOWNERS is missing", async () => {
    const r = repo();
    r.remove(".github/CODEOWNERS");
    const res = await jit(["codeowners", "--check"], { cwd: r.dir });
    expect(res.code).toBe(1);
    expect(existsSync(join(r.dir, ".github/CODEOWNERS"))).toBe(false);
  });

  it("writes the file the policy implies, then validate passes; a second run changes nothing", async () => {
    const r = repo();
    r.write("policy.yaml", readFileSync(join(r.dir, "policy.yaml"), "utf8") + newResource);
    expect((await jit(["validate", "--now", NOW_ISO], { cwd: r.dir })).code).toBe(1);
    const res = await jit(["codeowners"], { cwd: r.dir });
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Wrote \.github\/CODEOWNERS/);
    expect(readFileSync(join(r.dir, ".github/CODEOWNERS"), "utf8")).toBe(expectedFor(r.dir));
    expect((await jit(["codeowners", "--check"], { cwd: r.dir })).code).toBe(0);
    expect((await jit(["validate", "--now", NOW_ISO], { cwd: r.dir })).code).toBe(0);
    const again = await jit(["codeowners"], { cwd: r.dir });
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/already up to date/);
  });

  it("creates .github/CODEOWNERS when there is none", async () => {
    const r = repo();
    r.remove(".github");
    const res = await jit(["codeowners", "--repo", r.dir]);
    expect(res.code).toBe(0);
    expect(readFileSync(join(r.dir, ".github/CODEOWNERS"), "utf8")).toBe(expectedFor(r.dir));
  });

  it("an invalid policy: exit 1 with file:line:column, nothing written", async () => {
    const r = repo();
    r.write("policy.yaml", "version: 1\nadmins: [root]\nresources:\n  x:\n    provider: {type: github-team, org: acme, team: x}\n    roles: [member]\n    approvers: [group:ghosts]\n");
    const before = readFileSync(join(r.dir, ".github/CODEOWNERS"), "utf8");
    const res = await jit(["codeowners"], { cwd: r.dir });
    expect(res.code).toBe(1);
    expect(res.err).toContain("policy.yaml:7:17 error [policy-unknown-group]");
    expect(readFileSync(join(r.dir, ".github/CODEOWNERS"), "utf8")).toBe(before);
  });

  it("no policy: exit 2", async () => {
    const r = repo();
    r.remove("policy.yaml");
    const res = await jit(["codeowners"], { cwd: r.dir });
    expect(res.code).toBe(2);
    expect(res.err).not.toMatch(STACK);
  });
});
