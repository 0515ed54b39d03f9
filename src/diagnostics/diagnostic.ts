/**
 * A finding about one file: what is wrong, where, under which stable rule code,
 * and how to fix it. Every check in jit-access reports through this shape.
 */
export type Severity = "error" | "warning" | "notice";

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
}

export interface Diagnostic {
  /** Stable rule code, e.g. "lease-role-not-allowed". Registered, with its meaning, in rule-codes.ts (README is generated from it). */
  code: string;
  severity: Severity;
  /** What is wrong, in words a requester can act on. */
  message: string;
  /** How to fix it. */
  hint?: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export function diagnostic(
  code: string,
  file: string,
  at: Position | undefined,
  message: string,
  hint?: string,
  severity: Severity = "error",
): Diagnostic {
  const d: Diagnostic = { code, severity, message, file, line: at?.line ?? 1, column: at?.column ?? 1 };
  if (hint) d.hint = hint;
  return d;
}

export function isError(d: Diagnostic): boolean {
  return d.severity === "error";
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
