/**
 * Evidence of why a lease was granted, recorded in git (refs/notes/jit on the commit that
 * brought the lease to main) so the audit log needs no API to say who approved what.
 *
 * A note is trusted only when it carries a valid HMAC made with the evidence key (a secret
 * only the apply workflow holds). Anyone who can push could write a note, but not a valid
 * MAC: an untrusted note is ignored and the lease is verified again through the API.
 */
import { macVerifies, noteMac } from "./note-mac.js";

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

/** The text an evidence note's MAC covers: the commit it is on and its canonical body. */
function signedText(note: EvidenceNote, commit: string): string {
  const { mac: _ignored, ...body } = note;
  return `${commit}\n${canonicalJson(body)}`;
}

export function signNote(note: EvidenceNote, commit: string, key: string | undefined): EvidenceNote {
  if (!key) {
    const { mac: _drop, ...unsigned } = note;
    return unsigned;
  }
  return { ...note, mac: noteMac(signedText(note, commit), key) };
}

/** Is the note's MAC valid for this commit? Notes without a key configured are never trusted. */
export function isTrusted(note: EvidenceNote, commit: string, key: string | undefined): boolean {
  return macVerifies(note.mac, () => signedText(note, commit), key);
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
  if (!isObject(v) || v.version !== 1 || !Array.isArray(v.leases) || !v.leases.every(isLeaseEvidence)) return undefined;
  if (v.grants !== undefined && !(Array.isArray(v.grants) && v.grants.every((g) => isObject(g) && ["lease", "resource", "grantee", "role", "status", "at"].every((k) => typeof g[k] === "string")))) return undefined;
  if ((v.breakGlass !== undefined && !Array.isArray(v.breakGlass)) || (v.drift !== undefined && !Array.isArray(v.drift))) return undefined;
  if (v.policy !== undefined && !isPolicyEvidence(v.policy)) return undefined;
  return v as unknown as EvidenceNote;
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
  const pr = v.pullRequest;
  if (pr === undefined) return true;
  return isObject(pr) && typeof pr.number === "number" && strings(pr, ["author", "headSha"]) && (pr.requester === undefined || typeof pr.requester === "string") && (pr.mergedAt === undefined || typeof pr.mergedAt === "string");
}
