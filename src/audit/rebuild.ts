/**
 * Rebuilds every lease's life from main's history. Pure: the shell reads the commits, the
 * lease and policy contents and the evidence; this decides what happened, when, on whose
 * word, and what an auditor must look at.
 *
 * Sources, in order of trust: evidence verified in this run through the API, evidence notes
 * signed with the evidence key, unsigned notes (shown, but marked), and plain history (a
 * merge commit or a "(#n)" squash title says a pull request was involved, not who approved).
 */
import type { BreakGlassRecord, DriftRevocation, LeaseEvidence, EvidenceNote, NoteTrust } from "../evidence/evidence.js";
import { NOTE_UNREADABLE, isDriftHolder, unreadableNoteMessage } from "../evidence/evidence.js";
import type { HistoryCommit } from "../git/history.js";
import { jitTrailers } from "../git/history.js";
import type { Lease } from "../lease/lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { MINUTE_MS, formatDuration } from "../lease/duration.js";
import { formatTimestamp, parseTimestamp } from "../lease/timestamp.js";
import type { Policy } from "../policy/policy.js";
import { leaseWindow } from "../validate/check-lease.js";
import type { AuditEvent, AuditFinding, AuditLease, AuditReport, EventKind, EvidenceSource } from "./audit-record.js";

export interface NoteEvidence {
  note: EvidenceNote;
  /** How far its MAC says it can be believed, with the evidence key given to the audit, in this repository. */
  trust: NoteTrust;
  /** The legacy note kept inside it (EvidenceNote.legacy), judged on its own MAC. */
  legacy?: NoteEvidence;
  /** The repository a note signed for another one names. */
  repository?: string;
}

export interface AuditInput {
  ref: string;
  head: string;
  now: number;
  policyPath: string;
  /** First-parent commits touching leases/ and the policy, oldest first. */
  commits: HistoryCommit[];
  leaseOf: (path: string, blob: string) => Lease | undefined;
  policyOf: (blob: string) => Policy | undefined;
  /** Evidence notes by commit. */
  notes: Map<string, NoteEvidence>;
  /** Was an evidence key given (so unsigned notes are suspicious rather than merely unchecked)? */
  keyGiven: boolean;
  /** Evidence verified through the API in this run, by `${commit}\0${path}\0${blob}`. */
  api?: Map<string, LeaseEvidence>;
  /** Notes on commits that are no longer on the branch (history rewritten). */
  orphanNotes?: Array<{ commit: string; leases: string[] }>;
  /** Notes in refs/notes/jit that could not be read (too large, too deep, not JSON, not evidence), by the object they are on. */
  unreadableNotes?: Array<{ object: string; reason: string }>;
  /** Grants found at the targets backed by no lease and not declared standing (live check). */
  undeclared?: Array<{ resource: string; grantee: string; role: string }>;
  /** Names the sweep commits with (committer or author). */
  botNames?: string[];
  /** Break-glass grants made at pull request time (signed records in refs/notes/jit). */
  breakGlass?: Array<{ record: BreakGlassRecord; trust: NoteTrust; repository?: string }>;
  /** Access that nothing declared, revoked by a run (from the note of the commit it applied). */
  drift?: DriftOnRecord[];
}

export interface DriftOnRecord extends DriftRevocation {
  /** The commit whose note records it. */
  commit: string;
  trust: NoteTrust;
}

interface Life {
  rec: AuditLease;
  lease: Lease;
}

