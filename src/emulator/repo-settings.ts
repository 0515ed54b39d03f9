/**
 * Repository settings that decide who can change a branch and what Actions can use: classic
 * branch protection, rulesets, GitHub App installations and Actions secrets (names only;
 * values are never modelled). Seeded by tests through `state.settings`; read by the routes
 * in routes/branch-rules.ts, routes/installations.ts and routes/secrets.ts.
 *
 * Rulesets' `ref_name` conditions are matched as GitHub documents them: fnmatch patterns
 * on full ref names (`refs/heads/main`, `refs/heads/release/*`), plus `~DEFAULT_BRANCH` and
 * `~ALL`; a branch ruleset only ever matches branches (refs/heads/).
 */
import { IdSequence, legacyNodeId } from "./ids.js";
import type { AccountRecord, AppRecord, OrgRecord, RepoRecord, TeamRecord } from "./model.js";
import type { EmulatorState } from "./state.js";

export interface BranchProtectionSeed {
  /** null or absent: no pull request required */
  requiredPullRequestReviews?: {
    requireCodeOwnerReviews?: boolean;
    dismissStaleReviews?: boolean;
    requireLastPushApproval?: boolean;
    requiredApprovingReviewCount?: number;
    /** Who may merge without the reviews: logins, team slugs (of the repo's org), app slugs. */
    bypass?: { users?: string[]; teams?: string[]; apps?: string[] };
  } | null;
  requiredStatusChecks?: { strict?: boolean; checks: { context: string; appId?: number | null }[] } | null;
  enforceAdmins?: boolean;
  allowForcePushes?: boolean;
  allowDeletions?: boolean;
}

export interface BranchProtectionRecord {
  repo: RepoRecord;
  branch: string;
  pullRequestReviews: {
    requireCodeOwnerReviews: boolean;
    dismissStaleReviews: boolean;
    requireLastPushApproval: boolean;
    requiredApprovingReviewCount: number;
    bypassUsers: AccountRecord[];
    bypassTeams: TeamRecord[];
    bypassApps: AppRecord[];
  } | null;
  statusChecks: { strict: boolean; checks: { context: string; appId: number | null }[] } | null;
  enforceAdmins: boolean;
  allowForcePushes: boolean;
  allowDeletions: boolean;
}

export type RulesetTarget = "branch" | "tag" | "push";
export type RulesetEnforcement = "active" | "evaluate" | "disabled";
export type BypassActorType = "Integration" | "OrganizationAdmin" | "RepositoryRole" | "Team" | "DeployKey" | "User";

export interface RulesetRule {
  type: string;
  parameters?: Record<string, unknown>;
}

export interface BypassActor {
  actorType: BypassActorType;
  actorId: number | null;
  bypassMode: "always" | "pull_request" | "exempt";
}

export interface RulesetSeed {
  name: string;
  target?: RulesetTarget;
  enforcement?: RulesetEnforcement;
  /** ref_name condition (default include ["~DEFAULT_BRANCH"]) */
  include?: string[];
  exclude?: string[];
  rules: RulesetRule[];
  bypassActors?: (Omit<BypassActor, "bypassMode"> & { bypassMode?: BypassActor["bypassMode"] })[];
}

export interface RulesetRecord {
  id: number;
  nodeId: string;
  repo: RepoRecord;
  name: string;
  target: RulesetTarget;
  enforcement: RulesetEnforcement;
  include: string[];
  exclude: string[];
  rules: RulesetRule[];
  bypassActors: BypassActor[];
  createdAt: Date;
  updatedAt: Date;
}

export type PermissionLevel = "read" | "write" | "admin";

export interface InstallationSeed {
  permissions: Record<string, PermissionLevel>;
  events?: string[];
  repositorySelection?: "all" | "selected";
}

export interface InstallationRecord {
  id: number;
  app: AppRecord;
  account: AccountRecord;
  permissions: Record<string, PermissionLevel>;
  events: string[];
  repositorySelection: "all" | "selected";
  createdAt: Date;
  updatedAt: Date;
}

