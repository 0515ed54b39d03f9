/** Pull requests: opening, listing, reading, changed files and commit -> pull request lookup. */
import { HttpError, errorBody, validationFailed } from "../errors.js";
import type { ValidationErrorItem } from "../errors.js";
import type { EmulatorEnv } from "../env.js";
import type { PullRecord, RepoRecord } from "../model.js";
import { paginate } from "../pagination.js";
import { pullFiles, pullStats, resolveBaseSha } from "../pull-diff.js";
import { asObject, optionalString } from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { diffEntry, pullRequestFull, pullRequestSimple } from "../views/pulls.js";
import { MAX_BODY_LENGTH, MAX_TITLE_LENGTH } from "./issues.js";
import { param, requireIdentity, requirePull, requireRepo } from "./lookup.js";

function pullsOf(repo: RepoRecord): PullRecord[] {
  const out: PullRecord[] = [];
  for (const issue of repo.issues.values()) if (issue.pull) out.push(issue.pull);
  return out;
}

async function simpleList(env: EmulatorEnv, pulls: PullRecord[]): Promise<Record<string, unknown>[]> {
  return Promise.all(pulls.map(async (p) => pullRequestSimple(env, p, await resolveBaseSha(env, p))));
}

function listPulls(ctx: RouteContext, repo: RepoRecord): PullRecord[] {
  const state = ctx.query.get("state") ?? "open";
  const head = ctx.query.get("head");
  const base = ctx.query.get("base");
  const sort = ctx.query.get("sort") ?? "created";
  const direction = ctx.query.get("direction") ?? (sort === "created" ? "desc" : "asc");
  let pulls = pullsOf(repo).filter((p) => state === "all" || p.issue.state === state);
  if (head) {
    const [user, ref] = head.includes(":") ? head.split(":", 2) : [null, head];
    pulls = pulls.filter(
      (p) => p.head.ref === ref && (user === null || user.toLowerCase() === repo.owner.login.toLowerCase()),
    );
  }
  if (base) pulls = pulls.filter((p) => p.base.ref === base);
  const keyOf = (p: PullRecord): number =>
    sort === "updated" ? p.issue.updatedAt.getTime() : sort === "long-running" ? -p.issue.createdAt.getTime() : p.issue.createdAt.getTime();
  pulls.sort((a, b) => keyOf(a) - keyOf(b) || a.issue.number - b.issue.number);
  if (direction === "desc") pulls.reverse();
  return pulls;
}

/** Pull requests a commit (or a branch name) belongs to, as GitHub answers. */
async function pullsForCommit(ctx: RouteContext, repo: RepoRecord, shaOrBranch: string): Promise<PullRecord[]> {
  const git = ctx.env.git(repo);
  const all = pullsOf(repo);
  const byBranch = all.filter((p) => p.head.ref === shaOrBranch);
  const commit = git ? await git.resolveCommit(shaOrBranch) : null;
  if (git && !commit && byBranch.length === 0) {
    throw new HttpError(422, errorBody(422, `No commit found for SHA: ${shaOrBranch}`, docsUrl(ctx.route)));
  }
  const target = commit ?? shaOrBranch;
  const found = new Set<PullRecord>(byBranch);
  for (const n of repo.commitPulls.get(target) ?? []) {
    const p = repo.issues.get(n)?.pull;
    if (p) found.add(p);
  }
  if (git && commit) {
    for (const p of all) {
      if (found.has(p)) continue;
      const base = await resolveBaseSha(ctx.env, p);
      const from = (await git.mergeBase(base, p.head.sha)) ?? base;
      if ((await git.revList(from, p.head.sha)).includes(commit)) found.add(p);
    }
  }
  const candidates = [...found].filter((p) => p.issue.state === "open" || p.merged);
  const onDefaultBranch =
    git && commit
      ? await git.isAncestor(commit, repo.defaultBranch)
      : candidates.some((p) => p.merged && p.mergeCommitSha === target);
  const result = onDefaultBranch ? candidates.filter((p) => p.merged) : candidates;
  return result.sort((a, b) => a.issue.number - b.issue.number);
}

