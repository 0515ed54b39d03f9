/**
 * The life of every lease file on a branch, from one `git log` over its first-parent
 * history (each merge diffed against main's previous state, so merge, squash and rebase
 * merges all show as changes on main): when each lease was added, every later change, and
 * the leases that were removed.
 */
import { policyVersionOf } from "./policy-log.js";
import type { PolicyVersion } from "./policy-log.js";
import { repoSession } from "./git-session.js";
import { gitStream } from "./run-git.js";

export interface LeaseChange {
  commit: string;
  /** Committer time on main, ms. */
  time: number;
  status: "A" | "M" | "D";
  /** Blob of the new content (A, M) or of the removed content (D). */
  blob: string;
}

export interface LeaseLife {
  path: string;
  /** Changes in order; the first is the add. */
  changes: LeaseChange[];
}

export interface LeaseLog {
  /** Leases present at the tip, by path. */
  current: Map<string, LeaseLife>;
  /** Earlier lives that ended with a removal (a path can live several times). */
  ended: LeaseLife[];
}

export async function readLeaseLog(repo: string, ref: string, paths: string[] = ["leases"]): Promise<LeaseLog> {
  return (await readLog(repo, ref, paths)).log;
}

/**
 * The lease log of `leases/` and the versions of the policy file (as readPolicyLog reads
 * them), from one walk of the history: a run needs both, and each walk diffs every commit.
 */
export async function readLeaseAndPolicyLog(repo: string, ref: string, policyPath: string): Promise<{ log: LeaseLog; policyVersions: PolicyVersion[] }> {
  return readLog(repo, ref, ["leases"], policyPath);
}

async function readLog(repo: string, ref: string, paths: string[], policyPath?: string): Promise<{ log: LeaseLog; policyVersions: PolicyVersion[] }> {
  // In a git session, one walk per commit: a scoped run reads the log to decide its scope and
  // apply reads it again at the same commit. Keyed by the commit the ref names now (a ref moves).
  const session = repoSession(repo);
  const at = session ? await session.resolve(`${ref}^{commit}`) : undefined;
  if (session && at?.type === "commit") return session.memo(`log\0${at.sha}\0${paths.join("\0")}\0${policyPath ?? ""}`, () => walkLog(repo, at.sha, paths, policyPath));
  return walkLog(repo, ref, paths, policyPath);
}

async function walkLog(repo: string, ref: string, paths: string[], policyPath?: string): Promise<{ log: LeaseLog; policyVersions: PolicyVersion[] }> {
  // Newest first, parsed while git walks (with --reverse git would say nothing until its walk
  // is over); the changes are then replayed oldest first.
  const parser = new RawLogParser();
  const pathspecs = policyPath !== undefined ? [...paths, policyPath] : paths;
  await gitStream(repo, ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "-z", "--no-abbrev", "--format=%x01%H %ct %P", ref, "--", ...pathspecs], (chunk) => parser.push(chunk));
  const commits = parser.end();
  const current = new Map<string, LeaseLife>();
  const ended: LeaseLife[] = [];
  const policyVersions: PolicyVersion[] = [];
  // Only what the lease paths alone would match is a lease change (the policy's pathspec may match more).
  const inPaths = (path: string) => paths.some((p) => path === p || path.startsWith(`${p}/`));
  for (let c = commits.length - 1; c >= 0; c--) {
    const { commit, time, parent, files } = commits[c]!;
    for (const f of files) {
      const path = f.path;
      if (policyPath !== undefined) {
        if (path === policyPath) {
          const v = policyVersionOf(commit, parent, time, f);
          if (v) policyVersions.push(v);
        }
        if (!inPaths(path)) continue;
      }
      if (f.status === "A") current.set(path, { path, changes: [{ commit, time, status: "A", blob: f.newBlob }] });
      else if (f.status === "M" || f.status === "T") current.get(path)?.changes.push({ commit, time, status: "M", blob: f.newBlob });
      else if (f.status === "D") {
        const life = current.get(path);
        if (life) {
          life.changes.push({ commit, time, status: "D", blob: f.oldBlob });
          ended.push(life);
          current.delete(path);
        }
      }
    }
  }
  return { log: { current, ended }, policyVersions };
}

interface RawCommit {
  commit: string;
  /** First parent, if any. */
  parent?: string;
  /** Committer time, ms. */
  time: number;
  files: Array<{ status: string; newMode: string; oldBlob: string; newBlob: string; path: string }>;
}

/**
 * `git log --raw -z --format=%x01%H %ct %P` output, fed in chunks: per commit "\x01<sha> <ct> <parents>\0",
 * then per file "\n:<old mode> <new mode> <old blob> <new blob> <status>\0<path>\0" (the
 * newline only before the first). Fields are NUL-separated; a chunk may end mid-field.
 */
class RawLogParser {
  private rest: Buffer | undefined;
  private readonly commits: RawCommit[] = [];
  /** The raw line whose path comes next. */
  private meta: string | undefined;

  push(chunk: Buffer): void {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    let pos = 0;
    for (let nul = buf.indexOf(0, pos); nul >= 0; nul = buf.indexOf(0, pos)) {
      this.field(buf, pos, nul);
      pos = nul + 1;
    }
    this.rest = pos < buf.length ? buf.subarray(pos) : undefined;
  }

  end(): RawCommit[] {
    if (this.rest) this.field(this.rest, 0, this.rest.length);
    this.rest = undefined;
    return this.commits;
  }

  private field(buf: Buffer, from: number, to: number): void {
    if (this.meta !== undefined) {
      const [, newMode = "", oldBlob = "", newBlob = "", status = ""] = this.meta.split(" ");
      this.meta = undefined;
      this.commits[this.commits.length - 1]?.files.push({ status: status.charAt(0), newMode, oldBlob, newBlob, path: buf.toString("utf8", from, to) });
      return;
    }
    let i = from;
    while (i < to && buf[i] === 10) i++;
    if (buf[i] === 1) {
      const [commit = "", ct = "0", parent] = buf.toString("latin1", i + 1, to).trim().split(" ");
      this.commits.push({ commit, time: Number(ct) * 1000, ...(parent ? { parent } : {}), files: [] });
    } else if (buf[i] === 58 /* ":" */) this.meta = buf.toString("latin1", i + 1, to);
  }
}