const PR_TITLE = /\(#(\d+)\)\s*$/;

/** How a commit reached main, as far as git alone says. */
function pullRequestHint(c: HistoryCommit): number | "merge" | undefined {
  const nl = c.message.indexOf("\n");
  const subject = nl < 0 ? c.message : c.message.slice(0, nl);
  const m = PR_TITLE.exec(subject) ?? /^Merge pull request #(\d+)/.exec(subject);
  if (m) return Number(m[1]);
  return c.parents.length > 1 ? "merge" : undefined;
}

/** The evidence for one lease change, and how far it can be trusted (with the note that holds it). */
function evidenceOf(input: Pick<AuditInput, "api" | "notes">, c: HistoryCommit, path: string, blob: string): { ev?: LeaseEvidence; source: EvidenceSource; from?: NoteEvidence } {
  const api = input.api?.get(`${c.sha}\0${path}\0${blob}`);
  if (api) return { ev: api, source: "api" };
  const outer = input.notes.get(c.sha);
  for (const n of [outer, outer?.legacy]) {
    const ev = n?.note.leases.find((e) => e.lease === path && e.blob === blob);
    if (n && ev) return { ev, source: sourceOf(n.trust), from: n };
  }
  return { source: "none" };
}

const sourceOf = (trust: NoteTrust): EvidenceSource => (trust === "signed" ? "signed-note" : trust === "legacy" ? "legacy-note" : "unsigned-note");

/** Why a note is not believed, for a finding. */
function distrust(n: { trust: NoteTrust; repository?: string }): string {
  return n.trust === "other-repository" ? `is signed for another repository (${n.repository ?? "unknown"}): it was copied from there` : "is not signed with the evidence key: it was written by someone else, or with another key";
}

/**
 * The policy versions (blobs) rebuildAudit will consult: those in force when a lease was
 * added or changed without proven evidence. A policy file is large and main has many
 * versions; the shell reads only these.
 */
export function policiesNeeded(input: Pick<AuditInput, "commits" | "api" | "notes" | "policyPath">): Set<string> {
  const needed = new Set<string>();
  let policyBlob: string | undefined;
  for (const c of input.commits) {
    for (const ch of c.changes) {
      if (ch.path === input.policyPath) continue;
      if (policyBlob === undefined || ch.status === "D" || needed.has(policyBlob) || checkLeasePath(ch.path).kind !== "lease") continue;
      if (!proven(evidenceOf(input, c, ch.path, ch.blob).source)) needed.add(policyBlob);
    }
    const policyChange = c.changes.find((ch) => ch.path === input.policyPath);
    if (policyChange) policyBlob = policyChange.status === "D" ? undefined : policyChange.blob;
  }
  return needed;
}

export function rebuildAudit(input: AuditInput): AuditReport {
  const bots = (input.botNames ?? ["jit-access[bot]"]).map((b) => b.toLowerCase());
  const isBot = (c: HistoryCommit) => bots.includes(c.committerName.toLowerCase()) || bots.includes(c.authorName.toLowerCase());
  const findings: AuditFinding[] = [];
  const leases: AuditLease[] = [];
  const live = new Map<string, Life>();
  let policyBlob: string | undefined;

  const evidenceFor = (c: HistoryCommit, path: string, blob: string) => evidenceOf(input, c, path, blob);
  let legacyChanges = 0;
  const untrusted = (c: HistoryCommit, path: string, from: NoteEvidence | undefined) => {
    if (input.keyGiven) findings.push({ code: "evidence-untrusted", lease: path, commit: c.sha, message: `The evidence note on ${short(c.sha)} for ${path} ${distrust(from ?? { trust: "untrusted" })}. Its claims are shown but not trusted.` });
  };
  const judgeSource = (c: HistoryCommit, path: string, source: EvidenceSource, from: NoteEvidence | undefined) => {
    if (source === "unsigned-note") untrusted(c, path, from);
    else if (source === "legacy-note") legacyChanges++;
  };

  const notes: string[] = [];
  const invalidPolicies = new Set<string>();
  for (const c of input.commits) {
    // The policy main had just before this commit; parsed only when a check needs it.
    const inForce = policyBlob;
    const policyNow = (): Policy | undefined => {
      if (!inForce) return undefined;
      const p = input.policyOf(inForce);
      if (!p && !invalidPolicies.has(inForce)) {
        invalidPolicies.add(inForce);
        notes.push(`${input.policyPath} in force before ${short(c.sha)} is not a valid policy: leases added while it was in force were not checked against it.`);
      }
      return p;
    };
    let trailers: Map<string, Record<string, string>> | undefined; // by lease; parsed only for removals
    const hint = pullRequestHint(c);
    for (const ch of c.changes) {
      if (ch.path === input.policyPath) continue;
      if (checkLeasePath(ch.path).kind !== "lease") continue;
      if (ch.status === "A") {
        const lease = input.leaseOf(ch.path, ch.blob);
        if (!lease) {
          findings.push({ code: "unapproved-lease", lease: ch.path, commit: c.sha, message: `${ch.path} was added on ${input.ref} in ${short(c.sha)} but does not parse as a lease; nothing could have been granted for it.` });
          continue;
        }
        const { ev, source, from } = evidenceFor(c, ch.path, ch.blob);
        judgeSource(c, ch.path, source, from);
        const w = leaseWindow(lease, c.time);
        const rec: AuditLease = {
          path: ch.path,
          resource: lease.resource,
          grantee: lease.grantee,
          role: lease.role,
          reason: lease.reason,
          ticket: lease.ticket || undefined,
          breakGlass: lease.breakGlass === true,
          pullRequest: ev?.pullRequest ? ev.pullRequest.number : typeof hint === "number" ? hint : undefined,
          requestedBy: ev?.pullRequest ? (ev.pullRequest.requester ?? ev.pullRequest.author) : undefined,
          approvers: ev ? ev.approvals.map((a) => a.reviewer) : [],
          ...(ev?.autoApproved && ev.verdict === "approved" ? { autoApprovedBy: ev.autoApproved.rule } : {}),
          evidence: source,
          start: w.start,
          end: w.end,
          status: "active",
          extensions: 0,
          addedIn: c.sha,
          events: [],
        };
        const prText = rec.pullRequest !== undefined ? `PR #${rec.pullRequest}` : "no pull request on record";
        rec.events.push({ kind: "requested", commit: c.sha, by: rec.requestedBy || undefined, detail: `${prText}: ${lease.grantee} as ${lease.role} on ${lease.resource}${lease.duration ? ` for ${lease.duration}` : ""}${lease.expires ? ` until ${lease.expires}` : ""}; reason: ${lease.reason}${lease.ticket ? `; ticket ${lease.ticket}` : ""}` });
        for (const a of ev?.approvals ?? []) {
          rec.events.push({ kind: "approved", at: parseTimestamp(a.submittedAt), commit: a.commit, by: a.reviewer, detail: "approved the pull request's head commit" });
        }
        if (rec.autoApprovedBy !== undefined && ev?.autoApproved) {
          rec.events.push({ kind: "approved", at: parseTimestamp(ev.autoApproved.at), commit: c.sha, detail: `auto-approved by rule ${ev.autoApproved.rule} of ${ev.autoApproved.resource} (policy at ${short(ev.policyCommit)}), no human review` });
        }
        if (w.end <= w.start && ev?.verdict !== "rejected") {
          // Its end had passed when it was merged (an 'expires' already gone): apply never grants
          // such a lease. Shown as not granted, with an empty window — never an end before its start.
          rec.end = rec.start;
          rec.status = "not-granted";
          rec.why = "ended before it started";
          rec.events.push({ kind: "not-granted", at: c.time, commit: c.sha, detail: `its end (${formatTimestamp(w.end)}) had passed when it reached ${input.ref} at ${formatTimestamp(w.start)}: nothing to grant` });
        } else if (ev?.verdict === "rejected") {
          rec.status = "not-granted";
          rec.why = "failed approval check";
          rec.events.push({ kind: "not-granted", at: c.time, commit: c.sha, detail: ev.findings.join("; ") || "verification failed" });
          findings.push({ code: "unapproved-lease", lease: ch.path, commit: c.sha, message: `${ch.path} reached ${input.ref} in ${short(c.sha)} without a valid pull request or approval: ${ev.findings.join("; ") || "verification failed"}` });
        } else {
          // The bot only removes leases: an add under its name without a pull request is someone else's.
          if (!ev && hint === undefined) {
            findings.push({ code: "changed-outside-jit", lease: ch.path, commit: c.sha, message: `${ch.path} was added on ${input.ref} in ${short(c.sha)} by ${c.authorName} <${c.authorEmail}> with no pull request on record and no evidence of approval.` });
          }
          const grant = (from?.note.grants ?? input.notes.get(c.sha)?.note.grants)?.find((g) => g.lease === ch.path);
          const status = grant && grant.status !== "granted" && grant.status !== "unchanged" && grant.status !== "invited" ? ` (target answered: ${grant.status})` : grant?.status === "invited" ? " (invitation sent)" : "";
          rec.events.push({ kind: "granted", at: w.start, commit: c.sha, detail: `${lease.role} on ${lease.resource} until ${formatTimestamp(w.end)}${w.start > c.time ? " (scheduled start)" : ""}${status}${ev ? "" : " — approvals not on record"}` });
          // Verified evidence already judged the lease against the policy of its time.
          if (!proven(source)) checkLength(findings, policyNow(), lease, rec, c);
        }
        leases.push(rec);
        live.set(ch.path, { rec, lease });
      } else if (ch.status === "M") {
        const life = live.get(ch.path);
        if (!life) continue;
        const rec = life.rec;
        const lease = input.leaseOf(ch.path, ch.blob);
        const { ev, source, from } = evidenceFor(c, ch.path, ch.blob);
        judgeSource(c, ch.path, source, from);
        if (rec.status === "not-granted") continue;
        if (!lease || ev?.verdict === "rejected") {
          rec.events.push({ kind: "extension-refused", at: c.time, commit: c.sha, detail: ev ? ev.findings.join("; ") || "verification failed" : "the new content does not parse as a lease" });
          findings.push({ code: "unapproved-lease", lease: ch.path, commit: c.sha, message: `${ch.path} was changed on ${input.ref} in ${short(c.sha)} without a valid pull request or approval${ev ? `: ${ev.findings.join("; ")}` : ""}; the earlier expiry stayed in force.` });
          continue;
        }
        if (!ev && hint === undefined) {
          findings.push({ code: "changed-outside-jit", lease: ch.path, commit: c.sha, message: `${ch.path} was changed on ${input.ref} in ${short(c.sha)} by ${c.authorName} <${c.authorEmail}> with no pull request on record and no evidence of approval.` });
        }
        const before = rec.end;
        rec.end = leaseWindow(lease, rec.start).end; // notBefore cannot change in an extension
        rec.extensions += 1;
        life.lease = lease;
        for (const a of ev?.approvals ?? []) {
          if (!rec.approvers.includes(a.reviewer)) rec.approvers.push(a.reviewer);
          rec.events.push({ kind: "approved", at: parseTimestamp(a.submittedAt), commit: a.commit, by: a.reviewer, detail: "approved the extension's head commit" });
        }
        const prNo = ev?.pullRequest?.number ?? (typeof hint === "number" ? hint : undefined);
        rec.events.push({ kind: "extended", at: c.time, commit: c.sha, ...(ev?.pullRequest ? { by: ev.pullRequest.author } : {}), detail: `end moved from ${formatTimestamp(before)} to ${formatTimestamp(rec.end)}${prNo !== undefined ? ` by PR #${prNo}` : ""}${ev ? "" : " — approvals not on record"}` });
        if (!proven(source)) checkExtension(findings, policyNow(), rec, c);
      } else {
        const life = live.get(ch.path);
        if (!life) continue;
        live.delete(ch.path);
        const rec = life.rec;
        rec.removedIn = c.sha;
        trailers ??= trailersByLease(c.message);
        const t = trailers.get(ch.path);
        if (t && isBot(c)) {
          const revokedAt = parseTimestamp(t["revoked-at"] ?? "") ?? c.time;
          rec.why = t.reason ?? "expired";
          rec.revokedAt = revokedAt;
          const by = /early revoke by @([A-Za-z0-9-]+)/.exec(rec.why)?.[1];
          rec.events.push({ kind: "revoked", at: revokedAt, commit: c.sha, by, detail: rec.why });
        } else {
          const revert = /^Revert "/.test(c.message);
          if (t && !isBot(c)) findings.push({ code: "changed-outside-jit", lease: ch.path, commit: c.sha, message: `${short(c.sha)} carries jit-access revocation trailers for ${ch.path} but was committed by ${c.committerName} <${c.committerEmail}>, not by the bot.` });
          if (hint === undefined && !isBot(c)) {
            rec.why = `removed on ${input.ref} by ${c.authorName} without a pull request`;
            findings.push({ code: "changed-outside-jit", lease: ch.path, commit: c.sha, message: `${ch.path} was removed on ${input.ref} in ${short(c.sha)} by ${c.authorName} <${c.authorEmail}> with no pull request on record.` });
          } else {
            rec.why = `${revert ? "reverted" : "early: removed"}${typeof hint === "number" ? ` by PR #${hint}` : hint === "merge" ? " by a merged pull request" : ""}`;
          }
          rec.revokedAt = c.time;
          rec.events.push({ kind: "revoked", at: c.time, commit: c.sha, detail: rec.why });
        }
        if (rec.status !== "not-granted") rec.status = rec.revokedAt !== undefined && rec.revokedAt <= rec.start ? "cancelled" : "ended";
      }
    }
    const policyChange = c.changes.find((ch) => ch.path === input.policyPath);
    if (policyChange) {
      policyBlob = policyChange.status === "D" ? undefined : policyChange.blob;
    }
  }

  addBreakGlass(input, leases, findings);
  const legacyRecords = (input.breakGlass ?? []).filter((b) => b.trust === "legacy").length + (input.drift ?? []).filter((d) => d.trust === "legacy").length;
  if (legacyChanges + legacyRecords > 0) {
    notes.push(`${legacyChanges} lease change(s) and ${legacyRecords} break-glass or drift record(s) carry evidence signed without repository binding (written before jit-access bound notes to their repository; shown as legacy-note). Such a note may have been copied from another access repo that shares the evidence key: apply never grants on it, and an audit with a token verifies those changes through the API.`);
  }
  for (const { rec } of live.values()) {
    if (rec.status === "not-granted") continue;
    if (rec.start > input.now) rec.status = "scheduled";
    else if (rec.end <= input.now) {
      rec.status = "over";
      rec.events.push({ kind: "over", at: rec.end, detail: `time is up; the file is still on ${input.ref}, so the next sweep revokes and removes it` });
    } else rec.status = "active";
  }
  for (const o of input.orphanNotes ?? []) {
    findings.push({ code: "history-rewritten", commit: o.commit, ...(o.leases[0] ? { lease: o.leases[0] } : {}), message: `Evidence was recorded for ${o.leases.join(", ") || "a change"} on commit ${short(o.commit)}, which is no longer on ${input.ref}: history was rewritten (force-push or reset). Compare with the recorded evidence in refs/notes/jit.` });
  }
  for (const u of input.unreadableNotes ?? []) {
    findings.push({ code: NOTE_UNREADABLE, commit: u.object, message: unreadableNoteMessage(u.object, u.reason) });
  }
  for (const d of input.drift ?? []) {
    const at = parseTimestamp(d.revokedAt);
    if (at === undefined || at > input.now) continue;
    // Anyone can write a note: only well-formed holders are told.
    const when = (t: string) => {
      const ms = parseTimestamp(t);
      return ms === undefined ? t : formatTimestamp(ms);
    };
    const by = (Array.isArray(d.couldBeAddedBy) ? (d.couldBeAddedBy as unknown[]) : []).filter(isDriftHolder);
    const could = by.length ? `; it could have been added by ${by.map((h) => `@${h.grantee} (${h.role} on ${h.resource} through ${h.lease}, ${when(h.from)} – ${when(h.until)}${h.stillHeld ? ", still held" : ""})`).join(", ")}` : "";
    findings.push({ code: "standing-undeclared", resource: d.resource, commit: d.commit, message: `${d.grantee} held ${d.role} on ${d.resource} with no lease and not declared in its 'standing' list; jit-access revoked it at ${formatTimestamp(at)} (recorded on ${short(d.commit)})${could}${d.trust === "signed" ? "" : d.trust === "legacy" ? " — recorded without repository binding" : d.trust === "other-repository" ? " — the record is signed for another repository" : input.keyGiven ? " — the record is not signed with the evidence key" : ""}.` });
  }
  for (const u of input.undeclared ?? []) {
    findings.push({ code: "standing-undeclared", resource: u.resource, message: `${u.grantee} holds ${u.role} on ${u.resource} with no lease and is not declared in its 'standing' list.` });
  }
  // A request comes first even when history does not say when the pull request was opened.
  const when = (l: AuditLease, e: AuditEvent) => e.at ?? (e.kind === "requested" ? -Infinity : l.start);
  for (const l of leases) l.events.sort((a, b) => when(l, a) - when(l, b) || order(a.kind) - order(b.kind));
  return { ref: input.ref, head: input.head, generatedAt: input.now, leases, findings, notes };
}

/** A revocation commit's Jit-* trailer groups by lease path (the first group for a path counts). */
function trailersByLease(message: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (!message.includes("Jit-")) return out;
  for (const g of jitTrailers(message)) if (g.lease !== undefined && !out.has(g.lease)) out.set(g.lease, g);
  return out;
}

const ORDER: Record<EventKind, number> = { requested: 0, approved: 1, "not-granted": 2, granted: 3, extended: 4, "extension-refused": 5, over: 6, revoked: 7 };
const order = (k: EventKind) => ORDER[k];
const short = (sha: string) => sha.slice(0, 7);
/** Evidence from apply's verification (signed) or from the API in this run covers the policy rules. */
const proven = (source: EvidenceSource) => source === "signed-note" || source === "api";

function maxFor(policy: Policy, lease: Lease): { minutes: number; what: string } | undefined {
  const r = policy.resources.get(lease.resource);
  if (!r) return undefined;
  if (lease.breakGlass && r.breakGlass.allowed) return { minutes: Math.min(r.breakGlass.maxDurationMinutes, r.maxDurationMinutes), what: "break-glass maximum" };
  return { minutes: r.maxDurationMinutes, what: "maxDuration" };
}

function checkLength(findings: AuditFinding[], policy: Policy | undefined, lease: Lease, rec: AuditLease, c: HistoryCommit): void {
  if (!policy) return;
  const max = maxFor(policy, lease);
  if (!max) {
    findings.push({ code: "longer-than-policy", lease: rec.path, commit: c.sha, message: `${rec.path} names resource '${lease.resource}', which the policy did not have when it was added in ${short(c.sha)}.` });
    return;
  }
  const minutes = (rec.end - rec.start) / MINUTE_MS;
  if (minutes > max.minutes) findings.push({ code: "longer-than-policy", lease: rec.path, commit: c.sha, message: `${rec.path} granted ${formatDuration(Math.round(minutes))}, over the ${max.what} of ${formatDuration(max.minutes)} that ${lease.resource} allowed when it was added in ${short(c.sha)}.` });
}

function checkExtension(findings: AuditFinding[], policy: Policy | undefined, rec: AuditLease, c: HistoryCommit): void {
  const r = policy?.resources.get(rec.resource);
  if (!r) return;
  const total = (rec.end - rec.start) / MINUTE_MS;
  if (rec.extensions > r.maxExtensions) findings.push({ code: "longer-than-policy", lease: rec.path, commit: c.sha, message: `${rec.path} was extended ${rec.extensions} time(s) by ${short(c.sha)}; ${rec.resource} allowed ${r.maxExtensions} then.` });
  else if (total > r.maxTotalDurationMinutes) findings.push({ code: "longer-than-policy", lease: rec.path, commit: c.sha, message: `${rec.path} lasts ${formatDuration(Math.round(total))} in total after ${short(c.sha)}, over the maxTotalDuration of ${formatDuration(r.maxTotalDurationMinutes)} that ${rec.resource} allowed then.` });
}

/**
 * Break-glass grants: access given when the pull request was opened, before approval. One
 * that was approved and merged in time is the start of its lease on main (its window starts
 * at the grant, as apply counts it); one that was not is a life of its own, ended by the
 * sweep, and a finding.
 */
function addBreakGlass(input: AuditInput, leases: AuditLease[], findings: AuditFinding[]): void {
  for (const b of input.breakGlass ?? []) {
    const { record: r, trust } = b;
    if ((trust === "untrusted" || trust === "other-repository") && input.keyGiven) {
      const why = trust === "other-repository" ? `is signed for another repository (${b.repository ?? "unknown"}): it was copied from there, and granted nothing here that the sweep kept` : "is not signed with the evidence key: it was not written by jit-access and granted nothing that the sweep kept";
      findings.push({ code: "evidence-untrusted", lease: r.lease, message: `A break-glass record for ${r.grantee} on ${r.resource} (PR #${r.pullRequest}) ${why}.` });
      continue;
    }
    // Signed here, or legacy (signed before records named their repository: shown as history, marked).
    const trusted = trust === "signed" || trust === "legacy";
    const mark = trust === "legacy" ? " (record signed without repository binding)" : trusted ? "" : " (record not signed with the evidence key)";
    const grantedAt = Date.parse(r.grantedAt);
    const reviewBy = Date.parse(r.reviewBy);
    const end = Date.parse(r.end);
    if (![grantedAt, reviewBy, end].every(Number.isFinite)) continue;
    const granted: AuditEvent = { kind: "granted", at: grantedAt, by: r.requester, detail: `break-glass: ${r.role} on ${r.resource} granted when PR #${r.pullRequest} was opened, before approval; to be approved and merged by ${formatTimestamp(reviewBy)}${mark}` };
    const merged = leases.find((l) => l.path === r.lease && l.pullRequest === r.pullRequest && l.events.some((e) => e.kind === "granted" && e.commit === l.addedIn) && l.status !== "not-granted" && l.start >= grantedAt && l.start <= reviewBy);
    if (merged && trusted) {
      merged.breakGlass = true;
      merged.end = merged.end - (merged.start - grantedAt);
      merged.start = grantedAt;
      for (const e of merged.events) if (e.kind === "granted" && e.commit === merged.addedIn) e.detail = `approved and merged in time: the break-glass access continues as this lease until ${formatTimestamp(merged.end)}`;
      merged.events.push(granted);
      merged.events.sort((a, b) => (a.at ?? -Infinity) - (b.at ?? -Infinity));
      continue;
    }
    const endedAt = r.ended ? Date.parse(r.ended.at) : undefined;
    const until = Math.min(end, reviewBy);
    const rec: AuditLease = {
      path: r.lease,
      resource: r.resource,
      grantee: r.grantee,
      role: r.role,
      reason: "(break-glass request, never merged)",
      breakGlass: true,
      pullRequest: r.pullRequest,
      requestedBy: r.requester,
      approvers: [],
      evidence: sourceOf(trust),
      start: grantedAt,
      end: until,
      ...(endedAt !== undefined ? { revokedAt: endedAt, why: r.ended!.why } : {}),
      status: endedAt !== undefined || until <= input.now ? (endedAt !== undefined ? "ended" : "over") : "active",
      extensions: 0,
      addedIn: "",
      events: [{ kind: "requested", by: r.requester, detail: `PR #${r.pullRequest}: ${r.grantee} as ${r.role} on ${r.resource}, break-glass` }, granted],
    };
    if (endedAt !== undefined) rec.events.push({ kind: "revoked", at: endedAt, detail: r.ended!.why });
    leases.push(rec);
    if (input.now >= reviewBy || r.ended) {
      findings.push({ code: "break-glass-unreviewed", lease: r.lease, resource: r.resource, message: `Break-glass access for ${r.grantee} as ${r.role} on ${r.resource} (PR #${r.pullRequest}, granted ${formatTimestamp(grantedAt)}) was not approved and merged by ${formatTimestamp(reviewBy)}${r.ended ? `: ${r.ended.why}` : ""}.` });
    }
  }
}
