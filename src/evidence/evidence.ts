/**
 * Evidence of why a lease was granted, recorded in git (refs/notes/jit on the commit that
 * brought the lease to main) so the audit log needs no API to say who approved what.
 *
 * A note is trusted only when it carries a valid HMAC made with the evidence key (a secret
 * only the apply workflow holds). Anyone who can push could write a note, but not a valid
 * MAC: an untrusted note is ignored and the lease is verified again through the API.
 *
 * The MAC binds the repository the note was written for (`owner/repo`, lower-cased), the
 * object it is on and its whole body. Forks share commit ids and every repository shares blob
 * ids, and one evidence key may serve several access repos: without the repository, a note
 * (a break-glass record above all) copied from another access repo would be trusted here.
 * Notes signed before the binding existed ("legacy": the MAC covers only the object and the
 * body) are never trusted for granting: apply verifies their changes again through the API,
 * and the audit shows them as signed without repository binding.
 */
import { canonicalJson } from "./canonical-json.js";
import { macVerifies, noteMac } from "./note-mac.js";
import { noteTextProblem } from "./note-text.js";
import { isRequestNote } from "./request-note.js";

export { canonicalJson } from "./canonical-json.js";

/** Who signs and checks notes: the evidence key, and the repository the run acts for. */
export interface NoteSigner {
  /** "owner/repo", lower-cased (see noteSigner). */
  repository: string;
  /** Without a key nothing is signed, and nothing is trusted. */
  key: string | undefined;
}

/** The signer for a repository: its name lower-cased, as GitHub compares names. */
export function noteSigner(owner: string, repo: string, key: string | undefined): NoteSigner {
  return { repository: `${owner}/${repo}`.toLowerCase(), key };
}

export interface ReviewEvidence {
  reviewer: string;
  reviewId: number;
  commit: string;
  submittedAt: string;
}

export interface LeaseEvidence {
  /** Lease file path. */
  lease: string;
  /** git blob sha of the lease content that was verified. */
  blob: string;
  verdict: "approved" | "rejected";
  /** `requester`: who asked, when not the author (a request-form pull request, from its signed request note). */
  pullRequest?: { number: number; author: string; headSha: string; mergedAt?: string; requester?: string };
  approvals: ReviewEvidence[];
  /** Commit whose policy judged the request (main just before the lease landed). */
  policyCommit: string;
  /** Why a rejected lease was rejected (rule codes and messages). */
  findings: string[];
  verifiedAt: string;
  /**
   * Approved with no human review, by a rule of the resource in the policy of `policyCommit`
   * (see approval/auto-approval.ts): which rule, for whom, as of when (the merge on main).
   */
  autoApproved?: AutoApprovedEvidence;
  /** What could not be checked and did not refuse the lease (e.g. two-factor state not visible to the token). */
  warnings?: string[];
}

export interface AutoApprovedEvidence {
  rule: string;
  resource: string;
  grantee: string;
  /** RFC 3339: the merge on main, the instant the rule was judged at. */
  at: string;
}

/**
 * A break-glass grant, made at pull request time before any approval (see
 * src/reconcile/break-glass.ts). Written as the note of the lease's blob (the MAC binds that
 * object); it names the lease's path, blob and pull request, so a later push to the pull
 * request changes nothing it granted.
 */
export interface BreakGlassRecord {
  /** Lease file path in the pull request. */
  lease: string;
  /** git blob sha of the lease content that was granted. */
  blob: string;
  pullRequest: number;
  /** The pull request's author. */
  requester: string;
  resource: string;
  grantee: string;
  role: string;
  /** RFC 3339 times. */
  grantedAt: string;
  /** grantedAt + the lease's duration (validation caps it at the break-glass maximum). */
  end: string;
  /** grantedAt + the resource's reviewWithin: approved and merged by then, or revoked and flagged. */
  reviewBy: string;
  /** Set by the sweep that ended it (request closed, or not reviewed in time). */
  ended?: { at: string; why: string };
}

