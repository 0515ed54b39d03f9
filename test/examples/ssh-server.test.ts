/**
 * The server side of ssh-certificate resources (examples/ssh-server), for real:
 * - jit-krl-fetch installs the revocation list a revoke pushed to the access repo's ledger,
 *   so sshd refuses the certificate on the next connection; rewriting the ref afterwards does
 *   not bring the certificate back (the installed list only grows); a fetched file that is not
 *   a KRL is refused and the installed one kept.
 * - jit-session-limit (ForceCommand, ExposeAuthInfo) runs a certificate login's command under
 *   `timeout` for the time the certificate has left.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createClient } from "../../src/github/client.js";
import { LEDGER_REF, gitLedger } from "../../src/git/provider-ledger.js";
import { providerFor } from "../../src/providers/registry.js";
import type { GrantOutcome } from "../../src/providers/provider.js";
import { buildKrl } from "../../src/ssh/krl.js";
import { parseCertificate, signUserCertificate } from "../../src/ssh/user-certificate.js";
import { parseSshPrivateKey } from "../../src/credentials/openssh-private-key.js";
import type { Ed25519PrivateKey } from "../../src/credentials/openssh-private-key.js";
import { parseSshPublicKey } from "../../src/credentials/ssh-public-key.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { useTestSshd } from "../helpers/sshd.js";
import { requireCommand, run } from "../helpers/system-tools.js";
import { resource } from "../providers/support.js";

const EXAMPLES = resolve(import.meta.dirname, "../../examples/ssh-server");
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const FUTURE = Date.UTC(2099, 0, 1);
const work = mkdtempSync(join(tmpdir(), "jit-ssh-server-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const git = (dir: string, ...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });

describe("jit-krl-fetch", () => {
  const sshd = useTestSshd();
  let emu: CheckedEmulator;
  beforeAll(async () => {
    requireCommand("ssh-keygen", "openssh-client");
    emu = await startCheckedEmulator({ now: () => new Date(NOW) });
    emu.state.addOrg("acme");
  });
  afterAll(async () => {
    await sshd.installKrl(buildKrl({ caBlob: new Uint8Array(), serials: [], version: 0n, generatedAt: 0 }));
    await emu.close();
  });

  test("installs what a revoke pushed: refused on the next connection; a rewritten ref does not take it back; garbage is refused", async () => {
    await sshd.setPrincipals(["deploy"]);
    const key = await sshd.newUserKey("alice");
    emu.state.addSshKey("alice", key.publicKey);
    const origin = join(work, "origin.git");
    execFileSync("git", ["init", "-q", "--bare", origin]);
    const clone = join(work, "runner");
    execFileSync("git", ["clone", "-q", origin, clone]);
    const ledger = gitLedger({ repoDir: clone, repository: "acme/access", key: "k", remote: "origin", now: NOW });
    const r = resource("prod-ssh", { type: "ssh-certificate", org: "acme", ca: { env: "JIT_SSH_CA" } }, ["deploy"]);
    const p = providerFor(r, createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false }), { env: { JIT_SSH_CA: readFileSync(sshd.caKey, "utf8") }, now: NOW, ledger });
    const out: GrantOutcome = await p.grant(r, "alice", "deploy", { expiresAt: FUTURE, lease: "leases/prod-ssh/alice.yaml" });
    if (out.status !== "granted" || !out.published) throw new Error(JSON.stringify(out));
    const certPath = `${key.path}-cert.pub`;
    writeFileSync(certPath, out.published.text);
    const fetch = () => run("sh", [join(EXAMPLES, "jit-krl-fetch"), origin, "prod-ssh", `${sshd.caKey}.pub`, sshd.krlPath]);

    // Before any revoke: the list is empty, the certificate logs in.
    expect((await fetch()).code).toBe(0);
    expect((await sshd.ssh(key, "true")).code).toBe(0);
    const beforeRevoke = git(origin, "rev-parse", LEDGER_REF).trim();

    const [g] = await p.list(r);
    expect(await p.revoke(r, g!)).toEqual({ status: "revoked" });
    expect((await sshd.ssh(key, "true")).code).toBe(0); // the server has not fetched yet
    const fetched = await fetch();
    expect(fetched.stderr).toBe("");
    expect(fetched.code).toBe(0);
    expect((await sshd.ssh(key, "true")).code).toBe(255);
    const serial = parseCertificate(out.published.text.trim()).serial;
    expect(execFileSync("ssh-keygen", ["-Q", "-l", "-f", sshd.krlPath], { encoding: "utf8" })).toContain(`serial: ${serial}`);

    // Someone with push access moves the ref back to before the revoke: the server keeps it.
    git(clone, "push", "-q", "--force", "origin", `${beforeRevoke}:${LEDGER_REF}`);
    expect((await fetch()).code).toBe(0);
    expect((await sshd.ssh(key, "true")).code).toBe(255);

    // A file that is not a KRL: refused, the installed list stays.
    const bogus = join(work, "bogus");
    execFileSync("git", ["clone", "-q", origin, bogus]);
    git(bogus, "fetch", "-q", "origin", `${LEDGER_REF}:${LEDGER_REF}`);
    git(bogus, "switch", "-q", "--detach", LEDGER_REF);
    writeFileSync(join(bogus, "ssh-certificate/prod-ssh/revoked.krl"), "not a krl\n");
    git(bogus, "commit", "-qam", "garbage");
    git(bogus, "push", "-q", "--force", "origin", `HEAD:${LEDGER_REF}`);
    const refused = await fetch();
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/the fetched file is not a KRL; keeping/);
    expect((await sshd.ssh(key, "true")).code).toBe(255);
  });
});

describe("jit-session-limit", () => {
  const sshd = useTestSshd({
    files: { "jit-session-limit": { content: readFileSync(join(EXAMPLES, "jit-session-limit"), "utf8"), mode: 0o755 } },
    extraConfig: ["ExposeAuthInfo yes", "ForceCommand {server}/jit-session-limit"],
  });

  test("a certificate login's command runs under timeout for the time its certificate has left", async () => {
    requireCommand("timeout", "coreutils");
    await sshd.setPrincipals(["deploy"]);
    const key = await sshd.newUserKey("bob");
    const ca = parseSshPrivateKey(readFileSync(sshd.caKey, "utf8")) as Ed25519PrivateKey;
    const pub = parseSshPublicKey(key.publicKey);
    if (!pub.ok) throw new Error("key");
    const cert = signUserCertificate({ ca, publicKey: pub.key, principals: ["deploy"], validAfter: Date.UTC(2020, 0, 1) / 1000, validBefore: FUTURE / 1000, serial: 77n, keyId: "limit", extensions: ["permit-pty"], nonce: new Uint8Array(32).fill(7) });
    writeFileSync(`${key.path}-cert.pub`, cert + "\n");
    const r = await sshd.ssh(key, "echo ran; tr '\\0' ' ' < /proc/$PPID/cmdline");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [ran, parent = ""] = r.stdout.trim().split("\n");
    expect(ran).toBe("ran");
    const m = /^timeout --signal=HUP --kill-after=10 (\d+) \/bin\/sh -c /.exec(parent);
    expect(m, parent).not.toBeNull();
    // Until 2099: decades left (whatever today is, before 2049).
    expect(Number(m![1])).toBeGreaterThan(50 * 365 * 24 * 3600);
  });
});
