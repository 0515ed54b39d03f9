/**
 * Is a CODEOWNERS file in sync with the policy? Compares rules (pattern and the set of
 * owners, in order), ignoring comments, blank lines, spacing and owner order.
 */
import type { CodeownersRule } from "./generate-codeowners.js";

export interface ParsedRule extends CodeownersRule {
  line: number;
}

export function parseCodeowners(text: string): ParsedRule[] {
  const out: ParsedRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.search(/(^|\s)#/);
    const content = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!content) return;
    const [pattern = "", ...owners] = content.split(/\s+/);
    out.push({ pattern, owners, line: i + 1 });
  });
  return out;
}

export interface CodeownersDrift {
  /** 1-based line of the first difference in the actual file. */
  line: number;
  missing: CodeownersRule[];
  unexpected: ParsedRule[];
}

const key = (r: CodeownersRule) => `${r.pattern} ${[...r.owners].map((o) => o.toLowerCase()).sort().join(" ")}`;

export function compareCodeowners(actualText: string, expected: CodeownersRule[]): CodeownersDrift | undefined {
  const actual = parseCodeowners(actualText);
  const n = Math.max(actual.length, expected.length);
  let first = -1;
  for (let i = 0; i < n; i++) {
    const a = actual[i], e = expected[i];
    if (!a || !e || key(a) !== key(e)) {
      first = i;
      break;
    }
  }
  if (first < 0) return undefined;
  const expectedKeys = new Set(expected.map(key));
  const actualKeys = new Set(actual.map(key));
  return {
    line: actual[first]?.line ?? (actual.at(-1)?.line ?? 0) + 1,
    missing: expected.filter((r) => !actualKeys.has(key(r))),
    unexpected: actual.filter((r) => !expectedKeys.has(key(r))),
  };
}
