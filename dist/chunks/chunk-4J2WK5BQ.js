#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/providers/github-errors.ts
function httpStatus(e) {
  if (typeof e !== "object" || e === null || !("status" in e)) return void 0;
  const n = Number(e.status);
  return Number.isFinite(n) ? n : void 0;
}
function apiMessage(e) {
  const data = e?.response?.data;
  if (typeof data === "object" && data !== null) {
    const d = data;
    const parts = [];
    if (typeof d.message === "string") parts.push(d.message);
    if (Array.isArray(d.errors)) {
      for (const item of d.errors) {
        if (typeof item === "string") parts.push(item);
        else if (typeof item === "object" && item !== null) {
          const it = item;
          if (typeof it.message === "string") parts.push(it.message);
          else if (typeof it.code === "string") parts.push(`${String(it.field ?? "")} ${it.code}`.trim());
        }
      }
    }
    if (parts.length > 0) return parts.join(": ");
  }
  return e instanceof Error ? e.message : String(e);
}
function failed(code, message) {
  return { status: "failed", code, message };
}
async function accountExists(gh, login) {
  try {
    await gh.rest.users.getByUsername({ username: login });
    return true;
  } catch (e) {
    return httpStatus(e) === 404 ? false : void 0;
  }
}
function unexpected(e, what, target3) {
  const status = httpStatus(e);
  if (status === 404 && target3) {
    return failed("not-found", `${what}: ${target3} was not found, or the GitHub App cannot see it; check the resource's provider settings and the App's installation.`);
  }
  if (status === 403) {
    return failed("forbidden", `${what}: GitHub refused (403: ${apiMessage(e)}). Check that the GitHub App has the permission this needs (organization Members, repository Administration) and access to the target.`);
  }
  if (status !== void 0) return failed("api-error", `${what}: GitHub answered ${status} (${apiMessage(e)}); a later run retries it.`);
  return failed("api-error", `${what}: ${apiMessage(e)}; a later run retries it.`);
}
async function notFound(gh, login, what, target3) {
  if (await accountExists(gh, login) === false) {
    return failed("user-not-found", `${what}: there is no GitHub account named ${login} (deleted, renamed or mistyped); fix the grantee in the lease.`);
  }
  return failed("not-found", `${what}: ${target3} was not found, or the GitHub App cannot see it; check the resource's provider settings and the App's installation.`);
}

