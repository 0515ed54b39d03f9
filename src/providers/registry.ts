/** Which provider serves a resource, by its policy `provider.type`. The one place targets are wired in. */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import { githubOrgRoleProvider } from "./github-org-role.js";
import { githubRepoProvider } from "./github-repo.js";
import { githubTeamProvider } from "./github-team.js";
import { commandProvider } from "./command.js";
import { postgresProvider } from "./postgres.js";
import { sshCertificateProvider } from "./ssh-certificate.js";
import type { Provider } from "./provider.js";
import type { ProviderContext } from "./provider-context.js";

const FACTORIES: Record<Resource["provider"]["type"], (ctx: ProviderContext) => Provider> = {
  "github-team": (ctx) => githubTeamProvider(ctx.gh),
  "github-repo": (ctx) => githubRepoProvider(ctx.gh),
  "github-org-role": (ctx) => githubOrgRoleProvider(ctx.gh),
  postgres: postgresProvider,
  "ssh-certificate": sshCertificateProvider,
  command: commandProvider,
};

/** What a run gives its providers besides the GitHub client (secrets' environment, time, log). */
export type RunContext = Partial<Omit<ProviderContext, "gh">>;

function contextOf(gh: GitHubClient, run: RunContext = {}): ProviderContext {
  return { gh, env: run.env ?? {}, now: run.now ?? 0, log: run.log ?? (() => undefined), ...(run.ledger ? { ledger: run.ledger } : {}), ...(run.accessRepo ? { accessRepo: run.accessRepo } : {}) };
}

/** A fresh provider for the resource's `provider.type` (nothing shared with other calls). */
export function providerFor(resource: Resource, gh: GitHubClient, run?: RunContext): Provider {
  const factory = FACTORIES[resource.provider.type];
  if (!factory) throw new Error(`${resource.id}: no provider for type "${String((resource.provider as { type: unknown }).type)}"`);
  return factory(contextOf(gh, run));
}

export interface ProviderRegistry {
  (resource: Resource): Provider;
  /** Ends what the run's providers hold open (database connections); they reopen on next use. */
  close(): Promise<void>;
}

/**
 * Providers for one run: one instance per type, so resources of a run share what providers
 * cache (org-wide lists, role ids, connections). Make a new registry for every run: nothing
 * is cached from one run to the next. Close it when the run ends.
 */
export function createProviderRegistry(gh: GitHubClient, run?: RunContext): ProviderRegistry {
  const byType = new Map<string, Provider>();
  const ctx = contextOf(gh, run);
  const registry = (resource: Resource): Provider => {
    const type = resource.provider.type;
    let p = byType.get(type);
    if (!p) {
      const factory = FACTORIES[type];
      if (!factory) throw new Error(`${resource.id}: no provider for type "${String(type)}"`);
      byType.set(type, (p = factory(ctx)));
    }
    return p;
  };
  registry.close = async () => {
    await Promise.all([...byType.values()].map((p) => p.close?.().catch(() => undefined)));
  };
  return registry;
}
