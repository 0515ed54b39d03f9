#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  runExpire
} from "./chunk-46VABVNV.js";
import "./chunk-PN7OP2D7.js";
import {
  runPolicy
} from "./chunk-N7RKZNO6.js";
import "./chunk-5HZS632R.js";
import "./chunk-CWEHAQQK.js";
import "./chunk-ZTPG3Q24.js";
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-LHO56VLO.js";
import {
  readNotes
} from "./chunk-CEP24WVA.js";
import "./chunk-GIIEBIZ6.js";
import "./chunk-GJYAYLXS.js";
import "./chunk-XXFRVLWJ.js";
import {
  loadLease,
  readLeaseFiles,
  readRepoFile
} from "./chunk-BW7AH64Z.js";
import {
  checkLeasePath
} from "./chunk-LHBPTLRF.js";
import "./chunk-D743S5WN.js";
import {
  isAmong,
  teamsIn
} from "./chunk-WINV2HKP.js";
import "./chunk-DHPVELKE.js";
import {
  resolveFacts
} from "./chunk-BSSDBP5K.js";
import "./chunk-SVH2GO35.js";
import {
  withGitSession
} from "./chunk-RMU5QMAM.js";
import "./chunk-HNXO2XZY.js";
import "./chunk-ZKNAD5EA.js";

// src/commands/revoke.ts
function oneLine(text) {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
}
function runRevoke(o) {
  return withGitSession(() => runRevokeInSession(o));
}
async function runRevokeInSession(o) {
  if (o.leases.length === 0) throw new UsageError("revoke-nothing", "Name the lease file(s) to revoke (e.g. leases/prod-db/alice.yaml), a resource folder (leases/prod-db/) or a grantee (@alice).");
  const policy = (await runPolicy(o, await readNotes(o.repoDir))).inForce.policy;
  const facts = await resolveFacts(o.gh, { teams: teamsIn(policy.admins, policy.groups), orgMembers: [] });
  const isAdmin = isAmong(o.actor, policy.admins, policy.groups, facts) === true;
  const chosen = await selectLeases(o.repoDir, o.ref, o.leases);
  const rerunOf = o.rerunOf && o.rerunOf.toLowerCase() !== o.actor.toLowerCase() ? o.rerunOf : void 0;
  for (const [path, lease] of chosen) {
    if (isAdmin || lease.grantee.toLowerCase() === o.actor.toLowerCase()) continue;
    const who = `only its grantee (${lease.grantee}) or the policy admins (${policy.admins.join(", ")}) may`;
    if (rerunOf) {
      throw new UsageError(
        "revoke-rerun-not-allowed",
        `${o.actor} re-ran a revoke started by ${rerunOf}; a re-run is judged as the one who re-runs it, and ${o.actor} may not revoke ${path}: ${who}. Nothing was revoked.`
      );
    }
    throw new UsageError("revoke-not-allowed", `${o.actor} may not revoke ${path}: ${who}.`);
  }
  const reason = o.reason ? oneLine(o.reason) : "";
  const by = `@${o.actor}${rerunOf ? ` (re-run of @${rerunOf}'s run)` : ""}`;
  return runExpire({ ...o, endNow: new Set(chosen.keys()), earlyReason: `early revoke by ${by}${reason ? `: ${reason}` : ""}` });
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
