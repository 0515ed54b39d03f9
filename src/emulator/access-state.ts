/**
 * Who has access to what: organization invitations (with the pending team memberships
 * they carry), team memberships, repository collaborators and invitations, custom
 * repository roles, organization roles, blocked and deleted users. `EmulatorState`
 * owns one `AccessState` and exposes its seeding helpers; the routes call the
 * record-level methods after answering GitHub's validation errors themselves.
 *
 * Rules followed (GitHub's documented behaviour unless marked "guess"):
 * - Adding someone who is not an active org member to a team creates (or extends) an
 *   organization invitation; their team membership is "pending" until they accept.
 * - Removing a pending team membership takes the team off the invitation; the invitation
 *   itself stays, possibly with no team left (guess: cancel it explicitly).
 * - Repository invitations count against 50 per repository per 24 hours and expire after
 *   7 days (field report); inviting someone whose invitation expired sends a new one (guess).
 * - Blocking a user from an organization removes their membership, team memberships,
 *   invitations, collaborations on its repositories and organization roles.
 */
import { IdSequence, legacyNodeId } from "./ids.js";
import type {
  AccountRecord,
  CollaboratorRecord,
  CustomRepoRoleRecord,
  OrgInvitationRecord,
  OrgInvitationRole,
  OrgMemberRecord,
  OrgRecord,
  OrgRoleRecord,
  RepoBaseRole,
  RepoInvitationRecord,
  RepoPermission,
  RepoRecord,
  TeamMemberRecord,
  TeamRecord,
  TeamRole,
} from "./model.js";
import type { AddCustomRepoRoleOptions, AddOrgRoleOptions } from "./state-options.js";
import { effectiveTeamMembers } from "./team-membership.js";

export const REPO_INVITATIONS_PER_DAY = 50;
export const REPO_INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export const BUILT_IN_PERMISSIONS = ["pull", "triage", "push", "maintain", "admin"] as const;

/** GitHub's predefined organization roles (names and base roles as documented). */
export const PREDEFINED_ORG_ROLES: Array<{ name: string; description: string; baseRole: OrgRoleRecord["baseRole"] }> = [
  { name: "all_repo_read", description: "Grants read access to all repositories in the organization.", baseRole: "read" },
  { name: "all_repo_triage", description: "Grants triage access to all repositories in the organization.", baseRole: "triage" },
  { name: "all_repo_write", description: "Grants write access to all repositories in the organization.", baseRole: "write" },
  { name: "all_repo_maintain", description: "Grants maintenance access to all repositories in the organization.", baseRole: "maintain" },
  { name: "all_repo_admin", description: "Grants admin access to all repositories in the organization.", baseRole: "admin" },
  { name: "ci_cd_admin", description: "Grants admin access to manage Actions policies, runners, runner groups and hosted compute network configurations.", baseRole: null },
  { name: "security_manager", description: "Manages security policies, security alerts, and security configurations for an organization and all of its repositories.", baseRole: null },
  { name: "app_manager", description: "Manages all GitHub Apps in the organization.", baseRole: null },
];

function key(value: string): string {
  return value.toLowerCase();
}

/** One holder of an organization role, as "list users assigned to a role" reports it. */
export interface OrgRoleAssignee {
  user: AccountRecord;
  assignment: "direct" | "indirect" | "mixed";
  inheritedFrom: TeamRecord[];
}

export type SetCollaboratorResult =
  | { kind: "added" | "updated"; collaborator: CollaboratorRecord }
  | { kind: "invited"; invitation: RepoInvitationRecord; created: boolean };

/** What `AccessState` needs from the rest of the state. */
export interface AccessHost {
  accounts: Map<string, AccountRecord>;
  orgs: Map<string, OrgRecord>;
  repos: Map<string, RepoRecord>;
  getOrg(login: string): OrgRecord | undefined;
  ensureUser(login: string): AccountRecord;
  addOrgMember(org: string, login: string, role?: "admin" | "member", state?: "active" | "pending"): OrgMemberRecord;
}

export class AccessState {
  private readonly seq = {
    orgInvitation: new IdSequence(),
    repoInvitation: new IdSequence(),
    customRepoRole: new IdSequence(),
    orgRole: new IdSequence(),
  };

