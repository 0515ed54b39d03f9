/** Evidence notes in git: refs/notes/jit, one JSON note per commit on main. */
import { git, gitText, openBlobReader } from "./run-git.js";

export const NOTES_REF = "refs/notes/jit";

/**
 * Every note (or those on the objects `only` accepts): object sha → note text. Empty when the
 * notes ref does not exist yet. With `onNote`, each note goes there as soon as git has read
 * it, and none is kept.
 */
export async function readNotes(repo: string, only?: (object: string) => boolean, onNote?: (object: string, text: string) => void): Promise<Map<string, string>> {
  let list: string;
  try {
    list = await gitText(repo, ["notes", `--ref=${NOTES_REF}`, "list"]);
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
    const text = content.toString("utf8");
    for (const object of objectsOf.get(blob) ?? []) {
      if (onNote) onNote(object, text);
      else out.set(object, text);
    }
  });
  for (const blob of objectsOf.keys()) reader.want(blob);
  await reader.done();
  return out;
}

export async function writeNote(repo: string, commit: string, text: string): Promise<void> {
  await git(repo, ["-c", "user.name=jit-access", "-c", "user.email=jit-access@users.noreply.github.com", "notes", `--ref=${NOTES_REF}`, "add", "-f", "-F", "-", commit], text);
}

/**
 * Pushes refs/notes/jit; when the remote moved meanwhile (a concurrent run pushed notes),
 * fetches its notes, merges them with ours (ours win for a commit both changed) and tries
 * again. Returns the last error, or undefined once pushed.
 */
export async function pushNotesWithRetry(repo: string, remote: string, attempts = 5): Promise<string | undefined> {
  let error: string | undefined;
  for (let i = 0; i < attempts; i++) {
    try {
      await git(repo, ["push", "-q", remote, `${NOTES_REF}:${NOTES_REF}`]);
      return undefined;
    } catch (e) {
      error = (e as Error).message;
    }
    try {
      await git(repo, ["fetch", "-q", remote, `+${NOTES_REF}:${NOTES_REF}-remote`]);
      await git(repo, ["-c", "user.name=jit-access", "-c", "user.email=jit-access@users.noreply.github.com", "notes", `--ref=${NOTES_REF}`, "merge", "-q", "-s", "ours", `${NOTES_REF}-remote`]);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return error;
}

/** The note on one commit, or undefined when it has none. */
export async function readNote(repo: string, commit: string): Promise<string | undefined> {
  try {
    return await gitText(repo, ["notes", `--ref=${NOTES_REF}`, "show", commit]);
  } catch {
    return undefined;
  }
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
