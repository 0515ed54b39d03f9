/** What a `plan` / `apply` run returns (see commands/apply.ts). */
import type { DriftRevocation, LeaseEvidence, PolicyEvidence } from "../evidence/evidence.js";
import type { Policy } from "../policy/policy.js";
import type { BreakGlassEnding } from "../reconcile/break-glass.js";
import type { ActionResult } from "../reconcile/execute-plan.js";
import type { WindowFinding } from "../reconcile/lease-windows.js";
import type { LeaseWindow, Plan } from "../reconcile/plan.js";

export interface ApplyResult {
  /** The policy acted on: the newest verified version on the applied ref (see approval/policy-in-force.ts). */
  policy: Policy;
  /** The commit that brought that version, and its blob. */
  policyVersion: { commit: string; blob: string };
  /** Verdicts on policy versions made in this run and recorded in their commits' notes. */
  policyVerified: PolicyEvidence[];
  plan: Plan;
  results: ActionResult[];
  findings: WindowFinding[];
  /** Changes verified through the API in this run. */
  verified: LeaseEvidence[];
  /**
   * Leases new or extended since the last run: approved in this run and recorded in a signed
   * note (so the next run does not verify them again). Empty without an evidence key.
   */
  recorded: string[];
  /** Drift revoked in this run, recorded in the applied commit's note. */
  drift: DriftRevocation[];
  /** Total failures: findings, failed items, refused guards, unlistable resources. */
  ok: boolean;
  /** Active leases with the pull request that requested them (from evidence), for reminders. */
  active: Array<{ path: string; resource: string; grantee: string; role: string; start: number; end: number; pullRequest?: number }>;
  /** Every lease file on the branch that is over (end ≤ now), with its window; for expire. */
  over: Array<{ path: string; resource: string; grantee: string; role: string; start: number; end: number; verified: boolean }>;
  /** Break-glass grants (signed records in refs/notes/jit): their windows, and those that end in this run (for expire to flag and record). */
  breakGlass: { windows: LeaseWindow[]; endings: BreakGlassEnding[] };
}
