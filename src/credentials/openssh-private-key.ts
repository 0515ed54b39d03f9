/**
 * SSH private keys for decrypting credentials (`jit credentials`): the OpenSSH format
 * ("-----BEGIN OPENSSH PRIVATE KEY-----", what ssh-keygen writes) holding an ssh-ed25519 or
 * ssh-rsa key, and unencrypted PEM RSA keys (`ssh-keygen -m PEM`). A passphrase-protected key is
 * refused with a pointer to the `age` CLI, which asks for the passphrase itself.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import type { KeyObject } from "node:crypto";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { CredentialError } from "./credential-error.js";
import { sshFingerprint } from "./ssh-public-key.js";
import { SshWireError, SshWireReader, sshString, unsignedMagnitude } from "./ssh-wire.js";

interface PrivateKeyBase {
  /** the SSH wire encoding of the public key */
  blob: Uint8Array;
  /** "SHA256:…" of the public key */
  fingerprint: string;
  comment: string;
}

export interface Ed25519PrivateKey extends PrivateKeyBase {
  type: "ssh-ed25519";
  /** the 32-byte seed (RFC 8032 private key) */
  seed: Uint8Array;
  publicKey: Uint8Array;
}

export interface RsaPrivateKey extends PrivateKeyBase {
  type: "ssh-rsa";
  privateKey: KeyObject;
}

export type SshPrivateKey = Ed25519PrivateKey | RsaPrivateKey;

const OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
const OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
const MAGIC = "openssh-key-v1\0";

function passphraseProtected(source: string): CredentialError {
  return new CredentialError(
    "ssh-key-passphrase-protected",
    `${source} is protected by a passphrase, which jit does not read: decrypt with the age CLI instead ` +
      `(\`age -d -i ${source}\`, it asks for the passphrase), or pass a key without a passphrase`,
  );
}

function malformed(source: string, detail: string): CredentialError {
  return new CredentialError("ssh-key-malformed", `${source} is not a usable SSH private key: ${detail}`);
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

function toBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt("0x" + Buffer.from(bytes).toString("hex"));
}

function fromBigInt(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = "0" + hex;
  return new Uint8Array(Buffer.from(hex, "hex"));
}

function ed25519Key(seed: Uint8Array, comment: string): Ed25519PrivateKey {
  const publicKey = ed25519.getPublicKey(seed);
  const blob = concat(sshString("ssh-ed25519"), sshString(publicKey));
  return { type: "ssh-ed25519", seed: Uint8Array.from(seed), publicKey, blob, fingerprint: sshFingerprint(blob), comment };
}

