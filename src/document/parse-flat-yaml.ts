/**
 * A fast path for the common shape of lease files: a flat mapping of `key: value` lines
 * whose values are plain or simply quoted strings, with comments and blank lines. It
 * returns undefined for anything else (numbers, booleans, nulls, nesting, escapes, anchors,
 * tags, directives, duplicate or forbidden keys, CRLF, tabs...), and the caller then uses
 * the full YAML parser. Where it answers, its value and positions equal the full parser's
 * (a differential test holds it to that).
 */
import type { Position } from "../diagnostics/diagnostic.js";

export interface FlatYaml {
  value: Record<string, string>;
  /** key → [position of key, position of value] */
  positions: Map<string, [Position, Position]>;
}

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_]*):( +)(.*)$/;
const NOT_A_PLAIN_STRING =
  /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|null|Null|NULL|~|true|True|TRUE|false|False|FALSE)$/;
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

export function parseFlatYaml(text: string): FlatYaml | undefined {
  if (text.includes("\r") || text.includes("\t") || text.charCodeAt(0) === 0xfeff) return undefined;
  const value: Record<string, string> = {};
  const positions = new Map<string, [Position, Position]>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length === 0) continue;
    const first = line.charCodeAt(0);
    if (first === 35 /* # */) continue;
    if (first === 32 /* space */) {
      if (/^ +(#.*)?$/.test(line)) continue;
      return undefined;
    }
    const m = KEY_LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    if (FORBIDDEN.has(key) || Object.hasOwn(value, key)) return undefined;
    const raw = m[3]!;
    const valueColumn = key.length + 1 + m[2]!.length + 1;
    let str: string;
    const c = raw.charCodeAt(0);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const q = raw[0]!;
      const end = raw.indexOf(q, 1);
      if (end < 0) return undefined;
      str = raw.slice(1, end);
      if (q === '"' && str.includes("\\")) return undefined;
      const rest = raw.slice(end + 1);
      if (rest.length && !/^ +(#.*)?$/.test(rest) && !/^ *$/.test(rest)) return undefined;
    } else {
      if (raw.length === 0 || INDICATOR.test(raw)) return undefined;
      const hash = raw.indexOf(" #");
      str = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/ +$/, "");
      if (str.length === 0 || str.includes(": ") || str.endsWith(":") || NOT_A_PLAIN_STRING.test(str)) return undefined;
    }
    value[key] = str;
    positions.set(key, [{ line: i + 1, column: 1 }, { line: i + 1, column: valueColumn }]);
  }
  if (positions.size === 0) return undefined;
  return { value, positions };
}
