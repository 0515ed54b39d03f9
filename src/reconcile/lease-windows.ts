/**
 * Access windows from lease lives on main and their verification verdicts. Pure.
 *
 * A lease starts at the commit on main that added it (or its notBefore) and ends at its
 * duration/expiry, as set by the last change that passed verification. An add that failed
 * verification gives no access; an extension that failed leaves the earlier expiry in force.
 */
import type { Lease } from "../lease/lease.js";
import { leaseWindow } from "../validate/check-lease.js";
import type { LeaseWindow } from "./plan.js";

export interface VerifiedChange {
  commit: string;
  time: number;
  status: "A" | "M" | "D";
  lease?: Lease;
  verdict: "approved" | "rejected" | "unverified";
  findings?: string[];
}

export interface LifeInput {
  path: string;
  changes: VerifiedChange[];
}

/** A security finding of a reconcile run, filed under the commit (or object) it is about. */
export interface WindowFinding {
  /** Stable code, for findings that are not about a lease's verdict (e.g. `note-unreadable`, `break-glass-record-role`). */
  code?: string;
  /** The lease it is about, when it is about one. */
  lease?: string;
  commit: string;
  message: string;
}

export function leaseWindows(lives: LifeInput[]): { windows: LeaseWindow[]; findings: WindowFinding[] } {
  const windows: LeaseWindow[] = [];
  const findings: WindowFinding[] = [];
  for (const life of lives) {
    const add = life.changes[0];
    if (!add || add.status !== "A") continue;
    let effective: Lease | undefined;
    for (const ch of life.changes) {
      if (ch.status === "D") break;
      if (ch.verdict === "approved" && ch.lease) effective = ch.lease;
      else if (ch.verdict === "rejected") {
        const what = ch.status === "A" ? "was not granted" : "extension was not applied; the earlier expiry stays";
        findings.push({ lease: life.path, commit: ch.commit, message: `${life.path} ${what}: ${(ch.findings ?? []).join("; ") || "verification failed"}` });
      }
      if (ch === add && ch.verdict !== "approved") break; // nothing after a rejected add counts
    }
    if (!effective) continue;
    const w = leaseWindow(effective, add.time);
    const removed = life.changes.find((c) => c.status === "D");
    windows.push({ path: life.path, resource: effective.resource, grantee: effective.grantee, role: effective.role, start: w.start, end: removed ? Math.min(w.end, removed.time) : w.end });
  }
  return { windows, findings };
}
