/**
 * PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge: a merge commit on the base branch of the
 * backing git repository, when the branch rules (see merge-rules.ts) allow it or the caller
 * bypasses them. Only the "merge" method is modelled (squash and rebase answer 405 as on a
 * repository that does not allow them). Messages are GitHub's.
 */
import { execFile } from "node:child_process";
import { HttpError, errorBody, forbidden } from "../errors.js";
import type { PullRecord, RepoRecord } from "../model.js";
import { mergeRulesOf } from "../merge-rules.js";
import { repoPermissions } from "../repo-access.js";
import { asObject, optionalString } from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { requireIdentity, requirePull, requireRepo } from "./lookup.js";

const notAllowed = (ctx: RouteContext, message: string) => new HttpError(405, errorBody(405, message, docsUrl(ctx.route)));

function git(dir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("git", ["-C", dir, ...args], { env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args[0]}: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
  });
}

/** Why the rules refuse this merge by this caller, or undefined when they allow it. */
function ruleProblem(ctx: RouteContext, repo: RepoRecord, pull: PullRecord): string | undefined {
  const rules = mergeRulesOf(ctx.env.state, repo.owner.login, repo.name, pull.base.ref);
  if (!rules) return undefined;
  const who = ctx.identity!;
  const app = ctx.env.state.appForAccount(who);
  if (app && (rules.bypassApps ?? []).some((s) => s.toLowerCase() === app.slug.toLowerCase())) return undefined;
  const latest = new Map<string, string>();
  for (const r of pull.reviews) if (r.state !== "COMMENTED" && r.state !== "PENDING") latest.set(r.user.login.toLowerCase(), r.state === "APPROVED" && r.commitId === pull.head.sha ? "APPROVED" : r.state);
  latest.delete(pull.issue.user.login.toLowerCase());
  const approvals = [...latest.values()].filter((s) => s === "APPROVED").length;
  if ([...latest.values()].includes("CHANGES_REQUESTED")) return "Changes must be made through a pull request.";
  if (approvals < rules.requiredApprovingReviews) return `At least ${rules.requiredApprovingReviews} approving review${rules.requiredApprovingReviews === 1 ? " is" : "s are"} required by reviewers with write access.`;
  const runs = ctx.env.state.listCheckRuns(repo.owner.login, repo.name, pull.head.sha);
  for (const c of rules.requiredChecks ?? []) {
    const ok = runs.some((r) => r.name === c.context && r.status === "completed" && r.conclusion === "success" && (!c.app || r.app?.slug.toLowerCase() === c.app.toLowerCase()));
    if (!ok) return `Required status check "${c.context}" is expected.`;
  }
  return undefined;
}

export const mergeRoutes: RouteDefinition[] = [
  {
    method: "PUT",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
    operationId: "pulls/merge",
    docs: "pulls/pulls#merge-a-pull-request",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      const who = requireIdentity(ctx);
      const repo = requireRepo(ctx);
      const pull = requirePull(ctx, repo);
      const body = ctx.body === undefined || ctx.body === null ? {} : asObject(ctx.body, docs);
      const title = optionalString(body, "commit_title", docs);
      const message = optionalString(body, "commit_message", docs);
      const sha = optionalString(body, "sha", docs);
      const method = optionalString(body, "merge_method", docs) ?? "merge";
      if (!repoPermissions(ctx.env.state, repo, who).push) throw forbidden("Must have push access to merge this pull request.", docs);
      if (method === "squash") throw notAllowed(ctx, "Squash merges are not allowed on this repository.");
      if (method === "rebase") throw notAllowed(ctx, "Rebase merges are not allowed on this repository.");
      if (method !== "merge") throw new HttpError(422, errorBody(422, `Invalid request.\n\n${JSON.stringify(method)} is not a member of ["merge", "squash", "rebase"].`, docs));
      if (pull.merged || pull.issue.state !== "open" || pull.draft) throw notAllowed(ctx, "Pull Request is not mergeable");
      if (sha !== undefined && sha !== pull.head.sha) throw new HttpError(409, errorBody(409, "Head branch was modified. Review and try the merge again.", docs));
      const problem = ruleProblem(ctx, repo, pull);
      if (problem) throw notAllowed(ctx, problem);
      const g = ctx.env.git(repo);
      if (!g) throw notAllowed(ctx, "Pull Request is not mergeable");
      const base = await g.resolveCommit(`refs/heads/${pull.base.ref}`);
      if (!base) throw notAllowed(ctx, "Pull Request is not mergeable");
      let tree: string;
      try {
        tree = await git(g.dir, ["merge-tree", "--write-tree", base, pull.head.sha]);
      } catch {
        throw notAllowed(ctx, "Pull Request is not mergeable"); // conflicts
      }
      const at = ctx.env.now();
      const when = `${Math.floor(at.getTime() / 1000)} +0000`;
      const text = `${title ?? `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.head.ref}`}\n\n${message ?? pull.issue.title}`;
      const name = who.login;
      const email = `${who.id}+${who.login}@users.noreply.github.com`;
      const commit = await git(g.dir, ["commit-tree", tree.split("\n")[0]!, "-p", base, "-p", pull.head.sha, "-m", text], {
        GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: when, GIT_COMMITTER_NAME: "GitHub", GIT_COMMITTER_EMAIL: "noreply@github.com", GIT_COMMITTER_DATE: when,
      });
      try {
        await git(g.dir, ["update-ref", `refs/heads/${pull.base.ref}`, commit, base]);
      } catch {
        throw new HttpError(409, errorBody(409, "Base branch was modified. Review and try the merge again.", docs));
      }
      ctx.env.state.mergePullRequest(repo.owner.login, repo.name, pull.number, { mergeCommitSha: commit, mergedBy: who.login, mergedAt: at });
      return { status: 200, body: { sha: commit, merged: true, message: "Pull Request successfully merged" } };
    },
  },
];
