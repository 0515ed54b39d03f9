#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/evidence/canonical-json.ts
var NATIVE_DEPTH = 256;
function canonicalJson(v) {
  return inSortedOrder(v, 0) ? JSON.stringify(v) : sortedJson(v, 0);
}
var isContainer = (v) => v !== null && typeof v === "object";
function sortedJson(v, depth) {
  if (!isContainer(v)) return JSON.stringify(v);
  if (depth > NATIVE_DEPTH) return deepSortedJson(v);
  if (Array.isArray(v)) return `[${v.map((x) => sortedJson(x, depth + 1)).join(",")}]`;
  const o = v;
  return `{${Object.keys(o).filter((k) => o[k] !== void 0).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(o[k], depth + 1)}`).join(",")}}`;
}
function deepSortedJson(root) {
  const out = [];
  const stack = [];
  const open = /* @__PURE__ */ new Set();
  const enter = (v) => {
    if (open.has(v)) throw new TypeError("canonicalJson: the value is cyclic");
    open.add(v);
    if (Array.isArray(v)) {
      out.push("[");
      stack.push({ value: v, keys: void 0, i: 0 });
    } else {
      const o = v;
      out.push("{");
      stack.push({ value: v, keys: Object.keys(o).filter((k) => o[k] !== void 0).sort(), i: 0 });
    }
  };
  enter(root);
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    const n = f.keys ? f.keys.length : f.value.length;
    if (f.i === n) {
      out.push(f.keys ? "}" : "]");
      open.delete(f.value);
      stack.pop();
      continue;
    }
    if (f.i > 0) out.push(",");
    let x;
    if (f.keys) {
      const k = f.keys[f.i++];
      out.push(JSON.stringify(k), ":");
      x = f.value[k];
      if (!isContainer(x)) out.push(String(JSON.stringify(x)));
    } else {
      x = f.value[f.i++];
      if (!isContainer(x)) out.push(JSON.stringify(x) ?? "");
    }
    if (isContainer(x)) enter(x);
  }
  return out.join("");
}
function inSortedOrder(v, depth) {
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
  if (depth > NATIVE_DEPTH) return false;
  if (Array.isArray(v)) {
    for (const x of v) if (x === void 0 || !inSortedOrder(x, depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  let prev;
  for (const k of Object.keys(v)) {
    if (prev !== void 0 && !(prev < k)) return false;
    prev = k;
    const x = v[k];
    if (x !== void 0 && !inSortedOrder(x, depth + 1)) return false;
  }
  return true;
}

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

// src/evidence/note-text.ts
var MAX_NOTE_BYTES = 32 * 1024 * 1024;
var MAX_NOTE_DEPTH = 16;
var MIB = 1024 * 1024;
function noteTextProblem(text) {
  if (text.length > MAX_NOTE_BYTES || text.length * 3 > MAX_NOTE_BYTES && Buffer.byteLength(text, "utf8") > MAX_NOTE_BYTES) {
    return `it is over the size limit of ${MAX_NOTE_BYTES / MIB} MiB`;
  }
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let q = text.indexOf('"', i + 1);
      while (q >= 0 && text.charCodeAt(q - 1) === 92) {
        let n = 1;
        while (text.charCodeAt(q - 1 - n) === 92) n++;
        if (n % 2 === 0) break;
        q = text.indexOf('"', q + 1);
      }
      if (q < 0) return void 0;
      i = q;
    } else if (c === 123 || c === 91) {
      if (++depth > MAX_NOTE_DEPTH) return `it is nested deeper than ${MAX_NOTE_DEPTH} levels`;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return void 0;
}

// src/evidence/request-note.ts
var DOMAIN = "jit-access request note v1";
function signedText(note, commit) {
  const { mac: _ignored, ...body } = note;
  return `${DOMAIN}
