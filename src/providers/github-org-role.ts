/**
 * github-org-role: organization role assignments (predefined roles such as
 * all_repo_write or security_manager, and custom organization roles). A person can hold
 * several at once; the resource's `roles` are role *names*, mapped to GitHub's ids through
 * the organization's role list (read once per run).
 *
 * - Only direct assignments are managed: a role held through a team ("indirect") is not
 *   listed and not revoked; "mixed" (direct and through a team) counts as direct.
 * - Organization roles need organization membership: jit-access does not invite anyone to
 *   the organization, so a grant to a non-member is a per-item failure saying so.
 * - A role name the organization does not have: listing skips it (nobody can hold it), a
 *   grant fails for that item with the names that exist.
 */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import { resourceOrg } from "../policy/policy.js";
import { apiMessage, failed, httpStatus, notFound, unexpected } from "./github-errors.js";
import type { Grant, GrantOutcome, Provider } from "./provider.js";

function orgOf(r: Resource): string {
  if (r.provider.type !== "github-org-role") throw new Error(`${r.id} is not a github-org-role resource`);
  return r.provider.org;
}

const lower = (s: string) => s.toLowerCase();

/**
 * What GitHub's predefined organization roles let their holders grant to others: all_repo_admin
 * is admin on every repository of the organization (it adds collaborators); the others add
 * nobody. Any other role (custom, or predefined later) may carry any permission: it may grant
 * anything in the organization.
 */
const GRANTS_NOTHING = new Set(["all_repo_read", "all_repo_triage", "all_repo_write", "all_repo_maintain", "ci_cd_admin", "security_manager"]);
function canGrantOthers(role: string, held: Resource, target: Resource): boolean {
  const name = lower(role);
  if (GRANTS_NOTHING.has(name)) return false;
  if (lower(resourceOrg(held.provider)) !== lower(resourceOrg(target.provider))) return false;
  return name === "all_repo_admin" ? target.provider.type === "github-repo" : true;
}

export function githubOrgRoleProvider(gh: GitHubClient): Provider {
  const rolesByOrg = new Map<string, Promise<Map<string, { id: number; name: string }>>>();
  const roles = (org: string) => {
    let p = rolesByOrg.get(lower(org));
    if (!p) {
      p = gh.rest.orgs.listOrgRoles({ org }).then((res) => {
        const m = new Map<string, { id: number; name: string }>();
        for (const x of res.data.roles ?? []) m.set(x.name, { id: x.id, name: x.name });
        for (const x of res.data.roles ?? []) if (!m.has(lower(x.name))) m.set(lower(x.name), { id: x.id, name: x.name });
        return m;
      });
      p.catch(() => rolesByOrg.delete(lower(org)));
      rolesByOrg.set(lower(org), p);
    }
    return p;
  };
  const roleId = async (org: string, name: string) => {
    const m = await roles(org);
    return (m.get(name) ?? m.get(lower(name)))?.id;
  };
  const unknownRole = async (org: string, name: string, what: string): Promise<GrantOutcome> => {
    const names = [...new Set([...(await roles(org)).values()].map((x) => x.name))];
    return failed("unknown-role", `${what}: ${org} has no organization role named "${name}" (it has: ${names.join(", ") || "none"}); fix the resource's roles in the policy.`);
  };
  /** Logins holding the role directly (lower-cased). */
  const holders = async (org: string, id: number): Promise<Map<string, string>> => {
    const users = await gh.paginate(gh.rest.orgs.listOrgRoleUsers, { org, role_id: id, per_page: 100 });
    return new Map(users.filter((u) => u.assignment !== "indirect").map((u) => [lower(u.login), u.login]));
  };
  const isMember = async (org: string, username: string): Promise<boolean | undefined> => {
    try {
      const res = await gh.rest.orgs.checkMembershipForUser({ org, username });
      return (res.status as number) === 204;
    } catch (e) {
      return httpStatus(e) === 404 ? false : undefined;
    }
  };

  const assign = async (org: string, grantee: string, role: string): Promise<GrantOutcome> => {
    const what = `give ${grantee} the organization role ${role} in ${org}`;
    try {
      const id = await roleId(org, role);
      if (id === undefined) return await unknownRole(org, role, what);
      if ((await holders(org, id)).has(lower(grantee))) return { status: "unchanged" };
      try {
        await gh.rest.orgs.assignUserToOrgRole({ org, username: grantee, role_id: id });
        return { status: "granted" };
      } catch (e) {
        const status = httpStatus(e);
        if (status === 404) return await notFound(gh, grantee, what, `organization ${org} or its role ${role}`);
        if (status === 422) {
          if ((await isMember(org, grantee)) === false) {
            return failed("not-org-member", `${grantee} is not a member of ${org}; organization roles need membership. Invite them to ${org} first (jit-access does not).`);
          }
          return failed("rejected", `${what}: GitHub refused it (${apiMessage(e)}); organization roles may not be available to ${org}.`);
        }
        return unexpected(e, what);
      }
    } catch (e) {
      return unexpected(e, what, `organization ${org}`);
    }
  };

  const unassign = async (org: string, grantee: string, role: string): Promise<GrantOutcome> => {
    const what = `remove the organization role ${role} in ${org} from ${grantee}`;
    try {
      const id = await roleId(org, role);
      if (id === undefined) return { status: "unchanged" }; // nobody can hold a role that does not exist
      if (!(await holders(org, id)).has(lower(grantee))) return { status: "unchanged" };
      await gh.rest.orgs.revokeOrgRoleUser({ org, username: grantee, role_id: id });
      return { status: "revoked" };
    } catch (e) {
      if (httpStatus(e) === 404) return { status: "unchanged" };
      return unexpected(e, what);
    }
  };

  return {
    type: "github-org-role",
    nativeExpiry: false,
    singleRole: false,
    rank: () => 0,
    canGrantOthers,
    limits:
      "Only direct role assignments are managed: roles held through a team stay. Organization roles need organization membership; jit-access does not invite anyone to the organization.",

    async list(r: Resource): Promise<Grant[]> {
      const org = orgOf(r);
      const grants: Grant[] = [];
      for (const role of r.roles) {
        const id = await roleId(org, role);
        if (id === undefined) continue;
        for (const login of (await holders(org, id)).values()) grants.push({ resource: r.id, grantee: login, role, state: "active" });
      }
      return grants;
    },

    grant: (r, grantee, role) => assign(orgOf(r), grantee, role),

    /** Leaves the grantee with exactly `role` among the resource's roles. */
    async changeRole(r, grantee, role) {
      const org = orgOf(r);
      const outcome = await assign(org, grantee, role);
      if (outcome.status === "failed") return outcome;
      let changed = outcome.status !== "unchanged";
      for (const other of r.roles) {
        if (other === role) continue;
        const removed = await unassign(org, grantee, other);
        if (removed.status === "failed") return removed;
        if (removed.status !== "unchanged") changed = true;
      }
      return { status: changed ? "granted" : "unchanged" };
    },

    revoke: (r, grant) => unassign(orgOf(r), grant.grantee, grant.role),
  };
}
