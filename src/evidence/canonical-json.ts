/**
 * Canonical JSON, the text note MACs are made over: keys sorted, no whitespace. Bounded, never
 * deeply recursive: a value nested any depth (a note is parsed from text anyone can push)
 * cannot overflow the stack. Recursion, which is fastest, goes NATIVE_DEPTH levels deep at
 * most; what lies deeper is written with an explicit stack. A cycle throws a TypeError, as
 * JSON.stringify does.
 */

/** How deep recursion (ours, and the native serializer's) may go. */
const NATIVE_DEPTH = 256;

/** Stable JSON: keys sorted, so the MAC does not depend on key order. */
export function canonicalJson(v: unknown): string {
  // A value whose keys are already in sorted order (notes are written so) is its own
  // canonical form: the native serializer then gives the same text, much faster.
  return inSortedOrder(v, 0) ? JSON.stringify(v) : (sortedJson(v, 0) as string);
}

const isContainer = (v: unknown): v is object => v !== null && typeof v === "object";

/** Keys sorted at every level; what JSON cannot write (undefined, a function) is written as this always wrote it. */
function sortedJson(v: unknown, depth: number): string | undefined {
  if (!isContainer(v)) return JSON.stringify(v);
  if (depth > NATIVE_DEPTH) return deepSortedJson(v);
  if (Array.isArray(v)) return `[${(v as unknown[]).map((x) => sortedJson(x, depth + 1)).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sortedJson(o[k], depth + 1)}`)
    .join(",")}}`;
}

interface Frame {
  value: object;
  /** Sorted keys of an object; undefined for an array. */
  keys: string[] | undefined;
  i: number;
}

/** sortedJson with an explicit stack, for what is nested deeper than recursion may go. */
function deepSortedJson(root: object): string {
  const out: string[] = [];
  const stack: Frame[] = [];
  const open = new Set<object>(); // containers being written: one met again is a cycle
  const enter = (v: object) => {
    if (open.has(v)) throw new TypeError("canonicalJson: the value is cyclic");
    open.add(v);
    if (Array.isArray(v)) {
      out.push("[");
      stack.push({ value: v, keys: undefined, i: 0 });
    } else {
      const o = v as Record<string, unknown>;
      out.push("{");
      stack.push({ value: v, keys: Object.keys(o).filter((k) => o[k] !== undefined).sort(), i: 0 });
    }
  };
  enter(root);
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    const n = f.keys ? f.keys.length : (f.value as unknown[]).length;
    if (f.i === n) {
      out.push(f.keys ? "}" : "]");
      open.delete(f.value);
      stack.pop();
      continue;
    }
    if (f.i > 0) out.push(",");
    let x: unknown;
    if (f.keys) {
      const k = f.keys[f.i++]!;
      out.push(JSON.stringify(k), ":");
      x = (f.value as Record<string, unknown>)[k];
      if (!isContainer(x)) out.push(String(JSON.stringify(x) as string | undefined));
    } else {
      x = (f.value as unknown[])[f.i++];
      if (!isContainer(x)) out.push((JSON.stringify(x) as string | undefined) ?? "");
    }
    if (isContainer(x)) enter(x);
  }
  return out.join("");
}

/**
 * Would JSON.stringify write exactly what sortedJson writes? Only for plain data (no
 * undefined in arrays, no functions, no class instances) whose own keys come in strictly
 * sorted order (integer-like keys, which objects order first, fail unless already sorted),
 * and not nested deeper than the native serializer may safely go.
 */
function inSortedOrder(v: unknown, depth: number): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case "string":
    case "number":
    case "boolean":
      return true;
    case "object":
      break;
    default:
      return false;
  }
  if (depth > NATIVE_DEPTH) return false;
  if (Array.isArray(v)) {
    for (const x of v as unknown[]) if (x === undefined || !inSortedOrder(x, depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  let prev: string | undefined;
  for (const k of Object.keys(v as object)) {
    if (prev !== undefined && !(prev < k)) return false;
    prev = k;
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && !inSortedOrder(x, depth + 1)) return false;
  }
  return true;
}
