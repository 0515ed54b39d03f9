/**
 * Safe YAML loading for lease and policy files: YAML 1.2 core schema (timestamps stay
 * strings), exactly one document, a mapping at the top, bounded size, nesting and aliases,
 * no prototype-polluting keys, no characters that hide text from reviewers, and a position
 * for every value so later checks can point at file:line:column. Never throws on bad input:
 * problems come back as diagnostics.
 *
 * Order: size (bytes), strict UTF-8, hidden characters, then the fast path for plain block
 * YAML; anything it does not take is read by `yaml`, whose CST parser is watched for nesting
 * before its composer (which recurses) runs; the composed nodes are then checked again.
 */
import { Composer, LineCounter, YAMLParseError, isAlias, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document, Node as YamlNode } from "yaml";
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import { decodeUtf8Strict } from "./decode-utf8.js";
import { HIDDEN_CHARACTER_CODE, findHiddenCharacters, hiddenInValue } from "./hidden-characters.js";
import { readCst } from "./nesting-limit.js";
import { parseSimpleYaml } from "./parse-simple-yaml.js";

/** Lease files are small: anything larger is refused before parsing. */
export const MAX_FILE_BYTES = 64 * 1024;
/** A policy with hundreds of resources is legitimately larger. */
export const MAX_POLICY_BYTES = 1024 * 1024;
export const MAX_ALIASES = 10;
/**
 * How many levels a value may sit below the top-level mapping (level 0). A policy needs
 * about six (resources > id > approvals > 0 > from > 0); 32 leaves room and keeps every
 * recursion over a document short.
 */
export const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface Located {
  /** Where the value starts. */
  value: Position;
  /** Where its key starts, for mapping entries. */
  key?: Position;
}

export interface ParsedYaml {
  /** The plain JS value, or undefined when the file could not be loaded. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the value at a JSON pointer ("" is the whole document). */
  locate(pointer: string): Position;
  /** Position of the key of the value at a JSON pointer, falling back to the value. */
  locateKey(pointer: string): Position;
}

