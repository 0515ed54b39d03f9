import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import LongFirstSequencer from "./test/helpers/long-first-sequencer.js";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Timeouts catch a hang, never slowness: a loaded 2-core runner can be many times slower
    // than an idle one, and no test depends on timing (DEVELOPERS.md). Tests set no timeout of
    // their own.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
    // the long files start first, also on a clean clone with no timings (see the sequencer)
    sequence: { sequencer: LongFirstSequencer },
    // starts shared real servers (PostgreSQL) on first use, stops them at the end
    globalSetup: ["test/helpers/global-servers.ts"],
    // Most test time is spent waiting on child processes (git, the bundled Action) and local
    // HTTP: one worker more than the cores keeps them busy (vitest's default is one fewer).
    maxWorkers: availableParallelism() + 1,
    reporters: ["default", ["json", { outputFile: ".tmp/vitest-results.json" }]],
  },
});
