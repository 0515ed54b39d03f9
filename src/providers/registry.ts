/** Which provider serves a resource, by its policy `provider.type`. The one place targets are wired in. */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import { githubOrgRoleProvider } from "./github-org-role.js";
import { githubRepoProvider } from "./github-repo.js";
import { githubTeamProvider } from "./github-team.js";
import type { Provider } from "./provider.js";

const FACTORIES: Record<Resource["provider"]["type"], (gh: GitHubClient) => Provider> = {
  "github-team": githubTeamProvider,
  "github-repo": githubRepoProvider,
  "github-org-role": githubOrgRoleProvider,
};

/** A fresh provider for the resource's `provider.type` (nothing shared with other calls). */
export function providerFor(resource: Resource, gh: GitHubClient): Provider {
  const factory = FACTORIES[resource.provider.type];
  if (!factory) throw new Error(`${resource.id}: no provider for type "${String((resource.provider as { type: unknown }).type)}"`);
  return factory(gh);
}

/**
 * Providers for one run: one instance per type, so resources of a run share what providers
 * cache (org-wide lists, role ids). Make a new registry for every run: nothing is cached
 * from one run to the next.
 */
export function createProviderRegistry(gh: GitHubClient): (resource: Resource) => Provider {
  const byType = new Map<string, Provider>();
  return (resource) => {
    const type = resource.provider.type;
    let p = byType.get(type);
    if (!p) byType.set(type, (p = providerFor(resource, gh)));
    return p;
  };
}
