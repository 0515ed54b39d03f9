/** The outcome of a validation: per file, its errors and warnings; ok when no file has errors. */
import { compareDiagnostics, isError } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { RequestView } from "./request-view.js";

export interface FileReport {
  file: string;
  ok: boolean;
  /** What the change does to this file, for people reading the report. */
  action?: string;
  /** For a lease this pull request adds or extends, and that parses: what it asks for. */
  request?: RequestView;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export interface Report {
  ok: boolean;
  files: FileReport[];
  /** General remarks, e.g. "no lease changes". */
  notes: string[];
}

export function buildReport(diagnostics: Diagnostic[], files: Map<string, string | undefined>, notes: string[] = [], requests: Map<string, RequestView> = new Map()): Report {
  const byFile = new Map<string, FileReport>();
  const get = (file: string) => {
    let r = byFile.get(file);
    if (!r) {
      r = { file, ok: true, errors: [], warnings: [] };
      const action = files.get(file);
      if (action) r.action = action;
      const request = requests.get(file);
      if (request) r.request = request;
      byFile.set(file, r);
    }
    return r;
  };
  for (const file of files.keys()) get(file);
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const r = get(d.file);
    if (isError(d)) {
      r.errors.push(d);
      r.ok = false;
    } else r.warnings.push(d);
  }
  const list = [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ok: list.every((f) => f.ok), files: list, notes };
}

export function allDiagnostics(report: Report): Diagnostic[] {
  return report.files.flatMap((f) => [...f.errors, ...f.warnings]);
}

export function countErrors(report: Report): number {
  return report.files.reduce((n, f) => n + f.errors.length, 0);
}