function optionalBoolean(body: Record<string, unknown>, name: string, docs: string): boolean | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw new HttpError(422, errorBody(422, `Invalid request.\n\nFor 'properties/${name}', ${JSON.stringify(v)} is not a boolean.`, docs));
  return v;
}

/**
 * POST /repos/{owner}/{repo}/pulls, as GitHub answers it for a head branch of the same
 * repository (forks are not modelled): both branches must exist in the backing git
 * repository, the head must have commits the base lacks, and only one open pull request may
 * come from a head into a base. The author is the token's user.
 */
async function openPull(ctx: RouteContext): Promise<PullRecord> {
  const docs = docsUrl(ctx.route);
  const user = requireIdentity(ctx);
  const repo = requireRepo(ctx);
  const body = asObject(ctx.body, docs);
  const headParam = optionalString(body, "head", docs);
  const baseParam = optionalString(body, "base", docs);
  const title = optionalString(body, "title", docs);
  const text = optionalString(body, "body", docs);
  const draft = optionalBoolean(body, "draft", docs);
  optionalBoolean(body, "maintainer_can_modify", docs);
  optionalString(body, "head_repo", docs);
  const missing: ValidationErrorItem[] = [];
  if (headParam === undefined) missing.push({ resource: "PullRequest", field: "head", code: "missing_field" });
  if (baseParam === undefined) missing.push({ resource: "PullRequest", field: "base", code: "missing_field" });
  if (missing.length) throw validationFailed(missing, docs);
  // "owner:branch" names a branch of the owner's repository in this network: here, this one.
  const colon = headParam!.indexOf(":");
  const headOwner = colon >= 0 ? headParam!.slice(0, colon) : repo.owner.login;
  const head = colon >= 0 ? headParam!.slice(colon + 1) : headParam!;
  const base = baseParam!;
  const git = ctx.env.git(repo);
  const baseSha = git && base ? await git.resolveCommit(`refs/heads/${base}`) : null;
  const headSha = git && head && headOwner.toLowerCase() === repo.owner.login.toLowerCase() ? await git.resolveCommit(`refs/heads/${head}`) : null;
  const invalid: ValidationErrorItem[] = [];
  if (!baseSha) invalid.push({ resource: "PullRequest", field: "base", code: "invalid" });
  if (!headSha) invalid.push({ resource: "PullRequest", field: "head", code: "invalid" });
  if (invalid.length) throw validationFailed(invalid, docs);
  if (pullsOf(repo).some((p) => p.issue.state === "open" && p.head.ref === head && p.base.ref === base)) {
    throw validationFailed([{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${repo.owner.login}:${head}.` }], docs);
  }
  if ((await git!.commitCount(baseSha!, headSha!)) === 0) {
    throw validationFailed([{ resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${head}` }], docs);
  }
  // Without `issue` (converting an issue is not modelled) a title is required.
  if (title === undefined || title.trim() === "") throw validationFailed([{ resource: "Issue", code: "missing_field", field: "title" }], docs);
  const errors: ValidationErrorItem[] = [];
  if (title.length > MAX_TITLE_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "title", message: `title is too long (maximum is ${MAX_TITLE_LENGTH} characters)` });
  if (text !== undefined && text.length > MAX_BODY_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)` });
  if (errors.length) throw validationFailed(errors, docs);
  // The base sha is fixed when the pull request is opened (a merged pull request keeps its files).
  return ctx.env.state.addPullRequest(repo.owner.login, repo.name, {
    author: user.login,
    base,
    baseSha: baseSha!,
    head,
    headSha: headSha!,
    title,
    ...(text !== undefined ? { body: text } : {}),
    ...(draft !== undefined ? { draft } : {}),
  });
}

/**
 * PATCH /repos/{owner}/{repo}/pulls/{pull_number}: title, body and state (closing, or
 * reopening while the head branch still exists), as GitHub answers. Changing the base and
 * `maintainer_can_modify` (forks) are not modelled: a base other than the current one is 422.
 */
async function updatePull(ctx: RouteContext): Promise<PullRecord> {
  const docs = docsUrl(ctx.route);
  requireIdentity(ctx);
  const repo = requireRepo(ctx);
  const pull = requirePull(ctx, repo);
  const body = asObject(ctx.body, docs);
  const title = optionalString(body, "title", docs);
  const text = optionalString(body, "body", docs);
  const state = optionalString(body, "state", docs);
  const base = optionalString(body, "base", docs);
  optionalBoolean(body, "maintainer_can_modify", docs);
  if (state !== undefined && state !== "open" && state !== "closed") {
    throw new HttpError(422, errorBody(422, `Invalid request.\n\nFor 'properties/state', "${state}" is not one of ["open", "closed"].`, docs));
  }
  if (base !== undefined && base !== pull.base.ref) throw validationFailed([{ resource: "PullRequest", code: "invalid", field: "base" }], docs);
  const errors: ValidationErrorItem[] = [];
  if (title !== undefined && title.length > MAX_TITLE_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "title", message: `title is too long (maximum is ${MAX_TITLE_LENGTH} characters)` });
  if (text !== undefined && text.length > MAX_BODY_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)` });
  if (errors.length) throw validationFailed(errors, docs);
  if (state === "open" && pull.issue.state === "closed") {
    const git = ctx.env.git(repo);
    if (pull.merged || (git && !(await git.resolveCommit(`refs/heads/${pull.head.ref}`)))) {
      throw validationFailed([{ resource: "PullRequest", code: "custom", field: "state", message: "state cannot be changed. The " + (pull.merged ? "pull request is merged." : `${pull.head.ref} branch has been deleted.`) }], docs);
    }
  }
  ctx.env.state.updatePullRequest(repo.owner.login, repo.name, pull.issue.number, { ...(title !== undefined ? { title } : {}), ...(text !== undefined ? { body: text } : {}) });
  if (state === "closed" && pull.issue.state === "open") ctx.env.state.closePullRequest(repo.owner.login, repo.name, pull.issue.number);
  if (state === "open" && pull.issue.state === "closed") ctx.env.state.reopenPullRequest(repo.owner.login, repo.name, pull.issue.number);
  return pull;
}

