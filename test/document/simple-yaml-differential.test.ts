// The fast path (parse-simple-yaml) must agree with the full YAML parser wherever it
// answers: same value, same position for every value and key. Checked on the example
// repo, the test corpus, generated documents, and shapes near the edge of the subset.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSimpleYaml } from "../../src/document/parse-simple-yaml.js";
import { parseYamlText } from "../../src/document/parse-yaml.js";

const root = resolve(import.meta.dirname, "../..");

function yamlFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out = out.concat(yamlFiles(p));
    else if (/\.ya?ml$/.test(name) && st.size < 200_000) out.push(p);
  }
  return out;
}

function pointers(v: unknown, p = ""): string[] {
  const out = [p];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pointers(x, `${p}/${i}`)));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) out.push(...pointers(x, `${p}/${k}`));
  return out;
}

function agree(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (!fast) return false;
  const full = parseYamlText("x.yaml", text, 1 << 20, false);
  expect(full.diagnostics).toEqual([]);
  expect(fast.value).toEqual(full.value);
  const quick = parseYamlText("x.yaml", text);
  for (const p of pointers(full.value)) {
    expect(quick.locate(p), `value position of ${p}`).toEqual(full.locate(p));
    expect(quick.locateKey(p), `key position of ${p}`).toEqual(full.locateKey(p));
  }
  return true;
}

const SAMPLES: Array<[string, boolean]> = [
  ["a: b\n", true],
  ["# c\na: b # trailing\n\nc: 'd e'\n", true],
  ['a: "x y"\nb: [1, two, "three", \'four\']\n', true],
  ["a:\n  b:\n    c: d\n  e: [x]\nf: 5\n", true],
  ["list:\n- a\n- b\nnext: 1\n", true],
  ["list:\n  - a: 1\n    b: [x, y]\n  - c: true\n", true],
  ["x: group:sre-leads\ny: [group:sre, '@a/b']\n", true],
  ["t: 2026-11-24T12:00:00Z\nd: 4h\n", true],
  ["p: (INC|CHG)-[0-9]+\n", true],
  ["a: 1.5\n", false],
  ["a: null\n", false],
  ["a:\n", false],
  ["a: &x b\nc: *x\n", false],
  ["a: !!str b\n", false],
  ["a: |\n  text\n", false],
  ["a: b\na: c\n", false],
  ["__proto__: x\n", false],
  ["a: 'it''s'\n", false],
  ['a: "esc\\n"\n', false],
  ["a: [x, ]\n", false],
  ["a: {b: c}\n", false],
  ["---\na: b\n", false],
  ["a: b\r\n", false],
  ["0x1F: a\n", false],
  ["a: multi\n  line\n", false],
];

describe("simple YAML fast path agrees with the full parser", () => {
  it.each(SAMPLES)("%j (fast path used: %s)", (text, used) => {
    expect(agree(text)).toBe(used);
  });

  it("on every YAML file in the repository's examples and tests", () => {
    const files = [...yamlFiles(join(root, "examples")), ...yamlFiles(join(root, "test"))];
    expect(files.length).toBeGreaterThan(3);
    let used = 0;
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      const full = parseYamlText(f, text, 1 << 20, false);
      if (full.diagnostics.length > 0) {
        // Broken files must never be accepted by the fast path.
        expect(parseYamlText(f, text, 1 << 20).diagnostics.length, f).toBeGreaterThan(0);
        continue;
      }
      if (agree(text)) used++;
    }
    expect(used).toBeGreaterThan(0);
  });

  it("on generated documents", () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const words = ["alpha", "b-c", "group:x", "'q s'", '"d q"', "12", "true", "x_y", "4h", "2026-11-24T10:00:00Z", "[a, b]", "['@o/t', c]"];
    for (let n = 0; n < 300; n++) {
      const lines: string[] = [];
      const emit = (indent: number, depth: number) => {
        const keys = 1 + rnd(4);
        for (let k = 0; k < keys; k++) {
          const pad = " ".repeat(indent);
          const kind = depth > 2 ? 0 : rnd(4);
          if (kind === 0) lines.push(`${pad}k${k}: ${words[rnd(words.length)]}${rnd(4) === 0 ? " # note" : ""}`);
          else if (kind === 1) {
            lines.push(`${pad}k${k}:`);
            emit(indent + 2, depth + 1);
          } else if (kind === 2) {
            lines.push(`${pad}k${k}:`);
            const items = 1 + rnd(3);
            for (let i = 0; i < items; i++) lines.push(`${pad}  - ${words[rnd(words.length)]}`);
          } else {
            lines.push(`${pad}k${k}:`);
            const items = 1 + rnd(3);
            for (let i = 0; i < items; i++) lines.push(`${pad}  - a${i}: ${words[rnd(words.length)]}`, `${pad}    b${i}: ${words[rnd(words.length)]}`);
          }
          if (rnd(5) === 0) lines.push("");
        }
      };
      emit(0, 0);
      expect(agree(lines.join("\n") + "\n"), lines.join("\n")).toBe(true);
    }
  });
});
