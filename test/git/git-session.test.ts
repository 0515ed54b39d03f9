// The git session (src/git/git-session.ts): inside withGitSession, trees, files, blobs, commit
// parents, ancestry and notes are read through one long-lived reader; every answer must be the
// one git gives without a session, refs are resolved afresh (the run moves them), and notes
// written at once keep what another writer recorded meanwhile.
import { execFileSync, spawnSync } from "node:child_process";
import { build } from "esbuild";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { noteSigner } from "../../src/evidence/evidence.js";
import { readNote, readNotes, updateNote, updateNotes, writeNote } from "../../src/git/evidence-notes.js";
import { firstParent, isAncestor } from "../../src/git/commits.js";
import { repoSession, withGitSession } from "../../src/git/git-session.js";
import { readBlobs, revExists } from "../../src/git/run-git.js";
import { listTree, readFileAt, readFilesAt, readTreeFiles } from "../../src/git/tree.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const ENV = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.com", GIT_AUTHOR_DATE: "2026-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2026-01-01T00:00:00Z" };
const run = (dir: string, args: string[], input?: string) => execFileSync("git", args, { cwd: dir, env: ENV, ...(input !== undefined ? { input } : {}) }).toString().trim();

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "jit-session-"));
  dirs.push(dir);
  run(dir, ["init", "-q", "-b", "main"]);
  return dir;
}

function commitFiles(dir: string, files: Record<string, string>, message: string): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  run(dir, ["add", "-A"]);
  run(dir, ["commit", "-q", "--allow-empty", "-m", message]);
  return run(dir, ["rev-parse", "HEAD"]);
}

