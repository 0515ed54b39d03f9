/** Teams and team membership (child-team members included, like GitHub). */
import { forbidden, notFound, validationFailed } from "../errors.js";
import { asObject, optionalEnum } from "../request-body.js";
import { paginate } from "../pagination.js";
import type { RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { effectiveTeamMembers, effectiveTeamMembership } from "../team-membership.js";
import { orgInvitation, team, teamFull, teamMember, teamMembership } from "../views/teams.js";
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
  {
    method: "PUT",
    template: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    operationId: "teams/add-or-update-membership-for-user-in-org",
    docs: "teams/members#add-or-update-team-membership-for-a-user",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const org = requireOrg(ctx);
      const t = requireTeam(ctx, org);
      const role = optionalEnum(asObject(ctx.body ?? {}, docs), "role", ["member", "maintainer"] as const, docs) ?? "member";
      const login = param(ctx, "username");
      const user = ctx.env.state.getUser(login);
      if (!user || user.deleted) throw notFound(docs);
      if (user.type !== "User") throw validationFailed([{ resource: "TeamMember", code: "invalid", field: "user" }], docs);
      if (t.idpSynced) throw forbidden("This team is synchronized with an identity provider; its membership is managed there.", docs);
      if (user.blocked?.has(org.account.login.toLowerCase())) throw validationFailed([{ resource: "TeamMember", code: "custom", field: "user", message: `${user.login} has blocked ${org.account.login}` }], docs);
      const m = ctx.env.state.setTeamMembership(org.account.login, t.slug, user.login, role, ctx.identity?.login ?? org.account.login);
      return { status: 200, body: teamMembership(ctx.env.links, t, user, m) };
    },
  },
  {
    method: "DELETE",
    template: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    operationId: "teams/remove-membership-for-user-in-org",
    docs: "teams/members#remove-team-membership-for-a-user",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const org = requireOrg(ctx);
      const t = requireTeam(ctx, org);
      if (t.idpSynced) throw forbidden("This team is synchronized with an identity provider; its membership is managed there.", docs);
      const login = param(ctx, "username");
      if (!t.members.has(login.toLowerCase())) throw notFound(docs);
      ctx.env.state.removeTeamMember(org.account.login, t.slug, login);
      ctx.env.state.dropTeamFromInvitation(org.account.login, t, login);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/invitations",
    operationId: "teams/list-pending-invitations-in-org",
    docs: "teams/members#list-pending-team-invitations",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const t = requireTeam(ctx, org);
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.listInvitations(org.account.login, t));
      return { status: 200, body: page.items.map((i) => orgInvitation(ctx.env.links, i)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/teams",
    operationId: "teams/list-child-in-org",
    docs: "teams/teams#list-child-teams",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const t = requireTeam(ctx, org);
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.childTeams(t));
      return { status: 200, body: page.items.map((c) => team(ctx.env.links, c)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/invitations",
    operationId: "orgs/list-pending-invitations",
    docs: "orgs/members#list-pending-organization-invitations",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.listInvitations(org.account.login));
      return { status: 200, body: page.items.map((i) => orgInvitation(ctx.env.links, i)), headers: page.headers };
    },
  },
];
