/** Turns a GitHub API error for one item into a per-item failure a person can act on. */
import type { GrantOutcome } from "./provider.js";

export function httpStatus(e: unknown): number | undefined {
  return typeof e === "object" && e !== null && "status" in e ? Number((e as { status: unknown }).status) : undefined;
}

export function failure(e: unknown, what: string): GrantOutcome {
  const status = httpStatus(e);
  const detail = (e as Error).message ?? String(e);
  switch (status) {
    case 404:
      return { status: "failed", code: "not-found", message: `${what}: not found (the user may not exist, or the target is not visible to the token). ${detail}` };
    case 403:
      return { status: "failed", code: "forbidden", message: `${what}: forbidden — check the GitHub App's permissions, and whether the target is managed elsewhere (e.g. an IdP-synced team). ${detail}` };
    case 422:
      return { status: "failed", code: "rejected", message: `${what}: GitHub refused it (${detail}). The user may have blocked the organization, left it, or hit an invitation limit.` };
    default:
      return { status: "failed", code: "api-error", message: `${what}: ${detail}` };
  }
}
