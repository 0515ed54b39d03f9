/**
 * The request note: who asked for a lease opened by the request form. The form's pull request
 * is authored by the bot, so its author says nothing about the requester; the form records
 * the requester (the workflow's actor) in a note on the commit it made (refs/notes/jit),
 * signed with the evidence key, binding the repository, the branch, the lease path and its
 * blob. Validation and apply believe the note only when its MAC is valid for the pull
 * request's head commit and the lease at head is that blob, so a later push to the branch, a
 * copied or a hand-written note binds nobody.
 *
 * It is not an evidence note (no `leases`: `parseNote` ignores it), and its MAC is
 * domain-separated from theirs, so neither can stand in for the other.
 */
import { canonicalJson } from "./canonical-json.js";
import { macVerifies, noteMac } from "./note-mac.js";
import { noteTextProblem } from "./note-text.js";

export interface RequestBinding {
  /** "owner/repo" of the access repo (lower-cased by the form; compared case-insensitively): a note copied to another repository binds nobody there. */
  repository: string;
  /** The branch the form pushed and opened the pull request from. */
  branch: string;
  /** GitHub login of the person who filled in the form (the workflow's actor). */
  actor: string;
  /** Lease file path. */
  lease: string;
  /** git blob sha of the lease content the form wrote. */
  blob: string;
  /** RFC 3339. */
  requestedAt: string;
  /** The workflow run that opened it, for people reading the note. */
  run?: string;
}

export interface RequestNote {
  version: 1;
  kind: "request";
  request: RequestBinding;
  mac?: string;
}

const DOMAIN = "jit-access request note v1";

/** The text a request note's MAC covers: its domain, the commit it is on, its canonical body. */
function signedText(note: RequestNote, commit: string): string {
  const { mac: _ignored, ...body } = note;
  return `${DOMAIN}\n${commit}\n${canonicalJson(body)}`;
}

export function signRequestNote(binding: RequestBinding, commit: string, key: string): RequestNote {
  const note: RequestNote = { version: 1, kind: "request", request: binding };
  return { ...note, mac: noteMac(signedText(note, commit), key) };
}

/** Is the note's MAC valid for this commit with this key? Without a key nothing is trusted. Never throws. */
export function isTrustedRequestNote(note: RequestNote, commit: string, key: string | undefined): boolean {
  try {
    return macVerifies(note.mac, () => signedText(note, commit), key);
  } catch {
    return false;
  }
}

/** The note's request, when the text is a request note with every field a string (bounded first, never a throw). */
export function parseRequestNote(text: string): RequestNote | undefined {
  if (noteTextProblem(text) !== undefined) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isRequestNote(v) ? v : undefined;
}

/** Does a parsed value have a request note's shape? */
export function isRequestNote(v: unknown): v is RequestNote {
  const n = v as Partial<RequestNote> | null;
  if (!n || typeof n !== "object" || n.version !== 1 || n.kind !== "request" || !n.request || typeof n.request !== "object") return false;
  const r = n.request as unknown as Record<string, unknown>;
  for (const k of ["repository", "branch", "actor", "lease", "blob", "requestedAt"]) if (typeof r[k] !== "string") return false;
  return r.run === undefined || typeof r.run === "string";
}
