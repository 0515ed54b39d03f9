/** The audit in the format asked for. */
import type { AuditReport } from "./audit-record.js";
import { formatAuditCsv } from "./format-csv.js";
import { formatAuditJson } from "./format-json.js";
import { formatAuditMarkdown } from "./format-markdown.js";
import { formatAuditTable } from "./format-table.js";

export const AUDIT_FORMATS = ["table", "csv", "json", "markdown"] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

export function isAuditFormat(f: string): f is AuditFormat {
  return (AUDIT_FORMATS as readonly string[]).includes(f);
}

export function formatAudit(r: AuditReport, format: AuditFormat): string {
  switch (format) {
    case "table":
      return formatAuditTable(r);
    case "csv":
      return formatAuditCsv(r);
    case "json":
      return formatAuditJson(r);
    case "markdown":
      return formatAuditMarkdown(r);
  }
}
