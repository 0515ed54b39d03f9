// `jit review` end to end, with real git (a bare origin, the emulator repository's git
// directory) and the checked GitHub API emulator: one pull request from jit/review removes the
// standing entries due and mentions their approvers; a second run updates it (no duplicate);
// reviewers' pushes are never overwritten; with nothing due it is closed and its branch deleted.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runReview } from "../../src/commands/review.js";
import type { ReviewOptions } from "../../src/commands/review.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo } from "../helpers/git-repo.js";
import { jit } from "../cli/run.js";
import { readFileSync, writeFileSync } from "node:fs";
import { runReviewAction } from "../../src/action/run-review.js";
import type { ActionContext } from "../../src/action/context.js";
import { parseOutputs } from "../helpers/action-step.js";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-24T09:00:00Z");
const POLICY = `version: 1
admins: [carol]
groups:
  dbas: [dana, "@acme/dba"]
reviews:
  every: 90d
resources:
  web:
    provider: { type: github-team, org: acme, team: web }
    roles: [member]
    approvers: [erin]
    standing:
      # deploys every release
      - { grantee: deploy-bot, role: member, reviewed: "2026-10-01" }
      - { grantee: old-bot, role: member, reviewed: "2026-05-01" }
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    approvers: [group:dbas]
    standing:
      - grantee: zed
        role: member
        reviewed: "2026-07-01"
        reviewEvery: 120d
`;

let seed: TestRepo;
let origin: string;
let emu: CheckedEmulator;
let gh: GitHubClient;
const dirs: string[] = [];

function clone(): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), "jit-clone-"));
  dirs.push(dir);
  // The reviewer's identity goes into the clone's config as it is made (one process).
  execFileSync("git", ["clone", "-q", "-c", "user.email=r@example.com", "-c", "user.name=Reviewer", origin, dir]);
  return new TestRepo(dir);
}
const git = (...args: string[]) => execFileSync("git", ["-C", origin, ...args], { encoding: "utf8" }).trim();
const review = (o: Partial<ReviewOptions> = {}) => runReview({ gh, repoDir: clone().dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: NOW, botLogin: "jit-access[bot]", ...o });
const pulls = () => emu.state.listIssues("acme", "access").filter((i) => i.pull);

/** The bare origin every test starts from, made once: each test gets its own copy. */
let startOrigin: string;
beforeAll(() => {
  seed = TestRepo.init({ fromExample: false });
  seed.write("policy.yaml", POLICY);
  seed.commitAll("access repo", "2026-01-01T00:00:00Z");
  startOrigin = mkdtempSync(join(tmpdir(), "jit-origin-"));
  execFileSync("git", ["clone", "-q", "--bare", seed.dir, startOrigin]);
});
afterAll(() => {
  for (const d of [seed.dir, startOrigin]) rmSync(d, { recursive: true, force: true });
});

