import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  readEvidenceNote
} from "./chunk-VTJMK7UI.js";
import {
  parseTimestamp
} from "./chunk-P5GKRAZF.js";

// src/approval/auto-approval-history.ts
function autoApprovalHistory(notes, signer) {
  const out = [];
  if (!signer.key) return out;
  for (const [object, text] of notes) {
    if (!text.includes('"autoApproved"')) continue;
    const r = readEvidenceNote(object, text, signer);
    if (r.kind === "evidence" && r.trusted) out.push(...autoApprovalRecords(r.note.leases));
  }
  return out;
}
function autoApprovalRecords(evidence) {
  return evidence.flatMap((e) => {
    const a = e.autoApproved;
    const at = a && e.verdict === "approved" ? parseTimestamp(a.at) : void 0;
    return a && at !== void 0 ? [{ resource: a.resource, rule: a.rule, grantee: a.grantee, lease: e.lease, at }] : [];
  });
}

export {
  autoApprovalHistory,
  autoApprovalRecords
};
