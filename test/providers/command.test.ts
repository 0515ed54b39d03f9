/**
 * The command provider with real executables committed in a real git repo: the protocol
 * (requests valid against the published schema, replies checked against it), the explicit
 * environment, and every way a command can fail or be refused — each a per-item error with a
 * clear message and bounded stderr, never a success, and nothing run that is not the
 * committed version on the ref.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { CommandConfig } from "../../src/policy/policy.js";
import { MAX_STDOUT_BYTES, STDERR_SHOWN } from "../../src/providers/command.js";
import type { Provider } from "../../src/providers/provider.js";
import { providerFor } from "../../src/providers/registry.js";
import * as generated from "../../src/schema/generated/validators.js";
import { resource } from "./support.js";

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const gh = {} as never;
let dir: string;
const out = () => join(dir, "..", "requests.jsonl");

/** One fixture command; its behaviour is its first argument. */
const FIXTURE = `#!/usr/bin/env node
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
const req = JSON.parse(readFileSync(0, "utf8"));
const say = (v) => process.stdout.write(JSON.stringify(v) + "\\n");
if (process.env.FIXTURE_OUT) appendFileSync(process.env.FIXTURE_OUT, JSON.stringify(req) + "\\n");
const mode = process.argv[2];
const held = new Set((process.env.FIXTURE_STATE ?? "").split(",").filter(Boolean));
switch (mode) {
  case "ok":
    if (req.action === "list") say({ grants: [{ grantee: "alice", role: "viewer", handle: "u-1" }, { grantee: "bob", role: "editor", state: "pending" }] });
    else if (req.action === "revoke") say({ status: "revoked" });
    else say({ status: req.grantee === "held" ? "unchanged" : "granted", message: "done" });
    break;
  case "env": writeFileSync(process.env.FIXTURE_OUT + ".env", JSON.stringify({ keys: Object.keys(process.env).sort(), cwd: process.cwd() })); say({ status: "granted" }); break;
  case "sleep": setInterval(() => {}, 1000); break;
  case "grandchild": {
    const c = spawn("sleep", ["600"], { stdio: ["ignore", "inherit", "ignore"] });
    writeFileSync(process.env.FIXTURE_PID, String(c.pid));
    process.exit(0);
  }
  case "exit3": process.stderr.write("line one\\npermission denied: cannot write /etc/group\\n"); process.exit(3);
  case "bigstderr": process.stderr.write("x".repeat(200000) + "\\nTHE END\\n", () => process.exit(1)); break;
  case "notjson": process.stdout.write("hello, jit\\n"); break;
  case "silent": break;
  case "oversized": process.stdout.write("[" + "0,".repeat(${MAX_STDOUT_BYTES}) + "0]"); break;
  case "badschema": say({ status: "ok", extra: 1 }); break;
  case "listforgrant": say({ grants: [] }); break;
  case "wrongstatus": say({ status: "revoked" }); break;
  case "statusforlist": say({ status: "granted" }); break;
  case "failed": say({ status: "failed", code: "no-seats", message: "no seats left on the license" }); break;
  case "signal": process.kill(process.pid, "SIGTERM"); setInterval(() => {}, 1000); break;
  case "noread": say({ status: "granted" }); break;
  default: process.exit(9);
}
`;

function gitIn(...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });
}
function write(path: string, text: string, mode = 0o755): void {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
  chmodSync(join(dir, path), mode);
}

beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), "jit-command-")), "repo");
  mkdirSync(dir);
  gitIn("init", "-q", "-b", "main");
  write("commands/fixture.mjs", FIXTURE);
  write("commands/not-executable.mjs", FIXTURE, 0o644);
  write("commands/changed.mjs", FIXTURE);
  symlinkSync("/bin/echo", join(dir, "commands/link"));
  gitIn("add", "-A");
  gitIn("commit", "-q", "-m", "commands");
  // After the commit: a file only in the checkout, and one changed since.
  write("commands/uncommitted.mjs", FIXTURE);
  writeFileSync(join(dir, "commands/changed.mjs"), FIXTURE.replace('case "ok":', 'case "ok": say({ status: "granted", message: "not the committed version" }); process.exit(0);'));
});
afterAll(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

const cmdResource = (mode: string, over: Partial<CommandConfig> = {}) => resource("tool", { type: "command", org: "acme", run: "commands/fixture.mjs", args: [mode], env: ["FIXTURE_OUT", "FIXTURE_PID"], timeout: 5, ...over }, ["viewer", "editor"]);
const provider = (env: Record<string, string | undefined> = {}, repo: { dir: string; ref: string } | null = { dir, ref: "HEAD" }): Provider =>
  providerFor(cmdResource("ok"), gh, { env: { PATH: process.env.PATH, FIXTURE_OUT: out(), ...env }, now: NOW, ...(repo ? { accessRepo: repo } : {}) });

describe("command provider: the protocol", () => {
  test("list, grant, revoke, change-role: requests valid against the published schema; replies mapped to outcomes", async () => {
    rmSync(out(), { force: true });
    const p = provider();
    const r = cmdResource("ok");
    expect(await p.list(r)).toEqual([
      { resource: "tool", grantee: "alice", role: "viewer", state: "active", handle: "u-1" },
      { resource: "tool", grantee: "bob", role: "editor", state: "pending" },
    ]);
    expect(await p.grant(r, "carol", "editor", { expiresAt: Date.UTC(2026, 11, 5, 16), lease: "leases/tool/carol.yaml" })).toEqual({ status: "granted" });
    expect(await p.grant(r, "held", "editor", {})).toEqual({ status: "unchanged" });
    expect(await p.changeRole(r, "carol", "viewer")).toEqual({ status: "granted" });
    expect(await p.revoke(r, { resource: "tool", grantee: "alice", role: "viewer", state: "active", handle: "u-1" })).toEqual({ status: "revoked" });
    const requests = readFileSync(out(), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const q of requests) expect(generated.commandRequest(q), JSON.stringify(generated.commandRequest.errors)).toBe(true);
    expect(requests[0]).toEqual({ protocol: "jit-access/command/v1", action: "list", now: "2026-12-05T12:00:00.000Z", resource: { id: "tool", roles: ["viewer", "editor"] } });
    expect(requests[1]).toMatchObject({ action: "grant", grantee: "carol", role: "editor", lease: "leases/tool/carol.yaml", expiresAt: "2026-12-05T16:00:00.000Z" });
    expect(requests[3]).toMatchObject({ action: "change-role", grantee: "carol", role: "viewer" });
    expect(requests[4]).toMatchObject({ action: "revoke", grantee: "alice", role: "viewer", state: "active", handle: "u-1" });
    // A role the policy does not list is never sent.
    expect(await p.grant(r, "carol", "root", {})).toMatchObject({ status: "failed", code: "role-unknown" });
  });

  test("the command gets PATH and the variables the policy names, nothing else (no token, no evidence key); it runs in the repo's root", async () => {
    const r = cmdResource("env", { env: ["FOO", "FIXTURE_OUT", "UNSET"] });
    const p = providerFor(r, gh, { env: { PATH: process.env.PATH, FOO: "1", FIXTURE_OUT: out(), GITHUB_TOKEN: "ghs_secret", JIT_EVIDENCE_KEY: "k", HOME: "/root", SECRET_X: "s" }, now: NOW, accessRepo: { dir, ref: "HEAD" } });
    expect(await p.grant(r, "carol", "viewer", {})).toEqual({ status: "granted" });
    const seen = JSON.parse(readFileSync(out() + ".env", "utf8")) as { keys: string[]; cwd: string };
    expect(seen.keys).toEqual(["FIXTURE_OUT", "FOO", "PATH"]);
    expect(seen.cwd).toBe(realpathSync(dir));
  });
});

describe("command provider: failures are per-item errors with a clear message", () => {
  const outcome = (mode: string, over: Partial<CommandConfig> = {}, env: Record<string, string> = {}) => {
    const r = cmdResource(mode, over);
    return provider(env).grant(r, "carol", "viewer", {});
  };

  test("a time-out stops the command and whatever it started", async () => {
    expect(await outcome("sleep", { timeout: 1 })).toMatchObject({ status: "failed", code: "command-timeout", message: expect.stringMatching(/commands\/fixture\.mjs ran longer than 1 s and was stopped/) });
    const pidFile = join(dir, "..", "grandchild.pid");
    expect(await outcome("grandchild", { timeout: 1 }, { FIXTURE_PID: pidFile })).toMatchObject({ status: "failed", code: "command-timeout" });
    // Killed: gone, or a zombie nobody reaped yet (a container's init may not), never running.
    const pid = Number(readFileSync(pidFile, "utf8"));
    // (Its files close a moment before the kernel marks it dead: wait for that, not for a time.)
    const state = () => (existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] : "gone");
    for (let i = 0; i < 100 && !["gone", "Z", "X"].includes(state() ?? ""); i++) await new Promise((r) => setTimeout(r, 50));
    expect(["gone", "Z", "X"]).toContain(state());
  });

  test("a non-zero exit, with its stderr; a long stderr shows its end, bounded", async () => {
    const o = await outcome("exit3");
    expect(o).toMatchObject({ status: "failed", code: "command-exit" });
    if (o.status === "failed") expect(o.message).toMatch(/exited with status 3\. Its stderr:\nline one\npermission denied: cannot write \/etc\/group$/);
    const big = await outcome("bigstderr");
    expect(big).toMatchObject({ status: "failed", code: "command-exit" });
    if (big.status === "failed") {
      expect(big.message).toMatch(/Its stderr \(last 2000 characters\):\n…x+\nTHE END$/);
      expect(big.message.length).toBeLessThan(STDERR_SHOWN + 300);
    }
  });

  test("a signal", async () => {
    expect(await outcome("signal")).toMatchObject({ status: "failed", code: "command-signal", message: expect.stringMatching(/ended by SIGTERM/) });
  });

  test("malformed replies: not JSON, nothing at all, off the schema, the wrong shape or status for the action, too large", async () => {
    expect(await outcome("notjson")).toMatchObject({ status: "failed", code: "command-reply-malformed", message: expect.stringMatching(/reply is not JSON \(starts with "hello, jit"\)/) });
    expect(await outcome("silent")).toMatchObject({ status: "failed", code: "command-reply-malformed", message: expect.stringMatching(/it printed nothing/) });
    expect(await outcome("badschema")).toMatchObject({ status: "failed", code: "command-reply-malformed", message: expect.stringMatching(/breaks schemas\/command-reply\.v1\.schema\.json: .*must be equal to one of the allowed values/) });
    expect(await outcome("listforgrant")).toMatchObject({ status: "failed", code: "command-reply-malformed", message: expect.stringMatching(/answered grant with a list of grants/) });
    expect(await outcome("wrongstatus")).toMatchObject({ status: "failed", code: "command-reply-malformed", message: expect.stringMatching(/answered grant with status "revoked"/) });
    expect(await outcome("oversized")).toMatchObject({ status: "failed", code: "command-reply-oversized", message: expect.stringMatching(/more than 1048576 bytes/) });
    await expect(provider().list(cmdResource("statusforlist"))).rejects.toThrow(/tool: commands\/fixture\.mjs: it answered list with a status/);
  });

  test("a failure the command reports is the item's failure, with its code and message", async () => {
    expect(await outcome("failed")).toEqual({ status: "failed", code: "no-seats", message: "grant viewer to carol on tool: commands/fixture.mjs reports a failure: no seats left on the license" });
  });
});

