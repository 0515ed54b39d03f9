import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  CODEOWNERS_LOCATIONS,
  CODEOWNERS_PATH,
  NOT_CHECKED,
  checkLease,
  checkLeasePath,
  codeownersRules,
  generateCodeowners,
  isShallow,
  isUnderLeases,
  leaseWindow,
  loadLease,
  policyVersionOf,
  readJudgingFiles,
  readLeaseFiles
} from "./chunk-VTJMK7UI.js";
import {
  MINUTE_MS,
  compareDiagnostics,
  decodeUtf8,
  diagnostic,
  emptyFacts,
  gitStream,
  isError,
  issuesCredentials,
  loadPolicy,
  parseDuration,
  repoSession,
  resourceOrg,
  teamsIn
} from "./chunk-WCB7NMLF.js";
import {
  formatTimestamp,
  parseTimestamp
} from "./chunk-P5GKRAZF.js";

// src/git/lease-log.ts
async function readLeaseLog(repo, ref, paths = ["leases"]) {
  return (await readLog(repo, ref, paths)).log;
}
async function readLeaseAndPolicyLog(repo, ref, policyPath) {
  return readLog(repo, ref, ["leases"], policyPath);
}
async function readLog(repo, ref, paths, policyPath) {
  const session = repoSession(repo);
  const at = session ? await session.resolve(`${ref}^{commit}`) : void 0;
  if (session && at?.type === "commit") return session.memo(`log\0${at.sha}\0${paths.join("\0")}\0${policyPath ?? ""}`, () => walkLog(repo, at.sha, paths, policyPath));
  return walkLog(repo, ref, paths, policyPath);
}
async function walkLog(repo, ref, paths, policyPath) {
  const parser = new RawLogParser();
  const pathspecs = policyPath !== void 0 ? [...paths, policyPath] : paths;
  await gitStream(repo, ["log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "-z", "--no-abbrev", "--format=%x01%H %ct %P", ref, "--", ...pathspecs], (chunk) => parser.push(chunk));
  const commits = parser.end();
  const current = /* @__PURE__ */ new Map();
  const ended = [];
  const policyVersions = [];
  const inPaths = (path) => paths.some((p) => path === p || path.startsWith(`${p}/`));
  for (let c = commits.length - 1; c >= 0; c--) {
    const { commit, time, parent, files } = commits[c];
    for (const f of files) {
      const path = f.path;
      if (policyPath !== void 0) {
        if (path === policyPath) {
          const v = policyVersionOf(commit, parent, time, f);
          if (v) policyVersions.push(v);
        }
        if (!inPaths(path)) continue;
      }
      if (f.status === "A") current.set(path, { path, changes: [{ commit, time, status: "A", blob: f.newBlob }] });
      else if (f.status === "M" || f.status === "T") current.get(path)?.changes.push({ commit, time, status: "M", blob: f.newBlob });
      else if (f.status === "D") {
        const life = current.get(path);
        if (life) {
          life.changes.push({ commit, time, status: "D", blob: f.oldBlob });
          ended.push(life);
          current.delete(path);
        }
      }
    }
  }
  return { log: { current, ended }, policyVersions };
}
var RawLogParser = class {
  rest;
  commits = [];
  /** The raw line whose path comes next. */
  meta;
  push(chunk) {
    const buf = this.rest ? Buffer.concat([this.rest, chunk]) : chunk;
    let pos = 0;
    for (let nul = buf.indexOf(0, pos); nul >= 0; nul = buf.indexOf(0, pos)) {
      this.field(buf, pos, nul);
      pos = nul + 1;
    }
    this.rest = pos < buf.length ? buf.subarray(pos) : void 0;
  }
  end() {
    if (this.rest) this.field(this.rest, 0, this.rest.length);
    this.rest = void 0;
    return this.commits;
  }
  field(buf, from, to) {
    if (this.meta !== void 0) {
      const [, newMode = "", oldBlob = "", newBlob = "", status = ""] = this.meta.split(" ");
      this.meta = void 0;
      this.commits[this.commits.length - 1]?.files.push({ status: status.charAt(0), newMode, oldBlob, newBlob, path: buf.toString("utf8", from, to) });
      return;
    }
    let i = from;
    while (i < to && buf[i] === 10) i++;
    if (buf[i] === 1) {
      const [commit = "", ct = "0", parent] = buf.toString("latin1", i + 1, to).trim().split(" ");
      this.commits.push({ commit, time: Number(ct) * 1e3, ...parent ? { parent } : {}, files: [] });
    } else if (buf[i] === 58) this.meta = buf.toString("latin1", i + 1, to);
  }
};

// src/git/lease-history.ts
async function leaseHistories(repo, ref, paths) {
  const result = /* @__PURE__ */ new Map();
  if (paths.length === 0) return result;
  const log = await readLeaseLog(repo, ref, paths);
  for (const [path, life] of log.current) {
    result.set(path, { addedAt: life.changes[0].time, extensions: life.changes.filter((c) => c.status === "M").length });
  }
  return result;
}

// src/validate/check-one-holder.ts
function isOneHolder(r) {
  return r.provider.type === "postgres" && r.provider.access === "checkout";
}
function checkOneHolder(file, lease, grantedAt, resource, held, at) {
  if (!isOneHolder(resource)) return [];
  const mine = leaseWindow(lease, grantedAt);
  const out = [];
  for (const h of held) {
    if (h.path === file) continue;
    const other = loadLease(h.path, h.bytes).lease;
    if (!other || other.resource !== lease.resource || other.role !== lease.role || other.grantee.toLowerCase() === lease.grantee.toLowerCase()) continue;
    const w = leaseWindow(other, h.addedAt ?? grantedAt);
    if (w.start < mine.end && mine.start < w.end) {
      out.push(
        diagnostic(
          "lease-holder-overlap",
          file,
          at,
          `${resource.id}'s ${lease.role} is held by one person at a time, and ${other.grantee} holds it from ${formatTimestamp(w.start)} to ${formatTimestamp(w.end)} (${h.path}), overlapping this request.`,
          `Start after ${formatTimestamp(w.end)} (notBefore), or ask ${other.grantee} to release it first.`
        )
      );
    }
  }
  return out;
}

// src/validate/needed-facts.ts
function neededFacts(input) {
  const teams = /* @__PURE__ */ new Set();
  const orgMembers = /* @__PURE__ */ new Map();
  const sshKeys = /* @__PURE__ */ new Set();
  const twoFactorOrgs = /* @__PURE__ */ new Set();
  const policy = input.basePolicy ? loadPolicy(input.policyPath, input.basePolicy).policy : void 0;
  if (!policy || input.author === void 0) return { teams: [], orgMembers: [] };
  for (const c of input.changes) {
    if (!c.head) continue;
    const where = checkLeasePath(c.path);
    if (where.kind !== "lease") continue;
    const lease = loadLease(c.path, c.head.bytes).lease;
    const r = lease ? policy.resources.get(lease.resource) : void 0;
    if (!lease || !r) continue;
    if (issuesCredentials(r.provider)) sshKeys.add(lease.grantee.toLowerCase());
    if (r.requireTwoFactor) twoFactorOrgs.add(resourceOrg(r.provider).toLowerCase());
    if (r.requesters) teamsIn(r.requesters, policy.groups).forEach((t) => teams.add(t));
    else {
      const org = resourceOrg(r.provider);
      orgMembers.set(`${org}/${input.author}`.toLowerCase(), { org, login: input.author });
    }
    if (Array.isArray(r.allowRequestFor)) teamsIn(r.allowRequestFor, policy.groups).forEach((t) => teams.add(t));
  }
  return { teams: [...teams].sort(), orgMembers: [...orgMembers.values()], ...sshKeys.size > 0 ? { sshKeys: [...sshKeys].sort() } : {}, ...twoFactorOrgs.size > 0 ? { twoFactorOrgs: [...twoFactorOrgs].sort() } : {} };
}

// src/git/pull-request-input.ts
async function pullRequestInput(repo, baseRef, changesOrPending, o) {
  const read = Promise.all([readJudgingFiles(repo, baseRef, o.judgeWith ? void 0 : o.policyPath), isShallow(repo)]);
  read.catch(() => void 0);
  const changes = await changesOrPending;
  const [{ policy: file, codeowners }, shallow] = await read;
  const policy = o.judgeWith ? o.judgeWith.policy ? { mode: "file", bytes: o.judgeWith.policy } : void 0 : file;
  const existing = changes.filter((c) => c.base && c.status !== "added" && isUnderLeases(c.previousPath ?? c.path)).map((c) => c.previousPath ?? c.path);
  if (!shallow) {
    const histories = await leaseHistories(repo, baseRef, existing);
    for (const c of changes) {
      const h = histories.get(c.previousPath ?? c.path);
      if (h) c.history = h;
    }
  }
  const held = await heldLeases(repo, baseRef, policy && policy.mode !== "symlink" ? policy.bytes : void 0, o.policyPath, changes, shallow);
  const partial = {
    policyPath: o.policyPath,
    changes,
    now: o.now,
    ...policy && policy.mode !== "symlink" ? { basePolicy: policy.bytes } : {},
    ...codeowners ? { baseCodeowners: codeowners } : {},
    ...o.author !== void 0 ? { author: o.author } : {},
    ...o.strict ? { strict: true } : {},
    ...held.length > 0 ? { heldLeases: held } : {}
  };
  const facts = o.resolveFacts ? await o.resolveFacts(neededFacts(partial)) : emptyFacts();
  return { ...partial, facts };
}
async function heldLeases(repo, baseRef, policyBytes, policyPath, changes, shallow) {
  const policy = policyBytes ? loadPolicy(policyPath, policyBytes).policy : void 0;
  if (!policy) return [];
  const folders = /* @__PURE__ */ new Set();
  for (const c of changes) {
    const where = c.head ? checkLeasePath(c.path) : void 0;
    const r = where?.kind === "lease" ? policy.resources.get(where.resource) : void 0;
    if (r && isOneHolder(r)) folders.add(`leases/${r.id}/`);
  }
  if (folders.size === 0) return [];
  const files = (await readLeaseFiles(repo, baseRef)).filter((f) => [...folders].some((d) => f.path.startsWith(d)) && checkLeasePath(f.path).kind === "lease");
  const histories = shallow ? /* @__PURE__ */ new Map() : await leaseHistories(repo, baseRef, files.map((f) => f.path));
  return files.map((f) => ({ path: f.path, bytes: f.bytes, ...histories.get(f.path) ? { addedAt: histories.get(f.path).addedAt } : {} }));
}

// src/validate/report.ts
function buildReport(diagnostics, files, notes = [], requests = /* @__PURE__ */ new Map()) {
  const byFile = /* @__PURE__ */ new Map();
  const get = (file) => {
    let r = byFile.get(file);
    if (!r) {
      r = { file, ok: true, errors: [], warnings: [] };
      const action = files.get(file);
      if (action) r.action = action;
      const request = requests.get(file);
      if (request) r.request = request;
      byFile.set(file, r);
    }
    return r;
  };
  for (const file of files.keys()) get(file);
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    const r = get(d.file);
    if (isError(d)) {
      r.errors.push(d);
      r.ok = false;
    } else r.warnings.push(d);
  }
  const list = [...byFile.values()].sort((a, b) => a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  return { ok: list.every((f) => f.ok), files: list, notes };
}
function allDiagnostics(report) {
  return report.files.flatMap((f) => [...f.errors, ...f.warnings]);
}
function countErrors(report) {
  return report.files.reduce((n, f) => n + f.errors.length, 0);
}

// src/github/bot-login.ts
var asked = /* @__PURE__ */ new WeakMap();
function botLogin(gh, configured) {
  const given = configured?.trim();
  if (given) return Promise.resolve({ login: given });
  let answer = asked.get(gh);
  if (!answer) {
    answer = gh.rest.users.getAuthenticated().then(
      (r) => ({ login: r.data.login }),
      (e) => gh.graphql("query { viewer { login } }").then(
        (r) => ({ login: r.viewer.login }),
        () => ({ problem: `the token's login could not be read (GET /user: ${e.message}); set the bot-login input to the login the request workflow opens pull requests as, e.g. \${{ steps.app.outputs.app-slug }}[bot]` })
      )
    );
    asked.set(gh, answer);
  }
  return answer;
}
async function botLoginFor(gh, configured, author) {
  if (configured?.trim() || author.endsWith("[bot]")) return botLogin(gh, configured);
  return {};
}

// src/validate/check-two-factor.ts
var TWO_FACTOR_DISABLED = "lease-grantee-no-2fa";
var TWO_FACTOR_NOT_CHECKED = "lease-grantee-2fa-not-checked";
function checkTwoFactor(file, doc, lease, resource, facts) {
  if (!resource.requireTwoFactor) return [];
  const org = resourceOrg(resource.provider);
  const at = doc.locate("/grantee");
  if (!facts.twoFactor) return [];
  const known = facts.twoFactor.get(org.toLowerCase());
  if (!known) {
    return [diagnostic(TWO_FACTOR_NOT_CHECKED, file, at, `Not checked: whether ${lease.grantee} has two-factor authentication on GitHub (${resource.id} requires it): the ${org} organization's members were not looked up.`, "Run with a GitHub token of an owner of the organization, or set requireTwoFactor: false for this resource.", "warning")];
  }
  if (known.kind === "unknown") {
    return [diagnostic(TWO_FACTOR_NOT_CHECKED, file, at, `Not checked: whether ${lease.grantee} has two-factor authentication on GitHub (${resource.id} requires it): ${known.why}.`, "Give the workflow a token that may list the organization's members by 2FA state (an owner's), or set requireTwoFactor: false for this resource.", "warning")];
  }
  if (known.disabled.has(lease.grantee.toLowerCase())) {
    return [diagnostic(TWO_FACTOR_DISABLED, file, at, `${lease.grantee} has no two-factor authentication on GitHub, and ${resource.id} requires it (requireTwoFactor).`, `${lease.grantee}: turn on two-factor authentication (GitHub \u2192 Settings \u2192 Password and authentication), then ask again.`)];
  }
  return [];
}

// src/codeowners/compare-codeowners.ts
function parseCodeowners(text) {
  const out = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const hash = raw.search(/(^|\s)#/);
    const content = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!content) return;
    const [pattern = "", ...owners] = content.split(/\s+/);
    out.push({ pattern, owners, line: i + 1 });
  });
  return out;
}
var key = (r) => `${r.pattern} ${[...r.owners].map((o) => o.toLowerCase()).sort().join(" ")}`;
function compareCodeowners(actualText, expected) {
  const actual = parseCodeowners(actualText);
  const n = Math.max(actual.length, expected.length);
  let first = -1;
  for (let i = 0; i < n; i++) {
    const a = actual[i], e = expected[i];
    if (!a || !e || key(a) !== key(e)) {
      first = i;
      break;
    }
  }
  if (first < 0) return void 0;
  const expectedKeys = new Set(expected.map(key));
  const actualKeys = new Set(actual.map(key));
  return {
    line: actual[first]?.line ?? (actual.at(-1)?.line ?? 0) + 1,
    missing: expected.filter((r) => !actualKeys.has(key(r))),
    unexpected: actual.filter((r) => !expectedKeys.has(key(r)))
  };
}