/**
 * Why a version of the policy file is (or is not) in force: recorded in the note of the commit
 * on main that brought it, once verified, so it is verified once. A version is in force only
 * when it is the bootstrap (the first valid version in history: the trust anchor) or reached
 * main through a merged pull request approved on its final head by an admin of the policy in
 * force before it, with the content on main the content reviewed.
 */
export interface PolicyEvidence {
  /** The policy file's path. */
  path: string;
  /** git blob sha of the version judged. */
  blob: string;
  verdict: "approved" | "rejected";
  /** The first valid version in history: trusted as it is (nobody could have reviewed it). */
  bootstrap?: boolean;
  pullRequest?: { number: number; author: string; headSha: string; mergedAt?: string };
  approvals: ReviewEvidence[];
  /** The commit that brought the policy whose admins judged this version (the bootstrap: itself). */
  policyCommit: string;
  /** Why a rejected version was rejected. */
  findings: string[];
  verifiedAt: string;
}

export interface EvidenceNote {
  version: 1;
  leases: LeaseEvidence[];
  /** The verdict on the policy version this commit brought to main (see PolicyEvidence). */
  policy?: PolicyEvidence;
  /** Results of grants made for these leases, appended by apply. */
  grants?: Array<{ lease: string; resource: string; grantee: string; role: string; status: string; at: string }>;
  /** Break-glass grants of the lease content (blob) that carries this note. */
  breakGlass?: BreakGlassRecord[];
  /** Access that no lease or standing entry backed, revoked by the run that applied this commit. */
  drift?: DriftRevocation[];
  /** The repository the note was signed for ("owner/repo", lower-cased); absent in legacy notes. */
  repository?: string;
  /**
   * The legacy note (signed without repository binding) this object carried before a run
   * rewrote it, kept verbatim with its own MAC: history for the audit, never evidence for
   * granting.
   */
  legacy?: EvidenceNote;
  mac?: string;
}

/** A grant found at a target that nothing declared (drift), and revoked. */
export interface DriftRevocation {
  resource: string;
  grantee: string;
  role: string;
  /** RFC 3339. */
  revokedAt: string;
  /** Holders of a lease that could add grants there by hand (a team maintainer...), when it was revoked: who could have added it. */
  couldBeAddedBy?: DriftHolder[];
}

/** A lease holder who could have added a drift grant by hand (times RFC 3339). */
export interface DriftHolder {
  lease: string;
  resource: string;
  grantee: string;
  role: string;
  from: string;
  until: string;
  /** The lease was over, yet they held the role still. */
  stillHeld?: boolean;
}

/** Does a value from a note have a drift holder's shape? */
export function isDriftHolder(v: unknown): v is DriftHolder {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  return ["lease", "resource", "grantee", "role", "from", "until"].every((k) => typeof r[k] === "string") && (r.stillHeld === undefined || typeof r.stillHeld === "boolean");
}

/** Does a value from a note have a drift record's shape? */
export function isDriftRevocation(v: unknown): v is DriftRevocation {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  return ["resource", "grantee", "role", "revokedAt"].every((k) => typeof r[k] === "string");
}

/** A note as written to git: indented, keys in canonical order (so checking its MAC is fast). */
export function formatNote(note: EvidenceNote): string {
  return `${JSON.stringify(JSON.parse(canonicalJson(note)), null, 2)}\n`;
}

const DOMAIN = "jit-access evidence note v2";

/** The text an evidence note's MAC covers: its domain, the repository, the object it is on, its canonical body. */
function signedText(note: EvidenceNote, object: string, repository: string): string {
  const { mac: _ignored, ...body } = note;
  return `${DOMAIN}\n${repository}\n${object}\n${canonicalJson(body)}`;
}

/** What a legacy note's MAC covers: the object and the body, no repository. */
function legacyText(note: EvidenceNote, object: string): string {
  const { mac: _ignored, ...body } = note;
  return `${object}\n${canonicalJson(body)}`;
}

