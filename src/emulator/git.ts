/**
 * Git-backed repository content: reads trees, blobs and diffs of a local
 * repository (working tree or bare): objects named by sha through one long-lived
 * `git cat-file --batch-command` (ObjectReader), everything else by running `git` with execFile.
 * Commit-graph questions (merge bases, ancestry, rev-list, commit counts) are answered
 * in-process over commits read through the reader (commit-graph.ts); git answers them when the
 * reader cannot (a shallow or grafted history, replace refs, a name it cannot take, a dead reader).
 * A pull request's diff is one git process.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { isAncestorIn, mergeBasesIn, parseCommitObject, revListIn } from "./commit-graph.js";
import type { CommitNode } from "./commit-graph.js";
import { ObjectReader, parseRawTree } from "../git/object-reader.js";

export interface TreeEntry {
  /** "100644", "100755", "120000" (symlink), "040000" (tree), "160000" (submodule) */
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  /** blob size in bytes; null for trees and submodules */
  size: number | null;
  /** full path from the repository root */
  path: string;
  name: string;
}

export interface GitDiffEntry {
  /** git's status letter: A, D, M, R, C, T */
  status: string;
  oldPath: string;
  newPath: string;
  oldSha: string;
  newSha: string;
  oldMode: string;
  newMode: string;
  additions: number;
  deletions: number;
  binary: boolean;
  patch?: string;
}

export const NULL_SHA = "0000000000000000000000000000000000000000";
const SHA_RE = /^[0-9a-f]{40}$/;

class GitFailure extends Error {
  readonly code: number | string | undefined;
  constructor(message: string, code: number | string | undefined) {
    super(message);
    this.code = code;
  }
}

function safeRef(ref: string): boolean {
  return ref.length > 0 && !ref.startsWith("-") && !/[\s\0]/.test(ref);
}

export class GitRepository {
  readonly dir: string;
  private readonly diffCache = new Map<string, Promise<GitDiffEntry[]>>();

  private readonly objects: ObjectReader;
  private readonly trees = new Map<string, Promise<TreeEntry[] | undefined>>();

  constructor(dir: string) {
    this.dir = dir;
    this.objects = new ObjectReader(dir);
  }

  // Commits read through the reader (by sha), and the commits whose whole history is loaded.
  private readonly commitReads = new Map<string, Promise<CommitNode | undefined>>();
  private readonly graph = new Map<string, CommitNode>();
  private readonly historyLoaded = new Set<string>();
  private gitCommonDir: string | null | undefined;

  /** Ends the object reader's git process. */
  close(): void {
    this.objects.close();
  }

  /** `fast` through the object reader; when it cannot answer (undefined) or fails, `slow`. */
  private async either<T>(name: string, fast: () => Promise<T | undefined>, slow: () => Promise<T>): Promise<T> {
    if (this.objects.accepts(name)) {
      try {
        const v = await fast();
        if (v !== undefined) return v;
      } catch {
        // the reader's process ended: a git process of our own answers
      }
    }
    return slow();
  }

