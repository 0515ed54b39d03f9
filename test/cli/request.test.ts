/**
 * `jit request`: writes a valid lease at leases/<resource>/<grantee>-<stamp>.yaml that
 * `jit validate` then accepts; refuses an invalid request without writing anything; never
 * overwrites; never writes outside the resource's lease folder.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
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
    ["a naive --until", ["--resource", "prod-db-readers", "--role", "member", "--until", "2026-11-24T18:00:00", "--reason", "Pull figures for the quarterly report"], "lease-naive-or-invalid-time"],
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
  ])("%s: exit 2, nothing written", async (_name, timing) => {
    const r = repo();
    const before = snapshot(r.dir);
    const res = await jit(["request", "--resource", "prod-db-readers", "--role", "member", ...timing, "--reason", "Pull figures for the quarterly report", "--grantee", "alice", "--now", NOW_ISO], { cwd: r.dir });
    expect(res.code).toBe(2);
    expect(snapshot(r.dir)).toEqual(before);
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
