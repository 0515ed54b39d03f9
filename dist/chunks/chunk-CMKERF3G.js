#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  SshWireError,
  SshWireReader,
  ed25519,
  sshFingerprint,
  sshString
} from "./chunk-HNXO2XZY.js";

// src/ssh/user-certificate.ts
var CERT_TYPES = { "ssh-ed25519": "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa": "ssh-rsa-cert-v01@openssh.com" };
var USER_EXTENSIONS = ["no-touch-required", "permit-X11-forwarding", "permit-agent-forwarding", "permit-port-forwarding", "permit-pty", "permit-user-rc"];
var USER_CERT = 1;
var UINT64_MAX = (1n << 64n) - 1n;
var CertificateError = class extends Error {
};
function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
function uint64(v) {
  if (v < 0n || v > UINT64_MAX) throw new CertificateError(`${v} does not fit in 64 bits`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v);
  return out;
}
function uint32(v) {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, v);
  return out;
}
function readUint64(r) {
  const hi = BigInt(r.uint32());
  const lo = BigInt(r.uint32());
  return hi << 32n | lo;
}
function options(entries) {
  const sorted = [...entries].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
  for (let i = 1; i < sorted.length; i++) if (sorted[i][0] === sorted[i - 1][0]) throw new CertificateError(`option ${sorted[i][0]} appears twice`);
  return concat(...sorted.map(([name, value]) => concat(sshString(name), sshString(value === void 0 ? new Uint8Array(0) : sshString(value)))));
}
var seconds = (v, what) => {
  if (!Number.isSafeInteger(v) || v < 0) throw new CertificateError(`${what} must be whole seconds since the epoch, not ${v}`);
  return BigInt(v);
};
function signUserCertificate(req) {
  if (req.ca.type !== "ssh-ed25519") throw new CertificateError("the CA must be an ssh-ed25519 key");
  if (req.nonce.length < 16) throw new CertificateError("the nonce must be at least 16 random bytes");
  if (req.serial < 1n || req.serial > UINT64_MAX) throw new CertificateError("the serial must be between 1 and 2^64-1");
  if (req.principals.length === 0) throw new CertificateError("a certificate for no principal would be valid for every user: refused");
  const after = seconds(req.validAfter, "validAfter");
  const before = seconds(req.validBefore, "validBefore");
  if (before <= after) throw new CertificateError("the certificate would end before it starts");
  for (const e of req.extensions) if (!USER_EXTENSIONS.includes(e)) throw new CertificateError(`unknown extension ${e}`);
  const key = new SshWireReader(req.publicKey.blob);
  const keyType = key.text();
  if (keyType !== req.publicKey.type) throw new CertificateError("the public key blob does not match its type");
  const certType = CERT_TYPES[req.publicKey.type];
  const caBlob = concat(sshString("ssh-ed25519"), sshString(req.ca.publicKey));
  const body = concat(
    sshString(certType),
    sshString(req.nonce),
    key.rest(),
    // the key's fields after its type: ed25519 (string pk), rsa (mpint e, mpint n)
    uint64(req.serial),
    uint32(USER_CERT),
    sshString(req.keyId),
    sshString(concat(...req.principals.map((p) => sshString(p)))),
    uint64(after),
    uint64(before),
    sshString(options(Object.entries(req.criticalOptions ?? {}))),
    sshString(options(req.extensions.map((e) => [e, void 0]))),
    sshString(new Uint8Array(0)),
    sshString(caBlob)
  );
  const signature = ed25519.sign(body, req.ca.seed);
  const blob = concat(body, sshString(concat(sshString("ssh-ed25519"), sshString(signature))));
  const comment = (req.comment ?? req.keyId).replace(/[\r\n]/g, " ");
  return `${certType} ${Buffer.from(blob).toString("base64")}${comment ? ` ${comment}` : ""}`;
}
function readOptions(data, withValues) {
  const r = new SshWireReader(data);
  const out = {};
  while (r.remaining > 0) {
    const name = r.text();
    const value = r.string();
    out[name] = withValues && value.length > 0 ? new SshWireReader(value).text() : "";
  }
  return out;
}
function parseCertificate(line) {
  const [certType = "", data = "", ...rest] = line.trim().split(/\s+/);
  const keyType = Object.keys(CERT_TYPES).find((k) => CERT_TYPES[k] === certType);
  if (!keyType) throw new CertificateError(`not an ssh-ed25519 or ssh-rsa certificate (${certType || "empty line"})`);
  const blob = new Uint8Array(Buffer.from(data, "base64"));
  try {
    const r = new SshWireReader(blob);
    if (r.text() !== certType) throw new CertificateError("the certificate data does not match its type");
    r.string();
    const keyFields = keyType === "ssh-ed25519" ? [r.string()] : [r.string(), r.string()];
    const publicKeyBlob = concat(sshString(keyType), ...keyFields.map((f) => sshString(f)));
    const serial = readUint64(r);
    const type = r.uint32();
    const keyId = r.text();
    const pr = new SshWireReader(r.string());
    const principals = [];
    while (pr.remaining > 0) principals.push(pr.text());
    const validAfter = readUint64(r);
    const validBefore = readUint64(r);
    const criticalOptions = readOptions(r.string(), true);
    const extensions = Object.keys(readOptions(r.string(), false));
    r.string();
    const caBlob = r.string();
    const signed = blob.subarray(0, blob.length - r.remaining);
    const sig = new SshWireReader(r.string());
    let signatureValid = false;
    const ca = new SshWireReader(caBlob);
    if (ca.text() === "ssh-ed25519" && sig.text() === "ssh-ed25519") {
      const caKey = ca.string();
      const s = sig.string();
      try {
        signatureValid = caKey.length === 32 && s.length === 64 && ed25519.verify(s, signed, caKey);
      } catch {
        signatureValid = false;
      }
    }
    return {
      certType,
      keyType,
      publicKeyBlob,
      publicKeyLine: `${keyType} ${Buffer.from(publicKeyBlob).toString("base64")}`,
      publicKeyFingerprint: sshFingerprint(publicKeyBlob),
      serial,
      type: type === USER_CERT ? "user" : "host",
      keyId,
      principals,
      validAfter,
      validBefore,
      criticalOptions,
      extensions,
      caBlob: Uint8Array.from(caBlob),
      caFingerprint: sshFingerprint(caBlob),
      signatureValid,
      comment: rest.join(" ")
    };
  } catch (e) {
    if (e instanceof SshWireError) throw new CertificateError(`the certificate is truncated (${e.message})`);
    throw e;
  }
}
function formatValidity(v) {
  if (v === 0n) return "always";
  if (v === UINT64_MAX) return "forever";
  return new Date(Number(v) * 1e3).toISOString().replace(/\.000Z$/, "Z");
}

export {
  CERT_TYPES,
  USER_EXTENSIONS,
  UINT64_MAX,
  CertificateError,
  uint64,
  uint32,
  readUint64,
  signUserCertificate,
  parseCertificate,
  formatValidity
};
