/**
 * Two-factor requirement (policy `requireTwoFactor`, default on): a grantee without two-factor
 * authentication on GitHub is refused. Pure: the organization's members without 2FA come in
 * the facts (see github/resolve-facts.ts). When the token cannot see 2FA state, a warning says
 * so and why: never a silent pass. An offline check (no token: no facts at all) says nothing
 * here; the pull request check and apply, which always have a token, decide.
 */
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../document/parse-yaml.js";
import type { Lease } from "../lease/lease.js";
import type { Facts } from "../policy/people.js";
import type { Resource } from "../policy/policy.js";
import { resourceOrg } from "../policy/policy.js";

export const TWO_FACTOR_DISABLED = "lease-grantee-no-2fa";
export const TWO_FACTOR_NOT_CHECKED = "lease-grantee-2fa-not-checked";

export function checkTwoFactor(file: string, doc: ParsedYaml, lease: Lease, resource: Resource, facts: Facts): Diagnostic[] {
  if (!resource.requireTwoFactor) return [];
  const org = resourceOrg(resource.provider);
  const at = doc.locate("/grantee");
  // Not looked up at all: an offline check with no token (the pull request check and apply always look it up).
  if (!facts.twoFactor) return [];
  const known = facts.twoFactor.get(org.toLowerCase());
  if (!known) {
    return [diagnostic(TWO_FACTOR_NOT_CHECKED, file, at, `Not checked: whether ${lease.grantee} has two-factor authentication on GitHub (${resource.id} requires it): the ${org} organization's members were not looked up.`, "Run with a GitHub token of an owner of the organization, or set requireTwoFactor: false for this resource.", "warning")];
  }
  if (known.kind === "unknown") {
    return [diagnostic(TWO_FACTOR_NOT_CHECKED, file, at, `Not checked: whether ${lease.grantee} has two-factor authentication on GitHub (${resource.id} requires it): ${known.why}.`, "Give the workflow a token that may list the organization's members by 2FA state (an owner's), or set requireTwoFactor: false for this resource.", "warning")];
  }
  if (known.disabled.has(lease.grantee.toLowerCase())) {
    return [diagnostic(TWO_FACTOR_DISABLED, file, at, `${lease.grantee} has no two-factor authentication on GitHub, and ${resource.id} requires it (requireTwoFactor).`, `${lease.grantee}: turn on two-factor authentication (GitHub → Settings → Password and authentication), then ask again.`)];
  }
  return [];
}
