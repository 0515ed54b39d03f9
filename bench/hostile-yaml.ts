// Hostile YAML (run by scripts/bench.mjs, bundled with esbuild): how long the parser takes to
// refuse a billion-laughs bomb (target < 2 s) and a 10 MB lease (target < 1 s). The tests
// check that both are refused, where and why; the time is measured here, not in a test.
import { parseYamlText } from "../src/document/parse-yaml.js";
import { loadLease } from "../src/lease/load-lease.js";

const bomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ..."bcdefgh".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`),
  `i: [${Array(9).fill("*h").join(",")}]`,
  "",
].join("\n");

function time(f: () => unknown, runs = 5): { ms: number; result: unknown } {
  let best = Infinity;
  let result: unknown;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    best = Math.min(best, performance.now() - t0);
  }
  return { ms: best, result };
}

const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
const b = time(() => parseYamlText("bomb.yaml", bomb).diagnostics.map((d) => d.code).join(","));
console.log(`billion-laughs bomb refused (${String(b.result)}): ${b.ms.toFixed(1)} ms  (target < 2000 ms: ${verdict(b.ms < 2000)})`);
const big = Buffer.alloc(10 * 1024 * 1024, "a");
const l = time(() => loadLease("leases/x/a.yaml", big).diagnostics.map((d) => d.code).join(","));
console.log(`10 MB lease refused (${String(l.result)}): ${l.ms.toFixed(1)} ms  (target < 1000 ms: ${verdict(l.ms < 1000)})`);
