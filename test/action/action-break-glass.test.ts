// The bundled Action's `break-glass` command, run as GitHub runs the break-glass job of
// validate.yml on pull_request_target: grants at once, pushes the signed record to origin,
// tells the approvers on the pull request and the webhook; refuses, with a failed step and
// a comment saying why, without an evidence key; does nothing on other activities.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { isTrusted, noteSigner, parseNote } from "../../src/evidence/evidence.js";
import { readNotes } from "../../src/git/evidence-notes.js";
import { RUNTIMES, cleanupSteps, runAction } from "../helpers/action-step.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "evidence-key-for-tests";
const PATH = "leases/platform-admins/zed-inc-77.yaml";
/** Every step runs at this instant (JIT_TEST_NOW); the request was pushed a minute before. */
const NOW = Date.parse("2026-11-24T10:00:00Z");
const STEP = { now: NOW };
const dirs: string[] = [];
afterAll(() => {
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupSteps();
});

describe.each(RUNTIMES)("the bundled Action's break-glass on %s", (_name, nodeBin) => {
  let repo: TestRepo;
  let emu: CheckedEmulator;

  beforeEach(async () => {
    repo = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
    dirs.push(repo.dir);
    repo.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
    repo.commitAll("start without leases", "2026-11-20T09:30:00Z");
    emu = await startCheckedEmulator({ now: () => new Date(NOW) });
    const s = emu.state;
    s.addOrg("acme");
    for (const u of ["zed", "sam", "rita"]) s.addOrgMember("acme", u);
    for (const t of ["security", "sre-leads", "security-admins", "engineering", "platform-admins", "prod-db-readers", "dba"]) s.addTeam("acme", t);
    s.addTeamMember("acme", "engineering", "zed");
    s.addTeamMember("acme", "security", "sam");
    s.addTeamMember("acme", "sre-leads", "rita");
    s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
    s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
    s.addRepo("acme", "web");
  });
  afterEach(async () => {
    await emu.close();
  });

  /** What actions/checkout gives the job: the default branch, full history, origin = the repository. */
  const checkout = () => {
    const ws = mkdtempSync(join(tmpdir(), "jit-ws-"));
    dirs.push(ws);
    spawnSync("git", ["clone", "-q", "--branch", "main", repo.dir, ws]);
    return ws;
  };

  function openPr(action = "opened") {
    repo.branch("zed");
    repo.write(PATH, lease({ grantee: "zed", resource: "platform-admins", role: "member", duration: "1h", reason: "Prod is down: roll back the deploy of INC-77", ticket: "INC-77", breakGlass: true }));
    const head = repo.commitAll("request", "2026-11-24T09:59:00Z");
    repo.checkout("main");
    const baseSha = repo.head("main");
    const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha, head: "zed", headSha: head });
    const event = {
      action,
      number: pr.number,
      pull_request: { number: pr.number, user: { login: "zed" }, head: { sha: head, ref: "zed" }, base: { sha: baseSha, ref: "main" } },
      repository: { full_name: "acme/access", default_branch: "main" },
    };
    return { number: pr.number, head, event };
  }
  const comments = (n: number) => emu.state.listComments("acme", "access", n).map((c) => c.body).join("\n");

  it("grants at once, pushes the signed record, mentions the approvers with the deadline and tells the webhook", async () => {
    const { number, head, event } = openPr();
    const hook: Array<Record<string, unknown>> = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        hook.push(JSON.parse(body) as Record<string, unknown>);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const webhook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const step = await runAction(nodeBin, checkout(), emu.url, event, { command: "break-glass", token: "test-token", "evidence-key": KEY, "webhook-url": webhook }, STEP);
    await new Promise<void>((r) => server.close(() => r()));
    expect(step.stdout + step.stderr).not.toMatch(/\n\s+at /);
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs["break-glass"]).toBe("granted");
    expect([...emu.state.getTeam("acme", "platform-admins")!.members.keys()].sort()).toEqual(["platform-bot", "zed"]);
    expect(comments(number)).toMatch(/Break-glass\*\*: @zed was granted \*\*member\*\* on \*\*platform-admins\*\*/);
    expect(comments(number)).toMatch(/@acme\/security, @acme\/sre-leads, @carol: review this pull request and \*\*approve and merge it by 2026-11-25T10:00:00Z\*\*/);
    expect(step.stdout.replace(`::add-mask::${KEY}\n`, "")).not.toContain(KEY); // masked, never printed
    // The record reached origin's refs/notes/jit, signed, as the note of the lease's blob.
    const blob = repo.git("rev-parse", `${head}:${PATH}`).trim();
    const note = parseNote((await readNotes(repo.dir)).get(blob)!)!;
    expect(isTrusted(note, blob, noteSigner("acme", "access", KEY))).toBe(true);
    expect(note.breakGlass).toEqual([expect.objectContaining({ lease: PATH, pullRequest: number, grantee: "zed", role: "member" })]);
    expect(hook).toEqual([expect.objectContaining({ event: "jit-access.break-glass", grantee: "zed", resource: "platform-admins", pullRequest: number, repository: "acme/access" })]);

    // A push to the pull request (synchronize) grants nothing again.
    const again = await runAction(nodeBin, checkout(), emu.url, { ...event, action: "synchronize" }, { command: "break-glass", token: "test-token", "evidence-key": KEY }, STEP);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(again.outputs["break-glass"]).toBe("already");
    expect(parseNote((await readNotes(repo.dir)).get(blob)!)!.breakGlass).toHaveLength(1);
  });

  it("a re-run by someone else judges the pull request's requester, never the re-runner, and grants only once", async () => {
    // Break-glass judges who asked (the author, or the request form's signed actor), not the
    // workflow's actor: mallory re-running zed's run neither becomes the requester nor grants again.
    const { number, head, event } = openPr();
    const env = { extraEnv: { GITHUB_ACTOR: "zed", GITHUB_TRIGGERING_ACTOR: "mallory" } };
    const step = await runAction(nodeBin, checkout(), emu.url, event, { command: "break-glass", token: "test-token", "evidence-key": KEY }, env);
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs["break-glass"]).toBe("granted");
    const blob = repo.git("rev-parse", `${head}:${PATH}`).trim();
    expect(parseNote((await readNotes(repo.dir)).get(blob)!)!.breakGlass).toEqual([expect.objectContaining({ pullRequest: number, requester: "zed", grantee: "zed" })]);
    expect(comments(number)).not.toContain("mallory");
    const again = await runAction(nodeBin, checkout(), emu.url, event, { command: "break-glass", token: "test-token", "evidence-key": KEY }, env);
    expect(again.outputs["break-glass"]).toBe("already");
    expect(parseNote((await readNotes(repo.dir)).get(blob)!)!.breakGlass).toHaveLength(1);
    expect([...emu.state.getTeam("acme", "platform-admins")!.members.keys()].sort()).toEqual(["platform-bot", "zed"]);
  });

  it("without an evidence key grants nothing, fails the step and says why on the pull request", async () => {
    const { number, event } = openPr();
    const step = await runAction(nodeBin, checkout(), emu.url, event, { command: "break-glass", token: "test-token" }, STEP);
    expect(step.stdout + step.stderr).not.toMatch(/\n\s+at /);
    expect(step.status).toBe(1);
    expect(step.outputs["break-glass"]).toBe("refused");
    expect(step.stdout).toMatch(/::error::Break-glass was not granted/);
    expect(comments(number)).toMatch(/Break-glass not granted.*\n\n- this workflow has no evidence key/s);
    expect([...emu.state.getTeam("acme", "platform-admins")!.members.keys()]).toEqual(["platform-bot"]);
    expect((await readNotes(repo.dir)).size).toBe(0);
  });

  it("does nothing on an edited pull request", async () => {
    const { number, event } = openPr("edited");
    const step = await runAction(nodeBin, checkout(), emu.url, event, { command: "break-glass", token: "test-token", "evidence-key": KEY }, STEP);
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs["break-glass"]).toBe("none");
    expect(comments(number)).toBe("");
    expect([...emu.state.getTeam("acme", "platform-admins")!.members.keys()]).toEqual(["platform-bot"]);
  });
});
