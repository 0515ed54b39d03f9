/**
 * A local emulator of the parts of GitHub's REST API that jit-access uses.
 * Point Octokit at it with `baseUrl: emulator.url`.
 *
 *   const emu = await startEmulator();
 *   emu.state.addOrg("acme");
 *   const octokit = new Octokit({ auth: "test-token", baseUrl: emu.url });
 */
import type { ExchangeRecord } from "./exchange.js";
import { Faults } from "./faults.js";
import { DEFAULT_LIMIT, PrimaryRateLimiter, SecondaryRateLimiter } from "./rate-limit.js";
import type { SecondaryLimitOptions } from "./rate-limit.js";
import { EmulatorServer } from "./server.js";
import { DEFAULT_BOT_LOGIN, DEFAULT_TOKEN, EmulatorState } from "./state.js";

export type { OrgRoleAssignee, SetCollaboratorResult } from "./access-state.js";
export { AccessState, PREDEFINED_ORG_ROLES, REPO_INVITATIONS_PER_DAY, REPO_INVITATION_LIFETIME_MS } from "./access-state.js";
export type { ExchangeRecord } from "./exchange.js";
export type { ActiveFault, FaultSpec, RandomFaultSpec } from "./faults.js";
export { Faults } from "./faults.js";
export type * from "./model.js";
export type { RateLimitSnapshot, SecondaryLimitOptions } from "./rate-limit.js";
export { PrimaryRateLimiter } from "./rate-limit.js";
export type {
  AddCheckRunOptions,
  AddCustomRepoRoleOptions,
  AddIssueOptions,
  AddOrgOptions,
  AddOrgRoleOptions,
  AddPullRequestOptions,
  AddRepoOptions,
  AddReviewOptions,
  AddTeamOptions,
  AddUserOptions,
  InviteToOrgOptions,
  MergePullRequestOptions,
  UpdatePullRequestOptions,
} from "./state.js";
export { DEFAULT_BOT_LOGIN, DEFAULT_TOKEN, EmulatorState } from "./state.js";
export { hideTwoFactorFromApps, setTwoFactor } from "./two-factor.js";
export type { MergeRules } from "./merge-rules.js";
export { setMergeRules } from "./merge-rules.js";

export interface EmulatorOptions {
  /** Tokens accepted for the default bot identity (default ["test-token"]); more via state.addToken. */
  tokens?: string[];
  /** Login of the default identity (default "jit-access[bot]", a Bot). */
  botLogin?: string;
  /** Clock for timestamps and rate-limit windows (default: real time). */
  now?: () => Date;
  /** Primary (hourly) limit per identity (default 5000). */
  rateLimit?: { limit: number };
  /**
   * Secondary limit: more than maxRequests points within windowMs -> 403 with retry-after
   * (a GET is one point, another method `writePoints`, default 1; GitHub's: 900 a minute, 5). Off by
   * default. Its window runs on real time unless given its own clock (`now`): a client's real
   * retry-after wait then clears it even under a frozen `now` above.
   */
  secondary?: SecondaryLimitOptions & { now?: () => Date };
  /** How a fault's delay is waited (default: a real timer); a test may hold the answer instead. */
  sleep?: (ms: number) => Promise<void>;
  /** Called with every exchange right after it is answered (e.g. contract validation). */
  validate?: (r: ExchangeRecord) => void;
  /** Answer requests without a token (as the anonymous caller) instead of 401. Default false. */
  allowAnonymous?: boolean;
  /** Base of html_url fields (default "https://github.com"). */
  htmlUrl?: string;
  /** Port to listen on (default 0: a free port). */
  port?: number;
}

export interface Emulator {
  /** e.g. http://127.0.0.1:43123, to use as Octokit's baseUrl */
  url: string;
  /** seeding and inspection */
  state: EmulatorState;
  /** injectable faults */
  faults: Faults;
  /** primary rate limit windows (inspect, setRemaining, reset) */
  rateLimits: PrimaryRateLimiter;
  /** every exchange, in order */
  requests: ExchangeRecord[];
  resetLog(): void;
  /** Stops the server; rejects when the validate hook threw. */
  close(): Promise<void>;
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const now = opts.now ?? (() => new Date());
  const state = new EmulatorState(now);
  const bot = state.addUser(opts.botLogin ?? DEFAULT_BOT_LOGIN, { type: "Bot" });
  for (const token of opts.tokens ?? [DEFAULT_TOKEN]) state.addToken(token, bot.login);

  const faults = new Faults();
  const rateLimits = new PrimaryRateLimiter(now, opts.rateLimit?.limit ?? DEFAULT_LIMIT);
  const requests: ExchangeRecord[] = [];
  const hookErrors: unknown[] = [];
  const server = new EmulatorServer({
    state,
    faults,
    primary: rateLimits,
    secondary: opts.secondary ? new SecondaryRateLimiter({ maxRequests: opts.secondary.maxRequests, windowMs: opts.secondary.windowMs, ...(opts.secondary.writePoints !== undefined ? { writePoints: opts.secondary.writePoints } : {}) }, opts.secondary.now) : null,
    now,
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    allowAnonymous: opts.allowAnonymous ?? false,
    htmlUrl: opts.htmlUrl,
    log: requests,
    validate: opts.validate,
    onHookError: (e) => hookErrors.push(e),
  });
  const url = await server.listen(opts.port ?? 0);

  return {
    url,
    state,
    faults,
    rateLimits,
    requests,
    resetLog: () => {
      requests.length = 0;
    },
    close: async () => {
      await server.close();
      if (hookErrors.length > 0) throw new AggregateError(hookErrors, `emulator hook failed ${hookErrors.length} time(s)`);
    },
  };
}
