#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runExpire
} from "./chunk-MWYFUIXE.js";
import "./chunk-FIW7TLUJ.js";
import "./chunk-V353Y4BH.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-ECFMJL24.js";
import "./chunk-LCS2IAMI.js";
import "./chunk-SNM5KUFV.js";
import {
  readRepoFile
} from "./chunk-3FM6YOGM.js";
import {
  isAmong,
  loadLease,
  loadPolicy,
  teamsIn
} from "./chunk-RRT5U5DH.js";
import {
  UsageError
} from "./chunk-LB4RHSKG.js";
import "./chunk-ZDAOGDPW.js";
import {
  resolveFacts
} from "./chunk-57KBAW56.js";
import "./chunk-BQMI2UZC.js";

// src/commands/revoke.ts
async function runRevoke(o) {
  if (o.leases.length === 0) throw new UsageError("revoke-nothing", "Name the lease file(s) to revoke, e.g. leases/prod-db/alice.yaml.");
  const policyFile = await readRepoFile(o.repoDir, o.ref, o.policyPath);
  const policy = policyFile ? loadPolicy(o.policyPath, policyFile.bytes).policy : void 0;
  if (!policy) throw new UsageError("policy-invalid", `No valid ${o.policyPath} at ${o.ref}.`);
  const facts = await resolveFacts(o.gh, { teams: teamsIn(policy.admins, policy.groups), orgMembers: [] });
  const isAdmin = isAmong(o.actor, policy.admins, policy.groups, facts) === true;
  for (const path of o.leases) {
    const file = await readRepoFile(o.repoDir, o.ref, path);
    const lease = file ? loadLease(path, file.bytes).lease : void 0;
    if (!lease) throw new UsageError("revoke-unknown-lease", `${path} is not a lease on ${o.ref}.`);
    if (!isAdmin && lease.grantee.toLowerCase() !== o.actor.toLowerCase()) {
      throw new UsageError("revoke-not-allowed", `${o.actor} may not revoke ${path}: only its grantee (${lease.grantee}) or the policy admins (${policy.admins.join(", ")}) may.`);
    }
  }
  return runExpire({ ...o, endNow: new Set(o.leases), earlyReason: `early revoke by @${o.actor}${o.reason ? `: ${o.reason}` : ""}` });
}
export {
  runRevoke
};