  constructor(
    private readonly host: AccessHost,
    private readonly now: () => Date,
  ) {}

  // ------------------------------------------------------- org invitations

  findOrgInvitation(org: OrgRecord, login: string): OrgInvitationRecord | undefined {
    for (const inv of org.invitations.values()) if (key(inv.invitee.login) === key(login)) return inv;
    return undefined;
  }

  /** Invites `invitee` (or extends their pending invitation with more teams). */
  inviteToOrg(
    org: OrgRecord,
    invitee: AccountRecord,
    inviter: AccountRecord,
    opts: { role?: OrgInvitationRole; teams?: Array<{ team: TeamRecord; role: TeamRole }> } = {},
  ): OrgInvitationRecord {
    if (invitee.type === "Organization") throw new Error(`${invitee.login} is an organization`);
    const member = org.members.get(key(invitee.login));
    if (member?.state === "active") throw new Error(`${invitee.login} is already a member of ${org.account.login}`);
    let inv = this.findOrgInvitation(org, invitee.login);
    if (!inv) {
      const id = this.seq.orgInvitation.take();
      inv = {
        id,
        nodeId: legacyNodeId("OrganizationInvitation", id),
        org,
        invitee,
        inviter,
        role: opts.role ?? "direct_member",
        createdAt: this.now(),
        teams: new Set(),
      };
      org.invitations.set(id, inv);
    } else if (opts.role === "admin") {
      inv.role = "admin";
    }
    if (!member) org.members.set(key(invitee.login), { user: invitee, role: inv.role === "admin" ? "admin" : "member", state: "pending" });
    for (const { team, role } of opts.teams ?? []) {
      inv.teams.add(team);
      const existing = team.members.get(key(invitee.login));
      team.members.set(key(invitee.login), { user: invitee, role, state: existing?.state ?? "pending" });
    }
    return inv;
  }

  /** Cancels an invitation: the pending org membership and pending team memberships go with it. */
  cancelOrgInvitation(inv: OrgInvitationRecord): void {
    const org = inv.org;
    org.invitations.delete(inv.id);
    const login = key(inv.invitee.login);
    if (org.members.get(login)?.state === "pending") org.members.delete(login);
    for (const team of org.teams.values()) {
      if (team.members.get(login)?.state === "pending") team.members.delete(login);
    }
  }

  /** The invitee accepts: active org member, pending team memberships become active. */
  acceptOrgInvitation(inv: OrgInvitationRecord): OrgMemberRecord {
    const org = inv.org;
    org.invitations.delete(inv.id);
    const login = key(inv.invitee.login);
    const member: OrgMemberRecord = { user: inv.invitee, role: inv.role === "admin" ? "admin" : "member", state: "active" };
    org.members.set(login, member);
    for (const team of org.teams.values()) {
      const m = team.members.get(login);
      if (m?.state === "pending") m.state = "active";
    }
    return member;
  }

  // ---------------------------------------------------------------- teams

  /**
   * PUT team membership: an active org member joins (or changes role) at once; anyone
   * else gets an organization invitation and a pending membership.
   */
  setTeamMembership(team: TeamRecord, user: AccountRecord, role: TeamRole, inviter: AccountRecord): TeamMemberRecord {
    const login = key(user.login);
    const existing = team.members.get(login);
    if (existing) {
      existing.role = role;
    } else if (team.org.members.get(login)?.state === "active") {
      team.members.set(login, { user, role, state: "active" });
    } else {
      this.inviteToOrg(team.org, user, inviter, { teams: [{ team, role }] });
    }
    team.updatedAt = this.now();
    return team.members.get(login) as TeamMemberRecord;
  }

  /** DELETE team membership (direct, active or pending). False when there is none. */
  removeTeamMembership(team: TeamRecord, login: string): boolean {
    const m = team.members.get(key(login));
    if (!m) return false;
    team.members.delete(key(login));
    if (m.state === "pending") this.findOrgInvitation(team.org, login)?.teams.delete(team);
    team.updatedAt = this.now();
    return true;
  }

  // ---------------------------------------------------- custom repo roles

