/**
 * Break-glass: emergency access granted when the pull request is opened, before anyone
 * approves, on resources whose policy allows it; the approvers must then approve and merge
 * it within `reviewWithin`. Pure: the pull request, its validation, the signed records of
 * earlier grants (refs/notes/jit), what main holds and the time are all passed in.
 *
 * At pull request time (`decideBreakGlass`): a pull request that adds exactly one lease with
 * `breakGlass: true` and nothing else, passing every validation rule (approvals are the
 * separate check), on a resource that allows break-glass, with no earlier break-glass grant
 * for this pull request, gets a record: granted now, ending at now + the lease's duration
 * (validation caps it at the break-glass maximum), to be reviewed by now + reviewWithin.
 * One grant per pull request: reopening or pushing again never grants again or extends.
 *
 * At reconcile time (`breakGlassSweep`): each record is desired state while it lasts, from
 * grantedAt to the earliest of its end, its reviewBy and the moment its pull request was
 * closed unmerged. When the same lease (path and blob) from the same pull request reached
 * main and was verified as approved before reviewBy, the lease on main takes over with its
 * window starting at grantedAt (so the total stays the lease's duration). A record whose
 * pull request was closed unmerged, or not approved and merged by reviewBy, ends: the shell
 * revokes, flags it once, records a revocation commit and marks the record ended.
 */
import type { BreakGlassRecord } from "../evidence/evidence.js";
import { readEvidenceNote } from "../evidence/evidence.js";
import { MINUTE_MS, formatDuration } from "../lease/duration.js";
import type { Lease } from "../lease/lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { loadLease } from "../lease/load-lease.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { Policy, Resource } from "../policy/policy.js";
import { leaseWindow } from "../validate/check-lease.js";
import type { FileChange } from "../validate/inputs.js";
import type { Report } from "../validate/report.js";
import type { LeaseWindow } from "./plan.js";

export const NOT_REVIEWED = "break-glass not reviewed";
export const REQUEST_CLOSED = "break-glass request closed";

/** A record with the object (the lease's blob) whose signed note in refs/notes/jit carries it. */
export interface RecordAt {
  noteOn: string;
  record: BreakGlassRecord;
}

/** How the plan names a break-glass grant (it is not a file on main). */
export function breakGlassLabel(r: BreakGlassRecord): string {
  return `${r.lease} (break-glass #${r.pullRequest})`;
}

const ms = (t: string): number => Date.parse(t);

/** Does a value from a signed note have a record's shape? (Older or damaged notes are skipped.) */
export function isBreakGlassRecord(v: unknown): v is BreakGlassRecord {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  const strings = ["lease", "blob", "requester", "resource", "grantee", "role", "grantedAt", "end", "reviewBy"];
  if (!strings.every((k) => typeof r[k] === "string") || typeof r.pullRequest !== "number") return false;
  const ended = r.ended as Record<string, unknown> | null | undefined;
  if (ended !== undefined && !(ended && typeof ended === "object" && typeof ended.why === "string" && typeof ended.at === "string" && Number.isFinite(ms(ended.at)))) return false;
  return [r.grantedAt, r.end, r.reviewBy].every((t) => Number.isFinite(ms(t as string)));
}

/**
 * The break-glass records in the notes (object → note text), from signed notes only: a forged
 * one grants and blocks nothing. Notes are written by JSON.stringify, which never escapes a
 * key: a note without the text "breakGlass" has none (and one that hid it with escapes has
 * no valid MAC). A note that names it but cannot be read (too large, too deep, not JSON) has
 * none either, and goes to `unreadable`.
 */
export function trustedBreakGlassRecords(notes: Iterable<[string, string]>, key: string | undefined, unreadable?: (object: string, reason: string) => void): RecordAt[] {
  const records: RecordAt[] = [];
  for (const [object, text] of notes) {
    if (!text.includes('"breakGlass"')) continue;
    const r = readEvidenceNote(object, text, key);
    if (r.kind === "unreadable") unreadable?.(object, r.reason);
    if (r.kind !== "evidence" || !r.trusted || !Array.isArray(r.note.breakGlass)) continue;
    for (const b of r.note.breakGlass) if (isBreakGlassRecord(b)) records.push({ noteOn: object, record: b });
  }
  return records;
}

