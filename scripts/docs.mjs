// `npm run docs`: regenerates README's generated sections (policy fields, Action inputs and
// outputs, rule codes) from their sources. `npm run docs -- --check` changes nothing and exits 1
// when a section is stale. The generator is TypeScript (scripts/readme-sections.ts, which the
// test imports directly); esbuild compiles it for plain Node here.
import { build } from "esbuild";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = process.cwd();
// Compiled inside node_modules so that its imports (yaml) resolve from there.
mkdirSync(join(root, "node_modules", ".cache"), { recursive: true });
const dir = mkdtempSync(join(root, "node_modules", ".cache", "jit-docs-"));
try {
  const outfile = join(dir, "readme-sections.mjs");
  await build({ entryPoints: [join(root, "scripts/readme-sections.ts")], bundle: true, platform: "node", format: "esm", packages: "external", outfile, logLevel: "warning" });
  const { generatedSections, renderReadme, staleSections } = await import(pathToFileURL(outfile).href);
  const readmePath = join(root, "README.md");
  const readme = readFileSync(readmePath, "utf8");
  const sections = generatedSections(root);
  if (process.argv.includes("--check")) {
    const stale = staleSections(readme, sections);
    if (stale.length) {
      console.error(`README is stale in: ${stale.join(", ")}. Run npm run docs.`);
      process.exitCode = 1;
    } else console.log("README's generated sections are up to date.");
  } else {
    const fresh = renderReadme(readme, sections);
    if (fresh !== readme) writeFileSync(readmePath, fresh);
    console.log(fresh === readme ? "README's generated sections were up to date." : "README's generated sections rewritten.");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
