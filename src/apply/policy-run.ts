/** The verified policy a run acts on (apply, expire, revoke, timers, break-glass). */
import { policyForRun } from "../approval/policy-in-force.js";
import type { RunPolicy } from "../approval/policy-in-force.js";
import { verifyPolicyChange } from "../approval/verify-policy.js";
import { noteSigner } from "../evidence/evidence.js";
import type { NoteSigner } from "../evidence/evidence.js";
import type { PolicyVersion } from "../git/policy-log.js";
import type { ApplyOptions } from "./apply-options.js";

/** The verified policy in force for a run, verifying through the API the versions that have no signed verdict yet. */
export function runPolicy(o: Pick<ApplyOptions, "gh" | "repoDir" | "owner" | "repo" | "defaultBranch" | "policyPath" | "now" | "ref" | "evidenceKey">, notes: Map<string, string>, versions?: PolicyVersion[], signer?: NoteSigner): Promise<RunPolicy> {
  return policyForRun({
    repoDir: o.repoDir,
    ref: o.ref,
    policyPath: o.policyPath,
    now: o.now,
    noteOf: (commit) => notes.get(commit),
    signer: signer ?? noteSigner(o.owner, o.repo, o.evidenceKey),
    ...(versions ? { versions } : {}),
    verify: (v, judge) => verifyPolicyChange(o, v, judge),
  });
}
