/**
 * Strict UTF-8 for lease and policy files, and where it fails: the line and column of the
 * first byte that does not start a well-formed sequence (a Latin-1 byte, an overlong form,
 * an encoded surrogate, a code point above U+10FFFF, a truncated sequence), so the
 * requester can find it. A byte-order mark is kept in the text; the YAML loader decides.
 */
import type { Position } from "../diagnostics/diagnostic.js";

export type DecodedUtf8 = { ok: true; text: string } | { ok: false; at: Position; byte: number };

const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder("utf-8", { ignoreBOM: true });

export function decodeUtf8Strict(bytes: Uint8Array): DecodedUtf8 {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    // Columns count UTF-16 code units, as every other position does.
    const column = lenient.decode(bytes.subarray(lineStart, offset)).length + 1;
    return { ok: false, at: { line, column }, byte: bytes[offset] ?? 0 };
  }
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (Unicode table 3-7). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i; // truncated at the end
    const c = bytes[i + 1]!;
    if (c < lo || c > hi) return i;
    for (let k = 2; k <= need; k++) {
      const d = bytes[i + k]!;
      if (d < 0x80 || d > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}