beforeEach(async () => {
  origin = mkdtempSync(join(tmpdir(), "jit-origin-"));
  dirs.push(origin);
  cpSync(startOrigin, origin, { recursive: true });
  emu = await startCheckedEmulator({ now: () => new Date(NOW) });
  emu.state.addOrg("acme");
  emu.state.addRepo("acme", "access", { gitDir: origin, defaultBranch: "main" });
  gh = createClient({ token: "test-token", baseUrl: emu.url, spaceWrites: false });
});
afterEach(async () => {
  await emu.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe("jit review", () => {
  it("opens one pull request removing exactly the entries due, mentioning each resource's approvers", async () => {
    const r = await review();
    expect(r).toMatchObject({ ok: true, outcome: "opened", pullRequest: { number: 1 } });
    // old-bot: 2026-05-01 + 90d; zed: 2026-07-01 + 120d = 2026-10-29. deploy-bot: due 2026-12-30.
    expect(r.due.map((e) => `${e.resource}:${e.grantee}`)).toEqual(["db:zed", "web:old-bot"]);
    const pr = emu.state.getPullRequest("acme", "access", 1)!;
    expect(pr.head.ref).toBe("jit/review");
    expect(pr.issue.title).toBe("Access review: 2 standing entries due");
    expect(pr.issue.body).toContain("Approvers: @dana @acme/dba");
    expect(pr.issue.body).toContain("Approvers: @erin");
    expect(pr.issue.body).toContain("| zed | member | 2026-07-01 | 120d | 2026-10-29 (26 days ago) |");
    expect(pr.issue.body).toMatch(/\*\*Keep\*\*: push a commit to this branch that puts the entry back with `reviewed: "2026-11-24"`/);
    // The change: exactly those entries, comments and the rest kept byte for byte.
    const proposed = git("show", "jit/review:policy.yaml") + "\n";
    expect(proposed).toBe(POLICY.replace('      - { grantee: old-bot, role: member, reviewed: "2026-05-01" }\n', "").replace(/ {4}standing:\n {6}- grantee: zed\n[\s\S]*$/, "    standing: []\n"));
    expect(loadPolicy("policy.yaml", Buffer.from(proposed)).diagnostics).toEqual([]);
    expect(git("log", "-1", "--format=%an%n%B", "jit/review")).toMatch(/^jit-access\[bot\]\nAccess review: 2 standing entries due: remove from policy.yaml[\s\S]*Jit-Review: standing$/);
  });

  it("is idempotent: a second run updates the same pull request, the branch unchanged", async () => {
    await review();
    const head = git("rev-parse", "jit/review");
    const again = await review({ now: NOW + DAY });
    expect(again).toMatchObject({ outcome: "unchanged", pullRequest: { number: 1 } });
    expect(git("rev-parse", "jit/review")).toBe(head);
    expect(pulls()).toHaveLength(1);
    expect(emu.state.getPullRequest("acme", "access", 1)!.issue.body).toContain("2026-10-29 (27 days ago)");
  });

  it("rebuilds its own branch when main moves or more falls due; never overwrites reviewers' pushes", async () => {
    await review();
    // deploy-bot falls due on 2026-12-30: the same pull request now removes three entries.
    const later = await review({ now: Date.parse("2026-12-31T09:00:00Z") });
    expect(later).toMatchObject({ outcome: "updated", pullRequest: { number: 1 } });
    expect(git("show", "jit/review:policy.yaml")).not.toContain("deploy-bot");
    expect(pulls()).toHaveLength(1);
    // A reviewer keeps deploy-bot: puts it back with a new review date on the branch.
    const ws = clone();
    ws.git("checkout", "-q", "jit/review");
    ws.write("policy.yaml", ws.git("show", "jit/review:policy.yaml").replace("    standing: []", "    standing:\n      - { grantee: deploy-bot, role: member, reviewed: \"2026-12-31\" }").replace("  web:\n    provider: { type: github-team, org: acme, team: web }\n    roles: [member]\n    approvers: [erin]\n    standing: []", "  web:\n    provider: { type: github-team, org: acme, team: web }\n    roles: [member]\n    approvers: [erin]\n    standing:\n      - { grantee: deploy-bot, role: member, reviewed: \"2026-12-31\" }"));
    ws.git("commit", "-qam", "Keep deploy-bot");
    ws.git("push", "-q", "origin", "jit/review");
    const reviewer = git("rev-parse", "jit/review");
    const kept = await review({ now: Date.parse("2027-01-01T09:00:00Z") });
    expect(kept).toMatchObject({ outcome: "kept", pullRequest: { number: 1 } });
    expect(git("rev-parse", "jit/review")).toBe(reviewer);
    expect(emu.state.getPullRequest("acme", "access", 1)!.issue.body).toContain("Reviewers have pushed to this branch");
  });

  it("with nothing due, closes its pull request and deletes the branch, and says so; nothing open: does nothing", async () => {
    await review();
    // The approvers keep everything: main gets new review dates.
    const ws = clone();
    ws.write("policy.yaml", POLICY.replace(/reviewed: "2026-0[57]-01"/g, 'reviewed: "2026-11-20"'));
    ws.git("commit", "-qam", "Review standing access");
    ws.git("push", "-q", "origin", "main");
    const r = await review({ now: NOW + DAY });
    expect(r).toMatchObject({ ok: true, outcome: "closed", due: [], message: "No standing access is due for review: closed #1." });
    expect(emu.state.getPullRequest("acme", "access", 1)!.issue.state).toBe("closed");
    expect(git("for-each-ref", "refs/heads/jit/review")).toBe("");
    const none = await review({ now: NOW + 2 * DAY });
    expect(none).toMatchObject({ ok: true, outcome: "nothing-due", message: "No standing access is due for review: nothing to do." });
    expect(pulls()).toHaveLength(1);
  });

  it("refuses, opening nothing, when the list cannot be edited textually or the policy is invalid", async () => {
    const ws = clone();
    ws.write("policy.yaml", POLICY.replace(/ {4}standing:\n {6}- grantee: zed\n[\s\S]*$/, '    standing: [{ grantee: zed, role: member, reviewed: "2026-01-01" }]\n'));
    ws.git("commit", "-qam", "flow style");
    ws.git("push", "-q", "origin", "main");
    const r = await review();
    expect(r).toMatchObject({ ok: false, outcome: "refused", message: expect.stringMatching(/no pull request was opened: The standing list of db is not a block list/) });
    ws.write("policy.yaml", "version: 1\n");
    ws.git("commit", "-qam", "broken");
    ws.git("push", "-q", "origin", "main");
    expect(await review()).toMatchObject({ ok: false, outcome: "refused", message: expect.stringMatching(/is not a valid policy/) });
    expect(pulls()).toHaveLength(0);
  });

  it("works from a shallow checkout (actions/checkout's default depth), after main moved too", async () => {
    const shallow = () => {
      const dir = mkdtempSync(join(tmpdir(), "jit-shallow-"));
      dirs.push(dir);
      execFileSync("git", ["clone", "-q", "--depth", "1", `file://${origin}`, dir]);
      return dir;
    };
    expect(await review({ repoDir: shallow() })).toMatchObject({ outcome: "opened" });
    expect(await review({ repoDir: shallow(), now: NOW + DAY })).toMatchObject({ outcome: "unchanged" });
    const ws = clone();
    ws.write("README.md", "access\n");
    ws.git("add", "README.md");
    ws.git("commit", "-qm", "docs");
    ws.git("push", "-q", "origin", "main");
    expect(await review({ repoDir: shallow(), now: NOW + DAY })).toMatchObject({ outcome: "updated" });
    expect(git("rev-parse", "jit/review^")).toBe(git("rev-parse", "main"));
  });

  it("--dry-run pushes and opens nothing", async () => {
    const r = await review({ dryRun: true });
    expect(r).toMatchObject({ outcome: "dry-run", message: "2 standing entries due: would open a pull request from jit/review." });
    expect(git("for-each-ref", "refs/heads/jit/review")).toBe("");
    expect(pulls()).toHaveLength(0);
  });

  it("from the command line: opens, then updates, and explains; refuses to run without a token", async () => {
    const dir = clone().dir;
    const args = ["review", "--repo", dir, "--repository", "acme/access", "--token", "test-token", "--api-url", emu.url, "--now", "2026-11-24T09:00:00Z", "--bot-login", "jit-access[bot]"];
    const first = await jit(args);
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toMatch(/^2 standing entries due: opened #1\. http.*\/acme\/access\/pull\/1\n {2}due: db: zed \(member\), last reviewed 2026-07-01\n {2}due: web: old-bot \(member\), last reviewed 2026-05-01\n$/);
    expect((await jit(args)).out).toMatch(/^2 standing entries due: updated #1 \(the proposed change is the same\)/);
    expect(await jit(["review", "--repo", dir])).toMatchObject({ code: 2, err: expect.stringMatching(/pass --token or set GITHUB_TOKEN/) });
    const help = await jit(["review", "--help"]);
    expect(help.out).toContain("jit review — the access review of standing access");
    expect((await jit(["help", "review"])).out).toBe(help.out);
  });

  it("as the Action's review command: job summary and outputs, in-process", async () => {
    const saved = { ...process.env };
    const tmp = mkdtempSync(join(tmpdir(), "jit-review-step-"));
    dirs.push(tmp);
    for (const f of ["output", "summary"]) writeFileSync(join(tmp, f), "");
    process.env.GITHUB_OUTPUT = join(tmp, "output");
    process.env.GITHUB_STEP_SUMMARY = join(tmp, "summary");
    try {
      const ctx: ActionContext = { command: "review", token: "test-token", policyPath: "policy.yaml", apiUrl: emu.url, owner: "acme", repo: "access", workspace: clone().dir, eventName: "schedule", now: NOW, defaultBranch: "main", runUrl: "https://github.com/acme/access/actions/runs/5" };
      expect(await runReviewAction(ctx, gh, { botLogin: "jit-access[bot]", dryRun: false })).toBe(true);
      expect(parseOutputs(readFileSync(join(tmp, "output"), "utf8"))).toMatchObject({ due: "2", review: "opened", "pull-request": "1" });
      const summary = readFileSync(join(tmp, "summary"), "utf8");
      expect(summary).toContain("2 standing entries due: opened [#1](");
      expect(summary).toContain("| db | zed | member | 2026-07-01 |");
      expect(emu.state.getPullRequest("acme", "access", 1)!.issue.body).toContain("([run](https://github.com/acme/access/actions/runs/5))");
    } finally {
      process.env = saved;
    }
  });
});
