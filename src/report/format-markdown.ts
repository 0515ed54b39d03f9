/**
 * The report as Markdown: the full list for the job summary, and a short form for the one
 * sticky pull request comment (every error, and what each lease added or extended asks for).
 * File names, messages and hints carry anyone's text (a path, a ticket, a role): it is
 * rendered as code or escaped prose (markdown-text.ts), never as Markdown of its own.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Report } from "../validate/report.js";
import { cellCode, inlineCode, markdownText } from "./markdown-text.js";
import { formatRequestViews } from "./format-request-view.js";

export const COMMENT_MARKER = "<!-- jit-access:validate -->";
/** GitHub refuses comments over 65,536 characters; a refused update would leave the previous comment standing. */
export const MAX_COMMENT = 65_000;

const firstLine = (s: string) => s.split("\n")[0] ?? "";
const row = (d: Diagnostic) => `| ${cellCode(`${d.file}:${d.line}:${d.column}`)} | ${d.severity} | ${cellCode(d.code)} | ${markdownText(d.message)}${d.hint ? `<br>↳ ${markdownText(firstLine(d.hint))}` : ""} |`;

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
  for (const f of report.files) lines.push(`| ${cellCode(f.file)} | ${markdownText(f.action ?? "")} | ${f.ok ? "✅ ok" : `❌ ${f.errors.length} error(s)`}${f.warnings.length ? `, ${f.warnings.length} warning(s)` : ""} |`);
  if (all.length) {
    lines.push("", "### Findings", "", "| Where | Severity | Rule | What to do |", "| --- | --- | --- | --- |", ...all.map(row));
  }
  const codeownersFix = all.find((d) => d.code === "codeowners-out-of-sync" || d.code === "codeowners-missing");
  if (codeownersFix?.hint) {
    const [, ...body] = codeownersFix.hint.split("\n");
    lines.push("", "### CODEOWNERS must read", "", "```", ...body, "```");
  }
  for (const n of report.notes) lines.push("", `> ${markdownText(n)}`);
  return lines.join("\n") + "\n";
}

export function formatComment(report: Report, links: { summaryUrl?: string } = {}): string {
  const head = [COMMENT_MARKER, `### ${report.ok ? "✅" : "❌"} jit-access: ${verdictTitle(report)}`, ""];
  const lines = [...head];
  if (report.ok) {
    const changes = report.files.filter((f) => f.action).map((f) => `${inlineCode(f.file)} (${markdownText(f.action!)})`);
    if (changes.length) lines.push(`Checked ${changes.join(", ")}.`);
    lines.push("Approval by the resource's approvers (CODEOWNERS) is still required before merge.");
  } else {
    for (const f of report.files.filter((x) => !x.ok)) {
      lines.push(`**${inlineCode(f.file)}**`, "");
      for (const d of f.errors) lines.push(`- line ${d.line}: ${markdownText(d.message)}${d.hint ? ` — ${markdownText(firstLine(d.hint))}` : ""} ${inlineCode(d.code)}`);
      lines.push("");
    }
  }
  const views = report.files.flatMap((f) => (f.request ? [{ file: f.file, view: f.request }] : []));
  if (views.length) lines.push("", ...formatRequestViews(views));
  const warnings = report.files.flatMap((f) => f.warnings);
  if (warnings.length) lines.push("", `<details><summary>${warnings.length} warning(s)</summary>`, "", ...warnings.map((d) => `- ${inlineCode(`${d.file}:${d.line}`)} ${markdownText(d.message)}`), "", "</details>");
  for (const n of report.notes) lines.push("", `> ${markdownText(n)}`);
  const tail = links.summaryUrl ? ["", `[Full report](${links.summaryUrl})`] : [];
  const body = [...lines, ...tail].join("\n") + "\n";
  if (body.length <= MAX_COMMENT) return body;
  // Too long to post (many findings): the verdict and where to read the rest, so the comment is still updated.
  return [...head, `${countLine(report)} This report is too long for a comment: read the job summary${links.summaryUrl ? ` ([full report](${links.summaryUrl}))` : ""} and the lease files as text before approving.`].join("\n") + "\n";
}

function countLine(report: Report): string {
  const { errors, warnings } = counts(report);
  return `${report.files.length} file(s), ${errors} error(s), ${warnings} warning(s).`;
}
