#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import "./chunk-BQMI2UZC.js";

// src/providers/github-errors.ts
function httpStatus(e) {
  return typeof e === "object" && e !== null && "status" in e ? Number(e.status) : void 0;
}
function failure(e, what) {
  const status = httpStatus(e);
  const detail = e.message ?? String(e);
  switch (status) {
    case 404:
      return { status: "failed", code: "not-found", message: `${what}: not found (the user may not exist, or the target is not visible to the token). ${detail}` };
    case 403:
      return { status: "failed", code: "forbidden", message: `${what}: forbidden \u2014 check the GitHub App's permissions, and whether the target is managed elsewhere (e.g. an IdP-synced team). ${detail}` };
    case 422:
      return { status: "failed", code: "rejected", message: `${what}: GitHub refused it (${detail}). The user may have blocked the organization, left it, or hit an invitation limit.` };
    default:
      return { status: "failed", code: "api-error", message: `${what}: ${detail}` };
  }
}

// src/providers/github-org-role.ts
function org(r) {
  if (r.provider.type !== "github-org-role") throw new Error(`${r.id} is not a github-org-role resource`);
  return r.provider.org;
}
function githubOrgRoleProvider(gh) {
  const roleIds = /* @__PURE__ */ new Map();
  const idOf = async (o, role) => {
    let ids = roleIds.get(o);
    if (!ids) {
      const res = await gh.rest.orgs.listOrgRoles({ org: o });
      ids = new Map((res.data.roles ?? []).map((x) => [x.name, x.id]));
      roleIds.set(o, ids);
    }
    return ids.get(role);
  };
  const unknownRole = (o, role) => ({ status: "failed", code: "unknown-role", message: `${o} has no organization role named '${role}'; fix the resource's roles in the policy.` });
  return {
    type: "github-org-role",
    nativeExpiry: false,
    singleRole: false,
    rank: () => 0,
    async list(r) {
      const o = org(r);
      const grants = [];
      for (const role of r.roles) {
        const id = await idOf(o, role);
        if (id === void 0) throw new Error(`${o} has no organization role named '${role}'`);
        const users = await gh.paginate(gh.rest.orgs.listOrgRoleUsers, { org: o, role_id: id, per_page: 100 });
        for (const u of users) {
          if (u.assignment === "indirect") continue;
          grants.push({ resource: r.id, grantee: u.login, role, state: "active" });
        }
      }
      return grants;
    },
    async grant(r, grantee, role) {
      const o = org(r);
      try {
        const id = await idOf(o, role);
        if (id === void 0) return unknownRole(o, role);
        await gh.rest.orgs.assignUserToOrgRole({ org: o, username: grantee, role_id: id });
        return { status: "granted" };
      } catch (e) {
        if (httpStatus(e) === 422 || httpStatus(e) === 404) return { status: "failed", code: "not-a-member", message: `${grantee} could not get ${role} in ${o}: organization roles need an active organization member (${e.message}).` };
        return failure(e, `assign ${role} in ${o} to ${grantee}`);
      }
    },
    async changeRole(r, grantee, role) {
      return this.grant(r, grantee, role);
    },
    async revoke(r, grant) {
      const o = org(r);
      try {
        const id = await idOf(o, grant.role);
        if (id === void 0) return unknownRole(o, grant.role);
        await gh.rest.orgs.revokeOrgRoleUser({ org: o, username: grant.grantee, role_id: id });
        return { status: "granted" };
      } catch (e) {
        if (httpStatus(e) === 404) return { status: "unchanged" };
        return failure(e, `revoke ${grant.role} in ${o} from ${grant.grantee}`);
      }
    }
  };
}

// src/providers/github-repo.ts
var RANK = { read: 1, pull: 1, triage: 2, write: 3, push: 3, maintain: 4, admin: 5 };
var ROLE_NAME_TO_PERMISSION = { read: "pull", write: "push" };
function target(r) {
  if (r.provider.type !== "github-repo") throw new Error(`${r.id} is not a github-repo resource`);
  return { owner: r.provider.owner, repo: r.provider.repo };
}
function githubRepoProvider(gh) {
  const provider = {
    type: "github-repo",
    nativeExpiry: false,
    singleRole: true,
    rank: (role) => RANK[role] ?? 2.5,
    // custom roles sit between triage and push unless known
    limits: "Access through the organization's base permission, teams or ownership is not managed here.",
    async list(r) {
      const t = target(r);
      const [collaborators, invitations] = await Promise.all([
        gh.paginate(gh.rest.repos.listCollaborators, { ...t, affiliation: "direct", per_page: 100 }),
        gh.paginate(gh.rest.repos.listInvitations, { ...t, per_page: 100 })
      ]);
      const grants = collaborators.map((c) => {
        const role = c.role_name ? ROLE_NAME_TO_PERMISSION[c.role_name] ?? c.role_name : "pull";
        return { resource: r.id, grantee: c.login, role, state: "active" };
      });
      for (const inv of invitations) {
        if (!inv.invitee) continue;
        const role = ROLE_NAME_TO_PERMISSION[inv.permissions] ?? inv.permissions;
        grants.push({ resource: r.id, grantee: inv.invitee.login, role, state: "pending", handle: String(inv.id) });
      }
      return grants;
    },
    async grant(r, grantee, role) {
      const t = target(r);
      try {
        const res = await gh.rest.repos.addCollaborator({ ...t, username: grantee, permission: role });
        return res.status === 201 ? { status: "invited", ...res.data?.id ? { handle: String(res.data.id) } : {} } : { status: "granted" };
      } catch (e) {
        return failure(e, `give ${grantee} ${role} on ${t.owner}/${t.repo}`);
      }
    },
    async changeRole(r, grantee, role) {
      return provider.grant(r, grantee, role);
    },
    async revoke(r, grant) {
      const t = target(r);
      try {
        if (grant.state === "pending" && grant.handle) await gh.rest.repos.deleteInvitation({ ...t, invitation_id: Number(grant.handle) });
        else await gh.rest.repos.removeCollaborator({ ...t, username: grant.grantee });
        return { status: "granted" };
      } catch (e) {
        if (httpStatus(e) === 404) return { status: "unchanged" };
        return failure(e, `remove ${grant.grantee} from ${t.owner}/${t.repo}`);
      }
    }
  };
  return provider;
}

