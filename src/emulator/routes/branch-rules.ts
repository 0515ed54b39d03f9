/**
 * Branch protection and rulesets: GET .../branches/{branch}/protection (repository admins
 * only; 404 "Branch not protected" when it is not), GET .../rules/branches/{branch} (the
 * active rules that apply to a branch, for anyone who can read the repository),
 * GET .../rulesets and GET .../rulesets/{ruleset_id} (bypass actors shown to admins only).
 * Writing them is not modelled: tests seed them through `state.settings`.
 */
import { notFound } from "../errors.js";
import type { AccountRecord } from "../model.js";
import { paginate } from "../pagination.js";
import type { RulesetRecord } from "../repo-settings.js";
import { repoPermissions } from "../repo-access.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { branchProtection, ruleForBranch, rulesetFull, rulesetSummary } from "../views/repo-settings.js";
import { intParam, isOrgAdmin, param, requireIdentity, requireRepo } from "./lookup.js";

async function requireBranch(ctx: RouteContext, repo: ReturnType<typeof requireRepo>, branch: string): Promise<void> {
  const git = ctx.env.git(repo);
  if (git && !(await git.resolveCommit(`refs/heads/${branch}`))) throw notFound(docsUrl(ctx.route), "Branch not found");
}

/** GitHub's predefined repository role ids (RepositoryRole bypass actors): 5 is admin. */
const REPOSITORY_ROLE_ADMIN = 5;

function canBypass(ctx: RouteContext, r: RulesetRecord, who: AccountRecord | null): "always" | "pull_requests_only" | "never" | "exempt" {
  if (!who) return "never";
  const org = ctx.env.state.getOrg(r.repo.owner.login);
  const app = ctx.env.state.apps.get(who.login.replace(/\[bot\]$/, ""));
  const admin = repoPermissions(ctx.env.state, r.repo, who).admin;
  for (const b of r.bypassActors) {
    const hit =
      (b.actorType === "User" && b.actorId === who.id) ||
      (b.actorType === "OrganizationAdmin" && org !== undefined && who.type !== "Bot" && isOrgAdmin(org, who)) ||
      (b.actorType === "RepositoryRole" && b.actorId === REPOSITORY_ROLE_ADMIN && admin && who.type !== "Bot") ||
      (b.actorType === "Integration" && who.type === "Bot" && app?.id === b.actorId) ||
      (b.actorType === "Team" && org !== undefined && [...org.teams.values()].some((t) => t.id === b.actorId && t.members.get(who.login.toLowerCase())?.state === "active"));
    if (hit) return b.bypassMode === "pull_request" ? "pull_requests_only" : b.bypassMode;
  }
  return "never";
}

export const branchRuleRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/branches/{branch}/protection",
    operationId: "repos/get-branch-protection",
    docs: "branches/branch-protection#get-branch-protection",
    handler: async (ctx) => {
      const who = requireIdentity(ctx);
      const repo = requireRepo(ctx);
      if (!repoPermissions(ctx.env.state, repo, who).admin) throw notFound(docsUrl(ctx.route));
      const branch = param(ctx, "branch");
      await requireBranch(ctx, repo, branch);
      const p = ctx.env.state.settings.branchProtection(repo, branch);
      if (!p) throw notFound(docsUrl(ctx.route), "Branch not protected");
      return { status: 200, body: branchProtection(ctx.env, p) };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/rules/branches/{branch}",
    operationId: "repos/get-branch-rules",
    docs: "repos/rules#get-rules-for-a-branch",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const rules = ctx.env.state.settings.rulesetsForBranch(repo, param(ctx, "branch")).flatMap((r) => r.rules.map((rule) => ruleForBranch(r, rule)));
      const page = paginate(ctx.url, ctx.env.links.apiBase, rules);
      return { status: 200, body: page.items, headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/rulesets",
    operationId: "repos/get-repo-rulesets",
    docs: "repos/rules#get-all-repository-rulesets",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const targets = ctx.query.get("targets")?.split(",").map((t) => t.trim()).filter(Boolean);
      const list = ctx.env.state.settings.listRulesets(repo).filter((r) => !targets?.length || targets.includes(r.target));
      const page = paginate(ctx.url, ctx.env.links.apiBase, list);
      return { status: 200, body: page.items.map((r) => rulesetSummary(ctx.env, r)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/rulesets/{ruleset_id}",
    operationId: "repos/get-repo-ruleset",
    docs: "repos/rules#get-a-repository-ruleset",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const r = ctx.env.state.settings.rulesets.get(intParam(ctx, "ruleset_id"));
      if (!r || r.repo !== repo) throw notFound(docsUrl(ctx.route));
      const admin = repoPermissions(ctx.env.state, repo, ctx.identity).admin;
      return { status: 200, body: rulesetFull(ctx.env, r, { admin, canBypass: canBypass(ctx, r, ctx.identity) }) };
    },
  },
];
