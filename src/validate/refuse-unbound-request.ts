import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Report } from "./report.js";
import { allDiagnostics, buildReport } from "./report.js";

/**
 * The report of a pull request whose requester could not be established (a request-form pull
 * request that was changed, or no evidence key to check it: see approval/requester.ts). Each
 * lease it adds or changes carries that finding alone, since every rule about a request
 * depends on who asked; the rest of the report stands.
 */
export function refuseUnboundRequest(report: Report, problem: { code: string; message: string; hint: string }, leases: string[]): Report {
  const refused = new Set(leases);
  const kept = allDiagnostics(report).filter((d) => !refused.has(d.file));
  const findings = [...refused].map((file) => diagnostic(problem.code, file, undefined, problem.message, problem.hint));
  const requests = new Map(report.files.flatMap((f) => (f.request ? [[f.file, f.request] as const] : [])));
  return buildReport([...kept, ...findings], new Map(report.files.map((f) => [f.file, f.action])), report.notes, requests);
}
