// Bundles the Action entry and the CLI into dist/ as single ESM files.
// `node scripts/build.mjs [outdir]` — the staleness test builds into a temp dir and compares.
import { buildAll, generateValidators } from "./build-config.mjs";

import { rmSync } from "node:fs";

if (!process.argv[2]) generateValidators();
rmSync(process.argv[2] ?? "dist", { recursive: true, force: true });
await buildAll(process.argv[2] ?? "dist");
