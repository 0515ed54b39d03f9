/**
 * github-team: membership of an organization team, as member or maintainer. Adding someone
 * who is not in the organization creates an invitation: the grant is pending until they
 * accept, and revoking it cancels the invitation (DELETE removes pending memberships too).
 *
 * GitHub lists a team's members including those of its child teams; those are not ours to
 * revoke, so members also found in a child team are left out of the list. (The REST API
 * cannot tell someone who is both a direct member and in a child team: such a person is
 * treated as a child-team member, never revoked, and re-granted idempotently if leased.)
 */
import type { Resource } from "../policy/policy.js";
import type { GitHubClient } from "../github/client.js";
import { failure, httpStatus } from "./github-errors.js";
import type { Grant, GrantOutcome, Provider } from "./provider.js";

type TeamRole = "member" | "maintainer";

function target(r: Resource): { org: string; team_slug: string } {
  if (r.provider.type !== "github-team") throw new Error(`${r.id} is not a github-team resource`);
  return { org: r.provider.org, team_slug: r.provider.team };
}

export function githubTeamProvider(gh: GitHubClient): Provider {
  // Org-wide lists, read once per run and shared by every team of the org: the team tree
  // (to find child teams) and pending invitations (a pending team membership needs one).
  const orgTeams = new Map<string, Promise<Map<string, string[]>>>();
  const orgInvitations = new Map<string, Promise<Array<{ id: number; login: string }>>>();
  const childrenOf = (org: string): Promise<Map<string, string[]>> => {
    let p = orgTeams.get(org);
    if (!p) {
      p = gh.paginate(gh.rest.teams.list, { org, per_page: 100 }).then((teams) => {
        const m = new Map<string, string[]>();
        for (const t of teams) {
          const parent = t.parent?.slug;
          if (parent) m.set(parent, [...(m.get(parent) ?? []), t.slug]);
        }
        return m;
      });
      orgTeams.set(org, p);
    }
    return p;
  };
  const pendingIn = (org: string) => {
    let p = orgInvitations.get(org);
    if (!p) {
      p = gh.paginate(gh.rest.orgs.listPendingInvitations, { org, per_page: 100 }).then((list) => list.filter((i) => i.login).map((i) => ({ id: i.id, login: i.login! })));
      orgInvitations.set(org, p);
    }
    return p;
  };
  const childMembers = async (org: string, slug: string): Promise<Set<string>> => {
    const out = new Set<string>();
    const tree = await childrenOf(org);
    const queue = [...(tree.get(slug) ?? [])];
    const seen = new Set<string>();
    while (queue.length) {
      const c = queue.shift()!;
      if (seen.has(c)) continue;
      seen.add(c);
      queue.push(...(tree.get(c) ?? []));
      const members = await gh.paginate(gh.rest.teams.listMembersInOrg, { org, team_slug: c, per_page: 100 });
      for (const m of members) out.add(m.login.toLowerCase());
    }
    return out;
  };

  const provider: Provider = {
    type: "github-team",
    nativeExpiry: false,
    singleRole: true,
    rank: (role) => (role === "maintainer" ? 2 : role === "member" ? 1 : 0),
    limits: "Members of child teams and organization owners are not managed here.",

    async list(r: Resource): Promise<Grant[]> {
      const t = target(r);
      const [maintainers, members, orgPending, inherited] = await Promise.all([
        gh.paginate(gh.rest.teams.listMembersInOrg, { ...t, role: "maintainer", per_page: 100 }),
        gh.paginate(gh.rest.teams.listMembersInOrg, { ...t, role: "member", per_page: 100 }),
        pendingIn(t.org),
        childMembers(t.org, t.team_slug),
      ]);
      // Team invitations are read only when the org has pending invitees at all.
      const invitations = orgPending.length ? await gh.paginate(gh.rest.teams.listPendingInvitationsInOrg, { ...t, per_page: 100 }) : [];
      const grants: Grant[] = [];
      const seen = new Set<string>();
      for (const [list, role] of [[maintainers, "maintainer"], [members, "member"]] as const) {
        for (const m of list) {
          const k = m.login.toLowerCase();
          if (inherited.has(k) || seen.has(k)) continue;
          seen.add(k);
          grants.push({ resource: r.id, grantee: m.login, role, state: "active" });
        }
      }
      for (const inv of invitations) {
        if (!inv.login || seen.has(inv.login.toLowerCase())) continue;
        const pending = await membership(gh, t, inv.login);
        grants.push({ resource: r.id, grantee: inv.login, role: pending?.role ?? "member", state: "pending", handle: String(inv.id) });
      }
      return grants;
    },

    async grant(r, grantee, role): Promise<GrantOutcome> {
      const t = target(r);
      try {
        const current = await membership(gh, t, grantee);
        if (current && current.role === role) return current.state === "pending" ? { status: "invited" } : { status: "unchanged" };
        const res = await gh.rest.teams.addOrUpdateMembershipForUserInOrg({ ...t, username: grantee, role: role as TeamRole });
        return res.data.state === "pending" ? { status: "invited" } : { status: "granted" };
      } catch (e) {
        return failure(e, `add ${grantee} to ${t.org}/${t.team_slug} as ${role}`);
      }
    },

    async changeRole(r, grantee, role) {
      return provider.grant(r, grantee, role);
    },

    async revoke(r, grant): Promise<GrantOutcome> {
      const t = target(r);
      try {
        await gh.rest.teams.removeMembershipForUserInOrg({ ...t, username: grant.grantee });
        return { status: "granted" };
      } catch (e) {
        if (httpStatus(e) === 404) return { status: "unchanged" };
        return failure(e, `remove ${grant.grantee} from ${t.org}/${t.team_slug}`);
      }
    },
  };
  return provider;
}

async function membership(gh: GitHubClient, t: { org: string; team_slug: string }, username: string): Promise<{ role: string; state: string } | undefined> {
  try {
    const res = await gh.rest.teams.getMembershipForUserInOrg({ ...t, username });
    return { role: res.data.role, state: res.data.state };
  } catch (e) {
    if (httpStatus(e) === 404) return undefined;
    throw e;
  }
}
