// Precise expiry end to end with real git and the emulator: apply grants a lease on a
// `revocation: timer` resource and starts its timer (a recorded workflow_dispatch with the
// lease and its expiry); the timer run at the expiry revokes the grant and removes the file
// ("expired"), touching nothing outside the lease's resource; an extended lease gets its next
// timer; a timer that did not finish revokes early, only where it may.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTimers } from "../../src/action/start-timers.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { runApply } from "../../src/commands/apply.js";
import type { ApplyOptions } from "../../src/commands/apply.js";
import { runExpire } from "../../src/commands/expire.js";
import { runTimer, runTimerEarly } from "../../src/commands/timer.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import { timersToStart } from "../../src/timer/timer-plan.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { EXAMPLE_REPO, TestRepo, lease } from "../helpers/git-repo.js";

const POLICY = `version: 1
admins: [carol]
resources:
  fast:
    provider: { type: github-team, org: acme, team: fast }
    roles: [member]
    maxDuration: 12h
    maxExtensions: 1
    approvers: [dana]
    revocation: timer
  slow:
    provider: { type: github-team, org: acme, team: slow }
    roles: [member]
    maxDuration: 12h
    approvers: [dana]
`;
const TIMER_WORKFLOW = readFileSync(join(EXAMPLE_REPO, ".github/workflows/timer.yml"), "utf8");
const at = (t: string) => Date.parse(t);

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;

/** The access repo every test starts from, made once: each test gets its own copy. */
let start: TestRepo;
beforeAll(() => {
  start = TestRepo.init({ fromExample: false });
  start.write("policy.yaml", POLICY);
  start.write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(POLICY)).policy!, "policy.yaml"));
  start.write(".github/workflows/timer.yml", TIMER_WORKFLOW);
  start.commitAll("access repo", "2026-11-20T09:00:00Z");
});
afterAll(() => start.cleanup());

