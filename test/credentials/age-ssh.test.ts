import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openWithSshKeys, sealToSshKeys } from "../../src/credentials/age-ssh.js";
import { CredentialError } from "../../src/credentials/credential-error.js";
import type { SshPrivateKey } from "../../src/credentials/openssh-private-key.js";
import { parseSshPrivateKey } from "../../src/credentials/openssh-private-key.js";
import { parseSshPublicKey, selectRecipientKeys } from "../../src/credentials/ssh-public-key.js";
import { client } from "../emulator/clients.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { requireCommand, run, runOk } from "../helpers/system-tools.js";

let dir: string;
let age: string;
let sshKeygen: string;

interface KeyFiles {
  path: string;
  /** the public key line as GitHub publishes it: type and data, no comment */
  githubLine: string;
  privateKey: SshPrivateKey;
}
const keys: Record<string, KeyFiles> = {};

async function generate(name: string, args: string[]): Promise<KeyFiles> {
  const path = join(dir, name);
  await runOk(sshKeygen, ["-q", ...args, "-N", "", "-C", `${name}@test`, "-f", path]);
  const githubLine = readFileSync(`${path}.pub`, "utf8").trim().split(" ").slice(0, 2).join(" ");
  return {
    path,
    githubLine,
    get privateKey() {
      return parseSshPrivateKey(readFileSync(path, "utf8"), path);
    },
  };
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

async function ageDecrypt(message: string | Uint8Array, identity: string) {
  const file = join(dir, `msg-${Math.random().toString(36).slice(2)}.age`);
  writeFileSync(file, message);
  return run(age, ["-d", "-i", identity, file]);
}

async function thrown(p: Promise<unknown>): Promise<CredentialError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CredentialError) return err;
    throw new Error(`expected a CredentialError, got ${String(err)}`);
  }
  throw new Error("expected a CredentialError, got success");
}

