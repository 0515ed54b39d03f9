/**
 * The emulator's records. Records reference each other directly (a team holds
 * its org, a pull request its issue) and are kept in the maps of
 * `EmulatorState`. Keys of login/slug/name maps are lower-cased, because
 * GitHub resolves them case-insensitively.
 *
 * Access records: organization invitations (which carry pending team
 * memberships), repository collaborators and invitations, custom repository
 * roles and organization roles live on `OrgRecord` / `RepoRecord`.
 */

export type AccountType = "User" | "Bot" | "Organization";
export type MembershipState = "active" | "pending";
export type OrgRole = "admin" | "member";
export type TeamRole = "member" | "maintainer";
export type TeamPrivacy = "closed" | "secret";
export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
export type CheckStatus = "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";
export type CheckConclusion =
  | "action_required"
  | "cancelled"
  | "failure"
  | "neutral"
  | "success"
  | "skipped"
  | "stale"
  | "timed_out";
export type AnnotationLevel = "notice" | "warning" | "failure";

export interface AccountRecord {
  id: number;
  nodeId: string;
  login: string;
  type: AccountType;
  name: string | null;
  email: string | null;
  siteAdmin: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** set by `EmulatorState.deleteUser` (the login no longer resolves; old records keep the object) */
  deleted?: boolean;
}

/** A public SSH key on a user's account (`GET /users/{username}/keys`). */
export interface SshKeyRecord {
  id: number;
  user: AccountRecord;
  /** "<type> <base64>": GitHub serves keys without their comment */
  key: string;
  createdAt: Date;
}

export interface OrgMemberRecord {
  user: AccountRecord;
  role: OrgRole;
  state: MembershipState;
}

/** The organization's base permission on its repositories ("none" = members get no access). */
export type OrgBasePermission = "none" | "read" | "write" | "admin";

export interface OrgRecord {
  account: AccountRecord;
  description: string | null;
  /** keyed by lower-cased login */
  members: Map<string, OrgMemberRecord>;
  /** keyed by lower-cased slug */
  teams: Map<string, TeamRecord>;
  defaultRepositoryPermission: OrgBasePermission;
  /** whether "list team members" includes `role` and `inherited` (a per-organization feature on GitHub) */
  teamMemberDetails: boolean;
  /** pending invitations, keyed by id */
  invitations: Map<number, OrgInvitationRecord>;
  /** lower-cased logins of users the organization blocked (or who blocked it) */
  blocked: Set<string>;
  /** custom repository roles, keyed by lower-cased name */
  customRepoRoles: Map<string, CustomRepoRoleRecord>;
  /** organization roles (predefined and custom), keyed by id */
  orgRoles: Map<number, OrgRoleRecord>;
}

/** `role` of an organization invitation as GitHub reports it. */
export type OrgInvitationRole = "direct_member" | "admin";

export interface OrgInvitationRecord {
  id: number;
  nodeId: string;
  org: OrgRecord;
  invitee: AccountRecord;
  inviter: AccountRecord;
  role: OrgInvitationRole;
  createdAt: Date;
  /** teams the invitee joins on acceptance (their team memberships are "pending" meanwhile) */
  teams: Set<TeamRecord>;
}

/** Base role of a custom repository role (GitHub's names). */
export type RepoBaseRole = "read" | "triage" | "write" | "maintain";

export interface CustomRepoRoleRecord {
  id: number;
  name: string;
  description: string | null;
  baseRole: RepoBaseRole;
  permissions: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface OrgRoleRecord {
  id: number;
  /** the organization that defined it; null for predefined roles */
  org: OrgRecord | null;
  name: string;
  description: string | null;
  baseRole: "read" | "triage" | "write" | "maintain" | "admin" | null;
  source: "Organization" | "Enterprise" | "Predefined";
  permissions: string[];
  createdAt: Date;
  updatedAt: Date;
  /** directly assigned users, keyed by lower-cased login */
  users: Map<string, AccountRecord>;
  /** teams assigned the role (their members hold it indirectly) */
  teams: Set<TeamRecord>;
}

export interface TeamMemberRecord {
  user: AccountRecord;
  role: TeamRole;
  state: MembershipState;
}

export interface TeamRecord {
  id: number;
  nodeId: string;
  org: OrgRecord;
  slug: string;
  name: string;
  description: string | null;
  privacy: TeamPrivacy;
  notificationSetting: "notifications_enabled" | "notifications_disabled";
  parent: TeamRecord | null;
  /** membership managed by an identity provider (team synchronization): the API refuses changes */
  idpSynced: boolean;
  /** keyed by lower-cased login */
  members: Map<string, TeamMemberRecord>;
  createdAt: Date;
  updatedAt: Date;
}

/** Built-in permission names, or the name of a custom repository role. */
export type RepoPermission = "pull" | "triage" | "push" | "maintain" | "admin" | (string & {});

export interface CollaboratorRecord {
  user: AccountRecord;
  permission: RepoPermission;
}

export interface RepoRecord {
  id: number;
  nodeId: string;
  owner: AccountRecord;
  name: string;
  description: string | null;
  private: boolean;
  defaultBranch: string;
  /** A git working tree or bare repository backing contents and diffs. */
  gitDir: string | null;
  createdAt: Date;
  updatedAt: Date;
  pushedAt: Date;
  /** Issues and pull requests share one number sequence, like GitHub. */
  issues: Map<number, IssueRecord>;
  nextIssueNumber: number;
  /** commit sha -> numbers of pull requests associated with it */
  commitPulls: Map<string, Set<number>>;
  /** keyed by lower-cased login */
  collaborators: Map<string, CollaboratorRecord>;
  /** pending (and expired) invitations, keyed by id */
  invitations: Map<number, RepoInvitationRecord>;
  /** when each invitation was sent (for GitHub's 50 per 24 hours limit) */
  invitationsSent: Date[];
  /** whether the Issues feature is on (off: creating an issue answers 410) */
  hasIssues: boolean;
  /** issue labels, keyed by lower-cased name */
  labels: Map<string, LabelRecord>;
}

export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  /** six hex digits, no "#" */
  color: string;
  description: string | null;
  /** one of GitHub's default labels (bug, documentation, ...) */
  isDefault: boolean;
}

