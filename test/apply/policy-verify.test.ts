// Policy changes are verified like lease changes: a version of policy.yaml is in force only
// when it is the bootstrap or reached main through a merged pull request approved on its
// final head by an admin of the policy in force before it, content as reviewed. Each attack
// below pushes or merges a policy version that must not be obeyed: apply keeps the last
// verified version, reports the refused one and fails; revocations keep working; the audit
// flags it. Real git, the GitHub API emulator, the real providers.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runApply } from "../../src/commands/apply.js";
import type { ApplyResult } from "../../src/commands/apply.js";
import { runAudit } from "../../src/commands/audit.js";
import { runBreakGlass } from "../../src/commands/break-glass.js";
import { runExpire } from "../../src/commands/expire.js";
import { runRevoke } from "../../src/commands/revoke.js";
import { formatNote, isTrusted, noteSigner, parseNote, signNote } from "../../src/evidence/evidence.js";
import type { EvidenceNote } from "../../src/evidence/evidence.js";
import { readNotes, writeNote } from "../../src/git/evidence-notes.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { loadPolicy } from "../../src/policy/load-policy.js";

const KEY = "test-evidence-key";
const SIGNER = noteSigner("acme", "access", KEY);
const NOW = Date.parse("2026-11-24T10:00:00Z");

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
let bootstrap: string;

/** The access repo every test starts from, made once: each test gets its own copy. */
let start: TestRepo;
beforeAll(() => {
  start = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  // The example's policy is the bootstrap; its leases never went through a pull request here.
  start.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  start.git("add", "-A");
  start.git("commit", "-q", "--amend", "--no-edit");
});
afterAll(() => start.cleanup());

beforeEach(async () => {
  repo = start.copy();
  bootstrap = repo.head();
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
  team("security-admins", "sam"); // the policy's admins
  team("engineering", "zed", "mallory", "rita");
  team("dba", "dana");
  team("web-deployers");
  s.addTeam("acme", "platform-admins");
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  s.addTeam("acme", "prod-db-readers");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 1 });
});

afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

const policyText = () => readFileSync(join(repo.dir, "policy.yaml"), "utf8");
/** The policy with mallory declared a standing maintainer of platform-admins. */
const withMalloryStanding = () => policyText().replace("      - grantee: platform-bot\n        role: maintainer\n", "      - grantee: platform-bot\n        role: maintainer\n      - grantee: mallory\n        role: maintainer\n");
const withDaveStanding = () => policyText().replace("      - grantee: platform-bot\n        role: maintainer\n", "      - grantee: platform-bot\n        role: maintainer\n      - grantee: dave\n        role: member\n");

interface PrSpec {
  branch: string;
  author: string;
  files: Record<string, string>;
  reviews?: Array<{ user: string; state?: "APPROVED" | "CHANGES_REQUESTED"; commit?: "first" }>;
  /** A second commit pushed after the reviews of the first. */
  update?: Record<string, string>;
  /** Content the merge commit gets instead of what was reviewed (changed while merging). */
  alterOnMerge?: Record<string, string>;
  mergeTime?: string;
}

function mergePr(spec: PrSpec) {
  const first = repo.commitOn(spec.branch, spec.files, `change ${spec.branch}`, { time: "2026-11-24T08:30:00Z" });
  let head = first;
  if (spec.update) head = repo.commitOn(spec.branch, spec.update, `update ${spec.branch}`, { time: "2026-11-24T08:40:00Z" });
  const pr = emu.state.addPullRequest("acme", "access", { author: spec.author, base: "main", baseSha: repo.head("main"), head: spec.branch, headSha: head });
  for (const r of spec.reviews ?? []) emu.state.addReview("acme", "access", pr.number, { user: r.user, state: r.state ?? "APPROVED", commitId: r.commit === "first" ? first : head, submittedAt: "2026-11-24T08:50:00Z" });
  const when = spec.mergeTime ?? "2026-11-24T09:00:00Z";
  let merge: string;
  if (spec.alterOnMerge) {
    repo.time = when;
    repo.git("merge", "-q", "--no-ff", "--no-commit", spec.branch);
    for (const [p, c] of Object.entries(spec.alterOnMerge)) repo.write(p, c);
    merge = repo.commitAll(`Merge ${spec.branch}`, when);
    delete repo.time;
  } else merge = repo.merge(spec.branch, when);
  emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge, mergedBy: "carol" });
  emu.state.associateCommit("acme", "access", merge, pr.number);
  return { pr, merge, head };
}

