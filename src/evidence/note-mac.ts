/**
 * The MAC that makes a note in refs/notes/jit trustworthy: HMAC-SHA256 with the evidence key
 * over a text that names what the note is (its kind, the object it is on, its canonical
 * body). Evidence notes and request notes sign different texts with it.
 */
import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import type { KeyObject } from "node:crypto";

/** HMAC-SHA256 of `text` with the evidence key, in hex. */
export function noteMac(text: string, key: string): string {
  return createHmac("sha256", secretKey(key)).update(text).digest("hex");
}

/**
 * Does a note's `mac` field equal the MAC of `text` (compared in constant time)? Never
 * without a key; a field that is not 64 hex digits is refused before anything is computed.
 */
export function macVerifies(given: unknown, text: () => string, key: string | undefined): boolean {
  if (!key || typeof given !== "string" || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(noteMac(text(), key), "hex"), Buffer.from(given, "hex"));
}

let lastKey: { text: string; key: KeyObject } | undefined;
/** The key as a KeyObject, made once (an audit checks thousands of notes with one key). */
function secretKey(text: string): KeyObject {
  if (lastKey?.text !== text) lastKey = { text, key: createSecretKey(Buffer.from(text, "utf8")) };
  return lastKey.key;
}