/** Signs the note for `object` in the signer's repository (which the note then names). */
export function signNote(note: EvidenceNote, object: string, signer: NoteSigner): EvidenceNote {
  const { mac: _drop, ...body } = note;
  const bound: EvidenceNote = { ...body, repository: signer.repository };
  if (!signer.key) return bound;
  return { ...bound, mac: noteMac(signedText(bound, object, signer.repository), signer.key) };
}

/**
 * How far a note can be believed here: `signed` (valid MAC for this object and this
 * repository), `other-repository` (a valid MAC, made for another repository: copied from
 * there), `legacy` (a valid MAC made before notes named their repository: it could have been
 * copied from any repository sharing the key) or `untrusted` (no valid MAC, or no key).
 * Only `signed` notes are evidence.
 */
export type NoteTrust = "signed" | "other-repository" | "legacy" | "untrusted";

export function noteTrust(note: EvidenceNote, object: string, signer: NoteSigner): NoteTrust {
  const key = signer.key;
  if (!key) return "untrusted";
  try {
    if (note.repository !== undefined) {
      if (typeof note.repository !== "string" || !macVerifies(note.mac, () => signedText(note, object, note.repository!), key)) return "untrusted";
      return note.repository === signer.repository ? "signed" : "other-repository";
    }
    return macVerifies(note.mac, () => legacyText(note, object), key) ? "legacy" : "untrusted";
  } catch {
    return "untrusted"; // not a value canonical JSON can write (a cycle): nothing jit-access signed
  }
}

/** Is the note signed with the key, for this object, in this repository? Without a key nothing is trusted. Never throws. */
export function isTrusted(note: EvidenceNote, object: string, signer: NoteSigner | undefined): boolean {
  return signer !== undefined && noteTrust(note, object, signer) === "signed";
}

/** What a note in refs/notes/jit is, for a reader of evidence. */
export type NoteReading =
  /**
   * An evidence note; `trust` says how far it can be believed here (see noteTrust), and
   * `trusted` is `trust === "signed"`: a valid MAC for the object it is on and this repository.
   */
  | { kind: "evidence"; note: EvidenceNote; trust: NoteTrust; trusted: boolean }
  /** A request note (see request-note.ts): not evidence; its own reader checks its MAC where it matters. */
  | { kind: "request" }
  /** Neither: too large, too deep, not JSON, or not of the shape of either. No note, and a finding. */
  | { kind: "unreadable"; reason: string };

/**
 * Reads the note on `object` as evidence: bounded first (size and depth, in one pass over the
 * raw text that builds nothing), then parsed, its shape checked, and its MAC checked against
 * the signer (the key and this repository). Never throws: anyone can push a note, and no note
 * may stop a run.
 */
export function readEvidenceNote(object: string, text: string, signer: NoteSigner | undefined): NoteReading {
  try {
    const bound = noteTextProblem(text);
    if (bound) return { kind: "unreadable", reason: bound };
    const v = parseJson(text);
    if (v === NOT_JSON) return { kind: "unreadable", reason: "it is not JSON" };
    if (isRequestNote(v)) return { kind: "request" };
    const problem = evidenceProblem(v, true);
    if (problem) return { kind: "unreadable", reason: `it is not an evidence note (${problem})` };
    const note = v as unknown as EvidenceNote;
    const trust = signer ? noteTrust(note, object, signer) : "untrusted";
    return { kind: "evidence", note, trust, trusted: trust === "signed" };
  } catch (e) {
    return { kind: "unreadable", reason: `it could not be checked (${e instanceof Error ? e.message : String(e)})` };
  }
}

/** The finding code for a note in refs/notes/jit that cannot be read. */
export const NOTE_UNREADABLE = "note-unreadable";

/** What a run says about a note it could not read (the object is the commit or blob it is on). */
export function unreadableNoteMessage(object: string, reason: string): string {
  return `The note in refs/notes/jit on ${object.slice(0, 7)} cannot be read: ${reason}. It was ignored (no evidence, no break-glass record). jit-access does not write such notes: someone who can push wrote it. See it with \`git notes --ref=jit show ${object}\`; remove it with \`git notes --ref=jit remove ${object}\` and push refs/notes/jit.`;
}

