/**
 * What a `plan` / `apply` run is given (see commands/apply.ts): the repository, the API, the
 * time, the providers, and what to limit the run to.
 */
import type { VerifyContext } from "../approval/verify-change.js";
import type { Policy } from "../policy/policy.js";
import type { Provider } from "../providers/provider.js";
import type { Guards } from "../reconcile/plan.js";

export interface ApplyOptions extends Omit<VerifyContext, "now"> {
  now: number;
  ref: string;
  /** Key for evidence MACs; without it, evidence notes are written but never trusted. */
  evidenceKey?: string;
  providerFor: (resourceId: string, policy: Policy) => Provider;
  guards?: Guards;
  /** Plan only: no writes to targets or notes. */
  dryRun: boolean;
  /** Leases to end now, before their time (early revoke), by path. */
  endNow?: Set<string>;
  /** Reconcile only these resources (a timer run): others are neither listed nor planned, and `over` holds only their leases. */
  onlyResources?: ReadonlySet<string>;
}