${commit}
${canonicalJson(body)}`;
}
function isTrustedRequestNote(note, commit, key) {
  try {
    return macVerifies(note.mac, () => signedText(note, commit), key);
  } catch {
    return false;
  }
}
function parseRequestNote(text) {
  if (noteTextProblem(text) !== void 0) return void 0;
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return void 0;
  }
  return isRequestNote(v) ? v : void 0;
}
function isRequestNote(v) {
  const n = v;
  if (!n || typeof n !== "object" || n.version !== 1 || n.kind !== "request" || !n.request || typeof n.request !== "object") return false;
  const r = n.request;
  for (const k of ["repository", "branch", "actor", "lease", "blob", "requestedAt"]) if (typeof r[k] !== "string") return false;
  return r.run === void 0 || typeof r.run === "string";
}

// src/evidence/evidence.ts
function noteSigner(owner, repo, key) {
  return { repository: `${owner}/${repo}`.toLowerCase(), key };
}
function isDriftHolder(v) {
  if (!v || typeof v !== "object") return false;
  const r = v;
  return ["lease", "resource", "grantee", "role", "from", "until"].every((k) => typeof r[k] === "string") && (r.stillHeld === void 0 || typeof r.stillHeld === "boolean");
}
function isDriftRevocation(v) {
  if (!v || typeof v !== "object") return false;
  const r = v;
  return ["resource", "grantee", "role", "revokedAt"].every((k) => typeof r[k] === "string");
}
function formatNote(note) {
  return `${JSON.stringify(JSON.parse(canonicalJson(note)), null, 2)}
`;
}
var DOMAIN2 = "jit-access evidence note v2";
function signedText2(note, object, repository) {
  const { mac: _ignored, ...body } = note;
  return `${DOMAIN2}
${repository}
${object}
${canonicalJson(body)}`;
}
function legacyText(note, object) {
  const { mac: _ignored, ...body } = note;
  return `${object}
