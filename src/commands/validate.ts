/**
 * The `validate` command, shared by the CLI and the Action. Builds the core's inputs from
 * git (or the GitHub API, for the Action), asks the API only what the core needs, and
 * returns the core's report.
 */
import { diagnostic } from "../diagnostics/diagnostic.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { WORKTREE, isGitRepo, isShallow, readCodeowners, readJudgingFiles, readLeaseFiles, readRepoFile } from "../git/access-repo.js";
import { diffChanges } from "../git/diff.js";
import { leaseHistories } from "../git/lease-history.js";
import { revExists } from "../git/run-git.js";
import { checkLeasePath, isUnderLeases } from "../lease/lease-path.js";
import { loadPolicy } from "../policy/load-policy.js";
import { isOneHolder } from "../validate/check-one-holder.js";
import { emptyFacts } from "../policy/people.js";
import type { Facts } from "../policy/people.js";
import type { FileChange, HeldLease, PullRequestInput } from "../validate/inputs.js";
import { neededFacts } from "../validate/needed-facts.js";
import type { FactQuestions } from "../validate/needed-facts.js";
import type { Report } from "../validate/report.js";
import { allDiagnostics, buildReport } from "../validate/report.js";
import { validatePullRequest } from "../validate/validate-pull-request.js";
import { validateRepo } from "../validate/validate-repo.js";

export type FactResolver = (q: FactQuestions) => Promise<Facts>;

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
  const refs = [o.base, o.head].filter((ref): ref is string => ref !== undefined && ref !== "");
  const exist = await Promise.all(refs.map((ref) => revExists(o.repo, ref)));
  refs.forEach((ref, i) => {
    if (!exist[i]) throw new UsageError("unknown-ref", `Unknown git revision '${ref}' in ${o.repo}.`);
  });
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
  const only = o.files ? new Set(o.files.map(normalize)) : undefined;
  // The base's policy and CODEOWNERS are read while git diffs.
  const changes = diffChanges(o.repo, o.base, head).then((all) => (only ? all.filter((c) => only.has(c.path) || (c.previousPath !== undefined && only.has(c.previousPath))) : all));
  const input = await pullRequestInput(o.repo, o.base, changes, o);
  return validatePullRequest(input);
}

/** Everything the core needs about a pull request, given its changes and a local base ref. */
export async function pullRequestInput(
  repo: string,
  baseRef: string,
  changesOrPending: FileChange[] | Promise<FileChange[]>,
  o: {
    policyPath: string;
    author?: string;
    now: number;
    resolveFacts?: FactResolver;
    strict?: boolean;
    /** Judge by this policy (the verified one in force at the base; undefined: none) instead of the policy file at the base. */
    judgeWith?: { policy: Uint8Array | undefined };
  },
): Promise<PullRequestInput> {
  const read = Promise.all([readJudgingFiles(repo, baseRef, o.judgeWith ? undefined : o.policyPath), isShallow(repo)]);
  read.catch(() => undefined); // awaited below; no unhandled rejection if the changes fail first
  const changes = await changesOrPending;
  const [{ policy: file, codeowners }, shallow] = await read;
  const policy = o.judgeWith ? (o.judgeWith.policy ? { mode: "file", bytes: o.judgeWith.policy } : undefined) : file;
  const existing = changes.filter((c) => c.base && c.status !== "added" && isUnderLeases(c.previousPath ?? c.path)).map((c) => c.previousPath ?? c.path);
  if (!shallow) {
    const histories = await leaseHistories(repo, baseRef, existing);
    for (const c of changes) {
      const h = histories.get(c.previousPath ?? c.path);
      if (h) c.history = h;
    }
  }
  const held = await heldLeases(repo, baseRef, policy && policy.mode !== "symlink" ? policy.bytes : undefined, o.policyPath, changes, shallow);
  const partial: Omit<PullRequestInput, "facts"> = {
    policyPath: o.policyPath,
    changes,
    now: o.now,
    ...(policy && policy.mode !== "symlink" ? { basePolicy: policy.bytes } : {}),
    ...(codeowners ? { baseCodeowners: codeowners } : {}),
    ...(o.author !== undefined ? { author: o.author } : {}),
    ...(o.strict ? { strict: true } : {}),
    ...(held.length > 0 ? { heldLeases: held } : {}),
  };
  const facts = o.resolveFacts ? await o.resolveFacts(neededFacts(partial)) : emptyFacts();
  return { ...partial, facts };
}

/**
 * The report of a pull request whose requester could not be established (a request-form pull
 * request that was changed, or no evidence key to check it: see approval/requester.ts). Each
 * lease it adds or changes carries that finding alone, since every rule about a request
 * depends on who asked; the rest of the report stands.
 */
export function refuseUnboundRequest(report: Report, problem: { code: string; message: string; hint: string }, leases: string[]): Report {
  const refused = new Set(leases);
  const kept = allDiagnostics(report).filter((d) => !refused.has(d.file));
  const findings = [...refused].map((file) => diagnostic(problem.code, file, undefined, problem.message, problem.hint));
  const requests = new Map(report.files.flatMap((f) => (f.request ? [[f.file, f.request] as const] : [])));
  return buildReport([...kept, ...findings], new Map(report.files.map((f) => [f.file, f.action])), report.notes, requests);
}

/** The base branch's leases on the one-holder resources (checkouts) that the changed leases request. */
async function heldLeases(repo: string, baseRef: string, policyBytes: Uint8Array | undefined, policyPath: string, changes: FileChange[], shallow: boolean): Promise<HeldLease[]> {
  const policy = policyBytes ? loadPolicy(policyPath, policyBytes).policy : undefined;
  if (!policy) return [];
  const folders = new Set<string>();
  for (const c of changes) {
    const where = c.head ? checkLeasePath(c.path) : undefined;
    const r = where?.kind === "lease" ? policy.resources.get(where.resource) : undefined;
    if (r && isOneHolder(r)) folders.add(`leases/${r.id}/`);
  }
  if (folders.size === 0) return [];
  const files = (await readLeaseFiles(repo, baseRef)).filter((f) => [...folders].some((d) => f.path.startsWith(d)) && checkLeasePath(f.path).kind === "lease");
  const histories = shallow ? new Map<string, { addedAt: number }>() : await leaseHistories(repo, baseRef, files.map((f) => f.path));
  return files.map((f) => ({ path: f.path, bytes: f.bytes, ...(histories.get(f.path) ? { addedAt: histories.get(f.path)!.addedAt } : {}) }));
}

function normalize(p: string): string {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}
