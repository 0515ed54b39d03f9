/**
 * Resources held by one grantee at a time (a postgres `checkout` of a shared login): a new or
 * extended lease is refused when its window overlaps another grantee's lease on the same
 * role (account) on the base branch. Apply would refuse the second grant anyway
 * (`checkout-held`); this says so at pull request time, where it can still be fixed.
 */
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic, Position } from "../diagnostics/diagnostic.js";
import type { Lease } from "../lease/lease.js";
import { loadLease } from "../lease/load-lease.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { Resource } from "../policy/policy.js";
import { leaseWindow } from "./check-lease.js";
import type { HeldLease } from "./inputs.js";

/** Is this resource held by one grantee at a time? */
export function isOneHolder(r: Resource): boolean {
  return r.provider.type === "postgres" && r.provider.access === "checkout";
}

export function checkOneHolder(file: string, lease: Lease, grantedAt: number, resource: Resource, held: readonly HeldLease[], at: Position | undefined): Diagnostic[] {
  if (!isOneHolder(resource)) return [];
  const mine = leaseWindow(lease, grantedAt);
  const out: Diagnostic[] = [];
  for (const h of held) {
    if (h.path === file) continue;
    const other = loadLease(h.path, h.bytes).lease;
    if (!other || other.resource !== lease.resource || other.role !== lease.role || other.grantee.toLowerCase() === lease.grantee.toLowerCase()) continue;
    const w = leaseWindow(other, h.addedAt ?? grantedAt);
    if (w.start < mine.end && mine.start < w.end) {
      out.push(
        diagnostic(
          "lease-holder-overlap",
          file,
          at,
          `${resource.id}'s ${lease.role} is held by one person at a time, and ${other.grantee} holds it from ${formatTimestamp(w.start)} to ${formatTimestamp(w.end)} (${h.path}), overlapping this request.`,
          `Start after ${formatTimestamp(w.end)} (notBefore), or ask ${other.grantee} to release it first.`,
        ),
      );
    }
  }
  return out;
}
