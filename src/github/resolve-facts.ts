/** Answers the validation core's questions (team members, org membership) through the API. */
import type { Facts } from "../policy/people.js";
import type { FactQuestions } from "../validate/needed-facts.js";
import type { GitHubClient } from "./client.js";
import { selectRecipientKeys } from "../credentials/ssh-public-key.js";

function status(e: unknown): number | undefined {
  return typeof e === "object" && e !== null && "status" in e ? Number((e as { status: unknown }).status) : undefined;
}

export async function resolveFacts(gh: GitHubClient, q: FactQuestions): Promise<Facts> {
  const facts: Facts = { teams: new Map(), orgMembers: new Map() };
  for (const key of q.teams) {
    const [org = "", slug = ""] = key.split("/");
    try {
      const members = await gh.paginate(gh.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
      facts.teams.set(key, new Set(members.map((m) => m.login.toLowerCase())));
    } catch (e) {
      if (status(e) === 404) facts.teams.set(key, new Set()); // no such (visible) team: nobody is in it
      else throw e;
    }
  }
  for (const { org, login } of q.orgMembers) {
    let member: boolean;
    try {
      const res = await gh.rest.orgs.checkMembershipForUser({ org, username: login });
      member = (res.status as number) === 204;
    } catch (e) {
      if (status(e) === 404 || status(e) === 302) member = false;
      else throw e;
    }
    facts.orgMembers.set(`${org}/${login}`.toLowerCase(), member);
  }
  for (const login of q.sshKeys ?? []) {
    const keys = await gh.paginate(gh.rest.users.listPublicKeysForUser, { username: login, per_page: 100 }).catch((e: unknown) => {
      if (status(e) === 404) return [];
      throw e;
    });
    (facts.sshKeys ??= new Map()).set(login.toLowerCase(), selectRecipientKeys(keys.map((k) => k.key)).keys.length);
  }
  return facts;
}
