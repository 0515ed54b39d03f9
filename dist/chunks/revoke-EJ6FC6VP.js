#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runExpire
} from "./chunk-QMEW6LTZ.js";
import "./chunk-4TUH35TJ.js";
import "./chunk-VIT6KENA.js";
import "./chunk-7K3TGAXM.js";
import "./chunk-SB67XXUO.js";
import "./chunk-NBIN622J.js";
import "./chunk-PO4O46CC.js";
import {
  readLeaseFiles,
  readRepoFile
} from "./chunk-3FM6YOGM.js";
import {
  checkLeasePath,
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
  if (o.leases.length === 0) throw new UsageError("revoke-nothing", "Name the lease file(s) to revoke (e.g. leases/prod-db/alice.yaml), a resource folder (leases/prod-db/) or a grantee (@alice).");
  const policyFile = await readRepoFile(o.repoDir, o.ref, o.policyPath);
  const policy = policyFile ? loadPolicy(o.policyPath, policyFile.bytes).policy : void 0;
  if (!policy) throw new UsageError("policy-invalid", `No valid ${o.policyPath} at ${o.ref}.`);
  const facts = await resolveFacts(o.gh, { teams: teamsIn(policy.admins, policy.groups), orgMembers: [] });
  const isAdmin = isAmong(o.actor, policy.admins, policy.groups, facts) === true;
  const chosen = await selectLeases(o.repoDir, o.ref, o.leases);
  for (const [path, lease] of chosen) {
    if (!isAdmin && lease.grantee.toLowerCase() !== o.actor.toLowerCase()) {
      throw new UsageError("revoke-not-allowed", `${o.actor} may not revoke ${path}: only its grantee (${lease.grantee}) or the policy admins (${policy.admins.join(", ")}) may.`);
    }
  }
  return runExpire({ ...o, endNow: new Set(chosen.keys()), earlyReason: `early revoke by @${o.actor}${o.reason ? `: ${o.reason}` : ""}` });
}
async function selectLeases(repoDir, ref, selectors) {
  let all;
  const onRef = async () => {
    if (!all) {
      all = /* @__PURE__ */ new Map();
      for (const f of await readLeaseFiles(repoDir, ref)) {
        const lease = f.mode === "file" && checkLeasePath(f.path).kind === "lease" ? loadLease(f.path, f.bytes).lease : void 0;
        if (lease) all.set(f.path, lease);
      }
    }
    return all;
  };
  const chosen = /* @__PURE__ */ new Map();
  for (const raw of selectors) {
    const sel = raw.trim();
    let found;
    if (sel.startsWith("@")) {
      const login = sel.slice(1).toLowerCase();
      found = [...await onRef()].filter(([, l]) => l.grantee.toLowerCase() === login);
    } else if (checkLeasePath(sel).kind === "lease") {
      const file = await readRepoFile(repoDir, ref, sel);
      const lease = file ? loadLease(sel, file.bytes).lease : void 0;
      if (!lease) throw new UsageError("revoke-unknown-lease", `${sel} is not a lease on ${ref}.`);
      found = [[sel, lease]];
    } else {
      const folder = `${sel.replace(/\/+$/, "")}/`;
      if (!/^leases\/[^/]+\/$/.test(folder)) throw new UsageError("revoke-bad-selector", `'${raw}' is neither a lease file (leases/<resource>/<name>.yaml), a resource folder (leases/<resource>/) nor a grantee (@login).`);
      found = [...await onRef()].filter(([path]) => path.startsWith(folder));
    }
    if (found.length === 0) throw new UsageError("revoke-unknown-lease", `${raw} names no lease on ${ref}.`);
    for (const [path, lease] of found) chosen.set(path, lease);
  }
  return chosen;
}
export {
  runRevoke
};
