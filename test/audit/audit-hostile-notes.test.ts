// The audit reads every note in refs/notes/jit (issue 10, finding 1): a hostile one — a fake MAC
// and a field nested 50,000 deep, oversized, not JSON, of the wrong shape — is a finding under
// the object it is on (note-unreadable), never a crash; the rest of the history is audited as
// before. A lease with an absurd duration is reported, not a crash either.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/commands/audit.js";
import { AUDIT_FORMATS, formatAudit } from "../../src/audit/format-audit.js";
import type { AuditReport } from "../../src/audit/audit-record.js";
import { formatNote, noteSigner, signNote } from "../../src/evidence/evidence.js";
import { writeNote } from "../../src/git/evidence-notes.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "k";
/** Notes are signed for their repository: this one. */
const SIGNER = noteSigner("acme", "access", KEY);
const POLICY = `version: 1
admins: [carol]
resources:
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    maxDuration: 8h
    approvers: [dana]
`;
const HOSTILE = `{"version":1,"leases":[],"breakGlass":[],"mac":"${"ab".repeat(32)}","x":${"[".repeat(50_000)}${"]".repeat(50_000)}}\n`;

let repo: TestRepo;
let report: AuditReport;
const sha: Record<string, string> = {};

beforeAll(async () => {
  repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", POLICY);
  sha.init = repo.commitAll("access repo", "2026-11-24T08:00:00Z");
  repo.write("leases/db/zed.yaml", lease({ grantee: "zed", resource: "db", role: "member", duration: "2h", reason: "Pull figures for the quarterly report" }));
  sha.zed = repo.commitAll("Add zed (#1)", "2026-11-24T09:00:00Z");
  const blob = repo.git("rev-parse", `${sha.zed}:leases/db/zed.yaml`).trim();
  await writeNote(repo.dir, sha.zed, formatNote(signNote({ version: 1, leases: [{ lease: "leases/db/zed.yaml", blob, verdict: "approved", pullRequest: { number: 1, author: "zed", headSha: "f".repeat(40) }, approvals: [{ reviewer: "dana", reviewId: 10, commit: "f".repeat(40), submittedAt: "2026-11-24T08:30:00Z" }], policyCommit: sha.init, findings: [], verifiedAt: "2026-11-24T09:00:00Z" }] }, sha.zed, SIGNER)));
  repo.write("leases/db/yan.yaml", lease({ grantee: "yan", resource: "db", role: "member", duration: "9007199254740000m", reason: "An absurd duration that slipped past review" }));
  sha.yan = repo.commitAll("Add yan (#2)", "2026-11-24T09:30:00Z");
  // Mallory's notes: the note on the first commit and on a lease blob, and others.
  await writeNote(repo.dir, sha.init, HOSTILE);
  await writeNote(repo.dir, blob, HOSTILE);
  await writeNote(repo.dir, sha.yan, "not JSON at all\n");
  sha.other = repo.commitAll("docs", "2026-11-24T10:00:00Z");
  await writeNote(repo.dir, sha.other, '{"version":1,"leases":"none"}\n');
  report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: Date.parse("2026-11-24T12:00:00Z"), evidenceKey: KEY, repository: "acme/access" });
});
afterAll(() => repo.cleanup());

describe("audit past hostile notes (issue 10, finding 1)", () => {
  it("reports each unreadable note under the object it is on, and nothing stops", () => {
    const blob = repo.git("rev-parse", `${sha.zed}:leases/db/zed.yaml`).trim();
    const unreadable = report.findings.filter((f) => f.code === "note-unreadable");
    expect(unreadable.map((f) => f.commit).sort()).toEqual([sha.init, blob, sha.yan, sha.other].sort());
    expect(unreadable.find((f) => f.commit === sha.init)!.message).toMatch(/cannot be read: it is nested deeper than 16 levels/);
    expect(unreadable.find((f) => f.commit === sha.yan)!.message).toMatch(/it is not JSON/);
    expect(unreadable.find((f) => f.commit === sha.other)!.message).toMatch(/not an evidence note \(no list of leases\)/);
  });

  it("still audits the rest: zed's lease on its signed evidence, yan's absurd lease as such", () => {
    const zed = report.leases.find((l) => l.path === "leases/db/zed.yaml")!;
    expect(zed.evidence).toBe("signed-note");
    expect(zed.approvers).toEqual(["dana"]);
    const yan = report.leases.find((l) => l.path === "leases/db/yan.yaml")!;
    expect(yan.status).toBe("active");
    expect(yan.events.find((e) => e.kind === "granted")!.detail).toMatch(/until \(after \+275760-09-13\)/);
    expect(report.findings.some((f) => f.code === "longer-than-policy" && f.lease === "leases/db/yan.yaml")).toBe(true);
    for (const format of AUDIT_FORMATS) expect(formatAudit(report, format)).toContain("leases/db/yan.yaml");
  });
});
