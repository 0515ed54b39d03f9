/**
 * Executes a plan through the providers, one item at a time, in a safe order (grants and
 * role changes before revocations, so a role change never leaves a gap). Every item gets
 * its own result: one failure — a provider that answers "failed" or throws anything — never
 * stops the rest, and the caller fails the run loudly.
 */
import { errorMessage } from "../diagnostics/error-message.js";
import type { Resource } from "../policy/policy.js";
import type { GrantOutcome, Provider } from "../providers/provider.js";
import type { CredentialDelivery } from "../credentials/deliver-credentials.js";
import type { Plan, PlanAction } from "./plan.js";

export interface ActionResult {
  action: Exclude<PlanAction, { kind: "keep" }>;
  outcome: GrantOutcome;
  /** Lease paths behind the action. */
  because: string[];
}

const ORDER: Record<PlanAction["kind"], number> = { grant: 0, "change-role": 1, renew: 1, revoke: 2, keep: 3 };

/**
 * `delivery`: grants that make a credential are checked before (the grantee can receive it)
 * and delivered after; results never carry the credential itself.
 */
export async function executePlan(plan: Plan, providerOf: (resource: string) => Provider, resourceOf: (id: string) => Resource, delivery?: CredentialDelivery, progress?: (done: number, total: number) => void): Promise<ActionResult[]> {
  const todo = plan.actions.filter((a): a is ActionResult["action"] => a.kind !== "keep").sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const results: ActionResult[] = [];
  for (const action of todo) {
    const because = action.kind === "revoke" ? (action.lease ? [action.lease] : []) : action.because.flatMap((b) => (b.kind === "lease" ? [b.path] : []));
    let outcome: GrantOutcome;
    try {
      const provider = providerOf(action.resource);
      const resource = resourceOf(action.resource);
      if (action.kind === "grant") {
        const until = action.because.reduce<number | undefined>((m, b) => (b.kind === "lease" ? Math.max(m ?? 0, b.end) : m), undefined);
        const attempt = { resource, provider, grantee: action.grantee, role: action.role, ...(because[0] ? { lease: because[0] } : {}), ...(until !== undefined ? { end: until } : {}) };
        const refused = delivery ? await delivery.beforeGrant(attempt) : undefined;
        outcome = refused ?? (await provider.grant(resource, action.grantee, action.role, { ...(until !== undefined ? { expiresAt: until } : {}), ...(because[0] ? { lease: because[0] } : {}) }));
        if (delivery) outcome = await delivery.afterGrant(attempt, outcome);
        else if (outcome.status === "granted" && outcome.credential) {
          // Nothing can deliver it: never keep a credential nobody receives.
          await provider.revoke(resource, { resource: action.resource, grantee: action.grantee, role: action.role, state: "active", ...(outcome.credential.details.login ? { handle: outcome.credential.details.login } : {}) });
          outcome = { status: "failed", code: "credentials-undelivered", message: `${action.grantee}'s credential for ${action.resource} has no delivery in this run; the grant was taken back.` };
        }
      } else if (action.kind === "change-role") {
        outcome = await provider.changeRole(resource, action.grantee, action.to);
      } else if (action.kind === "renew") {
        // The lease's end moved: the target's own expiry follows. What a renewal publishes
        // (certificates for the new window) goes to the lease's pull request like a grant's.
        const attempt = { resource, provider, grantee: action.grantee, role: action.role, ...(because[0] ? { lease: because[0] } : {}), end: action.to };
        const refused = delivery && provider.publishes?.(resource) ? await delivery.beforeGrant(attempt) : undefined;
        const held = { resource: action.resource, grantee: action.grantee, role: action.role, state: "active" as const, expiresAt: action.from, ...(action.handle ? { handle: action.handle } : {}) };
        outcome =
          refused ??
          (provider.renew
            ? await provider.renew(resource, held, { expiresAt: action.to, ...(because[0] ? { lease: because[0] } : {}) })
            : { status: "failed", code: "renew-unsupported", message: `${action.resource}: ${provider.type} cannot move the end of ${action.grantee}'s grant to ${new Date(action.to).toISOString()}.` });
        if (delivery) outcome = await delivery.afterGrant(attempt, outcome);
      } else {
        outcome = await provider.revoke(resource, { resource: action.resource, grantee: action.grantee, role: action.role, state: action.state, ...(action.handle ? { handle: action.handle } : {}) });
      }
    } catch (e) {
      outcome = { status: "failed", code: "provider-error", message: errorMessage(e) };
    }
    results.push({ action, outcome, because });
    progress?.(results.length, todo.length);
  }
  return results;
}
