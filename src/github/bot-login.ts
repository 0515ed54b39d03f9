/**
 * The login the request form opens pull requests as ("the bot"): the `bot-login` input, or
 * the token's own login, asked once per client and only when a pull request's author is a bot
 * account: GET /user (user tokens), else GraphQL `viewer` (GitHub answers GET /user with 403
 * for App installation tokens, but `viewer` is the App's bot). Workflows that validate with
 * another token than the one that opened the pull request (GITHUB_TOKEN) must pass
 * `bot-login`, e.g. `${{ steps.app.outputs.app-slug }}[bot]`.
 */
import type { GitHubClient } from "./client.js";

export interface BotLogin {
  login?: string;
  /** Why it is unknown, for a warning. */
  problem?: string;
}

const asked = new WeakMap<GitHubClient, Promise<BotLogin>>();

export function botLogin(gh: GitHubClient, configured: string | undefined): Promise<BotLogin> {
  const given = configured?.trim();
  if (given) return Promise.resolve({ login: given });
  let answer = asked.get(gh);
  if (!answer) {
    answer = gh.rest.users.getAuthenticated().then(
      (r): BotLogin => ({ login: r.data.login }),
      (e: unknown) =>
        gh.graphql<{ viewer: { login: string } }>("query { viewer { login } }").then(
          (r): BotLogin => ({ login: r.viewer.login }),
          (): BotLogin => ({ problem: `the token's login could not be read (GET /user: ${(e as Error).message}); set the bot-login input to the login the request workflow opens pull requests as, e.g. \${{ steps.app.outputs.app-slug }}[bot]` }),
        ),
    );
    asked.set(gh, answer);
  }
  return answer;
}

/** The bot's login when `author` may be it: configured, or (for a bot account) the token's own. */
export async function botLoginFor(gh: GitHubClient, configured: string | undefined, author: string): Promise<BotLogin> {
  if (configured?.trim() || author.endsWith("[bot]")) return botLogin(gh, configured);
  return {};
}
