// Break-glass in the audit: a grant made when the pull request was opened is the start of
// the lease when it was approved and merged in time, and a life of its own, flagged, when
// it was not. Records come from signed notes in refs/notes/jit.
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/commands/audit.js";
import type { BreakGlassRecord, LeaseEvidence } from "../../src/evidence/evidence.js";
import { noteSigner, signNote } from "../../src/evidence/evidence.js";
import { writeNote } from "../../src/git/evidence-notes.js";
import type { AuditReport } from "../../src/audit/audit-record.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "bg-audit-key";
const T = (hhmm: string) => `2026-11-24T${hhmm}:00Z`;
const ms = (s: string) => Date.parse(s);
const POLICY = `version: 1
admins: [carol]
resources:
  web:
    provider: { type: github-team, org: acme, team: web }
    roles: [member]
    maxDuration: 4h
    approvers: [dana]
    breakGlass: { allowed: true, maxDuration: 1h, reviewWithin: 2h }
`;
let repo: TestRepo;
let report: AuditReport;
let kimAdd: string;

const record = (o: Partial<BreakGlassRecord> & Pick<BreakGlassRecord, "lease" | "blob" | "pullRequest" | "grantee" | "grantedAt" | "end" | "reviewBy">): BreakGlassRecord => ({ requester: o.grantee, resource: "web", role: "member", ...o });
async function bgNote(blob: string, r: BreakGlassRecord, key = KEY) {
  await writeNote(repo.dir, blob, JSON.stringify(signNote({ version: 1, leases: [], breakGlass: [r] }, blob, noteSigner("acme", "access", key))));
}
const hashObject = (text: string) => execFileSync("git", ["hash-object", "-w", "--stdin"], { cwd: repo.dir, input: text }).toString().trim();

beforeAll(async () => {
  repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", POLICY);
  repo.commitAll("access repo", T("08:00"));
  // jill: granted on PR open at 10:00, never approved; the sweep ended it at 12:03.
  const jill = lease({ grantee: "jill", resource: "web", role: "member", duration: "1h", reason: "Production is down, need access", breakGlass: true });
  const jillBlob = hashObject(jill);
  await bgNote(jillBlob, { ...record({ lease: "leases/web/jill.yaml", blob: jillBlob, pullRequest: 11, grantee: "jill", grantedAt: T("10:00"), end: T("11:00"), reviewBy: T("12:00") }), ended: { at: T("12:03"), why: "break-glass not reviewed" } });
  // kim: granted on PR open at 13:40, approved and merged at 14:20.
  const kim = lease({ grantee: "kim", resource: "web", role: "member", duration: "1h", reason: "Production is down again, need access", breakGlass: true });
  repo.write("leases/web/kim.yaml", kim);
  kimAdd = repo.commitAll("Grant kim (#12)", T("14:20"));
  const kimBlob = repo.git("rev-parse", `${kimAdd}:leases/web/kim.yaml`).trim();
  await bgNote(kimBlob, record({ lease: "leases/web/kim.yaml", blob: kimBlob, pullRequest: 12, grantee: "kim", grantedAt: T("13:40"), end: T("14:40"), reviewBy: T("15:40") }));
  const ev: LeaseEvidence = { lease: "leases/web/kim.yaml", blob: kimBlob, verdict: "approved", pullRequest: { number: 12, author: "kim", headSha: "f".repeat(40), mergedAt: T("14:20") }, approvals: [{ reviewer: "dana", reviewId: 1, commit: "e".repeat(40), submittedAt: T("14:15") }], policyCommit: "0".repeat(40), findings: [], verifiedAt: T("14:21") };
  await writeNote(repo.dir, kimAdd, JSON.stringify(signNote({ version: 1, leases: [ev] }, kimAdd, noteSigner("acme", "access", KEY))));
  // A forged record (another key) for lou.
  const louBlob = hashObject("grantee: lou\n");
  await bgNote(louBlob, record({ lease: "leases/web/lou.yaml", blob: louBlob, pullRequest: 13, grantee: "lou", grantedAt: T("15:00"), end: T("16:00"), reviewBy: T("17:00") }), "another-key");
  report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: ms(T("18:00")), evidenceKey: KEY, repository: "acme/access" });
});
afterAll(() => repo.cleanup());

describe("break-glass in the audit", () => {
  it("a break-glass grant approved and merged in time starts the lease at the grant", () => {
    const kim = report.leases.find((l) => l.grantee === "kim")!;
    expect(kim).toMatchObject({ breakGlass: true, start: ms(T("13:40")), end: ms(T("14:40")), pullRequest: 12, approvers: ["dana"], addedIn: kimAdd, status: "over" });
    expect(kim.events.map((e) => [e.kind, e.at])).toEqual([
      ["requested", undefined],
      ["granted", ms(T("13:40"))],
      ["approved", ms(T("14:15"))],
      ["granted", ms(T("14:20"))],
      ["over", ms(T("14:40"))],
    ]);
  });
  it("one never approved is its own life, revoked by the sweep and flagged", () => {
    const jill = report.leases.find((l) => l.grantee === "jill")!;
    expect(jill).toMatchObject({ breakGlass: true, start: ms(T("10:00")), end: ms(T("11:00")), revokedAt: ms(T("12:03")), why: "break-glass not reviewed", status: "ended", pullRequest: 11 });
    expect(report.findings.filter((f) => f.code === "break-glass-unreviewed").map((f) => f.lease)).toEqual(["leases/web/jill.yaml"]);
  });
  it("a record not signed with the key is not shown as access and is flagged", () => {
    expect(report.leases.some((l) => l.grantee === "lou")).toBe(false);
    expect(report.findings.filter((f) => f.code === "evidence-untrusted").map((f) => f.lease)).toEqual(["leases/web/lou.yaml"]);
  });
});
