// Team memberships through the API: add (active for members, pending invitation for
// everyone else), role changes, removal, pending invitations, child teams, IdP-synced
// teams, blocked and deleted users. Every response is checked against GitHub's description.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let emu: CheckedEmulator;

beforeEach(async () => {
  emu = await startCheckedEmulator({ now: () => new Date("2026-01-05T10:00:00Z") });
  const s = emu.state;
  s.addOrg("acme");
  s.addOrgMember("acme", "owner", "admin");
  s.addTeam("acme", "platform");
  s.addTeam("acme", "sre", { parentSlug: "platform" });
  s.addTeam("acme", "synced", { idpSynced: true });
  s.addTeamMember("acme", "platform", "alice", "maintainer");
  s.addTeamMember("acme", "sre", "bob");
  s.addOrgMember("acme", "carol");
  s.addUser("outsider");
});
afterEach(async () => {
  await emu.close();
});

const put = (team_slug: string, username: string, role?: "member" | "maintainer", token = "test-token") =>
  client(emu.url, token).teams.addOrUpdateMembershipForUserInOrg({ org: "acme", team_slug, username, ...(role ? { role } : {}) });
const del = (team_slug: string, username: string) => client(emu.url).teams.removeMembershipForUserInOrg({ org: "acme", team_slug, username });
const get = (team_slug: string, username: string) => client(emu.url).teams.getMembershipForUserInOrg({ org: "acme", team_slug, username });

