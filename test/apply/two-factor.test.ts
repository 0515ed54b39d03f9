// Two-factor requirement (requireTwoFactor, default on): a grantee without 2FA is refused at
// validation and at apply, from GET /orgs/{org}/members?filter=2fa_disabled and
// GET /orgs/{org}/outside_collaborators?filter=2fa_disabled; a token that may
// not use the filter (GitHub answers non-owners 422) gives a warning that says why, never a
// silent pass.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/commands/apply.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { hideTwoFactorFromApps, setTwoFactor } from "../../src/emulator/index.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { resolveFacts } from "../../src/github/resolve-facts.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { PullRequestInput } from "../../src/validate/inputs.js";
import { neededFacts } from "../../src/validate/needed-facts.js";
import { allDiagnostics } from "../../src/validate/report.js";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const policy = (extra = "") => `version: 1
admins: [carol]
resources:
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    approvers: [dana]
${extra}`;
const H = 3_600_000;
const T0 = Date.parse("2026-11-24T08:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
const PATH = "leases/db/zed.yaml";
const ZED = lease({ grantee: "zed", resource: "db", role: "member", duration: "1h", reason: "Investigate the slow queries" });

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;

async function setup(text: string) {
  repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", text).write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(text)).policy!, "policy.yaml"));
  repo.commitAll("access repo", iso(T0 - H));
  emu = await startCheckedEmulator();
  emu.state.addOrg("acme");
  emu.state.addTeam("acme", "db");
  for (const u of ["zed", "dana", "carol"]) emu.state.addOrgMember("acme", u);
  emu.state.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 1 });
}
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