// src/validate/check-codeowners.ts
function checkCodeownersSync(file, policy, policyPath) {
  const expected = generateCodeowners(policy, policyPath);
  const fix = `Run \`jit codeowners\` and commit ${CODEOWNERS_PATH}; it must read:
${expected}`;
  if (!file) {
    return [diagnostic("codeowners-missing", CODEOWNERS_PATH, void 0, "The repository has no CODEOWNERS file, so nobody is required to approve lease requests.", fix)];
  }
  const text = decodeUtf8(file.bytes);
  if (text === void 0) return [diagnostic("file-not-utf8", file.path, void 0, "CODEOWNERS is not valid UTF-8.", fix)];
  const drift = compareCodeowners(text, codeownersRules(policy, policyPath));
  if (!drift) return [];
  const parts = [];
  if (drift.missing.length) parts.push(`missing: ${drift.missing.map((r) => `${r.pattern} ${r.owners.join(" ")}`).join("; ")}`);
  if (drift.unexpected.length) parts.push(`not from the policy: ${drift.unexpected.map((r) => `line ${r.line} '${r.pattern} ${r.owners.join(" ")}'`).join("; ")}`);
  if (!parts.length) parts.push("rules are out of order");
  return [diagnostic("codeowners-out-of-sync", file.path, { line: drift.line, column: 1 }, `CODEOWNERS does not match ${policyPath} (${parts.join("; ")}).`, fix)];
}

