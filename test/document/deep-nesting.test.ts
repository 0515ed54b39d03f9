/**
 * Deeply nested YAML can abort the process (src/document/nesting-limit.ts). `yaml`'s composer
 * recurses once per nested collection; thousands of levels overflow the stack, and an overflow
 * inside V8's regular-expression compiler aborts Node ("RegExpCompiler Allocation failed")
 * instead of throwing, taking every other lease's revocation with it. Documents nested deeper
 * than MAX_DEPTH are refused from the CST parser's stack before the composer runs: with
 * `yaml-too-deep` at the collection that crosses the bound, quickly, in one process.
 */
import { describe, expect, it } from "vitest";
import { MAX_DEPTH, MAX_POLICY_BYTES, parseYamlBytes, parseYamlText } from "../../src/document/parse-yaml.js";
import { loadLease } from "../../src/lease/load-lease.js";
import { loadPolicy } from "../../src/policy/load-policy.js";

const summary = (r: { diagnostics: Array<{ code: string; line: number; column: number }> }) => r.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);

/** Block mappings, each key one space deeper than the last. */
const blockMaps = (n: number) => Array.from({ length: n }, (_, i) => `${" ".repeat(i)}k:`).join("\n") + " 1\n";
/** Block sequences, each dash one space deeper. */
const blockSeqs = (n: number) => "a:\n" + Array.from({ length: n }, (_, i) => `${" ".repeat(i + 1)}-`).join("\n") + " 1\n";

/** Shapes that nest `n` collections below the top-level mapping, and where the (MAX_DEPTH+1)th opens. */
const SHAPES: Array<[string, (n: number) => string, (text: string) => { line: number; column: number }]> = [
  ["flow sequences [[[…", (n) => `a: ${"[".repeat(n)}${"]".repeat(n)}\n`, () => ({ line: 1, column: 4 + MAX_DEPTH })],
  ["unclosed flow sequences [[[…", (n) => `a: ${"[".repeat(n)}\n`, () => ({ line: 1, column: 4 + MAX_DEPTH })],
  ["flow mappings {a: {a: …", (n) => `a: ${"{a: ".repeat(n)}${"}".repeat(n)}\n`, () => ({ line: 1, column: 4 + 4 * MAX_DEPTH })],
  ["mixed [{[{…", (n) => `a: ${"[{a: ".repeat(Math.ceil(n / 2))}\n`, () => ({ line: 1, column: 4 + 5 * (MAX_DEPTH / 2) })],
  ["compact block sequences - - - …", (n) => `a:\n  ${"- ".repeat(n)}x\n`, () => ({ line: 2, column: 3 + 2 * MAX_DEPTH })],
  ["indented block mappings", (n) => blockMaps(n + 1), () => ({ line: MAX_DEPTH + 2, column: MAX_DEPTH + 2 })],
  ["indented block sequences", blockSeqs, () => ({ line: MAX_DEPTH + 2, column: MAX_DEPTH + 2 })],
];

