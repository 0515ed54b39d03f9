#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/git/run-git.ts
import { execFile, spawn } from "node:child_process";
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
function git(repo, args, input, env) {
  return new Promise((resolve, reject) => {
    const child = execFile("git", args, { cwd: repo, encoding: "buffer", maxBuffer: 1 << 30, env: { ...gitEnv(), ...env } }, (err, stdout, stderr) => {
      if (err) reject(new GitError(args, stderr.toString("utf8") || err.message));
      else resolve(stdout);
    });
    if (input !== void 0) child.stdin?.end(input);
  });
}
async function gitText(repo, args) {
  return (await git(repo, args)).toString("utf8");
}
async function revExists(repo, rev) {
  try {
    await git(repo, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}
function gitEnv() {
  return { ...process.env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", LC_ALL: "C", GIT_FLUSH: "0" };
}
function gitStream(repo, args, onData) {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: repo, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
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
      else if (stopped) resolve();
      else if (code !== 0) reject(new GitError(args, stderr || `exit ${code ?? signal}`));
      else resolve();
    });
  });
}
function readBlobs(repo, shas) {
  if (shas.length === 0) return Promise.resolve(/* @__PURE__ */ new Map());
  const reader = openBlobReader(repo);
  for (const sha of shas) reader.want(sha);
  return reader.done();
}
function openBlobReader(repo, onBlob, keep = !onBlob) {
  const asked = [];
  const seen = /* @__PURE__ */ new Set();
  const map = /* @__PURE__ */ new Map();
  const child = spawn("git", ["cat-file", "--batch", "--buffer"], { cwd: repo, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
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
  const closed = new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
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
  git,
  gitText,
  revExists,
  gitStream,
  readBlobs,
  openBlobReader
};
