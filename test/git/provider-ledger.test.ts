/**
 * The providers' ledger on refs/jit/ledger, in real git repositories: signed records, files
 * derived in the same commit, concurrent runs pushing to one remote, and everything someone
 * with push access could put on the ref (forged, copied, moved, malformed, huge records)
 * ignored without failing the run.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { LEDGER_REF, fetchLedger, formatRecord, gitLedger } from "../../src/git/provider-ledger.js";
import type { GitLedgerOptions } from "../../src/git/provider-ledger.js";
import type { LedgerRecord } from "../../src/providers/ledger.js";

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const NS = "ssh-certificate/prod-ssh";
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "jit-ledger-test-"));
  dirs.push(d);
  return d;
}
const git = (dir: string, ...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });
function repo(): string {
  const d = tmp();
  git(d, "init", "-q", "-b", "main");
  return d;
}
function clone(remote: string): string {
  const d = tmp();
  execFileSync("git", ["clone", "-q", remote, d]);
  return d;
}
const ledger = (dir: string, over: Partial<GitLedgerOptions> = {}) => gitLedger({ repoDir: dir, repository: "acme/access", key: "k1", now: NOW, ...over });
const rec = (id: string, body: Record<string, unknown> = { kind: "issued", serial: id }): LedgerRecord => ({ id, body });
const commits = (dir: string) => Number(git(dir, "rev-list", "--count", LEDGER_REF).trim());

/** Writes a file onto the ledger ref as someone with push access could (no signature of ours). */
function plant(dir: string, path: string, content: string | Buffer): void {
  const blob = execFileSync("git", ["hash-object", "-w", "--stdin"], { cwd: dir, input: content }).toString().trim();
  const index = join(tmp(), "index");
  const env = { ...process.env, GIT_INDEX_FILE: index, GIT_AUTHOR_NAME: "m", GIT_AUTHOR_EMAIL: "m@e", GIT_COMMITTER_NAME: "m", GIT_COMMITTER_EMAIL: "m@e" };
  let parent = "";
  try {
    parent = execFileSync("git", ["rev-parse", "--verify", "-q", LEDGER_REF], { cwd: dir, encoding: "utf8" }).trim();
  } catch {
    parent = "";
  }
  execFileSync("git", parent ? ["read-tree", parent] : ["read-tree", "--empty"], { cwd: dir, env });
  execFileSync("git", ["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`], { cwd: dir, env });
  const tree = execFileSync("git", ["write-tree"], { cwd: dir, env, encoding: "utf8" }).trim();
  const commit = execFileSync("git", ["commit-tree", tree, ...(parent ? ["-p", parent] : []), "-m", "planted"], { cwd: dir, env, encoding: "utf8" }).trim();
  execFileSync("git", ["update-ref", LEDGER_REF, commit], { cwd: dir });
}

describe("provider ledger", () => {
  test("appends signed records and reads them back; repeating an append adds nothing; an id with other content is refused", async () => {
    const dir = repo();
    const l = ledger(dir);
    expect(await l.read(NS)).toEqual([]);
    await l.append(NS, [rec("1"), rec("2")]);
    expect((await l.read(NS)).map((r) => r.id).sort()).toEqual(["1", "2"]);
    expect(commits(dir)).toBe(1);
    await l.append(NS, [rec("1")]);
    expect(commits(dir)).toBe(1);
    await expect(l.append(NS, [rec("1", { kind: "other" })])).rejects.toThrow(/already exists with other content/);
    expect(await l.read("ssh-certificate/other")).toEqual([]);
    const text = git(dir, "show", `${LEDGER_REF}:${NS}/records/1.json`);
    expect(JSON.parse(text)).toMatchObject({ v: 1, body: { kind: "issued", serial: "1" }, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(git(dir, "log", "-1", "--format=%an %ad", "--date=iso-strict", LEDGER_REF).trim()).toBe("jit-access 2026-12-05T12:00:00+00:00");
    await expect(l.append("../escape", [rec("x")])).rejects.toThrow(/namespace/);
    await expect(l.append(NS, [rec("../x")])).rejects.toThrow(/id/);
  });

  test("files derived from all records are written in the same commit", async () => {
    const dir = repo();
    const l = ledger(dir);
    const derive = (all: LedgerRecord[]) => [{ name: "revoked.krl", bytes: new Uint8Array(Buffer.from(all.map((r) => r.id).sort().join(","))) }];
    await l.append(NS, [rec("a")], derive);
    await l.append(NS, [rec("b")], derive);
    expect(git(dir, "show", `${LEDGER_REF}:${NS}/revoked.krl`)).toBe("a,b");
    expect(commits(dir)).toBe(2);
    expect(l.location(NS, "revoked.krl")).toBe(`${LEDGER_REF}:${NS}/revoked.krl`);
    await expect(l.append(NS, [rec("c")], () => [{ name: "records", bytes: new Uint8Array() }])).rejects.toThrow(/not allowed/);
  });

  test("what anyone else puts on the ref is ignored, never a crash: another key, another repo, a moved record, garbage, a huge file", async () => {
    const dir = repo();
    const lines: string[] = [];
    const l = ledger(dir, { log: (s) => lines.push(s) });
    await l.append(NS, [rec("good")]);
    plant(dir, `${NS}/records/forged.json`, formatRecord("acme/access", NS, rec("forged"), "not-the-key"));
    plant(dir, `${NS}/records/copied.json`, formatRecord("other/repo", NS, rec("copied"), "k1"));
    plant(dir, `${NS}/records/moved.json`, formatRecord("acme/access", "ssh-certificate/elsewhere", rec("moved"), "k1"));
    plant(dir, `${NS}/records/renamed.json`, formatRecord("acme/access", NS, rec("good"), "k1"));
    plant(dir, `${NS}/records/garbage.json`, "{not json");
    plant(dir, `${NS}/records/array.json`, "[1,2]");
    plant(dir, `${NS}/records/nomac.json`, JSON.stringify({ v: 1, body: { kind: "revoked" } }));
    plant(dir, `${NS}/records/huge.json`, Buffer.alloc(200_000, 0x20));
    plant(dir, `${NS}/records/bad name!.json`, formatRecord("acme/access", NS, rec("bad name!"), "k1"));
    expect((await l.read(NS)).map((r) => r.id)).toEqual(["good"]);
    expect(lines.join("\n")).toMatch(/9 file\(s\) under ssh-certificate\/prod-ssh\/records\/ are not records signed for acme\/access/);
    // The same records under another key read as nothing.
    expect(await ledger(dir, { key: "k2" }).read(NS)).toEqual([]);
    // Appends still work on top of the planted files.
    await l.append(NS, [rec("next")]);
    expect((await l.read(NS)).map((r) => r.id).sort()).toEqual(["good", "next"]);
  });

  test("two runs append to one remote at once: the second push is rejected, fetched, retried; both records are there", async () => {
    const remote = tmp();
    execFileSync("git", ["init", "-q", "--bare", remote]);
    const a = clone(remote);
    const b = clone(remote);
    const la = ledger(a, { remote: "origin" });
    const lb = ledger(b, { remote: "origin" });
    await la.append(NS, [rec("from-a")]);
    // b has not fetched a's push: its first push is not a fast-forward.
    await lb.append(NS, [rec("from-b")], (all) => [{ name: "ids", bytes: new Uint8Array(Buffer.from(all.map((r) => r.id).sort().join(","))) }]);
    const c = clone(remote);
    expect(await fetchLedger(c, "origin")).toBe(true);
    expect((await ledger(c).read(NS)).map((r) => r.id).sort()).toEqual(["from-a", "from-b"]);
    expect(git(c, "show", `${LEDGER_REF}:${NS}/ids`)).toBe("from-a,from-b");
    // Concurrent appends in one process are taken one at a time.
    await Promise.all([la.append(NS, [rec("x1")]), la.append(NS, [rec("x2")]), la.append(NS, [rec("x3")])]);
    await fetchLedger(c, "origin");
    expect((await ledger(c).read(NS)).map((r) => r.id).sort()).toEqual(["from-a", "from-b", "x1", "x2", "x3"]);
  });

  test("an append that cannot be pushed throws and changes nothing locally", async () => {
    const dir = repo();
    git(dir, "remote", "add", "origin", join(tmp(), "missing.git"));
    const l = ledger(dir, { remote: "origin", attempts: 2 });
    await expect(l.append(NS, [rec("lost")])).rejects.toThrow(/could not save to refs\/jit\/ledger on origin after 2 attempt\(s\)/);
    expect(await l.read(NS)).toEqual([]);
    expect(await fetchLedger(dir, "origin")).toBe(false);
  });

  test("no evidence key, no ledger", () => {
    expect(() => ledger(repo(), { key: "" })).toThrow(/evidence key/);
  });
});
