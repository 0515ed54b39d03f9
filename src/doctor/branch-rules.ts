/**
 * The default branch's rules, from classic branch protection and rulesets together (GitHub
 * applies both; a requirement is met when either source sets it): a pull request, code-owner
 * review, stale approvals dismissed, and the jit-access checks required. Then who can bypass
 * them: every bypass allowance and bypass actor is a risk, except the jit-access App itself
 * (it pushes the revocation commits of the expiry sweep).
 */
import { check } from "./check.js";
import type { DoctorCheck } from "./check.js";

export const REQUIRED_CHECKS = ["jit-access / validate", "jit-access / approvals"] as const;

export interface ClassicProtection {
  pullRequest: { codeOwners: boolean; dismissStale: boolean; lastPush: boolean; bypass: string[] } | null;
  statusChecks: string[];
  enforceAdmins: boolean;
  allowForcePushes: boolean;
}

export interface BypassActorView {
  actorType: string;
  actorId: number | null;
  bypassMode: string;
}

/** A ruleset that applies to the branch: its rules for the branch and who may bypass them. */
export interface BranchRuleset {
  id: number;
  name: string;
  source: string;
  rules: { type: string; parameters?: Record<string, unknown> }[];
  /** undefined: the token may not read them (not an admin) */
  bypassActors?: BypassActorView[];
}

export interface BranchRulesInput {
  owner: string;
  repo: string;
  branch: string;
  /** null: the branch is not protected */
  classic: ClassicProtection | null;
  /** the rulesets that apply to the branch */
  rulesets: BranchRuleset[];
  /** the jit-access App's id, when known (its own bypass is expected) */
  appId?: number;
  appSlug: string;
}

interface Requirement {
  label: string;
  met: string[];
}

export function rulesetFix(i: Pick<BranchRulesInput, "owner" | "repo">): string {
  const body = {
    name: "jit-access main",
    target: "branch",
    enforcement: "active",
    conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
    rules: [
      { type: "pull_request", parameters: { required_approving_review_count: 1, require_code_owner_review: true, dismiss_stale_reviews_on_push: true, require_last_push_approval: true, required_review_thread_resolution: false } },
      { type: "required_status_checks", parameters: { strict_required_status_checks_policy: false, required_status_checks: REQUIRED_CHECKS.map((context) => ({ context })) } },
      { type: "non_fast_forward" },
      { type: "deletion" },
    ],
  };
  return `Settings → Rules → Rulesets → New branch ruleset on the default branch, or:\ngh api --method POST repos/${i.owner}/${i.repo}/rulesets --input - <<'JSON'\n${JSON.stringify(body)}\nJSON`;
}

function describeActor(b: BypassActorView, i: BranchRulesInput): string {
  const mode = b.bypassMode === "always" ? "always" : b.bypassMode === "pull_request" ? "on pull requests" : b.bypassMode;
  switch (b.actorType) {
    case "OrganizationAdmin":
      return `organization owners (${mode})`;
    case "RepositoryRole":
      return `repository role id ${b.actorId} (${b.actorId === 5 ? "admin" : b.actorId === 4 ? "write" : b.actorId === 2 ? "maintain" : "a role"}; ${mode})`;
    case "Integration":
      return b.actorId === i.appId ? `the ${i.appSlug} App (${mode})` : `GitHub App id ${b.actorId} (${mode})`;
    case "DeployKey":
      return `deploy keys (${mode})`;
    default:
      return `${b.actorType} id ${b.actorId} (${mode})`;
  }
}

