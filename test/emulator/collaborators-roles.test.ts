// Repository collaborators and invitations, custom repository roles, organization roles.
// Every response is checked against GitHub's OpenAPI description (custom repository roles
// against Enterprise Cloud's, the only one describing them).
import { createRequire } from "node:module";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { createContractValidator } from "../../src/emulator/contract.js";
import type { ContractValidator } from "../../src/emulator/contract.js";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let emu: CheckedEmulator;
let clock = new Date("2026-01-05T10:00:00Z");

beforeEach(async () => {
  clock = new Date("2026-01-05T10:00:00Z");
  emu = await startCheckedEmulator({ now: () => clock });
  const s = emu.state;
  s.addOrg("acme");
  s.addOrgMember("acme", "owner", "admin");
  s.addOrgMember("acme", "carol");
  s.addOrgMember("acme", "dave");
  s.addUser("outsider");
  s.addRepo("acme", "web", { private: true });
  s.addCustomRepoRole("acme", "deployer", "write", { description: "Deploys", permissions: ["write_deployments"] });
});
afterEach(async () => {
  await emu.close();
});

const repo = { owner: "acme", repo: "web" };
const put = (username: string, permission?: string) => client(emu.url).repos.addCollaborator({ ...repo, username, ...(permission ? { permission } : {}) });

