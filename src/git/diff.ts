/**
 * The files a pull request changes, as git computes them (merge-base of base and head, to
 * head — GitHub's three-dot diff), with modes and contents read from git objects. The head
 * may also be the working tree, so a requester can check before committing.
 */
import { lstat, readFile, readlink } from "node:fs/promises";
import { join } from "node:path";
import type { FileChange, FileVersion } from "../validate/inputs.js";
import { git, gitText, readBlobs } from "./run-git.js";
import { modeOf } from "./tree.js";

const ZERO = /^0+$/;
export const WORKING_TREE = ":worktree";

interface RawChange {
  status: string;
  oldMode: string;
  newMode: string;
  oldSha: string;
  newSha: string;
  path: string;
  previousPath?: string;
}

function parseRaw(out: string): RawChange[] {
  const parts = out.split("\0");
  const changes: RawChange[] = [];
  for (let i = 0; i < parts.length; ) {
    const meta = parts[i++];
    if (!meta || !meta.startsWith(":")) continue;
    const [oldMode = "", newMode = "", oldSha = "", newSha = "", status = ""] = meta.slice(1).split(" ");
    const first = parts[i++] ?? "";
    if (status.startsWith("R") || status.startsWith("C")) {
      const second = parts[i++] ?? "";
      changes.push({ status: status[0]!, oldMode, newMode, oldSha, newSha, path: second, previousPath: first });
    } else changes.push({ status: status[0]!, oldMode, newMode, oldSha, newSha, path: first });
  }
  return changes;
}

export async function mergeBase(repo: string, a: string, b: string): Promise<string> {
  return (await gitText(repo, ["merge-base", a, b])).trim();
}

/** Changes from the merge-base of base and head to head (a ref, or WORKING_TREE). */
export async function diffChanges(repo: string, base: string, head: string): Promise<FileChange[]> {
  const headRev = head === WORKING_TREE ? "HEAD" : head;
  const from = await mergeBase(repo, base, headRev);
  const args = ["diff", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", from];
  if (head !== WORKING_TREE) args.push(head);
  const raw = parseRaw((await git(repo, [...args, "--"])).toString("utf8"));
  if (head === WORKING_TREE) {
    const untracked = (await gitText(repo, ["ls-files", "--others", "--exclude-standard", "-z"])).split("\0").filter(Boolean);
    for (const path of untracked) raw.push({ status: "A", oldMode: "000000", newMode: "", oldSha: "", newSha: "", path });
  }
  const blobs = await readBlobs(repo, raw.flatMap((c) => [c.oldSha, c.newSha]).filter((s) => s && !ZERO.test(s)));
  const version = async (path: string, mode: string, sha: string, fromWorkTree: boolean): Promise<FileVersion> => {
    if (fromWorkTree) return readWorkTreeFile(repo, path);
    return { path, mode: modeOf(mode), bytes: blobs.get(sha) ?? Buffer.alloc(0) };
  };
  const changes: FileChange[] = [];
  for (const c of raw) {
    const headFromTree = head === WORKING_TREE;
    const basePath = c.previousPath ?? c.path;
    switch (c.status) {
      case "A":
        changes.push({ status: "added", path: c.path, head: await version(c.path, c.newMode, c.newSha, headFromTree) });
        break;
      case "D":
        changes.push({ status: "removed", path: c.path, base: await version(c.path, c.oldMode, c.oldSha, false) });
        break;
      case "R":
        changes.push({ status: "renamed", path: c.path, previousPath: basePath, base: await version(basePath, c.oldMode, c.oldSha, false), head: await version(c.path, c.newMode, c.newSha, headFromTree) });
        break;
      case "C":
        changes.push({ status: "added", path: c.path, head: await version(c.path, c.newMode, c.newSha, headFromTree) });
        break;
      default: // M, T (type change), U
        changes.push({ status: "modified", path: c.path, base: await version(c.path, c.oldMode, c.oldSha, false), head: await version(c.path, c.newMode, c.newSha, headFromTree) });
    }
  }
  return changes;
}

async function readWorkTreeFile(repo: string, path: string): Promise<FileVersion> {
  const full = join(repo, path);
  const st = await lstat(full);
  if (st.isSymbolicLink()) return { path, mode: "symlink", bytes: Buffer.from(await readlink(full)) };
  return { path, mode: st.mode & 0o111 ? "executable" : "file", bytes: await readFile(full) };
}
