/**
 * Effective team membership as GitHub reports it: a team's members include
 * the members of its child teams (recursively); organization owners are
 * reported with the "maintainer" role.
 */
import type { AccountRecord, MembershipState, TeamRecord, TeamRole } from "./model.js";

export interface EffectiveTeamMember {
  user: AccountRecord;
  role: TeamRole;
  state: MembershipState;
  /** true when the membership comes only from a child team */
  inherited: boolean;
}

function descendants(team: TeamRecord): TeamRecord[] {
  const out: TeamRecord[] = [];
  const queue = [team];
  while (queue.length > 0) {
    const current = queue.shift() as TeamRecord;
    for (const t of current.org.teams.values()) {
      if (t.parent === current && !out.includes(t)) {
        out.push(t);
        queue.push(t);
      }
    }
  }
  return out;
}

function reportedRole(team: TeamRecord, user: AccountRecord, role: TeamRole): TeamRole {
  const orgMember = team.org.members.get(user.login.toLowerCase());
  return orgMember?.role === "admin" && orgMember.state === "active" ? "maintainer" : role;
}

/** Active members: direct ones first, then those inherited from child teams. */
export function effectiveTeamMembers(team: TeamRecord): EffectiveTeamMember[] {
  const seen = new Set<string>();
  const out: EffectiveTeamMember[] = [];
  const sources: Array<[TeamRecord, boolean]> = [[team, false], ...descendants(team).map((t): [TeamRecord, boolean] => [t, true])];
  for (const [source, inherited] of sources) {
    for (const [login, m] of source.members) {
      if (m.state !== "active" || seen.has(login)) continue;
      seen.add(login);
      out.push({ user: m.user, role: reportedRole(team, m.user, m.role), state: "active", inherited });
    }
  }
  return out;
}

/** The membership (direct, any state; else inherited and active) of `login`, if any. */
export function effectiveTeamMembership(team: TeamRecord, login: string): EffectiveTeamMember | undefined {
  const direct = team.members.get(login.toLowerCase());
  if (direct) return { user: direct.user, role: reportedRole(team, direct.user, direct.role), state: direct.state, inherited: false };
  return effectiveTeamMembers(team).find((m) => m.user.login.toLowerCase() === login.toLowerCase());
}
