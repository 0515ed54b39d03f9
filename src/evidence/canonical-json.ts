/**
 * Canonical JSON, the text note MACs are made over: keys sorted, no whitespace. Iterative,
 * never recursive: a value nested any depth (a hostile note is parsed from text anyone can
 * push) cannot overflow the stack. A cycle throws a TypeError, as JSON.stringify does.
 */

/** Deeper than this, the native serializer (recursive) is not used. */
const NATIVE_DEPTH = 256;

/** Stable JSON: keys sorted, so the MAC does not depend on key order. */
export function canonicalJson(v: unknown): string {
  // A value whose keys are already in sorted order (notes are written so) is its own
  // canonical form: the native serializer then gives the same text, much faster.
  return inSortedOrder(v) ? JSON.stringify(v) : sortedJson(v);
}

const isContainer = (v: unknown): v is object => v !== null && typeof v === "object";

type Frame = { array: unknown[]; i: number } | { object: Record<string, unknown>; keys: string[]; i: number };

/** Keys sorted at every level; an unserializable value is written as the recursive form wrote it. */
function sortedJson(root: unknown): string {
  if (!isContainer(root)) return JSON.stringify(root);
  const out: string[] = [];
  const stack: Frame[] = [];
  const open = new Set<object>(); // containers being written: one met again is a cycle
  const enter = (v: object) => {
    if (open.has(v)) throw new TypeError("canonicalJson: the value is cyclic");
    open.add(v);
    if (Array.isArray(v)) {
      out.push("[");
      stack.push({ array: v as unknown[], i: 0 });
    } else {
      const o = v as Record<string, unknown>;
      out.push("{");
      stack.push({ object: o, keys: Object.keys(o).filter((k) => o[k] !== undefined).sort(), i: 0 });
    }
  };
  enter(root);
  while (stack.length > 0) {
    const f = stack[stack.length - 1]!;
    let x: unknown;
    if ("array" in f) {
      if (f.i === f.array.length) {
        out.push("]");
        open.delete(f.array);
        stack.pop();
        continue;
      }
      if (f.i > 0) out.push(",");
      x = f.array[f.i++];
      // In an array, what JSON cannot write (undefined, a function) is written as nothing.
      if (!isContainer(x)) out.push((JSON.stringify(x) as string | undefined) ?? "");
    } else {
      if (f.i === f.keys.length) {
        out.push("}");
        open.delete(f.object);
        stack.pop();
        continue;
      }
      if (f.i > 0) out.push(",");
      const k = f.keys[f.i++]!;
      out.push(JSON.stringify(k), ":");
      x = f.object[k];
      if (!isContainer(x)) out.push(String(JSON.stringify(x) as string | undefined));
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
function inSortedOrder(root: unknown): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null) continue;
    switch (typeof v) {
      case "string":
      case "number":
      case "boolean":
        continue;
      case "object":
        break;
      default:
        return false;
    }
    if (depth > NATIVE_DEPTH) return false;
    if (Array.isArray(v)) {
      for (const x of v as unknown[]) {
        if (x === undefined) return false;
        stack.push([x, depth + 1]);
      }
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    let prev: string | undefined;
    for (const k of Object.keys(v as object)) {
      if (prev !== undefined && !(prev < k)) return false;
      prev = k;
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) stack.push([x, depth + 1]);
    }
  }
  return true;
}
