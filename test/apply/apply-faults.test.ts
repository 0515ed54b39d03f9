// With 5xx answers and secondary rate limits injected at random, repeated apply runs
// converge to the desired state, with no duplicate and no lost grant.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/commands/apply.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "k";
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
  for (const u of ["u1", "u2", "u3", "u4", "dana", "x1", "x2"]) s.addOrgMember("acme", u);
  s.addTeam("acme", "dba");
  s.addTeamMember("acme", "dba", "dana");
  for (const t of ["security", "sre-leads", "security-admins", "engineering", "platform-admins"]) s.addTeam("acme", t);
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  s.addTeam("acme", "prod-db-readers");
  s.addTeamMember("acme", "prod-db-readers", "x1"); // drift: no lease
  s.addTeamMember("acme", "prod-db-readers", "x2"); // drift: no lease
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5 });

  // Four approved leases on prod-db-readers, each merged through its own pull request.
  for (const u of ["u1", "u2", "u3", "u4"]) {
    repo.branch(u);
    repo.write(`leases/prod-db-readers/${u}.yaml`, lease({ grantee: u, resource: "prod-db-readers", role: "member", duration: "6h", reason: "Pull figures for the quarterly report" }));
    const head = repo.commitAll(`request ${u}`, "2026-11-24T08:30:00Z");
    repo.checkout("main");
    const pr = s.addPullRequest("acme", "access", { author: u, base: "main", baseSha: repo.head("main"), head: u, headSha: head });
    s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    const merge = repo.merge(u, "2026-11-24T09:00:00Z");
    s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    s.associateCommit("acme", "access", merge, pr.number);
  }
});

afterEach(async () => {
  emu.faults.clear();
  await emu.close();
  repo.cleanup();
});

const apply = () => {
  const registry = createProviderRegistry(gh);
  return runApply({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: NOW, ref: "HEAD", evidenceKey: KEY, providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
};

describe("apply under injected faults", () => {
  it("converges in repeated runs, without duplicate or lost grants", async () => {
    emu.faults.random({ rate: 0.25, seed: 42, statuses: [500, 502, 503, 403] });
    let converged = false;
    for (let run = 0; run < 8 && !converged; run++) {
      try {
        const r = await apply();
        converged = r.ok && r.results.length === 0;
      } catch {
        // A run may fail as a whole (e.g. retries exhausted while reading); the next one heals it.
      }
    }
    emu.faults.clear();
    const final = await apply();
    expect(final.ok).toBe(true);
    expect(final.results).toEqual([]); // nothing left to do: in sync
    const members = (await gh.paginate(gh.rest.teams.listMembersInOrg, { org: "acme", team_slug: "prod-db-readers", per_page: 100 })).map((m) => m.login).sort();
    expect(members).toEqual(["u1", "u2", "u3", "u4"]);
    const faults = emu.requests.filter((r) => r.fault).length;
    expect(faults).toBeGreaterThan(0); // faults really were injected
  });
});
