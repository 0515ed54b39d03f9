/**
 * For `jit doctor`: is the branch-rule bypass that auto-approval needs limited to what the
 * rule needs? Pure over the repository's rulesets as `GET /repos/{o}/{r}/rulesets/{id}`
 * answers them (the shell fetches them; this judges), the App's id and whether the policy has
 * any autoApprove rule.
 *
 * What auto-approval needs: the default branch's ruleset requires a pull request with
 * code-owner review, and the App (only it: actor_type Integration, its id) is in its bypass
 * list with bypass_mode "pull_request" (merge a pull request without the review; never push
 * directly), on a ruleset that targets the default branch only. Anything wider is a finding.
 */

/** A repository ruleset as `GET /repos/{o}/{r}/rulesets/{id}` answers it (the part the checks read). */
export interface RepositoryRuleset {
  id: number;
  name: string;
  source_type?: string;
  source?: string;
  target?: string;
  enforcement: string;
  bypass_actors?: Array<{ actor_id: number | null; actor_type: string; bypass_mode?: string }>;
  conditions?: { ref_name?: { include?: string[]; exclude?: string[] } } | null;
  rules?: Array<{ type: string; parameters?: Record<string, unknown> }>;
}

export interface BypassFinding {
  code: "bypass-missing" | "bypass-unused" | "bypass-mode-always" | "bypass-extra-actor" | "bypass-too-wide" | "bypass-no-code-owner-review";
  severity: "error" | "warning";
  message: string;
  ruleset?: string;
}

export interface BypassCheckInput {
  rulesets: RepositoryRuleset[];
  defaultBranch: string;
  /** The GitHub App's id (the installation the workflow's token comes from). */
  appId: number;
  /** Does the policy in force have any autoApprove rule? */
  autoApproveInUse: boolean;
  /**
   * The App also pushes to the default branch itself (the expiry sweep's revocation commits),
   * which needs bypass_mode "always": then that mode and a bypass without autoApprove rules are
   * what the set-up needs, not findings.
   */
  appPushes?: boolean;
}

const isApp = (a: { actor_id: number | null; actor_type: string }, appId: number) => a.actor_type === "Integration" && a.actor_id === appId;

/** Does the ruleset cover the default branch, and only it? */
function coverage(r: RepositoryRuleset, branch: string): { covers: boolean; onlyDefault: boolean } {
  const include = r.conditions?.ref_name?.include ?? [];
  const names = new Set(["~DEFAULT_BRANCH", `refs/heads/${branch}`]);
  const covers = include.some((p) => names.has(p) || p === "~ALL" || (p.includes("*") && new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, ".*").replace(/(?<!\.)\*/g, "[^/]*")}$`).test(`refs/heads/${branch}`)));
  return { covers, onlyDefault: include.length > 0 && include.every((p) => names.has(p)) };
}

export function checkAutoApproveBypass(i: BypassCheckInput): BypassFinding[] {
  const out: BypassFinding[] = [];
  const active = i.rulesets.filter((r) => (r.target ?? "branch") === "branch" && r.enforcement === "active");
  const onDefault = active.filter((r) => coverage(r, i.defaultBranch).covers);
  const withApp = active.filter((r) => (r.bypass_actors ?? []).some((a) => isApp(a, i.appId)));
  if (!i.autoApproveInUse) {
    if (i.appPushes) return out;
    for (const r of withApp) out.push({ code: "bypass-unused", severity: "warning", ruleset: r.name, message: `The App (id ${i.appId}) may bypass ruleset '${r.name}', but the policy has no autoApprove rule: remove it from the bypass list.` });
    return out;
  }
  const reviewed = onDefault.filter((r) => (r.rules ?? []).some((x) => x.type === "pull_request" && x.parameters?.require_code_owner_review === true));
  if (reviewed.length === 0) out.push({ code: "bypass-no-code-owner-review", severity: "error", message: `No active ruleset on ${i.defaultBranch} requires a pull request with code-owner review: leases can be merged without anyone's review, and auto-approval limits nothing.` });
  for (const r of reviewed) {
    const app = (r.bypass_actors ?? []).find((a) => isApp(a, i.appId));
    if (!app) out.push({ code: "bypass-missing", severity: "error", ruleset: r.name, message: `The App (id ${i.appId}) is not in the bypass list of ruleset '${r.name}': it cannot merge auto-approved requests (they wait for review).` });
  }
  for (const r of withApp) {
    const app = (r.bypass_actors ?? []).find((a) => isApp(a, i.appId))!;
    if (app.bypass_mode !== "pull_request" && !i.appPushes) out.push({ code: "bypass-mode-always", severity: "error", ruleset: r.name, message: `The App bypasses ruleset '${r.name}' with bypass_mode '${app.bypass_mode ?? "always"}': it could push to ${i.defaultBranch} directly. Set it to 'pull_request' (merge pull requests only).` });
    if (!coverage(r, i.defaultBranch).onlyDefault) out.push({ code: "bypass-too-wide", severity: "error", ruleset: r.name, message: `Ruleset '${r.name}', which the App bypasses, applies to more than ${i.defaultBranch} (${(r.conditions?.ref_name?.include ?? []).join(", ") || "no branches"}): keep the App's bypass on a ruleset for the default branch only.` });
  }
  for (const r of reviewed) {
    for (const a of r.bypass_actors ?? []) {
      if (!isApp(a, i.appId)) out.push({ code: "bypass-extra-actor", severity: "warning", ruleset: r.name, message: `Ruleset '${r.name}' also lets ${a.actor_type}${a.actor_id !== null ? ` ${a.actor_id}` : ""} bypass code-owner review: only the App needs to (apply refuses unreviewed leases either way, but the bypass is wider than auto-approval needs).` });
    }
  }
  return out;
}
