// The audit with a token: changes without signed evidence are verified through the API
// (approvals come from the reviews), and live members are compared with the leases and the
// declared standing members. Also the bundled Action's `audit` command, run as GitHub does.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/commands/apply.js";
import { runAudit } from "../../src/commands/audit.js";
import { isTrusted, noteSigner, parseNote } from "../../src/evidence/evidence.js";
import { readNotes, writeNote } from "../../src/git/evidence-notes.js";
import { formatTimestamp } from "../../src/lease/timestamp.js";
import { createClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { RUNTIMES, cleanupSteps, runAction } from "../helpers/action-step.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupSteps();
});

let repo: TestRepo;
let emu: CheckedEmulator;
let merge: string;
// A fixed now, in process and for the bundled Action (JIT_TEST_NOW); the history is set just before it.
const NOW = Date.parse("2026-11-24T10:00:00Z");
const ago = (hours: number) => new Date(NOW - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");

beforeEach(async () => {
  repo = TestRepo.init({ fromExample: true, time: ago(72) });
  dirs.push(repo.dir);
  // An access repo that never had leases outside pull requests: drop the example's from the first commit.
  repo.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  repo.git("add", "-A");
  repo.git("commit", "-q", "--amend", "--no-edit");
  emu = await startCheckedEmulator({ now: () => new Date(NOW) });
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "dana"]) s.addOrgMember("acme", u);
  for (const t of ["security", "sre-leads", "security-admins", "engineering", "platform-admins", "prod-db-readers", "dba", "web-deployers"]) s.addTeam("acme", t);
  s.addTeamMember("acme", "dba", "dana");
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer"); // declared standing
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");

  repo.branch("zed");
  repo.write("leases/prod-db-readers/zed.yaml", lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" }));
  const head = repo.commitAll("request", ago(2));
  repo.checkout("main");
  const pr = s.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
  s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  merge = repo.merge("zed", ago(1));
  s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
  s.associateCommit("acme", "access", merge, pr.number);
  s.addTeamMember("acme", "prod-db-readers", "zed");
});
afterEach(async () => {
  await emu.close();
});

describe("jit audit with a token", () => {
  it("takes approvals from the API and reports members no lease or standing entry explains", async () => {
    emu.state.addOrgMember("acme", "eve");
    emu.state.addTeamMember("acme", "prod-db-readers", "eve"); // added by hand
    const gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 1 });
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, online: { gh, owner: "acme", repo: "access", defaultBranch: "main", providerFor: createProviderRegistry(gh) } });
    expect(report.leases).toHaveLength(1);
    expect(report.leases[0]).toMatchObject({ grantee: "zed", pullRequest: 1, requestedBy: "zed", approvers: ["dana"], evidence: "api", status: "active", addedIn: merge });
    expect(report.findings).toEqual([{ code: "standing-undeclared", resource: "prod-db-readers", message: "eve holds member on prod-db-readers with no lease and is not declared in its 'standing' list." }]);
  });
});

describe("standing-undeclared judged as apply judges drift", () => {
  it("a lease backs its own role only; an additive resource's hand-managed members are not findings", async () => {
    emu.state.addTeamMember("acme", "prod-db-readers", "zed", "maintainer"); // zed's lease is for member
    emu.state.addOrgMember("acme", "eve");
    emu.state.addTeamMember("acme", "web-deployers", "eve"); // by hand, on a resource made additive below
    // The admins make web-deployers additive (a pull request an admin approved).
    emu.state.addOrgMember("acme", "sam");
    emu.state.addTeamMember("acme", "security-admins", "sam");
    repo.branch("additive").write("policy.yaml", readFileSync(join(repo.dir, "policy.yaml"), "utf8").replace("  web-deployers:\n", "  web-deployers:\n    mode: additive\n"));
    const head = repo.commitAll("web-deployers: additive", ago(0.6));
    repo.checkout("main");
    const pr = emu.state.addPullRequest("acme", "access", { author: "dana", base: "main", baseSha: repo.head("main"), head: "additive", headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "sam", state: "APPROVED", commitId: head });
    const change = repo.merge("additive", ago(0.5));
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: change });
    emu.state.associateCommit("acme", "access", change, pr.number);
    const gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 1 });
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, online: { gh, owner: "acme", repo: "access", defaultBranch: "main", providerFor: createProviderRegistry(gh) } });
    expect(report.findings.filter((f) => f.code === "standing-undeclared").map((f) => f.message)).toEqual(["zed holds maintainer on prod-db-readers with no lease and is not declared in its 'standing' list."]);
    expect(report.findings.filter((f) => f.code.startsWith("policy-"))).toEqual([]);
  });
});

