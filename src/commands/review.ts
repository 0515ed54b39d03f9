/**
 * `jit review` and the Action's `review` (on a schedule): the access review of standing
 * access. Finds the `standing` entries of the default branch's policy whose review is due
 * (review/review-due.ts), and opens — or updates — ONE pull request from a fixed branch
 * (jit/review) that removes them from policy.yaml by a minimal textual edit, mentioning each
 * resource's approvers. Idempotent: a run with the same entries due changes nothing but the
 * body; the branch is rebuilt on the default branch's tip only while it holds nothing but the
 * review's own commit (reviewers' pushes are never overwritten); with nothing due, the pull
 * request is closed and its branch deleted.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git, gitText } from "../git/run-git.js";
import type { GitHubClient } from "../github/client.js";
import { loadPolicy } from "../policy/load-policy.js";
import { removeStanding } from "../review/remove-standing.js";
import { dueReviews, reviewersOf } from "../review/review-due.js";
import type { StandingReview } from "../review/review-due.js";
import { REVIEW_TRAILER, reviewBody, reviewTitle } from "../review/review-request.js";

export const REVIEW_BRANCH = "jit/review";

export interface ReviewOptions {
  gh: GitHubClient;
  /** A clone of the access repo whose remote accepts pushes. */
  repoDir: string;
  remote?: string;
  owner: string;
  repo: string;
  defaultBranch: string;
  policyPath: string;
  now: number;
  branch?: string;
  /** The login commits are authored as (default jit-access). */
  botLogin?: string;
  runUrl?: string;
  /** Say what would be done; push and open nothing. */
  dryRun?: boolean;
}

export type ReviewOutcome = "opened" | "updated" | "unchanged" | "kept" | "closed" | "nothing-due" | "refused" | "dry-run";

export interface ReviewResult {
  ok: boolean;
  outcome: ReviewOutcome;
  due: StandingReview[];
  message: string;
  pullRequest?: { number: number; url: string };
}

