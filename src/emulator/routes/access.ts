/** Repository collaborators and invitations, and organization role assignments. */
import { HttpError, errorBody, notFound, validationFailed } from "../errors.js";
import { paginate } from "../pagination.js";
import { asObject, optionalString } from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { collaborator, orgRole, repoInvitation, roleAssignee } from "../views/access.js";
import { intParam, param, requireOrg, requireRepo } from "./lookup.js";

const BUILT_IN = new Set(["pull", "triage", "push", "maintain", "admin"]);
const INVITATIONS_PER_DAY = 50;

function requireUser(ctx: RouteContext) {
  const u = ctx.env.state.getUser(param(ctx, "username"));
  if (!u || u.deleted) throw notFound(docsUrl(ctx.route));
  return u;
}

function requireRole(ctx: RouteContext) {
  const org = requireOrg(ctx);
  const id = intParam(ctx, "role_id");
  const role = ctx.env.state.listOrgRoles(org.account.login).find((r) => r.id === id);
  if (!role) throw notFound(docsUrl(ctx.route));
  return { org, role };
}

export const accessRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators",
    operationId: "repos/list-collaborators",
    docs: "collaborators/collaborators#list-repository-collaborators",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      // Direct collaborators only: org base permission and team access are not modelled as collaborators here.
      const page = paginate(ctx.url, ctx.env.links.apiBase, [...repo.collaborators.values()]);
      return { status: 200, body: page.items.map((c) => collaborator(ctx.env.links, c)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    operationId: "repos/check-collaborator",
    docs: "collaborators/collaborators#check-if-a-user-is-a-repository-collaborator",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      if (!repo.collaborators.has(param(ctx, "username").toLowerCase())) throw notFound(docsUrl(ctx.route));
      return { status: 204 };
    },
  },
  {
    method: "PUT",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    operationId: "repos/add-collaborator",
    docs: "collaborators/collaborators#add-a-repository-collaborator",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const repo = requireRepo(ctx);
      const user = requireUser(ctx);
      const permission = optionalString(asObject(ctx.body ?? {}, docs), "permission", docs) ?? "push";
      const custom = ctx.env.state.customRepoRoles.get(repo.owner.login.toLowerCase());
      if (!BUILT_IN.has(permission) && !custom?.has(permission)) {
        throw validationFailed([{ resource: "Repository", code: "custom", field: "permission", message: `${permission} is not a valid permission.` }], docs);
      }
      if (user.blocked?.has(repo.owner.login.toLowerCase())) throw validationFailed([{ resource: "Repository", code: "custom", field: "username", message: `${user.login} has blocked ${repo.owner.login}` }], docs);
      const today = ctx.env.state.repoInvitations.filter((i) => i.repo === repo && ctx.env.now().getTime() - i.createdAt.getTime() < 86_400_000).length;
      const isMember = ctx.env.state.getOrg(repo.owner.login)?.members.get(user.login.toLowerCase())?.state === "active";
      if (!isMember && !repo.collaborators.has(user.login.toLowerCase()) && today >= INVITATIONS_PER_DAY) {
        throw new HttpError(422, errorBody(422, "You have reached the limit of 50 invitations per repository per 24 hours.", docs));
      }
      const { invitation } = ctx.env.state.setCollaborator(repo.owner.login, repo.name, user.login, permission, ctx.identity?.login ?? repo.owner.login);
      if (invitation) return { status: 201, body: repoInvitation(ctx.env.links, invitation) };
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    operationId: "repos/remove-collaborator",
    docs: "collaborators/collaborators#remove-a-repository-collaborator",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      ctx.env.state.removeCollaborator(repo.owner.login, repo.name, param(ctx, "username"));
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/invitations",
    operationId: "repos/list-invitations",
    docs: "collaborators/invitations#list-repository-invitations",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.repoInvitations.filter((i) => i.repo === repo));
      return { status: 200, body: page.items.map((i) => repoInvitation(ctx.env.links, i)), headers: page.headers };
    },
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/invitations/{invitation_id}",
    operationId: "repos/delete-invitation",
    docs: "collaborators/invitations#delete-a-repository-invitation",
    handler: (ctx) => {
      requireRepo(ctx);
      ctx.env.state.deleteRepoInvitation(intParam(ctx, "invitation_id"));
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/organization-roles",
    operationId: "orgs/list-org-roles",
    docs: "orgs/organization-roles#get-all-organization-roles-for-an-organization",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const roles = ctx.env.state.listOrgRoles(org.account.login);
      return { status: 200, body: { total_count: roles.length, roles: roles.map((r) => orgRole(ctx.env.links, r)) } };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/organization-roles/{role_id}/users",
    operationId: "orgs/list-org-role-users",
    docs: "orgs/organization-roles#list-users-that-are-assigned-to-an-organization-role",
    handler: (ctx) => {
      const { role } = requireRole(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, [...role.users.values()]);
      return { status: 200, body: page.items.map((u) => roleAssignee(ctx.env.links, u)), headers: page.headers };
    },
  },
  {
    method: "PUT",
    template: "/orgs/{org}/organization-roles/users/{username}/{role_id}",
    operationId: "orgs/assign-user-to-org-role",
    docs: "orgs/organization-roles#assign-an-organization-role-to-a-user",
    handler: (ctx) => {
      const { org, role } = requireRole(ctx);
      const user = requireUser(ctx);
      if (org.members.get(user.login.toLowerCase())?.state !== "active") {
        throw new HttpError(422, errorBody(422, "The user is not a member of the organization.", docsUrl(ctx.route)));
      }
      role.users.set(user.login.toLowerCase(), user);
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    template: "/orgs/{org}/organization-roles/users/{username}/{role_id}",
    operationId: "orgs/revoke-org-role-user",
    docs: "orgs/organization-roles#remove-an-organization-role-from-a-user",
    handler: (ctx) => {
      const { role } = requireRole(ctx);
      role.users.delete(param(ctx, "username").toLowerCase());
      return { status: 204 };
    },
  },
];
