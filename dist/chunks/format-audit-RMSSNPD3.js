#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  formatAuditTable
} from "./chunk-UTNYCPU6.js";
import {
  formatAuditJson
} from "./chunk-SGXS5KJE.js";
import {
  heldUntil
} from "./chunk-Y6VO2UKB.js";
import {
  formatTimestampSeconds
} from "./chunk-DHPVELKE.js";
import "./chunk-ZKNAD5EA.js";

// src/audit/format-csv.ts
var COLUMNS = ["lease", "resource", "grantee", "role", "status", "start", "end", "revoked_at", "ended_why", "extensions", "pull_request", "requested_by", "approved_by", "evidence", "break_glass", "reason", "ticket", "added_in", "removed_in", "findings"];
function cell(v) {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
function formatAuditCsv(r) {
  const now = r.generatedAt;
  const findingsOf = /* @__PURE__ */ new Map();
  for (const f of r.findings) if (f.lease) findingsOf.set(f.lease, [...findingsOf.get(f.lease) ?? [], f.code]);
  const rows = r.leases.map((l) => [
    l.path,
    l.resource,
    l.grantee,
    l.role,
    l.status,
    formatTimestampSeconds(l.start),
    formatTimestampSeconds(l.status === "ended" ? heldUntil(l, now) : l.end),
    l.revokedAt !== void 0 ? formatTimestampSeconds(l.revokedAt) : "",
    l.why ?? "",
    String(l.extensions),
    l.pullRequest !== void 0 ? String(l.pullRequest) : "",
    l.requestedBy ?? "",
    l.approvers.join(" ") || (l.autoApprovedBy !== void 0 ? `rule:${l.autoApprovedBy}` : ""),
    l.evidence,
    l.breakGlass ? "true" : "false",
    l.reason,
    l.ticket ?? "",
    l.addedIn,
    l.removedIn ?? "",
    [...new Set(findingsOf.get(l.path) ?? [])].join(" ")
  ]);
  return [COLUMNS, ...rows].map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

// src/audit/format-markdown.ts
var MAX_BARS = 100;
var MAX_ROWS = 500;
var MAX_DETAILS = 50;
var esc = (s) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/</g, "&lt;");
var mer = (s) => s.replace(/[:#;]/g, " ").replace(/\s+/g, " ").trim();
var minute = (ms) => new Date(Math.min(Math.max(Number.isNaN(ms) ? 0 : ms, 0), LAST_MINUTE)).toISOString().slice(0, 16).replace("T", " ");
var LAST_MINUTE = Date.UTC(9999, 11, 31, 23, 59);
function ganttOf(leases, now) {
  const shown = leases.filter((l) => l.status !== "not-granted" && l.status !== "cancelled").slice(-MAX_BARS);
  const bars = /* @__PURE__ */ new Map();
  for (const l of shown) {
    const until = Math.max(heldUntil(l, now), l.start + 6e4);
    const tag = l.status === "active" ? "active, " : l.status === "ended" ? "done, " : l.status === "over" ? "crit, " : "";
    const label = `${mer(l.grantee)} ${mer(l.role)}${l.breakGlass ? " (break-glass)" : ""}`;
    bars.set(l.resource, [...bars.get(l.resource) ?? [], `    ${label} :${tag}${minute(l.start)}, ${minute(until)}`]);
  }
  const lines = ["```mermaid", "gantt", "  title Access windows (UTC)", "  dateFormat YYYY-MM-DD HH:mm", "  axisFormat %m-%d %H:%M"];
  for (const [resource, rows] of [...bars].sort(([a], [b]) => a < b ? -1 : 1)) lines.push(`  section ${mer(resource)}`, ...rows);
  lines.push("```");
  return lines.join("\n");
}
function formatAuditMarkdown(r) {
  const now = r.generatedAt;
  const out = [`## jit-access audit: ${esc(r.ref)} at \`${r.head.slice(0, 7)}\``, "", `${r.leases.length} lease(s), ${r.findings.length} finding(s), as of ${formatTimestampSeconds(now)}.`, ""];
  if (r.findings.length) {
    out.push("### :rotating_light: Findings", "");
    for (const f of r.findings) out.push(`- **${f.code}**${f.new ? " (new)" : ""}: ${esc(f.message)}`);
    out.push("");
  }
  const granted = r.leases.filter((l) => l.status !== "not-granted" && l.status !== "cancelled");
  if (granted.length) {
    out.push("### Access windows", "");
    if (granted.length > MAX_BARS) out.push(`The ${MAX_BARS} most recent of ${granted.length} windows; the table and the CSV output have all of them.`, "");
    out.push(ganttOf(r.leases, now), "");
  }
  if (r.leases.length) {
    out.push("### Leases", "", "| Resource | Grantee | Role | From | Until | Status | Ended | PR | Approved by | Reason |", "|---|---|---|---|---|---|---|---|---|---|");
    for (const l of r.leases.slice(-MAX_ROWS)) {
      out.push(`| ${esc(l.resource)} | ${esc(l.grantee)} | ${esc(l.role)} | ${formatTimestampSeconds(l.start)} | ${l.status === "not-granted" ? "\u2014" : formatTimestampSeconds(heldUntil(l, now))} | ${l.status} | ${esc(l.why ?? "")} | ${l.pullRequest !== void 0 ? `#${l.pullRequest}` : "\u2014"} | ${esc(l.approvers.join(", ")) || (l.autoApprovedBy !== void 0 ? `auto: rule ${esc(l.autoApprovedBy)}` : l.evidence === "none" ? "_not on record_" : "\u2014")} | ${esc(l.reason)} |`);
    }
    if (r.leases.length > MAX_ROWS) out.push("", `Showing the ${MAX_ROWS} most recent of ${r.leases.length} leases; use the CSV or JSON output for all.`);
    out.push("");
    const detailed = r.leases.slice(-MAX_DETAILS);
    out.push("### Timeline per lease", "");
    for (const l of detailed) {
      out.push(`<details><summary>${esc(l.path)}: ${esc(l.grantee)} as ${esc(l.role)} on ${esc(l.resource)} (${l.status})</summary>`, "");
      for (const e of l.events) out.push(`- ${e.at !== void 0 ? formatTimestampSeconds(e.at) : "\u2014"} **${e.kind}**${e.by ? ` by @${esc(e.by)}` : ""}: ${esc(e.detail)}${e.commit ? ` (\`${e.commit.slice(0, 7)}\`)` : ""}`);
      out.push("", "</details>");
    }
    out.push("");
  } else out.push("No leases match.", "");
  for (const n of r.notes) out.push(`> ${esc(n)}`);
  return out.join("\n").replace(/\n*$/, "\n");
}

// src/audit/format-audit.ts
var AUDIT_FORMATS = ["table", "csv", "json", "markdown"];
function isAuditFormat(f) {
  return AUDIT_FORMATS.includes(f);
}
function formatAudit(r, format) {
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
export {
  AUDIT_FORMATS,
  formatAudit,
  isAuditFormat
};
