/**
 * Characters a lease or policy file may not hold, because they hide what the file says from
 * the people who review it:
 *
 * - C0 controls (U+0000–U+001F) other than tab, line feed, and a carriage return that ends a
 *   line with a line feed (CRLF): a NUL makes git, and GitHub's diff view, treat the file as
 *   binary and show no text at all; a lone carriage return breaks the line for YAML but not
 *   for git or the diff; others (escape, backspace...) rewrite what a terminal shows.
 * - DEL (U+007F) and the C1 controls (U+0080–U+009F, NEL included).
 * - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
 *   reorder how text is displayed ("Trojan Source").
 * - A byte-order mark (U+FEFF, zero-width no-break space) anywhere but the very start.
 * - What YAML itself does not count as printable: U+FFFE, U+FFFF and unpaired surrogates.
 *
 * Each is reported with its line, column and code point under the rule `file-control-character`
 * (the first MAX_REPORTED of them). Columns count UTF-16 code units, as every position does.
 */
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

export const HIDDEN_CHARACTER_CODE = "file-control-character";
const MAX_REPORTED = 10;

const C0 = ["NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"];
const BIDI: Record<number, string> = { 0x202a: "LRE", 0x202b: "RLE", 0x202c: "PDF", 0x202d: "LRO", 0x202e: "RLO", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI" };

const BINARY = "control characters make git and GitHub's diff show the file as binary or hide part of it from reviewers";

/** Why the UTF-16 code unit at i is refused, or undefined when it is fine. */
function refusal(text: string, i: number): string | undefined {
  const c = text.charCodeAt(i);
  if (c < 0x20) {
    if (c === 0x09 || c === 0x0a) return undefined;
    if (c === 0x0d) {
      return text.charCodeAt(i + 1) === 0x0a
        ? undefined
        : "a carriage return without a line feed (CR) ends the line for YAML but not for git or GitHub's diff; use LF or CRLF line ends";
    }
    return `${C0[c]} is a control character; ${BINARY}`;
  }
  if (c === 0x7f) return `DEL is a control character; ${BINARY}`;
  if (c >= 0x80 && c <= 0x9f) return `${c === 0x85 ? "NEL" : "this"} is a C1 control character; ${BINARY}`;
  const bidi = BIDI[c];
  if (bidi) return `${bidi} is a bidirectional control: it reorders how the text around it is displayed, so reviewers read something else than what is parsed`;
  if (c === 0xfeff) return "an invisible byte-order mark (zero-width no-break space) is allowed only as the very first character";
  if (c === 0xfffe || c === 0xffff) return "this is a Unicode noncharacter, not printable text";
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? undefined : "an unpaired surrogate is not text";
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const b = text.charCodeAt(i - 1);
    return b >= 0xd800 && b <= 0xdbff ? undefined : "an unpaired surrogate is not text";
  }
  return undefined;
}

const codePoint = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

function nameOf(c: number): string {
  if (c < 0x20) return C0[c]!;
  if (c === 0x7f) return "DEL";
  if (c === 0x85) return "NEL";
  if (c >= 0x80 && c <= 0x9f) return "a C1 control";
  if (c === 0xfeff) return "a zero-width no-break space";
  if (c >= 0xd800 && c <= 0xdfff) return "an unpaired surrogate";
  return BIDI[c] ?? "a noncharacter";
}

/**
 * The same characters inside a parsed key or value, where a double-quoted scalar's escapes
 * (`"\0"`, `"\e"`, `"\u202E"`) put them without showing them in the file: they would reach
 * pull request comments, notifications and the audit. Tab and line feed stay allowed; a
 * carriage return too only as part of CRLF. Returns the message, or undefined.
 */
export function hiddenInValue(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (refusal(value, i) === undefined) continue;
    return `This value holds ${codePoint(c)} (${nameOf(c)}), written as an escape: control, bidirectional and invisible characters are refused in values too, where comments, notifications and the audit would show them.`;
  }
  return undefined;
}

/**
 * Refuses the characters listed above, one diagnostic per character (at most MAX_REPORTED,
 * the last one counting the rest). A leading byte-order mark is the caller's to strip.
 */
export function findHiddenCharacters(file: string, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  let line = 1;
  let lineStart = 0;
  let more = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue; // printable ASCII, the common case
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
      continue;
    }
    const why = refusal(text, i);
    if (why === undefined) continue;
    if (out.length === MAX_REPORTED) {
      more++;
      continue;
    }
    out.push(
      diagnostic(
        HIDDEN_CHARACTER_CODE,
        file,
        { line, column: i - lineStart + 1 },
        `Character ${codePoint(c)} is not allowed in this file: ${why}.`,
        "Remove it: lease and policy files hold printable text, tabs and line breaks only.",
      ),
    );
  }
  if (more > 0) {
    const last = out[out.length - 1]!;
    last.message += ` (${more} more such character${more === 1 ? "" : "s"} in this file.)`;
  }
  return out;
}
