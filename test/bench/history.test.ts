// The benchmark history generator (bench/history.ts) at a tiny size: the history is what its
// figures say, its leases and notes are valid, and the expiry benchmark reads it as the
// generator models it — so the benchmark keeps measuring what it claims.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_REPO, accessHistory, BOT, EVIDENCE_KEY, historyParamsFromEnv } from "../../bench/history.js";
import type { GeneratedHistory, HistoryParams } from "../../bench/history.js";
import { expiryOffline, expirySummary, offlineGitHub } from "../../bench/expiry-run.js";
import { isTrusted, noteSigner, parseNote } from "../../src/evidence/evidence.js";
import { readNotes } from "../../src/git/evidence-notes.js";
import { readLeaseLog } from "../../src/git/lease-log.js";
import { readPolicyLog } from "../../src/git/policy-log.js";
import { jitTrailers } from "../../src/git/history.js";
import { readBlobs } from "../../src/git/run-git.js";
import { loadLease } from "../../src/lease/load-lease.js";
import { parseTimestamp } from "../../src/lease/timestamp.js";

// Seed 24 at this size has every kind of event (asserted below), including rejected requests,
// paths that live twice, leases over at "now" and a scheduled lease that has started.
const TINY: HistoryParams = { commits: 1000, leases: 150, resources: 30, seed: 24 };

