#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  gitStream
} from "./chunk-LB4RHSKG.js";

// src/git/history.ts
import { StringDecoder } from "node:string_decoder";
var SEP = "";
var END = "";
async function readHistory(repo, ref, paths, limits = {}, onCommit) {
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const bounds = [...limits.since !== void 0 ? [`--since=${iso(limits.since)}`] : [], ...limits.until !== void 0 ? [`--until=${iso(limits.until)}`] : []];
  const notes = limits.notesRef ? [`--notes=${limits.notesRef}`] : ["--no-notes"];
  const commits = [];
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const take = (record) => {
    if (!record) return;
    const c = parseRecord(record);
    commits.push(c);
    onCommit?.(c);
  };
  await gitStream(
    repo,
    ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "-z", "--no-abbrev", ...notes, `--format=%x01%H${SEP}%P${SEP}%ct${SEP}%an${SEP}%ae${SEP}%cn${SEP}%ce${SEP}%s%n%(trailers:only,unfold)${SEP}%N${END}`, ...bounds, ref, "--", ...paths],
    (chunk) => {
      pending += decoder.write(chunk);
      const last = pending.lastIndexOf("");
      if (last <= 0) return;
      for (const record of pending.slice(0, last).split("")) take(record);
      pending = pending.slice(last);
    }
  );
  pending += decoder.end();
  for (const record of pending.split("")) take(record);
  return commits.reverse();
}
function parseRecord(chunk) {
  const end = chunk.indexOf(END);
  const [sha = "", parents = "", ct = "0", an = "", ae = "", cn = "", ce = "", message = "", note = ""] = chunk.slice(0, end).split(SEP);
  const commit = { sha, parents: parents ? parents.split(" ") : [], authorName: an, authorEmail: ae, committerName: cn, committerEmail: ce, time: Number(ct) * 1e3, message, changes: [] };
  if (note.trim()) commit.note = note;
  const fields = chunk.slice(end + 1).replace(/^\0/, "").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const meta = fields[i].replace(/^\n+/, "");
    if (!meta.startsWith(":")) continue;
    const [, , oldBlob = "", newBlob = "", status = ""] = meta.slice(1).split(" ");
    const s = status[0];
    const path = fields[i + 1];
    if (s === "A") commit.changes.push({ path, status: "A", blob: newBlob });
    else if (s === "M" || s === "T") commit.changes.push({ path, status: "M", blob: newBlob });
    else if (s === "D") commit.changes.push({ path, status: "D", blob: oldBlob });
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
