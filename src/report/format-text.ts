/** The report as a person reads it in a terminal: file:line:col, code, message, fix. */
import type { Report } from "../validate/report.js";

export function formatText(report: Report): string {
  const lines: string[] = [];
  for (const f of report.files) {
    const head = f.ok ? (f.warnings.length ? "ok (with warnings)" : "ok") : `${f.errors.length} error(s)`;
    lines.push(`${f.ok ? "✓" : "✗"} ${f.file}${f.action ? ` — ${f.action}` : ""}: ${head}`);
    for (const d of [...f.errors, ...f.warnings]) {
      lines.push(`  ${d.file}:${d.line}:${d.column}  ${d.severity} [${d.code}] ${d.message}`);
      if (d.hint) for (const h of d.hint.split("\n")) lines.push(`      ${h}`);
    }
  }
  for (const n of report.notes) lines.push(`note: ${n}`);
  const errors = report.files.reduce((n, f) => n + f.errors.length, 0);
  const warnings = report.files.reduce((n, f) => n + f.warnings.length, 0);
  const bad = report.files.filter((f) => !f.ok).length;
  lines.push(
    report.ok
      ? `All ${report.files.length} file(s) valid${warnings ? `; ${warnings} warning(s) — checks that could not be made are listed above` : ""}.`
      : `${bad} of ${report.files.length} file(s) invalid: ${errors} error(s), ${warnings} warning(s).`,
  );
  return lines.join("\n") + "\n";
}
