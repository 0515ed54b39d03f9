/**
 * Scoped runs: `apply` on a merge and the `expire` sweep reconcile only what may have changed
 * (reconcile/scope.ts decides which resources), list them with conditional requests
 * (github/conditional-requests.ts), and record what they settled in refs/jit/state
 * (git/reconcile-state.ts) for the next run. A run that is dropped, cancelled or fails before
 * the end records nothing: the next one starts from the older state, i.e. a wider scope.
 * Without an evidence key nothing can be recorded safely: every run is then a full one.
 */
import { breakGlassRecords } from "../reconcile/break-glass.js";
import { noteSigner } from "../evidence/evidence.js";
import { readNotes } from "../git/evidence-notes.js";
import { readLeaseAndPolicyLog } from "../git/lease-log.js";
import { fetchReconcileState, pushReconcileState, readReconcileState, writeReconcileState } from "../git/reconcile-state.js";
import type { ReconcileState } from "../git/reconcile-state.js";
import { withGitSession } from "../git/git-session.js";
import { git, gitText, readBlobs } from "../git/run-git.js";
import { ResponseCache, useConditionalRequests } from "../github/conditional-requests.js";
import type { CacheStats } from "../github/conditional-requests.js";
import { loadLease } from "../lease/load-lease.js";
import { loadPolicy } from "../policy/load-policy.js";
import type { Policy } from "../policy/policy.js";
import { decideScope, leaseFolder } from "../reconcile/scope.js";
import type { LeaseTimes, Scope } from "../reconcile/scope.js";
import { leaseWindow } from "../validate/check-lease.js";
import type { ApplyOptions, ApplyResult } from "./apply.js";
import type { ExpireResult } from "./expire.js";

export const DEFAULT_DRIFT_BOUND_MS = 60 * 60 * 1000;
export const DEFAULT_SWEEP_EVERY_MS = 5 * 60 * 1000;
/** Cache entries not confirmed for this long are dropped. */
const CACHE_KEEP_MS = 24 * 60 * 60 * 1000;

export interface ScopeSettings {
  kind: "merge" | "sweep" | "full";
  /**
   * Longest time access added by hand may stay (ms); default 1 hour. The verified policy's
   * `reconcile.driftBound`, as the last recorded run acted on it, takes precedence.
   */
  driftBound?: number;
  /** How often sweeps are scheduled (ms); default 5 minutes; the policy's `reconcile.sweepEvery` takes precedence. */
  sweepEvery?: number;
  /** Fetch refs/jit/state before and push it after (the Action does). */
  remote?: { name: string; token?: string };
  log?: (line: string) => void;
}

export interface ScopedReport {
  scope: Scope;
  cache: CacheStats;
  /** Why no state was used, when none was. */
  noState?: string;
  /** Why the state could not be recorded or pushed, if so. */
  recordError?: string;
}

/** What a completed run settled. */
export interface Settled {
  /** Resources it could not settle: the next run retries them. */
  unsettled: Set<string>;
  /** The commit main is left at, when the run's own commit is on top of the one it started from. */
  head?: string;
  /** The verified policy it acted on (its `reconcile` timing is recorded). */
  policy?: Policy;
}

/** Folders (resources) a run could not settle: the next run retries them. */
export function unsettled(apply: ApplyResult, expire?: ExpireResult): Set<string> {
  const out = new Set<string>();
  for (const e of apply.plan.errors) out.add(e.resource);
  for (const r of apply.plan.refused) out.add(r.resource);
  for (const r of apply.results) if (r.outcome.status === "failed") out.add(r.action.resource);
  for (const f of apply.findings) {
    const r = f.lease ? leaseFolder(f.lease) : undefined;
    if (r) out.add(r);
  }
  for (const k of expire?.kept ?? []) {
    const r = leaseFolder(k.path);
    if (r) out.add(r);
  }
  return out;
}

