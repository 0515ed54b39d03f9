import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  FULL_SHA,
  MAX_FILE_BYTES,
  MINUTE_MS,
  checkSchema,
  describeSchedule,
  diagnostic,
  expandRefs,
  formatDuration,
  git,
  gitText,
  isAmong,
  isOrgMember,
  openBlobReader,
  parseDuration,
  parseRef,
  parseYamlBytes,
  readBlobs,
  repoSession,
  resourceOrg,
  withinSchedule
} from "./chunk-WCB7NMLF.js";
import {
  formatTimestamp,
  parseTimestamp
} from "./chunk-P5GKRAZF.js";

// src/git/tree.ts
function modeOf(gitMode) {
  switch (gitMode) {
    case "120000":
      return "symlink";
    case "160000":
      return "submodule";
    case "100755":
      return "executable";
    default:
      return "file";
  }
}
async function listTree(repo, ref, paths) {
  const session = repoSession(repo);
  const read = session ? await sessionListTree(session, ref, paths) : void 0;
  if (read) return read;
  const out = (await git(repo, ["ls-tree", "-r", "-z", "--full-tree", ref, "--", ...paths])).toString("utf8");
  const entries = [];
  for (const rec of out.split("\0")) {
    if (!rec) continue;
    const tab = rec.indexOf("	");
    const [mode = "", , sha = ""] = rec.slice(0, tab).split(" ");
    entries.push({ path: rec.slice(tab + 1), mode: modeOf(mode), sha });
  }
  return entries;
}
async function readTreeFiles(repo, ref, paths) {
  const entries = (await listTree(repo, ref, paths)).filter((e) => e.mode !== "submodule");
  const blobs = await readBlobs(repo, entries.map((e) => e.sha));
  return entries.map((e) => ({ path: e.path, mode: e.mode, bytes: blobs.get(e.sha) ?? Buffer.alloc(0) }));
}
async function readFileAt(repo, ref, path) {
  const [entry] = await listTree(repo, ref, [path]);
  if (!entry || entry.path !== path) return void 0;
  const blobs = await readBlobs(repo, [entry.sha]);
  return { path, mode: entry.mode, bytes: blobs.get(entry.sha) ?? Buffer.alloc(0) };
}
async function readFilesAt(repo, ref, paths) {
  const wanted = new Set(paths);
  const entries = (await listTree(repo, ref, [...wanted])).filter((e) => wanted.has(e.path));
  const blobs = await readBlobs(repo, entries.map((e) => e.sha));
  return new Map(entries.map((e) => [e.path, { path: e.path, mode: e.mode, bytes: blobs.get(e.sha) ?? Buffer.alloc(0) }]));
}
var PLAIN_PATH = /^(?!:)[^*?[\]\\]+$/;
function plainPath(path) {
  return PLAIN_PATH.test(path) && path.split("/").every((c) => c !== "" && c !== "." && c !== "..");
}
async function sessionListTree(s, ref, paths) {
  if (paths.length === 0 || !paths.every(plainPath)) return void 0;
  const root = await s.treeOf(ref);
  if (!root) return void 0;
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const emit = (path, mode, sha) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, mode: modeOf(mode), sha });
  };
  const walk = async (tree, prefix, depth) => {
    const entries = depth > 4096 ? void 0 : await s.tree(tree);
    if (!entries) return false;
    for (const e of entries.values()) {
      if (e.mode === "040000") {
        if (!await walk(e.sha, `${prefix}${e.name}/`, depth + 1)) return false;
      } else emit(`${prefix}${e.name}`, e.mode, e.sha);
    }
    return true;
  };
  for (const path of paths) {
    const parts = path.split("/");
    let tree = root;
    let found = true;
    for (let i = 0; i < parts.length; i++) {
      const entries = await s.tree(tree);
      if (!entries) return void 0;
      const e = entries.get(parts[i]);
      if (!e) {
        found = false;
        break;
      }
      if (e.mode === "040000") tree = e.sha;
      else if (i === parts.length - 1) {
        emit(path, e.mode, e.sha);
        found = false;
      } else {
        found = false;
        break;
      }
    }
    if (found && !await walk(tree, `${path}/`, 0)) return void 0;
  }
  if (paths.length > 1) out.sort((a, b) => treeOrder(a.path, b.path));
  return out;
}
function treeOrder(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}

// src/lease/load-lease.ts
function loadLease(file, bytes) {
  const doc = parseYamlBytes(file, bytes);
  if (doc.diagnostics.length > 0) return { doc, diagnostics: doc.diagnostics };
  const diagnostics = checkSchema("lease", file, doc);
  if (diagnostics.length > 0) return { doc, diagnostics };
  return { lease: doc.value, doc, diagnostics };
}

