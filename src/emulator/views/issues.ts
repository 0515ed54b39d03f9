/** JSON representations of issues (`issue`) and labels (`label`). */
import { authorAssociation } from "../author-association.js";
import type { EmulatorEnv } from "../env.js";
import { seg } from "../links.js";
import type { IssueRecord, LabelRecord, RepoRecord } from "../model.js";
import { isoTimestamp, isoTimestampOrNull } from "../timestamps.js";
import { simpleUser } from "./accounts.js";
import { repoApiUrl, repoHtmlUrl } from "./repos.js";

/** `label` */
export function label(env: EmulatorEnv, repo: RepoRecord, l: LabelRecord): Record<string, unknown> {
  return {
    id: l.id,
    node_id: l.nodeId,
    url: `${repoApiUrl(env.links, repo)}/labels/${seg(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: l.isDefault,
  };
}

/** `issue` (a pull request is an issue too: it then carries `pull_request`) */
export function issue(env: EmulatorEnv, i: IssueRecord): Record<string, unknown> {
  const repo = i.repo;
  const api = repoApiUrl(env.links, repo);
  const html = repoHtmlUrl(env.links, repo);
  const url = `${api}/issues/${i.number}`;
  const htmlUrl = i.pull ? `${html}/pull/${i.number}` : `${html}/issues/${i.number}`;
  let comments = 0;
  for (const c of env.state.comments.values()) if (c.issue === i) comments++;
  const assignees = i.assignees.map((a) => simpleUser(env.links, a));
  const out: Record<string, unknown> = {
    id: i.id,
    node_id: i.nodeId,
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: htmlUrl,
    number: i.number,
    state: i.state,
    state_reason: i.state === "closed" ? "completed" : null,
    title: i.title,
    body: i.body,
    user: simpleUser(env.links, i.user),
    labels: i.labels.map((l) => label(env, repo, l)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: isoTimestampOrNull(i.closedAt),
    created_at: isoTimestamp(i.createdAt),
    updated_at: isoTimestamp(i.updatedAt),
    author_association: authorAssociation(env.state, repo, i.user),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
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
  };
  if (i.pull) {
    out.draft = i.pull.draft;
    out.pull_request = {
      url: `${api}/pulls/${i.number}`,
      html_url: htmlUrl,
      diff_url: `${htmlUrl}.diff`,
      patch_url: `${htmlUrl}.patch`,
      merged_at: isoTimestampOrNull(i.pull.mergedAt),
    };
  }
  return out;
}
