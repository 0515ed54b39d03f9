/**
 * The raw text of a note in refs/notes/jit, looked at before anything parses it. Anyone who
 * can push may write any note there, so a note is bounded first, in one pass over the text
 * that neither recurses nor builds anything: its size, and how deep its brackets nest. Only a
 * note within both bounds is parsed (and only then is its MAC checked).
 */

/**
 * Largest note read, in bytes: room for about 27,000 leases verified in one commit (about
 * 1.2 KB of evidence each, with their grants; the bench's bulk import of 10,000 is 11.6 MB),
 * and under GitHub's 100 MB limit on a pushed object.
 */
export const MAX_NOTE_BYTES = 32 * 1024 * 1024;
/** Deepest bracket nesting read (evidence notes nest 5 levels: note, leases, lease, approvals, approval). */
export const MAX_NOTE_DEPTH = 16;

const MIB = 1024 * 1024;

/** Why the text is not to be parsed (over the size or depth bound), or undefined when it may be. */
export function noteTextProblem(text: string): string | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count the bytes only when it could matter.
  if (text.length > MAX_NOTE_BYTES || (text.length * 3 > MAX_NOTE_BYTES && Buffer.byteLength(text, "utf8") > MAX_NOTE_BYTES)) {
    return `it is over the size limit of ${MAX_NOTE_BYTES / MIB} MiB`;
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: on to its closing quote, one not escaped by an odd run of backslashes.
      let q = text.indexOf('"', i + 1);
      while (q >= 0 && text.charCodeAt(q - 1) === 0x5c) {
        let n = 1;
        while (text.charCodeAt(q - 1 - n) === 0x5c) n++;
        if (n % 2 === 0) break;
        q = text.indexOf('"', q + 1);
      }
      if (q < 0) return undefined; // unterminated: not JSON, as the parser will say
      i = q;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_NOTE_DEPTH) return `it is nested deeper than ${MAX_NOTE_DEPTH} levels`;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}
