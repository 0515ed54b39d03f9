// github-team provider against the contract-checked emulator: direct members only, pending
// invitations through their whole life, idempotent re-runs, per-item failures.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { GitHubClient } from "../../src/github/client.js";
import { providerFor } from "../../src/providers/registry.js";
import type { Provider } from "../../src/providers/provider.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { listed, resource, testClient } from "./support.js";

let emu: CheckedEmulator;
let gh: GitHubClient;
let p: Provider;
const platform = resource("platform", { type: "github-team", org: "acme", team: "platform" }, ["member", "maintainer"]);
const sre = resource("sre", { type: "github-team", org: "acme", team: "sre" }, ["member", "maintainer"]);

beforeEach(async () => {
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  s.addTeam("acme", "platform");
  s.addTeam("acme", "sre", { parentSlug: "platform" });
  s.addTeam("acme", "oncall", { parentSlug: "sre" });
  s.addTeam("acme", "synced", { idpSynced: true });
  s.addTeamMember("acme", "platform", "alice", "maintainer");
  s.addTeamMember("acme", "platform", "amy");
  s.addTeamMember("acme", "sre", "bob");
  s.addTeamMember("acme", "oncall", "olga", "maintainer");
  s.addOrgMember("acme", "carol");
  s.addUser("outsider");
  gh = testClient(emu.url);
  p = providerFor(platform, gh);
});
afterEach(async () => {
  await emu.close();
});

describe("list", () => {
  test("direct members with their role; members through child teams are not reported", async () => {
    expect(p.type).toBe("github-team");
    expect(p.nativeExpiry).toBe(false);
    expect(p.limits).toMatch(/child team/);
    expect(await listed(p, platform)).toEqual(["alice:maintainer:active", "amy:member:active"]);
    // bob is direct in sre; olga only through oncall
    expect(await listed(p, sre)).toEqual(["bob:member:active"]);
  });

  test("a person both direct and in a child team is reported (team member details tell them apart)", async () => {
    emu.state.addTeamMember("acme", "platform", "bob", "member");
    expect(await listed(p, platform)).toEqual(["alice:maintainer:active", "amy:member:active", "bob:member:active"]);
  });

  test("without team member details: child-team members are left out, a direct maintainer is still seen", async () => {
    const s = emu.state;
    s.addOrg("plain", { teamMemberDetails: false });
    s.addTeam("plain", "top");
    s.addTeam("plain", "child", { parentSlug: "top" });
    s.addTeamMember("plain", "top", "dora", "maintainer");
    s.addTeamMember("plain", "top", "dan");
    s.addTeamMember("plain", "child", "kid");
    s.addTeamMember("plain", "child", "dora"); // maintainer above, member below: direct maintainer
    s.addTeamMember("plain", "child", "dan"); // member in both: cannot be told apart, not listed
    const top = resource("top", { type: "github-team", org: "plain", team: "top" }, ["member", "maintainer"]);
    expect(await listed(p, top)).toEqual(["dora:maintainer:active"]);
  });
});

describe("grant, changeRole, revoke (org members)", () => {
  test("grant, re-run unchanged, change role, revoke, revoke again unchanged", async () => {
    expect(await p.grant(platform, "carol", "member")).toEqual({ status: "granted" });
    expect(await p.grant(platform, "carol", "member")).toEqual({ status: "unchanged" });
    expect(await listed(p, platform)).toContain("carol:member:active");
    expect(await p.changeRole(platform, "carol", "maintainer")).toEqual({ status: "granted" });
    expect(await p.changeRole(platform, "carol", "maintainer")).toEqual({ status: "unchanged" });
    expect(await listed(p, platform)).toContain("carol:maintainer:active");
    const g = (await p.list(platform)).find((x) => x.grantee === "carol")!;
    expect(await p.revoke(platform, g)).toEqual({ status: "revoked" });
    expect(await p.revoke(platform, g)).toEqual({ status: "unchanged" });
    expect(await listed(p, platform)).toEqual(["alice:maintainer:active", "amy:member:active"]);
  });

  test("revoking someone who is in the team only through a child team changes nothing", async () => {
    expect(await p.revoke(platform, { resource: "platform", grantee: "bob", role: "member", state: "active" })).toEqual({ status: "unchanged" });
    expect((await gh.rest.teams.getMembershipForUserInOrg({ org: "acme", team_slug: "platform", username: "bob" })).data.state).toBe("active");
  });
});

