/**
 * Who asked for the leases of a pull request. Normally its author. A pull request opened by
 * the request form is authored by the bot instead; its requester is the actor recorded in the
 * form's signed request note, and only while the pull request is exactly what the form
 * opened: the note must be trusted (MAC valid with the evidence key) for the head commit,
 * made for this repository and branch, and the pull request's one new lease must be the
 * note's path and blob. Anything else — a push to the branch, a copied or forged note, no
 * evidence key — names nobody, and the request is refused. Pure: the shell reads the note.
 */
import type { RequestBinding } from "../evidence/request-note.js";
import { isTrustedRequestNote, parseRequestNote } from "../evidence/request-note.js";
import { gitBlobId } from "../git/blob-id.js";
import { checkLeasePath, isUnderLeases } from "../lease/lease-path.js";
import type { FileChange } from "../validate/inputs.js";

export interface RequesterInput {
  /** The pull request's author. */
  author: string;
  /** The login the request form opens pull requests as; undefined: not known (authors are taken as they are). */
  botLogin?: string;
  /** Why the form's login could not be found: a bot author is then nobody (it may be the form). */
  botProblem?: string;
  evidenceKey?: string;
  /** "owner/repo". */
  repository: string;
  pullRequest: { number: number; headSha: string; headRef: string };
  /** Text of the refs/notes/jit note on the head commit, if any. */
  note?: string;
  /** The lease files the pull request adds or changes (path and blob at head). */
  leases: Array<{ path: string; blob: string }>;
}

export type RequesterCode = "request-unbound" | "request-no-evidence-key" | "request-bot-unknown";

export type Requester =
  | { ok: true; login: string; via: "author" }
  | { ok: true; login: string; via: "request-form"; binding: RequestBinding }
  | { ok: false; code: RequesterCode; message: string; hint: string };

const NEW_REQUEST = "Close this pull request and ask again with the request form (Actions → jit-access request → Run workflow); never push to a request branch.";

export function resolveRequester(i: RequesterInput): Requester {
  const pr = `#${i.pullRequest.number}`;
  if (i.botLogin === undefined && i.botProblem !== undefined && i.author.endsWith("[bot]") && i.leases.length > 0) {
    return {
      ok: false,
      code: "request-bot-unknown",
      message: `Pull request ${pr} was opened by ${i.author}, a bot account, and the request form's login could not be found (${i.botProblem}): whether the form opened it, and for whom, cannot be established.`,
      hint: "Set the bot-login input to the login the request workflow opens pull requests as, e.g. ${{ steps.app.outputs.app-slug }}[bot].",
    };
  }
  const byBot = i.botLogin !== undefined && i.author.toLowerCase() === i.botLogin.toLowerCase();
  if (!byBot || i.leases.length === 0) return { ok: true, login: i.author, via: "author" };
  const head = i.pullRequest.headSha.slice(0, 7);
  if (!i.evidenceKey) {
    return {
      ok: false,
      code: "request-no-evidence-key",
      message: `Pull request ${pr} was opened by ${i.author} (the request form): who asked is recorded in a signed request note, and no evidence key is configured to check it, so nobody can be taken as the requester.`,
      hint: "Give this step evidence-key: ${{ secrets.JIT_EVIDENCE_KEY }} (the key the request workflow signs with), or open the request as yourself.",
    };
  }
  const unbound = (why: string): Requester => ({
    ok: false,
    code: "request-unbound",
    message: `The request was changed after the form opened it: ${why}, so pull request ${pr} cannot be attributed to anyone.`,
    hint: NEW_REQUEST,
  });
  if (i.note === undefined) return unbound(`the head commit ${head} of ${i.pullRequest.headRef} is not the commit the form made (it has no request note; someone pushed to the branch)`);
  const note = parseRequestNote(i.note);
  if (!note) return unbound(`the note on the head commit ${head} is not a request note`);
  if (!isTrustedRequestNote(note, i.pullRequest.headSha, i.evidenceKey)) return unbound(`the request note on the head commit ${head} is not signed with the evidence key (forged, copied from another commit, or made with another key)`);
  const b = note.request;
  if (b.repository.toLowerCase() !== i.repository.toLowerCase()) return unbound(`the request note was made for ${b.repository}, not ${i.repository}`);
  if (b.branch !== i.pullRequest.headRef) return unbound(`the request note was made for branch ${b.branch}, not ${i.pullRequest.headRef}`);
  const mine = i.leases.find((l) => l.path === b.lease);
  if (i.leases.length !== 1 || !mine) return unbound(`the form wrote only ${b.lease}, but the pull request changes ${i.leases.map((l) => l.path).join(", ")}`);
  if (mine.blob !== b.blob) return unbound(`${b.lease} is not the content the form wrote`);
  return { ok: true, login: b.actor, via: "request-form", binding: b };
}

function requestable(path: string): boolean {
  return isUnderLeases(path) && checkLeasePath(path).kind !== "placeholder";
}

/** What a pull request adds or changes under leases/ (placeholders aside), with the blob id of each file at head. */
export function changedLeases(changes: FileChange[]): Array<{ path: string; blob: string }> {
  return changes.filter((c) => c.head && c.status !== "removed" && requestable(c.path)).map((c) => ({ path: c.path, blob: gitBlobId(c.head!.bytes) }));
}

/** The same, from the API's list of a pull request's files. */
export function changedLeaseFiles(files: Array<{ filename: string; status: string; sha: string | null }>): Array<{ path: string; blob: string }> {
  return files.filter((f) => f.status !== "removed" && requestable(f.filename)).map((f) => ({ path: f.filename, blob: f.sha ?? "" }));
}