  addCustomRepoRole(org: OrgRecord, name: string, base: RepoBaseRole, opts: AddCustomRepoRoleOptions = {}): CustomRepoRoleRecord {
    if ((BUILT_IN_PERMISSIONS as readonly string[]).includes(key(name)) || ["read", "write"].includes(key(name))) {
      throw new Error(`${name} is a built-in role name`);
    }
    if (org.customRepoRoles.has(key(name))) throw new Error(`custom repository role ${name} already exists in ${org.account.login}`);
    const at = this.now();
    const role: CustomRepoRoleRecord = {
      id: this.seq.customRepoRole.take(),
      name,
      description: opts.description ?? null,
      baseRole: base,
      permissions: opts.permissions ?? [],
      createdAt: at,
      updatedAt: at,
    };
    org.customRepoRoles.set(key(name), role);
    return role;
  }

  /** The canonical permission for `permission` on `repo` (built-in or custom role name), or null if unknown. */
  resolvePermission(repo: RepoRecord, permission: string): RepoPermission | null {
    if ((BUILT_IN_PERMISSIONS as readonly string[]).includes(permission)) return permission;
    return this.host.getOrg(repo.owner.login)?.customRepoRoles.get(key(permission))?.name ?? null;
  }

  // -------------------------------------------------- repo collaborators

  isExpired(inv: RepoInvitationRecord): boolean {
    return inv.expired || this.now().getTime() - inv.createdAt.getTime() >= REPO_INVITATION_LIFETIME_MS;
  }

  findRepoInvitation(repo: RepoRecord, loginOrId: string | number): RepoInvitationRecord | undefined {
    if (typeof loginOrId === "number") return repo.invitations.get(loginOrId);
    for (const inv of repo.invitations.values()) if (key(inv.invitee.login) === key(loginOrId)) return inv;
    return undefined;
  }

  /** Invitations sent for `repo` during the last 24 hours. */
  invitationsSentToday(repo: RepoRecord): number {
    const since = this.now().getTime() - DAY_MS;
    return repo.invitationsSent.filter((d) => d.getTime() > since).length;
  }

  /** Would PUT collaborator for `user` send a new invitation (and so count against the daily limit)? */
  wouldInvite(repo: RepoRecord, user: AccountRecord): boolean {
    const login = key(user.login);
    if (repo.collaborators.has(login) || repo.owner === user) return false;
    if (this.host.getOrg(repo.owner.login)?.members.get(login)?.state === "active") return false;
    const inv = this.findRepoInvitation(repo, user.login);
    return !inv || this.isExpired(inv);
  }

  /**
   * PUT collaborator: existing collaborators change permission, active members of the
   * owning organization are added at once, anyone else is invited (an open invitation is
   * updated, an expired one replaced).
   */
  setCollaborator(repo: RepoRecord, user: AccountRecord, permission: RepoPermission, inviter: AccountRecord): SetCollaboratorResult {
    const login = key(user.login);
    const existing = repo.collaborators.get(login);
    if (existing) {
      existing.permission = permission;
      return { kind: "updated", collaborator: existing };
    }
    if (this.host.getOrg(repo.owner.login)?.members.get(login)?.state === "active") {
      const collaborator: CollaboratorRecord = { user, permission };
      repo.collaborators.set(login, collaborator);
      return { kind: "added", collaborator };
    }
    const open = this.findRepoInvitation(repo, user.login);
    if (open && !this.isExpired(open)) {
      open.permission = permission;
      return { kind: "invited", invitation: open, created: false };
    }
    if (open) repo.invitations.delete(open.id);
    return { kind: "invited", invitation: this.createRepoInvitation(repo, user, permission, inviter), created: true };
  }

  createRepoInvitation(repo: RepoRecord, user: AccountRecord, permission: RepoPermission, inviter: AccountRecord): RepoInvitationRecord {
    const id = this.seq.repoInvitation.take();
    const at = this.now();
    const inv: RepoInvitationRecord = {
      id,
      nodeId: legacyNodeId("RepositoryInvitation", id),
      repo,
      invitee: user,
      inviter,
      permission,
      createdAt: at,
      expired: false,
    };
    repo.invitations.set(id, inv);
    repo.invitationsSent.push(at);
    return inv;
  }

