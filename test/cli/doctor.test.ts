// `jit doctor` against the emulator (every answer checked against GitHub's OpenAPI
// description): a well set-up access repo passes every check; each misconfiguration fails
// the right check with its fix; exit codes 0/1/2; --format json.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { VERSION } from "../../src/cli/help.js";
import { runInit } from "../../src/commands/init.js";
import type { BranchProtectionSeed, RulesetSeed } from "../../src/emulator/repo-settings.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo } from "../helpers/git-repo.js";
import { STACK, jit } from "./run.js";

const PERMISSIONS = { members: "write", organization_administration: "read", administration: "write", contents: "write", pull_requests: "write", issues: "write" } as const;
const GOOD_RULES: RulesetSeed["rules"] = [
  { type: "pull_request", parameters: { required_approving_review_count: 1, require_code_owner_review: true, dismiss_stale_reviews_on_push: true, require_last_push_approval: true, required_review_thread_resolution: false } },
  { type: "required_status_checks", parameters: { strict_required_status_checks_policy: false, required_status_checks: [{ context: "jit-access / validate" }, { context: "jit-access / approvals" }] } },
  { type: "non_fast_forward" },
];

let repo: TestRepo;
let emu: CheckedEmulator;
let appId: number;

/** The access repo `jit init` makes, made once: each test gets its own copy. */
let start: TestRepo;
beforeAll(async () => {
  start = TestRepo.init({ fromExample: false });
  await runInit({ dir: start.dir, org: "acme", admins: ["@acme/security-admins"], action: "jit-access/jit-access", version: VERSION, force: false });
  start.commitAll("jit init", "2026-11-20T09:00:00Z");
});
afterAll(() => start.cleanup());

