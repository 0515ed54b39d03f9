/** The audit as JSON: times as RFC 3339, every event with the commit that proves it. */
import { formatTimestamp } from "../lease/timestamp.js";
import type { AuditReport } from "./audit-record.js";
import { heldUntil } from "./audit-record.js";

export function formatAuditJson(r: AuditReport): string {
  const t = (ms: number | undefined) => (ms === undefined ? undefined : formatTimestamp(ms));
  return (
    JSON.stringify(
      {
        ref: r.ref,
        head: r.head,
        generatedAt: t(r.generatedAt),
        ok: r.findings.length === 0,
        leases: r.leases.map((l) => ({
          ...l,
          start: t(l.start),
          end: t(l.end),
          heldUntil: l.status === "not-granted" ? undefined : t(heldUntil(l, r.generatedAt)),
          revokedAt: t(l.revokedAt),
          events: l.events.map((e) => ({ ...e, at: t(e.at) })),
        })),
        findings: r.findings,
        notes: r.notes,
      },
      null,
      2,
    ) + "\n"
  );
}
