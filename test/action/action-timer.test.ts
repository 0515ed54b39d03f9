// The bundled Action with `revocation: timer`, step by step as the example workflows run it:
// apply grants and dispatches the timer workflow; the timer's wait step sleeps until the
// expiry; its revoke step revokes and pushes the removal at that moment. The early step
// revokes only inside a run of the timer workflow itself. Every step runs on a pinned clock
// (JIT_TEST_NOW: it stands still, and the wait's sleeps move it forward at once).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { parseTimestamp } from "../../src/lease/timestamp.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { RUNTIMES, cleanupSteps, runAction } from "../helpers/action-step.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { EXAMPLE_REPO, TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "evidence-key-for-tests";
const POLICY = `version: 1
admins: [carol]
resources:
  fast:
    provider: { type: github-team, org: acme, team: fast }
    roles: [member]
    approvers: [dana]
    revocation: timer
`;
const LEASE = "leases/fast/zed.yaml";
const MIN = 60_000;
/** When zed's lease is merged; every step's clock is pinned relative to it. */
const MERGED = Date.parse("2026-11-24T09:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupSteps();
});

describe.each(RUNTIMES)("the bundled Action's timer on %s", (_name, nodeBin) => {
  let repo: TestRepo;
  let emu: CheckedEmulator;

  beforeEach(async () => {
    repo = TestRepo.init({ fromExample: false });
    dirs.push(repo.dir);
    repo.write("policy.yaml", POLICY);
    repo.write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(POLICY)).policy!, "policy.yaml"));
    repo.write(".github/workflows/timer.yml", readFileSync(join(EXAMPLE_REPO, ".github/workflows/timer.yml")));
    repo.commitAll("access repo", "2026-01-01T09:00:00Z");
    repo.git("config", "receive.denyCurrentBranch", "updateInstead"); // origin is a work tree
    emu = await startCheckedEmulator({ now: () => new Date(MERGED) });
    emu.state.addOrg("acme");
    emu.state.addTeam("acme", "fast");
    emu.state.addOrgMember("acme", "dana");
    emu.state.addOrgMember("acme", "zed");
    emu.state.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  });
  afterEach(async () => {
    await emu.close();
  });

  /** zed's lease, merged at `merged` (ms) through an approved pull request. */
  const mergeLease = (duration: string, merged: number) => {
    repo.branch("zed");
    repo.write(LEASE, lease({ grantee: "zed", resource: "fast", role: "member", duration, reason: "Timer-precise access for a test" }));
    const head = repo.commitAll("request", iso(merged - 60_000));
    repo.checkout("main");
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    const merge = repo.merge("zed", iso(merged));
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, pr.number);
  };
  const checkout = () => {
    const ws = mkdtempSync(join(tmpdir(), "jit-ws-"));
    dirs.push(ws);
    spawnSync("git", ["clone", "-q", "--branch", "main", repo.dir, ws]);
    return ws;
  };
  const members = () => [...emu.state.getTeam("acme", "fast")!.members.keys()];
  const dispatchEvent = (inputs: Record<string, string>) => ({ inputs, ref: "refs/heads/main", repository: { full_name: "acme/access", default_branch: "main" } });

  it("apply starts the timer; its wait step sleeps until the expiry and its revoke step revokes then", async () => {
    const expiry = MERGED + 30 * MIN;
    mergeLease("30m", MERGED);
    const apply = await runAction(nodeBin, checkout(), emu.url, { ref: "refs/heads/main", repository: { default_branch: "main" } }, { command: "apply", token: "test-token", "evidence-key": KEY }, { eventName: "push", now: MERGED + 20_000 });
    expect(apply.status, apply.stdout + apply.stderr).toBe(0);
    expect(apply.outputs).toMatchObject({ granted: "1", timers: "1" });
    expect(apply.summary).toContain("### Expiry timers");
    expect(members()).toEqual(["zed"]);
    const [d, ...more] = emu.state.listWorkflowDispatches("acme", "access", "timer.yml");
    expect(more).toEqual([]);
    expect(d!.ref).toBe("main");
    expect(d!.inputs).toEqual({ lease: LEASE, "expires-at": iso(expiry) });

    // The timer workflow's steps, with the dispatched inputs. The wait step starts a minute
    // after the merge and sleeps the 29 minutes left in polls that check the lease is still on main.
    const inputs = { command: "timer", lease: d!.inputs.lease!, "expires-at": d!.inputs["expires-at"]!, token: "test-token", "evidence-key": KEY };
    const env = { eventName: "workflow_dispatch", extraEnv: { GITHUB_WORKFLOW_REF: "acme/access/.github/workflows/timer.yml@refs/heads/main", GITHUB_ACTOR: "jit-access[bot]" } };
    const poll = `/repos/acme/access/contents/${encodeURIComponent(LEASE)}?ref=main`;
    const polls = () => emu.requests.filter((r) => r.method === "GET" && r.path === poll).length;
    const before = polls();
    const wait = await runAction(nodeBin, checkout(), emu.url, dispatchEvent(d!.inputs), { ...inputs, "timer-phase": "wait" }, { ...env, now: MERGED + MIN });
    expect(wait.status, wait.stdout + wait.stderr).toBe(0);
    expect(wait.stdout).toContain(`${LEASE} expires at ${iso(expiry)}; waiting 29 minute(s).`);
    expect(wait.outputs.due).toBe("true");
    expect(polls() - before).toBe(3); // at 1, 11 and 21 minutes past the merge; woke at 30
    expect(members()).toEqual(["zed"]); // waiting revokes nothing

    // The revoke step refuses to run before the expiry, and revokes at it.
    const early = await runAction(nodeBin, checkout(), emu.url, dispatchEvent(d!.inputs), { ...inputs, "timer-phase": "revoke" }, { ...env, now: expiry - 1000 });
    expect(early.status).toBe(1);
    expect(early.stdout).toContain(`${LEASE} expires at ${iso(expiry)}, not yet`);
    expect(members()).toEqual(["zed"]);
    const revoke = await runAction(nodeBin, checkout(), emu.url, dispatchEvent(d!.inputs), { ...inputs, "timer-phase": "revoke" }, { ...env, now: expiry + 2000 });
    expect(revoke.stdout + revoke.stderr).not.toMatch(/\n\s+at /);
    expect(revoke.status, revoke.stdout + revoke.stderr).toBe(0);
    expect(revoke.outputs).toMatchObject({ ok: "true", expired: "1", revoked: "1" });
    expect(members()).toEqual([]);
    expect(repo.git("ls-tree", "-r", "--name-only", "main", "leases").trim()).toBe("");
    const reason = repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)", "main").trim();
    const revokedAt = parseTimestamp(repo.git("log", "-1", "--format=%(trailers:key=Jit-Revoked-At,valueonly)", "main").trim())!;
    expect(reason).toBe("expired");
    expect(revokedAt).toBe(expiry + 2000);
  });

  it("the early step revokes only in a run of the timer workflow from main", async () => {
    const now = MERGED + 60 * MIN;
    mergeLease("2h", MERGED);
    emu.state.addTeamMember("acme", "fast", "zed"); // granted by apply
    const inputs = { command: "timer", "timer-phase": "early", lease: LEASE, "expires-at": iso(MERGED + 120 * MIN), token: "test-token", "evidence-key": KEY };
    const event = dispatchEvent({ lease: LEASE, "expires-at": inputs["expires-at"] });
    const elsewhere = await runAction(nodeBin, checkout(), emu.url, event, inputs, { eventName: "workflow_dispatch", now, extraEnv: { GITHUB_WORKFLOW_REF: "acme/access/.github/workflows/revoke-now.yml@refs/heads/main", GITHUB_ACTOR: "mallory" } });
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stdout).toMatch(/::error::leases\/fast\/zed\.yaml was not revoked early: this run is not the timer workflow/);
    expect(members()).toEqual(["zed"]);

    const step = await runAction(nodeBin, checkout(), emu.url, event, inputs, { eventName: "workflow_dispatch", now, extraEnv: { GITHUB_WORKFLOW_REF: "acme/access/.github/workflows/timer.yml@refs/heads/main", GITHUB_ACTOR: "jit-access[bot]" } });
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs).toMatchObject({ ok: "true", expired: "1", revoked: "1" });
    expect(members()).toEqual([]);
    expect(repo.git("log", "-1", "--format=%s", "main").trim()).toBe("jit-access: revoke 1 lease");
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)", "main").trim()).toBe("timer cancelled: revoked early (https://github.com/acme/access/actions/runs/42, started by @jit-access[bot])");
  });

  it("a re-run of the early step by someone else records who re-ran it and whose run it was", async () => {
    const now = MERGED + 60 * MIN;
    mergeLease("2h", MERGED);
    emu.state.addTeamMember("acme", "fast", "zed"); // granted by apply
    const inputs = { command: "timer", "timer-phase": "early", lease: LEASE, "expires-at": iso(MERGED + 120 * MIN), token: "test-token", "evidence-key": KEY };
    const event = dispatchEvent({ lease: LEASE, "expires-at": inputs["expires-at"] });
    const env = { GITHUB_WORKFLOW_REF: "acme/access/.github/workflows/timer.yml@refs/heads/main", GITHUB_ACTOR: "jit-access[bot]", GITHUB_TRIGGERING_ACTOR: "mallory" };
    const step = await runAction(nodeBin, checkout(), emu.url, event, inputs, { eventName: "workflow_dispatch", now, extraEnv: env });
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(members()).toEqual([]);
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)", "main").trim()).toBe("timer cancelled: revoked early (https://github.com/acme/access/actions/runs/42, re-run by @mallory of a run started by @jit-access[bot])");
  });
});
