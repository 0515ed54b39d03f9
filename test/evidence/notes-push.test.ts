// Pushing refs/notes/jit while another run pushes notes too: nobody's note is lost.
import { afterEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pushNotesWithRetry, readNotes, writeNote } from "../../src/git/evidence-notes.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e", GIT_CONFIG_NOSYSTEM: "1" };
const sh = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env, encoding: "utf8" });

describe("pushNotesWithRetry", () => {
  it("merges notes pushed meanwhile by another run and pushes both", async () => {
    const root = mkdtempSync(join(tmpdir(), "jit-notes-"));
    dirs.push(root);
    sh(root, "init", "-q", "--bare", "origin.git");
    sh(root, "init", "-q", "-b", "main", "a");
    const a = join(root, "a");
    sh(a, "commit", "-q", "--allow-empty", "-m", "x");
    sh(a, "remote", "add", "origin", join(root, "origin.git"));
    sh(a, "push", "-q", "origin", "main");
    await writeNote(a, "1".repeat(40), "first\n");
    expect(await pushNotesWithRetry(a, "origin")).toBeUndefined();
    sh(root, "clone", "-q", join(root, "origin.git"), "b");
    const b = join(root, "b");
    sh(b, "fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
    // a pushes a second note; b, unaware, writes its own and pushes.
    await writeNote(a, "2".repeat(40), "from a\n");
    expect(await pushNotesWithRetry(a, "origin")).toBeUndefined();
    await writeNote(b, "3".repeat(40), "from b\n");
    expect(await pushNotesWithRetry(b, "origin")).toBeUndefined();
    sh(a, "fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
    const notes = await readNotes(a);
    expect([...notes.entries()].sort()).toEqual([
      ["1".repeat(40), "first\n"],
      ["2".repeat(40), "from a\n"],
      ["3".repeat(40), "from b\n"],
    ]);
  });
});
