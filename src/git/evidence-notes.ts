/** Evidence notes in git: refs/notes/jit, one JSON note per commit on main. */
import { git, gitText, readBlobs } from "./run-git.js";

export const NOTES_REF = "refs/notes/jit";

/** Every note: commit sha → note text. Empty when the notes ref does not exist yet. */
export async function readNotes(repo: string): Promise<Map<string, string>> {
  let list: string;
  try {
    list = await gitText(repo, ["notes", `--ref=${NOTES_REF}`, "list"]);
  } catch {
    return new Map();
  }
  const pairs = list
    .split("\n")
    .filter(Boolean)
    .map((l) => l.split(" ") as [string, string]);
  const blobs = await readBlobs(repo, pairs.map(([blob]) => blob));
  const out = new Map<string, string>();
  for (const [blob, commit] of pairs) out.set(commit, (blobs.get(blob) ?? Buffer.alloc(0)).toString("utf8"));
  return out;
}

export async function writeNote(repo: string, commit: string, text: string): Promise<void> {
  await git(repo, ["-c", "user.name=jit-access", "-c", "user.email=jit-access@users.noreply.github.com", "notes", `--ref=${NOTES_REF}`, "add", "-f", "-F", "-", commit], text);
}