describe("benchmark history generator", () => {
  let cache: string;
  let h: GeneratedHistory;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: h.dir, encoding: "utf8", maxBuffer: 1 << 26 });
  const count = (...args: string[]) => Number(git("rev-list", "--count", ...args, "main").trim());

  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), "jit-bench-history-"));
    h = await accessHistory(TINY, cache);
  });
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it("has exactly the commits, merges and first-parent chain it reports", () => {
    expect(h.cached).toBe(false);
    expect(h.stats.commits).toBe(TINY.commits);
    expect(count()).toBe(TINY.commits);
    expect(count("--first-parent")).toBe(h.stats.firstParent);
    expect(count("--merges")).toBe(h.stats.merges);
    expect(h.stats.merges).toBeGreaterThan(0);
    expect(h.stats.firstParent).toBeLessThan(TINY.commits);
    // Every merge is on main's first-parent chain, its second parent a pull request branch.
    expect(count("--merges", "--first-parent")).toBe(h.stats.merges);
    expect(git("for-each-ref", "--format=%(refname)").trim().split("\n").sort()).toEqual(["refs/heads/main", "refs/notes/jit"]);
  });

  it("has every kind of event at this size", () => {
    const s = h.stats;
    for (const k of ["addsByMerge", "addsBySquash", "addsByRebase", "rejected", "scheduled", "extensions", "earlyRevokes", "removedByPullRequest", "expiredBySweep", "resourcesAdded", "policyEdits", "otherCommits", "leasesAtTip", "overAtNow", "activeAtNow", "startedScheduledAtNow"] as const) {
      expect(s[k], k).toBeGreaterThan(0);
    }
    expect(s.leasePaths).toBeLessThan(s.leases);
  });

  it("adds exactly the leases it reports, all valid, each in its resource's folder", async () => {
    const log = await readLeaseLog(h.dir, "main");
    const lives = [...log.current.values(), ...log.ended];
    expect(lives).toHaveLength(TINY.leases);
    expect(h.stats.leases).toBe(TINY.leases);
    expect(log.current.size).toBe(h.stats.leasesAtTip);
    expect(log.ended).toHaveLength(h.stats.leasesEnded);
    expect(git("ls-tree", "-r", "--name-only", "main", "leases").trim().split("\n").filter(Boolean)).toHaveLength(h.stats.leasesAtTip);
    expect(new Set(lives.map((l) => l.path)).size).toBe(h.stats.leasePaths);
    expect(h.stats.addsByMerge + h.stats.addsBySquash + h.stats.addsByRebase).toBe(TINY.leases);
    const extensions = lives.reduce((n, l) => n + l.changes.filter((c) => c.status === "M").length, 0);
    // Modifications on main: extensions, plus the review fix-up of each rebase-merged request.
    expect(extensions).toBe(h.stats.extensions + h.stats.addsByRebase);
    const blobs = await readBlobs(h.dir, lives.flatMap((l) => l.changes.map((c) => c.blob)));
    for (const l of lives) {
      for (const c of l.changes) {
        const loaded = loadLease(l.path, blobs.get(c.blob)!);
        expect(loaded.diagnostics, `${l.path} at ${c.commit}`).toEqual([]);
        expect(l.path.split("/")[1]).toBe(loaded.lease!.resource);
      }
    }
  });

  it("removes leases in bot commits with Jit-* trailers (sweeps, early revokes) or by pull request", () => {
    const out = git("log", "--first-parent", "--format=%x01%cn%x02%B%x02", "--name-status", "--no-renames", "main");
    let sweeps = 0, revokes = 0, swept = 0, byPullRequest = 0;
    for (const entry of out.split("\x01").slice(1)) {
      const [committer = "", message = "", files = ""] = entry.split("\x02");
      const deleted = files.split("\n").filter((l) => l.startsWith("D\tleases/")).map((l) => l.slice(2));
      if (committer === BOT.name) {
        const trailers = jitTrailers(message);
        expect(trailers.map((t) => t.lease).sort()).toEqual([...deleted].sort());
        for (const t of trailers) expect(parseTimestamp(t["revoked-at"] ?? "")).toBeDefined();
        if (message.startsWith("jit-access: expire")) {
          sweeps++;
          swept += deleted.length;
          for (const t of trailers) expect(t.reason).toBe("expired");
        } else {
          expect(message.startsWith("jit-access: revoke")).toBe(true);
          revokes++;
          for (const t of trailers) expect(t.reason).toMatch(/^early revoke by @/);
        }
      } else byPullRequest += deleted.length;
    }
    expect({ sweeps, swept, revokes, byPullRequest }).toEqual({ sweeps: h.stats.sweeps, swept: h.stats.expiredBySweep, revokes: h.stats.earlyRevokes, byPullRequest: h.stats.removedByPullRequest });
    expect(sweeps).toBeGreaterThan(0);
    expect(h.stats.leasesEnded).toBe(h.stats.expiredBySweep + h.stats.earlyRevokes + h.stats.removedByPullRequest);
  });

  it("signs an evidence note on every main commit that brought a lease change", async () => {
    const notes = await readNotes(h.dir);
    expect(notes.size).toBe(h.stats.notes + h.stats.policyNotes);
    const log = await readLeaseLog(h.dir, "main");
    const changes = [...log.current.values(), ...log.ended].flatMap((l) => l.changes.filter((c) => c.status !== "D").map((c) => ({ ...c, path: l.path })));
    expect(changes).toHaveLength(h.stats.notes);
    let rejected = 0;
    for (const c of changes) {
      const note = parseNote(notes.get(c.commit) ?? "");
      expect(note && isTrusted(note, c.commit, noteSigner(...ACCESS_REPO, EVIDENCE_KEY)), c.commit).toBe(true);
      expect(note!.leases.map((e) => [e.lease, e.blob])).toEqual([[c.path, c.blob]]);
      if (note!.leases[0]!.verdict === "rejected") rejected++;
    }
    expect(rejected).toBe(h.stats.rejected);
  });

  it("signs apply's verdict on every policy version: the first is the anchor, the pushed ones are rejected", async () => {
    const notes = await readNotes(h.dir);
    const versions = await readPolicyLog(h.dir, "main", "policy.yaml");
    expect(versions).toHaveLength(1 + h.stats.resourcesAdded + h.stats.policyEdits);
    expect(h.stats.policyNotes).toBe(versions.length);
    versions.forEach((v, i) => {
      const note = parseNote(notes.get(v.commit) ?? "");
      expect(note && isTrusted(note, v.commit, noteSigner(...ACCESS_REPO, EVIDENCE_KEY)), v.commit).toBe(true);
      expect(note!.leases).toEqual([]);
      expect(note!.policy).toMatchObject({ path: "policy.yaml", blob: v.blob, verdict: i === 0 ? "approved" : "rejected", policyCommit: versions[0]!.commit });
      expect(note!.policy!.bootstrap ?? false).toBe(i === 0);
    });
  });

  it("is deterministic for a seed, and cached by its parameters", async () => {
    const again = await accessHistory(TINY, cache);
    expect(again.cached).toBe(true);
    expect(again.stats).toEqual(h.stats);
    const other = mkdtempSync(join(tmpdir(), "jit-bench-history-"));
    try {
      const fresh = await accessHistory(TINY, other);
      expect(fresh.cached).toBe(false);
      expect(fresh.stats.head).toBe(h.stats.head);
      expect(git("rev-parse", "refs/notes/jit")).toBe(execFileSync("git", ["rev-parse", "refs/notes/jit"], { cwd: fresh.dir, encoding: "utf8" }));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("refuses a commit count too small for the lease traffic", async () => {
    await expect(accessHistory({ ...TINY, commits: 50 }, cache)).rejects.toThrow(/50 commits are too few for 150 leases/);
  });

  it("the expiry benchmark finds what the generator modelled, with no API call but the membership checks of scheduled starts", async () => {
    const run = await expiryOffline(h.dir, parseTimestamp(h.stats.now)!, h.stats.heldAtNow);
    const r = expirySummary(run);
    expect(r.verifiedNow).toBe(0);
    expect({ over: r.over, active: r.active }).toEqual({ over: h.stats.overAtNow, active: h.stats.activeAtNow });
    expect(r.removed).toBe(r.over);
    // The targets hold what was granted: the active leases are kept, the granted ones over are revoked.
    expect({ keep: r.keep, revoke: r.revoke, grant: r.grant }).toEqual({ keep: h.stats.activeAtNow, revoke: h.stats.heldAtNow.length - h.stats.activeAtNow, grant: 0 });
    expect(run.apiCalls).toHaveLength(2 * h.stats.startedScheduledAtNow);
    for (const c of run.apiCalls) expect(c).toMatch(/^GET \/orgs\/acme(-\d+)?\/members\/dev-\d{4}$/);
  });

  it("the benchmark's GitHub refuses every call it does not answer", async () => {
    const { gh } = offlineGitHub();
    expect(() => gh.rest.pulls.get).toThrow(/offline.*gh\.rest\.pulls/);
    await expect(gh.paginate(gh.rest.orgs.checkMembershipForUser as never, {} as never)).rejects.toThrow(/offline/);
  });

  it("takes its size from the environment for quick runs", () => {
    expect(historyParamsFromEnv({ BENCH_HISTORY_COMMITS: "2_000", BENCH_HISTORY_LEASES: "300" })).toEqual({ commits: 2000, leases: 300, resources: 500, seed: 1 });
    expect(() => historyParamsFromEnv({ BENCH_HISTORY_LEASES: "many" })).toThrow(/BENCH_HISTORY_LEASES=many/);
  });
});