beforeAll(async () => {
  age = requireCommand("age", "age");
  sshKeygen = requireCommand("ssh-keygen", "openssh-client");
  dir = mkdtempSync(join(tmpdir(), "jit-age-"));
  const made = await Promise.all([
    generate("ed", ["-t", "ed25519"]),
    generate("ed2", ["-t", "ed25519"]),
    generate("rsa", ["-t", "rsa", "-b", "3072"]),
    generate("rsa-pem", ["-t", "rsa", "-b", "2048", "-m", "PEM"]),
    generate("ecdsa", ["-t", "ecdsa"]),
  ]);
  for (const k of made) keys[k.path.slice(dir.length + 1)] = k;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function key(name: string): KeyFiles {
  const k = keys[name];
  if (!k) throw new Error(`no key ${name}`);
  return k;
}

describe("sealing to GitHub SSH keys, opened by the age CLI", () => {
  test("ssh-ed25519: armored, and `age -d -i id_ed25519` decrypts it", async () => {
    const sealed = await sealToSshKeys("postgres://alice:s3cret@db:5432/app", [key("ed").githubLine]);
    expect(sealed.armored.startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n")).toBe(true);
    expect(sealed.armored.endsWith("-----END AGE ENCRYPTED FILE-----\n")).toBe(true);
    for (const line of sealed.armored.split("\n")) expect(line.length).toBeLessThanOrEqual(64);
    expect(sealed.armored).not.toContain("s3cret");
    expect(sealed.recipients).toEqual([{ type: "ssh-ed25519", fingerprint: key("ed").privateKey.fingerprint }]);
    const r = await ageDecrypt(sealed.armored, key("ed").path);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("postgres://alice:s3cret@db:5432/app");
  });

  test("ssh-rsa (3072 bits)", async () => {
    const sealed = await sealToSshKeys("rsa payload", [key("rsa").githubLine]);
    expect(sealed.recipients).toEqual([{ type: "ssh-rsa", fingerprint: key("rsa").privateKey.fingerprint }]);
    const r = await ageDecrypt(sealed.armored, key("rsa").path);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("rsa payload");
  });

  test("both at once: either private key opens it; unusable keys are skipped and reported", async () => {
    const lines = [key("ed").githubLine, "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t", key("ecdsa").githubLine, key("rsa").githubLine];
    const sealed = await sealToSshKeys("both", lines);
    expect(sealed.recipients.map((r) => r.type)).toEqual(["ssh-ed25519", "ssh-rsa"]);
    expect(sealed.skipped.map((s) => [s.type, s.reason])).toEqual([
      ["sk-ssh-ed25519@openssh.com", "unsupported-type"],
      ["ecdsa-sha2-nistp256", "unsupported-type"],
    ]);
    for (const name of ["ed", "rsa"]) {
      const r = await ageDecrypt(sealed.armored, key(name).path);
      expect(r.stdout).toBe("both");
    }
    const wrong = await ageDecrypt(sealed.armored, key("ed2").path);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain("no identity matched any of the recipients");
    expect(text(await openWithSshKeys(sealed.armored, [key("rsa").privateKey]))).toBe("both");
  });

  test("payload sizes around the 64 KiB chunk boundary, binary bytes intact", async () => {
    for (const size of [0, 1, 65535, 65536, 65537, 2 * 65536 + 3]) {
      const payload = new Uint8Array(size).map((_, i) => (i * 131 + 7) & 0xff);
      const sealed = await sealToSshKeys(payload, [key("ed").githubLine, key("rsa").githubLine]);
      const r = await ageDecrypt(sealed.armored, key("rsa").path);
      expect(r.code).toBe(0);
      expect(Buffer.compare(r.stdoutBytes, Buffer.from(payload))).toBe(0);
    }
  });
});

describe("keys as GitHub serves them (the emulator)", () => {
  test("sealed to GET /users/{login}/keys: the security key is skipped, the grantee's key opens it", async () => {
    const emu = await startCheckedEmulator();
    try {
      emu.state.addSshKey("alice", readFileSync(`${key("ed").path}.pub`, "utf8"));
      emu.state.addSshKey("alice", "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t");
      emu.state.addSshKey("alice", readFileSync(`${key("rsa").path}.pub`, "utf8"));
      const o = client(emu.url);
      const published = await o.paginate(o.users.listPublicKeysForUser, { username: "alice" });
      const sealed = await sealToSshKeys("dsn", published.map((k) => k.key));
      expect(sealed.recipients.map((r) => r.fingerprint)).toEqual([key("ed").privateKey.fingerprint, key("rsa").privateKey.fingerprint]);
      expect(sealed.skipped.map((s) => s.type)).toEqual(["sk-ssh-ed25519@openssh.com"]);
      expect((await ageDecrypt(sealed.armored, key("ed").path)).stdout).toBe("dsn");
    } finally {
      await emu.close();
    }
  });
});

describe("opening in Node what the age CLI encrypted to an SSH key", () => {
  for (const name of ["ed", "rsa"]) {
    test(`${name}: armored and binary`, async () => {
      const k = key(name);
      const armored = await runOk(age, ["-a", "-R", `${k.path}.pub`], { input: "from the age CLI" });
      expect(text(await openWithSshKeys(armored, [k.privateKey]))).toBe("from the age CLI");
      const binary = (await run(age, ["-R", `${k.path}.pub`], { input: "binary form" })).stdoutBytes;
      expect(text(await openWithSshKeys(new Uint8Array(binary), [k.privateKey]))).toBe("binary form");
    });
  }

  test("a PEM RSA key (ssh-keygen -m PEM) works too; the fingerprint is ssh-keygen's", async () => {
    const k = key("rsa-pem");
    const armored = await runOk(age, ["-a", "-R", `${k.path}.pub`], { input: "pem" });
    expect(text(await openWithSshKeys(armored, [k.privateKey]))).toBe("pem");
    for (const name of ["ed", "rsa", "rsa-pem"]) {
      const printed = await runOk(sshKeygen, ["-l", "-f", `${key(name).path}.pub`]);
      expect(printed.split(" ")[1]).toBe(key(name).privateKey.fingerprint);
    }
  });

  test("the armored message may be embedded in a comment (LF or CRLF)", async () => {
    const sealed = await sealToSshKeys("in a comment", [key("ed").githubLine]);
    const comment = `Credentials for lease db/alice:\n\n\`\`\`\n${sealed.armored}\`\`\`\nDecrypt with \`jit credentials\`.`;
    expect(text(await openWithSshKeys(comment, [key("ed").privateKey]))).toBe("in a comment");
    expect(text(await openWithSshKeys(comment.replace(/\n/g, "\r\n"), [key("ed").privateKey]))).toBe("in a comment");
  });
});

describe("refusals", () => {
  test("a wrong key gives a clear error, in Node and in the CLI", async () => {
    const sealed = await sealToSshKeys("not yours", [key("ed").githubLine, key("rsa").githubLine]);
    const e = await thrown(openWithSshKeys(sealed.armored, [key("ed2").privateKey]));
    expect(e.code).toBe("credentials-not-for-this-key");
    expect(e.message).toContain(key("ed2").privateKey.fingerprint);
    expect(e.message).toContain("2 other key(s)");
    const cli = await ageDecrypt(sealed.armored, key("ed2").path);
    expect(cli.stderr).toContain("no identity matched any of the recipients");
  });

  test("no usable key: a clear error naming why each was skipped", async () => {
    const e = await thrown(sealToSshKeys("x", [key("ecdsa").githubLine, "ssh-rsa not-base64!", ""]));
    expect(e.code).toBe("credentials-no-usable-key");
    expect(e.message).toContain("ecdsa-sha2-nistp256 keys cannot receive");
    expect(e.message).toContain("not valid base64");
    expect((await thrown(sealToSshKeys("x", []))).code).toBe("credentials-no-usable-key");
  });

  test("public keys: small RSA, wrong inner type, truncated data and repeats are skipped", async () => {
    const small = join(dir, "rsa1024");
    await runOk(sshKeygen, ["-q", "-t", "rsa", "-b", "1024", "-N", "", "-f", small]);
    const smallLine = readFileSync(`${small}.pub`, "utf8");
    const edData = key("ed").githubLine.split(" ")[1]!;
    const { keys: usable, skipped } = selectRecipientKeys([
      smallLine,
      `ssh-rsa ${edData}`,
      `ssh-ed25519 ${edData.slice(0, 40)}`,
      key("ed").githubLine,
      `${key("ed").githubLine} a comment`,
    ]);
    expect(usable.map((k) => k.fingerprint)).toEqual([key("ed").privateKey.fingerprint]);
    expect(skipped.map((s) => s.reason)).toEqual(["rsa-size", "malformed", "malformed", "duplicate"]);
    expect(skipped[0]!.detail).toContain("1024-bit");
  });

  test("a passphrase-protected key is refused, pointing at the age CLI", async () => {
    const path = join(dir, "locked");
    await runOk(sshKeygen, ["-q", "-t", "ed25519", "-N", "correct horse", "-f", path]);
    let err: unknown;
    try {
      parseSshPrivateKey(readFileSync(path, "utf8"), path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CredentialError);
    expect((err as CredentialError).code).toBe("ssh-key-passphrase-protected");
    expect((err as CredentialError).message).toContain(`age -d -i ${path}`);
  });

  test("other private keys: ecdsa is unsupported, a public key or garbage is malformed", () => {
    const code = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        if (e instanceof CredentialError) return e.code;
        throw e;
      }
      return "none";
    };
    expect(code(() => parseSshPrivateKey(readFileSync(key("ecdsa").path, "utf8")))).toBe("ssh-key-unsupported");
    expect(code(() => parseSshPrivateKey(key("ed").githubLine))).toBe("ssh-key-malformed");
    expect(code(() => parseSshPrivateKey("hello"))).toBe("ssh-key-malformed");
    const real = readFileSync(key("ed").path, "utf8");
    expect(code(() => parseSshPrivateKey(real.replace(/\n[A-Za-z0-9+/=]+\n-----END/, "\n-----END")))).toBe("ssh-key-malformed");
  });

  test("tampering with any byte of a sealed message is refused, never a wrong plaintext", async () => {
    const sealed = await sealToSshKeys("tamper-proof", [key("ed").githubLine]);
    const { armor } = await import("age-encryption");
    const binary = armor.decode(sealed.armored);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: binary.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const copy = Uint8Array.from(binary);
        copy[at]! ^= flip;
        const e = await thrown(openWithSshKeys(copy, [key("ed").privateKey]));
        expect(["credentials-malformed", "credentials-not-for-this-key"]).toContain(e.code);
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});

describe("properties", () => {
  test("round trip: any payload sealed to ed25519 and RSA keys opens with either", async () => {
    const lines = [key("ed").githubLine, key("rsa").githubLine];
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 70_000, size: "large" }), fc.constantFrom("ed", "rsa"), async (payload, who) => {
        const sealed = await sealToSshKeys(payload, lines);
        const opened = await openWithSshKeys(sealed.armored, [key("ed2").privateKey, key(who).privateKey]);
        expect(Buffer.compare(Buffer.from(opened), Buffer.from(payload))).toBe(0);
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  test("any text as a public key line or a private key file gives a result or a CredentialError", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom("", "ssh-ed25519 ", "ssh-rsa ", "-----BEGIN OPENSSH PRIVATE KEY-----\n"), (s, prefix) => {
        const parsed = parseSshPublicKey(prefix + s);
        expect(typeof parsed.ok).toBe("boolean");
        try {
          parseSshPrivateKey(prefix + s);
        } catch (e) {
          expect(e).toBeInstanceOf(CredentialError);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  test("random base64 after the key type never throws from the public key parser", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom("ssh-ed25519", "ssh-rsa"), (bytes, type) => {
        const parsed = parseSshPublicKey(`${type} ${Buffer.from(bytes).toString("base64")}`);
        if (parsed.ok) expect(parsed.key.type).toBe(type);
      }),
      { numRuns: 300, seed: 5 },
    );
  });
});
