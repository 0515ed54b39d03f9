// github-repo provider against the contract-checked emulator: direct collaborators and
// invitations, custom repository roles, idempotent re-runs, per-item failures.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { GitHubClient } from "../../src/github/client.js";
import { providerFor } from "../../src/providers/registry.js";
import type { Provider } from "../../src/providers/provider.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { listed, resource, testClient } from "./support.js";

let emu: CheckedEmulator;
let clock: Date;
let gh: GitHubClient;
let p: Provider;
const web = resource("web", { type: "github-repo", owner: "acme", repo: "web" }, ["pull", "push", "admin", "deployer"]);

beforeEach(async () => {
  clock = new Date("2026-01-05T10:00:00Z");
  emu = await startCheckedEmulator({ now: () => clock });
  const s = emu.state;
  s.addOrg("acme");
  s.addOrgMember("acme", "carol");
  s.addOrgMember("acme", "dave");
  s.addOrgMember("acme", "owner", "admin");
  s.addUser("outsider");
  s.addRepo("acme", "web", { private: true });
  s.addCustomRepoRole("acme", "deployer", "write");
  s.addCollaborator("acme", "web", "dave", "triage");
  gh = testClient(emu.url);
  p = providerFor(web, gh);
});
afterEach(async () => {
  await emu.close();
});

describe("list", () => {
  test("direct collaborators with their role and pending invitations; not members through the base permission", async () => {
    expect(p.nativeExpiry).toBe(false);
    expect(p.limits).toMatch(/base permission/);
    emu.state.inviteCollaborator("acme", "web", "outsider", "maintain");
    const grants = await p.list(web);
    expect(grants).toEqual([
      { resource: "web", grantee: "dave", role: "triage", state: "active" },
      { resource: "web", grantee: "outsider", role: "maintain", state: "pending", handle: "1" },
    ]);
  });

  test("expired invitations are not grants", async () => {
    emu.state.inviteCollaborator("acme", "web", "outsider", "push");
    clock = new Date("2026-01-12T10:00:00Z");
    expect(await listed(p, web)).toEqual(["dave:triage:active"]);
  });
});

describe("grant, changeRole, revoke", () => {
  test("an org member: granted at once, unchanged on re-run, role changed, revoked once", async () => {
    expect(await p.grant(web, "carol", "push")).toEqual({ status: "granted" });
    expect(await p.grant(web, "carol", "push")).toEqual({ status: "unchanged" });
    expect(await listed(p, web)).toEqual(["carol:push:active", "dave:triage:active"]);
    expect(await p.changeRole(web, "carol", "admin")).toEqual({ status: "granted" });
    expect(await listed(p, web)).toContain("carol:admin:active");
    const g = { resource: "web", grantee: "carol", role: "admin", state: "active" as const };
    expect(await p.revoke(web, g)).toEqual({ status: "revoked" });
    expect(await p.revoke(web, g)).toEqual({ status: "unchanged" });
    expect(await listed(p, web)).toEqual(["dave:triage:active"]);
    // access through the organization's base permission remains (not ours)
    expect((await gh.rest.repos.getCollaboratorPermissionLevel({ owner: "acme", repo: "web", username: "carol" })).data.role_name).toBe("read");
  });

  test("invite → pending → re-run unchanged → role change on the invitation → accept → active → revoke", async () => {
    expect(await p.grant(web, "outsider", "push")).toEqual({ status: "invited", handle: "1" });
    expect(await p.list(web)).toContainEqual({ resource: "web", grantee: "outsider", role: "push", state: "pending", handle: "1" });
    expect(await p.grant(web, "outsider", "push")).toEqual({ status: "unchanged" });
    expect(await p.changeRole(web, "outsider", "admin")).toEqual({ status: "invited", handle: "1" });
    expect(await listed(p, web)).toContain("outsider:admin:pending");
    emu.state.acceptRepoInvitation("acme", "web", "outsider");
    const active = (await p.list(web)).find((g) => g.grantee === "outsider")!;
    expect(active).toEqual({ resource: "web", grantee: "outsider", role: "admin", state: "active" });
    expect(await p.revoke(web, active)).toEqual({ status: "revoked" });
    expect(await listed(p, web)).toEqual(["dave:triage:active"]);
  });

  test("invite → revoke cancels the invitation", async () => {
    await p.grant(web, "outsider", "pull");
    const pending = (await p.list(web)).find((g) => g.grantee === "outsider")!;
    expect(await p.revoke(web, pending)).toEqual({ status: "revoked" });
    expect((await gh.rest.repos.listInvitations({ owner: "acme", repo: "web" })).data).toEqual([]);
    expect(await p.revoke(web, pending)).toEqual({ status: "unchanged" });
    // revoking a pending grant the person accepted meanwhile removes the collaborator
    await p.grant(web, "outsider", "pull");
    const again = (await p.list(web)).find((g) => g.grantee === "outsider")!;
    emu.state.acceptRepoInvitation("acme", "web", "outsider");
    expect(await p.revoke(web, again)).toEqual({ status: "revoked" });
    expect(await listed(p, web)).toEqual(["dave:triage:active"]);
  });

  test("an expired invitation is replaced by a new one", async () => {
    await p.grant(web, "outsider", "push");
    emu.state.expireRepoInvitation("acme", "web", "outsider");
    expect(await p.grant(web, "outsider", "push")).toEqual({ status: "invited", handle: "2" });
    expect((await gh.rest.repos.listInvitations({ owner: "acme", repo: "web" })).data.map((i) => [i.id, i.expired])).toEqual([[2, false]]);
  });
});

