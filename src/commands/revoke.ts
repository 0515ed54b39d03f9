/**
 * `jit revoke LEASE...` and the Action's `revoke` (a workflow_dispatch "revoke now"): end
 * leases before their time. The grantee may release their own lease; the policy's admins
 * may revoke any. The grant is revoked in this run, then the file is removed in a revocation
 * commit whose trailers say who revoked it and why — never the other way round.
 */
import { UsageError } from "../diagnostics/usage-error.js";
import { readRepoFile } from "../git/access-repo.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { loadLease } from "../lease/load-lease.js";
import { loadPolicy } from "../policy/load-policy.js";
import { isAmong, teamsIn } from "../policy/people.js";
import type { ExpireOptions, ExpireResult } from "./expire.js";
import { runExpire } from "./expire.js";

export interface RevokeOptions extends ExpireOptions {
  leases: string[];
  /** Who asks (GITHUB_ACTOR in the Action). */
  actor: string;
  reason?: string;
}

export async function runRevoke(o: RevokeOptions): Promise<ExpireResult> {
  if (o.leases.length === 0) throw new UsageError("revoke-nothing", "Name the lease file(s) to revoke, e.g. leases/prod-db/alice.yaml.");
  const policyFile = await readRepoFile(o.repoDir, o.ref, o.policyPath);
  const policy = policyFile ? loadPolicy(o.policyPath, policyFile.bytes).policy : undefined;
  if (!policy) throw new UsageError("policy-invalid", `No valid ${o.policyPath} at ${o.ref}.`);
  const facts = await resolveFacts(o.gh, { teams: teamsIn(policy.admins, policy.groups), orgMembers: [] });
  const isAdmin = isAmong(o.actor, policy.admins, policy.groups, facts) === true;
  for (const path of o.leases) {
    const file = await readRepoFile(o.repoDir, o.ref, path);
    const lease = file ? loadLease(path, file.bytes).lease : undefined;
    if (!lease) throw new UsageError("revoke-unknown-lease", `${path} is not a lease on ${o.ref}.`);
    if (!isAdmin && lease.grantee.toLowerCase() !== o.actor.toLowerCase()) {
      throw new UsageError("revoke-not-allowed", `${o.actor} may not revoke ${path}: only its grantee (${lease.grantee}) or the policy admins (${policy.admins.join(", ")}) may.`);
    }
  }
  return runExpire({ ...o, endNow: new Set(o.leases), earlyReason: `early revoke by @${o.actor}${o.reason ? `: ${o.reason}` : ""}` });
}
