/**
 * The ssh-certificate provider against a real OpenSSH server and the GitHub emulator (the
 * grantee's keys): a granted certificate logs in within its window, is refused after its end
 * with no sweep run, is refused on the next connection after an early revoke (the KRL the
 * ledger publishes, installed as a server's fetch timer would), and a certificate for
 * another principal is refused. Windows are set in 2020–2021 (over) or up to 2099 (open),
 * so nothing depends on the clock.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { LEDGER_REF, gitLedger } from "../../src/git/provider-ledger.js";
import type { SshCertificateConfig } from "../../src/policy/policy.js";
import type { ProviderLedger } from "../../src/providers/ledger.js";
import type { GrantOutcome, Provider } from "../../src/providers/provider.js";
import { providerFor } from "../../src/providers/registry.js";
import { KRL_FILE, namespaceOf } from "../../src/providers/ssh-certificate.js";
import { buildKrl } from "../../src/ssh/krl.js";
import { parseCertificate } from "../../src/ssh/user-certificate.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import type { UserKey } from "../helpers/sshd.js";
import { useTestSshd } from "../helpers/sshd.js";
import { requireCommand, runOk } from "../helpers/system-tools.js";
import { resource } from "./support.js";

const sshd = useTestSshd();
const SSH_KEYGEN = requireCommand("ssh-keygen", "openssh-client");
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
const FUTURE = Date.UTC(2099, 0, 1);
const LEASE = "leases/prod-ssh/alice.yaml";

let emu: CheckedEmulator;
let gh: GitHubClient;
let repoDir: string;
let ledger: ProviderLedger;
let caText: string;
const work = mkdtempSync(join(tmpdir(), "jit-ssh-provider-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  caText = readFileSync(sshd.caKey, "utf8");
});
beforeEach(async () => {
  emu = await startCheckedEmulator({ now: () => new Date(NOW) });
  emu.state.addOrg("acme");
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
  repoDir = mkdtempSync(join(work, "repo-"));
  execFileSync("git", ["init", "-q", "-b", "main", repoDir]);
  ledger = gitLedger({ repoDir, repository: "acme/access", key: "evidence-key", now: NOW });
});
afterEach(async () => {
  await emu.close();
});

const sshResource = (id = "prod-ssh", extra: Partial<SshCertificateConfig> = {}) => resource(id, { type: "ssh-certificate", org: "acme", ca: { env: "JIT_SSH_CA" }, ...extra }, ["deploy", "dba"]);
const provider = (now = NOW, over: { env?: Record<string, string | undefined>; ledger?: ProviderLedger | undefined } = {}): Provider =>
  providerFor(sshResource(), gh, { env: over.env ?? { JIT_SSH_CA: caText }, now, ...("ledger" in over ? (over.ledger ? { ledger: over.ledger } : {}) : { ledger }) });

function published(o: GrantOutcome): string[] {
  if (o.status !== "granted" || !o.published) throw new Error(`nothing published: ${JSON.stringify(o)}`);
  return o.published.text.trim().split("\n");
}
/** Writes a certificate line next to the key whose public key it certifies; returns its path. */
function install(keys: UserKey[], line: string): string {
  const cert = parseCertificate(line);
  const key = keys.find((k) => k.publicKey.split(" ").slice(0, 2).join(" ") === cert.publicKeyLine);
  if (!key) throw new Error("no local key for this certificate");
  const path = `${key.path}-${cert.serial}-cert.pub`;
  writeFileSync(path, line + "\n");
  return path;
}
async function rsaKey(name: string): Promise<UserKey> {
  const path = join(work, `${name}-${Math.random().toString(36).slice(2)}`);
  await runOk(SSH_KEYGEN, ["-q", "-t", "rsa", "-b", "3072", "-N", "", "-C", name, "-f", path]);
  return { path, publicKey: readFileSync(`${path}.pub`, "utf8").trim() };
}
async function installKrlFromLedger(r = sshResource()): Promise<void> {
  await sshd.installKrl(execFileSync("git", ["show", `${LEDGER_REF}:${namespaceOf(r)}/${KRL_FILE}`], { cwd: repoDir }));
}