describe("custom repository roles", () => {
  test("granted by name and listed by name; pending invitations show the base role", async () => {
    expect(await p.grant(web, "carol", "deployer")).toEqual({ status: "granted" });
    expect(await p.grant(web, "carol", "deployer")).toEqual({ status: "unchanged" });
    expect(await listed(p, web)).toContain("carol:deployer:active");
    expect(await p.grant(web, "outsider", "deployer")).toMatchObject({ status: "invited" });
    expect(await listed(p, web)).toContain("outsider:push:pending");
    emu.state.acceptRepoInvitation("acme", "web", "outsider");
    expect(await listed(p, web)).toContain("outsider:deployer:active");
  });

  test("an unknown custom role is a per-item failure", async () => {
    expect(await p.grant(web, "carol", "releaser")).toMatchObject({ status: "failed", code: "unknown-role", message: expect.stringMatching(/"releaser" is not a built-in permission nor a custom repository role of acme/) });
    expect(await listed(p, web)).toEqual(["dave:triage:active"]);
  });
});

describe("per-item failures", () => {
  test("blocked, deleted, unknown repository", async () => {
    emu.state.blockUser("acme", "outsider");
    expect(await p.grant(web, "outsider", "pull")).toMatchObject({ status: "failed", code: "blocked" });
    emu.state.deleteUser("carol");
    expect(await p.grant(web, "carol", "pull")).toMatchObject({ status: "failed", code: "user-not-found", message: expect.stringMatching(/no GitHub account named carol/) });
    const nowhere = resource("nowhere", { type: "github-repo", owner: "acme", repo: "nowhere" }, ["pull"]);
    expect(await p.grant(nowhere, "dave", "pull")).toMatchObject({ status: "failed", code: "not-found", message: expect.stringMatching(/repository acme\/nowhere was not found/) });
    expect(await p.grant(web, "dave", "")).toMatchObject({ status: "failed", code: "invalid-role" });
  });

  test("the 51st invitation of the day fails for that item only; org members are still added", async () => {
    for (let i = 0; i < 50; i++) emu.state.inviteCollaborator("acme", "web", `guest${i}`);
    const out = await p.grant(web, "outsider", "pull");
    expect(out).toMatchObject({ status: "failed", code: "invitation-limit", message: expect.stringMatching(/50 invitations per repository per 24 hours/) });
    expect(await p.grant(web, "carol", "pull")).toEqual({ status: "granted" });
  });
});

describe("canGrantOthers (who could add collaborators by hand: the drift guard does not shield what they may have added)", () => {
  test("admin manages collaborators, maintain and below cannot; a custom role may (its permissions are the organization's); only on this repository", () => {
    expect(p.canGrantOthers("admin", web, web)).toBe(true);
    for (const role of ["pull", "triage", "push", "maintain"]) expect(p.canGrantOthers(role, web, web)).toBe(false);
    expect(p.canGrantOthers("deployer", web, web)).toBe(true);
    expect(p.canGrantOthers("admin", web, resource("W", { type: "github-repo", owner: "Acme", repo: "WEB" }, ["push"]))).toBe(true);
    expect(p.canGrantOthers("admin", web, resource("api", { type: "github-repo", owner: "acme", repo: "api" }, ["push"]))).toBe(false);
    expect(p.canGrantOthers("admin", web, resource("team", { type: "github-team", org: "acme", team: "web" }, ["member"]))).toBe(false);
  });
});
