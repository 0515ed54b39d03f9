/** The audit as JSON: times as RFC 3339, every event with the commit that proves it. */
import { formatTimestamp } from "../lease/timestamp.js";
import type { AuditEvent, AuditLease, AuditReport } from "./audit-record.js";
import { heldUntil } from "./audit-record.js";

const t = (ms: number | undefined) => (ms === undefined ? undefined : formatTimestamp(ms));

// Objects built field by field (a report can hold tens of thousands of leases); JSON.stringify
// leaves out the fields that are undefined.
const event = (e: AuditEvent) => ({ kind: e.kind, at: t(e.at), commit: e.commit, by: e.by, detail: e.detail });

const lease = (l: AuditLease, now: number) => ({
  path: l.path,
  resource: l.resource,
  grantee: l.grantee,
  role: l.role,
  reason: l.reason,
  ticket: l.ticket,
  breakGlass: l.breakGlass,
  pullRequest: l.pullRequest,
  requestedBy: l.requestedBy,
  approvers: l.approvers,
  autoApprovedBy: l.autoApprovedBy,
  evidence: l.evidence,
  start: t(l.start),
  end: t(l.end),
  heldUntil: l.status === "not-granted" ? undefined : t(heldUntil(l, now)),
  revokedAt: t(l.revokedAt),
  why: l.why,
  status: l.status,
  extensions: l.extensions,
  addedIn: l.addedIn,
  removedIn: l.removedIn,
  events: l.events.map(event),
});

/** The audit as a plain object (the CLI adds its format tag, see report/json-document.ts). */
export function auditJson(r: AuditReport) {
  const leases = new Array<ReturnType<typeof lease>>(r.leases.length);
  for (let i = 0; i < leases.length; i++) leases[i] = lease(r.leases[i]!, r.generatedAt);
  return { ref: r.ref, head: r.head, generatedAt: t(r.generatedAt), ok: r.findings.length === 0, leases, findings: r.findings, notes: r.notes };
}

export function formatAuditJson(r: AuditReport): string {
  return `${JSON.stringify(auditJson(r), null, 2)}\n`;
}
