/**
 * The audit as Markdown for job summaries, issues and PR comments: findings first, a
 * Mermaid gantt of access windows per resource (GitHub renders it), the lease table and
 * each lease's events with the commits that prove them. Bounded in size: a job summary
 * holds at most 1 MiB.
 */
import { formatTimestampSeconds as formatTimestamp } from "../lease/timestamp.js";
import type { AuditLease, AuditReport } from "./audit-record.js";
import { heldUntil } from "./audit-record.js";

const MAX_BARS = 100;
const MAX_ROWS = 500;
const MAX_DETAILS = 50;

const esc = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ").replace(/</g, "&lt;");
/** Mermaid task and section names may not hold ':', '#' or ';'. */
const mer = (s: string) => s.replace(/[:#;]/g, " ").replace(/\s+/g, " ").trim();
/** A bar's end in Mermaid's date format (four-digit years: an absurd end is drawn at the last one). */
const minute = (ms: number) => new Date(Math.min(Math.max(Number.isNaN(ms) ? 0 : ms, 0), LAST_MINUTE)).toISOString().slice(0, 16).replace("T", " ");
const LAST_MINUTE = Date.UTC(9999, 11, 31, 23, 59);

export function ganttOf(leases: AuditLease[], now: number): string {
  const shown = leases.filter((l) => l.status !== "not-granted" && l.status !== "cancelled").slice(-MAX_BARS);
  const bars = new Map<string, string[]>();
  for (const l of shown) {
    const until = Math.max(heldUntil(l, now), l.start + 60_000);
    const tag = l.status === "active" ? "active, " : l.status === "ended" ? "done, " : l.status === "over" ? "crit, " : "";
    const label = `${mer(l.grantee)} ${mer(l.role)}${l.breakGlass ? " (break-glass)" : ""}`;
    bars.set(l.resource, [...(bars.get(l.resource) ?? []), `    ${label} :${tag}${minute(l.start)}, ${minute(until)}`]);
  }
  const lines = ["```mermaid", "gantt", "  title Access windows (UTC)", "  dateFormat YYYY-MM-DD HH:mm", "  axisFormat %m-%d %H:%M"];
  for (const [resource, rows] of [...bars].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`  section ${mer(resource)}`, ...rows);
  lines.push("```");
  return lines.join("\n");
}

export function formatAuditMarkdown(r: AuditReport): string {
  const now = r.generatedAt;
  const out: string[] = [`## jit-access audit: ${esc(r.ref)} at \`${r.head.slice(0, 7)}\``, "", `${r.leases.length} lease(s), ${r.findings.length} finding(s), as of ${formatTimestamp(now)}.`, ""];
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
      out.push(`| ${esc(l.resource)} | ${esc(l.grantee)} | ${esc(l.role)} | ${formatTimestamp(l.start)} | ${l.status === "not-granted" ? "—" : formatTimestamp(heldUntil(l, now))} | ${l.status} | ${esc(l.why ?? "")} | ${l.pullRequest !== undefined ? `#${l.pullRequest}` : "—"} | ${esc(l.approvers.join(", ")) || (l.autoApprovedBy !== undefined ? `auto: rule ${esc(l.autoApprovedBy)}` : l.evidence === "none" ? "_not on record_" : "—")} | ${esc(l.reason)} |`);
    }
    if (r.leases.length > MAX_ROWS) out.push("", `Showing the ${MAX_ROWS} most recent of ${r.leases.length} leases; use the CSV or JSON output for all.`);
    out.push("");
    const detailed = r.leases.slice(-MAX_DETAILS);
    out.push("### Timeline per lease", "");
    for (const l of detailed) {
      out.push(`<details><summary>${esc(l.path)}: ${esc(l.grantee)} as ${esc(l.role)} on ${esc(l.resource)} (${l.status})</summary>`, "");
      for (const e of l.events) out.push(`- ${e.at !== undefined ? formatTimestamp(e.at) : "—"} **${e.kind}**${e.by ? ` by @${esc(e.by)}` : ""}: ${esc(e.detail)}${e.commit ? ` (\`${e.commit.slice(0, 7)}\`)` : ""}`);
      out.push("", "</details>");
    }
    out.push("");
  } else out.push("No leases match.", "");
  for (const n of r.notes) out.push(`> ${esc(n)}`);
  return out.join("\n").replace(/\n*$/, "\n");
}
