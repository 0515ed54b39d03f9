/** JSON representations of pull requests, reviews and changed files. */
import { authorAssociation } from "../author-association.js";
import type { EmulatorEnv } from "../env.js";
import { filePath, seg } from "../links.js";
import type { PullRecord, ReviewRecord } from "../model.js";
import type { PullFile, PullStats } from "../pull-diff.js";
import { isoTimestamp, isoTimestampOrNull } from "../timestamps.js";
import { simpleUser } from "./accounts.js";
import { repoApiUrl, repoHtmlUrl, repository } from "./repos.js";

function pullUrls(env: EmulatorEnv, pull: PullRecord) {
  const repo = pull.issue.repo;
  const api = repoApiUrl(env.links, repo);
  const html = repoHtmlUrl(env.links, repo);
  const n = pull.issue.number;
  return { api, html, self: `${api}/pulls/${n}`, htmlSelf: `${html}/pull/${n}`, issue: `${api}/issues/${n}` };
}

/** `pull-request-simple` (lists) */
export function pullRequestSimple(env: EmulatorEnv, pull: PullRecord, baseSha: string): Record<string, unknown> {
  const { links, state } = env;
  const issue = pull.issue;
  const repo = issue.repo;
  const u = pullUrls(env, pull);
  const repoJson = repository(links, repo);
  const ownerJson = simpleUser(links, repo.owner);
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: ownerJson,
    repo: repoJson,
  });
  return {
    url: u.self,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: u.htmlSelf,
    diff_url: `${u.htmlSelf}.diff`,
    patch_url: `${u.htmlSelf}.patch`,
    issue_url: u.issue,
    commits_url: `${u.self}/commits`,
    review_comments_url: `${u.self}/comments`,
    review_comment_url: `${u.api}/pulls/comments{/number}`,
    comments_url: `${u.issue}/comments`,
    statuses_url: `${u.api}/statuses/${pull.head.sha}`,
    number: issue.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: simpleUser(links, issue.user),
    body: issue.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: isoTimestamp(issue.createdAt),
    updated_at: isoTimestamp(issue.updatedAt),
    closed_at: isoTimestampOrNull(issue.closedAt),
    merged_at: isoTimestampOrNull(pull.mergedAt),
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head.ref, pull.head.sha),
    base: side(pull.base.ref, baseSha),
    _links: {
      self: { href: u.self },
      html: { href: u.htmlSelf },
      issue: { href: u.issue },
      comments: { href: `${u.issue}/comments` },
      review_comments: { href: `${u.self}/comments` },
      review_comment: { href: `${u.api}/pulls/comments{/number}` },
      commits: { href: `${u.self}/commits` },
      statuses: { href: `${u.api}/statuses/${pull.head.sha}` },
    },
    author_association: authorAssociation(state, repo, issue.user),
    auto_merge: null,
    draft: pull.draft,
  };
}

/** `pull-request` (GET one) */
export function pullRequestFull(env: EmulatorEnv, pull: PullRecord, baseSha: string, stats: PullStats): Record<string, unknown> {
  let comments = 0;
  for (const c of env.state.comments.values()) if (c.issue === pull.issue) comments++;
  const open = pull.issue.state === "open";
  return {
    ...pullRequestSimple(env, pull, baseSha),
    merged: pull.merged,
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? "clean" : "unknown",
    merged_by: pull.mergedBy ? simpleUser(env.links, pull.mergedBy) : null,
    comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles,
  };
}

/** `pull-request-review` */
export function review(env: EmulatorEnv, r: ReviewRecord): Record<string, unknown> {
  const u = pullUrls(env, r.pull);
  const html = `${u.htmlSelf}#pullrequestreview-${r.id}`;
  const out: Record<string, unknown> = {
    id: r.id,
    node_id: r.nodeId,
    user: simpleUser(env.links, r.user),
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: u.self,
    author_association: authorAssociation(env.state, r.pull.issue.repo, r.user),
    _links: { html: { href: html }, pull_request: { href: u.self } },
  };
  if (r.submittedAt) out.submitted_at = isoTimestamp(r.submittedAt);
  out.commit_id = r.commitId;
  return out;
}

/** `diff-entry` */
export function diffEntry(env: EmulatorEnv, pull: PullRecord, f: PullFile): Record<string, unknown> {
  const repo = pull.issue.repo;
  const html = repoHtmlUrl(env.links, repo);
  const api = repoApiUrl(env.links, repo);
  const ref = pull.head.sha;
  const out: Record<string, unknown> = {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${html}/blob/${ref}/${filePath(f.filename)}`,
    raw_url: `${html}/raw/${ref}/${filePath(f.filename)}`,
    contents_url: `${api}/contents/${filePath(f.filename)}?ref=${seg(ref)}`,
  };
  if (f.patch !== undefined) out.patch = f.patch;
  if (f.previousFilename !== undefined) out.previous_filename = f.previousFilename;
  return out;
}