// src/providers/github-org-role.ts
function orgOf(r) {
  if (r.provider.type !== "github-org-role") throw new Error(`${r.id} is not a github-org-role resource`);
  return r.provider.org;
}
var lower = (s) => s.toLowerCase();
function githubOrgRoleProvider(gh) {
  const rolesByOrg = /* @__PURE__ */ new Map();
  const roles = (org) => {
    let p = rolesByOrg.get(lower(org));
    if (!p) {
      p = gh.rest.orgs.listOrgRoles({ org }).then((res) => {
        const m = /* @__PURE__ */ new Map();
        for (const x of res.data.roles ?? []) m.set(x.name, { id: x.id, name: x.name });
        for (const x of res.data.roles ?? []) if (!m.has(lower(x.name))) m.set(lower(x.name), { id: x.id, name: x.name });
        return m;
      });
      p.catch(() => rolesByOrg.delete(lower(org)));
      rolesByOrg.set(lower(org), p);
    }
    return p;
  };
  const roleId = async (org, name) => {
    const m = await roles(org);
    return (m.get(name) ?? m.get(lower(name)))?.id;
  };
  const unknownRole = async (org, name, what) => {
    const names = [...new Set([...(await roles(org)).values()].map((x) => x.name))];
    return failed("unknown-role", `${what}: ${org} has no organization role named "${name}" (it has: ${names.join(", ") || "none"}); fix the resource's roles in the policy.`);
  };
  const holders = async (org, id) => {
    const users = await gh.paginate(gh.rest.orgs.listOrgRoleUsers, { org, role_id: id, per_page: 100 });
    return new Map(users.filter((u) => u.assignment !== "indirect").map((u) => [lower(u.login), u.login]));
  };
  const isMember = async (org, username) => {
    try {
      const res = await gh.rest.orgs.checkMembershipForUser({ org, username });
      return res.status === 204;
    } catch (e) {
      return httpStatus(e) === 404 ? false : void 0;
    }
  };
  const assign = async (org, grantee, role) => {
    const what = `give ${grantee} the organization role ${role} in ${org}`;
    try {
      const id = await roleId(org, role);
      if (id === void 0) return await unknownRole(org, role, what);
      if ((await holders(org, id)).has(lower(grantee))) return { status: "unchanged" };
      try {
        await gh.rest.orgs.assignUserToOrgRole({ org, username: grantee, role_id: id });
        return { status: "granted" };
      } catch (e) {
        const status = httpStatus(e);
        if (status === 404) return await notFound(gh, grantee, what, `organization ${org} or its role ${role}`);
        if (status === 422) {
          if (await isMember(org, grantee) === false) {
            return failed("not-org-member", `${grantee} is not a member of ${org}; organization roles need membership. Invite them to ${org} first (jit-access does not).`);
          }
          return failed("rejected", `${what}: GitHub refused it (${apiMessage(e)}); organization roles may not be available to ${org}.`);
        }
        return unexpected(e, what);
      }
    } catch (e) {
      return unexpected(e, what, `organization ${org}`);
    }
  };
  const unassign = async (org, grantee, role) => {
    const what = `remove the organization role ${role} in ${org} from ${grantee}`;
    try {
      const id = await roleId(org, role);
      if (id === void 0) return { status: "unchanged" };
      if (!(await holders(org, id)).has(lower(grantee))) return { status: "unchanged" };
      await gh.rest.orgs.revokeOrgRoleUser({ org, username: grantee, role_id: id });
      return { status: "revoked" };
    } catch (e) {
      if (httpStatus(e) === 404) return { status: "unchanged" };
      return unexpected(e, what);
    }
  };
  return {
    type: "github-org-role",
    nativeExpiry: false,
    singleRole: false,
    rank: () => 0,
    limits: "Only direct role assignments are managed: roles held through a team stay. Organization roles need organization membership; jit-access does not invite anyone to the organization.",
    async list(r) {
      const org = orgOf(r);
      const grants = [];
      for (const role of r.roles) {
        const id = await roleId(org, role);
        if (id === void 0) continue;
        for (const login of (await holders(org, id)).values()) grants.push({ resource: r.id, grantee: login, role, state: "active" });
      }
      return grants;
    },
    grant: (r, grantee, role) => assign(orgOf(r), grantee, role),
    /** Leaves the grantee with exactly `role` among the resource's roles. */
    async changeRole(r, grantee, role) {
      const org = orgOf(r);
      const outcome = await assign(org, grantee, role);
      if (outcome.status === "failed") return outcome;
      let changed = outcome.status !== "unchanged";
      for (const other of r.roles) {
        if (other === role) continue;
        const removed = await unassign(org, grantee, other);
        if (removed.status === "failed") return removed;
        if (removed.status !== "unchanged") changed = true;
      }
      return { status: changed ? "granted" : "unchanged" };
    },
    revoke: (r, grant) => unassign(orgOf(r), grant.grantee, grant.role)
  };
}

