/** JSON representations of users, bots and organizations. */
import type { Links } from "../links.js";
import { seg } from "../links.js";
import type { AccountRecord, OrgMemberRecord, OrgRecord } from "../model.js";
import type { EmulatorState } from "../state.js";
import { isoTimestamp } from "../timestamps.js";

export function avatarUrl(account: AccountRecord): string {
  return `https://avatars.githubusercontent.com/u/${account.id}?v=4`;
}

function htmlUrl(links: Links, account: AccountRecord): string {
  if (account.type === "Bot") return links.html(`/apps/${seg(account.login.replace(/\[bot\]$/, ""))}`);
  return links.html(`/${seg(account.login)}`);
}

/** `simple-user` */
export function simpleUser(links: Links, a: AccountRecord): Record<string, unknown> {
  const url = links.api(`/users/${seg(a.login)}`);
  return {
    login: a.login,
    id: a.id,
    node_id: a.nodeId,
    avatar_url: avatarUrl(a),
    gravatar_id: "",
    url,
    html_url: htmlUrl(links, a),
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: a.type,
    user_view_type: "public",
    site_admin: a.siteAdmin,
  };
}

function ownedRepos(state: EmulatorState, a: AccountRecord): { pub: number; priv: number } {
  let pub = 0;
  let priv = 0;
  for (const r of state.repos.values()) {
    if (r.owner !== a) continue;
    if (r.private) priv++;
    else pub++;
  }
  return { pub, priv };
}

/** `public-user` (GET /users/{username}) */
export function publicUser(links: Links, state: EmulatorState, a: AccountRecord): Record<string, unknown> {
  return {
    ...simpleUser(links, a),
    name: a.name,
    company: null,
    blog: "",
    location: null,
    email: a.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: ownedRepos(state, a).pub,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: isoTimestamp(a.createdAt),
    updated_at: isoTimestamp(a.updatedAt),
  };
}

/** `private-user` (GET /user) */
export function privateUser(links: Links, state: EmulatorState, a: AccountRecord): Record<string, unknown> {
  const repos = ownedRepos(state, a);
  return {
    ...publicUser(links, state, a),
    user_view_type: "private",
    notification_email: a.email,
    private_gists: 0,
    total_private_repos: repos.priv,
    owned_private_repos: repos.priv,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, collaborators: 0, private_repos: 10000 },
  };
}

/** `organization-simple` */
export function organizationSimple(links: Links, org: OrgRecord): Record<string, unknown> {
  const a = org.account;
  const url = links.api(`/orgs/${seg(a.login)}`);
  return {
    login: a.login,
    id: a.id,
    node_id: a.nodeId,
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: avatarUrl(a),
    description: org.description,
  };
}

/** `organization-full` (GET /orgs/{org}) */
export function organizationFull(links: Links, state: EmulatorState, org: OrgRecord): Record<string, unknown> {
  const a = org.account;
  const repos = ownedRepos(state, a);
  return {
    ...organizationSimple(links, org),
    name: a.name ?? a.login,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: repos.pub,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: links.html(`/${seg(a.login)}`),
    created_at: isoTimestamp(a.createdAt),
    updated_at: isoTimestamp(a.updatedAt),
    archived_at: null,
    type: "Organization",
    total_private_repos: repos.priv,
    owned_private_repos: repos.priv,
    private_gists: 0,
    disk_usage: 0,
    collaborators: 0,
    billing_email: null,
    default_repository_permission: org.defaultRepositoryPermission,
    members_can_create_repositories: true,
    two_factor_requirement_enabled: false,
    members_allowed_repository_creation_type: "all",
    members_can_create_public_repositories: true,
    members_can_create_private_repositories: true,
    members_can_create_internal_repositories: false,
    members_can_create_pages: true,
    members_can_fork_private_repositories: false,
    web_commit_signoff_required: false,
  };
}

/** `org-membership` (GET /orgs/{org}/memberships/{username}) */
export function orgMembership(links: Links, org: OrgRecord, m: OrgMemberRecord): Record<string, unknown> {
  const orgUrl = links.api(`/orgs/${seg(org.account.login)}`);
  return {
    url: `${orgUrl}/memberships/${seg(m.user.login)}`,
    state: m.state,
    role: m.role,
    organization_url: orgUrl,
    organization: organizationSimple(links, org),
    user: simpleUser(links, m.user),
  };
}
