/**
 * Anomaly findings: patterns in the lease history that deserve a look even though every
 * lease was approved. Pure functions over the audit's leases, the thresholds from the policy
 * (src/policy/policy.ts, `anomalies`) and `now`:
 *
 * - frequent-elevation: the same grantee on the same resource on at least `days` distinct UTC
 *   days of the last `window` (standing access in disguise);
 * - approver-concentration: one approver approved at least `share` of one requester's approved
 *   leases that started in the last `window`, when there are at least `minLeases` of them;
 * - break-glass-frequency: more than `max` break-glass leases that started in the last `window`
 *   by one grantee, or on one resource;
 * - long-total: a grantee's total leased time on one resource in a calendar month (UTC; the
 *   current month so far and the previous one) above `perMonth` (overlapping leases counted once);
 * - standing-review-overdue: a standing entry whose access review is due (src/review/review-due.ts).
 *
 * Every finding has a stable `key`: the same condition found by a later run has the same key,
 * which is how a run tells new findings from those reported before (see `newFindingKeys`).
 */
import { formatDuration, MINUTE_MS } from "../lease/duration.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { AnomalyThresholds, Policy } from "../policy/policy.js";
import { daysOverdue, dueReviews } from "../review/review-due.js";
import type { AuditFinding, AuditLease } from "./audit-record.js";
import { heldUntil } from "./audit-record.js";

const DAY_MS = 86_400_000;

/** Leases that gave access (not refused, not cancelled) and had started by `now`. */
function granted(leases: readonly AuditLease[], now: number): AuditLease[] {
  return leases.filter((l) => l.status !== "not-granted" && l.status !== "cancelled" && l.start <= now);
}

/** Access window of a lease as far as `now`: [start, min(heldUntil, now)). */
function windowOf(l: AuditLease, now: number): [number, number] {
  return [l.start, Math.min(heldUntil(l, now), now)];
}

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function frequentElevation(leases: readonly AuditLease[], t: NonNullable<AnomalyThresholds["frequentElevation"]>, now: number): AuditFinding[] {
  const from = now - t.windowMinutes * MINUTE_MS;
  const out: AuditFinding[] = [];
  const byPair = group(granted(leases, now), (l) => `${l.resource}\0${l.grantee.toLowerCase()}`);
  for (const [, list] of [...byPair].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const days = new Set<string>();
    for (const l of list) {
      const [s, e] = windowOf(l, now);
      if (e < from || (e === from && s < from)) continue;
      // Every UTC day the access touched within the window (a lease of a minute counts its day).
      const a = Math.max(s, from);
      const b = Math.min(Math.max(e, a), now);
      for (let d = Math.floor(a / DAY_MS) * DAY_MS; d < Math.max(b, a + 1); d += DAY_MS) days.add(day(d));
    }
    if (days.size < t.days) continue;
    const first = list[0]!;
    const roles = [...new Set(list.map((l) => l.role))].join(", ");
    out.push({
      code: "frequent-elevation",
      key: `frequent-elevation:${first.resource}:${first.grantee.toLowerCase()}`,
      resource: first.resource,
      message: `${first.grantee} held ${roles} on ${first.resource} on ${days.size} of the last ${formatDuration(t.windowMinutes)} (threshold ${t.days} days): standing access in disguise? Consider a 'standing' entry with a review (reviewEvery), or a narrower role for the routine work.`,
    });
  }
  return out;
}

export function approverConcentration(leases: readonly AuditLease[], t: NonNullable<AnomalyThresholds["approverConcentration"]>, now: number): AuditFinding[] {
  const from = now - t.windowMinutes * MINUTE_MS;
  const approved = granted(leases, now).filter((l) => l.start >= from && l.approvers.length > 0);
  const out: AuditFinding[] = [];
  const byRequester = group(approved, (l) => (l.requestedBy ?? l.grantee).toLowerCase());
  for (const [requester, list] of [...byRequester].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length < t.minLeases) continue;
    const counts = new Map<string, { login: string; n: number }>();
    for (const l of list) {
      for (const a of new Set(l.approvers.map((x) => x.toLowerCase()))) {
        if (a === requester) continue;
        const c = counts.get(a) ?? { login: l.approvers.find((x) => x.toLowerCase() === a)!, n: 0 };
        c.n++;
        counts.set(a, c);
      }
    }
    const name = list[0]!.requestedBy ?? list[0]!.grantee;
    for (const [approver, c] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (c.n / list.length < t.share) continue;
      out.push({
        code: "approver-concentration",
        key: `approver-concentration:${requester}:${approver}`,
        message: `${c.login} approved ${c.n} of ${name}'s ${list.length} approved leases in the last ${formatDuration(t.windowMinutes)} (${Math.round((100 * c.n) / list.length)}%, threshold ${Math.round(t.share * 100)}% of at least ${t.minLeases}): spread approvals across approvers, or require a second approval (approvals with count 2).`,
      });
    }
  }
  return out;
}

