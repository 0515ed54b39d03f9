/**
 * The floor under `jit audit`: the three git processes a full audit runs at once — the log
 * over main (src/git/history.ts, same arguments), the evidence notes and the lease contents
 * (`git cat-file --batch`, as src/git/run-git.ts feeds it) — with their output read and
 * thrown away: no parsing, no checking, no report. Whatever the audit does beyond reading
 * costs on top of this.
 *
 * Run as a cold process by bench/history-bench.ts (bundled to .bench/audit-floor.mjs):
 *   node .bench/audit-floor.mjs <repo made by bench/history.ts> <file of lease blob ids> [ref]
 * prints one JSON line: bytes read from each.
 */
import { readFileSync } from "node:fs";
import { NOTES_REF } from "../src/git/evidence-notes.js";
import { historyLogArgs } from "../src/git/history.js";
import { gitStream, gitText, openBlobReader } from "../src/git/run-git.js";
import { LEASES_DIR } from "../src/lease/lease-path.js";

async function main(): Promise<void> {
  const [dir, blobsFile, ref = "main"] = process.argv.slice(2);
  if (!dir || !blobsFile) throw new Error("usage: audit-floor <repo> <lease blob ids file> [ref]");
  let log = 0;
  let notes = 0;
  let leases = 0;
  const logDone = gitStream(dir, historyLogArgs(ref, [LEASES_DIR, "policy.yaml"]), (c) => {
    log += c.length;
  });
  const notesDone = (async () => {
    const list = await gitText(dir, ["notes", `--ref=${NOTES_REF}`, "list"]);
    const reader = openBlobReader(dir, (_, c) => (notes += c.length));
    for (const line of list.split("\n")) if (line) reader.want(line.slice(0, line.indexOf(" ")));
    await reader.done();
  })();
  const reader = openBlobReader(dir, (_, c) => (leases += c.length));
  for (const id of readFileSync(blobsFile, "utf8").split("\n")) if (id) reader.want(id);
  await Promise.all([logDone, notesDone, reader.done()]);
  console.log(JSON.stringify({ log, notes, leases }));
}

await main();
