/**
 * Repository collaborators and invitations.
 *
 * Answers that are guesses (GitHub documents the status, not the body): an unknown
 * custom role, a blocked user, the 51st invitation of the day and the repository owner
 * all answer 422 "Validation Failed" with one `custom` error naming the problem.
 */
import { forbidden, notFound, validationFailed } from "../errors.js";
import type { AccountRecord, RepoInvitationRecord, RepoPermission, RepoRecord } from "../model.js";
import { REPO_INVITATIONS_PER_DAY } from "../access-state.js";
import { paginate } from "../pagination.js";
import type { RepoRole } from "../repo-access.js";
import { effectiveRole, repoPermissions } from "../repo-access.js";
import { asObject, optionalEnum, optionalString } from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { collaborator, collaboratorPermission, repoInvitation } from "../views/access.js";
import { intParam, param, requireIdentity, requireRepo, requireUserParam } from "./lookup.js";

const AFFILIATIONS = ["outside", "direct", "all"] as const;
const PERMISSION_FILTERS = ["pull", "triage", "push", "maintain", "admin"] as const;
/** PATCH invitation `permissions` → the permission stored (GitHub's UI names to API names). */
const INVITATION_PERMISSIONS: Record<string, RepoPermission> = { read: "pull", triage: "triage", write: "push", maintain: "maintain", admin: "admin" };

function requireRepoRight(ctx: RouteContext, repo: RepoRecord, right: "admin" | "push"): void {
  const perms = repoPermissions(ctx.env.state, repo, requireIdentity(ctx));
  if (right === "admin" && !perms.admin) throw forbidden("Must have admin rights to Repository.", docsUrl(ctx.route));
  if (right === "push" && !perms.push) throw forbidden("Must have push access to view repository collaborators.", docsUrl(ctx.route));
}

function orgOf(ctx: RouteContext, repo: RepoRecord) {
  return ctx.env.state.getOrg(repo.owner.login);
}

/** Everyone the collaborators list reports for `affiliation`, with their highest role. */
function collaboratorsOf(ctx: RouteContext, repo: RepoRecord, affiliation: (typeof AFFILIATIONS)[number]): Array<{ user: AccountRecord; role: RepoRole }> {
  const state = ctx.env.state;
  const org = orgOf(ctx, repo);
  const out = new Map<string, { user: AccountRecord; role: RepoRole }>();
  const add = (user: AccountRecord) => {
    if (user.type !== "User" || out.has(user.login.toLowerCase())) return;
    const role = effectiveRole(state, repo, user);
    if (role) out.set(user.login.toLowerCase(), { user, role });
  };
  if (affiliation === "all" && !org) add(repo.owner);
  for (const c of repo.collaborators.values()) {
    const isMember = org?.members.get(c.user.login.toLowerCase())?.state === "active";
    if (affiliation === "outside" && (!org || isMember)) continue;
    add(c.user);
  }
  if (affiliation === "all" && org) for (const m of org.members.values()) if (m.state === "active") add(m.user);
  return [...out.values()];
}

function requireInvitation(ctx: RouteContext, repo: RepoRecord): RepoInvitationRecord {
  const inv = repo.invitations.get(intParam(ctx, "invitation_id"));
  if (!inv) throw notFound(docsUrl(ctx.route));
  return inv;
}

function invitationBody(ctx: RouteContext, inv: RepoInvitationRecord): Record<string, unknown> {
  return repoInvitation(ctx.env.links, ctx.env.state, inv, ctx.env.state.access.isExpired(inv));
}

