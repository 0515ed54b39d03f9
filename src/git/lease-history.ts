/**
 * When each lease was added on a branch and how often it was extended since, from one
 * `git log` over the branch's first-parent history (merge commits diffed against main's
 * previous state, so merge, squash and rebase merges all count once).
 */
import type { LeaseHistory } from "../validate/inputs.js";
import { git } from "./run-git.js";

export async function leaseHistories(repo: string, ref: string, paths: string[]): Promise<Map<string, LeaseHistory>> {
  const result = new Map<string, LeaseHistory>();
  if (paths.length === 0) return result;
  const out = (
    await git(repo, ["log", "--first-parent", "--diff-merges=first-parent", "--reverse", "--no-renames", "-z", "--format=%x01%ct", "--name-status", ref, "--", ...paths])
  ).toString("utf8");
  const wanted = new Set(paths);
  for (const commit of out.split("\x01")) {
    if (!commit) continue;
    const fields = commit.split("\0").map((s) => s.replace(/^\n+/, ""));
    const time = Number(fields[0]?.split("\n")[0]) * 1000;
    for (let i = 1; i + 1 < fields.length; i += 2) {
      const status = fields[i] ?? "";
      const path = fields[i + 1] ?? "";
      if (!wanted.has(path)) continue;
      if (status === "A") result.set(path, { addedAt: time, extensions: 0 });
      else if (status === "M") {
        const h = result.get(path);
        if (h) h.extensions++;
      } else if (status === "D") result.delete(path);
    }
  }
  return result;
}