// src/validate/check-file-mode.ts
function checkFileMode(f) {
  if (f.mode === "symlink") {
    return diagnostic("lease-symlink", f.path, void 0, "Lease files must be regular files, not symbolic links.", "Replace the link with the lease file itself.");
  }
  if (f.mode === "submodule") {
    return diagnostic("lease-not-a-file", f.path, void 0, "A submodule cannot be a lease.", "Remove the submodule from leases/.");
  }
  return void 0;
}

// src/validate/request-view.ts
function requestView(lease, c) {
  const view = {
    change: c.change,
    grantee: lease.grantee,
    resource: lease.resource,
    role: lease.role,
    reason: lease.reason,
    ...lease.ticket !== void 0 ? { ticket: lease.ticket } : {},
    breakGlass: lease.breakGlass === true,
    ...c.requester !== void 0 ? { requester: c.requester } : {}
  };
  const notBefore = lease.notBefore !== void 0 ? parseTimestamp(lease.notBefore) : void 0;
  const expires = lease.expires !== void 0 ? parseTimestamp(lease.expires) : void 0;
  const duration = lease.duration !== void 0 ? parseDuration(lease.duration) : void 0;
  const unreadableEnd = lease.expires !== void 0 && expires === void 0 || lease.duration !== void 0 && duration === void 0;
  const end = (start2) => unreadableEnd ? { kind: "unreadable", text: lease.expires ?? lease.duration ?? "" } : expires !== void 0 ? { kind: "at", at: expires } : { kind: "at", at: start2 + (duration ?? 0) * MINUTE_MS };
  const length = (start2, e) => e.kind === "at" ? Math.max(0, Math.round((e.at - start2) / MINUTE_MS)) : void 0;
  if (c.change === "extension" && c.history) {
    const granted = leaseWindow(c.previous ?? lease, c.history.addedAt).start;
    const e = end(granted);
    const before = c.previous ? leaseWindow(c.previous, c.history.addedAt).end : void 0;
    return { ...view, start: { kind: "at", at: granted, why: "granted" }, end: e, ...withMinutes(length(granted, e)), ...before !== void 0 ? { previousEnd: before } : {} };
  }
  if (c.change === "extension") {
    const e = unreadableEnd ? { kind: "unreadable", text: lease.expires ?? lease.duration ?? "" } : expires !== void 0 ? { kind: "at", at: expires } : { kind: "after-start", minutes: duration ?? 0 };
    return { ...view, start: { kind: "unknown" }, end: e, ...e.kind === "after-start" ? { minutes: e.minutes } : {} };
  }
  if (lease.notBefore !== void 0 && notBefore === void 0) {
    return { ...view, start: { kind: "unreadable", text: lease.notBefore }, end: unreadableEnd || expires === void 0 ? { kind: "unreadable", text: lease.expires ?? lease.duration ?? "" } : { kind: "at", at: expires } };
  }
  if (notBefore !== void 0) {
    const e = end(notBefore);
    return { ...view, start: { kind: "at", at: notBefore, why: "notBefore" }, end: e, ...withMinutes(length(notBefore, e)) };
  }
  const start = view.breakGlass ? { kind: "break-glass", ifNow: c.now } : { kind: "merge", ifNow: c.now };
  if (expires !== void 0 || unreadableEnd) {
    const e = end(c.now);
    return { ...view, start, end: e, ...withMinutes(length(c.now, e)) };
  }
  const minutes = duration ?? 0;
  return { ...view, start, end: { kind: "after-start", minutes, ifNow: c.now + minutes * MINUTE_MS }, minutes };
}
function withMinutes(m) {
  return m !== void 0 ? { minutes: m } : {};
}