/** Every resource a lease on `ref` may grant on, with its start and end as each of its versions would set them. */
async function leaseTimes(repoDir: string, ref: string, policyPath: string): Promise<LeaseTimes[]> {
  // The same walk apply makes next (readDesiredState): the session keeps it for that.
  const { log } = await readLeaseAndPolicyLog(repoDir, ref, policyPath);
  const lives = [...log.current.values()];
  const blobs = await readBlobs(repoDir, lives.flatMap((l) => l.changes.map((c) => c.blob)));
  const out: LeaseTimes[] = [];
  for (const life of lives) {
    const add = life.changes[0];
    const folder = leaseFolder(life.path);
    if (!add) continue;
    for (const ch of life.changes) {
      const lease = loadLease(life.path, blobs.get(ch.blob) ?? Buffer.alloc(0)).lease;
      if (!lease) continue;
      const w = leaseWindow(lease, add.time);
      out.push({ resources: [...new Set([...(folder ? [folder] : []), lease.resource])], start: w.start, end: w.end });
    }
  }
  return out;
}

async function resolve(repoDir: string, ref: string): Promise<string> {
  return (await gitText(repoDir, ["rev-parse", "--verify", `${ref}^{commit}`])).trim();
}

async function changedSince(repoDir: string, from: string, to: string): Promise<string[] | "unknown"> {
  try {
    await git(repoDir, ["merge-base", "--is-ancestor", from, to]);
  } catch {
    return "unknown";
  }
  return (await gitText(repoDir, ["diff", "--name-only", "--no-renames", "-z", from, to])).split("\0").filter(Boolean);
}

/**
 * Runs `run` (runApply, runExpire...) on the resources the scope takes, with conditional
 * requests, and records the new state when it completes. `settle` says which resources the
 * run left unsettled and which commit it leaves main at (its own revocation commit, pushed).
 */
export function scopedRun<R>(
  o: ApplyOptions,
  s: ScopeSettings,
  run: (o: ApplyOptions) => Promise<R>,
  settle: (r: R) => Promise<Settled>,
): Promise<{ result: R; report: ScopedReport }> {
  // One git session for the whole scoped run (see src/git/git-session.ts).
  return withGitSession(() => scopedRunInSession(o, s, run, settle));
}