const options = (now: number) => {
  const registry = createProviderRegistry(gh);
  return { gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: (id: string, p: ApplyResult["policy"]) => registry(p.resources.get(id)!), dryRun: false };
};
const apply = (now = NOW) => runApply(options(now));

async function members(slug: string): Promise<string[]> {
  const list = await gh.paginate(gh.rest.teams.listMembersInOrg, { org: "acme", team_slug: slug, per_page: 100 });
  return list.map((m) => m.login).sort();
}
const policyFindings = (r: ApplyResult) => r.findings.filter((f) => f.lease === "policy.yaml").map((f) => f.message);
const adminLease = (grantee: string, extra: Record<string, string> = {}) =>
  lease({ grantee, resource: "platform-admins", role: "member", duration: "2h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77", ...extra });

/** Apply must keep the verified policy: mallory is not made a standing maintainer, and the run fails naming the commit. */
async function expectNotObeyed(commit: string, why: RegExp): Promise<ApplyResult> {
  const r = await apply();
  expect(r.ok).toBe(false);
  expect(r.results.filter((x) => x.action.kind === "grant")).toEqual([]);
  expect(await members("platform-admins")).toEqual(["platform-bot"]);
  expect(r.policy.resources.get("platform-admins")!.standing.map((s) => s.grantee)).toEqual(["platform-bot"]);
  expect(r.policyVersion.commit).toBe(bootstrap);
  const found = policyFindings(r);
  expect(found).toHaveLength(1);
  expect(found[0]).toContain(`policy-unverified: policy.yaml as changed in ${commit.slice(0, 7)} is not in force`);
  expect(found[0]).toMatch(why);
  return r;
}

