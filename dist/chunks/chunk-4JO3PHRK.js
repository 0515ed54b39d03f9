#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  git,
  gitText,
  openBlobReader
} from "./chunk-LB4RHSKG.js";

// src/evidence/evidence.ts
import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
function isDriftRevocation(v) {
  if (!v || typeof v !== "object") return false;
  const r = v;
  return ["resource", "grantee", "role", "revokedAt"].every((k) => typeof r[k] === "string");
}
function canonicalJson(v) {
  return inSortedOrder(v) ? JSON.stringify(v) : sortedJson(v);
}
function sortedJson(v) {
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).filter((k) => v[k] !== void 0).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}
function inSortedOrder(v) {
  if (v === null) return true;
  switch (typeof v) {
    case "string":
    case "number":
    case "boolean":
      return true;
    case "object":
      break;
    default:
      return false;
  }
  if (Array.isArray(v)) {
    for (const x of v) if (x === void 0 || !inSortedOrder(x)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  let prev;
  for (const k of Object.keys(v)) {
    if (prev !== void 0 && !(prev < k)) return false;
    prev = k;
    const x = v[k];
    if (x !== void 0 && !inSortedOrder(x)) return false;
  }
  return true;
}
function formatNote(note) {
  return `${JSON.stringify(JSON.parse(canonicalJson(note)), null, 2)}
`;
}
function mac(note, commit, key) {
  const { mac: _ignored, ...body } = note;
  return createHmac("sha256", secretKey(key)).update(`${commit}
${canonicalJson(body)}`).digest("hex");
}
var lastKey;
function secretKey(text) {
  if (lastKey?.text !== text) lastKey = { text, key: createSecretKey(Buffer.from(text, "utf8")) };
  return lastKey.key;
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
async function readNotes(repo, only, onNote) {
  let list;
  try {
    list = await gitText(repo, ["notes", `--ref=${NOTES_REF}`, "list"]);
  } catch {
    return /* @__PURE__ */ new Map();
  }
  const objectsOf = /* @__PURE__ */ new Map();
  for (const line of list.split("\n")) {
    const sp = line.indexOf(" ");
    if (sp < 0) continue;
    const blob = line.slice(0, sp);
    const object = line.slice(sp + 1);
    if (only && !only(object)) continue;
    const objects = objectsOf.get(blob);
    if (objects) objects.push(object);
    else objectsOf.set(blob, [object]);
  }
  const out = /* @__PURE__ */ new Map();
  if (objectsOf.size === 0) return out;
  const reader = openBlobReader(repo, (blob, content) => {
    const text = content.toString("utf8");
    for (const object of objectsOf.get(blob) ?? []) {
      if (onNote) onNote(object, text);
      else out.set(object, text);
    }
  });
  for (const blob of objectsOf.keys()) reader.want(blob);
  await reader.done();
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
  isDriftRevocation,
  canonicalJson,
  formatNote,
  signNote,
  isTrusted,
  parseNote,
  NOTES_REF,
  readNotes,
  writeNote,
  pushNotesWithRetry,
  readNote
};
