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
 *
 * A record counts only when its note is signed for this repository (see evidence.ts); one
 * signed for another repository, or before notes named their repository, grants nothing and
 * is reported while it would last. A record that is signed here is still checked, at every
 * reconcile, against the policy in force (`recordPolicyProblem`) and, while it would grant,
 * against its pull request here (`recordPullRequestProblem`): one that fails grants nothing
 * from then on, and what it granted is revoked.
 */
import type { BreakGlassRecord, NoteSigner } from "../evidence/evidence.js";
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

/** A record whose note carries a valid MAC, but not for this repository: copied, never trusted. */
export interface UnboundRecord extends RecordAt {
  trust: "other-repository" | "legacy";
  /** The repository the note was signed for (absent for legacy notes). */
  repository?: string;
}

/**
 * The break-glass records in the notes (object → note text): `trusted` from notes signed for
 * this repository only (a forged or copied one grants and blocks nothing), and `unbound` those
 * signed with the key for another repository or before notes named their repository (to
 * report). Notes are written by JSON.stringify, which never escapes a key: a note without the
 * text "breakGlass" has none (and one that hid it with escapes has no valid MAC). A note that
 * names it but cannot be read (too large, too deep, not JSON) has none either, and goes to
 * `unreadable`.
 */
export function breakGlassRecords(notes: Iterable<[string, string]>, signer: NoteSigner, unreadable?: (object: string, reason: string) => void): { trusted: RecordAt[]; unbound: UnboundRecord[] } {
  const trusted: RecordAt[] = [];
  const unbound: UnboundRecord[] = [];
  for (const [object, text] of notes) {
    if (!text.includes('"breakGlass"')) continue;
    const r = readEvidenceNote(object, text, signer);
    if (r.kind === "unreadable") unreadable?.(object, r.reason);
    if (r.kind !== "evidence" || !Array.isArray(r.note.breakGlass)) continue;
    const { note, trust } = r;
    if (trust === "untrusted") continue;
    for (const b of note.breakGlass ?? []) {
      if (!isBreakGlassRecord(b)) continue;
      if (trust === "signed") trusted.push({ noteOn: object, record: b });
      else unbound.push({ noteOn: object, record: b, trust, ...(typeof note.repository === "string" ? { repository: note.repository } : {}) });
    }
  }
  return { trusted, unbound };
}

/** The records signed for this repository (see breakGlassRecords). */
export function trustedBreakGlassRecords(notes: Iterable<[string, string]>, signer: NoteSigner, unreadable?: (object: string, reason: string) => void): RecordAt[] {
  return breakGlassRecords(notes, signer, unreadable).trusted;
}

// ---------------------------------------------------------------- re-checks

/** Why a record grants nothing here, with a stable code. */
export interface RecordProblem {
  code: RecordProblemCode;
  message: string;
}

export type RecordProblemCode =
  /** Signed with the key for another repository, or before notes named their repository. */
  | "break-glass-record-unbound"
  /** Its resource is not in this repository's policy. */
  | "break-glass-record-resource"
  /** Its resource does not allow break-glass. */
  | "break-glass-record-not-allowed"
  /** Its role is not one of the resource's roles. */
  | "break-glass-record-role"
  /** It lasts longer than the resource's break-glass maximum. */
  | "break-glass-record-too-long"
  /** Its pull request does not exist in this repository. */
  | "break-glass-record-no-pull-request"
  /** Its pull request here is not the one granted: another base, opened after the grant, or its head does not carry the granted lease. */
  | "break-glass-record-pull-request-mismatch"
  /** Its pull request could not be read through the API: nothing is granted for it in this run. */
  | "break-glass-record-unchecked";

/** Is the record something this repository's policy, as it is now, would grant as break-glass? */
export function recordPolicyProblem(r: BreakGlassRecord, policy: Policy): RecordProblem | undefined {
  const resource = policy.resources.get(r.resource);
  if (!resource) return { code: "break-glass-record-resource", message: `resource '${r.resource}' is not in the policy` };
  if (!resource.breakGlass.allowed) return { code: "break-glass-record-not-allowed", message: `${resource.id} does not allow break-glass access` };
  if (!resource.roles.includes(r.role)) return { code: "break-glass-record-role", message: `role '${r.role}' is not one of ${resource.id}'s roles (${resource.roles.join(", ")})` };
  const minutes = (ms(r.end) - ms(r.grantedAt)) / MINUTE_MS;
  if (minutes > resource.breakGlass.maxDurationMinutes) {
    return { code: "break-glass-record-too-long", message: `it lasts ${formatDuration(Math.ceil(minutes))}, over ${resource.id}'s break-glass maximum of ${formatDuration(resource.breakGlass.maxDurationMinutes)}` };
  }
  return undefined;
}

/** The record's pull request as this repository's API answers for it. */
export type RecordPullRequest =
  /** 404: no such pull request here. */
  | { kind: "missing" }
  | {
      kind: "found";
      /** "owner/repo" of its base repository, and its base branch. */
      baseRepository: string;
      baseRef: string;
      /** When it was opened (ms). */
      createdAt: number;
      /** The blob at the record's lease path in its head commit (undefined: no such file). */
      headBlob: string | undefined;
    };

