/** Questions about commits (parents, ancestry), answered in a git session through its reader, else by git. */
import { isShallow } from "./access-repo.js";
import { FULL_SHA, repoSession } from "./git-session.js";
import { git, gitText } from "./run-git.js";

/** The empty tree of a SHA-1 repository (what a root commit's changes are compared with). */
const EMPTY_TREE_SHA1 = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

/** The first parent of a commit, or the empty tree for a root commit (nothing came before it). */
export async function firstParent(repo: string, commit: string): Promise<string> {
  const header = FULL_SHA.test(commit) ? await repoSession(repo)?.commit(commit) : undefined;
  if (header && (header.parents.length > 0 || commit.length === 40)) return header.parents[0] ?? EMPTY_TREE_SHA1;
  try {
    return (await gitText(repo, ["rev-parse", "--verify", "--quiet", `${commit}^1`])).trim();
  } catch {
    return (await gitText(repo, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  }
}

/** Commits an in-process ancestry walk reads at most before it leaves the question to git. */
const WALK_LIMIT = 20_000;

/** Is `a` an ancestor of `b` (or `b` itself)? `git merge-base --is-ancestor`, walked in process in a session. */
export async function isAncestor(repo: string, a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const walked = await walkAncestry(repo, a, b);
  if (walked !== undefined) return walked;
  return git(repo, ["merge-base", "--is-ancestor", a, b]).then(
    () => true,
    () => false,
  );
}

/** Undefined when the walk cannot answer for sure (no session, a shallow repository, an unreadable commit, too long a history). */
async function walkAncestry(repo: string, a: string, b: string): Promise<boolean | undefined> {
  const s = repoSession(repo);
  if (!s || !FULL_SHA.test(a) || !FULL_SHA.test(b)) return undefined;
  // A shallow repository's history is cut (grafted): git knows where, the objects do not say.
  if (await isShallow(repo)) return undefined;
  if (!(await s.commit(a))) return undefined;
  const seen = new Set<string>([b]);
  let level = [b];
  while (level.length > 0) {
    const headers = await Promise.all(level.map((c) => s.commit(c)));
    const next: string[] = [];
    for (const h of headers) {
      if (!h) return undefined;
      for (const p of h.parents) {
        if (p === a) return true;
        if (seen.has(p)) continue;
        seen.add(p);
        next.push(p);
      }
    }
    if (seen.size > WALK_LIMIT) return undefined;
    level = next;
  }
  return false;
}
