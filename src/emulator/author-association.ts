/** How an account relates to a repository, as in GitHub's `author_association`. */
import type { AccountRecord, RepoRecord } from "./model.js";
import type { EmulatorState } from "./state.js";

export type AuthorAssociation =
  | "COLLABORATOR"
  | "CONTRIBUTOR"
  | "FIRST_TIMER"
  | "FIRST_TIME_CONTRIBUTOR"
  | "MANNEQUIN"
  | "MEMBER"
  | "NONE"
  | "OWNER";

export function authorAssociation(state: EmulatorState, repo: RepoRecord, user: AccountRecord): AuthorAssociation {
  const login = user.login.toLowerCase();
  if (repo.owner.login.toLowerCase() === login) return "OWNER";
  const org = state.getOrg(repo.owner.login);
  const member = org?.members.get(login);
  if (member && member.state === "active") return "MEMBER";
  if (repo.collaborators.has(login)) return "COLLABORATOR";
  for (const issue of repo.issues.values()) {
    if (issue.pull?.merged && issue.user === user) return "CONTRIBUTOR";
  }
  return "NONE";
}