beforeEach(async () => {
  repo = start.copy();
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  s.addTeam("acme", "fast");
  s.addTeam("acme", "slow");
  for (const u of ["dana", "zed", "yan", "xia"]) s.addOrgMember("acme", u);
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

/** A pull request by the grantee adding (or changing) a lease, approved by dana and merged at `time`. */
function merge(path: string, fields: Record<string, string>, time: string): void {
  const t = Date.parse(time);
  const branch = `b${t}-${path.replace(/\W/g, "-")}`;
  const head = repo.commitOn(branch, { [path]: lease({ resource: path.split("/")[1]!, role: "member", reason: "Timer-precise access for a test", ...fields }) }, `request ${path}`, { time: new Date(t - 10 * 60_000).toISOString() });
  const s = emu.state;
  const pr = s.addPullRequest("acme", "access", { author: fields.grantee!, base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
  s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  const m = repo.merge(branch, time);
  s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: m });
  s.associateCommit("acme", "access", m, pr.number);
}

function options(now: number): ApplyOptions {
  const registry = createProviderRegistry(gh);
  return { gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: "k", providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false };
}
const members = (team: string) => [...emu.state.getTeam("acme", team)!.members.keys()];
const files = () => repo.git("ls-tree", "-r", "--name-only", "HEAD", "leases").split("\n").filter(Boolean);
const target = { owner: "acme", repo: "access", ref: "main", workflow: "timer.yml" };

describe("revocation: timer", () => {
  it("apply grants and starts the timer; the timer at the expiry revokes and removes the file, as 'expired'", async () => {
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "2h" }, "2026-11-24T09:00:00Z");
    const applied = await runApply(options(at("2026-11-24T09:00:40Z")));
    expect(members("fast")).toEqual(["zed"]);
    const warnings: string[] = [];
    const started = await startTimers(gh, target, timersToStart(applied.results, applied.policy), (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    expect(started.started).toEqual([{ lease: "leases/fast/zed.yaml", expiresAt: at("2026-11-24T11:00:00Z") }]);
    const [d, ...more] = emu.state.listWorkflowDispatches("acme", "access", "timer.yml");
    expect(more).toEqual([]);
    expect(d).toMatchObject({ ref: "main", sha: repo.head("main"), inputs: { lease: "leases/fast/zed.yaml", "expires-at": "2026-11-24T11:00:00Z" }, actor: { login: "jit-access[bot]" } });

    // A minute before: nothing happens.
    const early = await runTimer({ ...options(at("2026-11-24T10:59:00Z")), lease: "leases/fast/zed.yaml" });
    expect(early.removed).toEqual([]);
    expect(members("fast")).toEqual(["zed"]);
    // At the expiry (the timer job starts a few seconds late):
    const r = await runTimer({ ...options(at("2026-11-24T11:00:07Z")), lease: "leases/fast/zed.yaml" });
    expect(r.ok).toBe(true);
    expect(r.next).toBeUndefined();
    expect(members("fast")).toEqual([]);
    expect(r.removed.map((x) => [x.path, x.why])).toEqual([["leases/fast/zed.yaml", "expired"]]);
    expect(files()).toEqual([]);
    const trailers = repo.git("log", "-1", "--format=%(trailers:only,unfold)");
    expect(trailers).toContain("Jit-Lease: leases/fast/zed.yaml");
    expect(trailers).toContain("Jit-Expired-At: 2026-11-24T11:00:00Z");
    expect(trailers).toContain("Jit-Revoked-At: 2026-11-24T11:00:07Z");
    expect(trailers).toContain("Jit-Reason: expired");
  });

  it("a second lease whose grant is already there (kept) gets its own timer, once; the first timer leaves the grant to it, the second revokes", async () => {
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "2h" }, "2026-11-24T09:00:00Z");
    const first = await runApply(options(at("2026-11-24T09:00:40Z")));
    expect(timersToStart(first.results, first.policy, first.plan.actions, first.recorded)).toEqual([{ lease: "leases/fast/zed.yaml", expiresAt: at("2026-11-24T11:00:00Z") }]);
    merge("leases/fast/zed-more.yaml", { grantee: "zed", duration: "4h" }, "2026-11-24T10:00:00Z");
    const second = await runApply(options(at("2026-11-24T10:00:40Z")));
    expect(second.results).toEqual([]); // zed already a member: kept
    expect(second.recorded).toEqual(["leases/fast/zed-more.yaml"]);
    expect(timersToStart(second.results, second.policy, second.plan.actions, second.recorded)).toEqual([{ lease: "leases/fast/zed-more.yaml", expiresAt: at("2026-11-24T14:00:00Z") }]);
    // The next run has nothing new: no timer again.
    const third = await runApply(options(at("2026-11-24T10:05:00Z")));
    expect(third.recorded).toEqual([]);
    expect(timersToStart(third.results, third.policy, third.plan.actions, third.recorded)).toEqual([]);
    // Without an evidence key nothing is recorded, so a kept lease gets no timer (it would get one every run); the sweep revokes it.
    merge("leases/fast/zed-third.yaml", { grantee: "zed", duration: "3h" }, "2026-11-24T10:10:00Z");
    const keyless = await runApply({ ...options(at("2026-11-24T10:10:40Z")), evidenceKey: undefined });
    expect(keyless.recorded).toEqual([]);

    const firstTimer = await runTimer({ ...options(at("2026-11-24T11:00:05Z")), lease: "leases/fast/zed.yaml" });
    expect(firstTimer.removed.map((x) => x.path)).toEqual(["leases/fast/zed.yaml"]);
    expect(members("fast")).toEqual(["zed"]);
    const secondTimer = await runTimer({ ...options(at("2026-11-24T14:00:05Z")), lease: "leases/fast/zed-more.yaml" });
    // It sweeps its resource: zed-third, over since 13:10 with no timer of its own, goes too.
    expect(secondTimer.removed.map((x) => x.path).sort()).toEqual(["leases/fast/zed-more.yaml", "leases/fast/zed-third.yaml"]);
    expect(members("fast")).toEqual([]);
  });

  it("is scoped to the lease's resource: other resources are neither listed, revoked nor cleaned up", async () => {
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "2h" }, "2026-11-24T09:00:00Z");
    merge("leases/slow/yan.yaml", { grantee: "yan", duration: "1h" }, "2026-11-24T09:05:00Z");
    await runApply(options(at("2026-11-24T09:06:00Z")));
    emu.state.addTeamMember("acme", "slow", "xia"); // drift on the other resource
    expect(members("slow").sort()).toEqual(["xia", "yan"]);
    emu.resetLog();
    const r = await runTimer({ ...options(at("2026-11-24T11:00:05Z")), lease: "leases/fast/zed.yaml" });
    expect(r.removed.map((x) => x.path)).toEqual(["leases/fast/zed.yaml"]);
    expect(members("fast")).toEqual([]);
    // yan's lease ended at 10:05 but is the sweep's: still granted, file still there; xia untouched.
    expect(members("slow").sort()).toEqual(["xia", "yan"]);
    expect(files()).toEqual(["leases/slow/yan.yaml"]);
    expect(emu.requests.filter((x) => x.path.includes("/teams/slow"))).toEqual([]);
    // A lease merged on the other resource since the last apply is not verified by the timer either (no API call for it).
    merge("leases/slow/xia.yaml", { grantee: "xia", duration: "3h" }, "2026-11-24T11:00:30Z");
    emu.resetLog();
    const again = await runTimer({ ...options(at("2026-11-24T11:01:00Z")), lease: "leases/fast/zed.yaml" });
    expect(again.apply.verified).toEqual([]);
    expect(emu.requests.filter((x) => x.path.includes("/pulls") || x.path.includes("/commits/"))).toEqual([]);
    // The sweep still does its part.
    const sweep = await runExpire(options(at("2026-11-24T11:03:00Z")));
    expect(sweep.apply.plan.refused).toEqual([]);
    expect(sweep.apply.verified.map((v) => v.lease)).toEqual(["leases/slow/xia.yaml"]);
    expect(members("slow")).toEqual(["xia"]);
    expect(files()).toEqual(["leases/slow/xia.yaml"]);
  });

  it("an extended lease: the timer at the old expiry revokes nothing and names the new one", async () => {
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "2h" }, "2026-11-24T09:00:00Z");
    await runApply(options(at("2026-11-24T09:01:00Z")));
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "4h" }, "2026-11-24T10:30:00Z");
    await runApply(options(at("2026-11-24T10:31:00Z")));
    const r = await runTimer({ ...options(at("2026-11-24T11:00:05Z")), lease: "leases/fast/zed.yaml" });
    expect(r.removed).toEqual([]);
    expect(members("fast")).toEqual(["zed"]);
    expect(r.next).toEqual({ lease: "leases/fast/zed.yaml", expiresAt: at("2026-11-24T13:00:00Z") });
    const last = await runTimer({ ...options(at("2026-11-24T13:00:05Z")), lease: "leases/fast/zed.yaml" });
    expect(last.next).toBeUndefined();
    expect(members("fast")).toEqual([]);
    expect(files()).toEqual([]);
  });

  it("a failed dispatch is a warning with what to check, not an error", async () => {
    const warnings: string[] = [];
    const r = await startTimers(gh, { ...target, workflow: "missing.yml" }, [{ lease: "leases/fast/zed.yaml", expiresAt: at("2026-11-24T11:00:00Z") }], (m) => warnings.push(m));
    expect(r.started).toEqual([]);
    expect(r.failed).toHaveLength(1);
    expect(warnings[0]).toMatch(/Could not start the expiry timer for leases\/fast\/zed\.yaml \(workflow missing\.yml on main, expiry 2026-11-24T11:00:00Z\).*sweep still revokes it/);
    expect(emu.state.listWorkflowDispatches("acme", "access")).toEqual([]);
  });
});

