// Bundles the Action entry and the CLI into dist/ as single ESM files.
// The createRequire banner lets bundled CommonJS dependencies call require().
import { build } from "esbuild";

const banner = {
  js: [
    "import { createRequire as __jitCreateRequire } from 'node:module';",
    "const require = __jitCreateRequire(import.meta.url);",
  ].join("\n"),
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  banner,
  legalComments: "none",
  logLevel: "warning",
  // Deterministic output: the staleness test rebuilds and compares bytes.
  sourcemap: false,
  minify: false,
};

await build({ ...common, entryPoints: ["src/action/index.ts"], outfile: "dist/index.js" });
await build({
  ...common,
  entryPoints: ["src/cli/index.ts"],
  outfile: "dist/cli.js",
  banner: { js: "#!/usr/bin/env node\n" + banner.js },
});