beforeEach(async () => {
  repo = start.copy();
  emu = await startCheckedEmulator({ now: () => new Date("2026-11-24T10:00:00Z") });
  const s = emu.state;
  s.addOrg("acme");
  s.addOrgMember("acme", "root", "admin");
  s.addToken("admin-token", "root");
  s.addTeam("acme", "security-admins");
  s.addTeamMember("acme", "security-admins", "sam");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main", private: true });
  s.addCollaborator("acme", "access", "alice", "push");
  s.addCollaborator("acme", "access", "reader", "pull");
  s.addToken("reader-token", "reader");
  appId = s.settings.installApp("acme", "jit-access", { permissions: { ...PERMISSIONS } }).app.id;
  s.settings.addRuleset("acme", "access", { name: "jit-access main", rules: GOOD_RULES, bypassActors: [{ actorType: "Integration", actorId: appId }] });
  for (const name of ["JIT_APP_PRIVATE_KEY", "JIT_EVIDENCE_KEY", "JIT_WEBHOOK_URL"]) s.settings.addSecret("acme", "access", name, { environment: "jit-access" });
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

const doctor = (extra: string[] = [], token = "admin-token") => jit(["doctor", "--repository", "acme/access", "--token", token, "--api-url", emu.url, ...extra]);

interface JsonCheck {
  id: string;
  status: string;
  details: string[];
  fix?: string;
}
async function checks(extra: string[] = []): Promise<{ code: number; byId: Record<string, JsonCheck> }> {
  const r = await doctor(["--format", "json", ...extra]);
  expect(r.err).toBe("");
  const parsed = JSON.parse(r.out) as { format: string; version: string; ok: boolean; checks: JsonCheck[] };
  expect(parsed.format).toBe("jit-access/doctor@1");
  expect(parsed.version).toBe(VERSION);
  expect(parsed.ok).toBe(r.code === 0);
  return { code: r.code, byId: Object.fromEntries(parsed.checks.map((c) => [c.id, c])) };
}

function replaceRuleset(seed: Partial<RulesetSeed>) {
  const s = emu.state.settings;
  for (const r of s.listRulesets(emu.state.getRepo("acme", "access")!)) s.removeRuleset(r.id);
  s.addRuleset("acme", "access", { name: "jit-access main", rules: GOOD_RULES, bypassActors: [{ actorType: "Integration", actorId: appId }], ...seed });
}

function withPullRequestParameters(p: Record<string, unknown>): RulesetSeed["rules"] {
  return GOOD_RULES.map((r) => (r.type === "pull_request" ? { ...r, parameters: { ...r.parameters, ...p } } : r));
}

describe("jit doctor", () => {
  it("passes every check on a well set-up repository (refs/notes/jit is a warning: nothing can protect it); exit 0", async () => {
    const r = await doctor();
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    for (const id of ["branch-rules", "bypass", "auto-approve", "codeowners", "app", "secrets", "workflows", "bot-login"]) expect(r.out).toMatch(new RegExp(`^✓ pass {2}${id}: `, "m"));
    expect(r.out).toMatch(/^! warn {2}notes: /m);
    expect(r.out).toMatch(/the jit-access App \(always\) can bypass it — expected/);
    expect(r.out).toMatch(/@alice/);
    expect(r.out).toMatch(/8 passed, 1 warning\(s\), 0 failed\./);
    const j = await checks();
    expect(j.code).toBe(0);
    expect(Object.keys(j.byId)).toEqual(["branch-rules", "bypass", "auto-approve", "codeowners", "app", "secrets", "workflows", "bot-login", "notes"]);
  });

  it("classic branch protection alone is enough, when admins are included", async () => {
    replaceRuleset({ enforcement: "disabled" });
    const classic: BranchProtectionSeed = {
      requiredPullRequestReviews: { requireCodeOwnerReviews: true, dismissStaleReviews: true, requireLastPushApproval: true },
      requiredStatusChecks: { strict: false, checks: [{ context: "jit-access / validate" }, { context: "jit-access / approvals", appId: 15368 }] },
      enforceAdmins: true,
    };
    emu.state.settings.protectBranch("acme", "access", "main", classic);
    const j = await checks();
    expect(j.byId["branch-rules"]!.status).toBe("pass");
    expect(j.byId["branch-rules"]!.details.join("\n")).toMatch(/code-owner review required \(branch protection\)/);
    expect(j.byId.bypass!.status).toBe("pass");
    expect(j.code).toBe(0);
    // Admins not included, and a user allowed to skip the reviews: both are bypass risks.
    emu.state.settings.protectBranch("acme", "access", "main", { ...classic, enforceAdmins: false, requiredPullRequestReviews: { ...classic.requiredPullRequestReviews, bypass: { users: ["alice"], teams: ["security-admins"] } } });
    const k = await checks();
    expect(k.code).toBe(1);
    expect(k.byId.bypass!.status).toBe("fail");
    expect(k.byId.bypass!.details.join("\n")).toMatch(/repository admins can bypass it/);
    expect(k.byId.bypass!.details.join("\n")).toMatch(/@alice may merge without the required reviews/);
    expect(k.byId.bypass!.details.join("\n")).toMatch(/@acme\/security-admins may merge/);
    expect(k.byId.bypass!.fix).toMatch(/gh api --method POST repos\/acme\/access\/branches\/main\/protection\/enforce_admins/);
  });

  const ruleFailures: [string, () => void, RegExp][] = [
    ["no rules at all", () => replaceRuleset({ enforcement: "disabled" }), /main has no branch protection and no ruleset/],
    ["no pull request required", () => replaceRuleset({ rules: GOOD_RULES.filter((r) => r.type !== "pull_request") }), /✗ pull request required: not set/],
    ["no code-owner review", () => replaceRuleset({ rules: withPullRequestParameters({ require_code_owner_review: false }) }), /✗ code-owner review required: not set/],
    ["stale approvals kept", () => replaceRuleset({ rules: withPullRequestParameters({ dismiss_stale_reviews_on_push: false }) }), /✗ stale approvals dismissed on push: not set/],
    ["checks not required", () => replaceRuleset({ rules: GOOD_RULES.filter((r) => r.type !== "required_status_checks") }), /✗ status check "jit-access \/ validate" required: not set/],
    ["a ruleset on other branches only", () => replaceRuleset({ include: ["refs/heads/release/*"] }), /no branch protection and no ruleset/],
  ];
  for (const [name, setUp, detail] of ruleFailures) {
    it(`branch-rules fails with its fix: ${name}`, async () => {
      setUp();
      const j = await checks();
      expect(j.code).toBe(1);
      const c = j.byId["branch-rules"]!;
      expect(c.status).toBe("fail");
      expect(c.details.join("\n")).toMatch(detail);
      expect(c.fix).toMatch(/gh api --method POST repos\/acme\/access\/rulesets --input -/);
      expect(c.fix).toContain('"require_code_owner_review":true');
      for (const other of ["codeowners", "app", "secrets", "workflows", "bot-login"]) expect(j.byId[other]!.status, `${other}: ${j.byId[other]!.details.join(" ")}`).toBe("pass");
    });
  }

  it("the most recent push not needing approval is a warning, not a failure", async () => {
    replaceRuleset({ rules: withPullRequestParameters({ require_last_push_approval: false }) });
    const j = await checks();
    expect(j.byId["branch-rules"]!.status).toBe("warn");
    expect(j.code).toBe(0);
  });

  it("auto-approve: with an autoApprove rule in the policy, the App's bypass on a ruleset wider than the default branch fails, and a second bypass actor is a warning", async () => {
    const policy = readFileSync(join(repo.dir, "policy.yaml"), "utf8").replace("    approvers: [group:approvers]\n", "    approvers: [group:approvers]\n    autoApprove:\n      - { name: on-call, requesters: [alice], maxDuration: 1h }\n");
    expect(policy).toContain("autoApprove");
    repo.write("policy.yaml", policy);
    repo.commitAll("auto-approval for the on-call", "2026-11-21T09:00:00Z");
    let { byId } = await checks();
    expect(byId["auto-approve"]!.status).toBe("pass");
    replaceRuleset({ include: ["~ALL"], bypassActors: [{ actorType: "Integration", actorId: appId }, { actorType: "Team", actorId: 7 }] });
    ({ byId } = await checks());
    expect(byId["auto-approve"]!.status).toBe("fail");
    expect(byId["auto-approve"]!.details.join("\n")).toMatch(/bypass-too-wide/);
    expect(byId["auto-approve"]!.details.join("\n")).toMatch(/bypass-extra-actor: .*Team 7/);
    expect(byId["auto-approve"]!.fix).toMatch(/default branch/);
  });

  it("bypass fails for every bypass actor but the App, naming each with the fix", async () => {
    replaceRuleset({ bypassActors: [{ actorType: "Integration", actorId: appId }, { actorType: "OrganizationAdmin", actorId: null }, { actorType: "RepositoryRole", actorId: 5, bypassMode: "pull_request" }] });
    const j = await checks();
    expect(j.code).toBe(1);
    const c = j.byId.bypass!;
    expect(c.status).toBe("fail");
    expect(c.details).toEqual([
      expect.stringMatching(/✗ risk: ruleset "jit-access main" \(Repository acme\/access\): organization owners \(always\) can bypass it/),
      expect.stringMatching(/✗ risk: .*repository role id 5 \(admin; on pull requests\) can bypass it/),
      expect.stringMatching(/✓ .*the jit-access App \(always\) .*expected/),
    ]);
    expect(c.fix).toMatch(/Settings → Rules → Rulesets → jit-access main → Bypass list \(keep only the jit-access App\)/);
  });

  it("codeowners fails when CODEOWNERS is out of sync with the policy, or names an owner GitHub does not know", async () => {
    repo.write(".github/CODEOWNERS", "* @acme/security-admins\n/leases/example-team/ @nobody-here\n").commitAll("hand-edited CODEOWNERS", "2026-11-21T09:00:00Z");
    const j = await checks();
    expect(j.code).toBe(1);
    const c = j.byId.codeowners!;
    expect(c.status).toBe("fail");
    const text = c.details.join("\n");
    expect(text).toMatch(/✗ \.github\/CODEOWNERS differs from what policy\.yaml implies, from line 2/);
    expect(text).toMatch(/missing: \/policy\.yaml @acme\/security-admins/);
    expect(text).toMatch(/unexpected \(line 2\): \/leases\/example-team\/ @nobody-here/);
    expect(text).toMatch(/\.github\/CODEOWNERS:2:\d+ Unknown owner: Unknown owner on line 2: make sure @nobody-here exists and has write access/);
    expect(c.fix).toMatch(/Run jit codeowners/);
  });

  it("codeowners fails without a CODEOWNERS file", async () => {
    repo.remove(".github/CODEOWNERS").commitAll("no CODEOWNERS", "2026-11-21T09:00:00Z");
    const c = (await checks()).byId.codeowners!;
    expect(c.status).toBe("fail");
    expect(c.details[0]).toMatch(/no CODEOWNERS on main/);
  });

  it("secrets fails for a missing secret, naming the workflows that use it and the command that adds it", async () => {
    emu.state.settings.removeSecret("acme", "access", "JIT_EVIDENCE_KEY", { environment: "jit-access" });
    const j = await checks();
    expect(j.code).toBe(1);
    const c = j.byId.secrets!;
    expect(c.status).toBe("fail");
    expect(c.details.join("\n")).toMatch(/✗ JIT_EVIDENCE_KEY is missing \(used by .*\.github\/workflows\/apply\.yml job apply in environment jit-access/);
    expect(c.details.join("\n")).toMatch(/✓ present: .*JIT_APP_PRIVATE_KEY/);
    expect(c.fix).toBe("gh secret set JIT_EVIDENCE_KEY --env jit-access --repo acme/access");
  });

  it("secrets: a repository or organization secret counts, an environment secret only in that environment's jobs", async () => {
    emu.state.settings.removeSecret("acme", "access", "JIT_EVIDENCE_KEY", { environment: "jit-access" });
    emu.state.settings.addOrgSecret("acme", "jit_evidence_key");
    expect((await checks()).byId.secrets!.status).toBe("pass");
    emu.state.settings.removeSecret("acme", "access", "JIT_APP_PRIVATE_KEY", { environment: "jit-access" });
    emu.state.settings.addSecret("acme", "access", "JIT_APP_PRIVATE_KEY", { environment: "elsewhere" });
    expect((await checks()).byId.secrets!.status).toBe("fail");
    emu.state.settings.addSecret("acme", "access", "JIT_APP_PRIVATE_KEY");
    expect((await checks()).byId.secrets!.status).toBe("pass");
  });

  it("workflows fails for an action on @main and for a missing workflow", async () => {
    const apply = repo.git("show", "HEAD:.github/workflows/apply.yml");
    repo.write(".github/workflows/apply.yml", apply.replace(`jit-access/jit-access@v${VERSION}`, "jit-access/jit-access@main")).remove(".github/workflows/audit.yml").commitAll("follow main", "2026-11-21T09:00:00Z");
    const j = await checks();
    expect(j.code).toBe(1);
    const c = j.byId.workflows!;
    expect(c.status).toBe("fail");
    expect(c.details.join("\n")).toMatch(/✗ \.github\/workflows\/apply\.yml: jit-access\/jit-access@main follows the branch or ref 'main'/);
    expect(c.details.join("\n")).toMatch(/✗ audit: no workflow runs the jit-access audit command/);
    expect(c.fix).toMatch(/pin jit-access\/jit-access@main to a release tag \(jit-access\/jit-access@v1\.2\.3\) or a full commit sha/);
    // A sha is pinned.
    repo.write(".github/workflows/apply.yml", apply.replace(`jit-access/jit-access@v${VERSION}`, `jit-access/jit-access@${"a".repeat(40)}`)).write(".github/workflows/audit.yml", repo.git("show", "HEAD~1:.github/workflows/audit.yml")).commitAll("pin", "2026-11-22T09:00:00Z");
    expect((await checks()).byId.workflows!.status).toBe("pass");
  });

  it("app: an extra permission is a warning (exit 0), a missing one fails, no installation fails", async () => {
    emu.state.settings.installApp("acme", "jit-access", { permissions: { ...PERMISSIONS, secrets: "write", organization_administration: "write" } });
    let j = await checks();
    expect(j.byId.app!.status).toBe("warn");
    expect(j.byId.app!.details).toEqual(expect.arrayContaining(["! secrets: write (not needed)", "! organization_administration: write (needs only read)"]));
    expect(j.byId.app!.fix).toMatch(/Remove what jit-access does not need \(organization_administration: write \(needs only read\), secrets: write\)/);
    expect(j.code).toBe(0);
    const { members: _dropped, ...fewer } = PERMISSIONS;
    emu.state.settings.installApp("acme", "jit-access", { permissions: { ...fewer } });
    j = await checks();
    expect(j.byId.app!.status).toBe("fail");
    expect(j.byId.app!.details).toContain("✗ members: none (needs write)");
    expect(j.byId.app!.fix).toMatch(/Give the App members: write at https:\/\/github\.com\/organizations\/acme\/settings\/apps\/jit-access\/permissions/);
    emu.state.settings.uninstallApp("acme", "jit-access");
    j = await checks();
    expect(j.byId.app!.status).toBe("fail");
    expect(j.byId.app!.fix).toMatch(/Install the App/);
    // Without the App's id, its own bypass is a risk like any other.
    expect(j.byId.bypass!.status).toBe("fail");
  });

  it("bot-login fails when the App's bot does not exist", async () => {
    const j = await checks(["--bot-login", "no-such-app[bot]"]);
    expect(j.byId["bot-login"]!.status).toBe("fail");
    expect(j.byId["bot-login"]!.fix).toMatch(/--bot-login/);
    expect((await checks(["--bot-login", "alice"])).byId["bot-login"]!.details[0]).toMatch(/@alice is a User, not a GitHub App's bot/);
  });

  it("a token without admin rights: the checks it cannot read fail, saying what they need", async () => {
    const r = await doctor(["--format", "json"], "reader-token");
    expect(r.code).toBe(1);
    const byId = Object.fromEntries((JSON.parse(r.out) as { checks: JsonCheck[] }).checks.map((c) => [c.id, c]));
    expect(byId["branch-rules"]!.details[0]).toMatch(/cannot read the branch protection of main \(needs admin on the repository\): HTTP 404/);
    expect(byId.secrets!.details[0]).toMatch(/cannot read the repository's Actions secrets \(needs admin on the repository\): HTTP 403/);
    expect(byId.app!.details[0]).toMatch(/cannot read the App installations of acme/);
    expect(byId.codeowners!.status).toBe("pass");
    expect(r.err).not.toMatch(STACK);
  });

  it("usage errors exit 2: no token, an unknown repository, a bad format", async () => {
    const noToken = await jit(["doctor", "--repository", "acme/access"]);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toMatch(/pass --token or set GITHUB_TOKEN/);
    const unknown = await jit(["doctor", "--repository", "acme/nope", "--token", "admin-token", "--api-url", emu.url]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/cannot read repository acme\/nope: HTTP 404 .*Check --repository and the token\./);
    const format = await doctor(["--format", "xml"]);
    expect(format.code).toBe(2);
    for (const r of [noToken, unknown, format]) expect(r.err).not.toMatch(STACK);
    const help = await jit(["doctor", "--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Usage: jit doctor/);
    expect((await jit(["--help"])).out).toMatch(/doctor .*Check the live GitHub set-up/);
  });
});
