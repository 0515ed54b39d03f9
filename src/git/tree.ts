/** Files of a commit's tree under a path, with their git modes, read as data (never checked out). */
import type { FileMode, FileVersion } from "../validate/inputs.js";
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
