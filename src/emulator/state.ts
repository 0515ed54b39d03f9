/**
 * The emulator's in-memory world: accounts, organizations, teams,
 * repositories, issues and pull requests, comments, reviews and check runs.
 *
 * The seeding methods are synchronous and return the created records; the
 * mutation methods used by the HTTP routes are public too, so an in-process
 * caller can drive the same state. Users referenced by login are created on
 * first reference (as "Bot" when the login ends in "[bot]").
 */
import { AccessState } from "./access-state.js";
import type { OrgRoleAssignee, SetCollaboratorResult } from "./access-state.js";
import { IdSequence, legacyNodeId } from "./ids.js";
import type {
  AddCheckRunOptions,
  AddCustomRepoRoleOptions,
  AddIssueOptions,
  AddLabelOptions,
  AddOrgOptions,
  AddOrgRoleOptions,
  AddPullRequestOptions,
  AddRepoOptions,
  AddReviewOptions,
  AddSshKeyOptions,
  AddTeamOptions,
  AddUserOptions,
  CheckRunInput,
  InviteToOrgOptions,
  MergePullRequestOptions,
  TimeInput,
  UpdatePullRequestOptions,
} from "./state-options.js";
import type {
  AccountRecord,
  AppRecord,
  CheckRunRecord,
  CheckSuiteRecord,
  CollaboratorRecord,
  CommentRecord,
  CustomRepoRoleRecord,
  IssueRecord,
  LabelRecord,
  MembershipState,
  OrgInvitationRecord,
  OrgMemberRecord,
  OrgRecord,
  OrgRole,
  OrgRoleRecord,
  PullRecord,
  RepoBaseRole,
  RepoInvitationRecord,
  RepoPermission,
  RepoRecord,
  ReviewRecord,
  ReviewState,
  SshKeyRecord,
  TeamMemberRecord,
  TeamRecord,
  TeamRole,
  WorkflowDispatchRecord,
  WorkflowRecord,
} from "./model.js";

import { RepoSettings } from "./repo-settings.js";

export const DEFAULT_TOKEN = "test-token";
export const DEFAULT_BOT_LOGIN = "jit-access[bot]";

export type * from "./state-options.js";

function key(value: string): string {
  return value.toLowerCase();
}

function toDate(value: TimeInput | undefined, fallback: Date): Date {
  if (value === undefined) return fallback;
  return value instanceof Date ? value : new Date(value);
}

export class EmulatorState {
  private readonly now: () => Date;
  private readonly seq = {
    account: new IdSequence(),
    team: new IdSequence(),
    repo: new IdSequence(),
    issue: new IdSequence(),
    pull: new IdSequence(),
    comment: new IdSequence(),
    review: new IdSequence(),
    app: new IdSequence(),
    checkSuite: new IdSequence(),
    checkRun: new IdSequence(),
    workflow: new IdSequence(),
    workflowRun: new IdSequence(),
    label: new IdSequence(),
    sshKey: new IdSequence(),
  };

  readonly accounts = new Map<string, AccountRecord>();
  readonly orgs = new Map<string, OrgRecord>();
  /** keyed by "owner/name", lower-cased */
  readonly repos = new Map<string, RepoRecord>();
  readonly comments = new Map<number, CommentRecord>();
  readonly checkRuns = new Map<number, CheckRunRecord>();
  readonly checkSuites = new Map<string, CheckSuiteRecord>();
  /** keyed by app slug */
  readonly apps = new Map<string, AppRecord>();
  /** Workflows by id (registered on first use of their file name). */
  readonly workflows = new Map<number, WorkflowRecord>();
  /** Every workflow_dispatch event, oldest first. */
  readonly workflowDispatches: WorkflowDispatchRecord[] = [];
  readonly tokens = new Map<string, AccountRecord>();
  /** Public SSH keys of all accounts by id, oldest first. */
  readonly sshKeys = new Map<number, SshKeyRecord>();

  /** Invitations, memberships, collaborators and roles (see access-state.ts). */
  readonly access: AccessState;
  /** Branch protection, rulesets, App installations and Actions secrets (see repo-settings.ts). */
  readonly settings: RepoSettings;

  constructor(now: () => Date = () => new Date()) {
    this.now = now;
    this.access = new AccessState(this, now);
    this.settings = new RepoSettings(this, now);
  }

  // ---------------------------------------------------------------- accounts

  addUser(login: string, opts: AddUserOptions = {}): AccountRecord {
    if (this.accounts.has(key(login))) throw new Error(`account ${login} already exists`);
    const type = opts.type ?? (login.endsWith("[bot]") ? "Bot" : "User");
    return this.createAccount(login, type, opts.name ?? null, opts.email ?? null, opts.siteAdmin ?? false);
  }

