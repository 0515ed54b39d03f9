// Runs the bundled Action (dist/index.js) exactly as GitHub does: a child process with
// INPUT_* variables, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the
// workspace being a checkout of the default branch — against a real git repository and the
// GitHub API emulator (every response checked against GitHub's OpenAPI description).
// Runs on this machine's Node and, when .ci/run installed it, on GitHub's node24 runtime.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALL_RUNTIMES, RUNTIMES, cleanupSteps, runAction } from "../helpers/action-step.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";


const MARKER = "<!-- jit-access:validate -->";
/** Every step runs at this instant (JIT_TEST_NOW), half an hour after the request was pushed. */
const STEP = { now: "2026-11-24T10:00:00Z" };
const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupSteps();
});

// The bundle's start, a passing request and its refusals run on every runtime; the failing
// request's annotations and hostile text, behaviour rather than start-up, on GitHub's (RUNTIMES).
describe.each(ALL_RUNTIMES)("the bundled Action on %s", (_name, nodeBin) => {
  const behaviour = RUNTIMES.some(([, bin]) => bin === nodeBin);
  let repo: TestRepo;
  let ws: string;
  let emu: CheckedEmulator;

  beforeEach(async () => {
    repo = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
    dirs.push(repo.dir);
    emu = await startCheckedEmulator({ now: () => new Date(STEP.now) });
    const s = emu.state;
    s.addOrg("acme");
    for (const u of ["zed", "mallory", "carol", "dave"]) {
      s.addUser(u);
      s.addOrgMember("acme", u);
    }
    s.addTeam("acme", "engineering");
    s.addTeamMember("acme", "engineering", "zed");
    s.addTeam("acme", "sre-leads");
    s.addTeamMember("acme", "sre-leads", "rita");
    s.addTeam("acme", "security");
    s.addTeamMember("acme", "security", "sam");
    s.addTeam("acme", "security-admins");
    s.addTeam("acme", "dba");
    s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
    // The workspace is what actions/checkout gives: the default branch, full history.
    ws = mkdtempSync(join(tmpdir(), "jit-ws-"));
    dirs.push(ws);
    spawnSync("git", ["clone", "-q", "--branch", "main", repo.dir, ws]);
  });
  afterEach(async () => {
    await emu.close();
  });

  function openPullRequest(branch: string, author: string, change: (r: TestRepo) => void) {
    repo.branch(branch);
    change(repo);
    const headSha = repo.commitAll(`request on ${branch}`, "2026-11-24T09:30:00Z");
    repo.checkout("main");
    const baseSha = repo.head("main");
    const pr = emu.state.addPullRequest("acme", "access", { author, base: "main", baseSha, head: branch, headSha, title: `Request ${branch}` });
    const event = {
      action: "opened",
      number: pr.number,
      pull_request: { number: pr.number, user: { login: author }, head: { sha: headSha, ref: branch }, base: { sha: baseSha, ref: "main" } },
      repository: { full_name: "acme/access", default_branch: "main" },
    };
    return { pr, headSha, event };
  }

  it("passes a valid request: check run success, one sticky comment, summary, outputs", async () => {
    const { pr, headSha, event } = openPullRequest("zed-web", "zed", (r) =>
      r.write("leases/platform-admins/zed-inc-77.yaml", lease({ grantee: "zed", resource: "platform-admins", role: "member", duration: "2h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77" })),
    );
    const step = await runAction(nodeBin, ws, emu.url, event, { command: "validate", token: "test-token" }, STEP);
    expect(step.stderr).not.toMatch(/\n\s+at /); // no stack traces
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs.ok).toBe("true");
    expect(step.outputs.errors).toBe("0");
    expect(JSON.parse(step.outputs.report!)).toMatchObject({ ok: true, files: [{ file: "leases/platform-admins/zed-inc-77.yaml", ok: true, errors: [] }] });
    expect(step.summary).toContain("jit-access validate");
    expect(step.summary).toContain("leases/platform-admins/zed-inc-77.yaml");

    const runs = emu.state.listCheckRuns("acme", "access", headSha).filter((r) => r.name === "jit-access / validate");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ name: "jit-access / validate", conclusion: "success" });
    const comments = emu.state.listComments("acme", "access", pr.number).filter((c) => c.body.includes(MARKER));
    expect(comments).toHaveLength(1);
    // The comment shows what the lease asks for, as parsed: reviewers approve what will be applied.
    expect(comments[0]!.body).toContain("**New lease** ` leases/platform-admins/zed-inc-77.yaml `");
    expect(comments[0]!.body).toContain("| Grantee | ` zed ` |");
    expect(comments[0]!.body).toContain("| Role | ` member ` |");
    expect(comments[0]!.body).toContain("| Ticket | ` INC-77 ` |");
    expect(comments[0]!.body).toContain("| Requester | ` zed ` |");
    expect(comments[0]!.body).toContain("```text\nRoll back the failed deploy of INC-77\n```");

    // Approval progress is its own check, so branch protection can require N-of-M approvals.
    const approvals = () => emu.state.listCheckRuns("acme", "access", headSha).filter((r) => r.name === "jit-access / approvals");
    expect(approvals()).toHaveLength(1);
    expect(approvals()[0]).toMatchObject({ conclusion: "action_required" });
    expect(step.outputs.approved).toBe("false");
    // One approval is not enough where two groups are required; both make it pass.
    emu.state.addReview("acme", "access", pr.number, { user: "sam", state: "APPROVED", commitId: headSha });
    const half = await runAction(nodeBin, ws, emu.url, { ...event, action: "submitted" }, { command: "validate", token: "test-token" }, STEP);
    expect(half.outputs.approved).toBe("false");
    expect(approvals().at(-1)).toMatchObject({ conclusion: "action_required" });
    emu.state.addReview("acme", "access", pr.number, { user: "rita", state: "APPROVED", commitId: headSha });
    const full = await runAction(nodeBin, ws, emu.url, { ...event, action: "submitted" }, { command: "validate", token: "test-token" }, STEP);
    expect(full.outputs.approved).toBe("true");
    expect(approvals().at(-1)).toMatchObject({ conclusion: "success" });
  });

  if (behaviour) {
    it("fails an invalid request with annotations at file:line, the full list in the summary, and updates its comment in place", async () => {
      const { pr, headSha, event } = openPullRequest("mallory-admin", "mallory", (r) => {
        r.write("leases/platform-admins/mallory.yaml", lease({ grantee: "zed", resource: "platform-admins", role: "owner", duration: "3d", reason: "x", color: "red" }));
        r.symlink("leases/platform-admins/link.yaml", "mallory.yaml");
        r.write("policy.yaml", readFileSync(join(r.dir, "policy.yaml"), "utf8").replace("maxDuration: 4h", "maxDuration: 30d"));
      });
      const step = await runAction(nodeBin, ws, emu.url, event, { command: "validate", token: "test-token" }, STEP);
      expect(step.status).toBe(1);
      expect(step.outputs.ok).toBe("false");
      expect(Number(step.outputs.errors)).toBeGreaterThanOrEqual(3);
      // Workflow commands: ::error file=...,line=...
      expect(step.stdout).toMatch(/::error title=lease-unknown-field,file=leases\/platform-admins\/mallory\.yaml,line=\d+/);
      expect(step.stdout).toMatch(/::error title=lease-symlink,file=leases\/platform-admins\/link\.yaml,line=1/);
      expect(step.stdout).toMatch(/::error title=change-mixed,file=policy\.yaml/);
      expect(step.stdout).not.toMatch(/\n\s+at /);
      expect(step.summary).toContain("lease-unknown-field");
      const runs = emu.state.listCheckRuns("acme", "access", headSha).filter((r) => r.name === "jit-access / validate");
      expect(runs).toHaveLength(1);
      expect(runs[0]!.conclusion).toBe("failure");
      expect(runs[0]!.annotations.length).toBeGreaterThanOrEqual(3);

      // A second run (e.g. synchronize) updates the same comment instead of adding one.
      const again = await runAction(nodeBin, ws, emu.url, event, { command: "validate", token: "test-token" }, STEP);
      expect(again.status).toBe(1);
      const comments = emu.state.listComments("acme", "access", pr.number).filter((c) => c.body.includes(MARKER));
      expect(comments).toHaveLength(1);
    });

    it("a reason that tries to mention teams, add HTML or forge a comment marker is shown in the comment as data", async () => {
      const reason = "Roll back INC-77 @acme/security-admins <img src=x onerror=alert(1)>\n<!-- jit-access:break-glass-granted #1 -->\n| Grantee | mallory |";
      const { pr, event } = openPullRequest("zed-hostile", "zed", (r) =>
        r.write("leases/platform-admins/zed-inc-77.yaml", lease({ grantee: "zed", resource: "platform-admins", role: "member", duration: "2h", reason, ticket: "INC-77" })),
      );
      const step = await runAction(nodeBin, ws, emu.url, event, { command: "validate", token: "test-token" });
      expect(step.status, step.stdout + step.stderr).toBe(0);
      const [comment, ...more] = emu.state.listComments("acme", "access", pr.number);
      expect(more).toEqual([]);
      expect(comment!.body.startsWith(MARKER)).toBe(true);
      // The reason is one code block, whole; outside it nothing of it appears.
      expect(comment!.body).toContain("```text\n" + reason + "\n```");
      const outside = comment!.body.replace(/```text\n[\s\S]*?\n```/, "");
      for (const bit of ["@acme/security-admins", "<img", "jit-access:break-glass-granted", "mallory"]) expect(outside).not.toContain(bit);
    });
  }

  it("refuses to run without a token, with a message and no stack trace", async () => {
    const step = await runAction(nodeBin, ws, emu.url, { pull_request: { number: 1 } }, { command: "validate", token: "" }, STEP);
    expect(step.status).toBe(1);
    expect(step.stdout).toMatch(/::error::.*token/i);
    expect(step.stdout + step.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses commands that do not exist", async () => {
    const step = await runAction(nodeBin, ws, emu.url, { pull_request: { number: 1 } }, { command: "grant-everything", token: "test-token" }, STEP);
    expect(step.status).toBe(1);
    expect(step.stdout).toMatch(/::error::Unknown command 'grant-everything'/);
  });
});
