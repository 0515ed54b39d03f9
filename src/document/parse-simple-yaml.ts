/**
 * A fast path for the plain YAML that lease and policy files are made of: block mappings
 * and sequences nested by indentation, `key: value` lines, flow sequences of scalars
 * (`[a, "b"]`), plain and simply quoted strings, integers and booleans, comments and blank
 * lines. For anything else (anchors, aliases, tags, directives, block or multi-line
 * scalars, flow mappings, pairs in flow sequences like `[a:]`, escapes, floats, nulls, keys
 * YAML reads as numbers or booleans, tabs, CRLF, duplicate or forbidden keys, nesting
 * deeper than MAX_BLOCK_DEPTH...) it returns undefined and the caller uses the full YAML
 * parser, which also reports the errors. The caller has already refused hidden characters.
 * Where it answers, value and positions equal the full parser's: a property-based
 * differential test (test/document/simple-yaml-differential.test.ts) holds it to that.
 */
import type { Position } from "../diagnostics/diagnostic.js";

export interface SimpleYaml {
  value: unknown;
  /** JSON pointer → where its value (and key, for mapping entries) starts. */
  positions: Map<string, { value: Position; key?: Position }>;
}

interface Line {
  no: number; // 1-based
  indent: number;
  text: string; // from the first non-space character
}

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_-]*):(?= |$)/;
const INT = /^[-+]?[0-9]+$/;
const OTHER_TYPED =
  /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|null|Null|NULL|~)$/;
const BOOL: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);
/**
 * Deeper block nesting is left to the full parser, which bounds it (and reports it); this
 * also keeps the fast path's own recursion short.
 */
const MAX_BLOCK_DEPTH = 8;

class Fallback extends Error {}
const fallback = (): never => {
  throw new Fallback();
};

/** Parses text; with recordPositions false, `positions` stays empty (cheaper for the common, valid case). */
export function parseSimpleYaml(text: string, recordPositions = true): SimpleYaml | undefined {
  // Unusual whitespace (tabs, CR, NBSP, line/paragraph separators, BOM) is left to the full parser.
  if (/[\t\r\u00a0\u2028\u2029\ufeff\u0085]/.test(text)) return undefined;
  const lines: Line[] = [];
  const raw = text.split("\n");
  for (let i = 0; i < raw.length; i++) {
    const l = raw[i]!;
    let indent = 0;
    while (l.charCodeAt(indent) === 32) indent++;
    if (indent === l.length || l.charCodeAt(indent) === 35 /* # */) continue;
    const c = l.charCodeAt(0);
    if (indent === 0 && (c === 45 || c === 46 || c === 37) && /^(?:---|\.\.\.|%)/.test(l)) return undefined;
    lines.push({ no: i + 1, indent, text: l.slice(indent) });
  }
  if (lines.length === 0) return undefined;
  const positions = new Map<string, { value: Position; key?: Position }>();
  try {
    const [value, next] = parseBlock(lines, 0, lines[0]!.indent, "", recordPositions ? positions : null, 0);
    if (next !== lines.length) return undefined;
    return { value, positions };
  } catch (e) {
    if (e instanceof Fallback) return undefined;
    throw e;
  }
}

/** Where positions are recorded; null when they are not wanted (the common, valid case). */
type Positions = SimpleYaml["positions"] | null;

const isSeqLine = (l: Line) => l.text === "-" || l.text.startsWith("- ");

function parseBlock(lines: Line[], i: number, indent: number, pointer: string, pos: Positions, depth: number): [unknown, number] {
  const l = lines[i]!;
  if (l.indent !== indent || depth > MAX_BLOCK_DEPTH) fallback();
  return isSeqLine(l) ? parseSeq(lines, i, indent, pointer, pos, depth) : parseMap(lines, i, indent, pointer, pos, depth);
}

function setValuePos(pos: Positions, pointer: string, at: Position) {
  if (!pos) return;
  const e = pos.get(pointer);
  if (e) e.value = at;
  else pos.set(pointer, { value: at });
}

function parseMap(lines: Line[], i: number, indent: number, pointer: string, pos: Positions, depth: number, first?: Line): [Record<string, unknown>, number] {
  if (depth > MAX_BLOCK_DEPTH) fallback();
  const out: Record<string, unknown> = {};
  if (pos) setValuePos(pos, pointer, { line: lines[i]!.no, column: indent + 1 });
  const start = i;
  while (i < lines.length) {
    const l = i === start && first ? first : lines[i]!;
    if (l.indent < indent) break;
    if (l.indent > indent || isSeqLine(l)) fallback();
    const m = KEY.exec(l.text) ?? fallback();
    const key = m[1]!;
    // Keys the full parser would read as numbers or booleans are left to it.
    // (`TRUE:` is the key "true" there, `0x1F:` the key "31").
    if (FORBIDDEN.has(key) || Object.hasOwn(out, key) || INT.test(key) || OTHER_TYPED.test(key) || Object.hasOwn(BOOL, key)) fallback();
    const child = pos ? `${pointer}/${key}` : "";
    if (pos) {
      const keyAt = { line: l.no, column: indent + 1 };
      pos.set(child, { key: keyAt, value: keyAt });
    }
    let rest = l.text.slice(m[0].length);
    const spaces = rest.length - rest.replace(/^ +/, "").length;
    rest = rest.slice(spaces);
    if (rest.length > 0 && rest[0] !== "#") {
      out[key] = parseInline(rest, l.no, indent + m[0].length + spaces + 1, child, pos);
      i++;
      continue;
    }
    const n = lines[i + 1];
    if (!n || n.indent < indent || (n.indent === indent && !isSeqLine(n))) return fallback(); // a null value
    if (i === start && first && n.indent <= indent) fallback(); // "- key:" with a nested block: leave to the full parser
    const [v, next] = n.indent === indent ? parseSeq(lines, i + 1, indent, child, pos, depth + 1) : parseBlock(lines, i + 1, n.indent, child, pos, depth + 1);
    out[key] = v;
    i = next;
  }
  return [out, i];
}

