/**
 * A real, unprivileged OpenSSH server for tests (Debian's openssh-server): its own config,
 * host key and port on 127.0.0.1; user certificates signed by a test CA (TrustedUserCAKeys),
 * principals per user (AuthorizedPrincipalsFile), a revocation list (RevokedKeys), no
 * authorized_keys and no passwords. As root it runs as the system user `jit-ssh-test`
 * (.ci/run creates it); otherwise as the current user. A non-root sshd logs in only the user it
 * runs as, and cannot allocate a pty: run non-interactive commands.
 *
 *   const sshd = useTestSshd();                      // at the top of a test file
 *   test("…", async () => {
 *     await sshd.setPrincipals(["db-admin"]);
 *     const key = await sshd.newUserKey("alice");
 *     const cert = await sshd.signUserKey(key, { keyId: "lease-1", principals: ["db-admin"], serial: 1 });
 *     expect((await sshd.ssh(key, "true", { certificate: cert })).code).toBe(0);
 *   });
 *
 * Missing binaries or user FAIL the tests with the command that installs them (never a skip).
 * One server per test file (start ≈ 0.4 s).
 */
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { chmodSync, chownSync, copyFileSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { freePort } from "./postgres-server.js";
import type { RunResult } from "./system-tools.js";
import { requireCommand, run, runOk } from "./system-tools.js";

/** The system user the test sshd runs as when the tests run as root. */
export const SSH_TEST_USER = "jit-ssh-test";
const SSHD = "/usr/sbin/sshd";

export interface UserKey {
  /** private key path (the public key is at `${path}.pub`) */
  path: string;
  /** the public key line */
  publicKey: string;
}

export interface SignOptions {
  keyId: string;
  principals: string[];
  serial?: number;
  /** ssh-keygen -V: "always:forever" (default), or absolute "YYYYMMDDHHMMSSZ:YYYYMMDDHHMMSSZ" */
  validity?: string;
}

export interface TestSshd {
  readonly host: string;
  readonly port: number;
  /** the login name (the user sshd runs as) */
  readonly user: string;
  /** CA private key path (client side) and its public key line (trusted by sshd) */
  readonly caKey: string;
  readonly caPublicKey: string;
  /** known_hosts file naming this server's host key */
  readonly knownHostsFile: string;
  /** what sshd logged so far (LogLevel VERBOSE: accepted certificate ids, refusals) */
  log(): string;
  /** the principals accepted for `user` (AuthorizedPrincipalsFile) */
  setPrincipals(principals: string[]): Promise<void>;
  /** adds ssh-keygen KRL specification lines ("serial: 3", "id: lease-1", …); takes effect on the next connection */
  revoke(specLines: string[]): Promise<void>;
  /** replaces the server's KRL (RevokedKeys) with these bytes, as a fetch timer would; takes effect on the next connection */
  installKrl(bytes: Uint8Array): Promise<void>;
  /** the server's KRL file (RevokedKeys) */
  readonly krlPath: string;
  /** a new ed25519 user key in the client directory */
  newUserKey(name: string): Promise<UserKey>;
  /** signs a user key with the test CA; returns the certificate path */
  signUserKey(key: UserKey, opts: SignOptions): Promise<string>;
  /** runs `command` over ssh as `user` (non-interactive, BatchMode) */
  ssh(key: UserKey, command: string, opts?: { certificate?: string }): Promise<RunResult>;
  stop(): Promise<void>;
}

interface Owner {
  user: string;
  uid?: number;
  gid?: number;
  home: string;
}

async function sshdOwner(): Promise<Owner> {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { user: me.username, home: me.homedir };
  }
  const line = readFileSync("/etc/passwd", "utf8").split("\n").find((l) => l.startsWith(`${SSH_TEST_USER}:`));
  const [, , uid, gid, , home] = line?.split(":") ?? [];
  if (!line || uid === undefined || gid === undefined) {
    throw new Error(
      `the system user ${SSH_TEST_USER} is missing: the test sshd runs as it ` +
        `(\`useradd --system --user-group --shell /bin/sh --home-dir /var/lib/${SSH_TEST_USER} --create-home ${SSH_TEST_USER}\`; .ci/run creates it)`,
    );
  }
  return { user: SSH_TEST_USER, uid: Number(uid), gid: Number(gid), home: home || "/" };
}