  /** The user with that login, created as a plain user when missing. */
  ensureUser(login: string): AccountRecord {
    return this.accounts.get(key(login)) ?? this.addUser(login);
  }

  getUser(login: string): AccountRecord | undefined {
    return this.accounts.get(key(login));
  }

  addToken(token: string, login: string): AccountRecord {
    const account = this.ensureUser(login);
    if (account.type === "Organization") throw new Error(`cannot give a token to organization ${login}`);
    this.tokens.set(token, account);
    return account;
  }

  identityForToken(token: string): AccountRecord | undefined {
    return this.tokens.get(token);
  }

  private createAccount(
    login: string,
    type: AccountRecord["type"],
    name: string | null,
    email: string | null,
    siteAdmin: boolean,
  ): AccountRecord {
    const id = this.seq.account.take();
    const nodeType = type === "Organization" ? "Organization" : type === "Bot" ? "Bot" : "User";
    const at = this.now();
    const account: AccountRecord = {
      id,
      nodeId: legacyNodeId(nodeType, id),
      login,
      type,
      name,
      email,
      siteAdmin,
      createdAt: at,
      updatedAt: at,
    };
    this.accounts.set(key(login), account);
    return account;
  }

  /**
   * Adds a public SSH key to the user's account (created when missing). The comment is dropped,
   * as GitHub serves keys; a key already on any account is refused, as GitHub refuses it.
   */
  addSshKey(login: string, key: string, opts: AddSshKeyOptions = {}): SshKeyRecord {
    const user = this.ensureUser(login);
    if (user.type === "Organization") throw new Error(`cannot add an SSH key to organization ${login}`);
    const [type, data] = key.trim().split(/\s+/);
    if (!type || !data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) {
      throw new Error(`not an SSH public key line: ${JSON.stringify(key)}`);
    }
    const normalized = `${type} ${data}`;
    for (const k of this.sshKeys.values()) {
      if (k.key === normalized) throw new Error(`key is already in use (on ${k.user.login})`);
    }
    const record: SshKeyRecord = { id: this.seq.sshKey.take(), user, key: normalized, createdAt: toDate(opts.createdAt, this.now()) };
    this.sshKeys.set(record.id, record);
    return record;
  }

  /** Removes a key by id from the user's account; false when the user has no such key. */
  removeSshKey(login: string, id: number): boolean {
    const k = this.sshKeys.get(id);
    if (!k || k.user !== this.getUser(login)) return false;
    return this.sshKeys.delete(id);
  }

  /** The user's public SSH keys, oldest first. */
  listSshKeys(login: string): SshKeyRecord[] {
    const user = this.getUser(login);
    return user ? [...this.sshKeys.values()].filter((k) => k.user === user) : [];
  }

  // ------------------------------------------------------------------- orgs

  addOrg(login: string, opts: AddOrgOptions = {}): OrgRecord {
    if (this.accounts.has(key(login))) throw new Error(`account ${login} already exists`);
    const account = this.createAccount(login, "Organization", opts.name ?? null, null, false);
    const org: OrgRecord = {
      account,
      description: opts.description ?? null,
      members: new Map(),
      teams: new Map(),
      defaultRepositoryPermission: opts.defaultRepositoryPermission ?? "read",
      teamMemberDetails: opts.teamMemberDetails ?? true,
      invitations: new Map(),
      blocked: new Set(),
      customRepoRoles: new Map(),
      orgRoles: new Map(),
    };
    this.orgs.set(key(login), org);
    if (opts.predefinedOrgRoles !== false) this.access.seedPredefinedOrgRoles(org);
    return org;
  }

  getOrg(login: string): OrgRecord | undefined {
    return this.orgs.get(key(login));
  }

  private requireOrg(login: string): OrgRecord {
    const org = this.getOrg(login);
    if (!org) throw new Error(`no organization ${login}`);
    return org;
  }

  addOrgMember(org: string, login: string, role: OrgRole = "member", state: MembershipState = "active"): OrgMemberRecord {
    const o = this.requireOrg(org);
    const user = this.ensureUser(login);
    if (user.type === "Organization") throw new Error(`${login} is an organization`);
    const member: OrgMemberRecord = { user, role, state };
    o.members.set(key(login), member);
    return member;
  }

