/**
 * Commit-graph questions answered in-process, over commits read through the object reader
 * (no git process per question): the best common ancestors of two commits (`git merge-base
 * --all`), reachability (`git merge-base --is-ancestor`) and `git rev-list from..to` in the
 * order git gives it by default (its date-ordered, limited walk, replayed step by step,
 * clock skew and all).
 *
 * Pure: the graph is a lookup of already-loaded commits; loading is the caller's job
 * (GitRepository in git.ts), and so is falling back to git where this module cannot answer.
 */

export interface CommitNode {
  tree: string;
  parents: string[];
  /** committer time, seconds since the epoch (git's `commit->date`) */
  date: number;
}

export type CommitGraph = ReadonlyMap<string, CommitNode>;

const COMMITTER = /^committer [^>\n]*> (\d{1,15}) [+-]\d{4}$/;

/**
 * The tree, parents and committer date of a raw commit object, or undefined for anything
 * but the plain layout git writes (tree, parents, author, committer): the caller then asks git.
 */
export function parseCommitObject(body: Buffer): CommitNode | undefined {
  const end = body.indexOf("\n\n");
  const header = body.subarray(0, end < 0 ? body.length : end).toString("latin1").split("\n");
  let i = 0;
  const tree = /^tree ([0-9a-f]{40})$/.exec(header[i] ?? "")?.[1];
  if (!tree) return undefined;
  i++;
  const parents: string[] = [];
  for (let m; (m = /^parent ([0-9a-f]{40})$/.exec(header[i] ?? "")); i++) parents.push(m[1]!);
  if (!(header[i] ?? "").startsWith("author ")) return undefined;
  i++;
  const committer = COMMITTER.exec(header[i] ?? "");
  if (!committer) return undefined;
  // git stops at the header's first line that is not a parent: any "parent" after it is ignored by git too
  return { tree, parents, date: Number(committer[1]) };
}

function node(graph: CommitGraph, sha: string): CommitNode {
  const n = graph.get(sha);
  if (!n) throw new Error(`commit ${sha} not loaded`);
  return n;
}

/** Every commit reachable from `tip` (itself included). */
export function ancestors(graph: CommitGraph, tip: string): Set<string> {
  const seen = new Set<string>([tip]);
  const stack = [tip];
  while (stack.length) {
    for (const p of node(graph, stack.pop()!).parents) {
      if (!seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
    }
  }
  return seen;
}

/** Whether `a` is reachable from `b` (a commit is its own ancestor), as `git merge-base --is-ancestor a b`. */
export function isAncestorIn(graph: CommitGraph, a: string, b: string): boolean {
  if (a === b) return true;
  const seen = new Set<string>([b]);
  const stack = [b];
  while (stack.length) {
    for (const p of node(graph, stack.pop()!).parents) {
      if (p === a) return true;
      if (!seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
    }
  }
  return false;
}

/**
 * The best common ancestors of `a` and `b` (`git merge-base --all`, as a set: sorted by sha):
 * the common ancestors that are no ancestor of another common ancestor. The common ancestors
 * are closed under "parent of", so those are the ones that are no parent of a common ancestor.
 */
export function mergeBasesIn(graph: CommitGraph, a: string, b: string): string[] {
  const fromA = ancestors(graph, a);
  const common = [...ancestors(graph, b)].filter((c) => fromA.has(c));
  const below = new Set<string>();
  for (const c of common) for (const p of node(graph, c).parents) below.add(p);
  return common.filter((c) => !below.has(c)).sort();
}

const SEEN = 1;
const UNINTERESTING = 2;
const ADDED = 4;
const SLOP = 5;

/**
 * `git rev-list from..to` (no options), in git's order: git's limited walk (revision.c,
 * `limit_list`) replayed: a list ordered by committer date (newest first, ties in insertion
 * order), `from`'s side marked uninteresting as it is reached, the walk ending once only
 * uninteresting commits are left (after SLOP more steps when dates are skewed), and the
 * commits kept that are still interesting at the end.
 */
export function revListIn(graph: CommitGraph, from: string, to: string): string[] {
  const flags = new Map<string, number>();
  const parsed = new Set<string>();
  const has = (c: string, f: number): boolean => ((flags.get(c) ?? 0) & f) !== 0;
  const set = (c: string, f: number): void => void flags.set(c, (flags.get(c) ?? 0) | f);
  const date = (c: string): number => node(graph, c).date;

  // mark_parents_uninteresting: through the parents git has parsed so far
  const markOne = (c: string, pending: string[]): void => {
    if (has(c, UNINTERESTING)) return;
    set(c, UNINTERESTING);
    if (parsed.has(c)) pending.push(...node(graph, c).parents);
  };
  const markParents = (c: string): void => {
    const pending: string[] = [];
    for (const p of node(graph, c).parents) markOne(p, pending);
    while (pending.length) markOne(pending.pop()!, pending);
  };

  // the date-ordered list: insertion after every entry of the same or a later date
  const list: string[] = [];
  const insertByDate = (c: string): void => {
    const d = date(c);
    let i = 0;
    while (i < list.length && date(list[i]!) >= d) i++;
    list.splice(i, 0, c);
  };

  // prepare_revision_walk: ^from, then to; parsed; sorted by date (stable)
  parsed.add(from);
  parsed.add(to);
  set(from, UNINTERESTING);
  markParents(from);
  set(from, SEEN);
  const start = [from];
  if (!has(to, SEEN)) {
    set(to, SEEN);
    start.push(to);
  }
  start.sort((x, y) => date(y) - date(x));
  list.push(...start);

  const processParents = (c: string): void => {
    if (has(c, ADDED)) return;
    set(c, ADDED);
    if (has(c, UNINTERESTING)) {
      for (const p of node(graph, c).parents) {
        set(p, UNINTERESTING);
        parsed.add(p);
        if (node(graph, p).parents.length) markParents(p);
        if (has(p, SEEN)) continue;
        set(p, SEEN);
        insertByDate(p);
      }
      return;
    }
    for (const p of node(graph, c).parents) {
      parsed.add(p);
      if (!has(p, SEEN)) {
        set(p, SEEN);
        insertByDate(p);
      }
    }
  };

  const everybodyUninteresting = (): boolean => list.every((c) => has(c, UNINTERESTING));
  const stillInteresting = (last: number, slop: number): number => {
    if (list.length === 0) return 0;
    if (last <= date(list[0]!)) return SLOP;
    if (!everybodyUninteresting()) return SLOP;
    return slop - 1;
  };

  const out: string[] = [];
  let slop = SLOP;
  let last = Number.POSITIVE_INFINITY;
  while (list.length) {
    const c = list.shift()!;
    processParents(c);
    if (has(c, UNINTERESTING)) {
      markParents(c);
      slop = stillInteresting(last, slop);
      if (slop) continue;
      break;
    }
    last = date(c);
    out.push(c);
  }
  return out.filter((c) => !has(c, UNINTERESTING));
}