export function branchRuleChecks(i: BranchRulesInput): DoctorCheck[] {
  const c = i.classic;
  const rs = i.rulesets;
  const prRules = rs.flatMap((r) => r.rules.filter((x) => x.type === "pull_request").map((x) => ({ r, p: x.parameters ?? {} })));
  const where = (name: string) => `ruleset "${name}"`;
  const pr: Requirement = { label: "pull request required", met: [...(c?.pullRequest ? ["branch protection"] : []), ...prRules.map((x) => where(x.r.name))] };
  const owners: Requirement = { label: "code-owner review required", met: [...(c?.pullRequest?.codeOwners ? ["branch protection"] : []), ...prRules.filter((x) => x.p.require_code_owner_review === true).map((x) => where(x.r.name))] };
  const stale: Requirement = { label: "stale approvals dismissed on push", met: [...(c?.pullRequest?.dismissStale ? ["branch protection"] : []), ...prRules.filter((x) => x.p.dismiss_stale_reviews_on_push === true).map((x) => where(x.r.name))] };
  const checkSources = (context: string) => [
    ...(c?.statusChecks.includes(context) ? ["branch protection"] : []),
    ...rs.filter((r) => r.rules.some((x) => x.type === "required_status_checks" && ((x.parameters?.required_status_checks as { context: string }[] | undefined) ?? []).some((s) => s.context === context))).map((r) => where(r.name)),
  ];
  const checks: Requirement[] = REQUIRED_CHECKS.map((context) => ({ label: `status check "${context}" required`, met: checkSources(context) }));
  const required = [pr, owners, stale, ...checks];
  const details = required.map((q) => (q.met.length ? `✓ ${q.label} (${q.met.join(", ")})` : `✗ ${q.label}: not set`));
  const lastPush = (c?.pullRequest?.lastPush ?? false) || prRules.some((x) => x.p.require_last_push_approval === true);
  const forcePushBlocked = c ? !c.allowForcePushes : rs.some((r) => r.rules.some((x) => x.type === "non_fast_forward"));
  const advice: string[] = [];
  if (!lastPush) advice.push("approval of the most recent push is not required (recommended: a reviewer's approval then covers exactly what merges)");
  if (!forcePushBlocked && (c || rs.length)) advice.push("force pushes to the branch are allowed (recommended: block them: rule non_fast_forward, or branch protection's default)");
  const missing = required.filter((q) => q.met.length === 0);
  const head = !c && rs.length === 0 ? [`${i.branch} has no branch protection and no ruleset: anyone with write access can push to it and grant themselves access.`] : [];
  const status = missing.length ? "fail" : advice.length ? "warn" : "pass";
  const branchRules = check(
    "branch-rules",
    `${i.branch}'s rules require a pull request, code-owner review, fresh approvals and the jit-access checks`,
    status,
    [...head, ...details, ...advice.map((a) => `! ${a}`)],
    missing.length
      ? `Require on ${i.branch}: ${missing.map((q) => q.label).join("; ")}.\n${rulesetFix(i)}`
      : "In the ruleset (or branch protection) of the default branch: require approval of the most recent reviewable push, and block force pushes.",
  );

  // Who can bypass.
  const risks: string[] = [];
  const expected: string[] = [];
  const unreadable: string[] = [];
  const fixes: string[] = [];
  if (c) {
    if (!c.enforceAdmins) {
      risks.push("branch protection: repository admins can bypass it (\"Do not allow bypassing the above settings\" is off)");
      fixes.push(`gh api --method POST repos/${i.owner}/${i.repo}/branches/${i.branch}/protection/enforce_admins`);
    }
    for (const who of c.pullRequest?.bypass ?? []) risks.push(`branch protection: ${who} may merge without the required reviews`);
    if (c.pullRequest?.bypass.length) fixes.push(`Settings → Branches → ${i.branch} → clear "Allow specified actors to bypass required pull requests"`);
  }
  for (const r of rs) {
    if (r.bypassActors === undefined) {
      unreadable.push(`ruleset "${r.name}" (${r.source}): its bypass list is not readable with this token (needs admin on the repository)`);
      continue;
    }
    for (const b of r.bypassActors) {
      const text = `ruleset "${r.name}" (${r.source}): ${describeActor(b, i)} can bypass it`;
      if (b.actorType === "Integration" && i.appId !== undefined && b.actorId === i.appId) expected.push(`${text} — expected: the App pushes the expiry sweep's revocation commits`);
      else {
        risks.push(text);
        fixes.push(`Remove it: Settings → Rules → Rulesets → ${r.name} → Bypass list (keep only the ${i.appSlug} App)`);
      }
    }
  }
  const bypass = check(
    "bypass",
    `nobody can bypass ${i.branch}'s rules but the ${i.appSlug} App`,
    risks.length ? "fail" : unreadable.length ? "warn" : "pass",
    [...risks.map((r) => `✗ risk: ${r}`), ...unreadable.map((u) => `! ${u}`), ...expected.map((e) => `✓ ${e}`), ...(risks.length || unreadable.length || expected.length ? [] : ["no bypass allowances or bypass actors"])],
    risks.length ? [...new Set(fixes)].join("\n") : "Run jit doctor with a token of a repository admin.",
  );
  return [branchRules, bypass];
}