  /** Removing an org member also removes them from the org's teams and roles (and cancels an invitation), as on GitHub. */
  removeOrgMember(org: string, login: string): boolean {
    const o = this.requireOrg(org);
    const inv = this.access.findOrgInvitation(o, login);
    if (inv) this.access.cancelOrgInvitation(inv);
    for (const team of o.teams.values()) team.members.delete(key(login));
    for (const role of o.orgRoles.values()) role.users.delete(key(login));
    return o.members.delete(key(login));
  }

  // ------------------------------------------------------------------ teams

  addTeam(org: string, slug: string, opts: AddTeamOptions = {}): TeamRecord {
    const o = this.requireOrg(org);
    if (o.teams.has(key(slug))) throw new Error(`team ${org}/${slug} already exists`);
    let parent: TeamRecord | null = null;
    if (opts.parentSlug !== undefined) {
      parent = o.teams.get(key(opts.parentSlug)) ?? null;
      if (!parent) throw new Error(`no parent team ${org}/${opts.parentSlug}`);
      if (parent.privacy === "secret" || opts.privacy === "secret") {
        throw new Error("secret teams cannot be nested (GitHub only nests closed teams)");
      }
    }
    const id = this.seq.team.take();
    const at = this.now();
    const team: TeamRecord = {
      id,
      nodeId: legacyNodeId("Team", id),
      org: o,
      slug,
      name: opts.name ?? slug,
      description: opts.description ?? null,
      privacy: opts.privacy ?? "closed",
      notificationSetting: "notifications_enabled",
      parent,
      idpSynced: opts.idpSynced ?? false,
      members: new Map(),
      createdAt: at,
      updatedAt: at,
    };
    o.teams.set(key(slug), team);
    return team;
  }

  getTeam(org: string, slug: string): TeamRecord | undefined {
    return this.getOrg(org)?.teams.get(key(slug));
  }

  private requireTeam(org: string, slug: string): TeamRecord {
    const team = this.getTeam(org, slug);
    if (!team) throw new Error(`no team ${org}/${slug}`);
    return team;
  }

  /** Adds the user to the org too (as an active member) when they are not in it yet. */
  addTeamMember(
    org: string,
    slug: string,
    login: string,
    role: TeamRole = "member",
    state: MembershipState = "active",
  ): TeamMemberRecord {
    const team = this.requireTeam(org, slug);
    if (!team.org.members.has(key(login))) this.addOrgMember(org, login, "member", "active");
    const user = this.ensureUser(login);
    const member: TeamMemberRecord = { user, role, state };
    team.members.set(key(login), member);
    team.updatedAt = this.now();
    return member;
  }

  /**
   * What PUT /orgs/{org}/teams/{slug}/memberships/{user} does: an org member joins at once;
   * anyone else gets an organization invitation and a pending team membership.
   */
  setTeamMembership(org: string, slug: string, login: string, role: TeamRole, inviter: string = DEFAULT_BOT_LOGIN): TeamMemberRecord {
    return this.access.setTeamMembership(this.requireTeam(org, slug), this.ensureUser(login), role, this.ensureUser(inviter));
  }

  /** Direct membership only (GitHub's DELETE); a pending one is taken off the invitation. */
  removeTeamMember(org: string, slug: string, login: string): boolean {
    return this.access.removeTeamMembership(this.requireTeam(org, slug), login);
  }

  /** Seeds an organization invitation (the user's org and team memberships are pending until accepted). */
  inviteToOrg(org: string, login: string, opts: InviteToOrgOptions = {}): OrgInvitationRecord {
    const o = this.requireOrg(org);
    const teams = (opts.teams ?? []).map((t) => {
      const { slug, role } = typeof t === "string" ? { slug: t, role: "member" as const } : t;
      return { team: this.requireTeam(org, slug), role };
    });
    return this.access.inviteToOrg(o, this.ensureUser(login), this.ensureUser(opts.inviter ?? DEFAULT_BOT_LOGIN), {
      ...(opts.role ? { role: opts.role } : {}),
      teams,
    });
  }

  /** Pending organization invitations (optionally only those that include `team`). */
  listInvitations(org: string, team?: TeamRecord): OrgInvitationRecord[] {
    const o = this.getOrg(org);
    return o ? [...o.invitations.values()].filter((i) => !team || i.teams.has(team)) : [];
  }

  /** The invitee accepts the organization invitation: active member; pending team memberships become active. */
  acceptInvitation(org: string, login: string): OrgMemberRecord {
    const o = this.requireOrg(org);
    const inv = this.access.findOrgInvitation(o, login);
    if (!inv) {
      const pending = o.members.get(key(login));
      if (pending?.state !== "pending") throw new Error(`no invitation for ${login} to ${org}`);
      pending.state = "active";
      return pending;
    }
    return this.access.acceptOrgInvitation(inv);
  }

