#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/git/git-session.ts
import { AsyncLocalStorage } from "node:async_hooks";
import { resolve } from "node:path";

// src/git/object-reader.ts
import { spawn } from "node:child_process";

// src/git/git-env.ts
var env;
function gitEnv() {
  env ??= { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C", GIT_FLUSH: "0" };
  return env;
}

// src/git/object-reader.ts
var HEADER = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) (blob|tree|commit|tag) (\d+)$/;
var ObjectReader = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  child = null;
  pending = [];
  buffer = Buffer.alloc(0);
  /** Chunks not joined to `buffer` yet (a large object arrives in many: joined once it is all there), `heldBytes` long. */
  held = [];
  heldBytes = 0;
  /** Bytes `buffer` must hold before the next answer can be taken (0: unknown). */
  need = 0;
  broken = false;
  /** Type and size of an object expression (`<sha>`, `<sha>:<path>`, `<sha>^{tree}`), or null when missing. */
  info(name) {
    return this.ask(`info ${name}`, false).then((r) => r?.info ?? null);
  }
  /** Type, size and content of an object expression, or null when missing. */
  contents(name) {
    return this.ask(`contents ${name}`, true).then((r) => r ? { info: r.info, body: r.body ?? Buffer.alloc(0) } : null);
  }
  /** Whether this reader can take the name (one line) and still works. */
  accepts(name) {
    return !this.broken && !/[\n\r\0]/.test(name) && name.length > 0 && !name.startsWith("-");
  }
  close() {
    this.broken = true;
    this.fail(new Error("object reader closed"));
    this.child?.stdin.end();
    this.child?.kill();
    this.child = null;
  }
  ask(line, contents) {
    if (this.broken) return Promise.reject(new Error("object reader unavailable"));
    const child = this.process();
    return new Promise((resolve2, reject) => {
      this.pending.push({ contents, resolve: resolve2, reject });
      if (this.pending.length === 1) this.hold(child, true);
      child.stdin.write(`${line}
`);
    });
  }
  /**
   * The process keeps the event loop alive only while an answer is awaited (a program waiting
   * on it must not end), never when idle (an idle reader must not keep a program running).
   */
  hold(child, on) {
    for (const h of [child, child.stdout]) {
      if (on) h.ref?.();
      else h.unref?.();
    }
  }
  process() {
    if (this.child) return this.child;
    const child = spawn("git", ["-C", this.dir, "cat-file", "--batch-command"], {
      env: gitEnv(),
      stdio: ["pipe", "pipe", "pipe"]
    });
    child.stdout.on("data", (chunk) => {
      this.held.push(chunk);
      this.heldBytes += chunk.length;
      if (this.need !== 0 && this.buffer.length + this.heldBytes < this.need) return;
      this.buffer = this.buffer.length || this.held.length > 1 ? Buffer.concat([this.buffer, ...this.held]) : chunk;
      this.held = [];
      this.heldBytes = 0;
      this.need = 0;
      this.drain();
    });
    child.stderr.resume();
    child.stdin.on("error", () => this.die(child));
    child.on("error", () => this.die(child));
    child.on("exit", () => this.die(child));
    child.unref();
    child.stdin.unref?.();
    child.stdout.unref?.();
    child.stderr.unref?.();
    this.child = child;
    return child;
  }
  die(child) {
    if (this.child !== child) return;
    this.child = null;
    this.buffer = Buffer.alloc(0);
    this.held = [];
    this.heldBytes = 0;
    this.need = 0;
    this.fail(new Error("git cat-file ended"));
  }
  fail(e) {
    for (const p of this.pending.splice(0)) p.reject(e);
  }
  drain() {
    for (; ; ) {
      const next = this.pending[0];
      if (!next) {
        if (this.child) this.hold(this.child, false);
        return;
      }
      const eol = this.buffer.indexOf(10);
      if (eol < 0) return;
      const header = this.buffer.subarray(0, eol).toString("utf8");
      const m = HEADER.exec(header);
      if (!m) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.pending.shift();
        next.resolve(null);
        continue;
      }
      const info = { sha: m[1], type: m[2], size: Number(m[3]) };
      if (!next.contents) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.pending.shift();
        next.resolve({ info });
        continue;
      }
      const end = eol + 1 + info.size;
      if (this.buffer.length < end + 1) {
        this.need = end + 1;
        return;
      }
      const body = Buffer.from(this.buffer.subarray(eol + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift();
      next.resolve({ info, body });
    }
  }
};
function parseRawTree(body) {
  const out = [];
  let i = 0;
  while (i < body.length) {
    const space = body.indexOf(32, i);
    const nul = body.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > body.length) break;
    const mode = body.subarray(i, space).toString("latin1").padStart(6, "0");
    const name = body.subarray(space + 1, nul).toString("utf8");
    const sha = body.subarray(nul + 1, nul + 21).toString("hex");
    out.push({ mode, name, sha });
    i = nul + 21;
  }
  return out;
}