// src/validate/check-lease.ts
var NOT_BEFORE_SKEW_MS = 5 * MINUTE_MS;
var NOT_CHECKED = "check-not-made";
function leaseWindow(lease, grantedAt) {
  const notBefore = lease.notBefore !== void 0 ? parseTimestamp(lease.notBefore) : void 0;
  const start = Math.max(grantedAt, notBefore ?? grantedAt);
  const end = lease.duration !== void 0 ? start + (parseDuration(lease.duration) ?? 0) * MINUTE_MS : parseTimestamp(lease.expires ?? "") ?? start;
  return { start, end };
}
function checkLease(ctx) {
  const { file, doc, lease, policy, kind, now } = ctx;
  const out = [];
  const at = (field) => doc.locate(field ? `/${field}` : "");
  const add2 = (code, field, message, hint) => out.push(diagnostic(code, file, at(field), message, hint));
  const notChecked = (field, message, hint) => out.push(diagnostic(NOT_CHECKED, file, at(field), `Not checked: ${message}`, hint, "warning"));
  const resource = policy.resources.get(lease.resource);
  if (lease.resource !== ctx.folder) {
    add2("lease-folder-mismatch", "resource", `Lease is in leases/${ctx.folder}/ but names resource '${lease.resource}'.`, `Move the file to leases/${lease.resource}/ or set resource: ${ctx.folder}.`);
  }
  if (!resource) {
    const known = [...policy.resources.keys()].sort().join(", ");
    add2("lease-unknown-resource", "resource", `Resource '${lease.resource}' is not in the policy.`, `Use one of: ${known}.`);
    return out;
  }
  if (!resource.roles.includes(lease.role)) {
    add2("lease-role-not-allowed", "role", `Role '${lease.role}' cannot be requested for ${resource.id}.`, `Use one of: ${resource.roles.join(", ")}.`);
  }
  checkText(lease, resource, add2);
  checkBreakGlass(lease, resource, add2);
  if (kind === "extension") {
    checkExtension(ctx, resource, add2, notChecked);
  } else {
    checkTiming(lease, resource, kind === "start" ? "existing" : kind, now, add2);
  }
  if (kind !== "existing") checkWho(ctx, resource, add2, notChecked);
  return out;
}
function checkText(lease, r, add2) {
  const reason = lease.reason.trim();
  if (reason.length < r.minReasonLength) {
    add2("lease-reason-too-short", "reason", `Reason is ${reason.length} characters; ${r.id} needs at least ${r.minReasonLength}.`, "Say what you will do and why, e.g. 'Rotate prod credentials for INC-1234'.");
  }
  if (lease.ticket === void 0) {
    if (r.requireTicket) add2("lease-ticket-required", "", `${r.id} requires a ticket.`, `Add 'ticket:'${r.ticketPattern ? ` matching ${r.ticketPattern}` : ""}.`);
  } else if (r.ticketPattern !== void 0 && !new RegExp(`^(?:${r.ticketPattern})$`, "u").test(lease.ticket)) {
    add2("lease-ticket-format", "ticket", `Ticket '${lease.ticket}' does not match ${r.id}'s pattern ${r.ticketPattern}.`, "Use the ticket id exactly as your tracker writes it.");
  }
}
function checkBreakGlass(lease, r, add2) {
  if (!lease.breakGlass) return;
  if (!r.breakGlass.allowed) {
    add2("lease-break-glass-not-allowed", "breakGlass", `${r.id} does not allow break-glass access.`, "Remove 'breakGlass: true' and wait for approval.");
  }
}
function checkTiming(lease, r, kind, now, add2) {
  const notBefore = lease.notBefore !== void 0 ? parseTimestamp(lease.notBefore) : void 0;
  const expires = lease.expires !== void 0 ? parseTimestamp(lease.expires) : void 0;
  for (const [field, text, ms] of [["notBefore", lease.notBefore, notBefore], ["expires", lease.expires, expires]]) {
    if (text !== void 0 && ms === void 0) {
      add2("lease-naive-or-invalid-time", field, `${field} '${text}' is not a valid RFC 3339 time with an explicit offset.`, "Write it like 2026-11-24T12:00:00Z or 2026-11-24T13:00:00+01:00.");
      return;
    }
  }
  const max = lease.breakGlass && r.breakGlass.allowed ? Math.min(r.breakGlass.maxDurationMinutes, r.maxDurationMinutes) : r.maxDurationMinutes;
  const maxWhat = lease.breakGlass && r.breakGlass.allowed ? "break-glass maximum" : "maxDuration";
  if (lease.duration !== void 0) {
    const minutes = parseDuration(lease.duration) ?? 0;
    if (minutes <= 0) add2("lease-duration-zero", "duration", "Duration must be longer than zero.", "Use e.g. 30m, 4h or 1d.");
    else if (minutes > max) add2("lease-duration-too-long", "duration", `Duration ${lease.duration} is longer than ${r.id}'s ${maxWhat} of ${formatDuration(max)}.`, `Ask for ${formatDuration(max)} or less; extend later if needed.`);
  }
  if (notBefore !== void 0 && expires !== void 0 && notBefore >= expires) {
    add2("lease-not-before-after-expiry", "notBefore", `notBefore (${lease.notBefore}) is not before expires (${lease.expires}).`, "Start before the lease ends.");
  }
  if (kind !== "new") return;
  const start = Math.max(now, notBefore ?? now);
  if (notBefore !== void 0) {
    if (notBefore < now - NOT_BEFORE_SKEW_MS) {
      add2("lease-not-before-past", "notBefore", `notBefore ${lease.notBefore} is in the past (now is ${formatTimestamp(now)}).`, "Remove notBefore to start at merge, or pick a future time.");
    } else if (notBefore - now > r.maxScheduleAheadMinutes * MINUTE_MS) {
      add2("lease-not-before-too-far", "notBefore", `notBefore is more than ${formatDuration(r.maxScheduleAheadMinutes)} ahead, ${r.id}'s maxScheduleAhead.`, "Request closer to the time you need the access.");
    }
  }
  if (expires !== void 0) {
    if (expires <= now) {
      add2("lease-expires-past", "expires", `expires ${lease.expires} is not in the future (now is ${formatTimestamp(now)}).`, "Pick a later time or use 'duration'.");
    } else {
      const minutes = Math.ceil((expires - start) / MINUTE_MS);
      if (minutes > max) {
        add2("lease-duration-too-long", "expires", `expires ${lease.expires} is ${formatDuration(minutes)} after ${notBefore !== void 0 ? "notBefore" : "now"}, longer than ${r.id}'s ${maxWhat} of ${formatDuration(max)}.`, `End by ${formatTimestamp(start + max * MINUTE_MS)} or earlier.`);
      }
    }
  }
  if (r.schedule && !withinSchedule(start, r.schedule)) {
    add2("lease-outside-schedule", notBefore !== void 0 ? "notBefore" : "", `${r.id} accepts requests starting only in ${describeSchedule(r.schedule)}; this one starts ${formatTimestamp(start)}.`, "Request within the schedule, or set notBefore to a time inside it.");
  }
}
function checkExtension(ctx, r, add2, notChecked) {
  const { lease, previous, history, now } = ctx;
  if (!previous) return;
  for (const field2 of ["grantee", "resource", "role", "notBefore", "breakGlass"]) {
    if ((lease[field2] ?? null) !== (previous[field2] ?? null)) {
      add2("lease-immutable-field", field2 === "resource" ? "resource" : field2, `'${field2}' of an existing lease cannot change (was ${JSON.stringify(previous[field2] ?? null)}).`, "Open a new lease for different access; only duration/expires can be extended.");
    }
  }
  if (lease.duration !== void 0 && (parseDuration(lease.duration) ?? 0) <= 0) {
    add2("lease-duration-zero", "duration", "Duration must be longer than zero.", "To end access early, delete the lease file instead.");
    return;
  }
  if (previous.breakGlass) {
    add2("lease-break-glass-extension", lease.duration !== void 0 ? "duration" : "expires", "Break-glass access cannot be extended.", "Open a normal lease and have it approved.");
    return;
  }
  const field = lease.duration !== void 0 ? "duration" : "expires";
  if (!history) {
    notChecked(field, "the extension limits (maxExtensions, maxTotalDuration) need the lease's history on the base branch.", "Fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).");
    return;
  }
  const before = leaseWindow(previous, history.addedAt);
  const after = leaseWindow(lease, history.addedAt);
  if (before.end <= now) {
    add2("lease-extension-expired", field, `This lease expired at ${formatTimestamp(before.end)}; an expired lease cannot be extended.`, "Open a new lease.");
    return;
  }
  if (after.end <= before.end) {
    add2("lease-extension-not-longer", field, `The new expiry ${formatTimestamp(after.end)} is not later than the current one ${formatTimestamp(before.end)}.`, "A change to a lease may only extend it; delete the file to end access early.");
    return;
  }
  if (history.extensions + 1 > r.maxExtensions) {
    add2("lease-too-many-extensions", field, `${r.id} allows ${r.maxExtensions} extension(s); this lease has had ${history.extensions}.`, "Open a new lease instead.");
  }
  const total = Math.ceil((after.end - before.start) / MINUTE_MS);
  if (total > r.maxTotalDurationMinutes) {
    add2("lease-total-duration-exceeded", field, `With this extension the lease would last ${formatDuration(total)} in total, over ${r.id}'s maxTotalDuration of ${formatDuration(r.maxTotalDurationMinutes)}.`, `End by ${formatTimestamp(before.start + r.maxTotalDurationMinutes * MINUTE_MS)} or earlier.`);
  }
  if (r.extendAfter > 0) {
    const earliest = before.start + (before.end - before.start) * r.extendAfter;
    if (now < earliest) {
      add2("lease-extension-too-early", field, `${r.id} allows extensions only after ${Math.round(r.extendAfter * 100)}% of the window has passed (from ${formatTimestamp(earliest)}).`, "Ask again later.");
    }
  }
}
function checkWho(ctx, r, add2, notChecked) {
  const { author, lease, policy, facts } = ctx;
  if (author === void 0) {
    notChecked("grantee", "requester and grantee rules need the pull request author.", "Pass --author LOGIN.");
    return;
  }
  const org = resourceOrg(r.provider);
  const allowed = r.requesters ? isAmong(author, r.requesters, policy.groups, facts) : isOrgMember(author, org, facts);
  const who = r.requesters ? `${r.id}'s requesters (${r.requesters.join(", ")})` : `members of the ${org} organization`;
  if (allowed === false) add2("lease-requester-not-allowed", "grantee", `${author} may not request ${r.id}: only ${who} may.`, "Ask someone who may, or ask the policy admins.");
  else if (allowed === "unknown") notChecked("grantee", `whether ${author} is among ${who} (team membership was not looked up).`, "Run with a GitHub token (GITHUB_TOKEN or --token) so teams can be resolved.");
  if (lease.grantee.toLowerCase() === author.toLowerCase()) return;
  const rf = r.allowRequestFor;
  if (rf === false) {
    add2("lease-grantee-not-author", "grantee", `The grantee (${lease.grantee}) must be the pull request's author (${author}).`, `${r.id} does not allow requests on behalf of others; ${lease.grantee} should open the pull request.`);
  } else if (Array.isArray(rf)) {
    const ok = isAmong(lease.grantee, rf, policy.groups, facts);
    if (ok === false) add2("lease-grantee-not-allowed", "grantee", `${author} may not request access for ${lease.grantee}: ${r.id} allows requests for others only for ${rf.join(", ")}.`, `${lease.grantee} should open the pull request.`);
    else if (ok === "unknown") notChecked("grantee", `whether ${lease.grantee} is among ${rf.join(", ")}.`, "Run with a GitHub token so teams can be resolved.");
  }
}

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
function signRequestNote(binding, commit, key) {
  const note = { version: 1, kind: "request", request: binding };
  return { ...note, mac: noteMac(signedText(note, commit), key) };
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
function noteSigner(owner2, repo, key) {
  return { repository: `${owner2}/${repo}`.toLowerCase(), key };
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

// src/evidence/merge-notes.ts
function mergeEvidenceNotes(object, ours, theirs, signer) {
  const usable = (text) => {
    const r = readEvidenceNote(object, text, signer);
    return r.kind === "evidence" && (!signer.key || r.trusted) ? r.note : void 0;
  };
  const a = usable(ours);
  const b = usable(theirs);
  if (!a) return b ? theirs : ours;
  if (!b) return ours;
  const union = (x, y, id, prefer) => {
    const out = /* @__PURE__ */ new Map();
    for (const v of [...x ?? [], ...y ?? []].filter((r) => typeof r === "object" && r !== null)) {
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
    drift: union(a.drift, b.drift, (d) => JSON.stringify([d.resource, d.grantee, d.role, d.revokedAt])),
    // One policy version per commit: ours (newer) stands, else theirs.
    ...a.policy ?? b.policy ? { policy: a.policy ?? b.policy } : {}
  };
  for (const k of ["grants", "breakGlass", "drift"]) if (merged[k]?.length === 0) delete merged[k];
  const legacy = a.legacy ?? b.legacy;
  if (legacy) merged.legacy = legacy;
  return formatNote(signNote(merged, object, signer));
}

// src/git/evidence-notes.ts
var NOTES_REF = "refs/notes/jit";
async function readNotes(repo, only, onNote, listed) {
  const session = only || onNote || listed ? void 0 : repoSession(repo);
  const tip = session ? await session.resolve(NOTES_REF) : void 0;
  if (session && tip?.type === "commit") return new Map(await session.memo(`notes\0${tip.sha}`, async () => await sessionAllNotes(session, tip.sha) ?? readAllNotes(repo)));
  return readAllNotes(repo, only, onNote, listed);
}
async function sessionAllNotes(s, tipSha) {
  const commit = await s.commit(tipSha);
  if (!commit) return void 0;
  const blobOf = /* @__PURE__ */ new Map();
  const walk = async (tree, prefix) => {
    const entries = await s.tree(tree);
    if (!entries) return false;
    for (const e of entries.values()) {
      const path = prefix + e.name;
      if (e.mode === "040000") {
        if (/^[0-9a-f]{2}$/.test(e.name) && path.length < 62 && !await walk(e.sha, path)) return false;
      } else if (e.mode !== "160000" && FULL_SHA.test(path)) {
        if (blobOf.has(path)) return false;
        blobOf.set(path, e.sha);
      }
    }
    return true;
  };
  if (!await walk(commit.tree, "")) return void 0;
  const out = /* @__PURE__ */ new Map();
  const blobs = await Promise.all([...blobOf.values()].map((b) => s.object(b)));
  const objects = [...blobOf.keys()];
  for (let i = 0; i < objects.length; i++) {
    const blob = blobs[i];
    if (!blob || blob.type !== "blob") return void 0;
    out.set(objects[i], noteText(blob.body));
  }
  return new Map([...out].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
async function readAllNotes(repo, only, onNote, listed) {
  let list;
  try {
    list = await (listed ?? listNotes(repo));
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
    const text = noteText(content);
    for (const object of objectsOf.get(blob) ?? []) {
      if (onNote) onNote(object, text);
      else out.set(object, text);
    }
  });
  for (const blob of objectsOf.keys()) reader.want(blob);
  await reader.done();
  return out;
}
function listNotes(repo) {
  return gitText(repo, ["notes", `--ref=${NOTES_REF}`, "list"]);
}
function noteText(content) {
  return content.toString("utf8", 0, Math.min(content.length, MAX_NOTE_BYTES + 1));
}
async function writeNote(repo, commit, text) {
  await git(repo, ["-c", "user.name=jit-access", "-c", "user.email=jit-access@users.noreply.github.com", "notes", `--ref=${NOTES_REF}`, "add", "-f", "-F", "-", commit], text);
}
async function updateNote(repo, object, signer, change) {
  await writeNote(repo, object, changedNote(object, await readNote(repo, object), signer, change));
}
function changedNote(object, text, signer, change) {
  const old = text !== void 0 ? readEvidenceNote(object, text, signer) : void 0;
  let base = { version: 1, leases: [] };
  if (old?.kind === "evidence") {
    if (!signer.key || old.trust === "signed") base = old.note;
    else if (old.trust === "legacy" && old.note.legacy === void 0) base = { version: 1, leases: [], legacy: old.note };
  }
  return formatNote(signNote(change(base), object, signer));
}
async function updateNotes(repo, signer, updates) {
  const session = repoSession(repo);
  if (session && updates.length > 1 && await writeNotesAtOnce(session, repo, signer, updates)) return;
  for (const u of updates) await updateNote(repo, u.object, signer, u.change);
}
async function writeNotesAtOnce(s, repo, signer, updates) {
  if (!updates.every((u) => FULL_SHA.test(u.object))) return false;
  const tip = await s.resolve(NOTES_REF);
  if (tip === void 0 || tip !== null && tip.type !== "commit") return false;
  const texts = /* @__PURE__ */ new Map();
  const paths = [];
  for (const u of updates) {
    let old;
    if (texts.has(u.object)) old = texts.get(u.object);
    else if (tip) {
      const found = await sessionNote(s, u.object, tip.sha);
      if (found === void 0) return false;
      old = found === null ? void 0 : noteText(found.body);
      if (found !== null) paths.push(found.path);
    }
    texts.set(u.object, changedNote(u.object, old, signer, u.change));
  }
  if ([...texts.values()].some((t) => !t.endsWith("\n") || t.startsWith("\n") || /[ \t\r]\n|\n\n/.test(t))) return false;
  const message = "Notes added by 'git notes add'\n";
  let stream = `commit ${NOTES_REF}
committer jit-access <jit-access@users.noreply.github.com> now
data ${Buffer.byteLength(message)}
${message}`;
  if (tip) stream += `from ${tip.sha}
`;
  for (const path of paths) stream += `D ${path}
`;
  for (const [object, text] of texts) stream += `N inline ${object}
data ${Buffer.byteLength(text)}
${text}
`;
  try {
    await git(repo, ["fast-import", "--quiet", "--date-format=now"], stream);
  } catch {
    return false;
  }
  for (const [object, text] of texts) if (await readNote(repo, object) !== text) await writeNote(repo, object, text);
  return true;
}
async function pushNotesWithRetry(repo, remote, signer, attempts = 5) {
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
      await rebaseNotes(repo, signer);
    } catch (e) {
      return e.message;
    }
  }
  return error;
}
var REMOTE_NOTES = `${NOTES_REF}-remote`;
async function rebaseNotes(repo, signer) {
  const base = (await gitText(repo, ["merge-base", NOTES_REF, REMOTE_NOTES]).catch(() => "")).trim();
  const [ours, theirs, before] = await Promise.all([notesTree(repo, NOTES_REF), notesTree(repo, REMOTE_NOTES), base ? notesTree(repo, base) : Promise.resolve(/* @__PURE__ */ new Map())]);
  const mine = [...ours].filter(([object, blob]) => before.get(object) !== blob);
  const texts = await readBlobs(repo, mine.flatMap(([object, blob]) => [blob, ...theirs.has(object) ? [theirs.get(object)] : []]));
  const bytes = (blob) => blob === void 0 ? void 0 : texts.get(blob);
  const text = (blob) => bytes(blob)?.toString("utf8");
  await git(repo, ["update-ref", NOTES_REF, REMOTE_NOTES]);
  for (const [object, blob] of mine) {
    const theirsBytes = bytes(theirs.get(object));
    const theirsText = theirsBytes === void 0 ? void 0 : noteText(theirsBytes);
    const merged = theirsText === void 0 || theirs.get(object) === before.get(object) ? text(blob) : mergeEvidenceNotes(object, text(blob), theirsText, signer);
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
  const session = repoSession(repo);
  const found = session && FULL_SHA.test(commit) ? await sessionNote(session, commit) : void 0;
  if (found !== void 0) return found === null ? void 0 : noteText(found.body);
  try {
    return noteText(await git(repo, ["notes", `--ref=${NOTES_REF}`, "show", commit]));
  } catch {
    return void 0;
  }
}
async function sessionNote(s, object, at) {
  const tip = at !== void 0 ? { sha: at, type: "commit" } : await s.resolve(NOTES_REF);
  if (tip === void 0) return void 0;
  if (tip === null) return null;
  if (tip.type !== "commit") return void 0;
  const commit = await s.commit(tip.sha);
  if (!commit) return void 0;
  let tree = commit.tree;
  let rest = object;
  let dir = "";
  while (rest.length > 0) {
    const entries = await s.tree(tree);
    if (!entries) return void 0;
    const note = entries.get(rest);
    if (note && note.mode !== "040000" && note.mode !== "160000") {
      const blob = await s.object(note.sha);
      return blob ? { body: blob.body, path: `${dir}${rest}` } : void 0;
    }
    const fan = entries.get(rest.slice(0, 2));
    if (!fan || fan.mode !== "040000" || rest.length <= 2) return null;
    tree = fan.sha;
    dir += `${rest.slice(0, 2)}/`;
    rest = rest.slice(2);
  }
  return null;
}
async function fetchNotes(repo, remote = "origin", token) {
  const args = ["fetch", "--quiet", remote, `+${NOTES_REF}:${NOTES_REF}`];
  try {
    await git(repo, args);
    return true;
  } catch {
    if (!token) return false;
  }
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  try {
    await git(repo, args, void 0, { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraheader", GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` });
    return true;
  } catch {
    return false;
  }
}

// node_modules/@noble/hashes/_u64.js
var U32_MASK64 = /* @__PURE__ */ (() => BigInt(2 ** 32 - 1))();
var _32n = /* @__PURE__ */ BigInt(32);
function fromBig(n, le = false) {
  if (le)
    return { h: Number(n & U32_MASK64), l: Number(n >> _32n & U32_MASK64) };
  return { h: Number(n >> _32n & U32_MASK64) | 0, l: Number(n & U32_MASK64) | 0 };
}
function split(lst, le = false) {
  const len = lst.length;
  let Ah = new Uint32Array(len);
  let Al = new Uint32Array(len);
  for (let i = 0; i < len; i++) {
    const { h, l } = fromBig(lst[i], le);
    [Ah[i], Al[i]] = [h, l];
  }
  return [Ah, Al];
}
var fromNumH = (n) => n / 2 ** 32 | 0;
var fromNumL = (n) => n >>> 0;
function setU64FromNum(view, byteOffset, n, isLE2) {
  const h = fromNumH(n);
  const l = fromNumL(n);
  view.setUint32(byteOffset, isLE2 ? l : h, isLE2);
  view.setUint32(byteOffset + 4, isLE2 ? h : l, isLE2);
}
var shrSH = (h, _l, s) => h >>> s;
var shrSL = (h, l, s) => h << 32 - s | l >>> s;
var rotrSH = (h, l, s) => h >>> s | l << 32 - s;
var rotrSL = (h, l, s) => h << 32 - s | l >>> s;
var rotrBH = (h, l, s) => h << 64 - s | l >>> s - 32;
var rotrBL = (h, l, s) => h >>> s - 32 | l << 64 - s;
function add(Ah, Al, Bh, Bl) {
  const l = (Al >>> 0) + (Bl >>> 0);
  return { h: Ah + Bh + (l / 2 ** 32 | 0) | 0, l: l | 0 };
}
var add3L = (Al, Bl, Cl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0);
var add3H = (low, Ah, Bh, Ch) => Ah + Bh + Ch + (low / 2 ** 32 | 0) | 0;
var add4L = (Al, Bl, Cl, Dl) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0);
var add4H = (low, Ah, Bh, Ch, Dh) => Ah + Bh + Ch + Dh + (low / 2 ** 32 | 0) | 0;
var add5L = (Al, Bl, Cl, Dl, El) => (Al >>> 0) + (Bl >>> 0) + (Cl >>> 0) + (Dl >>> 0) + (El >>> 0);
var add5H = (low, Ah, Bh, Ch, Dh, Eh) => Ah + Bh + Ch + Dh + Eh + (low / 2 ** 32 | 0) | 0;

// node_modules/@noble/hashes/utils.js
function isBytes(a) {
  return a instanceof Uint8Array || ArrayBuffer.isView(a) && a.constructor.name === "Uint8Array" && "BYTES_PER_ELEMENT" in a && a.BYTES_PER_ELEMENT === 1;
}
var atitle = (title) => title ? `"${title}" ` : "";
function anumber(n, title = "") {
  if (typeof n !== "number")
    throw new TypeError(atitle(title) + "expected number, got " + typeof n);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(atitle(title) + "expected integer >= 0, got " + n);
  return n;
}
function abytes(value, length, title = "") {
  if (isBytes(value) && (length === void 0 || value.length === length))
    return value;
  if (length !== void 0)
    anumber(length, "length");
  const bytes = isBytes(value);
  const ofLen = length !== void 0 ? ` of length ${length}` : "";
  const got = bytes ? `length=${value.length}` : `type=${typeof value}`;
  const message = atitle(title) + "expected Uint8Array" + ofLen + ", got " + got;
  if (!bytes)
    throw new TypeError(message);
  throw new RangeError(message);
}
function ahash(h) {
  if (typeof h !== "function" || typeof h.create !== "function")
    throw new TypeError("expected hash wrapped by utils.createHasher");
  anumber(h.outputLen);
  anumber(h.blockLen);
  if (h.outputLen < 1 || h.blockLen < 1)
    throw new Error("hash blockLen / outputLen must be >= 1");
}
var aobject = (value, label) => {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError((label === "object" ? "" : `"${label}" `) + "expected object, got type=" + typeof value);
};
var aopts = (value, label) => {
  aobject(value, label);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new TypeError(`"${label}" expected plain object`);
  if (Object.hasOwn(value, "__proto__"))
    throw new TypeError(`"${label}.__proto__" is not allowed`);
};
function aexists(instance, checkFinished = true) {
  if (instance.destroyed)
    throw new Error("hash was destroyed");
  if (checkFinished && instance.finished)
    throw new Error("digest() was already called");
}
function aoutput(out, instance) {
  abytes(out, void 0, "output");
  const min = instance.outputLen;
  if (!(out.length >= min)) {
    throw new RangeError('"output" expected length >= ' + min);
  }
}
function u32(arr) {
  return new Uint32Array(arr.buffer, arr.byteOffset, Math.floor(arr.byteLength / 4));
}
function clean(...arrays) {
  for (let i = 0; i < arrays.length; i++) {
    arrays[i].fill(0);
  }
}
function createView(arr) {
  return new DataView(arr.buffer, arr.byteOffset, arr.byteLength);
}
function rotr(word, shift) {
  return word << 32 - shift | word >>> shift;
}
function rotl(word, shift) {
  return word << shift | word >>> 32 - shift >>> 0;
}
var isLE = /* @__PURE__ */ (() => new Uint8Array(new Uint32Array([287454020]).buffer)[0] === 68)();
function byteSwap(word) {
  return word << 24 & 4278190080 | word << 8 & 16711680 | word >>> 8 & 65280 | word >>> 24 & 255;
}
function byteSwap32(arr) {
  for (let i = 0; i < arr.length; i++) {
    arr[i] = byteSwap(arr[i]);
  }
  return arr;
}
var swap32IfBE = isLE ? (u) => u : byteSwap32;
var hasHexBuiltin = /* @__PURE__ */ (() => (
  // @ts-ignore
  typeof Uint8Array.from([]).toHex === "function" && typeof Uint8Array.fromHex === "function"
))();
var hexes = /* @__PURE__ */ Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function bytesToHex(bytes) {
  abytes(bytes);
  if (hasHexBuiltin)
    return bytes.toHex();
  let hex = "";
  for (let i = 0; i < bytes.length; i++) {
    hex += hexes[bytes[i]];
  }
  return hex;
}
function asciiToBase16(ch) {
  return ch >= 48 && ch <= 57 ? ch - 48 : ch >= 65 && ch <= 70 ? ch - (65 - 10) : ch >= 97 && ch <= 102 ? ch - (97 - 10) : void 0;
}
function hexToBytes(hex) {
  if (typeof hex !== "string")
    throw new TypeError("hex string expected, got " + typeof hex);
  if (hasHexBuiltin) {
    try {
      return Uint8Array.fromHex(hex);
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new RangeError(error.message);
      throw error;
    }
  }
  const hl = hex.length;
  const al = hl / 2;
  if (hl % 2)
    throw new RangeError("hex string expected, got unpadded hex of length " + hl);
  const array = new Uint8Array(al);
  for (let ai = 0, hi = 0; ai < al; ai++, hi += 2) {
    const n1 = asciiToBase16(hex.charCodeAt(hi));
    const n2 = asciiToBase16(hex.charCodeAt(hi + 1));
    if (n1 === void 0 || n2 === void 0) {
      const char = hex[hi] + hex[hi + 1];
      throw new RangeError('hex string expected, got non-hex character "' + char + '" at index ' + hi);
    }
    array[ai] = n1 * 16 + n2;
  }
  return array;
}
function utf8ToBytes(str) {
  if (typeof str !== "string")
    throw new TypeError("string expected");
  const encoded = new TextEncoder().encode(str);
  try {
    return new Uint8Array(encoded);
  } finally {
    clean(encoded);
  }
}
function kdfInputToBytes(data, errorTitle = "") {
  if (typeof data === "string")
    return utf8ToBytes(data);
  return abytes(data, void 0, errorTitle);
}
function concatBytes(...arrays) {
  let sum = 0;
  for (let i = 0; i < arrays.length; i++) {
    const a = arrays[i];
    abytes(a);
    sum += a.length;
  }
  const res = new Uint8Array(sum);
  for (let i = 0, pad = 0; i < arrays.length; i++) {
    const a = arrays[i];
    res.set(a, pad);
    pad += a.length;
  }
  return res;
}
function checkOpts(defaults, opts, title = "opts") {
  aopts(defaults, "defaults");
  if (opts !== void 0)
    aopts(opts, title);
  const merged = Object.assign(/* @__PURE__ */ Object.create(null), defaults, opts);
  return merged;
}
function createHasher(hashCons, info = {}) {
  if (typeof hashCons !== "function")
    throw new TypeError('"hashCons" expected function, got type=' + typeof hashCons);
  info = checkOpts({}, info, "info");
  const hashC = (msg, opts) => hashCons(opts).update(msg).digest();
  const tmp = hashCons(void 0);
  hashC.outputLen = tmp.outputLen;
  hashC.blockLen = tmp.blockLen;
  hashC.canXOF = tmp.canXOF;
  hashC.create = (opts) => hashCons(opts);
  Object.assign(hashC, info);
  return Object.freeze(hashC);
}
function randomBytes(bytesLength = 32) {
  anumber(bytesLength, "bytesLength");
  const cr = typeof globalThis === "object" ? globalThis.crypto : null;
  if (typeof cr?.getRandomValues !== "function")
    throw new Error("crypto.getRandomValues must be defined");
  if (bytesLength > 65536)
    throw new RangeError(`"bytesLength" expected <= 65536, got ${bytesLength}`);
  return cr.getRandomValues(new Uint8Array(bytesLength));
}
var oidNist = (suffix) => ({
  // Current NIST hashAlgs suffixes used here fit in one DER subidentifier octet.
  // Larger suffix values would need base-128 OID encoding and a different length byte.
  oid: Uint8Array.from([6, 9, 96, 134, 72, 1, 101, 3, 4, 2, suffix])
});

// node_modules/@noble/hashes/_md.js
function Chi(a, b, c) {
  return a & b ^ ~a & c;
}
function Maj(a, b, c) {
  return a & b ^ a & c ^ b & c;
}
var HashMD = class {
  blockLen;
  outputLen;
  canXOF = false;
  padOffset;
  isLE;
  // For partial updates less than block size
  buffer;
  view;
  finished = false;
  length = 0;
  pos = 0;
  destroyed = false;
  constructor(blockLen, outputLen, padOffset, isLE2) {
    this.blockLen = blockLen;
    this.outputLen = outputLen;
    this.padOffset = padOffset;
    this.isLE = isLE2;
    this.buffer = new Uint8Array(blockLen);
    this.view = createView(this.buffer);
  }
  update(data) {
    aexists(this);
    abytes(data);
    const { view, buffer, blockLen } = this;
    const len = data.length;
    let processed = false;
    for (let pos = 0; pos < len; ) {
      const take = Math.min(blockLen - this.pos, len - pos);
      if (take === blockLen) {
        const dataView = createView(data);
        for (; blockLen <= len - pos; pos += blockLen)
          this.process(dataView, pos);
        processed = true;
        continue;
      }
      buffer.set(pos === 0 && take === len ? data : data.subarray(pos, pos + take), this.pos);
      this.pos += take;
      pos += take;
      if (this.pos === blockLen) {
        this.process(view, 0);
        this.pos = 0;
        processed = true;
      }
    }
    this.length += data.length;
    if (processed)
      this.roundClean();
    return this;
  }
  digestInto(out) {
    aexists(this);
    aoutput(out, this);
    this.finished = true;
    const { buffer, view, blockLen, isLE: isLE2 } = this;
    let { pos } = this;
    buffer[pos++] = 128;
    buffer.fill(0, pos);
    if (this.padOffset > blockLen - pos) {
      this.process(view, 0);
      buffer.fill(0);
    }
    setU64FromNum(view, blockLen - 8, this.length * 8, isLE2);
    this.process(view, 0);
    this.roundClean();
    const oview = out === buffer ? view : createView(out);
    const len = this.outputLen;
    const outLen = len / 4;
    const state = this.get();
    if (len % 4 || outLen > state.length)
      throw new Error("invalid outputLen");
    for (let i = 0; i < outLen; i++)
      oview.setUint32(4 * i, state[i], isLE2);
  }
  digest() {
    const { buffer, outputLen } = this;
    this.digestInto(buffer);
    const res = buffer.slice(0, outputLen);
    this.destroy();
    return res;
  }
  _cloneIntoMeta(to) {
    const { buffer, length, finished, destroyed, pos } = this;
    to.destroyed = destroyed;
    to.finished = finished;
    to.length = length;
    to.pos = pos;
    if (pos)
      to.buffer.set(buffer);
    return to;
  }
  clone() {
    return this._cloneInto();
  }
};
var SHA256_IV = /* @__PURE__ */ Uint32Array.from([
  1779033703,
  3144134277,
  1013904242,
  2773480762,
  1359893119,
  2600822924,
  528734635,
  1541459225
]);
var SHA512_IV = /* @__PURE__ */ Uint32Array.from([
  1779033703,
  4089235720,
  3144134277,
  2227873595,
  1013904242,
  4271175723,
  2773480762,
  1595750129,
  1359893119,
  2917565137,
  2600822924,
  725511199,
  528734635,
  4215389547,
  1541459225,
  327033209
]);

// node_modules/@noble/hashes/sha2.js
var SHA256_K = /* @__PURE__ */ Uint32Array.from([
  1116352408,
  1899447441,
  3049323471,
  3921009573,
  961987163,
  1508970993,
  2453635748,
  2870763221,
  3624381080,
  310598401,
  607225278,
  1426881987,
  1925078388,
  2162078206,
  2614888103,
  3248222580,
  3835390401,
  4022224774,
  264347078,
  604807628,
  770255983,
  1249150122,
  1555081692,
  1996064986,
  2554220882,
  2821834349,
  2952996808,
  3210313671,
  3336571891,
  3584528711,
  113926993,
  338241895,
  666307205,
  773529912,
  1294757372,
  1396182291,
  1695183700,
  1986661051,
  2177026350,
  2456956037,
  2730485921,
  2820302411,
  3259730800,
  3345764771,
  3516065817,
  3600352804,
  4094571909,
  275423344,
  430227734,
  506948616,
  659060556,
  883997877,
  958139571,
  1322822218,
  1537002063,
  1747873779,
  1955562222,
  2024104815,
  2227730452,
  2361852424,
  2428436474,
  2756734187,
  3204031479,
  3329325298
]);
var SHA256_W = /* @__PURE__ */ new Uint32Array(64);
var SHA2_32B = class extends HashMD {
  // We cannot use array here since array allows indexing by variable
  // which means optimizer/compiler cannot use registers.
  // Numeric initializers matter: starting the fields as `undefined` changes
  // V8's field representation and makes sha256 3x slower (measured).
  A = 0;
  B = 0;
  C = 0;
  D = 0;
  E = 0;
  F = 0;
  G = 0;
  H = 0;
  constructor(outputLen, IV) {
    super(64, outputLen, 8, false);
    this.A = IV[0] | 0;
    this.B = IV[1] | 0;
    this.C = IV[2] | 0;
    this.D = IV[3] | 0;
    this.E = IV[4] | 0;
    this.F = IV[5] | 0;
    this.G = IV[6] | 0;
    this.H = IV[7] | 0;
  }
  get() {
    const { A, B, C, D, E, F, G, H } = this;
    return [A, B, C, D, E, F, G, H];
  }
  // prettier-ignore
  set(A, B, C, D, E, F, G, H) {
    this.A = A | 0;
    this.B = B | 0;
    this.C = C | 0;
    this.D = D | 0;
    this.E = E | 0;
    this.F = F | 0;
    this.G = G | 0;
    this.H = H | 0;
  }
  _cloneInto(to) {
    (to ||= new this.constructor()).set(...this.get());
    return this._cloneIntoMeta(to);
  }
  process(view, offset) {
    for (let i = 0; i < 16; i++, offset += 4)
      SHA256_W[i] = view.getUint32(offset, false);
    for (let i = 16; i < 64; i++) {
      const W15 = SHA256_W[i - 15];
      const W2 = SHA256_W[i - 2];
      const s0 = rotr(W15, 7) ^ rotr(W15, 18) ^ W15 >>> 3;
      const s1 = rotr(W2, 17) ^ rotr(W2, 19) ^ W2 >>> 10;
      SHA256_W[i] = s1 + SHA256_W[i - 7] + s0 + SHA256_W[i - 16] | 0;
    }
    let { A, B, C, D, E, F, G, H } = this;
    for (let i = 0; i < 64; i++) {
      const sigma1 = rotr(E, 6) ^ rotr(E, 11) ^ rotr(E, 25);
      const T1 = H + sigma1 + Chi(E, F, G) + SHA256_K[i] + SHA256_W[i] | 0;
      const sigma0 = rotr(A, 2) ^ rotr(A, 13) ^ rotr(A, 22);
      const T2 = sigma0 + Maj(A, B, C) | 0;
      H = G;
      G = F;
      F = E;
      E = D + T1 | 0;
      D = C;
      C = B;
      B = A;
      A = T1 + T2 | 0;
    }
    A = A + this.A | 0;
    B = B + this.B | 0;
    C = C + this.C | 0;
    D = D + this.D | 0;
    E = E + this.E | 0;
    F = F + this.F | 0;
    G = G + this.G | 0;
    H = H + this.H | 0;
    this.set(A, B, C, D, E, F, G, H);
  }
  roundClean() {
    clean(SHA256_W);
  }
  destroy() {
    this.destroyed = true;
    this.set(0, 0, 0, 0, 0, 0, 0, 0);
    clean(this.buffer);
  }
};
var _SHA256 = class extends SHA2_32B {
  constructor() {
    super(32, SHA256_IV);
  }
};
var K512 = /* @__PURE__ */ (() => split([
  "0x428a2f98d728ae22",
  "0x7137449123ef65cd",
  "0xb5c0fbcfec4d3b2f",
  "0xe9b5dba58189dbbc",
  "0x3956c25bf348b538",
  "0x59f111f1b605d019",
  "0x923f82a4af194f9b",
  "0xab1c5ed5da6d8118",
  "0xd807aa98a3030242",
  "0x12835b0145706fbe",
  "0x243185be4ee4b28c",
  "0x550c7dc3d5ffb4e2",
  "0x72be5d74f27b896f",
  "0x80deb1fe3b1696b1",
  "0x9bdc06a725c71235",
  "0xc19bf174cf692694",
  "0xe49b69c19ef14ad2",
  "0xefbe4786384f25e3",
  "0x0fc19dc68b8cd5b5",
  "0x240ca1cc77ac9c65",
  "0x2de92c6f592b0275",
  "0x4a7484aa6ea6e483",
  "0x5cb0a9dcbd41fbd4",
  "0x76f988da831153b5",
  "0x983e5152ee66dfab",
  "0xa831c66d2db43210",
  "0xb00327c898fb213f",
  "0xbf597fc7beef0ee4",
  "0xc6e00bf33da88fc2",
  "0xd5a79147930aa725",
  "0x06ca6351e003826f",
  "0x142929670a0e6e70",
  "0x27b70a8546d22ffc",
  "0x2e1b21385c26c926",
  "0x4d2c6dfc5ac42aed",
  "0x53380d139d95b3df",
  "0x650a73548baf63de",
  "0x766a0abb3c77b2a8",
  "0x81c2c92e47edaee6",
  "0x92722c851482353b",
  "0xa2bfe8a14cf10364",
  "0xa81a664bbc423001",
  "0xc24b8b70d0f89791",
  "0xc76c51a30654be30",
  "0xd192e819d6ef5218",
  "0xd69906245565a910",
  "0xf40e35855771202a",
  "0x106aa07032bbd1b8",
  "0x19a4c116b8d2d0c8",
  "0x1e376c085141ab53",
  "0x2748774cdf8eeb99",
  "0x34b0bcb5e19b48a8",
  "0x391c0cb3c5c95a63",
  "0x4ed8aa4ae3418acb",
  "0x5b9cca4f7763e373",
  "0x682e6ff3d6b2b8a3",
  "0x748f82ee5defb2fc",
  "0x78a5636f43172f60",
  "0x84c87814a1f0ab72",
  "0x8cc702081a6439ec",
  "0x90befffa23631e28",
  "0xa4506cebde82bde9",
  "0xbef9a3f7b2c67915",
  "0xc67178f2e372532b",
  "0xca273eceea26619c",
  "0xd186b8c721c0c207",
  "0xeada7dd6cde0eb1e",
  "0xf57d4f7fee6ed178",
  "0x06f067aa72176fba",
  "0x0a637dc5a2c898a6",
  "0x113f9804bef90dae",
  "0x1b710b35131c471b",
  "0x28db77f523047d84",
  "0x32caab7b40c72493",
  "0x3c9ebe0a15c9bebc",
  "0x431d67c49c100d4c",
  "0x4cc5d4becb3e42b6",
  "0x597f299cfc657e2a",
  "0x5fcb6fab3ad6faec",
  "0x6c44198c4a475817"
].map((n) => BigInt(n))))();
var SHA512_Kh = /* @__PURE__ */ (() => K512[0])();
var SHA512_Kl = /* @__PURE__ */ (() => K512[1])();
var SHA512_W_H = /* @__PURE__ */ new Uint32Array(80);
var SHA512_W_L = /* @__PURE__ */ new Uint32Array(80);
var SHA2_64B = class extends HashMD {
  // We cannot use array here since array allows indexing by variable
  // which means optimizer/compiler cannot use registers.
  // h -- high 32 bits, l -- low 32 bits
  // Numeric initializers matter: starting the fields as `undefined` changes
  // V8's field representation and slows hashing down (measured on sha256).
  Ah = 0;
  Al = 0;
  Bh = 0;
  Bl = 0;
  Ch = 0;
  Cl = 0;
  Dh = 0;
  Dl = 0;
  Eh = 0;
  El = 0;
  Fh = 0;
  Fl = 0;
  Gh = 0;
  Gl = 0;
  Hh = 0;
  Hl = 0;
  constructor(outputLen, IV) {
    super(128, outputLen, 16, false);
    this.Ah = IV[0] | 0;
    this.Al = IV[1] | 0;
    this.Bh = IV[2] | 0;
    this.Bl = IV[3] | 0;
    this.Ch = IV[4] | 0;
    this.Cl = IV[5] | 0;
    this.Dh = IV[6] | 0;
    this.Dl = IV[7] | 0;
    this.Eh = IV[8] | 0;
    this.El = IV[9] | 0;
    this.Fh = IV[10] | 0;
    this.Fl = IV[11] | 0;
    this.Gh = IV[12] | 0;
    this.Gl = IV[13] | 0;
    this.Hh = IV[14] | 0;
    this.Hl = IV[15] | 0;
  }
  // prettier-ignore
  get() {
    const { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
    return [Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl];
  }
  // prettier-ignore
  set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl) {
    this.Ah = Ah | 0;
    this.Al = Al | 0;
    this.Bh = Bh | 0;
    this.Bl = Bl | 0;
    this.Ch = Ch | 0;
    this.Cl = Cl | 0;
    this.Dh = Dh | 0;
    this.Dl = Dl | 0;
    this.Eh = Eh | 0;
    this.El = El | 0;
    this.Fh = Fh | 0;
    this.Fl = Fl | 0;
    this.Gh = Gh | 0;
    this.Gl = Gl | 0;
    this.Hh = Hh | 0;
    this.Hl = Hl | 0;
  }
  _cloneInto(to) {
    (to ||= new this.constructor()).set(...this.get());
    return this._cloneIntoMeta(to);
  }
  process(view, offset) {
    for (let i = 0; i < 16; i++, offset += 4) {
      SHA512_W_H[i] = view.getUint32(offset);
      SHA512_W_L[i] = view.getUint32(offset += 4);
    }
    for (let i = 16; i < 80; i++) {
      const W15h = SHA512_W_H[i - 15] | 0;
      const W15l = SHA512_W_L[i - 15] | 0;
      const s0h = rotrSH(W15h, W15l, 1) ^ rotrSH(W15h, W15l, 8) ^ shrSH(W15h, W15l, 7);
      const s0l = rotrSL(W15h, W15l, 1) ^ rotrSL(W15h, W15l, 8) ^ shrSL(W15h, W15l, 7);
      const W2h = SHA512_W_H[i - 2] | 0;
      const W2l = SHA512_W_L[i - 2] | 0;
      const s1h = rotrSH(W2h, W2l, 19) ^ rotrBH(W2h, W2l, 61) ^ shrSH(W2h, W2l, 6);
      const s1l = rotrSL(W2h, W2l, 19) ^ rotrBL(W2h, W2l, 61) ^ shrSL(W2h, W2l, 6);
      const SUMl = add4L(s0l, s1l, SHA512_W_L[i - 7], SHA512_W_L[i - 16]);
      const SUMh = add4H(SUMl, s0h, s1h, SHA512_W_H[i - 7], SHA512_W_H[i - 16]);
      SHA512_W_H[i] = SUMh | 0;
      SHA512_W_L[i] = SUMl | 0;
    }
    let { Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl } = this;
    for (let i = 0; i < 80; i++) {
      const sigma1h = rotrSH(Eh, El, 14) ^ rotrSH(Eh, El, 18) ^ rotrBH(Eh, El, 41);
      const sigma1l = rotrSL(Eh, El, 14) ^ rotrSL(Eh, El, 18) ^ rotrBL(Eh, El, 41);
      const CHIh = Eh & Fh ^ ~Eh & Gh;
      const CHIl = El & Fl ^ ~El & Gl;
      const T1ll = add5L(Hl, sigma1l, CHIl, SHA512_Kl[i], SHA512_W_L[i]);
      const T1h = add5H(T1ll, Hh, sigma1h, CHIh, SHA512_Kh[i], SHA512_W_H[i]);
      const T1l = T1ll | 0;
      const sigma0h = rotrSH(Ah, Al, 28) ^ rotrBH(Ah, Al, 34) ^ rotrBH(Ah, Al, 39);
      const sigma0l = rotrSL(Ah, Al, 28) ^ rotrBL(Ah, Al, 34) ^ rotrBL(Ah, Al, 39);
      const MAJh = Ah & Bh ^ Ah & Ch ^ Bh & Ch;
      const MAJl = Al & Bl ^ Al & Cl ^ Bl & Cl;
      Hh = Gh | 0;
      Hl = Gl | 0;
      Gh = Fh | 0;
      Gl = Fl | 0;
      Fh = Eh | 0;
      Fl = El | 0;
      ({ h: Eh, l: El } = add(Dh | 0, Dl | 0, T1h | 0, T1l | 0));
      Dh = Ch | 0;
      Dl = Cl | 0;
      Ch = Bh | 0;
      Cl = Bl | 0;
      Bh = Ah | 0;
      Bl = Al | 0;
      const All = add3L(T1l, sigma0l, MAJl);
      Ah = add3H(All, T1h, sigma0h, MAJh);
      Al = All | 0;
    }
    ({ h: Ah, l: Al } = add(this.Ah | 0, this.Al | 0, Ah | 0, Al | 0));
    ({ h: Bh, l: Bl } = add(this.Bh | 0, this.Bl | 0, Bh | 0, Bl | 0));
    ({ h: Ch, l: Cl } = add(this.Ch | 0, this.Cl | 0, Ch | 0, Cl | 0));
    ({ h: Dh, l: Dl } = add(this.Dh | 0, this.Dl | 0, Dh | 0, Dl | 0));
    ({ h: Eh, l: El } = add(this.Eh | 0, this.El | 0, Eh | 0, El | 0));
    ({ h: Fh, l: Fl } = add(this.Fh | 0, this.Fl | 0, Fh | 0, Fl | 0));
    ({ h: Gh, l: Gl } = add(this.Gh | 0, this.Gl | 0, Gh | 0, Gl | 0));
    ({ h: Hh, l: Hl } = add(this.Hh | 0, this.Hl | 0, Hh | 0, Hl | 0));
    this.set(Ah, Al, Bh, Bl, Ch, Cl, Dh, Dl, Eh, El, Fh, Fl, Gh, Gl, Hh, Hl);
  }
  roundClean() {
    clean(SHA512_W_H, SHA512_W_L);
  }
  destroy() {
    this.destroyed = true;
    clean(this.buffer);
    this.set(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }
};
var _SHA512 = class extends SHA2_64B {
  constructor() {
    super(64, SHA512_IV);
  }
};
var sha256 = /* @__PURE__ */ createHasher(
  () => new _SHA256(),
  /* @__PURE__ */ oidNist(1)
);
var sha512 = /* @__PURE__ */ createHasher(
  () => new _SHA512(),
  /* @__PURE__ */ oidNist(3)
);

// node_modules/@noble/curves/utils.js
function aarray(item, title, inner = () => {
}) {
  if (!Array.isArray(item))
    throw new TypeError(`"${title}" expected array, got type=${typeof item}`);
  for (let i = 0; i < item.length; i++)
    inner(item[i], `${title}[${i}]`);
  return item;
}
var abytes2 = (value, length, title) => abytes(value, length, title);
var anumber2 = anumber;
function astring(value, title = "") {
  if (typeof value !== "string") {
    const prefix = title && `"${title}" `;
    throw new TypeError(prefix + "expected string, got type=" + typeof value);
  }
  return value;
}
function aobject2(value, title = "object") {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new TypeError(title === "object" ? "expected valid options object" : `"${title}" expected object, got type=${typeof value}`);
  return value;
}
function afunction(value, title) {
  if (typeof value !== "function")
    throw new TypeError(`"${title}" is invalid: expected function, got ${typeof value}`);
  return value;
}
var bytesToHex2 = bytesToHex;
var concatBytes2 = (...arrays) => concatBytes(...arrays);
var hexToBytes2 = (hex) => hexToBytes(hex);
var isBytes2 = isBytes;
var randomBytes2 = (bytesLength) => randomBytes(bytesLength);
var _0n = /* @__PURE__ */ BigInt(0);
var _1n = /* @__PURE__ */ BigInt(1);
var atitle2 = (title) => title ? `"${title}" ` : "";
function abool(value, title = "") {
  if (typeof value !== "boolean")
    throw new TypeError(atitle2(title) + "expected boolean, got type=" + typeof value);
  return value;
}
function abignumber(n) {
  if (typeof n === "bigint") {
    if (!isPosBig(n))
      throw new RangeError("positive bigint expected, got " + n);
  } else
    anumber2(n);
  return n;
}
function asafenumber(value, title = "") {
  if (typeof value !== "number") {
    const prefix = title && `"${title}" `;
    throw new TypeError(prefix + "expected number, got type=" + typeof value);
  }
  if (!Number.isSafeInteger(value)) {
    const prefix = title && `"${title}" `;
    throw new RangeError(prefix + "expected safe integer, got " + value);
  }
}
function numberToHexUnpadded(num) {
  const hex = abignumber(num).toString(16);
  return hex.length & 1 ? "0" + hex : hex;
}
function hexToNumber(hex) {
  if (typeof hex !== "string")
    throw new TypeError("hex string expected, got " + typeof hex);
  return hex === "" ? _0n : BigInt("0x" + hex);
}
function bytesToNumberBE(bytes) {
  return hexToNumber(bytesToHex(bytes));
}
function bytesToNumberLE(bytes) {
  return hexToNumber(bytesToHex(copyBytes(abytes(bytes)).reverse()));
}
function numberToBytesBE(n, len) {
  anumber(len);
  if (len === 0)
    throw new Error("zero output length is invalid");
  n = abignumber(n);
  const expectedLen = len * 2;
  const hex = n.toString(16);
  if (hex.length > expectedLen)
    throw new RangeError("number is too large");
  return hexToBytes(hex.padStart(expectedLen, "0"));
}
function numberToBytesLE(n, len) {
  return numberToBytesBE(n, len).reverse();
}
function copyBytes(bytes) {
  return Uint8Array.from(abytes2(bytes));
}
function isPosBig(n) {
  return typeof n === "bigint" && _0n <= n;
}
function inRange(n, min, max) {
  return isPosBig(n) && isPosBig(min) && isPosBig(max) && min <= n && n < max;
}
function aInRange(title, n, min, max) {
  if (!inRange(n, min, max))
    throw new RangeError("expected valid " + title + ": " + min + " <= n < " + max + ", got " + n);
}
function bitLen(n) {
  if (n < _0n)
    throw new Error("expected non-negative bigint, got " + n);
  return n === _0n ? 0 : n.toString(2).length;
}
var bitMask = (n) => {
  asafenumber(n, "n");
  return (_1n << BigInt(n)) - _1n;
};
function createHmacDrbg(hashLen, qByteLen, hmacFn) {
  anumber(hashLen, "hashLen");
  anumber(qByteLen, "qByteLen");
  if (typeof hmacFn !== "function")
    throw new TypeError("hmacFn must be a function");
  const u8n = (len) => new Uint8Array(len);
  const NULL = Uint8Array.of();
  const byte0 = Uint8Array.of(0);
  const byte1 = Uint8Array.of(1);
  const _maxDrbgIters = 1e3;
  let v = u8n(hashLen);
  let k = u8n(hashLen);
  let i = 0;
  const reset = () => {
    v.fill(1);
    k.fill(0);
    i = 0;
  };
  const h = (...msgs) => hmacFn(k, concatBytes2(v, ...msgs));
  const reseed = (seed = NULL) => {
    k = h(byte0, seed);
    v = h();
    if (seed.length === 0)
      return;
    k = h(byte1, seed);
    v = h();
  };
  const gen = () => {
    if (i++ >= _maxDrbgIters)
      throw new Error("drbg: tried max amount of iterations");
    let len = 0;
    const out = [];
    while (len < qByteLen) {
      v = h();
      const sl = v.slice();
      out.push(sl);
      len += v.length;
    }
    return concatBytes2(...out);
  };
  const genUntil = (seed, pred) => {
    reset();
    reseed(seed);
    let res = void 0;
    while ((res = pred(gen())) === void 0)
      reseed();
    reset();
    return res;
  };
  return genUntil;
}
function validateObject(object, fields = {}, optFields = {}, title = "object") {
  aobject2(object, title);
  aobject2(fields, "fields");
  aobject2(optFields, "optFields");
  function checkField(fieldName, expectedType, isOpt) {
    const label = title === "object" ? `param "${String(fieldName)}"` : `"${title}.${String(fieldName)}"`;
    const val = object[fieldName];
    if (!Object.hasOwn(object, fieldName) && (isOpt ? val !== void 0 : expectedType !== "function")) {
      throw new TypeError(`${label} is invalid: expected own property`);
    }
    if (isOpt && val === void 0)
      return;
    const current = typeof val;
    if (current !== expectedType || val === null)
      throw new TypeError(`${label} is invalid: expected ${expectedType}, got ${current}`);
  }
  const iter = (f, isOpt) => Object.entries(f).forEach(([k, v]) => checkField(k, v, isOpt));
  iter(fields, false);
  iter(optFields, true);
}

// node_modules/@noble/curves/abstract/modular.js
var _0n2 = /* @__PURE__ */ BigInt(0);
var _1n2 = /* @__PURE__ */ BigInt(1);
var _2n = /* @__PURE__ */ BigInt(2);
var _3n = /* @__PURE__ */ BigInt(3);
var _4n = /* @__PURE__ */ BigInt(4);
var _5n = /* @__PURE__ */ BigInt(5);
var _7n = /* @__PURE__ */ BigInt(7);
var _8n = /* @__PURE__ */ BigInt(8);
var _9n = /* @__PURE__ */ BigInt(9);
var _15n = /* @__PURE__ */ BigInt(15);
var _16n = /* @__PURE__ */ BigInt(16);
var POW_WINDOWED_MIN = /* @__PURE__ */ BigInt("0x10000000000000000");
function mod(a, b) {
  if (b <= _0n2)
    throw new Error("mod: expected positive modulus, got " + b);
  const result = a % b;
  return result >= _0n2 ? result : b + result;
}
function pow(num, power, modulo) {
  if (modulo <= _1n2)
    throw new Error("pow: expected modulus > 1, got " + modulo);
  if (typeof power !== "bigint")
    throw new TypeError("invalid exponent: expected bigint, got " + typeof power);
  if (power < _0n2)
    throw new Error("invalid exponent, negatives unsupported");
  if (power === _0n2)
    return _1n2;
  if (power === _1n2)
    return num;
  let d = num % modulo;
  if (d < _0n2)
    d += modulo;
  if (power < POW_WINDOWED_MIN) {
    let p2 = _1n2;
    while (power > _0n2) {
      if (power & _1n2)
        p2 = p2 * d % modulo;
      d = d * d % modulo;
      power >>= _1n2;
    }
    return p2;
  }
  const digits = [];
  while (power > _0n2) {
    digits.push(Number(power & _15n));
    power >>= _4n;
  }
  const table = new Array(16);
  table[0] = _1n2;
  table[1] = d;
  for (let i = 2; i < 16; i++)
    table[i] = table[i - 1] * d % modulo;
  let p = table[digits[digits.length - 1]];
  for (let w = digits.length - 2; w >= 0; w--) {
    p = p * p % modulo;
    p = p * p % modulo;
    p = p * p % modulo;
    p = p * p % modulo;
    const digit = digits[w];
    if (digit !== 0)
      p = p * table[digit] % modulo;
  }
  return p;
}
function pow2(x, power, modulo) {
  if (modulo <= _1n2)
    throw new Error("pow2: expected modulus > 1, got " + modulo);
  if (power < _0n2)
    throw new Error("pow2: expected non-negative exponent, got " + power);
  let res = x;
  while (power-- > _0n2) {
    res *= res;
    res %= modulo;
  }
  return res;
}
function invert(number, modulo) {
  if (number === _0n2)
    throw new Error("invert: expected non-zero number");
  if (modulo <= _1n2)
    throw new Error("invert: expected modulus > 1, got " + modulo);
  let a = mod(number, modulo);
  let b = modulo;
  let x = _0n2, u = _1n2;
  while (a !== _0n2) {
    const q = b / a;
    const r = b - a * q;
    const m = x - u * q;
    b = a, a = r, x = u, u = m;
  }
  const gcd = b;
  if (gcd !== _1n2)
    throw new Error("invert: does not exist");
  return mod(x, modulo);
}
function invertCt(a, prime) {
  if (prime <= _1n2)
    throw new Error("invertCt: expected prime modulus > 1, got " + prime);
  const an = mod(a, prime);
  if (an === _0n2)
    throw new Error("invertCt: expected non-zero number");
  const inverse = pow(an, prime - _2n, prime);
  if (mod(an * inverse, prime) !== _1n2)
    throw new Error("invertCt: does not exist");
  return inverse;
}
function assertIsSquare(Fp2, root, n) {
  const F = Fp2;
  if (!F.eql(F.sqr(root), n))
    throw new Error("Cannot find square root");
}
function aoddModulus(order, fnName) {
  if ((order & _1n2) === _0n2)
    throw new Error(fnName + ": expected odd modulus, got " + order);
}
function sqrt3mod4(Fp2, n) {
  const F = Fp2;
  const p1div4 = (F.ORDER + _1n2) / _4n;
  const root = F.pow(n, p1div4);
  assertIsSquare(F, root, n);
  return root;
}
function sqrt5mod8(Fp2, n) {
  const F = Fp2;
  const p5div8 = (F.ORDER - _5n) / _8n;
  const n2 = F.mul(n, _2n);
  const v = F.pow(n2, p5div8);
  const nv = F.mul(n, v);
  const i = F.mul(F.mul(nv, _2n), v);
  const root = F.mul(nv, F.sub(i, F.ONE));
  assertIsSquare(F, root, n);
  return root;
}
function sqrt9mod16(P) {
  const Fp_ = Field(P);
  const tn = tonelliShanks(P);
  const c1 = tn(Fp_, Fp_.neg(Fp_.ONE));
  const c2 = tn(Fp_, c1);
  const c3 = tn(Fp_, Fp_.neg(c1));
  const c4 = (P + _7n) / _16n;
  return ((Fp2, n) => {
    const F = Fp2;
    let tv1 = F.pow(n, c4);
    let tv2 = F.mul(tv1, c1);
    const tv3 = F.mul(tv1, c2);
    const tv4 = F.mul(tv1, c3);
    const e1 = F.eql(F.sqr(tv2), n);
    const e2 = F.eql(F.sqr(tv3), n);
    tv1 = F.cmov(tv1, tv2, e1);
    tv2 = F.cmov(tv4, tv3, e2);
    const e3 = F.eql(F.sqr(tv2), n);
    const root = F.cmov(tv1, tv2, e3);
    assertIsSquare(F, root, n);
    return root;
  });
}
function tonelliShanks(P) {
  if (P < _3n)
    throw new Error("sqrt is not defined for small field");
  aoddModulus(P, "tonelliShanks");
  let Q = P - _1n2;
  let S = 0;
  while (Q % _2n === _0n2) {
    Q /= _2n;
    S++;
  }
  let Z = _2n;
  const _Fp = Field(P);
  while (FpLegendre(_Fp, Z) === 1) {
    if (Z++ > 1e3)
      throw new Error("Cannot find square root: probably non-prime P");
  }
  if (S === 1)
    return sqrt3mod4;
  let cc = _Fp.pow(Z, Q);
  const Q1div2 = (Q + _1n2) / _2n;
  return function tonelliSlow(Fp2, n) {
    const F = Fp2;
    if (F.is0(n))
      return n;
    if (FpLegendre(F, n) !== 1)
      throw new Error("Cannot find square root");
    let M = S;
    let c = F.mul(F.ONE, cc);
    let t = F.pow(n, Q);
    let R = F.pow(n, Q1div2);
    while (!F.eql(t, F.ONE)) {
      if (F.is0(t))
        throw new Error("Cannot find square root: probably non-prime P");
      let i = 1;
      let t_tmp = F.sqr(t);
      while (!F.eql(t_tmp, F.ONE)) {
        i++;
        t_tmp = F.sqr(t_tmp);
        if (i === M)
          throw new Error("Cannot find square root");
      }
      const exponent = _1n2 << BigInt(M - i - 1);
      const b = F.pow(c, exponent);
      M = i;
      c = F.sqr(b);
      t = F.mul(t, c);
      R = F.mul(R, b);
    }
    return R;
  };
}
function FpSqrt(P) {
  aoddModulus(P, "Fp.sqrt");
  if (P % _4n === _3n)
    return sqrt3mod4;
  if (P % _8n === _5n)
    return sqrt5mod8;
  if (P % _16n === _9n)
    return sqrt9mod16(P);
  return tonelliShanks(P);
}
var isNegativeLE = (num, modulo) => (mod(num, modulo) & _1n2) === _1n2;
var FIELD_FIELDS = [
  "create",
  "isValid",
  "is0",
  "neg",
  "inv",
  "sqrt",
  "sqr",
  "eql",
  "add",
  "sub",
  "mul",
  "pow",
  "div",
  "addN",
  "subN",
  "mulN",
  "sqrN"
];
function validateField(field) {
  aobject2(field, "field");
  if (typeof field.ORDER !== "bigint")
    throw new TypeError('param "ORDER" is invalid: expected bigint, got ' + typeof field.ORDER);
  asafenumber(field.BYTES, "BYTES");
  asafenumber(field.BITS, "BITS");
  for (const name of FIELD_FIELDS)
    afunction(field[name], "field." + name);
  if (field.BYTES < 1 || field.BITS < 1)
    throw new Error("invalid field: expected BYTES/BITS > 0");
  if (field.ORDER <= _1n2)
    throw new Error("invalid field: expected ORDER > 1, got " + field.ORDER);
  return field;
}
function FpInvertBatch(Fp2, nums, passZero = false) {
  validateField(Fp2);
  aarray(nums, "nums");
  abool(passZero, "passZero");
  const F = Fp2;
  const inverted = new Array(nums.length).fill(passZero ? F.ZERO : void 0);
  const multipliedAcc = nums.reduce((acc, num, i) => {
    if (F.is0(num))
      return acc;
    inverted[i] = acc;
    return F.mul(acc, num);
  }, F.ONE);
  const invertedAcc = F.inv(multipliedAcc);
  nums.reduceRight((acc, num, i) => {
    if (F.is0(num))
      return acc;
    inverted[i] = F.mul(acc, inverted[i]);
    return F.mul(acc, num);
  }, invertedAcc);
  return inverted;
}
function FpLegendre(Fp2, n) {
  validateField(Fp2);
  const F = Fp2;
  aoddModulus(F.ORDER, "FpLegendre");
  const p1mod2 = (F.ORDER - _1n2) / _2n;
  const powered = F.pow(n, p1mod2);
  const yes = F.eql(powered, F.ONE);
  const zero = F.eql(powered, F.ZERO);
  const no = F.eql(powered, F.neg(F.ONE));
  if (!yes && !zero && !no)
    throw new Error("invalid Legendre symbol result");
  return yes ? 1 : zero ? 0 : -1;
}
function nLength(n, nBitLength) {
  if (nBitLength !== void 0)
    anumber2(nBitLength);
  if (n <= _0n2)
    throw new Error("invalid n length: expected positive n, got " + n);
  if (nBitLength !== void 0 && nBitLength < 1)
    throw new Error("invalid n length: expected positive bit length, got " + nBitLength);
  const bits = bitLen(n);
  if (nBitLength !== void 0 && nBitLength < bits)
    throw new Error(`invalid n length: expected nBitLength (${nBitLength}) >= bitLen(n) (${bits})`);
  const _nBitLength = nBitLength !== void 0 ? nBitLength : bits;
  const nByteLength = Math.ceil(_nBitLength / 8);
  return { nBitLength: _nBitLength, nByteLength };
}
var FIELD_SQRT = /* @__PURE__ */ new WeakMap();
var _Field = class {
  ORDER;
  BITS;
  BYTES;
  isLE;
  ZERO = _0n2;
  ONE = _1n2;
  _lengths;
  _mod;
  constructor(ORDER, opts = {}) {
    if (ORDER <= _1n2)
      throw new Error("invalid field: expected ORDER > 1, got " + ORDER);
    let _nbitLength = void 0;
    this.isLE = false;
    if (opts != null && typeof opts === "object") {
      if (typeof opts.BITS === "number")
        _nbitLength = opts.BITS;
      if (typeof opts.sqrt === "function")
        Object.defineProperty(this, "sqrt", { value: opts.sqrt, enumerable: true });
      if (typeof opts.isLE === "boolean")
        this.isLE = opts.isLE;
      if (opts.allowedLengths)
        this._lengths = Object.freeze(opts.allowedLengths.slice());
      if (typeof opts.modFromBytes === "boolean")
        this._mod = opts.modFromBytes;
    }
    const { nBitLength, nByteLength } = nLength(ORDER, _nbitLength);
    if (nByteLength > 2048)
      throw new Error("invalid field: expected ORDER of <= 2048 bytes");
    this.ORDER = ORDER;
    this.BITS = nBitLength;
    this.BYTES = nByteLength;
    Object.freeze(this);
  }
  create(num) {
    return mod(num, this.ORDER);
  }
  isValid(num) {
    if (typeof num !== "bigint")
      throw new TypeError("invalid field element: expected bigint, got " + typeof num);
    return _0n2 <= num && num < this.ORDER;
  }
  is0(num) {
    return num === _0n2;
  }
  // is valid and invertible
  isValidNot0(num) {
    return !this.is0(num) && this.isValid(num);
  }
  isOdd(num) {
    return (num & _1n2) === _1n2;
  }
  neg(num) {
    return mod(-num, this.ORDER);
  }
  eql(lhs, rhs) {
    return lhs === rhs;
  }
  sqr(num) {
    return mod(num * num, this.ORDER);
  }
  add(lhs, rhs) {
    return mod(lhs + rhs, this.ORDER);
  }
  sub(lhs, rhs) {
    return mod(lhs - rhs, this.ORDER);
  }
  mul(lhs, rhs) {
    return mod(lhs * rhs, this.ORDER);
  }
  pow(num, power) {
    return pow(num, power, this.ORDER);
  }
  div(lhs, rhs) {
    return mod(lhs * invert(rhs, this.ORDER), this.ORDER);
  }
  // Same as above, but doesn't normalize
  sqrN(num) {
    return num * num;
  }
  addN(lhs, rhs) {
    return lhs + rhs;
  }
  subN(lhs, rhs) {
    return lhs - rhs;
  }
  mulN(lhs, rhs) {
    return lhs * rhs;
  }
  inv(num) {
    return invert(num, this.ORDER);
  }
  sqrt(num) {
    let sqrt = FIELD_SQRT.get(this);
    if (!sqrt)
      FIELD_SQRT.set(this, sqrt = FpSqrt(this.ORDER));
    return sqrt(this, num);
  }
  toBytes(num) {
    return this.isLE ? numberToBytesLE(num, this.BYTES) : numberToBytesBE(num, this.BYTES);
  }
  fromBytes(bytes, skipValidation = false) {
    abytes2(bytes);
    const { _lengths: allowedLengths, BYTES, isLE: isLE2, ORDER, _mod: modFromBytes } = this;
    if (allowedLengths) {
      if (bytes.length < 1 || !allowedLengths.includes(bytes.length) || bytes.length > BYTES) {
        throw new Error("Field.fromBytes: expected " + allowedLengths + " bytes, got " + bytes.length);
      }
      const padded = new Uint8Array(BYTES);
      padded.set(bytes, isLE2 ? 0 : padded.length - bytes.length);
      bytes = padded;
    }
    if (bytes.length !== BYTES)
      throw new Error("Field.fromBytes: expected " + BYTES + " bytes, got " + bytes.length);
    let scalar = isLE2 ? bytesToNumberLE(bytes) : bytesToNumberBE(bytes);
    if (modFromBytes)
      scalar = mod(scalar, ORDER);
    if (!skipValidation) {
      if (!this.isValid(scalar))
        throw new Error("invalid field element: outside of range 0..ORDER");
    }
    return scalar;
  }
  // TODO: we don't need it here, move out to separate fn
  invertBatch(lst) {
    return FpInvertBatch(this, lst, true);
  }
  // We can't move this out because Fp6, Fp12 implement it
  // and it's unclear what to return in there.
  cmov(a, b, condition) {
    abool(condition, "condition");
    return condition ? b : a;
  }
};
function Field(ORDER, opts = {}) {
  Object.freeze(_Field.prototype);
  return new _Field(ORDER, opts);
}
function getFieldBytesLength(fieldOrder) {
  if (typeof fieldOrder !== "bigint")
    throw new Error("field order must be bigint");
  if (fieldOrder <= _1n2)
    throw new Error("field order must be greater than 1");
  const bitLength2 = bitLen(fieldOrder - _1n2);
  return Math.ceil(bitLength2 / 8);
}
function getMinHashLength(fieldOrder) {
  const length = getFieldBytesLength(fieldOrder);
  return length + Math.ceil(length / 2);
}
function mapHashToField(key, fieldOrder, isLE2 = false) {
  abytes2(key);
  const len = key.length;
  const fieldLen = getFieldBytesLength(fieldOrder);
  const minLen = Math.max(getMinHashLength(fieldOrder), 16);
  if (len < minLen || len > 1024)
    throw new Error("expected " + minLen + "-1024 bytes of input, got " + len);
  const num = isLE2 ? bytesToNumberLE(key) : bytesToNumberBE(key);
  const reduced = mod(num, fieldOrder - _1n2) + _1n2;
  return isLE2 ? numberToBytesLE(reduced, fieldLen) : numberToBytesBE(reduced, fieldLen);
}

// node_modules/@noble/curves/abstract/curve.js
var _0n3 = /* @__PURE__ */ BigInt(0);
var _1n3 = /* @__PURE__ */ BigInt(1);
var _4n2 = /* @__PURE__ */ BigInt(4);
var BLIND_BYTES = 16;
var BLIND_BITS = 128;
var FW_WINDOW = 5;
var TABLE_BYTES_MAX = /* @__PURE__ */ (() => 2 ** 31)();
function validatePointCons(Point) {
  const pc = Point;
  if (typeof pc !== "function")
    throw new TypeError('"Point" expected constructor, got type=' + typeof Point);
  afunction(pc.fromAffine, "Point.fromAffine");
  afunction(pc.fromBytes, "Point.fromBytes");
  afunction(pc.fromHex, "Point.fromHex");
  aobject2(pc.BASE, "Point.BASE");
  aobject2(pc.ZERO, "Point.ZERO");
  validateField(pc.Fp);
  validateField(pc.Fn);
}
function normalizeZ(c, points) {
  validatePointCons(c);
  validateMSMPoints(points, c);
  const invertedZs = FpInvertBatch(c.Fp, points.map((p) => p.Z));
  return points.map((p, i) => c.fromAffine(p.toAffine(invertedZs[i])));
}
function validateW(W, bits, min = 1) {
  if (!Number.isSafeInteger(W) || W < min || W > bits)
    throw new Error("invalid window size, expected [" + min + ".." + bits + "], got W=" + W);
}
function validateTableBytes(numPoints, fpBytes) {
  const bytes = numPoints * (4 * fpBytes + 128);
  if (bytes > TABLE_BYTES_MAX)
    throw new Error("invalid window size: table would need ~" + Math.ceil(bytes / 2 ** 20) + " MiB, max " + TABLE_BYTES_MAX / 2 ** 20 + " MiB");
}
function probeRandomBytes(randomBytes3, length) {
  if (randomBytes3 === void 0)
    return void 0;
  afunction(randomBytes3, "randomBytes");
  try {
    const probe = randomBytes3(length);
    if (!isBytes2(probe) || probe.length !== length)
      return void 0;
  } catch {
    return void 0;
  }
  return randomBytes3;
}
function validateMSMPoints(points, c) {
  aarray(points, "points");
  points.forEach((p, i) => {
    if (!(p instanceof c))
      throw new Error("invalid point at index " + i);
  });
}
function validateMSMScalars(scalars, field, maxScalar) {
  if (!Array.isArray(scalars))
    throw new Error("array of scalars expected");
  scalars.forEach((s, i) => {
    const ok = maxScalar === void 0 ? field.isValid(s) : isPosBig(s) && s < maxScalar;
    if (!ok)
      throw new Error("invalid scalar at index " + i);
  });
}
var pointWindowSizes = /* @__PURE__ */ new WeakMap();
function getWindowSize(P) {
  return pointWindowSizes.get(P) || 1;
}
function oddMultiples(p, size) {
  const dbl = p.double();
  const t = [p];
  for (let j = 1; j < size; j++)
    t.push(t[j - 1].add(dbl));
  return t;
}
function wnafDigits(n, W) {
  const size = 2 ** W;
  const half = size / 2;
  const mask = BigInt(size - 1);
  const d = [];
  while (n > _0n3) {
    let w = 0;
    if (n & _1n3) {
      w = Number(n & mask);
      if (w >= half)
        w -= size;
      n -= BigInt(w);
    }
    d.push(w);
    n >>= _1n3;
  }
  return d;
}
function signedWindowDigits(n, W, windows) {
  const size = 2 ** W;
  const half = size / 2;
  const mask = BigInt(size - 1);
  const shiftBy = BigInt(W);
  const d = [];
  for (let w = 0; w < windows; w++) {
    let v = Number(n & mask);
    n >>= shiftBy;
    if (v > half) {
      v -= size;
      n += _1n3;
    }
    d.push(v);
  }
  if (n !== _0n3)
    throw new Error("invalid wnaf");
  return d;
}
function wnafWalk(zero, tables, digits) {
  let max = 0;
  for (const d of digits)
    max = Math.max(max, d.length);
  let acc = zero;
  for (let bit = max - 1; bit >= 0; bit--) {
    if (bit !== max - 1)
      acc = acc.double();
    for (let i = 0; i < digits.length; i++) {
      const w = digits[i][bit];
      if (w) {
        const item = tables[i][Math.abs(w) - 1 >> 1];
        acc = acc.add(w < 0 ? item.negate() : item);
      }
    }
  }
  return acc;
}
var ScalarMultiplier = class {
  Point;
  BASE;
  ZERO;
  randomBytes;
  wnafPrecomputes = /* @__PURE__ */ new WeakMap();
  baseCanBeBlinded;
  bits;
  // Parametrized with a given Point class (not individual point)
  constructor(Point, randomBytes3) {
    validatePointCons(Point);
    this.randomBytes = probeRandomBytes(randomBytes3, BLIND_BYTES);
    this.Point = Point;
    this.BASE = Point.BASE;
    this.ZERO = Point.ZERO;
    this.bits = Point.Fn.BITS;
  }
  /**
   * Creates a signed fixed-window wNAF precomputation table: for every window w, the
   * multiples `[1..2^(W−1)]⋅2^(w⋅W)⋅P`, flattened. All doublings are baked into the table,
   * so cached multiplication is additions-only. `windows = ceil(bits/W) + 1`: the extra
   * window absorbs the final carry of signed-digit recoding.
   * For a 256-bit curve and W=6, the table is 44⋅32 = 1408 points.
   * @param point - Point instance
   * @param W - window size
   * @param bits - scalar bitlength the table must cover
   */
  buildWnafTable(point, W, bits) {
    const windows = Math.ceil(bits / W) + 1;
    const half = 2 ** (W - 1);
    const comp = [];
    let base = point;
    for (let w = 0; w < windows; w++) {
      let acc = base;
      for (let i = 0; i < half; i++) {
        comp.push(acc);
        acc = acc.add(base);
      }
      base = comp[comp.length - 1].double();
    }
    return { W, bits, windows, comp };
  }
  /**
   * Implements ec multiplication using precomputed signed fixed-window wNAF tables.
   * Constant-time: fixed window count with one table addition per window — zero digits feed
   * the fake accumulator — and no doublings; the lookup scans the whole window slice.
   * Scalar bounds are validated by the public entry points ({@link ScalarMultiplier.mulCT},
   * {@link ScalarMultiplier.mulCTBlinded}, {@link ScalarMultiplier.mulUnsafe});
   * signedWindowDigits throws if `n` exceeds the table.
   * @returns real and fake (for const-time) points
   */
  wnafCachedCT(precomputes, n) {
    const { W, windows, comp } = precomputes;
    const half = 2 ** (W - 1);
    const digits = signedWindowDigits(n, W, windows);
    let p = this.ZERO;
    let f = this.BASE;
    for (let w = 0; w < windows; w++) {
      const digit = digits[w];
      const start = w * half;
      const idx = Math.abs(digit) - 1;
      let sel = comp[start];
      for (let i = 1; i < half; i++)
        sel = i === idx ? comp[start + i] : sel;
      const neg = sel.negate();
      if (digit === 0)
        f = f.add(comp[start]);
      else
        p = p.add(digit < 0 ? neg : sel);
    }
    return { p, f };
  }
  // Cache key is point identity plus (W, bits); at most two entries exist per point (public-width
  // `Fn.BITS` and blinded `Fn.BITS + BLIND_BITS`). Callers must not reuse the same point with
  // incompatible `transform(...)` layouts and expect a separate cache entry.
  getWnafPrecomputes(W, point, bits, transform) {
    let entries = this.wnafPrecomputes.get(point);
    let comp = entries?.find((entry) => entry.W === W && entry.bits === bits);
    if (!comp) {
      comp = this.buildWnafTable(point, W, bits);
      if (typeof transform === "function")
        comp = { ...comp, comp: transform(comp.comp) };
      if (!entries) {
        entries = [];
        this.wnafPrecomputes.set(point, entries);
      }
      entries.push(comp);
    }
    return comp;
  }
  assertPoint(point) {
    if (!(point instanceof this.Point))
      throw new TypeError('"point" expected Point instance, got type=' + typeof point);
  }
  // Shared prologue of the constant-time entry points. Rejects scalar 0: in key/signature-style
  // callers a zero scalar means broken upstream plumbing, and concrete Points already reject it.
  // Uses inRange instead of Fn.isValidNot0: validateField() only certifies the arithmetic subset.
  validateMulInput(point, scalar) {
    this.assertPoint(point);
    if (!inRange(scalar, _1n3, this.Point.Fn.ORDER))
      throw new Error("invalid scalar");
  }
  // Constant-time dispatch shared by mulCT / mulCTBlinded. Un-precomputed points (W===1, e.g.
  // ECDH peer keys) skip building a throwaway cached table in favor of a small fixed-window
  // multiply. `n` must be < 2^bits.
  runCT(point, n, bits, transform) {
    const W = getWindowSize(point);
    if (W === 1)
      return this.fixedWindowCT(point, n, bits);
    return this.wnafCachedCT(this.getWnafPrecomputes(W, point, bits, transform), n);
  }
  mulCT(point, scalar, transform) {
    this.validateMulInput(point, scalar);
    return this.runCT(point, scalar, this.bits, transform);
  }
  mulCTBlinded(point, scalar, transform) {
    this.validateMulInput(point, scalar);
    if (this.randomBytes === void 0)
      throw new Error("randomBytes is required for scalar blinding");
    const bits = this.Point.Fn.BITS + BLIND_BITS;
    const blind = this.randomBytes(BLIND_BYTES);
    if (!isBytes2(blind) || blind.length !== BLIND_BYTES)
      throw new Error("randomBytes returned invalid byte array");
    blind[0] = blind[0] & 63 | 128;
    const n = scalar + bytesToNumberBE(blind) * this.Point.Fn.ORDER;
    return this.runCT(point, n, bits, transform);
  }
  /**
   * Constant-time multiplication `n*point` for an un-precomputed point, via a small fixed window.
   * A cached wNAF table only pays off when reused; a flat 2^FW_WINDOW table (`size-1` adds) is
   * far cheaper to build for a single use. The point-operation sequence is independent of `n`:
   * build the table, then per window exactly FW_WINDOW doublings, a data-oblivious scan over
   * every table entry, and one addition (adds the identity when the window digit is 0 — never
   * skipped).
   *
   * `n` must be `< 2^bits`. Assumes complete addition (adding the identity costs the same as any
   * add), which holds for the Weierstrass/Edwards point types used here. The table is left in
   * projective form (no normalizeZ): normalizing this small a table costs more than the
   * mixed-add savings it would buy for a single multiply.
   * @returns real point `p`; `f` duplicates it only to match {@link wnafCachedCT}'s return shape
   * (this path needs no fake accumulator — its op-count is already scalar-independent).
   */
  fixedWindowCT(point, n, bits) {
    const W = FW_WINDOW;
    const size = 1 << W;
    const mask = bitMask(W);
    const table = new Array(size);
    table[0] = this.ZERO;
    for (let i = 1; i < size; i++)
      table[i] = table[i - 1].add(point);
    const windows = Math.ceil(bits / W);
    let acc = this.ZERO;
    for (let window = windows - 1; window >= 0; window--) {
      if (window !== windows - 1)
        for (let d = 0; d < W; d++)
          acc = acc.double();
      const digit = Number(n >> BigInt(window * W) & mask);
      let sel = table[0];
      for (let i = 1; i < size; i++)
        sel = i === digit ? table[i] : sel;
      acc = acc.add(sel);
    }
    return { p: acc, f: acc };
  }
  shouldBlind(point, cofactor) {
    if (this.randomBytes === void 0)
      return false;
    if (cofactor === _1n3)
      return true;
    if (point !== this.BASE)
      return false;
    if (this.baseCanBeBlinded === void 0)
      this.baseCanBeBlinded = this.mulUnsafe(this.BASE, this.Point.Fn.ORDER).is0();
    return this.baseCanBeBlinded;
  }
  mulSecret(point, scalar, cofactor, transform) {
    return this.shouldBlind(point, cofactor) ? this.mulCTBlinded(point, scalar, transform) : this.mulCT(point, scalar, transform);
  }
  mulUnsafe(point, scalar, transform) {
    this.assertPoint(point);
    if (!isPosBig(scalar))
      throw new Error("invalid scalar");
    const W = getWindowSize(point);
    if (W === 1 || scalar >= this.Point.Fn.ORDER)
      return mulAddUnsafe(this.Point, [point], [scalar], true);
    const precomputes = this.getWnafPrecomputes(W, point, this.bits, transform);
    return this.wnafCachedCT(precomputes, scalar).p;
  }
  // Remembers the window size used for precomputed wNAF multiplication of the given point
  // and drops any previously built tables. Usually only the base point is precomputed.
  // W=1 resets the point to the un-precomputed (table-less) paths.
  // W is additionally capped so tables stay under ~2 GiB ({@link TABLE_BYTES_MAX}).
  setWindowSize(point, W) {
    this.assertPoint(point);
    validateW(W, this.bits);
    const windows = Math.ceil((this.bits + BLIND_BITS) / W) + 1;
    validateTableBytes(windows * 2 ** (W - 1), this.Point.Fp.BYTES);
    pointWindowSizes.set(point, W);
    this.wnafPrecomputes.delete(point);
  }
  // True when a window size is set: tables themselves are built lazily on first multiply.
  hasWindowSize(point) {
    return getWindowSize(point) !== 1;
  }
};
function mulAddUnsafe(c, points, scalars, allowOversized = false) {
  validatePointCons(c);
  validateMSMPoints(points, c);
  abool(allowOversized, "allowOversized");
  validateMSMScalars(scalars, c.Fn, allowOversized ? c.Fn.ORDER ** _4n2 : void 0);
  if (points.length !== scalars.length)
    throw new Error("arrays of points and scalars must have equal length");
  const tables = points.map((p) => oddMultiples(p, 4));
  const digits = scalars.map((n) => wnafDigits(n, 4));
  return wnafWalk(c.ZERO, tables, digits);
}
function createField(order, field, isLE2) {
  if (field) {
    if (field.ORDER !== order)
      throw new Error("Field.ORDER must match order: Fp == p, Fn == n");
    validateField(field);
    return field;
  } else {
    return Field(order, { isLE: isLE2 });
  }
}
function createCurveFields(type, CURVE, curveOpts = {}, FpFnLE) {
  if (type !== "weierstrass" && type !== "edwards")
    throw new Error('expected curve type "weierstrass" or "edwards"');
  if (FpFnLE === void 0)
    FpFnLE = type === "edwards";
  if (!CURVE || typeof CURVE !== "object")
    throw new Error(`expected valid ${type} CURVE object`);
  validateObject(curveOpts);
  for (const p of ["p", "n", "h"]) {
    const val = CURVE[p];
    if (!(isPosBig(val) && val !== _0n3))
      throw new Error(`CURVE.${p} must be positive bigint`);
  }
  const Fp2 = createField(CURVE.p, curveOpts.Fp, FpFnLE);
  const Fn = createField(CURVE.n, curveOpts.Fn, FpFnLE);
  const _b = type === "weierstrass" ? "b" : "d";
  const params = ["Gx", "Gy", "a", _b];
  for (const p of params) {
    if (!Fp2.isValid(CURVE[p]))
      throw new Error(`CURVE.${p} must be valid field element of CURVE.Fp`);
  }
  CURVE = Object.freeze(Object.assign({}, CURVE));
  return { CURVE, Fp: Fp2, Fn };
}
function createKeygen(randomSecretKey, getPublicKey) {
  return function keygen(seed) {
    const secretKey2 = randomSecretKey(seed);
    return { secretKey: secretKey2, publicKey: getPublicKey(secretKey2) };
  };
}

// node_modules/@noble/curves/abstract/edwards.js
var _0n4 = /* @__PURE__ */ BigInt(0);
var _1n4 = /* @__PURE__ */ BigInt(1);
var _2n2 = /* @__PURE__ */ BigInt(2);
var _4n3 = /* @__PURE__ */ BigInt(4);
var _8n2 = /* @__PURE__ */ BigInt(8);
function isEdValidXY(Fp2, CURVE, x, y) {
  const x2 = Fp2.sqr(x);
  const y2 = Fp2.sqr(y);
  const left = Fp2.add(Fp2.mul(CURVE.a, x2), y2);
  const right = Fp2.add(Fp2.ONE, Fp2.mul(CURVE.d, Fp2.mul(x2, y2)));
  return Fp2.eql(left, right);
}
function edwards(params, extraOpts = {}) {
  validateObject(extraOpts, {}, {}, "extraOpts");
  const opts = extraOpts;
  const validated = createCurveFields("edwards", params, opts, opts.FpFnLE);
  const { Fp: Fp2, Fn } = validated;
  let CURVE = validated.CURVE;
  const { h: cofactor } = CURVE;
  if (FpLegendre(Fp2, CURVE.a) !== 1)
    throw new Error("edwards: CURVE.a must be a square in Fp for complete addition formulas");
  if (FpLegendre(Fp2, CURVE.d) !== -1)
    throw new Error("edwards: CURVE.d must be a non-square in Fp for complete addition formulas");
  validateObject(opts, {}, { uvRatio: "function", randomBytes: "function" });
  const randomBytes3 = opts.randomBytes === void 0 ? randomBytes2 : opts.randomBytes;
  const MASK = _2n2 << BigInt(Fp2.BYTES * 8) - _1n4;
  function isOdd(n) {
    if (!Fp2.isOdd)
      throw new Error("Field does not have .isOdd()");
    return Fp2.isOdd(n);
  }
  const uvRatio2 = opts.uvRatio === void 0 ? (u, v) => {
    try {
      return { isValid: true, value: Fp2.sqrt(Fp2.div(u, v)) };
    } catch (e) {
      return { isValid: false, value: _0n4 };
    }
  } : opts.uvRatio;
  if (!isEdValidXY(Fp2, CURVE, CURVE.Gx, CURVE.Gy))
    throw new Error("bad curve params: generator point");
  const mulA = Fp2.eql(CURVE.a, Fp2.neg(Fp2.ONE)) ? (x) => Fp2.neg(x) : Fp2.eql(CURVE.a, Fp2.ONE) ? (x) => x : (x) => Fp2.mul(CURVE.a, x);
  function acoord(title, n, banZero = false) {
    const min = banZero ? _1n4 : _0n4;
    aInRange("coordinate " + title, n, min, MASK);
    return n;
  }
  function aedpoint(other) {
    if (!(other instanceof Point))
      throw new Error("EdwardsPoint expected");
  }
  class Point {
    static BASE = new Point(CURVE.Gx, CURVE.Gy, Fp2.ONE, Fp2.mul(CURVE.Gx, CURVE.Gy));
    static ZERO = new Point(Fp2.ZERO, Fp2.ONE, Fp2.ONE, Fp2.ZERO);
    static Fp = Fp2;
    static Fn = Fn;
    X;
    Y;
    Z;
    T;
    constructor(X, Y, Z, T) {
      this.X = acoord("x", X);
      this.Y = acoord("y", Y);
      this.Z = acoord("z", Z, true);
      this.T = acoord("t", T);
      Object.freeze(this);
    }
    static CURVE() {
      return CURVE;
    }
    /**
     * Create one extended Edwards point from affine coordinates.
     * Does NOT validate that the point is on-curve or torsion-free.
     * Use `.assertValidity()` on adversarial inputs.
     */
    static fromAffine(p) {
      if (p instanceof Point)
        throw new Error("extended point not allowed");
      const { x, y } = p || {};
      acoord("x", x);
      acoord("y", y);
      return new Point(x, y, Fp2.ONE, Fp2.mul(x, y));
    }
    // Uses algo from RFC8032 5.1.3.
    static fromBytes(bytes, zip215 = false) {
      const len = Fp2.BYTES;
      const { a, d } = CURVE;
      bytes = copyBytes(abytes2(bytes, len, "point"));
      abool(zip215, "zip215");
      const normed = copyBytes(bytes);
      const lastByte = bytes[len - 1];
      normed[len - 1] = lastByte & ~128;
      const y = bytesToNumberLE(normed);
      const max = zip215 ? MASK : Fp2.ORDER;
      aInRange("point.y", y, _0n4, max);
      const y2 = Fp2.sqr(y);
      const u = Fp2.sub(y2, Fp2.ONE);
      const v = Fp2.sub(Fp2.mulN(d, y2), a);
      let { isValid, value: x } = uvRatio2(u, v);
      if (!isValid)
        throw new Error("bad point: invalid y coordinate");
      const isXOdd = isOdd(x);
      const isLastByteOdd = (lastByte & 128) !== 0;
      if (!zip215 && Fp2.is0(x) && isLastByteOdd)
        throw new Error("bad point: x=0 and x_0=1");
      if (isLastByteOdd !== isXOdd)
        x = Fp2.neg(x);
      return Point.fromAffine({ x, y });
    }
    static fromHex(hex, zip215 = false) {
      return Point.fromBytes(hexToBytes2(hex), zip215);
    }
    get x() {
      return this.toAffine().x;
    }
    get y() {
      return this.toAffine().y;
    }
    precompute(windowSize = 6, isLazy = true) {
      wnaf.setWindowSize(this, windowSize);
      if (!isLazy)
        this.multiply(_2n2);
      return this;
    }
    // Useful in fromAffine() - not for fromBytes(), which always created valid points.
    assertValidity() {
      const p = this;
      const { a, d } = CURVE;
      if (p.is0())
        throw new Error("bad point: ZERO");
      const { X, Y, Z, T } = p;
      const X2 = Fp2.sqr(X);
      const Y2 = Fp2.sqr(Y);
      const Z2 = Fp2.sqr(Z);
      const Z4 = Fp2.sqr(Z2);
      const aX2 = Fp2.mul(X2, a);
      const left = Fp2.mul(Fp2.add(aX2, Y2), Z2);
      const right = Fp2.add(Z4, Fp2.mul(d, Fp2.mul(X2, Y2)));
      if (!Fp2.eql(left, right))
        throw new Error("bad point: equation left != right (1)");
      const XY = Fp2.mul(X, Y);
      const ZT = Fp2.mul(Z, T);
      if (!Fp2.eql(XY, ZT))
        throw new Error("bad point: equation left != right (2)");
    }
    // Compare one point to another.
    equals(other) {
      aedpoint(other);
      const { X: X1, Y: Y1, Z: Z1 } = this;
      const { X: X2, Y: Y2, Z: Z2 } = other;
      const X1Z2 = Fp2.mul(X1, Z2);
      const X2Z1 = Fp2.mul(X2, Z1);
      const Y1Z2 = Fp2.mul(Y1, Z2);
      const Y2Z1 = Fp2.mul(Y2, Z1);
      return Fp2.eql(X1Z2, X2Z1) && Fp2.eql(Y1Z2, Y2Z1);
    }
    is0() {
      return this.equals(Point.ZERO);
    }
    negate() {
      return new Point(Fp2.neg(this.X), this.Y, this.Z, Fp2.neg(this.T));
    }
    // Fast algo for doubling Extended Point.
    // https://hyperelliptic.org/EFD/g1p/auto-twisted-extended.html#doubling-dbl-2008-hwcd
    // Cost: 4M + 4S + 1*a + 6add + 1*2.
    double() {
      const { X: X1, Y: Y1, Z: Z1 } = this;
      const A = Fp2.sqr(X1);
      const B = Fp2.sqr(Y1);
      const C = Fp2.mul(Fp2.sqr(Z1), _2n2);
      const D = mulA(A);
      const x1y1 = Fp2.addN(X1, Y1);
      const E = Fp2.sub(Fp2.subN(Fp2.sqr(x1y1), A), B);
      const G = Fp2.addN(D, B);
      const F = Fp2.subN(G, C);
      const H = Fp2.subN(D, B);
      const X3 = Fp2.mul(E, F);
      const Y3 = Fp2.mul(G, H);
      const T3 = Fp2.mul(E, H);
      const Z3 = Fp2.mul(F, G);
      return new Point(X3, Y3, Z3, T3);
    }
    // Fast algo for adding 2 Extended Points.
    // https://hyperelliptic.org/EFD/g1p/auto-twisted-extended.html#addition-add-2008-hwcd
    // Cost: 9M + 1*a + 1*d + 7add.
    add(other) {
      aedpoint(other);
      const { d } = CURVE;
      const { X: X1, Y: Y1, Z: Z1, T: T1 } = this;
      const { X: X2, Y: Y2, Z: Z2, T: T2 } = other;
      const A = Fp2.mul(X1, X2);
      const B = Fp2.mul(Y1, Y2);
      const C = Fp2.mul(Fp2.mulN(T1, d), T2);
      const D = Fp2.mul(Z1, Z2);
      const E = Fp2.sub(Fp2.subN(Fp2.mulN(Fp2.addN(X1, Y1), Fp2.addN(X2, Y2)), A), B);
      const F = Fp2.subN(D, C);
      const G = Fp2.addN(D, C);
      const H = Fp2.sub(B, mulA(A));
      const X3 = Fp2.mul(E, F);
      const Y3 = Fp2.mul(G, H);
      const T3 = Fp2.mul(E, H);
      const Z3 = Fp2.mul(F, G);
      return new Point(X3, Y3, Z3, T3);
    }
    subtract(other) {
      aedpoint(other);
      return this.add(other.negate());
    }
    // Constant-time multiplication.
    multiply(scalar) {
      if (!Fn.isValidNot0(scalar))
        throw new RangeError("invalid scalar: expected 1 <= sc < curve.n");
      const { p, f } = wnaf.mulSecret(this, scalar, cofactor, normalize);
      return normalize([p, f])[0];
    }
    // Non-constant-time multiplication. Uses double-and-add algorithm.
    // It's faster, but should only be used when you don't care about
    // an exposed private key e.g. sig verification.
    // Keeps the same subgroup-scalar contract: 0 is allowed for public-scalar callers, but
    // n and larger values are rejected instead of being reduced mod n to the identity point.
    multiplyUnsafe(scalar) {
      if (!Fn.isValid(scalar))
        throw new RangeError("invalid scalar: expected 0 <= sc < curve.n");
      if (scalar === _0n4)
        return Point.ZERO;
      if (this.is0() || scalar === _1n4)
        return this;
      return wnaf.mulUnsafe(this, scalar, normalize);
    }
    // Checks if point is of small order.
    // If you add something to small order point, you will have "dirty"
    // point with torsion component.
    // Clears cofactor and checks if the result is 0.
    isSmallOrder() {
      return this.clearCofactor().is0();
    }
    // Multiplies point by curve order and checks if the result is 0.
    // Returns `false` is the point is dirty.
    isTorsionFree() {
      return wnaf.mulUnsafe(this, CURVE.n).is0();
    }
    // Converts Extended point to default (x, y) coordinates.
    // Can accept precomputed Z^-1 - for example, from invertBatch.
    toAffine(invertedZ) {
      const p = this;
      let iz = invertedZ;
      if (iz != null && typeof iz !== "bigint")
        throw new TypeError('"invertedZ" expected bigint, got type=' + typeof iz);
      const { X, Y, Z } = p;
      const is0 = p.is0();
      if (iz == null)
        iz = is0 ? Fp2.create(_8n2) : Fp2.inv(Z);
      const x = Fp2.mul(X, iz);
      const y = Fp2.mul(Y, iz);
      const zz = Fp2.mul(Z, iz);
      if (is0)
        return { x: Fp2.ZERO, y: Fp2.ONE };
      if (!Fp2.eql(zz, Fp2.ONE))
        throw new Error("invZ was invalid");
      return { x, y };
    }
    clearCofactor() {
      if (cofactor === _1n4)
        return this;
      if (cofactor === _2n2)
        return this.double();
      if (cofactor === _4n3)
        return this.double().double();
      if (cofactor === _8n2)
        return this.double().double().double();
      return this.multiplyUnsafe(cofactor);
    }
    toBytes() {
      const { x, y } = this.toAffine();
      const bytes = Fp2.toBytes(y);
      bytes[bytes.length - 1] |= isOdd(x) ? 128 : 0;
      return bytes;
    }
    toHex() {
      return bytesToHex2(this.toBytes());
    }
    toString() {
      return `<Point ${this.is0() ? "ZERO" : this.toHex()}>`;
    }
  }
  const normalize = (points) => normalizeZ(Point, points);
  const wnaf = new ScalarMultiplier(Point, randomBytes3);
  if (wnaf.bits >= 6)
    Point.BASE.precompute(6);
  Object.freeze(Point.prototype);
  Object.freeze(Point);
  return Point;
}
function eddsa(Point, cHash, eddsaOpts = {}) {
  validatePointCons(Point);
  if (typeof cHash !== "function")
    throw new Error('"hash" function param is required');
  const hash = cHash;
  const opts = eddsaOpts;
  validateObject(opts, {}, {
    adjustScalarBytes: "function",
    randomBytes: "function",
    domain: "function",
    prehash: "function",
    zip215: "boolean",
    mapToCurve: "function",
    toMontgomery: "function",
    toMontgomerySecret: "function"
  });
  const { prehash } = opts;
  const { BASE, Fp: Fp2, Fn } = Point;
  const outputLen = hash.outputLen;
  const expectedLen = 2 * Fp2.BYTES;
  if (outputLen !== void 0) {
    asafenumber(outputLen, "hash.outputLen");
    if (outputLen !== expectedLen)
      throw new Error(`hash.outputLen must be ${expectedLen}, got ${outputLen}`);
  }
  const randomBytes3 = opts.randomBytes === void 0 ? randomBytes2 : opts.randomBytes;
  const toMontgomery2 = opts.toMontgomery;
  const toMontgomerySecret2 = opts.toMontgomerySecret;
  const adjustScalarBytes2 = opts.adjustScalarBytes === void 0 ? (bytes) => bytes : opts.adjustScalarBytes;
  const domain = opts.domain === void 0 ? (data, ctx, phflag) => {
    abool(phflag, "phflag");
    if (ctx.length || phflag)
      throw new Error("Contexts/pre-hash are not supported");
    return data;
  } : opts.domain;
  function modN_LE(hash2) {
    return Fn.create(bytesToNumberLE(hash2));
  }
  function getPrivateScalar(key) {
    const len = lengths.secretKey;
    abytes2(key, lengths.secretKey, "secretKey");
    const hashed = abytes2(hash(key), 2 * len, "hashedSecretKey");
    const head = adjustScalarBytes2(hashed.slice(0, len));
    const prefix = hashed.slice(len, 2 * len);
    const scalar = modN_LE(head);
    return { head, prefix, scalar };
  }
  function getExtendedPublicKey(secretKey2) {
    const { head, prefix, scalar } = getPrivateScalar(secretKey2);
    const point = BASE.multiply(scalar);
    const pointBytes = point.toBytes();
    return { head, prefix, scalar, point, pointBytes };
  }
  function getPublicKey(secretKey2) {
    return getExtendedPublicKey(secretKey2).pointBytes;
  }
  function hashDomainToScalar(context = Uint8Array.of(), ...msgs) {
    const msg = concatBytes2(...msgs);
    return modN_LE(hash(domain(msg, abytes2(context, void 0, "context"), !!prehash)));
  }
  function sign(msg, secretKey2, options = {}) {
    validateObject(options, {}, {}, "options");
    msg = copyBytes(abytes2(msg, void 0, "message"));
    if (prehash)
      msg = prehash(msg);
    const { prefix, scalar, pointBytes } = getExtendedPublicKey(secretKey2);
    const r = hashDomainToScalar(options.context, prefix, msg);
    const R = BASE.multiply(r).toBytes();
    const k = hashDomainToScalar(options.context, R, pointBytes, msg);
    const s = Fn.create(r + k * scalar);
    if (!Fn.isValid(s))
      throw new Error("sign failed: invalid s");
    const rs = concatBytes2(R, Fn.toBytes(s));
    return abytes2(rs, lengths.signature, "result");
  }
  const verifyOpts = {
    zip215: opts.zip215
  };
  function verify(sig, msg, publicKey, options = verifyOpts) {
    validateObject(options);
    const { context } = options;
    const zip215 = options.zip215 === void 0 ? !!verifyOpts.zip215 : options.zip215;
    const len = lengths.signature;
    sig = abytes2(sig, len, "signature");
    msg = abytes2(msg, void 0, "message");
    publicKey = abytes2(publicKey, lengths.publicKey, "publicKey");
    if (zip215 !== void 0)
      abool(zip215, "zip215");
    if (prehash)
      msg = prehash(msg);
    const mid = len / 2;
    const r = sig.subarray(0, mid);
    const s = bytesToNumberLE(sig.subarray(mid, len));
    let A, R, SB;
    try {
      A = Point.fromBytes(publicKey, zip215);
      R = Point.fromBytes(r, zip215);
      SB = BASE.multiplyUnsafe(s);
    } catch (error) {
      return false;
    }
    if (!zip215 && A.isSmallOrder())
      return false;
    const k = hashDomainToScalar(context, r, publicKey, msg);
    const RkA = R.add(A.multiplyUnsafe(k));
    return RkA.subtract(SB).clearCofactor().is0();
  }
  const _size = Fp2.BYTES;
  const lengths = {
    secretKey: _size,
    publicKey: _size,
    signature: 2 * _size,
    seed: _size
  };
  function randomSecretKey(seed) {
    seed = seed === void 0 ? randomBytes3(lengths.seed) : seed;
    return abytes2(seed, lengths.seed, "seed");
  }
  function isValidSecretKey(key) {
    return isBytes2(key) && key.length === lengths.secretKey;
  }
  function isValidPublicKey(key, zip215) {
    try {
      return !!Point.fromBytes(key, zip215 === void 0 ? verifyOpts.zip215 : zip215);
    } catch (error) {
      return false;
    }
  }
  const utils = {
    getExtendedPublicKey,
    randomSecretKey,
    isValidSecretKey,
    isValidPublicKey,
    /** Converts an Edwards public key to a companion Montgomery public key. */
    toMontgomery(publicKey) {
      if (toMontgomery2 === void 0)
        throw new Error("Montgomery conversion is not supported for this curve");
      return toMontgomery2(Point.fromBytes(publicKey));
    },
    toMontgomerySecret(secretKey2) {
      if (toMontgomerySecret2 === void 0)
        throw new Error("Montgomery conversion is not supported for this curve");
      return toMontgomerySecret2(secretKey2);
    }
  };
  Object.freeze(lengths);
  Object.freeze(utils);
  return Object.freeze({
    keygen: createKeygen(randomSecretKey, getPublicKey),
    getPublicKey,
    sign,
    verify,
    utils,
    Point,
    lengths
  });
}

// node_modules/@noble/curves/abstract/montgomery.js
var _0n5 = /* @__PURE__ */ BigInt(0);
var _1n5 = /* @__PURE__ */ BigInt(1);
var _2n3 = /* @__PURE__ */ BigInt(2);
function cmask(P, swap) {
  return P + swap - (swap >> _1n5 << _1n5);
}
function cswap(P) {
  const offset = BigInt(6) * P;
  return (mask, x_2, x_3) => {
    const sum = x_2 + x_3;
    const d = offset + x_3 - x_2;
    const a = (d * mask + x_2) % P;
    return { x_2: a, x_3: sum - a };
  };
}
function validateOpts(curve) {
  validateObject(curve, {
    P: "bigint",
    type: "string",
    adjustScalarBytes: "function",
    powPminus2: "function"
  }, {
    randomBytes: "function",
    scalarMultBase: "function"
  });
  return Object.freeze({ ...curve });
}
function montgomery(curveDef) {
  const CURVE = validateOpts(curveDef);
  const { P, type, adjustScalarBytes: adjustScalarBytes2, powPminus2, randomBytes: rand } = CURVE;
  const mulBaseHook = CURVE.scalarMultBase;
  const is25519 = type === "x25519";
  if (!is25519 && type !== "x448")
    throw new Error("invalid type");
  const randomBytes_ = rand === void 0 ? randomBytes2 : rand;
  const montgomeryBits = is25519 ? 255 : 448;
  const swap = cswap(P);
  const fieldLen = is25519 ? 32 : 56;
  const Gu = is25519 ? BigInt(9) : BigInt(5);
  const a24 = is25519 ? BigInt(121665) : BigInt(39081);
  const minScalar = is25519 ? _2n3 ** BigInt(254) : _2n3 ** BigInt(447);
  const maxAdded = is25519 ? BigInt(8) * (_2n3 ** BigInt(251) - _1n5) : BigInt(4) * (_2n3 ** BigInt(445) - _1n5);
  const maxScalar = minScalar + maxAdded + _1n5;
  const modP = (n) => mod(n, P);
  const GuBytes = encodeU(Gu);
  function encodeU(u) {
    return numberToBytesLE(modP(u), fieldLen);
  }
  function decodeU(u) {
    const _u = copyBytes(abytes2(u, fieldLen, "uCoordinate"));
    if (is25519)
      _u[31] &= 127;
    return modP(bytesToNumberLE(_u));
  }
  function decodeScalar(scalar) {
    return bytesToNumberLE(adjustScalarBytes2(copyBytes(abytes2(scalar, fieldLen, "scalar"))));
  }
  const lowOrderU = new Set(is25519 ? [
    _0n5,
    _1n5,
    P - _1n5,
    BigInt("325606250916557431795983626356110631294008115727848805560023387167927233504"),
    BigInt("39382357235489614581723060781553021112529911719440698176882885853963445705823")
  ] : [_0n5, _1n5, P - _1n5]);
  function scalarMult(scalar, u) {
    const pointU = decodeU(u);
    if (lowOrderU.has(pointU))
      throw new Error("invalid private or public key received");
    const pu = montgomeryLadder(pointU, decodeScalar(scalar));
    if (pu === _0n5)
      throw new Error("invalid private or public key received");
    return encodeU(pu);
  }
  function scalarMultBase(scalar) {
    if (mulBaseHook === void 0)
      return scalarMult(scalar, GuBytes);
    const k = decodeScalar(scalar);
    aInRange("scalar", k, minScalar, maxScalar);
    const pu = modP(mulBaseHook(k));
    if (pu === _0n5)
      throw new Error("invalid private or public key received");
    return encodeU(pu);
  }
  const getPublicKey = scalarMultBase;
  const getSharedSecret = scalarMult;
  function montgomeryLadder(u, scalar) {
    aInRange("u", u, _0n5, P);
    aInRange("scalar", scalar, minScalar, maxScalar);
    const k = scalar;
    const x_1 = u;
    let x_2 = _1n5;
    let z_2 = _0n5;
    let x_3 = u;
    let z_3 = _1n5;
    const kx = k ^ k >> _1n5;
    for (let t = BigInt(montgomeryBits - 1); t >= _0n5; t--) {
      const mask2 = cmask(P, kx >> t);
      ({ x_2, x_3 } = swap(mask2, x_2, x_3));
      ({ x_2: z_2, x_3: z_3 } = swap(mask2, z_2, z_3));
      const A = x_2 + z_2;
      const AA = modP(A * A);
      const B = x_2 - z_2;
      const BB = modP(B * B);
      const E = AA - BB;
      const C = x_3 + z_3;
      const D = x_3 - z_3;
      const DA = modP(D * A);
      const CB = modP(C * B);
      const dacb = DA + CB;
      const da_cb = DA - CB;
      x_3 = modP(dacb * dacb);
      z_3 = modP(x_1 * modP(da_cb * da_cb));
      x_2 = modP(AA * BB);
      z_2 = modP(E * (AA + modP(a24 * E)));
    }
    const mask = cmask(P, k);
    ({ x_2, x_3 } = swap(mask, x_2, x_3));
    ({ x_2: z_2, x_3: z_3 } = swap(mask, z_2, z_3));
    const z2 = powPminus2(z_2);
    return modP(x_2 * z2);
  }
  const lengths = {
    secretKey: fieldLen,
    publicKey: fieldLen,
    seed: fieldLen
  };
  const randomSecretKey = (seed) => {
    seed = seed === void 0 ? randomBytes_(fieldLen) : seed;
    abytes2(seed, lengths.seed, "seed");
    return seed;
  };
  const utils = { randomSecretKey };
  Object.freeze(lengths);
  Object.freeze(utils);
  return Object.freeze({
    keygen: createKeygen(randomSecretKey, getPublicKey),
    getSharedSecret,
    getPublicKey,
    scalarMult,
    scalarMultBase,
    utils,
    GuBytes: GuBytes.slice(),
    lengths
  });
}

// node_modules/@noble/curves/ed25519.js
var _0n6 = /* @__PURE__ */ BigInt(0);
var _1n6 = /* @__PURE__ */ BigInt(1);
var _2n4 = /* @__PURE__ */ BigInt(2);
var _3n2 = /* @__PURE__ */ BigInt(3);
var _5n2 = /* @__PURE__ */ BigInt(5);
var _8n3 = /* @__PURE__ */ BigInt(8);
var ed25519_CURVE_p = /* @__PURE__ */ BigInt("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffed");
var ed25519_CURVE = /* @__PURE__ */ (() => ({
  p: ed25519_CURVE_p,
  n: BigInt("0x1000000000000000000000000000000014def9dea2f79cd65812631a5cf5d3ed"),
  h: _8n3,
  a: BigInt("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffec"),
  d: BigInt("0x52036cee2b6ffe738cc740797779e89800700a4d4141d8ab75eb4dca135978a3"),
  Gx: BigInt("0x216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51a"),
  Gy: BigInt("0x6666666666666666666666666666666666666666666666666666666666666658")
}))();
function ed25519_pow_2_252_3(x) {
  const _10n = BigInt(10), _20n = BigInt(20), _40n = BigInt(40), _80n = BigInt(80);
  const P = ed25519_CURVE_p;
  const x2 = x * x % P;
  const b2 = x2 * x % P;
  const b4 = pow2(b2, _2n4, P) * b2 % P;
  const b5 = pow2(b4, _1n6, P) * x % P;
  const b10 = pow2(b5, _5n2, P) * b5 % P;
  const b20 = pow2(b10, _10n, P) * b10 % P;
  const b40 = pow2(b20, _20n, P) * b20 % P;
  const b80 = pow2(b40, _40n, P) * b40 % P;
  const b160 = pow2(b80, _80n, P) * b80 % P;
  const b240 = pow2(b160, _80n, P) * b80 % P;
  const b250 = pow2(b240, _10n, P) * b10 % P;
  const pow_p_5_8 = pow2(b250, _2n4, P) * x % P;
  return { pow_p_5_8, b2 };
}
function adjustScalarBytes(bytes) {
  bytes[0] &= 248;
  bytes[31] &= 127;
  bytes[31] |= 64;
  return bytes;
}
var ED25519_SQRT_M1 = /* @__PURE__ */ BigInt("19681161376707505956807079304988542015446066515923890162744021073123829784752");
function uvRatio(u, v) {
  const P = ed25519_CURVE_p;
  const v3 = mod(v * v * v, P);
  const v7 = mod(v3 * v3 * v, P);
  const pow3 = ed25519_pow_2_252_3(u * v7).pow_p_5_8;
  let x = mod(u * v3 * pow3, P);
  const vx2 = mod(v * x * x, P);
  const root1 = x;
  const root2 = mod(x * ED25519_SQRT_M1, P);
  const useRoot1 = vx2 === u;
  const useRoot2 = vx2 === mod(-u, P);
  const noRoot = vx2 === mod(-u * ED25519_SQRT_M1, P);
  if (useRoot1)
    x = root1;
  if (useRoot2 || noRoot)
    x = root2;
  if (isNegativeLE(x, P))
    x = mod(-x, P);
  return { isValid: useRoot1 || useRoot2, value: x };
}
var ed25519_Point = /* @__PURE__ */ edwards(ed25519_CURVE, { uvRatio });
var Fp = /* @__PURE__ */ (() => ed25519_Point.Fp)();
function toMontgomery(point) {
  const { y } = point;
  return Fp.toBytes(Fp.div(_1n6 + y, _1n6 - y));
}
function toMontgomerySecret(secretKey2) {
  const size = ed25519_Point.Fp.BYTES;
  abytes(secretKey2, size);
  return adjustScalarBytes(sha512(secretKey2.subarray(0, size))).subarray(0, size);
}
function ed(opts) {
  return eddsa(ed25519_Point, sha512, Object.assign({ adjustScalarBytes, toMontgomery, toMontgomerySecret, zip215: true }, opts));
}
var ed25519 = /* @__PURE__ */ ed({});
var x25519 = /* @__PURE__ */ (() => {
  const P = ed25519_CURVE_p;
  const powPminus2 = (x) => {
    const { pow_p_5_8, b2 } = ed25519_pow_2_252_3(x);
    return mod(pow2(pow_p_5_8, _3n2, P) * b2, P);
  };
  return montgomery({
    P,
    type: "x25519",
    powPminus2,
    adjustScalarBytes,
    // ~3x faster fixed-base: [k]B on the birationally-equivalent Edwards curve using cached
    // base tables, mapped back via u = (1+y)/(1-y) = (Z+Y)/(Z-Y) with one Fermat inversion.
    // Same construction as libsodium's crypto_scalarmult_curve25519_base.
    scalarMultBase: (k) => {
      const kn = mod(k, ed25519_Point.Fn.ORDER);
      if (kn === _0n6)
        return _0n6;
      const p = ed25519_Point.BASE.multiply(kn);
      return mod((p.Z + p.Y) * powPminus2(mod(p.Z - p.Y, P)), P);
    }
  });
})();

// src/credentials/ssh-public-key.ts
import { createHash } from "node:crypto";

// src/credentials/ssh-wire.ts
var SshWireReader = class {
  constructor(bytes) {
    this.bytes = bytes;
  }
  bytes;
  offset = 0;
  get remaining() {
    return this.bytes.length - this.offset;
  }
  uint32() {
    if (this.remaining < 4) throw new SshWireError("truncated uint32");
    const b = this.bytes;
    const o = this.offset;
    this.offset += 4;
    return (b[o] << 24 >>> 0) + (b[o + 1] << 16) + (b[o + 2] << 8) + b[o + 3];
  }
  /** A length-prefixed byte string. */
  string() {
    const length = this.uint32();
    if (length > this.remaining) throw new SshWireError("truncated string");
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
  text() {
    return new TextDecoder("utf-8", { fatal: false }).decode(this.string());
  }
  /** The bytes not read yet. */
  rest() {
    const out = this.bytes.subarray(this.offset);
    this.offset = this.bytes.length;
    return out;
  }
};
var SshWireError = class extends Error {
};
function sshString(value) {
  const bytes = typeof value === "string" ? new TextEncoder().encode(value) : value;
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}
function unsignedMagnitude(mpint) {
  let i = 0;
  while (i < mpint.length - 1 && mpint[i] === 0) i++;
  return mpint.subarray(i);
}

// src/credentials/ssh-public-key.ts
var MIN_RSA_BITS = 2048;
var MAX_RSA_BITS = 16384;
var BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
function sshFingerprint(blob) {
  return "SHA256:" + createHash("sha256").update(blob).digest("base64").replace(/=+$/, "");
}
function decodeBase64Strict(text) {
  if (!BASE64.test(text) || text.length % 4 !== 0) return void 0;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? new Uint8Array(bytes) : void 0;
}
function bitLength(magnitude) {
  const top = magnitude[0] ?? 0;
  return top === 0 ? 0 : (magnitude.length - 1) * 8 + (32 - Math.clz32(top));
}
function parseSshPublicKey(input) {
  const line = input.trim();
  const [type = "", data = ""] = line.split(/[ \t]+/);
  const skip = (reason, detail) => ({ ok: false, skipped: { line, type, reason, detail } });
  if (type !== "ssh-ed25519" && type !== "ssh-rsa") {
    return skip("unsupported-type", type === "" ? "empty line" : `${type} keys cannot receive age-encrypted messages (only ssh-ed25519 and ssh-rsa)`);
  }
  const blob = decodeBase64Strict(data);
  if (!blob) return skip("malformed", "the key data is not valid base64");
  try {
    const r = new SshWireReader(blob);
    const inner = r.text();
    if (inner !== type) return skip("malformed", `the key data is a ${inner} key, the line says ${type}`);
    const fingerprint = sshFingerprint(blob);
    if (type === "ssh-ed25519") {
      const publicKey = r.string();
      if (publicKey.length !== 32 || r.remaining !== 0) return skip("malformed", "an ssh-ed25519 key holds exactly 32 bytes");
      try {
        ed25519.utils.toMontgomery(publicKey);
      } catch {
        return skip("malformed", "the ssh-ed25519 key is not a point on the curve");
      }
      return { ok: true, key: { type, line, blob, fingerprint, publicKey: Uint8Array.from(publicKey) } };
    }
    const e = unsignedMagnitude(r.string());
    const n = unsignedMagnitude(r.string());
    if (r.remaining !== 0) return skip("malformed", "trailing bytes after the RSA key");
    const bits = bitLength(n);
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
      return skip("rsa-size", `a ${bits}-bit RSA key is outside ${MIN_RSA_BITS}\u2013${MAX_RSA_BITS} bits`);
    }
    const eBits = bitLength(e);
    if (eBits < 2 || eBits > 32 || (e[e.length - 1] & 1) === 0) return skip("malformed", "the RSA public exponent is not a small odd number");
    return { ok: true, key: { type, line, blob, fingerprint, n: Uint8Array.from(n), e: Uint8Array.from(e), bits } };
  } catch (err) {
    if (err instanceof SshWireError) return skip("malformed", `the key data is truncated (${err.message})`);
    throw err;
  }
}
function selectRecipientKeys(lines) {
  const keys = [];
  const skipped = [];
  const seen = /* @__PURE__ */ new Set();
  for (const line of lines) {
    const parsed = parseSshPublicKey(line);
    if (!parsed.ok) {
      skipped.push(parsed.skipped);
    } else if (seen.has(parsed.key.fingerprint)) {
      skipped.push({ line: parsed.key.line, type: parsed.key.type, reason: "duplicate", detail: `the same key as an earlier line (${parsed.key.fingerprint})` });
    } else {
      seen.add(parsed.key.fingerprint);
      keys.push(parsed.key);
    }
  }
  return { keys, skipped };
}

// src/github/resolve-facts.ts
function status(e) {
  return typeof e === "object" && e !== null && "status" in e ? Number(e.status) : void 0;
}
async function resolveFacts(gh, q) {
  const facts = { teams: /* @__PURE__ */ new Map(), orgMembers: /* @__PURE__ */ new Map() };
  for (const key of q.teams) {
    const [org = "", slug = ""] = key.split("/");
    try {
      const members = await gh.paginate(gh.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: 100 });
      facts.teams.set(key, new Set(members.map((m) => m.login.toLowerCase())));
    } catch (e) {
      if (status(e) === 404) facts.teams.set(key, /* @__PURE__ */ new Set());
      else throw e;
    }
  }
  for (const { org, login } of q.orgMembers) {
    let member;
    try {
      const res = await gh.rest.orgs.checkMembershipForUser({ org, username: login });
      member = res.status === 204;
    } catch (e) {
      if (status(e) === 404 || status(e) === 302) member = false;
      else throw e;
    }
    facts.orgMembers.set(`${org}/${login}`.toLowerCase(), member);
  }
  for (const login of q.sshKeys ?? []) {
    const keys = await gh.paginate(gh.rest.users.listPublicKeysForUser, { username: login, per_page: 100 }).catch((e) => {
      if (status(e) === 404) return [];
      throw e;
    });
    (facts.sshKeys ??= /* @__PURE__ */ new Map()).set(login.toLowerCase(), selectRecipientKeys(keys.map((k) => k.key)).keys.length);
  }
  for (const org of q.twoFactorOrgs ?? []) (facts.twoFactor ??= /* @__PURE__ */ new Map()).set(org.toLowerCase(), await twoFactorOf(gh, org));
  return facts;
}
async function twoFactorOf(gh, org) {
  try {
    const members = await gh.paginate(gh.rest.orgs.listMembers, { org, filter: "2fa_disabled", per_page: 100 });
    const outside = await gh.paginate(gh.rest.orgs.listOutsideCollaborators, { org, filter: "2fa_disabled", per_page: 100 });
    return { kind: "known", disabled: new Set([...members, ...outside].map((m) => m.login.toLowerCase())) };
  } catch (e) {
    const s = status(e);
    if (s === 422 || s === 403 || s === 404) {
      const said = typeof e === "object" && e !== null && "message" in e ? String(e.message).split("\n")[0] : "";
      return { kind: "unknown", why: `GitHub answered ${s}${said ? ` (${said})` : ""} to the list of ${org}'s members or outside collaborators without two-factor authentication: only organization owners may use that filter, and this token is not one's (or lacks the organization Members permission)` };
    }
    throw e;
  }
}

// src/codeowners/generate-codeowners.ts
var CODEOWNERS_PATH = ".github/CODEOWNERS";
var CODEOWNERS_LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
function owner(ref) {
  const r = parseRef(ref);
  return r.kind === "team" ? `@${r.org}/${r.slug}` : `@${ref}`;
}
function codeownersRules(policy, policyPath) {
  const admins = expandRefs(policy.admins, policy.groups).map(owner);
  const rules = [{ pattern: "*", owners: admins }];
  const ids = [...policy.resources.keys()].sort();
  for (const id of ids) {
    const r = policy.resources.get(id);
    const approvers = expandRefs(r.approvalRules.flatMap((a) => a.from), policy.groups).map(owner);
    rules.push({ pattern: `/leases/${id}/`, owners: approvers });
  }
  const commands = [...policy.resources.values()].flatMap((r) => r.provider.type === "command" ? [`/${r.provider.run}`] : []).sort();
  const judged = /* @__PURE__ */ new Set([`/${policyPath.replace(/^\/+/, "")}`, "/.github/", "/schemas/", ...commands]);
  for (const p of judged) rules.push({ pattern: p, owners: admins });
  return rules;
}
function generateCodeowners(policy, policyPath) {
  const rules = codeownersRules(policy, policyPath);
  const width = Math.max(...rules.map((r) => r.pattern.length)) + 2;
  const line = (r) => `${r.pattern.padEnd(width)}${r.owners.join(" ")}`.trimEnd();
  const [catchAll, ...rest] = rules;
  const leaseRules = rest.filter((r) => r.pattern.startsWith("/leases/"));
  const adminRules = rest.filter((r) => !r.pattern.startsWith("/leases/"));
  return [
    `# Generated by \`jit codeowners\` from ${policyPath}. Do not edit by hand:`,
    `# change ${policyPath} and run \`jit codeowners\` again. Last matching pattern wins.`,
    "",
    "# Policy admins own everything not listed below.",
    line(catchAll),
    "",
    "# Each resource's approvers own its lease folder.",
    ...leaseRules.map(line),
    "",
    "# The files that judge requests belong to the policy admins.",
    ...adminRules.map(line),
    ""
  ].join("\n");
}

// src/lease/lease-path.ts
var LEASES_DIR = "leases";
var RESOURCE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
var FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml$/;
function isUnderLeases(path) {
  return path === LEASES_DIR || path.startsWith(`${LEASES_DIR}/`);
}
function checkLeasePath(path) {
  if (!isUnderLeases(path)) {
    if (path.split("/").some((s) => s === ".." || s === ".") || path.startsWith("/")) {
      return { kind: "invalid", code: "lease-path-traversal", message: `Path '${path}' is not a plain relative path.`, hint: "Lease files live at leases/<resource>/<name>.yaml." };
    }
    return { kind: "outside" };
  }
  const parts = path.split("/");
  if (parts.some((s) => s === ".." || s === "." || s === "") || path.includes("\\")) {
    return { kind: "invalid", code: "lease-path-traversal", message: `Path '${path}' contains '..', '.', an empty segment or a backslash.`, hint: "Use leases/<resource>/<name>.yaml." };
  }
  const last = parts[parts.length - 1] ?? "";
  if (last === ".gitkeep" && parts.length <= 3) return { kind: "placeholder" };
  if (parts.length !== 3) {
    return { kind: "invalid", code: "lease-path-layout", message: `'${path}' is not at leases/<resource>/<name>.yaml.`, hint: "Put one lease per file directly inside its resource's folder." };
  }
  const [, resource = "", name = ""] = parts;
  if (!RESOURCE_ID.test(resource)) {
    return { kind: "invalid", code: "lease-path-layout", message: `Folder '${resource}' is not a valid resource id.`, hint: "Resource ids are lowercase letters, digits and dashes, as in policy.yaml." };
  }
  if (!FILE_NAME.test(name)) {
    return { kind: "invalid", code: "lease-path-name", message: `'${name}' is not a lease file name.`, hint: "Name it like alice-2026-11-24.yaml: letters, digits, '.', '_', '-', ending in .yaml or .yml." };
  }
  return { kind: "lease", resource, name };
}

// src/git/access-repo.ts
import { closeSync, openSync, readSync, readdirSync, readlinkSync } from "node:fs";
import { access, lstat, readFile, readlink } from "node:fs/promises";
import { join, resolve } from "node:path";
var WORKTREE = ":worktree";
async function readRepoFile(repo, ref, path) {
  if (ref !== WORKTREE) return readFileAt(repo, ref, path);
  const full = join(repo, path);
  try {
    const st = await lstat(full);
    if (st.isSymbolicLink()) return { path, mode: "symlink", bytes: Buffer.from(await readlink(full)) };
    if (!st.isFile()) return void 0;
    return { path, mode: "file", bytes: await readFile(full) };
  } catch {
    return void 0;
  }
}
async function readCodeowners(repo, ref) {
  if (ref !== WORKTREE) return (await readJudgingFiles(repo, ref)).codeowners;
  for (const loc of CODEOWNERS_LOCATIONS) {
    const f = await readRepoFile(repo, ref, loc);
    if (f && f.mode !== "symlink") return { path: loc, bytes: f.bytes };
  }
  return void 0;
}
async function readJudgingFiles(repo, ref, policyPath) {
  if (ref === WORKTREE) {
    const [policy2, codeowners] = await Promise.all([policyPath !== void 0 ? readRepoFile(repo, ref, policyPath) : void 0, readCodeowners(repo, ref)]);
    return { ...policy2 ? { policy: policy2 } : {}, ...codeowners ? { codeowners } : {} };
  }
  const files = await readFilesAt(repo, ref, [...policyPath !== void 0 ? [policyPath] : [], ...CODEOWNERS_LOCATIONS]);
  const policy = policyPath !== void 0 ? files.get(policyPath) : void 0;
  const owners = CODEOWNERS_LOCATIONS.map((loc) => files.get(loc)).find((f) => f !== void 0 && f.mode !== "symlink");
  return { ...policy ? { policy } : {}, ...owners ? { codeowners: { path: owners.path, bytes: owners.bytes } } : {} };
}
async function readLeaseFiles(repo, ref) {
  if (ref !== WORKTREE) return readTreeFiles(repo, ref, [LEASES_DIR]);
  const out = [];
  const root = resolve(repo);
  const walk = (rel) => {
    let entries;
    try {
      entries = readdirSync(`${root}/${rel}`, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (e.isSymbolicLink()) out.push({ path, mode: "symlink", bytes: Buffer.from(readlinkSync(`${root}/${path}`)) });
      else if (e.isFile()) out.push({ path, mode: "file", bytes: readBounded(`${root}/${path}`) });
    }
  };
  walk(LEASES_DIR);
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
var scratch = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);
function readBounded(path) {
  const fd = openSync(path, "r");
  try {
    let n = 0;
    for (; ; ) {
      const got = readSync(fd, scratch, n, scratch.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === scratch.length) break;
    }
    return Buffer.from(scratch.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}
async function isGitRepo(dir) {
  try {
    await access(join(dir, ".git"));
    return true;
  } catch {
    try {
      return (await gitText(dir, ["rev-parse", "--is-inside-work-tree"])).trim() === "true";
    } catch {
      return false;
    }
  }
}
function isShallow(repo) {
  const session = repoSession(repo);
  return session ? session.memo("shallow", () => askShallow(repo)) : askShallow(repo);
}
async function askShallow(repo) {
  try {
    return (await gitText(repo, ["rev-parse", "--is-shallow-repository"])).trim() === "true";
  } catch {
    return false;
  }
}

// src/git/policy-log.ts
async function readPolicyLog(repo, ref, path) {
  const out = await gitText(repo, ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "-z", "--no-abbrev", "--format=%x01%H %ct %P", ref, "--", path]);
  const versions = [];
  for (const record of out.split("")) {
    if (!record) continue;
    const fields = record.split("\0");
    const [commit = "", ct = "0", parent] = (fields[0] ?? "").trim().split(" ");
    if (!/^[0-9a-f]{40,64}$/.test(commit)) continue;
    for (let i = 1; i + 1 < fields.length; i++) {
      const meta = fields[i].replace(/^\n+/, "");
      if (!meta.startsWith(":") || fields[i + 1] !== path) continue;
      const [, newMode = "", oldBlob = "", newBlob = "", status2 = ""] = meta.slice(1).split(" ");
      const v = policyVersionOf(commit, parent, Number(ct) * 1e3, { status: status2.charAt(0), newMode, oldBlob, newBlob });
      if (v) versions.push(v);
      i++;
    }
  }
  return versions.reverse();
}
function policyVersionOf(commit, parent, time, f) {
  const s = f.status;
  const kind = s === "A" ? "A" : s === "D" ? "D" : s === "M" || s === "T" ? "M" : void 0;
  if (!kind) return void 0;
  return { commit, ...parent ? { parent } : {}, time, status: kind, blob: kind === "D" ? f.oldBlob : f.newBlob, mode: kind === "D" ? "000000" : f.newMode };
}

export {
  CODEOWNERS_PATH,
  CODEOWNERS_LOCATIONS,
  codeownersRules,
  generateCodeowners,
  LEASES_DIR,
  isUnderLeases,
  checkLeasePath,
  modeOf,
  readFileAt,
  WORKTREE,
  readRepoFile,
  readJudgingFiles,
  readLeaseFiles,
  isGitRepo,
  isShallow,
  readPolicyLog,
  policyVersionOf,
  loadLease,
  NOT_CHECKED,
  leaseWindow,
  checkLease,
  canonicalJson,
  noteMac,
  macVerifies,
  signRequestNote,
  isTrustedRequestNote,
  parseRequestNote,
  noteSigner,
  isDriftHolder,
  isDriftRevocation,
  noteTrust,
  isTrusted,
  readEvidenceNote,
  NOTE_UNREADABLE,
  unreadableNoteMessage,
  parseNote,
  NOTES_REF,
  readNotes,
  listNotes,
  writeNote,
  updateNote,
  updateNotes,
  pushNotesWithRetry,
  readNote,
  fetchNotes,
  anumber,
  abytes,
  ahash,
  aexists,
  aoutput,
  u32,
  clean,
  createView,
  rotl,
  swap32IfBE,
  kdfInputToBytes,
  checkOpts,
  randomBytes,
  sha256,
  abytes2,
  astring,
  bytesToHex2 as bytesToHex,
  concatBytes2 as concatBytes,
  hexToBytes2 as hexToBytes,
  isBytes2 as isBytes,
  randomBytes2,
  abool,
  abignumber,
  asafenumber,
  numberToHexUnpadded,
  bytesToNumberBE,
  aInRange,
  bitLen,
  bitMask,
  createHmacDrbg,
  validateObject,
  invertCt,
  getMinHashLength,
  mapHashToField,
  validatePointCons,
  normalizeZ,
  probeRandomBytes,
  ScalarMultiplier,
  mulAddUnsafe,
  createCurveFields,
  createKeygen,
  ed25519,
  x25519,
  SshWireReader,
  SshWireError,
  sshString,
  unsignedMagnitude,
  sshFingerprint,
  selectRecipientKeys,
  resolveFacts
};