  /** The repository's common git directory (where `shallow`, `info/grafts` and refs live), null when not found. */
  private commonDir(): string | null {
    if (this.gitCommonDir !== undefined) return this.gitCommonDir;
    let found: string | null = null;
    try {
      const dotGit = resolvePath(this.dir, ".git");
      if (existsSync(dotGit)) {
        if (statSync(dotGit).isDirectory()) found = dotGit;
        else {
          const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, "utf8"));
          if (m) {
            const gitDir = resolvePath(this.dir, m[1]!.trim());
            const common = resolvePath(gitDir, "commondir");
            found = existsSync(common) ? resolvePath(gitDir, readFileSync(common, "utf8").trim()) : gitDir;
          }
        }
      } else if (existsSync(resolvePath(this.dir, "HEAD")) && existsSync(resolvePath(this.dir, "objects"))) {
        found = this.dir; // bare
      }
    } catch {
      found = null;
    }
    return (this.gitCommonDir = found);
  }

  /**
   * Whether the parents git sees are the ones written in the commit objects: no shallow
   * clone, no grafts, no replace refs (checked on every question: cheap, and a history can change).
   */
  private plainHistory(): boolean {
    if (process.env.GIT_GRAFT_FILE !== undefined || process.env.GIT_REPLACE_REF_BASE !== undefined || process.env.GIT_DIR !== undefined) return false;
    const dir = this.commonDir();
    if (!dir) return false;
    if (existsSync(resolvePath(dir, "shallow")) || existsSync(resolvePath(dir, "info/grafts")) || existsSync(resolvePath(dir, "refs/replace"))) return false;
    const packed = resolvePath(dir, "packed-refs");
    return !existsSync(packed) || !readFileSync(packed, "latin1").includes(" refs/replace/");
  }

  /** A commit's tree, parents and date, read through the reader; undefined when it cannot say. */
  private commitNode(sha: string): Promise<CommitNode | undefined> {
    let p = this.commitReads.get(sha);
    if (!p) {
      p = this.objects
        .contents(sha)
        .then((got) => (got && got.info.type === "commit" && got.info.sha === sha ? parseCommitObject(got.body) : undefined));
      this.commitReads.set(sha, p);
      p.then(
        (v) => v === undefined && this.commitReads.delete(sha),
        () => this.commitReads.delete(sha),
      );
    }
    return p;
  }

  /** Loads every commit reachable from `tips` (full shas) into the graph; false when some commit cannot be read. */
  private async loadHistory(tips: string[]): Promise<boolean> {
    const visited = new Set<string>();
    let frontier = tips.filter((t) => !this.historyLoaded.has(t) && !visited.has(t) && visited.add(t));
    while (frontier.length) {
      const nodes = await Promise.all(frontier.map((s) => this.commitNode(s)));
      const next: string[] = [];
      for (let i = 0; i < frontier.length; i++) {
        const n = nodes[i];
        if (!n) return false;
        this.graph.set(frontier[i]!, n);
        for (const p of n.parents) {
          if (!this.historyLoaded.has(p) && !visited.has(p)) {
            visited.add(p);
            next.push(p);
          }
        }
      }
      frontier = next;
    }
    for (const v of visited) this.historyLoaded.add(v);
    return true;
  }

  /** `answer` over the loaded history of `tips` (full shas); undefined when it is git's to answer. */
  private async overHistory<T>(tips: string[], answer: () => T): Promise<T | undefined> {
    if (!tips.every((t) => SHA_RE.test(t)) || !this.objects.accepts(tips[0]!) || !this.plainHistory()) return undefined;
    try {
      return (await this.loadHistory(tips)) ? answer() : undefined;
    } catch {
      return undefined; // the reader's process ended
    }
  }

  /** The commit a name (sha, branch, tag) peels to, through the reader; undefined when it cannot say. */
  private async peelCommit(name: string): Promise<string | undefined> {
    if (!this.objects.accepts(name)) return undefined;
    try {
      const i = await this.objects.info(`${name}^{commit}`);
      return i?.type === "commit" ? i.sha : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * The entries of tree `tree` (a sha) with paths under `prefix`, in git's order; undefined when
   * the reader does not know it. Sizes of blobs are asked in one go.
   */
  private treeEntries(tree: string, prefix: string): Promise<TreeEntry[] | undefined> {
    const key = `${tree} ${prefix}`;
    let p = this.trees.get(key);
    if (!p) {
      p = (async () => {
        const got = await this.objects.contents(tree);
        if (!got || got.info.type !== "tree") return undefined;
        const raw = parseRawTree(got.body);
        return Promise.all(
          raw.map(async ({ mode, name, sha }): Promise<TreeEntry> => {
            const type: TreeEntry["type"] = mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob";
            const size = type === "blob" ? ((await this.objects.info(sha))?.size ?? null) : null;
            return { mode, type, sha, size, path: prefix ? `${prefix}/${name}` : name, name };
          }),
        );
      })();
      this.trees.set(key, p);
      p.then((v) => v === undefined && this.trees.delete(key), () => this.trees.delete(key));
    }
    return p;
  }

  /** Every entry under tree `tree`, trees before their contents (as `ls-tree -r -t`). */
  private async treeEntriesDeep(tree: string, prefix: string): Promise<TreeEntry[] | undefined> {
    const top = await this.treeEntries(tree, prefix);
    if (!top) return undefined;
    const subs = await Promise.all(top.map((e) => (e.type === "tree" ? this.treeEntriesDeep(e.sha, e.path) : Promise.resolve([]))));
    if (subs.some((x) => x === undefined)) return undefined;
    return top.flatMap((e, i) => [e, ...subs[i]!]);
  }

  private run(args: string[]): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      execFile(
        "git",
        ["-C", this.dir, "-c", "core.quotepath=off", ...args],
        { encoding: "buffer", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } },
        (error, stdout, stderr) => {
          if (error) {
            const code = (error as NodeJS.ErrnoException & { code?: number | string }).code;
            reject(new GitFailure(`git ${args.join(" ")}: ${stderr.toString("utf8").trim() || error.message}`, code));
          } else {
            resolve(stdout);
          }
        },
      );
    });
  }

  private async text(args: string[]): Promise<string> {
    return (await this.run(args)).toString("utf8");
  }

  /** The commit sha a ref (branch, tag, sha) points at, or null. */
  async resolveCommit(ref: string): Promise<string | null> {
    if (!safeRef(ref)) return null;
    // the reader resolves names as rev-parse does, reading refs afresh on every ask; when it
    // says "missing" (or cannot take the name), rev-parse has the last word
    const fast = await this.peelCommit(ref);
    if (fast) return fast;
    try {
      const out = (await this.text(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
      return SHA_RE.test(out) ? out : null;
    } catch {
      return null;
    }
  }

  // Commits never change, so answers about full shas are cached (a commit→PR lookup asks
  // them for every pull request of the repository).
  private readonly memo = new Map<string, Promise<unknown>>();
  private cached<T>(key: string, a: string, b: string, compute: () => Promise<T>): Promise<T> {
    if (!SHA_RE.test(a) || !SHA_RE.test(b)) return compute();
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) this.memo.set(key, (p = compute()));
    return p;
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    return this.cached(`mb ${a} ${b}`, a, b, () => this.computeMergeBase(a, b));
  }

  private async computeMergeBase(a: string, b: string): Promise<string | null> {
    const bases = await this.overHistory([a, b], () => mergeBasesIn(this.graph, a, b));
    if (bases && bases.length <= 1) return bases[0] ?? null;
    // several best common ancestors (criss-cross merges): git picks one by its own walk
    try {
      const out = (await this.text(["merge-base", a, b])).trim();
      return SHA_RE.test(out) ? out : null;
    } catch {
      return null;
    }
  }

  /** Whether commit `a` is reachable from `b`. */
  async isAncestor(a: string, b: string): Promise<boolean> {
    if (!safeRef(a) || !safeRef(b)) return false;
    const [ca, cb] = await Promise.all([this.peelCommit(a), this.peelCommit(b)]);
    if (ca && cb) {
      const fast = await this.overHistory([ca, cb], () => isAncestorIn(this.graph, ca, cb));
      if (fast !== undefined) return fast;
    }
    try {
      await this.run(["merge-base", "--is-ancestor", a, b]);
      return true;
    } catch {
      return false;
    }
  }

  /** Commits reachable from `to` but not from `from`, newest first. */
  async revList(from: string, to: string): Promise<string[]> {
    return this.cached(`rl ${from} ${to}`, from, to, () => this.computeRevList(from, to));
  }

  private async computeRevList(from: string, to: string): Promise<string[]> {
    const fast = await this.overHistory([from, to], () => revListIn(this.graph, from, to));
    if (fast) return fast;
    try {
      const out = await this.text(["rev-list", `${from}..${to}`]);
      return out.split("\n").filter((l) => SHA_RE.test(l));
    } catch {
      return [];
    }
  }

  private parseTree(out: Buffer): TreeEntry[] {
    const entries: TreeEntry[] = [];
    for (const record of out.toString("utf8").split("\0")) {
      if (record === "") continue;
      const tab = record.indexOf("\t");
      const meta = record.slice(0, tab).split(/\s+/);
      const path = record.slice(tab + 1);
      const [mode, type, sha, size] = meta;
      if (!mode || !type || !sha) continue;
      entries.push({
        mode,
        type: type as TreeEntry["type"],
        sha,
        size: size === undefined || size === "-" ? null : Number(size),
        path,
        name: path.slice(path.lastIndexOf("/") + 1),
      });
    }
    return entries;
  }

  /** The tree entry at `path` in `commit` ("" is the root tree). */
  async entry(commit: string, path: string): Promise<TreeEntry | null> {
    if (SHA_RE.test(commit)) {
      const slash = path.lastIndexOf("/");
      const dir = slash < 0 ? "" : path.slice(0, slash);
      const name = path.slice(slash + 1);
      const found = await this.either(
        path,
        async (): Promise<TreeEntry | null | undefined> => {
          const root = await this.objects.info(`${commit}^{tree}`);
          if (!root) return undefined;
          if (path === "") return { mode: "040000", type: "tree", sha: root.sha, size: null, path: "", name: "" };
          const parent = dir === "" ? root : await this.objects.info(`${commit}:${dir}`);
          if (!parent || parent.type !== "tree") return undefined;
          const entries = await this.treeEntries(parent.sha, dir);
          return entries?.find((e) => e.name === name) ?? (entries ? null : undefined);
        },
        async () => undefined,
      );
      if (found !== undefined) return found;
    }
    if (path === "") {
      const sha = (await this.text(["rev-parse", `${commit}^{tree}`])).trim();
      return { mode: "040000", type: "tree", sha, size: null, path: "", name: "" };
    }
    const out = await this.run(["ls-tree", "-z", "-l", "--full-tree", commit, "--", path]);
    return this.parseTree(out).find((e) => e.path === path) ?? null;
  }

  /** A tree object (by tree sha, commit sha or ref) and its entries, recursively when asked; null when unknown. */
  async readTree(treeish: string, recursive: boolean): Promise<{ sha: string; entries: TreeEntry[] } | null> {
    if (!safeRef(treeish)) return null;
    if (SHA_RE.test(treeish)) {
      const fast = await this.either(
        treeish,
        async () => {
          const tree = await this.objects.info(`${treeish}^{tree}`);
          if (!tree) return undefined;
          const entries = recursive ? await this.treeEntriesDeep(tree.sha, "") : await this.treeEntries(tree.sha, "");
          return entries ? { sha: tree.sha, entries } : undefined;
        },
        async () => undefined,
      );
      if (fast) return fast;
    }
    let sha: string;
    try {
      sha = (await this.text(["rev-parse", "--verify", "--quiet", `${treeish}^{tree}`])).trim();
    } catch {
      return null;
    }
    if (!SHA_RE.test(sha)) return null;
    const args = ["ls-tree", "-z", "-l"];
    if (recursive) args.push("-r", "-t");
    args.push(sha);
    return { sha, entries: this.parseTree(await this.run(args)) };
  }

  /** The entries of the directory at `path` in `commit`. */
  async listDirectory(commit: string, path: string): Promise<TreeEntry[]> {
    if (SHA_RE.test(commit)) {
      const fast = await this.either(
        path,
        async () => {
          const dir = await this.objects.info(path === "" ? `${commit}^{tree}` : `${commit}:${path}`);
          if (!dir) return undefined; // missing: git's own answer (ls-tree lists nothing)
          if (dir.type !== "tree") return [];
          return this.treeEntries(dir.sha, path);
        },
        async () => undefined,
      );
      if (fast) return fast;
    }
    const args = ["ls-tree", "-z", "-l", "--full-tree", commit];
    if (path !== "") args.push("--", `${path}/`);
    return this.parseTree(await this.run(args));
  }

  /** Blob content, or null when `sha` is not a blob of this repository. */
  async readBlob(sha: string): Promise<Buffer | null> {
    if (!SHA_RE.test(sha)) return null;
    const fast = await this.either(
      sha,
      async () => {
        const got = await this.objects.contents(sha);
        if (!got) return undefined;
        return got.info.type === "blob" ? got.body : null;
      },
      async () => undefined,
    );
    if (fast !== undefined) return fast;
    try {
      const type = (await this.text(["cat-file", "-t", sha])).trim();
      if (type !== "blob") return null;
      return await this.run(["cat-file", "blob", sha]);
    } catch {
      return null;
    }
  }

  /**
   * Files changed between `base` and `head` the way a pull request shows them:
   * a three-dot diff, from the merge base of the two to `head`, with renames.
   */
  diff(base: string, head: string): Promise<GitDiffEntry[]> {
    const cacheKey = `${base}...${head}`;
    const cacheable = SHA_RE.test(base) && SHA_RE.test(head);
    const cached = cacheable ? this.diffCache.get(cacheKey) : undefined;
    if (cached) return cached;
    const result = this.computeDiff(base, head);
    if (cacheable) {
      this.diffCache.set(cacheKey, result);
      result.catch(() => this.diffCache.delete(cacheKey));
    }
    return result;
  }

  private async computeDiff(base: string, head: string): Promise<GitDiffEntry[]> {
    const from = (await this.mergeBase(base, head)) ?? base;
    // one process, three formats: raw records, numstat records, a separator, the patch
    const out = await this.run(["diff", "--raw", "--numstat", "--patch", "-z", "--no-abbrev", ...DIFF_OPTIONS, from, head, "--"]);
    return parseCombinedDiff(out);
  }

  /** Number of commits a pull request from `base` to `head` has. */
  async commitCount(base: string, head: string): Promise<number> {
    const from = (await this.mergeBase(base, head)) ?? base;
    return (await this.revList(from, head)).length;
  }
}

