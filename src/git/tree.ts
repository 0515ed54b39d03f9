/** Files of a commit's tree under a path, with their git modes, read as data (never checked out). */
import type { FileMode, FileVersion } from "../validate/inputs.js";
import { repoSession } from "./git-session.js";
import type { RepoSession } from "./git-session.js";
import { git, readBlobs } from "./run-git.js";

export function modeOf(gitMode: string): FileMode {
  switch (gitMode) {
    case "120000":
      return "symlink";
    case "160000":
      return "submodule";
    case "100755":
      return "executable";
    default:
      return "file";
  }
}

export interface TreeEntry {
  path: string;
  mode: FileMode;
  sha: string;
}

export async function listTree(repo: string, ref: string, paths: string[]): Promise<TreeEntry[]> {
  const session = repoSession(repo);
  const read = session ? await sessionListTree(session, ref, paths) : undefined;
  if (read) return read;
  const out = (await git(repo, ["ls-tree", "-r", "-z", "--full-tree", ref, "--", ...paths])).toString("utf8");
  const entries: TreeEntry[] = [];
  for (const rec of out.split("\0")) {
    if (!rec) continue;
    const tab = rec.indexOf("\t");
    const [mode = "", , sha = ""] = rec.slice(0, tab).split(" ");
    entries.push({ path: rec.slice(tab + 1), mode: modeOf(mode), sha });
  }
  return entries;
}

export async function readTreeFiles(repo: string, ref: string, paths: string[]): Promise<FileVersion[]> {
  const entries = (await listTree(repo, ref, paths)).filter((e) => e.mode !== "submodule");
  const blobs = await readBlobs(repo, entries.map((e) => e.sha));
  return entries.map((e) => ({ path: e.path, mode: e.mode, bytes: blobs.get(e.sha) ?? Buffer.alloc(0) }));
}

/** One file at a ref, or undefined when it does not exist there. */
export async function readFileAt(repo: string, ref: string, path: string): Promise<FileVersion | undefined> {
  const [entry] = await listTree(repo, ref, [path]);
  if (!entry || entry.path !== path) return undefined;
  const blobs = await readBlobs(repo, [entry.sha]);
  return { path, mode: entry.mode, bytes: blobs.get(entry.sha) ?? Buffer.alloc(0) };
}

/** Several files at a ref, by path (those that exist there): one `ls-tree` and one `cat-file` in all. */
export async function readFilesAt(repo: string, ref: string, paths: string[]): Promise<Map<string, FileVersion>> {
  const wanted = new Set(paths);
  const entries = (await listTree(repo, ref, [...wanted])).filter((e) => wanted.has(e.path));
  const blobs = await readBlobs(repo, entries.map((e) => e.sha));
  return new Map(entries.map((e) => [e.path, { path: e.path, mode: e.mode, bytes: blobs.get(e.sha) ?? Buffer.alloc(0) }]));
}

/** A path the session walks as `ls-tree` would match it: plain components, no pathspec magic or glob characters. */
const PLAIN_PATH = /^(?!:)[^*?[\]\\]+$/;

function plainPath(path: string): boolean {
  return PLAIN_PATH.test(path) && path.split("/").every((c) => c !== "" && c !== "." && c !== "..");
}

/**
 * `ls-tree -r --full-tree <ref> -- <paths>` read through the session's object reader (trees
 * parsed in process, cached by sha): the entries in git's order, or undefined when the session
 * cannot answer for sure (the caller asks git).
 */
async function sessionListTree(s: RepoSession, ref: string, paths: string[]): Promise<TreeEntry[] | undefined> {
  if (paths.length === 0 || !paths.every(plainPath)) return undefined;
  const root = await s.treeOf(ref);
  if (!root) return undefined;
  const out: TreeEntry[] = [];
  const seen = new Set<string>();
  const emit = (path: string, mode: string, sha: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, mode: modeOf(mode), sha });
  };
  // Every entry under a tree, depth first in git's order (as -r lists them); false when a tree cannot be read.
  const walk = async (tree: string, prefix: string, depth: number): Promise<boolean> => {
    const entries = depth > 4096 ? undefined : await s.tree(tree);
    if (!entries) return false;
    for (const e of entries.values()) {
      if (e.mode === "040000") {
        if (!(await walk(e.sha, `${prefix}${e.name}/`, depth + 1))) return false;
      } else emit(`${prefix}${e.name}`, e.mode, e.sha);
    }
    return true;
  };
  for (const path of paths) {
    const parts = path.split("/");
    let tree = root;
    let found = true;
    for (let i = 0; i < parts.length; i++) {
      const entries = await s.tree(tree);
      if (!entries) return undefined;
      const e = entries.get(parts[i]!);
      if (!e) {
        found = false;
        break;
      }
      if (e.mode === "040000") tree = e.sha;
      else if (i === parts.length - 1) {
        emit(path, e.mode, e.sha);
        found = false; // a file: nothing more to list
      } else {
        found = false;
        break;
      }
    }
    if (found && !(await walk(tree, `${path}/`, 0))) return undefined;
  }
  // Several paths: ls-tree lists what they match in tree order, once each.
  if (paths.length > 1) out.sort((a, b) => treeOrder(a.path, b.path));
  return out;
}

/** git's order of paths listed recursively: byte order, a tree's entries sorted as if its name ended in '/'. */
function treeOrder(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}
