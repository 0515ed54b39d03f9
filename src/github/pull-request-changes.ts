/**
 * A pull request's changed files, read through the API as data: the file list GitHub
 * computed (three-dot diff), and for the files validation reads, their git mode (from the
 * tree objects, so a symlink can never pass for a file) and bytes (from blob objects).
 * No pull request code is checked out or run.
 */
import { CODEOWNERS_LOCATIONS } from "../codeowners/generate-codeowners.js";
import { MAX_FILE_BYTES, MAX_POLICY_BYTES } from "../document/parse-yaml.js";
import { isUnderLeases } from "../lease/lease-path.js";
import { modeOf } from "../git/tree.js";
import type { FileChange, FileVersion } from "../validate/inputs.js";
import type { GitHubClient } from "./client.js";

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  baseSha: string;
}

type TreeEntry = { path?: string; mode?: string; type?: string; sha?: string; size?: number };

/** Looks up paths in a commit's tree one directory level at a time, caching each tree. */
class TreeReader {
  private trees = new Map<string, Map<string, TreeEntry>>();
  constructor(
    private gh: GitHubClient,
    private owner: string,
    private repo: string,
  ) {}

  private async list(treeSha: string): Promise<Map<string, TreeEntry>> {
    let t = this.trees.get(treeSha);
    if (!t) {
      const res = await this.gh.rest.git.getTree({ owner: this.owner, repo: this.repo, tree_sha: treeSha });
      t = new Map(res.data.tree.map((e) => [e.path ?? "", e as TreeEntry]));
      this.trees.set(treeSha, t);
    }
    return t;
  }

  async entry(commitSha: string, path: string): Promise<TreeEntry | undefined> {
    let treeSha = commitSha;
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) {
      const e = (await this.list(treeSha)).get(parts[i] ?? "");
      if (!e) return undefined;
      if (i === parts.length - 1) return e;
      if (e.type !== "tree" || !e.sha) return undefined;
      treeSha = e.sha;
    }
    return undefined;
  }
}

export async function pullRequestChanges(gh: GitHubClient, pr: PullRequestRef, policyPath: string): Promise<FileChange[]> {
  const files = await gh.paginate(gh.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
  const trees = new TreeReader(gh, pr.owner, pr.repo);
  const needsContent = (p: string) => isUnderLeases(p) || p === policyPath || (CODEOWNERS_LOCATIONS as readonly string[]).includes(p);

  const read = async (commit: string, path: string): Promise<FileVersion | undefined> => {
    const e = await trees.entry(commit, path);
    if (!e || !e.sha) return undefined;
    const mode = modeOf(e.mode ?? "100644");
    if (mode === "submodule") return { path, mode, bytes: new Uint8Array() };
    const limit = path === policyPath ? MAX_POLICY_BYTES : MAX_FILE_BYTES;
    if ((e.size ?? 0) > limit) return { path, mode, bytes: new Uint8Array(limit + 1) };
    const blob = await gh.rest.git.getBlob({ owner: pr.owner, repo: pr.repo, file_sha: e.sha });
    return { path, mode, bytes: Buffer.from(blob.data.content, blob.data.encoding === "base64" ? "base64" : "utf8") };
  };
  const placeholder = (path: string): FileVersion => ({ path, mode: "file", bytes: new Uint8Array() });

  const changes: FileChange[] = [];
  for (const f of files) {
    const path = f.filename;
    const previousPath = f.previous_filename ?? undefined;
    const wantHead = needsContent(path);
    const wantBase = needsContent(previousPath ?? path);
    switch (f.status) {
      case "unchanged":
        break;
      case "removed": {
        const base = wantBase ? await read(pr.baseSha, path) : undefined;
        changes.push({ status: "removed", path, base: base ?? placeholder(path) });
        break;
      }
      case "added":
      case "copied": {
        const head = wantHead ? await read(pr.headSha, path) : undefined;
        changes.push({ status: "added", path, head: head ?? placeholder(path) });
        break;
      }
      case "renamed": {
        const head = wantHead ? await read(pr.headSha, path) : undefined;
        const base = wantBase && previousPath ? await read(pr.baseSha, previousPath) : undefined;
        changes.push({ status: "renamed", path, ...(previousPath ? { previousPath } : {}), head: head ?? placeholder(path), base: base ?? placeholder(previousPath ?? path) });
        break;
      }
      default: {
        const head = wantHead ? await read(pr.headSha, path) : undefined;
        const base = wantBase ? await read(pr.baseSha, path) : undefined;
        changes.push({ status: "modified", path, head: head ?? placeholder(path), ...(base ? { base } : {}) });
      }
    }
  }
  return changes;
}
