// Auto-approval by rule, at apply time: a pull request merged with no approval is granted only
// when the verified base policy has a rule it matches, judged again as of the merge; the
// evidence and the audit say which rule. Every attack below reached main without a human
// approval (as a bypass merge could) and must be refused.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/commands/apply.js";
import { runAudit } from "../../src/commands/audit.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const RULE = `    autoApprove:
      - name: oncall-short
        requesters: ["@acme/oncall"]
        roles: [member]
        maxDuration: 2h
        maxPerWeek: 2
`;
const policy = (rule: string) => `version: 1
admins: [carol]
resources:
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member, maintainer]
    maxDuration: 8h
    approvers: [dana]
${rule}  web:
    provider: { type: github-team, org: acme, team: web }
    roles: [member]
    approvers: [dana]
${rule}`;
const KEY = "k".repeat(32);
const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.parse("2026-11-24T08:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const req = (grantee: string, resource: string, duration: string, role = "member") => lease({ grantee, resource, role, duration, reason: "Investigate the slow queries" });

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;

/** A pull request from a branch by `author`, merged at `at` with no review (approved by dana when asked). */
function mergedPr(branch: string, files: Record<string, string>, at: number, o: { author?: string; approvedBy?: string } = {}): string {
  repo.branch(branch);
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  const head = repo.commitAll(branch, iso(at - 10 * 60_000));
  repo.checkout("main");
  const pr = emu.state.addPullRequest("acme", "access", { author: o.author ?? "zed", base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
  if (o.approvedBy) emu.state.addReview("acme", "access", pr.number, { user: o.approvedBy, state: "APPROVED", commitId: head });
  const merge = repo.merge(branch, iso(at));
  emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge, mergedBy: "jit-access[bot]" });
  emu.state.associateCommit("acme", "access", merge, pr.number);
  return merge;
}
function apply(now: number) {
  const registry = createProviderRegistry(gh);
  return runApply({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
}
const members = (team: string) => [...(emu.state.getTeam("acme", team)?.members.keys() ?? [])];

async function setup(text: string) {
  repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", text).write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(text)).policy!, "policy.yaml"));
  repo.commitAll("access repo", iso(T0 - 30 * DAY));
  emu = await startCheckedEmulator();
  emu.state.addOrg("acme");
  for (const t of ["db", "web", "oncall"]) emu.state.addTeam("acme", t);
  for (const u of ["zed", "yan", "dana", "carol"]) emu.state.addOrgMember("acme", u);
  emu.state.addTeamMember("acme", "oncall", "zed");
  emu.state.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 1 });
}
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

describe("auto-approval by rule at apply", () => {
  beforeEach(() => setup(policy(RULE)));

  it("grants a matching request with no review, and records the rule in signed evidence and the audit", async () => {
    const merge = mergedPr("a", { "leases/db/zed.yaml": req("zed", "db", "1h") }, T0);
    const r = await apply(T0 + 60_000);
    expect(r.findings).toEqual([]);
    expect(r.verified.map((v) => [v.verdict, v.autoApproved?.rule, v.approvals.length])).toEqual([["approved", "oncall-short", 0]]);
    expect(r.recorded).toEqual(["leases/db/zed.yaml"]);
    expect(members("db")).toEqual(["zed"]);
    const audit = await runAudit({ repoDir: repo.dir, ref: "HEAD", policyPath: "policy.yaml", now: T0 + 2 * 60_000, evidenceKey: KEY, repository: "acme/access" });
    const l = audit.leases.find((x) => x.path === "leases/db/zed.yaml")!;
    expect(l.autoApprovedBy).toBe("oncall-short");
    expect(l.evidence).toBe("signed-note");
    expect(l.events.find((e) => e.kind === "approved")).toMatchObject({ commit: merge, detail: expect.stringContaining("auto-approved by rule oncall-short") });
    expect(audit.findings.filter((f) => f.code === "unapproved-lease")).toEqual([]);
  });

  it("refuses a lease longer than the rule's maxDuration (within the resource's)", async () => {
    mergedPr("a", { "leases/db/zed.yaml": req("zed", "db", "3h") }, T0);
    const r = await apply(T0 + 60_000);
    expect(r.verified[0]!.verdict).toBe("rejected");
    expect(r.verified[0]!.findings.join("\n")).toContain("over its maxDuration of 2h");
    expect(members("db")).toEqual([]);
  });

  it("refuses a requester the rule does not name", async () => {
    mergedPr("a", { "leases/db/yan.yaml": req("yan", "db", "1h") }, T0, { author: "yan" });
    const r = await apply(T0 + 60_000);
    expect(r.verified[0]!.verdict).toBe("rejected");
    expect(r.verified[0]!.findings.join("\n")).toContain("yan is not among its requesters");
    expect(members("db")).toEqual([]);
  });

  it("refuses a role the rule does not cover", async () => {
    mergedPr("a", { "leases/db/zed.yaml": req("zed", "db", "1h", "maintainer") }, T0);
    const r = await apply(T0 + 60_000);
    expect(r.verified[0]!.verdict).toBe("rejected");
    expect(members("db")).toEqual([]);
  });

  it("refuses a pull request that changes two files, even two auto-approvable leases", async () => {
    mergedPr("a", { "leases/db/zed.yaml": req("zed", "db", "1h"), "leases/web/zed.yaml": req("zed", "web", "1h") }, T0);
    const r = await apply(T0 + 60_000);
    expect(r.verified.map((v) => v.verdict)).toEqual(["rejected", "rejected"]);
    expect(r.verified[0]!.findings.join("\n")).toContain("changes 2 files");
    expect(members("db")).toEqual([]);
    expect(members("web")).toEqual([]);
  });

  it("refuses the request over the weekly quota, counted from signed evidence of earlier runs", async () => {
    mergedPr("a", { "leases/db/zed-1.yaml": req("zed", "db", "1h") }, T0);
    expect((await apply(T0 + 60_000)).verified[0]!.verdict).toBe("approved");
    mergedPr("b", { "leases/db/zed-2.yaml": req("zed", "db", "1h") }, T0 + 2 * DAY);
    expect((await apply(T0 + 2 * DAY + 60_000)).verified[0]!.verdict).toBe("approved");
    mergedPr("c", { "leases/db/zed-3.yaml": req("zed", "db", "1h") }, T0 + 4 * DAY);
    const third = await apply(T0 + 4 * DAY + 60_000);
    expect(third.verified.map((v) => v.verdict)).toEqual(["rejected"]);
    expect(third.verified[0]!.findings.join("\n")).toContain("already had 2 lease(s) auto-approved by it");
    // A week after the first, one quota use has aged out.
    mergedPr("d", { "leases/db/zed-4.yaml": req("zed", "db", "1h") }, T0 + 7 * DAY + H);
    expect((await apply(T0 + 7 * DAY + H + 60_000)).verified.map((v) => v.verdict)).toEqual(["approved"]);
  });

  it("counts the quota within one run, oldest merge first", async () => {
    mergedPr("a", { "leases/db/zed-c.yaml": req("zed", "db", "2h") }, T0);
    mergedPr("b", { "leases/db/zed-b.yaml": req("zed", "db", "2h") }, T0 + H / 2);
    mergedPr("c", { "leases/db/zed-a.yaml": req("zed", "db", "2h") }, T0 + H);
    const r = await apply(T0 + H + 60_000);
    expect(r.verified.map((v) => [v.lease, v.verdict])).toEqual([
      ["leases/db/zed-c.yaml", "approved"],
      ["leases/db/zed-b.yaml", "approved"],
      ["leases/db/zed-a.yaml", "rejected"],
    ]);
  });

  it("still grants a request a human approved, with no rule named", async () => {
    mergedPr("a", { "leases/db/zed.yaml": req("zed", "db", "6h", "maintainer") }, T0, { approvedBy: "dana" });
    const r = await apply(T0 + 60_000);
    expect(r.verified.map((v) => [v.verdict, v.autoApproved])).toEqual([["approved", undefined]]);
  });
});

describe("the base policy is what counts", () => {
  beforeEach(() => setup(policy("")));

  it("refuses a request whose pull request adds the rule it would match", async () => {
    const withRule = policy(RULE);
    mergedPr("a", { "policy.yaml": withRule, "leases/db/zed.yaml": req("zed", "db", "1h") }, T0);
    const r = await apply(T0 + 60_000);
    const ev = r.verified.find((v) => v.lease === "leases/db/zed.yaml");
    expect(ev?.verdict).toBe("rejected");
    expect(ev?.autoApproved).toBeUndefined();
    expect(members("db")).toEqual([]);
  });

  it("refuses a request matching a rule of a policy version nobody approved", async () => {
    // The rule reaches main through an unreviewed pull request: never in force.
    mergedPr("p", { "policy.yaml": policy(RULE), ".github/CODEOWNERS": generateCodeowners(loadPolicy("policy.yaml", Buffer.from(policy(RULE))).policy!, "policy.yaml") }, T0 - H);
    mergedPr("a", { "leases/db/zed.yaml": req("zed", "db", "1h") }, T0);
    const r = await apply(T0 + 60_000);
    const ev = r.verified.find((v) => v.lease === "leases/db/zed.yaml");
    expect(ev?.verdict).toBe("rejected");
    expect(ev?.findings.join("\n")).toContain("approvals-missing");
    expect(members("db")).toEqual([]);
  });

  it("refuses a request merged with no approval when no rule exists (as before)", async () => {
    mergedPr("a", { "leases/db/zed.yaml": req("zed", "db", "1h") }, T0);
    const r = await apply(T0 + 60_000);
    expect(r.verified[0]!.verdict).toBe("rejected");
    expect(members("db")).toEqual([]);
  });
});
