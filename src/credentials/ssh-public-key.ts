/**
 * SSH public keys as GitHub publishes them (`GET /users/{login}/keys`: "ssh-ed25519 AAAA…",
 * "ssh-rsa AAAA…", no comment): which of them can receive age-encrypted credentials.
 *
 * age encrypts to ssh-ed25519 and ssh-rsa keys only. Security keys (sk-ssh-ed25519@openssh.com,
 * sk-ecdsa-…), ECDSA and DSA keys are skipped and reported, as are RSA keys under 2048 bits,
 * malformed lines and repeats.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { createHash } from "node:crypto";
import { SshWireError, SshWireReader, unsignedMagnitude } from "./ssh-wire.js";

export const MIN_RSA_BITS = 2048;
export const MAX_RSA_BITS = 16384;

interface KeyBase {
  /** the line as given, trimmed */
  line: string;
  /** the SSH wire encoding of the public key (the base64 field, decoded) */
  blob: Uint8Array;
  /** "SHA256:…" as `ssh-keygen -l` prints it */
  fingerprint: string;
}

export interface Ed25519PublicKey extends KeyBase {
  type: "ssh-ed25519";
  /** the 32-byte Ed25519 public key */
  publicKey: Uint8Array;
}

export interface RsaPublicKey extends KeyBase {
  type: "ssh-rsa";
  /** modulus and public exponent, big-endian, no leading zeros */
  n: Uint8Array;
  e: Uint8Array;
  bits: number;
}

export type SshRecipientKey = Ed25519PublicKey | RsaPublicKey;

export type SkipReason = "unsupported-type" | "malformed" | "rsa-size" | "duplicate";

export interface SkippedSshKey {
  line: string;
  /** the key type as written ("sk-ssh-ed25519@openssh.com", "ecdsa-sha2-nistp256", …), "" when none */
  type: string;
  reason: SkipReason;
  /** what is wrong, in words */
  detail: string;
}

export type ParsedPublicKey = { ok: true; key: SshRecipientKey } | { ok: false; skipped: SkippedSshKey };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** "SHA256:<unpadded base64 of SHA-256(blob)>", the fingerprint `ssh-keygen -l` shows. */
export function sshFingerprint(blob: Uint8Array): string {
  return "SHA256:" + createHash("sha256").update(blob).digest("base64").replace(/=+$/, "");
}

function decodeBase64Strict(text: string): Uint8Array | undefined {
  if (!BASE64.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? new Uint8Array(bytes) : undefined;
}

function bitLength(magnitude: Uint8Array): number {
  const top = magnitude[0] ?? 0;
  return top === 0 ? 0 : (magnitude.length - 1) * 8 + (32 - Math.clz32(top));
}

/** One public key line ("<type> <base64> [comment]"). Never throws. */
export function parseSshPublicKey(input: string): ParsedPublicKey {
  const line = input.trim();
  const [type = "", data = ""] = line.split(/[ \t]+/);
  const skip = (reason: SkipReason, detail: string): ParsedPublicKey => ({ ok: false, skipped: { line, type, reason, detail } });
  if (type !== "ssh-ed25519" && type !== "ssh-rsa") {
    return skip("unsupported-type", type === "" ? "empty line" : `${type} keys cannot receive age-encrypted messages (only ssh-ed25519 and ssh-rsa)`);
  }
  const blob = decodeBase64Strict(data);
  if (!blob) return skip("malformed", "the key data is not valid base64");
  try {
    const r = new SshWireReader(blob);
    const inner = r.text();
    if (inner !== type) return skip("malformed", `the key data is a ${inner} key, the line says ${type}`);
    const fingerprint = sshFingerprint(blob);
    if (type === "ssh-ed25519") {
      const publicKey = r.string();
      if (publicKey.length !== 32 || r.remaining !== 0) return skip("malformed", "an ssh-ed25519 key holds exactly 32 bytes");
      try {
        ed25519.utils.toMontgomery(publicKey);
      } catch {
        return skip("malformed", "the ssh-ed25519 key is not a point on the curve");
      }
      return { ok: true, key: { type, line, blob, fingerprint, publicKey: Uint8Array.from(publicKey) } };
    }
    const e = unsignedMagnitude(r.string());
    const n = unsignedMagnitude(r.string());
    if (r.remaining !== 0) return skip("malformed", "trailing bytes after the RSA key");
    const bits = bitLength(n);
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
      return skip("rsa-size", `a ${bits}-bit RSA key is outside ${MIN_RSA_BITS}–${MAX_RSA_BITS} bits`);
    }
    const eBits = bitLength(e);
    if (eBits < 2 || eBits > 32 || (e[e.length - 1]! & 1) === 0) return skip("malformed", "the RSA public exponent is not a small odd number");
    return { ok: true, key: { type, line, blob, fingerprint, n: Uint8Array.from(n), e: Uint8Array.from(e), bits } };
  } catch (err) {
    if (err instanceof SshWireError) return skip("malformed", `the key data is truncated (${err.message})`);
    throw err;
  }
}

/** The usable keys among `lines` (in order, each key once) and the others with why. */
export function selectRecipientKeys(lines: readonly string[]): { keys: SshRecipientKey[]; skipped: SkippedSshKey[] } {
  const keys: SshRecipientKey[] = [];
  const skipped: SkippedSshKey[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const parsed = parseSshPublicKey(line);
    if (!parsed.ok) {
      skipped.push(parsed.skipped);
    } else if (seen.has(parsed.key.fingerprint)) {
      skipped.push({ line: parsed.key.line, type: parsed.key.type, reason: "duplicate", detail: `the same key as an earlier line (${parsed.key.fingerprint})` });
    } else {
      seen.add(parsed.key.fingerprint);
      keys.push(parsed.key);
    }
  }
  return { keys, skipped };
}
