#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/codeowners/compare-codeowners.ts
function parseCodeowners(text) {
  const out = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.search(/(^|\s)#/);
    const content = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!content) return;
    const [pattern = "", ...owners] = content.split(/\s+/);
    out.push({ pattern, owners, line: i + 1 });
  });
  return out;
}
var key = (r) => `${r.pattern} ${[...r.owners].map((o) => o.toLowerCase()).sort().join(" ")}`;
function compareCodeowners(actualText, expected) {
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
  if (first < 0) return void 0;
  const expectedKeys = new Set(expected.map(key));
  const actualKeys = new Set(actual.map(key));
  return {
    line: actual[first]?.line ?? (actual.at(-1)?.line ?? 0) + 1,
    missing: expected.filter((r) => !actualKeys.has(key(r))),
    unexpected: actual.filter((r) => !expectedKeys.has(key(r)))
  };
}

export {
  compareCodeowners
};
