/**
 * Which facts (team memberships, org memberships) validating a pull request needs, so the
 * shell can look up exactly those through the API and nothing else.
 */
import { loadLease } from "../lease/load-lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { loadPolicy } from "../policy/load-policy.js";
import { teamsIn } from "../policy/people.js";
import { issuesCredentials, resourceOrg } from "../policy/policy.js";
import type { PullRequestInput } from "./inputs.js";

export interface FactQuestions {
  /** "org/slug" whose members are needed. */
  teams: string[];
  /** org memberships to check. */
  orgMembers: Array<{ org: string; login: string }>;
  /** Logins whose public SSH keys are needed (grantees of resources that issue credentials). */
  sshKeys?: string[];
  /** Organizations whose members without two-factor authentication are needed (resources with requireTwoFactor). */
  twoFactorOrgs?: string[];
}

export function neededFacts(input: Omit<PullRequestInput, "facts">): FactQuestions {
  const teams = new Set<string>();
  const orgMembers = new Map<string, { org: string; login: string }>();
  const sshKeys = new Set<string>();
  const twoFactorOrgs = new Set<string>();
  const policy = input.basePolicy ? loadPolicy(input.policyPath, input.basePolicy).policy : undefined;
  if (!policy || input.author === undefined) return { teams: [], orgMembers: [] };
  for (const c of input.changes) {
    if (!c.head) continue;
    const where = checkLeasePath(c.path);
    if (where.kind !== "lease") continue;
    const lease = loadLease(c.path, c.head.bytes).lease;
    const r = lease ? policy.resources.get(lease.resource) : undefined;
    if (!lease || !r) continue;
    if (issuesCredentials(r.provider)) sshKeys.add(lease.grantee.toLowerCase());
    if (r.requireTwoFactor) twoFactorOrgs.add(resourceOrg(r.provider).toLowerCase());
    if (r.requesters) teamsIn(r.requesters, policy.groups).forEach((t) => teams.add(t));
    else {
      const org = resourceOrg(r.provider);
      orgMembers.set(`${org}/${input.author}`.toLowerCase(), { org, login: input.author });
    }
    if (Array.isArray(r.allowRequestFor)) teamsIn(r.allowRequestFor, policy.groups).forEach((t) => teams.add(t));
  }
  return { teams: [...teams].sort(), orgMembers: [...orgMembers.values()], ...(sshKeys.size > 0 ? { sshKeys: [...sshKeys].sort() } : {}), ...(twoFactorOrgs.size > 0 ? { twoFactorOrgs: [...twoFactorOrgs].sort() } : {}) };
}