export const collaboratorRoutes: RouteDefinition[] = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators",
    operationId: "repos/list-collaborators",
    docs: "collaborators/collaborators#list-repository-collaborators",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "push");
      const query = Object.fromEntries(ctx.query.entries());
      const affiliation = optionalEnum(query, "affiliation", AFFILIATIONS, docs) ?? "all";
      const permission = optionalEnum(query, "permission", PERMISSION_FILTERS, docs);
      const list = collaboratorsOf(ctx, repo, affiliation).filter((c) => !permission || c.role.rank >= PERMISSION_FILTERS.indexOf(permission));
      const page = paginate(ctx.url, ctx.env.links.apiBase, list);
      return { status: 200, body: page.items.map((c) => collaborator(ctx.env.links, c.user, c.role)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    operationId: "repos/check-collaborator",
    docs: "collaborators/collaborators#check-if-a-user-is-a-repository-collaborator",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "push");
      const login = param(ctx, "username").toLowerCase();
      if (!collaboratorsOf(ctx, repo, "all").some((c) => c.user.login.toLowerCase() === login)) throw notFound(docsUrl(ctx.route));
      return { status: 204 };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators/{username}/permission",
    operationId: "repos/get-collaborator-permission-level",
    docs: "collaborators/collaborators#get-repository-permissions-for-a-user",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const user = requireUserParam(ctx);
      let role = effectiveRole(ctx.env.state, repo, user);
      if (!role && !repo.private) role = { level: "pull", roleName: "read", rank: 0 };
      return { status: 200, body: collaboratorPermission(ctx.env.links, user, role) };
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
      requireRepoRight(ctx, repo, "admin");
      const user = requireUserParam(ctx);
      const requested = optionalString(asObject(ctx.body, docs), "permission", docs) ?? "push";
      const access = ctx.env.state.access;
      const org = orgOf(ctx, repo);
      const refuse = (field: string, message: string) => validationFailed([{ resource: "Repository", code: "custom", field, message }], docs);
      if (user === repo.owner) throw refuse("username", "Repository owner cannot be a collaborator");
      if (user.type === "Organization") throw refuse("username", `${user.login} is an organization`);
      let permission: RepoPermission;
      if (!org) {
        // Personal repositories have one collaborator permission; GitHub refuses to "update" it.
        if (repo.collaborators.has(user.login.toLowerCase())) throw refuse("permission", "You can only update permissions on organization-owned repositories and their forks");
        permission = "push";
      } else {
        const resolved = access.resolvePermission(repo, requested);
        if (!resolved) throw refuse("permission", `${requested} is not a valid permission or custom repository role for ${org.account.login}`);
        permission = resolved;
        if (access.isBlocked(org, user.login)) throw refuse("username", `${user.login} is blocked from ${org.account.login}`);
      }
      if (access.wouldInvite(repo, user) && access.invitationsSentToday(repo) >= REPO_INVITATIONS_PER_DAY) {
        throw refuse("invitee", `You can only send ${REPO_INVITATIONS_PER_DAY} invitations to a repository per 24 hours`);
      }
      const result = access.setCollaborator(repo, user, permission, requireIdentity(ctx));
      if (result.kind === "invited") return { status: 201, body: invitationBody(ctx, result.invitation) };
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
      const who = requireIdentity(ctx);
      const login = param(ctx, "username").toLowerCase();
      if (who.login.toLowerCase() !== login) requireRepoRight(ctx, repo, "admin");
      // 204 whether or not they were a collaborator; pending invitations to them stay.
      repo.collaborators.delete(login);
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
      requireRepoRight(ctx, repo, "admin");
      const page = paginate(ctx.url, ctx.env.links.apiBase, [...repo.invitations.values()]);
      return { status: 200, body: page.items.map((i) => invitationBody(ctx, i)), headers: page.headers };
    },
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/invitations/{invitation_id}",
    operationId: "repos/update-invitation",
    docs: "collaborators/invitations#update-a-repository-invitation",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "admin");
      const inv = requireInvitation(ctx, repo);
      const permissions = optionalEnum(asObject(ctx.body, docs), "permissions", ["read", "write", "maintain", "triage", "admin"] as const, docs);
      if (permissions) inv.permission = INVITATION_PERMISSIONS[permissions] ?? "pull";
      return { status: 200, body: invitationBody(ctx, inv) };
    },
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/invitations/{invitation_id}",
    operationId: "repos/delete-invitation",
    docs: "collaborators/invitations#delete-a-repository-invitation",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "admin");
      repo.invitations.delete(requireInvitation(ctx, repo).id);
      return { status: 204 };
    },
  },
];
