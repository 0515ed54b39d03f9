/**
 * `jit revoke LEASE...` and the Action's `revoke` (a workflow_dispatch "revoke now"): end
 * leases before their time — named one by one, by resource folder, or by grantee (incident
 * response). The grantee may release their own leases; the policy's admins may revoke any. The grant is revoked in this run, then the file is removed in a revocation
 * commit whose trailers say who revoked it and why — never the other way round.
 */
import { UsageError } from "../diagnostics/usage-error.js";
import { readLeaseFiles, readRepoFile } from "../git/access-repo.js";
import type { Lease } from "../lease/lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { loadLease } from "../lease/load-lease.js";
import { isAmong, teamsIn } from "../policy/people.js";
import type { ExpireOptions, ExpireResult } from "./expire.js";
import { runExpire } from "./expire.js";
import { runPolicy } from "../apply/policy-run.js";
import { readNotes } from "../git/evidence-notes.js";
import { withGitSession } from "../git/git-session.js";

export interface RevokeOptions extends ExpireOptions {
  /**
   * What to end: lease files, resource folders (`leases/<resource>/`: every lease on it) and
   * grantees (`@login`: every lease of theirs, e.g. for an account that was compromised).
   */
  leases: string[];
  /** Who asks, and is judged: in the Action, whoever started this attempt (GITHUB_TRIGGERING_ACTOR). */
  actor: string;
  /**
   * Set when this is a re-run, by `actor`, of a run someone else started (GITHUB_ACTOR): the
   * re-run is judged as `actor`, never as the one who started it, and both are recorded.
   */
  rerunOf?: string;
  reason?: string;
}

/** A reason on one line: it goes into a commit trailer, where a line break would forge more trailers. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
}

/** (Runs in a git session: see src/git/git-session.ts.) */
export function runRevoke(o: RevokeOptions): Promise<ExpireResult> {
  return withGitSession(() => runRevokeInSession(o));
}

async function runRevokeInSession(o: RevokeOptions): Promise<ExpireResult> {
  if (o.leases.length === 0) throw new UsageError("revoke-nothing", "Name the lease file(s) to revoke (e.g. leases/prod-db/alice.yaml), a resource folder (leases/prod-db/) or a grantee (@alice).");
  // Who is an admin: as the verified policy in force says, never an unverified version on main.
  const policy = (await runPolicy(o, await readNotes(o.repoDir))).inForce.policy;
  const facts = await resolveFacts(o.gh, { teams: teamsIn(policy.admins, policy.groups), orgMembers: [] });
  const isAdmin = isAmong(o.actor, policy.admins, policy.groups, facts) === true;
  const chosen = await selectLeases(o.repoDir, o.ref, o.leases);
  const rerunOf = o.rerunOf && o.rerunOf.toLowerCase() !== o.actor.toLowerCase() ? o.rerunOf : undefined;
  for (const [path, lease] of chosen) {
    if (isAdmin || lease.grantee.toLowerCase() === o.actor.toLowerCase()) continue;
    const who = `only its grantee (${lease.grantee}) or the policy admins (${policy.admins.join(", ")}) may`;
    if (rerunOf) {
      throw new UsageError(
        "revoke-rerun-not-allowed",
        `${o.actor} re-ran a revoke started by ${rerunOf}; a re-run is judged as the one who re-runs it, and ${o.actor} may not revoke ${path}: ${who}. Nothing was revoked.`,
      );
    }
    throw new UsageError("revoke-not-allowed", `${o.actor} may not revoke ${path}: ${who}.`);
  }
  const reason = o.reason ? oneLine(o.reason) : "";
  const by = `@${o.actor}${rerunOf ? ` (re-run of @${rerunOf}'s run)` : ""}`;
  return runExpire({ ...o, endNow: new Set(chosen.keys()), earlyReason: `early revoke by ${by}${reason ? `: ${reason}` : ""}` });
}

/** The leases on `ref` that the selectors name (lease files, resource folders, @grantees); each selector must name at least one. */
async function selectLeases(repoDir: string, ref: string, selectors: string[]): Promise<Map<string, Lease>> {
  let all: Map<string, Lease> | undefined;
  const onRef = async () => {
    if (!all) {
      all = new Map();
      for (const f of await readLeaseFiles(repoDir, ref)) {
        const lease = f.mode === "file" && checkLeasePath(f.path).kind === "lease" ? loadLease(f.path, f.bytes).lease : undefined;
        if (lease) all.set(f.path, lease);
      }
    }
    return all;
  };
  const chosen = new Map<string, Lease>();
  for (const raw of selectors) {
    const sel = raw.trim();
    let found: Array<[string, Lease]>;
    if (sel.startsWith("@")) {
      const login = sel.slice(1).toLowerCase();
      found = [...(await onRef())].filter(([, l]) => l.grantee.toLowerCase() === login);
    } else if (checkLeasePath(sel).kind === "lease") {
      const file = await readRepoFile(repoDir, ref, sel);
      const lease = file ? loadLease(sel, file.bytes).lease : undefined;
      if (!lease) throw new UsageError("revoke-unknown-lease", `${sel} is not a lease on ${ref}.`);
      found = [[sel, lease]];
    } else {
      const folder = `${sel.replace(/\/+$/, "")}/`;
      if (!/^leases\/[^/]+\/$/.test(folder)) throw new UsageError("revoke-bad-selector", `'${raw}' is neither a lease file (leases/<resource>/<name>.yaml), a resource folder (leases/<resource>/) nor a grantee (@login).`);
      found = [...(await onRef())].filter(([path]) => path.startsWith(folder));
    }
    if (found.length === 0) throw new UsageError("revoke-unknown-lease", `${raw} names no lease on ${ref}.`);
    for (const [path, lease] of found) chosen.set(path, lease);
  }
  return chosen;
}