describe("policy changes: attacks are not obeyed", () => {
  it("a direct push to main adding `standing: mallory maintainer` is not applied, is reported, and fails the run", async () => {
    repo.write("policy.yaml", withMalloryStanding());
    const push = repo.commitAll("make mallory a standing maintainer", "2026-11-24T09:00:00Z");
    const r = await expectNotObeyed(push, /without a merged pull request/);
    // The refusal is recorded (signed) in the push's note: later runs and the audit know it without the API.
    const note = parseNote((await readNotes(repo.dir)).get(push)!)!;
    expect(isTrusted(note, push, SIGNER)).toBe(true);
    expect(note.policy).toMatchObject({ path: "policy.yaml", verdict: "rejected" });
    expect(r.policyVerified.map((e) => e.verdict).sort()).toEqual(["approved", "rejected"]); // the bootstrap, and the push
    emu.resetLog();
    await expectNotObeyed(push, /without a merged pull request/);
    expect(emu.requests.filter((x) => x.path.includes("/pulls") || x.path.includes("/commits/"))).toEqual([]);
  });

  it("a forged verdict in the push's note (unsigned, signed with another key, or signed for another repository) does not stand in for verification", async () => {
    repo.write("policy.yaml", withMalloryStanding());
    const push = repo.commitAll("make mallory a standing maintainer", "2026-11-24T09:00:00Z");
    const blob = repo.git("rev-parse", `${push}:policy.yaml`).trim();
    const forged: EvidenceNote = { version: 1, leases: [], policy: { path: "policy.yaml", blob, verdict: "approved", approvals: [{ reviewer: "sam", reviewId: 1, commit: push, submittedAt: "2026-11-24T09:00:00Z" }], policyCommit: bootstrap, findings: [], verifiedAt: "2026-11-24T09:00:00Z" } };
    for (const note of [forged, signNote(forged, push, noteSigner("acme", "access", "someone-elses-key")), signNote(forged, push, noteSigner("acme", "other-access", KEY))]) {
      await writeNote(repo.dir, push, formatNote(note));
      await expectNotObeyed(push, /without a merged pull request/);
    }
  });

  it("mallory added by hand and declared standing by a direct push is still revoked as drift", async () => {
    emu.state.addTeamMember("acme", "platform-admins", "mallory", "maintainer");
    repo.write("policy.yaml", withMalloryStanding());
    repo.commitAll("make mallory a standing maintainer", "2026-11-24T09:00:00Z");
    const r = await apply();
    expect(r.ok).toBe(false);
    expect(r.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:mallory"]);
    expect(await members("platform-admins")).toEqual(["platform-bot"]);
  });

  it("a pull request changing the policy approved only by a non-admin is not applied", async () => {
    const { merge } = mergePr({ branch: "mallory", author: "mallory", files: { "policy.yaml": withMalloryStanding() }, reviews: [{ user: "rita" }, { user: "mallory" }] });
    await expectNotObeyed(merge, /approvals-missing: 1 more approval from @acme\/security-admins.*rita is not an admin of the policy in force/s);
  });

  it("a pull request that makes its approver an admin does not approve itself (judged by the admins before it)", async () => {
    const policy = withMalloryStanding().replace('admins:\n  - "@acme/security-admins"\n', 'admins:\n  - "@acme/security-admins"\n  - rita\n');
    const { merge } = mergePr({ branch: "mallory", author: "mallory", files: { "policy.yaml": policy }, reviews: [{ user: "rita" }] });
    await expectNotObeyed(merge, /rita is not an admin of the policy in force/);
  });

  it("a pull request approved by an admin, then pushed to after the approval, is not applied", async () => {
    const { merge } = mergePr({ branch: "mallory", author: "mallory", files: { "policy.yaml": withDaveStanding() }, update: { "policy.yaml": withMalloryStanding() }, reviews: [{ user: "sam", commit: "first" }] });
    await expectNotObeyed(merge, /sam approved an older commit/);
  });

  it("a pull request approved by an admin whose merge landed other content than reviewed is not applied", async () => {
    const { merge } = mergePr({ branch: "mallory", author: "mallory", files: { "policy.yaml": withDaveStanding() }, reviews: [{ user: "sam" }], alterOnMerge: { "policy.yaml": withMalloryStanding() } });
    await expectNotObeyed(merge, /content-differs: policy.yaml on main .* is not the version reviewed in PR #1/);
  });

  it("a lease is judged by the verified policy before it, not by an unverified version pushed just before", async () => {
    // mallory lets any engineer stand in for the sre-leads (CODEOWNERS regenerated to match), then gets zed to approve her lease.
    const loose = policyText().replace("      - from: [group:sre-leads]\n", "      - from: [\"@acme/engineering\"]\n");
    repo.write("policy.yaml", loose).write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(loose)).policy!, "policy.yaml"));
    const push = repo.commitAll("loosen platform-admins approvals", "2026-11-24T08:10:00Z");
    mergePr({ branch: "lease", author: "mallory", files: { "leases/platform-admins/mallory.yaml": adminLease("mallory") }, reviews: [{ user: "zed" }, { user: "sam" }] });
    const r = await apply();
    expect(r.ok).toBe(false);
    expect(r.results.filter((x) => x.action.kind === "grant")).toEqual([]);
    expect(await members("platform-admins")).toEqual(["platform-bot"]);
    expect(policyFindings(r).join("\n")).toContain(push.slice(0, 7));
    expect(r.findings.map((f) => f.message).join("\n")).toMatch(/leases\/platform-admins\/mallory.yaml was not granted: /);
  });

  it("a direct push that adds mallory as an admin does not let her revoke other people's leases", async () => {
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "sam" }, { user: "rita" }] });
    expect((await apply()).ok).toBe(true);
    repo.write("policy.yaml", policyText().replace('admins:\n  - "@acme/security-admins"\n', 'admins:\n  - "@acme/security-admins"\n  - mallory\n'));
    repo.commitAll("make mallory an admin", "2026-11-24T09:30:00Z");
    await expect(runRevoke({ ...options(NOW), leases: ["leases/platform-admins/zed.yaml"], actor: "mallory" })).rejects.toThrow(/mallory may not revoke leases\/platform-admins\/zed.yaml/);
    expect(await members("platform-admins")).toEqual(["platform-bot", "zed"]);
  });

  it("a direct push allowing break-glass on prod-db-readers does not grant mallory access before approval", async () => {
    repo.write("policy.yaml", policyText().replace('    approvers: ["@acme/dba"]\n', '    approvers: ["@acme/dba"]\n    breakGlass:\n      allowed: true\n'));
    repo.commitAll("allow break-glass on prod-db-readers", "2026-11-24T09:00:00Z");
    repo.branch("glass");
    repo.write("leases/prod-db-readers/mallory.yaml", lease({ grantee: "mallory", resource: "prod-db-readers", role: "member", duration: "1h", reason: "Prod is down, need the database now", breakGlass: true }));
    const head = repo.commitAll("break-glass", "2026-11-24T09:10:00Z");
    repo.checkout("main");
    const pr = emu.state.addPullRequest("acme", "access", { author: "mallory", base: "main", baseSha: repo.head("main"), head: "glass", headSha: head });
    const r = await runBreakGlass({ gh, repoDir: repo.dir, ref: "main", owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: NOW, pullRequest: pr.number, providerFor: createProviderRegistry(gh), evidenceKey: KEY });
    expect(r.decision.kind).toBe("refused");
    expect(r.outcome).toBeUndefined();
    expect(await members("prod-db-readers")).toEqual([]);
  });
});