describe("PUT /orgs/{org}/teams/{team_slug}/memberships/{username}", () => {
  test("an org member joins at once; PUT again changes the role", async () => {
    const r = await put("platform", "carol");
    expect(r.status).toBe(200);
    expect(r.data).toEqual({ url: `${emu.url}/organizations/2/team/1/memberships/carol`, role: "member", state: "active" });
    expect((await put("platform", "carol", "maintainer")).data).toMatchObject({ role: "maintainer", state: "active" });
    expect((await get("platform", "carol")).data).toMatchObject({ role: "maintainer", state: "active" });
    expect(emu.state.getTeam("acme", "platform")?.members.get("carol")).toMatchObject({ role: "maintainer", state: "active" });
  });

  test("a non-member gets a pending membership and an organization invitation (also listed for the team)", async () => {
    const r = await put("platform", "outsider", "maintainer");
    expect(r.data).toMatchObject({ role: "maintainer", state: "pending" });
    expect((await get("platform", "outsider")).data).toMatchObject({ role: "maintainer", state: "pending" });
    const o = client(emu.url);
    const orgInvites = await o.orgs.listPendingInvitations({ org: "acme" });
    expect(orgInvites.data).toHaveLength(1);
    expect(orgInvites.data[0]).toMatchObject({ id: 1, login: "outsider", email: null, role: "direct_member", team_count: 1, inviter: { login: "jit-access[bot]" }, created_at: "2026-01-05T10:00:00Z" });
    const teamInvites = await o.teams.listPendingInvitationsInOrg({ org: "acme", team_slug: "platform" });
    expect(teamInvites.data.map((i) => i.id)).toEqual([1]);
    expect((await o.teams.listPendingInvitationsInOrg({ org: "acme", team_slug: "sre" })).data).toEqual([]);
    expect((await o.orgs.getMembershipForUser({ org: "acme", username: "outsider" })).data).toMatchObject({ state: "pending" });
    // pending members are not listed as members, and not org members
    expect((await o.teams.listMembersInOrg({ org: "acme", team_slug: "platform" })).data.map((m) => m.login)).not.toContain("outsider");
    expect((await failure(o.orgs.checkMembershipForUser({ org: "acme", username: "outsider" }))).status).toBe(404);
    // a second team joins the same invitation
    await put("sre", "outsider");
    const again = await o.orgs.listPendingInvitations({ org: "acme" });
    expect(again.data.map((i) => [i.id, i.team_count])).toEqual([[1, 2]]);
    const teams = await o.orgs.listInvitationTeams({ org: "acme", invitation_id: 1 });
    expect(teams.data.map((t) => t.slug)).toEqual(["platform", "sre"]);
  });

  test("acceptInvitation: the invitee becomes an active org and team member", async () => {
    await put("platform", "outsider");
    await put("sre", "outsider", "maintainer");
    const member = emu.state.acceptInvitation("acme", "outsider");
    expect(member).toMatchObject({ role: "member", state: "active" });
    expect((await get("platform", "outsider")).data).toMatchObject({ role: "member", state: "active" });
    expect((await get("sre", "outsider")).data).toMatchObject({ role: "maintainer", state: "active" });
    expect((await client(emu.url).orgs.listPendingInvitations({ org: "acme" })).data).toEqual([]);
    expect(() => emu.state.acceptInvitation("acme", "outsider")).toThrow(/no invitation/);
  });

  test("validation: unknown user 404, bad role 422, an organization 422, unknown team 404", async () => {
    expect((await failure(put("platform", "ghost"))).status).toBe(404);
    const bad = await failure(client(emu.url).request("PUT /orgs/{org}/teams/{team_slug}/memberships/{username}", { org: "acme", team_slug: "platform", username: "carol", role: "owner" as "member" }));
    expect(bad.status).toBe(422);
    expect(bad.response?.data).toMatchObject({ message: expect.stringContaining('"owner" is not one of') });
    emu.state.addOrg("other");
    expect((await failure(put("platform", "other"))).status).toBe(422);
    expect((await failure(put("nope", "carol"))).status).toBe(404);
  });

  test("only org owners, apps and team maintainers may change membership", async () => {
    emu.state.addToken("carol-token", "carol");
    emu.state.addToken("alice-token", "alice");
    emu.state.addToken("owner-token", "owner");
    expect((await failure(put("platform", "bob", "member", "carol-token"))).status).toBe(403);
    expect((await put("platform", "bob", "member", "alice-token")).status).toBe(200);
    expect((await put("sre", "carol", "member", "owner-token")).status).toBe(200);
  });

  test("IdP-synced teams refuse changes with 403", async () => {
    const e = await failure(put("synced", "carol"));
    expect(e.status).toBe(403);
    expect(e.response?.data).toMatchObject({ message: expect.stringContaining("identity provider"), documentation_url: expect.stringContaining("teams/members#add-or-update-team-membership-for-a-user") });
    expect((await failure(del("synced", "carol"))).status).toBe(403);
  });

  test("blocked users: 403 Blocked (field report); deleted users: 404", async () => {
    emu.state.addOrgMember("acme", "mallory");
    emu.state.blockUser("acme", "mallory");
    expect(emu.state.getOrg("acme")?.members.has("mallory")).toBe(false);
    const e = await failure(put("platform", "mallory"));
    expect(e.status).toBe(403);
    expect(e.response?.data).toMatchObject({ message: "Blocked" });
    emu.state.deleteUser("carol");
    expect((await failure(put("platform", "carol"))).status).toBe(404);
    expect((await failure(client(emu.url).users.getByUsername({ username: "carol" }))).status).toBe(404);
    expect(emu.state.getOrg("acme")?.members.has("carol")).toBe(false);
  });
});

