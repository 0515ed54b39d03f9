/**
 * Everything the core needs to judge a pull request, read from git: the base's policy and
 * CODEOWNERS, each changed lease's history, the leases already held on one-holder resources,
 * and the facts about people the core asks for (through the resolver given).
 */
import { isShallow, readJudgingFiles, readLeaseFiles } from "./access-repo.js";
import { leaseHistories } from "./lease-history.js";
import { checkLeasePath, isUnderLeases } from "../lease/lease-path.js";
import { loadPolicy } from "../policy/load-policy.js";
import { emptyFacts } from "../policy/people.js";
import type { Facts } from "../policy/people.js";
import { isOneHolder } from "../validate/check-one-holder.js";
import type { FileChange, HeldLease, PullRequestInput } from "../validate/inputs.js";
import { neededFacts } from "../validate/needed-facts.js";
import type { FactQuestions } from "../validate/needed-facts.js";

/** Answers the core's questions about people (teams, organization membership), e.g. through the GitHub API. */
export type FactResolver = (q: FactQuestions) => Promise<Facts>;

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
  // The base's policy and CODEOWNERS are read while the changes are still being computed.
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
