/**
 * What the audit says about the policy's versions. Pure: the shell judges each version (signed
 * verdicts in refs/notes/jit, and with a token the API, see approval/policy-in-force.ts);
 * this turns the verdicts into findings and notes. A version that was never in force
 * (unverified, approved by someone who was not an admin, changed after approval, invalid,
 * removed) is a finding for good, even after a later approved version replaced it.
 */
import type { HistoryCommit } from "../git/history.js";
import type { AuditFinding } from "./audit-record.js";

export interface PolicyVersionVerdict {
  commit: string;
  status: "A" | "M" | "D";
  state: "anchor" | "approved" | "rejected" | "invalid" | "unchecked";
  /** Why it is not in force. */
  why?: string;
  /** Where the verdict came from. */
  source: "signed-note" | "unsigned-note" | "this-run" | "none";
}

const short = (sha: string) => sha.slice(0, 7);
const PR_TITLE = /\(#(\d+)\)\s*$|^Merge pull request #(\d+)/;

export function policyFindings(policyPath: string, verdicts: PolicyVersionVerdict[], commitOf: (sha: string) => HistoryCommit | undefined): { findings: AuditFinding[]; notes: string[] } {
  const findings: AuditFinding[] = [];
  const notes: string[] = [];
  const unsigned = (v: PolicyVersionVerdict) => (v.source === "unsigned-note" ? " (recorded in a note not signed with the evidence key)" : "");
  for (const v of verdicts) {
    const c = commitOf(v.commit);
    const who = c ? ` by ${c.authorName} <${c.authorEmail}>` : "";
    const what = v.status === "D" ? `${policyPath} was removed in ${short(v.commit)}${who}` : `${policyPath} as changed in ${short(v.commit)}${who}`;
    switch (v.state) {
      case "anchor":
        notes.push(`${policyPath} was first added in ${short(v.commit)}${who}: that version is the trust anchor (the bootstrap, which nobody could review); every later version needs a merged pull request approved by an admin of the policy in force before it.`);
        break;
      case "approved":
        break;
      case "invalid":
        findings.push({ code: "policy-invalid", commit: v.commit, message: `${what} was never in force: ${(v.why ?? "it is not a valid policy").replace(/\.$/, "")}${unsigned(v)}. Runs kept applying the last verified version.` });
        break;
      case "rejected":
        findings.push({ code: "policy-unverified", commit: v.commit, message: `${what} was never in force: ${(v.why ?? "verification failed").replace(/\.$/, "")}${unsigned(v)}. Runs kept applying the last verified version.` });
        break;
      case "unchecked": {
        const subject = c ? (c.message.split("\n")[0] ?? "") : "";
        const viaPr = c !== undefined && (PR_TITLE.test(subject) || c.parents.length > 1);
        if (!viaPr) findings.push({ code: "policy-unverified", commit: v.commit, message: `${what} with no pull request on record and no verdict on record: it was never in force. Runs kept applying the last verified version.` });
        else notes.push(`${what} through a pull request, but its approval is not on record (no signed verdict${v.why ? `; ${v.why}` : ""}): audit with a token, or with the evidence key once apply has run, to check it.`);
        break;
      }
    }
  }
  return { findings, notes };
}