describe("deeply nested YAML can abort the process", () => {
  it.each(SHAPES)("%s: refused with yaml-too-deep where the bound is crossed", (_name, make, where) => {
    const text = make(MAX_DEPTH + 8);
    const r = parseYamlText("f.yaml", text, MAX_POLICY_BYTES);
    expect(r.value).toBeUndefined();
    const w = where(text);
    expect(summary(r)).toEqual([`yaml-too-deep@${w.line}:${w.column}`]);
    expect(r.diagnostics[0]!.message).toBe(`Nesting deeper than ${MAX_DEPTH} levels below the top-level mapping.`);
  });

  it("many documents of 1,000 to 10,000 levels in one process: each refused, none aborts or overflows", () => {
    // Before the fix, the composer overflowed its stack on each of these (caught by `yaml` and
    // misreported as yaml-too-many-aliases when it did not abort the process), and the fast
    // path took the indented ones without any bound.
    const sizes = [1000, 2500, 5000, 7500, 10_000];
    const made: string[] = [];
    for (const n of sizes) {
      made.push(`a: ${"[".repeat(n)}${"]".repeat(n)}\n`);
      made.push(`a: ${"{a: ".repeat(n)}${"}".repeat(n)}\n`);
      made.push(`a: ${"[{a: ".repeat(n / 2)}\n`);
      made.push(`a:\n  ${"- ".repeat(n)}x\n`);
      made.push(`a: [${"? [".repeat(n / 2)}\n`);
    }
    for (const n of [300, 1000]) made.push(blockMaps(n), blockSeqs(n)); // 1,000 indented levels is ~500 KB
    for (let round = 0; round < 3; round++) {
      for (const text of made) {
        const r = parseYamlText("f.yaml", text, MAX_POLICY_BYTES);
        expect(r.value).toBeUndefined();
        expect(r.diagnostics.map((d) => d.code), text.slice(0, 40)).toEqual(["yaml-too-deep"]);
        expect(r.diagnostics[0]!.message).not.toMatch(/stack/i);
      }
    }
  });

  it("a deeply indented lease is not taken by the fast path", () => {
    // Before the fix the fast path read 100 nested block mappings with no error at all.
    const r = loadLease("leases/prod-db-readers/a.yaml", Buffer.from(blockMaps(100)));
    expect(r.lease).toBeUndefined();
    expect(summary(r.doc)).toEqual([`yaml-too-deep@${MAX_DEPTH + 2}:${MAX_DEPTH + 2}`]);
  });

  it("a deep lease and a deep policy are refused as files", () => {
    const deep = `grantee: alice\nreason: ${"[".repeat(5000)}\n`;
    expect(summary(loadLease("leases/x/a.yaml", Buffer.from(deep)).doc)).toEqual([`yaml-too-deep@2:${9 + MAX_DEPTH}`]);
    expect(loadPolicy("policy.yaml", Buffer.from(deep)).diagnostics.map((d) => d.code)).toEqual(["yaml-too-deep"]);
  });

  it("a 1 MiB policy of nothing but '[' is refused without reading it all", () => {
    const text = "[".repeat(MAX_POLICY_BYTES);
    const t0 = performance.now();
    const r = parseYamlBytes("policy.yaml", Buffer.from(text), MAX_POLICY_BYTES);
    expect(summary(r)).toEqual([`yaml-too-deep@1:${MAX_DEPTH + 2}`]);
    // Not a timing test: a generous bound that only a quadratic or whole-file read would miss.
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe("the bound is exact", () => {
  const flow = (n: number) => `a: ${"[".repeat(n)}${"]".repeat(n)}\n`;
  it(`${MAX_DEPTH} nested collections below the top are read; ${MAX_DEPTH + 1} are refused`, () => {
    expect(parseYamlText("f.yaml", flow(MAX_DEPTH)).diagnostics).toEqual([]);
    expect(summary(parseYamlText("f.yaml", flow(MAX_DEPTH + 1)))).toEqual([`yaml-too-deep@1:${4 + MAX_DEPTH}`]);
    // blockMaps(n): n mappings, the last holding the scalar 1 at level n.
    expect(parseYamlText("f.yaml", blockMaps(MAX_DEPTH)).diagnostics).toEqual([]);
    expect(summary(parseYamlText("f.yaml", blockMaps(MAX_DEPTH + 1)))).toEqual([`yaml-too-deep@${MAX_DEPTH + 1}:${MAX_DEPTH + 4}`]);
    expect(summary(parseYamlText("f.yaml", blockMaps(MAX_DEPTH + 2)))).toEqual([`yaml-too-deep@${MAX_DEPTH + 2}:${MAX_DEPTH + 2}`]);
  });

  it("a scalar one level below the deepest allowed collection is refused after composing", () => {
    const text = `a: ${"[".repeat(MAX_DEPTH)}x${"]".repeat(MAX_DEPTH)}\n`;
    expect(summary(parseYamlText("f.yaml", text))).toEqual([`yaml-too-deep@1:${4 + MAX_DEPTH}`]);
  });

  it("pairs inside flow sequences count as levels too (the composer's mappings)", () => {
    const text = `a: ${"[b: ".repeat(MAX_DEPTH)}${"]".repeat(MAX_DEPTH)}\n`;
    expect(parseYamlText("f.yaml", text).diagnostics.map((d) => d.code)).toEqual(["yaml-too-deep"]);
  });

  it("the example policy and ordinary nesting are untouched", () => {
    const text = "resources:\n  ops:\n    approvals:\n      - from: [a, b]\n        count: 1\n    provider: {type: github-team, org: acme, team: ops}\n";
    const r = parseYamlText("f.yaml", text, MAX_POLICY_BYTES, false);
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ resources: { ops: { approvals: [{ from: ["a", "b"], count: 1 }], provider: { type: "github-team", org: "acme", team: "ops" } } } });
  });
});
