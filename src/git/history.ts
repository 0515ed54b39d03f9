/**
 * The history of an access repo's main branch, for the audit: one `git log` over its
 * first-parent chain (each merge diffed against main's previous state, so merge, squash and
 * rebase merges all show as changes on main), with every commit's parents, author,
 * committer, time and message (for Jit-* trailers), and the files it changed under the
 * given paths.
 */
import { randomBytes } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
import { policyVersionOf } from "./policy-log.js";
import type { PolicyVersion } from "./policy-log.js";
import { gitStream } from "./run-git.js";

export interface FileChange {
  path: string;
  status: "A" | "M" | "D";
  /** Blob of the new content (A, M) or of the removed content (D). */
  blob: string;
}

export interface HistoryCommit {
  sha: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  committerName: string;
  committerEmail: string;
  /** Committer time, ms. */
  time: number;
  /** Subject, then the trailers. */
  message: string;
  /** The commit's note in the notes ref asked for, if any. */
  note?: string;
  changes: FileChange[];
}

const SEP = "\x02";

/**
 * Commits on the first-parent chain of `ref` that touch `paths`, oldest first. The message is
 * the subject and the trailers (all the audit reads); with `notesRef`, each commit's note.
 * git's output is parsed while git walks (newest first), then put in order.
 */
export async function readHistory(repo: string, ref: string, paths: string[], limits: HistoryLimits = {}, onCommit?: (c: HistoryCommit) => void): Promise<HistoryCommit[]> {
  // Subjects, trailers, names and notes are anyone's text and may hold any control character:
  // a record starts and its header ends with a marker nobody can know in advance, so no
  // commit can make up another commit's record or raw changes.
  const marks = recordMarks();
  const commits: HistoryCommit[] = [];
  // The policy file's versions (newest first while git walks), as readPolicyLog reads them.
  const versions = limits.policyVersions ? { path: limits.policyVersions.path, into: [] as PolicyVersion[] } : undefined;
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const take = (record: string) => {
    if (!record) return;
    const c = parseRecord(record, marks.end, versions);
    if (!c) throw new Error(`git log printed a record jit-access cannot read (${JSON.stringify(record.slice(0, 60))}…)`);
    commits.push(c);
    onCommit?.(c);
  };
  await gitStream(repo, historyLogArgs(ref, paths, limits, marks), (chunk) => {
    pending += decoder.write(chunk);
    const last = pending.lastIndexOf(marks.start);
    if (last <= 0) return;
    for (const record of pending.slice(0, last).split(marks.start)) take(record);
    pending = pending.slice(last);
  });
  pending += decoder.end();
  for (const record of pending.split(marks.start)) take(record);
  if (versions) limits.policyVersions!.into.push(...versions.into.reverse());
  return commits.reverse();
}

/** Markers of one run's records: \x01 and \x03 each followed by the same random token. */
export function recordMarks(): { start: string; end: string } {
  const token = randomBytes(9).toString("base64url");
  return { start: `\x01${token}`, end: `\x03${token}` };
}

export interface HistoryLimits {
  since?: number;
  until?: number;
  notesRef?: string;
  /**
   * Also collects the versions of this file (one of `paths`: the policy), oldest first, as
   * readPolicyLog would read them from its own walk of the history.
   */
  policyVersions?: { path: string; into: PolicyVersion[] };
}

/** The `git log` readHistory runs (also timed alone by the audit benchmark). */
export function historyLogArgs(ref: string, paths: string[], limits: HistoryLimits = {}, marks = recordMarks()): string[] {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const bounds = [...(limits.since !== undefined ? [`--since=${iso(limits.since)}`] : []), ...(limits.until !== undefined ? [`--until=${iso(limits.until)}`] : [])];
  const notes = limits.notesRef ? [`--notes=${limits.notesRef}`] : ["--no-notes"];
  return ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "-z", "--no-abbrev", ...notes, `--format=${marks.start.replace("\x01", "%x01")}%H${SEP}%P${SEP}%ct${SEP}%an${SEP}%ae${SEP}%cn${SEP}%ce${SEP}%s%n%(trailers:only,unfold)${SEP}%N${marks.end.replace("\x03", "%x03")}`, ...bounds, ref, "--", ...paths];
}

function parseRecord(chunk: string, endMark: string, versions?: { path: string; into: PolicyVersion[] }): HistoryCommit | undefined {
  const end = chunk.indexOf(endMark);
  if (end < 0) return undefined;
  // sha, parents and time come first, as git writes them; the free text after them may hold SEP.
  const fields = chunk.slice(0, end).split(SEP);
  const [sha = "", parents = "", ct = ""] = fields;
  if (!/^[0-9a-f]{40,64}$/.test(sha) || !/^\d+$/.test(ct) || !/^([0-9a-f]{40,64}( |$))*$/.test(parents)) return undefined;
  const [an = "", ae = "", cn = "", ce = ""] = fields.slice(3, 7);
  const note = fields.length > 8 ? fields[fields.length - 1]! : "";
  const message = fields.slice(7, fields.length > 8 ? -1 : undefined).join(SEP);
  const commit: HistoryCommit = { sha, parents: parents ? parents.split(" ") : [], authorName: an, authorEmail: ae, committerName: cn, committerEmail: ce, time: Number(ct) * 1000, message, changes: [] };
  if (note.trim()) commit.note = note;
  // Then, per file: ":<old mode> <new mode> <old blob> <new blob> <status>\0<path>\0".
  let pos = chunk.indexOf(":", end + endMark.length);
  while (pos >= 0) {
    const metaEnd = chunk.indexOf("\0", pos);
    const pathEnd = metaEnd < 0 ? -1 : chunk.indexOf("\0", metaEnd + 1);
    if (pathEnd < 0) break;
    const [, newMode = "", oldBlob = "", newBlob = "", status = ""] = chunk.slice(pos + 1, metaEnd).split(" ");
    const path = chunk.slice(metaEnd + 1, pathEnd);
    const s = status[0];
    if (versions && path === versions.path) {
      const v = policyVersionOf(sha, commit.parents[0], commit.time, { status: status.charAt(0), newMode, oldBlob, newBlob });
      if (v) versions.into.push(v);
    }
    if (s === "A") commit.changes.push({ path, status: "A", blob: newBlob });
    else if (s === "M" || s === "T") commit.changes.push({ path, status: "M", blob: newBlob });
    else if (s === "D") commit.changes.push({ path, status: "D", blob: oldBlob });
    // The next record starts right after this one's path (git may put a newline between).
    pos = pathEnd + 1;
    while (pos < chunk.length && chunk.charCodeAt(pos) === 0x0a) pos++;
    if (chunk.charCodeAt(pos) !== 0x3a) break;
  }
  return commit;
}

/** Jit-* trailers of a revocation commit, grouped per lease (each group starts at Jit-Lease). */
export function jitTrailers(message: string): Array<Record<string, string>> {
  const groups: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  for (const line of message.split("\n")) {
    const m = /^Jit-([A-Za-z-]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    if (key === "lease") {
      current = {};
      groups.push(current);
    }
    if (current) current[key] = m[2]!.trim();
  }
  return groups;
}
