/**
 * The emulator's records. Records reference each other directly (a team holds
 * its org, a pull request its issue) and are kept in the maps of
 * `EmulatorState`. Keys of login/slug/name maps are lower-cased, because
 * GitHub resolves them case-insensitively.
 *
 * Room to grow: repository collaborators are already here; invitations,
 * custom repository roles and organization roles belong as further maps on
 * `OrgRecord` / `RepoRecord` (e.g. `customRepoRoles: Map<string, ...>`,
 * `orgRoles: Map<number, ...>`, `invitations: Map<number, ...>`).
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
  /** A deleted (ghost) account: lookups answer 404. */
  deleted?: boolean;
  /** Organizations (lower-cased logins) this user has blocked, so they cannot add them. */
  blocked?: Set<string>;
}

export interface OrgMemberRecord {
  user: AccountRecord;
  role: OrgRole;
  state: MembershipState;
}

export interface OrgRecord {
  account: AccountRecord;
  description: string | null;
  /** keyed by lower-cased login */
  members: Map<string, OrgMemberRecord>;
  /** keyed by lower-cased slug */
  teams: Map<string, TeamRecord>;
}

/** A pending organization invitation (created e.g. by adding a non-member to a team). */
export interface InvitationRecord {
  id: number;
  org: OrgRecord;
  user: AccountRecord;
  inviter: AccountRecord;
  role: "direct_member" | "admin" | "billing_manager";
  createdAt: Date;
  teams: TeamRecord[];
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
  /** Membership managed by an identity provider (team sync): the API refuses changes. */
  idpSynced?: boolean;
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

/** A pending invitation to collaborate on a repository. */
export interface RepoInvitationRecord {
  id: number;
  repo: RepoRecord;
  invitee: AccountRecord;
  inviter: AccountRecord;
  permission: RepoPermission;
  createdAt: Date;
  expired: boolean;
}

/** An organization role (built-in or custom) and who holds it directly. */
export interface OrgRoleRecord {
  id: number;
  org: OrgRecord;
  name: string;
  description: string | null;
  permissions: string[];
  createdAt: Date;
  /** lower-cased login → account */
  users: Map<string, AccountRecord>;
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
