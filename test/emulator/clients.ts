/** Octokit clients for emulator tests: quiet, and fast to retry. */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";

export const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function client(baseUrl: string, auth: string | undefined = "test-token"): Octokit {
  return new Octokit({ baseUrl, log: quietLog, ...(auth !== undefined ? { auth } : {}) });
}

export const RetryingOctokit = Octokit.plugin(retry);
export const ThrottledOctokit = Octokit.plugin(retry, throttling);
