#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  policyVersionOf
} from "./chunk-BW7AH64Z.js";
import {
  gitStream
} from "./chunk-RMU5QMAM.js";

// src/git/history.ts
import { randomBytes } from "node:crypto";
import { StringDecoder } from "node:string_decoder";
var SEP = "";
async function readHistory(repo, ref, paths, limits = {}, onCommit) {
  const marks = recordMarks();
  const commits = [];
  const versions = limits.policyVersions ? { path: limits.policyVersions.path, into: [] } : void 0;
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const take = (record) => {
    if (!record) return;
    const c = parseRecord(record, marks.end, versions);
    if (!c) throw new Error(`git log printed a record jit-access cannot read (${JSON.stringify(record.slice(0, 60))}\u2026)`);
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
  if (versions) limits.policyVersions.into.push(...versions.into.reverse());
  return commits.reverse();
}
function recordMarks() {
  const token = randomBytes(9).toString("base64url");
  return { start: `${token}`, end: `${token}` };
}
function historyLogArgs(ref, paths, limits = {}, marks = recordMarks()) {
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const bounds = [...limits.since !== void 0 ? [`--since=${iso(limits.since)}`] : [], ...limits.until !== void 0 ? [`--until=${iso(limits.until)}`] : []];
  const notes = limits.notesRef ? [`--notes=${limits.notesRef}`] : ["--no-notes"];
  return ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "-z", "--no-abbrev", ...notes, `--format=${marks.start.replace("", "%x01")}%H${SEP}%P${SEP}%ct${SEP}%an${SEP}%ae${SEP}%cn${SEP}%ce${SEP}%s%n%(trailers:only,unfold)${SEP}%N${marks.end.replace("", "%x03")}`, ...bounds, ref, "--", ...paths];
}
function parseRecord(chunk, endMark, versions) {
  const end = chunk.indexOf(endMark);
  if (end < 0) return void 0;
  const fields = chunk.slice(0, end).split(SEP);
  const [sha = "", parents = "", ct = ""] = fields;
  if (!/^[0-9a-f]{40,64}$/.test(sha) || !/^\d+$/.test(ct) || !/^([0-9a-f]{40,64}( |$))*$/.test(parents)) return void 0;
  const [an = "", ae = "", cn = "", ce = ""] = fields.slice(3, 7);
  const note = fields.length > 8 ? fields[fields.length - 1] : "";
  const message = fields.slice(7, fields.length > 8 ? -1 : void 0).join(SEP);
  const commit = { sha, parents: parents ? parents.split(" ") : [], authorName: an, authorEmail: ae, committerName: cn, committerEmail: ce, time: Number(ct) * 1e3, message, changes: [] };
  if (note.trim()) commit.note = note;
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
    pos = pathEnd + 1;
    while (pos < chunk.length && chunk.charCodeAt(pos) === 10) pos++;
    if (chunk.charCodeAt(pos) !== 58) break;
  }
  return commit;
}
function jitTrailers(message) {
  const groups = [];
  let current;
  for (const line of message.split("\n")) {
    const m = /^Jit-([A-Za-z-]+):\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    if (key === "lease") {
      current = {};
      groups.push(current);
    }
    if (current) current[key] = m[2].trim();
  }
  return groups;
}

export {
  readHistory,
  jitTrailers
};
