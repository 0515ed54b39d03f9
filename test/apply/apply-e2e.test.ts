// Approve and grant, end to end: a real access repo in git, pull requests and reviews in the
// GitHub API emulator (every response checked against GitHub's OpenAPI description), the
// real GitHub providers, and `runApply` as the Action and `jit apply` run it. Each attack
// must leave no grant and be reported.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runApply } from "../../src/commands/apply.js";
import type { ApplyResult } from "../../src/commands/apply.js";
import { createHmac } from "node:crypto";
import { canonicalJson, isTrusted, noteSigner, parseNote, signNote } from "../../src/evidence/evidence.js";
import type { EvidenceNote } from "../../src/evidence/evidence.js";
import { readNotes, writeNote } from "../../src/git/evidence-notes.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import { formatPlanMarkdown, formatPlanText } from "../../src/reconcile/format-plan.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "test-evidence-key";
const T0 = "2026-11-24T08:00:00Z";
const NOW = Date.parse("2026-11-24T10:00:00Z");

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;

/** The access repo every test starts from, made once: each test gets its own copy. */
let start: TestRepo;
beforeAll(() => {
  start = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  // Start from an access repo without the example's leases (they never went through a pull request here).
  start.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  start.commitAll("start without leases", "2026-11-20T09:30:00Z");
});
afterAll(() => start.cleanup());

beforeEach(async () => {
  repo = start.copy();
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "mallory", "carol", "dave", "sam", "rita", "dana", "platform-bot"]) s.addOrgMember("acme", u);
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

interface PrSpec {
  branch: string;
  author: string;
  files: Record<string, string>;
  /** reviews on the final head unless `commit: "first"` */
  reviews?: Array<{ user: string; state?: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED"; commit?: "first" }>;
  /** a second commit pushed after the first reviews */
  update?: Record<string, string>;
}

function mergePr(spec: PrSpec, mergeTime = "2026-11-24T09:00:00Z") {
  const first = repo.commitOn(spec.branch, spec.files, `request ${spec.branch}`, { time: "2026-11-24T08:30:00Z" });
  let head = first;
  if (spec.update) head = repo.commitOn(spec.branch, spec.update, `update ${spec.branch}`, { time: "2026-11-24T08:40:00Z" });
  const pr = emu.state.addPullRequest("acme", "access", { author: spec.author, base: "main", baseSha: repo.head("main"), head: spec.branch, headSha: head });
  for (const r of spec.reviews ?? []) {
    emu.state.addReview("acme", "access", pr.number, { user: r.user, state: r.state ?? "APPROVED", commitId: r.commit === "first" ? first : head, submittedAt: "2026-11-24T08:50:00Z" });
  }
  const merge = repo.merge(spec.branch, mergeTime);
  emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge, mergedBy: "carol" });
  emu.state.associateCommit("acme", "access", merge, pr.number);
  return { pr, merge, head };
}

function apply(now = NOW, dryRun = false): Promise<ApplyResult> {
  const providerFor = createProviderRegistry(gh);
  return runApply({
    gh,
    repoDir: repo.dir,
    owner: "acme",
    repo: "access",
    defaultBranch: "main",
    policyPath: "policy.yaml",
    now,
    ref: "HEAD",
    evidenceKey: KEY,
    providerFor: (id, policy) => providerFor(policy.resources.get(id)!),
    dryRun,
  });
}

/** A note signed as jit-access signed them before notes named their repository (the MAC covered only the object and the body). */
function legacySigned(note: EvidenceNote, object: string, key: string): EvidenceNote {
  const { mac: _drop, ...body } = note;
  return { ...body, mac: createHmac("sha256", key).update(`${object}\n${canonicalJson(body)}`).digest("hex") };
}

async function teamMembers(slug: string): Promise<string[]> {
  const members = await gh.paginate(gh.rest.teams.listMembersInOrg, { org: "acme", team_slug: slug, per_page: 100 });
  return members.map((m) => m.login).sort();
}