describe("git session", () => {
  const dir = repo();
  const c1 = commitFiles(dir, { "leases/db/a.yaml": "a: 1\n", "leases/db/b.yaml": "b\n", "leases/db-x/c.yaml": "c\n", "leases/db.x": "dot\n", "jit-policy.yaml": "p\n", ".github/CODEOWNERS": "* @o\n" }, "one");
  run(dir, ["update-index", "--add", "--cacheinfo", `120000,${run(dir, ["hash-object", "-w", "--stdin"], "target")},leases/db/link.yaml`]);
  run(dir, ["commit", "-q", "-m", "link"]);
  const c2 = run(dir, ["rev-parse", "HEAD"]);
  const c3 = commitFiles(dir, { "leases/db/a.yaml": "a: 2\n" }, "three");

  it("reads trees and files as git does, at a sha or a ref name", async () => {
    const paths = [["leases"], ["leases/db"], ["leases/db/a.yaml"], ["jit-policy.yaml", ".github/CODEOWNERS", "CODEOWNERS"], ["missing/x"], ["leases/db/a.yaml/x"]];
    for (const ref of [c1, c2, c3, "main", "HEAD~1"]) {
      for (const p of paths) {
        const without = await listTree(dir, ref, p);
        const within = await withGitSession(() => listTree(dir, ref, p));
        expect(within).toEqual(without);
      }
      expect(await withGitSession(() => readTreeFiles(dir, ref, ["leases"]))).toEqual(await readTreeFiles(dir, ref, ["leases"]));
      expect(await withGitSession(() => readFileAt(dir, ref, "leases/db/a.yaml"))).toEqual(await readFileAt(dir, ref, "leases/db/a.yaml"));
      expect(await withGitSession(() => readFilesAt(dir, ref, ["jit-policy.yaml", "CODEOWNERS", ".github/CODEOWNERS"]))).toEqual(await readFilesAt(dir, ref, ["jit-policy.yaml", "CODEOWNERS", ".github/CODEOWNERS"]));
    }
    // A ref that does not exist fails as it does without a session.
    await expect(withGitSession(() => readFileAt(dir, "no-such-branch", "jit-policy.yaml"))).rejects.toThrow();
  });

  it("resolves a ref name afresh each time (the run moves it), never from a cache", async () => {
    const other = repo();
    const a = commitFiles(other, { "f.txt": "one\n" }, "a");
    await withGitSession(async () => {
      expect((await readFileAt(other, "main", "f.txt"))?.bytes.toString()).toBe("one\n");
      expect(await revExists(other, "main")).toBe(true);
      expect(await revExists(other, "topic")).toBe(false);
      commitFiles(other, { "f.txt": "two\n" }, "b");
      run(other, ["branch", "topic"]);
      expect((await readFileAt(other, "main", "f.txt"))?.bytes.toString()).toBe("two\n");
      expect((await readFileAt(other, a, "f.txt"))?.bytes.toString()).toBe("one\n");
      expect(await revExists(other, "topic")).toBe(true);
    });
  });

  it("answers parents and ancestry as git does", async () => {
    const side = repo();
    const root = commitFiles(side, { "x": "0\n" }, "root");
    const m1 = commitFiles(side, { "x": "1\n" }, "m1");
    run(side, ["checkout", "-q", "-b", "topic", root]);
    const t1 = commitFiles(side, { "y": "1\n" }, "t1");
    run(side, ["checkout", "-q", "main"]);
    run(side, ["merge", "-q", "--no-ff", "-m", "merge", "topic"]);
    const merge = run(side, ["rev-parse", "HEAD"]);
    const all = [root, m1, t1, merge];
    for (const a of all)
      for (const b of all) {
        const expected = await isAncestor(side, a, b);
        expect(await withGitSession(() => isAncestor(side, a, b))).toBe(expected);
      }
    for (const c of all) expect(await withGitSession(() => firstParent(side, c))).toBe(await firstParent(side, c));
    expect(await withGitSession(() => firstParent(side, root))).toBe(run(side, ["hash-object", "-t", "tree", "/dev/null"]));
  });

  it("reads blobs as git does, and those it does not have are left out", async () => {
    const shas = [run(dir, ["rev-parse", `${c1}:leases/db/a.yaml`]), run(dir, ["rev-parse", `${c3}:leases/db/a.yaml`]), "0".repeat(40)];
    const without = await readBlobs(dir, shas);
    expect(await withGitSession(() => readBlobs(dir, shas))).toEqual(without);
    expect(without.size).toBe(2);
  });

  it("reads notes afresh, in flat and fanned-out notes trees, and writes many at once as updateNote would", async () => {
    const n = repo();
    const commits = [commitFiles(n, { "a": "1\n" }, "1"), commitFiles(n, { "a": "2\n" }, "2"), commitFiles(n, { "a": "3\n" }, "3")];
    const signer = noteSigner("o", "r", "k".repeat(32));
    await withGitSession(async () => {
      expect(await readNote(n, commits[0]!)).toBeUndefined();
      await writeNote(n, commits[0]!, "first\n");
      expect(await readNote(n, commits[0]!)).toBe("first\n");
      expect(await readNote(n, commits[1]!)).toBeUndefined();
    });
    // A fanned-out notes tree (as git makes past many notes): ab/cdef…
    const blob = run(n, ["hash-object", "-w", "--stdin"], "fanned\n");
    const c = commits[2]!;
    const tip = run(n, ["rev-parse", "refs/notes/jit"]);
    run(n, ["fast-import", "--quiet"], `commit refs/notes/jit\ncommitter t <t@example.com> 0 +0000\ndata 2\nx\nfrom ${tip}\nM 100644 ${blob} ${c.slice(0, 2)}/${c.slice(2, 4)}/${c.slice(4)}\n`);
    expect(await withGitSession(() => readNote(n, c))).toBe(await readNote(n, c));
    expect(await readNote(n, c)).toBe("fanned\n");

    // The same changes, one by one without a session and at once in one, give the same notes.
    const twin = repo();
    run(twin, ["fetch", "-q", n, "main:refs/remotes/n/main", "refs/notes/jit:refs/notes/jit"]);
    const change = (i: number) => (note: { version: 1; leases: [] }) => ({ ...note, drift: [{ resource: `r${i}`, grantee: "g", role: "admin", revokedAt: "2026-01-01T00:00:00.000Z" }] });
    for (const [i, object] of commits.entries()) await updateNote(twin, object, signer, change(i) as never);
    const before = run(n, ["rev-parse", "refs/notes/jit"]);
    await withGitSession(() => updateNotes(n, signer, commits.map((object, i) => ({ object, change: change(i) as never }))));
    expect(run(n, ["rev-list", "--count", `${before}..refs/notes/jit`])).toBe("1"); // one commit for all
    for (const object of commits) expect(await readNote(n, object)).toBe(await readNote(twin, object));
  });

  it("reads all notes as git notes list does, in a mixed flat and fanned-out tree, and leaves a tree with an object noted twice to git", async () => {
    const n = repo();
    const commits = [1, 2, 3, 4].map((i) => commitFiles(n, { a: `${i}\n` }, `${i}`));
    const [c0, c1, c2, c3] = commits as [string, string, string, string];
    const blob = (t: string) => run(n, ["hash-object", "-w", "--stdin"], t);
    // flat, one level of fan-out and two levels, plus a file that names no object
    const tree = [
      `M 100644 ${blob("flat\n")} ${c0}`,
      `M 100644 ${blob("one\n")} ${c1.slice(0, 2)}/${c1.slice(2)}`,
      `M 100644 ${blob("two\n")} ${c2.slice(0, 2)}/${c2.slice(2, 4)}/${c2.slice(4)}`,
      `M 100644 ${blob("stray\n")} README`,
    ].join("\n");
    run(n, ["fast-import", "--quiet"], `commit refs/notes/jit\ncommitter t <t@example.com> 0 +0000\ndata 2\nx\n${tree}\n`);
    const plain = await readNotes(n);
    expect([...plain.keys()]).toEqual([c0, c1, c2].sort());
    expect(await withGitSession(() => readNotes(n))).toEqual(plain);
    expect([...(await withGitSession(() => readNotes(n))).keys()]).toEqual([...plain.keys()]);
    // c3 noted twice (flat and fanned out): which one counts is git's to say
    const tip = run(n, ["rev-parse", "refs/notes/jit"]);
    run(n, ["fast-import", "--quiet"], `commit refs/notes/jit\ncommitter t <t@example.com> 0 +0000\ndata 2\nx\nfrom ${tip}\nM 100644 ${blob("a\n")} ${c3}\nM 100644 ${blob("b\n")} ${c3.slice(0, 2)}/${c3.slice(2)}\n`);
    expect(await withGitSession(() => readNotes(n))).toEqual(await readNotes(n));
  });

  it("a notes ref moved by another writer after the notes were read is not overwritten: the notes go one by one on top", async () => {
    const n = repo();
    const commits = [commitFiles(n, { "a": "1\n" }, "1"), commitFiles(n, { "a": "2\n" }, "2")];
    const signer = noteSigner("o", "r", undefined);
    await writeNote(n, commits[0]!, "seed\n");
    await withGitSession(async () => {
      const session = repoSession(n)!;
      // The other writer moves the ref between our read of the tip and our write.
      const resolve = session.resolve.bind(session);
      let moved = false;
      session.resolve = async (name: string) => {
        const r = await resolve(name);
        if (!moved && name === "refs/notes/jit") {
          moved = true;
          run(n, ["notes", "--ref=refs/notes/jit", "add", "-f", "-m", "theirs", commits[1]!]);
        }
        return r;
      };
      await updateNotes(n, signer, commits.map((object) => ({ object, change: (note) => ({ ...note, drift: [...(note.drift ?? []), { resource: "r", grantee: "g", role: "x", revokedAt: "2026-01-01T00:00:00.000Z" }] }) })));
    });
    // Theirs was read afresh and changed (an unreadable note makes a fresh one), not silently replaced by a stale base.
    const log = run(n, ["log", "--format=%s", "refs/notes/jit"]).split("\n");
    expect(log.length).toBe(4); // seed, theirs, then ours one by one
    expect(await readNote(n, commits[1]!)).toContain('"drift"');
  });

  it("leaves no session behind: outside withGitSession the functions ask git as before", async () => {
    let inside: unknown;
    await withGitSession(async () => {
      inside = repoSession(dir);
      await readFileAt(dir, c3, "jit-policy.yaml");
    });
    expect(inside).toBeDefined();
    expect(repoSession(dir)).toBeUndefined();
  });

  it("a program waiting only on the session's reader gets its answer, then ends (no process left keeping it alive)", async () => {
    const work = mkdtempSync(join(tmpdir(), "jit-session-prog-"));
    dirs.push(work);
    const entry = join(work, "entry.ts");
    const src = join(import.meta.dirname, "../../src/git");
    writeFileSync(entry, `import { withGitSession } from ${JSON.stringify(join(src, "git-session.ts"))};\nimport { readFileAt } from ${JSON.stringify(join(src, "tree.ts"))};\nconst f = await withGitSession(() => readFileAt(process.argv[2], "main", "jit-policy.yaml"));\nconsole.log(JSON.stringify(f && Buffer.from(f.bytes).toString()));\n`);
    const out = join(work, "prog.mjs");
    await build({ entryPoints: [entry], bundle: true, platform: "node", format: "esm", outfile: out, logLevel: "silent" });
    const r = spawnSync(process.execPath, [out, dir], { encoding: "utf8" });
    expect({ status: r.status, stdout: r.stdout }).toEqual({ status: 0, stdout: '"p\\n"\n' });
  });
});
