/**
 * github-org-role: organization role assignments (e.g. security managers, custom
 * organization roles). A person can hold several roles at once. The target must be an
 * organization member; anyone else is a per-item failure, never a crash.
 */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import { failure, httpStatus } from "./github-errors.js";
import type { Grant, GrantOutcome, Provider } from "./provider.js";

function org(r: Resource): string {
  if (r.provider.type !== "github-org-role") throw new Error(`${r.id} is not a github-org-role resource`);
  return r.provider.org;
}

export function githubOrgRoleProvider(gh: GitHubClient): Provider {
  const roleIds = new Map<string, Map<string, number>>();
  const idOf = async (o: string, role: string): Promise<number | undefined> => {
    let ids = roleIds.get(o);
    if (!ids) {
      const res = await gh.rest.orgs.listOrgRoles({ org: o });
      ids = new Map((res.data.roles ?? []).map((x) => [x.name, x.id]));
      roleIds.set(o, ids);
    }
    return ids.get(role);
  };
  const unknownRole = (o: string, role: string): GrantOutcome => ({ status: "failed", code: "unknown-role", message: `${o} has no organization role named '${role}'; fix the resource's roles in the policy.` });

  return {
    type: "github-org-role",
    nativeExpiry: false,
    singleRole: false,
    rank: () => 0,

    async list(r: Resource): Promise<Grant[]> {
      const o = org(r);
      const grants: Grant[] = [];
      for (const role of r.roles) {
        const id = await idOf(o, role);
        if (id === undefined) throw new Error(`${o} has no organization role named '${role}'`);
        const users = await gh.paginate(gh.rest.orgs.listOrgRoleUsers, { org: o, role_id: id, per_page: 100 });
        for (const u of users) {
          // Only direct assignments are ours; assignments through a team are listed with assignment "indirect".
          if ((u as { assignment?: string }).assignment === "indirect") continue;
          grants.push({ resource: r.id, grantee: u.login, role, state: "active" });
        }
      }
      return grants;
    },

    async grant(r, grantee, role): Promise<GrantOutcome> {
      const o = org(r);
      try {
        const id = await idOf(o, role);
        if (id === undefined) return unknownRole(o, role);
        await gh.rest.orgs.assignUserToOrgRole({ org: o, username: grantee, role_id: id });
        return { status: "granted" };
      } catch (e) {
        if (httpStatus(e) === 422 || httpStatus(e) === 404) return { status: "failed", code: "not-a-member", message: `${grantee} could not get ${role} in ${o}: organization roles need an active organization member (${(e as Error).message}).` };
        return failure(e, `assign ${role} in ${o} to ${grantee}`);
      }
    },

    async changeRole(r, grantee, role) {
      return this.grant(r, grantee, role);
    },

    async revoke(r, grant): Promise<GrantOutcome> {
      const o = org(r);
      try {
        const id = await idOf(o, grant.role);
        if (id === undefined) return unknownRole(o, grant.role);
        await gh.rest.orgs.revokeOrgRoleUser({ org: o, username: grant.grantee, role_id: id });
        return { status: "granted" };
      } catch (e) {
        if (httpStatus(e) === 404) return { status: "unchanged" };
        return failure(e, `revoke ${grant.role} in ${o} from ${grant.grantee}`);
      }
    },
  };
}