describe("DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}", () => {
  test("removes an active membership; 404 for non-members and members only through a child team", async () => {
    expect((await del("platform", "alice")).status).toBe(204);
    expect((await failure(get("platform", "alice"))).status).toBe(404);
    expect((await failure(del("platform", "alice"))).status).toBe(404);
    // bob is in platform only through sre
    expect((await get("platform", "bob")).data).toMatchObject({ state: "active" });
    expect((await failure(del("platform", "bob"))).status).toBe(404);
    expect((await get("platform", "bob")).status).toBe(200);
  });

  test("removes a pending membership: the team leaves the invitation, which stays until cancelled", async () => {
    await put("platform", "outsider");
    expect((await del("platform", "outsider")).status).toBe(204);
    expect((await failure(get("platform", "outsider"))).status).toBe(404);
    const o = client(emu.url);
    expect((await o.teams.listPendingInvitationsInOrg({ org: "acme", team_slug: "platform" })).data).toEqual([]);
    const invites = await o.orgs.listPendingInvitations({ org: "acme" });
    expect(invites.data.map((i) => [i.login, i.team_count])).toEqual([["outsider", 0]]);
    expect((await o.orgs.cancelInvitation({ org: "acme", invitation_id: 1 })).status).toBe(204);
    expect((await o.orgs.listPendingInvitations({ org: "acme" })).data).toEqual([]);
    expect((await failure(o.orgs.getMembershipForUser({ org: "acme", username: "outsider" }))).status).toBe(404);
    expect((await failure(o.orgs.cancelInvitation({ org: "acme", invitation_id: 1 }))).status).toBe(404);
  });

  test("cancelling an invitation drops its pending team memberships", async () => {
    await put("platform", "outsider");
    await put("sre", "outsider");
    await client(emu.url).orgs.cancelInvitation({ org: "acme", invitation_id: 1 });
    expect((await failure(get("platform", "outsider"))).status).toBe(404);
    expect((await failure(get("sre", "outsider"))).status).toBe(404);
  });
});

describe("child teams and member details", () => {
  test("GET /orgs/{org}/teams/{team_slug}/teams lists direct children", async () => {
    emu.state.addTeam("acme", "oncall", { parentSlug: "sre" });
    const o = client(emu.url);
    expect((await o.teams.listChildInOrg({ org: "acme", team_slug: "platform" })).data.map((t) => t.slug)).toEqual(["sre"]);
    expect((await o.teams.listChildInOrg({ org: "acme", team_slug: "sre" })).data.map((t) => [t.slug, t.parent?.slug])).toEqual([["oncall", "sre"]]);
    expect((await o.teams.listChildInOrg({ org: "acme", team_slug: "synced" })).data).toEqual([]);
  });

  test("without the team member details feature, members carry no role or inherited", async () => {
    emu.state.addOrg("plain", { teamMemberDetails: false });
    emu.state.addTeam("plain", "t");
    emu.state.addTeamMember("plain", "t", "zoe", "maintainer");
    const { data } = await client(emu.url).teams.listMembersInOrg({ org: "plain", team_slug: "t" });
    expect(data[0]?.login).toBe("zoe");
    expect(data[0]).not.toHaveProperty("role");
    expect(data[0]).not.toHaveProperty("inherited");
  });

  test("org invitations: role filter, admin only, pagination over 100", async () => {
    for (let i = 0; i < 120; i++) emu.state.inviteToOrg("acme", `guest${String(i).padStart(3, "0")}`, { teams: ["sre"] });
    emu.state.inviteToOrg("acme", "boss", { role: "admin" });
    const o = client(emu.url);
    const all = await o.paginate(o.orgs.listPendingInvitations, { org: "acme", per_page: 100 });
    expect(all).toHaveLength(121);
    const first = await o.orgs.listPendingInvitations({ org: "acme", per_page: 100 });
    expect(first.headers.link).toContain('rel="next"');
    expect((await o.orgs.listPendingInvitations({ org: "acme", role: "admin" })).data.map((i) => i.login)).toEqual(["boss"]);
    const teamInvites = await o.paginate(o.teams.listPendingInvitationsInOrg, { org: "acme", team_slug: "sre", per_page: 50 });
    expect(teamInvites).toHaveLength(120);
    emu.state.addToken("carol-token", "carol");
    expect((await failure(client(emu.url, "carol-token").orgs.listPendingInvitations({ org: "acme" }))).status).toBe(403);
  });
});