describe("policy changes: the legitimate flow", () => {
  it("a pull request approved by an admin on its final head is applied, recorded once, and the run is clean", async () => {
    const { merge } = mergePr({ branch: "dave", author: "carol", files: { "policy.yaml": withDaveStanding() }, reviews: [{ user: "sam" }] });
    emu.state.addOrgMember("acme", "dave");
    const r = await apply();
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.policyVersion.commit).toBe(merge);
    expect(r.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["grant:dave"]);
    const note = parseNote((await readNotes(repo.dir)).get(merge)!)!;
    expect(isTrusted(note, merge, SIGNER)).toBe(true);
    expect(note.policy).toMatchObject({ verdict: "approved", pullRequest: { number: 1, author: "carol" }, policyCommit: bootstrap });
    expect(note.policy!.approvals.map((a) => a.reviewer)).toEqual(["sam"]);
    const boot = parseNote((await readNotes(repo.dir)).get(bootstrap)!)!;
    expect(boot.policy).toMatchObject({ verdict: "approved", bootstrap: true });
    // Verified once: the next run asks the API nothing about it.
    emu.resetLog();
    const again = await apply();
    expect(again.ok).toBe(true);
    expect(again.policyVerified).toEqual([]);
    expect(emu.requests.filter((x) => x.path.includes("/pulls") || x.path.includes("/commits/"))).toEqual([]);
  });

  it("after an unverified push, an approved pull request puts a policy back in force", async () => {
    repo.write("policy.yaml", withMalloryStanding());
    repo.commitAll("make mallory a standing maintainer", "2026-11-24T08:10:00Z");
    expect((await apply()).ok).toBe(false);
    const { merge } = mergePr({ branch: "fix", author: "carol", files: { "policy.yaml": withDaveStanding().replace("      - grantee: mallory\n        role: maintainer\n", "") }, reviews: [{ user: "sam" }] });
    emu.state.addOrgMember("acme", "dave");
    const r = await apply();
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.policyVersion.commit).toBe(merge);
    expect(await members("platform-admins")).toEqual(["dave", "platform-bot"]);
  });
});

