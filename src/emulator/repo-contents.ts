/**
 * The contents API over a git-backed repository: files (base64), directories,
 * symlinks (followed when they point at a regular file in the repository, as
 * GitHub does; described with `target` otherwise) and submodules.
 */
import { posix } from "node:path";
import type { EmulatorEnv } from "./env.js";
import { notFound } from "./errors.js";
import type { GitRepository, TreeEntry } from "./git.js";
import type { RepoRecord } from "./model.js";
import type { ContentLocation } from "./views/contents.js";
import { contentFile, contentSubmodule, contentSymlink, directoryItem } from "./views/contents.js";

export interface ResolvedContent {
  json: unknown;
  /** the bytes of a file (or followed symlink), for raw media types */
  raw?: Buffer;
}

function normalizePath(path: string): string {
  return path.split("/").filter((p) => p !== "" && p !== ".").join("/");
}

function isRegularFile(e: TreeEntry): boolean {
  return e.type === "blob" && (e.mode === "100644" || e.mode === "100755");
}

function itemType(e: TreeEntry): "file" | "dir" | "symlink" | "submodule" {
  if (e.type === "tree") return "dir";
  if (e.type === "commit") return "submodule";
  return e.mode === "120000" ? "symlink" : "file";
}

async function submoduleUrl(git: GitRepository, commit: string, path: string): Promise<string> {
  const gitmodules = await git.entry(commit, ".gitmodules");
  const data = gitmodules ? await git.readBlob(gitmodules.sha) : null;
  if (data) {
    let current: string | null = null;
    for (const line of data.toString("utf8").split("\n")) {
      const p = /^\s*path\s*=\s*(.+?)\s*$/.exec(line);
      if (p) current = p[1] ?? null;
      const u = /^\s*url\s*=\s*(.+?)\s*$/.exec(line);
      if (u && current === path) return u[1] as string;
    }
  }
  return "";
}

export async function getContent(
  env: EmulatorEnv,
  repo: RepoRecord,
  rawPath: string,
  requestedRef: string | null,
  docs: string,
): Promise<ResolvedContent> {
  const git = env.git(repo);
  if (!git) throw notFound(docs, "This repository is empty.");
  const ref = requestedRef ?? repo.defaultBranch;
  const commit = await git.resolveCommit(ref);
  if (!commit) throw notFound(docs, `No commit found for the ref ${ref}`);
  const path = normalizePath(rawPath);
  const entry = await git.entry(commit, path);
  if (!entry) throw notFound(docs);
  const links = env.links;
  const loc = (e: TreeEntry, size = e.size ?? 0): ContentLocation => ({
    repo,
    ref,
    path: e.path,
    name: e.name,
    sha: e.sha,
    size,
  });

  if (entry.type === "tree") {
    const children = await git.listDirectory(commit, path);
    return { json: children.map((c) => directoryItem(links, loc(c), itemType(c))) };
  }
  if (entry.type === "commit") {
    return { json: contentSubmodule(links, loc(entry), await submoduleUrl(git, commit, path)) };
  }
  const data = (await git.readBlob(entry.sha)) ?? Buffer.alloc(0);
  if (entry.mode === "120000") {
    const target = data.toString("utf8");
    const resolved = posix.normalize(posix.join(posix.dirname(path), target));
    const inside = !posix.isAbsolute(target) && resolved !== ".." && !resolved.startsWith("../");
    const targetEntry = inside ? await git.entry(commit, resolved) : null;
    if (targetEntry && isRegularFile(targetEntry)) {
      const targetData = (await git.readBlob(targetEntry.sha)) ?? Buffer.alloc(0);
      const followed: ContentLocation = { ...loc(entry), sha: targetEntry.sha, size: targetData.length };
      return { json: contentFile(links, followed, targetData), raw: targetData };
    }
    return { json: contentSymlink(links, loc(entry, data.length), target), raw: data };
  }
  return { json: contentFile(links, loc(entry, data.length), data), raw: data };
}
