/**
 * One pull request comment per purpose, updated in place: found by a hidden marker at the
 * very start of a bot's comment (so a comment a person wrote with the marker is never taken
 * over, and a comment that merely quotes a marker — lease text shown as code — is never taken
 * for another purpose's comment).
 */
import type { GitHubClient } from "./client.js";

export async function upsertStickyComment(
  gh: GitHubClient,
  where: { owner: string; repo: string; number: number },
  marker: string,
  body: string,
): Promise<{ id: number; created: boolean }> {
  if (!body.startsWith(marker)) throw new Error(`upsertStickyComment: the body must start with its marker ${marker}.`);
  const comments = await gh.paginate(gh.rest.issues.listComments, { owner: where.owner, repo: where.repo, issue_number: where.number, per_page: 100 });
  const mine = comments.filter((c) => isMarked(c, marker));
  for (const c of mine.reverse()) {
    if (c.body === body) return { id: c.id, created: false };
    try {
      await gh.rest.issues.updateComment({ owner: where.owner, repo: where.repo, comment_id: c.id, body });
      return { id: c.id, created: false };
    } catch (e) {
      const status = (e as { status?: number }).status;
      if (status !== 403 && status !== 404) throw e; // not ours after all: fall through and create
    }
  }
  const res = await gh.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.number, body });
  return { id: res.data.id, created: true };
}

/** A bot's comment that starts with `marker`: the ones this tool wrote for that purpose. */
export function isMarked(c: { body?: string | null; user?: { type?: string } | null }, marker: string): boolean {
  return c.user?.type === "Bot" && (c.body ?? "").startsWith(marker);
}
