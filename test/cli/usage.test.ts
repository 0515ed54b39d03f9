/**
 * Issue 14, the defects a new user hit: one way to read options for every command (an
 * unknown flag is one line with the closest valid flag), exit codes 0/1/2 alike across
 * commands, --repo and --policy mistakes as usage errors, named files that do not exist,
 * JSON documents that carry their format, and an API that cannot be reached said at once.
 */
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closestFlag } from "../../src/cli/options.js";
import { ApiUnreachableError } from "../../src/github/api-unreachable.js";
import { createClient } from "../../src/github/client.js";
import { TestRepo } from "../helpers/git-repo.js";
import { NOW_ISO, STACK, jit } from "./run.js";

const EXAMPLE = join(resolve(import.meta.dirname, "../.."), "examples/access-repo");
const repos: TestRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});
function repo(): TestRepo {
  const r = TestRepo.init({ time: "2026-11-24T09:00:00Z" });
  repos.push(r);
  return r;
}

/** A local port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe("unknown flags: one line, the closest valid flag, and where to look", () => {
  it.each([
    [["validate", "--fromat", "json"], "jit validate has no option --fromat (did you mean --format?); see jit validate --help."],
    [["request", "--resorce", "db"], "jit request has no option --resorce (did you mean --resource?); see jit request --help."],
    [["audit", "--grante", "bob"], "jit audit has no option --grante (did you mean --grantee?); see jit audit --help."],
    [["plan", "--dryrun"], "jit plan has no option --dryrun (did you mean --dry-run?); see jit plan --help."],
    [["sandbox", "--frobnicate"], "jit sandbox has no option --frobnicate; see jit sandbox --help."],
    [["codeowners", "-x"], "jit codeowners has no option -x; see jit codeowners --help."],
  ])("jit %j", async (argv, line) => {
    const r = await jit(argv);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jit: ${line}\n`);
    expect(r.out).toBe("");
  });

  it("a flag without its value, or a boolean given one, is one line too", async () => {
    const missing = await jit(["request", "--resource"]);
    expect(missing).toMatchObject({ code: 2, err: "jit: --resource needs a value; see jit request --help.\n" });
    const swallowed = await jit(["validate", "--repo", "--format", "json"]);
    expect(swallowed.err).toMatch(/^jit: --repo needs a value, not the flag '--format'.*see jit validate --help\.\n$/);
    const valued = await jit(["codeowners", "--check=yes"]);
    expect(valued).toMatchObject({ code: 2, err: "jit: --check takes no value; see jit codeowners --help.\n" });
    for (const r of [missing, swallowed, valued]) expect(r.err.split("\n").length).toBe(2);
  });

  it("closestFlag suggests only near misses", () => {
    expect(closestFlag("formt", ["format", "repo"])).toBe("format");
    expect(closestFlag("rep", ["repo", "ref"])).toBeDefined();
    expect(closestFlag("zzzzzzzz", ["format", "repo"])).toBeUndefined();
  });
});

describe("--repo, --policy and named files", () => {
  it("--repo /does-not-exist is a usage error (exit 2) that says the folder does not exist, for every command", async () => {
    for (const cmd of [["validate"], ["codeowners"], ["request", "--resource", "x", "--role", "y", "--for", "1h", "--reason", "zzzzzzzzzzzzzzzzzzz"], ["audit"], ["sandbox"]]) {
      const r = await jit([...cmd, "--repo", "/does-not-exist"]);
      expect(r.code).toBe(2);
      expect(r.err).toBe("jit: --repo /does-not-exist: the folder /does-not-exist does not exist.\n");
      expect(r.err).not.toMatch(/policy-missing|ENOENT|lstat/);
    }
  });

  it("--policy outside the repo (/etc/passwd) is a usage error, not 'No /etc/passwd found'", async () => {
    for (const policy of ["/etc/passwd", "../policy.yaml"]) {
      const r = await jit(["validate", "--repo", EXAMPLE, "--policy", policy, "--now", NOW_ISO]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--policy ${policy}: the policy is a file inside the access repo`);
      expect(r.out + r.err).not.toContain("found");
    }
  });

  it("jit validate names a file that does not exist, or is outside leases/: exit 2, not 'All valid'", async () => {
    const r = repo();
    const missing = await jit(["validate", "--now", NOW_ISO, "leases/x/nope.yaml"], { cwd: r.dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("leases/x/nope.yaml: no such file");
    expect(missing.out).not.toMatch(/valid/);
    const outside = await jit(["validate", "--now", NOW_ISO, "README.md"], { cwd: r.dir });
    expect(outside.code).toBe(2);
    expect(outside.err).toContain("README.md is not a lease file (not under leases/)");
    const unchanged = await jit(["validate", "--base", "main", "--author", "alice", "--now", NOW_ISO, "leases/prod-db-readers/bob-quarterly-report.yaml"], { cwd: r.dir });
    expect(unchanged.code).toBe(2);
    expect(unchanged.err).toContain("not changed between main and the working tree");
    // A file that exists is checked as before.
    expect((await jit(["validate", "--now", NOW_ISO, "leases/prod-db-readers/bob-quarterly-report.yaml"], { cwd: r.dir })).code).toBe(0);
  });

  it("sandbox --repo /nope: a usage error, no raw ENOENT", async () => {
    const r = await jit(["sandbox", "--repo", "/nope"]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/ENOENT|lstat/);
    expect(r.err).not.toMatch(STACK);
  });
});

describe("exit codes and JSON documents", () => {
  it("every --help ends with the same exit codes, documented in the main help", async () => {
    const main = (await jit(["--help"])).out;
    expect(main).toMatch(/Exit codes: 0 ok, 1 findings or refusals, 2 usage or configuration error/);
    for (const cmd of ["validate", "codeowners", "request", "sandbox"]) expect((await jit([cmd, "--help"])).out).toMatch(/Exit codes: 0 .*1 .*2 /);
  });

  it("validate and codeowners --format json carry \"format\": \"jit-access/<kind>@1\" first", async () => {
    const v = JSON.parse((await jit(["validate", "--repo", EXAMPLE, "--now", NOW_ISO, "--format", "json"])).out) as Record<string, unknown>;
    expect(Object.keys(v)[0]).toBe("format");
    expect(v).toMatchObject({ format: "jit-access/validate@1", ok: true });
    const r = repo();
    const check = await jit(["codeowners", "--check", "--format", "json"], { cwd: r.dir });
    expect(check.code).toBe(0);
    const c = JSON.parse(check.out) as Record<string, unknown>;
    expect(Object.keys(c)[0]).toBe("format");
    expect(c).toMatchObject({ format: "jit-access/codeowners@1", ok: true, check: true, inSync: true, written: false, path: ".github/CODEOWNERS" });
    r.write(".github/CODEOWNERS", "* @someone\n");
    const out = await jit(["codeowners", "--check", "--format", "json"], { cwd: r.dir });
    expect(out.code).toBe(1);
    expect(JSON.parse(out.out)).toMatchObject({ ok: false, inSync: false, expected: expect.stringContaining("/leases/prod-db-readers/") as unknown });
    r.write("policy.yaml", "version: 1\nadmins: []\n");
    const bad = await jit(["codeowners", "--format", "json"], { cwd: r.dir });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ format: "jit-access/codeowners@1", ok: false, written: false, policyErrors: expect.arrayContaining([expect.objectContaining({ file: "policy.yaml" })]) as unknown });
  });
});

describe("an API that cannot be reached", () => {
  it("is said once — cannot reach the GitHub API at URL — with what was retried (counted through an injected option)", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    let retries = 0;
    const waits: number[] = [];
    const gh = createClient({ token: "t", baseUrl: url, connect: { retries: 4, delayMs: 7, sleep: async (ms) => void waits.push(ms), onRetry: () => void retries++ } });
    const e = await gh.request("GET /rate_limit").then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ApiUnreachableError);
    expect(retries).toBe(4);
    expect(waits).toEqual([7, 14, 21, 28]);
    expect((e as Error).message).toBe(`cannot reach the GitHub API at ${url}: connect ECONNREFUSED ${url.slice(7)}; tried 5 times (GET /rate_limit). Check --api-url or $GITHUB_API_URL and the network.`);
  });

  it("port 9 ('bad port' to fetch) is said plainly and not retried", async () => {
    let retries = 0;
    const gh = createClient({ token: "t", baseUrl: "http://127.0.0.1:9", connect: { retries: 4, delayMs: 0, onRetry: () => void retries++ } });
    const e = (await gh.request("GET /rate_limit").catch((x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(ApiUnreachableError);
    expect(retries).toBe(0);
    expect(e.message).toMatch(/^cannot reach the GitHub API at http:\/\/127\.0\.0\.1:9: fetch refuses this port \(a "bad port"/);
  });

  it("jit plan and jit validate with a token: exit 2, one line, no '500 with id UNKNOWN'", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const r = repo();
    const plan = await jit(["plan", "--repo", r.dir, "--token", "t", "--api-url", url, "--repository", "acme/access"]);
    expect(plan.code).toBe(2);
    expect(plan.err).toMatch(new RegExp(`^jit: cannot reach the GitHub API at ${url}: connect ECONNREFUSED .*; tried 3 times \\(GET /rate_limit\\)\\. Check --api-url`));
    expect(plan.err.trimEnd().split("\n")).toHaveLength(1);
    expect(plan.err).not.toContain("UNKNOWN");
    const port9 = await jit(["audit", "--repo", r.dir, "--token", "t", "--api-url", "http://127.0.0.1:9", "--repository", "acme/access"]);
    expect(port9.code).toBe(2);
    expect(port9.err).toMatch(/^jit: cannot reach the GitHub API at http:\/\/127\.0\.0\.1:9: fetch refuses this port/);
  });

  it("jit doctor and jit review: exit 2 and the same one line, before any check or pull request", async () => {
    const r = repo();
    for (const cmd of ["doctor", "review"]) {
      const out = await jit([cmd, "--repo", r.dir, "--token", "t", "--api-url", "http://127.0.0.1:9", "--repository", "acme/access"]);
      expect(out.code, cmd).toBe(2);
      expect(out.err, cmd).toMatch(/^jit: cannot reach the GitHub API at http:\/\/127\.0\.0\.1:9: fetch refuses this port/);
      expect(out.err.trimEnd().split("\n"), cmd).toHaveLength(1);
      expect(out.out, cmd).toBe("");
    }
  });
});