describe("collaborators", () => {
  test("an org member is added at once (204); PUT again changes the permission (204)", async () => {
    const r = await put("carol", "triage");
    expect(r.status).toBe(204);
    expect(emu.state.listCollaborators("acme", "web").map((c) => [c.user.login, c.permission])).toEqual([["carol", "triage"]]);
    expect((await put("carol", "maintain")).status).toBe(204);
    expect(emu.state.getRepo("acme", "web")?.collaborators.get("carol")?.permission).toBe("maintain");
  });

  test("a non-member is invited (201 with the invitation); accepting makes a collaborator", async () => {
    const r = await put("outsider", "push");
    expect(r.status).toBe(201);
    expect(r.data).toMatchObject({ id: 1, permissions: "write", expired: false, invitee: { login: "outsider" }, inviter: { login: "jit-access[bot]" }, repository: { full_name: "acme/web" } });
    const o = client(emu.url);
    const list = await o.repos.listInvitations(repo);
    expect(list.data.map((i) => [i.id, i.invitee?.login, i.permissions])).toEqual([[1, "outsider", "write"]]);
    // PUT again while pending updates the same invitation
    const again = await put("outsider", "admin");
    expect([again.status, again.data.id, again.data.permissions]).toEqual([201, 1, "admin"]);
    expect((await failure(o.repos.checkCollaborator({ ...repo, username: "outsider" }))).status).toBe(404);
    emu.state.acceptRepoInvitation("acme", "web", "outsider");
    expect((await o.repos.checkCollaborator({ ...repo, username: "outsider" })).status).toBe(204);
    expect((await o.repos.listInvitations(repo)).data).toEqual([]);
    const direct = await o.repos.listCollaborators({ ...repo, affiliation: "direct" });
    expect(direct.data.map((c) => [c.login, c.role_name, c.permissions?.admin])).toEqual([["outsider", "admin", true]]);
  });

  test("affiliation: direct, outside and all; role_name is the highest of all sources", async () => {
    await put("carol", "triage");
    await put("dave", "pull");
    await put("outsider", "maintain");
    emu.state.acceptRepoInvitation("acme", "web", "outsider");
    const o = client(emu.url);
    const names = async (affiliation: "direct" | "outside" | "all") =>
      (await o.repos.listCollaborators({ ...repo, affiliation })).data.map((c) => `${c.login}:${c.role_name}`);
    // dave's direct "pull" is below the org base permission "read"... equal here; carol's triage is above it
    expect(await names("direct")).toEqual(["carol:triage", "dave:read", "outsider:maintain"]);
    expect(await names("outside")).toEqual(["outsider:maintain"]);
    expect(await names("all")).toEqual(["carol:triage", "dave:read", "outsider:maintain", "owner:admin"]);
    const writers = await o.repos.listCollaborators({ ...repo, permission: "maintain" });
    expect(writers.data.map((c) => c.login)).toEqual(["outsider", "owner"]);
    // org owner: admin whatever the direct grant
    await put("owner", "pull");
    expect(await names("direct")).toContain("owner:admin");
  });

  test("permission level: highest of every source, legacy permission names", async () => {
    const o = client(emu.url);
    const level = async (username: string) => {
      const { data } = await o.repos.getCollaboratorPermissionLevel({ ...repo, username });
      return `${data.permission}/${data.role_name}/${data.user?.login}`;
    };
    expect(await level("carol")).toBe("read/read/carol"); // org base permission
    await put("carol", "maintain");
    expect(await level("carol")).toBe("write/maintain/carol");
    expect(await level("outsider")).toBe("none/none/outsider");
    expect(await level("owner")).toBe("admin/admin/owner");
    await put("dave", "deployer");
    expect(await level("dave")).toBe("write/deployer/dave");
    expect((await failure(o.repos.getCollaboratorPermissionLevel({ ...repo, username: "ghost" }))).status).toBe(404);
  });

  test("custom repository role: granted by name, reported as role_name, base permissions; unknown role 422", async () => {
    expect((await put("carol", "deployer")).status).toBe(204);
    const o = client(emu.url);
    const { data } = await o.repos.listCollaborators({ ...repo, affiliation: "direct" });
    expect(data[0]).toMatchObject({ login: "carol", role_name: "deployer", permissions: { pull: true, triage: true, push: true, maintain: false, admin: false } });
    const inv = await put("outsider", "deployer");
    expect(inv.data.permissions).toBe("write"); // invitations show the base role
    emu.state.acceptRepoInvitation("acme", "web", inv.data.id);
    expect(emu.state.getRepo("acme", "web")?.collaborators.get("outsider")?.permission).toBe("deployer");
    const e = await failure(put("dave", "superuser"));
    expect(e.status).toBe(422);
    expect(e.response?.data).toMatchObject({ message: "Validation Failed", errors: [{ resource: "Repository", code: "custom", field: "permission" }] });
  });

  test("DELETE collaborator: 204 (also when not one); invitations stay; access through the org remains", async () => {
    await put("carol", "admin");
    await put("outsider");
    const o = client(emu.url);
    expect((await o.repos.removeCollaborator({ ...repo, username: "carol" })).status).toBe(204);
    expect((await o.repos.removeCollaborator({ ...repo, username: "outsider" })).status).toBe(204);
    expect((await o.repos.listInvitations(repo)).data).toHaveLength(1);
    expect((await o.repos.getCollaboratorPermissionLevel({ ...repo, username: "carol" })).data.role_name).toBe("read");
    expect((await o.repos.checkCollaborator({ ...repo, username: "carol" })).status).toBe(204);
  });

  test("invitations: update, delete (404 once gone), expire after 7 days or by seeding", async () => {
    await put("outsider", "pull");
    const o = client(emu.url);
    const upd = await o.repos.updateInvitation({ ...repo, invitation_id: 1, permissions: "maintain" });
    expect(upd.data.permissions).toBe("maintain");
    expect((await o.repos.deleteInvitation({ ...repo, invitation_id: 1 })).status).toBe(204);
    expect((await failure(o.repos.deleteInvitation({ ...repo, invitation_id: 1 }))).status).toBe(404);
    await put("outsider", "pull");
    emu.state.expireRepoInvitation("acme", "web", "outsider");
    expect((await o.repos.listInvitations(repo)).data.map((i) => [i.id, i.expired])).toEqual([[2, true]]);
    expect(() => emu.state.acceptRepoInvitation("acme", "web", "outsider")).toThrow(/expired/);
    // inviting again replaces an expired invitation
    const again = await put("outsider", "pull");
    expect([again.status, again.data.id]).toEqual([201, 3]);
    clock = new Date("2026-01-12T10:00:01Z");
    expect((await o.repos.listInvitations(repo)).data.map((i) => [i.id, i.expired])).toEqual([[3, true]]);
  });

  test("50 invitations per repository per 24 hours, none counted for org members", async () => {
    for (let i = 0; i <= 50; i++) emu.state.addUser(`guest${i}`);
    for (let i = 0; i < 50; i++) expect((await put(`guest${i}`)).status).toBe(201);
    const e = await failure(put("guest50"));
    expect(e.status).toBe(422);
    expect(e.response?.data).toMatchObject({ message: "Validation Failed", errors: [{ code: "custom", message: expect.stringContaining("50 invitations") }] });
    expect((await put("carol")).status).toBe(204); // org members are not invited
    expect((await put("guest3", "admin")).status).toBe(201); // updating a pending invitation sends none
    clock = new Date("2026-01-06T10:00:01Z");
    expect((await put("guest50")).status).toBe(201);
  });

  test("pagination over 100 with Link headers (list collaborators)", async () => {
    for (let i = 0; i < 150; i++) emu.state.addCollaborator("acme", "web", `c${String(i).padStart(3, "0")}`, "push");
    const o = client(emu.url);
    const first = await o.repos.listCollaborators({ ...repo, affiliation: "direct", per_page: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.headers.link).toMatch(/page=2>; rel="next"/);
    const all = await o.paginate(o.repos.listCollaborators, { ...repo, affiliation: "direct", per_page: 100 });
    expect(all).toHaveLength(150);
    expect(all.at(-1)?.login).toBe("c149");
  });

  test("blocked, deleted, owner and personal repositories", async () => {
    emu.state.blockUser("acme", "outsider");
    const blocked = await failure(put("outsider"));
    expect(blocked.status).toBe(422);
    expect(blocked.response?.data).toMatchObject({ errors: [{ message: expect.stringContaining("blocked") }] });
    emu.state.addUser("gone");
    emu.state.deleteUser("gone");
    expect((await failure(put("gone"))).status).toBe(404);
    emu.state.addRepo("carol", "dotfiles");
    const o = client(emu.url);
    expect((await failure(o.repos.addCollaborator({ owner: "carol", repo: "dotfiles", username: "carol" }))).status).toBe(422);
    expect((await o.repos.addCollaborator({ owner: "carol", repo: "dotfiles", username: "dave" })).status).toBe(201);
    emu.state.acceptRepoInvitation("carol", "dotfiles", "dave");
    const again = await failure(o.repos.addCollaborator({ owner: "carol", repo: "dotfiles", username: "dave", permission: "admin" }));
    expect(again.response?.data).toMatchObject({ errors: [{ message: expect.stringContaining("organization-owned") }] });
  });

  test("only admins may add collaborators; push access to list them", async () => {
    emu.state.addToken("carol-token", "carol");
    const c = client(emu.url, "carol-token");
    expect((await failure(c.repos.addCollaborator({ ...repo, username: "dave" }))).status).toBe(403);
    expect((await failure(c.repos.listCollaborators(repo))).status).toBe(403);
  });
});

describe("organization roles", () => {
  test("predefined and custom roles; assign, list, revoke", async () => {
    emu.state.addOrgRole("acme", "auditor", { description: "Reads audit logs", permissions: ["read_audit_logs"] });
    const o = client(emu.url);
    const { data } = await o.orgs.listOrgRoles({ org: "acme" });
    expect(data.total_count).toBe(9);
    expect(data.roles?.map((r) => r.name)).toEqual(["all_repo_read", "all_repo_triage", "all_repo_write", "all_repo_maintain", "all_repo_admin", "ci_cd_admin", "security_manager", "app_manager", "auditor"]);
    expect(data.roles?.[0]).toMatchObject({ source: "Predefined", base_role: "read", organization: null });
    const auditor = data.roles!.find((r) => r.name === "auditor")!;
    expect(auditor).toMatchObject({ source: "Organization", organization: { login: "acme" }, permissions: ["read_audit_logs"] });
    expect((await o.orgs.getOrgRole({ org: "acme", role_id: auditor.id })).data.name).toBe("auditor");
    expect((await o.orgs.assignUserToOrgRole({ org: "acme", username: "carol", role_id: auditor.id })).status).toBe(204);
    expect((await o.orgs.assignUserToOrgRole({ org: "acme", username: "carol", role_id: auditor.id })).status).toBe(204);
    const users = await o.orgs.listOrgRoleUsers({ org: "acme", role_id: auditor.id });
    expect(users.data.map((u) => [u.login, u.assignment])).toEqual([["carol", "direct"]]);
    expect((await o.orgs.revokeOrgRoleUser({ org: "acme", username: "carol", role_id: auditor.id })).status).toBe(204);
    expect((await o.orgs.revokeOrgRoleUser({ org: "acme", username: "carol", role_id: auditor.id })).status).toBe(204);
    expect((await o.orgs.listOrgRoleUsers({ org: "acme", role_id: auditor.id })).data).toEqual([]);
  });

  test("team assignments are indirect (or mixed with a direct one)", async () => {
    emu.state.addTeam("acme", "sec");
    emu.state.addTeamMember("acme", "sec", "carol");
    emu.state.addTeamMember("acme", "sec", "dave");
    emu.state.assignOrgRoleToTeam("acme", "sec", "security_manager");
    emu.state.assignOrgRole("acme", "carol", "security_manager");
    const id = emu.state.getOrgRole("acme", "security_manager")!.id;
    const { data } = await client(emu.url).orgs.listOrgRoleUsers({ org: "acme", role_id: id });
    expect(data.map((u) => [u.login, u.assignment, u.inherited_from?.map((t) => t.slug)])).toEqual([
      ["carol", "mixed", ["sec"]],
      ["dave", "indirect", ["sec"]],
    ]);
  });

  test("the target must be an org member (422); unknown user or role 404; pagination", async () => {
    const o = client(emu.url);
    const id = emu.state.getOrgRole("acme", "all_repo_write")!.id;
    const e = await failure(o.orgs.assignUserToOrgRole({ org: "acme", username: "outsider", role_id: id }));
    expect(e.status).toBe(422);
    expect(e.response?.data).toMatchObject({ message: "Validation Failed", errors: [{ message: "outsider is not a member of acme" }] });
    expect((await failure(o.orgs.assignUserToOrgRole({ org: "acme", username: "ghost", role_id: id }))).status).toBe(404);
    expect((await failure(o.orgs.assignUserToOrgRole({ org: "acme", username: "carol", role_id: 999 }))).status).toBe(404);
    for (let i = 0; i < 130; i++) {
      emu.state.addOrgMember("acme", `m${i}`);
      emu.state.assignOrgRole("acme", `m${i}`, "all_repo_write");
    }
    expect(await o.paginate(o.orgs.listOrgRoleUsers, { org: "acme", role_id: id, per_page: 100 })).toHaveLength(130);
    expect(() => emu.state.assignOrgRole("acme", "outsider", "all_repo_write")).toThrow(/not an active member/);
  });

  test("blocking removes role assignments; non-admins get 403", async () => {
    emu.state.assignOrgRole("acme", "carol", "app_manager");
    emu.state.blockUser("acme", "carol");
    expect(emu.state.orgRoleHolders("acme", "app_manager")).toEqual([]);
    emu.state.addToken("dave-token", "dave");
    expect((await failure(client(emu.url, "dave-token").orgs.listOrgRoles({ org: "acme" }))).status).toBe(403);
  });
});

describe("custom repository roles (Enterprise Cloud description)", () => {
  let ghec: ContractValidator | undefined;

  test("GET /orgs/{org}/custom-repository-roles and one role by id", async () => {
    ghec ??= createContractValidator(createRequire(import.meta.url).resolve("@octokit/openapi/generated/ghec.json"));
    const e = await startCheckedEmulator({}, { validator: ghec });
    try {
      e.state.addOrg("acme");
      const role = e.state.addCustomRepoRole("acme", "deployer", "write", { permissions: ["write_deployments"] });
      e.state.addCustomRepoRole("acme", "reviewer", "triage");
      expect(() => e.state.addCustomRepoRole("acme", "Deployer", "read")).toThrow(/already exists/);
      expect(() => e.state.addCustomRepoRole("acme", "write", "read")).toThrow(/built-in/);
      const o = client(e.url);
      const { data } = await o.request("GET /orgs/{org}/custom-repository-roles", { org: "acme" });
      expect(data).toMatchObject({ total_count: 2, custom_roles: [{ name: "deployer", base_role: "write", permissions: ["write_deployments"], organization: { login: "acme" } }, { name: "reviewer", base_role: "triage" }] });
      const one = await o.request("GET /orgs/{org}/custom-repository-roles/{role_id}", { org: "acme", role_id: role.id });
      expect(one.data).toMatchObject({ id: role.id, name: "deployer" });
    } finally {
      await e.close();
    }
  });
});
