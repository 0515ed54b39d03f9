/**
 * Organization roles (predefined and custom) and their assignments, and custom
 * repository roles. The custom repository roles endpoints are described only in
 * GitHub Enterprise Cloud's OpenAPI description (`ghec.json`), not in api.github.com's.
 */
import { forbidden, notFound, validationFailed } from "../errors.js";
import type { CustomRepoRoleRecord, OrgRecord, OrgRoleRecord } from "../model.js";
import { paginate } from "../pagination.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { customRepoRole, orgRole, roleAssignee } from "../views/access.js";
import { intParam, isOrgAdmin, param, requireOrg, requireUserParam } from "./lookup.js";

function requireAdminOf(ctx: RouteContext): OrgRecord {
  const org = requireOrg(ctx);
  if (!isOrgAdmin(org, ctx.identity)) throw forbidden("You must be an admin of this organization to manage organization roles.", docsUrl(ctx.route));
  return org;
}

function requireRole(ctx: RouteContext, org: OrgRecord): OrgRoleRecord {
  const role = org.orgRoles.get(intParam(ctx, "role_id"));
  if (!role) throw notFound(docsUrl(ctx.route));
  return role;
}

function requireCustomRepoRole(ctx: RouteContext, org: OrgRecord): CustomRepoRoleRecord {
  const id = intParam(ctx, "role_id");
  const role = [...org.customRepoRoles.values()].find((r) => r.id === id);
  if (!role) throw notFound(docsUrl(ctx.route));
  return role;
}

export const orgRoleRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/orgs/{org}/organization-roles",
    operationId: "orgs/list-org-roles",
    docs: "orgs/organization-roles#get-all-organization-roles-for-an-organization",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      const roles = [...org.orgRoles.values()];
      return { status: 200, body: { total_count: roles.length, roles: roles.map((r) => orgRole(ctx.env.links, r)) } };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/organization-roles/{role_id}",
    operationId: "orgs/get-org-role",
    docs: "orgs/organization-roles#get-an-organization-role",
    handler: (ctx) => ({ status: 200, body: orgRole(ctx.env.links, requireRole(ctx, requireAdminOf(ctx))) }),
  },
  {
    method: "GET",
    template: "/orgs/{org}/organization-roles/{role_id}/users",
    operationId: "orgs/list-org-role-users",
    docs: "orgs/organization-roles#list-users-that-are-assigned-to-an-organization-role",
    handler: (ctx) => {
      const role = requireRole(ctx, requireAdminOf(ctx));
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.access.orgRoleAssignees(role));
      return { status: 200, body: page.items.map((a) => roleAssignee(ctx.env.links, a)), headers: page.headers };
    },
  },
  {
    method: "PUT",
    template: "/orgs/{org}/organization-roles/users/{username}/{role_id}",
    operationId: "orgs/assign-user-to-org-role",
    docs: "orgs/organization-roles#assign-an-organization-role-to-a-user",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      const role = requireRole(ctx, org);
      const user = requireUserParam(ctx);
      // Documented: 422 when the user is not an organization member (the body is a guess).
      if (org.members.get(user.login.toLowerCase())?.state !== "active") {
        throw validationFailed(
          [{ resource: "OrganizationRole", code: "custom", field: "user", message: `${user.login} is not a member of ${org.account.login}` }],
          docsUrl(ctx.route),
        );
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
      const role = requireRole(ctx, requireAdminOf(ctx));
      role.users.delete(param(ctx, "username").toLowerCase());
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    template: "/orgs/{org}/organization-roles/users/{username}",
    operationId: "orgs/revoke-all-org-roles-user",
    docs: "orgs/organization-roles#remove-all-organization-roles-for-a-user",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      const login = param(ctx, "username").toLowerCase();
      for (const role of org.orgRoles.values()) role.users.delete(login);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/custom-repository-roles",
    operationId: "orgs/list-custom-repo-roles",
    docs: "orgs/custom-roles#list-custom-repository-roles-in-an-organization",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      const roles = [...org.customRepoRoles.values()];
      return { status: 200, body: { total_count: roles.length, custom_roles: roles.map((r) => customRepoRole(ctx.env.links, org, r)) } };
    },
  },
  {
    method: "GET",
    template: "/orgs/{org}/custom-repository-roles/{role_id}",
    operationId: "orgs/get-custom-repo-role",
    docs: "orgs/custom-roles#get-a-custom-repository-role",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      return { status: 200, body: customRepoRole(ctx.env.links, org, requireCustomRepoRole(ctx, org)) };
    },
  },
];
