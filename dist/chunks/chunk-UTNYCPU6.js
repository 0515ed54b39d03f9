#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  heldUntil
} from "./chunk-Y6VO2UKB.js";
import {
  formatTimestampSeconds
} from "./chunk-DHPVELKE.js";

// src/audit/format-table.ts
function formatAuditTable(r) {
  const now = r.generatedAt;
  const rows = r.leases.map((l) => [
    l.resource,
    l.grantee,
    l.role,
    formatTimestampSeconds(l.start),
    l.status === "not-granted" ? "\u2014" : formatTimestampSeconds(heldUntil(l, now)),
    l.status,
    l.why ?? "",
    l.pullRequest !== void 0 ? `#${l.pullRequest}` : "\u2014",
    l.approvers.join(" ") || (l.autoApprovedBy !== void 0 ? `auto: rule ${l.autoApprovedBy}` : l.evidence === "none" ? "(not on record)" : "\u2014"),
    l.reason
  ]);
  const head = ["RESOURCE", "GRANTEE", "ROLE", "FROM", "UNTIL", "STATUS", "ENDED", "PR", "APPROVED BY", "REASON"];
  const lines = [`Audit of ${r.ref} at ${r.head.slice(0, 7)}, ${formatTimestampSeconds(now)}: ${r.leases.length} lease(s), ${r.findings.length} finding(s).`, ""];
  if (rows.length) {
    const widths = head.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((row) => row[i].length))));
    const fit = (s, w) => s.length > w ? `${s.slice(0, w - 1)}\u2026` : s.padEnd(w);
    const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : fit(c, widths[i])).join("  ").trimEnd();
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

export {
  formatAuditTable
};
