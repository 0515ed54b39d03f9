/** Teams and team membership (child-team members included, like GitHub). */
import { notFound } from "../errors.js";
import { paginate } from "../pagination.js";
import type { RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { effectiveTeamMembers, effectiveTeamMembership } from "../team-membership.js";
import { team, teamFull, teamMember, teamMembership } from "../views/teams.js";
import { param, requireOrg, requireTeam } from "./lookup.js";

export const teamRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/orgs/{org}/teams",
    operationId: "teams/list",
    docs: "teams/teams#list-teams",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, [...org.teams.values()]);
      return { status: 200, body: page.items.map((t) => team(ctx.env.links, t)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}",
    operationId: "teams/get-by-name",
    docs: "teams/teams#get-a-team-by-name",
    handler: (ctx) => {
      const t = requireTeam(ctx, requireOrg(ctx));
      return { status: 200, body: teamFull(ctx.env.links, ctx.env.state, t) };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/members",
    operationId: "teams/list-members-in-org",
    docs: "teams/members#list-team-members",
    handler: (ctx) => {
      const t = requireTeam(ctx, requireOrg(ctx));
      const role = ctx.query.get("role") ?? "all";
      const members = effectiveTeamMembers(t).filter((m) => role === "all" || m.role === role);
      const page = paginate(ctx.url, ctx.env.links.apiBase, members);
      return { status: 200, body: page.items.map((m) => teamMember(ctx.env.links, m)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    operationId: "teams/get-membership-for-user-in-org",
    docs: "teams/members#get-team-membership-for-a-user",
    handler: (ctx) => {
      const t = requireTeam(ctx, requireOrg(ctx));
      const m = effectiveTeamMembership(t, param(ctx, "username"));
      if (!m) throw notFound(docsUrl(ctx.route));
      return { status: 200, body: teamMembership(ctx.env.links, t, m.user, m) };
    },
  },
];
