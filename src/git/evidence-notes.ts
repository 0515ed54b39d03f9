/** Evidence notes in git: refs/notes/jit, one JSON note per commit on main. */
import type { EvidenceNote, NoteSigner } from "../evidence/evidence.js";
import { formatNote, readEvidenceNote, signNote } from "../evidence/evidence.js";
import { mergeEvidenceNotes } from "../evidence/merge-notes.js";
import { MAX_NOTE_BYTES } from "../evidence/note-text.js";
import { FULL_SHA, repoSession } from "./git-session.js";
import type { RepoSession } from "./git-session.js";
import { git, gitText, openBlobReader, readBlobs } from "./run-git.js";

export const NOTES_REF = "refs/notes/jit";

/**
 * Every note (or those on the objects `only` accepts): object sha → note text. Empty when the
 * notes ref does not exist yet. With `onNote`, each note goes there as soon as git has read
 * it, and none is kept. A note over MAX_NOTE_BYTES is cut just past it (its readers refuse it
 * for its size): a string too long to make must not stop the run.
 */
export async function readNotes(repo: string, only?: (object: string) => boolean, onNote?: (object: string, text: string) => void, listed?: Promise<string>): Promise<Map<string, string>> {
  // In a git session, all the notes are read once per notes commit (a scoped run reads them
  // to decide its scope, apply again; a note written meanwhile moves the ref, and they are read anew).
  const session = only || onNote || listed ? undefined : repoSession(repo);
  const tip = session ? await session.resolve(NOTES_REF) : undefined;
  if (session && tip?.type === "commit") return new Map(await session.memo(`notes\0${tip.sha}`, async () => (await sessionAllNotes(session, tip.sha)) ?? readAllNotes(repo)));
  return readAllNotes(repo, only, onNote, listed);
}

/**
 * Every note of a notes commit read through the session's reader (no `git notes list`, no
 * `cat-file` process of its own): the tree walked as git's notes code does — fan-out
 * directories of two hex digits, a note where the path (without its slashes) is an object id.
 * Undefined when the reader cannot answer for sure or the tree is not plainly a notes tree
 * (an object with two notes): git answers then.
 */
