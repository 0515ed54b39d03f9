// With random 5xx answers and secondary rate limits injected, the three providers still
// converge: the client retries, a failed item or list is retried by the next pass, and
// nothing is granted twice (one invitation per person).
import { afterEach, beforeEach, expect, test } from "vitest";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import type { Resource } from "../../src/policy/policy.js";
import type { Grant, GrantOutcome, Provider } from "../../src/providers/provider.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { resource, summary, testClient } from "./support.js";

let emu: CheckedEmulator;

beforeEach(async () => {
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  s.addTeam("acme", "platform");
  s.addTeamMember("acme", "platform", "alice", "maintainer");
  s.addTeamMember("acme", "platform", "amy");
  s.addTeamMember("acme", "platform", "drifter");
  for (const u of ["carol", "dave", "yan"]) s.addOrgMember("acme", u);
  for (const u of ["outsider", "stranger"]) s.addUser(u);
  s.addRepo("acme", "web");
  s.addCustomRepoRole("acme", "deployer", "write");
  s.addCollaborator("acme", "web", "dave", "triage");
  s.addCollaborator("acme", "web", "yan", "push");
  s.addOrgRole("acme", "auditor");
  s.assignOrgRole("acme", "alice", "security_manager");
  s.assignOrgRole("acme", "yan", "auditor");
});
afterEach(async () => {
  emu.faults.clear();
  await emu.close();
});

const team = resource("platform", { type: "github-team", org: "acme", team: "platform" }, ["member", "maintainer"]);
const repo = resource("web", { type: "github-repo", owner: "acme", repo: "web" }, ["pull", "push", "deployer"]);
const orgRoles = resource("roles", { type: "github-org-role", org: "acme" }, ["security_manager", "all_repo_write", "auditor"]);

type Want = Array<[grantee: string, role: string]>;
const desired = new Map<Resource, Want>([
  [team, [["alice", "maintainer"], ["amy", "maintainer"], ["carol", "member"], ["outsider", "member"]]],
  [repo, [["dave", "push"], ["carol", "deployer"], ["stranger", "pull"]]],
  [orgRoles, [["alice", "security_manager"], ["carol", "all_repo_write"], ["dave", "auditor"]]],
]);

/** One reconcile pass for one resource: true when it found nothing to do. */
async function pass(p: Provider, r: Resource, want: Want, outcomes: GrantOutcome[]): Promise<boolean> {
  const have = await p.list(r);
  const key = (g: string, role: string) => `${g.toLowerCase()}\u0000${p.singleRole ? "" : role}`;
  const byKey = new Map<string, Grant>(have.map((g) => [key(g.grantee, g.role), g]));
  const wanted = new Set(want.map(([g, role]) => key(g, role)));
  let todo = 0;
  for (const [grantee, role] of want) {
    const cur = byKey.get(key(grantee, role));
    if (cur?.role === role) continue;
    todo++;
    outcomes.push(cur ? await p.changeRole(r, grantee, role) : await p.grant(r, grantee, role));
  }
  for (const [k, g] of byKey) {
    if (wanted.has(k)) continue;
    todo++;
    outcomes.push(await p.revoke(r, g));
  }
  return todo === 0;
}

async function converge(gh: GitHubClient, maxPasses: number): Promise<{ passes: number; outcomes: GrantOutcome[] }> {
  const outcomes: GrantOutcome[] = [];
  for (let n = 1; n <= maxPasses; n++) {
    const providerOf = createProviderRegistry(gh); // a fresh registry per run, like apply
    const done = await Promise.all(
      [...desired].map(([r, want]) => pass(providerOf(r), r, want, outcomes).catch(() => false)), // a failed list: next pass
    );
    if (done.every(Boolean)) return { passes: n, outcomes };
  }
  return { passes: -1, outcomes };
}

test("random 5xx and secondary rate limits: the providers converge, without duplicates", async () => {
  const log: string[] = [];
  const gh = testClient(emu.url, { log, retryBaseMs: 50 }); // 5xx back-off 50, 200, 450 ms; secondary limits wait their real 1 s
  emu.faults.random({ rate: 0.2, seed: 11, statuses: [500, 502, 503, 403] });
  emu.faults.add({ method: "GET", route: "/repos/{owner}/{repo}/collaborators", status: 403, times: 1 }); // at least one secondary limit
  const { passes, outcomes } = await converge(gh, 6);
  emu.faults.clear();
  expect(passes).toBeGreaterThan(0);
  expect(emu.faults.injected).toBeGreaterThan(5);
  expect(log.some((l) => l.startsWith("secondary"))).toBe(true); // 403 + retry-after honoured by the throttling plugin
  expect(outcomes.some((o) => o.status === "invited")).toBe(true);

  const providerOf = createProviderRegistry(gh);
  expect(summary(await providerOf(team).list(team))).toEqual(["alice:maintainer:active", "amy:maintainer:active", "carol:member:active", "outsider:member:pending"]);
  expect(summary(await providerOf(repo).list(repo))).toEqual(["carol:deployer:active", "dave:push:active", "stranger:pull:pending"]);
  expect(summary(await providerOf(orgRoles).list(orgRoles))).toEqual(["alice:security_manager:active", "carol:all_repo_write:active", "dave:auditor:active"]);
  // one invitation each, whatever was retried
  expect((await gh.rest.orgs.listPendingInvitations({ org: "acme" })).data.map((i) => [i.login, i.team_count])).toEqual([["outsider", 1]]);
  expect((await gh.rest.repos.listInvitations({ owner: "acme", repo: "web" })).data.map((i) => i.invitee?.login)).toEqual(["stranger"]);
  // a last pass without faults has nothing to do
  expect((await converge(gh, 1)).passes).toBe(1);
});

test("createClient: a 5xx on a write and a secondary rate limit on a read are retried", async () => {
  const warnings: string[] = [];
  const gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 20, log: (m) => warnings.push(m) });
  const p = createProviderRegistry(gh)(team);
  emu.faults.add({ method: "PUT", route: "/orgs/{org}/teams/{team_slug}/memberships/{username}", status: 502, times: 1 });
  emu.faults.add({ method: "GET", route: "/orgs/{org}/teams/{team_slug}/members", status: 403, times: 1 });
  expect(await p.grant(team, "carol", "member")).toEqual({ status: "granted" });
  expect(summary(await p.list(team))).toContain("carol:member:active");
  expect(emu.faults.injected).toBe(2);
  expect(warnings.join("\n")).toMatch(/secondary rate limit on GET/);
});
