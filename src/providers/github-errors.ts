/**
 * Shared helpers of the GitHub providers: reading Octokit errors, and turning a GitHub
 * answer for one item into a per-item failure a person can act on.
 */
import type { GitHubClient } from "../github/client.js";
import type { GrantOutcome } from "./provider.js";

export function httpStatus(e: unknown): number | undefined {
  if (typeof e !== "object" || e === null || !("status" in e)) return undefined;
  const n = Number((e as { status: unknown }).status);
  return Number.isFinite(n) ? n : undefined;
}

/** GitHub's message for an error answer, with the messages of its `errors` items. */
export function apiMessage(e: unknown): string {
  const data = (e as { response?: { data?: unknown } } | null)?.response?.data;
  if (typeof data === "object" && data !== null) {
    const d = data as { message?: unknown; errors?: unknown };
    const parts: string[] = [];
    if (typeof d.message === "string") parts.push(d.message);
    if (Array.isArray(d.errors)) {
      for (const item of d.errors) {
        if (typeof item === "string") parts.push(item);
        else if (typeof item === "object" && item !== null) {
          const it = item as { message?: unknown; code?: unknown; field?: unknown };
          if (typeof it.message === "string") parts.push(it.message);
          else if (typeof it.code === "string") parts.push(`${String(it.field ?? "")} ${it.code}`.trim());
        }
      }
    }
    if (parts.length > 0) return parts.join(": ");
  }
  return e instanceof Error ? e.message : String(e);
}

export function failed(code: string, message: string): GrantOutcome {
  return { status: "failed", code, message };
}

/** Does a GitHub account with this login exist? undefined when GitHub could not say. */
export async function accountExists(gh: GitHubClient, login: string): Promise<boolean | undefined> {
  try {
    await gh.rest.users.getByUsername({ username: login });
    return true;
  } catch (e) {
    return httpStatus(e) === 404 ? false : undefined;
  }
}

/**
 * The failure for an answer no provider-specific rule explains (5xx after retries,
 * network, ...). `target` names what a 404 means is missing (e.g. "repository acme/web").
 */
export function unexpected(e: unknown, what: string, target?: string): GrantOutcome {
  const status = httpStatus(e);
  if (status === 404 && target) {
    return failed("not-found", `${what}: ${target} was not found, or the GitHub App cannot see it; check the resource's provider settings and the App's installation.`);
  }
  if (status === 403) {
    return failed("forbidden", `${what}: GitHub refused (403: ${apiMessage(e)}). Check that the GitHub App has the permission this needs (organization Members, repository Administration) and access to the target.`);
  }
  if (status !== undefined) return failed("api-error", `${what}: GitHub answered ${status} (${apiMessage(e)}); a later run retries it.`);
  return failed("api-error", `${what}: ${apiMessage(e)}; a later run retries it.`);
}

/** A 404 on a write: the user does not exist (deleted, renamed, mistyped), or the target is not visible. */
export async function notFound(gh: GitHubClient, login: string, what: string, target: string): Promise<GrantOutcome> {
  if ((await accountExists(gh, login)) === false) {
    return failed("user-not-found", `${what}: there is no GitHub account named ${login} (deleted, renamed or mistyped); fix the grantee in the lease.`);
  }
  return failed("not-found", `${what}: ${target} was not found, or the GitHub App cannot see it; check the resource's provider settings and the App's installation.`);
}
