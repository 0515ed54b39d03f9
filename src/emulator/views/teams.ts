/** JSON representations of teams and team memberships. */
import type { Links } from "../links.js";
import { seg } from "../links.js";
import type { AccountRecord, OrgInvitationRecord, TeamRecord } from "../model.js";
import type { EmulatorState } from "../state.js";
import type { EffectiveTeamMember } from "../team-membership.js";
import { effectiveTeamMembers } from "../team-membership.js";
import { isoTimestamp } from "../timestamps.js";
import { organizationFull, simpleUser } from "./accounts.js";

function teamUrl(links: Links, team: TeamRecord): string {
  return links.api(`/organizations/${team.org.account.id}/team/${team.id}`);
}

/** `team-simple` / `nullable-team-simple` */
export function teamSimple(links: Links, team: TeamRecord): Record<string, unknown> {
  const url = teamUrl(links, team);
  return {
    id: team.id,
    node_id: team.nodeId,
    url,
    members_url: `${url}/members{/member}`,
    name: team.name,
    description: team.description,
    permission: "pull",
    privacy: team.privacy,
    notification_setting: team.notificationSetting,
    html_url: links.html(`/orgs/${seg(team.org.account.login)}/teams/${seg(team.slug)}`),
    repositories_url: `${url}/repos`,
    slug: team.slug,
    type: "organization",
    organization_id: team.org.account.id,
  };
}

/** `team` (list items) */
export function team(links: Links, t: TeamRecord): Record<string, unknown> {
  return {
    ...teamSimple(links, t),
    permissions: { pull: true, triage: false, push: false, maintain: false, admin: false },
    parent: t.parent ? teamSimple(links, t.parent) : null,
  };
}

/** `team-full` (GET /orgs/{org}/teams/{team_slug}) */
export function teamFull(links: Links, state: EmulatorState, t: TeamRecord): Record<string, unknown> {
  return {
    ...teamSimple(links, t),
    parent: t.parent ? teamSimple(links, t.parent) : null,
    members_count: effectiveTeamMembers(t).length,
    repos_count: 0,
    created_at: isoTimestamp(t.createdAt),
    updated_at: isoTimestamp(t.updatedAt),
    organization: organizationFull(links, state, t.org),
  };
}

/**
 * `team-member` (list items). `role` and `inherited` are sent only when the
 * organization has that feature (`teamMemberDetails`), as GitHub documents.
 */
export function teamMember(links: Links, t: TeamRecord, m: EffectiveTeamMember): Record<string, unknown> {
  const user = simpleUser(links, m.user);
  return t.org.teamMemberDetails ? { ...user, role: m.role, inherited: m.inherited } : user;
}

/** `team-membership` */
export function teamMembership(links: Links, t: TeamRecord, user: AccountRecord, m: { role: string; state: string }): Record<string, unknown> {
  return {
    url: `${teamUrl(links, t)}/memberships/${seg(user.login)}`,
    role: m.role,
    state: m.state,
  };
}

/** `organization-invitation` */
export function orgInvitation(links: Links, inv: OrgInvitationRecord): Record<string, unknown> {
  return {
    id: inv.id,
    node_id: inv.nodeId,
    login: inv.invitee.login,
    email: null,
    role: inv.role,
    created_at: isoTimestamp(inv.createdAt),
    failed_at: null,
    failed_reason: null,
    inviter: simpleUser(links, inv.inviter),
    team_count: inv.teams.size,
    invitation_teams_url: links.api(`/organizations/${inv.org.account.id}/invitations/${inv.id}/teams`),
    invitation_source: "member",
  };
}
