// The audit rebuilds every lease's life from real git histories: merge-commit, squash and
// rebase merges, extensions, sweep revocations with trailers, early removal by a PR, a
// reverted PR, a direct push, a force-push that dropped evidenced commits, and a grant
// longer than the policy allowed at the time. Timelines are checked exactly.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/commands/audit.js";
import { expiryCommitMessage } from "../../src/commands/expire.js";
import { createHmac } from "node:crypto";
import { canonicalJson, noteSigner, signNote } from "../../src/evidence/evidence.js";
import type { EvidenceNote, LeaseEvidence } from "../../src/evidence/evidence.js";
import { writeNote } from "../../src/git/evidence-notes.js";
import { formatAuditCsv } from "../../src/audit/format-csv.js";
import { formatAuditJson } from "../../src/audit/format-json.js";
import { formatAuditMarkdown } from "../../src/audit/format-markdown.js";
import { formatAuditTable } from "../../src/audit/format-table.js";
import { queryAudit } from "../../src/audit/query.js";
import type { AuditReport } from "../../src/audit/audit-record.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "audit-test-key";
const T = (hhmm: string, day = 24) => `2026-11-${day}T${hhmm}:00Z`;
const ms = (s: string) => Date.parse(s);
const POLICY = (dbMax = "8h") => `version: 1
admins: [carol]
resources:
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member, maintainer]
    maxDuration: ${dbMax}
    maxExtensions: 1
    approvers: [dana]
  web:
    provider: { type: github-team, org: acme, team: web }
    roles: [member]
    maxDuration: 4h
    maxExtensions: 1
    approvers: [dana]
`;

let repo: TestRepo;
let report: AuditReport;
const sha: Record<string, string> = {};

function evidence(path: string, blobOf: string, pr: number, author: string, approver: string, at: string, verdict: "approved" | "rejected" = "approved", findings: string[] = []): LeaseEvidence {
  return { lease: path, blob: blobOf, verdict, pullRequest: { number: pr, author, headSha: "f".repeat(40), mergedAt: at }, approvals: verdict === "approved" ? [{ reviewer: approver, reviewId: pr * 10, commit: "e".repeat(40), submittedAt: at }] : [], policyCommit: "0".repeat(40), findings, verifiedAt: at };
}
const blob = (commit: string, path: string) => repo.git("rev-parse", `${commit}:${path}`).trim();
async function note(commit: string, evs: LeaseEvidence[], key: string | undefined = KEY) {
  await writeNote(repo.dir, commit, JSON.stringify(signNote({ version: 1, leases: evs }, commit, noteSigner("acme", "access", key))));
}
function botCommit(message: string, time: string): string {
  execFileSync("git", ["-c", "user.name=jit-access[bot]", "-c", "user.email=bot@example.com", "commit", "-q", "-F", "-"], { cwd: repo.dir, input: message, env: { ...process.env, GIT_AUTHOR_DATE: time, GIT_COMMITTER_DATE: time, GIT_CONFIG_NOSYSTEM: "1", HOME: repo.dir } });
  return repo.head();
}

