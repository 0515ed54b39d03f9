/**
 * A git session: the git processes and answers one command run shares (apply, expire, a
 * timer, validate, the audit), so that reading a tree, a file, a commit's parents or a note
 * costs a line on a long-lived `git cat-file --batch-command` process instead of a git
 * process each (a process start costs 7–10 ms; a run asks thousands of questions).
 *
 * The session is found through AsyncLocalStorage: the functions in src/git use it when the
 * caller runs inside `withGitSession` and behave as before when not. Objects named by a full
 * sha never change, so what is read of them is cached for the run; a ref (a branch, the notes
 * ref) moves during a run (the run commits, writes notes) and is resolved afresh every time.
 * The session ends with the run (in `finally`): its processes are closed, none is left behind.
 *
 * The reader is an optimisation only: whatever it cannot answer for sure (a name it cannot
 * take on a line, an object it says is missing, a process that died) is answered by git as
 * before (callers get `undefined` and fall back).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { resolve } from "node:path";
import { ObjectReader, parseRawTree } from "./object-reader.js";
import type { ObjectInfo } from "./object-reader.js";

/** A full object id (SHA-1 or SHA-256), lowercase. */
export const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export interface GitObject {
  type: ObjectInfo["type"];
  body: Buffer;
}

export interface TreeItem {
  mode: string;
  name: string;
  sha: string;
}

export interface CommitHeader {
  tree: string;
  parents: string[];
}

/** Bytes of blob contents a session keeps at most (trees and commits are always kept: they are small). */
const BLOB_CACHE_BYTES = 64 << 20;
/** A blob larger than this is never kept. */
const BLOB_CACHE_ONE = 1 << 20;

export class RepoSession {
  private readonly reader: ObjectReader;
  private readonly objects = new Map<string, Promise<GitObject | null | undefined>>();
  private readonly trees = new Map<string, Map<string, TreeItem>>();
  private readonly commits = new Map<string, CommitHeader>();
  private readonly memos = new Map<string, Promise<unknown>>();
  private blobBytes = 0;

  constructor(readonly dir: string) {
    this.reader = new ObjectReader(dir);
  }

  /** Whether a name can go to the reader on a line (no newline, no leading '-', the reader still works). */
  accepts(name: string): boolean {
    return this.reader.accepts(name);
  }

  /**
   * An object by full sha: null when git says it is missing, undefined when the reader could
   * not answer (the caller falls back to git).
   */
  object(sha: string): Promise<GitObject | null | undefined> {
    if (!FULL_SHA.test(sha) || !this.reader.accepts(sha)) return Promise.resolve(undefined);
    const cached = this.objects.get(sha);
    if (cached) return cached;
    const p = this.reader.contents(sha).then(
      (r) => (r ? { type: r.info.type, body: r.body } : null),
      () => undefined,
    );
    this.objects.set(sha, p);
    void p.then((o) => {
      // A miss or a failure is not kept (the object may be written later); a large blob is not kept either.
      if (!o) this.objects.delete(sha);
      else if (o.type === "blob") {
        if (o.body.length > BLOB_CACHE_ONE || this.blobBytes + o.body.length > BLOB_CACHE_BYTES) this.objects.delete(sha);
        else this.blobBytes += o.body.length;
      }
    });
    return p;
  }

  /** What a name (a ref, `<rev>^{tree}`, …) resolves to now, never cached; null when it resolves to nothing, undefined when the reader could not answer. */
  async resolve(name: string): Promise<ObjectInfo | null | undefined> {
    if (!this.reader.accepts(name)) return undefined;
    try {
      return await this.reader.info(name);
    } catch {
      return undefined;
    }
  }

  /** The entries of a tree by name, or undefined when it cannot be read as a tree. */
  async tree(sha: string): Promise<Map<string, TreeItem> | undefined> {
    const known = this.trees.get(sha);
    if (known) return known;
    const o = await this.object(sha);
    if (!o || o.type !== "tree") return undefined;
    const entries = new Map<string, TreeItem>();
    for (const e of parseRawTree(o.body)) entries.set(e.name, e);
    this.trees.set(sha, entries);
    this.objects.delete(sha); // kept parsed only
    return entries;
  }

  /** A commit's tree and parents, or undefined when it cannot be read as a commit. */
  async commit(sha: string): Promise<CommitHeader | undefined> {
    const known = this.commits.get(sha);
    if (known) return known;
    const o = await this.object(sha);
    if (!o || o.type !== "commit") return undefined;
    const header = parseCommitHeader(o.body);
    if (!header) return undefined;
    this.commits.set(sha, header);
    this.objects.delete(sha); // kept parsed only
    return header;
  }

  /** The tree of a tree-ish: a full sha (a commit or a tree, cached) or any other name (resolved now). */
  async treeOf(treeish: string): Promise<string | undefined> {
    if (FULL_SHA.test(treeish)) {
      const c = this.commits.get(treeish);
      if (c) return c.tree;
      if (this.trees.has(treeish)) return treeish;
      const o = await this.object(treeish);
      if (o?.type === "commit") return (await this.commit(treeish))?.tree;
      if (o?.type === "tree") return treeish;
      return undefined;
    }
    const info = await this.resolve(`${treeish}^{tree}`);
    return info?.type === "tree" ? info.sha : undefined;
  }

  /** An answer computed once per session (e.g. whether the repository is shallow). */
  memo<T>(key: string, make: () => Promise<T>): Promise<T> {
    let p = this.memos.get(key) as Promise<T> | undefined;
    if (!p) {
      p = make();
      this.memos.set(key, p);
      p.catch(() => this.memos.delete(key));
    }
    return p;
  }

  close(): void {
    this.reader.close();
  }
}

/** The tree and parents of a raw commit object (its header, up to the first blank line). */
export function parseCommitHeader(body: Buffer): CommitHeader | undefined {
  const end = body.indexOf("\n\n");
  const head = body.toString("utf8", 0, end < 0 ? body.length : end);
  let tree: string | undefined;
  const parents: string[] = [];
  for (const line of head.split("\n")) {
    if (tree === undefined) {
      if (!line.startsWith("tree ")) return undefined;
      tree = line.slice(5);
    } else if (line.startsWith("parent ")) parents.push(line.slice(7));
    else break; // author, committer, …: the parents come first
  }
  if (tree === undefined || !FULL_SHA.test(tree) || parents.some((p) => !FULL_SHA.test(p))) return undefined;
  return { tree, parents };
}

class GitSession {
  private readonly repos = new Map<string, RepoSession>();
  closed = false;

  repo(dir: string): RepoSession | undefined {
    if (this.closed) return undefined;
    const key = resolve(dir);
    let s = this.repos.get(key);
    if (!s) {
      s = new RepoSession(key);
      this.repos.set(key, s);
    }
    return s;
  }

  close(): void {
    this.closed = true;
    for (const s of this.repos.values()) s.close();
    this.repos.clear();
  }
}

const current = new AsyncLocalStorage<GitSession>();

/**
 * Runs `fn` in a git session (see above), closed when `fn` settles. Inside a session already
 * (e.g. expire runs apply), `fn` joins it.
 */
export async function withGitSession<T>(fn: () => Promise<T>): Promise<T> {
  if (current.getStore()) return fn();
  const session = new GitSession();
  try {
    return await current.run(session, fn);
  } finally {
    session.close();
  }
}

/** The session's view of a repository, or undefined outside a session. */
export function repoSession(dir: string): RepoSession | undefined {
  return current.getStore()?.repo(dir);
}
