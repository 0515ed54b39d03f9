/**
 * The life of every lease file on a branch, from one `git log` over its first-parent
 * history (each merge diffed against main's previous state, so merge, squash and rebase
 * merges all show as changes on main): when each lease was added, every later change, and
 * the leases that were removed.
 */
import { git } from "./run-git.js";

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
  const out = (
    await git(repo, ["log", "--first-parent", "--diff-merges=first-parent", "--reverse", "--no-renames", "--raw", "-z", "--no-abbrev", "--format=%x01%H %ct", ref, "--", ...paths])
  ).toString("utf8");
  const current = new Map<string, LeaseLife>();
  const ended: LeaseLife[] = [];
  for (const chunk of out.split("\x01")) {
    if (!chunk) continue;
    // "<sha> <ct>\0" then "\n:<modes> <blobs> <status>\0<path>\0" per file
    const fields = chunk.split("\0");
    const [commit = "", ct = "0"] = fields[0]!.trim().split(" ");
    const time = Number(ct) * 1000;
    for (let i = 1; i + 1 < fields.length; i += 2) {
      const meta = fields[i]!.replace(/^\n+/, "");
      if (!meta.startsWith(":")) continue;
      const [, , oldBlob = "", newBlob = "", status = ""] = meta.slice(1).split(" ");
      const path = fields[i + 1]!;
      const s = status[0];
      if (s === "A") current.set(path, { path, changes: [{ commit, time, status: "A", blob: newBlob }] });
      else if (s === "M" || s === "T") current.get(path)?.changes.push({ commit, time, status: "M", blob: newBlob });
      else if (s === "D") {
        const life = current.get(path);
        if (life) {
          life.changes.push({ commit, time, status: "D", blob: oldBlob });
          ended.push(life);
          current.delete(path);
        }
      }
    }
  }
  return { current, ended };
}
