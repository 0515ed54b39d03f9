/**
 * OpenSSH user certificates (PROTOCOL.certkeys), written and read in TypeScript: a pure
 * function from (CA key, user public key, principals, validity, serial, key id, options) to
 * the certificate line sshd accepts, and its reader (for `jit ssh-cert` and reports).
 *
 * - The CA is an ssh-ed25519 key. RSA CAs are refused: an RSA signature would have to be
 *   rsa-sha2-256/512 (sshd refuses SHA-1 "ssh-rsa" certificate signatures), and one key type
 *   keeps the signing path small. ssh-keygen -t ed25519 makes one.
 * - User keys: ssh-ed25519 and ssh-rsa, as GitHub publishes them.
 * - Certificates say exactly what they allow: principals, the validity window (seconds), the
 *   extensions and critical options given, sorted by name as OpenSSH writes them.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { sshFingerprint } from "../credentials/ssh-public-key.js";
import type { SshRecipientKey } from "../credentials/ssh-public-key.js";
import type { Ed25519PrivateKey } from "../credentials/openssh-private-key.js";
import { SshWireError, SshWireReader, sshString } from "../credentials/ssh-wire.js";

export const CERT_TYPES = { "ssh-ed25519": "ssh-ed25519-cert-v01@openssh.com", "ssh-rsa": "ssh-rsa-cert-v01@openssh.com" } as const;
export type CertKeyType = keyof typeof CERT_TYPES;

/** The extensions OpenSSH knows for user certificates. */
export const USER_EXTENSIONS = ["no-touch-required", "permit-X11-forwarding", "permit-agent-forwarding", "permit-port-forwarding", "permit-pty", "permit-user-rc"] as const;
export type UserExtension = (typeof USER_EXTENSIONS)[number];

const USER_CERT = 1;
export const UINT64_MAX = (1n << 64n) - 1n;

export interface CertificateRequest {
  ca: Ed25519PrivateKey;
  /** the user's public key, as parsed from a GitHub key line */
  publicKey: SshRecipientKey;
  principals: string[];
  /** seconds since the epoch: valid from (inclusive) … to (exclusive, as sshd checks `now >= valid_before`) */
  validAfter: number;
  validBefore: number;
  /** 1 … 2^64-1 (a KRL cannot name serial 0) */
  serial: bigint;
  keyId: string;
  extensions: readonly UserExtension[];
  /** e.g. { "source-address": "10.0.0.0/8" } */
  criticalOptions?: Readonly<Record<string, string>>;
  /** 32 random bytes (the caller draws them: this function is pure) */
  nonce: Uint8Array;
  /** the comment at the end of the line */
  comment?: string;
}

export class CertificateError extends Error {}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function uint64(v: bigint): Uint8Array {
  if (v < 0n || v > UINT64_MAX) throw new CertificateError(`${v} does not fit in 64 bits`);
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, v);
  return out;
}

export function uint32(v: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, v);
  return out;
}

export function readUint64(r: SshWireReader): bigint {
  const hi = BigInt(r.uint32());
  const lo = BigInt(r.uint32());
  return (hi << 32n) | lo;
}

/** name/value pairs as OpenSSH packs options: sorted by name, each value a string inside the data string (empty for flags). */
function options(entries: Array<[string, string | undefined]>): Uint8Array {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) if (sorted[i]![0] === sorted[i - 1]![0]) throw new CertificateError(`option ${sorted[i]![0]} appears twice`);
  return concat(...sorted.map(([name, value]) => concat(sshString(name), sshString(value === undefined ? new Uint8Array(0) : sshString(value)))));
}

const seconds = (v: number, what: string): bigint => {
  if (!Number.isSafeInteger(v) || v < 0) throw new CertificateError(`${what} must be whole seconds since the epoch, not ${v}`);
  return BigInt(v);
};

