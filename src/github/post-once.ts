/** Posts a pull request comment unless one carrying its marker is already there. */
import type { GitHubClient } from "./client.js";

export async function postOnce(gh: GitHubClient, where: { owner: string; repo: string; number: number }, marker: string, body: string): Promise<boolean> {
  const comments = await gh.paginate(gh.rest.issues.listComments, { owner: where.owner, repo: where.repo, issue_number: where.number, per_page: 100 });
  if (comments.some((c) => c.body?.includes(marker))) return false;
  await gh.rest.issues.createComment({ owner: where.owner, repo: where.repo, issue_number: where.number, body });
  return true;
}