describe("command provider: only the committed version on the ref runs", () => {
  const refused = async (run: string, repo: { dir: string; ref: string } | null = { dir, ref: "HEAD" }) => provider({}, repo).grant(cmdResource("ok", { run }), "carol", "viewer", {});

  test("refused: uncommitted, changed in the checkout, not executable in git, a symlink, outside the repo, no checkout", async () => {
    expect(await refused("commands/uncommitted.mjs")).toMatchObject({ status: "failed", code: "command-refused", message: expect.stringMatching(/not committed on HEAD: only the committed version of a command runs\. Nothing was run\./) });
    expect(await refused("commands/changed.mjs")).toMatchObject({ status: "failed", code: "command-refused", message: expect.stringMatching(/the checkout's file differs from the version committed on HEAD/) });
    expect(await refused("commands/not-executable.mjs")).toMatchObject({ status: "failed", code: "command-refused", message: expect.stringMatching(/without the executable bit/) });
    expect(await refused("commands/link")).toMatchObject({ status: "failed", code: "command-refused", message: expect.stringMatching(/as a symbolic link/) });
    expect(await refused("../outside.mjs")).toMatchObject({ status: "failed", code: "command-refused", message: expect.stringMatching(/not a plain path inside the access repo/) });
    expect(await refused("/bin/echo")).toMatchObject({ status: "failed", code: "command-refused" });
    expect(await refused(".git/hooks/pre-commit")).toMatchObject({ status: "failed", code: "command-refused" });
    expect(await refused("commands/fixture.mjs", null)).toMatchObject({ status: "failed", code: "command-refused", message: expect.stringMatching(/no checkout of the access repo's default branch/) });
  });

  test("refused: the committed path reached through a symlinked folder in the checkout; a ref where it does not exist (a pull request's file never runs)", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "jit-elsewhere-"));
    try {
      writeFileSync(join(elsewhere, "fixture.mjs"), FIXTURE, { mode: 0o755 });
      renameSync(join(dir, "commands"), join(dir, "commands.real"));
      symlinkSync(elsewhere, join(dir, "commands"));
      expect(await refused("commands/fixture.mjs")).toMatchObject({ status: "failed", code: "command-refused", message: expect.stringMatching(/commands is a symbolic link in the checkout/) });
    } finally {
      rmSync(join(dir, "commands"));
      renameSync(join(dir, "commands.real"), join(dir, "commands"));
      rmSync(elsewhere, { recursive: true, force: true });
    }
    // A branch adds a command: runs from main never run it, even from a checkout of the branch.
    gitIn("switch", "-q", "-c", "pr");
    write("commands/from-pr.mjs", FIXTURE);
    gitIn("add", "-A");
    gitIn("commit", "-q", "-m", "a pull request's command");
    try {
      expect(await refused("commands/from-pr.mjs", { dir, ref: "main" })).toMatchObject({ status: "failed", code: "command-refused", message: expect.stringMatching(/not committed on main/) });
    } finally {
      gitIn("switch", "-q", "main");
    }
    expect(existsSync(join(dir, "commands/from-pr.mjs"))).toBe(false);
  });
});
