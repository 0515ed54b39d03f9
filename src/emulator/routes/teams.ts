/**
 * Teams and team membership (child-team members included, like GitHub), adding and
 * removing members (invitations for non-members), pending team invitations, child teams.
 */
import { HttpError, forbidden, notFound, validationFailed } from "../errors.js";
import type { OrgRecord, TeamRecord } from "../model.js";
import { paginate } from "../pagination.js";
import { asObject, optionalEnum } from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { effectiveTeamMembers, effectiveTeamMembership } from "../team-membership.js";
import { orgInvitation, team, teamFull, teamMember, teamMembership } from "../views/teams.js";
import { isOrgAdmin, param, requireIdentity, requireOrg, requireTeam, requireUserParam } from "./lookup.js";

/** 403 for teams whose membership an identity provider manages (team synchronization); message: a guess. */
export const IDP_SYNCED_MESSAGE =
  "This team's membership is managed by your identity provider (team synchronization); change it there. " +
  "See https://docs.github.com/articles/synchronizing-teams-between-your-identity-provider-and-github";

/** Organization owners, apps and the team's maintainers may change its membership. */
function requireTeamManager(ctx: RouteContext, org: OrgRecord, t: TeamRecord): void {
  const who = requireIdentity(ctx);
  if (isOrgAdmin(org, who)) return;
  const m = t.members.get(who.login.toLowerCase());
  if (m?.state === "active" && m.role === "maintainer") return;
  throw forbidden("You must be an organization owner or team maintainer to change this team's membership.", docsUrl(ctx.route));
}

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
      return { status: 200, body: page.items.map((m) => teamMember(ctx.env.links, t, m)), headers: page.headers };
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
      const role = optionalEnum(asObject(ctx.body, docs), "role", ["member", "maintainer"] as const, docs) ?? "member";
      const user = requireUserParam(ctx);
      requireTeamManager(ctx, org, t);
      if (t.idpSynced) throw forbidden(IDP_SYNCED_MESSAGE, docs);
      if (user.type === "Organization") {
        throw validationFailed([{ resource: "TeamMember", code: "custom", field: "user", message: "Organizations cannot be added to a team." }], docs);
      }
      // Field report (kubernetes/test-infra#22723): a blocked user answers 403 "Blocked".
      if (ctx.env.state.access.isBlocked(org, user.login)) throw new HttpError(403, { message: "Blocked", documentation_url: docs });
      const m = ctx.env.state.access.setTeamMembership(t, user, role, requireIdentity(ctx));
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
      requireTeamManager(ctx, org, t);
      if (t.idpSynced) throw forbidden(IDP_SYNCED_MESSAGE, docs);
      // Only a direct membership (active or pending) can be removed; members through a child team answer 404.
      if (!ctx.env.state.access.removeTeamMembership(t, param(ctx, "username"))) throw notFound(docs);
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
      const invitations = [...org.invitations.values()].filter((i) => i.teams.has(t));
      const page = paginate(ctx.url, ctx.env.links.apiBase, invitations);
      return { status: 200, body: page.items.map((i) => orgInvitation(ctx.env.links, i)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/teams",
    operationId: "teams/list-child-in-org",
    docs: "teams/teams#list-child-teams",
    handler: (ctx) => {
      const t = requireTeam(ctx, requireOrg(ctx));
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.childTeams(t));
      return { status: 200, body: page.items.map((c) => team(ctx.env.links, c)), headers: page.headers };
    },
  },
];

