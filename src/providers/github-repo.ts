/**
 * github-repo: a collaborator's permission on a repository (pull, triage, push, maintain,
 * admin, or a custom repository role). Non-members get an invitation (pending until
 * accepted; GitHub allows 50 per repository per day); revoking a pending grant deletes the
 * invitation. Only direct collaborators are managed: access through the organization's
 * base permission or through teams is not ours to revoke.
 */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import { failure, httpStatus } from "./github-errors.js";
import type { Grant, GrantOutcome, Provider } from "./provider.js";

const RANK: Record<string, number> = { read: 1, pull: 1, triage: 2, write: 3, push: 3, maintain: 4, admin: 5 };
/** GitHub reports built-in roles by these names in role_name; we write them as the API's permission names. */
const ROLE_NAME_TO_PERMISSION: Record<string, string> = { read: "pull", write: "push" };

function target(r: Resource): { owner: string; repo: string } {
  if (r.provider.type !== "github-repo") throw new Error(`${r.id} is not a github-repo resource`);
  return { owner: r.provider.owner, repo: r.provider.repo };
}

export function githubRepoProvider(gh: GitHubClient): Provider {
  const provider: Provider = {
    type: "github-repo",
    nativeExpiry: false,
    singleRole: true,
    rank: (role) => RANK[role] ?? 2.5, // custom roles sit between triage and push unless known
    limits: "Access through the organization's base permission, teams or ownership is not managed here.",

    async list(r: Resource): Promise<Grant[]> {
      const t = target(r);
      const [collaborators, invitations] = await Promise.all([
        gh.paginate(gh.rest.repos.listCollaborators, { ...t, affiliation: "direct", per_page: 100 }),
        gh.paginate(gh.rest.repos.listInvitations, { ...t, per_page: 100 }),
      ]);
      const grants: Grant[] = collaborators.map((c) => {
        const role = c.role_name ? (ROLE_NAME_TO_PERMISSION[c.role_name] ?? c.role_name) : "pull";
        return { resource: r.id, grantee: c.login, role, state: "active" as const };
      });
      for (const inv of invitations) {
        if (!inv.invitee) continue;
        const role = ROLE_NAME_TO_PERMISSION[inv.permissions] ?? inv.permissions;
        grants.push({ resource: r.id, grantee: inv.invitee.login, role, state: "pending", handle: String(inv.id) });
      }
      return grants;
    },

    async grant(r, grantee, role): Promise<GrantOutcome> {
      const t = target(r);
      try {
        const res = await gh.rest.repos.addCollaborator({ ...t, username: grantee, permission: role });
        return (res.status as number) === 201 ? { status: "invited", ...(res.data?.id ? { handle: String(res.data.id) } : {}) } : { status: "granted" };
      } catch (e) {
        return failure(e, `give ${grantee} ${role} on ${t.owner}/${t.repo}`);
      }
    },

    async changeRole(r, grantee, role) {
      return provider.grant(r, grantee, role);
    },

    async revoke(r, grant): Promise<GrantOutcome> {
      const t = target(r);
      try {
        if (grant.state === "pending" && grant.handle) await gh.rest.repos.deleteInvitation({ ...t, invitation_id: Number(grant.handle) });
        else await gh.rest.repos.removeCollaborator({ ...t, username: grant.grantee });
        return { status: "granted" };
      } catch (e) {
        if (httpStatus(e) === 404) return { status: "unchanged" };
        return failure(e, `remove ${grant.grantee} from ${t.owner}/${t.repo}`);
      }
    },
  };
  return provider;
}