beforeAll(async () => {
  repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", POLICY()).write("README.md", "access\n");
  sha.init = repo.commitAll("access repo", T("08:00"));

  // 1. merge-commit PR: alice, db reader, 2h; approved by dana (signed evidence).
  repo.branch("alice-db").write("leases/db/alice.yaml", lease({ grantee: "alice", resource: "db", role: "member", duration: "2h", reason: "Investigate slow queries", ticket: "INC-1" }));
  repo.commitAll("request alice", T("08:30"));
  sha.aliceAdd = repo.merge("alice-db", T("09:00"));
  await note(sha.aliceAdd, [evidence("leases/db/alice.yaml", blob(sha.aliceAdd, "leases/db/alice.yaml"), 1, "alice", "dana", T("08:50"))]);

  // 2. squash merge "(#2)": bob, web member, 4h, then extended by squash "(#3)" (+1h... to 5h: over web's 4h? no: maxExtensions 1, total allowed 8h).
  repo.write("leases/web/bob.yaml", lease({ grantee: "bob", resource: "web", role: "member", duration: "3h", reason: "Deploy the hotfix release" }));
  sha.bobAdd = repo.commitAll("Grant bob web (#2)", T("09:30"));
  await note(sha.bobAdd, [evidence("leases/web/bob.yaml", blob(sha.bobAdd, "leases/web/bob.yaml"), 2, "bob", "dana", T("09:20"))]);
  repo.write("leases/web/bob.yaml", lease({ grantee: "bob", resource: "web", role: "member", duration: "4h", reason: "Deploy the hotfix release" }));
  sha.bobExt = repo.commitAll("Extend bob (#3)", T("11:00"));
  await note(sha.bobExt, [evidence("leases/web/bob.yaml", blob(sha.bobExt, "leases/web/bob.yaml"), 3, "bob", "dana", T("10:55"))]);

  // 3. sweep: alice expired at 11:00, removed by the bot at 11:03 with trailers.
  repo.remove("leases/db/alice.yaml");
  repo.git("add", "-A");
  sha.sweep1 = botCommit(expiryCommitMessage([{ path: "leases/db/alice.yaml", resource: "db", grantee: "alice", role: "member", grantedAt: ms(T("09:00")), expiredAt: ms(T("11:00")), revokedAt: ms(T("11:03")), why: "expired", verified: true }]), T("11:03"));

  // 4. rebase merge: two commits of erin's PR land as they are (no merge commit, no "(#n)").
  repo.write("leases/db/erin.yaml", lease({ grantee: "erin", resource: "db", role: "maintainer", duration: "1h", reason: "Run the data migration" }));
  sha.erinAdd = repo.commitAll("add erin lease", T("12:00"));
  repo.write("notes.txt", "x\n");
  repo.commitAll("unrelated", T("12:00"));
  await note(sha.erinAdd, [evidence("leases/db/erin.yaml", blob(sha.erinAdd, "leases/db/erin.yaml"), 4, "erin", "dana", T("11:50"))]);
  // erin releases it early with a PR deleting the file (merge commit).
  repo.branch("erin-done").remove("leases/db/erin.yaml");
  repo.commitAll("release erin", T("12:20"));
  sha.erinDel = repo.merge("erin-done", T("12:30"));

  // 5. reverted PR: frank's lease merged (#5), then reverted.
  repo.write("leases/web/frank.yaml", lease({ grantee: "frank", resource: "web", role: "member", duration: "2h", reason: "Check the web deployment" }));
  sha.frankAdd = repo.commitAll("Grant frank (#5)", T("13:00"));
  await note(sha.frankAdd, [evidence("leases/web/frank.yaml", blob(sha.frankAdd, "leases/web/frank.yaml"), 5, "frank", "dana", T("12:55"))]);
  // GitHub's "Revert" button opens a PR; squash-merged, its title ends with the PR number.
  repo.time = T("13:30");
  repo.git("revert", "--no-commit", sha.frankAdd);
  sha.frankRevert = repo.commitAll('Revert "Grant frank (#5)" (#10)');
  repo.time = undefined;

  // 6. direct push by mallory, no PR, no evidence: a finding; and rejected evidence for gus.
  repo.write("leases/db/mallory.yaml", lease({ grantee: "mallory", resource: "db", role: "maintainer", duration: "8h", reason: "Just need write access" }));
  sha.malloryAdd = repo.commitAll("quick fix", T("14:00"));
  // ...and an add pushed under the bot's name (anyone can set a commit's name): no exemption.
  repo.write("leases/db/otto.yaml", lease({ grantee: "otto", resource: "db", role: "member", duration: "1h", reason: "Pretending to be the bot" }));
  repo.git("add", "-A");
  sha.ottoAdd = botCommit("jit-access: expire 0 leases", T("14:05"));
  repo.write("leases/db/gus.yaml", lease({ grantee: "gus", resource: "db", role: "member", duration: "1h", reason: "Self approved request" }));
  sha.gusAdd = repo.commitAll("Grant gus (#6)", T("14:10"));
  await note(sha.gusAdd, [evidence("leases/db/gus.yaml", blob(sha.gusAdd, "leases/db/gus.yaml"), 6, "gus", "", T("14:05"), "rejected", ["approvals: no approval from dana"])]);

  // 7. the policy is tightened, then a lease longer than allowed lands (apply would refuse it;
  // this one got a forged note signed with another key).
  repo.write("policy.yaml", POLICY("1h"));
  sha.policy2 = repo.commitAll("Tighten db (#7)", T("15:00"));
  repo.write("leases/db/hank.yaml", lease({ grantee: "hank", resource: "db", role: "member", duration: "6h", reason: "Long running export job" }));
  sha.hankAdd = repo.commitAll("Grant hank (#8)", T("15:30"));
  await note(sha.hankAdd, [evidence("leases/db/hank.yaml", blob(sha.hankAdd, "leases/db/hank.yaml"), 8, "hank", "dana", T("15:25"))], "another-key");

  // 8. force-push: a commit with evidence is dropped from main.
  repo.write("leases/web/ivy.yaml", lease({ grantee: "ivy", resource: "web", role: "member", duration: "1h", reason: "Look at production logs" }));
  sha.ivyAdd = repo.commitAll("Grant ivy (#9)", T("16:00"));
  await note(sha.ivyAdd, [evidence("leases/web/ivy.yaml", blob(sha.ivyAdd, "leases/web/ivy.yaml"), 9, "ivy", "dana", T("15:55"))]);
  repo.git("reset", "-q", "--hard", sha.hankAdd);

  report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: ms(T("16:30")), evidenceKey: KEY, repository: "acme/access" });
});
afterAll(() => repo.cleanup());

