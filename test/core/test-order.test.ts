// The files the sequencer starts first exist: a renamed long file would silently start late
// again on a clean clone (and end the run alone).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LONG_FIRST } from "../helpers/long-first-sequencer.js";

describe("the long-first test order", () => {
  it("names files that exist", () => {
    const root = join(import.meta.dirname, "..", "..");
    expect(LONG_FIRST.filter((f) => !existsSync(join(root, f)))).toEqual([]);
  });
});
