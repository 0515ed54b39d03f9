import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // starts shared real servers (PostgreSQL) on first use, stops them at the end
    globalSetup: ["test/helpers/global-servers.ts"],
    reporters: ["default", ["json", { outputFile: ".tmp/vitest-results.json" }]],
  },
});
