import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let emu: CheckedEmulator;

beforeEach(async () => {
  emu = await startCheckedEmulator({ now: () => new Date("2025-03-04T05:06:07.890Z") });
  const s = emu.state;
  s.addOrg("acme", { name: "Acme Inc." });
  s.addOrgMember("acme", "olivia", "admin");
  s.addOrgMember("acme", "pending-pat", "member", "pending");
  s.addTeam("acme", "platform", { name: "Platform" });
  s.addTeam("acme", "sre", { parentSlug: "platform" });
  s.addTeam("acme", "oncall", { parentSlug: "sre" });
  s.addTeam("acme", "secret-team", { privacy: "secret" });
  s.addTeamMember("acme", "platform", "alice", "maintainer");
  s.addTeamMember("acme", "platform", "olivia");
  s.addTeamMember("acme", "sre", "bob");
  s.addTeamMember("acme", "oncall", "carol");
  s.addTeamMember("acme", "oncall", "dave", "member", "pending");
});
afterEach(async () => {
  await emu.close();
});

describe("users", () => {
  test("GET /user is the token's identity; the default token is the app's bot", async () => {
    const { data } = await client(emu.url).users.getAuthenticated();
    expect(data).toMatchObject({ login: "jit-access[bot]", type: "Bot", id: 1, node_id: "MDM6Qm90MQ==" });
    expect(data.url).toBe(`${emu.url}/users/jit-access%5Bbot%5D`);
    expect(data.html_url).toBe("https://github.com/apps/jit-access");
    emu.state.addToken("alice-token", "alice");
    const alice = await client(emu.url, "alice-token").users.getAuthenticated();
    expect(alice.data).toMatchObject({ login: "alice", type: "User" });
  });

  test("tokens option replaces the default token", async () => {
    const other = await startCheckedEmulator({ tokens: ["t1", "t2"] });
    try {
      expect((await client(other.url, "t2").users.getAuthenticated()).data.login).toBe("jit-access[bot]");
      expect((await failure(client(other.url, "test-token").users.getAuthenticated())).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  test("GET /users/{username}: public profile, case-insensitive; 404 for strangers", async () => {
    const o = client(emu.url);
    const { data } = await o.users.getByUsername({ username: "ALICE" });
    expect(data).toMatchObject({ login: "alice", type: "User", site_admin: false, created_at: "2025-03-04T05:06:07Z" });
    const org = await o.users.getByUsername({ username: "acme" });
    expect(org.data.type).toBe("Organization");
    const e = await failure(o.users.getByUsername({ username: "nobody" }));
    expect(e.status).toBe(404);
    expect(e.response?.data).toEqual({ message: "Not Found", documentation_url: "https://docs.github.com/rest/users/users#get-a-user", status: "404" });
  });
});

describe("organizations", () => {
  test("GET /orgs/{org}", async () => {
    const o = client(emu.url);
    const { data } = await o.orgs.get({ org: "acme" });
    expect(data).toMatchObject({ login: "acme", name: "Acme Inc.", type: "Organization", html_url: "https://github.com/acme" });
    expect((await failure(o.orgs.get({ org: "nope" }))).status).toBe(404);
  });

  test("members: active only, role filter", async () => {
    const o = client(emu.url);
    const all = await o.paginate(o.orgs.listMembers, { org: "acme" });
    expect(all.map((m) => m.login)).toEqual(["olivia", "alice", "bob", "carol", "dave"]);
    const admins = await o.orgs.listMembers({ org: "acme", role: "admin" });
    expect(admins.data.map((m) => m.login)).toEqual(["olivia"]);
  });

  test("membership check: 204 for members, 404 otherwise", async () => {
    const o = client(emu.url);
    expect((await o.orgs.checkMembershipForUser({ org: "acme", username: "Bob" })).status).toBe(204);
    const e = await failure(o.orgs.checkMembershipForUser({ org: "acme", username: "pending-pat" }));
    expect(e.status).toBe(404);
    expect((await failure(o.orgs.checkMembershipForUser({ org: "acme", username: "mallory" }))).status).toBe(404);
  });

  test("GET /orgs/{org}/memberships/{username}", async () => {
    const o = client(emu.url);
    const { data } = await o.orgs.getMembershipForUser({ org: "acme", username: "olivia" });
    expect(data).toMatchObject({ state: "active", role: "admin", user: { login: "olivia" }, organization: { login: "acme" } });
    expect(data.url).toBe(`${emu.url}/orgs/acme/memberships/olivia`);
    const pending = await o.orgs.getMembershipForUser({ org: "acme", username: "pending-pat" });
    expect(pending.data).toMatchObject({ state: "pending", role: "member" });
    expect((await failure(o.orgs.getMembershipForUser({ org: "acme", username: "mallory" }))).status).toBe(404);
  });
});

describe("teams", () => {
  test("list and get", async () => {
    const o = client(emu.url);
    const { data } = await o.teams.list({ org: "acme" });
    expect(data.map((t) => t.slug)).toEqual(["platform", "sre", "oncall", "secret-team"]);
    expect(data[1]?.parent).toMatchObject({ slug: "platform" });
    const team = await o.teams.getByName({ org: "acme", team_slug: "SRE" });
    expect(team.data).toMatchObject({ slug: "sre", name: "sre", privacy: "closed", members_count: 2, parent: { slug: "platform" }, organization: { login: "acme" } });
    expect((await failure(o.teams.getByName({ org: "acme", team_slug: "ghosts" }))).status).toBe(404);
  });

  test("members include child teams' active members; role filter", async () => {
    const o = client(emu.url);
    const all = await o.paginate(o.teams.listMembersInOrg, { org: "acme", team_slug: "platform" });
    expect(all.map((m) => m.login)).toEqual(["alice", "olivia", "bob", "carol"]);
    expect(all.map((m) => (m as { inherited?: boolean }).inherited)).toEqual([false, false, true, true]);
    const maintainers = await o.teams.listMembersInOrg({ org: "acme", team_slug: "platform", role: "maintainer" });
    // org owners are reported as maintainers
    expect(maintainers.data.map((m) => m.login)).toEqual(["alice", "olivia"]);
    const members = await o.teams.listMembersInOrg({ org: "acme", team_slug: "platform", role: "member" });
    expect(members.data.map((m) => m.login)).toEqual(["bob", "carol"]);
    const oncall = await o.teams.listMembersInOrg({ org: "acme", team_slug: "oncall" });
    expect(oncall.data.map((m) => m.login)).toEqual(["carol"]);
  });

  test("membership of a user: direct, inherited, pending, none", async () => {
    const o = client(emu.url);
    const get = (team_slug: string, username: string) => o.teams.getMembershipForUserInOrg({ org: "acme", team_slug, username });
    const alice = await get("platform", "alice");
    expect(alice.data).toEqual({
      url: `${emu.url}/organizations/2/team/1/memberships/alice`,
      role: "maintainer",
      state: "active",
    });
    expect((await get("platform", "carol")).data).toMatchObject({ role: "member", state: "active" });
    expect((await get("oncall", "dave")).data).toMatchObject({ role: "member", state: "pending" });
    expect((await failure(get("platform", "dave"))).status).toBe(404);
    expect((await failure(get("sre", "alice"))).status).toBe(404);
  });

  test("state changes are visible immediately (removal, org removal)", async () => {
    const o = client(emu.url);
    emu.state.removeTeamMember("acme", "oncall", "carol");
    expect((await failure(o.teams.getMembershipForUserInOrg({ org: "acme", team_slug: "platform", username: "carol" }))).status).toBe(404);
    emu.state.removeOrgMember("acme", "bob");
    const members = await o.teams.listMembersInOrg({ org: "acme", team_slug: "sre" });
    expect(members.data).toEqual([]);
  });
});
