/**
 * The Octokit client every jit-access command uses: REST methods, pagination, retries of
 * transient failures and GitHub's recommended throttling (primary and secondary limits).
 */
import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";

import { ApiUnreachableError, connectionProblem } from "./api-unreachable.js";

/**
 * Errors that never reached GitHub (connection refused, unknown host): retried here a few
 * times, quickly, then one ApiUnreachableError, which the retry plugin does not repeat.
 * Applied first, so it sees each attempt before the retry plugin does.
 */
function unreachable(octokit: Octokit, options: { connect?: { retries: number; delayMs: number; sleep?: (ms: number) => Promise<void>; onRetry?: (attempt: number) => void } }) {
  const connect = options.connect ?? { retries: 2, delayMs: 250 };
  const sleep = connect.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  octokit.hook.wrap("request", async (request, opts) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request(opts);
      } catch (e) {
        const problem = connectionProblem(e);
        if (!problem) throw e;
        const baseUrl = String(opts.baseUrl ?? "https://api.github.com");
        if (!problem.retry || attempt > connect.retries) throw new ApiUnreachableError(baseUrl, problem.why, attempt, { method: String(opts.method), url: String(opts.url) });
        connect.onRetry?.(attempt);
        await sleep(connect.delayMs * attempt);
      }
    }
  });
}

const JitOctokit = Octokit.plugin(unreachable as never, retry, throttling);
export type GitHubClient = InstanceType<typeof JitOctokit>;

export interface ClientOptions {
  token: string;
  baseUrl?: string;
  /** How often to retry after a rate limit before giving up. */
  maxRateLimitRetries?: number;
  log?: (message: string) => void;
  /** Base wait before retrying a 5xx, ms (the wait grows as 1, 4, 9 × this). Default 1000. */
  retryBaseMs?: number;
  /**
   * Space writes 1 s apart (3 s for invitations), as GitHub asks of integrations, and queue
   * requests (at most 10 at once). Default true. Simulations against the local emulator turn it
   * off: requests then go at once (the queue alone costs several ms a request, more than the
   * emulator's answer). Rate-limit answers (403/429) are still waited out and retried.
   */
  spaceWrites?: boolean;
  /** When the API cannot be reached: retries (default 2), the wait before each (delayMs × attempt), and for tests a sleep and a counter. */
  connect?: { retries: number; delayMs: number; sleep?: (ms: number) => Promise<void>; onRetry?: (attempt: number) => void };
}

/** A throttling group that lets every job through at once. */
const immediate = {
  key: () => ({ schedule: (_options: unknown, fn: (...args: unknown[]) => unknown, ...args: unknown[]) => Promise.resolve(fn(...args)) }),
};

export function createClient(opts: ClientOptions): GitHubClient {
  const max = opts.maxRateLimitRetries ?? 3;
  const warn = opts.log ?? (() => {});
  return new JitOctokit({
    auth: opts.token,
    baseUrl: opts.baseUrl ?? "https://api.github.com",
    userAgent: "jit-access",
    // "500 with id UNKNOWN" is the request log's line for a request that never reached GitHub:
    // the ApiUnreachableError says that once, with the URL.
    log: { debug: () => {}, info: () => {}, warn: (m: string) => warn(m), error: (m: string) => (/ - 500 with id UNKNOWN in /.test(m) ? undefined : warn(m)) },
    // Transient failures (5xx, network) are retried 3 times; 4xx answers are final. (Setting
    // request.retries here instead would make the plugin retry every error, 404s included.)
    ...(opts.connect ? { connect: opts.connect } : {}),
    retry: { retries: 3, retryAfterBaseValue: opts.retryBaseMs ?? 1000 },
    throttle: {
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
        warn(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s (attempt ${retryCount + 1}/${max}).`);
        return retryCount < max;
      },
      onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
        warn(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s (attempt ${retryCount + 1}/${max}).`);
        return retryCount < max;
      },
      ...(opts.spaceWrites === false ? { global: immediate, auth: immediate, search: immediate, write: immediate, notifications: immediate } : {}),
    } as never,
  });
}

/**
 * Fails fast, with one clear ApiUnreachableError, when the API cannot be reached at all; any
 * answer (even an error status) means it can. Commands call it before work that would
 * otherwise report the same unreachable API once per resource.
 */
export async function assertApiReachable(gh: GitHubClient): Promise<void> {
  try {
    await gh.request("GET /rate_limit");
  } catch (e) {
    if (e instanceof ApiUnreachableError) throw e;
  }
}
