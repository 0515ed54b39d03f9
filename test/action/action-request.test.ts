// The bundled Action's `request` command, run as GitHub runs it from a workflow_dispatch form
// (the checkout of main pushes to a bare origin that backs the emulator's repository), then
// its `validate` command on the pull request the form opened: it passes with the actor as the
// requester, and fails with request-unbound once someone pushes to the request branch. An
// invalid form opens nothing; a re-run by someone else asks for nobody.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { RUNTIMES, cleanupSteps, runAction } from "../helpers/action-step.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "evidence-key-for-tests";
/** Every step runs at this instant (JIT_TEST_NOW). */
const NOW = "2026-11-24T10:00:00Z";
const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupSteps();
});

describe.each(RUNTIMES)("the bundled Action's request form on %s", (_name, nodeBin) => {
  let origin: string;
  let emu: CheckedEmulator;

  const clone = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "jit-ws-"));
    dirs.push(dir);
    execFileSync("git", ["clone", "-q", "--branch", "main", origin, dir]);
    return dir;
  };
  const git = (...args: string[]) => execFileSync("git", ["-C", origin, ...args], { encoding: "utf8" }).trim();

  beforeEach(async () => {
    const seed = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
    seed.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
    seed.commitAll("start without leases", "2026-11-20T09:30:00Z");
    origin = mkdtempSync(join(tmpdir(), "jit-origin-"));
    dirs.push(seed.dir, origin);
    execFileSync("git", ["clone", "-q", "--bare", seed.dir, origin]);
    emu = await startCheckedEmulator({ now: () => new Date(NOW) });
    const s = emu.state;
    s.addOrg("acme");
    for (const u of ["zed", "mallory", "sam", "rita"]) s.addOrgMember("acme", u);
    for (const [t, ...m] of [["engineering", "zed"], ["security", "sam"], ["sre-leads", "rita"], ["security-admins"], ["dba"], ["platform-admins"]] as const) {
      s.addTeam("acme", t);
      for (const x of m) s.addTeamMember("acme", t, x);
    }
    s.addRepo("acme", "access", { gitDir: origin, defaultBranch: "main" });
  });
  afterEach(async () => {
    await emu.close();
  });

  const dispatch = { inputs: {}, ref: "refs/heads/main", repository: { full_name: "acme/access", default_branch: "main" } };
  const formInputs = { command: "request", token: "test-token", resource: "platform-admins", role: "member", duration: "2h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77", "evidence-key": KEY };
  const request = (inputs: Record<string, string> = {}, env: Record<string, string> = {}) =>
    runAction(nodeBin, clone(), emu.url, dispatch, { ...formInputs, ...inputs }, { eventName: "workflow_dispatch", now: NOW, extraEnv: { GITHUB_ACTOR: "zed", ...env } });
  const validate = (number: number) => {
    const pr = emu.state.getPullRequest("acme", "access", number)!;
    const ws = clone();
    const event = {
      action: "synchronize",
      number,
      pull_request: { number, user: { login: pr.issue.user.login }, head: { sha: pr.head.sha, ref: pr.head.ref }, base: { sha: git("rev-parse", "main"), ref: "main" } },
      repository: { full_name: "acme/access", default_branch: "main" },
    };
    return runAction(nodeBin, ws, emu.url, event, { command: "validate", token: "test-token", "evidence-key": KEY, "bot-login": "jit-access[bot]" }, { now: NOW });
  };

  it("opens the lease pull request for the actor; validate then accepts it with the actor as requester", async () => {
    const step = await request();
    expect(step.stdout + step.stderr).not.toMatch(/\n\s+at /);
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs).toMatchObject({ ok: "true", "pull-request": "1", "pull-request-url": "https://github.com/acme/access/pull/1", lease: "leases/platform-admins/zed-20261124-1000.yaml" });
    expect(step.outputs.branch).toBe("jit/request/zed/platform-admins-20261124-100000");
    expect(step.summary).toContain("Opened [#1](https://github.com/acme/access/pull/1) for @zed");
    const pr = emu.state.getPullRequest("acme", "access", 1)!;
    expect(pr.issue.user.login).toBe("jit-access[bot]"); // the token's own login (GET /user), as no bot-login was given
    expect(git("rev-parse", `refs/heads/${step.outputs.branch}`)).toBe(pr.head.sha);
    expect(git("notes", "--ref=refs/notes/jit", "show", pr.head.sha)).toContain('"actor": "zed"');

    const check = await validate(1);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.outputs).toMatchObject({ ok: "true", errors: "0" });
    const runs = emu.state.listCheckRuns("acme", "access", pr.head.sha);
    expect(runs.find((r) => r.name === "jit-access / validate")?.conclusion).toBe("success");
  });

  it("validate refuses the request once someone pushed to its branch (request-unbound)", async () => {
    const step = await request();
    const ws = clone();
    const path = step.outputs.lease!;
    execFileSync("git", ["-C", ws, "switch", "-q", step.outputs.branch!]);
    const t = new TestRepo(ws);
    t.write(path, lease({ grantee: "zed", resource: "platform-admins", role: "maintainer", duration: "4h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77" }));
    const head = t.commitAll("escalate", NOW);
    t.git("push", "-q", "origin", step.outputs.branch!);
    emu.state.updatePullRequest("acme", "access", 1, { headSha: head });

    const check = await validate(1);
    expect(check.status).toBe(1);
    expect(check.outputs.ok).toBe("false");
    const report = JSON.parse(check.outputs.report!) as { files: Array<{ file: string; errors: Array<{ code: string; message: string }> }> };
    expect(report.files).toEqual([expect.objectContaining({ file: path, errors: [expect.objectContaining({ code: "request-unbound", message: expect.stringMatching(/^The request was changed after the form opened it/) })] })]);
    expect(emu.state.listComments("acme", "access", 1).map((c) => c.body).join("\n")).toContain("request-unbound");
  });

  it("fails the step and opens nothing for an invalid form, or a re-run by someone else", async () => {
    const bad = await request({ role: "admin", duration: "9h" });
    expect(bad.status).toBe(1);
    expect(bad.outputs).toMatchObject({ ok: "false", errors: "2" });
    expect(bad.stdout).toMatch(/::error title=lease-role-not-allowed::/);
    expect(bad.stdout).toMatch(/::error title=lease-duration-too-long::/);
    expect(bad.summary).toContain("Nothing was opened");
    const rerun = await request({}, { GITHUB_TRIGGERING_ACTOR: "mallory" });
    expect(rerun.status).toBe(1);
    expect(rerun.stdout).toMatch(/re-run by mallory; a request is made by the person who fills in the form/);
    const noKey = await request({ "evidence-key": "" });
    expect(noKey.status).toBe(1);
    expect(noKey.stdout).toMatch(/needs the evidence key/);
    expect(git("for-each-ref", "--format=%(refname)", "refs/heads", "refs/notes")).toBe("refs/heads/main");
    expect(emu.state.listIssues("acme", "access")).toEqual([]);
  });

  it("re-run of someone else's request form opens nothing in either name and says why (request-rerun-by-other)", async () => {
    // zed filled in the form; mallory re-runs that run: same inputs, GITHUB_ACTOR still zed.
    const rerun = await request({}, { GITHUB_ACTOR: "zed", GITHUB_TRIGGERING_ACTOR: "mallory" });
    expect(rerun.stdout + rerun.stderr).not.toMatch(/\n\s+at /);
    expect(rerun.status).toBe(1);
    expect(rerun.outputs).toMatchObject({ ok: "false", errors: "1" });
    expect(rerun.stdout).toMatch(/::error title=request-rerun-by-other::This run was started by zed and re-run by mallory; a request is made by the person who fills in the form/);
    expect(rerun.summary).toContain("Nothing was opened: `request-rerun-by-other`");
    expect(git("for-each-ref", "--format=%(refname)", "refs/heads", "refs/notes")).toBe("refs/heads/main");
    expect(emu.state.listIssues("acme", "access")).toEqual([]);

    // The re-run of one's own run is a run like any other (GitHub sets both to the same login).
    const own = await request({}, { GITHUB_ACTOR: "zed", GITHUB_TRIGGERING_ACTOR: "zed" });
    expect(own.status, own.stdout + own.stderr).toBe(0);
    expect(own.summary).toContain("for @zed");
  });
});
