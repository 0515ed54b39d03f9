/** Octokit clients for emulator tests: quiet, and fast to retry. */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";

export const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** `auth: null` sends no credentials. */
export function client(baseUrl: string, auth: string | null = "test-token"): Octokit {
  return new Octokit({ baseUrl, log: quietLog, ...(auth !== null ? { auth } : {}) });
}

export const RetryingOctokit = Octokit.plugin(retry);
export const ThrottledOctokit = Octokit.plugin(retry, throttling);

export interface FailedRequest {
  status: number;
  response?: { data: unknown; headers: Record<string, string | number | undefined> };
}

/** The error of a request that must fail (its status, response body and headers). */
export async function failure(request: Promise<unknown>): Promise<FailedRequest> {
  try {
    await request;
  } catch (error) {
    if (typeof error === "object" && error !== null && "status" in error) return error as FailedRequest;
    throw error;
  }
  throw new Error("expected the request to fail");
}
