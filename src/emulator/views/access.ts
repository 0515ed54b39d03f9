/** JSON representations of collaborators, repository invitations and organization roles. */
import type { Links } from "../links.js";
import type { AccountRecord, CollaboratorRecord, OrgRoleRecord, RepoInvitationRecord } from "../model.js";
import { legacyNodeId } from "../ids.js";
import { isoTimestamp } from "../timestamps.js";
import { simpleUser } from "./accounts.js";
import { repoApiUrl, repoHtmlUrl, repository } from "./repos.js";

const BUILT_IN = ["pull", "triage", "push", "maintain", "admin"];
/** role_name as GitHub reports it: built-in permissions under their UI names. */
const ROLE_NAME: Record<string, string> = { pull: "read", triage: "triage", push: "write", maintain: "maintain", admin: "admin" };

export function permissionFlags(permission: string): Record<string, boolean> {
  const level = BUILT_IN.indexOf(permission);
  const at = level < 0 ? 2 : level; // a custom role builds on a base role; assume triage-level flags
  return { pull: at >= 0, triage: at >= 1, push: at >= 2, maintain: at >= 3, admin: at >= 4 };
}

export function collaborator(links: Links, c: CollaboratorRecord): Record<string, unknown> {
  return { ...simpleUser(links, c.user), permissions: permissionFlags(c.permission), role_name: ROLE_NAME[c.permission] ?? c.permission };
}

export function repoInvitation(links: Links, inv: RepoInvitationRecord): Record<string, unknown> {
  const api = repoApiUrl(links, inv.repo);
  return {
    id: inv.id,
    node_id: legacyNodeId("RepositoryInvitation", inv.id),
    repository: repository(links, inv.repo),
    invitee: simpleUser(links, inv.invitee),
    inviter: simpleUser(links, inv.inviter),
    permissions: ({ pull: "read", push: "write" } as Record<string, string>)[inv.permission] ?? inv.permission,
    created_at: isoTimestamp(inv.createdAt),
    expired: inv.expired,
    url: `${api}/invitations/${inv.id}`,
    html_url: `${repoHtmlUrl(links, inv.repo)}/invitations`,
  };
}

export function orgRole(links: Links, r: OrgRoleRecord): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    permissions: r.permissions,
    organization: simpleUser(links, r.org.account),
    created_at: isoTimestamp(r.createdAt),
    updated_at: isoTimestamp(r.createdAt),
    source: "Organization",
  };
}

export function roleAssignee(links: Links, a: AccountRecord): Record<string, unknown> {
  return { ...simpleUser(links, a), assignment: "direct" };
}
