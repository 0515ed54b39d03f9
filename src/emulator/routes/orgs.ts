/** Organizations and organization membership. */
import { notFound } from "../errors.js";
import { paginate } from "../pagination.js";
import type { RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { organizationFull, orgMembership, simpleUser } from "../views/accounts.js";
import { param, requireOrg } from "./lookup.js";

export const orgRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/orgs/{org}",
    operationId: "orgs/get",
    docs: "orgs/orgs#get-an-organization",
    handler: (ctx) => ({ status: 200, body: organizationFull(ctx.env.links, ctx.env.state, requireOrg(ctx)) }),
  },
  {
    method: "GET",
    template: "/orgs/{org}/members",
    operationId: "orgs/list-members",
    docs: "orgs/members#list-organization-members",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const role = ctx.query.get("role") ?? "all";
      const members = [...org.members.values()].filter(
        (m) => m.state === "active" && (role === "all" || m.role === role),
      );
      const page = paginate(ctx.url, ctx.env.links.apiBase, members);
      return { status: 200, body: page.items.map((m) => simpleUser(ctx.env.links, m.user)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/members/{username}",
    operationId: "orgs/check-membership-for-user",
    docs: "orgs/members#check-organization-membership-for-a-user",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const m = org.members.get(param(ctx, "username").toLowerCase());
      if (!m || m.state !== "active") {
        throw notFound(docsUrl(ctx.route), "User does not exist or is not a member of the organization");
      }
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/memberships/{username}",
    operationId: "orgs/get-membership-for-user",
    docs: "orgs/members#get-organization-membership-for-a-user",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const m = org.members.get(param(ctx, "username").toLowerCase());
      if (!m) throw notFound(docsUrl(ctx.route));
      return { status: 200, body: orgMembership(ctx.env.links, org, m) };
    },
  },
];
