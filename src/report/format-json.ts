/** Machine-readable report: { ok, files: [{ file, ok, errors: [{ code, message, line, column }] }] }. */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Report } from "../validate/report.js";

const item = (d: Diagnostic) => ({ code: d.code, message: d.message, line: d.line, column: d.column, ...(d.hint ? { hint: d.hint } : {}) });

export function toJson(report: Report) {
  return {
    ok: report.ok,
    files: report.files.map((f) => ({
      file: f.file,
      ok: f.ok,
      ...(f.action ? { action: f.action } : {}),
      errors: f.errors.map(item),
      warnings: f.warnings.map(item),
    })),
    notes: report.notes,
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(toJson(report), null, 2) + "\n";
}