  /** Cancels an organization invitation (as DELETE /orgs/{org}/invitations/{id} does). */
  cancelInvitation(org: string, login: string): boolean {
    const o = this.requireOrg(org);
    const inv = this.access.findOrgInvitation(o, login);
    if (!inv) return false;
    this.access.cancelOrgInvitation(inv);
    return true;
  }

  /** The organization blocks the user: their membership, invitations, collaborations and roles there go. */
  blockUser(org: string, login: string): void {
    this.ensureUser(login);
    this.access.blockUser(this.requireOrg(org), login);
  }

  /** `login` blocked `org` (same effect on the API as the organization blocking them). */
  blockOrganization(login: string, org: string): void {
    this.blockUser(org, login);
  }

  /** Deletes the account: its login answers 404 and its memberships, collaborations and invitations are gone. */
  deleteUser(login: string): AccountRecord {
    return this.access.deleteUser(login);
  }

  childTeams(team: TeamRecord): TeamRecord[] {
    return [...team.org.teams.values()].filter((t) => t.parent === team);
  }

  // ------------------------------------------------------------------ repos

  addRepo(owner: string, name: string, opts: AddRepoOptions = {}): RepoRecord {
    const ownerAccount = this.getOrg(owner)?.account ?? this.ensureUser(owner);
    const fullKey = key(`${owner}/${name}`);
    if (this.repos.has(fullKey)) throw new Error(`repository ${owner}/${name} already exists`);
    const id = this.seq.repo.take();
    const at = this.now();
    const repo: RepoRecord = {
      id,
      nodeId: legacyNodeId("Repository", id),
      owner: ownerAccount,
      name,
      description: opts.description ?? null,
      private: opts.private ?? false,
      defaultBranch: opts.defaultBranch ?? "main",
      gitDir: opts.gitDir ?? null,
      createdAt: at,
      updatedAt: at,
      pushedAt: at,
      issues: new Map(),
      nextIssueNumber: 1,
      commitPulls: new Map(),
      collaborators: new Map(),
      invitations: new Map(),
      invitationsSent: [],
      hasIssues: opts.hasIssues ?? true,
      labels: new Map(),
    };
    this.repos.set(fullKey, repo);
    return repo;
  }

