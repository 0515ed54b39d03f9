// dist/ is what GitHub runs (action.yml → dist/index.js) and what `jit` runs (dist/cli.js).
// It must be rebuilt and committed whenever src/ changes: this test fails when it is stale.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import type { Dirent } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error — plain ESM build script without types
import { buildAll } from "../../scripts/build-config.mjs";

const root = resolve(import.meta.dirname, "../..");
const out = mkdtempSync(join(tmpdir(), "jit-dist-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("dist/", () => {
  it("matches a fresh build of src/ (run `npm run build` and commit dist/)", async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      await (buildAll as (dir: string) => Promise<void>)(out);
    } finally {
      process.chdir(cwd);
    }
    const list = (dir: string) => (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]).filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1)).sort();
    const files = list(out);
    expect(list(join(root, "dist")), "dist/ has other files than a fresh build: run npm run build (it cleans dist/) and commit").toEqual(files);
    expect(files).toEqual(expect.arrayContaining(["index.js", "cli.js"]));
    for (const file of files) {
      const fresh = readFileSync(join(out, file), "utf8");
      const committed = readFileSync(join(root, "dist", file), "utf8");
      expect(committed === fresh, `dist/${file} is stale: run npm run build and commit dist/`).toBe(true);
    }
  });

  it("action.yml runs dist/index.js on node24", () => {
    const yml = readFileSync(join(root, "action.yml"), "utf8");
    expect(yml).toMatch(/using: node24/);
    expect(yml).toMatch(/main: dist\/index\.js/);
  });
});
