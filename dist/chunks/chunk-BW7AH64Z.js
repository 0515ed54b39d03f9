#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  LEASES_DIR
} from "./chunk-LHBPTLRF.js";
import {
  CODEOWNERS_LOCATIONS
} from "./chunk-D743S5WN.js";
import {
  MAX_FILE_BYTES,
  MINUTE_MS,
  checkSchema,
  describeSchedule,
  diagnostic,
  formatDuration,
  isAmong,
  isOrgMember,
  parseDuration,
  parseYamlBytes,
  withinSchedule
} from "./chunk-WINV2HKP.js";
import {
  formatTimestamp,
  parseTimestamp
} from "./chunk-DHPVELKE.js";
import {
  resourceOrg
} from "./chunk-SVH2GO35.js";
import {
  git,
  gitText,
  readBlobs,
  repoSession
} from "./chunk-RMU5QMAM.js";

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
  const add = (code, field, message, hint) => out.push(diagnostic(code, file, at(field), message, hint));
  const notChecked = (field, message, hint) => out.push(diagnostic(NOT_CHECKED, file, at(field), `Not checked: ${message}`, hint, "warning"));
  const resource = policy.resources.get(lease.resource);
  if (lease.resource !== ctx.folder) {
    add("lease-folder-mismatch", "resource", `Lease is in leases/${ctx.folder}/ but names resource '${lease.resource}'.`, `Move the file to leases/${lease.resource}/ or set resource: ${ctx.folder}.`);
  }
  if (!resource) {
    const known = [...policy.resources.keys()].sort().join(", ");
    add("lease-unknown-resource", "resource", `Resource '${lease.resource}' is not in the policy.`, `Use one of: ${known}.`);
    return out;
  }
  if (!resource.roles.includes(lease.role)) {
    add("lease-role-not-allowed", "role", `Role '${lease.role}' cannot be requested for ${resource.id}.`, `Use one of: ${resource.roles.join(", ")}.`);
  }
  checkText(lease, resource, add);
  checkBreakGlass(lease, resource, add);
  if (kind === "extension") {
    checkExtension(ctx, resource, add, notChecked);
  } else {
    checkTiming(lease, resource, kind === "start" ? "existing" : kind, now, add);
  }
  if (kind !== "existing") checkWho(ctx, resource, add, notChecked);
  return out;
}
function checkText(lease, r, add) {
  const reason = lease.reason.trim();
  if (reason.length < r.minReasonLength) {
    add("lease-reason-too-short", "reason", `Reason is ${reason.length} characters; ${r.id} needs at least ${r.minReasonLength}.`, "Say what you will do and why, e.g. 'Rotate prod credentials for INC-1234'.");
  }
  if (lease.ticket === void 0) {
    if (r.requireTicket) add("lease-ticket-required", "", `${r.id} requires a ticket.`, `Add 'ticket:'${r.ticketPattern ? ` matching ${r.ticketPattern}` : ""}.`);
  } else if (r.ticketPattern !== void 0 && !new RegExp(`^(?:${r.ticketPattern})$`, "u").test(lease.ticket)) {
    add("lease-ticket-format", "ticket", `Ticket '${lease.ticket}' does not match ${r.id}'s pattern ${r.ticketPattern}.`, "Use the ticket id exactly as your tracker writes it.");
  }
}
function checkBreakGlass(lease, r, add) {
  if (!lease.breakGlass) return;
  if (!r.breakGlass.allowed) {
    add("lease-break-glass-not-allowed", "breakGlass", `${r.id} does not allow break-glass access.`, "Remove 'breakGlass: true' and wait for approval.");
  }
}
function checkTiming(lease, r, kind, now, add) {
  const notBefore = lease.notBefore !== void 0 ? parseTimestamp(lease.notBefore) : void 0;
  const expires = lease.expires !== void 0 ? parseTimestamp(lease.expires) : void 0;
  for (const [field, text, ms] of [["notBefore", lease.notBefore, notBefore], ["expires", lease.expires, expires]]) {
    if (text !== void 0 && ms === void 0) {
      add("lease-naive-or-invalid-time", field, `${field} '${text}' is not a valid RFC 3339 time with an explicit offset.`, "Write it like 2026-11-24T12:00:00Z or 2026-11-24T13:00:00+01:00.");
      return;
    }
  }
  const max = lease.breakGlass && r.breakGlass.allowed ? Math.min(r.breakGlass.maxDurationMinutes, r.maxDurationMinutes) : r.maxDurationMinutes;
  const maxWhat = lease.breakGlass && r.breakGlass.allowed ? "break-glass maximum" : "maxDuration";
  if (lease.duration !== void 0) {
    const minutes = parseDuration(lease.duration) ?? 0;
    if (minutes <= 0) add("lease-duration-zero", "duration", "Duration must be longer than zero.", "Use e.g. 30m, 4h or 1d.");
    else if (minutes > max) add("lease-duration-too-long", "duration", `Duration ${lease.duration} is longer than ${r.id}'s ${maxWhat} of ${formatDuration(max)}.`, `Ask for ${formatDuration(max)} or less; extend later if needed.`);
  }
  if (notBefore !== void 0 && expires !== void 0 && notBefore >= expires) {
    add("lease-not-before-after-expiry", "notBefore", `notBefore (${lease.notBefore}) is not before expires (${lease.expires}).`, "Start before the lease ends.");
  }
  if (kind !== "new") return;
  const start = Math.max(now, notBefore ?? now);
  if (notBefore !== void 0) {
    if (notBefore < now - NOT_BEFORE_SKEW_MS) {
      add("lease-not-before-past", "notBefore", `notBefore ${lease.notBefore} is in the past (now is ${formatTimestamp(now)}).`, "Remove notBefore to start at merge, or pick a future time.");
    } else if (notBefore - now > r.maxScheduleAheadMinutes * MINUTE_MS) {
      add("lease-not-before-too-far", "notBefore", `notBefore is more than ${formatDuration(r.maxScheduleAheadMinutes)} ahead, ${r.id}'s maxScheduleAhead.`, "Request closer to the time you need the access.");
    }
  }
  if (expires !== void 0) {
    if (expires <= now) {
      add("lease-expires-past", "expires", `expires ${lease.expires} is not in the future (now is ${formatTimestamp(now)}).`, "Pick a later time or use 'duration'.");
    } else {
      const minutes = Math.ceil((expires - start) / MINUTE_MS);
      if (minutes > max) {
        add("lease-duration-too-long", "expires", `expires ${lease.expires} is ${formatDuration(minutes)} after ${notBefore !== void 0 ? "notBefore" : "now"}, longer than ${r.id}'s ${maxWhat} of ${formatDuration(max)}.`, `End by ${formatTimestamp(start + max * MINUTE_MS)} or earlier.`);
      }
    }
  }
  if (r.schedule && !withinSchedule(start, r.schedule)) {
    add("lease-outside-schedule", notBefore !== void 0 ? "notBefore" : "", `${r.id} accepts requests starting only in ${describeSchedule(r.schedule)}; this one starts ${formatTimestamp(start)}.`, "Request within the schedule, or set notBefore to a time inside it.");
  }
}
function checkExtension(ctx, r, add, notChecked) {
  const { lease, previous, history, now } = ctx;
  if (!previous) return;
  for (const field2 of ["grantee", "resource", "role", "notBefore", "breakGlass"]) {
    if ((lease[field2] ?? null) !== (previous[field2] ?? null)) {
      add("lease-immutable-field", field2 === "resource" ? "resource" : field2, `'${field2}' of an existing lease cannot change (was ${JSON.stringify(previous[field2] ?? null)}).`, "Open a new lease for different access; only duration/expires can be extended.");
    }
  }
  if (lease.duration !== void 0 && (parseDuration(lease.duration) ?? 0) <= 0) {
    add("lease-duration-zero", "duration", "Duration must be longer than zero.", "To end access early, delete the lease file instead.");
    return;
  }
  if (previous.breakGlass) {
    add("lease-break-glass-extension", lease.duration !== void 0 ? "duration" : "expires", "Break-glass access cannot be extended.", "Open a normal lease and have it approved.");
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
    add("lease-extension-expired", field, `This lease expired at ${formatTimestamp(before.end)}; an expired lease cannot be extended.`, "Open a new lease.");
    return;
  }
  if (after.end <= before.end) {
    add("lease-extension-not-longer", field, `The new expiry ${formatTimestamp(after.end)} is not later than the current one ${formatTimestamp(before.end)}.`, "A change to a lease may only extend it; delete the file to end access early.");
    return;
  }
  if (history.extensions + 1 > r.maxExtensions) {
    add("lease-too-many-extensions", field, `${r.id} allows ${r.maxExtensions} extension(s); this lease has had ${history.extensions}.`, "Open a new lease instead.");
  }
  const total = Math.ceil((after.end - before.start) / MINUTE_MS);
  if (total > r.maxTotalDurationMinutes) {
    add("lease-total-duration-exceeded", field, `With this extension the lease would last ${formatDuration(total)} in total, over ${r.id}'s maxTotalDuration of ${formatDuration(r.maxTotalDurationMinutes)}.`, `End by ${formatTimestamp(before.start + r.maxTotalDurationMinutes * MINUTE_MS)} or earlier.`);
  }
  if (r.extendAfter > 0) {
    const earliest = before.start + (before.end - before.start) * r.extendAfter;
    if (now < earliest) {
      add("lease-extension-too-early", field, `${r.id} allows extensions only after ${Math.round(r.extendAfter * 100)}% of the window has passed (from ${formatTimestamp(earliest)}).`, "Ask again later.");
    }
  }
}
function checkWho(ctx, r, add, notChecked) {
  const { author, lease, policy, facts } = ctx;
  if (author === void 0) {
    notChecked("grantee", "requester and grantee rules need the pull request author.", "Pass --author LOGIN.");
    return;
  }
  const org = resourceOrg(r.provider);
  const allowed = r.requesters ? isAmong(author, r.requesters, policy.groups, facts) : isOrgMember(author, org, facts);
  const who = r.requesters ? `${r.id}'s requesters (${r.requesters.join(", ")})` : `members of the ${org} organization`;
  if (allowed === false) add("lease-requester-not-allowed", "grantee", `${author} may not request ${r.id}: only ${who} may.`, "Ask someone who may, or ask the policy admins.");
  else if (allowed === "unknown") notChecked("grantee", `whether ${author} is among ${who} (team membership was not looked up).`, "Run with a GitHub token (GITHUB_TOKEN or --token) so teams can be resolved.");
  if (lease.grantee.toLowerCase() === author.toLowerCase()) return;
  const rf = r.allowRequestFor;
  if (rf === false) {
    add("lease-grantee-not-author", "grantee", `The grantee (${lease.grantee}) must be the pull request's author (${author}).`, `${r.id} does not allow requests on behalf of others; ${lease.grantee} should open the pull request.`);
  } else if (Array.isArray(rf)) {
    const ok = isAmong(lease.grantee, rf, policy.groups, facts);
    if (ok === false) add("lease-grantee-not-allowed", "grantee", `${author} may not request access for ${lease.grantee}: ${r.id} allows requests for others only for ${rf.join(", ")}.`, `${lease.grantee} should open the pull request.`);
    else if (ok === "unknown") notChecked("grantee", `whether ${lease.grantee} is among ${rf.join(", ")}.`, "Run with a GitHub token so teams can be resolved.");
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
      const [, newMode = "", oldBlob = "", newBlob = "", status = ""] = meta.slice(1).split(" ");
      const v = policyVersionOf(commit, parent, Number(ct) * 1e3, { status: status.charAt(0), newMode, oldBlob, newBlob });
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
  modeOf,
  readFileAt,
  WORKTREE,
  readRepoFile,
  readCodeowners,
  readJudgingFiles,
  readLeaseFiles,
  isGitRepo,
  isShallow,
  loadLease,
  NOT_CHECKED,
  leaseWindow,
  checkLease,
  readPolicyLog,
  policyVersionOf
};