function parseSeq(lines: Line[], i: number, indent: number, pointer: string, pos: Positions, depth: number): [unknown[], number] {
  if (depth > MAX_BLOCK_DEPTH) fallback();
  const out: unknown[] = [];
  if (pos) setValuePos(pos, pointer, { line: lines[i]!.no, column: indent + 1 });
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.indent < indent) break;
    if (l.indent > indent || !isSeqLine(l)) {
      if (l.indent === indent) break; // a mapping key at the same indent ends a compact sequence
      fallback();
    }
    const child = pos ? `${pointer}/${out.length}` : "";
    const after = l.text.slice(1);
    const rest = after.replace(/^ +/, "");
    if (rest.length === 0 || rest[0] === "#") fallback(); // nested block or null item
    const column = indent + 1 + (after.length - rest.length) + 1;
    if (KEY.test(rest)) {
      // "- key: value" starts a mapping whose keys sit at this column.
      const [v, next] = parseMap(lines, i, column - 1, child, pos, depth + 1, { no: l.no, indent: column - 1, text: rest });
      out.push(v);
      i = next;
      continue;
    }
    out.push(parseInline(rest, l.no, column, child, pos));
    i++;
  }
  return [out, i];
}

/** A scalar or a flow sequence of scalars, then an optional comment, on one line. */
function parseInline(text: string, line: number, column: number, pointer: string, pos: Positions): unknown {
  if (pos) setValuePos(pos, pointer, { line, column });
  if (text[0] === "[") {
    const out: unknown[] = [];
    let k = 1;
    for (;;) {
      while (text[k] === " ") k++;
      if (text[k] === "]") {
        if (out.length > 0) fallback(); // trailing comma
        k++;
        break;
      }
      const start = k;
      let item: unknown;
      if (text[k] === '"' || text[k] === "'") {
        const end = text.indexOf(text[k]!, k + 1);
        if (end < 0) fallback();
        const s = text.slice(k + 1, end);
        if (text[k] === '"' && s.includes("\\")) fallback();
        if (text[k] === "'" && text[end + 1] === "'") fallback();
        item = s;
        k = end + 1;
      } else {
        while (k < text.length && text[k] !== "," && text[k] !== "]") k++;
        const s = text.slice(start, k).replace(/ +$/, "");
        // A ':' before a space or the item's end makes the item a one-pair mapping
        // (`[a:]`, `[x: ]`, `[a:, b]`); those are left to the full parser.
        if (s.length === 0 || INDICATOR.test(s) || s.includes(" #") || s.includes(": ") || s.endsWith(":") || /[[{}]/.test(s)) fallback();
        item = plain(s);
      }
      if (pos) pos.set(`${pointer}/${out.length}`, { value: { line, column: column + start } });
      out.push(item);
      while (text[k] === " ") k++;
      if (text[k] === ",") {
        k++;
        while (text[k] === " ") k++;
        if (text[k] === "]") fallback(); // trailing comma
        continue;
      }
      if (text[k] === "]") {
        k++;
        break;
      }
      fallback();
    }
    trailer(text.slice(k));
    return out;
  }
  if (text[0] === '"' || text[0] === "'") {
    const q = text[0];
    const end = text.indexOf(q, 1);
    if (end < 0) fallback();
    const s = text.slice(1, end);
    if (q === '"' && s.includes("\\")) fallback();
    if (q === "'" && text[end + 1] === "'") fallback();
    trailer(text.slice(end + 1));
    return s;
  }
  if (INDICATOR.test(text)) fallback();
  const hash = text.indexOf(" #");
  const s = (hash >= 0 ? text.slice(0, hash) : text).replace(/ +$/, "");
  if (s.includes(": ") || s.endsWith(":")) fallback();
  return plain(s);
}

function trailer(rest: string) {
  if (rest.length && !/^ +(#.*)?$/.test(rest)) fallback();
}

function plain(s: string): unknown {
  if (INT.test(s)) {
    const n = Number(s);
    if (!Number.isSafeInteger(n)) fallback();
    return n;
  }
  if (Object.hasOwn(BOOL, s)) return BOOL[s];
  if (OTHER_TYPED.test(s)) fallback();
  return s;
}
