/**
 * `jit request`: writes a valid lease at leases/<resource>/<grantee>-<stamp>.yaml that
 * `jit validate` then accepts; refuses an invalid request without writing anything; never
 * overwrites; never writes outside the resource's lease folder.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadLease } from "../../src/lease/load-lease.js";
import { TestRepo } from "../helpers/git-repo.js";
import { NOW_ISO, STACK, jit } from "./run.js";

const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});
function repo(): TestRepo {
  const r = TestRepo.init({ time: "2026-11-24T09:00:00Z" });
  repos.push(r);
  return r;
}

/** Every file in the repo (outside .git), for "nothing was written" checks. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (p === ".git") continue;
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(join(dir, p), "utf8");
    }
  };
  walk("");
  return out;
}

const dbRequest = ["request", "--resource", "prod-db-readers", "--role", "member", "--for", "4h", "--reason", "Pull figures for the quarterly report", "--grantee", "alice", "--now", NOW_ISO];

describe("jit request writes a valid lease", () => {
  it("at leases/<resource>/<grantee>-<stamp>.yaml, which jit validate accepts", async () => {
    const r = repo();
    const res = await jit(dbRequest, { cwd: r.dir });
    expect(res.err).toMatch(/check-not-made/); // the requester check needs a token: a warning
    expect(res.code).toBe(0);
    const path = "leases/prod-db-readers/alice-20261124-1000.yaml";
    expect(res.out).toContain(`Wrote ${path}`);
    const text = readFileSync(join(r.dir, path), "utf8");
    const lease = loadLease(path, Buffer.from(text));
    expect(lease.diagnostics).toEqual([]);
    expect(lease.lease).toEqual({ grantee: "alice", resource: "prod-db-readers", role: "member", duration: "4h", reason: "Pull figures for the quarterly report" });
    expect((await jit(["validate", "--now", NOW_ISO], { cwd: r.dir })).code).toBe(0);
    const pr = await jit(["validate", "--base", "main", "--author", "alice", "--now", NOW_ISO, "--format", "json"], { cwd: r.dir });
    expect(pr.code).toBe(0);
    expect((JSON.parse(pr.out) as { files: Array<{ file: string }> }).files.map((f) => f.file)).toEqual([path]);
  });

  it("its Next: hint pushes the new branch with an upstream, and the commands work as printed", async () => {
    const r = repo();
    const bare = mkdtempSync(join(tmpdir(), "jit-origin-"));
    try {
      execFileSync("git", ["init", "-q", "--bare", bare]);
      execFileSync("git", ["remote", "add", "origin", bare], { cwd: r.dir });
      const res = await jit(dbRequest, { cwd: r.dir });
      const next = /^Next: (.*), then open a pull request\.$/m.exec(res.out)?.[1];
      expect(next).toBe('git switch -c request/alice-20261124-1000 && git add leases/prod-db-readers/alice-20261124-1000.yaml && git commit -m "Request member on prod-db-readers" && git push -u origin request/alice-20261124-1000');
      execFileSync("sh", ["-c", next!], { cwd: r.dir, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "a", GIT_AUTHOR_EMAIL: "a@example.com", GIT_COMMITTER_NAME: "a", GIT_COMMITTER_EMAIL: "a@example.com" } });
      expect(execFileSync("git", ["branch", "--list", "request/alice-20261124-1000"], { cwd: bare, encoding: "utf8" })).toContain("request/alice-20261124-1000");
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it("--format json: the lease, where it was written, the next step and the format tag; refusals as errors (exit 1)", async () => {
    const r = repo();
    const res = await jit([...dbRequest, "--format", "json"], { cwd: r.dir });
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.out) as { format: string; ok: boolean; path: string; written: boolean; lease: string; errors: unknown[]; warnings: Array<{ code: string }>; next: string };
    expect(doc).toMatchObject({ format: "jit-access/request@1", ok: true, path: "leases/prod-db-readers/alice-20261124-1000.yaml", written: true, errors: [] });
    expect(Object.keys(doc)[0]).toBe("format");
    expect(doc.lease).toContain("grantee: alice");
    expect(doc.next).toMatch(/git push -u origin request\/alice-20261124-1000$/);
    const refused = await jit(["request", "--resource", "prod-db-readers", "--role", "member", "--for", "2d", "--reason", "Pull figures for the quarterly report", "--grantee", "bob", "--now", NOW_ISO, "--format", "json"], { cwd: r.dir });
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ format: "jit-access/request@1", ok: false, written: false, errors: [{ code: "lease-duration-too-long", message: expect.stringMatching(/^--for 2d is longer/) as unknown }] });
    expect((await jit([...dbRequest, "--format", "xml"], { cwd: r.dir })).code).toBe(2);
  });

  it("with --until, --not-before and --ticket, through a ticket-pattern resource", async () => {
    const r = repo();
    const res = await jit(
      ["request", "--resource", "platform-admins", "--role", "maintainer", "--not-before", "2026-11-24T12:00:00+01:00", "--until", "2026-11-24T14:00:00Z", "--reason", "Rotate prod credentials after INC-77", "--ticket", "INC-77", "--grantee", "alice", "--name", "rotation", "--now", NOW_ISO],
      { cwd: r.dir },
    );
    expect(res.code).toBe(0);
    const text = readFileSync(join(r.dir, "leases/platform-admins/rotation.yaml"), "utf8");
    expect(loadLease("x", Buffer.from(text)).lease).toEqual({ grantee: "alice", resource: "platform-admins", role: "maintainer", expires: "2026-11-24T14:00:00Z", notBefore: "2026-11-24T12:00:00+01:00", reason: "Rotate prod credentials after INC-77", ticket: "INC-77" });
    expect((await jit(["validate", "--base", "main", "--author", "alice", "--now", NOW_ISO], { cwd: r.dir })).code).toBe(0);
  });

  it("keeps a reason with YAML-special characters intact", async () => {
    const r = repo();
    const reason = "Fix: 'prod' #outage — yes, really: 100%";
    const res = await jit(["request", "--resource", "prod-db-readers", "--role", "member", "--for", "1h", "--reason", reason, "--grantee", "alice", "--name", "special.yaml", "--now", NOW_ISO], { cwd: r.dir });
    expect(res.code).toBe(0);
    expect(loadLease("x", readFileSync(join(r.dir, "leases/prod-db-readers/special.yaml"))).lease?.reason).toBe(reason);
  });

  it("takes the grantee from GITHUB_ACTOR, and names bot files safely", async () => {
    const r = repo();
    const res = await jit(["request", "--resource", "web-deployers", "--role", "push", "--for", "1h", "--reason", "Hotfix deploy for the checkout page", "--now", NOW_ISO], { cwd: r.dir, env: { GITHUB_ACTOR: "Alice" } });
    expect(res.code).toBe(0);
    expect(existsSync(join(r.dir, "leases/web-deployers/alice-20261124-1000.yaml"))).toBe(true);
  });

  it("in a re-run of someone else's workflow, the grantee is who re-ran it (GITHUB_TRIGGERING_ACTOR), not who started it", async () => {
    const r = repo();
    const res = await jit(["request", "--resource", "web-deployers", "--role", "push", "--for", "1h", "--reason", "Hotfix deploy for the checkout page", "--now", NOW_ISO], { cwd: r.dir, env: { GITHUB_ACTOR: "alice", GITHUB_TRIGGERING_ACTOR: "bob" } });
    expect(res.code).toBe(0);
    expect(existsSync(join(r.dir, "leases/web-deployers/bob-20261124-1000.yaml"))).toBe(true);
    expect(existsSync(join(r.dir, "leases/web-deployers/alice-20261124-1000.yaml"))).toBe(false);
  });

  it("--dry-run prints the lease and writes nothing", async () => {
    const r = repo();
    const before = snapshot(r.dir);
    const res = await jit([...dbRequest, "--dry-run"], { cwd: r.dir });
    expect(res.code).toBe(0);
    expect(res.out).toContain("# leases/prod-db-readers/alice-20261124-1000.yaml");
    expect(res.out).toContain("grantee: alice");
    expect(snapshot(r.dir)).toEqual(before);
  });
});

describe("jit request refuses", () => {
  it.each([
    ["a role the resource does not have", ["--resource", "prod-db-readers", "--role", "admin", "--for", "4h", "--reason", "Pull figures for the quarterly report"], "lease-role-not-allowed"],
    ["a duration over the maximum", ["--resource", "prod-db-readers", "--role", "member", "--for", "2d", "--reason", "Pull figures for the quarterly report"], "lease-duration-too-long"],
    ["a missing ticket", ["--resource", "platform-admins", "--role", "member", "--for", "1h", "--reason", "Rotate prod credentials now"], "lease-ticket-required"],
    ["a short reason", ["--resource", "prod-db-readers", "--role", "member", "--for", "1h", "--reason", "because"], "lease-reason-too-short"],
    ["an unknown resource", ["--resource", "org-owners", "--role", "admin", "--for", "1h", "--reason", "Pull figures for the quarterly report"], "lease-unknown-resource"],
    ["a past --not-before", ["--resource", "prod-db-readers", "--role", "member", "--for", "1h", "--not-before", "2026-11-23T08:00:00Z", "--reason", "Pull figures for the quarterly report"], "lease-not-before-past"],
    ["an outside-schedule start", ["--resource", "web-deployers", "--role", "push", "--for", "1h", "--not-before", "2026-11-28T10:00:00Z", "--reason", "Hotfix deploy for the checkout page"], "lease-outside-schedule"],
    ["an invalid grantee", ["--resource", "prod-db-readers", "--role", "member", "--for", "1h", "--reason", "Pull figures for the quarterly report", "--grantee", "mal_lory"], "lease-schema-format"],
    ["a traversal resource", ["--resource", "../../.github", "--role", "member", "--for", "1h", "--reason", "Pull figures for the quarterly report"], "lease-schema-format"],
  ])("%s: exit 1, the reason, and nothing written (no partial write)", async (_name, args, code) => {
    const r = repo();
    const before = snapshot(r.dir);
    const argv = ["request", ...args, "--now", NOW_ISO];
    if (!args.includes("--grantee")) argv.push("--grantee", "alice");
    const res = await jit(argv, { cwd: r.dir });
    expect(res.code).toBe(1);
    expect(res.err).toContain(`[${code}]`);
    expect(res.err).toMatch(/No lease written/);
    expect(snapshot(r.dir)).toEqual(before);
    expect(res.err).not.toMatch(STACK);
  });

  it.each([
    ["both --for and --until", ["--for", "1h", "--until", "2026-11-24T12:00:00Z"]],
    ["neither --for nor --until", []],
    ["a duration that is not one", ["--for", "4 hours"]],
    ["a duration that is not one (2x)", ["--for", "2x"]],
    // Issue 14: --until tomorrow exited 1 and --for 2x exited 2; a malformed value is a usage error either way.
    ["an --until that is not a time", ["--until", "tomorrow"]],
    ["a naive --until", ["--until", "2026-11-24T18:00:00"]],
    ["a --not-before that is not a time", ["--for", "1h", "--not-before", "monday"]],
  ])("%s: exit 2, nothing written", async (_name, timing) => {
    const r = repo();
    const before = snapshot(r.dir);
    const res = await jit(["request", "--resource", "prod-db-readers", "--role", "member", ...timing, "--reason", "Pull figures for the quarterly report", "--grantee", "alice", "--now", NOW_ISO], { cwd: r.dir });
    expect(res.code).toBe(2);
    expect(res.err).not.toMatch(/expires|notBefore/);
    expect(snapshot(r.dir)).toEqual(before);
  });

  it("names the flag typed, not the lease field: --until in the past (exit 1, a refusal)", async () => {
    const r = repo();
    const res = await jit(["request", "--resource", "prod-db-readers", "--role", "member", "--until", "2026-11-20T10:00:00Z", "--reason", "Pull figures for the quarterly report", "--grantee", "alice", "--now", NOW_ISO], { cwd: r.dir });
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/\[lease-expires-past\] --until 2026-11-20T10:00:00Z is not in the future/);
    expect(res.err).not.toMatch(/\bexpires\b(?!-)/);
    const late = await jit(["request", "--resource", "prod-db-readers", "--role", "member", "--for", "1h", "--not-before", "2026-11-23T08:00:00Z", "--reason", "Pull figures for the quarterly report", "--grantee", "alice", "--now", NOW_ISO], { cwd: r.dir });
    expect(late.err).toMatch(/--not-before 2026-11-23T08:00:00Z is in the past/);
    expect(late.err).not.toContain("notBefore");
  });

  it("to overwrite an existing lease", async () => {
    const r = repo();
    expect((await jit(dbRequest, { cwd: r.dir })).code).toBe(0);
    const path = join(r.dir, "leases/prod-db-readers/alice-20261124-1000.yaml");
    const first = readFileSync(path, "utf8");
    const res = await jit(dbRequest.map((a) => (a === "4h" ? "8h" : a)), { cwd: r.dir });
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/already exists/);
    expect(readFileSync(path, "utf8")).toBe(first);
  });

  it("to overwrite an example lease via --name", async () => {
    const r = repo();
    const path = join(r.dir, "leases/prod-db-readers/bob-quarterly-report.yaml");
    const before = readFileSync(path, "utf8");
    const res = await jit([...dbRequest, "--name", "bob-quarterly-report"], { cwd: r.dir });
    expect(res.code).toBe(2);
    expect(readFileSync(path, "utf8")).toBe(before);
  });

  it.each([
    ["../../escape", "escape.yaml"],
    ["../platform-admins/alice", "leases/platform-admins/alice.yaml"],
    ["sub/dir/alice", "leases/prod-db-readers/sub/dir/alice.yaml"],
    ["bad name", "leases/prod-db-readers/bad name.yaml"],
    [".hidden", "leases/prod-db-readers/.hidden.yaml"],
  ])("a --name that is not a plain lease file name (%j): nothing written", async (name, wouldBe) => {
    // Regression (fixed): src/commands/request.ts never checks the path it builds from --name with
    // checkLeasePath: '../../escape' writes <repo>/escape.yaml, 'bad name' writes a lease
    // that jit validate then refuses (lease-path-name).
    const r = repo();
    const before = snapshot(r.dir);
    const res = await jit([...dbRequest, "--name", name], { cwd: r.dir });
    expect(res.code).not.toBe(0);
    expect(existsSync(join(r.dir, wouldBe))).toBe(false);
    expect(snapshot(r.dir)).toEqual(before);
  });
});
