/**
 * The emulator's in-process commit graph (src/emulator/commit-graph.ts, used by GitRepository)
 * against real git over generated histories: merges, octopus merges, several roots, criss-cross
 * merges, and committer dates that tie or go backwards (clock skew), where git's date-ordered
 * walk shows its own quirks. Same answers as `git merge-base --all`, `git merge-base
 * --is-ancestor` and `git rev-list a..b` (order included).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import type { CommitNode } from "../../src/emulator/commit-graph.js";
import { isAncestorIn, mergeBasesIn, parseCommitObject, revListIn } from "../../src/emulator/commit-graph.js";
import { GitRepository } from "../../src/emulator/git.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LC_ALL: "C", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.com", GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.com" };
const git = (dir: string, args: string[], input?: string): string =>
  execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", env: ENV, ...(input !== undefined ? { input } : {}) });
/** stdout and exit status, for commands whose "no" is an exit status */
const gitStatus = (dir: string, args: string[]): { out: string; status: number | null } => {
  const r = spawnSync("git", ["-C", dir, ...args], { encoding: "utf8", env: ENV });
  return { out: r.stdout, status: r.status };
};
const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const BASE_DATE = 1_700_000_000;

interface Model {
  /** parents of commit i, as indices of earlier commits */
  parents: number[][];
  dates: number[];
}

/** A history of 1–22 commits: mostly one parent, some merges (octopus too), a few extra roots. */
const history: fc.Arbitrary<Model> = fc
  .record({
    n: fc.integer({ min: 1, max: 22 }),
    step: fc.constantFrom(0, 10), // 0: every date ties
    skew: fc.constantFrom(0, 5, 30), // > 0: dates go backwards along parents
  })
  .chain(({ n, step, skew }) =>
    fc.record({
      parents: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          i === 0
            ? fc.constant<number[]>([])
            : fc.oneof(
                { arbitrary: fc.constant<number[]>([]), weight: 1 },
                { arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: i - 1 }), { minLength: 1, maxLength: Math.min(3, i) }), weight: 12 },
              ),
        ),
      ),
      dates: fc.tuple(...Array.from({ length: n }, (_, i) => fc.integer({ min: -skew, max: skew }).map((j) => BASE_DATE + i * step + j))),
    }),
  );

/** The history as a real repository (one `git fast-import`); the commits' shas in model order. */
function build(model: Model): { dir: string; shas: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "emu-graph-"));
  dirs.push(dir);
  git(dir, ["init", "-q", "--bare"]);
  let stream = "";
  model.parents.forEach((parents, i) => {
    const msg = `c${i}\n`;
    stream += `commit refs/heads/c${i}\nmark :${i + 1}\ncommitter T <t@example.com> ${model.dates[i]} +0000\ndata ${msg.length}\n${msg}`;
    parents.forEach((p, k) => (stream += `${k === 0 ? "from" : "merge"} :${p + 1}\n`));
    stream += "\n";
  });
  const marks = join(dir, "marks");
  git(dir, ["fast-import", "--quiet", `--export-marks=${marks}`], stream);
  const shas: string[] = [];
  for (const line of readFileSync(marks, "utf8").split("\n")) {
    const m = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
    if (m) shas[Number(m[1]) - 1] = m[2]!;
  }
  return { dir, shas };
}

function graphOf(model: Model, shas: string[]): Map<string, CommitNode> {
  return new Map(shas.map((sha, i) => [sha, { tree: EMPTY_TREE, parents: model.parents[i]!.map((p) => shas[p]!), date: model.dates[i]! }]));
}

const lines = (s: string): string[] => s.split("\n").filter((l) => l !== "");

