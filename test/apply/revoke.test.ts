// Early revoke: the grantee releases their own lease (or an admin revokes it) without
// waiting for approvers; the grant goes in that run, then the file, with trailers.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runRevoke } from "../../src/commands/revoke.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
const NOW = Date.parse("2026-11-24T10:00:00Z");
const PATH = "leases/prod-db-readers/zed.yaml";

beforeEach(async () => {
  repo = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  repo.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  repo.commitAll("start without leases", "2026-11-20T09:30:00Z");
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "dana", "mallory", "sam"]) s.addOrgMember("acme", u);
  for (const t of ["security", "sre-leads", "engineering", "platform-admins", "prod-db-readers"]) s.addTeam("acme", t);
  s.addTeam("acme", "security-admins");
  s.addTeamMember("acme", "security-admins", "sam");
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  s.addTeam("acme", "dba");
  s.addTeamMember("acme", "dba", "dana");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
  repo.branch("zed");
  repo.write(PATH, lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" }));
  const head = repo.commitAll("request", "2026-11-24T08:30:00Z");
  repo.checkout("main");
  const pr = s.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: "zed", headSha: head });
  s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  const merge = repo.merge("zed", "2026-11-24T09:00:00Z");
  s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
  s.associateCommit("acme", "access", merge, pr.number);
  s.addTeamMember("acme", "prod-db-readers", "zed"); // granted by the apply run on merge
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

const revoke = (actor: string, reason?: string, leases = [PATH], rerunOf?: string) => {
  const registry = createProviderRegistry(gh);
  return runRevoke({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: NOW, ref: "HEAD", evidenceKey: "k", providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false, leases, actor, ...(reason ? { reason } : {}), ...(rerunOf ? { rerunOf } : {}) });
};

