/**
 * Removes `standing` entries from policy.yaml as a minimal textual edit: the lines of each
 * entry (with a comment directly above it at its indentation) go, every other byte stays —
 * comments, order, quoting, blank lines. A list left empty becomes `standing: []`. The result
 * is checked by parsing it again: it must be the same document without exactly those entries,
 * or nothing is proposed. Pure.
 */
import { MAX_POLICY_BYTES, escapePointerSegment, parseYamlText } from "../document/parse-yaml.js";

export interface Removal {
  resource: string;
  /** Index in the resource's `standing` list (in the text given). */
  index: number;
}

export type EditResult = { ok: true; text: string } | { ok: false; problem: string };

const isBlankOrComment = (line: string) => /^\s*(?:#.*)?\r?$/.test(line);
const indentOf = (line: string) => /^ */.exec(line)![0].length;

export function removeStanding(file: string, text: string, removals: readonly Removal[]): EditResult {
  const doc = parseYamlText(file, text, MAX_POLICY_BYTES, false);
  if (doc.diagnostics.length) return { ok: false, problem: `${file} does not parse: ${doc.diagnostics[0]!.message}` };
  const value = doc.value as { resources?: Record<string, { standing?: unknown[] }> };
  const lines = text.split("\n");
  // Line ranges to delete (0-based, inclusive), and keys whose list is emptied.
  const cut: Array<[number, number]> = [];
  const emptied: Array<{ line: number; column: number }> = [];
  const byResource = new Map<string, Set<number>>();
  for (const r of removals) byResource.set(r.resource, (byResource.get(r.resource) ?? new Set()).add(r.index));
  for (const [resource, indexes] of byResource) {
    const list = value.resources?.[resource]?.standing;
    const base = `/resources/${escapePointerSegment(resource)}/standing`;
    if (!Array.isArray(list)) return { ok: false, problem: `${resource} has no standing list in ${file}.` };
    for (const index of indexes) {
      if (index < 0 || index >= list.length) return { ok: false, problem: `${resource} has no standing entry ${index} in ${file}.` };
      const at = doc.locate(`${base}/${index}`);
      // The entry's dash: back from where its value starts, over spaces only.
      let line = at.line - 1;
      let col = at.column - 2;
      while (line >= 0 && col >= 0 && lines[line]![col] === " ") col--;
      if (line < 0 || col < 0 || lines[line]![col] !== "-" || lines[line]!.slice(0, col).trim() !== "") {
        // A dash alone on its line, with the value below it.
        const above = at.line - 2;
        const m = above >= 0 ? /^( *)-\s*$/.exec(lines[above]!.replace(/\r$/, "")) : null;
        if (!m) return { ok: false, problem: `The standing list of ${resource} is not a block list (- entries): edit ${file} by hand.` };
        line = above;
        col = m[1]!.length;
      }
      let first = line;
      while (first > 0 && /^\s*#/.test(lines[first - 1]!) && indentOf(lines[first - 1]!) === col) first--;
      let last = line;
      for (let i = line + 1; i < lines.length; i++) {
        if (isBlankOrComment(lines[i]!)) continue;
        if (indentOf(lines[i]!) > col) last = i;
        else break;
      }
      cut.push([first, last]);
    }
    if (indexes.size === list.length) emptied.push(doc.locateKey(base));
  }
  const out = lines.slice();
  // Empty lists first (their key lines come before their entries), then entries bottom-up.
  for (const k of emptied) {
    const l = out[k.line - 1]!;
    const colon = l.indexOf(":", k.column - 1);
    if (colon < 0) return { ok: false, problem: `Could not find the standing key of a list to empty in ${file}.` };
    out[k.line - 1] = `${l.slice(0, colon + 1)} []${l.slice(colon + 1).replace(/^[ \t]*(?=\r?$)/, "").replace(/^[ \t]*(?=#)/, " ")}`;
  }
  for (const [first, last] of cut.sort((a, b) => b[0] - a[0])) out.splice(first, last - first + 1);
  const edited = out.join("\n");

  // The check: the same document, without exactly those entries.
  const again = parseYamlText(file, edited, MAX_POLICY_BYTES, false);
  const expected = structuredClone(value);
  for (const [resource, indexes] of byResource) {
    const r = expected.resources![resource]!;
    r.standing = r.standing!.filter((_, i) => !indexes.has(i));
  }
  if (again.diagnostics.length || JSON.stringify(again.value) !== JSON.stringify(expected)) {
    return { ok: false, problem: `Removing the entries from ${file} by a textual edit would change more than them (unusual layout): edit it by hand.` };
  }
  return { ok: true, text: edited };
}
