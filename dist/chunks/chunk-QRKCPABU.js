#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  git,
  gitText,
  readBlobs
} from "./chunk-JZKVDZZB.js";

// src/evidence/evidence.ts
import { createHmac, timingSafeEqual } from "node:crypto";
function canonicalJson(v) {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).filter((k) => v[k] !== void 0).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
function mac(note, commit, key) {
  const { mac: _ignored, ...body } = note;
  return createHmac("sha256", key).update(`${commit}
${canonicalJson(body)}`).digest("hex");
}
function signNote(note, commit, key) {
  if (!key) {
    const { mac: _drop, ...unsigned } = note;
    return unsigned;
  }
  return { ...note, mac: mac(note, commit, key) };
}
function isTrusted(note, commit, key) {
  if (!key || !note.mac || !/^[0-9a-f]{64}$/.test(note.mac)) return false;
  const want = Buffer.from(mac(note, commit, key), "hex");
  return timingSafeEqual(want, Buffer.from(note.mac, "hex"));
}
function parseNote(text) {
  try {
    const v = JSON.parse(text);
    return v && v.version === 1 && Array.isArray(v.leases) ? v : void 0;
  } catch {
    return void 0;
  }
}

// src/git/evidence-notes.ts
var NOTES_REF = "refs/notes/jit";
async function readNotes(repo, only) {
  let list;
  try {
    list = await gitText(repo, ["notes", `--ref=${NOTES_REF}`, "list"]);
  } catch {
    return /* @__PURE__ */ new Map();
  }
  const pairs = list.split("\n").filter(Boolean).map((l) => l.split(" ")).filter(([, object]) => !only || only(object));
  const blobs = await readBlobs(repo, pairs.map(([blob]) => blob));
  const out = /* @__PURE__ */ new Map();
  for (const [blob, commit] of pairs) out.set(commit, (blobs.get(blob) ?? Buffer.alloc(0)).toString("utf8"));
  return out;
}
async function writeNote(repo, commit, text) {
  await git(repo, ["-c", "user.name=jit-access", "-c", "user.email=jit-access@users.noreply.github.com", "notes", `--ref=${NOTES_REF}`, "add", "-f", "-F", "-", commit], text);
}
async function pushNotesWithRetry(repo, remote, attempts = 5) {
  let error;
  for (let i = 0; i < attempts; i++) {
    try {
      await git(repo, ["push", "-q", remote, `${NOTES_REF}:${NOTES_REF}`]);
      return void 0;
    } catch (e) {
      error = e.message;
    }
    try {
      await git(repo, ["fetch", "-q", remote, `+${NOTES_REF}:${NOTES_REF}-remote`]);
      await git(repo, ["-c", "user.name=jit-access", "-c", "user.email=jit-access@users.noreply.github.com", "notes", `--ref=${NOTES_REF}`, "merge", "-q", "-s", "ours", `${NOTES_REF}-remote`]);
    } catch (e) {
      return e.message;
    }
  }
  return error;
}
async function readNote(repo, commit) {
  try {
    return await gitText(repo, ["notes", `--ref=${NOTES_REF}`, "show", commit]);
  } catch {
    return void 0;
  }
}

export {
  canonicalJson,
  signNote,
  isTrusted,
  parseNote,
  NOTES_REF,
  readNotes,
  writeNote,
  pushNotesWithRetry,
  readNote
};
