/**
 * The provider contract (./contract.ts) against the GitHub providers on the contract-checked
 * emulator (every answer checked against @octokit/openapi): team membership, repository
 * collaborator, organization role. `holds` asks the emulator's own state, out of band.
 */
import { afterAll, beforeAll, describe } from "vitest";
import type { GitHubClient } from "../../src/github/client.js";
import { providerFor } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import type { ContractSubject } from "./contract.js";
import { providerContract } from "./contract.js";
import { resource, testClient } from "./support.js";

/** An emulator for one provider's contract run (the contract's tests share its state, in order). */
function useEmulator(setup: (emu: CheckedEmulator) => void): { emu: () => CheckedEmulator; gh: () => GitHubClient } {
  let emu: CheckedEmulator;
  let gh: GitHubClient;
  beforeAll(async () => {
    emu = await startCheckedEmulator();
    emu.state.addOrg("acme");
    setup(emu);
    gh = testClient(emu.url);
  });
  afterAll(async () => {
    await emu.close();
  });
  return { emu: () => emu, gh: () => gh };
}

describe("github-team", () => {
  const r = resource("contract-team", { type: "github-team", org: "acme", team: "platform" }, ["member", "maintainer"]);
  const { emu, gh } = useEmulator((e) => {
    e.state.addTeam("acme", "platform");
    e.state.addTeamMember("acme", "platform", "amy");
    e.state.addOrgMember("acme", "carol");
  });
  providerContract(
    (): ContractSubject => ({
      resource: r,
      provider: () => providerFor(r, gh()),
      grantee: "carol",
      roles: ["member", "maintainer"],
      failing: { grantee: "no-such-user", role: "member" },
      holds: async (grantee, role) => {
        const m = emu().state.getTeam("acme", "platform")?.members.get(grantee.toLowerCase());
        return m?.state === "active" && m.role === role;
      },
    }),
  );
});

describe("github-repo (collaborator)", () => {
  const r = resource("contract-repo", { type: "github-repo", owner: "acme", repo: "web" }, ["push", "admin"]);
  const { emu, gh } = useEmulator((e) => {
    e.state.addOrgMember("acme", "carol");
    e.state.addOrgMember("acme", "dave");
    e.state.addRepo("acme", "web", { private: true });
    e.state.addCollaborator("acme", "web", "dave", "triage");
  });
  providerContract(
    (): ContractSubject => ({
      resource: r,
      provider: () => providerFor(r, gh()),
      grantee: "carol",
      roles: ["push", "admin"],
      failing: { grantee: "no-such-user", role: "push" },
      holds: async (grantee, role) => emu().state.listCollaborators("acme", "web").some((c) => c.user.login.toLowerCase() === grantee.toLowerCase() && c.permission === role),
    }),
  );
});

describe("github-org-role", () => {
  const r = resource("contract-org-role", { type: "github-org-role", org: "acme" }, ["auditor", "security_manager"]);
  const { emu, gh } = useEmulator((e) => {
    e.state.addOrgRole("acme", "auditor", { description: "Reads the audit log", permissions: ["read_audit_logs"] });
    e.state.addOrgMember("acme", "carol");
    e.state.addOrgMember("acme", "alice");
    e.state.assignOrgRole("acme", "alice", "security_manager");
    e.state.addUser("bob");
  });
  providerContract(
    (): ContractSubject => ({
      resource: r,
      provider: () => providerFor(r, gh()),
      grantee: "carol",
      roles: ["auditor", "security_manager"],
      // Organization roles need membership: an outsider fails as an item.
      failing: { grantee: "bob", role: "auditor" },
      holds: async (grantee, role) => emu().state.orgRoleHolders("acme", role).some((a) => a.user.login.toLowerCase() === grantee.toLowerCase() && a.assignment !== "indirect"),
    }),
  );
});
