/**
 * github-team: membership of an organization team, as member or maintainer.
 *
 * - Adding someone who is not in the organization makes GitHub invite them to it: the
 *   grant is pending (handle: the organization invitation id) until they accept.
 * - Revoking deletes the team membership (active or pending). A pending one leaves an
 *   organization invitation behind; when no team is left on it, it is cancelled too, so
 *   the person cannot join the organization after the lease ended.
 * - What the REST API can tell apart: GitHub lists a team's members *including the members
 *   of its child teams*. When the organization has GitHub's team member details feature,
 *   each listed member says whether it is `inherited`, and the direct ones are exact.
 *   Without it, members found in a child team are left out (they are not ours to revoke),
 *   unless the team lists them as maintainer while no child team does (that role is
 *   theirs directly). A direct *member* who is also in a child team cannot be seen then:
 *   jit-access neither lists nor revokes them, and their access through the child team
 *   stays anyway.
 * - GitHub reports organization owners as maintainers of every team they are in.
 * - `grant` on a membership that already has the role (active or pending) writes nothing
 *   and answers `unchanged`; that includes someone in the team through a child team.
 */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import { apiMessage, failed, httpStatus, notFound, unexpected } from "./github-errors.js";
import type { Grant, GrantOutcome, Provider } from "./provider.js";

type TeamRole = "member" | "maintainer";
const ROLES: readonly string[] = ["member", "maintainer"];

interface Target {
  org: string;
  team_slug: string;
}

function target(r: Resource): Target {
  if (r.provider.type !== "github-team") throw new Error(`${r.id} is not a github-team resource`);
  return { org: r.provider.org, team_slug: r.provider.team };
}

const label = (t: Target) => `${t.org}/${t.team_slug}`;
const sameTeam = (a: Resource, b: Resource) =>
  a.provider.type === "github-team" && b.provider.type === "github-team" && a.provider.org.toLowerCase() === b.provider.org.toLowerCase() && a.provider.team.toLowerCase() === b.provider.team.toLowerCase();
const lower = (s: string) => s.toLowerCase();

/**
 * A provider for one run: org-wide lists (the team tree, whether the org has pending
 * invitations at all) are read once and shared by every team of the org; writes made
 * through this provider drop the org's cached invitations.
 */
