#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  selectRecipientKeys
} from "./chunk-HNXO2XZY.js";

// src/github/resolve-facts.ts
function status(e) {
  return typeof e === "object" && e !== null && "status" in e ? Number(e.status) : void 0;
}
async function resolveFacts(gh, q) {
  const facts = { teams: /* @__PURE__ */ new Map(), orgMembers: /* @__PURE__ */ new Map() };
  for (const key of q.teams) {
    const [org = "", slug = ""] = key.split("/");
    try {
      const members = await gh.paginate(gh.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
      facts.teams.set(key, new Set(members.map((m) => m.login.toLowerCase())));
    } catch (e) {
      if (status(e) === 404) facts.teams.set(key, /* @__PURE__ */ new Set());
      else throw e;
    }
  }
  for (const { org, login } of q.orgMembers) {
    let member;
    try {
      const res = await gh.rest.orgs.checkMembershipForUser({ org, username: login });
      member = res.status === 204;
    } catch (e) {
      if (status(e) === 404 || status(e) === 302) member = false;
      else throw e;
    }
    facts.orgMembers.set(`${org}/${login}`.toLowerCase(), member);
  }
  for (const login of q.sshKeys ?? []) {
    const keys = await gh.paginate(gh.rest.users.listPublicKeysForUser, { username: login, per_page: 100 }).catch((e) => {
      if (status(e) === 404) return [];
      throw e;
    });
    (facts.sshKeys ??= /* @__PURE__ */ new Map()).set(login.toLowerCase(), selectRecipientKeys(keys.map((k) => k.key)).keys.length);
  }
  for (const org of q.twoFactorOrgs ?? []) (facts.twoFactor ??= /* @__PURE__ */ new Map()).set(org.toLowerCase(), await twoFactorOf(gh, org));
  return facts;
}
async function twoFactorOf(gh, org) {
  try {
    const members = await gh.paginate(gh.rest.orgs.listMembers, { org, filter: "2fa_disabled", per_page: 100 });
    const outside = await gh.paginate(gh.rest.orgs.listOutsideCollaborators, { org, filter: "2fa_disabled", per_page: 100 });
    return { kind: "known", disabled: new Set([...members, ...outside].map((m) => m.login.toLowerCase())) };
  } catch (e) {
    const s = status(e);
    if (s === 422 || s === 403 || s === 404) {
      const said = typeof e === "object" && e !== null && "message" in e ? String(e.message).split("\n")[0] : "";
      return { kind: "unknown", why: `GitHub answered ${s}${said ? ` (${said})` : ""} to the list of ${org}'s members or outside collaborators without two-factor authentication: only organization owners may use that filter, and this token is not one's (or lacks the organization Members permission)` };
    }
    throw e;
  }
}

export {
  resolveFacts
};