const byPath = (p: string) => report.leases.find((l) => l.path === p)!;

describe("rebuilt lease lives", () => {
  it("finds every lease once, in order of addition", () => {
    expect(report.leases.map((l) => l.path)).toEqual(["leases/db/alice.yaml", "leases/web/bob.yaml", "leases/db/erin.yaml", "leases/web/frank.yaml", "leases/db/mallory.yaml", "leases/db/otto.yaml", "leases/db/gus.yaml", "leases/db/hank.yaml"]);
    expect(report.head).toBe(sha.hankAdd);
  });

  it("merge-commit PR then sweep: requested, approved, granted, revoked with the trailer's time and reason", () => {
    const a = byPath("leases/db/alice.yaml");
    expect(a).toMatchObject({ resource: "db", grantee: "alice", role: "member", reason: "Investigate slow queries", ticket: "INC-1", pullRequest: 1, requestedBy: "alice", approvers: ["dana"], evidence: "signed-note", start: ms(T("09:00")), end: ms(T("11:00")), revokedAt: ms(T("11:03")), why: "expired", status: "ended", addedIn: sha.aliceAdd, removedIn: sha.sweep1 });
    expect(a.events.map((e) => [e.kind, e.at, e.commit, e.by])).toEqual([
      ["requested", undefined, sha.aliceAdd, "alice"],
      ["approved", ms(T("08:50")), "e".repeat(40), "dana"],
      ["granted", ms(T("09:00")), sha.aliceAdd, undefined],
      ["revoked", ms(T("11:03")), sha.sweep1, undefined],
    ]);
  });

  it("squash merges: the add and the extension, with no gap", () => {
    const b = byPath("leases/web/bob.yaml");
    expect(b).toMatchObject({ pullRequest: 2, start: ms(T("09:30")), end: ms(T("13:30")), extensions: 1, approvers: ["dana"] });
    const ext = b.events.find((e) => e.kind === "extended")!;
    expect(ext).toMatchObject({ at: ms(T("11:00")), commit: sha.bobExt, by: "bob" });
    expect(ext.detail).toBe("end moved from 2026-11-24T12:30:00Z to 2026-11-24T13:30:00Z by PR #3");
  });

  it("a lease past its end whose file no sweep has removed yet is 'over'", () => {
    // bob's window ended at 13:30 and no sweep removed it: the next sweep revokes it.
    const b = byPath("leases/web/bob.yaml");
    expect(b.status).toBe("over");
    expect(b.events.at(-1)).toMatchObject({ kind: "over", at: ms(T("13:30")) });
  });

  it("rebase merge with evidence, then an early release by a merged PR", () => {
    const e = byPath("leases/db/erin.yaml");
    expect(e).toMatchObject({ pullRequest: 4, start: ms(T("12:00")), end: ms(T("13:00")), revokedAt: ms(T("12:30")), why: "early: removed by a merged pull request", status: "ended", removedIn: sha.erinDel });
  });

  it("a reverted PR ends the lease at the revert", () => {
    const f = byPath("leases/web/frank.yaml");
    expect(f.status).toBe("ended");
    expect(f.removedIn).toBe(sha.frankRevert);
    expect(f).toMatchObject({ why: "reverted by PR #10", revokedAt: ms(T("13:30")) });
  });

  it("a lease whose verification failed was never granted", () => {
    const g = byPath("leases/db/gus.yaml");
    expect(g.status).toBe("not-granted");
    expect(g.why).toBe("failed approval check");
    expect(g.events.map((e) => e.kind)).toEqual(["requested", "not-granted"]);
  });
});