  getRepo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(key(`${owner}/${name}`));
  }

  private requireRepo(owner: string, name: string): RepoRecord {
    const repo = this.getRepo(owner, name);
    if (!repo) throw new Error(`no repository ${owner}/${name}`);
    return repo;
  }

  addCollaborator(owner: string, repo: string, login: string, permission: RepoPermission = "push"): CollaboratorRecord {
    const r = this.requireRepo(owner, repo);
    const record: CollaboratorRecord = { user: this.ensureUser(login), permission };
    r.collaborators.set(key(login), record);
    return record;
  }

  /** What PUT /repos/{owner}/{repo}/collaborators/{username} does (after GitHub's checks). */
  setCollaborator(owner: string, repo: string, login: string, permission: RepoPermission, inviter: string = DEFAULT_BOT_LOGIN): SetCollaboratorResult {
    return this.access.setCollaborator(this.requireRepo(owner, repo), this.ensureUser(login), permission, this.ensureUser(inviter));
  }

  /** Seeds a repository invitation (it counts against the 50 per 24 hours, like a real one). */
  inviteCollaborator(owner: string, repo: string, login: string, permission: RepoPermission = "push", inviter: string = DEFAULT_BOT_LOGIN): RepoInvitationRecord {
    return this.access.createRepoInvitation(this.requireRepo(owner, repo), this.ensureUser(login), permission, this.ensureUser(inviter));
  }

  listRepoInvitations(owner: string, repo: string): RepoInvitationRecord[] {
    return [...(this.getRepo(owner, repo)?.invitations.values() ?? [])];
  }

  private requireRepoInvitation(owner: string, repo: string, loginOrId: string | number): RepoInvitationRecord {
    const inv = this.access.findRepoInvitation(this.requireRepo(owner, repo), loginOrId);
    if (!inv) throw new Error(`no invitation ${String(loginOrId)} to ${owner}/${repo}`);
    return inv;
  }

  /** The invitee accepts (by login or invitation id): they become a collaborator with the invited permission. */
  acceptRepoInvitation(owner: string, repo: string, loginOrId: string | number): CollaboratorRecord {
    return this.access.acceptRepoInvitation(this.requireRepoInvitation(owner, repo, loginOrId));
  }

  /** Marks an invitation expired (GitHub expires them after 7 days; the clock does that too). */
  expireRepoInvitation(owner: string, repo: string, loginOrId: string | number): RepoInvitationRecord {
    const inv = this.requireRepoInvitation(owner, repo, loginOrId);
    inv.expired = true;
    return inv;
  }

  deleteRepoInvitation(owner: string, repo: string, id: number): boolean {
    return this.requireRepo(owner, repo).invitations.delete(id);
  }

  /** A custom repository role of the organization, built on `base` (read, triage, write or maintain). */
  addCustomRepoRole(org: string, name: string, base: RepoBaseRole, opts: AddCustomRepoRoleOptions = {}): CustomRepoRoleRecord {
    return this.access.addCustomRepoRole(this.requireOrg(org), name, base, opts);
  }

  /** A custom organization role (the predefined ones exist from addOrg). */
  addOrgRole(org: string, name: string, opts: AddOrgRoleOptions = {}): OrgRoleRecord {
    return this.access.addOrgRole(this.requireOrg(org), name, opts);
  }

  listOrgRoles(org: string): OrgRoleRecord[] {
    return [...(this.getOrg(org)?.orgRoles.values() ?? [])];
  }

  getOrgRole(org: string, name: string): OrgRoleRecord | undefined {
    const o = this.getOrg(org);
    return o ? this.access.orgRoleByName(o, name) : undefined;
  }

  private requireOrgRole(org: string, name: string): OrgRoleRecord {
    const role = this.getOrgRole(org, name);
    if (!role) throw new Error(`no organization role ${name} in ${org}`);
    return role;
  }

  /** Assigns an organization role directly; like GitHub, only to active members. */
  assignOrgRole(org: string, login: string, roleName: string): OrgRoleRecord {
    const role = this.requireOrgRole(org, roleName);
    if (this.requireOrg(org).members.get(key(login))?.state !== "active") throw new Error(`${login} is not an active member of ${org}`);
    role.users.set(key(login), this.ensureUser(login));
    return role;
  }

  /** Assigns an organization role to a team: its members hold it indirectly. */
  assignOrgRoleToTeam(org: string, slug: string, roleName: string): OrgRoleRecord {
    const role = this.requireOrgRole(org, roleName);
    role.teams.add(this.requireTeam(org, slug));
    return role;
  }

  /** Who holds the role (direct, through teams, or both). */
  orgRoleHolders(org: string, roleName: string): OrgRoleAssignee[] {
    return this.access.orgRoleAssignees(this.requireOrgRole(org, roleName));
  }

  removeCollaborator(owner: string, repo: string, login: string): boolean {
    return this.requireRepo(owner, repo).collaborators.delete(key(login));
  }

  listCollaborators(owner: string, repo: string): CollaboratorRecord[] {
    return [...(this.getRepo(owner, repo)?.collaborators.values() ?? [])];
  }

  // --------------------------------------------------------- issues & pulls

  /** Seeds an issue (or creates one, as POST /repos/{owner}/{repo}/issues does after its checks). */
  addIssue(owner: string, repo: string, opts: AddIssueOptions): IssueRecord {
    const r = this.requireRepo(owner, repo);
    const issue = this.createIssue(r, this.ensureUser(opts.author), opts.title, opts.body ?? null, this.now());
    issue.labels = [...new Set((opts.labels ?? []).map((name) => this.ensureLabel(r, name)))];
    issue.assignees = [...new Set((opts.assignees ?? []).map((login) => this.ensureUser(login)))];
    if (opts.state === "closed") {
      issue.state = "closed";
      issue.closedAt = issue.createdAt;
    }
    return issue;
  }

  /** Issues of a repository, pull requests included (as GitHub lists them), by number. */
  listIssues(owner: string, repo: string): IssueRecord[] {
    return [...(this.getRepo(owner, repo)?.issues.values() ?? [])].sort((a, b) => a.number - b.number);
  }

  /** Seeds a label of a repository. */
  addLabel(owner: string, repo: string, name: string, opts: AddLabelOptions = {}): LabelRecord {
    const r = this.requireRepo(owner, repo);
    if (r.labels.has(key(name))) throw new Error(`label ${name} already exists in ${owner}/${repo}`);
    return this.createLabel(r, name, opts);
  }

  /** The repository's label of that name (case-insensitive), created when missing, as creating an issue does. */
  ensureLabel(repo: RepoRecord, name: string): LabelRecord {
    return repo.labels.get(key(name)) ?? this.createLabel(repo, name, {});
  }

  private createLabel(repo: RepoRecord, name: string, opts: AddLabelOptions): LabelRecord {
    const id = this.seq.label.take();
    const label: LabelRecord = {
      id,
      nodeId: legacyNodeId("Label", id),
      name,
      color: opts.color ?? "ededed",
      description: opts.description ?? null,
      isDefault: false,
    };
    repo.labels.set(key(name), label);
    return label;
  }

  private createIssue(repo: RepoRecord, user: AccountRecord, title: string, body: string | null, at: Date): IssueRecord {
    const id = this.seq.issue.take();
    const issue: IssueRecord = {
      id,
      nodeId: legacyNodeId("Issue", id),
      number: repo.nextIssueNumber++,
      repo,
      user,
      title,
      body,
      state: "open",
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      pull: null,
      labels: [],
      assignees: [],
    };
    repo.issues.set(issue.number, issue);
    return issue;
  }

  getIssue(owner: string, repo: string, number: number): IssueRecord | undefined {
    return this.getRepo(owner, repo)?.issues.get(number);
  }

  addPullRequest(owner: string, repo: string, opts: AddPullRequestOptions): PullRecord {
    const r = this.requireRepo(owner, repo);
    const createdAt = toDate(opts.createdAt, this.now());
    const author = this.ensureUser(opts.author);
    const issue = this.createIssue(r, author, opts.title ?? `Pull request from ${opts.head}`, opts.body ?? null, createdAt);
    const id = this.seq.pull.take();
    const pull: PullRecord = {
      id,
      nodeId: legacyNodeId("PullRequest", id),
      number: issue.number,
      issue,
      base: { ref: opts.base, sha: opts.baseSha ?? null },
      head: { ref: opts.head, sha: opts.headSha },
      draft: opts.draft ?? false,
      merged: false,
      mergeCommitSha: null,
      mergedAt: null,
      mergedBy: null,
      reviews: [],
      files: opts.files ?? null,
    };
    issue.pull = pull;
    this.associateCommit(owner, repo, opts.headSha, issue.number);
    if (opts.merged) {
      if (!opts.mergeCommitSha) throw new Error("a merged pull request needs mergeCommitSha");
      this.mergePullRequest(owner, repo, issue.number, {
        mergeCommitSha: opts.mergeCommitSha,
        ...(opts.mergedBy !== undefined ? { mergedBy: opts.mergedBy } : {}),
        ...(opts.mergedAt !== undefined ? { mergedAt: opts.mergedAt } : {}),
      });
    } else if (opts.state === "closed") {
      this.closePullRequest(owner, repo, issue.number);
    }
    return pull;
  }

  getPullRequest(owner: string, repo: string, number: number): PullRecord | undefined {
    return this.getIssue(owner, repo, number)?.pull ?? undefined;
  }

  private requirePull(owner: string, repo: string, number: number): PullRecord {
    const pull = this.getPullRequest(owner, repo, number);
    if (!pull) throw new Error(`no pull request ${owner}/${repo}#${number}`);
    return pull;
  }

  updatePullRequest(owner: string, repo: string, number: number, opts: UpdatePullRequestOptions): PullRecord {
    const pull = this.requirePull(owner, repo, number);
    if (opts.headSha !== undefined) {
      pull.head.sha = opts.headSha;
      this.associateCommit(owner, repo, opts.headSha, number);
    }
    if (opts.baseSha !== undefined) pull.base.sha = opts.baseSha;
    if (opts.title !== undefined) pull.issue.title = opts.title;
    if (opts.body !== undefined) pull.issue.body = opts.body;
    if (opts.draft !== undefined) pull.draft = opts.draft;
    pull.issue.updatedAt = this.now();
    return pull;
  }

  mergePullRequest(owner: string, repo: string, number: number, opts: MergePullRequestOptions): PullRecord {
    const pull = this.requirePull(owner, repo, number);
    const at = toDate(opts.mergedAt, this.now());
    pull.merged = true;
    pull.mergeCommitSha = opts.mergeCommitSha;
    pull.mergedAt = at;
    pull.mergedBy = opts.mergedBy !== undefined ? this.ensureUser(opts.mergedBy) : null;
    pull.issue.state = "closed";
    pull.issue.closedAt = at;
    pull.issue.updatedAt = at;
    this.associateCommit(owner, repo, opts.mergeCommitSha, number);
    return pull;
  }

  closePullRequest(owner: string, repo: string, number: number): PullRecord {
    const pull = this.requirePull(owner, repo, number);
    const at = this.now();
    pull.issue.state = "closed";
    pull.issue.closedAt = at;
    pull.issue.updatedAt = at;
    return pull;
  }

  reopenPullRequest(owner: string, repo: string, number: number): PullRecord {
    const pull = this.requirePull(owner, repo, number);
    pull.issue.state = "open";
    pull.issue.closedAt = null;
    pull.issue.updatedAt = this.now();
    return pull;
  }

  /** Records that `sha` belongs to pull request `prNumber` (commit -> PR lookup). */
  associateCommit(owner: string, repo: string, sha: string, prNumber: number): void {
    const r = this.requireRepo(owner, repo);
    const set = r.commitPulls.get(sha) ?? new Set<number>();
    set.add(prNumber);
    r.commitPulls.set(sha, set);
  }

  // ---------------------------------------------------------------- reviews

  addReview(owner: string, repo: string, number: number, opts: AddReviewOptions): ReviewRecord {
    const pull = this.requirePull(owner, repo, number);
    return this.createReview(pull, this.ensureUser(opts.user), {
      state: opts.state,
      body: opts.body ?? "",
      commitId: opts.commitId ?? pull.head.sha,
      submittedAt: opts.state === "PENDING" ? null : toDate(opts.submittedAt, this.now()),
    });
  }

  createReview(
    pull: PullRecord,
    user: AccountRecord,
    input: { state: ReviewState; body: string; commitId: string | null; submittedAt: Date | null },
  ): ReviewRecord {
    const id = this.seq.review.take();
    const review: ReviewRecord = {
      id,
      nodeId: legacyNodeId("PullRequestReview", id),
      pull,
      user,
      state: input.state,
      body: input.body,
      commitId: input.commitId,
      submittedAt: input.submittedAt,
    };
    pull.reviews.push(review);
    return review;
  }

  listReviews(owner: string, repo: string, number: number): ReviewRecord[] {
    return [...(this.getPullRequest(owner, repo, number)?.reviews ?? [])];
  }

  // --------------------------------------------------------------- comments

  createComment(issue: IssueRecord, user: AccountRecord, body: string): CommentRecord {
    const id = this.seq.comment.take();
    const at = this.now();
    const comment: CommentRecord = {
      id,
      nodeId: legacyNodeId("IssueComment", id),
      issue,
      user,
      body,
      createdAt: at,
      updatedAt: at,
    };
    this.comments.set(id, comment);
    return comment;
  }

  /** Seeds a comment on an issue or pull request. */
  addComment(owner: string, repo: string, number: number, user: string, body: string): CommentRecord {
    const issue = this.getIssue(owner, repo, number);
    if (!issue) throw new Error(`no issue or pull request ${owner}/${repo}#${number}`);
    return this.createComment(issue, this.ensureUser(user), body);
  }

  updateComment(comment: CommentRecord, body: string): CommentRecord {
    comment.body = body;
    comment.updatedAt = this.now();
    return comment;
  }

  deleteComment(comment: CommentRecord): void {
    this.comments.delete(comment.id);
  }

  getComment(id: number): CommentRecord | undefined {
    return this.comments.get(id);
  }

  /** Comments of a repository, or of one issue / pull request of it, oldest first. */
  listComments(owner: string, repo: string, number?: number): CommentRecord[] {
    const r = this.getRepo(owner, repo);
    if (!r) return [];
    return [...this.comments.values()].filter(
      (c) => c.issue.repo === r && (number === undefined || c.issue.number === number),
    );
  }

  // ------------------------------------------------------------ check runs

  /** The GitHub App behind a bot account ("slug[bot]"), created on first use. */
  appForAccount(account: AccountRecord): AppRecord | null {
    if (account.type !== "Bot") return null;
    const slug = account.login.replace(/\[bot\]$/, "");
    const existing = this.apps.get(slug);
    if (existing) return existing;
    const id = this.seq.app.take();
    const at = this.now();
    const app: AppRecord = {
      id,
      nodeId: legacyNodeId("App", id),
      slug,
      name: slug,
      owner: account,
      bot: account,
      createdAt: at,
      updatedAt: at,
    };
    this.apps.set(slug, app);
    return app;
  }

  private suiteFor(repo: RepoRecord, headSha: string, app: AppRecord | null): CheckSuiteRecord {
    const suiteKey = `${repo.id}:${headSha}:${app?.id ?? 0}`;
    let suite = this.checkSuites.get(suiteKey);
    if (!suite) {
      suite = { id: this.seq.checkSuite.take(), repo, headSha, app };
      this.checkSuites.set(suiteKey, suite);
    }
    return suite;
  }

  createCheckRun(repo: RepoRecord, app: AppRecord | null, headSha: string, input: CheckRunInput & { name: string }): CheckRunRecord {
    const id = this.seq.checkRun.take();
    const at = this.now();
    const run: CheckRunRecord = {
      id,
      nodeId: legacyNodeId("CheckRun", id),
      repo,
      suite: this.suiteFor(repo, headSha, app),
      app,
      headSha,
      name: input.name,
      status: "queued",
      conclusion: null,
      startedAt: at,
      completedAt: null,
      externalId: null,
      detailsUrl: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
    };
    this.applyCheckRunInput(run, input);
    this.checkRuns.set(id, run);
    return run;
  }

  updateCheckRun(run: CheckRunRecord, input: CheckRunInput): CheckRunRecord {
    this.applyCheckRunInput(run, input);
    return run;
  }

  /** GitHub's rules: a conclusion implies "completed"; annotations accumulate. */
  private applyCheckRunInput(run: CheckRunRecord, input: CheckRunInput): void {
    if (input.name !== undefined) run.name = input.name;
    if (input.details_url !== undefined) run.detailsUrl = input.details_url;
    if (input.external_id !== undefined) run.externalId = input.external_id;
    if (input.started_at !== undefined) run.startedAt = new Date(input.started_at);
    if (input.status !== undefined) run.status = input.status;
    if (input.conclusion !== undefined) {
      run.conclusion = input.conclusion;
      run.status = "completed";
    }
    if (input.completed_at !== undefined) run.completedAt = new Date(input.completed_at);
    if (run.status === "completed" && run.completedAt === null) run.completedAt = this.now();
    if (input.output) {
      const o = input.output;
      if (o.title !== undefined) run.output.title = o.title;
      if (o.summary !== undefined) run.output.summary = o.summary;
      if (o.text !== undefined) run.output.text = o.text;
      for (const a of o.annotations ?? []) {
        run.annotations.push({
          path: a.path,
          startLine: a.start_line,
          endLine: a.end_line,
          startColumn: a.start_column ?? null,
          endColumn: a.end_column ?? null,
          annotationLevel: a.annotation_level,
          message: a.message,
          title: a.title ?? null,
          rawDetails: a.raw_details ?? null,
        });
      }
    }
  }

  /** Seeds a check run (as the app of `opts.app`, default the default bot). */
  addCheckRun(owner: string, repo: string, opts: AddCheckRunOptions): CheckRunRecord {
    const r = this.requireRepo(owner, repo);
    const app = this.appForAccount(this.ensureUser(opts.app ?? DEFAULT_BOT_LOGIN));
    const { headSha, app: _app, ...input } = opts;
    return this.createCheckRun(r, app, headSha, input);
  }

  getCheckRun(id: number): CheckRunRecord | undefined {
    return this.checkRuns.get(id);
  }

  listCheckRuns(owner: string, repo: string, headSha?: string): CheckRunRecord[] {
    const r = this.getRepo(owner, repo);
    if (!r) return [];
    return [...this.checkRuns.values()].filter((c) => c.repo === r && (headSha === undefined || c.headSha === headSha));
  }

  // -------------------------------------------------------------- workflows

  /** The workflow of `.github/workflows/<file>`, registered (given an id) on first use. */
  workflowFor(repo: RepoRecord, file: string): WorkflowRecord {
    const path = `.github/workflows/${file}`;
    for (const w of this.workflows.values()) if (w.repo === repo && w.path === path) return w;
    const workflow: WorkflowRecord = { id: this.seq.workflow.take(), repo, path };
    this.workflows.set(workflow.id, workflow);
    return workflow;
  }

  /** The id GitHub gives `.github/workflows/<file>` (to dispatch by numeric id). */
  workflowId(owner: string, repo: string, file: string): number {
    return this.workflowFor(this.requireRepo(owner, repo), file).id;
  }

  recordWorkflowDispatch(workflow: WorkflowRecord, actor: AccountRecord, input: { ref: string; sha: string; inputs: Record<string, string> }): WorkflowDispatchRecord {
    const record: WorkflowDispatchRecord = { runId: this.seq.workflowRun.take(), workflow, ...input, actor, createdAt: this.now() };
    this.workflowDispatches.push(record);
    return record;
  }

  /** workflow_dispatch events of a repository (optionally of one workflow file), oldest first. */
  listWorkflowDispatches(owner: string, repo: string, file?: string): WorkflowDispatchRecord[] {
    const r = this.getRepo(owner, repo);
    if (!r) return [];
    return this.workflowDispatches.filter((d) => d.workflow.repo === r && (file === undefined || d.workflow.path === `.github/workflows/${file}`));
  }
}