export interface SecretRecord {
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** GitHub stores secret names upper-cased. */
const secretName = (name: string) => name.toUpperCase();

function globToRegex(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        re += ".*";
        i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export class RepoSettings {
  private readonly ids = { ruleset: new IdSequence(), installation: new IdSequence() };
  private readonly protections = new Map<RepoRecord, Map<string, BranchProtectionRecord>>();
  readonly rulesets = new Map<number, RulesetRecord>();
  readonly installations = new Map<number, InstallationRecord>();
  private readonly repoSecrets = new Map<RepoRecord, Map<string, SecretRecord>>();
  private readonly environments = new Map<RepoRecord, Map<string, Map<string, SecretRecord>>>();
  private readonly orgSecrets = new Map<OrgRecord, Map<string, SecretRecord>>();

  constructor(
    private readonly state: EmulatorState,
    private readonly now: () => Date,
  ) {}

  private repo(owner: string, name: string): RepoRecord {
    const repo = this.state.getRepo(owner, name);
    if (!repo) throw new Error(`no repository ${owner}/${name}`);
    return repo;
  }

  // ------------------------------------------------------ branch protection

  protectBranch(owner: string, name: string, branch: string, seed: BranchProtectionSeed): BranchProtectionRecord {
    const repo = this.repo(owner, name);
    const reviews = seed.requiredPullRequestReviews;
    const org = this.state.getOrg(repo.owner.login);
    const record: BranchProtectionRecord = {
      repo,
      branch,
      pullRequestReviews: reviews
        ? {
            requireCodeOwnerReviews: reviews.requireCodeOwnerReviews ?? false,
            dismissStaleReviews: reviews.dismissStaleReviews ?? false,
            requireLastPushApproval: reviews.requireLastPushApproval ?? false,
            requiredApprovingReviewCount: reviews.requiredApprovingReviewCount ?? 1,
            bypassUsers: (reviews.bypass?.users ?? []).map((l) => this.state.ensureUser(l)),
            bypassTeams: (reviews.bypass?.teams ?? []).map((slug) => {
              const team = org?.teams.get(slug.toLowerCase());
              if (!team) throw new Error(`no team ${repo.owner.login}/${slug}`);
              return team;
            }),
            bypassApps: (reviews.bypass?.apps ?? []).map((slug) => this.state.appForAccount(this.state.ensureUser(`${slug}[bot]`))!),
          }
        : null,
      statusChecks: seed.requiredStatusChecks
        ? { strict: seed.requiredStatusChecks.strict ?? false, checks: seed.requiredStatusChecks.checks.map((c) => ({ context: c.context, appId: c.appId ?? null })) }
        : null,
      enforceAdmins: seed.enforceAdmins ?? false,
      allowForcePushes: seed.allowForcePushes ?? false,
      allowDeletions: seed.allowDeletions ?? false,
    };
    let byBranch = this.protections.get(repo);
    if (!byBranch) this.protections.set(repo, (byBranch = new Map()));
    byBranch.set(branch, record);
    return record;
  }

  unprotectBranch(owner: string, name: string, branch: string): boolean {
    return this.protections.get(this.repo(owner, name))?.delete(branch) ?? false;
  }

  branchProtection(repo: RepoRecord, branch: string): BranchProtectionRecord | undefined {
    return this.protections.get(repo)?.get(branch);
  }

  // --------------------------------------------------------------- rulesets

  addRuleset(owner: string, name: string, seed: RulesetSeed): RulesetRecord {
    const repo = this.repo(owner, name);
    const id = this.ids.ruleset.take();
    const at = this.now();
    const record: RulesetRecord = {
      id,
      nodeId: legacyNodeId("RepositoryRuleset", id),
      repo,
      name: seed.name,
      target: seed.target ?? "branch",
      enforcement: seed.enforcement ?? "active",
      include: seed.include ?? ["~DEFAULT_BRANCH"],
      exclude: seed.exclude ?? [],
      rules: seed.rules,
      bypassActors: (seed.bypassActors ?? []).map((b) => ({ actorType: b.actorType, actorId: b.actorType === "DeployKey" ? null : b.actorId, bypassMode: b.bypassMode ?? "always" })),
      createdAt: at,
      updatedAt: at,
    };
    this.rulesets.set(id, record);
    return record;
  }

  removeRuleset(id: number): boolean {
    return this.rulesets.delete(id);
  }

  listRulesets(repo: RepoRecord): RulesetRecord[] {
    return [...this.rulesets.values()].filter((r) => r.repo === repo);
  }

  /** Does a branch ruleset's ref_name condition select this branch? */
  matchesBranch(r: RulesetRecord, branch: string): boolean {
    if (r.target !== "branch") return false;
    const ref = `refs/heads/${branch}`;
    const matches = (p: string) => (p === "~ALL" ? true : p === "~DEFAULT_BRANCH" ? branch === r.repo.defaultBranch : globToRegex(p).test(ref));
    return r.include.some(matches) && !r.exclude.some(matches);
  }

  /** The active rulesets that apply to a branch (what GET /rules/branches/{branch} reports). */
  rulesetsForBranch(repo: RepoRecord, branch: string): RulesetRecord[] {
    return this.listRulesets(repo).filter((r) => r.enforcement === "active" && this.matchesBranch(r, branch));
  }

  // ---------------------------------------------------------- installations

  /** Installs the App `slug` (its bot is `slug[bot]`) on an organization. */
  installApp(org: string, slug: string, seed: InstallationSeed): InstallationRecord {
    const account = this.state.getOrg(org)?.account;
    if (!account) throw new Error(`no organization ${org}`);
    const app = this.state.appForAccount(this.state.ensureUser(`${slug}[bot]`))!;
    for (const i of this.installations.values()) if (i.app === app && i.account === account) this.installations.delete(i.id);
    const id = this.ids.installation.take();
    const at = this.now();
    const record: InstallationRecord = { id, app, account, permissions: { metadata: "read", ...seed.permissions }, events: seed.events ?? [], repositorySelection: seed.repositorySelection ?? "all", createdAt: at, updatedAt: at };
    this.installations.set(id, record);
    return record;
  }

  uninstallApp(org: string, slug: string): boolean {
    for (const i of this.installations.values()) {
      if (i.app.slug === slug && i.account.login.toLowerCase() === org.toLowerCase()) return this.installations.delete(i.id);
    }
    return false;
  }

  listInstallations(account: AccountRecord): InstallationRecord[] {
    return [...this.installations.values()].filter((i) => i.account === account);
  }

  // ---------------------------------------------------------------- secrets

  private newSecret(name: string): SecretRecord {
    const at = this.now();
    return { name: secretName(name), createdAt: at, updatedAt: at };
  }

  addSecret(owner: string, name: string, secret: string, opts: { environment?: string } = {}): SecretRecord {
    const repo = this.repo(owner, name);
    const record = this.newSecret(secret);
    if (opts.environment !== undefined) this.environmentSecretsMap(repo, opts.environment, true)!.set(record.name, record);
    else {
      let m = this.repoSecrets.get(repo);
      if (!m) this.repoSecrets.set(repo, (m = new Map()));
      m.set(record.name, record);
    }
    return record;
  }

  removeSecret(owner: string, name: string, secret: string, opts: { environment?: string } = {}): boolean {
    const repo = this.repo(owner, name);
    const m = opts.environment !== undefined ? this.environmentSecretsMap(repo, opts.environment, false) : this.repoSecrets.get(repo);
    return m?.delete(secretName(secret)) ?? false;
  }

  addEnvironment(owner: string, name: string, environment: string): void {
    this.environmentSecretsMap(this.repo(owner, name), environment, true);
  }

  /** An organization secret visible to every repository of the organization. */
  addOrgSecret(org: string, secret: string): SecretRecord {
    const o = this.state.getOrg(org);
    if (!o) throw new Error(`no organization ${org}`);
    const record = this.newSecret(secret);
    let m = this.orgSecrets.get(o);
    if (!m) this.orgSecrets.set(o, (m = new Map()));
    m.set(record.name, record);
    return record;
  }

  private environmentSecretsMap(repo: RepoRecord, environment: string, create: boolean): Map<string, SecretRecord> | undefined {
    let envs = this.environments.get(repo);
    if (!envs) {
      if (!create) return undefined;
      this.environments.set(repo, (envs = new Map()));
    }
    const key = [...envs.keys()].find((k) => k.toLowerCase() === environment.toLowerCase());
    if (key !== undefined) return envs.get(key);
    if (!create) return undefined;
    const m = new Map<string, SecretRecord>();
    envs.set(environment, m);
    return m;
  }

  repositorySecrets(repo: RepoRecord): SecretRecord[] {
    return [...(this.repoSecrets.get(repo)?.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** undefined when the environment does not exist */
  environmentSecrets(repo: RepoRecord, environment: string): SecretRecord[] | undefined {
    const m = this.environmentSecretsMap(repo, environment, false);
    return m ? [...m.values()].sort((a, b) => a.name.localeCompare(b.name)) : undefined;
  }

  organizationSecretsFor(repo: RepoRecord): SecretRecord[] {
    const org = this.state.getOrg(repo.owner.login);
    return [...((org && this.orgSecrets.get(org)?.values()) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  }
}
