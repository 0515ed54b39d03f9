/** Organizations, organization membership and pending invitations. */
import { HttpError, errorBody, forbidden, notFound, validationFailed } from "../errors.js";
import { hasTwoFactor, twoFactorHiddenFromApps } from "../two-factor.js";
import type { AccountRecord, OrgInvitationRecord, OrgRecord } from "../model.js";
import { paginate } from "../pagination.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { organizationFull, orgMembership, simpleUser } from "../views/accounts.js";
import { orgInvitation, team } from "../views/teams.js";
import { intParam, isOrgAdmin, param, requireOrg } from "./lookup.js";

function requireOrgAdmin(ctx: RouteContext, org: OrgRecord): void {
  if (!isOrgAdmin(org, ctx.identity)) throw forbidden("You must be an admin of this organization to manage its invitations.", docsUrl(ctx.route));
}

function requireInvitation(ctx: RouteContext, org: OrgRecord): OrgInvitationRecord {
  const inv = org.invitations.get(intParam(ctx, "invitation_id"));
  if (!inv) throw notFound(docsUrl(ctx.route));
  return inv;
}

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
      const filter = ctx.query.get("filter") ?? "all";
      if (filter !== "all" && filter !== "2fa_disabled") throw validationFailed([{ resource: "Organization", field: "filter", code: "invalid" }], docsUrl(ctx.route));
      if (filter === "2fa_disabled") {
        // Owners only (see two-factor.ts); GitHub answers others 422 with this message.
        const bot = ctx.identity?.type === "Bot";
        if (!isOrgAdmin(org, ctx.identity) || (bot && twoFactorHiddenFromApps(ctx.env.state, org.account.login))) {
          throw new HttpError(422, errorBody(422, "Only owners can use this filter.", docsUrl(ctx.route)));
        }
      }
      const members = [...org.members.values()].filter(
        (m) => m.state === "active" && (role === "all" || m.role === role) && (filter === "all" || !hasTwoFactor(ctx.env.state, m.user.login)),
      );
      const page = paginate(ctx.url, ctx.env.links.apiBase, members);
      return { status: 200, body: page.items.map((m) => simpleUser(ctx.env.links, m.user)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/outside_collaborators",
    operationId: "orgs/list-outside-collaborators",
    docs: "orgs/outside-collaborators#list-outside-collaborators-for-an-organization",
    handler: (ctx) => {
      // Outside collaborators: collaborators of the organization's repositories who are not
      // members. The 2FA filters are owners-only here as on /members (GitHub documents no
      // rule; an answer that hides 2FA state makes jit-access warn, never pass silently).
      const org = requireOrg(ctx);
      const filter = ctx.query.get("filter") ?? "all";
      if (filter !== "all" && filter !== "2fa_disabled" && filter !== "2fa_insecure") throw validationFailed([{ resource: "Organization", field: "filter", code: "invalid" }], docsUrl(ctx.route));
      if (filter !== "all") {
        const bot = ctx.identity?.type === "Bot";
        if (!isOrgAdmin(org, ctx.identity) || (bot && twoFactorHiddenFromApps(ctx.env.state, org.account.login))) {
          throw new HttpError(422, errorBody(422, "Only owners can use this filter.", docsUrl(ctx.route)));
        }
      }
      const outside = new Map<string, AccountRecord>();
      for (const repo of ctx.env.state.repos.values()) {
        if (repo.owner.id !== org.account.id) continue;
        for (const [login, c] of repo.collaborators) {
          const m = org.members.get(login);
          if (m?.state !== "active") outside.set(login, c.user);
        }
      }
      // The emulator does not model 2FA methods, so no one has an insecure one.
      const users = [...outside.values()]
        .filter((u) => filter === "all" || (filter === "2fa_disabled" && !hasTwoFactor(ctx.env.state, u.login)))
        .sort((a, b) => a.id - b.id);
      const page = paginate(ctx.url, ctx.env.links.apiBase, users);
      return { status: 200, body: page.items.map((u) => simpleUser(ctx.env.links, u)), headers: page.headers };
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
  {
    method: "GET",
    template: "/orgs/{org}/invitations",
    operationId: "orgs/list-pending-invitations",
    docs: "orgs/members#list-pending-organization-invitations",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      requireOrgAdmin(ctx, org);
      const role = ctx.query.get("role") ?? "all";
      const source = ctx.query.get("invitation_source") ?? "all";
      // Every emulated invitation is made by a member ("member"), none by SCIM.
      const invitations = [...org.invitations.values()].filter((i) => (role === "all" || i.role === role) && (source === "all" || source === "member"));
      const page = paginate(ctx.url, ctx.env.links.apiBase, invitations);
      return { status: 200, body: page.items.map((i) => orgInvitation(ctx.env.links, i)), headers: page.headers };
    },
  },
  {
    method: "DELETE",
    template: "/orgs/{org}/invitations/{invitation_id}",
    operationId: "orgs/cancel-invitation",
    docs: "orgs/members#cancel-an-organization-invitation",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      requireOrgAdmin(ctx, org);
      ctx.env.state.access.cancelOrgInvitation(requireInvitation(ctx, org));
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/invitations/{invitation_id}/teams",
    operationId: "orgs/list-invitation-teams",
    docs: "orgs/members#list-organization-invitation-teams",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      requireOrgAdmin(ctx, org);
      const page = paginate(ctx.url, ctx.env.links.apiBase, [...requireInvitation(ctx, org).teams]);
      return { status: 200, body: page.items.map((t) => team(ctx.env.links, t)), headers: page.headers };
    },
  },
];
