/** What the audit says: every lease's life rebuilt from history, and the findings. */

export type EventKind = "requested" | "approved" | "granted" | "not-granted" | "extended" | "extension-refused" | "revoked" | "over";

export interface AuditEvent {
  kind: EventKind;
  /** When, ms (absent when history does not say, e.g. when a pull request was opened offline). */
  at?: number;
  /** The commit that proves it (on main, or the reviewed commit for an approval). */
  commit?: string;
  /** Who: requester, approver, or who revoked. */
  by?: string;
  detail: string;
}

/**
 * How sure the audit is of the approvals: evidence notes signed for this repository, the
 * API, notes signed with the key before notes named their repository (`legacy-note`: genuine
 * for some repository sharing the key, perhaps not this one), notes not signed for this
 * repository (`unsigned-note`), or nothing.
 */
export type EvidenceSource = "signed-note" | "api" | "legacy-note" | "unsigned-note" | "none";

export type LeaseStatus = "active" | "scheduled" | "over" | "ended" | "not-granted" | "cancelled";

export interface AuditLease {
  path: string;
  resource: string;
  grantee: string;
  role: string;
  reason: string;
  ticket?: string;
  breakGlass: boolean;
  pullRequest?: number;
  requestedBy?: string;
  approvers: string[];
  /** Approved with no human review, by this autoApprove rule of the resource (from evidence). */
  autoApprovedBy?: string;
  evidence: EvidenceSource;
  /** Start of access (merge on main, or notBefore), ms. */
  start: number;
  /** Scheduled end after extensions, ms. */
  end: number;
  /** When access was taken away (the commit removing the file), ms. */
  revokedAt?: number;
  /** Why it ended: expired, early revoke by @x: …, break-glass not reviewed, removed by PR #n, … */
  why?: string;
  status: LeaseStatus;
  extensions: number;
  /** The commit that added the lease on main. */
  addedIn: string;
  removedIn?: string;
  events: AuditEvent[];
}

export type FindingCode =
  | "unapproved-lease"
  | "changed-outside-jit"
  | "history-rewritten"
  | "longer-than-policy"
  | "evidence-untrusted"
  | "standing-undeclared"
  | "break-glass-unreviewed"
  | "note-unreadable"
  /** A policy version that was never in force: not approved by an admin of the policy before it in a merged pull request, or changed after approval. */
  | "policy-unverified"
  /** A policy version that was never in force: not a valid policy, not a regular file, or the file removed. */
  | "policy-invalid"
  /** A standing entry whose access review is due (src/review/review-due.ts). */
  | "standing-review-overdue"
  /** Anomalies (src/audit/anomalies.ts), thresholds in the policy's `anomalies`. */
  | "frequent-elevation"
  | "approver-concentration"
  | "break-glass-frequency"
  | "long-total";

export interface AuditFinding {
  code: FindingCode;
  message: string;
  lease?: string;
  commit?: string;
  resource?: string;
  /** A stable identity of the condition found (anomalies and overdue reviews): the same condition in a later run has the same key. */
  key?: string;
  /** Not found by the previous audit (anomalies and overdue reviews, when the previous audit's time is given). */
  new?: boolean;
}

export interface AuditReport {
  ref: string;
  head: string;
  generatedAt: number;
  leases: AuditLease[];
  findings: AuditFinding[];
  /** What could not be checked (e.g. live state offline), said plainly. */
  notes: string[];
}

/** Until when the grantee held (or holds) the access, as far as history says. */
export function heldUntil(l: AuditLease, now: number): number {
  if (l.revokedAt !== undefined) return l.revokedAt;
  if (l.status === "over") return Math.max(l.end, now); // file still there: a sweep will revoke
  return l.end;
}
