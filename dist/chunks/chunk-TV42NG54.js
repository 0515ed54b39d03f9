#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  CredentialError
} from "./chunk-HWKP2PWK.js";
import {
  SshWireError,
  SshWireReader,
  ed25519,
  sshFingerprint,
  sshString,
  unsignedMagnitude
} from "./chunk-HNXO2XZY.js";

// src/credentials/openssh-private-key.ts
import { createPrivateKey, createPublicKey } from "node:crypto";
var OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
var OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
var MAGIC = "openssh-key-v1\0";
function passphraseProtected(source) {
  return new CredentialError(
    "ssh-key-passphrase-protected",
    `${source} is protected by a passphrase, which jit does not read: decrypt with the age CLI instead (\`age -d -i ${source}\`, it asks for the passphrase), or pass a key without a passphrase`
  );
}
function malformed(source, detail) {
  return new CredentialError("ssh-key-malformed", `${source} is not a usable SSH private key: ${detail}`);
}
function b64url(bytes) {
  return Buffer.from(bytes).toString("base64url");
}
function toBigInt(bytes) {
  return bytes.length === 0 ? 0n : BigInt("0x" + Buffer.from(bytes).toString("hex"));
}
function fromBigInt(value) {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = "0" + hex;
  return new Uint8Array(Buffer.from(hex, "hex"));
}
function ed25519Key(seed, comment) {
  const publicKey = ed25519.getPublicKey(seed);
  const blob = concat(sshString("ssh-ed25519"), sshString(publicKey));
  return { type: "ssh-ed25519", seed: Uint8Array.from(seed), publicKey, blob, fingerprint: sshFingerprint(blob), comment };
}
function rsaKey(privateKey, comment) {
  const jwk = createPublicKey(privateKey).export({ format: "jwk" });
  const mpint = (b64) => {
    const m = unsignedMagnitude(new Uint8Array(Buffer.from(b64 ?? "", "base64url")));
    return (m[0] ?? 0) & 128 ? concat(new Uint8Array([0]), m) : m;
  };
  const blob = concat(sshString("ssh-rsa"), sshString(mpint(jwk.e)), sshString(mpint(jwk.n)));
  return { type: "ssh-rsa", privateKey, blob, fingerprint: sshFingerprint(blob), comment };
}
function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
function equalBytes(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
function parseOpenSsh(text, source) {
  const start = text.indexOf(OPENSSH_BEGIN);
  const end = text.indexOf(OPENSSH_END, start);
  if (end < 0) throw malformed(source, `no "${OPENSSH_END}" line`);
  const body = text.slice(start + OPENSSH_BEGIN.length, end).replace(/\s+/g, "");
  const bytes = new Uint8Array(Buffer.from(body, "base64"));
  if (Buffer.from(bytes.subarray(0, MAGIC.length)).toString("latin1") !== MAGIC) throw malformed(source, "not an openssh-key-v1 file");
  const r = new SshWireReader(bytes.subarray(MAGIC.length));
  const cipher = r.text();
  const kdf = r.text();
  r.string();
  if (cipher !== "none" || kdf !== "none") throw passphraseProtected(source);
  const count = r.uint32();
  if (count !== 1) throw malformed(source, `it holds ${count} keys, expected one`);
  const publicBlob = r.string();
  const priv = new SshWireReader(r.string());
  if (priv.uint32() !== priv.uint32()) throw malformed(source, "its check bytes differ (a damaged file)");
  const type = priv.text();
  let key;
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
      qi: b64url(unsignedMagnitude(iqmp))
    };
    try {
      key = rsaKey(createPrivateKey({ key: jwk, format: "jwk" }), comment);
    } catch (err) {
      throw malformed(source, `its RSA parameters are invalid (${err.message})`);
    }
  } else {
    throw new CredentialError(
      "ssh-key-unsupported",
      `${source} is a ${type} key: credentials are encrypted to ssh-ed25519 and ssh-rsa keys only (decrypt with the age CLI and a matching key)`
    );
  }
  if (!equalBytes(key.blob, publicBlob)) throw malformed(source, "its public key section does not match the private key");
  return key;
}
function parsePem(text, source) {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(text) || /Proc-Type:\s*4,ENCRYPTED/.test(text)) throw passphraseProtected(source);
  let keyObject;
  try {
    keyObject = createPrivateKey({ key: text, format: "pem" });
  } catch (err) {
    throw malformed(source, err.message);
  }
  if (keyObject.asymmetricKeyType === "rsa") return rsaKey(keyObject, "");
  if (keyObject.asymmetricKeyType === "ed25519") {
    const d = keyObject.export({ format: "jwk" }).d;
    return ed25519Key(new Uint8Array(Buffer.from(d ?? "", "base64url")), "");
  }
  throw new CredentialError(
    "ssh-key-unsupported",
    `${source} is a ${keyObject.asymmetricKeyType ?? "unknown"} key: credentials are encrypted to ssh-ed25519 and ssh-rsa keys only`
  );
}
function parseSshPrivateKey(text, source = "the key") {
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

export {
  parseSshPrivateKey
};
