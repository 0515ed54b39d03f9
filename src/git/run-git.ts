/** Runs git in a repository and returns its output; failures become errors with git's message. */
import { execFile, spawn } from "node:child_process";
import { gitEnv } from "./git-env.js";
import { FULL_SHA, repoSession } from "./git-session.js";

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} failed: ${stderr.trim() || "unknown error"}`);
    this.name = "GitError";
  }
}

export function git(repo: string, args: string[], input?: string | Uint8Array, env?: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile("git", args, { cwd: repo, encoding: "buffer", maxBuffer: 1 << 30, env: env ? { ...gitEnv(), ...env } : gitEnv() }, (err, stdout, stderr) => {
      if (err) reject(new GitError(args, stderr.toString("utf8") || err.message));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

export async function gitText(repo: string, args: string[]): Promise<string> {
  return (await git(repo, args)).toString("utf8");
}

/** Does the revision exist? */
export async function revExists(repo: string, rev: string): Promise<boolean> {
  // In a session, the reader resolves the name now (never cached); only a yes is taken from it.
  const found = await repoSession(repo)?.resolve(`${rev}^{commit}`);
  if (found?.type === "commit") return true;
  try {
    await git(repo, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs git and hands its output to `onData` chunk by chunk as git writes it, so a caller can
 * parse a long output while git is still producing it. An error thrown by `onData` stops git
 * and rejects; `onData` returning "stop" stops git and resolves (the caller has read enough).
 */
export function gitStream(repo: string, args: string[], onData: (chunk: Buffer) => void | "stop"): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, { cwd: repo, env: gitEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let failure: unknown;
    let stopped = false;
    child.stdout.on("data", (c: Buffer) => {
      if (failure !== undefined || stopped) return;
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
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (failure !== undefined) reject(failure instanceof Error ? failure : new Error(String(failure)));
      else if (stopped) resolve();
      else if (code !== 0) reject(new GitError(args, stderr || `exit ${code ?? signal}`));
      else resolve();
    });
  });
}

/** Reads many blobs through one `git cat-file --batch --buffer` process. */
export async function readBlobs(repo: string, shas: string[]): Promise<Map<string, Buffer>> {
  if (shas.length === 0) return new Map();
  const session = repoSession(repo);
  if (session && shas.length <= SESSION_BLOBS && shas.every((sha) => FULL_SHA.test(sha))) {
    // In a session: through its reader (cached); what it cannot answer, through a process as before.
    const unique = [...new Set(shas)];
    const got = await Promise.all(unique.map((sha) => session.object(sha)));
    const map = new Map<string, Buffer>();
    const rest: string[] = [];
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

/** Above this many blobs asked at once, a `--batch --buffer` process of their own reads them faster than the session's reader. */
const SESSION_BLOBS = 256;

function readBlobsByProcess(repo: string, shas: string[]): Promise<Map<string, Buffer>> {
  const reader = openBlobReader(repo);
  for (const sha of shas) reader.want(sha);
  return reader.done();
}

/**
 * A `git cat-file --batch` process fed blob ids while they are found (e.g. while a log is
 * still being read), so git reads blobs in parallel. Each blob is handed to `onBlob` as soon
 * as git has written it (ids asked in one go are sent to git in one write); `done()` returns
 * them all (with `onBlob`, only when `keep` is set).
 */
export function openBlobReader(repo: string, onBlob?: (sha: string, content: Buffer) => void, keep = !onBlob): { want: (sha: string) => void; done: () => Promise<Map<string, Buffer>> } {
  const asked: string[] = [];
  const seen = new Set<string>();
  const map = new Map<string, Buffer>();
  const child = spawn("git", ["cat-file", "--batch", "--buffer"], { cwd: repo, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  let queued = "";
  const flush = () => {
    if (queued) child.stdin.write(queued);
    queued = "";
  };
  // Output not parsed yet: `held` chunks, `heldBytes` long; `next` is the index in `asked` of the next object.
  let held: Buffer[] = [];
  let heldBytes = 0;
  let next = 0;
  let need = 0; // bytes the next object needs in all (header, content, newline), once its header is read
  let header = 0;
  let failure: unknown;
  const parse = () => {
    let buf = held.length === 1 ? held[0]! : Buffer.concat(held, heldBytes);
    let pos = 0;
    for (;;) {
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
      const sha = asked[next++]!;
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
  child.stdout.on("data", (c: Buffer) => {
    if (failure !== undefined) return;
    held.push(c);
    heldBytes += c.length;
    // A large object arrives in many chunks: parse once it is all there.
    if (need !== 0 && heldBytes < need) return;
    try {
      parse();
    } catch (e) {
      failure = e;
      child.kill();
    }
  });
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdin.on("error", () => undefined); // reported through the exit code
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  return {
    want(sha: string) {
      if (seen.has(sha)) return;
      seen.add(sha);
      asked.push(sha);
      if (!queued) queueMicrotask(flush);
      queued += `${sha}\n`;
    },
    async done() {
      flush();
      child.stdin.end();
      const code = await closed;
      if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure));
      if (code !== 0) throw new GitError(["cat-file", "--batch"], stderr);
      return map;
    },
  };
}
