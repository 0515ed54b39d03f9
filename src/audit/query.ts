/**
 * Audit queries: which leases to show. `at` answers "who held access to X at that moment";
 * since/until keep the leases whose access overlapped that period. Pure.
 */
import type { AuditLease, AuditReport } from "./audit-record.js";
import { heldUntil } from "./audit-record.js";

export interface AuditQuery {
  resource?: string;
  grantee?: string;
  since?: number;
  until?: number;
  at?: number;
}

/** Was access held (granted and not yet revoked) at this moment? */
export function heldAt(l: AuditLease, t: number, now: number): boolean {
  if (l.status === "not-granted" || l.status === "cancelled") return false;
  return l.start <= t && t < heldUntil(l, now);
}

export function queryAudit(report: AuditReport, q: AuditQuery): AuditReport {
  const now = report.generatedAt;
  const leases = report.leases.filter((l) => {
    if (q.resource !== undefined && l.resource !== q.resource) return false;
    if (q.grantee !== undefined && l.grantee.toLowerCase() !== q.grantee.toLowerCase()) return false;
    if (q.at !== undefined && !heldAt(l, q.at, now)) return false;
    const from = l.start;
    const to = l.status === "not-granted" || l.status === "cancelled" ? l.revokedAt ?? l.start : heldUntil(l, now);
    if (q.since !== undefined && to < q.since) return false;
    if (q.until !== undefined && from >= q.until) return false;
    return true;
  });
  // Findings are flagged loudly: only a resource or grantee filter hides those about others.
  const paths = new Set(leases.map((l) => l.path));
  const findings = report.findings.filter((f) => {
    if (f.lease !== undefined && paths.has(f.lease)) return true;
    const resource = f.resource ?? f.lease?.split("/")[1];
    if (q.resource !== undefined && resource !== undefined && resource !== q.resource) return false;
    if (q.grantee !== undefined && f.lease !== undefined) return false;
    return true;
  });
  return { ...report, leases, findings };
}
