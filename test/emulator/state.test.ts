import { describe, expect, test } from "vitest";
import { EmulatorState } from "../../src/emulator/index.js";
import { client } from "./clients.js";
import { startCheckedEmulator } from "./contract-helper.js";

describe("state", () => {
  test("ids start at 1 per kind, node ids use GitHub's legacy format, timestamps come from the clock", () => {
    const s = new EmulatorState(() => new Date("2024-05-06T07:08:09.123Z"));
    const user = s.addUser("octocat");
    const org = s.addOrg("acme");
    const team = s.addTeam("acme", "core");
    const repo = s.addRepo("acme", "access");
    expect([user.id, org.account.id, team.id, repo.id]).toEqual([1, 2, 1, 1]);
    expect(user.nodeId).toBe("MDQ6VXNlcjE=");
    expect(repo.nodeId).toBe("MDEwOlJlcG9zaXRvcnkx");
    expect(user.createdAt.toISOString()).toBe("2024-05-06T07:08:09.123Z");
  });

  test("seeding checks its references and auto-creates users", () => {
    const s = new EmulatorState();
    expect(() => s.addTeam("nope", "t")).toThrow(/no organization/);
    s.addOrg("acme");
    expect(() => s.addOrg("ACME")).toThrow(/already exists/);
    expect(() => s.addTeam("acme", "t", { parentSlug: "missing" })).toThrow(/no parent team/);
    s.addTeam("acme", "secret", { privacy: "secret" });
    expect(() => s.addTeam("acme", "child", { parentSlug: "secret" })).toThrow(/secret/);
    s.addTeam("acme", "t");
    s.addTeamMember("acme", "t", "newbie");
    expect(s.getUser("NEWBIE")?.type).toBe("User");
    expect(s.getOrg("acme")?.members.get("newbie")).toMatchObject({ role: "member", state: "active" });
    expect(s.ensureUser("dependabot[bot]").type).toBe("Bot");
    s.addRepo("acme", "r");
    expect(() => s.addPullRequest("acme", "r", { author: "a", base: "main", head: "h", headSha: "1", merged: true })).toThrow(/mergeCommitSha/);
  });

  test("private repositories are hidden from outsiders, visible to members, collaborators and the app", async () => {
    const emu = await startCheckedEmulator();
    emu.state.addOrg("acme");
    emu.state.addOrgMember("acme", "member");
    emu.state.addRepo("acme", "secret", { private: true });
    emu.state.addToken("outsider-token", "outsider");
    emu.state.addToken("member-token", "member");
    const get = (token: string) => client(emu.url, token).repos.get({ owner: "acme", repo: "secret" }).then((r) => r.data.permissions, (e: { status: number }) => e.status);
    expect(await get("outsider-token")).toBe(404);
    expect(await get("member-token")).toMatchObject({ pull: true, push: false, admin: false });
    expect(await get("test-token")).toMatchObject({ admin: true });
    emu.state.addCollaborator("acme", "secret", "outsider", "maintain");
    expect(await get("outsider-token")).toMatchObject({ pull: true, push: true, maintain: true, admin: false });
    const repo = await client(emu.url).repos.get({ owner: "acme", repo: "secret" });
    expect(repo.data).toMatchObject({ full_name: "acme/secret", private: true, visibility: "private", default_branch: "main", organization: { login: "acme" } });
    await emu.close();
  });
});