// ---------------------------------------------------------------- pull request time

export interface BreakGlassRequest {
  now: number;
  /** The base branch's policy (undefined: missing or invalid; validation reports it). */
  policy: Policy | undefined;
  /** Every file the pull request changes, as validation read them. */
  changes: FileChange[];
  /** git blob sha of each changed file's head content, by path. */
  blobs: Map<string, string>;
  /** Validation of the pull request (strict: checks not made are errors). */
  report: Report;
  pullRequest: { number: number; author: string; open: boolean; baseRef: string };
  defaultBranch: string;
  /** Trusted records from refs/notes/jit. */
  records: RecordAt[];
  /** An evidence key is configured (without one, no record could ever be trusted). */
  hasKey: boolean;
}

export type BreakGlassDecision =
  /** Not a break-glass request: nothing to say. */
  | { kind: "none" }
  /** A break-glass request that is not granted at once, and why. */
  | { kind: "refused"; lease: string; why: string[] }
  /** This pull request already had its one grant; `changed` when the lease differs from the one granted. */
  | { kind: "already"; lease: string; record: BreakGlassRecord; changed: boolean }
  | { kind: "grant"; record: BreakGlassRecord; resource: Resource; lease: Lease };

export function decideBreakGlass(q: BreakGlassRequest): BreakGlassDecision {
  // Which changes ask for break-glass? (breakGlass: true, even in a lease the schema refuses: the requester is told why.)
  const asks = q.changes.flatMap((c) => {
    if (!c.head || checkLeasePath(c.path).kind !== "lease") return [];
    const loaded = loadLease(c.path, c.head.bytes);
    const value = loaded.doc.value as { breakGlass?: unknown } | null | undefined;
    return loaded.lease?.breakGlass === true || (typeof value === "object" && value?.breakGlass === true) ? [{ change: c, lease: loaded.lease }] : [];
  });
  const own = q.records.filter((r) => r.record.pullRequest === q.pullRequest.number);
  if (asks.length === 0) {
    // A push that drops breakGlass from a granted pull request: the grant is still bound to what was granted.
    const first = own[0];
    return first ? { kind: "already", lease: first.record.lease, record: first.record, changed: true } : { kind: "none" };
  }
  const ask = asks[0]!;
  const path = ask.change.path;
  if (own.length > 0) {
    const r = own[0]!.record;
    return { kind: "already", lease: path, record: r, changed: r.lease !== path || r.blob !== q.blobs.get(path) || asks.length > 1 || q.changes.length > 1 };
  }

  const why: string[] = [];
  if (!q.pullRequest.open) why.push("the pull request is not open.");
  if (q.pullRequest.baseRef !== q.defaultBranch) why.push(`the pull request targets ${q.pullRequest.baseRef}, not ${q.defaultBranch}.`);
  if (q.changes.length !== 1 || ask.change.status !== "added") {
    why.push("a break-glass pull request must add exactly one new lease and change nothing else.");
  }
  if (!q.report.ok) {
    const errors = q.report.files.flatMap((f) => f.errors.map((d) => `${d.code} (${d.file}:${d.line})`));
    why.push(`the request does not pass validation: ${errors.join(", ")}.`);
  }
  const lease = ask.lease;
  if (!lease) return { kind: "refused", lease: path, why: why.length ? why : ["the lease does not parse."] };
  const resource = q.policy?.resources.get(lease.resource);
  if (!resource) why.push(`resource '${lease.resource}' is not in the policy.`);
  else if (!resource.breakGlass.allowed) why.push(`${resource.id} does not allow break-glass access.`);
  if (lease.notBefore !== undefined) why.push("break-glass access starts at once; remove notBefore.");
  // An `expires` in the past fails verification when the pull request is merged after it: the
  // review would never count. A duration does not age.
  if (lease.expires !== undefined) why.push("break-glass access lasts a duration from the grant; use duration instead of expires.");
  const blob = q.blobs.get(path);
  if (!blob) why.push("the lease's content could not be identified.");
  const live = q.records.find(
    (r) => !r.record.ended && r.record.resource === lease.resource && r.record.grantee.toLowerCase() === lease.grantee.toLowerCase() && q.now < Math.min(ms(r.record.end), ms(r.record.reviewBy)),
  );
  if (live) why.push(`${lease.grantee} already has break-glass access on ${lease.resource} from #${live.record.pullRequest} until ${formatTimestamp(Math.min(ms(live.record.end), ms(live.record.reviewBy)))}; break-glass grants do not chain.`);
  if (!q.hasKey) why.push("this workflow has no evidence key (input evidence-key), so no break-glass record could be trusted: give it the JIT_EVIDENCE_KEY secret.");
  if (why.length > 0 || !resource || !blob) return { kind: "refused", lease: path, why };

  const w = leaseWindow(lease, q.now);
  const end = Math.min(w.end, q.now + resource.breakGlass.maxDurationMinutes * MINUTE_MS);
  if (end <= q.now) return { kind: "refused", lease: path, why: ["the lease ends before it starts."] };
  const record: BreakGlassRecord = {
    lease: path,
    blob,
    pullRequest: q.pullRequest.number,
    requester: q.pullRequest.author,
    resource: resource.id,
    grantee: lease.grantee,
    role: lease.role,
    grantedAt: new Date(q.now).toISOString(),
    end: new Date(end).toISOString(),
    reviewBy: new Date(q.now + resource.breakGlass.reviewWithinMinutes * MINUTE_MS).toISOString(),
  };
  return { kind: "grant", record, resource, lease };
}

