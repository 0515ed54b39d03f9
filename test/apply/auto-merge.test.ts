// Auto-merge by rule on a branch whose rules require an approving review: only the App, in the
// bypass list, can merge without one, and it does so only for a pull request an autoApprove
// rule matches; apply then grants it, recording the rule. The emulator's merge route enforces
// the rules for everyone else.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { autoMergeByRule } from "../../src/approval/auto-merge.js";
import { runApply } from "../../src/commands/apply.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { setMergeRules } from "../../src/emulator/index.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { FileChange } from "../../src/validate/inputs.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const POLICY = `version: 1
admins: [carol]
resources:
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    approvers: [dana]
    autoApprove:
      - name: short
        requesters: [zed]
        maxDuration: 1h
`;
const T0 = Date.parse("2026-11-24T08:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
let now = T0;

let repo: TestRepo;
let emu: CheckedEmulator;
let bot: GitHubClient;
let zed: GitHubClient;

/** The access repo every test starts from, made once: each test gets its own copy. */
let start: TestRepo;
beforeAll(() => {
  start = TestRepo.init({ fromExample: false });
  start.write("policy.yaml", POLICY).write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(POLICY)).policy!, "policy.yaml"));
  start.commitAll("access repo", iso(T0 - 3_600_000));
});
afterAll(() => start.cleanup());

beforeEach(async () => {
  repo = start.copy();
  now = T0;
  emu = await startCheckedEmulator({ now: () => new Date(now) });
  emu.state.addOrg("acme");
  emu.state.addTeam("acme", "db");
  for (const u of ["zed", "dana", "carol"]) emu.state.addOrgMember("acme", u, u === "carol" ? "admin" : "member");
  emu.state.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  emu.state.addToken("zed-token", "zed");
  emu.state.addCollaborator("acme", "access", "zed", "push");
  setMergeRules(emu.state, "acme", "access", "main", { requiredApprovingReviews: 1, requiredChecks: [{ context: "jit-access / validate", app: "jit-access" }], bypassApps: ["jit-access"] });
  bot = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 1 });
  zed = createClient({ token: "zed-token", baseUrl: emu.url, retryBaseMs: 1 });
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

/** zed's pull request adding these files, opened through the API. */
async function open(files: Record<string, string>): Promise<{ number: number; headSha: string; changes: FileChange[] }> {
  const headSha = repo.commitOn("req", files, "request", { time: iso(now - 60_000) });
  const { data } = await zed.rest.pulls.create({ owner: "acme", repo: "access", head: "req", base: "main", title: "access" });
  const changes: FileChange[] = Object.entries(files).map(([path, c]) => ({ status: "added", path, head: { path, mode: "file", bytes: Buffer.from(c) } }));
  return { number: data.number, headSha, changes };
}
const merge = (gh: GitHubClient, number: number) => gh.rest.pulls.merge({ owner: "acme", repo: "access", pull_number: number });
const policy = loadPolicy("policy.yaml", Buffer.from(POLICY)).policy!;
const req = (duration: string) => lease({ grantee: "zed", resource: "db", role: "member", duration, reason: "Investigate the slow queries" });

describe("emulator: the merge route respects branch rules and the bypass list", () => {
  it("refuses a merge without an approving review to the author, and after one allows it", async () => {
    const pr = await open({ "leases/db/zed.yaml": req("2h") });
    await expect(merge(zed, pr.number)).rejects.toMatchObject({ status: 405, message: expect.stringContaining("At least 1 approving review is required") });
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: pr.headSha });
    await expect(merge(zed, pr.number)).rejects.toMatchObject({ status: 405, message: expect.stringContaining('Required status check "jit-access / validate" is expected.') });
    emu.state.addCheckRun("acme", "access", { headSha: pr.headSha, name: "jit-access / validate", status: "completed", conclusion: "success" });
    const { data } = await merge(zed, pr.number);
    expect(data.merged).toBe(true);
    expect(repo.head("main")).toBe(data.sha);
    expect(emu.state.getPullRequest("acme", "access", pr.number)).toMatchObject({ merged: true, mergeCommitSha: data.sha });
  });

  it("lets the App in the bypass list merge without a review, and no one else", async () => {
    const pr = await open({ "leases/db/zed.yaml": req("2h") });
    setMergeRules(emu.state, "acme", "access", "main", { requiredApprovingReviews: 1, bypassApps: [] });
    await expect(merge(bot, pr.number)).rejects.toMatchObject({ status: 405 });
    setMergeRules(emu.state, "acme", "access", "main", { requiredApprovingReviews: 1, bypassApps: ["jit-access"] });
    await expect(bot.rest.pulls.merge({ owner: "acme", repo: "access", pull_number: pr.number, sha: "0".repeat(40) })).rejects.toMatchObject({ status: 409 });
    expect((await merge(bot, pr.number)).data.merged).toBe(true);
    await expect(merge(bot, pr.number)).rejects.toMatchObject({ status: 405, message: expect.stringContaining("not mergeable") });
  });
});

describe("auto-merge by rule", () => {
  it("merges a matching request with the App token, and apply grants it as auto-approved", async () => {
    const pr = await open({ "leases/db/zed.yaml": req("1h") });
    const r = await autoMergeByRule(bot, { owner: "acme", repo: "access", pullRequest: pr, requester: "zed", policy, changes: pr.changes, validated: true, now, history: [], ownChecks: ["jit-access / validate", "jit-access / approvals"] });
    expect(r).toMatchObject({ merged: true, rule: "short" });
    now += 60_000;
    const registry = createProviderRegistry(bot);
    const applied = await runApply({ gh: bot, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "main", providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
    expect(applied.verified.map((v) => [v.verdict, v.autoApproved?.rule])).toEqual([["approved", "short"]]);
    expect([...emu.state.getTeam("acme", "db")!.members.keys()]).toEqual(["zed"]);
  });

  it("does not merge what no rule matches, a failed validation, or while another check has not passed", async () => {
    const long = await open({ "leases/db/zed.yaml": req("2h") });
    const base = { owner: "acme", repo: "access", requester: "zed", policy, validated: true, now, history: [], ownChecks: ["jit-access / validate"] };
    const r1 = await autoMergeByRule(bot, { ...base, pullRequest: long, changes: long.changes });
    expect(r1.merged).toBe(false);
    expect(!r1.merged && r1.reasons.join()).toContain("over its maxDuration of 1h");
    const short = { ...long, changes: [{ ...long.changes[0]!, head: { ...long.changes[0]!.head!, bytes: Buffer.from(req("1h")) } }] };
    expect((await autoMergeByRule(bot, { ...base, validated: false, pullRequest: short, changes: short.changes })).merged).toBe(false);
    emu.state.addCheckRun("acme", "access", { headSha: long.headSha, name: "lint", status: "in_progress" });
    const r3 = await autoMergeByRule(bot, { ...base, pullRequest: short, changes: short.changes });
    expect(!r3.merged && r3.reasons.join()).toContain("lint (in_progress)");
    expect(emu.state.getPullRequest("acme", "access", long.number)?.merged).toBe(false);
  });
});
