/**
 * One long-lived `git cat-file --batch-command` process per repository: the emulator and a
 * git session (git-session.ts) read commits, trees and blobs through it instead of starting
 * a git process per question (a process start costs more than the answer, and a run asks
 * hundreds). Answers about objects named by full sha (immutable) can be cached by the caller.
 *
 * The process is an optimisation only: a name it cannot take (a newline in a path), a
 * "missing" answer (an object written after the process read the pack list is found on the
 * next ask, but we do not rely on it) or a dead process make the caller fall back to a git
 * process of its own.
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { gitEnv } from "./git-env.js";

export interface ObjectInfo {
  sha: string;
  type: "blob" | "tree" | "commit" | "tag";
  size: number;
}

interface Pending {
  contents: boolean;
  resolve: (v: { info: ObjectInfo; body?: Buffer } | null) => void;
  reject: (e: Error) => void;
}

const HEADER = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) (blob|tree|commit|tag) (\d+)$/;

export class ObjectReader {
  private child: ChildProcessWithoutNullStreams | null = null;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks not joined to `buffer` yet (a large object arrives in many: joined once it is all there), `heldBytes` long. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Bytes `buffer` must hold before the next answer can be taken (0: unknown). */
  private need = 0;
  private broken = false;

  constructor(private readonly dir: string) {}

  /** Type and size of an object expression (`<sha>`, `<sha>:<path>`, `<sha>^{tree}`), or null when missing. */
  info(name: string): Promise<ObjectInfo | null> {
    return this.ask(`info ${name}`, false).then((r) => r?.info ?? null);
  }

  /** Type, size and content of an object expression, or null when missing. */
  contents(name: string): Promise<{ info: ObjectInfo; body: Buffer } | null> {
    return this.ask(`contents ${name}`, true).then((r) => (r ? { info: r.info, body: r.body ?? Buffer.alloc(0) } : null));
  }

  /** Whether this reader can take the name (one line) and still works. */
  accepts(name: string): boolean {
    return !this.broken && !/[\n\r\0]/.test(name) && name.length > 0 && !name.startsWith("-");
  }

  close(): void {
    this.broken = true;
    this.fail(new Error("object reader closed"));
    this.child?.stdin.end();
    this.child?.kill();
    this.child = null;
  }

  private ask(line: string, contents: boolean): Promise<{ info: ObjectInfo; body?: Buffer } | null> {
    if (this.broken) return Promise.reject(new Error("object reader unavailable"));
    const child = this.process();
    return new Promise((resolve, reject) => {
      this.pending.push({ contents, resolve, reject });
      if (this.pending.length === 1) this.hold(child, true);
      child.stdin.write(`${line}\n`);
    });
  }

  /**
   * The process keeps the event loop alive only while an answer is awaited (a program waiting
   * on it must not end), never when idle (an idle reader must not keep a program running).
   */
  private hold(child: ChildProcessWithoutNullStreams, on: boolean): void {
    for (const h of [child, child.stdout] as unknown as Array<{ ref?: () => void; unref?: () => void }>) {
      if (on) h.ref?.();
      else h.unref?.();
    }
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const child = spawn("git", ["-C", this.dir, "cat-file", "--batch-command"], {
      env: gitEnv(),
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => {
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
    // Idle, it never keeps the process alive (see hold).
    child.unref();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
    (child.stdout as unknown as { unref?: () => void }).unref?.();
    (child.stderr as unknown as { unref?: () => void }).unref?.();
    this.child = child;
    return child;
  }

  private die(child: ChildProcessWithoutNullStreams): void {
    if (this.child !== child) return;
    this.child = null;
    this.buffer = Buffer.alloc(0);
    this.held = [];
    this.heldBytes = 0;
    this.need = 0;
    this.fail(new Error("git cat-file ended"));
  }

  private fail(e: Error): void {
    for (const p of this.pending.splice(0)) p.reject(e);
  }

  private drain(): void {
    for (;;) {
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
        // "<name> missing" / "<name> ambiguous"
        this.buffer = this.buffer.subarray(eol + 1);
        this.pending.shift();
        next.resolve(null);
        continue;
      }
      const info: ObjectInfo = { sha: m[1]!, type: m[2] as ObjectInfo["type"], size: Number(m[3]) };
      if (!next.contents) {
        this.buffer = this.buffer.subarray(eol + 1);
        this.pending.shift();
        next.resolve({ info });
        continue;
      }
      const end = eol + 1 + info.size;
      if (this.buffer.length < end + 1) {
        this.need = end + 1; // the body and its newline are still coming
        return;
      }
      const body = Buffer.from(this.buffer.subarray(eol + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift();
      next.resolve({ info, body });
    }
  }
}

/** The entries of a raw tree object: mode, name and sha, in git's order. */
export function parseRawTree(body: Buffer): Array<{ mode: string; name: string; sha: string }> {
  const out: Array<{ mode: string; name: string; sha: string }> = [];
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
