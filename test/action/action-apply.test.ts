// The bundled Action's `apply` command, run as GitHub runs it on a push to main: grants an
// approved lease, comments on its pull request, pushes signed evidence notes, sets outputs;
// and fails loudly, granting nothing, for a lease that reached main without a pull request.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isTrusted, noteSigner, parseNote } from "../../src/evidence/evidence.js";
import { readNotes } from "../../src/git/evidence-notes.js";
import { RUNTIMES, cleanupSteps, runAction } from "../helpers/action-step.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "evidence-key-for-tests";
/** Every step runs at this instant (JIT_TEST_NOW); the repository's times are set around it. */
const NOW = Date.parse("2026-11-24T10:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const hoursAgo = (h: number) => iso(NOW - h * 3_600_000);
const minutesAgo = (m: number) => iso(NOW - m * 60_000);
const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupSteps();
});

describe.each(RUNTIMES)("the bundled Action's apply on %s", (_name, nodeBin) => {
  let repo: TestRepo;
  let emu: CheckedEmulator;

  /** The access repo every test starts from, made once: each test gets its own copy. */
  let start: TestRepo;
  beforeAll(() => {
    start = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
    dirs.push(start.dir);
    start.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
    start.commitAll("start without leases", "2026-11-20T09:30:00Z");
  });

  beforeEach(async () => {
    repo = start.copy();
    dirs.push(repo.dir);
    emu = await startCheckedEmulator({ now: () => new Date(NOW) });
    const s = emu.state;
    s.addOrg("acme");
    for (const u of ["zed", "dana"]) s.addOrgMember("acme", u);
    for (const t of ["security", "sre-leads", "security-admins", "engineering", "platform-admins", "prod-db-readers"]) s.addTeam("acme", t);
    s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
    s.addTeam("acme", "dba");
    s.addTeamMember("acme", "dba", "dana");
    s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
    s.addRepo("acme", "web");
    s.addOrgRole("acme", "billing_manager");
  });
  afterEach(async () => {
    await emu.close();
  });

  const checkout = () => {
    const ws = mkdtempSync(join(tmpdir(), "jit-ws-"));
    dirs.push(ws);
    spawnSync("git", ["clone", "-q", "--branch", "main", repo.dir, ws]);
    return ws;
  };
  const pushEvent = { ref: "refs/heads/main", repository: { full_name: "acme/access", default_branch: "main" } };
  const dbLease = lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" });

  it("grants an approved lease, comments on its pull request and pushes signed evidence", async () => {
    const head = repo.commitOn("zed", { "leases/prod-db-readers/zed.yaml": dbLease }, "request", { time: "2026-11-24T08:30:00Z" });
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    // Merged a minute ago: the lease window (8h from the merge) is open while the step runs.
    const merge = repo.merge("zed", minutesAgo(1));
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, pr.number);

    const step = await runAction(nodeBin, checkout(), emu.url, pushEvent, { command: "apply", token: "test-token", "evidence-key": KEY }, { eventName: "push", now: NOW });
    expect(step.stdout + step.stderr).not.toMatch(/\n\s+at /);
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs).toMatchObject({ ok: "true", granted: "1", revoked: "0", failed: "0", findings: "0" });
    expect(step.summary).toContain("jit-access apply");
    const members = emu.state.getTeam("acme", "prod-db-readers")!.members;
    expect([...members.keys()]).toEqual(["zed"]);
    const comments = emu.state.listComments("acme", "access", pr.number);
    expect(comments.map((c) => c.body).join("\n")).toMatch(/Granted at .*prod-db-readers → @zed \(granted\).*\n.*Approved by @dana/s);
    // Evidence notes were pushed to the repository (origin) and are signed.
    const notes = await readNotes(repo.dir);
    const note = parseNote(notes.get(merge)!)!;
    expect(isTrusted(note, merge, noteSigner("acme", "access", KEY))).toBe(true);
    expect(note.leases[0]).toMatchObject({ lease: "leases/prod-db-readers/zed.yaml", verdict: "approved" });
    expect(note.grants?.[0]).toMatchObject({ resource: "prod-db-readers", grantee: "zed", status: "granted" });
  });

  it("comments on a merged pull request whose approvals do not hold, and grants nothing", async () => {
    const head = repo.commitOn("zed", { "leases/prod-db-readers/zed.yaml": dbLease }, "request", { time: "2026-11-24T08:30:00Z" });
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "zed", state: "APPROVED", commitId: head }); // self-approval
    const merge = repo.merge("zed", minutesAgo(1));
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, pr.number);
    const step = await runAction(nodeBin, checkout(), emu.url, pushEvent, { command: "apply", token: "test-token", "evidence-key": KEY }, { eventName: "push", now: NOW });
    expect(step.status).toBe(1);
    expect(step.outputs).toMatchObject({ ok: "false", granted: "0", findings: "1" });
    const body = emu.state.listComments("acme", "access", pr.number).map((c) => c.body).join("\n");
    expect(body).toMatch(/Not granted: this lease reached main but failed verification/);
    expect(body).toMatch(/approvals-missing: 1 more approval from @acme\/dba/);
    expect(body).toMatch(/zed is the pull request's author/);
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.size).toBe(0);
  });

  it("expire: revokes a lease whose time is up, removes its file in a revocation commit and pushes it", async () => {
    const head = repo.commitOn("zed", { "leases/prod-db-readers/zed.yaml": lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "2h", reason: "Pull figures for the quarterly report" }) }, "request", { time: hoursAgo(11) });
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    const merge = repo.merge("zed", hoursAgo(10));
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, pr.number);
    emu.state.addTeamMember("acme", "prod-db-readers", "zed"); // granted by an earlier run
    repo.git("config", "receive.denyCurrentBranch", "updateInstead"); // the test's origin is a work tree

    const hook: unknown[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        hook.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const webhook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const step = await runAction(nodeBin, checkout(), emu.url, { schedule: "*/5 * * * *", repository: { default_branch: "main" } }, { command: "expire", token: "test-token", "evidence-key": KEY, "webhook-url": webhook }, { eventName: "schedule", now: NOW });
    await new Promise<void>((r) => server.close(() => r()));
    expect(hook).toEqual([expect.objectContaining({ event: "jit-access.revoked", grantee: "zed", resource: "prod-db-readers", repository: "acme/access" })]);
    expect(step.stdout + step.stderr).not.toMatch(/\n\s+at /);
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs).toMatchObject({ ok: "true", expired: "1", kept: "0", revoked: "1" });
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.size).toBe(0);
    // The revocation commit reached origin's main, with its trailers.
    expect(repo.git("log", "-1", "--format=%s", "main").trim()).toBe("jit-access: expire 1 lease");
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Lease,valueonly)", "main").trim()).toBe("leases/prod-db-readers/zed.yaml");
    expect(repo.git("ls-tree", "-r", "--name-only", "main", "leases/prod-db-readers")).not.toContain("zed.yaml");
    expect(step.summary).toContain("### Expired");
  });

  it("reminds the grantee once on the lease's pull request shortly before expiry", async () => {
    const head = repo.commitOn("zed", { "leases/prod-db-readers/zed.yaml": lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "2h", reason: "Pull figures for the quarterly report" }) }, "request", { time: minutesAgo(120) });
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    const merge = repo.merge("zed", minutesAgo(110)); // ends in about 10 minutes; the policy reminds 30 minutes before
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, pr.number);
    repo.git("config", "receive.denyCurrentBranch", "updateInstead");
    const inputs = { command: "expire", token: "test-token", "evidence-key": KEY };
    const first = await runAction(nodeBin, checkout(), emu.url, { repository: { default_branch: "main" } }, inputs, { eventName: "schedule", now: NOW });
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.outputs.reminded).toBe("1");
    const second = await runAction(nodeBin, checkout(), emu.url, { repository: { default_branch: "main" } }, inputs, { eventName: "schedule", now: NOW });
    expect(second.outputs.reminded).toBe("0");
    const reminders = emu.state.listComments("acme", "access", pr.number).filter((c) => c.body.includes("jit-access:reminder"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.body).toMatch(/@zed: your member access on \*\*prod-db-readers\*\* ends at .* \(in \d+m\)/);
  });

  it("revoke now: the grantee ends their own lease through workflow_dispatch; anyone else is refused", async () => {
    const head = repo.commitOn("zed", { "leases/prod-db-readers/zed.yaml": dbLease }, "request", { time: hoursAgo(2) });
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    const merge = repo.merge("zed", hoursAgo(1));
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, pr.number);
    emu.state.addTeamMember("acme", "prod-db-readers", "zed");
    repo.git("config", "receive.denyCurrentBranch", "updateInstead");
    const inputs = { command: "revoke", lease: "leases/prod-db-readers/zed.yaml", reason: "finished", token: "test-token", "evidence-key": KEY };
    const refused = await runAction(nodeBin, checkout(), emu.url, { inputs }, inputs, { eventName: "workflow_dispatch", now: NOW, extraEnv: { GITHUB_ACTOR: "mallory" } });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/::error title=revoke-not-allowed::mallory may not revoke/);
    expect(refused.outputs).toMatchObject({ ok: "false", revoked: "0" });
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.size).toBe(1);

    const step = await runAction(nodeBin, checkout(), emu.url, { inputs }, inputs, { eventName: "workflow_dispatch", now: NOW, extraEnv: { GITHUB_ACTOR: "zed" } });
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs).toMatchObject({ ok: "true", expired: "1", revoked: "1" });
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.size).toBe(0);
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)", "main").trim()).toBe("early revoke by @zed: finished");
  });

  /** zed's prod-db-readers lease, approved, merged an hour ago and granted; the revoke-now inputs that end it. */
  const grantedLease = () => {
    const head = repo.commitOn("zed", { "leases/prod-db-readers/zed.yaml": dbLease }, "request", { time: hoursAgo(2) });
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    const merge = repo.merge("zed", hoursAgo(1));
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, pr.number);
    emu.state.addTeamMember("acme", "prod-db-readers", "zed");
    emu.state.addTeamMember("acme", "security-admins", "sam"); // the policy's admins
    repo.git("config", "receive.denyCurrentBranch", "updateInstead");
    return merge;
  };

  it("re-run of an admin's revoke-now by a non-admin revokes nothing and reports the refusal", async () => {
    const merge = grantedLease();
    const inputs = { command: "revoke", lease: "@zed", reason: "incident", token: "test-token", "evidence-key": KEY };
    // sam (an admin) dispatched the run; mallory re-runs it: GitHub keeps GITHUB_ACTOR=sam and the inputs.
    const rerun = await runAction(nodeBin, checkout(), emu.url, { inputs }, inputs, { eventName: "workflow_dispatch", now: NOW, extraEnv: { GITHUB_ACTOR: "sam", GITHUB_TRIGGERING_ACTOR: "mallory" } });
    expect(rerun.stdout + rerun.stderr).not.toMatch(/\n\s+at /);
    expect(rerun.status).toBe(1);
    expect(rerun.outputs).toMatchObject({ ok: "false", revoked: "0" });
    expect(rerun.stdout).toMatch(/::error title=revoke-rerun-not-allowed::mallory re-ran a revoke started by sam; .*mallory may not revoke leases\/prod-db-readers\/zed\.yaml/);
    expect(rerun.summary).toContain("Nothing was revoked: `revoke-rerun-not-allowed`");
    expect(rerun.summary).toContain("Asked by @mallory (re-running @sam's run).");
    expect([...emu.state.getTeam("acme", "prod-db-readers")!.members.keys()]).toEqual(["zed"]);
    expect(repo.head("main")).toBe(merge); // no revocation commit

    // The same re-run by an admin goes ahead, recorded as theirs and as a re-run of zed's run.
    const own = { ...inputs, lease: "leases/prod-db-readers/zed.yaml" };
    const step = await runAction(nodeBin, checkout(), emu.url, { inputs: own }, own, { eventName: "workflow_dispatch", now: NOW, extraEnv: { GITHUB_ACTOR: "zed", GITHUB_TRIGGERING_ACTOR: "sam" } });
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs).toMatchObject({ ok: "true", revoked: "1" });
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.size).toBe(0);
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)", "main").trim()).toBe("early revoke by @sam (re-run of @zed's run): incident");
  });

  it("fails loudly and grants nothing for a lease pushed to main without a pull request", async () => {
    repo.write("leases/prod-db-readers/zed.yaml", dbLease);
    repo.commitAll("sneak a lease onto main", minutesAgo(1));
    const step = await runAction(nodeBin, checkout(), emu.url, pushEvent, { command: "apply", token: "test-token", "evidence-key": KEY }, { eventName: "push", now: NOW });
    expect(step.status).toBe(1);
    expect(step.outputs).toMatchObject({ ok: "false", granted: "0", findings: "1" });
    expect(step.stdout).toMatch(/::error title=jit-access security finding::leases\/prod-db-readers\/zed\.yaml was not granted: no-pull-request/);
    expect(step.summary).toContain("Security findings");
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.size).toBe(0);
  });
});