describe("ssh-certificate provider with a real sshd", () => {
  test("grant: one certificate per GitHub key (ed25519, RSA) for the leased principal, valid to the lease's end; logs in; another principal is refused; a repeat changes nothing", async () => {
    await sshd.setPrincipals(["deploy"]);
    const ed = await sshd.newUserKey("alice");
    const rsa = await rsaKey("alice-rsa");
    emu.state.addSshKey("alice", ed.publicKey);
    emu.state.addSshKey("alice", rsa.publicKey);
    emu.state.addSshKey("alice", "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t");
    const p = provider();
    const r = sshResource();
    expect(await p.list(r)).toEqual([]);
    const out = await p.grant(r, "alice", "deploy", { expiresAt: FUTURE, lease: LEASE });
    const lines = published(out);
    expect(lines).toHaveLength(2);
    const certs = lines.map(parseCertificate);
    for (const c of certs) {
      expect(c).toMatchObject({ type: "user", principals: ["deploy"], validAfter: BigInt(NOW / 1000 - 60), validBefore: BigInt(FUTURE / 1000), keyId: `jit-access:acme/access:${LEASE}:alice`, extensions: ["permit-pty"], criticalOptions: {}, signatureValid: true });
      expect(c.serial).toBeGreaterThan(0n);
    }
    expect(new Set(certs.map((c) => c.serial)).size).toBe(2);
    expect(certs.map((c) => c.keyType).sort()).toEqual(["ssh-ed25519", "ssh-rsa"]);
    if (out.status === "granted") expect(out.published?.summary).toMatch(/Principal `deploy`, valid from 2025-01-01T11:59:00Z to 2099-01-01T00:00:00Z/);

    // Both keys log in with their certificate.
    for (const line of lines) {
      const path = install([ed, rsa], line);
      const key = [ed, rsa].find((k) => path.startsWith(k.path))!;
      const res = await sshd.ssh(key, "echo in", { certificate: path });
      expect(res.stderr).toBe("");
      expect(res.stdout.trim()).toBe("in");
    }
    expect(sshd.log()).toContain(`ID jit-access:acme/access:${LEASE}:alice (serial ${certs[0]!.serial})`);

    // The server maps no account to "deploy" any more: the same certificate is refused.
    await sshd.setPrincipals(["dba"]);
    expect((await sshd.ssh(ed, "true", { certificate: install([ed, rsa], lines.find((l) => parseCertificate(l).keyType === "ssh-ed25519")!) })).code).toBe(255);
    await sshd.setPrincipals(["deploy"]);

    expect(await p.list(r)).toEqual([{ resource: r.id, grantee: "alice", role: "deploy", state: "active", handle: certs.map((c) => c.serial).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(","), expiresAt: FUTURE }]);
    expect(await p.grant(r, "Alice", "deploy", { expiresAt: FUTURE, lease: LEASE })).toEqual({ status: "unchanged" });
    // A lease extended since: new certificates to the new end.
    const later = provider();
    expect(published(await later.grant(r, "alice", "deploy", { expiresAt: FUTURE + 3_600_000, lease: LEASE }))).toHaveLength(2);
    expect((await later.list(r))[0]!.handle!.split(",")).toHaveLength(4);
  });

  test("expiry is native: a certificate whose lease ended is refused by sshd though no sweep ran, and no longer listed", async () => {
    await sshd.setPrincipals(["deploy"]);
    const key = await sshd.newUserKey("bob");
    emu.state.addSshKey("bob", key.publicKey);
    const then = Date.UTC(2020, 5, 1);
    const p = provider(then);
    const r = sshResource();
    const [line] = published(await p.grant(r, "bob", "deploy", { expiresAt: Date.UTC(2020, 5, 1, 4), lease: "leases/prod-ssh/bob.yaml" }));
    expect(await p.list(r)).toHaveLength(1); // as of its window
    const res = await sshd.ssh(key, "true", { certificate: install([key], line!) });
    expect(res.code).toBe(255);
    expect(sshd.log()).toMatch(/expired/i);
    expect(await provider(Date.UTC(2020, 5, 1, 4)).list(r)).toEqual([]);
  });

  test("early revoke: the serials go into the KRL published in the ledger; once installed, sshd refuses them on the next connection; others still log in", async () => {
    await sshd.setPrincipals(["deploy", "dba"]);
    const alice = await sshd.newUserKey("alice");
    const carol = await sshd.newUserKey("carol");
    emu.state.addSshKey("alice", alice.publicKey);
    emu.state.addSshKey("carol", carol.publicKey);
    const p = provider();
    const r = sshResource();
    const [a] = published(await p.grant(r, "alice", "deploy", { expiresAt: FUTURE, lease: LEASE }));
    const [c] = published(await p.grant(r, "carol", "dba", { expiresAt: FUTURE, lease: "leases/prod-ssh/carol.yaml" }));
    const aPath = install([alice], a!);
    const cPath = install([carol], c!);
    await installKrlFromLedger();
    expect((await sshd.ssh(alice, "true", { certificate: aPath })).code).toBe(0);

    const [grant] = (await p.list(r)).filter((g) => g.grantee === "alice");
    expect(await p.revoke(r, grant!)).toEqual({ status: "revoked" });
    expect((await p.list(r)).map((g) => g.grantee)).toEqual(["carol"]);
    expect(await p.revoke(r, grant!)).toEqual({ status: "unchanged" });

    const krl = join(work, "fetched.krl");
    writeFileSync(krl, execFileSync("git", ["show", `${LEDGER_REF}:${namespaceOf(r)}/${KRL_FILE}`], { cwd: repoDir }));
    const listing = await runOk(SSH_KEYGEN, ["-Q", "-l", "-f", krl]);
    expect(listing).toContain(`serial: ${parseCertificate(a!).serial}`);
    expect(listing).toContain("# KRL version 1");
    await installKrlFromLedger();
    expect((await sshd.ssh(alice, "true", { certificate: aPath })).code).toBe(255);
    expect(sshd.log()).toMatch(/revoked/i);
    expect((await sshd.ssh(carol, "true", { certificate: cPath })).code).toBe(0);
    await sshd.installKrl(buildKrl({ caBlob: new Uint8Array(), serials: [], version: 0n, generatedAt: 0 }));
  });

  test("each failure is an item's, with a clear message, and gives nothing out", async () => {
    emu.state.addUser("nokeys");
    const key = await sshd.newUserKey("dave");
    emu.state.addSshKey("dave", key.publicKey);
    const r = sshResource();
    const p = provider();
    expect(await p.grant(r, "dave", "root", { expiresAt: FUTURE })).toMatchObject({ status: "failed", code: "role-unknown" });
    expect(await p.grant(r, "dave", "deploy", {})).toMatchObject({ status: "failed", code: "expiry-missing" });
    expect(await p.grant(r, "dave", "deploy", { expiresAt: NOW })).toMatchObject({ status: "failed", code: "window-over" });
    expect(await p.grant(r, "nokeys", "deploy", { expiresAt: FUTURE })).toMatchObject({ status: "failed", code: "no-ssh-key", message: expect.stringMatching(/no ssh-ed25519 or ssh-rsa key on GitHub/) });

    const noCa = await provider(NOW, { env: {} }).grant(r, "dave", "deploy", { expiresAt: FUTURE });
    expect(noCa).toMatchObject({ status: "failed", message: expect.stringMatching(/JIT_SSH_CA \(the CA's private key\) is not set/) });
    const rsaCa = readFileSync((await rsaKey("rsa-ca")).path, "utf8");
    expect(await provider(NOW, { env: { JIT_SSH_CA: rsaCa } }).grant(r, "dave", "deploy", { expiresAt: FUTURE })).toMatchObject({ status: "failed", message: expect.stringMatching(/RSA key; jit-access signs with ssh-ed25519 CAs only/) });
    const garbled = await provider(NOW, { env: { JIT_SSH_CA: "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n" } }).grant(r, "dave", "deploy", { expiresAt: FUTURE });
    expect(garbled).toMatchObject({ status: "failed", message: expect.stringMatching(/\$JIT_SSH_CA is not a usable SSH private key/) });
    expect(JSON.stringify(garbled)).not.toContain("AAAA");

    const none = provider(NOW, { ledger: undefined });
    await expect(none.list(r)).rejects.toThrow(/evidence key/);
    expect(await none.grant(r, "dave", "deploy", { expiresAt: FUTURE })).toMatchObject({ status: "failed", message: expect.stringMatching(/JIT_EVIDENCE_KEY/) });

    // The ledger cannot be saved: no certificate is given out, nothing is recorded.
    execFileSync("git", ["remote", "add", "origin", join(work, "gone.git")], { cwd: repoDir });
    const unsaved = provider(NOW, { ledger: gitLedger({ repoDir, repository: "acme/access", key: "evidence-key", now: NOW, remote: "origin", attempts: 1 }) });
    const out = await unsaved.grant(r, "dave", "deploy", { expiresAt: FUTURE });
    expect(out).toMatchObject({ status: "failed", code: "ledger-unwritable" });
    expect(JSON.stringify(out)).not.toContain("cert-v01");
    expect(await provider().list(r)).toEqual([]);
  });
});