// src/git/git-session.ts
var FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var BLOB_CACHE_BYTES = 64 << 20;
var BLOB_CACHE_ONE = 1 << 20;
var RepoSession = class {
  constructor(dir) {
    this.dir = dir;
    this.reader = new ObjectReader(dir);
  }
  dir;
  reader;
  objects = /* @__PURE__ */ new Map();
  trees = /* @__PURE__ */ new Map();
  commits = /* @__PURE__ */ new Map();
  memos = /* @__PURE__ */ new Map();
  blobBytes = 0;
  /** Whether a name can go to the reader on a line (no newline, no leading '-', the reader still works). */
  accepts(name) {
    return this.reader.accepts(name);
  }
  /**
   * An object by full sha: null when git says it is missing, undefined when the reader could
   * not answer (the caller falls back to git).
   */
  object(sha) {
    if (!FULL_SHA.test(sha) || !this.reader.accepts(sha)) return Promise.resolve(void 0);
    const cached = this.objects.get(sha);
    if (cached) return cached;
    const p = this.reader.contents(sha).then(
      (r) => r ? { type: r.info.type, body: r.body } : null,
      () => void 0
    );
    this.objects.set(sha, p);
    void p.then((o) => {
      if (!o) this.objects.delete(sha);
      else if (o.type === "blob") {
        if (o.body.length > BLOB_CACHE_ONE || this.blobBytes + o.body.length > BLOB_CACHE_BYTES) this.objects.delete(sha);
        else this.blobBytes += o.body.length;
      }
    });
    return p;
  }
  /** What a name (a ref, `<rev>^{tree}`, …) resolves to now, never cached; null when it resolves to nothing, undefined when the reader could not answer. */
  async resolve(name) {
    if (!this.reader.accepts(name)) return void 0;
    try {
      return await this.reader.info(name);
    } catch {
      return void 0;
    }
  }
  /** The entries of a tree by name, or undefined when it cannot be read as a tree. */
  async tree(sha) {
    const known = this.trees.get(sha);
    if (known) return known;
    const o = await this.object(sha);
    if (!o || o.type !== "tree") return void 0;
    const entries = /* @__PURE__ */ new Map();
    for (const e of parseRawTree(o.body)) entries.set(e.name, e);
    this.trees.set(sha, entries);
    this.objects.delete(sha);
    return entries;
  }
  /** A commit's tree and parents, or undefined when it cannot be read as a commit. */
  async commit(sha) {
    const known = this.commits.get(sha);
    if (known) return known;
    const o = await this.object(sha);
    if (!o || o.type !== "commit") return void 0;
    const header = parseCommitHeader(o.body);
    if (!header) return void 0;
    this.commits.set(sha, header);
    this.objects.delete(sha);
    return header;
  }
  /** The tree of a tree-ish: a full sha (a commit or a tree, cached) or any other name (resolved now). */
  async treeOf(treeish) {
    if (FULL_SHA.test(treeish)) {
      const c = this.commits.get(treeish);
      if (c) return c.tree;
      if (this.trees.has(treeish)) return treeish;
      const o = await this.object(treeish);
      if (o?.type === "commit") return (await this.commit(treeish))?.tree;
      if (o?.type === "tree") return treeish;
      return void 0;
    }
    const info = await this.resolve(`${treeish}^{tree}`);
    return info?.type === "tree" ? info.sha : void 0;
  }
  /** An answer computed once per session (e.g. whether the repository is shallow). */
  memo(key, make) {
    let p = this.memos.get(key);
    if (!p) {
      p = make();
      this.memos.set(key, p);
      p.catch(() => this.memos.delete(key));
    }
    return p;
  }
  close() {
    this.reader.close();
  }
};
function parseCommitHeader(body) {
  const end = body.indexOf("\n\n");
  const head = body.toString("utf8", 0, end < 0 ? body.length : end);
  let tree;
  const parents = [];
  for (const line of head.split("\n")) {
    if (tree === void 0) {
      if (!line.startsWith("tree ")) return void 0;
      tree = line.slice(5);
    } else if (line.startsWith("parent ")) parents.push(line.slice(7));
    else break;
  }
  if (tree === void 0 || !FULL_SHA.test(tree) || parents.some((p) => !FULL_SHA.test(p))) return void 0;
  return { tree, parents };
}
var GitSession = class {
  repos = /* @__PURE__ */ new Map();
  closed = false;
  repo(dir) {
    if (this.closed) return void 0;
    const key = resolve(dir);
    let s = this.repos.get(key);
    if (!s) {
      s = new RepoSession(key);
      this.repos.set(key, s);
    }
    return s;
  }
  close() {
    this.closed = true;
    for (const s of this.repos.values()) s.close();
    this.repos.clear();
  }
};
var current = new AsyncLocalStorage();
async function withGitSession(fn) {
  if (current.getStore()) return fn();
  const session = new GitSession();
  try {
    return await current.run(session, fn);
  } finally {
    session.close();
  }
}
function repoSession(dir) {
  return current.getStore()?.repo(dir);
}