  acceptRepoInvitation(inv: RepoInvitationRecord): CollaboratorRecord {
    if (this.isExpired(inv)) throw new Error(`the invitation of ${inv.invitee.login} to ${inv.repo.owner.login}/${inv.repo.name} has expired`);
    inv.repo.invitations.delete(inv.id);
    const collaborator: CollaboratorRecord = { user: inv.invitee, permission: inv.permission };
    inv.repo.collaborators.set(key(inv.invitee.login), collaborator);
    return collaborator;
  }

  // ------------------------------------------------------------ org roles

  addOrgRole(org: OrgRecord, name: string, opts: AddOrgRoleOptions & { source?: OrgRoleRecord["source"] } = {}): OrgRoleRecord {
    if (this.orgRoleByName(org, name)) throw new Error(`organization role ${name} already exists in ${org.account.login}`);
    const at = this.now();
    const source = opts.source ?? "Organization";
    const role: OrgRoleRecord = {
      id: this.seq.orgRole.take(),
      org: source === "Predefined" ? null : org,
      name,
      description: opts.description ?? null,
      baseRole: opts.baseRole ?? null,
      source,
      permissions: opts.permissions ?? [],
      createdAt: at,
      updatedAt: at,
      users: new Map(),
      teams: new Set(),
    };
    org.orgRoles.set(role.id, role);
    return role;
  }

  seedPredefinedOrgRoles(org: OrgRecord): void {
    for (const r of PREDEFINED_ORG_ROLES) this.addOrgRole(org, r.name, { description: r.description, baseRole: r.baseRole, source: "Predefined" });
  }

  orgRoleByName(org: OrgRecord, name: string): OrgRoleRecord | undefined {
    for (const r of org.orgRoles.values()) if (r.name === name) return r;
    for (const r of org.orgRoles.values()) if (key(r.name) === key(name)) return r;
    return undefined;
  }

  /** Direct assignees first, then members of assigned teams (indirect), merged per user. */
  orgRoleAssignees(role: OrgRoleRecord): OrgRoleAssignee[] {
    const out = new Map<string, OrgRoleAssignee>();
    for (const [login, user] of role.users) out.set(login, { user, assignment: "direct", inheritedFrom: [] });
    for (const team of role.teams) {
      for (const m of effectiveTeamMembers(team)) {
        const login = key(m.user.login);
        const a = out.get(login);
        if (!a) out.set(login, { user: m.user, assignment: "indirect", inheritedFrom: [team] });
        else {
          if (a.assignment === "direct") a.assignment = "mixed";
          a.inheritedFrom.push(team);
        }
      }
    }
    return [...out.values()];
  }

  // ------------------------------------------------- blocked and deleted

  /** Removes every trace of `login` from `org`: membership, teams, invitations, collaborations, roles. */
  private purgeFromOrg(org: OrgRecord, login: string): void {
    const k = key(login);
    org.members.delete(k);
    for (const team of org.teams.values()) team.members.delete(k);
    for (const inv of [...org.invitations.values()]) if (key(inv.invitee.login) === k) org.invitations.delete(inv.id);
    for (const role of org.orgRoles.values()) role.users.delete(k);
    for (const repo of this.host.repos.values()) {
      if (repo.owner !== org.account) continue;
      repo.collaborators.delete(k);
      for (const inv of [...repo.invitations.values()]) if (key(inv.invitee.login) === k) repo.invitations.delete(inv.id);
    }
  }

  /** The organization blocks `login` (GitHub answers invitations and additions with an error). */
  blockUser(org: OrgRecord, login: string): void {
    this.purgeFromOrg(org, login);
    org.blocked.add(key(login));
  }

  isBlocked(org: OrgRecord | undefined, login: string): boolean {
    return org?.blocked.has(key(login)) ?? false;
  }

  /** The account is deleted: its login no longer resolves (404) and its access is gone. */
  deleteUser(login: string): AccountRecord {
    const account = this.host.accounts.get(key(login));
    if (!account) throw new Error(`no account ${login}`);
    if (account.type === "Organization") throw new Error(`${login} is an organization`);
    for (const org of this.host.orgs.values()) this.purgeFromOrg(org, login);
    for (const repo of this.host.repos.values()) {
      repo.collaborators.delete(key(login));
      for (const inv of [...repo.invitations.values()]) if (inv.invitee === account) repo.invitations.delete(inv.id);
    }
    this.host.accounts.delete(key(login));
    account.deleted = true;
    return account;
  }
}
