// Webhook events of the bundled Action beyond grants and revocations: `request` when a pull
// request adding a lease is opened or reopened (not on every push), `approval` when a review
// makes the approvals check pass (once), and `extension` when apply applies a merged
// extension. Delivered to a local HTTP receiver; a dead webhook is a warning, never a failure.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RUNTIMES, cleanupSteps, runAction } from "../helpers/action-step.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "evidence-key-for-tests";
const dirs: string[] = [];
const received: Array<Record<string, unknown>> = [];
const hook = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    received.push(JSON.parse(body) as Record<string, unknown>);
    res.writeHead(200).end();
  });
});
let webhook = "";
beforeAll(async () => {
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
  webhook = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise<void>((r) => hook.close(() => r()));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupSteps();
});
/** The events delivered since the last call. */
const delivered = () => received.splice(0);

describe.each(RUNTIMES)("the bundled Action's request, approval and extension events on %s", (_name, nodeBin) => {
  let repo: TestRepo;
  let emu: CheckedEmulator;
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  /** Every step runs at this instant (JIT_TEST_NOW); the repository's times are set around it. */
  const NOW = Date.parse("2026-11-24T10:00:00Z");
  const minutesAgo = (m: number) => iso(NOW - m * 60_000);

  /** The access repo every test starts from, made once: each test gets its own copy. */
  let start: TestRepo;
  beforeAll(() => {
    start = TestRepo.init({ time: "2026-01-20T09:00:00Z" });
    dirs.push(start.dir);
    start.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
    start.commitAll("start without leases", "2026-01-20T09:30:00Z");
    start.git("config", "receive.denyCurrentBranch", "updateInstead"); // the test's origin is a work tree
  });

  beforeEach(async () => {
    delivered();
    repo = start.copy();
    dirs.push(repo.dir);
    emu = await startCheckedEmulator({ now: () => new Date(NOW) });
    const s = emu.state;
    s.addOrg("acme");
    for (const u of ["zed", "dana", "erin"]) s.addOrgMember("acme", u);
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
  const ZED = "leases/prod-db-readers/zed.yaml";
  const zedLease = (duration: string) => lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration, reason: "Pull figures for the quarterly report" });

  /** A pull request by zed on its own branch; returns it and the payload of a pull_request_target event. */
  const openPullRequest = (branch: string, content: string, time = minutesAgo(5)) => {
    const headSha = repo.commitOn(branch, { [ZED]: content }, `request on ${branch}`, { time });
    const baseSha = repo.head("main");
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha, head: branch, headSha });
    const payload = (action: string, extra: Record<string, unknown> = {}) => ({
      action,
      number: pr.number,
      pull_request: { number: pr.number, user: { login: "zed" }, head: { sha: headSha, ref: branch }, base: { sha: baseSha, ref: "main" } },
      repository: { full_name: "acme/access", default_branch: "main" },
      ...extra,
    });
    return { pr, headSha, payload };
  };
  const validate = (event: unknown, eventName = "pull_request_target", url = webhook) => runAction(nodeBin, checkout(), emu.url, event, { command: "validate", token: "test-token", "webhook-url": url }, { eventName, now: NOW });
  const apply = () => runAction(nodeBin, checkout(), emu.url, { ref: "refs/heads/main", repository: { full_name: "acme/access", default_branch: "main" } }, { command: "apply", token: "test-token", "evidence-key": KEY, "webhook-url": webhook }, { eventName: "push", now: NOW });

  it("request on opened and reopened, not on synchronize; approval once, when a review makes the check pass", async () => {
    const { pr, headSha, payload } = openPullRequest("zed", zedLease("4h"));
    const opened = await validate(payload("opened"));
    expect(opened.status, opened.stdout + opened.stderr).toBe(0);
    expect(opened.outputs.approved).toBe("false");
    expect(delivered()).toEqual([
      expect.objectContaining({
        event: "jit-access.request",
        kind: "request",
        repository: "acme/access",
        lease: ZED,
        resource: "prod-db-readers",
        grantee: "zed",
        role: "member",
        requester: "zed",
        reason: "Pull figures for the quarterly report",
        valid: true,
        pullRequest: pr.number,
        text: `📝 @zed requests member on prod-db-readers for 4h in #${pr.number}: Pull figures for the quarterly report`,
      }),
    ]);

    expect((await validate(payload("synchronize"))).status).toBe(0);
    expect((await validate(payload("edited"))).status).toBe(0);
    expect(delivered()).toEqual([]); // no spam on later runs
    expect((await validate(payload("reopened"))).status).toBe(0);
    expect(delivered().map((e) => e.event)).toEqual(["jit-access.request"]);

    // A review that does not satisfy the rule (the author's own) announces nothing.
    emu.state.addReview("acme", "access", pr.number, { user: "zed", state: "APPROVED", commitId: headSha });
    const own = await validate(payload("submitted", { review: { state: "approved", user: { login: "zed" } } }), "pull_request_review");
    expect(own.outputs.approved).toBe("false");
    expect(delivered()).toEqual([]);

    // dana (of @acme/dba) approves: the check passes, and that is announced.
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: headSha });
    const approved = await validate(payload("submitted", { review: { state: "approved", user: { login: "dana" } } }), "pull_request_review");
    expect(approved.status, approved.stdout + approved.stderr).toBe(0);
    expect(approved.outputs.approved).toBe("true");
    expect(delivered()).toEqual([
      expect.objectContaining({
        event: "jit-access.approval",
        lease: ZED,
        resource: "prod-db-readers",
        grantee: "zed",
        role: "member",
        pullRequest: pr.number,
        approvedBy: ["dana"],
        text: `✅ #${pr.number} is approved: member on prod-db-readers for @zed, by @dana. It is granted when merged.`,
      }),
    ]);

    // A later review while it stays approved: not announced again.
    emu.state.addReview("acme", "access", pr.number, { user: "erin", state: "COMMENTED", commitId: headSha });
    const again = await validate(payload("submitted", { review: { state: "commented", user: { login: "erin" } } }), "pull_request_review");
    expect(again.outputs.approved).toBe("true");
    expect(delivered()).toEqual([]);
  });

  it("apply announces the grant, then a merged extension with its new and old expiry, each once", async () => {
    const first = openPullRequest("zed", zedLease("2h"), minutesAgo(70));
    emu.state.addReview("acme", "access", first.pr.number, { user: "dana", state: "APPROVED", commitId: first.headSha });
    const merge = repo.merge("zed", minutesAgo(60));
    emu.state.mergePullRequest("acme", "access", first.pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, first.pr.number);
    const granted = await apply();
    expect(granted.status, granted.stdout + granted.stderr).toBe(0);
    expect(delivered().map((e) => `${String(e.event)} ${String(e.grantee)}`)).toEqual(["jit-access.granted zed"]);

    const mergedAt = NOW - 10 * 60_000;
    const ext = openPullRequest("zed-more", zedLease("3h"), minutesAgo(20));
    emu.state.addReview("acme", "access", ext.pr.number, { user: "dana", state: "APPROVED", commitId: ext.headSha });
    const extMerge = repo.merge("zed-more", iso(mergedAt));
    emu.state.mergePullRequest("acme", "access", ext.pr.number, { mergeCommitSha: extMerge });
    emu.state.associateCommit("acme", "access", extMerge, ext.pr.number);
    const extended = await apply();
    expect(extended.status, extended.stdout + extended.stderr).toBe(0);
    expect(extended.outputs).toMatchObject({ ok: "true", granted: "0", revoked: "0" });
    const start = Date.parse(repo.git("log", "-1", "--format=%cI", merge).trim());
    const events = delivered();
    expect(events).toEqual([
      expect.objectContaining({
        event: "jit-access.extension",
        lease: ZED,
        resource: "prod-db-readers",
        grantee: "zed",
        role: "member",
        pullRequest: ext.pr.number,
        expires: iso(start + 3 * 3_600_000),
        previousExpires: iso(start + 2 * 3_600_000),
        approvedBy: ["dana"],
      }),
    ]);
    expect(events[0]!.text).toBe(`⏩ @zed's member on prod-db-readers was extended to ${iso(start + 3 * 3_600_000)} (was ${iso(start + 2 * 3_600_000)}), approved by @dana in #${ext.pr.number}`);
    expect([...emu.state.getTeam("acme", "prod-db-readers")!.members.keys()]).toEqual(["zed"]);

    // The next run trusts the evidence it pushed: nothing is announced again.
    expect((await apply()).status).toBe(0);
    expect(delivered()).toEqual([]);
  });

  it("an extension merged after the lease ended is not applied, and not announced as one", async () => {
    const first = openPullRequest("zed", zedLease("1h"), minutesAgo(130));
    emu.state.addReview("acme", "access", first.pr.number, { user: "dana", state: "APPROVED", commitId: first.headSha });
    const merge = repo.merge("zed", minutesAgo(120));
    emu.state.mergePullRequest("acme", "access", first.pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, first.pr.number);
    const late = openPullRequest("zed-late", zedLease("3h"), minutesAgo(20));
    emu.state.addReview("acme", "access", late.pr.number, { user: "dana", state: "APPROVED", commitId: late.headSha });
    const lateMerge = repo.merge("zed-late", minutesAgo(10)); // the lease ended 60 minutes ago
    emu.state.mergePullRequest("acme", "access", late.pr.number, { mergeCommitSha: lateMerge });
    emu.state.associateCommit("acme", "access", lateMerge, late.pr.number);
    await apply();
    expect(delivered().filter((e) => e.event === "jit-access.extension")).toEqual([]);
    expect([...emu.state.getTeam("acme", "prod-db-readers")!.members.keys()]).toEqual([]);
  });

  it("a dead webhook is a warning: validation still passes and reports", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const { payload } = openPullRequest("zed", zedLease("4h"));
    const step = await validate(payload("opened"), "pull_request_target", `http://127.0.0.1:${port}/hook`);
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs.ok).toBe("true");
    expect(step.stdout).toMatch(/::warning::Webhook delivery failed \(request: .*\); nothing else was affected\./);
  });
});
