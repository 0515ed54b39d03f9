/**
 * OpenSSH user certificates and KRLs written in TypeScript, checked by OpenSSH itself:
 * ssh-keygen reads them, and a real sshd accepts the certificate in its window, refuses it
 * after its end, for another principal, and once its serial or key id is in the KRL.
 * Validity windows are far in the past or span decades, so no test depends on the clock.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseSshPrivateKey } from "../../src/credentials/openssh-private-key.js";
import type { Ed25519PrivateKey } from "../../src/credentials/openssh-private-key.js";
import { parseSshPublicKey } from "../../src/credentials/ssh-public-key.js";
import type { SshRecipientKey } from "../../src/credentials/ssh-public-key.js";
import { buildKrl } from "../../src/ssh/krl.js";
import { CertificateError, USER_EXTENSIONS, formatValidity, parseCertificate, signUserCertificate } from "../../src/ssh/user-certificate.js";
import type { CertificateRequest } from "../../src/ssh/user-certificate.js";
import type { UserKey } from "../helpers/sshd.js";
import { useTestSshd } from "../helpers/sshd.js";
import { requireCommand, run, runOk } from "../helpers/system-tools.js";

const sshd = useTestSshd();
const SSH_KEYGEN = requireCommand("ssh-keygen", "openssh-client");
const work = mkdtempSync(join(tmpdir(), "jit-cert-"));
const Y2020 = Date.UTC(2020, 0, 1) / 1000;
const Y2021 = Date.UTC(2021, 0, 1) / 1000;
const Y2099 = Date.UTC(2099, 0, 1) / 1000;

const ca = (): Ed25519PrivateKey => {
  const k = parseSshPrivateKey(readFileSync(sshd.caKey, "utf8"), sshd.caKey);
  if (k.type !== "ssh-ed25519") throw new Error("the test CA is not ed25519");
  return k;
};
const pub = (line: string): SshRecipientKey => {
  const p = parseSshPublicKey(line);
  if (!p.ok) throw new Error(p.skipped.detail);
  return p.key;
};
let serial = 100n;
function sign(key: UserKey, over: Partial<CertificateRequest> = {}): { line: string; path: string; serial: bigint } {
  const s = ++serial;
  const line = signUserCertificate({ ca: ca(), publicKey: pub(key.publicKey), principals: ["deploy"], validAfter: Y2020, validBefore: Y2099, serial: s, keyId: `jit:acme/access:leases/ssh/alice.yaml:alice:${s}`, extensions: ["permit-pty"], nonce: randomBytes(32), ...over });
  const path = `${key.path}-${s}-cert.pub`;
  writeFileSync(path, line + "\n");
  return { line, path, serial: over.serial ?? s };
}
async function rsaKey(name: string): Promise<UserKey> {
  const path = join(work, name);
  await runOk(SSH_KEYGEN, ["-q", "-t", "rsa", "-b", "3072", "-N", "", "-C", name, "-f", path]);
  return { path, publicKey: readFileSync(`${path}.pub`, "utf8").trim() };
}

describe("certificates signed in TypeScript, judged by OpenSSH", () => {
  test("ssh-keygen -L reads what was signed: key id, serial, principals, validity, extensions, critical options", async () => {
    const key = await sshd.newUserKey("alice");
    const c = sign(key, { principals: ["deploy", "web"], extensions: ["permit-pty", "permit-agent-forwarding"], criticalOptions: { "source-address": "127.0.0.1/32,10.0.0.0/8" }, validAfter: Y2020, validBefore: Y2021 });
    const out = await runOk(SSH_KEYGEN, ["-L", "-f", c.path], { env: { TZ: "UTC", PATH: process.env.PATH } });
    expect(out).toContain("Type: ssh-ed25519-cert-v01@openssh.com user certificate");
    expect(out).toContain(`Key ID: "jit:acme/access:leases/ssh/alice.yaml:alice:${c.serial}"`);
    expect(out).toContain(`Serial: ${c.serial}`);
    expect(out).toContain("Valid: from 2020-01-01T00:00:00 to 2021-01-01T00:00:00");
    expect(out).toMatch(/Principals: \n\s+deploy\n\s+web\n/);
    expect(out).toMatch(/Critical Options: \n\s+source-address 127\.0\.0\.1\/32,10\.0\.0\.0\/8\n/);
    expect(out).toMatch(/Extensions: \n\s+permit-agent-forwarding\n\s+permit-pty\n/);
    const parsed = parseCertificate(c.line);
    expect(parsed).toMatchObject({ keyType: "ssh-ed25519", serial: c.serial, type: "user", principals: ["deploy", "web"], validAfter: BigInt(Y2020), validBefore: BigInt(Y2021), extensions: ["permit-agent-forwarding", "permit-pty"], criticalOptions: { "source-address": "127.0.0.1/32,10.0.0.0/8" }, signatureValid: true });
    expect(parsed.publicKeyLine).toBe(key.publicKey.split(" ").slice(0, 2).join(" "));
    expect(formatValidity(parsed.validBefore)).toBe("2021-01-01T00:00:00Z");
  });

  test("sshd accepts an ed25519 and an RSA user key's certificate for an allowed principal, in its window", async () => {
    await sshd.setPrincipals(["deploy"]);
    const ed = await sshd.newUserKey("alice");
    const c = sign(ed);
    const ok = await sshd.ssh(ed, "echo in", { certificate: c.path });
    expect(ok.stderr).toBe("");
    expect(ok.stdout.trim()).toBe("in");
    expect(sshd.log()).toContain(`ID jit:acme/access:leases/ssh/alice.yaml:alice:${c.serial} (serial ${c.serial})`);
    const rsa = await rsaKey("alice-rsa");
    const rc = sign(rsa);
    expect(parseCertificate(rc.line).keyType).toBe("ssh-rsa");
    expect((await sshd.ssh(rsa, "true", { certificate: rc.path })).code).toBe(0);
  });

  test("sshd refuses: after the end, before the start, another principal, a certificate signed by another CA, a tampered one", async () => {
    await sshd.setPrincipals(["deploy"]);
    const key = await sshd.newUserKey("bob");
    const expired = sign(key, { validAfter: Y2020, validBefore: Y2021 });
    expect((await sshd.ssh(key, "true", { certificate: expired.path })).code).toBe(255);
    expect(sshd.log()).toMatch(/expired/i);
    const future = sign(key, { validAfter: Y2099 - 60, validBefore: Y2099 });
    expect((await sshd.ssh(key, "true", { certificate: future.path })).code).toBe(255);
    const other = sign(key, { principals: ["root-ish"] });
    expect((await sshd.ssh(key, "true", { certificate: other.path })).code).toBe(255);
    const stranger = parseSshPrivateKey(await strangerCa(), "stranger");
    const foreign = sign(key, { ca: stranger as Ed25519PrivateKey });
    expect((await sshd.ssh(key, "true", { certificate: foreign.path })).code).toBe(255);
    // Flip a byte inside the principals: the CA's signature no longer covers it.
    const good = sign(key);
    const blob = Buffer.from(good.line.split(" ")[1]!, "base64");
    const at = blob.indexOf(Buffer.from("deploy"));
    blob[at] = "D".charCodeAt(0);
    const tampered = `${good.line.split(" ")[0]} ${blob.toString("base64")}`;
    expect(parseCertificate(tampered).signatureValid).toBe(false);
    writeFileSync(good.path, tampered + "\n");
    await sshd.setPrincipals(["deploy", "Deploy"]);
    expect((await sshd.ssh(key, "true", { certificate: good.path })).code).toBe(255);
    await sshd.setPrincipals(["deploy"]);
  });

  test("a KRL written in TypeScript: ssh-keygen reads it; sshd refuses the revoked serial and key id on the next connection, and only those", async () => {
    await sshd.setPrincipals(["deploy"]);
    const key = await sshd.newUserKey("carol");
    const a = sign(key, { serial: 5001n });
    const b = sign(key, { serial: 7003n });
    const byIdPath = sign(key, { keyId: "jit:acme/access:leases/ssh/carol.yaml:carol" }).path;
    const keptPath = sign(key).path;
    for (const p of [a.path, b.path, byIdPath, keptPath]) expect((await sshd.ssh(key, "true", { certificate: p })).code).toBe(0);

    const krl = buildKrl({ caBlob: ca().blob, serials: [b.serial, a.serial, 18446744073709551615n], keyIds: ["jit:acme/access:leases/ssh/carol.yaml:carol"], version: 7n, generatedAt: Y2021, comment: "jit-access test" });
    const krlFile = join(work, "test.krl");
    writeFileSync(krlFile, krl);
    const listed = await runOk(SSH_KEYGEN, ["-Q", "-l", "-f", krlFile]);
    expect(listed).toContain("# KRL version 7");
    expect(listed).toContain("# Comment: jit-access test");
    expect(listed).toContain(`serial: ${a.serial}`);
    expect(listed).toContain(`serial: ${b.serial}`);
    expect(listed).toContain("serial: 18446744073709551615");
    expect(listed).toContain("id: jit:acme/access:leases/ssh/carol.yaml:carol");
    const q = await run(SSH_KEYGEN, ["-Q", "-f", krlFile, a.path, keptPath]);
    expect(q.stdout).toMatch(new RegExp(`${a.path} \\(.*\\): REVOKED`));
    expect(q.stdout).toMatch(new RegExp(`${keptPath} \\(.*\\): ok`));

    await sshd.installKrl(krl);
    try {
      for (const p of [a.path, b.path, byIdPath]) expect((await sshd.ssh(key, "true", { certificate: p })).code).toBe(255);
      expect((await sshd.ssh(key, "true", { certificate: keptPath })).code).toBe(0);
      expect(sshd.log()).toMatch(/revoked/i);
    } finally {
      await sshd.installKrl(buildKrl({ caBlob: ca().blob, serials: [], version: 8n, generatedAt: Y2021 }));
    }
    // An empty list (no section) is a valid KRL: everything is accepted again.
    expect((await sshd.ssh(key, "true", { certificate: a.path })).code).toBe(0);
  });
});

async function strangerCa(): Promise<string> {
  const path = join(work, `stranger-${randomBytes(3).toString("hex")}`);
  await runOk(SSH_KEYGEN, ["-q", "-t", "ed25519", "-N", "", "-f", path]);
  return readFileSync(path, "utf8");
}

describe("certificate writer and reader (no server)", () => {
  test("refuses what would be unsafe or malformed", () => {
    const c = { ...parseSshPrivateKey(readFileSyncCa(), "ca") } as Ed25519PrivateKey;
    const k = pub(`ssh-ed25519 ${Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from("ssh-ed25519"), Buffer.from([0, 0, 0, 32]), Buffer.from(c.publicKey)]).toString("base64")}`);
    const base: CertificateRequest = { ca: c, publicKey: k, principals: ["p"], validAfter: 10, validBefore: 20, serial: 1n, keyId: "k", extensions: [], nonce: randomBytes(32) };
    expect(() => signUserCertificate({ ...base, principals: [] })).toThrow(CertificateError);
    expect(() => signUserCertificate({ ...base, serial: 0n })).toThrow(/serial/);
    expect(() => signUserCertificate({ ...base, validBefore: 10 })).toThrow(/end before/);
    expect(() => signUserCertificate({ ...base, extensions: ["permit-everything" as never] })).toThrow(/unknown extension/);
    expect(() => signUserCertificate({ ...base, nonce: new Uint8Array(4) })).toThrow(/nonce/);
    expect(() => parseCertificate("ssh-ed25519 AAAA")).toThrow(CertificateError);
    expect(() => parseCertificate("ssh-ed25519-cert-v01@openssh.com AAAA")).toThrow(CertificateError);
  });

  test("property: what is signed reads back the same, with a valid signature", () => {
    const c = parseSshPrivateKey(readFileSyncCa(), "ca") as Ed25519PrivateKey;
    const k = pub(`ssh-ed25519 ${Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from("ssh-ed25519"), Buffer.from([0, 0, 0, 32]), Buffer.from(c.publicKey)]).toString("base64")}`);
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }),
        fc.string({ maxLength: 80 }),
        fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.subarray([...USER_EXTENSIONS]),
        (principals, keyId, serial, after, length, extensions) => {
          const line = signUserCertificate({ ca: c, publicKey: k, principals, validAfter: after, validBefore: after + length, serial, keyId, extensions, nonce: randomBytes(32) });
          const p = parseCertificate(line);
          expect(p).toMatchObject({ principals, keyId, serial, validAfter: BigInt(after), validBefore: BigInt(after + length), signatureValid: true, extensions: [...extensions].sort() });
        },
      ),
      { numRuns: 200 },
    );
  });
});

function readFileSyncCa(): string {
  return caText ?? (caText = readFileSync(sshd.caKey, "utf8"));
}
let caText: string | undefined;