/**
 * An evidence note, when the text is one with every field its readers use of the right type
 * (anyone can write a note: a malformed, oversized or too deeply nested one is no note, never
 * a crash). Break-glass and drift records are checked one by one where they are read.
 */
export function parseNote(text: string): EvidenceNote | undefined {
  const r = readEvidenceNote("", text, undefined);
  return r.kind === "evidence" ? r.note : undefined;
}

const NOT_JSON = Symbol("not JSON");
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** What keeps a parsed value from being an evidence note, or undefined when it is one. */
function evidenceProblem(v: unknown, outer: boolean): string | undefined {
  if (!isObject(v)) return "not an object";
  if (v.version !== 1) return "not version 1";
  if (!Array.isArray(v.leases)) return "no list of leases";
  const bad = v.leases.findIndex((e) => !isLeaseEvidence(e));
  if (bad >= 0) return `leases[${bad}] is not lease evidence`;
  if (v.grants !== undefined && !(Array.isArray(v.grants) && v.grants.every((g) => isObject(g) && ["lease", "resource", "grantee", "role", "status", "at"].every((k) => typeof g[k] === "string")))) return "grants is not a list of grants";
  if (v.breakGlass !== undefined && !Array.isArray(v.breakGlass)) return "breakGlass is not a list";
  if (v.drift !== undefined && !Array.isArray(v.drift)) return "drift is not a list";
  if (v.policy !== undefined && !isPolicyEvidence(v.policy)) return "policy is not a policy verdict";
  if (v.repository !== undefined && typeof v.repository !== "string") return "repository is not a string";
  if (v.legacy !== undefined) {
    // A kept legacy note is one level deep, and legacy (it names no repository).
    if (!outer) return "a kept legacy note keeps another";
    const inner = evidenceProblem(v.legacy, false);
    if (inner) return `legacy is not an evidence note (${inner})`;
    if ((v.legacy as Record<string, unknown>).repository !== undefined) return "legacy names a repository";
  }
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown, keys: string[]) => isObject(v) && keys.every((k) => typeof v[k] === "string");

function isPolicyEvidence(v: unknown): boolean {
  if (!strings(v, ["path", "blob", "policyCommit", "verifiedAt"]) || !isObject(v)) return false;
  if (v.verdict !== "approved" && v.verdict !== "rejected") return false;
  if (v.bootstrap !== undefined && typeof v.bootstrap !== "boolean") return false;
  if (!Array.isArray(v.findings) || !v.findings.every((f) => typeof f === "string")) return false;
  if (!Array.isArray(v.approvals) || !v.approvals.every((a) => strings(a, ["reviewer", "commit", "submittedAt"]))) return false;
  const pr = v.pullRequest;
  return pr === undefined || (isObject(pr) && typeof pr.number === "number" && strings(pr, ["author", "headSha"]) && (pr.mergedAt === undefined || typeof pr.mergedAt === "string"));
}

function isLeaseEvidence(v: unknown): boolean {
  if (!strings(v, ["lease", "blob", "policyCommit", "verifiedAt"]) || !isObject(v)) return false;
  if (v.verdict !== "approved" && v.verdict !== "rejected") return false;
  if (!Array.isArray(v.findings) || !v.findings.every((f) => typeof f === "string")) return false;
  if (!Array.isArray(v.approvals) || !v.approvals.every((a) => strings(a, ["reviewer", "commit", "submittedAt"]))) return false;
  if (v.autoApproved !== undefined && !strings(v.autoApproved, ["rule", "resource", "grantee", "at"])) return false;
  if (v.warnings !== undefined && !(Array.isArray(v.warnings) && v.warnings.every((w) => typeof w === "string"))) return false;
  const pr = v.pullRequest;
  if (pr === undefined) return true;
  return isObject(pr) && typeof pr.number === "number" && strings(pr, ["author", "headSha"]) && (pr.requester === undefined || typeof pr.requester === "string") && (pr.mergedAt === undefined || typeof pr.mergedAt === "string");
}