export function breakGlassFrequency(leases: readonly AuditLease[], t: NonNullable<AnomalyThresholds["breakGlassFrequency"]>, now: number): AuditFinding[] {
  const from = now - t.windowMinutes * MINUTE_MS;
  const used = granted(leases, now).filter((l) => l.breakGlass && l.start >= from);
  const out: AuditFinding[] = [];
  const window = formatDuration(t.windowMinutes);
  for (const [grantee, list] of [...group(used, (l) => l.grantee.toLowerCase())].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length <= t.max) continue;
    const resources = [...new Set(list.map((l) => l.resource))].sort().join(", ");
    out.push({ code: "break-glass-frequency", key: `break-glass-frequency:grantee:${grantee}`, message: `${list[0]!.grantee} used break-glass ${plural(list.length, "time")} in the last ${window} (on ${resources}; more than ${t.max} is flagged): emergencies that recur need a planned path (a lease, standing access, or a fix).` });
  }
  for (const [resource, list] of [...group(used, (l) => l.resource)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (list.length <= t.max) continue;
    const who = [...new Set(list.map((l) => l.grantee))].sort().join(", ");
    out.push({ code: "break-glass-frequency", key: `break-glass-frequency:resource:${resource}`, resource, message: `Break-glass was used ${plural(list.length, "time")} on ${resource} in the last ${window} (by ${who}; more than ${t.max} is flagged): emergencies that recur need a planned path.` });
  }
  return out;
}

/** Start of the UTC calendar month `offset` months from the one holding `t`. */
function monthStart(t: number, offset = 0): number {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

/** Total length of the union of intervals, clipped to [from, to). */
function unionLength(intervals: Array<[number, number]>, from: number, to: number): number {
  const clipped = intervals.map(([s, e]): [number, number] => [Math.max(s, from), Math.min(e, to)]).filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur: [number, number] | undefined;
  for (const iv of clipped) {
    if (cur && iv[0] <= cur[1]) cur[1] = Math.max(cur[1], iv[1]);
    else {
      if (cur) total += cur[1] - cur[0];
      cur = [iv[0], iv[1]];
    }
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}

export function longTotal(leases: readonly AuditLease[], t: NonNullable<AnomalyThresholds["longTotal"]>, now: number): AuditFinding[] {
  const out: AuditFinding[] = [];
  const months = [monthStart(now, -1), monthStart(now)];
  const byPair = group(granted(leases, now), (l) => `${l.resource}\0${l.grantee.toLowerCase()}`);
  for (const [, list] of [...byPair].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const intervals = list.map((l) => windowOf(l, now));
    for (const m of months) {
      const minutes = Math.floor(unionLength(intervals, m, Math.min(monthStart(m, 1), now)) / MINUTE_MS);
      if (minutes <= t.perMonthMinutes) continue;
      const first = list[0]!;
      const month = new Date(m).toISOString().slice(0, 7);
      out.push({
        code: "long-total",
        key: `long-total:${first.resource}:${first.grantee.toLowerCase()}:${month}`,
        resource: first.resource,
        message: `${first.grantee} held access to ${first.resource} for ${formatDuration(minutes)} in ${month}${m === months[1] ? " (so far)" : ""}, above the monthly bound of ${formatDuration(t.perMonthMinutes)}: consider a 'standing' entry with a review, or a narrower role.`,
      });
    }
  }
  return out;
}

/** standing-review-overdue: standing entries whose review is due at `now`. */
export function reviewFindings(policy: Policy, now: number): AuditFinding[] {
  return dueReviews(policy, now).map((e) => {
    const late = daysOverdue(e, now);
    const when = e.reviewed === undefined ? "has never been reviewed" : `was last reviewed on ${e.reviewed} and was due on ${formatTimestamp(e.dueAt!).slice(0, 10)}${late ? ` (${plural(late, "day")} ago)` : ""}`;
    return {
      code: "standing-review-overdue" as const,
      key: `standing-review-overdue:${e.resource}:${e.grantee.toLowerCase()}:${e.role}`,
      resource: e.resource,
      message: `Standing access of ${e.grantee} as ${e.role} on ${e.resource} ${when} (every ${formatDuration(e.everyMinutes)}): 'jit review' proposes removing it; keep it by setting a new 'reviewed' date.`,
    };
  });
}

/** Every anomaly finding at `now`, and the overdue reviews of the policy's standing entries. */
export function anomalyFindings(leases: readonly AuditLease[], policy: Policy, now: number): AuditFinding[] {
  const t = policy.anomalies;
  return [
    ...reviewFindings(policy, now),
    ...(t.frequentElevation ? frequentElevation(leases, t.frequentElevation, now) : []),
    ...(t.approverConcentration ? approverConcentration(leases, t.approverConcentration, now) : []),
    ...(t.breakGlassFrequency ? breakGlassFrequency(leases, t.breakGlassFrequency, now) : []),
    ...(t.longTotal ? longTotal(leases, t.longTotal, now) : []),
  ];
}

/**
 * The history as it stood at `then`: leases that had started, held no later than `then`
 * (what later commits say about them is not known then). Used to compute what an earlier run
 * would have found.
 */
export function historyAsOf(leases: readonly AuditLease[], then: number): AuditLease[] {
  const out: AuditLease[] = [];
  for (const l of leases) {
    if (l.start > then) continue;
    if (l.revokedAt === undefined || l.revokedAt <= then) out.push(l);
    else {
      const { revokedAt: _later, ...rest } = l;
      out.push({ ...rest, status: l.end > then ? "active" : "over" });
    }
  }
  return out;
}

/**
 * New findings: those whose key was not found at `previous` (the time of the previous
 * scheduled audit) from the history as it stood then. A condition that held then was
 * reported then; one that ended and came back is new again.
 */
export function newFindingKeys(leases: readonly AuditLease[], policy: Policy, now: number, previous: number): Set<string> {
  const before = new Set(anomalyFindings(historyAsOf(leases, previous), policy, previous).map((f) => f.key));
  return new Set(anomalyFindings(leases, policy, now).map((f) => f.key!).filter((k) => !before.has(k)));
}
