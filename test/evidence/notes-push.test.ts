// Pushing refs/notes/jit while another run pushes notes too: nobody's note is lost.
import { afterEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isTrusted, noteSigner, parseNote } from "../../src/evidence/evidence.js";
import type { BreakGlassRecord } from "../../src/evidence/evidence.js";
import { pushNotesWithRetry, readNotes, updateNote, writeNote } from "../../src/git/evidence-notes.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const env = { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e", GIT_CONFIG_NOSYSTEM: "1" };
const sh = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, env, encoding: "utf8" });
const NO_KEY = noteSigner("acme", "access", undefined);

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
    expect(await pushNotesWithRetry(a, "origin", NO_KEY)).toBeUndefined();
    sh(root, "clone", "-q", join(root, "origin.git"), "b");
    const b = join(root, "b");
    sh(b, "fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
    // a pushes a second note; b, unaware, writes its own and pushes.
    await writeNote(a, "2".repeat(40), "from a\n");
    expect(await pushNotesWithRetry(a, "origin", NO_KEY)).toBeUndefined();
    await writeNote(b, "3".repeat(40), "from b\n");
    expect(await pushNotesWithRetry(b, "origin", NO_KEY)).toBeUndefined();
    sh(a, "fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
    const notes = await readNotes(a);
    expect([...notes.entries()].sort()).toEqual([
      ["1".repeat(40), "first\n"],
      ["2".repeat(40), "from a\n"],
      ["3".repeat(40), "from b\n"],
    ]);
  });

  it("two runs that change the same note at once: both records survive, merged and signed (a break-glass grant and a sweep's ended mark)", async () => {
    const KEY = "k";
    const root = mkdtempSync(join(tmpdir(), "jit-notes-"));
    dirs.push(root);
    sh(root, "init", "-q", "--bare", "origin.git");
    sh(root, "init", "-q", "-b", "main", "a");
    const a = join(root, "a");
    sh(a, "commit", "-q", "--allow-empty", "-m", "x");
    sh(a, "remote", "add", "origin", join(root, "origin.git"));
    sh(a, "push", "-q", "origin", "main");
    const blob = "4".repeat(40); // a lease blob both pull requests share
    const record = (pullRequest: number): BreakGlassRecord => ({ lease: "leases/x/zed.yaml", blob, pullRequest, requester: "zed", resource: "x", grantee: "zed", role: "member", grantedAt: `2026-11-24T0${pullRequest}:00:00.000Z`, end: "2026-11-24T10:00:00.000Z", reviewBy: "2026-11-25T09:00:00.000Z" });
    await updateNote(a, blob, noteSigner("acme", "access", KEY), (n) => ({ ...n, breakGlass: [record(1)] }));
    expect(await pushNotesWithRetry(a, "origin", noteSigner("acme", "access", KEY))).toBeUndefined();
    sh(root, "clone", "-q", join(root, "origin.git"), "b");
    const b = join(root, "b");
    sh(b, "fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
    // a (break-glass for #2) adds a record; b (a sweep, unaware) marks #1 ended; b pushes second.
    await updateNote(a, blob, noteSigner("acme", "access", KEY), (n) => ({ ...n, breakGlass: [...(n.breakGlass ?? []), record(2)] }));
    expect(await pushNotesWithRetry(a, "origin", noteSigner("acme", "access", KEY))).toBeUndefined();
    await updateNote(b, blob, noteSigner("acme", "access", KEY), (n) => ({ ...n, breakGlass: (n.breakGlass ?? []).map((r) => ({ ...r, ended: { at: "2026-11-24T10:00:00.000Z", why: "break-glass not reviewed" } })) }));
    expect(await pushNotesWithRetry(b, "origin", noteSigner("acme", "access", KEY))).toBeUndefined();
    const note = parseNote((await readNotes(join(root, "origin.git"))).get(blob)!)!;
    expect(isTrusted(note, blob, noteSigner("acme", "access", KEY))).toBe(true);
    expect(note.breakGlass!.map((r) => [r.pullRequest, r.ended?.why])).toEqual([
      [1, "break-glass not reviewed"],
      [2, undefined],
    ]);
  });

  it("a hostile note (fake MAC, nested 50,000 deep) pushed meanwhile on the object we change stops nothing: ours is pushed, signed", async () => {
    const KEY = noteSigner("acme", "access", "k");
    const root = mkdtempSync(join(tmpdir(), "jit-notes-"));
    dirs.push(root);
    sh(root, "init", "-q", "--bare", "origin.git");
    sh(root, "init", "-q", "-b", "main", "a");
    const a = join(root, "a");
    sh(a, "commit", "-q", "--allow-empty", "-m", "x");
    sh(a, "remote", "add", "origin", join(root, "origin.git"));
    sh(a, "push", "-q", "origin", "main");
    const blob = "6".repeat(40);
    await updateNote(a, blob, KEY, (n) => ({ ...n, drift: [{ resource: "x", grantee: "eve", role: "member", revokedAt: "2026-11-24T09:00:00.000Z" }] }));
    expect(await pushNotesWithRetry(a, "origin", KEY)).toBeUndefined();
    sh(root, "clone", "-q", join(root, "origin.git"), "b");
    const b = join(root, "b");
    sh(b, "fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
    // Mallory replaces the note on the remote; b, unaware, changes it and pushes.
    await writeNote(a, blob, `{"version":1,"leases":[],"breakGlass":[],"mac":"${"ab".repeat(32)}","x":${"[".repeat(50_000)}${"]".repeat(50_000)}}\n`);
    sh(a, "push", "-q", "origin", "refs/notes/jit:refs/notes/jit");
    await updateNote(b, blob, KEY, (n) => ({ ...n, drift: [...(n.drift ?? []), { resource: "x", grantee: "mal", role: "member", revokedAt: "2026-11-24T10:00:00.000Z" }] }));
    expect(await pushNotesWithRetry(b, "origin", KEY)).toBeUndefined();
    const note = parseNote((await readNotes(join(root, "origin.git"))).get(blob)!)!;
    expect(isTrusted(note, blob, KEY)).toBe(true);
    expect(note.drift!.map((d) => d.grantee)).toEqual(["eve", "mal"]);
  });

  it("a note someone else wrote without the key contributes nothing to a merge", async () => {
    const { mergeEvidenceNotes } = await import("../../src/evidence/merge-notes.js");
    const { formatNote, signNote } = await import("../../src/evidence/evidence.js");
    const object = "5".repeat(40);
    const ours = formatNote(signNote({ version: 1, leases: [], drift: [{ resource: "x", grantee: "eve", role: "member", revokedAt: "2026-11-24T09:00:00.000Z" }] }, object, noteSigner("acme", "access", "k")));
    const forged = formatNote({ version: 1, leases: [], breakGlass: [{ lease: "leases/x/m.yaml", blob: object, pullRequest: 9, requester: "m", resource: "x", grantee: "m", role: "admin", grantedAt: "2026-11-24T09:00:00.000Z", end: "2026-11-25T09:00:00.000Z", reviewBy: "2026-11-25T09:00:00.000Z" }] });
    expect(mergeEvidenceNotes(object, ours, forged, noteSigner("acme", "access", "k"))).toBe(ours);
    expect(mergeEvidenceNotes(object, forged, ours, noteSigner("acme", "access", "k"))).toBe(ours);
  });

  it("a legacy note (signed before notes named their repository) is never re-signed as this repository's: kept verbatim as history, contributing nothing to a merge", async () => {
    const { mergeEvidenceNotes } = await import("../../src/evidence/merge-notes.js");
    const { canonicalJson, formatNote, noteTrust, signNote } = await import("../../src/evidence/evidence.js");
    const { createHmac } = await import("node:crypto");
    const root = mkdtempSync(join(tmpdir(), "jit-notes-"));
    dirs.push(root);
    sh(root, "init", "-q", "-b", "main", "a");
    const a = join(root, "a");
    sh(a, "commit", "-q", "--allow-empty", "-m", "x");
    const object = sh(a, "rev-parse", "HEAD").trim();
    const here = noteSigner("acme", "access", "k");
    const record = { lease: "leases/x/m.yaml", blob: object, pullRequest: 9, requester: "m", resource: "x", grantee: "m", role: "admin", grantedAt: "2026-11-24T09:00:00.000Z", end: "2026-11-24T10:00:00.000Z", reviewBy: "2026-11-25T09:00:00.000Z" };
    const body = { version: 1 as const, leases: [], breakGlass: [record] };
    const legacy = { ...body, mac: createHmac("sha256", "k").update(`${object}\n${canonicalJson(body)}`).digest("hex") };
    await writeNote(a, object, JSON.stringify(legacy));
    await updateNote(a, object, here, (n) => ({ ...n, drift: [{ resource: "x", grantee: "eve", role: "member", revokedAt: "2026-11-24T09:00:00.000Z" }] }));
    const note = parseNote((await readNotes(a)).get(object)!)!;
    expect(isTrusted(note, object, here)).toBe(true);
    expect(note.breakGlass).toBeUndefined(); // the legacy record is not this repository's
    expect(note.legacy).toEqual(legacy);
    expect(noteTrust(note.legacy!, object, here)).toBe("legacy");
    // Merging with a version that has no legacy note keeps it; a bare legacy version adds nothing.
    const other = formatNote(signNote({ version: 1, leases: [], grants: [{ lease: "l", resource: "x", grantee: "eve", role: "member", status: "granted", at: "2026-11-24T09:30:00.000Z" }] }, object, here));
    const merged = parseNote(mergeEvidenceNotes(object, other, formatNote(note), here))!;
    expect(merged.legacy).toEqual(legacy);
    expect([merged.grants?.length, merged.drift?.length, merged.breakGlass]).toEqual([1, 1, undefined]);
    expect(mergeEvidenceNotes(object, other, JSON.stringify(legacy), here)).toBe(other);
  });
});
