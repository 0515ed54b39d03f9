// Extensions are verified again at apply time, as of their merge: an extension merged
// before the resource's extendAfter point (or over maxExtensions) is refused by apply even
// though it reached main with approvals, and the earlier expiry stays in force; one merged
// after that point moves the expiry with no gap.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/commands/apply.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const POLICY = `version: 1
admins: [carol]
resources:
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    maxDuration: 4h
    maxExtensions: 1
    extendAfter: 0.5
    approvers: [dana]
`;
const PATH = "leases/db/zed.yaml";
const zed = (duration: string) => lease({ grantee: "zed", resource: "db", role: "member", duration, reason: "Investigate the slow queries" });
const H = 3_600_000;
const T0 = Date.parse("2026-11-24T08:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;

/** A pull request from a branch, approved by dana on its head, merged at `at`. */
function mergedPr(branch: string, content: string, at: number): string {
  repo.branch(branch).write(PATH, content);
  const head = repo.commitAll(branch, iso(at - 10 * 60_000));
  repo.checkout("main");
  const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
  emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  const merge = repo.merge(branch, iso(at));
  emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
  emu.state.associateCommit("acme", "access", merge, pr.number);
  return merge;
}
function apply(now: number) {
  const registry = createProviderRegistry(gh);
  return runApply({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", providerFor: (id, policy) => registry(policy.resources.get(id)!), dryRun: false });
}

beforeEach(async () => {
  repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", POLICY).write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(POLICY)).policy!, "policy.yaml"));
  repo.commitAll("access repo", iso(T0 - H));
  emu = await startCheckedEmulator();
  emu.state.addOrg("acme");
  emu.state.addTeam("acme", "db");
  for (const u of ["zed", "dana", "carol"]) emu.state.addOrgMember("acme", u);
  emu.state.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 1 });
  mergedPr("add", zed("2h"), T0); // window 08:00–10:00; extensions allowed from 09:00
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

describe("extensions at apply time", () => {
  it("refuses an extension merged before extendAfter: the earlier expiry stays", async () => {
    const ext = mergedPr("early", zed("4h"), T0 + 0.5 * H - 60_000); // 08:29, before 09:00
    const r = await apply(T0 + 1.5 * H);
    expect(r.findings.map((f) => [f.lease, f.commit])).toEqual([[PATH, ext]]);
    expect(r.findings[0]!.message).toContain("lease-extension-too-early");
    expect(r.active.map((a) => [a.path, a.end])).toEqual([[PATH, T0 + 2 * H]]);
    expect(r.ok).toBe(false);
  });

  it("applies an extension merged after extendAfter, with no gap", async () => {
    mergedPr("later", zed("4h"), T0 + 1.25 * H); // 09:15
    const r = await apply(T0 + 1.5 * H);
    expect(r.findings).toEqual([]);
    expect(r.active.map((a) => [a.path, a.start, a.end])).toEqual([[PATH, T0, T0 + 4 * H]]);
    expect([...emu.state.getTeam("acme", "db")!.members.keys()]).toEqual(["zed"]);
  });
});
