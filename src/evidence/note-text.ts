/**
 * The raw text of a note in refs/notes/jit, looked at before anything parses it. Anyone who
 * can push may write any note there, so a note is bounded first, in one pass over the text
 * that neither recurses nor builds anything deep: its size, and how deep its brackets nest.
 * The same pass gives, for a note laid out as formatNote writes it (keys in canonical order),
 * the exact text its MAC covers, so the MAC is checked over the raw bytes before parsing.
 */

/**
 * Largest note read, in bytes: room for about 27,000 leases verified in one commit (about
 * 1.2 KB of evidence each, with their grants; the bench's bulk import of 10,000 is 11.6 MB),
 * and under GitHub's 100 MB limit on a pushed object.
 */
export const MAX_NOTE_BYTES = 32 * 1024 * 1024;
/** Deepest bracket nesting read (evidence notes nest 5 levels: note, leases, lease, approvals, approval). */
export const MAX_NOTE_DEPTH = 16;

export type NoteTextScan =
  | { ok: false; reason: string }
  /**
   * Within the bounds. `signed`: the text with insignificant whitespace and the top-level
   * `mac` member taken out, and that member's value — for a note in canonical layout, the
   * body its MAC was made over. (Only a valid MAC over it means anything.)
   */
  | { ok: true; signed?: { body: string; mac: string } };

const MIB = 1024 * 1024;

export function scanNoteText(text: string): NoteTextScan {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: count the bytes only when it could matter.
  if (text.length > MAX_NOTE_BYTES || (text.length * 3 > MAX_NOTE_BYTES && Buffer.byteLength(text, "utf8") > MAX_NOTE_BYTES)) {
    return { ok: false, reason: `it is over the size limit of ${MAX_NOTE_BYTES / MIB} MiB` };
  }
  const runs: string[] = []; // the text between whitespace outside strings
  let from = 0; // start of the current run
  let length = 0; // length of the runs before it
  let depth = 0;
  let rootIsObject: boolean | undefined;
  let expectKey = false; // in the root object, the next string is a member's key
  let macAt = -1; // where the top-level "mac" key starts in the joined runs
  let macs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        if (i > from) {
          runs.push(text.slice(from, i));
          length += i - from;
        }
        from = i + 1;
        continue;
      case 0x22: {
        // A string: to its closing quote, one not escaped by an odd run of backslashes.
        let q = text.indexOf('"', i + 1);
        while (q >= 0) {
          let n = 0;
          while (text.charCodeAt(q - 1 - n) === 0x5c) n++;
          if (n % 2 === 0) break;
          q = text.indexOf('"', q + 1);
        }
        if (q < 0) return { ok: true }; // unterminated: not JSON, as the parser will say
        if (expectKey && depth === 1 && rootIsObject) {
          if (q - i === 4 && text.startsWith('"mac"', i)) {
            macAt = length + (i - from);
            macs++;
          }
          expectKey = false;
        }
        i = q;
        break;
      }
      case 0x7b: // {
      case 0x5b: // [
        if (++depth > MAX_NOTE_DEPTH) return { ok: false, reason: `it is nested deeper than ${MAX_NOTE_DEPTH} levels` };
        rootIsObject ??= c === 0x7b;
        expectKey = depth === 1 && c === 0x7b;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        depth--;
        break;
      case 0x2c: // ,
        if (depth === 1) expectKey = true;
        break;
    }
    rootIsObject ??= false;
  }
  if (text.length > from) runs.push(text.slice(from));
  if (macs !== 1) return { ok: true };
  return { ok: true, ...withoutMac(runs.join(""), macAt) };
}

/** The compact text without its top-level `"mac":"<64 hex>"` member (at `at`), and the MAC. */
function withoutMac(compact: string, at: number): { signed?: { body: string; mac: string } } {
  const end = at + '"mac":"'.length + 64 + 1;
  if (!compact.startsWith('"mac":"', at) || compact[end - 1] !== '"') return {};
  const mac = compact.slice(at + '"mac":"'.length, end - 1);
  if (!/^[0-9a-f]{64}$/.test(mac)) return {};
  const before = compact[at - 1];
  const after = compact[end];
  if (after !== "," && after !== "}") return {};
  const body = before === "," ? compact.slice(0, at - 1) + compact.slice(end) : after === "," ? compact.slice(0, at) + compact.slice(end + 1) : compact.slice(0, at) + compact.slice(end);
  return { signed: { body, mac } };
}
