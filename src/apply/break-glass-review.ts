/**
 * Break-glass in a run: which grants were approved and merged in time (their lease on main
 * takes over from grantedAt), which pull requests were closed unmerged, which grants end now,
 * and the records that grant nothing here (refused, or signed for another repository).
 */
import type { LeaseEvidence } from "../evidence/evidence.js";
import { breakGlassLabel, breakGlassSweep, wouldLast } from "../reconcile/break-glass.js";
import type { BreakGlassSweep, MergedAdd } from "../reconcile/break-glass.js";
import type { WindowFinding } from "../reconcile/lease-windows.js";
import type { ApplyOptions } from "./apply-options.js";
import { recheckRecords } from "./break-glass-recheck.js";
import type { DesiredState } from "./desired-state.js";
import { inScope } from "./verification.js";
import type { Verification } from "./verification.js";

export interface BreakGlassReview {
  breakGlass: BreakGlassSweep;
  /** Merges of break-glass leases since removed, verified in this stage. */
  verified: LeaseEvidence[];
  /** The commit that added each of those leases, by `path\0blob`. */
  removedCommit: Map<string, string>;
  /** Records that grant nothing here, in scope of the run. */
  findings: WindowFinding[];
}

export async function reviewBreakGlass(o: ApplyOptions, state: DesiredState, verification: Verification): Promise<BreakGlassReview> {
  const { inputs, lifeOf, evidence: trusted, records, grantedFirst, policy } = state;
  const removedCommit = new Map<string, string>();
  const verified: LeaseEvidence[] = [];
  const adds: MergedAdd[] = [];
  const unknownReview = new Set<string>(); // break-glass leases whose merge could not be verified in this run
  const verifiedNow = new Map(verification.verified.map((v) => [`${v.lease}\0${v.blob}`, v]));
  for (const input of inputs) {
    const add = input.changes[0];
    const blob = lifeOf.get(input.path)?.changes[0]?.blob;
    if (!add || add.status !== "A" || !blob) continue;
    const pr = (trusted.get(`${add.commit}\0${input.path}\0${blob}`) ?? verifiedNow.get(`${input.path}\0${blob}`))?.pullRequest?.number;
    adds.push({ path: input.path, blob, commit: add.commit, time: add.time, verdict: add.verdict, ...(pr !== undefined ? { pullRequest: pr } : {}) });
  }
  for (const life of state.endedLives) {
    const add = life.changes[0];
    if (!add || add.status !== "A" || !grantedFirst.has(`${life.path}\0${add.blob}`) || !inScope(o, life.path)) continue;
    let ev = trusted.get(`${add.commit}\0${life.path}\0${add.blob}`);
    if (!ev) {
      ev = await verification.verify({ path: life.path, commit: add.commit, blob: add.blob, time: add.time });
      if (!ev) {
        unknownReview.add(`${life.path}\0${add.blob}`);
        continue;
      }
      verified.push(ev);
      removedCommit.set(`${life.path}\0${add.blob}`, add.commit);
    }
    adds.push({ path: life.path, blob: add.blob, commit: add.commit, time: add.time, verdict: ev.verdict, ...(ev.pullRequest ? { pullRequest: ev.pullRequest.number } : {}) });
  }
  const { closedUnmerged, refused, unchecked } = await recheckRecords(o, policy, records, adds);
  const swept = breakGlassSweep({ now: o.now, records, adds, closedUnmerged, refused, unchecked });
  // A grant whose merge could not be verified still ends by its window (revoked by the plan);
  // it is flagged and marked ended only once a run knows whether it was reviewed.
  const breakGlass = { ...swept, endings: swept.endings.filter((e) => !unknownReview.has(`${e.record.lease}\0${e.record.blob}`)) };

  const findings: WindowFinding[] = [];
  const scoped = (resource: string) => !o.onlyResources || o.onlyResources.has(resource);
  for (const p of breakGlass.problems) if (scoped(p.record.resource)) findings.push({ lease: p.record.lease, commit: p.noteOn, code: p.problem.code, message: p.message });
  for (const u of state.unbound) {
    const w = wouldLast(u.record);
    if (u.record.ended || !(w.start <= o.now && o.now < w.end) || !scoped(u.record.resource)) continue;
    const why = u.trust === "legacy" ? "its note was signed before jit-access bound notes to their repository, so it may have been copied from another access repo" : `its note is signed for ${u.repository ?? "another repository"}, not ${state.signer.repository}: it was copied from another access repo`;
    findings.push({ lease: u.record.lease, commit: u.noteOn, code: "break-glass-record-unbound", message: `${breakGlassLabel(u.record)}: break-glass-record-unbound: break-glass access for @${u.record.grantee} as ${u.record.role} on ${u.record.resource} is refused: ${why}. It grants nothing here; ask again with a new break-glass pull request.` });
  }
  return { breakGlass, verified, removedCommit, findings };
}
