/**
 * The `validate` command, shared by the CLI and the Action. Builds the core's inputs from
 * git (or the GitHub API, for the Action), asks the API only what the core needs, and
 * returns the core's report.
 */
import { UsageError } from "../diagnostics/usage-error.js";
import { WORKTREE, isGitRepo, readCodeowners, readLeaseFiles, readRepoFile } from "../git/access-repo.js";
import { diffChanges } from "../git/diff.js";
import { pullRequestInput } from "../git/pull-request-input.js";
import type { FactResolver } from "../git/pull-request-input.js";
import { revExists } from "../git/run-git.js";
import type { Report } from "../validate/report.js";
import { validatePullRequest } from "../validate/validate-pull-request.js";
import { validateRepo } from "../validate/validate-repo.js";

export type { FactResolver } from "../git/pull-request-input.js";

export interface ValidateOptions {
  repo: string;
  /** Compare against this ref as a pull request would; without it, the whole repo is checked. */
  base?: string;
  /** Ref to check; default: the working tree. */
  head?: string;
  author?: string;
  now: number;
  policyPath: string;
  /** Only these files (repo-relative). */
  files?: string[];
  resolveFacts?: FactResolver;
  strict?: boolean;
}

export async function runValidate(o: ValidateOptions): Promise<Report> {
  if (!(await isGitRepo(o.repo))) {
    if (o.base || o.head) throw new UsageError("not-a-git-repo", `${o.repo} is not a git repository; --base and --head need one.`);
  }
  const head = o.head ?? WORKTREE;
  for (const ref of [o.base, o.head]) {
    if (ref && !(await revExists(o.repo, ref))) throw new UsageError("unknown-ref", `Unknown git revision '${ref}' in ${o.repo}.`);
  }
  if (!o.base) {
    const [policy, codeowners, all] = await Promise.all([
      readRepoFile(o.repo, head, o.policyPath),
      readCodeowners(o.repo, head),
      readLeaseFiles(o.repo, head),
    ]);
    const only = o.files ? new Set(o.files.map(normalize)) : undefined;
    return validateRepo({
      policyPath: o.policyPath,
      ...(policy ? { policy: policy.bytes } : {}),
      ...(codeowners ? { codeowners } : {}),
      files: only ? all.filter((f) => only.has(f.path)) : all,
      now: o.now,
    });
  }
  let changes = await diffChanges(o.repo, o.base, head);
  if (o.files) {
    const only = new Set(o.files.map(normalize));
    changes = changes.filter((c) => only.has(c.path) || (c.previousPath !== undefined && only.has(c.previousPath)));
  }
  const input = await pullRequestInput(o.repo, o.base, changes, o);
  return validatePullRequest(input);
}

function normalize(p: string): string {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}