// src/providers/github-repo.ts
var BUILT_IN = ["pull", "triage", "push", "maintain", "admin"];
var RANK = { pull: 1, triage: 2, push: 3, maintain: 4, admin: 5 };
var FROM_UI_NAME = { read: "pull", write: "push" };
var TO_INVITATION = { pull: "read", triage: "triage", push: "write", maintain: "maintain", admin: "admin" };
function target(r) {
  if (r.provider.type !== "github-repo") throw new Error(`${r.id} is not a github-repo resource`);
  return { owner: r.provider.owner, repo: r.provider.repo };
}
var lower2 = (s) => s.toLowerCase();
var label = (t) => `${t.owner}/${t.repo}`;
var isBuiltIn = (role) => BUILT_IN.includes(role);
var roleOf = (uiName) => FROM_UI_NAME[uiName] ?? uiName;
function githubRepoProvider(gh) {
  const directCollaborators = async (t) => {
    const list = await gh.paginate(gh.rest.repos.listCollaborators, { ...t, affiliation: "direct", per_page: 100 });
    return list.filter((c) => lower2(c.login) !== lower2(t.owner)).map((c) => ({ login: c.login, role: roleOf(c.role_name) }));
  };
  const invitations = async (t) => {
    const list = await gh.paginate(gh.rest.repos.listInvitations, { ...t, per_page: 100 });
    return list.flatMap((i) => i.invitee ? [{ id: i.id, login: i.invitee.login, role: roleOf(i.permissions), expired: i.expired === true }] : []);
  };
  const holdings = async (t, login) => {
    const [direct, invites] = await Promise.all([directCollaborators(t), invitations(t)]);
    return { direct: direct.find((c) => lower2(c.login) === lower2(login)), invites: invites.filter((i) => lower2(i.login) === lower2(login)) };
  };
  const writeFailure = async (e, t, grantee, role, what) => {
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
  const put = async (t, grantee, role, what) => {
    try {
      const res = await gh.rest.repos.addCollaborator({ ...t, username: grantee, permission: role });
      if (res.status === 201) return { status: "invited", ...res.data?.id !== void 0 ? { handle: String(res.data.id) } : {} };
      return { status: "granted" };
    } catch (e) {
      return writeFailure(e, t, grantee, role, what);
    }
  };
  const provider = {
    type: "github-repo",
    nativeExpiry: false,
    singleRole: true,
    rank: (role) => RANK[role] ?? 2.5,
    // a custom role: above triage, below push unless known
    limits: "Only direct collaborators and their invitations are managed: access through the organization's base permission, teams or organization roles stays after a revoke. GitHub lists a collaborator's highest role from every source, and pending custom-role invitations by their base role.",
    async list(r) {
      const t = target(r);
      const [direct, invites] = await Promise.all([directCollaborators(t), invitations(t)]);
      const grants = direct.map((c) => ({ resource: r.id, grantee: c.login, role: c.role, state: "active" }));
      const seen = new Set(direct.map((c) => lower2(c.login)));
      for (const inv of invites) {
        if (inv.expired || seen.has(lower2(inv.login))) continue;
        seen.add(lower2(inv.login));
        grants.push({ resource: r.id, grantee: inv.login, role: inv.role, state: "pending", handle: String(inv.id) });
      }
      return grants;
    },
    async grant(r, grantee, role) {
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
            }
          }
        }
        for (const stale of invites.filter((i) => i.expired)) {
          await gh.rest.repos.deleteInvitation({ ...t, invitation_id: stale.id }).catch((e) => {
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
    async revoke(r, grant) {
      const t = target(r);
      const what = `remove ${grant.grantee} from ${label(t)}`;
      try {
        const { direct, invites } = await holdings(t, grant.grantee);
        let changed = false;
        for (const inv of invites) {
          try {
            await gh.rest.repos.deleteInvitation({ ...t, invitation_id: inv.id });
            if (!inv.expired) changed = true;
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
    }
  };
  return provider;
}

// src/providers/github-team.ts
var ROLES = ["member", "maintainer"];
function target2(r) {
  if (r.provider.type !== "github-team") throw new Error(`${r.id} is not a github-team resource`);
  return { org: r.provider.org, team_slug: r.provider.team };
}
var label2 = (t) => `${t.org}/${t.team_slug}`;
var lower3 = (s) => s.toLowerCase();
function githubTeamProvider(gh) {
  const orgTeams = /* @__PURE__ */ new Map();
  const orgInvitations = /* @__PURE__ */ new Map();
  const childrenOf = (org) => {
    let p = orgTeams.get(lower3(org));
    if (!p) {
      p = gh.paginate(gh.rest.teams.list, { org, per_page: 100 }).then((teams) => {
        const m = /* @__PURE__ */ new Map();
        for (const t of teams) {
          const parent = t.parent?.slug;
          if (parent) m.set(lower3(parent), [...m.get(lower3(parent)) ?? [], t.slug]);
        }
        return m;
      });
      p.catch(() => orgTeams.delete(lower3(org)));
      orgTeams.set(lower3(org), p);
    }
    return p;
  };
  const pendingIn = (org) => {
    let p = orgInvitations.get(lower3(org));
    if (!p) {
      p = gh.paginate(gh.rest.orgs.listPendingInvitations, { org, per_page: 100 }).then((list) => list.flatMap((i) => i.login ? [{ id: i.id, login: i.login }] : []));
      p.catch(() => orgInvitations.delete(lower3(org)));
      orgInvitations.set(lower3(org), p);
    }
    return p;
  };
  const wrote = (org) => orgInvitations.delete(lower3(org));
  const descendants = async (t) => {
    const tree = await childrenOf(t.org);
    const out = [];
    const queue = [...tree.get(lower3(t.team_slug)) ?? []];
    while (queue.length > 0) {
      const c = queue.shift();
      if (out.includes(c)) continue;
      out.push(c);
      queue.push(...tree.get(lower3(c)) ?? []);
    }
    return out;
  };
  const logins = async (org, slugs, role) => {
    const lists = await Promise.all(slugs.map((team_slug) => gh.paginate(gh.rest.teams.listMembersInOrg, { org, team_slug, role, per_page: 100 })));
    return new Set(lists.flat().map((m) => lower3(m.login)));
  };
  const directMembers = async (t) => {
    const all = await gh.paginate(gh.rest.teams.listMembersInOrg, { ...t, role: "all", per_page: 100 });
    if (all.every((m) => typeof m.inherited === "boolean" && (m.role === "member" || m.role === "maintainer"))) {
      return all.filter((m) => m.inherited === false).map((m) => ({ login: m.login, role: m.role }));
    }
    const [maintainers, below] = await Promise.all([
      gh.paginate(gh.rest.teams.listMembersInOrg, { ...t, role: "maintainer", per_page: 100 }),
      descendants(t)
    ]);
    const isMaintainer = new Set(maintainers.map((m) => lower3(m.login)));
    const inChild = below.length > 0 ? await logins(t.org, below, "all") : /* @__PURE__ */ new Set();
    const ambiguousMaintainers = all.some((m) => inChild.has(lower3(m.login)) && isMaintainer.has(lower3(m.login)));
    const maintainerBelow = ambiguousMaintainers ? await logins(t.org, below, "maintainer") : /* @__PURE__ */ new Set();
    const out = [];
    for (const m of all) {
      const k = lower3(m.login);
      const role = isMaintainer.has(k) ? "maintainer" : "member";
      if (inChild.has(k) && !(role === "maintainer" && !maintainerBelow.has(k))) continue;
      out.push({ login: m.login, role });
    }
    return out;
  };
  const membership = async (t, username) => {
    try {
      const res = await gh.rest.teams.getMembershipForUserInOrg({ ...t, username });
      return { role: res.data.role, state: res.data.state };
    } catch (e) {
      if (httpStatus(e) === 404) return void 0;
      throw e;
    }
  };
  const invitationOf = async (t, username) => {
    const invitations = await gh.paginate(gh.rest.teams.listPendingInvitationsInOrg, { ...t, per_page: 100 });
    return invitations.find((i) => i.login && lower3(i.login) === lower3(username))?.id;
  };
  const writeFailure = async (e, t, grantee, what) => {
    const status = httpStatus(e);
    const message = apiMessage(e);
    if (status === 403 && /^blocked$/i.test(message.trim())) {
      return failed("blocked", `${what}: GitHub answers "Blocked": ${grantee} is blocked by ${t.org} (or blocked it). Unblock them in the organization's settings, or withdraw the lease.`);
    }
    if (status === 403 && /identity provider|synchroniz|externally managed|idp/i.test(message)) {
      return failed("idp-managed", `${what}: team ${label2(t)} is synchronized with an identity provider, so its membership can only change there. Add ${grantee} to the IdP group, or manage another team with jit-access.`);
    }
    if (status === 404) return notFound(gh, grantee, what, `team ${label2(t)}`);
    if (status === 422) return failed("rejected", `${what}: GitHub refused it (${message}).`);
    return unexpected(e, what);
  };
  const provider = {
    type: "github-team",
    nativeExpiry: false,
    singleRole: true,
    rank: (role) => role === "maintainer" ? 2 : role === "member" ? 1 : 0,
    limits: "Only direct team memberships are managed: members through a child team, and access through other teams or the organization, remain. GitHub reports organization owners as maintainers. Without GitHub's team member details, a direct member who is also in a child team is not listed (nor revoked).",
    async list(r) {
      const t = target2(r);
      const [direct, orgPending] = await Promise.all([directMembers(t), pendingIn(t.org)]);
      const grants = direct.map((m) => ({ resource: r.id, grantee: m.login, role: m.role, state: "active" }));
      if (orgPending.length === 0) return grants;
      const seen = new Set(direct.map((m) => lower3(m.login)));
      const invitations = await gh.paginate(gh.rest.teams.listPendingInvitationsInOrg, { ...t, per_page: 100 });
      for (const inv of invitations) {
        if (!inv.login || seen.has(lower3(inv.login))) continue;
        const m = await membership(t, inv.login);
        if (m?.state !== "pending") continue;
        seen.add(lower3(inv.login));
        grants.push({ resource: r.id, grantee: inv.login, role: m.role, state: "pending", handle: String(inv.id) });
      }
      return grants;
    },
    async grant(r, grantee, role) {
      const t = target2(r);
      const what = `add ${grantee} to ${label2(t)} as ${role}`;
      if (!ROLES.includes(role)) return failed("invalid-role", `${what}: team roles are member and maintainer.`);
      try {
        const before = await membership(t, grantee);
        if (before && before.role === role) return { status: "unchanged" };
        let res;
        try {
          res = await gh.rest.teams.addOrUpdateMembershipForUserInOrg({ ...t, username: grantee, role });
        } catch (e) {
          return await writeFailure(e, t, grantee, what);
        } finally {
          wrote(t.org);
        }
        if (res.data.state !== "pending") return { status: "granted" };
        const id = await invitationOf(t, grantee).catch(() => void 0);
        return { status: "invited", ...id !== void 0 ? { handle: String(id) } : {} };
      } catch (e) {
        return unexpected(e, what, `team ${label2(t)}`);
      }
    },
    async changeRole(r, grantee, role) {
      return provider.grant(r, grantee, role);
    },
    async revoke(r, grant) {
      const t = target2(r);
      const what = `remove ${grant.grantee} from ${label2(t)}`;
      try {
        let changed = false;
        const current = await membership(t, grant.grantee);
        if (current) {
          try {
            await gh.rest.teams.removeMembershipForUserInOrg({ ...t, username: grant.grantee });
            changed = true;
          } catch (e) {
            if (httpStatus(e) !== 404) return await writeFailure(e, t, grant.grantee, what);
          } finally {
            wrote(t.org);
          }
        }
        if (await cancelLeftoverInvitation(t, grant)) changed = true;
        return { status: changed ? "revoked" : "unchanged" };
      } catch (e) {
        return unexpected(e, what, `team ${label2(t)}`);
      }
    }
  };
  const cancelLeftoverInvitation = async (t, grant) => {
    let id = grant.handle !== void 0 && /^\d+$/.test(grant.handle) ? Number(grant.handle) : void 0;
    if (id === void 0 && grant.state === "pending") {
      const pending = await gh.paginate(gh.rest.orgs.listPendingInvitations, { org: t.org, per_page: 100 });
      id = pending.find((i) => i.login && lower3(i.login) === lower3(grant.grantee))?.id;
    }
    if (id === void 0) return false;
    try {
      const teams = await gh.paginate(gh.rest.orgs.listInvitationTeams, { org: t.org, invitation_id: id, per_page: 100 });
      if (teams.length > 0) return false;
      await gh.rest.orgs.cancelInvitation({ org: t.org, invitation_id: id });
      wrote(t.org);
      return true;
    } catch (e) {
      if (httpStatus(e) === 404) return false;
      throw e;
    }
  };
  return provider;
}

// src/providers/registry.ts
var FACTORIES = {
  "github-team": githubTeamProvider,
  "github-repo": githubRepoProvider,
  "github-org-role": githubOrgRoleProvider
};
function providerFor(resource, gh) {
  const factory = FACTORIES[resource.provider.type];
  if (!factory) throw new Error(`${resource.id}: no provider for type "${String(resource.provider.type)}"`);
  return factory(gh);
}
function createProviderRegistry(gh) {
  const byType = /* @__PURE__ */ new Map();
  return (resource) => {
    const type = resource.provider.type;
    let p = byType.get(type);
    if (!p) byType.set(type, p = providerFor(resource, gh));
    return p;
  };
}

export {
  providerFor,
  createProviderRegistry
};
