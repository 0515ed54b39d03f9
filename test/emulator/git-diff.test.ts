/**
 * A pull request's diff is one git process (`git diff --raw --numstat --patch -z`, parsed by
 * parseCombinedDiff): the same entries as the three processes it replaced (one per format),
 * over generated changes: adds, deletes, modifications, renames, binary files, mode changes,
 * symlinks and type changes, with names holding spaces, tabs, newlines, quotes and unicode.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import type { GitDiffEntry } from "../../src/emulator/git.js";
import { GitRepository, NULL_SHA } from "../../src/emulator/git.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null", LC_ALL: "C" };
const run = (dir: string, args: string[], input?: string | Buffer): Buffer =>
  execFileSync("git", ["-C", dir, "-c", "core.quotepath=off", ...args], { env: ENV, maxBuffer: 64 * 1024 * 1024, ...(input !== undefined ? { input } : {}) });

// ---- the three-process implementation the single process replaced (as it was) ----

function parseRaw(out: string): GitDiffEntry[] {
  const tokens = out.split("\0");
  const entries: GitDiffEntry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const meta = tokens[i] as string;
    if (!meta.startsWith(":")) continue;
    const [oldMode, newMode, oldSha, newSha, statusField] = meta.slice(1).split(" ");
    const status = (statusField ?? "M").charAt(0);
    const first = tokens[++i] ?? "";
    const second = status === "R" || status === "C" ? (tokens[++i] ?? "") : first;
    entries.push({
      status,
      oldPath: first,
      newPath: second,
      oldSha: oldSha ?? NULL_SHA,
      newSha: newSha ?? NULL_SHA,
      oldMode: oldMode ?? "000000",
      newMode: newMode ?? "000000",
      additions: 0,
      deletions: 0,
      binary: false,
    });
  }
  return entries;
}

function parseNumstat(out: string): Array<{ additions: number; deletions: number; binary: boolean }> {
  const tokens = out.split("\0");
  const rows: Array<{ additions: number; deletions: number; binary: boolean }> = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(t);
    if (!m) continue;
    const binary = m[1] === "-";
    rows.push({ additions: binary ? 0 : Number(m[1]), deletions: binary ? 0 : Number(m[2]), binary });
    if (m[3] === "") i += 2;
  }
  return rows;
}

function splitPatch(out: string): Array<string | undefined> {
  const blocks = out.split(/^diff --git /m).slice(1);
  return blocks.map((block) => {
    const lines = block.split("\n");
    const start = lines.findIndex((l) => l.startsWith("@@"));
    if (start < 0) return undefined;
    return lines.slice(start).join("\n").replace(/\n$/, "");
  });
}

function threeProcessDiff(dir: string, from: string, head: string): GitDiffEntry[] {
  const common = ["--no-ext-diff", "--no-textconv", "--no-color", "-M"];
  const raw = run(dir, ["diff", "--raw", "-z", "--no-abbrev", ...common, from, head, "--"]);
  const numstat = run(dir, ["diff", "--numstat", "-z", ...common, from, head, "--"]);
  const patch = run(dir, ["diff", "--patch", ...common, from, head, "--"]).toString("utf8");
  const entries = parseRaw(raw.toString("utf8"));
  const counts = parseNumstat(numstat.toString("utf8"));
  const patches = splitPatch(patch);
  entries.forEach((e, i) => {
    const c = counts[i];
    if (c) {
      e.additions = c.additions;
      e.deletions = c.deletions;
      e.binary = c.binary;
    }
    const p = patches[i];
    if (p !== undefined) e.patch = p;
  });
  return entries;
}

// ---- generated changes ----

const PATHS = [
  "README.md",
  "access/alice.yaml",
  "with space.txt",
  "ünïcødé/файл.yaml",
  "new\nline.txt",
  "tab\there",
  'quo"te',
  "back\\slash",
  ":colon",
  "1\t2\tthree",
  "-dash",
  "deep/er/path/x.bin",
  "日本/語.md",
];

const lines = (n: number, tag: string): string => Array.from({ length: n }, (_, i) => `${tag} line ${i}\n`).join("");
const CONTENTS: Buffer[] = [
  Buffer.from(lines(20, "alpha")),
  Buffer.from(lines(20, "alpha").replace("alpha line 7\n", "alpha line seven\n")), // similar: a rename with changes
  Buffer.from(lines(12, "beta")),
  Buffer.from(`${lines(3, "gamma")}no newline at the end`),
  Buffer.from(""),
  Buffer.from([0, 1, 2, 3, 255, 0, 10, 65, 66]),
  Buffer.from([0, 1, 2, 3, 254, 0, 10, 65, 67]),
  Buffer.from("ünïcødé ✓\nzweite Zeile\n"),
];
const MODES = ["100644", "100755", "120000"] as const;

interface FileState {
  content: number;
  mode: (typeof MODES)[number];
}
const fileState: fc.Arbitrary<FileState> = fc.record({ content: fc.integer({ min: 0, max: CONTENTS.length - 1 }), mode: fc.constantFrom(...MODES) });
const change = fc.record({
  base: fc.option(fileState, { nil: undefined }),
  head: fc.oneof({ arbitrary: fc.constant("same" as const), weight: 2 }, { arbitrary: fc.option(fileState, { nil: undefined }), weight: 3 }),
});

/** A path as fast-import reads it: C-quoted. */
const quote = (p: string): string => `"${p.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;

function build(changes: Array<{ base: FileState | undefined; head: "same" | FileState | undefined }>): { dir: string; base: string; head: string } {
  const dir = mkdtempSync(join(tmpdir(), "emu-diff-"));
  dirs.push(dir);
  run(dir, ["init", "-q", "--bare"]);
  const parts: Buffer[] = [];
  const commit = (mark: number, from: number | null, files: Array<[string, FileState]>): void => {
    parts.push(Buffer.from(`commit refs/heads/c${mark}\nmark :${mark}\ncommitter T <t@example.com> ${1_700_000_000 + mark} +0000\ndata 2\nc\n`));
    if (from !== null) parts.push(Buffer.from(`from :${from}\ndeleteall\n`));
    for (const [path, f] of files) {
      // a symlink's target: no NUL, no newline
      const data = f.mode === "120000" ? Buffer.from(`target-${f.content}`) : CONTENTS[f.content]!;
      parts.push(Buffer.from(`M ${f.mode} inline ${quote(path)}\ndata ${data.length}\n`), data, Buffer.from("\n"));
    }
    parts.push(Buffer.from("\n"));
  };
  const baseFiles: Array<[string, FileState]> = [];
  const headFiles: Array<[string, FileState]> = [];
  changes.forEach((c, i) => {
    const path = PATHS[i]!;
    if (c.base) baseFiles.push([path, c.base]);
    const h = c.head === "same" ? c.base : c.head;
    if (h) headFiles.push([path, h]);
  });
  commit(1, null, baseFiles);
  commit(2, 1, headFiles);
  const marks = join(dir, "marks");
  run(dir, ["fast-import", "--quiet", `--export-marks=${marks}`], Buffer.concat(parts));
  const shas = new Map(
    readFileSync(marks, "utf8")
      .split("\n")
      .map((l) => l.split(" ") as [string, string]),
  );
  return { dir, base: shas.get(":1")!, head: shas.get(":2")! };
}

describe("pull request diff: one git process", () => {
  test("the same entries as raw, numstat and patch each from their own process", async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(...PATHS.map(() => change)), async (changes) => {
        const { dir, base, head } = build(changes);
        const repo = new GitRepository(dir);
        try {
          const want = threeProcessDiff(dir, base, head);
          expect(await repo.diff(base, head)).toEqual(want);
        } finally {
          repo.close();
        }
      }),
      { numRuns: 10, seed: 20261206 },
    );
  });

  test("the generated changes cover renames, binaries, mode and type changes, odd names", async () => {
    // one fixed change set, so the property above is known to reach every kind of entry
    const f = (content: number, mode: FileState["mode"] = "100644"): FileState => ({ content, mode });
    const changes = PATHS.map(() => ({ base: undefined as FileState | undefined, head: "same" as "same" | FileState | undefined }));
    changes[0] = { base: f(0), head: undefined }; // renamed (with a change) to "with space.txt"
    changes[2] = { base: undefined, head: f(1) };
    changes[1] = { base: f(2), head: f(2, "100755") }; // mode change
    changes[3] = { base: f(3), head: f(3, "120000") }; // type change
    changes[4] = { base: f(5), head: f(6) }; // binary, name with a newline
    changes[5] = { base: undefined, head: f(7) }; // added, name with a tab
    changes[9] = { base: f(4), head: undefined }; // deleted, name with tabs
    changes[12] = { base: f(3), head: f(2) }; // modified
    const { dir, base, head } = build(changes);
    const repo = new GitRepository(dir);
    try {
      const got = await repo.diff(base, head);
      expect(got).toEqual(threeProcessDiff(dir, base, head));
      const by = new Map(got.map((e) => [e.newPath, e]));
      expect(by.get("with space.txt")).toMatchObject({ status: "R", oldPath: "README.md", additions: 1, deletions: 1 });
      expect(by.get("access/alice.yaml")).toMatchObject({ status: "M", oldMode: "100644", newMode: "100755" });
      expect(by.get("ünïcødé/файл.yaml")).toMatchObject({ status: "T", newMode: "120000" });
      expect(by.get("new\nline.txt")).toMatchObject({ status: "M", binary: true, additions: 0 });
      expect(by.get("new\nline.txt")?.patch).toBeUndefined();
      expect(by.get("tab\there")).toMatchObject({ status: "A", additions: 2 });
      expect(by.get("1\t2\tthree")).toMatchObject({ status: "D", additions: 0, deletions: 0 });
      expect(by.get("日本/語.md")?.patch).toMatch(/^@@ /);
    } finally {
      repo.close();
    }
  });
});
