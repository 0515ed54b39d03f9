// Branch protection, rulesets, App installations, Actions secrets (names) and CODEOWNERS
// errors, as GitHub answers them: every response checked against the OpenAPI description.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { TestRepo } from "../helpers/git-repo.js";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let repo: TestRepo;
let emu: CheckedEmulator;

beforeAll(() => {
  repo = TestRepo.init({ fromExample: false });
  repo.write(".github/CODEOWNERS", "# owners\n*   @acme/admins\n/leases/x/  @alice @ghost @acme/nope someone@example.com\n!/keep  @alice\n").commitAll("start", "2026-11-20T09:00:00Z");
  repo.branch("release/1");
  repo.checkout("main");
});
afterAll(() => repo.cleanup());

beforeEach(async () => {
  emu = await startCheckedEmulator({ now: () => new Date("2026-11-24T09:00:00Z") });
  const s = emu.state;
  s.addOrg("acme");
  s.addOrgMember("acme", "root", "admin");
  s.addToken("admin-token", "root");
  s.addTeam("acme", "admins");
  s.addTeamMember("acme", "admins", "tina");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main", private: true });
  s.addCollaborator("acme", "access", "alice", "push");
  s.addCollaborator("acme", "access", "reader", "pull");
  s.addToken("reader-token", "reader");
});
afterEach(async () => {
  await emu.close();
});

const admin = () => client(emu.url, "admin-token");
const reader = () => client(emu.url, "reader-token");
const o = { owner: "acme", repo: "access" };

describe("branch protection", () => {
  test("404 Branch not protected, then the protection as configured; admins only", async () => {
    const none = await failure(admin().rest.repos.getBranchProtection({ ...o, branch: "main" }));
    expect(none.status).toBe(404);
    expect((none.response?.data as { message: string }).message).toBe("Branch not protected");
    expect((await failure(admin().rest.repos.getBranchProtection({ ...o, branch: "nope" }))).status).toBe(404);
    emu.state.settings.protectBranch("acme", "access", "main", {
      requiredPullRequestReviews: { requireCodeOwnerReviews: true, dismissStaleReviews: true, bypass: { users: ["alice"], teams: ["admins"], apps: ["jit-access"] } },
      requiredStatusChecks: { strict: true, checks: [{ context: "jit-access / validate", appId: 15368 }] },
      enforceAdmins: true,
    });
    const p = (await admin().rest.repos.getBranchProtection({ ...o, branch: "main" })).data;
    expect(p.required_pull_request_reviews).toMatchObject({ require_code_owner_reviews: true, dismiss_stale_reviews: true, require_last_push_approval: false, required_approving_review_count: 1 });
    const allow = p.required_pull_request_reviews!.bypass_pull_request_allowances!;
    expect([allow.users!.map((u) => u.login), allow.teams!.map((t) => t.slug), allow.apps!.map((a) => a?.slug)]).toEqual([["alice"], ["admins"], ["jit-access"]]);
    expect(p.required_status_checks).toMatchObject({ strict: true, contexts: ["jit-access / validate"], checks: [{ context: "jit-access / validate", app_id: 15368 }] });
    expect(p.enforce_admins?.enabled).toBe(true);
    expect(p.allow_force_pushes?.enabled).toBe(false);
    // Not an admin: 404, as GitHub hides it.
    expect((await failure(reader().rest.repos.getBranchProtection({ ...o, branch: "main" }))).status).toBe(404);
  });
});