describe("findings", () => {
  const codes = () => report.findings.map((f) => [f.code, f.lease ?? f.commit]);
  it("flags exactly the direct pushes (one under the bot's name), the failed approval, the forged note, the over-long grant and the force-push", () => {
    expect(codes()).toEqual([
      ["changed-outside-jit", "leases/db/mallory.yaml"],
      ["changed-outside-jit", "leases/db/otto.yaml"],
      ["unapproved-lease", "leases/db/gus.yaml"],
      ["evidence-untrusted", "leases/db/hank.yaml"],
      ["longer-than-policy", "leases/db/hank.yaml"],
      ["history-rewritten", "leases/web/ivy.yaml"],
    ]);
    expect(report.findings.find((f) => f.code === "longer-than-policy")!.message).toContain("granted 6h, over the maxDuration of 1h that db allowed when it was added");
    expect(report.findings.find((f) => f.code === "history-rewritten")!.commit).toBe(sha.ivyAdd);
  });

  it("without the evidence key, notes are not checked and a forged one is not called forged", async () => {
    const r = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: ms(T("16:30")) });
    expect(r.findings.map((f) => f.code)).not.toContain("evidence-untrusted");
    expect(r.leases.find((l) => l.path === "leases/db/alice.yaml")!.evidence).toBe("unsigned-note");
    expect(r.notes.join(" ")).toContain("No evidence key");
  });
});

describe("notes signed for another repository, or before notes named their repository", () => {
  it("a note signed for another repo is untrusted (copied from there); a legacy note, bare or kept inside a newer one, is legacy-note: shown, never proven", async () => {
    const r = TestRepo.init({ fromExample: false });
    try {
      r.write("policy.yaml", POLICY()).write("README.md", "access\n");
      r.commitAll("access repo", T("08:00"));
      const add = async (grantee: string, pr: number, time: string) => {
        const path = `leases/db/${grantee}.yaml`;
        r.write(path, lease({ grantee, resource: "db", role: "member", duration: "2h", reason: "Investigate slow queries" }));
        const commit = r.commitAll(`Grant ${grantee} (#${pr})`, T(time));
        return { commit, ev: evidence(path, r.git("rev-parse", `${commit}:${path}`).trim(), pr, grantee, "dana", T(time)) };
      };
      const legacy = (n: EvidenceNote, object: string): EvidenceNote => ({ ...n, mac: createHmac("sha256", KEY).update(`${object}\n${canonicalJson(n)}`).digest("hex") });
      const alice = await add("alice", 1, "09:00");
      await writeNote(r.dir, alice.commit, JSON.stringify(legacy({ version: 1, leases: [alice.ev] }, alice.commit)));
      const carl = await add("carl", 2, "09:10");
      const kept = { version: 1 as const, leases: [], legacy: legacy({ version: 1, leases: [carl.ev] }, carl.commit) };
      await writeNote(r.dir, carl.commit, JSON.stringify(signNote(kept, carl.commit, noteSigner("acme", "access", KEY))));
      const bob = await add("bob", 3, "09:20");
      await writeNote(r.dir, bob.commit, JSON.stringify(signNote({ version: 1, leases: [bob.ev] }, bob.commit, noteSigner("zed", "access-fork", KEY))));

      const rep = await runAudit({ repoDir: r.dir, ref: "main", policyPath: "policy.yaml", now: ms(T("10:00")), evidenceKey: KEY, repository: "ACME/access" });
      expect(rep.leases.map((l) => [l.grantee, l.evidence, l.approvers])).toEqual([
        ["alice", "legacy-note", ["dana"]],
        ["carl", "legacy-note", ["dana"]],
        ["bob", "unsigned-note", ["dana"]],
      ]);
      expect(rep.findings.map((f) => [f.code, f.lease])).toEqual([["evidence-untrusted", "leases/db/bob.yaml"]]);
      expect(rep.findings[0]!.message).toMatch(/signed for another repository \(zed\/access-fork\): it was copied from there/);
      expect(rep.notes.join("\n")).toMatch(/2 lease change\(s\) and 0 break-glass or drift record\(s\) carry evidence signed without repository binding/);
      // The same history audited as the fork: its note is the fork's own; the legacy notes stay
      // legacy (their MAC names no repository), whoever's note keeps them.
      const asFork = await runAudit({ repoDir: r.dir, ref: "main", policyPath: "policy.yaml", now: ms(T("10:00")), evidenceKey: KEY, repository: "zed/access-fork" });
      expect(asFork.leases.map((l) => l.evidence)).toEqual(["legacy-note", "legacy-note", "signed-note"]);
    } finally {
      r.cleanup();
    }
  });
});

