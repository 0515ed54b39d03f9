/** The audit as a plain-text table for a terminal: one line per lease, then the findings. */
import { formatTimestampSeconds as formatTimestamp } from "../lease/timestamp.js";
import type { AuditReport } from "./audit-record.js";
import { heldUntil } from "./audit-record.js";

export function formatAuditTable(r: AuditReport): string {
  const now = r.generatedAt;
  const rows = r.leases.map((l) => [
    l.resource,
    l.grantee,
    l.role,
    formatTimestamp(l.start),
    l.status === "not-granted" ? "—" : formatTimestamp(heldUntil(l, now)),
    l.status,
    l.why ?? "",
    l.pullRequest !== undefined ? `#${l.pullRequest}` : "—",
    l.approvers.join(" ") || (l.autoApprovedBy !== undefined ? `auto: rule ${l.autoApprovedBy}` : l.evidence === "none" ? "(not on record)" : "—"),
    l.reason,
  ]);
  const head = ["RESOURCE", "GRANTEE", "ROLE", "FROM", "UNTIL", "STATUS", "ENDED", "PR", "APPROVED BY", "REASON"];
  const lines: string[] = [`Audit of ${r.ref} at ${r.head.slice(0, 7)}, ${formatTimestamp(now)}: ${r.leases.length} lease(s), ${r.findings.length} finding(s).`, ""];
  if (rows.length) {
    const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((row) => row[i]!.length))));
    const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
    const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : fit(c, widths[i]!))).join("  ").trimEnd();
    lines.push(line(head), ...rows.map(line), "");
  } else lines.push("No leases match.", "");
  if (r.findings.length) {
    lines.push("FINDINGS");
    for (const f of r.findings) lines.push(`  [${f.code}] ${f.message}`);
    lines.push("");
  }
  for (const n of r.notes) lines.push(`Note: ${n}`);
  return lines.join("\n").replace(/\n*$/, "\n");
}