describe("rulesets", () => {
  test("rules for a branch come from the active branch rulesets whose ref_name condition selects it", async () => {
    const s = emu.state.settings;
    const main = s.addRuleset("acme", "access", { name: "main", rules: [{ type: "pull_request", parameters: { required_approving_review_count: 1, require_code_owner_review: true, dismiss_stale_reviews_on_push: true, require_last_push_approval: false, required_review_thread_resolution: false } }, { type: "non_fast_forward" }] });
    s.addRuleset("acme", "access", { name: "releases", include: ["refs/heads/release/*"], rules: [{ type: "deletion" }] });
    s.addRuleset("acme", "access", { name: "all but release", include: ["~ALL"], exclude: ["refs/heads/release/**"], rules: [{ type: "required_linear_history" }] });
    s.addRuleset("acme", "access", { name: "trial", enforcement: "evaluate", rules: [{ type: "creation" }] });
    s.addRuleset("acme", "access", { name: "tags", target: "tag", include: ["~ALL"], rules: [{ type: "update" }] });
    const rules = (b: string) => reader().paginate(reader().rest.repos.getBranchRules, { ...o, branch: b });
    const onMain = await rules("main");
    expect(onMain.map((r) => r.type)).toEqual(["pull_request", "non_fast_forward", "required_linear_history"]);
    expect(onMain[0]).toMatchObject({ ruleset_source_type: "Repository", ruleset_source: "acme/access", ruleset_id: main.id, parameters: { require_code_owner_review: true } });
    expect((await rules("release/1")).map((r) => r.type)).toEqual(["deletion"]);
    const list = (await reader().rest.repos.getRepoRulesets(o)).data;
    expect(list.map((r) => [r.name, r.target, r.enforcement])).toEqual([["main", "branch", "active"], ["releases", "branch", "active"], ["all but release", "branch", "active"], ["trial", "branch", "evaluate"], ["tags", "tag", "active"]]);
    expect(list[0]).not.toHaveProperty("rules");
    expect((await reader().rest.repos.getRepoRulesets({ ...o, targets: "tag" })).data.map((r) => r.name)).toEqual(["tags"]);
  });

  test("bypass actors are shown to repository admins only; current_user_can_bypass is the caller's", async () => {
    const app = emu.state.settings.installApp("acme", "jit-access", { permissions: { contents: "write" } }).app;
    const r = emu.state.settings.addRuleset("acme", "access", { name: "main", rules: [{ type: "deletion" }], bypassActors: [{ actorType: "Integration", actorId: app.id }, { actorType: "OrganizationAdmin", actorId: null, bypassMode: "pull_request" }] });
    const full = (await admin().rest.repos.getRepoRuleset({ ...o, ruleset_id: r.id })).data;
    expect(full.bypass_actors).toEqual([{ actor_id: app.id, actor_type: "Integration", bypass_mode: "always" }, { actor_id: null, actor_type: "OrganizationAdmin", bypass_mode: "pull_request" }]);
    expect(full.current_user_can_bypass).toBe("pull_requests_only");
    expect(full.conditions).toEqual({ ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } });
    const seen = (await reader().rest.repos.getRepoRuleset({ ...o, ruleset_id: r.id })).data;
    expect(seen).not.toHaveProperty("bypass_actors");
    expect(seen.current_user_can_bypass).toBe("never");
    expect((await failure(reader().rest.repos.getRepoRuleset({ ...o, ruleset_id: r.id + 100 }))).status).toBe(404);
  });
});

describe("App installations of an organization", () => {
  test("organization owners see each installation with its permissions; members get 403", async () => {
    emu.state.settings.installApp("acme", "jit-access", { permissions: { members: "write", contents: "write" }, events: ["pull_request"] });
    const r = (await admin().rest.orgs.listAppInstallations({ org: "acme" })).data;
    expect(r.total_count).toBe(1);
    expect(r.installations[0]).toMatchObject({ app_slug: "jit-access", target_type: "Organization", repository_selection: "all", permissions: { metadata: "read", members: "write", contents: "write" }, events: ["pull_request"] });
    emu.state.addOrgMember("acme", "reader");
    expect((await failure(reader().rest.orgs.listAppInstallations({ org: "acme" }))).status).toBe(403);
  });
});

describe("Actions secrets (names only)", () => {
  test("repository, environment and organization secrets; admins only; an unknown environment is 404", async () => {
    const s = emu.state.settings;
    s.addSecret("acme", "access", "jit_evidence_key");
    s.addSecret("acme", "access", "JIT_APP_PRIVATE_KEY", { environment: "jit-access" });
    s.addOrgSecret("acme", "SHARED");
    expect((await admin().rest.actions.listRepoSecrets(o)).data).toMatchObject({ total_count: 1, secrets: [{ name: "JIT_EVIDENCE_KEY" }] });
    expect((await admin().rest.actions.listEnvironmentSecrets({ ...o, environment_name: "JIT-ACCESS" })).data.secrets.map((x) => x.name)).toEqual(["JIT_APP_PRIVATE_KEY"]);
    expect((await admin().rest.actions.listRepoOrganizationSecrets(o)).data.secrets.map((x) => x.name)).toEqual(["SHARED"]);
    expect((await failure(admin().rest.actions.listEnvironmentSecrets({ ...o, environment_name: "nope" }))).status).toBe(404);
    expect((await failure(reader().rest.actions.listRepoSecrets(o))).status).toBe(403);
    s.removeSecret("acme", "access", "JIT_EVIDENCE_KEY");
    expect((await admin().rest.actions.listRepoSecrets(o)).data.total_count).toBe(0);
  });
});

describe("CODEOWNERS errors", () => {
  test("unknown owners (missing, without write access, unknown teams) and unsupported patterns, with line and column", async () => {
    emu.state.addUser("ghost");
    const errors = (await reader().rest.repos.codeownersErrors(o)).data.errors;
    expect(errors.map((e) => [e.line, e.column, e.kind, e.path])).toEqual([
      [3, 20, "Unknown owner", ".github/CODEOWNERS"],
      [3, 27, "Unknown owner", ".github/CODEOWNERS"],
      [4, 1, "Unsupported pattern", ".github/CODEOWNERS"],
    ]);
    expect(errors[0]!.message).toMatch(/^Unknown owner on line 3: make sure @ghost exists and has write access to the repository/);
    expect((await failure(reader().rest.repos.codeownersErrors({ ...o, ref: "no-such-ref" }))).status).toBe(404);
  });
});
