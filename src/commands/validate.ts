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
import { isAbsolute, relative } from "node:path";
import { isUnderLeases } from "../lease/lease-path.js";
import type { Report } from "../validate/report.js";
import { validatePullRequest } from "../validate/validate-pull-request.js";
import { validateRepo } from "../validate/validate-repo.js";
import { withGitSession } from "../git/git-session.js";

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

/** (Runs in a git session: see src/git/git-session.ts.) */
export function runValidate(o: ValidateOptions): Promise<Report> {
  return withGitSession(() => runValidateInSession(o));
}

async function runValidateInSession(o: ValidateOptions): Promise<Report> {
  if (!(await isGitRepo(o.repo))) {
    if (o.base || o.head) throw new UsageError("not-a-git-repo", `${o.repo} is not a git repository; --base and --head need one.`);
  }
  const head = o.head ?? WORKTREE;
  const refs = [o.base, o.head].filter((ref): ref is string => ref !== undefined && ref !== "");
  const exist = await Promise.all(refs.map((ref) => revExists(o.repo, ref)));
  refs.forEach((ref, i) => {
    if (!exist[i]) throw new UsageError("unknown-ref", `Unknown git revision '${ref}' in ${o.repo}.`);
  });
  const named = o.files?.map((f) => normalize(isAbsolute(f) ? relative(o.repo, f) : f));
  for (const f of named ?? []) {
    if (!isUnderLeases(f)) throw new UsageError("validate-file-outside-leases", `${f} is not a lease file (not under leases/): name lease files only; the policy and CODEOWNERS are always checked.`);
  }
  if (!o.base) {
    const [policy, codeowners, all] = await Promise.all([
      readRepoFile(o.repo, head, o.policyPath),
      readCodeowners(o.repo, head),
      readLeaseFiles(o.repo, head),
    ]);
    const only = named ? new Set(named) : undefined;
    const missing = named?.filter((f) => !all.some((x) => x.path === f)) ?? [];
    if (missing.length) throw new UsageError("validate-file-missing", `${missing.join(", ")}: no such file in ${o.repo}${o.head ? ` at ${o.head}` : ""}.`);
    return validateRepo({
      policyPath: o.policyPath,
      ...(policy ? { policy: policy.bytes } : {}),
      ...(codeowners ? { codeowners } : {}),
      files: only ? all.filter((f) => only.has(f.path)) : all,
      now: o.now,
    });
  }
  // The base's policy and CODEOWNERS are read while git diffs.
  const changes = diffChanges(o.repo, o.base, head).then((all) => {
    if (!named) return all;
    const only = new Set(named);
    const picked = all.filter((c) => only.has(c.path) || (c.previousPath !== undefined && only.has(c.previousPath)));
    const unchanged = named.filter((f) => !picked.some((c) => c.path === f || c.previousPath === f));
    if (unchanged.length) throw new UsageError("validate-file-unchanged", `${unchanged.join(", ")}: not changed between ${o.base} and ${o.head ?? "the working tree"} (no such file, or nothing to check).`);
    return picked;
  });
  const input = await pullRequestInput(o.repo, o.base, changes, o);
  return validatePullRequest(input);
}

function normalize(p: string): string {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}