/** Validation of a pull request adding zed's lease, with facts from the emulator as the Action asks them. */
async function validate(text: string) {
  const partial: Omit<PullRequestInput, "facts"> = { policyPath: "policy.yaml", basePolicy: Buffer.from(text), changes: [{ status: "added", path: PATH, head: { path: PATH, mode: "file", bytes: Buffer.from(ZED) } }], author: "zed", now: T0, strict: true };
  const facts = await resolveFacts(gh, neededFacts(partial));
  return validatePullRequest({ ...partial, facts });
}
function mergeZed(at: number): string {
  repo.branch("z").write(PATH, ZED);
  const head = repo.commitAll("z", iso(at - 600_000));
  repo.checkout("main");
  const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "z", headSha: head });
  emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  const merge = repo.merge("z", iso(at));
  emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
  emu.state.associateCommit("acme", "access", merge, pr.number);
  return merge;
}
function apply(now: number) {
  const registry = createProviderRegistry(gh);
  return runApply({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
}

describe("emulator: members without two-factor authentication", () => {
  beforeEach(() => setup(policy()));

  it("lists only members without 2FA to an owner or the App, and answers others 422", async () => {
    setTwoFactor(emu.state, "zed", false);
    const list = await gh.rest.orgs.listMembers({ org: "acme", filter: "2fa_disabled" });
    expect(list.data.map((m) => m.login)).toEqual(["zed"]);
    expect((await gh.rest.orgs.listMembers({ org: "acme" })).data.map((m) => m.login).sort()).toEqual(["carol", "dana", "zed"]);
    hideTwoFactorFromApps(emu.state, "acme");
    await expect(gh.rest.orgs.listMembers({ org: "acme", filter: "2fa_disabled" })).rejects.toMatchObject({ status: 422, message: expect.stringContaining("Only owners can use this filter.") });
  });

  it("lists outside collaborators (repository collaborators who are not members), by 2FA state to an owner or the App", async () => {
    emu.state.addRepo("acme", "web");
    emu.state.addCollaborator("acme", "web", "olga");
    emu.state.addCollaborator("acme", "web", "oscar");
    emu.state.addCollaborator("acme", "web", "dana"); // a member: not an outside collaborator
    setTwoFactor(emu.state, "oscar", false);
    setTwoFactor(emu.state, "zed", false); // a member without 2FA: not in this list
    expect((await gh.rest.orgs.listOutsideCollaborators({ org: "acme" })).data.map((u) => u.login)).toEqual(["olga", "oscar"]);
    expect((await gh.rest.orgs.listOutsideCollaborators({ org: "acme", filter: "2fa_disabled" })).data.map((u) => u.login)).toEqual(["oscar"]);
    hideTwoFactorFromApps(emu.state, "acme");
    await expect(gh.rest.orgs.listOutsideCollaborators({ org: "acme", filter: "2fa_disabled" })).rejects.toMatchObject({ status: 422 });
  });
});

describe("validation", () => {
  beforeEach(() => setup(policy()));

  it("refuses a grantee without 2FA, with a clear message", async () => {
    setTwoFactor(emu.state, "zed", false);
    const report = await validate(policy());
    expect(report.ok).toBe(false);
    const d = allDiagnostics(report).find((x) => x.code === "lease-grantee-no-2fa");
    expect(d?.message).toBe("zed has no two-factor authentication on GitHub, and db requires it (requireTwoFactor).");
    expect(d?.line).toBe(1);
  });

  it("refuses an outside collaborator without 2FA (a github-repo grantee who is not a member)", async () => {
    const text = `version: 1
admins: [carol]
resources:
  web:
    provider: { type: github-repo, owner: acme, repo: web }
    roles: [push]
    approvers: [dana]
`;
    emu.state.addRepo("acme", "web");
    emu.state.addCollaborator("acme", "web", "oscar", "pull");
    setTwoFactor(emu.state, "oscar", false);
    const path = "leases/web/oscar.yaml";
    const partial: Omit<PullRequestInput, "facts"> = { policyPath: "policy.yaml", basePolicy: Buffer.from(text), changes: [{ status: "added", path, head: { path, mode: "file", bytes: Buffer.from(lease({ grantee: "oscar", resource: "web", role: "push", duration: "1h", reason: "Deploy the hotfix for the login page" })) } }], author: "oscar", now: T0, strict: true };
    const report = validatePullRequest({ ...partial, facts: await resolveFacts(gh, neededFacts(partial)) });
    expect(report.ok).toBe(false);
    expect(allDiagnostics(report).find((x) => x.code === "lease-grantee-no-2fa")?.message).toBe("oscar has no two-factor authentication on GitHub, and web requires it (requireTwoFactor).");
  });

  it("passes a grantee with 2FA", async () => {
    const report = await validate(policy());
    expect(allDiagnostics(report).filter((d) => d.code.includes("2fa"))).toEqual([]);
    expect(report.files.find((f) => f.file === PATH)?.ok).toBe(true);
  });

  it("warns, naming why, when the token may not see 2FA state", async () => {
    setTwoFactor(emu.state, "zed", false);
    hideTwoFactorFromApps(emu.state, "acme");
    const report = await validate(policy());
    const d = allDiagnostics(report).find((x) => x.code === "lease-grantee-2fa-not-checked");
    expect(d?.severity).toBe("warning");
    expect(d?.message).toContain("GitHub answered 422");
    expect(d?.message).toContain("only organization owners may use that filter");
  });

  it("does not ask when the policy turns the requirement off", async () => {
    setTwoFactor(emu.state, "zed", false);
    const text = policy("    requireTwoFactor: false\n");
    const report = await validate(text);
    expect(report.files.find((f) => f.file === PATH)?.errors).toEqual([]);
    expect(neededFacts({ policyPath: "policy.yaml", basePolicy: Buffer.from(text), changes: [{ status: "added", path: PATH, head: { path: PATH, mode: "file", bytes: Buffer.from(ZED) } }], author: "zed", now: T0 }).twoFactorOrgs).toBeUndefined();
  });
});

describe("apply", () => {
  beforeEach(() => setup(policy()));

  it("refuses an approved lease whose grantee has no 2FA at merge time", async () => {
    mergeZed(T0);
    setTwoFactor(emu.state, "zed", false);
    const r = await apply(T0 + 60_000);
    expect(r.verified.map((v) => v.verdict)).toEqual(["rejected"]);
    expect(r.verified[0]!.findings.join("\n")).toContain("lease-grantee-no-2fa");
    expect([...emu.state.getTeam("acme", "db")!.members.keys()]).toEqual([]);
  });

  it("grants, and records the warning in the evidence, when the token cannot see 2FA state", async () => {
    mergeZed(T0);
    hideTwoFactorFromApps(emu.state, "acme");
    const r = await apply(T0 + 60_000);
    expect(r.verified.map((v) => v.verdict)).toEqual(["approved"]);
    expect(r.verified[0]!.warnings?.join("\n")).toContain("GitHub answered 422");
    expect([...emu.state.getTeam("acme", "db")!.members.keys()]).toEqual(["zed"]);
  });
});
