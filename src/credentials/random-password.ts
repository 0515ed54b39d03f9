/**
 * Random passwords for ephemeral logins: crypto-random, URL-safe (base64url: A–Z a–z 0–9 - _),
 * so they sit in a connection string or a SQL literal without escaping.
 */
import { randomBytes } from "node:crypto";

/** 24 random bytes: 192 bits, 32 characters. */
export const PASSWORD_BYTES = 24;
/** Never fewer than 128 bits. */
export const MIN_PASSWORD_BYTES = 16;

/** `random` is for tests; it must return `n` uniformly random bytes. */
export function randomPassword(bytes = PASSWORD_BYTES, random: (n: number) => Uint8Array = randomBytes): string {
  if (!Number.isInteger(bytes) || bytes < MIN_PASSWORD_BYTES) throw new RangeError(`a password needs at least ${MIN_PASSWORD_BYTES} random bytes (128 bits)`);
  const drawn = random(bytes);
  if (drawn.length !== bytes) throw new RangeError(`the random source gave ${drawn.length} bytes, ${bytes} were asked`);
  return Buffer.from(drawn).toString("base64url");
}