describe("policy changes: revocations keep working", () => {
  it("an invalid policy pushed to main does not stop the sweep revoking an expired lease", async () => {
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "sam" }, { user: "rita" }] });
    expect((await apply()).ok).toBe(true);
    expect(await members("platform-admins")).toEqual(["platform-bot", "zed"]);
    repo.write("policy.yaml", "version: 1\nadmins: [mallory]\nresources: {}\n");
    const push = repo.commitAll("break the policy", "2026-11-24T10:30:00Z");
    const later = Date.parse("2026-11-24T11:05:00Z"); // zed's lease ended at 11:00
    const r = await runExpire(options(later));
    expect(r.apply.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.outcome.status}`)).toEqual(["revoke:zed:revoked"]);
    expect(r.removed.map((x) => x.path)).toEqual(["leases/platform-admins/zed.yaml"]);
    expect(await members("platform-admins")).toEqual(["platform-bot"]);
    expect(r.ok).toBe(false);
    expect(policyFindings(r.apply)).toEqual([expect.stringContaining(`policy-invalid: policy.yaml as changed in ${push.slice(0, 7)} is not in force: it is not a valid policy`)]);
  });

  it("a policy file removed from main does not stop an early revoke", async () => {
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "sam" }, { user: "rita" }] });
    expect((await apply()).ok).toBe(true);
    repo.remove("policy.yaml");
    repo.commitAll("remove the policy", "2026-11-24T09:30:00Z");
    const r = await runRevoke({ ...options(NOW), leases: ["leases/platform-admins/zed.yaml"], actor: "sam" });
    expect(r.removed.map((x) => x.path)).toEqual(["leases/platform-admins/zed.yaml"]);
    expect(await members("platform-admins")).toEqual(["platform-bot"]);
    expect(policyFindings(r.apply).join("\n")).toMatch(/policy-invalid: The removal of policy.yaml in [0-9a-f]{7} is not in force: the file was removed/);
  });
});

describe("policy changes: the audit flags unverified versions", () => {
  it("the online audit flags a direct push adding `standing: mallory maintainer`", async () => {
    repo.write("policy.yaml", withMalloryStanding());
    const push = repo.commitAll("make mallory a standing maintainer", "2026-11-24T09:00:00Z");
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, online: { gh, owner: "acme", repo: "access", defaultBranch: "main", providerFor: createProviderRegistry(gh) } });
    const flagged = report.findings.filter((f) => f.code === "policy-unverified");
    expect(flagged.map((f) => f.commit)).toEqual([push]);
    expect(flagged[0]!.message).toMatch(/without a merged pull request/);
    expect(report.notes.join("\n")).toContain(`policy.yaml was first added in ${bootstrap.slice(0, 7)}`);
  });

  it("the online audit judges a lease by the verified policy before it, not by an unverified version pushed just before", async () => {
    const loose = policyText().replace("      - from: [group:sre-leads]\n", "      - from: [\"@acme/engineering\"]\n");
    repo.write("policy.yaml", loose).write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(loose)).policy!, "policy.yaml"));
    const push = repo.commitAll("loosen platform-admins approvals", "2026-11-24T08:10:00Z");
    const { merge } = mergePr({ branch: "lease", author: "mallory", files: { "leases/platform-admins/mallory.yaml": adminLease("mallory") }, reviews: [{ user: "zed" }, { user: "sam" }] });
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, online: { gh, owner: "acme", repo: "access", defaultBranch: "main", providerFor: createProviderRegistry(gh) } });
    expect(report.findings.filter((f) => f.code === "policy-unverified").map((f) => f.commit)).toEqual([push]);
    expect(report.findings.filter((f) => f.code === "unapproved-lease").map((f) => `${f.lease}@${f.commit}`)).toEqual([`leases/platform-admins/mallory.yaml@${merge}`]);
    expect(report.leases.find((l) => l.grantee === "mallory")?.status).toBe("not-granted");
  });

  it("the offline audit flags it from the signed verdict apply recorded, and not an approved change", async () => {
    mergePr({ branch: "dave", author: "carol", files: { "policy.yaml": withDaveStanding() }, reviews: [{ user: "sam" }], mergeTime: "2026-11-24T08:45:00Z" });
    const { merge } = mergePr({ branch: "mallory", author: "mallory", files: { "policy.yaml": withMalloryStanding() }, reviews: [{ user: "rita" }] });
    await apply();
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, evidenceKey: KEY, repository: "acme/access" });
    expect(report.findings.filter((f) => f.code.startsWith("policy-")).map((f) => `${f.code}:${f.commit}`)).toEqual([`policy-unverified:${merge}`]);
  });
});
