// github-org-role provider against the contract-checked emulator: role names mapped to ids,
// direct assignments only, membership required, per-item failures.
import { afterEach, beforeEach, expect, test } from "vitest";
import type { GitHubClient } from "../../src/github/client.js";
import { providerFor } from "../../src/providers/registry.js";
import type { Provider } from "../../src/providers/provider.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { listed, resource, testClient } from "./support.js";

let emu: CheckedEmulator;
let gh: GitHubClient;
let p: Provider;
const roles = resource("org-roles", { type: "github-org-role", org: "acme" }, ["all_repo_write", "security_manager", "auditor", "no_such_role"]);

beforeEach(async () => {
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  s.addOrgRole("acme", "auditor", { description: "Reads the audit log", permissions: ["read_audit_logs"] });
  for (const u of ["alice", "carol", "dave"]) s.addOrgMember("acme", u);
  s.addUser("bob");
  s.addTeam("acme", "sec");
  s.addTeamMember("acme", "sec", "dave");
  s.assignOrgRole("acme", "alice", "security_manager");
  s.assignOrgRoleToTeam("acme", "sec", "security_manager");
  s.assignOrgRole("acme", "carol", "app_manager"); // not one of the resource's roles
  gh = testClient(emu.url);
  p = providerFor(roles, gh);
});
afterEach(async () => {
  await emu.close();
});

test("list: direct assignments of the resource's roles; team assignments and unknown names skipped", async () => {
  expect(p.nativeExpiry).toBe(false);
  expect(p.singleRole).toBe(false);
  expect(p.limits).toMatch(/membership/);
  expect(await listed(p, roles)).toEqual(["alice:security_manager:active"]);
});

test("grant, re-run unchanged, revoke, revoke again unchanged; several roles at once", async () => {
  expect(await p.grant(roles, "carol", "all_repo_write")).toEqual({ status: "granted" });
  expect(await p.grant(roles, "carol", "all_repo_write")).toEqual({ status: "unchanged" });
  expect(await p.grant(roles, "carol", "auditor")).toEqual({ status: "granted" });
  expect(await listed(p, roles)).toEqual(["alice:security_manager:active", "carol:all_repo_write:active", "carol:auditor:active"]);
  const g = { resource: "org-roles", grantee: "carol", role: "all_repo_write", state: "active" as const };
  expect(await p.revoke(roles, g)).toEqual({ status: "revoked" });
  expect(await p.revoke(roles, g)).toEqual({ status: "unchanged" });
  expect(await listed(p, roles)).toEqual(["alice:security_manager:active", "carol:auditor:active"]);
  // roles outside the resource are untouched
  expect(emu.state.orgRoleHolders("acme", "app_manager").map((a) => a.user.login)).toEqual(["carol"]);
});

test("changeRole leaves exactly the new one of the resource's roles", async () => {
  await p.grant(roles, "carol", "all_repo_write");
  await p.grant(roles, "carol", "auditor");
  expect(await p.changeRole(roles, "carol", "security_manager")).toEqual({ status: "granted" });
  expect((await listed(p, roles)).filter((x) => x.startsWith("carol"))).toEqual(["carol:security_manager:active"]);
  expect(await p.changeRole(roles, "carol", "security_manager")).toEqual({ status: "unchanged" });
});

test("a role held through a team and directly (mixed) is ours; revoking leaves the team's", async () => {
  expect(await p.grant(roles, "dave", "security_manager")).toEqual({ status: "granted" });
  expect(await listed(p, roles)).toContain("dave:security_manager:active");
  expect(await p.revoke(roles, { resource: "org-roles", grantee: "dave", role: "security_manager", state: "active" })).toEqual({ status: "revoked" });
  expect(await listed(p, roles)).not.toContain("dave:security_manager:active");
  expect(emu.state.orgRoleHolders("acme", "security_manager").find((a) => a.user.login === "dave")?.assignment).toBe("indirect");
});

test("per-item failures: not a member, unknown role, deleted user; the rest still works", async () => {
  const notMember = await p.grant(roles, "bob", "auditor");
  expect(notMember).toEqual({
    status: "failed",
    code: "not-org-member",
    message: "bob is not a member of acme; organization roles need membership. Invite them to acme first (jit-access does not).",
  });
  expect(await p.grant(roles, "carol", "no_such_role")).toMatchObject({ status: "failed", code: "unknown-role", message: expect.stringMatching(/acme has no organization role named "no_such_role" \(it has: all_repo_read, .*auditor\)/) });
  emu.state.deleteUser("alice");
  expect(await p.grant(roles, "alice", "auditor")).toMatchObject({ status: "failed", code: "user-not-found" });
  expect(await p.revoke(roles, { resource: "org-roles", grantee: "alice", role: "security_manager", state: "active" })).toEqual({ status: "unchanged" });
  expect(await p.revoke(roles, { resource: "org-roles", grantee: "carol", role: "no_such_role", state: "active" })).toEqual({ status: "unchanged" });
  expect(await p.grant(roles, "carol", "auditor")).toEqual({ status: "granted" });
  const other = resource("other", { type: "github-org-role", org: "nope" }, ["auditor"]);
  expect(await p.grant(other, "carol", "auditor")).toMatchObject({ status: "failed", code: "not-found", message: expect.stringMatching(/organization nope/) });
});

test("canGrantOthers: all_repo_admin adds collaborators to every repository of the org; other predefined roles add nobody; an unknown (custom) role may grant anything in the org", () => {
  const repo = resource("web", { type: "github-repo", owner: "ACME", repo: "web" }, ["push"]);
  const team = resource("ops", { type: "github-team", org: "acme", team: "ops" }, ["member"]);
  const elsewhere = resource("other", { type: "github-repo", owner: "globex", repo: "web" }, ["push"]);
  expect(p.canGrantOthers("all_repo_admin", roles, repo)).toBe(true);
  expect(p.canGrantOthers("all_repo_admin", roles, team)).toBe(false);
  expect(p.canGrantOthers("all_repo_admin", roles, elsewhere)).toBe(false);
  for (const role of ["all_repo_read", "all_repo_triage", "all_repo_write", "all_repo_maintain", "ci_cd_admin", "security_manager"]) {
    expect([repo, team, roles].some((t) => p.canGrantOthers(role, roles, t))).toBe(false);
  }
  for (const t of [repo, team, roles]) expect(p.canGrantOthers("auditor", roles, t)).toBe(true);
  expect(p.canGrantOthers("auditor", roles, elsewhere)).toBe(false);
});