function rsaKey(privateKey: KeyObject, comment: string): RsaPrivateKey {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  const mpint = (b64: string | undefined): Uint8Array => {
    const m = unsignedMagnitude(new Uint8Array(Buffer.from(b64 ?? "", "base64url")));
    return (m[0] ?? 0) & 0x80 ? concat(new Uint8Array([0]), m) : m;
  };
  const blob = concat(sshString("ssh-rsa"), sshString(mpint(jwk.e)), sshString(mpint(jwk.n)));
  return { type: "ssh-rsa", privateKey, blob, fingerprint: sshFingerprint(blob), comment };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function parseOpenSsh(text: string, source: string): SshPrivateKey {
  const start = text.indexOf(OPENSSH_BEGIN);
  const end = text.indexOf(OPENSSH_END, start);
  if (end < 0) throw malformed(source, `no "${OPENSSH_END}" line`);
  const body = text.slice(start + OPENSSH_BEGIN.length, end).replace(/\s+/g, "");
  const bytes = new Uint8Array(Buffer.from(body, "base64"));
  if (Buffer.from(bytes.subarray(0, MAGIC.length)).toString("latin1") !== MAGIC) throw malformed(source, "not an openssh-key-v1 file");
  const r = new SshWireReader(bytes.subarray(MAGIC.length));
  const cipher = r.text();
  const kdf = r.text();
  r.string(); // kdf options
  if (cipher !== "none" || kdf !== "none") throw passphraseProtected(source);
  const count = r.uint32();
  if (count !== 1) throw malformed(source, `it holds ${count} keys, expected one`);
  const publicBlob = r.string();
  const priv = new SshWireReader(r.string());
  if (priv.uint32() !== priv.uint32()) throw malformed(source, "its check bytes differ (a damaged file)");
  const type = priv.text();
  let key: SshPrivateKey;
  if (type === "ssh-ed25519") {
    const pub = priv.string();
    const secret = priv.string();
    if (pub.length !== 32 || secret.length !== 64) throw malformed(source, "wrong ssh-ed25519 key sizes");
    key = ed25519Key(secret.subarray(0, 32), priv.text());
    if (!equalBytes(key.publicKey, pub) || !equalBytes(secret.subarray(32), pub)) throw malformed(source, "its public and private halves do not match");
  } else if (type === "ssh-rsa") {
    const n = priv.string();
    const e = priv.string();
    const d = priv.string();
    const iqmp = priv.string();
    const p = priv.string();
    const q = priv.string();
    const comment = priv.text();
    const dn = toBigInt(d);
    const jwk = {
      kty: "RSA",
      n: b64url(unsignedMagnitude(n)),
      e: b64url(unsignedMagnitude(e)),
      d: b64url(unsignedMagnitude(d)),
      p: b64url(unsignedMagnitude(p)),
      q: b64url(unsignedMagnitude(q)),
      dp: b64url(fromBigInt(dn % (toBigInt(p) - 1n))),
      dq: b64url(fromBigInt(dn % (toBigInt(q) - 1n))),
      qi: b64url(unsignedMagnitude(iqmp)),
    };
    try {
      key = rsaKey(createPrivateKey({ key: jwk, format: "jwk" }), comment);
    } catch (err) {
      throw malformed(source, `its RSA parameters are invalid (${(err as Error).message})`);
    }
  } else {
    throw new CredentialError(
      "ssh-key-unsupported",
      `${source} is a ${type} key: credentials are encrypted to ssh-ed25519 and ssh-rsa keys only (decrypt with the age CLI and a matching key)`,
    );
  }
  if (!equalBytes(key.blob, publicBlob)) throw malformed(source, "its public key section does not match the private key");
  return key;
}

function parsePem(text: string, source: string): SshPrivateKey {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /Proc-Type:\s*4,ENCRYPTED/.test(text)) throw passphraseProtected(source);
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey({ key: text, format: "pem" });
  } catch (err) {
    throw malformed(source, (err as Error).message);
  }
  if (keyObject.asymmetricKeyType === "rsa") return rsaKey(keyObject, "");
  if (keyObject.asymmetricKeyType === "ed25519") {
    const d = keyObject.export({ format: "jwk" }).d;
    return ed25519Key(new Uint8Array(Buffer.from(d ?? "", "base64url")), "");
  }
  throw new CredentialError(
    "ssh-key-unsupported",
    `${source} is a ${keyObject.asymmetricKeyType ?? "unknown"} key: credentials are encrypted to ssh-ed25519 and ssh-rsa keys only`,
  );
}

/**
 * Parses the text of a private key file. `source` names it in errors (a path).
 * Throws `CredentialError` (ssh-key-malformed, ssh-key-unsupported, ssh-key-passphrase-protected).
 */
export function parseSshPrivateKey(text: string, source = "the key"): SshPrivateKey {
  try {
    if (text.includes(OPENSSH_BEGIN)) return parseOpenSsh(text, source);
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return parsePem(text, source);
  } catch (err) {
    if (err instanceof SshWireError) throw malformed(source, `truncated (${err.message})`);
    throw err;
  }
  if (/^(ssh-|sk-|ecdsa-)/.test(text.trim())) {
    throw malformed(source, "this is a public key; pass the private key (the same path without .pub)");
  }
  throw malformed(source, `no "${OPENSSH_BEGIN}" block`);
}
