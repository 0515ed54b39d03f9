/** Pull request reviews. */
import { notFound, unprocessable } from "../errors.js";
import { paginate } from "../pagination.js";
import { asObject, optionalArray, optionalEnum, optionalString } from "../request-body.js";
import type { RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import type { ReviewState } from "../model.js";
import { review } from "../views/pulls.js";
import { intParam, requireIdentity, requirePull, requireRepo } from "./lookup.js";

const EVENTS = ["APPROVE", "REQUEST_CHANGES", "COMMENT"] as const;
const STATE_FOR: Record<(typeof EVENTS)[number], ReviewState> = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED",
};

export const reviewRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    operationId: "pulls/list-reviews",
    docs: "pulls/reviews#list-reviews-for-a-pull-request",
    handler: (ctx) => {
      const pull = requirePull(ctx, requireRepo(ctx));
      // a pending review is visible to its author only
      const visible = pull.reviews.filter((r) => r.state !== "PENDING" || r.user === ctx.identity);
      const page = paginate(ctx.url, ctx.env.links.apiBase, visible);
      return { status: 200, body: page.items.map((r) => review(ctx.env, r)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}",
    operationId: "pulls/get-review",
    docs: "pulls/reviews#get-a-review-for-a-pull-request",
    handler: (ctx) => {
      const pull = requirePull(ctx, requireRepo(ctx));
      const id = intParam(ctx, "review_id");
      const r = pull.reviews.find((x) => x.id === id && (x.state !== "PENDING" || x.user === ctx.identity));
      if (!r) throw notFound(docsUrl(ctx.route));
      return { status: 200, body: review(ctx.env, r) };
    },
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    operationId: "pulls/create-review",
    docs: "pulls/reviews#create-a-review-for-a-pull-request",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const user = requireIdentity(ctx);
      const pull = requirePull(ctx, requireRepo(ctx));
      const body = asObject(ctx.body, docs);
      const commitId = optionalString(body, "commit_id", docs);
      const text = optionalString(body, "body", docs);
      const event = optionalEnum(body, "event", EVENTS, docs);
      optionalArray(body, "comments", docs);
      const own = pull.issue.user === user;
      if (event === "APPROVE" && own) throw unprocessable(["Can not approve your own pull request"], docs);
      if (event === "REQUEST_CHANGES" && own) throw unprocessable(["Can not request changes on your own pull request"], docs);
      if ((event === "REQUEST_CHANGES" || event === "COMMENT") && !text) {
        throw unprocessable([`Body is required when using the ${event} event`], docs);
      }
      if (event === undefined && pull.reviews.some((r) => r.user === user && r.state === "PENDING")) {
        throw unprocessable(["User can only have one pending review per pull request"], docs);
      }
      const created = ctx.env.state.createReview(pull, user, {
        state: event ? STATE_FOR[event] : "PENDING",
        body: text ?? "",
        commitId: commitId ?? pull.head.sha,
        submittedAt: event ? ctx.env.now() : null,
      });
      return { status: 200, body: review(ctx.env, created) };
    },
  },
];