/** How far GitHub's clock (a pull request's created_at) may run ahead of the runner's (the grant's time). */
export const CLOCK_SKEW_MS = 5 * MINUTE_MS;

/**
 * Is the pull request here the one the record was granted for? It must exist in this
 * repository, target the default branch, have been opened no later than the grant (give or
 * take CLOCK_SKEW_MS), and its head must carry the granted content at the granted path (a
 * push that changed the lease makes the grant one that can never be reviewed: it ends).
 */
export function recordPullRequestProblem(r: BreakGlassRecord, pr: RecordPullRequest, here: { repository: string; defaultBranch: string }): RecordProblem | undefined {
  const n = `#${r.pullRequest}`;
  if (pr.kind === "missing") return { code: "break-glass-record-no-pull-request", message: `pull request ${n} does not exist in ${here.repository}` };
  const mismatch = (why: string): RecordProblem => ({ code: "break-glass-record-pull-request-mismatch", message: `pull request ${n} ${why}` });
  if (pr.baseRepository.toLowerCase() !== here.repository.toLowerCase() || pr.baseRef !== here.defaultBranch) return mismatch(`targets ${pr.baseRepository}:${pr.baseRef}, not ${here.repository}:${here.defaultBranch}`);
  if (pr.createdAt > ms(r.grantedAt) + CLOCK_SKEW_MS) return mismatch(`was opened at ${formatTimestamp(pr.createdAt)}, after the grant at ${formatTimestamp(ms(r.grantedAt))}`);
  if (pr.headBlob !== r.blob) return mismatch(pr.headBlob === undefined ? `has no ${r.lease} at its head` : `no longer carries the granted content of ${r.lease} at its head (blob ${r.blob.slice(0, 7)}, now ${pr.headBlob.slice(0, 7)})`);
  return undefined;
}

/** A record's window while it would last (ms): from the grant to its end, its reviewBy or when it was marked ended. */
export function wouldLast(r: BreakGlassRecord): { start: number; end: number } {
  const start = ms(r.grantedAt);
  return { start, end: Math.max(start, Math.min(ms(r.end), ms(r.reviewBy), r.ended ? ms(r.ended.at) : Infinity)) };
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
  // A record the policy no longer backs grants nothing (apply revokes it): it does not block.
  const live = q.records.find(
    (r) =>
      !r.record.ended &&
      r.record.resource === lease.resource &&
      r.record.grantee.toLowerCase() === lease.grantee.toLowerCase() &&
      q.now < Math.min(ms(r.record.end), ms(r.record.reviewBy)) &&
      !(q.policy && recordPolicyProblem(r.record, q.policy)),
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
    `The grant is bound to this content of \`${r.lease}\` (blob \`${r.blob.slice(0, 7)}\`): only this content, approved and merged, counts as reviewed. Pushing a change to it grants or extends nothing, and ends the access at the next run while the pull request's head does not carry this content.`,
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
  /** Records that failed a re-check (policy, pull request): they grant nothing, and what they granted is revoked. */
  refused?: ReadonlyMap<RecordAt, RecordProblem>;
  /** Records whose pull request could not be checked in this run: kept where already held, never granted. */
  unchecked?: ReadonlyMap<RecordAt, RecordProblem>;
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
  /** Windows of records that could not be checked: they count only where the target already holds them (nothing is granted for them). */
  heldOnly: LeaseWindow[];
  /** Refused or unchecked records that would be in force now: findings. */
  problems: Array<{ noteOn: string; record: BreakGlassRecord; problem: RecordProblem; message: string }>;
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
  const out: BreakGlassSweep = { windows: [], takeovers: new Map(), endings: [], heldOnly: [], problems: [] };
  for (const at of input.records) {
    const { noteOn, record: r } = at;
    const refused = input.refused?.get(at);
    const unchecked = input.unchecked?.get(at);
    const start = ms(r.grantedAt);
    // A refused record is not the start of the lease on main: that lease starts at its merge.
    const merged = refused ? undefined : reviewedMerge(r, input.adds);
    if (merged) {
      out.takeovers.set(`${merged.path}\0${merged.commit}`, { start, end: ms(r.end), pullRequest: r.pullRequest });
      continue;
    }
    const closedAt = r.ended ? undefined : input.closedUnmerged.get(r.pullRequest);
    const reviewBy = ms(r.reviewBy);
    const end = Math.min(ms(r.end), reviewBy, r.ended ? ms(r.ended.at) : Infinity, closedAt ?? Infinity);
    const window = { path: breakGlassLabel(r), resource: r.resource, grantee: r.grantee, role: r.role, start, end: Math.max(start, end) };
    const inForce = start <= input.now && input.now < window.end;
    const problem = refused ?? unchecked;
    if (problem && inForce) out.problems.push({ noteOn, record: r, problem, message: `${breakGlassLabel(r)}: ${problem.code}: break-glass access for @${r.grantee} as ${r.role} on ${r.resource} ${refused ? "is refused" : "is not granted in this run"}: ${problem.message}.` });
    // Refused: over from the start, so what it granted is revoked as an ended grant's (in
    // additive mode too, and never held back by a drift guard: jit-access made that grant).
    if (refused) out.windows.push({ ...window, end: start });
    else if (unchecked && inForce) out.heldOnly.push(window);
    else out.windows.push(window);
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