/** Another approved and merged lease on prod-db-readers, granted. */
function addLease(path: string, grantee: string, time: string): void {
  const s = emu.state;
  const branch = `b-${path.replace(/\W/g, "-")}`;
  repo.branch(branch);
  repo.write(path, lease({ grantee, resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" }));
  const head = repo.commitAll("request", time);
  repo.checkout("main");
  const pr = s.addPullRequest("acme", "access", { author: grantee, base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
  s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  const merge = repo.merge(branch, time);
  s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
  s.associateCommit("acme", "access", merge, pr.number);
  s.addTeamMember("acme", "prod-db-readers", grantee);
}
const leaseFiles = () => repo.git("ls-tree", "-r", "--name-only", "HEAD", "leases").split("\n").filter((p) => p.endsWith(".yaml")).sort();

describe("early revoke", () => {
  it("the grantee releases their own lease: revoked in this run, file removed with trailers", async () => {
    const r = await revoke("zed", "done early");
    expect(r.ok).toBe(true);
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.has("zed")).toBe(false);
    expect(existsSync(join(repo.dir, PATH))).toBe(false);
    expect(repo.git("log", "-1", "--format=%s").trim()).toBe("jit-access: revoke 1 lease");
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)").trim()).toBe("early revoke by @zed: done early");
  });

  it("an admin (through a team) may revoke anyone's lease", async () => {
    const r = await revoke("sam");
    expect(r.ok).toBe(true);
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.has("zed")).toBe(false);
  });

  it("incident response: an admin ends every lease of a grantee (@login) or of a resource (its folder) in one run", async () => {
    addLease("leases/prod-db-readers/zed-2.yaml", "zed", "2026-11-24T09:10:00Z");
    addLease("leases/prod-db-readers/mallory.yaml", "mallory", "2026-11-24T09:20:00Z");
    const r = await revoke("sam", "account compromised", ["@ZED"]);
    expect(r.ok).toBe(true);
    expect(r.removed.map((x) => x.path).sort()).toEqual(["leases/prod-db-readers/zed-2.yaml", PATH]);
    expect([...emu.state.getTeam("acme", "prod-db-readers")!.members.keys()]).toEqual(["mallory"]);
    expect(leaseFiles()).toEqual(["leases/prod-db-readers/mallory.yaml"]);
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)").trim().split("\n")).toEqual(["early revoke by @sam: account compromised", "early revoke by @sam: account compromised"]);
    const all = await revoke("sam", "resource under investigation", ["leases/prod-db-readers/"]);
    expect(all.removed.map((x) => x.path)).toEqual(["leases/prod-db-readers/mallory.yaml"]);
    expect([...emu.state.getTeam("acme", "prod-db-readers")!.members.keys()]).toEqual([]);
    expect(leaseFiles()).toEqual([]);
  });

  it("a grantee may end all of their own leases (@self), but not a folder that holds someone else's; selectors that name nothing are errors", async () => {
    addLease("leases/prod-db-readers/mallory.yaml", "mallory", "2026-11-24T09:20:00Z");
    await expect(revoke("zed", undefined, ["leases/prod-db-readers"])).rejects.toThrow(/zed may not revoke leases\/prod-db-readers\/mallory\.yaml/);
    expect(leaseFiles()).toEqual(["leases/prod-db-readers/mallory.yaml", PATH]);
    await expect(revoke("mallory", undefined, ["@zed"])).rejects.toThrow(/mallory may not revoke leases\/prod-db-readers\/zed\.yaml/);
    await expect(revoke("sam", undefined, ["@nobody"])).rejects.toThrow(/@nobody names no lease on HEAD/);
    await expect(revoke("sam", undefined, ["leases/no-such-resource/"])).rejects.toThrow(/names no lease on HEAD/);
    await expect(revoke("sam", undefined, ["leases/../policy.yaml"])).rejects.toThrow(/is neither a lease file .* nor a grantee/);
    const own = await revoke("zed", "done", ["@zed"]);
    expect(own.removed.map((x) => x.path)).toEqual([PATH]);
    expect(leaseFiles()).toEqual(["leases/prod-db-readers/mallory.yaml"]);
  });

  it("anyone else is refused, and nothing changes", async () => {
    await expect(revoke("mallory")).rejects.toThrow(/mallory may not revoke leases\/prod-db-readers\/zed\.yaml/);
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.has("zed")).toBe(true);
    expect(existsSync(join(repo.dir, PATH))).toBe(true);
  });

  it("re-run of an admin's revoke by a non-admin: judged as the re-runner, refused with revoke-rerun-not-allowed, nothing changes", async () => {
    // sam (an admin) started the run; mallory re-ran it: the re-run replays sam's inputs with mallory's hands.
    await expect(revoke("mallory", "taking over", [PATH], "sam")).rejects.toMatchObject({ code: "revoke-rerun-not-allowed", message: expect.stringMatching(/^mallory re-ran a revoke started by sam; .* mallory may not revoke leases\/prod-db-readers\/zed\.yaml: only its grantee \(zed\) or the policy admins/) });
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.has("zed")).toBe(true);
    expect(existsSync(join(repo.dir, PATH))).toBe(true);
  });

  it("a re-run by someone who has the right goes ahead, and the trailer records both who re-ran it and whose run it was", async () => {
    const r = await revoke("sam", "on zed's behalf", [PATH], "zed");
    expect(r.ok).toBe(true);
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.has("zed")).toBe(false);
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)").trim()).toBe("early revoke by @sam (re-run of @zed's run): on zed's behalf");
  });

  it("a revoke reason with line breaks cannot forge trailers in the revocation commit", async () => {
    const r = await revoke("zed", "done\nJit-Lease: leases/prod-db-readers/bob.yaml\r\nJit-Grantee: bob\u2028x");
    expect(r.ok).toBe(true);
    const trailers = repo.git("log", "-1", "--format=%(trailers:only,unfold)").trim().split("\n");
    expect(trailers.filter((t) => t.startsWith("Jit-Lease:"))).toEqual([`Jit-Lease: ${PATH}`]);
    expect(trailers.filter((t) => t.startsWith("Jit-Grantee:"))).toEqual(["Jit-Grantee: zed"]);
    expect(repo.git("log", "-1", "--format=%(trailers:key=Jit-Reason,valueonly)").trim()).toBe("early revoke by @zed: done Jit-Lease: leases/prod-db-readers/bob.yaml Jit-Grantee: bob x");
  });
});
