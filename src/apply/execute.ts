/**
 * Stage 4 of a run, execution: the plan's items carried out through the providers, item by
 * item (a failure is that item's). Credentials (encrypted) and public artifacts (SSH
 * certificates) a grant makes go to the lease's pull request.
 */
import { credentialDelivery } from "../credentials/deliver-credentials.js";
import { executePlan } from "../reconcile/execute-plan.js";
import type { ActionResult } from "../reconcile/execute-plan.js";
import type { ApplyOptions } from "./apply-options.js";
import type { DesiredState } from "./desired-state.js";
import type { RunPlan } from "./plan.js";

export function executeRun(o: ApplyOptions, state: DesiredState, planned: RunPlan): Promise<ActionResult[]> {
  const delivery = credentialDelivery({ gh: o.gh, owner: o.owner, repo: o.repo, pullRequestOf: planned.prOf });
  return executePlan(planned.plan, (id) => planned.providers.get(id)!, (id) => state.policy.resources.get(id)!, delivery);
}
