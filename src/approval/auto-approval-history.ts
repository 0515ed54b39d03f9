/**
 * The history of auto-approvals, for the rules' weekly quotas: every lease evidence that
 * says "auto-approved by rule X", from notes signed for this repository only (anyone can
 * push a note; an unsigned one could hide or invent a quota use). Pure over the notes' text.
 */
import type { LeaseEvidence, NoteSigner } from "../evidence/evidence.js";
import { readEvidenceNote } from "../evidence/evidence.js";
import { parseTimestamp } from "../lease/timestamp.js";
import type { AutoApprovalRecord } from "./auto-approval.js";

export function autoApprovalHistory(notes: ReadonlyMap<string, string>, signer: NoteSigner): AutoApprovalRecord[] {
  const out: AutoApprovalRecord[] = [];
  if (!signer.key) return out;
  for (const [object, text] of notes) {
    if (!text.includes('"autoApproved"')) continue; // cheap: most notes have none
    const r = readEvidenceNote(object, text, signer);
    if (r.kind === "evidence" && r.trusted) out.push(...autoApprovalRecords(r.note.leases));
  }
  return out;
}

/** The auto-approvals among lease evidence. */
export function autoApprovalRecords(evidence: readonly LeaseEvidence[]): AutoApprovalRecord[] {
  return evidence.flatMap((e) => {
    const a = e.autoApproved;
    const at = a && e.verdict === "approved" ? parseTimestamp(a.at) : undefined;
    return a && at !== undefined ? [{ resource: a.resource, rule: a.rule, grantee: a.grantee, lease: e.lease, at }] : [];
  });
}