${canonicalJson(body)}`;
}
function signNote(note, object, signer) {
  const { mac: _drop, ...body } = note;
  const bound = { ...body, repository: signer.repository };
  if (!signer.key) return bound;
  return { ...bound, mac: noteMac(signedText2(bound, object, signer.repository), signer.key) };
}
function noteTrust(note, object, signer) {
  const key = signer.key;
  if (!key) return "untrusted";
  try {
    if (note.repository !== void 0) {
      if (typeof note.repository !== "string" || !macVerifies(note.mac, () => signedText2(note, object, note.repository), key)) return "untrusted";
      return note.repository === signer.repository ? "signed" : "other-repository";
    }
    return macVerifies(note.mac, () => legacyText(note, object), key) ? "legacy" : "untrusted";
  } catch {
    return "untrusted";
  }
}
function isTrusted(note, object, signer) {
  return signer !== void 0 && noteTrust(note, object, signer) === "signed";
}
function readEvidenceNote(object, text, signer) {
  try {
    const bound = noteTextProblem(text);
    if (bound) return { kind: "unreadable", reason: bound };
    const v = parseJson(text);
    if (v === NOT_JSON) return { kind: "unreadable", reason: "it is not JSON" };
    if (isRequestNote(v)) return { kind: "request" };
    const problem = evidenceProblem(v, true);
    if (problem) return { kind: "unreadable", reason: `it is not an evidence note (${problem})` };
    const note = v;
    const trust = signer ? noteTrust(note, object, signer) : "untrusted";
    return { kind: "evidence", note, trust, trusted: trust === "signed" };
  } catch (e) {
    return { kind: "unreadable", reason: `it could not be checked (${e instanceof Error ? e.message : String(e)})` };
  }
}
var NOTE_UNREADABLE = "note-unreadable";
function unreadableNoteMessage(object, reason) {
  return `The note in refs/notes/jit on ${object.slice(0, 7)} cannot be read: ${reason}. It was ignored (no evidence, no break-glass record). jit-access does not write such notes: someone who can push wrote it. See it with \`git notes --ref=jit show ${object}\`; remove it with \`git notes --ref=jit remove ${object}\` and push refs/notes/jit.`;
}
function parseNote(text) {
  const r = readEvidenceNote("", text, void 0);
  return r.kind === "evidence" ? r.note : void 0;
}
var NOT_JSON = /* @__PURE__ */ Symbol("not JSON");
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
function evidenceProblem(v, outer) {
  if (!isObject(v)) return "not an object";
  if (v.version !== 1) return "not version 1";
  if (!Array.isArray(v.leases)) return "no list of leases";
  const bad = v.leases.findIndex((e) => !isLeaseEvidence(e));
  if (bad >= 0) return `leases[${bad}] is not lease evidence`;
  if (v.grants !== void 0 && !(Array.isArray(v.grants) && v.grants.every((g) => isObject(g) && ["lease", "resource", "grantee", "role", "status", "at"].every((k) => typeof g[k] === "string")))) return "grants is not a list of grants";
  if (v.breakGlass !== void 0 && !Array.isArray(v.breakGlass)) return "breakGlass is not a list";
  if (v.drift !== void 0 && !Array.isArray(v.drift)) return "drift is not a list";
  if (v.policy !== void 0 && !isPolicyEvidence(v.policy)) return "policy is not a policy verdict";
  if (v.repository !== void 0 && typeof v.repository !== "string") return "repository is not a string";
  if (v.legacy !== void 0) {
    if (!outer) return "a kept legacy note keeps another";
    const inner = evidenceProblem(v.legacy, false);
    if (inner) return `legacy is not an evidence note (${inner})`;
    if (v.legacy.repository !== void 0) return "legacy names a repository";
  }
  return void 0;
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var strings = (v, keys) => isObject(v) && keys.every((k) => typeof v[k] === "string");
function isPolicyEvidence(v) {
  if (!strings(v, ["path", "blob", "policyCommit", "verifiedAt"]) || !isObject(v)) return false;
  if (v.verdict !== "approved" && v.verdict !== "rejected") return false;
  if (v.bootstrap !== void 0 && typeof v.bootstrap !== "boolean") return false;
  if (!Array.isArray(v.findings) || !v.findings.every((f) => typeof f === "string")) return false;
  if (!Array.isArray(v.approvals) || !v.approvals.every((a) => strings(a, ["reviewer", "commit", "submittedAt"]))) return false;
  const pr = v.pullRequest;
  return pr === void 0 || isObject(pr) && typeof pr.number === "number" && strings(pr, ["author", "headSha"]) && (pr.mergedAt === void 0 || typeof pr.mergedAt === "string");
}
function isLeaseEvidence(v) {
  if (!strings(v, ["lease", "blob", "policyCommit", "verifiedAt"]) || !isObject(v)) return false;
  if (v.verdict !== "approved" && v.verdict !== "rejected") return false;
  if (!Array.isArray(v.findings) || !v.findings.every((f) => typeof f === "string")) return false;
  if (!Array.isArray(v.approvals) || !v.approvals.every((a) => strings(a, ["reviewer", "commit", "submittedAt"]))) return false;
  if (v.autoApproved !== void 0 && !strings(v.autoApproved, ["rule", "resource", "grantee", "at"])) return false;
  if (v.warnings !== void 0 && !(Array.isArray(v.warnings) && v.warnings.every((w) => typeof w === "string"))) return false;
  const pr = v.pullRequest;
  if (pr === void 0) return true;
  return isObject(pr) && typeof pr.number === "number" && strings(pr, ["author", "headSha"]) && (pr.requester === void 0 || typeof pr.requester === "string") && (pr.mergedAt === void 0 || typeof pr.mergedAt === "string");
}

export {
  canonicalJson,
  noteMac,
  macVerifies,
  MAX_NOTE_BYTES,
  isTrustedRequestNote,
  parseRequestNote,
  noteSigner,
  isDriftHolder,
  isDriftRevocation,
  formatNote,
  signNote,
  noteTrust,
  isTrusted,
  readEvidenceNote,
  NOTE_UNREADABLE,
  unreadableNoteMessage,
  parseNote
};
