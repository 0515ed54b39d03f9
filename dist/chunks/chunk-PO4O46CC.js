#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  git,
  gitText,
  openBlobReader,
  readBlobs
} from "./chunk-LB4RHSKG.js";

// src/evidence/note-mac.ts
import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
function noteMac(text, key) {
  return createHmac("sha256", secretKey(key)).update(text).digest("hex");
}
function macVerifies(given, text, key) {
  if (!key || typeof given !== "string" || !/^[0-9a-f]{64}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(noteMac(text(), key), "hex"), Buffer.from(given, "hex"));
}
var lastKey;
function secretKey(text) {
  if (lastKey?.text !== text) lastKey = { text, key: createSecretKey(Buffer.from(text, "utf8")) };
  return lastKey.key;
}

// src/evidence/evidence.ts
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
function signedText(note, commit) {
  const { mac: _ignored, ...body } = note;
  return `${commit}
${canonicalJson(body)}`;
}
function signNote(note, commit, key) {
  if (!key) {
    const { mac: _drop, ...unsigned } = note;
    return unsigned;
  }
  return { ...note, mac: noteMac(signedText(note, commit), key) };
}
function isTrusted(note, commit, key) {
  return macVerifies(note.mac, () => signedText(note, commit), key);
}
function parseNote(text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (!isObject(v) || v.version !== 1 || !Array.isArray(v.leases) || !v.leases.every(isLeaseEvidence)) return void 0;
  if (v.grants !== void 0 && !(Array.isArray(v.grants) && v.grants.every((g) => isObject(g) && ["lease", "resource", "grantee", "role", "status", "at"].every((k) => typeof g[k] === "string")))) return void 0;
  if (v.breakGlass !== void 0 && !Array.isArray(v.breakGlass) || v.drift !== void 0 && !Array.isArray(v.drift)) return void 0;
  return v;
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var strings = (v, keys) => isObject(v) && keys.every((k) => typeof v[k] === "string");
function isLeaseEvidence(v) {
  if (!strings(v, ["lease", "blob", "policyCommit", "verifiedAt"]) || !isObject(v)) return false;
  if (v.verdict !== "approved" && v.verdict !== "rejected") return false;
  if (!Array.isArray(v.findings) || !v.findings.every((f) => typeof f === "string")) return false;
  if (!Array.isArray(v.approvals) || !v.approvals.every((a) => strings(a, ["reviewer", "commit", "submittedAt"]))) return false;
  const pr = v.pullRequest;
  if (pr === void 0) return true;
  return isObject(pr) && typeof pr.number === "number" && strings(pr, ["author", "headSha"]) && (pr.requester === void 0 || typeof pr.requester === "string") && (pr.mergedAt === void 0 || typeof pr.mergedAt === "string");
}

// src/evidence/merge-notes.ts
function mergeEvidenceNotes(object, ours, theirs, key) {
  const a = parseNote(ours);
  const b = parseNote(theirs);
  const ok = (n) => n !== void 0 && (!key || isTrusted(n, object, key));
  if (!ok(a)) return ok(b) ? theirs : ours;
  if (!ok(b)) return ours;
  const union = (x, y, id, prefer) => {
    const out = /* @__PURE__ */ new Map();
    for (const v of [...x ?? [], ...y ?? []]) {
      const k = id(v);
      const had = out.get(k);
      if (had === void 0 || prefer?.(v) && !prefer(had)) out.set(k, v);
    }
    return [...out.values()];
  };
  const merged = {
    version: 1,
    // Ours first: for a change both verified, our (newer) verdict stands.
    leases: union(a.leases, b.leases, (e) => `${e.lease}\0${e.blob}`),
    grants: union(a.grants, b.grants, (g) => JSON.stringify([g.lease, g.resource, g.grantee, g.role, g.at])),
    // A record someone marked ended stays ended.
    breakGlass: union(a.breakGlass, b.breakGlass, (r) => JSON.stringify([r.pullRequest, r.lease, r.blob, r.grantedAt]), (r) => r.ended !== void 0),
    drift: union(a.drift, b.drift, (d) => JSON.stringify([d.resource, d.grantee, d.role, d.revokedAt]))
  };
  for (const k of ["grants", "breakGlass", "drift"]) if (merged[k]?.length === 0) delete merged[k];
  return formatNote(signNote(merged, object, key));
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
async function updateNote(repo, object, key, change) {
  const text = await readNote(repo, object);
  const old = text !== void 0 ? parseNote(text) : void 0;
  const base = old && (!key || isTrusted(old, object, key)) ? old : { version: 1, leases: [] };
  await writeNote(repo, object, formatNote(signNote(change(base), object, key)));
}
async function pushNotesWithRetry(repo, remote, key, attempts = 5) {
  let error;
  for (let i = 0; i < attempts; i++) {
    try {
      await git(repo, ["push", "-q", remote, `${NOTES_REF}:${NOTES_REF}`]);
      return void 0;
    } catch (e) {
      error = e.message;
    }
    try {
      await git(repo, ["fetch", "-q", remote, `+${NOTES_REF}:${REMOTE_NOTES}`]);
      await rebaseNotes(repo, key);
    } catch (e) {
      return e.message;
    }
  }
  return error;
}
var REMOTE_NOTES = `${NOTES_REF}-remote`;
async function rebaseNotes(repo, key) {
  const base = (await gitText(repo, ["merge-base", NOTES_REF, REMOTE_NOTES]).catch(() => "")).trim();
  const [ours, theirs, before] = await Promise.all([notesTree(repo, NOTES_REF), notesTree(repo, REMOTE_NOTES), base ? notesTree(repo, base) : Promise.resolve(/* @__PURE__ */ new Map())]);
  const mine = [...ours].filter(([object, blob]) => before.get(object) !== blob);
  const texts = await readBlobs(repo, mine.flatMap(([object, blob]) => [blob, ...theirs.has(object) ? [theirs.get(object)] : []]));
  const text = (blob) => blob === void 0 ? void 0 : texts.get(blob)?.toString("utf8");
  await git(repo, ["update-ref", NOTES_REF, REMOTE_NOTES]);
  for (const [object, blob] of mine) {
    const theirsText = text(theirs.get(object));
    const merged = theirsText === void 0 || theirs.get(object) === before.get(object) ? text(blob) : mergeEvidenceNotes(object, text(blob), theirsText, key);
    await writeNote(repo, object, merged);
  }
}
async function notesTree(repo, commitish) {
  const out = /* @__PURE__ */ new Map();
  for (const line of (await gitText(repo, ["ls-tree", "-r", "-z", commitish])).split("\0")) {
    const tab = line.indexOf("	");
    if (tab < 0) continue;
    const blob = line.slice(0, tab).split(" ")[2];
    if (blob) out.set(line.slice(tab + 1).replaceAll("/", ""), blob);
  }
  return out;
}
async function readNote(repo, commit) {
  try {
    return await gitText(repo, ["notes", `--ref=${NOTES_REF}`, "show", commit]);
  } catch {
    return void 0;
  }
}

export {
  macVerifies,
  isDriftRevocation,
  canonicalJson,
  isTrusted,
  parseNote,
  NOTES_REF,
  readNotes,
  updateNote,
  pushNotesWithRetry,
  readNote
};
