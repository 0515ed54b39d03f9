/** Resolving path parameters to records, answering 401/404 the way GitHub does. */
import { HttpError, errorBody, notFound } from "../errors.js";
import type { AccountRecord, IssueRecord, OrgRecord, PullRecord, RepoRecord, TeamRecord } from "../model.js";
import { canRead } from "../repo-access.js";
import type { RouteContext } from "../router.js";
import { docsUrl } from "../router.js";

export function param(ctx: RouteContext, name: string): string {
  return ctx.params[name] ?? "";
}

/** A positive integer path parameter; anything else is a 404. */
export function intParam(ctx: RouteContext, name: string): number {
  const raw = param(ctx, name);
  if (!/^\d+$/.test(raw)) throw notFound(docsUrl(ctx.route));
  return Number(raw);
}

export function requireIdentity(ctx: RouteContext): AccountRecord {
  if (!ctx.identity) throw new HttpError(401, errorBody(401, "Requires authentication", docsUrl(ctx.route)));
  return ctx.identity;
}

export function requireOrg(ctx: RouteContext): OrgRecord {
  const org = ctx.env.state.getOrg(param(ctx, "org"));
  if (!org) throw notFound(docsUrl(ctx.route));
  return org;
}

export function requireTeam(ctx: RouteContext, org: OrgRecord): TeamRecord {
  const team = org.teams.get(param(ctx, "team_slug").toLowerCase());
  if (!team) throw notFound(docsUrl(ctx.route));
  return team;
}

export function requireAccount(ctx: RouteContext, name = "username"): AccountRecord {
  const account = ctx.env.state.getUser(param(ctx, name));
  if (!account) throw notFound(docsUrl(ctx.route));
  return account;
}

/** The repository, hidden behind a 404 when private and not readable by the caller. */
export function requireRepo(ctx: RouteContext): RepoRecord {
  const repo = ctx.env.state.getRepo(param(ctx, "owner"), param(ctx, "repo"));
  if (!repo || !canRead(ctx.env.state, repo, ctx.identity)) throw notFound(docsUrl(ctx.route));
  return repo;
}

export function requireIssue(ctx: RouteContext, repo: RepoRecord, name = "issue_number"): IssueRecord {
  const issue = repo.issues.get(intParam(ctx, name));
  if (!issue) throw notFound(docsUrl(ctx.route));
  return issue;
}

export function requirePull(ctx: RouteContext, repo: RepoRecord): PullRecord {
  const pull = repo.issues.get(intParam(ctx, "pull_number"))?.pull;
  if (!pull) throw notFound(docsUrl(ctx.route));
  return pull;
}

/** The user named by a path parameter: 404 when no such account (or a deleted one). */
export function requireUserParam(ctx: RouteContext, name = "username"): AccountRecord {
  const account = ctx.env.state.getUser(param(ctx, name));
  if (!account || account.deleted) throw notFound(docsUrl(ctx.route));
  return account;
}

/** Organization owners and GitHub Apps (bots) may manage an organization's people. */
export function isOrgAdmin(org: OrgRecord, who: AccountRecord | null): boolean {
  if (!who) return false;
  if (who.type === "Bot") return true;
  const m = org.members.get(who.login.toLowerCase());
  return m?.state === "active" && m.role === "admin";
}
