/** Issue (and pull request) comments. */
import { notFound, validationFailed } from "../errors.js";
import type { CommentRecord, RepoRecord } from "../model.js";
import { paginate } from "../pagination.js";
import { asObject, requiredString } from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { issueComment } from "../views/comments.js";
import { intParam, requireIdentity, requireIssue, requireRepo } from "./lookup.js";

/** GitHub's limit for comment bodies. */
export const MAX_COMMENT_LENGTH = 65536;

function commentBody(ctx: RouteContext): string {
  const docs = docsUrl(ctx.route);
  const text = requiredString(asObject(ctx.body, docs), "body", docs);
  if (text.length > MAX_COMMENT_LENGTH) {
    throw validationFailed(
      [{ resource: "IssueComment", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)` }],
      docs,
    );
  }
  return text;
}

function requireComment(ctx: RouteContext, repo: RepoRecord): CommentRecord {
  const c = ctx.env.state.getComment(intParam(ctx, "comment_id"));
  if (!c || c.issue.repo !== repo) throw notFound(docsUrl(ctx.route));
  return c;
}

export const commentRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    operationId: "issues/list-comments",
    docs: "issues/comments#list-issue-comments",
    handler: (ctx) => {
      const issue = requireIssue(ctx, requireRepo(ctx));
      const since = ctx.query.get("since");
      const sinceMs = since ? Date.parse(since) : Number.NaN;
      const comments = [...ctx.env.state.comments.values()].filter(
        (c) => c.issue === issue && (Number.isNaN(sinceMs) || c.updatedAt.getTime() >= sinceMs),
      );
      const page = paginate(ctx.url, ctx.env.links.apiBase, comments);
      return { status: 200, body: page.items.map((c) => issueComment(ctx.env, c)), headers: page.headers };
    },
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    operationId: "issues/create-comment",
    docs: "issues/comments#create-an-issue-comment",
    handler: (ctx) => {
      const user = requireIdentity(ctx);
      const issue = requireIssue(ctx, requireRepo(ctx));
      const comment = ctx.env.state.createComment(issue, user, commentBody(ctx));
      issue.updatedAt = comment.createdAt;
      return {
        status: 201,
        body: issueComment(ctx.env, comment),
        headers: { location: issueComment(ctx.env, comment).url as string },
      };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    operationId: "issues/get-comment",
    docs: "issues/comments#get-an-issue-comment",
    handler: (ctx) => ({ status: 200, body: issueComment(ctx.env, requireComment(ctx, requireRepo(ctx))) }),
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    operationId: "issues/update-comment",
    docs: "issues/comments#update-an-issue-comment",
    handler: (ctx) => {
      requireIdentity(ctx);
      const comment = requireComment(ctx, requireRepo(ctx));
      ctx.env.state.updateComment(comment, commentBody(ctx));
      return { status: 200, body: issueComment(ctx.env, comment) };
    },
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    operationId: "issues/delete-comment",
    docs: "issues/comments#delete-an-issue-comment",
    handler: (ctx) => {
      requireIdentity(ctx);
      ctx.env.state.deleteComment(requireComment(ctx, requireRepo(ctx)));
      return { status: 204 };
    },
  },
];
