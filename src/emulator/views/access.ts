/** JSON representations of collaborators, repository invitations, custom repository roles and organization roles. */
import type { OrgRoleAssignee } from "../access-state.js";
import type { Links } from "../links.js";
import type { AccountRecord, CustomRepoRoleRecord, OrgRecord, OrgRoleRecord, RepoInvitationRecord } from "../model.js";
import type { RepoRole } from "../repo-access.js";
import { LEGACY_PERMISSION, ROLE_NAME, collaboratorRole, permissionFlags } from "../repo-access.js";
import type { EmulatorState } from "../state.js";
import { isoTimestamp } from "../timestamps.js";
import { simpleUser } from "./accounts.js";
import { repoHtmlUrl, repository } from "./repos.js";
import { teamSimple } from "./teams.js";

/** `collaborator`: the user, the permission flags of their role and its `role_name`. */
export function collaborator(links: Links, user: AccountRecord, role: RepoRole): Record<string, unknown> {
  return { ...simpleUser(links, user), name: user.name, email: user.email, permissions: permissionFlags(role.level), role_name: role.roleName };
}

/** `repository-collaborator-permission` (GET .../collaborators/{username}/permission) */
export function collaboratorPermission(links: Links, user: AccountRecord, role: RepoRole | null): Record<string, unknown> {
  return {
    permission: role ? LEGACY_PERMISSION[role.level] : "none",
    role_name: role ? role.roleName : "none",
    user: { ...simpleUser(links, user), permissions: permissionFlags(role?.level ?? null), role_name: role ? role.roleName : "none" },
  };
}

/** `permissions` of an invitation: read, triage, write, maintain or admin (a custom role shows its base). */
export function invitationPermission(state: EmulatorState, inv: RepoInvitationRecord): string {
  const role = collaboratorRole(state, inv.repo, inv);
  return role ? ROLE_NAME[role.level] : "read";
}

/** `repository-invitation` */
export function repoInvitation(links: Links, state: EmulatorState, inv: RepoInvitationRecord, expired: boolean): Record<string, unknown> {
  return {
    id: inv.id,
    node_id: inv.nodeId,
    repository: repository(links, inv.repo),
    invitee: simpleUser(links, inv.invitee),
    inviter: simpleUser(links, inv.inviter),
    permissions: invitationPermission(state, inv),
    created_at: isoTimestamp(inv.createdAt),
    expired,
    url: links.api(`/user/repository_invitations/${inv.id}`),
    html_url: `${repoHtmlUrl(links, inv.repo)}/invitations`,
  };
}

/** `organization-custom-repository-role` (Enterprise Cloud) */
export function customRepoRole(links: Links, org: OrgRecord, r: CustomRepoRoleRecord): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    base_role: r.baseRole,
    permissions: r.permissions,
    organization: simpleUser(links, org.account),
    created_at: isoTimestamp(r.createdAt),
    updated_at: isoTimestamp(r.updatedAt),
  };
}

/** `organization-role` */
export function orgRole(links: Links, r: OrgRoleRecord): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    base_role: r.baseRole,
    source: r.source,
    permissions: r.permissions,
    organization: r.org ? simpleUser(links, r.org.account) : null,
    created_at: isoTimestamp(r.createdAt),
    updated_at: isoTimestamp(r.updatedAt),
  };
}

/** `user-role-assignment` */
export function roleAssignee(links: Links, a: OrgRoleAssignee): Record<string, unknown> {
  return {
    ...simpleUser(links, a.user),
    name: a.user.name,
    email: a.user.email,
    assignment: a.assignment,
    inherited_from: a.inheritedFrom.map((t) => teamSimple(links, t)),
  };
}
