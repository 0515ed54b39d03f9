/**
 * Stage 2 of a run, verification: every change that has no trusted evidence yet is verified
 * through the API (pull request, content, policy in force, approvals), oldest first (an
 * extension needs its add). A change that cannot be verified (the API fails) is a finding
 * and stays unverified in this run; it grants nothing, and every other lease goes on.
 */
import { autoApprovalRecords } from "../approval/auto-approval-history.js";
import { verifyChange } from "../approval/verify-change.js";
import type { ChangeToVerify, VerifyContext } from "../approval/verify-change.js";
import { errorMessage } from "../diagnostics/error-message.js";
import type { LeaseEvidence } from "../evidence/evidence.js";
import { firstParent } from "../git/commits.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { loadLease } from "../lease/load-lease.js";
import { leaseWindow } from "../validate/check-lease.js";
import type { ApplyOptions } from "./apply-options.js";
import type { DesiredState } from "./desired-state.js";

/** Verifies one change through the API; undefined (and a finding) when it cannot be. */
export type VerifyOne = (change: Omit<ChangeToVerify, "parent">) => Promise<LeaseEvidence | undefined>;

export interface Verification {
  /** Changes verified through the API in this stage. */
  verified: LeaseEvidence[];
  verify: VerifyOne;
}

/** Whether a run acts on a lease: a run scoped to some resources (a timer) acts on none of the others. */
export function inScope(o: Pick<ApplyOptions, "onlyResources">, path: string): boolean {
  const where = checkLeasePath(path);
  return !o.onlyResources || (where.kind === "lease" && o.onlyResources.has(where.resource));
}

/** Verifies the pending changes of the leases that matter now, updating their verdicts in `state.inputs`. */
export async function verifyChanges(o: ApplyOptions, state: DesiredState): Promise<Verification> {
  const parents = new Map<string, string>();
  // Earlier auto-approvals (for the rules' weekly quotas): signed ones, and those verified earlier in this run.
  const verified: LeaseEvidence[] = [];
  const ctx: VerifyContext = { ...state.verifyCtx, autoApprovals: async () => [...state.signedAutoApprovals(), ...autoApprovalRecords(verified)] };
  const verify: VerifyOne = async (change) => {
    try {
      const parent = parents.get(change.commit) ?? (await firstParent(o.repoDir, change.commit));
      parents.set(change.commit, parent);
      return await verifyChange(ctx, { ...change, parent });
    } catch (e) {
      state.problems.set(`${change.commit}\0${change.path}`, { code: "verification-failed", lease: change.path, commit: change.commit, message: `${change.path} (${change.commit.slice(0, 7)}) could not be verified: ${errorMessage(e)}. Nothing it asks for is granted in this run; the next run verifies it again.` });
      return undefined;
    }
  };
  // Oldest first: an extension needs its add; an auto-approval's weekly quota counts the ones merged before it.
  const pending = [...state.pending].sort((a, b) => a.life.changes[a.index]!.time - b.life.changes[b.index]!.time);
  let checked = 0;
  for (const p of pending) {
    o.progress?.(checked++, pending.length, "verifying lease changes");
    if (!inScope(o, p.life.path)) continue;
    const ch = p.life.changes[p.index]!;
    const input = state.inputOf.get(p.life.path)!;
    const first = input.changes[0]!;
    const lease = input.changes[p.index]!.lease;
    // Leases that are over anyway are not verified: nothing would be granted (the audit reports them).
    const over = lease ? leaseWindow(lease, first.time).end <= o.now && !state.grantedFirst.has(`${p.life.path}\0${ch.blob}`) : false;
    if (lease && first.verdict !== "rejected" && !over) {
      const ev = await verify({ path: p.life.path, commit: ch.commit, blob: ch.blob, time: ch.time });
      if (!ev) continue;
      verified.push(ev);
      input.changes[p.index] = { ...input.changes[p.index]!, verdict: ev.verdict, findings: ev.findings };
    } else if (!lease && !over) {
      // Name the first reason (e.g. file-control-character at 7:19), as the pull request check did.
      const d = loadLease(p.life.path, state.blobs.get(ch.blob) ?? Buffer.alloc(0)).diagnostics[0];
      const why = d ? ` (${d.code} at ${d.line}:${d.column}: ${d.message})` : "";
      input.changes[p.index] = { ...input.changes[p.index]!, verdict: "rejected", findings: [`invalid: the lease file does not parse${why}`] };
    }
  }
  return { verified, verify };
}