export function githubTeamProvider(gh: GitHubClient): Provider {
  const orgTeams = new Map<string, Promise<Map<string, string[]>>>();
  const orgInvitations = new Map<string, Promise<Array<{ id: number; login: string }>>>();

  const childrenOf = (org: string): Promise<Map<string, string[]>> => {
    let p = orgTeams.get(lower(org));
    if (!p) {
      p = gh.paginate(gh.rest.teams.list, { org, per_page: 100 }).then((teams) => {
        const m = new Map<string, string[]>();
        for (const t of teams) {
          const parent = t.parent?.slug;
          if (parent) m.set(lower(parent), [...(m.get(lower(parent)) ?? []), t.slug]);
        }
        return m;
      });
      p.catch(() => orgTeams.delete(lower(org)));
      orgTeams.set(lower(org), p);
    }
    return p;
  };

  const pendingIn = (org: string) => {
    let p = orgInvitations.get(lower(org));
    if (!p) {
      p = gh
        .paginate(gh.rest.orgs.listPendingInvitations, { org, per_page: 100 })
        .then((list) => list.flatMap((i) => (i.login ? [{ id: i.id, login: i.login }] : [])));
      p.catch(() => orgInvitations.delete(lower(org)));
      orgInvitations.set(lower(org), p);
    }
    return p;
  };
  const wrote = (org: string) => orgInvitations.delete(lower(org));

  /** Every team below `slug` (children, grandchildren...). */
  const descendants = async (t: Target): Promise<string[]> => {
    const tree = await childrenOf(t.org);
    const out: string[] = [];
    const queue = [...(tree.get(lower(t.team_slug)) ?? [])];
    while (queue.length > 0) {
      const c = queue.shift() as string;
      if (out.includes(c)) continue;
      out.push(c);
      queue.push(...(tree.get(lower(c)) ?? []));
    }
    return out;
  };

  const logins = async (org: string, slugs: string[], role: "all" | "maintainer"): Promise<Set<string>> => {
    const lists = await Promise.all(slugs.map((team_slug) => gh.paginate(gh.rest.teams.listMembersInOrg, { org, team_slug, role, per_page: 100 })));
    return new Set(lists.flat().map((m) => lower(m.login)));
  };

  /** Direct, active members with their role. */
  const directMembers = async (t: Target): Promise<Array<{ login: string; role: TeamRole }>> => {
    // `role` and `inherited` are newer than Octokit's types: read them as optional.
    const all = (await gh.paginate(gh.rest.teams.listMembersInOrg, { ...t, role: "all", per_page: 100 })) as Array<{ login: string; role?: unknown; inherited?: unknown }>;
    if (all.every((m) => typeof m.inherited === "boolean" && (m.role === "member" || m.role === "maintainer"))) {
      return all.filter((m) => m.inherited === false).map((m) => ({ login: m.login, role: m.role as TeamRole }));
    }
    // No member details: work it out from the role filter and the child teams.
    const [maintainers, below] = await Promise.all([
      gh.paginate(gh.rest.teams.listMembersInOrg, { ...t, role: "maintainer", per_page: 100 }),
      descendants(t),
    ]);
    const isMaintainer = new Set(maintainers.map((m) => lower(m.login)));
    const inChild = below.length > 0 ? await logins(t.org, below, "all") : new Set<string>();
    const ambiguousMaintainers = all.some((m) => inChild.has(lower(m.login)) && isMaintainer.has(lower(m.login)));
    const maintainerBelow = ambiguousMaintainers ? await logins(t.org, below, "maintainer") : new Set<string>();
    const out: Array<{ login: string; role: TeamRole }> = [];
    for (const m of all) {
      const k = lower(m.login);
      const role: TeamRole = isMaintainer.has(k) ? "maintainer" : "member";
      if (inChild.has(k) && !(role === "maintainer" && !maintainerBelow.has(k))) continue;
      out.push({ login: m.login, role });
    }
    return out;
  };

  /** The membership GitHub reports for `username` (direct or through a child team), if any. */
  const membership = async (t: Target, username: string): Promise<{ role: string; state: string } | undefined> => {
    try {
      const res = await gh.rest.teams.getMembershipForUserInOrg({ ...t, username });
      return { role: res.data.role, state: res.data.state };
    } catch (e) {
      if (httpStatus(e) === 404) return undefined;
      throw e;
    }
  };

  const invitationOf = async (t: Target, username: string): Promise<number | undefined> => {
    const invitations = await gh.paginate(gh.rest.teams.listPendingInvitationsInOrg, { ...t, per_page: 100 });
    return invitations.find((i) => i.login && lower(i.login) === lower(username))?.id;
  };

  const writeFailure = async (e: unknown, t: Target, grantee: string, what: string): Promise<GrantOutcome> => {
    const status = httpStatus(e);
    const message = apiMessage(e);
    if (status === 403 && /^blocked$/i.test(message.trim())) {
      return failed("blocked", `${what}: GitHub answers "Blocked": ${grantee} is blocked by ${t.org} (or blocked it). Unblock them in the organization's settings, or withdraw the lease.`);
    }
    if (status === 403 && /identity provider|synchroniz|externally managed|idp/i.test(message)) {
      return failed("idp-managed", `${what}: team ${label(t)} is synchronized with an identity provider, so its membership can only change there. Add ${grantee} to the IdP group, or manage another team with jit-access.`);
    }
    if (status === 404) return notFound(gh, grantee, what, `team ${label(t)}`);
    if (status === 422) return failed("rejected", `${what}: GitHub refused it (${message}).`);
    return unexpected(e, what);
  };

  const provider: Provider = {
    type: "github-team",
    nativeExpiry: false,
    singleRole: true,
    rank: (role) => (role === "maintainer" ? 2 : role === "member" ? 1 : 0),
    // A maintainer adds and removes the team's members; a member cannot. Nothing reaches other teams.
    canGrantOthers: (role, held, target) => role !== "member" && sameTeam(held, target),
    limits:
      "Only direct team memberships are managed: members through a child team, and access through other teams or the organization, remain. " +
      "GitHub reports organization owners as maintainers. Without GitHub's team member details, a direct member who is also in a child team is not listed (nor revoked).",

    async list(r: Resource): Promise<Grant[]> {
      const t = target(r);
      const [direct, orgPending] = await Promise.all([directMembers(t), pendingIn(t.org)]);
      const grants: Grant[] = direct.map((m) => ({ resource: r.id, grantee: m.login, role: m.role, state: "active" }));
      if (orgPending.length === 0) return grants;
      const seen = new Set(direct.map((m) => lower(m.login)));
      const invitations = await gh.paginate(gh.rest.teams.listPendingInvitationsInOrg, { ...t, per_page: 100 });
      for (const inv of invitations) {
        if (!inv.login || seen.has(lower(inv.login))) continue; // email invitations are not ours
        const m = await membership(t, inv.login);
        if (m?.state !== "pending") continue; // accepted (or removed) since the invitations were listed
        seen.add(lower(inv.login));
        grants.push({ resource: r.id, grantee: inv.login, role: m.role, state: "pending", handle: String(inv.id) });
      }
      return grants;
    },

    async grant(r, grantee, role): Promise<GrantOutcome> {
      const t = target(r);
      const what = `add ${grantee} to ${label(t)} as ${role}`;
      if (!ROLES.includes(role)) return failed("invalid-role", `${what}: team roles are member and maintainer.`);
      try {
        const before = await membership(t, grantee);
        if (before && before.role === role) return { status: "unchanged" };
        let res: Awaited<ReturnType<GitHubClient["rest"]["teams"]["addOrUpdateMembershipForUserInOrg"]>>;
        try {
          res = await gh.rest.teams.addOrUpdateMembershipForUserInOrg({ ...t, username: grantee, role: role as TeamRole });
        } catch (e) {
          return await writeFailure(e, t, grantee, what);
        } finally {
          wrote(t.org);
        }
        if (res.data.state !== "pending") return { status: "granted" };
        const id = await invitationOf(t, grantee).catch(() => undefined);
        return { status: "invited", ...(id !== undefined ? { handle: String(id) } : {}) };
      } catch (e) {
        return unexpected(e, what, `team ${label(t)}`);
      }
    },

    async changeRole(r, grantee, role) {
      return provider.grant(r, grantee, role);
    },

    async revoke(r, grant): Promise<GrantOutcome> {
      const t = target(r);
      const what = `remove ${grant.grantee} from ${label(t)}`;
      try {
        let changed = false;
        const current = await membership(t, grant.grantee);
        if (current) {
          try {
            await gh.rest.teams.removeMembershipForUserInOrg({ ...t, username: grant.grantee });
            changed = true;
          } catch (e) {
            // 404: a member only through a child team (nothing direct to remove).
            if (httpStatus(e) !== 404) return await writeFailure(e, t, grant.grantee, what);
          } finally {
            wrote(t.org);
          }
        }
        if (await cancelLeftoverInvitation(t, grant)) changed = true;
        return { status: changed ? "revoked" : "unchanged" };
      } catch (e) {
        return unexpected(e, what, `team ${label(t)}`);
      }
    },
  };

  /**
   * After a pending membership is removed, its organization invitation may carry no team
   * any more: cancel it, or the person could still join the organization.
   */
  const cancelLeftoverInvitation = async (t: Target, grant: Grant): Promise<boolean> => {
    let id = grant.handle !== undefined && /^\d+$/.test(grant.handle) ? Number(grant.handle) : undefined;
    if (id === undefined && grant.state === "pending") {
      const pending = await gh.paginate(gh.rest.orgs.listPendingInvitations, { org: t.org, per_page: 100 });
      id = pending.find((i) => i.login && lower(i.login) === lower(grant.grantee))?.id;
    }
    if (id === undefined) return false;
    try {
      const teams = await gh.paginate(gh.rest.orgs.listInvitationTeams, { org: t.org, invitation_id: id, per_page: 100 });
      if (teams.length > 0) return false;
      await gh.rest.orgs.cancelInvitation({ org: t.org, invitation_id: id });
      wrote(t.org);
      return true;
    } catch (e) {
      if (httpStatus(e) === 404) return false; // accepted, cancelled or expired meanwhile
      throw e;
    }
  };

  return provider;
}
