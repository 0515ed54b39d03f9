/**
 * A branch's first-parent chain from its tip back, newest first, with committer times, read
 * only as far as needed: one walk without diffs (`git rev-list --first-parent --timestamp`),
 * stopped as soon as `enough` says so.
 */
import { gitStream } from "./run-git.js";

export interface ChainCommit {
  sha: string;
  /** Committer time, ms. */
  time: number;
}

/** The chain from `tip` back to the first commit `enough` accepts (included), or to the root. */
export async function firstParentChain(repo: string, tip: string, enough: (c: ChainCommit) => boolean): Promise<ChainCommit[]> {
  const chain: ChainCommit[] = [];
  let pending = "";
  let done = false;
  const take = (line: string) => {
    if (done || !line) return;
    const sp = line.indexOf(" ");
    const c = { sha: line.slice(sp + 1), time: Number(line.slice(0, sp)) * 1000 };
    if (sp < 0 || !/^[0-9a-f]{40,64}$/.test(c.sha) || !Number.isFinite(c.time)) throw new Error(`git rev-list printed a line jit-access cannot read (${JSON.stringify(line.slice(0, 60))})`);
    chain.push(c);
    done = enough(c);
  };
  await gitStream(repo, ["rev-list", "--first-parent", "--timestamp", tip], (chunk) => {
    pending += chunk.toString("latin1");
    const last = pending.lastIndexOf("\n");
    if (last < 0) return;
    for (const line of pending.slice(0, last).split("\n")) take(line);
    pending = pending.slice(last + 1);
    return done ? "stop" : undefined;
  });
  take(pending);
  return chain;
}
