/**
 * One pull request comment per purpose, updated in place: found by a hidden marker and a
 * bot author (so a comment a person wrote with the marker is never taken over).
 */
import type { GitHubClient } from "./client.js";

export async function upsertStickyComment(
  gh: GitHubClient,
  where: { owner: string; repo: string; number: number },
  marker: string,
  body: string,
): Promise<{ id: number; created: boolean }> {
  const comments = await gh.paginate(gh.rest.issues.listComments, { owner: where.owner, repo: where.repo, issue_number: where.number, per_page: 100 });
  const mine = comments.filter((c) => c.body?.includes(marker) && c.user?.type === "Bot");
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
