// The streaming `git cat-file --batch` reader (src/git/run-git.ts) that the audit, apply and
// the notes reader stand on: objects are handed over as git writes them, whatever the pipe's
// chunking, each exactly once, and ids git does not have are skipped, never misattributed.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readNotes, writeNote } from "../../src/git/evidence-notes.js";
import { openBlobReader, readBlobs } from "../../src/git/run-git.js";

const dir = mkdtempSync(join(tmpdir(), "jit-blobs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
execFileSync("git", ["init", "-q", dir]);
const store = (content: Buffer): string => execFileSync("git", ["hash-object", "-w", "--stdin"], { cwd: dir, input: content }).toString().trim();

// Contents that cross the pipe's 64 KiB chunks in every way: empty, tiny, ones with newlines
// and spaces where the reader looks for its header's, one of several MiB, and binary.
const contents = [
  Buffer.alloc(0),
  Buffer.from("a"),
  Buffer.from("line 1\nline 2 with spaces \n\n"),
  Buffer.from("x".repeat(65_535)),
  Buffer.from("y".repeat(65_536 * 3 + 17)),
  Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => i % 251)),
  ...Array.from({ length: 500 }, (_, i) => Buffer.from(`blob ${i}\n`.repeat(i % 37))),
];
const ids = contents.map(store);

describe("the streaming blob reader", () => {
  it("returns every object's exact content, small and large, whatever the chunking", async () => {
    const got = await readBlobs(dir, ids);
    expect(got.size).toBe(new Set(ids).size);
    ids.forEach((id, i) => expect(Buffer.compare(got.get(id)!, contents[i]!), `object ${i}`).toBe(0));
  });

  it("hands each object to the callback once, in the order asked, as it arrives; asked twice, read once", async () => {
    const seen: string[] = [];
    const reader = openBlobReader(dir, (id, content) => {
      seen.push(id);
      expect(content.length).toBe(contents[ids.indexOf(id)]!.length);
    });
    for (const id of [...ids, ...ids]) reader.want(id);
    const kept = await reader.done();
    expect(seen).toEqual([...new Set(ids)]);
    expect(kept.size).toBe(0); // with a callback, nothing is kept unless asked
  });

  it("skips ids git does not have, and the objects after them still come out right", async () => {
    const missing = "0123456789abcdef0123456789abcdef01234567";
    const asked = [ids[2]!, missing, ids[5]!, "not-an-id", ids[1]!];
    const got = await readBlobs(dir, asked);
    expect([...got.keys()]).toEqual([ids[2], ids[5], ids[1]]);
    expect(Buffer.compare(got.get(ids[5]!)!, contents[5]!)).toBe(0);
    expect(got.get(ids[1]!)!.toString()).toBe("a");
  });

  it("reads notes through it: every note's text by the object it is on", async () => {
    execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "one"], { cwd: dir });
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir }).toString().trim();
    await writeNote(dir, head, "note on the commit\n");
    await writeNote(dir, ids[1]!, "note on a blob\n");
    const notes = await readNotes(dir);
    expect(Object.fromEntries(notes)).toEqual({ [head]: "note on the commit\n", [ids[1]!]: "note on a blob\n" });
    const streamed: Array<[string, string]> = [];
    expect((await readNotes(dir, (o) => o === head, (o, t) => streamed.push([o, t]))).size).toBe(0);
    expect(streamed).toEqual([[head, "note on the commit\n"]]);
  });
});
