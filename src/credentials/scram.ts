/**
 * SCRAM-SHA-256 password verifiers (RFC 5802, RFC 7677) in PostgreSQL's format:
 *
 *   SCRAM-SHA-256$<iterations>:<salt base64>$<StoredKey base64>:<ServerKey base64>
 *
 * Given to `CREATE ROLE … PASSWORD '<verifier>'`, the server stores it as is and the role logs
 * in with the plaintext, which never reaches the server (nor its statement log).
 *
 * Pure: the salt is an input (`newScramSha256Verifier` draws a random one).
 * Passwords are printable ASCII, for which PostgreSQL's SASLprep step changes nothing.
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from "node:crypto";

/** PostgreSQL's default (scram_iterations). */
export const SCRAM_ITERATIONS = 4096;
export const SCRAM_SALT_BYTES = 16;

export interface ScramSecrets {
  iterations: number;
  salt: Uint8Array;
  storedKey: Uint8Array;
  serverKey: Uint8Array;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;
const B64 = "[A-Za-z0-9+/]+={0,2}";
const VERIFIER = new RegExp(`^SCRAM-SHA-256\\$(\\d+):(${B64})\\$(${B64}):(${B64})$`);

function hmac(key: Uint8Array, text: string): Buffer {
  return createHmac("sha256", key).update(text, "utf8").digest();
}

/** The keys a SCRAM-SHA-256 server stores for `password`. */
export function scramSha256Secrets(password: string, salt: Uint8Array, iterations = SCRAM_ITERATIONS): ScramSecrets {
  if (!PRINTABLE_ASCII.test(password)) throw new RangeError("a SCRAM password here must be non-empty printable ASCII");
  if (salt.length === 0) throw new RangeError("a SCRAM salt must not be empty");
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError("SCRAM iterations must be a positive integer");
  const salted = pbkdf2Sync(password, salt, iterations, 32, "sha256");
  const clientKey = hmac(salted, "Client Key");
  return {
    iterations,
    salt: Uint8Array.from(salt),
    storedKey: new Uint8Array(createHash("sha256").update(clientKey).digest()),
    serverKey: new Uint8Array(hmac(salted, "Server Key")),
  };
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");

/** The verifier for `password` with this salt, in PostgreSQL's text form. */
export function scramSha256Verifier(password: string, salt: Uint8Array, iterations = SCRAM_ITERATIONS): string {
  const s = scramSha256Secrets(password, salt, iterations);
  return `SCRAM-SHA-256$${s.iterations}:${b64(s.salt)}$${b64(s.storedKey)}:${b64(s.serverKey)}`;
}

/** A verifier with a fresh random salt. */
export function newScramSha256Verifier(password: string, iterations = SCRAM_ITERATIONS): string {
  return scramSha256Verifier(password, randomBytes(SCRAM_SALT_BYTES), iterations);
}

/** Parses PostgreSQL's verifier text (as in pg_authid.rolpassword); undefined if it is not one. */
export function parseScramSha256Verifier(text: string): ScramSecrets | undefined {
  const m = VERIFIER.exec(text);
  if (!m) return undefined;
  const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, "base64"));
  const secrets = { iterations: Number(m[1]), salt: bytes(m[2]!), storedKey: bytes(m[3]!), serverKey: bytes(m[4]!) };
  return secrets.storedKey.length === 32 && secrets.serverKey.length === 32 && secrets.iterations > 0 ? secrets : undefined;
}

/** Whether `password` matches the verifier (constant work: a full PBKDF2 either way). */
export function scramSha256Matches(verifier: string, password: string): boolean {
  const v = parseScramSha256Verifier(verifier);
  if (!v || !PRINTABLE_ASCII.test(password)) return false;
  const mine = scramSha256Secrets(password, v.salt, v.iterations);
  return Buffer.compare(Buffer.from(mine.storedKey), Buffer.from(v.storedKey)) === 0 && Buffer.compare(Buffer.from(mine.serverKey), Buffer.from(v.serverKey)) === 0;
}
