/** What route handlers get to work with. */
import type { GitRepository } from "./git.js";
import type { Links } from "./links.js";
import type { AccountRecord, RepoRecord } from "./model.js";
import type { RateLimitSnapshot } from "./rate-limit.js";
import type { EmulatorState } from "./state.js";

export interface EmulatorEnv {
  state: EmulatorState;
  links: Links;
  now: () => Date;
  /** The git repository backing `repo`, or null when it has no gitDir. */
  git: (repo: RepoRecord) => GitRepository | null;
  /** The caller's current primary rate limit window. */
  rateLimit: (identity: AccountRecord | null) => RateLimitSnapshot;
}
