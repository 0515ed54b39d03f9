/**
 * When each lease was added on a branch and how often it was extended since (for the
 * extension rules at pull request time), from the branch's lease log.
 */
import type { LeaseHistory } from "../validate/inputs.js";
import { readLeaseLog } from "./lease-log.js";

export async function leaseHistories(repo: string, ref: string, paths: string[]): Promise<Map<string, LeaseHistory>> {
  const result = new Map<string, LeaseHistory>();
  if (paths.length === 0) return result;
  const log = await readLeaseLog(repo, ref, paths);
  for (const [path, life] of log.current) {
    result.set(path, { addedAt: life.changes[0]!.time, extensions: life.changes.filter((c) => c.status === "M").length });
  }
  return result;
}
