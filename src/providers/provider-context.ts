/**
 * What a provider is built with, for one run. The core never sees it: the shell makes one
 * context per run and hands it to the providers of that run's resources.
 *
 * - `gh`: the GitHub client (GitHub targets, and the grantee's public keys).
 * - `env`: where secrets named in the policy are read from (`connection: { env: JIT_PG_PROD }`):
 *   the workflow maps an Actions secret to that variable. Nothing secret is ever in the repo.
 * - `now`: the run's time (ms since the epoch); providers never read the clock.
 * - `log`: one line for the job log. Never a secret: providers log what they did, not with what.
 * - `ledger`: signed records a provider keeps because its target cannot be asked (which SSH
 *   certificates were issued and revoked); absent when the run has no evidence key.
 * - `accessRepo`: the checkout of the access repo's default branch and the commit whose files
 *   may run (the command provider runs an executable committed there, never a pull request's).
 */
import type { GitHubClient } from "../github/client.js";
import type { ProviderLedger } from "./ledger.js";

export interface ProviderContext {
  gh: GitHubClient;
  env: Readonly<Record<string, string | undefined>>;
  now: number;
  log: (line: string) => void;
  ledger?: ProviderLedger;
  accessRepo?: { dir: string; ref: string };
}
