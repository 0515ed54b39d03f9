/**
 * Which resources a run reconciles (lists and plans), so that the cost of a run follows what
 * changed rather than the size of the organization. Pure: time and state are passed in.
 *
 * - merge: the resources the commits since the last recorded run touched, plus leases due.
 * - sweep: the same, plus a rolling slice: the resources listed longest ago, enough that every
 *   resource is listed at least once per drift bound (so access added by hand is found and
 *   revoked within the bound, as long as sweeps run).
 * - Leases due: every lease on main whose start or end (as any of its versions would set
 *   it) falls after the last completed run's time, and every lease already over whose file is
 *   still on main. Revocation is never late because a resource was skipped.
 * - When in doubt, wider: no (valid) state, a head the branch does not descend from, a policy
 *   change -> every resource. A dropped or cancelled run records nothing, so the next run
 *   starts from the older state and covers what it missed; resources a run could not settle
 *   are retried by the next.
 */

export interface LeaseTimes {
  /** The resources it may grant on (its folder, and the resource each version names). */
  resources: string[];
  start: number;
  end: number;
}

export interface ScopeState {
  dueSince: number;
  listed: Readonly<Record<string, number>>;
  retry: readonly string[];
}

export interface ScopeInput {
  /** full: every resource (a run by hand, a scheduled apply). */
  kind: "merge" | "sweep" | "full";
  now: number;
  /** Every resource of the policy in force. */
  resources: readonly string[];
  /** The verified state of the last completed run, if any. */
  state: ScopeState | undefined;
  /** Files changed on the branch since that run's head; "unknown" when that cannot be told. */
  changed: readonly string[] | "unknown";
  policyPath: string;
  /** Windows of every lease file on main (one entry per version: the widest reading). */
  leases: readonly LeaseTimes[];
  /** Resources with break-glass records still open (always reconciled: they are few). */
  breakGlass: readonly string[];
  /** Longest time access added by hand may stay (ms). */
  driftBound: number;
  /** How often sweeps are scheduled (ms): sizes the rolling slice. */
  sweepEvery: number;
}

export interface Scope {
  full: boolean;
  resources: Set<string>;
  /** How many resources each reason brought in (a resource counts under its first reason). */
  why: Record<"all" | "touched" | "due" | "retry" | "break-glass" | "overdue" | "slice", number>;
  /** Why the run is a full one, when it is. */
  fullBecause?: string;
}

/** The folder of a lease path (leases/<resource>/...), if it is one. */
export function leaseFolder(path: string): string | undefined {
  const m = /^leases\/([^/]+)\//.exec(path);
  return m?.[1];
}

export function decideScope(i: ScopeInput): Scope {
  const why: Scope["why"] = { all: 0, touched: 0, due: 0, retry: 0, "break-glass": 0, overdue: 0, slice: 0 };
  const all = new Set(i.resources);
  const full = (because: string): Scope => ({ full: true, resources: new Set(all), why: { ...why, all: all.size }, fullBecause: because });
  if (i.kind === "full") return full("a full reconcile was asked for");
  if (!i.state) return full("no recorded state of an earlier run");
  if (i.changed === "unknown") return full("the branch does not descend from the last recorded run");
  if (i.changed.includes(i.policyPath)) return full("the policy changed");
  if (i.state.dueSince > i.now) return full("the recorded state is from the future");

  const out = new Set<string>();
  const add = (r: string, reason: keyof Scope["why"]) => {
    if (!all.has(r) || out.has(r)) return;
    out.add(r);
    why[reason]++;
  };
  for (const p of i.changed) {
    const r = leaseFolder(p);
    if (r) add(r, "touched");
  }
  const since = i.state.dueSince;
  for (const l of i.leases) {
    const starts = l.start > since && l.start <= i.now;
    const ends = l.end <= i.now; // over (still on main: it is in the list) or ending since
    if (starts || ends) for (const r of l.resources) add(r, "due");
  }
  for (const r of i.state.retry) add(r, "retry");
  for (const r of i.breakGlass) add(r, "break-glass");

  if (i.kind === "sweep") {
    // Overdue: not listed within the bound, less one sweep (the next one may come late).
    const threshold = i.now - Math.max(0, i.driftBound - i.sweepEvery);
    const lastListed = (r: string) => i.state!.listed[r] ?? -1;
    for (const r of all) if (lastListed(r) <= threshold || lastListed(r) > i.now) add(r, "overdue");
    // The rolling slice: the longest unlisted first, sized so all are listed once per bound.
    const per = Math.ceil((all.size * i.sweepEvery) / Math.max(i.sweepEvery, i.driftBound - i.sweepEvery));
    const oldest = [...all].filter((r) => !out.has(r)).sort((a, b) => lastListed(a) - lastListed(b) || (a < b ? -1 : 1));
    for (const r of oldest.slice(0, Math.max(0, per - why.overdue))) add(r, "slice");
  }
  return { full: out.size === all.size, resources: out, why };
}
