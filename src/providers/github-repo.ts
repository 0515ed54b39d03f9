/**
 * github-repo: a direct collaborator's role on a repository: pull, triage, push, maintain,
 * admin, or the name of a custom repository role of the owning organization.
 *
 * - Organization members are added at once; anyone else is invited (pending until they
 *   accept; handle: the invitation id). GitHub allows 50 invitations per repository per
 *   24 hours; past that, a grant fails for this run and a later run retries it.
 * - Revoking removes the direct collaboration and cancels any invitation of the person.
 *   Access through the organization's base permission, teams or organization roles stays.
 * - GitHub reports a collaborator's *highest* role from every source (`role_name`): when a
 *   team or the base permission gives more than the direct grant, the higher role shows,
 *   and the direct one cannot be read through the REST API.
 * - Invitations show only the base of a custom role (read, triage, write, maintain), so a
 *   pending custom-role grant is listed with that base role.
 * - An expired invitation (7 days) is not a grant: it is not listed, and granting again
 *   replaces it with a new one.
 * - `grant` writes nothing and answers `unchanged` when the person already holds the role
 *   directly or has an open invitation for it.
 */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import { apiMessage, failed, httpStatus, notFound, unexpected } from "./github-errors.js";
import type { Grant, GrantOutcome, Provider } from "./provider.js";

const BUILT_IN = ["pull", "triage", "push", "maintain", "admin"] as const;
type BuiltIn = (typeof BUILT_IN)[number];
const RANK: Record<string, number> = { pull: 1, triage: 2, push: 3, maintain: 4, admin: 5 };
/** role_name and invitation `permissions` use GitHub's UI names for two built-in roles. */
const FROM_UI_NAME: Record<string, string> = { read: "pull", write: "push" };
const TO_INVITATION: Record<BuiltIn, "read" | "triage" | "write" | "maintain" | "admin"> = { pull: "read", triage: "triage", push: "write", maintain: "maintain", admin: "admin" };

interface Target {
  owner: string;
  repo: string;
}

function target(r: Resource): Target {
  if (r.provider.type !== "github-repo") throw new Error(`${r.id} is not a github-repo resource`);
  return { owner: r.provider.owner, repo: r.provider.repo };
}

const lower = (s: string) => s.toLowerCase();
const label = (t: Target) => `${t.owner}/${t.repo}`;
const sameRepo = (a: Resource, b: Resource) =>
  a.provider.type === "github-repo" && b.provider.type === "github-repo" && lower(a.provider.owner) === lower(b.provider.owner) && lower(a.provider.repo) === lower(b.provider.repo);
const isBuiltIn = (role: string): role is BuiltIn => (BUILT_IN as readonly string[]).includes(role);
const roleOf = (uiName: string) => FROM_UI_NAME[uiName] ?? uiName;

interface Invitation {
  id: number;
  login: string;
  role: string;
  expired: boolean;
}

