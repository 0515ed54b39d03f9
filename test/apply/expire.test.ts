// The expiry sweep: revoke through reconcile, then remove the files in one commit whose
// trailers say what happened; a file stays while its grant may still be live.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runExpire } from "../../src/commands/expire.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
const at = (t: string) => Date.parse(t);

beforeEach(async () => {
  repo = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  repo.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  repo.commitAll("start without leases", "2026-11-20T09:30:00Z");
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "dana"]) s.addOrgMember("acme", u);
  for (const t of ["security", "sre-leads", "security-admins", "engineering", "platform-admins", "prod-db-readers"]) s.addTeam("acme", t);
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  s.addTeam("acme", "dba");
  s.addTeamMember("acme", "dba", "dana");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5 });
  repo.branch("zed");
  repo.write("leases/prod-db-readers/zed.yaml", lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "2h", reason: "Pull figures for the quarterly report" }));
  const head = repo.commitAll("request", "2026-11-24T08:30:00Z");
  repo.checkout("main");
  const pr = s.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
  s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  const merge = repo.merge("zed", "2026-11-24T09:00:00Z");
  s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
  s.associateCommit("acme", "access", merge, pr.number);
});
afterEach(async () => {
  emu.faults.clear();
  await emu.close();
  repo.cleanup();
});

const sweep = (now: number) => {
  const registry = createProviderRegistry(gh);
  return runExpire({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: "k", providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
};
const members = () => [...emu.state.getTeam("acme", "prod-db-readers")!.members.keys()];

describe("expire", () => {
  it("does nothing before the end; at the end revokes, removes the file and says so in trailers", async () => {
    const early = await sweep(at("2026-11-24T10:00:00Z"));
    expect(early.removed).toEqual([]);
    expect(members()).toEqual(["zed"]);

    const late = await sweep(at("2026-11-24T11:20:00Z")); // a sweep 20 minutes late
    expect(late.ok).toBe(true);
    expect(members()).toEqual([]);
    expect(late.removed.map((r) => r.path)).toEqual(["leases/prod-db-readers/zed.yaml"]);
    expect(existsSync(join(repo.dir, "leases/prod-db-readers/zed.yaml"))).toBe(false);
    const msg = repo.git("log", "-1", "--format=%B");
    expect(msg).toMatch(/^jit-access: expire 1 lease/);
    const trailers = repo.git("log", "-1", "--format=%(trailers:only,unfold)");
    expect(trailers).toContain("Jit-Lease: leases/prod-db-readers/zed.yaml");
    expect(trailers).toContain("Jit-Grantee: zed");
    expect(trailers).toContain("Jit-Role: member");
    expect(trailers).toContain("Jit-Granted-At: 2026-11-24T09:00:00Z");
    expect(trailers).toContain("Jit-Expired-At: 2026-11-24T11:00:00Z");
    expect(trailers).toContain("Jit-Revoked-At: 2026-11-24T11:20:00Z");
    expect(trailers).toContain("Jit-Reason: expired");

    const again = await sweep(at("2026-11-24T11:30:00Z"));
    expect(again.removed).toEqual([]);
    expect(again.commit).toBeUndefined();
  });

  it("keeps the file while the revoke fails, and removes it once a later sweep succeeds", async () => {
    await sweep(at("2026-11-24T10:00:00Z"));
    emu.faults.add({ method: "DELETE", route: "/orgs/{org}/teams/{team_slug}/memberships/{username}", status: 500, times: 20 });
    const failing = await sweep(at("2026-11-24T11:05:00Z"));
    expect(failing.ok).toBe(false);
    expect(failing.removed).toEqual([]);
    expect(failing.kept[0]!.why).toMatch(/revoke failed/);
    expect(existsSync(join(repo.dir, "leases/prod-db-readers/zed.yaml"))).toBe(true);
    expect(members()).toEqual(["zed"]);

    emu.faults.clear();
    const healed = await sweep(at("2026-11-24T11:10:00Z"));
    expect(healed.ok).toBe(true);
    expect(members()).toEqual([]);
    expect(healed.removed.map((r) => r.path)).toEqual(["leases/prod-db-readers/zed.yaml"]);
  });
});
