// Commit text is anyone's: a subject (or a name, or trailers) holding the control characters
// the audit's log uses between records must not make up a record — another commit's sha, a
// bot's name, a pull request — nor raw changes. The real commit is read as it is.
import { afterAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/commands/audit.js";
import { readHistory } from "../../src/git/history.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const repo = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
afterAll(() => repo.cleanup());

describe("the audit's history reader against forged records", () => {
  it("reads a commit whose subject imitates a record, markers and all, as one commit with that subject", async () => {
    const path = "leases/prod-db-readers/mallory.yaml";
    const approved = repo.head("main");
    repo.write(path, lease({ grantee: "mallory", resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" }));
    // What the old reader split on: \x01 starts a record, \x02 separates fields, \x03 ends the header.
    const forged = `fix typo\x01${approved}\x02\x021795510800\x02jit-access[bot]\x02b@x\x02jit-access[bot]\x02b@x\x02Merge pull request #1 (#1)\x02\x03`;
    const real = repo.commitAll(forged, "2026-11-24T09:00:00Z");
    const commits = await readHistory(repo.dir, "main", ["leases", "policy.yaml"]);
    const last = commits[commits.length - 1]!;
    expect(last.sha).toBe(real);
    expect(commits.filter((c) => c.sha === approved).length).toBeLessThanOrEqual(1);
    expect(last.message.split("\n")[0]).toBe(forged);
    expect(last.changes).toEqual([{ path, status: "A", blob: repo.git("rev-parse", `${real}:${path}`).trim() }]);

    // So the audit sees a lease pushed to main without a pull request, not PR #1 merged by the bot.
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: Date.parse("2026-11-24T10:00:00Z") });
    const mine = report.leases.find((l) => l.path === path)!;
    expect(mine.addedIn).toBe(real);
    expect(mine.pullRequest).toBeUndefined();
    expect(report.findings.map((f) => [f.code, f.lease, f.commit])).toContainEqual(["changed-outside-jit", path, real]);
  });
});

describe("the audit against malformed notes", () => {
  it("reads notes of any shape without a crash: a malformed one is no evidence, and the lease is reported as unproven", async () => {
    const { writeNote } = await import("../../src/git/evidence-notes.js");
    const path = "leases/prod-db-readers/zed.yaml";
    repo.write(path, lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" }));
    const commit = repo.commitAll("Merge pull request #7 from zed/x", "2026-11-24T09:30:00Z");
    const blob = repo.git("rev-parse", `${commit}:${path}`).trim();
    const bad = [
      '{"version":1,"leases":[null]}',
      `{"version":1,"leases":[{"lease":"${path}","blob":"${blob}","verdict":"approved"}]}`,
      `{"version":1,"leases":[{"lease":"${path}","blob":"${blob}","verdict":"approved","approvals":"sam","findings":[],"policyCommit":"x","verifiedAt":"x"}]}`,
      '{"version":1,"leases":[],"breakGlass":{"lease":1},"grants":7}',
      `{"version":1,"leases":[],"breakGlass":[{"lease":"${path}","blob":"${blob}","pullRequest":7,"requester":"zed","resource":"prod-db-readers","grantee":"zed","role":"member","grantedAt":"2026-11-24T09:00:00Z","end":"2026-11-24T10:00:00Z","reviewBy":"2026-11-25T09:00:00Z","ended":{"at":"soon","why":"x"}}]}`,
      '{"version":1,"leases":[],"drift":[{"resource":5},null]}',
    ];
    for (const text of bad) {
      await writeNote(repo.dir, commit, text);
      await writeNote(repo.dir, blob, text);
      const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: Date.parse("2026-11-24T10:00:00Z"), evidenceKey: "k", repository: "acme/access" });
      const mine = report.leases.find((l) => l.path === path)!;
      expect(mine.evidence, text).toBe("none");
      expect(mine.pullRequest, text).toBe(7);
      expect(report.leases.filter((l) => l.breakGlass && l.path === path), text).toEqual([]);
    }
  });
});
