/**
 * The provider contract (./contract.ts) against real targets: ssh-certificate with a real
 * sshd (it alone says whether a certificate is honoured), command with the worked example
 * (examples/commands/unix-group.mjs and gpasswd, as root), and postgres (elevate) with a real
 * PostgreSQL server.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { LEDGER_REF, gitLedger } from "../../src/git/provider-ledger.js";
import type { ProviderLedger } from "../../src/providers/ledger.js";
import type { Provider } from "../../src/providers/provider.js";
import { providerFor } from "../../src/providers/registry.js";
import { KRL_FILE, certificateState, namespaceOf } from "../../src/providers/ssh-certificate.js";
import { buildKrl } from "../../src/ssh/krl.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { usePostgres } from "../helpers/postgres.js";
import type { UserKey } from "../helpers/sshd.js";
import { useTestSshd } from "../helpers/sshd.js";
import type { ContractSubject } from "./contract.js";
import { providerContract } from "./contract.js";
import { resource } from "./support.js";

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const FUTURE = Date.UTC(2099, 0, 1);
const work = mkdtempSync(join(tmpdir(), "jit-contract-"));
const git = (dir: string, ...args: string[]) => execFileSync("git", args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("ssh-certificate", () => {
  const sshd = useTestSshd();
  let emu: CheckedEmulator;
  let gh: GitHubClient;
  let ledger: ProviderLedger;
  let repoDir: string;
  let key: UserKey;
  const r = resource("contract-ssh", { type: "ssh-certificate", org: "acme", ca: { env: "JIT_SSH_CA" } }, ["deploy", "dba"]);
  beforeAll(async () => {
    emu = await startCheckedEmulator({ now: () => new Date(NOW) });
    emu.state.addOrg("acme");
    emu.state.addUser("nokeys");
    key = await sshd.newUserKey("alice");
    emu.state.addSshKey("alice", key.publicKey);
    gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
    repoDir = mkdtempSync(join(work, "ssh-"));
    git(repoDir, "init", "-q", "-b", "main");
    ledger = gitLedger({ repoDir, repository: "acme/access", key: "k", now: NOW });
  });
  afterAll(async () => {
    await sshd.installKrl(buildKrl({ caBlob: new Uint8Array(), serials: [], version: 0n, generatedAt: 0 }));
    await emu.close();
  });
  /** sshd decides: every certificate ever issued to grantee for role, with the KRL as published now. */
  const holds = async (grantee: string, role: string) => {
    const issued = [...certificateState(await ledger.read(namespaceOf(r))).issued.values()].filter((c) => c.grantee === grantee && c.principal === role);
    try {
      await sshd.installKrl(execFileSync("git", ["show", `${LEDGER_REF}:${namespaceOf(r)}/${KRL_FILE}`], { cwd: repoDir, stdio: ["ignore", "pipe", "ignore"] }));
    } catch {
      // nothing published yet
    }
    await sshd.setPrincipals([role]);
    for (const c of issued) {
      const path = join(work, `cert-${c.serial}-cert.pub`);
      writeFileSync(path, c.certificate + "\n");
      if ((await sshd.ssh(key, "true", { certificate: path })).code === 0) return true;
    }
    return false;
  };
  providerContract(
    (): ContractSubject => ({
      resource: r,
      provider: () => providerFor(r, gh, { env: { JIT_SSH_CA: readFileSync(sshd.caKey, "utf8") }, now: NOW, ledger }),
      grantee: "alice",
      roles: ["deploy", "dba"],
      opts: { expiresAt: FUTURE, lease: "leases/contract-ssh/alice.yaml" },
      failing: { grantee: "nokeys", role: "deploy" },
      holds,
    }),
  );
});

describe("command (the worked example: Unix groups through gpasswd)", () => {
  const tag = Math.random().toString(36).slice(2, 8);
  const account = `jitc${tag}`;
  const groups: [string, string] = [`jitc${tag}a`, `jitc${tag}b`];
  let dir: string;
  const r = resource("contract-cmd", { type: "command", org: "acme", run: "commands/unix-group.mjs", env: ["JIT_UNIX_USERS"] }, groups);
  beforeAll(() => {
    if (process.getuid?.() !== 0) throw new Error("the command contract runs gpasswd, useradd and groupadd: run it as root (.ci/run does)");
    for (const g of groups) execFileSync("groupadd", [g]);
    execFileSync("useradd", ["-M", "-N", "-s", "/usr/sbin/nologin", account]);
    dir = mkdtempSync(join(work, "cmd-"));
    git(dir, "init", "-q", "-b", "main");
    mkdirSync(join(dir, "commands"));
    copyFileSync(resolve(import.meta.dirname, "../../examples/commands/unix-group.mjs"), join(dir, "commands/unix-group.mjs"));
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "command");
  });
  afterAll(() => {
    for (const args of [["userdel", account], ...groups.map((g) => ["groupdel", g])]) {
      try {
        execFileSync(args[0]!, args.slice(1), { stdio: "ignore" });
      } catch {
        // gone
      }
    }
  });
  const members = (g: string) => (execFileSync("getent", ["group", g], { encoding: "utf8" }).trim().split(":")[3] ?? "").split(",").filter(Boolean);
  providerContract(
    (): ContractSubject => ({
      resource: r,
      provider: () => providerFor(r, {} as never, { env: { PATH: process.env.PATH, JIT_UNIX_USERS: `alice=${account}` }, now: NOW, accessRepo: { dir, ref: "HEAD" } }),
      grantee: "alice",
      roles: groups,
      failing: { grantee: "no-unix-account", role: groups[0] },
      holds: async (_grantee, role) => members(role).includes(account),
    }),
  );
});

describe("postgres (elevate)", () => {
  const db = usePostgres();
  const opened: Provider[] = [];
  let roles: [string, string];
  let login: string;
  let r: ReturnType<typeof resource>;
  beforeAll(async () => {
    const admin = await db.connect();
    roles = [db.role("c_read"), db.role("c_write")];
    login = db.role("alice");
    for (const role of roles) await admin.query(`CREATE ROLE ${role} NOLOGIN`);
    await admin.query(`CREATE ROLE ${login} LOGIN PASSWORD 'x'`);
    r = resource("contract-pg", { type: "postgres", org: "acme", connection: { env: "JIT_PG" }, access: "elevate", logins: { pattern: `${db.prefix}_{login}` } }, roles);
  });
  afterAll(async () => {
    await Promise.all(opened.map((p) => p.close?.()));
  });
  providerContract(
    (): ContractSubject => ({
      resource: r,
      provider: () => {
        const p = providerFor(r, {} as never, { env: { JIT_PG: db.adminUrl }, now: NOW });
        opened.push(p);
        return p;
      },
      grantee: "alice",
      roles,
      failing: { grantee: "nobody", role: roles[0] },
      holds: async (_grantee, role) => {
        const admin = await db.connect();
        return (await admin.query<{ m: boolean }>("SELECT pg_has_role($1, $2, 'MEMBER') AS m", [login, role])).rows[0]!.m;
      },
    }),
  );
});
