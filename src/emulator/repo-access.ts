/**
 * Who may see a repository and with which role. GitHub hides private
 * repositories from those without access behind a 404. Bots stand for GitHub
 * App installations and are treated as installed on every repository.
 *
 * A person's role on a repository is the highest of every source: ownership,
 * organization owner, the organization's base permission, and a direct
 * collaboration (built-in permission or custom repository role). Team access to
 * repositories is not modelled. A custom role ranks just above its base role.
 */
import type { AccountRecord, CollaboratorRecord, RepoRecord } from "./model.js";
import type { EmulatorState } from "./state.js";

export interface RepoPermissions {
  admin: boolean;
  maintain: boolean;
  push: boolean;
  triage: boolean;
  pull: boolean;
}

export const LEVELS = ["pull", "triage", "push", "maintain", "admin"] as const;
export type Level = (typeof LEVELS)[number];

/** `role_name` of the built-in levels, and their legacy `permission` (admin, write, read). */
export const ROLE_NAME: Record<Level, string> = { pull: "read", triage: "triage", push: "write", maintain: "maintain", admin: "admin" };
export const LEGACY_PERMISSION: Record<Level, string> = { pull: "read", triage: "read", push: "write", maintain: "write", admin: "admin" };
const BASE_LEVEL: Record<string, Level> = { read: "pull", triage: "triage", write: "push", maintain: "maintain", admin: "admin" };

/** A role on a repository: its permission level (custom roles: their base), its role_name, and a rank to compare. */
export interface RepoRole {
  level: Level;
  roleName: string;
  rank: number;
}

function builtIn(level: Level): RepoRole {
  return { level, roleName: ROLE_NAME[level], rank: LEVELS.indexOf(level) };
}

export function permissionFlags(level: Level | null): RepoPermissions {
  const rank = level === null ? -1 : LEVELS.indexOf(level);
  return { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 };
}

function higher(a: RepoRole | null, b: RepoRole | null): RepoRole | null {
  if (a === null) return b;
  if (b === null) return a;
  return b.rank > a.rank ? b : a;
}

/** The role a collaborator record gives (null for a custom role the organization no longer has). */
export function collaboratorRole(state: EmulatorState, repo: RepoRecord, c: Pick<CollaboratorRecord, "permission">): RepoRole | null {
  if ((LEVELS as readonly string[]).includes(c.permission)) return builtIn(c.permission as Level);
  const custom = state.getOrg(repo.owner.login)?.customRepoRoles.get(c.permission.toLowerCase());
  if (!custom) return null;
  const level = BASE_LEVEL[custom.baseRole] ?? "pull";
  return { level, roleName: custom.name, rank: LEVELS.indexOf(level) + 0.5 };
}

/** The highest role `who` has on `repo` from every source, or null for none (public read access not included). */
export function effectiveRole(state: EmulatorState, repo: RepoRecord, who: AccountRecord): RepoRole | null {
  if (who.type === "Bot" || repo.owner === who) return builtIn("admin");
  const login = who.login.toLowerCase();
  let role: RepoRole | null = null;
  const org = state.getOrg(repo.owner.login);
  const member = org?.members.get(login);
  if (org && member?.state === "active") {
    if (member.role === "admin") return builtIn("admin");
    const base = org.defaultRepositoryPermission;
    if (base !== "none") role = builtIn(BASE_LEVEL[base] ?? "pull");
  }
  const collaborator = repo.collaborators.get(login);
  if (collaborator) role = higher(role, collaboratorRole(state, repo, collaborator));
  return role;
}

export function repoPermissions(state: EmulatorState, repo: RepoRecord, who: AccountRecord | null): RepoPermissions {
  const role = who ? effectiveRole(state, repo, who) : null;
  const level = role?.level ?? (repo.private ? null : "pull");
  const flags = permissionFlags(level);
  if (!repo.private) flags.pull = true;
  return flags;
}

export function canRead(state: EmulatorState, repo: RepoRecord, who: AccountRecord | null): boolean {
  return repoPermissions(state, repo, who).pull;
}