async function sessionAllNotes(s: RepoSession, tipSha: string): Promise<Map<string, string> | undefined> {
  const commit = await s.commit(tipSha);
  if (!commit) return undefined;
  const blobOf = new Map<string, string>(); // object → note blob
  const walk = async (tree: string, prefix: string): Promise<boolean> => {
    const entries = await s.tree(tree);
    if (!entries) return false;
    for (const e of entries.values()) {
      const path = prefix + e.name;
      if (e.mode === "040000") {
        if (/^[0-9a-f]{2}$/.test(e.name) && path.length < 62 && !(await walk(e.sha, path))) return false;
      } else if (e.mode !== "160000" && FULL_SHA.test(path)) {
        if (blobOf.has(path)) return false;
        blobOf.set(path, e.sha);
      }
    }
    return true;
  };
  if (!(await walk(commit.tree, ""))) return undefined;
  const out = new Map<string, string>();
  const blobs = await Promise.all([...blobOf.values()].map((b) => s.object(b)));
  const objects = [...blobOf.keys()];
  for (let i = 0; i < objects.length; i++) {
    const blob = blobs[i];
    if (!blob || blob.type !== "blob") return undefined;
    out.set(objects[i]!, noteText(blob.body));
  }
  // in object order, as `git notes list` gives them
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

async function readAllNotes(repo: string, only?: (object: string) => boolean, onNote?: (object: string, text: string) => void, listed?: Promise<string>): Promise<Map<string, string>> {
  let list: string;
  try {
    list = await (listed ?? listNotes(repo));
  } catch {
    return new Map();
  }
  const objectsOf = new Map<string, string[]>(); // note blob → the objects it is the note of
  for (const line of list.split("\n")) {
    const sp = line.indexOf(" ");
    if (sp < 0) continue;
    const blob = line.slice(0, sp);
    const object = line.slice(sp + 1);
    if (only && !only(object)) continue;
    const objects = objectsOf.get(blob);
    if (objects) objects.push(object);
    else objectsOf.set(blob, [object]);
  }
  const out = new Map<string, string>();
  if (objectsOf.size === 0) return out;
  const reader = openBlobReader(repo, (blob, content) => {
    const text = noteText(content);
    for (const object of objectsOf.get(blob) ?? []) {
      if (onNote) onNote(object, text);
      else out.set(object, text);
    }
  });
  for (const blob of objectsOf.keys()) reader.want(blob);
  await reader.done();
  return out;
}

/** `git notes list` of the evidence notes ref: "<note blob> <object>" lines (fails when the ref does not exist). */
export function listNotes(repo: string): Promise<string> {
  return gitText(repo, ["notes", `--ref=${NOTES_REF}`, "list"]);
}

/** A note's bytes as text, cut just past the size bound (the cut text is still over it). */
function noteText(content: Buffer): string {
  return content.toString("utf8", 0, Math.min(content.length, MAX_NOTE_BYTES + 1));
}

export async function writeNote(repo: string, commit: string, text: string): Promise<void> {
  await git(repo, ["-c", "user.name=jit-access", "-c", "user.email=jit-access@users.noreply.github.com", "notes", `--ref=${NOTES_REF}`, "add", "-f", "-F", "-", commit], text);
}

/**
 * Changes the evidence note on `object`: `change` gets the note there (when it is signed with
 * the key for this repository, or with no key configured, any evidence note; else — a forged,
 * unreadable or request note — a fresh one) and returns the new one, which is signed and
 * written. Every writer of evidence notes goes through here, so none drops what another
 * recorded on the same object.
 *
 * A legacy note (signed with the key before notes named their repository) is not taken in —
 * re-signing it would bind whatever it says to this repository, copied or not — but kept
 * verbatim, with its own MAC, as the new note's `legacy`: history for the audit.
 */
export async function updateNote(repo: string, object: string, signer: NoteSigner, change: (base: EvidenceNote) => EvidenceNote): Promise<void> {
  await writeNote(repo, object, changedNote(object, await readNote(repo, object), signer, change));
}

/** The text of the note `change` makes of the note on `object` (`text`), as updateNote says. */
function changedNote(object: string, text: string | undefined, signer: NoteSigner, change: (base: EvidenceNote) => EvidenceNote): string {
  const old = text !== undefined ? readEvidenceNote(object, text, signer) : undefined;
  let base: EvidenceNote = { version: 1, leases: [] };
  if (old?.kind === "evidence") {
    if (!signer.key || old.trust === "signed") base = old.note;
    else if (old.trust === "legacy" && old.note.legacy === undefined) base = { version: 1, leases: [], legacy: old.note };
  }
  return formatNote(signNote(change(base), object, signer));
}

export interface NoteUpdate {
  object: string;
  change: (base: EvidenceNote) => EvidenceNote;
}

/**
 * updateNote for several notes, in order (an object named twice gets both changes). In a git
 * session they are written in one commit on refs/notes/jit by one `git fast-import`, whose
 * parent is the notes tip the notes were read at: when another writer moved the ref meanwhile,
 * fast-import refuses (not a fast-forward) and the notes are updated one by one as before,
 * each read afresh, so nothing another writer recorded is dropped.
 */
export async function updateNotes(repo: string, signer: NoteSigner, updates: NoteUpdate[]): Promise<void> {
  const session = repoSession(repo);
  if (session && updates.length > 1 && (await writeNotesAtOnce(session, repo, signer, updates))) return;
  for (const u of updates) await updateNote(repo, u.object, signer, u.change);
}

async function writeNotesAtOnce(s: RepoSession, repo: string, signer: NoteSigner, updates: NoteUpdate[]): Promise<boolean> {
  if (!updates.every((u) => FULL_SHA.test(u.object))) return false;
  const tip = await s.resolve(NOTES_REF);
  if (tip === undefined || (tip !== null && tip.type !== "commit")) return false;
  const texts = new Map<string, string>();
  const paths: string[] = []; // where the notes replaced are (git's fan-out may differ from fast-import's)
  for (const u of updates) {
    let old: string | undefined;
    if (texts.has(u.object)) old = texts.get(u.object);
    else if (tip) {
      const found = await sessionNote(s, u.object, tip.sha);
      if (found === undefined) return false;
      old = found === null ? undefined : noteText(found.body);
      if (found !== null) paths.push(found.path);
    }
    texts.set(u.object, changedNote(u.object, old, signer, u.change));
  }
  // `git notes add -F` cleans a note's text up (trailing blanks, blank lines); these need none, else they go one by one.
  if ([...texts.values()].some((t) => !t.endsWith("\n") || t.startsWith("\n") || /[ \t\r]\n|\n\n/.test(t))) return false;
  const message = "Notes added by 'git notes add'\n";
  let stream = `commit ${NOTES_REF}\ncommitter jit-access <jit-access@users.noreply.github.com> now\ndata ${Buffer.byteLength(message)}\n${message}`;
  if (tip) stream += `from ${tip.sha}\n`;
  for (const path of paths) stream += `D ${path}\n`;
  for (const [object, text] of texts) stream += `N inline ${object}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
  try {
    await git(repo, ["fast-import", "--quiet", "--date-format=now"], stream);
  } catch {
    return false;
  }
  // Each note must now read back as written (one note per object, nothing left at another fan-out); any that does not is written again by git notes, which mends it.
  for (const [object, text] of texts) if ((await readNote(repo, object)) !== text) await writeNote(repo, object, text);
  return true;
}

/**
 * Pushes refs/notes/jit. When the remote moved meanwhile (a concurrent run pushed notes), it
 * takes the remote's notes and puts ours back on top: a note only we changed is ours, one
 * only they changed is theirs, and one both changed is merged record by record
 * (mergeEvidenceNotes), re-signed — nothing either side recorded is lost. Then it tries
 * again. Returns the last error, or undefined once pushed.
 */
export async function pushNotesWithRetry(repo: string, remote: string, signer: NoteSigner, attempts = 5): Promise<string | undefined> {
  let error: string | undefined;
  for (let i = 0; i < attempts; i++) {
    try {
      await git(repo, ["push", "-q", remote, `${NOTES_REF}:${NOTES_REF}`]);
      return undefined;
    } catch (e) {
      error = (e as Error).message;
    }
    try {
      await git(repo, ["fetch", "-q", remote, `+${NOTES_REF}:${REMOTE_NOTES}`]);
      await rebaseNotes(repo, signer);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return error;
}

const REMOTE_NOTES = `${NOTES_REF}-remote`;

/** Makes refs/notes/jit the remote's notes plus what we changed since we last had theirs. */
async function rebaseNotes(repo: string, signer: NoteSigner): Promise<void> {
  const base = (await gitText(repo, ["merge-base", NOTES_REF, REMOTE_NOTES]).catch(() => "")).trim();
  const [ours, theirs, before] = await Promise.all([notesTree(repo, NOTES_REF), notesTree(repo, REMOTE_NOTES), base ? notesTree(repo, base) : Promise.resolve(new Map<string, string>())]);
  const mine = [...ours].filter(([object, blob]) => before.get(object) !== blob);
  const texts = await readBlobs(repo, mine.flatMap(([object, blob]) => [blob, ...(theirs.has(object) ? [theirs.get(object)!] : [])]));
  const bytes = (blob: string | undefined) => (blob === undefined ? undefined : texts.get(blob));
  const text = (blob: string | undefined) => bytes(blob)?.toString("utf8");
  await git(repo, ["update-ref", NOTES_REF, REMOTE_NOTES]);
  for (const [object, blob] of mine) {
    // Theirs may be anything anyone pushed: read within the bound (ours is what we wrote).
    const theirsBytes = bytes(theirs.get(object));
    const theirsText = theirsBytes === undefined ? undefined : noteText(theirsBytes);
    const merged = theirsText === undefined || theirs.get(object) === before.get(object) ? text(blob)! : mergeEvidenceNotes(object, text(blob)!, theirsText, signer);
    await writeNote(repo, object, merged);
  }
}

/** The notes of a notes commit: annotated object → note blob (fan-out paths joined). */
async function notesTree(repo: string, commitish: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const line of (await gitText(repo, ["ls-tree", "-r", "-z", commitish])).split("\0")) {
    const tab = line.indexOf("\t");
    if (tab < 0) continue;
    const blob = line.slice(0, tab).split(" ")[2];
    if (blob) out.set(line.slice(tab + 1).replaceAll("/", ""), blob);
  }
  return out;
}

/** The note on one commit, or undefined when it has none (cut past the size bound, as readNotes does). */
export async function readNote(repo: string, commit: string): Promise<string | undefined> {
  const session = repoSession(repo);
  const found = session && FULL_SHA.test(commit) ? await sessionNote(session, commit) : undefined;
  if (found !== undefined) return found === null ? undefined : noteText(found.body);
  try {
    return noteText(await git(repo, ["notes", `--ref=${NOTES_REF}`, "show", commit]));
  } catch {
    return undefined;
  }
}

/**
 * The note on an object read through the session's reader: the notes ref resolved now (it
 * moves: this run and others write notes), its tree walked as git's notes code does (fan-out
 * directories `ab/cdef…` of any depth). Null when there is none; undefined when the reader
 * cannot answer for sure (the caller asks git).
 */
async function sessionNote(s: RepoSession, object: string, at?: string): Promise<{ body: Buffer; path: string } | null | undefined> {
  const tip = at !== undefined ? { sha: at, type: "commit" } : await s.resolve(NOTES_REF);
  if (tip === undefined) return undefined;
  if (tip === null) return null; // no notes yet
  if (tip.type !== "commit") return undefined;
  const commit = await s.commit(tip.sha);
  if (!commit) return undefined;
  let tree = commit.tree;
  let rest = object;
  let dir = "";
  while (rest.length > 0) {
    const entries = await s.tree(tree);
    if (!entries) return undefined;
    const note = entries.get(rest);
    if (note && note.mode !== "040000" && note.mode !== "160000") {
      const blob = await s.object(note.sha);
      return blob ? { body: blob.body, path: `${dir}${rest}` } : undefined;
    }
    const fan = entries.get(rest.slice(0, 2));
    if (!fan || fan.mode !== "040000" || rest.length <= 2) return null;
    tree = fan.sha;
    dir += `${rest.slice(0, 2)}/`;
    rest = rest.slice(2);
  }
  return null;
}

/**
 * Fetches refs/notes/jit from the remote (replacing the local ref). A checkout made with
 * `persist-credentials: false` has no credentials: `token` is then sent as the checkout would
 * send it, through the environment (never the command line). False when the remote has none
 * or it could not be fetched.
 */
export async function fetchNotes(repo: string, remote = "origin", token?: string): Promise<boolean> {
  const args = ["fetch", "--quiet", remote, `+${NOTES_REF}:${NOTES_REF}`];
  try {
    await git(repo, args);
    return true;
  } catch {
    if (!token) return false;
  }
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  try {
    await git(repo, args, undefined, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraheader", GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` });
    return true;
  } catch {
    return false;
  }
}