const adminLease = (grantee: string, extra: Record<string, string> = {}) =>
  lease({ grantee, resource: "platform-admins", role: "member", duration: "2h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77", ...extra });

describe("apply: approve and grant", () => {
  it("grants an approved, merged lease; records evidence; a second run changes nothing", async () => {
    const { merge } = mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "sam" }, { user: "rita" }] });
    const r = await apply();
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.outcome.status}`)).toEqual(["grant:zed:granted"]);
    expect(await teamMembers("platform-admins")).toEqual(["platform-bot", "zed"]);

    const notes = await readNotes(repo.dir);
    const note = parseNote(notes.get(merge)!)!;
    expect(isTrusted(note, merge, noteSigner("acme", "access", KEY))).toBe(true);
    expect(note.leases[0]).toMatchObject({ lease: "leases/platform-admins/zed.yaml", verdict: "approved", pullRequest: { number: 1, author: "zed" } });
    expect(note.leases[0]!.approvals.map((a) => a.reviewer).sort()).toEqual(["rita", "sam"]);

    emu.resetLog();
    const again = await apply();
    expect(again.ok).toBe(true);
    expect(again.results).toEqual([]);
    expect(emu.requests.filter((x) => x.method !== "GET")).toEqual([]);
  });

  it("revokes at expiry (level-triggered: a later run sees the window is over)", async () => {
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "sam" }, { user: "rita" }] });
    await apply();
    const later = await apply(Date.parse("2026-11-24T11:00:01Z"));
    expect(later.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:zed"]);
    expect(await teamMembers("platform-admins")).toEqual(["platform-bot"]);
  });

  it("revokes access added by hand outside any lease (exclusive mode), keeps standing members", async () => {
    emu.state.addTeamMember("acme", "platform-admins", "mallory");
    const r = await apply();
    expect(r.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:mallory"]);
    expect(await teamMembers("platform-admins")).toEqual(["platform-bot"]);
  });
});

describe("apply: scheduled leases", () => {
  it("grants at notBefore, not before; and re-checks the policy in force at the start", async () => {
    const scheduled = (grantee: string) => lease({ grantee, resource: "prod-db-readers", role: "member", duration: "6h", notBefore: "2026-11-24T12:00:00Z", reason: "Pull figures for the quarterly report" });
    mergePr({ branch: "zed", author: "zed", files: { "leases/prod-db-readers/zed.yaml": scheduled("zed") }, reviews: [{ user: "dana" }] });
    const before = await apply(Date.parse("2026-11-24T11:59:00Z"));
    expect(before.results).toEqual([]);
    expect(before.plan.scheduled.map((x) => x.grantee)).toEqual(["zed"]);
    const atStart = await apply(Date.parse("2026-11-24T12:00:00Z"));
    expect(atStart.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["grant:zed"]);
  });

  it("does not grant a scheduled lease the policy no longer allows at its start", async () => {
    const scheduled = lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "6h", notBefore: "2026-11-24T12:00:00Z", reason: "Pull figures for the quarterly report" });
    mergePr({ branch: "zed", author: "zed", files: { "leases/prod-db-readers/zed.yaml": scheduled }, reviews: [{ user: "dana" }] });
    // The admins tighten the policy before the lease starts (a pull request an admin approved).
    const tightened = readFileSync(join(repo.dir, "policy.yaml"), "utf8").replace("    maxDuration: 1d\n    approvers: [\"@acme/dba\"]", "    maxDuration: 2h\n    approvers: [\"@acme/dba\"]");
    mergePr({ branch: "tighten", author: "carol", files: { "policy.yaml": tightened }, reviews: [{ user: "sam" }] }, "2026-11-24T11:00:00Z");
    const r = await apply(Date.parse("2026-11-24T12:05:00Z"));
    expect(r.results.filter((x) => x.action.kind === "grant")).toEqual([]);
    expect(r.findings.map((f) => f.message).join("\n")).toMatch(/not granted at its scheduled start: the policy now refuses it \(lease-duration-too-long/);
    expect(await teamMembers("prod-db-readers")).toEqual([]);
  });
});

describe("apply: scheduled leases, who may request them at the start", () => {
  it("does not grant a scheduled lease whose requester left the requesters' team before it starts", async () => {
    const scheduled = adminLease("zed", { notBefore: "2026-11-24T12:00:00Z" });
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": scheduled }, reviews: [{ user: "sam" }, { user: "rita" }] });
    expect((await apply(Date.parse("2026-11-24T11:00:00Z"))).findings).toEqual([]);
    emu.state.removeTeamMember("acme", "engineering", "zed");
    const r = await apply(Date.parse("2026-11-24T12:05:00Z"));
    expect(r.results.filter((x) => x.action.kind === "grant")).toEqual([]);
    expect(r.findings.map((f) => f.message).join("\n")).toMatch(/not granted at its scheduled start: the policy now refuses it \(lease-requester-not-allowed: zed may not request platform-admins/);
    expect(await teamMembers("platform-admins")).toEqual(["platform-bot"]);
  });

  it("grants it when the requester still may", async () => {
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed", { notBefore: "2026-11-24T12:00:00Z" }) }, reviews: [{ user: "sam" }, { user: "rita" }] });
    const r = await apply(Date.parse("2026-11-24T12:05:00Z"));
    expect(r.findings).toEqual([]);
    expect(r.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["grant:zed"]);
  });
});

describe("apply: attacks leave no grant and are reported", () => {
  async function expectRefused(expectFinding: RegExp) {
    const r = await apply();
    expect(r.ok).toBe(false);
    expect(r.findings.map((f) => f.message).join("\n")).toMatch(expectFinding);
    expect(r.results.filter((x) => x.action.kind === "grant")).toEqual([]);
    expect(await teamMembers("platform-admins")).toEqual(["platform-bot"]);
    return r;
  }

  it("self-approval by the author does not count", async () => {
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "zed" }, { user: "rita" }] });
    await expectRefused(/approvals-missing: 1 more approval from @acme\/security/);
  });

  it("approval by someone who is not an approver does not count", async () => {
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "mallory" }, { user: "rita" }] });
    await expectRefused(/mallory is not an approver/);
  });

  it("approval of an older commit does not count", async () => {
    mergePr({
      branch: "zed",
      author: "zed",
      files: { "leases/platform-admins/zed.yaml": adminLease("zed") },
      update: { "leases/platform-admins/zed.yaml": adminLease("zed", { role: "maintainer" }) },
      reviews: [{ user: "sam", commit: "first" }, { user: "rita" }],
    });
    await expectRefused(/approved an older commit/);
  });

  it("one approval where two groups are required is not enough", async () => {
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "sam" }] });
    await expectRefused(/1 more approval from @acme\/sre-leads/);
  });

  it("a lease pushed to main without a pull request is not granted", async () => {
    repo.write("leases/platform-admins/zed.yaml", adminLease("zed"));
    repo.commitAll("sneak a lease onto main", "2026-11-24T09:00:00Z");
    await expectRefused(/without a merged pull request/);
  });

  it("a forged evidence note (unsigned, or signed with another key) does not stand in for verification", async () => {
    repo.write("leases/platform-admins/zed.yaml", adminLease("zed"));
    const sneak = repo.commitAll("sneak a lease onto main", "2026-11-24T09:00:00Z");
    const blob = repo.git("rev-parse", `${sneak}:leases/platform-admins/zed.yaml`).trim();
    const forged: EvidenceNote = { version: 1, leases: [{ lease: "leases/platform-admins/zed.yaml", blob, verdict: "approved", approvals: [{ reviewer: "sam", reviewId: 1, commit: sneak, submittedAt: T0 }], policyCommit: sneak, findings: [], verifiedAt: T0 }] };
    for (const note of [forged, signNote(forged, sneak, noteSigner("acme", "access", "someone-elses-key"))]) {
      await writeNote(repo.dir, sneak, JSON.stringify(note));
      await expectRefused(/without a merged pull request/);
    }
  });

  it("an evidence note signed for another access repo (a fork shares commit ids; the key may be shared) does not stand in for verification", async () => {
    repo.write("leases/platform-admins/zed.yaml", adminLease("zed"));
    const sneak = repo.commitAll("sneak a lease onto main", "2026-11-24T09:00:00Z");
    const blob = repo.git("rev-parse", `${sneak}:leases/platform-admins/zed.yaml`).trim();
    const evidence: EvidenceNote = { version: 1, leases: [{ lease: "leases/platform-admins/zed.yaml", blob, verdict: "approved", approvals: [{ reviewer: "sam", reviewId: 1, commit: sneak, submittedAt: T0 }], policyCommit: sneak, findings: [], verifiedAt: T0 }] };
    // Signed with this repo's key, but bound to the fork; and the same note as signed before
    // notes named their repository (a legacy note: it may come from any repo that shares the key).
    for (const note of [signNote(evidence, sneak, noteSigner("zed", "access-fork", KEY)), legacySigned(evidence, sneak, KEY)]) {
      await writeNote(repo.dir, sneak, JSON.stringify(note));
      await expectRefused(/without a merged pull request/);
    }
  });

  it("a legacy evidence note on a genuine merge: the change is verified again through the API, and the old note is kept as history", async () => {
    const { merge } = mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed") }, reviews: [{ user: "sam" }, { user: "rita" }] });
    const blob = repo.git("rev-parse", `${merge}:leases/platform-admins/zed.yaml`).trim();
    const old = legacySigned({ version: 1, leases: [{ lease: "leases/platform-admins/zed.yaml", blob, verdict: "approved", approvals: [{ reviewer: "sam", reviewId: 1, commit: merge, submittedAt: T0 }], policyCommit: merge, findings: [], verifiedAt: T0 }] }, merge, KEY);
    await writeNote(repo.dir, merge, JSON.stringify(old));
    const r = await apply();
    expect(r.ok).toBe(true);
    expect(r.verified.map((v) => `${v.lease}:${v.verdict}`)).toEqual(["leases/platform-admins/zed.yaml:approved"]);
    expect(await teamMembers("platform-admins")).toEqual(["platform-bot", "zed"]);
    const note = parseNote((await readNotes(repo.dir)).get(merge)!)!;
    expect(isTrusted(note, merge, noteSigner("acme", "access", KEY))).toBe(true);
    expect(note.leases.map((e) => e.approvals.map((a) => a.reviewer).sort())).toEqual([["rita", "sam"]]);
    expect(note.legacy).toEqual(old);
    // From then on the new note is the evidence: nothing is verified again.
    expect((await apply()).verified).toEqual([]);
  });

  it("a pull request that also edited the policy is not granted", async () => {
    const policy = readFileSync(join(repo.dir, "policy.yaml"), "utf8").replace("maxDuration: 4h", "maxDuration: 30d");
    mergePr({ branch: "zed", author: "zed", files: { "leases/platform-admins/zed.yaml": adminLease("zed"), "policy.yaml": policy }, reviews: [{ user: "sam" }, { user: "rita" }] });
    await expectRefused(/change-mixed/);
  });

  it("the grantee approving their own access does not count", async () => {
    // rita (an sre-lead) is the grantee; mallory asks for her where the policy allows it.
    const policy = readFileSync(join(repo.dir, "policy.yaml"), "utf8").replace("    requesters: [\"@acme/engineering\"]", "    requesters: [\"@acme/engineering\"]\n    allowRequestFor: true");
    mergePr({ branch: "allow", author: "carol", files: { "policy.yaml": policy }, reviews: [{ user: "sam" }] }, "2026-11-24T08:45:00Z");
    mergePr({ branch: "rita", author: "mallory", files: { "leases/platform-admins/rita.yaml": adminLease("rita") }, reviews: [{ user: "sam" }, { user: "rita" }] });
    await expectRefused(/rita is the grantee/);
  });
});

// The mass-revocation guard protects against our mistakes, not against what someone we gave
// the power to add members (a team maintainer, an organization-wide role) added by hand.
describe("apply: hand-added access is not shielded by the drift guard", () => {
  const maintainerLease = (role = "maintainer") => lease({ grantee: "zed", resource: "platform-admins", role, duration: "2h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77" });
  const ZED = "leases/platform-admins/zed.yaml";
  const handAdd = () => {
    for (const u of ["mallory", "dave", "carol"]) emu.state.addTeamMember("acme", "platform-admins", u);
  };
  const driftRevoked = (r: ApplyResult) => r.results.filter((x) => x.action.kind === "revoke" && x.action.why === "drift").map((x) => `${x.action.grantee}:${x.outcome.status}`).sort();

  it("maintainer lease holder adds three people by hand: the next run revokes them all, without force, and names the holder", async () => {
    mergePr({ branch: "zed", author: "zed", files: { [ZED]: maintainerLease() }, reviews: [{ user: "sam" }, { user: "rita" }] });
    expect((await apply()).results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.action.kind === "grant" ? x.action.role : ""}`)).toEqual(["grant:zed:maintainer"]);
    handAdd(); // zed, as maintainer, adds three people: 3 of the team's 5 members, more than half
    expect(await teamMembers("platform-admins")).toEqual(["carol", "dave", "mallory", "platform-bot", "zed"]);

    const r = await apply(NOW + 30 * 60_000);
    expect(r.plan.refused).toEqual([]);
    expect(driftRevoked(r)).toEqual(["carol:revoked", "dave:revoked", "mallory:revoked"]);
    expect(r.ok).toBe(true);
    expect(await teamMembers("platform-admins")).toEqual(["platform-bot", "zed"]);
    const zed = { lease: ZED, resource: "platform-admins", grantee: "zed", role: "maintainer", from: "2026-11-24T09:00:00.000Z", until: "2026-11-24T11:00:00.000Z" };
    // Who could have added them: in the plan, the printed plan, the job summary and the signed drift record.
    for (const x of r.results) expect(x.action).toMatchObject({ couldBeAddedBy: [{ path: ZED, grantee: "zed", role: "maintainer" }] });
    expect(formatPlanText(r.plan, r.results)).toMatch(/- revoke {2}platform-admins: mallory as member — not backed by any lease or standing entry; could have been added by @zed \(maintainer on platform-admins through leases\/platform-admins\/zed\.yaml, 2026-11-24T09:00:00Z – 2026-11-24T11:00:00Z\)/);
    expect(formatPlanMarkdown(r.plan, r.results)).toMatch(/\| revoked \| platform-admins \| dave \| revoke member \| could have been added by @zed/);
    expect([...r.drift].sort((a, b) => (a.grantee < b.grantee ? -1 : 1))).toEqual(["carol", "dave", "mallory"].map((g) => ({ resource: "platform-admins", grantee: g, role: "member", revokedAt: new Date(NOW + 30 * 60_000).toISOString(), couldBeAddedBy: [zed] })));
    const note = parseNote((await readNotes(repo.dir)).get(repo.head("main"))!)!;
    expect(isTrusted(note, repo.head("main"), noteSigner("acme", "access", KEY))).toBe(true);
    expect(note.drift?.map((d) => d.couldBeAddedBy)).toEqual([[zed], [zed], [zed]]);
  });

  it("maintainer lease holder adds three people by hand, then the lease ends and its file is removed: the next run still revokes them and names the holder", async () => {
    mergePr({ branch: "zed", author: "zed", files: { [ZED]: maintainerLease() }, reviews: [{ user: "sam" }, { user: "rita" }] });
    await apply();
    handAdd();
    repo.remove(ZED).commitAll("expire: remove leases/platform-admins/zed.yaml", "2026-11-24T11:01:00Z");
    const r = await apply(Date.parse("2026-11-24T11:30:00Z"));
    expect(r.plan.refused).toEqual([]);
    expect(r.results.filter((x) => x.action.kind === "revoke" && x.action.why === "expired").map((x) => x.action.grantee)).toEqual(["zed"]);
    expect(driftRevoked(r)).toEqual(["carol:revoked", "dave:revoked", "mallory:revoked"]);
    expect(r.ok).toBe(true);
    expect(r.drift[0]!.couldBeAddedBy).toEqual([{ lease: ZED, resource: "platform-admins", grantee: "zed", role: "maintainer", from: "2026-11-24T09:00:00.000Z", until: "2026-11-24T11:00:00.000Z", stillHeld: true }]);
    expect(await teamMembers("platform-admins")).toEqual(["platform-bot"]);
  });

  it("organization role holder (a custom role: it may grant anything in the org) adds collaborators by hand; its lease is over and removed before the repository is seen: still revoked, holder named", async () => {
    emu.state.addOrgMember("acme", "eve");
    const BILLING = "leases/billing-auditors/eve.yaml";
    const eveLease = lease({ grantee: "eve", resource: "billing-auditors", role: "billing_manager", duration: "2h", reason: "Check the invoices for the audit", ticket: "AUD-1" });
    mergePr({ branch: "eve", author: "eve", files: { [BILLING]: eveLease }, reviews: [{ user: "sam" }] });
    expect((await apply()).results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.outcome.status}`)).toEqual(["grant:eve:granted"]);
    for (const u of ["mallory", "dave", "carol"]) emu.state.addCollaborator("acme", "web", u, "push"); // eve, through her role
    // The sweep at the end revokes eve's role, but could not list the repository then.
    emu.faults.add({ method: "GET", route: "/repos/{owner}/{repo}/collaborators", status: 404, times: 1 });
    const sweep = await apply(Date.parse("2026-11-24T11:01:00Z"));
    expect(sweep.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.outcome.status}`)).toEqual(["revoke:eve:revoked"]);
    expect(sweep.plan.errors.map((e) => e.resource)).toEqual(["web-deployers"]);
    repo.remove(BILLING).commitAll("expire: remove leases/billing-auditors/eve.yaml", "2026-11-24T11:02:00Z");

    const r = await apply(Date.parse("2026-11-24T11:30:00Z"));
    expect(r.plan.refused).toEqual([]);
    expect(driftRevoked(r)).toEqual(["carol:revoked", "dave:revoked", "mallory:revoked"]);
    expect(r.ok).toBe(true);
    expect(r.drift[0]!.couldBeAddedBy).toEqual([{ lease: BILLING, resource: "billing-auditors", grantee: "eve", role: "billing_manager", from: "2026-11-24T09:00:00.000Z", until: "2026-11-24T11:00:00.000Z" }]);
  });

  it("guard still holds when no lease holder could add members: three unexplained members next to a member lease are refused, as before", async () => {
    mergePr({ branch: "zed", author: "zed", files: { [ZED]: maintainerLease("member") }, reviews: [{ user: "sam" }, { user: "rita" }] });
    await apply();
    handAdd(); // by someone outside jit-access (platform-bot's maintainers, an org owner) — or our mistake
    const r = await apply(NOW + 30 * 60_000);
    expect(r.plan.refused.map((x) => [x.resource, x.actions.map((a) => a.grantee).sort()])).toEqual([["platform-admins", ["carol", "dave", "mallory"]]]);
    expect(r.plan.refused[0]!.reason).toMatch(/would revoke 3 of 5 grant\(s\) not backed by any lease/);
    expect(r.results).toEqual([]);
    expect(r.ok).toBe(false);
    expect(await teamMembers("platform-admins")).toEqual(["carol", "dave", "mallory", "platform-bot", "zed"]);
  });
});
