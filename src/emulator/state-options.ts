/** Inputs of the seeding and mutation methods of `EmulatorState`. */
import type {
  AnnotationLevel,
  CheckConclusion,
  CheckStatus,
  DiffFileSeed,
  OrgBasePermission,
  OrgInvitationRole,
  OrgRoleRecord,
  ReviewState,
  TeamPrivacy,
  TeamRole,
} from "./model.js";

export interface AddUserOptions {
  type?: "User" | "Bot";
  name?: string;
  email?: string;
  siteAdmin?: boolean;
}

export interface AddSshKeyOptions {
  createdAt?: TimeInput;
}

export interface AddOrgOptions {
  name?: string;
  description?: string;
  /** base permission of members on the org's repositories (default "read") */
  defaultRepositoryPermission?: OrgBasePermission;
  /**
   * Whether "list team members" reports each member's `role` and `inherited` (GitHub: only
   * "when the feature is enabled for the organization"). Default true.
   */
  teamMemberDetails?: boolean;
  /** Seed GitHub's predefined organization roles (all_repo_read ... security_manager). Default true. */
  predefinedOrgRoles?: boolean;
}

export interface InviteToOrgOptions {
  role?: OrgInvitationRole;
  /** teams joined on acceptance, with the role in each (default member) */
  teams?: Array<string | { slug: string; role: TeamRole }>;
  /** login of the inviter (default the default bot) */
  inviter?: string;
}

export interface AddCustomRepoRoleOptions {
  description?: string;
  permissions?: string[];
}

export interface AddOrgRoleOptions {
  description?: string;
  permissions?: string[];
  baseRole?: OrgRoleRecord["baseRole"];
}

export interface AddTeamOptions {
  name?: string;
  description?: string;
  privacy?: TeamPrivacy;
  parentSlug?: string;
  /** Membership synced from an identity provider: the API refuses membership changes (403). */
  idpSynced?: boolean;
}

export interface AddRepoOptions {
  gitDir?: string;
  defaultBranch?: string;
  private?: boolean;
  description?: string;
  /** the Issues feature (default on); off, creating an issue answers 410 */
  hasIssues?: boolean;
}

export type TimeInput = Date | string;

export interface AddPullRequestOptions {
  author: string;
  /** base branch name */
  base: string;
  baseSha?: string;
  /** head branch name */
  head: string;
  headSha: string;
  title?: string;
  body?: string;
  state?: "open" | "closed";
  draft?: boolean;
  merged?: boolean;
  mergeCommitSha?: string;
  mergedAt?: TimeInput;
  mergedBy?: string;
  createdAt?: TimeInput;
  /** Changed files, for repositories without a git directory. */
  files?: DiffFileSeed[];
}

export interface UpdatePullRequestOptions {
  headSha?: string;
  baseSha?: string;
  title?: string;
  body?: string;
  draft?: boolean;
}

export interface MergePullRequestOptions {
  mergeCommitSha: string;
  mergedBy?: string;
  mergedAt?: TimeInput;
}

export interface AddIssueOptions {
  author: string;
  title: string;
  body?: string;
  state?: "open" | "closed";
  /** label names; labels the repository does not have yet are created */
  labels?: string[];
  /** logins */
  assignees?: string[];
}

export interface AddLabelOptions {
  /** six hex digits (default "ededed", GitHub's grey) */
  color?: string;
  description?: string;
}

export interface AddReviewOptions {
  user: string;
  state: ReviewState;
  /** defaults to the pull request's current head sha */
  commitId?: string;
  submittedAt?: TimeInput;
  body?: string;
}

export interface AnnotationInput {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunInput {
  name?: string;
  details_url?: string;
  external_id?: string;
  status?: CheckStatus;
  conclusion?: CheckConclusion;
  started_at?: string;
  completed_at?: string;
  output?: {
    title?: string;
    summary?: string;
    text?: string;
    annotations?: AnnotationInput[];
  };
}

export interface AddCheckRunOptions extends CheckRunInput {
  name: string;
  headSha: string;
  /** login of the bot whose app owns the run; defaults to the default bot */
  app?: string;
}