/** What to do on the target for a grant, given what the grantee holds there now. */
export function grantStep(holds: string[], role: string, target: { singleRole: boolean; rank: (role: string) => number }): { kind: "none"; why: string } | { kind: "grant" } | { kind: "change-role"; from: string } {
  if (holds.includes(role)) return { kind: "none", why: `already holds ${role}` };
  if (target.singleRole && holds.length > 0) {
    const best = [...holds].sort((a, b) => target.rank(b) - target.rank(a))[0]!;
    if (target.rank(best) >= target.rank(role)) return { kind: "none", why: `already holds ${best}, at least ${role}` };
    return { kind: "change-role", from: best };
  }
  return { kind: "grant" };
}

/** People to mention for a resource: its approvers, with groups expanded to their logins and teams. */
export function approverMentions(resource: Resource, groups: Record<string, string[]>): string[] {
  const out = new Set<string>();
  for (const who of resource.approvalRules.flatMap((r) => r.from)) {
    const members = who.startsWith("group:") ? (groups[who.slice("group:".length)] ?? []) : [who];
    for (const m of members) out.add(m.startsWith("@") ? m : `@${m}`);
  }
  return [...out];
}

/** The comment approvers see when a break-glass grant is made. */
export function grantedComment(r: BreakGlassRecord, lease: Lease, approvers: string[], outcome: string): string {
  const minutes = Math.round((ms(r.end) - ms(r.grantedAt)) / MINUTE_MS);
  return [
    `🚨 **Break-glass**: @${r.grantee} was granted **${r.role}** on **${r.resource}** at ${formatTimestamp(ms(r.grantedAt))}, before any approval, for ${formatDuration(minutes)} (until ${formatTimestamp(ms(r.end))}). Target: ${outcome}.`,
    "",
    `> ${lease.reason}${lease.ticket ? ` (${lease.ticket})` : ""}`,
    "",
    `${approvers.join(", ") || "Approvers"}: review this pull request and **approve and merge it by ${formatTimestamp(ms(r.reviewBy))}**. Otherwise the access is revoked (if still live) and flagged as \`${NOT_REVIEWED}\` in a revocation commit on main. Closing the pull request unmerged ends the access at the next sweep.`,
    "",
    `The grant is bound to this content of \`${r.lease}\` (blob \`${r.blob.slice(0, 7)}\`): pushing changes to this pull request grants or extends nothing, and only this content, approved and merged, counts as reviewed.`,
  ].join("\n");
}