export function githubRepoProvider(gh: GitHubClient): Provider {
  const directCollaborators = async (t: Target) => {
    const list = await gh.paginate(gh.rest.repos.listCollaborators, { ...t, affiliation: "direct", per_page: 100 });
    return list.filter((c) => lower(c.login) !== lower(t.owner)).map((c) => ({ login: c.login, role: roleOf(c.role_name) }));
  };
  const invitations = async (t: Target): Promise<Invitation[]> => {
    const list = await gh.paginate(gh.rest.repos.listInvitations, { ...t, per_page: 100 });
    return list.flatMap((i) => (i.invitee ? [{ id: i.id, login: i.invitee.login, role: roleOf(i.permissions), expired: i.expired === true }] : []));
  };
  /** What `login` holds directly: a collaboration and/or invitations. */
  const holdings = async (t: Target, login: string) => {
    const [direct, invites] = await Promise.all([directCollaborators(t), invitations(t)]);
    return { direct: direct.find((c) => lower(c.login) === lower(login)), invites: invites.filter((i) => lower(i.login) === lower(login)) };
  };

  const writeFailure = async (e: unknown, t: Target, grantee: string, role: string, what: string): Promise<GrantOutcome> => {
    const status = httpStatus(e);
    const message = apiMessage(e);
    if (status === 404) return notFound(gh, grantee, what, `repository ${label(t)}`);
    if (status === 422) {
      if (/block/i.test(message)) return failed("blocked", `${what}: ${grantee} is blocked by ${t.owner} (or blocked it), so GitHub will not add them (${message}). Unblock them, or withdraw the lease.`);
      if (/invitation|24 hours|per day|spam/i.test(message)) return failed("invitation-limit", `${what}: GitHub allows 50 invitations per repository per 24 hours (${message}); a later run invites ${grantee}.`);
      if (!isBuiltIn(role) && /permission|role/i.test(message)) {
        return failed("unknown-role", `${what}: "${role}" is not a built-in permission nor a custom repository role of ${t.owner} (${message}); fix the resource's roles.`);
      }
      return failed("rejected", `${what}: GitHub refused it (${message}).`);
    }
    return unexpected(e, what);
  };

  const put = async (t: Target, grantee: string, role: string, what: string): Promise<GrantOutcome> => {
    try {
      const res = await gh.rest.repos.addCollaborator({ ...t, username: grantee, permission: role });
      if ((res.status as number) === 201) return { status: "invited", ...(res.data?.id !== undefined ? { handle: String(res.data.id) } : {}) };
      return { status: "granted" };
    } catch (e) {
      return writeFailure(e, t, grantee, role, what);
    }
  };

  const provider: Provider = {
    type: "github-repo",
    nativeExpiry: false,
    singleRole: true,
    rank: (role) => RANK[role] ?? 2.5, // a custom role: above triage, below push unless known
    // Admin manages the repository's collaborators; pull to maintain cannot. A custom role's
    // permissions are the organization's to set (and jit-access does not read them): it may.
    canGrantOthers: (role, held, target) => (role === "admin" || !isBuiltIn(role)) && sameRepo(held, target),
    limits:
      "Only direct collaborators and their invitations are managed: access through the organization's base permission, teams or organization roles stays after a revoke. " +
      "GitHub lists a collaborator's highest role from every source, and pending custom-role invitations by their base role.",

    async list(r: Resource): Promise<Grant[]> {
      const t = target(r);
      const [direct, invites] = await Promise.all([directCollaborators(t), invitations(t)]);
      const grants: Grant[] = direct.map((c) => ({ resource: r.id, grantee: c.login, role: c.role, state: "active" }));
      const seen = new Set(direct.map((c) => lower(c.login)));
      for (const inv of invites) {
        if (inv.expired || seen.has(lower(inv.login))) continue;
        seen.add(lower(inv.login));
        grants.push({ resource: r.id, grantee: inv.login, role: inv.role, state: "pending", handle: String(inv.id) });
      }
      return grants;
    },

    async grant(r, grantee, role): Promise<GrantOutcome> {
      const t = target(r);
      const what = `give ${grantee} ${role} on ${label(t)}`;
      if (!role.trim()) return failed("invalid-role", `${what}: the role is empty.`);
      try {
        const { direct, invites } = await holdings(t, grantee);
        if (direct?.role === role) return { status: "unchanged" };
        const open = invites.find((i) => !i.expired);
        if (!direct && open) {
          if (open.role === role) return { status: "unchanged" };
          if (isBuiltIn(role)) {
            try {
              await gh.rest.repos.updateInvitation({ ...t, invitation_id: open.id, permissions: TO_INVITATION[role] });
              return { status: "invited", handle: String(open.id) };
            } catch (e) {
              if (httpStatus(e) !== 404) return writeFailure(e, t, grantee, role, what);
              // gone meanwhile (accepted or cancelled): add as below
            }
          }
        }
        for (const stale of invites.filter((i) => i.expired)) {
          await gh.rest.repos.deleteInvitation({ ...t, invitation_id: stale.id }).catch((e: unknown) => {
            if (httpStatus(e) !== 404) throw e;
          });
        }
        return await put(t, grantee, role, what);
      } catch (e) {
        return unexpected(e, what, `repository ${label(t)}`);
      }
    },

    async changeRole(r, grantee, role) {
      return provider.grant(r, grantee, role);
    },

    async revoke(r, grant): Promise<GrantOutcome> {
      const t = target(r);
      const what = `remove ${grant.grantee} from ${label(t)}`;
      try {
        const { direct, invites } = await holdings(t, grant.grantee);
        let changed = false;
        for (const inv of invites) {
          try {
            await gh.rest.repos.deleteInvitation({ ...t, invitation_id: inv.id });
            if (!inv.expired) changed = true; // an expired invitation was no grant
          } catch (e) {
            if (httpStatus(e) !== 404) return writeFailure(e, t, grant.grantee, grant.role, what);
          }
        }
        if (direct) {
          try {
            await gh.rest.repos.removeCollaborator({ ...t, username: grant.grantee });
            changed = true;
          } catch (e) {
            if (httpStatus(e) !== 404) return writeFailure(e, t, grant.grantee, grant.role, what);
          }
        }
        return { status: changed ? "revoked" : "unchanged" };
      } catch (e) {
        return unexpected(e, what, `repository ${label(t)}`);
      }
    },
  };
  return provider;
}
