/**
 * The worked example of the command provider, for real: examples/commands/unix-group.mjs,
 * committed in an access repo, adds and removes a Unix account to and from groups on this
 * machine through gpasswd, driven by the command provider. Needs root (gpasswd edits
 * /etc/group; .ci/run runs as root); it makes its own account and groups and deletes them.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Provider } from "../../src/providers/provider.js";
import { providerFor } from "../../src/providers/registry.js";
import { requireCommand } from "../helpers/system-tools.js";
import { resource } from "../providers/support.js";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/commands/unix-group.mjs");
const tag = Math.random().toString(36).slice(2, 8);
const ACCOUNT = `jitu${tag}`;
const [VIEW, OPS] = [`jitg${tag}v`, `jitg${tag}o`];
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
let dir: string;

const members = (g: string) => (execFileSync("getent", ["group", g], { encoding: "utf8" }).trim().split(":")[3] ?? "").split(",").filter(Boolean);

beforeAll(() => {
  if (process.getuid?.() !== 0) throw new Error("this test adds a Unix account and groups with useradd/groupadd and gpasswd: run it as root (.ci/run does)");
  for (const [cmd, pkg] of [["useradd", "passwd"], ["groupadd", "passwd"], ["gpasswd", "passwd"], ["getent", "libc-bin"]] as const) requireCommand(cmd, pkg);
  execFileSync("groupadd", [VIEW]);
  execFileSync("groupadd", [OPS]);
  execFileSync("useradd", ["-M", "-N", "-s", "/usr/sbin/nologin", ACCOUNT]);
  dir = mkdtempSync(join(tmpdir(), "jit-unix-group-"));
  const git = (...a: string[]) => execFileSync("git", a, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });
  git("init", "-q", "-b", "main");
  mkdirSync(join(dir, "commands"));
  copyFileSync(EXAMPLE, join(dir, "commands/unix-group.mjs"));
  git("add", "-A");
  git("commit", "-q", "-m", "unix-group command");
});
afterAll(() => {
  for (const args of [["userdel", ACCOUNT], ["groupdel", VIEW], ["groupdel", OPS]]) {
    try {
      execFileSync(args[0]!, args.slice(1), { stdio: "ignore" });
    } catch {
      // already gone
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const r = () => resource("build-hosts", { type: "command", org: "acme", run: "commands/unix-group.mjs", env: ["JIT_UNIX_USERS"] }, [VIEW, OPS]);
const provider = (): Provider => providerFor(r(), {} as never, { env: { PATH: process.env.PATH, JIT_UNIX_USERS: `Alice=${ACCOUNT}` }, now: NOW, accessRepo: { dir, ref: "HEAD" } });

test("grant adds the grantee's account to the group, list reports it, revoke removes it; repeats are unchanged; failures are per item", async () => {
  const p = provider();
  expect(await p.list(r())).toEqual([]);
  expect(await p.grant(r(), "alice", VIEW, { expiresAt: NOW + 3_600_000, lease: "leases/build-hosts/alice.yaml" })).toEqual({ status: "granted" });
  expect(members(VIEW)).toEqual([ACCOUNT]);
  expect(await p.grant(r(), "alice", VIEW, {})).toEqual({ status: "unchanged" });
  expect(await p.list(r())).toEqual([{ resource: "build-hosts", grantee: "alice", role: VIEW, state: "active", handle: ACCOUNT }]);

  // change-role: from one group to the other.
  expect(await p.changeRole(r(), "alice", OPS)).toEqual({ status: "granted" });
  expect([members(VIEW), members(OPS)]).toEqual([[], [ACCOUNT]]);
  expect(await p.changeRole(r(), "alice", OPS)).toEqual({ status: "unchanged" });

  const [g] = await p.list(r());
  expect(await p.revoke(r(), g!)).toEqual({ status: "revoked" });
  expect(members(OPS)).toEqual([]);
  expect(await p.revoke(r(), g!)).toEqual({ status: "unchanged" });

  expect(await p.grant(r(), "nobody-here", VIEW, {})).toMatchObject({ status: "failed", code: "account-missing", message: expect.stringMatching(/nobody-here has no Unix account here/) });
  const missingGroup = resource("build-hosts", { type: "command", org: "acme", run: "commands/unix-group.mjs" }, [`jitg${tag}none`]);
  await expect(provider().list(missingGroup)).rejects.toThrow(new RegExp(`build-hosts: commands/unix-group.mjs: reports a failure: the group "jitg${tag}none" does not exist on this machine`));
  expect(await provider().grant(missingGroup, "alice", `jitg${tag}none`, {})).toMatchObject({ status: "failed", code: "group-missing" });
});