// src/validate/validate-pull-request.ts
function areaOf(path, policyPath) {
  if (isUnderLeases(path)) return "lease";
  if (path === policyPath) return "policy";
  if (CODEOWNERS_LOCATIONS.includes(path)) return "codeowners";
  return "other";
}
function validatePullRequest(input) {
  const { policyPath, changes } = input;
  const diagnostics = [];
  const files = /* @__PURE__ */ new Map();
  const requests = /* @__PURE__ */ new Map();
  const notes = [];
  const base = input.basePolicy ? loadPolicy(policyPath, input.basePolicy) : void 0;
  if (!base) {
    diagnostics.push(diagnostic("policy-missing", policyPath, void 0, `The base branch has no ${policyPath}.`, "Add a policy on the default branch first (see examples/access-repo/policy.yaml)."));
    return buildReport(diagnostics, files, notes);
  }
  if (!base.policy) {
    diagnostics.push(...base.diagnostics.map((d) => ({ ...d, message: `Base branch policy is invalid: ${d.message}` })));
    return buildReport(diagnostics, files, notes);
  }
  const basePolicy = base.policy;
  const areas = (c) => /* @__PURE__ */ new Set([areaOf(c.path, policyPath), ...c.previousPath ? [areaOf(c.previousPath, policyPath)] : []]);
  const leaseChanges = changes.filter((c) => areas(c).has("lease"));
  const otherChanges = changes.filter((c) => !areas(c).has("lease") || areas(c).size > 1);
  const policyChange = changes.find((c) => c.path === policyPath || c.previousPath === policyPath);
  if (leaseChanges.length > 0 && otherChanges.length > 0) {
    for (const c of otherChanges) {
      files.set(c.path, "changed");
      diagnostics.push(
        diagnostic(
          "change-mixed",
          c.path,
          void 0,
          `This pull request changes leases and also ${c.path}. Its leases are judged by the base branch's policy and CODEOWNERS, and a lease request may change nothing else.`,
          "Split it: one pull request for the lease(s), another (reviewed by the policy admins) for everything else."
        )
      );
    }
  }
  for (const c of leaseChanges) diagnostics.push(...checkLeaseChange(c, input, basePolicy, files, requests));
  let judgingPolicy = basePolicy;
  if (policyChange) {
    if (policyChange.status === "removed" || !policyChange.head || policyChange.path !== policyPath) {
      files.set(policyPath, "removed");
      diagnostics.push(diagnostic("policy-removed", policyPath, void 0, `This pull request deletes ${policyPath}.`, "The access repo needs its policy; change it instead of deleting it."));
    } else {
      files.set(policyPath, "policy change (needs review by the policy admins)");
      const head = loadPolicy(policyPath, policyChange.head.bytes);
      diagnostics.push(...head.diagnostics);
      if (head.policy) judgingPolicy = head.policy;
      notes.push(`${policyPath} changes; CODEOWNERS is checked against the new policy. Policy changes must be approved by: ${basePolicy.admins.join(", ")}.`);
    }
  }
  if (leaseChanges.length === 0 && !policyChange && otherChanges.length > 0) {
    notes.push("No lease changes in this pull request.");
  }
  const codeowners = effectiveCodeowners(input);
  diagnostics.push(...checkCodeownersSync(codeowners, judgingPolicy, policyPath));
  for (const d of diagnostics) if (!files.has(d.file)) files.set(d.file, void 0);
  if (input.strict) {
    for (const d of diagnostics) {
      if (d.code === NOT_CHECKED) d.severity = "error";
    }
  }
  return buildReport(diagnostics, files, notes, requests);
}
function checkLeaseChange(c, input, policy, files, requests) {
  const out = [];
  const { path } = c;
  if (c.status === "removed" || !c.head) {
    files.set(path, "removed: an early revoke, always allowed");
    return out;
  }
  if (c.status === "renamed" && c.previousPath && isUnderLeases(c.previousPath)) {
    const from = checkLeasePath(c.previousPath);
    const to = checkLeasePath(path);
    if (from.kind === "lease" && to.kind === "lease" && from.resource !== to.resource) {
      files.set(path, `renamed from ${c.previousPath}`);
      out.push(diagnostic("lease-rename-across-resources", path, void 0, `Moving a lease from leases/${from.resource}/ to leases/${to.resource}/ is not allowed.`, "Delete the old lease and open a new one for the other resource."));
      return out;
    }
  }
  const where = checkLeasePath(path);
  if (where.kind === "outside") {
    files.set(path, `moved out of leases/ (from ${c.previousPath})`);
    return out;
  }
  if (where.kind === "invalid") {
    files.set(path, "rejected path");
    out.push(diagnostic(where.code, path, void 0, where.message, where.hint));
    return out;
  }
  const modeProblem = checkFileMode(c.head);
  if (modeProblem) {
    files.set(path, "rejected file type");
    out.push(modeProblem);
    return out;
  }
  if (where.kind === "placeholder") {
    files.set(path, "placeholder");
    return out;
  }
  const loaded = loadLease(path, c.head.bytes);
  if (!loaded.lease) {
    files.set(path, c.status === "added" ? "new lease" : "changed lease");
    out.push(...loaded.diagnostics);
    return out;
  }
  const previous = c.base && c.status === "modified" && checkFileMode(c.base) === void 0 ? loadLease(c.base.path, c.base.bytes).lease : void 0;
  const kind = previous ? "extension" : "new";
  files.set(path, kind === "extension" ? "extension" : c.status === "renamed" ? `new lease (renamed from ${c.previousPath})` : "new lease");
  requests.set(
    path,
    requestView(loaded.lease, { change: kind === "extension" ? "extension" : "new", now: input.now, ...input.author !== void 0 ? { requester: input.author } : {}, ...previous ? { previous } : {}, ...c.history ? { history: c.history } : {} })
  );
  const ctx = {
    file: path,
    doc: loaded.doc,
    lease: loaded.lease,
    folder: where.resource,
    policy,
    kind,
    now: input.now,
    facts: input.facts,
    ...input.author !== void 0 ? { author: input.author } : {},
    ...previous ? { previous } : {},
    ...c.history ? { history: c.history } : {}
  };
  out.push(...checkLease(ctx));
  const resource = policy.resources.get(loaded.lease.resource);
  const keys = resource && issuesCredentials(resource.provider) ? input.facts.sshKeys?.get(loaded.lease.grantee.toLowerCase()) : void 0;
  if (keys === 0) {
    out.push(
      diagnostic(
        "lease-grantee-no-ssh-key",
        path,
        loaded.doc.locate("/grantee"),
        `${loaded.lease.grantee} has no ssh-ed25519 or ssh-rsa key on GitHub: ${resource.id} makes a password that is encrypted to the grantee's SSH keys, and apply refuses to make one nobody can read.`,
        `${loaded.lease.grantee}: add an SSH key to your GitHub account (Settings \u2192 SSH and GPG keys) before this is merged.`,
        "warning"
      )
    );
  }
  if (resource) out.push(...checkTwoFactor(path, loaded.doc, loaded.lease, resource, input.facts));
  if (resource && input.heldLeases) out.push(...checkOneHolder(path, loaded.lease, previous && c.history ? c.history.addedAt : input.now, resource, input.heldLeases, loaded.doc.locate("/role")));
  return out;
}
function effectiveCodeowners(input) {
  for (const loc of CODEOWNERS_LOCATIONS) {
    const changed = input.changes.find((c) => c.path === loc || c.previousPath === loc);
    if (changed) {
      if (changed.path === loc && changed.head) return { path: loc, bytes: changed.head.bytes };
      continue;
    }
    if (input.baseCodeowners?.path === loc) return input.baseCodeowners;
  }
  return void 0;
}

export {
  readLeaseLog,
  readLeaseAndPolicyLog,
  pullRequestInput,
  buildReport,
  allDiagnostics,
  countErrors,
  botLogin,
  botLoginFor,
  TWO_FACTOR_NOT_CHECKED,
  validatePullRequest
};