describe("commit graph answers = git's", () => {
  test("merge-base --all, --is-ancestor and rev-list a..b (order included) over generated histories", async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }), async (model, pairs) => {
        const { dir, shas } = build(model);
        const graph = graphOf(model, shas);
        const repo = new GitRepository(dir);
        try {
          for (const [x, y] of pairs) {
            const a = shas[x % shas.length]!;
            const b = shas[y % shas.length]!;
            const bases = lines(gitStatus(dir, ["merge-base", "--all", a, b]).out).sort();
            expect(mergeBasesIn(graph, a, b)).toEqual(bases);
            // one best common ancestor: the emulator's own answer (several: git picks, by its walk)
            if (bases.length <= 1) expect(await repo.mergeBase(a, b)).toBe(bases[0] ?? null);

            const ancestor = gitStatus(dir, ["merge-base", "--is-ancestor", a, b]).status === 0;
            expect(isAncestorIn(graph, a, b)).toBe(ancestor);
            expect(await repo.isAncestor(a, b)).toBe(ancestor);

            const revs = lines(git(dir, ["rev-list", `${a}..${b}`]));
            expect(revListIn(graph, a, b)).toEqual(revs);
            expect(await repo.revList(a, b)).toEqual(revs);
          }
        } finally {
          repo.close();
        }
      }),
      { numRuns: 12, seed: 20261205 },
    );
  });

  test("clock skew: git's walk stops five steps into an old-dated uninteresting chain, and so does ours", async () => {
    // B <- X <- T (recent dates); B <- U7 <- ... <- U1 (dates far in the past) <- F (recent)
    const D = BASE_DATE;
    const parents = [[], [0], [1], [0], [3], [4], [5], [6], [7], [8], [9]];
    const dates = [D + 1800, D + 1900, D + 2000, D + 4, D + 5, D + 6, D + 7, D + 8, D + 9, D + 10, D + 1950];
    const { dir, shas } = build({ parents, dates });
    const [b, x, t, f] = [shas[0]!, shas[1]!, shas[2]!, shas[10]!];
    const revs = lines(git(dir, ["rev-list", `${f}..${t}`]));
    // B is reachable from F, yet git lists it: its walk gave up before the chain reached B
    expect(revs).toEqual([t, x, b]);
    expect(revListIn(graphOf({ parents, dates }, shas), f, t)).toEqual(revs);
    const repo = new GitRepository(dir);
    try {
      expect(await repo.revList(f, t)).toEqual(revs);
      expect(await repo.isAncestor(b, f)).toBe(true);
    } finally {
      repo.close();
    }
  });

  test("commits are read as git writes them: tree, parents, committer date", () => {
    const { dir, shas } = build({ parents: [[], [0], [0, 1]], dates: [BASE_DATE, BASE_DATE + 7, BASE_DATE - 3] });
    const body = Buffer.from(git(dir, ["cat-file", "commit", shas[2]!]));
    expect(parseCommitObject(body)).toEqual({ tree: EMPTY_TREE, parents: [shas[0], shas[1]], date: BASE_DATE - 3 });
    // anything but the plain layout is git's to read
    expect(parseCommitObject(Buffer.from(`tree ${EMPTY_TREE}\ncommitter T <t@e> 1 +0000\n\nno author\n`))).toBeUndefined();
    expect(parseCommitObject(Buffer.from(`tree ${EMPTY_TREE}\nauthor T <t@e> 1 +0000\ncommitter T <t@e> x +0000\n\nbad date\n`))).toBeUndefined();
  });

  test("a shallow history (parents cut off though their objects are there) is answered by git", async () => {
    const { dir, shas } = build({ parents: [[], [0], [1], [2]], dates: [BASE_DATE, BASE_DATE + 1, BASE_DATE + 2, BASE_DATE + 3] });
    writeFileSync(join(dir, "shallow"), `${shas[2]}\n`);
    const repo = new GitRepository(dir);
    try {
      // git sees c2 as a root: the commit objects alone would say otherwise
      expect(lines(git(dir, ["rev-list", `${shas[1]}..${shas[3]}`]))).toEqual([shas[3], shas[2]]);
      expect(await repo.revList(shas[1]!, shas[3]!)).toEqual([shas[3], shas[2]]);
      expect(await repo.commitCount(shas[1]!, shas[3]!)).toBe(2);
      expect(await repo.mergeBase(shas[1]!, shas[3]!)).toBeNull();
      expect(await repo.isAncestor(shas[0]!, shas[3]!)).toBe(false);
      expect(await repo.isAncestor(shas[2]!, shas[3]!)).toBe(true);
    } finally {
      repo.close();
    }
  });

  test("replace refs: git's answer", async () => {
    const { dir, shas } = build({ parents: [[], [0], [1]], dates: [BASE_DATE, BASE_DATE + 1, BASE_DATE + 2] });
    // c2 replaced by a root commit: git walks the replacement
    const root = git(dir, ["commit-tree", EMPTY_TREE, "-m", "root"]).trim();
    git(dir, ["replace", shas[1]!, root]);
    const repo = new GitRepository(dir);
    try {
      expect(await repo.isAncestor(shas[0]!, shas[2]!)).toBe(false);
      expect(await repo.revList(shas[0]!, shas[2]!)).toEqual(lines(git(dir, ["rev-list", `${shas[0]}..${shas[2]}`])));
    } finally {
      repo.close();
    }
  });
});
