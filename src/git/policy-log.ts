/**
 * Every version of the policy file on a branch, from one `git log` over its first-parent
 * history (each merge diffed against main's previous state, as the lease log reads it):
 * which commit brought each version, its first parent, time, blob and mode. A branch has few
 * policy versions; the log is short however long the history.
 */
import { gitText } from "./run-git.js";

export interface PolicyVersion {
  /** The commit on main that brought this version. */
  commit: string;
  /** Its first parent (main just before); undefined for a root commit. */
  parent?: string;
  /** Committer time on main, ms. */
  time: number;
  /** A: added, M: changed, D: removed (the branch has no policy file from then on). */
  status: "A" | "M" | "D";
  /** Blob of the new content (A, M) or of the removed content (D). */
  blob: string;
  /** git mode of the new content ("000000" when removed); only 100644 and 100755 are files. */
  mode: string;
}

/** The versions of `path` on the first-parent history of `ref`, oldest first. */
export async function readPolicyLog(repo: string, ref: string, path: string): Promise<PolicyVersion[]> {
  const out = await gitText(repo, ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "-z", "--no-abbrev", "--format=%x01%H %ct %P", ref, "--", path]);
  const versions: PolicyVersion[] = [];
  for (const record of out.split("\x01")) {
    if (!record) continue;
    const fields = record.split("\0");
    const [commit = "", ct = "0", parent] = (fields[0] ?? "").trim().split(" ");
    if (!/^[0-9a-f]{40,64}$/.test(commit)) continue;
    // Then per file: ":<old mode> <new mode> <old blob> <new blob> <status>", "<path>".
    for (let i = 1; i + 1 < fields.length; i++) {
      const meta = fields[i]!.replace(/^\n+/, "");
      if (!meta.startsWith(":") || fields[i + 1] !== path) continue;
      const [, newMode = "", oldBlob = "", newBlob = "", status = ""] = meta.slice(1).split(" ");
      const v = policyVersionOf(commit, parent, Number(ct) * 1000, { status: status.charAt(0), newMode, oldBlob, newBlob });
      if (v) versions.push(v);
      i++;
    }
  }
  return versions.reverse();
}

/** The version a raw change of the policy file brings (A, M or T, D; others are none). */
export function policyVersionOf(commit: string, parent: string | undefined, time: number, f: { status: string; newMode: string; oldBlob: string; newBlob: string }): PolicyVersion | undefined {
  const s = f.status;
  const kind = s === "A" ? "A" : s === "D" ? "D" : s === "M" || s === "T" ? "M" : undefined;
  if (!kind) return undefined;
  return { commit, ...(parent ? { parent } : {}), time, status: kind, blob: kind === "D" ? f.oldBlob : f.newBlob, mode: kind === "D" ? "000000" : f.newMode };
}
