// Leases that hide from their reviewers or aim at the parser, end to end: a real access repo
// in git, pull requests and reviews in the GitHub API emulator, the real GitHub providers,
// `runValidate` as the pull request check runs it, `runApply` and `runAudit`.
// - A NUL byte hides a lease from its reviewers: git (and GitHub's diff) show the file as
//   binary. Refused by the check; never granted even when approved and merged; the audit
//   says nothing was granted for it.
// - Deeply nested YAML can abort the process: a merged lease of 10,000 nested '[' is rejected
//   and the run goes on to grant the others.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/commands/apply.js";
import type { ApplyResult } from "../../src/commands/apply.js";
import { runAudit } from "../../src/commands/audit.js";
import { runValidate } from "../../src/commands/validate.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "test-evidence-key";
const NOW = Date.parse("2026-11-24T10:00:00Z");

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;

beforeEach(async () => {
  repo = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  repo.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  repo.commitAll("start without leases", "2026-11-20T09:30:00Z");
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "mallory", "carol", "sam", "rita", "dana", "platform-bot"]) s.addOrgMember("acme", u);
  const team = (slug: string, ...members: string[]) => {
    s.addTeam("acme", slug);
    for (const m of members) s.addTeamMember("acme", slug, m);
  };
  team("security", "sam");
  team("sre-leads", "rita");
  team("security-admins", "sam");
  team("engineering", "zed", "mallory", "rita");
  team("dba", "dana");
  s.addTeam("acme", "platform-admins");
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  s.addTeam("acme", "prod-db-readers");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
  gh = createClient({ token: "test-token", baseUrl: emu.url });
});

afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

/** A pull request adding files, approved by `reviewers`, merged by carol. */
function mergePr(branch: string, author: string, files: Record<string, string>, reviewers: string[]) {
  repo.branch(branch);
  for (const [p, c] of Object.entries(files)) repo.write(p, c);
  const head = repo.commitAll(`request ${branch}`, "2026-11-24T08:30:00Z");
  repo.checkout("main");
  const pr = emu.state.addPullRequest("acme", "access", { author, base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
  for (const user of reviewers) emu.state.addReview("acme", "access", pr.number, { user, state: "APPROVED", commitId: head, submittedAt: "2026-11-24T08:50:00Z" });
  const merge = repo.merge(branch, "2026-11-24T09:00:00Z");
  emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge, mergedBy: "carol" });
  emu.state.associateCommit("acme", "access", merge, pr.number);
  return merge;
}

function apply(): Promise<ApplyResult> {
  const providerFor = createProviderRegistry(gh);
  return runApply({
    gh,
    repoDir: repo.dir,
    owner: "acme",
    repo: "access",
    defaultBranch: "main",
    policyPath: "policy.yaml",
    now: NOW,
    ref: "HEAD",
    evidenceKey: KEY,
    providerFor: (id, policy) => providerFor(policy.resources.get(id)!),
    dryRun: false,
  });
}

async function members(slug: string): Promise<string[]> {
  const list = await gh.paginate(gh.rest.teams.listMembersInOrg, { org: "acme", team_slug: slug, per_page: 100 });
  return list.map((m) => m.login).sort();
}

const adminLease = (grantee: string) => lease({ grantee, resource: "platform-admins", role: "member", duration: "2h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77" });
/** mallory's lease: it reads as an ordinary request, with a NUL hidden in a trailing comment. */
const hidden = adminLease("mallory") + "# thanks!\u0000\n";
const PATH = "leases/platform-admins/mallory.yaml";

describe("a NUL byte hides a lease from its reviewers", () => {
  it("git shows the file as binary (what reviewers see on GitHub), and the pull request check refuses it at the NUL", async () => {
    repo.branch("mallory").write(PATH, hidden);
    repo.commitAll("request", "2026-11-24T08:30:00Z");
    expect(repo.git("diff", "--numstat", "main", "mallory").trim()).toBe(`-\t-\t${PATH}`);

    const report = await runValidate({ repo: repo.dir, base: "main", head: "mallory", author: "mallory", now: NOW, policyPath: "policy.yaml", resolveFacts: async () => ({ teams: new Map([["acme/engineering", new Set(["mallory"])]]), orgMembers: new Map([["acme/mallory", true]]) }) });
    expect(report.ok).toBe(false);
    const line = hidden.split("\n").length - 1;
    expect(report.files.flatMap((f) => f.errors).map((d) => `${d.file}:${d.code}@${d.line}:${d.column}`)).toEqual([`${PATH}:file-control-character@${line}:10`]);

    // The whole-repo check (jit validate on the branch) refuses it too.
    const whole = await runValidate({ repo: repo.dir, head: "mallory", now: NOW, policyPath: "policy.yaml" });
    expect(whole.files.flatMap((f) => f.errors).map((d) => d.code)).toContain("file-control-character");
  });

  it("approved and merged anyway, it is never granted; apply names the rule, the audit says nothing was granted", async () => {
    const merge = mergePr("mallory", "mallory", { [PATH]: hidden }, ["sam", "rita"]);
    const r = await apply();
    expect(r.results.filter((x) => x.action.kind === "grant")).toEqual([]);
    expect(r.findings.map((f) => f.message).join("\n")).toMatch(/mallory\.yaml was not granted: invalid: the lease file does not parse \(file-control-character at \d+:10: .*NUL/);
    expect(await members("platform-admins")).toEqual(["platform-bot"]);

    const audit = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, evidenceKey: KEY, repository: "acme/access" });
    expect(audit.findings.filter((f) => f.lease === PATH).map((f) => `${f.code}@${f.commit}`)).toEqual([`unapproved-lease@${merge}`]);
    expect(audit.leases.filter((l) => l.path === PATH)).toEqual([]);
  });
});

describe("deeply nested YAML can abort the process", () => {
  it("a merged lease of 10,000 nested '[' is rejected, and the run still grants the other lease", async () => {
    const deep = "leases/platform-admins/deep.yaml";
    mergePr("deep", "mallory", { [deep]: adminLease("mallory").replace("reason:", `notes: ${"[".repeat(10_000)}\nreason:`) }, ["sam", "rita"]);
    mergePr("zed", "zed", { "leases/platform-admins/zed.yaml": adminLease("zed") }, ["sam", "rita"]);
    const r = await apply();
    expect(r.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.outcome.status}`)).toEqual(["grant:zed:granted"]);
    expect(r.findings.map((f) => f.message).join("\n")).toMatch(/deep\.yaml was not granted: invalid: the lease file does not parse \(yaml-too-deep at 5:40/);
    expect(await members("platform-admins")).toEqual(["platform-bot", "zed"]);
  });
});