export const pullRoutes: RouteDefinition[] = [
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/pulls",
    operationId: "pulls/create",
    docs: "pulls/pulls#create-a-pull-request",
    handler: async (ctx) => {
      const pull = await openPull(ctx);
      const [baseSha, stats] = await Promise.all([resolveBaseSha(ctx.env, pull), pullStats(ctx.env, pull)]);
      const body = pullRequestFull(ctx.env, pull, baseSha, stats);
      return { status: 201, body, headers: { location: body.url as string } };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls",
    operationId: "pulls/list",
    docs: "pulls/pulls#list-pull-requests",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, listPulls(ctx, repo));
      return { status: 200, body: await simpleList(ctx.env, page.items), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}",
    operationId: "pulls/get",
    docs: "pulls/pulls#get-a-pull-request",
    handler: async (ctx) => {
      const pull = requirePull(ctx, requireRepo(ctx));
      const [baseSha, stats] = await Promise.all([resolveBaseSha(ctx.env, pull), pullStats(ctx.env, pull)]);
      return { status: 200, body: pullRequestFull(ctx.env, pull, baseSha, stats) };
    },
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}",
    operationId: "pulls/update",
    docs: "pulls/pulls#update-a-pull-request",
    handler: async (ctx) => {
      const pull = await updatePull(ctx);
      const [baseSha, stats] = await Promise.all([resolveBaseSha(ctx.env, pull), pullStats(ctx.env, pull)]);
      return { status: 200, body: pullRequestFull(ctx.env, pull, baseSha, stats) };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    operationId: "pulls/list-files",
    docs: "pulls/pulls#list-pull-requests-files",
    handler: async (ctx) => {
      const pull = requirePull(ctx, requireRepo(ctx));
      const page = paginate(ctx.url, ctx.env.links.apiBase, await pullFiles(ctx.env, pull));
      return { status: 200, body: page.items.map((f) => diffEntry(ctx.env, pull, f)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/commits/{commit_sha}/pulls",
    operationId: "repos/list-pull-requests-associated-with-commit",
    docs: "commits/commits#list-pull-requests-associated-with-a-commit",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const pulls = await pullsForCommit(ctx, repo, param(ctx, "commit_sha"));
      const page = paginate(ctx.url, ctx.env.links.apiBase, pulls);
      return { status: 200, body: await simpleList(ctx.env, page.items), headers: page.headers };
    },
  },
];