describe("drift revoked by apply", () => {
  it("is on record in the applied commit's signed note, so the audit reports it later, offline, after the access is gone", async () => {
    emu.state.addOrgMember("acme", "eve");
    emu.state.addTeamMember("acme", "prod-db-readers", "eve"); // added by hand, outside jit-access
    const gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 1 });
    const registry = createProviderRegistry(gh);
    const applied = await runApply({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: NOW - 30 * 60_000, ref: "HEAD", evidenceKey: "k", providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
    expect(applied.drift).toEqual([{ resource: "prod-db-readers", grantee: "eve", role: "member", revokedAt: new Date(NOW - 30 * 60_000).toISOString() }]);
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.has("eve")).toBe(false);
    // The same note also carries the evidence of zed's lease, verified in that run.
    const note = parseNote((await readNotes(repo.dir)).get(merge)!)!;
    expect(note.leases.map((l) => l.lease)).toEqual(["leases/prod-db-readers/zed.yaml"]);
    expect(isTrusted(note, merge, noteSigner("acme", "access", "k"))).toBe(true);

    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, evidenceKey: "k", repository: "acme/access" });
    expect(report.findings).toEqual([
      { code: "standing-undeclared", resource: "prod-db-readers", commit: merge, message: `eve held member on prod-db-readers with no lease and not declared in its 'standing' list; jit-access revoked it at ${formatTimestamp(NOW - 30 * 60_000)} (recorded on ${merge.slice(0, 7)}).` },
    ]);
    expect(report.leases[0]).toMatchObject({ grantee: "zed", evidence: "signed-note" });

    // A record written by someone else (no valid MAC) is shown, marked as such.
    await writeNote(repo.dir, merge, JSON.stringify({ ...note, drift: [...note.drift!, { resource: "prod-db-readers", grantee: "dana", role: "member", revokedAt: new Date(NOW - 60_000).toISOString() }] }));
    const forged = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, evidenceKey: "k", repository: "acme/access" });
    expect(forged.findings.filter((f) => f.code === "standing-undeclared").map((f) => f.message)).toEqual([
      expect.stringMatching(/^eve held member .* — the record is not signed with the evidence key\.$/),
      expect.stringMatching(/^dana held member .* — the record is not signed with the evidence key\.$/),
    ]);
  });
});

describe("drift a lease holder could have added by hand", () => {
  it("the audit names the holder from the drift record; malformed holders in a note are ignored, never a crash", async () => {
    const note = parseNote((await readNotes(repo.dir)).get(merge)!) ?? { version: 1 as const, leases: [] };
    const at = new Date(NOW - 60_000).toISOString();
    const zed = { lease: "leases/platform-admins/zed.yaml", resource: "platform-admins", grantee: "zed", role: "maintainer", from: "2026-11-24T09:00:00.000Z", until: "2026-11-24T11:00:00.000Z", stillHeld: true };
    const drift = [
      { resource: "platform-admins", grantee: "mallory", role: "member", revokedAt: at, couldBeAddedBy: [zed, null, { lease: 5 }, { ...zed, stillHeld: "yes" }] },
      { resource: "platform-admins", grantee: "dave", role: "member", revokedAt: at, couldBeAddedBy: "zed" },
    ];
    await writeNote(repo.dir, merge, JSON.stringify({ ...note, drift }));
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW });
    expect(report.findings.filter((f) => f.code === "standing-undeclared").map((f) => f.message)).toEqual([
      `mallory held member on platform-admins with no lease and not declared in its 'standing' list; jit-access revoked it at ${formatTimestamp(NOW - 60_000)} (recorded on ${merge.slice(0, 7)}); it could have been added by @zed (maintainer on platform-admins through leases/platform-admins/zed.yaml, 2026-11-24T09:00:00Z – 2026-11-24T11:00:00Z, still held).`,
      `dave held member on platform-admins with no lease and not declared in its 'standing' list; jit-access revoked it at ${formatTimestamp(NOW - 60_000)} (recorded on ${merge.slice(0, 7)}).`,
    ]);
  });
});

describe.each(RUNTIMES)("the bundled Action's audit on %s", (_name, nodeBin) => {
  it("writes the job summary with the timeline, the CSV, and fails on findings", async () => {
    const ws = mkdtempSync(join(tmpdir(), "jit-ws-"));
    dirs.push(ws);
    spawnSync("git", ["clone", "-q", "--branch", "main", repo.dir, ws]);
    const event = { repository: { full_name: "acme/access", default_branch: "main" } };
    const ok = await runAction(nodeBin, ws, emu.url, event, { command: "audit", token: "test-token", csv: "audit.csv", since: "30d" }, { eventName: "schedule", now: NOW });
    expect(ok.stdout + ok.stderr).not.toMatch(/\n\s+at /);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.outputs).toMatchObject({ ok: "true", findings: "0", leases: "1" });
    expect(ok.summary).toContain("```mermaid\ngantt");
    expect(ok.summary).toContain("| prod-db-readers | zed | member |");
    expect(readFileSync(join(ws, "audit.csv"), "utf8").split("\r\n")[1]).toMatch(/^leases\/prod-db-readers\/zed\.yaml,prod-db-readers,zed,member,/);

    emu.state.addOrgMember("acme", "eve");
    emu.state.addTeamMember("acme", "prod-db-readers", "eve");
    const bad = await runAction(nodeBin, ws, emu.url, event, { command: "audit", token: "test-token", issue: "findings" }, { eventName: "schedule", now: NOW });
    expect(bad.status).toBe(1);
    expect(bad.outputs).toMatchObject({ ok: "false", findings: "1" });
    // The report went to an issue as well.
    const issues = emu.state.listIssues("acme", "access").filter((i) => !i.pull);
    expect(issues).toHaveLength(1);
    expect(bad.outputs.issue).toBe(String(issues[0]!.number));
    expect(issues[0]!.title).toBe("jit-access audit 2026-11-24: 1 finding(s), 1 lease(s)");
    expect(issues[0]!.body).toContain("**standing-undeclared**: eve holds member on prod-db-readers");
    expect(bad.stdout).toContain("::error title=jit-access audit%3A standing-undeclared::eve holds member on prod-db-readers");
  });
});
