/** Answers the validation core's questions (team members, org membership) through the API. */
import type { Facts, TwoFactorFacts } from "../policy/people.js";
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
  for (const org of q.twoFactorOrgs ?? []) (facts.twoFactor ??= new Map()).set(org.toLowerCase(), await twoFactorOf(gh, org));
  return facts;
}

/**
 * Members and outside collaborators of an organization without two-factor authentication:
 * `GET /orgs/{org}/members?filter=2fa_disabled` and
 * `GET /orgs/{org}/outside_collaborators?filter=2fa_disabled`. GitHub lets only organization
 * owners use the members filter; others get 422 "Only owners can use this filter." (field
 * reports), and a token without the Members permission 403: then the state is unknown (when
 * either list cannot be read), and the caller says so.
 */
async function twoFactorOf(gh: GitHubClient, org: string): Promise<TwoFactorFacts> {
  try {
    const members = await gh.paginate(gh.rest.orgs.listMembers, { org, filter: "2fa_disabled", per_page: 100 });
    const outside = await gh.paginate(gh.rest.orgs.listOutsideCollaborators, { org, filter: "2fa_disabled", per_page: 100 });
    return { kind: "known", disabled: new Set([...members, ...outside].map((m) => m.login.toLowerCase())) };
  } catch (e) {
    const s = status(e);
    if (s === 422 || s === 403 || s === 404) {
      const said = typeof e === "object" && e !== null && "message" in e ? String((e as { message: unknown }).message).split("\n")[0] : "";
      return { kind: "unknown", why: `GitHub answered ${s}${said ? ` (${said})` : ""} to the list of ${org}'s members or outside collaborators without two-factor authentication: only organization owners may use that filter, and this token is not one's (or lacks the organization Members permission)` };
    }
    throw e;
  }
}
