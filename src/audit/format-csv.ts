/**
 * The audit as CSV (RFC 4180: CRLF line ends, fields quoted when needed), one row per
 * lease, for spreadsheets and artifacts. Cells that a spreadsheet would run as a formula
 * (=, +, -, @ first) are prefixed with a quote: lease reasons are user input.
 */
import { formatTimestampSeconds as formatTimestamp } from "../lease/timestamp.js";
import type { AuditReport } from "./audit-record.js";
import { heldUntil } from "./audit-record.js";

const COLUMNS = ["lease", "resource", "grantee", "role", "status", "start", "end", "revoked_at", "ended_why", "extensions", "pull_request", "requested_by", "approved_by", "evidence", "break_glass", "reason", "ticket", "added_in", "removed_in", "findings"] as const;

function cell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatAuditCsv(r: AuditReport): string {
  const now = r.generatedAt;
  const findingsOf = new Map<string, string[]>();
  for (const f of r.findings) if (f.lease) findingsOf.set(f.lease, [...(findingsOf.get(f.lease) ?? []), f.code]);
  const rows = r.leases.map((l) => [
    l.path,
    l.resource,
    l.grantee,
    l.role,
    l.status,
    formatTimestamp(l.start),
    formatTimestamp(l.status === "ended" ? heldUntil(l, now) : l.end),
    l.revokedAt !== undefined ? formatTimestamp(l.revokedAt) : "",
    l.why ?? "",
    String(l.extensions),
    l.pullRequest !== undefined ? String(l.pullRequest) : "",
    l.requestedBy ?? "",
    l.approvers.join(" ") || (l.autoApprovedBy !== undefined ? `rule:${l.autoApprovedBy}` : ""),
    l.evidence,
    l.breakGlass ? "true" : "false",
    l.reason,
    l.ticket ?? "",
    l.addedIn,
    l.removedIn ?? "",
    [...new Set(findingsOf.get(l.path) ?? [])].join(" "),
  ]);
  return [COLUMNS as readonly string[], ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
