/**
 * Who may see a repository and with which permissions. GitHub hides private
 * repositories from those without access behind a 404. Bots stand for GitHub
 * App installations and are treated as installed on every repository.
 * Custom repository roles and org roles would plug in here.
 */
import type { AccountRecord, RepoRecord } from "./model.js";
import type { EmulatorState } from "./state.js";

export interface RepoPermissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

const LEVELS = ["pull", "triage", "push", "maintain", "admin"] as const;
type Level = (typeof LEVELS)[number];

function fromLevel(level: Level | null): RepoPermissions {
  const rank = level === null ? -1 : LEVELS.indexOf(level);
  return { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 };
}

function max(a: Level | null, b: Level | null): Level | null {
  if (a === null) return b;
  if (b === null) return a;
  return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
}

export function repoPermissions(state: EmulatorState, repo: RepoRecord, who: AccountRecord | null): RepoPermissions {
  let level: Level | null = repo.private ? null : "pull";
  if (who) {
    const login = who.login.toLowerCase();
    if (who.type === "Bot" || repo.owner === who) level = "admin";
    const member = state.getOrg(repo.owner.login)?.members.get(login);
    if (member?.state === "active") level = max(level, member.role === "admin" ? "admin" : "pull");
    const collaborator = repo.collaborators.get(login);
    if (collaborator && (LEVELS as readonly string[]).includes(collaborator.permission)) {
      level = max(level, collaborator.permission as Level);
    }
  }
  return fromLevel(level);
}

export function canRead(state: EmulatorState, repo: RepoRecord, who: AccountRecord | null): boolean {
  return repoPermissions(state, repo, who).pull;
}
