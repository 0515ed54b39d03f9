/**
 * One doctor check: an id (stable, for --format json and scripts), pass / warn / fail, what
 * was found (details) and, when not passing, the exact fix. Checks are independent: one that
 * cannot be read fails alone and the others still run.
 */
export type CheckStatus = "pass" | "warn" | "fail";

export interface DoctorCheck {
  id: string;
  title: string;
  status: CheckStatus;
  details: string[];
  fix?: string;
}

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

export function check(id: string, title: string, status: CheckStatus, details: string[], fix?: string): DoctorCheck {
  return { id, title, status, details, ...(fix && status !== "pass" ? { fix } : {}) };
}

export function report(checks: DoctorCheck[]): DoctorReport {
  return { ok: checks.every((c) => c.status !== "fail"), checks };
}