const DIFF_OPTIONS = ["--no-ext-diff", "--no-textconv", "--no-color", "-M"];

/**
 * The output of `git diff --raw --numstat --patch -z`: NUL-terminated raw records (a ":"
 * metadata field, then one path, two for a rename or copy), NUL-terminated numstat records
 * (a rename's paths as two more fields), one NUL, then the patch text. Entry i takes the i-th
 * numstat row and the i-th patch, as when each format came from its own process.
 */
export function parseCombinedDiff(out: Buffer): GitDiffEntry[] {
  let pos = 0;
  const token = (): string => {
    let nul = out.indexOf(0, pos);
    if (nul < 0) nul = out.length;
    const t = out.toString("utf8", pos, nul);
    pos = nul + 1;
    return t;
  };
  const entries: GitDiffEntry[] = [];
  while (pos < out.length && out[pos] === 0x3a) {
    const [oldMode, newMode, oldSha, newSha, statusField] = token().slice(1).split(" ");
    const status = (statusField ?? "M").charAt(0);
    const first = token();
    const second = status === "R" || status === "C" ? token() : first;
    entries.push({
      status,
      oldPath: first,
      newPath: second,
      oldSha: oldSha ?? NULL_SHA,
      newSha: newSha ?? NULL_SHA,
      oldMode: oldMode ?? "000000",
      newMode: newMode ?? "000000",
      additions: 0,
      deletions: 0,
      binary: false,
    });
  }
  let row = 0;
  while (pos < out.length && out[pos] !== 0) {
    const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(token());
    if (!m) continue;
    if (m[3] === "") {
      token(); // rename/copy: old and new path follow as their own fields
      token();
    }
    const e = entries[row++];
    if (!e) continue;
    e.binary = m[1] === "-";
    e.additions = e.binary ? 0 : Number(m[1]);
    e.deletions = e.binary ? 0 : Number(m[2]);
  }
  if (pos < out.length) pos++; // the separator
  const patches = splitPatch(out.toString("utf8", pos));
  entries.forEach((e, i) => {
    const p = patches[i];
    if (p !== undefined) e.patch = p;
  });
  return entries;
}

/** One unified-diff body per file (from the first hunk on), in diff order. */
function splitPatch(out: string): Array<string | undefined> {
  const blocks = out.split(/^diff --git /m).slice(1);
  return blocks.map((block) => {
    const lines = block.split("\n");
    const start = lines.findIndex((l) => l.startsWith("@@"));
    if (start < 0) return undefined;
    return lines.slice(start).join("\n").replace(/\n$/, "");
  });
}
