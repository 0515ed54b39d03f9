/** JSON representations of repository contents and git blobs. */
import type { Links } from "../links.js";
import { filePath, seg } from "../links.js";
import { legacyNodeId } from "../ids.js";
import type { RepoRecord } from "../model.js";
import type { TreeEntry } from "../git.js";
import { repoApiUrl, repoHtmlUrl } from "./repos.js";

/** Base64 the way GitHub (Ruby's encode64) writes it: 60-character lines, each ending in "\n". */
export function githubBase64(data: Buffer): string {
  const b64 = data.toString("base64");
  let out = "";
  for (let i = 0; i < b64.length; i += 60) out += b64.slice(i, i + 60) + "\n";
  return out;
}

export interface ContentLocation {
  repo: RepoRecord;
  /** the ref as requested (or the default branch) */
  ref: string;
  path: string;
  name: string;
  sha: string;
  size: number;
}

function common(links: Links, loc: ContentLocation, kind: "blob" | "tree") {
  const api = repoApiUrl(links, loc.repo);
  const self = `${api}/contents/${filePath(loc.path)}?ref=${seg(loc.ref)}`;
  const git = `${api}/git/${kind === "tree" ? "trees" : "blobs"}/${loc.sha}`;
  const html = `${repoHtmlUrl(links, loc.repo)}/${kind}/${filePath(loc.ref)}/${filePath(loc.path)}`;
  return {
    name: loc.name,
    path: loc.path,
    sha: loc.sha,
    size: loc.size,
    url: self,
    html_url: html,
    git_url: git,
    download_url:
      kind === "tree"
        ? null
        : `https://raw.githubusercontent.com/${seg(loc.repo.owner.login)}/${seg(loc.repo.name)}/${filePath(loc.ref)}/${filePath(loc.path)}`,
    _links: { self, git, html },
  };
}

/** Files over 1 MB come without content ("encoding": "none"), as on GitHub. */
export const MAX_INLINE_CONTENT = 1024 * 1024;

export function contentFile(links: Links, loc: ContentLocation, data: Buffer): Record<string, unknown> {
  const inline = data.length <= MAX_INLINE_CONTENT;
  return {
    ...common(links, loc, "blob"),
    type: "file",
    content: inline ? githubBase64(data) : "",
    encoding: inline ? "base64" : "none",
  };
}

export function contentSymlink(links: Links, loc: ContentLocation, target: string): Record<string, unknown> {
  return { ...common(links, loc, "blob"), type: "symlink", target };
}

export function contentSubmodule(links: Links, loc: ContentLocation, submoduleGitUrl: string): Record<string, unknown> {
  return { ...common(links, loc, "blob"), git_url: null, download_url: null, type: "submodule", submodule_git_url: submoduleGitUrl };
}

/** One item of a directory listing; submodules are listed as "file", as GitHub does. */
export function directoryItem(
  links: Links,
  loc: ContentLocation,
  type: "file" | "dir" | "symlink" | "submodule",
): Record<string, unknown> {
  if (type === "dir") return { ...common(links, loc, "tree"), type: "dir" };
  if (type === "submodule") return { ...common(links, loc, "blob"), git_url: null, download_url: null, type: "file" };
  return { ...common(links, loc, "blob"), type };
}

/** `blob` */
export function blob(links: Links, repo: RepoRecord, sha: string, data: Buffer): Record<string, unknown> {
  return {
    sha,
    node_id: legacyNodeId("Blob", `${repo.id}:${sha}`),
    size: data.length,
    url: `${repoApiUrl(links, repo)}/git/blobs/${sha}`,
    content: githubBase64(data),
    encoding: "base64",
  };
}

/** GET /repos/{owner}/{repo}/git/trees/{tree_sha}: entries with git modes (symlinks are 120000). */
export function gitTree(links: Links, repo: RepoRecord, sha: string, entries: TreeEntry[]) {
  const api = repoApiUrl(links, repo);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...(e.type === "blob" ? { size: e.size ?? 0, url: `${api}/git/blobs/${e.sha}` } : e.type === "tree" ? { url: `${api}/git/trees/${e.sha}` } : {}),
    })),
  };
}