// ---------------------------------------------------------------- reconcile time

/** A lease added on main (current or since removed), with its verification. */
export interface MergedAdd {
  path: string;
  blob: string;
  commit: string;
  /** Commit time on main (ms). */
  time: number;
  verdict: "approved" | "rejected" | "unverified";
  pullRequest?: number;
}

export interface BreakGlassSweepInput {
  now: number;
  records: RecordAt[];
  adds: MergedAdd[];
  /** closed_at (ms) of pull requests closed without merging; others are open or merged. */
  closedUnmerged: Map<number, number>;
}

export interface BreakGlassEnding {
  noteOn: string;
  record: BreakGlassRecord;
  why: typeof NOT_REVIEWED | typeof REQUEST_CLOSED;
  /** When the access ended (ms): its end, reviewBy or the close, whichever came first. */
  endedAt: number;
  message: string;
}

export interface BreakGlassSweep {
  /** Access windows of records not taken over by a lease on main (for the plan; over ones classify revocations). */
  windows: LeaseWindow[];
  /** Windows for leases on main that a reviewed break-glass grant started: `${path}\0${add commit}` → window. */
  takeovers: Map<string, { start: number; end: number; pullRequest: number }>;
  /** Records that end in this run: to flag once, record in a revocation commit and mark ended. */
  endings: BreakGlassEnding[];
}

/** The approved merge of exactly the granted lease, from the same pull request, before reviewBy. */
export function reviewedMerge(r: BreakGlassRecord, adds: MergedAdd[]): MergedAdd | undefined {
  return adds.find((a) => a.path === r.lease && a.blob === r.blob && a.verdict === "approved" && a.pullRequest === r.pullRequest && a.time < ms(r.reviewBy));
}

/** Records not settled yet (not ended, no approved merge): the ones whose pull request state matters. */
export function unsettled(records: RecordAt[], adds: MergedAdd[]): RecordAt[] {
  return records.filter((r) => !r.record.ended && !reviewedMerge(r.record, adds));
}

export function breakGlassSweep(input: BreakGlassSweepInput): BreakGlassSweep {
  const out: BreakGlassSweep = { windows: [], takeovers: new Map(), endings: [] };
  for (const { noteOn, record: r } of input.records) {
    const start = ms(r.grantedAt);
    const merged = reviewedMerge(r, input.adds);
    if (merged) {
      out.takeovers.set(`${merged.path}\0${merged.commit}`, { start, end: ms(r.end), pullRequest: r.pullRequest });
      continue;
    }
    const closedAt = r.ended ? undefined : input.closedUnmerged.get(r.pullRequest);
    const reviewBy = ms(r.reviewBy);
    const end = Math.min(ms(r.end), reviewBy, r.ended ? ms(r.ended.at) : Infinity, closedAt ?? Infinity);
    out.windows.push({ path: breakGlassLabel(r), resource: r.resource, grantee: r.grantee, role: r.role, start, end: Math.max(start, end) });
    if (r.ended) continue;
    const who = `@${r.grantee} as ${r.role} on ${r.resource}`;
    if (closedAt !== undefined && closedAt < reviewBy) {
      out.endings.push({ noteOn, record: r, why: REQUEST_CLOSED, endedAt: Math.max(start, end), message: `${r.lease}: ${REQUEST_CLOSED}: #${r.pullRequest} was closed unmerged at ${formatTimestamp(closedAt)}; break-glass access for ${who} (granted ${formatTimestamp(start)}) was never approved, and is revoked.` });
    } else if (input.now >= reviewBy) {
      out.endings.push({ noteOn, record: r, why: NOT_REVIEWED, endedAt: Math.max(start, end), message: `${r.lease}: ${NOT_REVIEWED}: break-glass access for ${who}, granted ${formatTimestamp(start)} in #${r.pullRequest}, was not approved and merged by ${formatTimestamp(reviewBy)}; it is revoked.` });
    }
  }
  return out;
}