describe("early revoke by a timer that did not finish", () => {
  const run = { eventName: "workflow_dispatch", workflowRef: "acme/access/.github/workflows/timer.yml@refs/heads/main", timerWorkflow: "timer.yml", actor: "jit-access[bot]", runUrl: "https://github.com/acme/access/actions/runs/7" };

  it("revokes a timer resource's lease ending within the timer's wait, and records why", async () => {
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "2h" }, "2026-11-24T09:00:00Z");
    await runApply(options(at("2026-11-24T09:01:00Z")));
    const r = await runTimerEarly({ ...options(at("2026-11-24T10:30:00Z")), ...run, lease: "leases/fast/zed.yaml" });
    expect(r.status).toBe("revoked");
    expect(members("fast")).toEqual([]);
    expect(files()).toEqual([]);
    expect(repo.git("log", "-1", "--format=%s").trim()).toBe("jit-access: revoke 1 lease");
    const trailers = repo.git("log", "-1", "--format=%(trailers:only,unfold)");
    expect(trailers).toContain("Jit-Reason: timer cancelled: revoked early (https://github.com/acme/access/actions/runs/7, started by @jit-access[bot])");
    expect(trailers).toContain("Jit-Revoked-At: 2026-11-24T10:30:00Z");
  });

  it("a re-run of the timer's early step by someone else records who re-ran it and whose run it was", async () => {
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "2h" }, "2026-11-24T09:00:00Z");
    await runApply(options(at("2026-11-24T09:01:00Z")));
    const r = await runTimerEarly({ ...options(at("2026-11-24T10:30:00Z")), ...run, actor: "mallory", rerunOf: "jit-access[bot]", lease: "leases/fast/zed.yaml" });
    expect(r.status).toBe("revoked");
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)").trim()).toBe("timer cancelled: revoked early (https://github.com/acme/access/actions/runs/7, re-run by @mallory of a run started by @jit-access[bot])");
  });

  it("refuses when the lease no longer ends at the expiry the timer was started for (extended, or a timer started by hand)", async () => {
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "2h" }, "2026-11-24T09:00:00Z");
    await runApply(options(at("2026-11-24T09:01:00Z")));
    const r = await runTimerEarly({ ...options(at("2026-11-24T10:30:00Z")), ...run, lease: "leases/fast/zed.yaml", expiresAt: at("2026-11-24T10:45:00Z") });
    expect(r).toMatchObject({ status: "not-due", end: at("2026-11-24T11:00:00Z") });
    expect((r as { message: string }).message).toContain("not at 2026-11-24T10:45:00Z, the expiry this timer was started for");
    expect(members("fast")).toEqual(["zed"]);
    expect(files()).toEqual(["leases/fast/zed.yaml"]);
    const own = await runTimerEarly({ ...options(at("2026-11-24T10:30:00Z")), ...run, lease: "leases/fast/zed.yaml", expiresAt: at("2026-11-24T11:00:00Z") });
    expect(own.status).toBe("revoked");
  });

  it("refuses leases of resources without timers, and runs that are not the timer workflow's", async () => {
    merge("leases/slow/yan.yaml", { grantee: "yan", duration: "2h" }, "2026-11-24T09:00:00Z");
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "2h" }, "2026-11-24T09:01:00Z");
    await runApply(options(at("2026-11-24T09:02:00Z")));
    const now = options(at("2026-11-24T10:30:00Z"));
    await expect(runTimerEarly({ ...now, ...run, lease: "leases/slow/yan.yaml" })).rejects.toMatchObject({ code: "timer-early-not-timer" });
    await expect(runTimerEarly({ ...now, ...run, eventName: "push", lease: "leases/fast/zed.yaml" })).rejects.toMatchObject({ code: "timer-early-not-timer-run" });
    await expect(runTimerEarly({ ...now, ...run, workflowRef: "acme/access/.github/workflows/timer.yml@refs/heads/mine", lease: "leases/fast/zed.yaml" })).rejects.toMatchObject({ code: "timer-early-not-timer-run" });
    expect(members("slow")).toEqual(["yan"]);
    expect(members("fast")).toEqual(["zed"]);
    expect(files()).toEqual(["leases/fast/zed.yaml", "leases/slow/yan.yaml"]);
  });

  it("leaves a lease that ends more than one timer wait away; a lease already over simply expires; a gone one is nothing", async () => {
    merge("leases/fast/zed.yaml", { grantee: "zed", duration: "10h" }, "2026-11-24T09:00:00Z");
    merge("leases/fast/xia.yaml", { grantee: "xia", duration: "30m" }, "2026-11-24T09:00:00Z");
    await runApply(options(at("2026-11-24T09:01:00Z")));
    const far = await runTimerEarly({ ...options(at("2026-11-24T10:00:00Z")), ...run, lease: "leases/fast/zed.yaml" });
    expect(far).toMatchObject({ status: "not-due", end: at("2026-11-24T19:00:00Z") });
    expect(members("fast").sort()).toEqual(["xia", "zed"]);
    const over = await runTimerEarly({ ...options(at("2026-11-24T10:00:00Z")), ...run, lease: "leases/fast/xia.yaml" });
    expect(over.status).toBe("expired");
    expect(members("fast")).toEqual(["zed"]);
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)").trim()).toBe("expired");
    expect(await runTimerEarly({ ...options(at("2026-11-24T10:01:00Z")), ...run, lease: "leases/fast/xia.yaml" })).toEqual({ status: "gone" });
  });
});