// src/providers/github-team.ts
function target2(r) {
  if (r.provider.type !== "github-team") throw new Error(`${r.id} is not a github-team resource`);
  return { org: r.provider.org, team_slug: r.provider.team };
}
function githubTeamProvider(gh) {
  const orgTeams = /* @__PURE__ */ new Map();
  const orgInvitations = /* @__PURE__ */ new Map();
  const childrenOf = (org2) => {
    let p = orgTeams.get(org2);
    if (!p) {
      p = gh.paginate(gh.rest.teams.list, { org: org2, per_page: 100 }).then((teams) => {
        const m = /* @__PURE__ */ new Map();
        for (const t of teams) {
          const parent = t.parent?.slug;
          if (parent) m.set(parent, [...m.get(parent) ?? [], t.slug]);
        }
        return m;
      });
      orgTeams.set(org2, p);
    }
    return p;
  };
  const pendingIn = (org2) => {
    let p = orgInvitations.get(org2);
    if (!p) {
      p = gh.paginate(gh.rest.orgs.listPendingInvitations, { org: org2, per_page: 100 }).then((list) => list.filter((i) => i.login).map((i) => ({ id: i.id, login: i.login })));
      orgInvitations.set(org2, p);
    }
    return p;
  };
  const childMembers = async (org2, slug) => {
    const out = /* @__PURE__ */ new Set();
    const tree = await childrenOf(org2);
    const queue = [...tree.get(slug) ?? []];
    const seen = /* @__PURE__ */ new Set();
    while (queue.length) {
      const c = queue.shift();
      if (seen.has(c)) continue;
      seen.add(c);
      queue.push(...tree.get(c) ?? []);
      const members = await gh.paginate(gh.rest.teams.listMembersInOrg, { org: org2, team_slug: c, per_page: 100 });
      for (const m of members) out.add(m.login.toLowerCase());
    }
    return out;
  };
  const provider = {
    type: "github-team",
    nativeExpiry: false,
    singleRole: true,
    rank: (role) => role === "maintainer" ? 2 : role === "member" ? 1 : 0,
    limits: "Members of child teams and organization owners are not managed here.",
    async list(r) {
      const t = target2(r);
      const [maintainers, members, orgPending, inherited] = await Promise.all([
        gh.paginate(gh.rest.teams.listMembersInOrg, { ...t, role: "maintainer", per_page: 100 }),
        gh.paginate(gh.rest.teams.listMembersInOrg, { ...t, role: "member", per_page: 100 }),
        pendingIn(t.org),
        childMembers(t.org, t.team_slug)
      ]);
      const invitations = orgPending.length ? await gh.paginate(gh.rest.teams.listPendingInvitationsInOrg, { ...t, per_page: 100 }) : [];
      const grants = [];
      const seen = /* @__PURE__ */ new Set();
      for (const [list, role] of [[maintainers, "maintainer"], [members, "member"]]) {
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
    async grant(r, grantee, role) {
      const t = target2(r);
      try {
        const current = await membership(gh, t, grantee);
        if (current && current.role === role) return current.state === "pending" ? { status: "invited" } : { status: "unchanged" };
        const res = await gh.rest.teams.addOrUpdateMembershipForUserInOrg({ ...t, username: grantee, role });
        return res.data.state === "pending" ? { status: "invited" } : { status: "granted" };
      } catch (e) {
        return failure(e, `add ${grantee} to ${t.org}/${t.team_slug} as ${role}`);
      }
    },
    async changeRole(r, grantee, role) {
      return provider.grant(r, grantee, role);
    },
    async revoke(r, grant) {
      const t = target2(r);
      try {
        await gh.rest.teams.removeMembershipForUserInOrg({ ...t, username: grant.grantee });
        return { status: "granted" };
      } catch (e) {
        if (httpStatus(e) === 404) return { status: "unchanged" };
        return failure(e, `remove ${grant.grantee} from ${t.org}/${t.team_slug}`);
      }
    }
  };
  return provider;
}
async function membership(gh, t, username) {
  try {
    const res = await gh.rest.teams.getMembershipForUserInOrg({ ...t, username });
    return { role: res.data.role, state: res.data.state };
  } catch (e) {
    if (httpStatus(e) === 404) return void 0;
    throw e;
  }
}

// src/providers/registry.ts
var FACTORIES = {
  "github-team": githubTeamProvider,
  "github-repo": githubRepoProvider,
  "github-org-role": githubOrgRoleProvider
};
function createProviderRegistry(gh) {
  const byType = /* @__PURE__ */ new Map();
  return (resource) => {
    const type = resource.provider.type;
    let p = byType.get(type);
    if (!p) byType.set(type, p = FACTORIES[type](gh));
    return p;
  };
}
export {
  createProviderRegistry
};
