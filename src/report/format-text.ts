/** The report as a person reads it in a terminal: file:line:col, code, message, fix. */
import type { Report } from "../validate/report.js";

/** Above this many files, valid files without warnings are counted, not listed (as linters do). */
export const LIST_ALL_UP_TO = 50;

export function formatText(report: Report): string {
  const lines: string[] = [];
  const listAll = report.files.length <= LIST_ALL_UP_TO;
  let quiet = 0;
  for (const f of report.files) {
    if (!listAll && f.ok && f.warnings.length === 0) {
      quiet++;
      continue;
    }
    const head = f.ok ? (f.warnings.length ? "ok (with warnings)" : "ok") : `${f.errors.length} error(s)`;
    lines.push(`${f.ok ? "✓" : "✗"} ${f.file}${f.action ? ` — ${f.action}` : ""}: ${head}`);
    for (const d of [...f.errors, ...f.warnings]) {
      lines.push(`  ${d.file}:${d.line}:${d.column}  ${d.severity} [${d.code}] ${d.message}`);
      if (d.hint) for (const h of d.hint.split("\n")) lines.push(`      ${h}`);
    }
  }
  if (quiet) lines.push(`✓ ${quiet} ${quiet === report.files.length ? "" : "other "}file(s) valid (each one listed with --format json).`);
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
