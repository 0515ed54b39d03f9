/** Shared setup of the provider tests: resources, and a client like createClient's, minus write spacing. */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import type { GitHubClient } from "../../src/github/client.js";
import type { ProviderConfig, Resource } from "../../src/policy/policy.js";
import type { Grant, Provider } from "../../src/providers/provider.js";

export function resource(id: string, provider: ProviderConfig, roles: string[]): Resource {
  return {
    id,
    provider,
    roles,
    approvalRules: [{ from: ["carol"], count: 1 }],
    standing: [],
    maxDurationMinutes: 480,
    requireTicket: false,
    minReasonLength: 10,
    maxScheduleAheadMinutes: 10080,
    maxExtensions: 0,
    maxTotalDurationMinutes: 480,
    allowRequestFor: false,
    breakGlass: { allowed: false, maxDurationMinutes: 60, reviewWithinMinutes: 1440 },
    mode: "exclusive",
    revocation: "sweep",
    remindBeforeMinutes: 30,
    extendAfter: 0,
    requireTwoFactor: true,
    autoApprove: [],
  };
}

/** A throttling group that lets every job through at once. */
const immediate = {
  key: () => ({ schedule: (_options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]) => Promise.resolve(fn(...args)) }),
};

/**
 * The same plugins and limits as `createClient` (3 retries of 5xx, 3 retries after a
 * primary or secondary rate limit, retry-after honoured), except that writes are not
 * spaced 1 s (3 s for invitations) apart, which would make these tests take minutes.
 * `retryBaseMs` scales the 5xx back-off (1, 4, 9 × base), as createClient's option does.
 */
export function testClient(baseUrl: string, opts: { retryBaseMs?: number; log?: string[] } = {}): GitHubClient {
  const log = opts.log;
  const limit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    log?.push(`${kind} ${options.method} ${options.url} retry-after ${retryAfter}`);
    return retryCount < 3;
  };
  const TestOctokit = Octokit.plugin(retry, throttling);
  const quiet = () => {};
  return new TestOctokit({
    auth: "test-token",
    baseUrl,
    userAgent: "jit-access-test",
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    retry: { retries: 3, retryAfterBaseValue: opts.retryBaseMs ?? 1000 },
    throttle: {
      onRateLimit: limit("rate-limit"),
      onSecondaryRateLimit: limit("secondary"),
      write: immediate,
      notifications: immediate,
    } as never,
  }) as GitHubClient;
}

/** "grantee:role:state" of each grant, sorted, for compact assertions. */
export function summary(grants: Grant[]): string[] {
  return grants.map((g) => `${g.grantee}:${g.role}:${g.state}`).sort();
}

export async function listed(p: Provider, r: Resource): Promise<string[]> {
  return summary(await p.list(r));
}
