// The Action's `timer` command in process, with an injected clock and sleep: the wait phase
// sleeps until the expiry in polls (stopping when the lease is gone), hands over to the next
// timer when the expiry is beyond one job, and the whole timer revokes at the expiry itself.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ActionContext } from "../../src/action/context.js";
import { runTimerAction } from "../../src/action/run-timer.js";
import type { TimerDeps } from "../../src/action/run-timer.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { parseOutputs } from "../helpers/action-step.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { EXAMPLE_REPO, TestRepo, lease } from "../helpers/git-repo.js";

const MIN = 60_000;
const POLICY = `version: 1
admins: [carol]
resources:
  fast:
    provider: { type: github-team, org: acme, team: fast }
    roles: [member]
    maxDuration: 12h
    approvers: [dana]
    revocation: timer
`;
const LEASE = "leases/fast/zed.yaml";
const MERGED = Date.parse("2026-11-24T09:00:00Z");

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
let tmp: string;
const saved = { ...process.env };

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "jit-timer-action-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeEach(async () => {
  repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", POLICY);
  repo.write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(POLICY)).policy!, "policy.yaml"));
  repo.write(".github/workflows/timer.yml", readFileSync(join(EXAMPLE_REPO, ".github/workflows/timer.yml")));
  repo.commitAll("access repo", "2026-11-20T09:00:00Z");
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  s.addTeam("acme", "fast");
  s.addOrgMember("acme", "dana");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  repo.branch("zed");
  repo.write(LEASE, lease({ grantee: "zed", resource: "fast", role: "member", duration: "30m", reason: "Timer-precise access for a test" }));
  const head = repo.commitAll("request", "2026-11-24T08:50:00Z");
  repo.checkout("main");
  const pr = s.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
  s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  const merge = repo.merge("zed", "2026-11-24T09:00:00Z");
  s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
  s.associateCommit("acme", "access", merge, pr.number);
  s.addTeamMember("acme", "fast", "zed"); // granted by apply
  repo.git("config", "receive.denyCurrentBranch", "updateInstead"); // origin is a work tree
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
  for (const f of ["output", "summary"]) writeFileSync(join(tmp, f), "");
  process.env.GITHUB_OUTPUT = join(tmp, "output");
  process.env.GITHUB_STEP_SUMMARY = join(tmp, "summary");
});
afterEach(async () => {
  process.env = { ...saved };
  process.exitCode = undefined;
  await emu.close();
  repo.cleanup();
});

/** A clock that only moves when the timer sleeps; `onSleep` may act in between. */
function fakeTime(start: number, onSleep?: (slept: number) => void): TimerDeps & { now: () => number; sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleeps,
    clock: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      onSleep?.(sleeps.length);
    },
  };
}

function context(workspace = repo.dir): ActionContext {
  return { command: "timer", token: "test-token", policyPath: "policy.yaml", apiUrl: emu.url, owner: "acme", repo: "access", workspace, eventName: "workflow_dispatch", now: 0, defaultBranch: "main", runUrl: "https://github.com/acme/access/actions/runs/9" };
}
const opts = { evidenceKey: "k", dryRun: false, force: false };
const outputs = () => parseOutputs(readFileSync(join(tmp, "output"), "utf8"));
const dispatches = () => emu.state.listWorkflowDispatches("acme", "access", "timer.yml");

describe("the timer command", () => {
  it("wait: sleeps until the expiry in 10-minute polls that check the lease still exists, then says it is due", async () => {
    const t = fakeTime(MERGED + 5 * MIN);
    const ok = await runTimerAction(context(), gh, opts, { lease: LEASE, expiresAt: "2026-11-24T09:30:00Z", phase: "wait", workflowRef: "" }, t);
    expect(ok).toBe(true);
    expect(t.sleeps.map((ms) => ms / MIN)).toEqual([10, 10, 5]);
    expect(t.now()).toBe(Date.parse("2026-11-24T09:30:00Z"));
    expect(outputs().due).toBe("true");
    expect(emu.requests.filter((r) => r.path.startsWith("/repos/acme/access/contents/leases")).length).toBe(3);
    expect(dispatches()).toEqual([]);
    expect(emu.state.getTeam("acme", "fast")!.members.has("zed")).toBe(true); // the wait phase revokes nothing
  });

  it("wait: an expiry beyond one job's wait: waits 340 minutes, then dispatches the next timer with the same inputs", async () => {
    const t = fakeTime(MERGED);
    const ok = await runTimerAction(context(), gh, opts, { lease: LEASE, expiresAt: "2026-11-24T17:00:00Z", phase: "wait", workflowRef: "" }, t);
    expect(ok).toBe(true);
    expect(t.now() - MERGED).toBe(340 * MIN);
    expect(t.sleeps.every((ms) => ms <= 10 * MIN)).toBe(true);
    expect(outputs().due).toBe("false");
    expect(dispatches().map((d) => [d.ref, d.inputs])).toEqual([["main", { lease: LEASE, "expires-at": "2026-11-24T17:00:00Z" }]]);
  });

  it("wait: stops early when the lease is gone (released), without a next timer", async () => {
    const t = fakeTime(MERGED, (n) => {
      if (n === 2) repo.remove(LEASE).commitAll("release early", "2026-11-24T09:15:00Z");
    });
    const ok = await runTimerAction(context(), gh, opts, { lease: LEASE, expiresAt: "2026-11-24T17:00:00Z", phase: "wait", workflowRef: "" }, t);
    expect(ok).toBe(true);
    expect(t.sleeps).toHaveLength(2);
    expect(outputs().due).toBe("false");
    expect(dispatches()).toEqual([]);
  });

  it("wait then revoke (one step): revokes at the expiry itself and pushes the revocation commit", async () => {
    const ws = mkdtempSync(join(tmp, "ws-"));
    execFileSync("git", ["clone", "-q", "--branch", "main", repo.dir, ws]);
    const t = fakeTime(MERGED + 12 * MIN);
    const ok = await runTimerAction(context(ws), gh, opts, { lease: LEASE, expiresAt: "2026-11-24T09:30:00Z", phase: "", workflowRef: "" }, t);
    expect(ok).toBe(true);
    expect(emu.state.getTeam("acme", "fast")!.members.size).toBe(0);
    const trailers = repo.git("log", "-1", "--format=%(trailers:only,unfold)", "main");
    expect(trailers).toContain(`Jit-Lease: ${LEASE}`);
    expect(trailers).toContain("Jit-Revoked-At: 2026-11-24T09:30:00Z");
    expect(trailers).toContain("Jit-Reason: expired");
    expect(outputs()).toMatchObject({ due: "true", expired: "1", ok: "true" });
  });

  it("revoke before the expiry is refused (the wait phase comes first); an unknown phase too", async () => {
    const t = fakeTime(MERGED + 12 * MIN);
    await expect(runTimerAction(context(), gh, opts, { lease: LEASE, expiresAt: "2026-11-24T09:30:00Z", phase: "revoke", workflowRef: "" }, t)).rejects.toMatchObject({ code: "timer-not-due" });
    await expect(runTimerAction(context(), gh, opts, { lease: LEASE, expiresAt: "2026-11-24T09:30:00Z", phase: "later", workflowRef: "" }, t)).rejects.toMatchObject({ code: "timer-bad-phase" });
    expect(emu.state.getTeam("acme", "fast")!.members.size).toBe(1);
  });
});
