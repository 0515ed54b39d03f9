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
import { macVerifies, noteMac } from "./note-mac.js";

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

export interface EvidenceNote {
  version: 1;
  leases: LeaseEvidence[];
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
}

/** Does a value from a note have a drift record's shape? */
export function isDriftRevocation(v: unknown): v is DriftRevocation {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  return ["resource", "grantee", "role", "revokedAt"].every((k) => typeof r[k] === "string");
}

/** Stable JSON: keys sorted, so the MAC does not depend on key order. */
export function canonicalJson(v: unknown): string {
  // A value whose keys are already in sorted order (notes are written so) is its own
  // canonical form: the native serializer then gives the same text, much faster.
  return inSortedOrder(v) ? JSON.stringify(v) : sortedJson(v);
}

function sortedJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/**
 * Would JSON.stringify write exactly what sortedJson writes? Only for plain data (no
 * undefined in arrays, no functions, no class instances) whose own keys come in strictly
 * sorted order (integer-like keys, which objects order first, fail unless already sorted).
 */
function inSortedOrder(v: unknown): boolean {
  if (v === null) return true;
  switch (typeof v) {
    case "string":
    case "number":
    case "boolean":
      return true;
    case "object":
      break;
    default:
      return false;
  }
  if (Array.isArray(v)) {
    for (const x of v) if (x === undefined || !inSortedOrder(x)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  let prev: string | undefined;
  for (const k of Object.keys(v)) {
    if (prev !== undefined && !(prev < k)) return false;
    prev = k;
    const x = (v as Record<string, unknown>)[k];
    if (x !== undefined && !inSortedOrder(x)) return false;
  }
  return true;
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
  if (note.repository !== undefined) {
    if (typeof note.repository !== "string" || !macVerifies(note.mac, () => signedText(note, object, note.repository!), key)) return "untrusted";
    return note.repository === signer.repository ? "signed" : "other-repository";
  }
  return macVerifies(note.mac, () => legacyText(note, object), key) ? "legacy" : "untrusted";
}

/** Is the note signed with the key, for this object, in this repository? Without a key nothing is trusted. */
export function isTrusted(note: EvidenceNote, object: string, signer: NoteSigner): boolean {
  return noteTrust(note, object, signer) === "signed";
}

/**
 * An evidence note, when the text is one with every field its readers use of the right type
 * (anyone can write a note: a malformed one is no note, never a crash). Break-glass and drift
 * records are checked one by one where they are read.
 */
export function parseNote(text: string): EvidenceNote | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isNote(v, true) ? v : undefined;
}

function isNote(v: unknown, outer: boolean): v is EvidenceNote {
  if (!isObject(v) || v.version !== 1 || !Array.isArray(v.leases) || !v.leases.every(isLeaseEvidence)) return false;
  if (v.grants !== undefined && !(Array.isArray(v.grants) && v.grants.every((g) => isObject(g) && ["lease", "resource", "grantee", "role", "status", "at"].every((k) => typeof g[k] === "string")))) return false;
  if ((v.breakGlass !== undefined && !Array.isArray(v.breakGlass)) || (v.drift !== undefined && !Array.isArray(v.drift))) return false;
  if (v.repository !== undefined && typeof v.repository !== "string") return false;
  // A kept legacy note is one level deep, and legacy (it names no repository).
  if (v.legacy !== undefined && !(outer && isNote(v.legacy, false) && v.legacy.repository === undefined)) return false;
  return true;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const strings = (v: unknown, keys: string[]) => isObject(v) && keys.every((k) => typeof v[k] === "string");

function isLeaseEvidence(v: unknown): boolean {
  if (!strings(v, ["lease", "blob", "policyCommit", "verifiedAt"]) || !isObject(v)) return false;
  if (v.verdict !== "approved" && v.verdict !== "rejected") return false;
  if (!Array.isArray(v.findings) || !v.findings.every((f) => typeof f === "string")) return false;
  if (!Array.isArray(v.approvals) || !v.approvals.every((a) => strings(a, ["reviewer", "commit", "submittedAt"]))) return false;
  const pr = v.pullRequest;
  if (pr === undefined) return true;
  return isObject(pr) && typeof pr.number === "number" && strings(pr, ["author", "headSha"]) && (pr.requester === undefined || typeof pr.requester === "string") && (pr.mergedAt === undefined || typeof pr.mergedAt === "string");
}
