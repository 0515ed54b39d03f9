/**
 * Issues: creating one (title, body, labels, assignees), listing a repository's issues
 * (pull requests included, as GitHub lists them) and reading one.
 */
import { HttpError, errorBody, invalidRequest, validationFailed } from "../errors.js";
import type { ValidationErrorItem } from "../errors.js";
import type { AccountRecord, IssueRecord, RepoRecord } from "../model.js";
import { paginate } from "../pagination.js";
import { effectiveRole, repoPermissions } from "../repo-access.js";
import { asObject, optionalArray, optionalString } from "../request-body.js";
import type { JsonObject } from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { issue as issueView } from "../views/issues.js";
import { requireIdentity, requireIssue, requireRepo } from "./lookup.js";

/** GitHub's limits for issue titles and bodies. */
export const MAX_TITLE_LENGTH = 256;
export const MAX_BODY_LENGTH = 65536;

function issuesDisabled(ctx: RouteContext): HttpError {
  return new HttpError(410, errorBody(410, "Issues are disabled for this repo", docsUrl(ctx.route)));
}

/** `title`: a string or an integer (GitHub accepts both), present and not blank. */
function issueTitle(body: JsonObject, docs: string): string {
  const v = body.title;
  if (v === undefined) throw invalidRequest(`"title" wasn't supplied.`, docs);
  if (typeof v !== "string" && !(typeof v === "number" && Number.isInteger(v))) {
    throw invalidRequest(`For 'properties/title', ${JSON.stringify(v)} is not a string or an integer.`, docs);
  }
  const title = String(v);
  if (title.trim() === "") throw validationFailed([{ resource: "Issue", code: "missing_field", field: "title" }], docs);
  return title;
}

/** Label names from `labels` (strings or `{ name }` objects). */
function labelNames(body: JsonObject, docs: string): string[] {
  const items = optionalArray(body, "labels", docs) ?? [];
  return items.map((item) => {
    if (typeof item === "string") return item;
    if (item && typeof item === "object" && typeof (item as { name?: unknown }).name === "string") return (item as { name: string }).name;
    throw invalidRequest(`For 'items', ${JSON.stringify(item)} is not a string or an object with a name.`, docs);
  });
}

function assigneeLogins(body: JsonObject, docs: string): string[] {
  const many = optionalArray(body, "assignees", docs) ?? [];
  for (const a of many) if (typeof a !== "string") throw invalidRequest(`For 'items', ${JSON.stringify(a)} is not a string.`, docs);
  const one = body.assignee === null ? undefined : optionalString(body, "assignee", docs);
  return [...(one !== undefined ? [one] : []), ...(many as string[])];
}

/** Who may be assigned: people with access to the repository (its owner, org members with a base permission, collaborators). */
function assignable(ctx: RouteContext, repo: RepoRecord, login: string): AccountRecord | undefined {
  const user = ctx.env.state.getUser(login);
  if (!user || user.deleted || user.type === "Organization") return undefined;
  return effectiveRole(ctx.env.state, repo, user) ? user : undefined;
}

function listIssues(ctx: RouteContext, repo: RepoRecord): IssueRecord[] {
  const q = ctx.query;
  const state = q.get("state") ?? "open";
  const labels = (q.get("labels") ?? "").split(",").map((l) => l.trim().toLowerCase()).filter(Boolean);
  const creator = q.get("creator")?.toLowerCase();
  const assignee = q.get("assignee");
  const since = q.get("since");
  const sinceMs = since ? Date.parse(since) : Number.NaN;
  const sort = q.get("sort") ?? "created";
  const direction = q.get("direction") ?? "desc";
  let out = [...repo.issues.values()].filter((i) => state === "all" || i.state === state);
  if (labels.length) out = out.filter((i) => labels.every((l) => i.labels.some((x) => x.name.toLowerCase() === l)));
  if (creator) out = out.filter((i) => i.user.login.toLowerCase() === creator);
  if (assignee === "none") out = out.filter((i) => i.assignees.length === 0);
  else if (assignee === "*") out = out.filter((i) => i.assignees.length > 0);
  else if (assignee) out = out.filter((i) => i.assignees.some((a) => a.login.toLowerCase() === assignee.toLowerCase()));
  if (!Number.isNaN(sinceMs)) out = out.filter((i) => i.updatedAt.getTime() >= sinceMs);
  const comments = new Map<IssueRecord, number>();
  if (sort === "comments") for (const c of ctx.env.state.comments.values()) comments.set(c.issue, (comments.get(c.issue) ?? 0) + 1);
  const keyOf = (i: IssueRecord): number => (sort === "updated" ? i.updatedAt.getTime() : sort === "comments" ? (comments.get(i) ?? 0) : i.createdAt.getTime());
  out.sort((a, b) => keyOf(a) - keyOf(b) || a.number - b.number);
  if (direction === "desc") out.reverse();
  return out;
}

export const issueRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues",
    operationId: "issues/list-for-repo",
    docs: "issues/issues#list-repository-issues",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, listIssues(ctx, repo));
      return { status: 200, body: page.items.map((i) => issueView(ctx.env, i)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/{issue_number}",
    operationId: "issues/get",
    docs: "issues/issues#get-an-issue",
    handler: (ctx) => ({ status: 200, body: issueView(ctx.env, requireIssue(ctx, requireRepo(ctx))) }),
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/issues",
    operationId: "issues/create",
    docs: "issues/issues#create-an-issue",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const user = requireIdentity(ctx);
      const repo = requireRepo(ctx);
      if (!repo.hasIssues) throw issuesDisabled(ctx);
      const body = asObject(ctx.body, docs);
      const title = issueTitle(body, docs);
      const text = optionalString(body, "body", docs);
      const names = labelNames(body, docs);
      const logins = assigneeLogins(body, docs);
      const errors: ValidationErrorItem[] = [];
      if (title.length > MAX_TITLE_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "title", message: `title is too long (maximum is ${MAX_TITLE_LENGTH} characters)` });
      if (text !== undefined && text.length > MAX_BODY_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)` });
      // Milestones are not modelled: no number names one.
      if (body.milestone !== undefined && body.milestone !== null) errors.push({ resource: "Issue", code: "invalid", field: "milestone", value: body.milestone });
      // Labels, assignees and milestones are set only by people with push access; silently dropped otherwise.
      const push = repoPermissions(ctx.env.state, repo, user).push;
      const assignees: string[] = [];
      if (push) {
        for (const login of logins) {
          const a = assignable(ctx, repo, login);
          if (a) assignees.push(a.login);
          else errors.push({ resource: "Issue", code: "invalid", field: "assignees", value: login });
        }
      }
      if (errors.length) throw validationFailed(errors, docs);
      const created = ctx.env.state.addIssue(repo.owner.login, repo.name, {
        author: user.login,
        title,
        ...(text !== undefined ? { body: text } : {}),
        ...(push ? { labels: names, assignees } : {}),
      });
      const view = issueView(ctx.env, created);
      return { status: 201, body: view, headers: { location: view.url as string } };
    },
  },
];
