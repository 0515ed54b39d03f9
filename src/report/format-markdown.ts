/**
 * The report as Markdown: the full list for the job summary, and a short form for the one
 * sticky pull request comment (quiet when all is well, every error when not).
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Report } from "../validate/report.js";

export const COMMENT_MARKER = "<!-- jit-access:validate -->";

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const row = (d: Diagnostic) => `| \`${esc(d.file)}:${d.line}:${d.column}\` | ${d.severity} | \`${d.code}\` | ${esc(d.message)}${d.hint ? `<br>↳ ${esc(d.hint.split("\n")[0] ?? "")}` : ""} |`;

function counts(report: Report) {
  const errors = report.files.reduce((n, f) => n + f.errors.length, 0);
  const warnings = report.files.reduce((n, f) => n + f.warnings.length, 0);
  return { errors, warnings };
}

export function verdictTitle(report: Report): string {
  const { errors, warnings } = counts(report);
  if (!report.ok) return `${errors} problem${errors === 1 ? "" : "s"} found`;
  return warnings ? `Valid, with ${warnings} warning${warnings === 1 ? "" : "s"}` : "All lease changes are valid";
}

export function formatSummary(report: Report, title = "jit-access validate"): string {
  const all = report.files.flatMap((f) => [...f.errors, ...f.warnings]);
  const lines = [`## ${report.ok ? "✅" : "❌"} ${title}: ${verdictTitle(report)}`, ""];
  lines.push("| File | Change | Result |", "| --- | --- | --- |");
  for (const f of report.files) lines.push(`| \`${esc(f.file)}\` | ${esc(f.action ?? "")} | ${f.ok ? "✅ ok" : `❌ ${f.errors.length} error(s)`}${f.warnings.length ? `, ${f.warnings.length} warning(s)` : ""} |`);
  if (all.length) {
    lines.push("", "### Findings", "", "| Where | Severity | Rule | What to do |", "| --- | --- | --- | --- |", ...all.map(row));
  }
  const codeownersFix = all.find((d) => d.code === "codeowners-out-of-sync" || d.code === "codeowners-missing");
  if (codeownersFix?.hint) {
    const [, ...body] = codeownersFix.hint.split("\n");
    lines.push("", "### CODEOWNERS must read", "", "```", ...body, "```");
  }
  for (const n of report.notes) lines.push("", `> ${n}`);
  return lines.join("\n") + "\n";
}

export function formatComment(report: Report, links: { summaryUrl?: string } = {}): string {
  const lines = [COMMENT_MARKER, `### ${report.ok ? "✅" : "❌"} jit-access: ${verdictTitle(report)}`, ""];
  if (report.ok) {
    const changes = report.files.filter((f) => f.action).map((f) => `\`${f.file}\` (${f.action})`);
    if (changes.length) lines.push(`Checked ${changes.join(", ")}.`);
    lines.push("Approval by the resource's approvers (CODEOWNERS) is still required before merge.");
  } else {
    for (const f of report.files.filter((x) => !x.ok)) {
      lines.push(`**\`${f.file}\`**`);
      for (const d of f.errors) lines.push(`- line ${d.line}: ${d.message}${d.hint ? ` — ${d.hint.split("\n")[0]}` : ""} \`${d.code}\``);
    }
  }
  const warnings = report.files.flatMap((f) => f.warnings);
  if (warnings.length) lines.push("", `<details><summary>${warnings.length} warning(s)</summary>`, "", ...warnings.map((d) => `- \`${d.file}:${d.line}\` ${d.message}`), "</details>");
  for (const n of report.notes) lines.push("", `> ${n}`);
  if (links.summaryUrl) lines.push("", `[Full report](${links.summaryUrl})`);
  return lines.join("\n") + "\n";
}
