/** GitHub App installations of an organization: GET /orgs/{org}/installations (organization owners). */
import { forbidden } from "../errors.js";
import { paginate } from "../pagination.js";
import type { RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { installation } from "../views/repo-settings.js";
import { isOrgAdmin, requireIdentity, requireOrg } from "./lookup.js";

export const installationRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/orgs/{org}/installations",
    operationId: "orgs/list-app-installations",
    docs: "orgs/orgs#list-app-installations-for-an-organization",
    handler: (ctx) => {
      const who = requireIdentity(ctx);
      const org = requireOrg(ctx);
      if (!isOrgAdmin(org, who)) throw forbidden("You must be an organization owner to list its app installations.", docsUrl(ctx.route));
      const all = ctx.env.state.settings.listInstallations(org.account);
      const page = paginate(ctx.url, ctx.env.links.apiBase, all);
      return { status: 200, body: { total_count: all.length, installations: page.items.map((i) => installation(ctx.env, i)) }, headers: page.headers };
    },
  },
];
