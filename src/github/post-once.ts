/**
 * Posts a pull request comment unless one carrying its marker is already there: a bot's
 * comment starting with it (see sticky-comment.ts). A person's comment, or one of ours that
 * quotes lease text containing the marker, does not count, so neither can silence it.
 */
import type { GitHubClient } from "./client.js";
import { isMarked } from "./sticky-comment.js";

export async function postOnce(gh: GitHubClient, where: { owner: string; repo: string; number: number }, marker: string, body: string): Promise<boolean> {
  if (!body.startsWith(marker)) throw new Error(`postOnce: the body must start with its marker ${marker}.`);
  const comments = await gh.paginate(gh.rest.issues.listComments, { owner: where.owner, repo: where.repo, issue_number: where.number, per_page: 100 });
  if (comments.some((c) => isMarked(c, marker))) return false;
  await gh.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.number, body });
  return true;
}
