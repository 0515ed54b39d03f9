/**
 * The order test files start in. With timings from an earlier run (vitest's cache), vitest's
 * own order is right: the longest first. A clean clone (CI) has none, and vitest then starts
 * the largest files first; the simulations are small files that run for minutes, so they
 * started last and ended the run alone. Here the files known to be long start first, in this
 * order, then the rest as vitest orders them. The list only orders: a file missing from it,
 * or listed and gone, changes nothing else.
 */
import { BaseSequencer } from "vitest/node";
import type { TestSpecification } from "vitest/node";

export const LONG_FIRST = [
  "test/apply/sweep-simulation.test.ts",
  "test/apply/timer-simulation.test.ts",
  "test/apply/break-glass.test.ts",
  "test/apply/expire-faults.test.ts",
  "test/apply/apply-e2e.test.ts",
  "test/cli/sandbox.test.ts",
  "test/request/request-form.test.ts",
  "test/apply/hostile-notes.test.ts",
  "test/timer/timer-command.test.ts",
  "test/action/action-notify.test.ts",
  "test/cli/doctor.test.ts",
  "test/apply/policy-verify.test.ts",
];

export default class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const rel = (f: TestSpecification) => f.moduleId.slice(root.length + 1).replaceAll("\\", "/");
    const timed = sorted.every((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${rel(f)}`) !== undefined);
    if (timed) return sorted;
    const rank = (f: TestSpecification) => {
      const i = LONG_FIRST.indexOf(rel(f));
      return i < 0 ? LONG_FIRST.length : i;
    };
    return sorted.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
  }
}
