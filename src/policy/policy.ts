/** The policy document (v1) as written, and the per-resource settings after defaults apply. */
export type ProviderConfig =
  | { type: "github-team"; org: string; team: string }
  | { type: "github-repo"; owner: string; repo: string }
  | { type: "github-org-role"; org: string }
  | PostgresConfig
  | SshCertificateConfig
  | CommandConfig;

/** Database role and login names jit-access writes: lower case, digits, _ and -, at most 63 bytes (PostgreSQL's limit). */
export const POSTGRES_NAME = /^[a-z_][a-z0-9_-]{0,62}$/;

/** A PostgreSQL database (see src/providers/postgres.ts). */
export interface PostgresConfig {
  type: "postgres";
  /** The GitHub organization whose members may request by default (as for GitHub targets). */
  org: string;
  /** The environment variable that holds the admin connection string (a secret, mapped by the workflow). */
  connection: { env: string };
  /** elevate: the grantee's own login gets the role; ephemeral: a login made for the lease; checkout: a shared login, one holder at a time. */
  access: "elevate" | "ephemeral" | "checkout";
  /** elevate: GitHub login → database login (`map` first, then `pattern` with {login}; default pattern "{login}"). */
  logins?: { map?: Record<string, string>; pattern?: string };
  /** ephemeral: name prefix of the logins made (default "jit"). */
  prefix?: string;
}

/** OpenSSH user certificate extensions a resource may grant (src/ssh/user-certificate.ts). */
export type SshExtension = "no-touch-required" | "permit-X11-forwarding" | "permit-agent-forwarding" | "permit-port-forwarding" | "permit-pty" | "permit-user-rc";

/** SSH access by short-lived OpenSSH user certificates (see src/providers/ssh-certificate.ts). */
export interface SshCertificateConfig {
  type: "ssh-certificate";
  /** The GitHub organization whose members may request by default. */
  org: string;
  /** The environment variable holding the CA's private key (OpenSSH format, ssh-ed25519), mapped from an Actions secret. */
  ca: { env: string };
  /** The certificate's extensions (default: permit-pty only: no port, agent or X11 forwarding). */
  extensions?: SshExtension[];
  /** The certificate's source-address critical option: the addresses (CIDR) it may be used from. */
  sourceAddress?: string[];
  /** Where grantees log in, shown with the certificate (informational). */
  hosts?: string[];
}

/** Principal names a certificate may carry: no spaces or commas (AuthorizedPrincipalsFile lines, ssh-keygen -n lists). */
export const SSH_PRINCIPAL = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,99}$/;

/** A command in the access repo that manages the target (see src/providers/command.ts). */
export interface CommandConfig {
  type: "command";
  /** The GitHub organization whose members may request by default. */
  org: string;
  /** The executable, a path in the access repo (committed on the default branch; owned by the admins in CODEOWNERS). */
  run: string;
  /** Arguments given to it. */
  args?: string[];
  /** Environment variables it receives (besides PATH), e.g. secrets the workflow maps. */
  env?: string[];
  /** Seconds it may run per call (default 30, at most 300). */
  timeout?: number;
}

/** Environment variables no command may receive: the bot's own credentials. */
export const COMMAND_ENV_REFUSED = /^(?:GITHUB_TOKEN|GH_TOKEN|JIT_EVIDENCE_KEY|ACTIONS_[A-Z0-9_]*|INPUT_[A-Z0-9_]*)$/;

export interface ScheduleWindow {
  days: Array<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun">;
  hours: string;
}
export interface Schedule {
  timezone: string;
  windows: ScheduleWindow[];
}

export interface BreakGlassSettings {
  allowed: boolean;
  maxDuration?: string;
  reviewWithin?: string;
}

export interface Settings {
  maxDuration?: string;
  requiredApprovals?: number;
  requesters?: string[];
  requireTicket?: boolean;
  ticketPattern?: string;
  minReasonLength?: number;
  schedule?: Schedule;
  maxScheduleAhead?: string;
  maxExtensions?: number;
  maxTotalDuration?: string;
  allowRequestFor?: boolean | string[];
  breakGlass?: BreakGlassSettings;
  mode?: "exclusive" | "additive";
  revocation?: "sweep" | "timer";
  remindBefore?: string;
  extendAfter?: number;
  /** Refuse grantees without two-factor authentication on GitHub (default true). */
  requireTwoFactor?: boolean;
}

/**
 * A rule under which a request needs no human review (see src/approval/auto-approval.ts): who
 * asks, which roles, how long, when, and how many per person per week.
 */
export interface AutoApproveRuleDoc {
  name: string;
  requesters: string[];
  roles?: string[];
  maxDuration?: string;
  schedule?: Schedule;
  maxPerWeek?: number;
}

export interface AutoApproveRule {
  name: string;
  requesters: string[];
  /** Roles it covers (default: every role of the resource). */
  roles: string[];
  /** Longest lease it covers (default: the resource's maxDuration). */
  maxDurationMinutes: number;
  schedule?: Schedule;
  /** At most this many leases auto-approved by this rule per grantee in any 7 days. */
  maxPerWeek?: number;
}

export interface ApprovalRule {
  from: string[];
  count?: number;
}

export interface StandingGrant {
  grantee: string;
  role: string;
  /** Last review, YYYY-MM-DD (UTC); see src/review/review-due.ts. */
  reviewed?: string;
  /** Review interval, e.g. 90d (default: the policy's reviews.every). */
  reviewEvery?: string;
}

