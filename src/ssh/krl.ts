/**
 * OpenSSH key revocation lists (PROTOCOL.krl), written in TypeScript: one certificates
 * section for one CA, revoking certificates by serial (KRL_SECTION_CERT_SERIAL_LIST) and by
 * key id (KRL_SECTION_CERT_KEY_ID). sshd reads the file named by `RevokedKeys` on every
 * connection: a revoked certificate is refused on the next login, no restart needed.
 * `ssh-keygen -Q -l -f FILE` prints one.
 */
import { sshString } from "../credentials/ssh-wire.js";
import { UINT64_MAX, uint32, uint64 } from "./user-certificate.js";

const MAGIC = new TextEncoder().encode("SSHKRL\n\0");
const FORMAT_VERSION = 1;
const SECTION_CERTIFICATES = 1;
const CERT_SERIAL_LIST = 0x20;
const CERT_KEY_ID = 0x23;

export interface KrlSpec {
  /** the CA's public key blob (wire encoding): only its certificates are revoked */
  caBlob: Uint8Array;
  /** serials (1 … 2^64-1; sshd refuses a KRL naming serial 0) */
  serials: Iterable<bigint>;
  keyIds?: Iterable<string>;
  /** a number that grows with every new list (servers can refuse to go back) */
  version: bigint;
  /** seconds since the epoch */
  generatedAt: number;
  comment?: string;
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

const section = (type: number, data: Uint8Array) => concat(new Uint8Array([type]), sshString(data));

export function buildKrl(spec: KrlSpec): Uint8Array {
  const serials = [...new Set(spec.serials)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const s of serials) if (s < 1n || s > UINT64_MAX) throw new RangeError(`serial ${s} cannot be revoked (1 … 2^64-1)`);
  const keyIds = [...new Set(spec.keyIds ?? [])].sort();
  const subsections: Uint8Array[] = [];
  if (serials.length) subsections.push(section(CERT_SERIAL_LIST, concat(...serials.map(uint64))));
  if (keyIds.length) subsections.push(section(CERT_KEY_ID, concat(...keyIds.map((id) => sshString(id)))));
  const header = concat(MAGIC, uint32(FORMAT_VERSION), uint64(spec.version), uint64(BigInt(Math.max(0, Math.floor(spec.generatedAt)))), uint64(0n), sshString(""), sshString(spec.comment ?? ""));
  if (subsections.length === 0) return header;
  return concat(header, section(SECTION_CERTIFICATES, concat(sshString(spec.caBlob), sshString(""), ...subsections)));
}