async function scopedRunInSession<R>(
  o: ApplyOptions,
  s: ScopeSettings,
  run: (o: ApplyOptions) => Promise<R>,
  settle: (r: R) => Promise<Settled>,
): Promise<{ result: R; report: ScopedReport }> {
  const log = s.log ?? (() => {});
  const repository = `${o.owner}/${o.repo}`;
  if (s.remote && !o.dryRun) await fetchReconcileState(o.repoDir, s.remote.name, s.remote.token);
  const read = await readReconcileState(o.repoDir, o.evidenceKey, repository);
  const state = "state" in read ? read.state : undefined;
  const head = await resolve(o.repoDir, o.ref);

  let resources: string[] = [];
  try {
    const bytes = await git(o.repoDir, ["cat-file", "blob", `${head}:${o.policyPath}`]);
    resources = [...(loadPolicy(o.policyPath, bytes).policy?.resources.keys() ?? [])];
  } catch {
    // no policy at the ref: runApply reports it; the scope stays "everything below"
  }
  const times = await leaseTimes(o.repoDir, head, o.policyPath);
  const folders = new Set(times.flatMap((t) => t.resources));
  const all = [...new Set([...resources, ...folders])];
  const notes = await readNotes(o.repoDir);
  const records = breakGlassRecords(notes, noteSigner(o.owner, o.repo, o.evidenceKey));
  const breakGlass = [...records.trusted.filter((r) => !r.record.ended).map((r) => r.record.resource), ...records.unbound.map((u) => u.record.resource)];
  const changed = state ? await changedSince(o.repoDir, state.head, head) : "unknown";
  const scope = decideScope({
    kind: s.kind,
    now: o.now,
    resources: all,
    state,
    changed,
    policyPath: o.policyPath,
    leases: times,
    breakGlass,
    driftBound: state?.driftBound ?? s.driftBound ?? DEFAULT_DRIFT_BOUND_MS,
    sweepEvery: state?.sweepEvery ?? s.sweepEvery ?? DEFAULT_SWEEP_EVERY_MS,
  });
  if (!state) log(`No usable ${"refs/jit/state"} (${"why" in read ? read.why : "?"}): a full reconcile.`);
  log(scope.full ? `Reconciling all ${scope.resources.size} resources (${scope.fullBecause ?? "all were due"}).` : `Reconciling ${scope.resources.size} of ${all.length} resources: ${Object.entries(scope.why).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ") || "none due"}.`);

  const cache = new ResponseCache(state?.cache ?? []);
  useConditionalRequests(o.gh, cache, o.now);
  const result = await run(scope.full ? o : { ...o, onlyResources: scope.resources });
  const report: ScopedReport = { scope, cache: cache.stats, ...(state ? {} : { noState: "why" in read ? read.why : "unknown" }) };
  if (o.dryRun || !o.evidenceKey) return { result, report };

  const done = await settle(result);
  // Only the run's own commit on top counts as seen: commits others pushed meanwhile (taken in
  // before a push) stay "changed since" for the next run.
  const ownOnTop = async (h: string) => h === head || (await gitText(o.repoDir, ["rev-parse", `${h}^`]).catch(() => "")).trim() === head;
  if (done.head && !(await ownOnTop(done.head))) delete done.head;
  const listed: Record<string, number> = {};
  const known = new Set(all);
  for (const [r, t] of Object.entries(state?.listed ?? {})) if (known.has(r) && t <= o.now) listed[r] = t;
  for (const r of scope.resources) if (!done.unsettled.has(r)) listed[r] = o.now;
  cache.prune(o.now - CACHE_KEEP_MS);
  // The timing of the verified policy in force (never of the file at the ref, which may be unverified).
  const timing = done.policy?.reconcile ?? {};
  const next: ReconcileState = {
    head: done.head ?? head,
    dueSince: o.now,
    listed,
    retry: [...done.unsettled].sort(),
    cache: [...cache.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ...(timing.driftBoundMinutes ? { driftBound: timing.driftBoundMinutes * 60_000 } : {}),
    ...(timing.sweepEveryMinutes ? { sweepEvery: timing.sweepEveryMinutes * 60_000 } : {}),
  };
  try {
    await writeReconcileState(o.repoDir, next, o.evidenceKey, repository, o.now);
    if (s.remote) {
      const error = await pushReconcileState(o.repoDir, s.remote.name, s.remote.token);
      if (error) report.recordError = `could not push ${"refs/jit/state"}: ${error}`;
    }
  } catch (e) {
    report.recordError = (e as Error).message;
  }
  if (report.recordError) log(`${report.recordError} (the next run reconciles more: correct, just costlier).`);
  return { result, report };
}

/** What a merge run (runApply) settled. */
export function settleApply(r: ApplyResult): Promise<Settled> {
  return Promise.resolve({ unsettled: unsettled(r), policy: r.policy });
}

/**
 * What a sweep (runExpire) settled: main is then at its own revocation commit when that was
 * pushed or nothing was to be pushed; otherwise at the commit it started from.
 */
export function settleExpire(repoDir: string, pushing: boolean) {
  return async (r: ExpireResult): Promise<Settled> => {
    const open = unsettled(r.apply, r);
    if (r.recheck) for (const x of unsettled(r.recheck)) open.add(x);
    const policy = (r.recheck ?? r.apply).policy;
    if (r.commit && pushing && !r.pushed) return { unsettled: open, policy };
    return { unsettled: open, policy, head: (await gitText(repoDir, ["rev-parse", "HEAD"])).trim() };
  };
}