describe("pending invitations", () => {
  test("invite → listed as pending → re-run unchanged → accept → active → revoke", async () => {
    const out = await p.grant(platform, "outsider", "maintainer");
    expect(out).toEqual({ status: "invited", handle: "1" });
    expect(await p.list(platform)).toContainEqual({ resource: "platform", grantee: "outsider", role: "maintainer", state: "pending", handle: "1" });
    expect(await p.grant(platform, "outsider", "maintainer")).toEqual({ status: "unchanged" });
    // a role change while pending keeps the invitation
    expect(await p.changeRole(platform, "outsider", "member")).toEqual({ status: "invited", handle: "1" });
    expect(await listed(p, platform)).toContain("outsider:member:pending");
    emu.state.acceptInvitation("acme", "outsider");
    const grants = await p.list(platform);
    expect(grants).toContainEqual({ resource: "platform", grantee: "outsider", role: "member", state: "active" });
    expect(await p.revoke(platform, grants.find((g) => g.grantee === "outsider")!)).toEqual({ status: "revoked" });
    expect(await listed(p, platform)).toEqual(["alice:maintainer:active", "amy:member:active"]);
    // still an org member: the lease was about the team
    expect(emu.state.getOrg("acme")?.members.get("outsider")?.state).toBe("active");
  });

  test("invite → revoke cancels the invitation (no team left on it)", async () => {
    await p.grant(platform, "outsider", "member");
    const pending = (await p.list(platform)).find((g) => g.grantee === "outsider")!;
    expect(pending.state).toBe("pending");
    expect(await p.revoke(platform, pending)).toEqual({ status: "revoked" });
    expect(await listed(p, platform)).not.toContain("outsider:member:pending");
    expect((await gh.rest.orgs.listPendingInvitations({ org: "acme" })).data).toEqual([]);
    expect(emu.state.getOrg("acme")?.members.has("outsider")).toBe(false);
    expect(await p.revoke(platform, pending)).toEqual({ status: "unchanged" });
  });

  test("an invitation shared with another team survives revoking one of them", async () => {
    const ps = providerFor(sre, gh);
    await p.grant(platform, "outsider", "member");
    await ps.grant(sre, "outsider", "member");
    const pending = (await p.list(platform)).find((g) => g.grantee === "outsider")!;
    expect(await p.revoke(platform, pending)).toEqual({ status: "revoked" });
    expect(await listed(ps, sre)).toContain("outsider:member:pending");
    expect((await gh.rest.orgs.listPendingInvitations({ org: "acme" })).data.map((i) => [i.login, i.team_count])).toEqual([["outsider", 1]]);
  });

  test("revoking a pending grant after the person accepted removes the membership", async () => {
    await p.grant(platform, "outsider", "member");
    const pending = (await p.list(platform)).find((g) => g.grantee === "outsider")!;
    emu.state.acceptInvitation("acme", "outsider");
    expect(await p.revoke(platform, pending)).toEqual({ status: "revoked" });
    expect(await listed(p, platform)).not.toContain("outsider:member:active");
  });
});

describe("per-item failures", () => {
  test("blocked, deleted, unknown user, IdP-synced team, bad role, unknown team", async () => {
    emu.state.blockUser("acme", "outsider");
    expect(await p.grant(platform, "outsider", "member")).toMatchObject({ status: "failed", code: "blocked", message: expect.stringMatching(/outsider is blocked by acme/) });
    emu.state.deleteUser("carol");
    expect(await p.grant(platform, "carol", "member")).toMatchObject({ status: "failed", code: "user-not-found", message: expect.stringMatching(/no GitHub account named carol/) });
    const synced = resource("synced", { type: "github-team", org: "acme", team: "synced" }, ["member"]);
    expect(await p.grant(synced, "amy", "member")).toMatchObject({ status: "failed", code: "idp-managed", message: expect.stringMatching(/identity provider/) });
    expect(await p.grant(platform, "amy", "owner")).toMatchObject({ status: "failed", code: "invalid-role" });
    const ghost = resource("ghost", { type: "github-team", org: "acme", team: "ghost" }, ["member"]);
    expect(await p.grant(ghost, "amy", "member")).toMatchObject({ status: "failed", code: "not-found", message: expect.stringMatching(/team acme\/ghost/) });
    // the rest still works
    expect(await p.grant(platform, "bob", "maintainer")).toEqual({ status: "granted" });
  });

  test("a deleted user's grant is gone: revoke is unchanged", async () => {
    emu.state.deleteUser("amy");
    expect(await p.revoke(platform, { resource: "platform", grantee: "amy", role: "member", state: "active" })).toEqual({ status: "unchanged" });
  });
});

describe("canGrantOthers (who could add members by hand: the drift guard does not shield what they may have added)", () => {
  test("a maintainer adds members to their own team; a member cannot; nobody reaches another team or target", () => {
    expect(p.canGrantOthers("maintainer", platform, platform)).toBe(true);
    expect(p.canGrantOthers("maintainer", platform, resource("P", { type: "github-team", org: "ACME", team: "Platform" }, ["member"]))).toBe(true);
    expect(p.canGrantOthers("member", platform, platform)).toBe(false);
    expect(p.canGrantOthers("maintainer", platform, sre)).toBe(false); // not even a child team
    expect(p.canGrantOthers("maintainer", platform, resource("web", { type: "github-repo", owner: "acme", repo: "platform" }, ["push"]))).toBe(false);
  });
});
