/** JSON representations of repositories (`repository`, `full-repository`). */
import type { Links } from "../links.js";
import { seg } from "../links.js";
import type { RepoRecord } from "../model.js";
import { isoTimestamp } from "../timestamps.js";
import { simpleUser } from "./accounts.js";

export function repoApiUrl(links: Links, repo: RepoRecord): string {
  return links.api(`/repos/${seg(repo.owner.login)}/${seg(repo.name)}`);
}

export function repoHtmlUrl(links: Links, repo: RepoRecord): string {
  return links.html(`/${seg(repo.owner.login)}/${seg(repo.name)}`);
}

/** `repository` (as embedded in pull requests) */
export function repository(links: Links, repo: RepoRecord): Record<string, unknown> {
  const url = repoApiUrl(links, repo);
  const html = repoHtmlUrl(links, repo);
  const fullName = `${repo.owner.login}/${repo.name}`;
  const host = new URL(links.htmlBase).host;
  let openIssues = 0;
  for (const i of repo.issues.values()) if (i.state === "open") openIssues++;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: simpleUser(links, repo.owner),
    html_url: html,
    description: repo.description,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://${host}/${fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@${host}:${fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: repo.hasIssues,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? "private" : "public",
    pushed_at: isoTimestamp(repo.pushedAt),
    created_at: isoTimestamp(repo.createdAt),
    updated_at: isoTimestamp(repo.updatedAt),
    allow_forking: true,
    web_commit_signoff_required: false,
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    license: null,
  };
}

/** `full-repository` (GET /repos/{owner}/{repo}) */
export function fullRepository(
  links: Links,
  repo: RepoRecord,
  permissions: { admin: boolean; maintain: boolean; push: boolean; triage: boolean; pull: boolean },
): Record<string, unknown> {
  const base = repository(links, repo);
  const out: Record<string, unknown> = {
    ...base,
    permissions,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: "COMMIT_OR_PR_TITLE",
    squash_merge_commit_message: "COMMIT_MESSAGES",
    merge_commit_title: "MERGE_MESSAGE",
    merge_commit_message: "PR_TITLE",
    network_count: 0,
    subscribers_count: 0,
  };
  if (repo.owner.type === "Organization") out.organization = simpleUser(links, repo.owner);
  return out;
}
