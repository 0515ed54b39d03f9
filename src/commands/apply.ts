/**
 * `plan` and `apply`: reconcile the whole desired state on main with the targets. Each run
 * starts from scratch (level-triggered) and is a pipeline (src/apply/):
 * desired state (every lease on the branch and its life from git, the verified policy, the
 * evidence on record) → verification (every change that has no trusted evidence yet: pull
 * request, content, policy, approvals — through the API; break-glass records checked again)
 * → plan (what each target holds, listed, against the lease windows) → and, for apply,
 * execute (item by item through the providers, credentials delivered) → record (evidence in
 * refs/notes/jit).
 */
import type { ApplyOptions } from "../apply/apply-options.js";
import type { ApplyResult } from "../apply/apply-result.js";
import { reviewBreakGlass } from "../apply/break-glass-review.js";
import { readDesiredState } from "../apply/desired-state.js";
import { executeRun } from "../apply/execute.js";
import { planRun } from "../apply/plan.js";
import { recordRun } from "../apply/record.js";
import { verifyChanges } from "../apply/verification.js";
import { withGitSession } from "../git/git-session.js";

export type { ApplyOptions } from "../apply/apply-options.js";
export type { ApplyResult } from "../apply/apply-result.js";

/** (Runs in a git session: see src/git/git-session.ts.) */
export function runApply(o: ApplyOptions): Promise<ApplyResult> {
  return withGitSession(() => runApplyInSession(o));
}

async function runApplyInSession(o: ApplyOptions): Promise<ApplyResult> {
  const state = await readDesiredState(o);
  const verification = await verifyChanges(o, state);
  const review = await reviewBreakGlass(o, state, verification);
  const verified = [...verification.verified, ...review.verified];
  const planned = await planRun(o, state, review, verified);
  // Problems that stopped no one (unreadable notes, changes that could not be verified) are findings too: the run fails loudly.
  const findings = [...planned.findings, ...state.problems.values()];
  const { plan, over, active, breakGlass } = planned;
  const policy = state.policy;
  const policyVersion = { commit: state.policyRun.inForce.version.commit, blob: state.policyRun.inForce.version.blob };
  const clean = findings.length === 0 && plan.refused.length === 0 && plan.errors.length === 0;
  if (o.dryRun) return { policy, policyVersion, policyVerified: [], plan, results: [], findings, verified, recorded: [], drift: [], over, active, breakGlass, ok: clean };

  const results = await executeRun(o, state, planned);
  const { recorded, drift, policyVerified } = await recordRun(o, state, verified, review.removedCommit, results);
  const failed = results.some((r) => r.outcome.status === "failed");
  return { policy, policyVersion, policyVerified, plan, results, findings, verified, recorded, drift, over, active, breakGlass, ok: !failed && clean };
}
