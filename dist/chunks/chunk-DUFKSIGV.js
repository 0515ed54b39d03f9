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
  return facts;
}

export {
  resolveFacts
};
