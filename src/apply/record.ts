/**
 * Stage 5 of a run, the record: evidence of each change verified in this run (and of the
 * grants it led to) in its commit's signed note, drift revoked in the applied commit's note,
 * and verdicts on policy versions in theirs.
 */
import { policyVerdictUpdates } from "../approval/policy-in-force.js";
import type { DriftRevocation, LeaseEvidence, PolicyEvidence } from "../evidence/evidence.js";
import { updateNotes } from "../git/evidence-notes.js";
import type { NoteUpdate } from "../git/evidence-notes.js";
import { gitText } from "../git/run-git.js";
import type { ActionResult } from "../reconcile/execute-plan.js";
import { holderRecord } from "../reconcile/plan.js";
import type { ApplyOptions } from "./apply-options.js";
import type { DesiredState } from "./desired-state.js";

export interface RunRecord {
  /** Approved leases recorded in a signed note in this run (empty without an evidence key). */
  recorded: string[];
  drift: DriftRevocation[];
  policyVerified: PolicyEvidence[];
}

/** `removedCommit`: the commit that added each verified lease no longer on the branch, by `path\0blob`. */
export async function recordRun(o: ApplyOptions, state: DesiredState, verified: LeaseEvidence[], removedCommit: Map<string, string>, results: ActionResult[]): Promise<RunRecord> {
  const { lifeOf, signer } = state;
  // Evidence: one note per commit, merged with what is there, signed.
  const byCommit = new Map<string, LeaseEvidence[]>();
  for (const ev of verified) {
    const life = lifeOf.get(ev.lease);
    const commit = life?.changes.find((c) => c.blob === ev.blob)?.commit ?? removedCommit.get(`${ev.lease}\0${ev.blob}`);
    if (!commit) continue;
    byCommit.set(commit, [...(byCommit.get(commit) ?? []), ev]);
  }
  // Every note the record changes, written at once (one git process in a session: see updateNotes).
  const updates: NoteUpdate[] = [];
  for (const [commit, evs] of byCommit) {
    const mine = (lease: string) => evs.some((e) => e.lease === lease);
    const grants = results
      .filter((r) => r.action.kind === "grant" || r.action.kind === "change-role" || r.action.kind === "renew")
      .filter((r) => evs.some((e) => r.because.includes(e.lease)))
      .map((r) => ({ lease: evs.find((e) => r.because.includes(e.lease))!.lease, resource: r.action.resource, grantee: r.action.grantee, role: r.action.kind === "change-role" ? r.action.to : (r.action as { role: string }).role, status: r.outcome.status, at: new Date(o.now).toISOString() }));
    // What else the note records (other leases, break-glass records, drift) stays.
    updates.push({
      object: commit,
      change: (note) => {
        const kept = (note.grants ?? []).filter((g) => !mine(g.lease));
        return { ...note, leases: [...note.leases.filter((l) => !mine(l.lease)), ...evs], ...(kept.length + grants.length ? { grants: [...kept, ...grants] } : {}) };
      },
    });
  }
  const drift = await recordDrift(o, results, updates);
  const policyVerified = policyVerdictUpdates(state.policyRun.chain, updates);
  await updateNotes(o.repoDir, signer, updates);
  const recorded = o.evidenceKey ? [...new Set([...byCommit.values()].flat().filter((e) => e.verdict === "approved").map((e) => e.lease))] : [];
  return { recorded, drift, policyVerified };
}

/**
 * Access that no lease or standing entry backed (drift), revoked in this run: recorded in the
 * note of the commit applied, so the audit can say later, offline, who held what outside
 * jit-access and when it was taken away.
 */
async function recordDrift(o: ApplyOptions, results: ActionResult[], updates: NoteUpdate[]): Promise<DriftRevocation[]> {
  const at = new Date(o.now).toISOString();
  const drift: DriftRevocation[] = results.flatMap((r) => {
    const a = r.action;
    if (a.kind !== "revoke" || a.why !== "drift" || r.outcome.status === "failed") return [];
    const by = (a.couldBeAddedBy ?? []).map(holderRecord);
    return [{ resource: a.resource, grantee: a.grantee, role: a.role, revokedAt: at, ...(by.length ? { couldBeAddedBy: by } : {}) }];
  });
  if (drift.length === 0) return drift;
  const head = (await gitText(o.repoDir, ["rev-parse", "--verify", `${o.ref}^{commit}`])).trim();
  updates.push({ object: head, change: (note) => ({ ...note, drift: [...(note.drift ?? []), ...drift] }) });
  return drift;
}