export interface RepoInvitationRecord {
  id: number;
  nodeId: string;
  repo: RepoRecord;
  invitee: AccountRecord;
  inviter: AccountRecord;
  permission: RepoPermission;
  createdAt: Date;
  /** set by seeding; invitations also expire 7 days after creation */
  expired: boolean;
}

export interface IssueRecord {
  id: number;
  nodeId: string;
  number: number;
  repo: RepoRecord;
  user: AccountRecord;
  title: string;
  body: string | null;
  state: "open" | "closed";
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  pull: PullRecord | null;
  labels: LabelRecord[];
  assignees: AccountRecord[];
}

/** A changed file given by seeding, for repositories without a git directory. */
export interface DiffFileSeed {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  additions?: number;
  deletions?: number;
  previousFilename?: string;
  sha?: string | null;
  patch?: string;
}

export interface PullRecord {
  id: number;
  nodeId: string;
  /** the number shared with its issue */
  number: number;
  issue: IssueRecord;
  base: { ref: string; sha: string | null };
  head: { ref: string; sha: string };
  draft: boolean;
  merged: boolean;
  mergeCommitSha: string | null;
  mergedAt: Date | null;
  mergedBy: AccountRecord | null;
  reviews: ReviewRecord[];
  files: DiffFileSeed[] | null;
}

export interface ReviewRecord {
  id: number;
  nodeId: string;
  pull: PullRecord;
  user: AccountRecord;
  state: ReviewState;
  body: string;
  commitId: string | null;
  submittedAt: Date | null;
}

export interface CommentRecord {
  id: number;
  nodeId: string;
  issue: IssueRecord;
  user: AccountRecord;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface AppRecord {
  id: number;
  nodeId: string;
  slug: string;
  name: string;
  owner: AccountRecord;
  bot: AccountRecord;
  createdAt: Date;
  updatedAt: Date;
}

export interface CheckSuiteRecord {
  id: number;
  repo: RepoRecord;
  headSha: string;
  app: AppRecord | null;
}

export interface AnnotationRecord {
  path: string;
  startLine: number;
  endLine: number;
  startColumn: number | null;
  endColumn: number | null;
  annotationLevel: AnnotationLevel;
  message: string;
  title: string | null;
  rawDetails: string | null;
}

export interface CheckRunRecord {
  id: number;
  nodeId: string;
  repo: RepoRecord;
  suite: CheckSuiteRecord;
  app: AppRecord | null;
  headSha: string;
  name: string;
  status: CheckStatus;
  conclusion: CheckConclusion | null;
  startedAt: Date | null;
  completedAt: Date | null;
  externalId: string | null;
  detailsUrl: string | null;
  output: {
    title: string | null;
    summary: string | null;
    text: string | null;
  };
  /** every annotation sent so far (they accumulate across updates) */
  annotations: AnnotationRecord[];
}

/** A GitHub Actions workflow of a repository, known by its file (ids are given on first use). */
export interface WorkflowRecord {
  id: number;
  repo: RepoRecord;
  /** ".github/workflows/timer.yml" */
  path: string;
}

/** A `workflow_dispatch` event created through the API (the run it starts is not modelled). */
export interface WorkflowDispatchRecord {
  /** id of the workflow run GitHub would start (returned with `return_run_details`) */
  runId: number;
  workflow: WorkflowRecord;
  /** the ref as given ("main", "refs/heads/main", a tag) */
  ref: string;
  /** the commit the ref pointed at */
  sha: string;
  /** the inputs as sent (scalars as strings), without the workflow's defaults */
  inputs: Record<string, string>;
  actor: AccountRecord;
  createdAt: Date;
}