describe("queries", () => {
  it("--at: who held access to db at 12:15 (erin; alice was revoked at 11:03)", () => {
    expect(queryAudit(report, { resource: "db", at: ms(T("12:15")) }).leases.map((l) => l.grantee)).toEqual(["erin"]);
    expect(queryAudit(report, { resource: "db", at: ms(T("11:02")) }).leases.map((l) => l.grantee)).toEqual(["alice"]);
    expect(queryAudit(report, { at: ms(T("11:30")) }).leases.map((l) => l.grantee)).toEqual(["bob"]);
  });
  it("runAudit with --at reads only around that moment and answers as the full audit does", async () => {
    for (const t of ["08:30", "09:15", "11:02", "11:30", "12:15", "13:10", "14:05", "15:45", "16:29"]) {
      const fast = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: ms(T("16:30")), evidenceKey: KEY, repository: "acme/access", query: { at: ms(T(t)) } });
      const full = queryAudit(report, { at: ms(T(t)) });
      expect(fast.leases, t).toEqual(full.leases);
      expect(fast.notes.join(" ")).toContain("--at reads only the leases on main at that moment");
    }
  });
  it("--grantee and --since/--until select overlapping windows", () => {
    expect(queryAudit(report, { grantee: "BOB" }).leases.map((l) => l.path)).toEqual(["leases/web/bob.yaml"]);
    expect(queryAudit(report, { since: ms(T("12:10")), until: ms(T("13:05")) }).leases.map((l) => l.grantee)).toEqual(["bob", "erin", "frank"]);
  });
  it("a resource filter hides findings about other resources only", () => {
    expect(queryAudit(report, { resource: "web" }).findings.map((f) => f.code)).toEqual(["history-rewritten"]);
  });
});

describe("formats", () => {
  it("CSV: a header, one row per lease, quoting and formula cells defused", () => {
    const csv = formatAuditCsv(report);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("lease,resource,grantee,role,status,start,end,revoked_at,ended_why,extensions,pull_request,requested_by,approved_by,evidence,break_glass,reason,ticket,added_in,removed_in,findings");
    expect(lines).toHaveLength(report.leases.length + 2);
    expect(lines[1]).toBe(`leases/db/alice.yaml,db,alice,member,ended,2026-11-24T09:00:00Z,2026-11-24T11:03:00Z,2026-11-24T11:03:00Z,expired,0,1,alice,dana,signed-note,false,Investigate slow queries,INC-1,${sha.aliceAdd},${sha.sweep1},`);
    const tricky = formatAuditCsv({ ...report, leases: [{ ...report.leases[0]!, reason: '=HYPERLINK("x"), "quoted"' }] });
    expect(tricky.split("\r\n")[1]).toContain(`"'=HYPERLINK(""x""), ""quoted"""`);
  });
  it("Markdown: findings, a Mermaid gantt per resource, the table", () => {
    const md = formatAuditMarkdown(report);
    expect(md).toContain("### :rotating_light: Findings");
    expect(md).toContain("```mermaid\ngantt\n  title Access windows (UTC)\n  dateFormat YYYY-MM-DD HH:mm\n  axisFormat %m-%d %H:%M\n  section db\n    alice member :done, 2026-11-24 09:00, 2026-11-24 11:03\n    erin maintainer :done, 2026-11-24 12:00, 2026-11-24 12:30\n");
    expect(md).toContain("  section web\n    bob member :crit, 2026-11-24 09:30, 2026-11-24 16:30\n");
    expect(md).toContain("| db | alice | member | 2026-11-24T09:00:00Z | 2026-11-24T11:03:00Z | ended | expired | #1 | dana | Investigate slow queries |");
  });
  it("JSON: RFC 3339 times and ok=false with findings", () => {
    const j = JSON.parse(formatAuditJson(report)) as { ok: boolean; leases: Array<{ path: string; start: string; events: Array<{ at?: string }> }> };
    expect(j.ok).toBe(false);
    expect(j.leases[0]!.start).toBe("2026-11-24T09:00:00Z");
  });
  it("table: one line per lease and the findings", () => {
    const t = formatAuditTable(report);
    expect(t.split("\n")[0]).toBe(`Audit of main at ${sha.hankAdd!.slice(0, 7)}, 2026-11-24T16:30:00Z: 8 lease(s), 6 finding(s).`);
    expect(t).toContain("FINDINGS\n  [changed-outside-jit]");
  });
});
