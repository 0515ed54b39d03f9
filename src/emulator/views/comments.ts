/** JSON representation of issue comments (`issue-comment`). */
import { authorAssociation } from "../author-association.js";
import type { EmulatorEnv } from "../env.js";
import type { CommentRecord } from "../model.js";
import { isoTimestamp } from "../timestamps.js";
import { simpleUser } from "./accounts.js";
import { repoApiUrl, repoHtmlUrl } from "./repos.js";

export function issueComment(env: EmulatorEnv, c: CommentRecord): Record<string, unknown> {
  const repo = c.issue.repo;
  const api = repoApiUrl(env.links, repo);
  const kind = c.issue.pull ? "pull" : "issues";
  const url = `${api}/issues/comments/${c.id}`;
  return {
    url,
    html_url: `${repoHtmlUrl(env.links, repo)}/${kind}/${c.issue.number}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issue.number}`,
    id: c.id,
    node_id: c.nodeId,
    user: simpleUser(env.links, c.user),
    created_at: isoTimestamp(c.createdAt),
    updated_at: isoTimestamp(c.updatedAt),
    author_association: authorAssociation(env.state, repo, c.user),
    body: c.body,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0,
    },
    performed_via_github_app: null,
  };
}
