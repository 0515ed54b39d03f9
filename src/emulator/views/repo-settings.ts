/** JSON representations of branch protection, rulesets, installations and secrets. */
import type { EmulatorEnv } from "../env.js";
import { seg } from "../links.js";
import type { BranchProtectionRecord, InstallationRecord, RulesetRecord, SecretRecord } from "../repo-settings.js";
import { isoTimestamp } from "../timestamps.js";
import { simpleUser } from "./accounts.js";
import { integration } from "./checks.js";
import { repoApiUrl, repoHtmlUrl } from "./repos.js";
import { team } from "./teams.js";

const enabled = (on: boolean) => ({ enabled: on });

/** `branch-protection` as GET .../branches/{branch}/protection answers it. */
export function branchProtection(env: EmulatorEnv, p: BranchProtectionRecord): Record<string, unknown> {
  const url = `${repoApiUrl(env.links, p.repo)}/branches/${seg(p.branch)}/protection`;
  const body: Record<string, unknown> = { url };
  if (p.statusChecks) {
    body.required_status_checks = {
      url: `${url}/required_status_checks`,
      strict: p.statusChecks.strict,
      contexts: p.statusChecks.checks.map((c) => c.context),
      contexts_url: `${url}/required_status_checks/contexts`,
      checks: p.statusChecks.checks.map((c) => ({ context: c.context, app_id: c.appId })),
    };
  }
  const r = p.pullRequestReviews;
  if (r) {
    body.required_pull_request_reviews = {
      url: `${url}/required_pull_request_reviews`,
      dismiss_stale_reviews: r.dismissStaleReviews,
      require_code_owner_reviews: r.requireCodeOwnerReviews,
      required_approving_review_count: r.requiredApprovingReviewCount,
      require_last_push_approval: r.requireLastPushApproval,
      ...(r.bypassUsers.length || r.bypassTeams.length || r.bypassApps.length
        ? {
            bypass_pull_request_allowances: {
              users: r.bypassUsers.map((u) => simpleUser(env.links, u)),
              teams: r.bypassTeams.map((t) => team(env.links, t)),
              apps: r.bypassApps.map((a) => integration(env, a)),
            },
          }
        : {}),
    };
  }
  body.required_signatures = { url: `${url}/required_signatures`, enabled: false };
  body.enforce_admins = { url: `${url}/enforce_admins`, enabled: p.enforceAdmins };
  body.required_linear_history = enabled(false);
  body.allow_force_pushes = enabled(p.allowForcePushes);
  body.allow_deletions = enabled(p.allowDeletions);
  body.block_creations = enabled(false);
  body.required_conversation_resolution = enabled(false);
  body.lock_branch = enabled(false);
  body.allow_fork_syncing = enabled(false);
  return body;
}

function rulesetLinks(env: EmulatorEnv, r: RulesetRecord) {
  return {
    self: { href: `${repoApiUrl(env.links, r.repo)}/rulesets/${r.id}` },
    html: { href: `${repoHtmlUrl(env.links, r.repo)}/rules/${r.id}` },
  };
}

/** An item of GET /repos/{o}/{r}/rulesets: no rules, conditions or bypass actors. */
export function rulesetSummary(env: EmulatorEnv, r: RulesetRecord): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    target: r.target,
    source_type: "Repository",
    source: `${r.repo.owner.login}/${r.repo.name}`,
    enforcement: r.enforcement,
    node_id: r.nodeId,
    _links: rulesetLinks(env, r),
    created_at: isoTimestamp(r.createdAt),
    updated_at: isoTimestamp(r.updatedAt),
  };
}

/**
 * GET /repos/{o}/{r}/rulesets/{id}: everything; `bypass_actors` only for callers who may edit
 * the ruleset (repository admins), as GitHub does.
 */
export function rulesetFull(env: EmulatorEnv, r: RulesetRecord, o: { admin: boolean; canBypass: "always" | "pull_requests_only" | "never" | "exempt" }): Record<string, unknown> {
  return {
    ...rulesetSummary(env, r),
    ...(o.admin ? { bypass_actors: r.bypassActors.map((b) => ({ actor_id: b.actorId, actor_type: b.actorType, bypass_mode: b.bypassMode })) } : {}),
    current_user_can_bypass: o.canBypass,
    conditions: { ref_name: { include: r.include, exclude: r.exclude } },
    rules: r.rules.map((rule) => ({ type: rule.type, ...(rule.parameters ? { parameters: rule.parameters } : {}) })),
  };
}

/** An item of GET /repos/{o}/{r}/rules/branches/{branch}. */
export function ruleForBranch(r: RulesetRecord, rule: RulesetRecord["rules"][number]): Record<string, unknown> {
  return {
    type: rule.type,
    ...(rule.parameters ? { parameters: rule.parameters } : {}),
    ruleset_source_type: "Repository",
    ruleset_source: `${r.repo.owner.login}/${r.repo.name}`,
    ruleset_id: r.id,
  };
}

/** `installation` */
export function installation(env: EmulatorEnv, i: InstallationRecord): Record<string, unknown> {
  return {
    id: i.id,
    account: simpleUser(env.links, i.account),
    repository_selection: i.repositorySelection,
    access_tokens_url: env.links.api(`/app/installations/${i.id}/access_tokens`),
    repositories_url: env.links.api("/installation/repositories"),
    html_url: env.links.html(`/organizations/${seg(i.account.login)}/settings/installations/${i.id}`),
    app_id: i.app.id,
    client_id: `Iv1.${String(i.app.id).padStart(16, "0")}`,
    app_slug: i.app.slug,
    target_id: i.account.id,
    target_type: i.account.type,
    permissions: i.permissions,
    events: i.events,
    created_at: isoTimestamp(i.createdAt),
    updated_at: isoTimestamp(i.updatedAt),
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

/** `actions-secret` (a name and dates; values are never readable). */
export function actionsSecret(s: SecretRecord): Record<string, unknown> {
  return { name: s.name, created_at: isoTimestamp(s.createdAt), updated_at: isoTimestamp(s.updatedAt) };
}