export interface ResourceDoc extends Settings {
  description?: string;
  provider: ProviderConfig;
  roles: string[];
  approvers?: string[];
  approvals?: ApprovalRule[];
  standing?: StandingGrant[];
  autoApprove?: AutoApproveRuleDoc[];
}

export interface PolicyDoc {
  version: 1;
  admins: string[];
  groups?: Record<string, string[]>;
  defaults?: Settings;
  /** Access reviews of standing entries. */
  reviews?: { every?: string };
  /** Thresholds of the audit's anomaly findings (src/audit/anomalies.ts). */
  anomalies?: AnomaliesDoc;
  reconcile?: { driftBound?: string; sweepEvery?: string };
  resources: Record<string, ResourceDoc>;
}

/** A resource with every setting resolved (resource, then defaults, then built-in defaults). */
export interface Resource {
  id: string;
  description?: string;
  provider: ProviderConfig;
  roles: string[];
  approvalRules: Array<{ from: string[]; count: number }>;
  standing: StandingGrant[];
  maxDurationMinutes: number;
  requesters?: string[];
  requireTicket: boolean;
  ticketPattern?: string;
  minReasonLength: number;
  schedule?: Schedule;
  maxScheduleAheadMinutes: number;
  maxExtensions: number;
  maxTotalDurationMinutes: number;
  allowRequestFor: boolean | string[];
  breakGlass: { allowed: boolean; maxDurationMinutes: number; reviewWithinMinutes: number };
  mode: "exclusive" | "additive";
  revocation: "sweep" | "timer";
  remindBeforeMinutes: number;
  extendAfter: number;
  requireTwoFactor: boolean;
  autoApprove: AutoApproveRule[];
}

export interface Policy {
  admins: string[];
  groups: Record<string, string[]>;
  resources: Map<string, Resource>;
  /** Default review interval of standing entries, minutes (reviews.every); absent: none. */
  reviewEveryMinutes?: number;
  /** Anomaly thresholds, defaults applied. */
  anomalies: AnomalyThresholds;
  /** How runs share the API budget (minutes): the drift bound and the sweep interval; defaults apply when unset. */
  reconcile?: { driftBoundMinutes?: number; sweepEveryMinutes?: number };
}

/** The anomaly thresholds as written (every field optional). */
export interface AnomaliesDoc {
  frequentElevation?: { enabled?: boolean; days?: number; window?: string };
  approverConcentration?: { enabled?: boolean; share?: number; minLeases?: number; window?: string };
  breakGlassFrequency?: { enabled?: boolean; max?: number; window?: string };
  longTotal?: { enabled?: boolean; perMonth?: string };
}

/** The anomaly thresholds with defaults applied; a disabled finding is absent. Durations in minutes. */
export interface AnomalyThresholds {
  frequentElevation?: { days: number; windowMinutes: number };
  approverConcentration?: { share: number; minLeases: number; windowMinutes: number };
  breakGlassFrequency?: { max: number; windowMinutes: number };
  longTotal?: { perMonthMinutes: number };
}

export const ANOMALY_DEFAULTS = {
  frequentElevation: { days: 10, window: "14d" },
  approverConcentration: { share: 0.8, minLeases: 5, window: "90d" },
  breakGlassFrequency: { max: 2, window: "30d" },
  longTotal: { perMonth: "80h" },
} as const;

export const BUILT_IN_DEFAULTS = {
  maxDuration: "8h",
  requiredApprovals: 1,
  minReasonLength: 10,
  requireTicket: false,
  maxScheduleAhead: "7d",
  maxExtensions: 0,
  allowRequestFor: false,
  breakGlassMaxDuration: "1h",
  breakGlassReviewWithin: "24h",
  mode: "exclusive",
  revocation: "sweep",
  remindBefore: "30m",
  extendAfter: 0,
  requireTwoFactor: true,
} as const;

/** Does a grant on this target make a credential the grantee must receive (encrypted to their SSH keys)? */
export function issuesCredentials(p: ProviderConfig): boolean {
  return p.type === "postgres" && p.access !== "elevate";
}

/** Where the organization of a resource lives: default requesters are its members. */
export function resourceOrg(p: ProviderConfig): string {
  return p.type === "github-repo" ? p.owner : p.org;
}

/** A stable key for "the same target", used to refuse two resources managing one thing. */
export function targetKey(p: ProviderConfig): string {
  switch (p.type) {
    case "github-team":
      return `github-team:${p.org.toLowerCase()}/${p.team.toLowerCase()}`;
    case "github-repo":
      return `github-repo:${p.owner.toLowerCase()}/${p.repo.toLowerCase()}`;
    case "github-org-role":
      return `github-org-role:${p.org.toLowerCase()}`;
    case "postgres":
      // One elevate resource per database (two would fight over the same memberships);
      // ephemeral logins are marked with their resource, checkouts name their accounts.
      return p.access === "elevate" ? `postgres:${p.connection.env}:elevate` : p.access === "ephemeral" ? `postgres:${p.connection.env}:ephemeral:${p.prefix ?? "jit"}` : `postgres:${p.connection.env}:checkout`;
    case "ssh-certificate":
      // One resource per CA: its KRL is the resource's, and servers trust the CA as a whole.
      return `ssh-certificate:${p.ca.env}`;
    case "command":
      // The same executable with the same arguments manages the same thing.
      return `command:${p.run}${p.args?.length ? ` ${JSON.stringify(p.args)}` : ""}`;
  }
}