// src/git/run-git.ts
import { execFile, spawn as spawn2 } from "node:child_process";
var GitError = class extends Error {
  constructor(args, stderr) {
    super(`git ${args.join(" ")} failed: ${stderr.trim() || "unknown error"}`);
    this.args = args;
    this.stderr = stderr;
    this.name = "GitError";
  }
  args;
  stderr;
};
function git(repo, args, input, env2) {
  return new Promise((resolve2, reject) => {
    const child = execFile("git", args, { cwd: repo, encoding: "buffer", maxBuffer: 1 << 30, env: env2 ? { ...gitEnv(), ...env2 } : gitEnv() }, (err, stdout, stderr) => {
      if (err) reject(new GitError(args, stderr.toString("utf8") || err.message));
      else resolve2(stdout);
    });
    if (input !== void 0) child.stdin?.end(input);
  });
}
async function gitText(repo, args) {
  return (await git(repo, args)).toString("utf8");
}
async function revExists(repo, rev) {
  const found = await repoSession(repo)?.resolve(`${rev}^{commit}`);
  if (found?.type === "commit") return true;
  try {
    await git(repo, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
function gitStream(repo, args, onData) {
  return new Promise((resolve2, reject) => {
    const child = spawn2("git", args, { cwd: repo, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let failure;
    let stopped = false;
    child.stdout.on("data", (c) => {
      if (failure !== void 0 || stopped) return;
      try {
        if (onData(c) === "stop") {
          stopped = true;
          child.kill();
        }
      } catch (e) {
        failure = e;
        child.kill();
      }
    });
    child.stderr.on("data", (c) => stderr += c.toString());
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (failure !== void 0) reject(failure instanceof Error ? failure : new Error(String(failure)));
      else if (stopped) resolve2();
      else if (code !== 0) reject(new GitError(args, stderr || `exit ${code ?? signal}`));
      else resolve2();
    });
  });
}
async function readBlobs(repo, shas) {
  if (shas.length === 0) return /* @__PURE__ */ new Map();
  const session = repoSession(repo);
  if (session && shas.length <= SESSION_BLOBS && shas.every((sha) => FULL_SHA.test(sha))) {
    const unique = [...new Set(shas)];
    const got = await Promise.all(unique.map((sha) => session.object(sha)));
    const map = /* @__PURE__ */ new Map();
    const rest = [];
    unique.forEach((sha, i) => {
      const o = got[i];
      if (o) map.set(sha, o.body);
      else rest.push(sha);
    });
    if (rest.length === 0) return map;
    for (const [sha, content] of await readBlobsByProcess(repo, rest)) map.set(sha, content);
    return map;
  }
  return readBlobsByProcess(repo, shas);
}
var SESSION_BLOBS = 256;
function readBlobsByProcess(repo, shas) {
  const reader = openBlobReader(repo);
  for (const sha of shas) reader.want(sha);
  return reader.done();
}
function openBlobReader(repo, onBlob, keep = !onBlob) {
  const asked = [];
  const seen = /* @__PURE__ */ new Set();
  const map = /* @__PURE__ */ new Map();
  const child = spawn2("git", ["cat-file", "--batch", "--buffer"], { cwd: repo, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  let queued = "";
  const flush = () => {
    if (queued) child.stdin.write(queued);
    queued = "";
  };
  let held = [];
  let heldBytes = 0;
  let next = 0;
  let need = 0;
  let header = 0;
  let failure;
  const parse = () => {
    let buf = held.length === 1 ? held[0] : Buffer.concat(held, heldBytes);
    let pos = 0;
    for (; ; ) {
      if (need === 0) {
        const nl = buf.indexOf(10, pos);
        if (nl < 0) break;
        const sp = buf.lastIndexOf(32, nl);
        const last = buf.toString("latin1", sp + 1, nl);
        if (last === "missing" || last === "ambiguous") {
          next++;
          pos = nl + 1;
          continue;
        }
        header = nl + 1 - pos;
        need = header + Number(last) + 1;
      }
      if (buf.length - pos < need) break;
      const sha = asked[next++];
      const content = buf.subarray(pos + header, pos + need - 1);
      if (keep) map.set(sha, content);
      onBlob?.(sha, content);
      pos += need;
      need = 0;
    }
    buf = buf.subarray(pos);
    held = buf.length ? [buf] : [];
    heldBytes = buf.length;
  };
  child.stdout.on("data", (c) => {
    if (failure !== void 0) return;
    held.push(c);
    heldBytes += c.length;
    if (need !== 0 && heldBytes < need) return;
    try {
      parse();
    } catch (e) {
      failure = e;
      child.kill();
    }
  });
  child.stderr.on("data", (c) => stderr += c.toString());
  child.stdin.on("error", () => void 0);
  const closed = new Promise((resolve2, reject) => {
    child.on("error", reject);
    child.on("close", resolve2);
  });
  return {
    want(sha) {
      if (seen.has(sha)) return;
      seen.add(sha);
      asked.push(sha);
      if (!queued) queueMicrotask(flush);
      queued += `${sha}
`;
    },
    async done() {
      flush();
      child.stdin.end();
      const code = await closed;
      if (failure !== void 0) throw failure instanceof Error ? failure : new Error(String(failure));
      if (code !== 0) throw new GitError(["cat-file", "--batch"], stderr);
      return map;
    }
  };
}

export {
  ObjectReader,
  parseRawTree,
  FULL_SHA,
  withGitSession,
  repoSession,
  git,
  gitText,
  revExists,
  gitStream,
  readBlobs,
  openBlobReader
};