async function opensshVersion(): Promise<[number, number]> {
  const r = await run("ssh", ["-V"]);
  const m = /OpenSSH_(\d+)\.(\d+)/.exec(r.stderr + r.stdout);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Starts sshd in the foreground; resolves once it listens, rejects with its output if it exits first. */
function launch(config: string, owner: Owner, logFile: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SSHD, ["-D", "-e", "-f", config], {
      uid: owner.uid,
      gid: owner.gid,
      env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", HOME: owner.home, LANG: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const log = createWriteStream(logFile, { flags: "a" });
    let output = "";
    let listening = false;
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      output += chunk;
      log.write(chunk);
      if (!listening && output.includes(`Server listening on 127.0.0.1 port ${port}`)) {
        listening = true;
        resolve({ child, output: () => output });
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      log.end();
      if (!listening) reject(new Error(`sshd exited (${signal ?? code}) before listening:\n${output.trim()}`));
    });
  });
}

export interface SshdOptions {
  /** files to place in the server's directory (readable by sshd's user) before it starts, e.g. a ForceCommand script */
  files?: Record<string, { content: string; mode?: number }>;
  /** more sshd_config lines; `{server}` stands for the server's directory */
  extraConfig?: string[];
}

export async function startTestSshd(opts: SshdOptions = {}): Promise<TestSshd> {
  requireCommand(SSHD, "openssh-server");
  const sshKeygen = requireCommand("ssh-keygen", "openssh-client");
  const sshClient = requireCommand("ssh", "openssh-client");
  const owner = await sshdOwner();

  const base = mkdtempSync(join(tmpdir(), "jit-sshd-"));
  const server = join(base, "server");
  const client = join(base, "client");
  const principalsDir = join(server, "principals");
  mkdirSync(principalsDir, { recursive: true });
  mkdirSync(client, { mode: 0o700 });
  chmodSync(base, 0o711); // the sshd user reaches server/ only

  const hostKey = join(server, "host_ed25519_key");
  const caKey = join(client, "ca");
  const krl = join(server, "revoked.krl");
  const pidFile = join(server, "sshd.pid");
  const config = join(server, "sshd_config");
  const logFile = join(base, "sshd.log");
  const knownHostsFile = join(client, "known_hosts");
  await Promise.all([
    runOk(sshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", "test-host", "-f", hostKey]),
    runOk(sshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", "test-ca", "-f", caKey]),
  ]);
  copyFileSync(`${caKey}.pub`, join(server, "ca.pub"));
  await runOk(sshKeygen, ["-q", "-k", "-f", krl]); // an empty KRL: a missing one refuses every certificate
  writeFileSync(join(principalsDir, owner.user), "");
  const extraFiles = Object.entries(opts.files ?? {}).map(([name, f]) => {
    const path = join(server, name);
    writeFileSync(path, f.content, { mode: f.mode ?? 0o644 });
    chmodSync(path, f.mode ?? 0o644);
    return path;
  });
  if (owner.uid !== undefined && owner.gid !== undefined) {
    for (const p of [server, principalsDir, hostKey, `${hostKey}.pub`, join(server, "ca.pub"), krl, join(principalsDir, owner.user), ...extraFiles]) {
      chownSync(p, owner.uid, owner.gid);
    }
  }
  const [major, minor] = await opensshVersion();

  let started: { child: ChildProcess; output: () => string; port: number } | undefined;
  let lastError: unknown;
  for (let attempt = 0; attempt < 5 && !started; attempt++) {
    const port = await freePort();
    const lines = [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `PidFile ${pidFile}`,
      `TrustedUserCAKeys ${join(server, "ca.pub")}`,
      `AuthorizedPrincipalsFile ${principalsDir}/%u`,
      `RevokedKeys ${krl}`,
      "AuthorizedKeysFile none",
      "PubkeyAuthentication yes",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "UsePAM no",
      "StrictModes no",
      "PermitRootLogin no",
      "UseDNS no",
      "PrintMotd no",
      "LogLevel VERBOSE",
      ...(opts.extraConfig ?? []).map((l) => l.replaceAll("{server}", server)),
      // newer OpenSSH penalizes sources with failed logins: tests provoke them from 127.0.0.1
      ...(major > 9 || (major === 9 && minor >= 8) ? ["PerSourcePenalties no"] : []),
      "",
    ];
    writeFileSync(config, lines.join("\n"));
    if (owner.uid !== undefined && owner.gid !== undefined) chownSync(config, owner.uid, owner.gid);
    try {
      started = { ...(await launch(config, owner, logFile, port)), port };
    } catch (err) {
      lastError = err; // most likely the port was taken meanwhile
    }
  }
  if (!started) {
    rmSync(base, { recursive: true, force: true });
    throw new Error(`could not start the test sshd: ${(lastError as Error).message}`);
  }
  const { child, output, port } = started;
  const hostPublic = readFileSync(`${hostKey}.pub`, "utf8").trim().split(" ").slice(0, 2).join(" ");
  writeFileSync(knownHostsFile, `[127.0.0.1]:${port} ${hostPublic}\n`);
  let keyCount = 0;
  let revokeCount = 0;

  return {
    host: "127.0.0.1",
    port,
    user: owner.user,
    caKey,
    caPublicKey: readFileSync(`${caKey}.pub`, "utf8").trim(),
    knownHostsFile,
    log: output,
    async setPrincipals(principals) {
      const file = join(principalsDir, owner.user);
      writeFileSync(file, principals.map((p) => p + "\n").join(""));
      if (owner.uid !== undefined && owner.gid !== undefined) chownSync(file, owner.uid, owner.gid);
    },
    async revoke(specLines) {
      const spec = join(client, `revoke-${++revokeCount}.txt`);
      writeFileSync(spec, specLines.map((l) => l + "\n").join(""));
      await runOk(sshKeygen, ["-q", "-k", "-u", "-f", krl, "-s", `${caKey}.pub`, spec]);
      chmodSync(krl, 0o644);
    },
    async installKrl(bytes) {
      const next = `${krl}.new`;
      writeFileSync(next, bytes, { mode: 0o644 });
      renameSync(next, krl);
    },
    krlPath: krl,
    async newUserKey(name) {
      const path = join(client, `${name.replace(/[^A-Za-z0-9_-]/g, "_")}-${++keyCount}`);
      await runOk(sshKeygen, ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path]);
      return { path, publicKey: readFileSync(`${path}.pub`, "utf8").trim() };
    },
    async signUserKey(key, opts) {
      const args = ["-q", "-s", caKey, "-I", opts.keyId, "-n", opts.principals.join(","), "-V", opts.validity ?? "always:forever"];
      if (opts.serial !== undefined) args.push("-z", String(opts.serial));
      await runOk(sshKeygen, [...args, `${key.path}.pub`]);
      return `${key.path}-cert.pub`;
    },
    ssh(key, command, opts = {}) {
      return run(sshClient, [
        "-F", "/dev/null",
        "-p", String(port),
        "-i", key.path,
        ...(opts.certificate ? ["-o", `CertificateFile=${opts.certificate}`] : []),
        "-o", "IdentitiesOnly=yes",
        "-o", "BatchMode=yes",
        "-o", "StrictHostKeyChecking=yes",
        "-o", `UserKnownHostsFile=${knownHostsFile}`,
        "-o", "GlobalKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR",
        "-T",
        `${owner.user}@127.0.0.1`,
        "--",
        command,
      ]);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Registers beforeAll/afterAll hooks for one sshd per test file; use the fields inside tests. */
export function useTestSshd(opts: SshdOptions = {}): TestSshd {
  let sshd: TestSshd | undefined;
  beforeAll(async () => {
    sshd = await startTestSshd(opts);
  });
  afterAll(async () => {
    await sshd?.stop();
  });
  const need = (): TestSshd => {
    if (!sshd) throw new Error("the test sshd is not running (useTestSshd() must be called at the top of the test file)");
    return sshd;
  };
  return {
    get host() { return need().host; },
    get port() { return need().port; },
    get user() { return need().user; },
    get caKey() { return need().caKey; },
    get caPublicKey() { return need().caPublicKey; },
    get knownHostsFile() { return need().knownHostsFile; },
    log: () => need().log(),
    setPrincipals: (p) => need().setPrincipals(p),
    revoke: (s) => need().revoke(s),
    installKrl: (b) => need().installKrl(b),
    get krlPath() { return need().krlPath; },
    newUserKey: (n) => need().newUserKey(n),
    signUserKey: (k, o) => need().signUserKey(k, o),
    ssh: (k, c, o) => need().ssh(k, c, o),
    stop: () => need().stop(),
  };
}