export async function runReview(o: ReviewOptions): Promise<ReviewResult> {
  const remote = o.remote ?? "origin";
  const branch = o.branch ?? REVIEW_BRANCH;
  await git(o.repoDir, ["fetch", "--quiet", remote, `refs/heads/${o.defaultBranch}`]);
  const base = (await gitText(o.repoDir, ["rev-parse", "FETCH_HEAD^{commit}"])).trim();
  const remoteHead = (await gitText(o.repoDir, ["ls-remote", remote, `refs/heads/${branch}`])).split(/\s/)[0] || undefined;
  if (remoteHead) await git(o.repoDir, ["fetch", "--quiet", remote, `refs/heads/${branch}`]);
  const headIsOurs = remoteHead ? (await gitText(o.repoDir, ["log", "-1", "--format=%B", remoteHead])).split("\n").some((l) => l.trim() === REVIEW_TRAILER) : false;

  const bytes = await git(o.repoDir, ["cat-file", "blob", `${base}:${o.policyPath}`]).catch(() => undefined);
  if (!bytes) return { ok: false, outcome: "refused", due: [], message: `${o.policyPath} is not on ${o.defaultBranch}: nothing to review.` };
  const loaded = loadPolicy(o.policyPath, bytes);
  if (!loaded.policy) {
    const d = loaded.diagnostics[0]!;
    return { ok: false, outcome: "refused", due: [], message: `${o.policyPath} on ${o.defaultBranch} is not a valid policy (${d.file}:${d.line}: ${d.message}): fix it first; nothing was reviewed.` };
  }
  const policy = loaded.policy;
  const due = dueReviews(policy, o.now);
  const open = (await o.gh.rest.pulls.list({ owner: o.owner, repo: o.repo, head: `${o.owner}:${branch}`, base: o.defaultBranch, state: "open", per_page: 10 })).data[0];
  const pr = open ? { number: open.number, url: open.html_url } : undefined;

  if (due.length === 0) {
    if (!open) return { ok: true, outcome: "nothing-due", due, message: "No standing access is due for review: nothing to do." };
    if (remoteHead && !headIsOurs) return { ok: true, outcome: "kept", due, message: `No standing access is due for review; #${open.number} has reviewers' changes and is left open for them.`, ...(pr ? { pullRequest: pr } : {}) };
    if (o.dryRun) return { ok: true, outcome: "dry-run", due, message: `No standing access is due for review: would close #${open.number} and delete ${branch}.` };
    await o.gh.rest.issues.createComment({ owner: o.owner, repo: o.repo, issue_number: open.number, body: "Nothing is due for review any more (the entries were removed or given a new review date on the default branch): closing." });
    await o.gh.rest.pulls.update({ owner: o.owner, repo: o.repo, pull_number: open.number, state: "closed" });
    await git(o.repoDir, ["push", "--quiet", remote, "--delete", branch]).catch(() => undefined);
    return { ok: true, outcome: "closed", due, message: `No standing access is due for review: closed #${open.number}.`, ...(pr ? { pullRequest: pr } : {}) };
  }

  const edit = removeStanding(o.policyPath, bytes.toString("utf8"), due.map((e) => ({ resource: e.resource, index: e.index })));
  if (!edit.ok) return { ok: false, outcome: "refused", due, message: `${due.length} standing ${due.length === 1 ? "entry is" : "entries are"} due for review, but no pull request was opened: ${edit.problem}` };

  const kept = remoteHead !== undefined && !headIsOurs && open !== undefined;
  const title = reviewTitle(due);
  const body = reviewBody({ due, reviewers: (r) => reviewersOf(policy, r), policyPath: o.policyPath, now: o.now, ...(o.runUrl ? { runUrl: o.runUrl } : {}), kept });
  if (o.dryRun) return { ok: true, outcome: "dry-run", due, message: `${due.length} standing ${due.length === 1 ? "entry" : "entries"} due: would ${open ? `update #${open.number}` : "open a pull request"} from ${branch}.`, ...(pr ? { pullRequest: pr } : {}) };

  let pushed = false;
  if (!kept) {
    const blob = (await git(o.repoDir, ["hash-object", "-w", "--stdin"], edit.text)).toString("utf8").trim();
    const tree = await treeWith(o.repoDir, base, o.policyPath, blob);
    // (A parent a shallow clone lacks is "not the same": the branch is rebuilt.)
    const same = remoteHead !== undefined && headIsOurs && (await gitText(o.repoDir, ["rev-parse", `${remoteHead}^{tree}`, `${remoteHead}^`]).catch(() => "")).split("\n").join(" ").trim() === `${tree} ${base}`;
    if (!same) {
      const who = o.botLogin ?? "jit-access";
      const date = `${Math.floor(o.now / 1000)} +0000`;
      const env = { GIT_AUTHOR_NAME: who, GIT_AUTHOR_EMAIL: `${who}@users.noreply.github.com`, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: who, GIT_COMMITTER_EMAIL: `${who}@users.noreply.github.com`, GIT_COMMITTER_DATE: date };
      const message = [`${title}: remove from ${o.policyPath}`, "", ...due.map((e) => `- ${e.resource}: ${e.grantee} (${e.role}), last reviewed ${e.reviewed ?? "never"}`), "", REVIEW_TRAILER].join("\n");
      const commit = (await git(o.repoDir, ["commit-tree", tree, "-p", base, "-F", "-"], message + "\n", env)).toString("utf8").trim();
      // Only over the review's own commit (or no branch): a reviewer's push in between makes this fail.
      await git(o.repoDir, ["push", "--quiet", `--force-with-lease=refs/heads/${branch}:${remoteHead ?? ""}`, remote, `${commit}:refs/heads/${branch}`]);
      pushed = true;
    }
  }
  if (open) {
    await o.gh.rest.pulls.update({ owner: o.owner, repo: o.repo, pull_number: open.number, title, body });
    const outcome = kept ? "kept" : pushed ? "updated" : "unchanged";
    const what = kept ? "left the branch as reviewers made it" : pushed ? `rebuilt ${branch} on ${o.defaultBranch}` : "the proposed change is the same";
    return { ok: true, outcome, due, message: `${due.length} standing ${due.length === 1 ? "entry" : "entries"} due: updated #${open.number} (${what}).`, pullRequest: { number: open.number, url: open.html_url } };
  }
  const created = (await o.gh.rest.pulls.create({ owner: o.owner, repo: o.repo, head: branch, base: o.defaultBranch, title, body })).data;
  return { ok: true, outcome: "opened", due, message: `${due.length} standing ${due.length === 1 ? "entry" : "entries"} due: opened #${created.number}.`, pullRequest: { number: created.number, url: created.html_url } };
}

/** The tree of `base` with one file replaced, made without touching the working tree or the index. */
async function treeWith(repo: string, base: string, path: string, blob: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "jit-review-"));
  try {
    const index = { GIT_INDEX_FILE: join(dir, "index") };
    await git(repo, ["read-tree", base], undefined, index);
    await git(repo, ["update-index", "--cacheinfo", `100644,${blob},${path}`], undefined, index);
    return (await git(repo, ["write-tree"], undefined, index)).toString("utf8").trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