export function escapePointerSegment(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

const YAML_CODE: Record<string, string> = {
  DUPLICATE_KEY: "yaml-duplicate-key",
  MULTIPLE_DOCS: "yaml-multiple-documents",
  RESOURCE_EXHAUSTION: "yaml-too-many-aliases",
  TAG_RESOLVE_FAILED: "yaml-unsupported-tag",
  BAD_ALIAS: "yaml-bad-alias",
};

const HINTS: Record<string, string> = {
  "yaml-duplicate-key": "Each key may appear once; remove or rename the repeated key.",
  "yaml-multiple-documents": "Put exactly one YAML document in the file (remove extra '---' separators).",
  "yaml-unsupported-tag": "Remove the '!' tag; only plain YAML scalars, lists and mappings are accepted.",
  "yaml-syntax": "Fix the YAML syntax at this position (check indentation and quoting).",
};

/** Decode bytes as strict UTF-8; returns undefined for invalid sequences. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return text;
  } catch {
    return undefined;
  }
}

export function parseYamlBytes(file: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): ParsedYaml {
  if (bytes.byteLength > maxBytes) {
    return failed(file, [
      diagnostic(
        "file-too-large",
        file,
        undefined,
        `File is over the size limit of ${maxBytes} bytes (${maxBytes / 1024} KiB).`,
        "Lease files are small; remove whatever made this one large.",
      ),
    ]);
  }
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok) {
    const hex = decoded.byte.toString(16).toUpperCase().padStart(2, "0");
    return failed(file, [
      diagnostic("file-not-utf8", file, decoded.at, `File is not valid UTF-8: byte 0x${hex} here does not start a UTF-8 character.`, "Save the file as UTF-8 text."),
    ]);
  }
  return parseYamlText(file, decoded.text, maxBytes);
}

const PARSE_OPTIONS = {
  version: "1.2",
  schema: "core",
  uniqueKeys: true,
  prettyErrors: false,
  merge: false,
  strict: true,
  // Only the core schema's tags; YAML 1.1 extras (!!binary, !!timestamp, !!set...) are errors.
  resolveKnownTags: false,
} as const;

export function parseYamlText(file: string, text: string, maxBytes = MAX_FILE_BYTES, fastPath = true): ParsedYaml {
  if (text.length > maxBytes) {
    return failed(file, [diagnostic("file-too-large", file, undefined, `File is larger than ${maxBytes} bytes (${maxBytes / 1024} KiB).`)]);
  }
  // A byte-order mark is allowed as the very first character only (and is not text).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const hidden = findHiddenCharacters(file, text);
  if (hidden.length > 0) return failed(file, hidden);
  const simple = fastPath ? parseSimpleYaml(text, false) : undefined;
  if (simple) {
    let positions: Map<string, Located> | undefined;
    const lazy = () => (positions ??= parseSimpleYaml(text, true)?.positions ?? new Map<string, Located>());
    return {
      value: simple.value,
      diagnostics: [],
      locate: (p) => located(undefined, [], lazy()).locate(p),
      locateKey: (p) => located(undefined, [], lazy()).locateKey(p),
    };
  }
  const lc = new LineCounter();
  const pos = (offset: number): Position => {
    const p = lc.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, column: p.col };
  };
  const cst = readCst(text, MAX_DEPTH, lc);
  if (!cst.ok) return failed(file, [tooDeep(file, pos(cst.offset))]);
  // As parseDocument does, on the tokens already read.
  let doc: Document.Parsed | undefined;
  for (const d of new Composer(PARSE_OPTIONS).compose(cst.tokens, true, text.length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError([d.range[0], d.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents"));
      break;
    }
  }
  if (!doc) return failed(file, [diagnostic("yaml-syntax", file, undefined, "YAML: the file could not be read as a document.", HINTS["yaml-syntax"])]);
  const diagnostics: Diagnostic[] = [];
  const reportedAt = new Set<string>();
  for (const e of [...doc.errors, ...doc.warnings]) {
    // The composer turns a stack overflow into RESOURCE_EXHAUSTION, as it does too many aliases.
    const code = e.code === "RESOURCE_EXHAUSTION" && /call stack/i.test(e.message) ? "yaml-too-deep" : (YAML_CODE[e.code] ?? "yaml-syntax");
    const message = e.message.split("\n")[0] ?? e.message;
    const d = diagnostic(code, file, pos(e.pos[0]), `YAML: ${message}`, HINTS[code]);
    // One mistake (a bad indent) often trips two parser rules at the same place: say it once.
    const key = `${d.line}:${d.column}:${code}`;
    if (reportedAt.has(key)) continue;
    reportedAt.add(key);
    diagnostics.push(d);
  }
  if (diagnostics.length > 0) return failed(file, diagnostics);

  const positions = new Map<string, Located>();
  // Escapes can put in a value what the file may not hold (checked once per scalar node;
  // an alias repeats a value already checked).
  const checked = new Set<string>();
  const hiddenValue = (s: string, at: Position) => {
    if (checked.has(s)) return;
    checked.add(s);
    const why = hiddenInValue(s);
    if (why) diagnostics.push(diagnostic(HIDDEN_CHARACTER_CODE, file, at, why, "Remove the escape: lease and policy values hold printable text, tabs and line breaks only."));
  };
  let aliases = 0;
  let deep = false;

  const convert = (node: unknown, pointer: string, depth: number): unknown => {
    // Collections are bounded before composing; this also bounds what the CST does not show
    // as nesting (pairs in flow sequences, aliases).
    if (depth > MAX_DEPTH) {
      if (!deep) {
        deep = true;
        const r = node && typeof node === "object" && "range" in node ? (node as YamlNode).range : undefined;
        diagnostics.push(tooDeep(file, r ? pos(r[0]) : undefined));
      }
      return null;
    }
    if (isAlias(node)) {
      aliases++;
      const at = node.range ? pos(node.range[0]) : undefined;
      if (aliases > MAX_ALIASES) {
        if (aliases === MAX_ALIASES + 1) {
          diagnostics.push(
            diagnostic(
              "yaml-too-many-aliases",
              file,
              at,
              `More than ${MAX_ALIASES} YAML aliases (*name).`,
              "Write the values out instead of repeating them through anchors and aliases.",
            ),
          );
        }
        return null;
      }
      const target = node.resolve(doc);
      if (!target) {
        diagnostics.push(diagnostic("yaml-bad-alias", file, at, `Alias *${node.source} has no anchor.`));
        return null;
      }
      // Aliases are rare here and bounded; convert the target again at this pointer.
      return convert(target, pointer, depth + 1);
    }
    const here = node && typeof node === "object" && "range" in node ? (node as YamlNode).range : undefined;
    const at = here ? pos(here[0]) : { line: 1, column: 1 };
    const existing = positions.get(pointer);
    positions.set(pointer, existing ? { ...existing, value: at } : { value: at });
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === "number" && !Number.isFinite(v)) return String(node.source ?? v);
      if (typeof v === "string") hiddenValue(v, at);
      return v;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const keyNode = item.key as unknown;
        const keyAt = keyNode && typeof keyNode === "object" && "range" in keyNode && (keyNode as YamlNode).range
          ? pos((keyNode as YamlNode).range![0])
          : at;
        if (!isScalar(keyNode)) {
          diagnostics.push(
            diagnostic("yaml-complex-key", file, keyAt, "Mapping keys must be plain strings.", "Use a simple word as the key."),
          );
          continue;
        }
        const key = String(keyNode.value);
        hiddenValue(key, keyAt);
        if (seen.has(key)) {
          // e.g. `1:` and `'1':`, or `true:` and `'true':` — the same key once read as text.
          diagnostics.push(diagnostic("yaml-duplicate-key", file, keyAt, `Key '${key}' appears more than once.`, HINTS["yaml-duplicate-key"]));
          continue;
        }
        seen.add(key);
        if (FORBIDDEN_KEYS.has(key)) {
          diagnostics.push(
            diagnostic(
              "yaml-forbidden-key",
              file,
              keyAt,
              `The key '${key}' is not allowed.`,
              "Remove this key; it is never a valid field.",
            ),
          );
          continue;
        }
        const childPointer = `${pointer}/${escapePointerSegment(key)}`;
        positions.set(childPointer, { value: keyAt, key: keyAt });
        Object.defineProperty(out, key, {
          value: convert(item.value, childPointer, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => convert(item, `${pointer}/${i}`, depth + 1));
    }
    if (node === null || node === undefined) return null;
    return null;
  };

  const value = convert(doc.contents, "", 0);
  if (diagnostics.length > 0) return failed(file, diagnostics, positions);

  return located(value, diagnostics, positions);
}

function tooDeep(file: string, at: Position | undefined): Diagnostic {
  return diagnostic(
    "yaml-too-deep",
    file,
    at,
    `Nesting deeper than ${MAX_DEPTH} levels below the top-level mapping.`,
    "Lease and policy files are shallow; flatten this value.",
  );
}

function located(value: unknown, diagnostics: Diagnostic[], positions: Map<string, Located>): ParsedYaml {
  const locate = (pointer: string): Position => {
    let p = pointer;
    for (;;) {
      const hit = positions.get(p);
      if (hit) return hit.value;
      if (p === "") return { line: 1, column: 1 };
      p = p.slice(0, p.lastIndexOf("/"));
    }
  };
  const locateKey = (pointer: string): Position => positions.get(pointer)?.key ?? locate(pointer);
  return { value, diagnostics, locate, locateKey };
}

function failed(file: string, diagnostics: Diagnostic[], positions?: Map<string, Located>): ParsedYaml {
  void file;
  const locate = (pointer: string): Position => positions?.get(pointer)?.value ?? { line: 1, column: 1 };
  return { value: undefined, diagnostics, locate, locateKey: locate };
}
