/** Which provider serves a resource, by its policy `provider.type`. The one place targets are wired in. */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import { githubOrgRoleProvider } from "./github-org-role.js";
import { githubRepoProvider } from "./github-repo.js";
import { githubTeamProvider } from "./github-team.js";
import type { Provider } from "./provider.js";

export function providerFor(resource: Resource, gh: GitHubClient): Provider {
  switch (resource.provider.type) {
    case "github-team":
      return githubTeamProvider(gh);
    case "github-repo":
      return githubRepoProvider(gh);
    case "github-org-role":
      return githubOrgRoleProvider(gh);
  }
}
