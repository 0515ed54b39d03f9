/**
 * What an audit run tells the webhook: its new anomaly and overdue-review findings (those with
 * a key that the previous audit did not find, see audit/anomalies.ts). Findings of other kinds
 * are told by the apply runs that find them. Best-effort: a failing webhook is a warning.
 */
import type { AuditFinding } from "../audit/audit-record.js";
import { createNotifier } from "../notify/webhook.js";

/** The findings a run reports as new: keyed ones not marked as found before. */
export function newFindings(findings: readonly AuditFinding[]): AuditFinding[] {
  return findings.filter((f) => f.key !== undefined && f.new !== false);
}

/** Sends each new finding; returns the delivery failures. */
export async function notifyFindings(findings: readonly AuditFinding[], url: string, o: { repository: string; now: number }): Promise<string[]> {
  const n = createNotifier(url, { repository: o.repository });
  const at = new Date(o.now).toISOString();
  for (const f of newFindings(findings)) {
    await n.notify({ kind: "finding", at, code: f.code, ...(f.key ? { key: f.key } : {}), ...(f.resource ? { resource: f.resource } : {}), text: `🔎 jit-access audit: ${f.code}: ${f.message}` });
  }
  return n.failures;
}