/** The certificate line: "<type>-cert-v01@openssh.com <base64> <comment>". */
export function signUserCertificate(req: CertificateRequest): string {
  if (req.ca.type !== "ssh-ed25519") throw new CertificateError("the CA must be an ssh-ed25519 key");
  if (req.nonce.length < 16) throw new CertificateError("the nonce must be at least 16 random bytes");
  if (req.serial < 1n || req.serial > UINT64_MAX) throw new CertificateError("the serial must be between 1 and 2^64-1");
  if (req.principals.length === 0) throw new CertificateError("a certificate for no principal would be valid for every user: refused");
  const after = seconds(req.validAfter, "validAfter");
  const before = seconds(req.validBefore, "validBefore");
  if (before <= after) throw new CertificateError("the certificate would end before it starts");
  for (const e of req.extensions) if (!(USER_EXTENSIONS as readonly string[]).includes(e)) throw new CertificateError(`unknown extension ${e}`);
  const key = new SshWireReader(req.publicKey.blob);
  const keyType = key.text();
  if (keyType !== req.publicKey.type) throw new CertificateError("the public key blob does not match its type");
  const certType = CERT_TYPES[req.publicKey.type];
  const caBlob = concat(sshString("ssh-ed25519"), sshString(req.ca.publicKey));
  const body = concat(
    sshString(certType),
    sshString(req.nonce),
    key.rest(), // the key's fields after its type: ed25519 (string pk), rsa (mpint e, mpint n)
    uint64(req.serial),
    uint32(USER_CERT),
    sshString(req.keyId),
    sshString(concat(...req.principals.map((p) => sshString(p)))),
    uint64(after),
    uint64(before),
    sshString(options(Object.entries(req.criticalOptions ?? {}))),
    sshString(options(req.extensions.map((e) => [e, undefined]))),
    sshString(new Uint8Array(0)),
    sshString(caBlob),
  );
  const signature = ed25519.sign(body, req.ca.seed);
  const blob = concat(body, sshString(concat(sshString("ssh-ed25519"), sshString(signature))));
  const comment = (req.comment ?? req.keyId).replace(/[\r\n]/g, " ");
  return `${certType} ${Buffer.from(blob).toString("base64")}${comment ? ` ${comment}` : ""}`;
}

export interface UserCertificate {
  certType: string;
  keyType: CertKeyType;
  /** the certified public key: its wire blob, "ssh-ed25519 AAAA…" line and fingerprint */
  publicKeyBlob: Uint8Array;
  publicKeyLine: string;
  publicKeyFingerprint: string;
  serial: bigint;
  type: "user" | "host";
  keyId: string;
  principals: string[];
  /** seconds since the epoch (0 / UINT64_MAX: always / forever) */
  validAfter: bigint;
  validBefore: bigint;
  criticalOptions: Record<string, string>;
  extensions: string[];
  /** the CA's public key: blob and fingerprint */
  caBlob: Uint8Array;
  caFingerprint: string;
  /** whether the CA's ed25519 signature over the certificate verifies */
  signatureValid: boolean;
  comment: string;
}

function readOptions(data: Uint8Array, withValues: boolean): Record<string, string> {
  const r = new SshWireReader(data);
  const out: Record<string, string> = {};
  while (r.remaining > 0) {
    const name = r.text();
    const value = r.string();
    out[name] = withValues && value.length > 0 ? new SshWireReader(value).text() : "";
  }
  return out;
}

/** Reads a certificate line. Throws CertificateError when it is not an OpenSSH user or host certificate of a supported type. */
export function parseCertificate(line: string): UserCertificate {
  const [certType = "", data = "", ...rest] = line.trim().split(/\s+/);
  const keyType = (Object.keys(CERT_TYPES) as CertKeyType[]).find((k) => CERT_TYPES[k] === certType);
  if (!keyType) throw new CertificateError(`not an ssh-ed25519 or ssh-rsa certificate (${certType || "empty line"})`);
  const blob = new Uint8Array(Buffer.from(data, "base64"));
  try {
    const r = new SshWireReader(blob);
    if (r.text() !== certType) throw new CertificateError("the certificate data does not match its type");
    r.string(); // nonce
    const keyFields = keyType === "ssh-ed25519" ? [r.string()] : [r.string(), r.string()];
    const publicKeyBlob = concat(sshString(keyType), ...keyFields.map((f) => sshString(f)));
    const serial = readUint64(r);
    const type = r.uint32();
    const keyId = r.text();
    const pr = new SshWireReader(r.string());
    const principals: string[] = [];
    while (pr.remaining > 0) principals.push(pr.text());
    const validAfter = readUint64(r);
    const validBefore = readUint64(r);
    const criticalOptions = readOptions(r.string(), true);
    const extensions = Object.keys(readOptions(r.string(), false));
    r.string(); // reserved
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
      comment: rest.join(" "),
    };
  } catch (e) {
    if (e instanceof SshWireError) throw new CertificateError(`the certificate is truncated (${e.message})`);
    throw e;
  }
}

/** "2026-12-05T09:59:00Z" for a validity bound; "always" / "forever" for the open ends. */
export function formatValidity(v: bigint): string {
  if (v === 0n) return "always";
  if (v === UINT64_MAX) return "forever";
  return new Date(Number(v) * 1000).toISOString().replace(/\.000Z$/, "Z");
}
