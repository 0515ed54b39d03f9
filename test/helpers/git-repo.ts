/**
 * Real git repositories for tests: a temp access repo made from examples/access-repo (or
 * from scratch), with commits at chosen times, branches and merges.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const EXAMPLE_REPO = resolve(import.meta.dirname, "../../examples/access-repo");

export class TestRepo {
  readonly dir: string;
  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), "jit-repo-"));
  }

  static init(opts: { fromExample?: boolean; time?: string } = {}): TestRepo {
    const r = new TestRepo();
    r.git("init", "-q", "-b", "main");
    if (opts.fromExample !== false) {
      cpSync(EXAMPLE_REPO, r.dir, { recursive: true });
      r.commitAll("Initial access repo", opts.time);
    }
    return r;
  }

  git(...args: string[]): string {
    return execFileSync("git", args, { cwd: this.dir, encoding: "utf8", env: this.env() });
  }

  private env(time?: string): NodeJS.ProcessEnv {
    const t = time ?? this.time;
    return {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: this.dir,
      ...(t ? { GIT_AUTHOR_DATE: t, GIT_COMMITTER_DATE: t } : {}),
    };
  }

  /** Time used for the next commits (RFC 3339), unless a commit gives its own. */
  time?: string;

  write(path: string, content: string | Buffer): this {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    return this;
  }

  symlink(path: string, target: string): this {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    symlinkSync(target, full);
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.dir, path), { recursive: true, force: true });
    return this;
  }

  commitAll(message: string, time?: string): string {
    execFileSync("git", ["add", "-A"], { cwd: this.dir, env: this.env(time) });
    execFileSync("git", ["commit", "-q", "--allow-empty", "-m", message], { cwd: this.dir, env: this.env(time) });
    return this.head();
  }

  head(ref = "HEAD"): string {
    return this.git("rev-parse", ref).trim();
  }

  branch(name: string, from = "main"): this {
    this.git("switch", "-q", "-c", name, from);
    return this;
  }

  checkout(name: string): this {
    this.git("switch", "-q", name);
    return this;
  }

  /** Merge a branch into main with a merge commit at a given time. */
  merge(branch: string, time?: string): string {
    this.checkout("main");
    execFileSync("git", ["merge", "-q", "--no-ff", "-m", `Merge ${branch}`, branch], { cwd: this.dir, env: this.env(time) });
    return this.head();
  }

  /**
   * Many pull requests at once, each as branch() + write() + commitAll() + merge() would make
   * it: a branch from main with one commit (the files; null removes one), merged into main with
   * `git merge --no-ff`'s commit. One `git fast-import` process for all of them instead of
   * seven git processes each. The work tree is left at main.
   */
  mergeAll(requests: MergeRequest[]): MergedRequest[] {
    const stamp = (iso: string | undefined) => {
      const ms = iso === undefined ? Date.parse(this.time ?? "") : Date.parse(iso);
      if (Number.isNaN(ms)) throw new Error(`mergeAll needs a time for every commit (got '${iso ?? this.time}')`);
      return `${Math.floor(ms / 1000)} +0000`;
    };
    const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
    const who = (iso: string | undefined) => `author Test <test@example.com> ${stamp(iso)}\ncommitter Test <test@example.com> ${stamp(iso)}\n`;
    let main = this.head("main");
    let mark = 0;
    const out: string[] = [];
    const marks: Array<{ base: string; head: number; merge: number }> = [];
    for (const r of requests) {
      const changes: string[] = [];
      for (const [path, content] of Object.entries(r.files)) {
        if (content === null) changes.push(`D ${path}\n`);
        else {
          out.push(`blob\nmark :${++mark}\n${data(content)}`);
          changes.push(`M 100644 :${mark} ${path}\n`);
        }
      }
      const head = ++mark;
      out.push(`commit refs/heads/${r.branch}\nmark :${head}\n${who(r.time)}${data(`${r.message}\n`)}from ${main}\n${changes.join("")}\n`);
      const merge = ++mark;
      out.push(`commit refs/heads/main\nmark :${merge}\n${who(r.mergeTime)}${data(`Merge ${r.branch}\n`)}from ${main}\nmerge :${head}\n${changes.join("")}\n`);
      marks.push({ base: main, head, merge });
      main = `:${merge}`;
    }
    const marksFile = join(this.dir, ".git", "jit-test-marks");
    execFileSync("git", ["fast-import", "--quiet", `--export-marks=${marksFile}`], { cwd: this.dir, env: this.env(), input: out.join("") });
    const sha = new Map(readFileSync(marksFile, "utf8").trim().split("\n").map((l) => l.split(" ") as [string, string]));
    rmSync(marksFile);
    this.git("reset", "-q", "--hard", "main");
    const resolve = (ref: string) => (ref.startsWith(":") ? sha.get(ref)! : ref);
    return marks.map((m) => ({ base: resolve(m.base), head: sha.get(`:${m.head}`)!, merge: sha.get(`:${m.merge}`)! }));
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One pull request for TestRepo.mergeAll: its branch, files, commit message and times (RFC 3339). */
export interface MergeRequest {
  branch: string;
  /** Path → content; null removes the file. */
  files: Record<string, string | null>;
  message: string;
  /** The branch commit's time (default: the repo's `time`). */
  time?: string;
  /** The merge commit's time (default: the repo's `time`). */
  mergeTime?: string;
}

export interface MergedRequest {
  /** main before the merge (the pull request's base), the branch commit and the merge commit. */
  base: string;
  head: string;
  merge: string;
}

export function lease(fields: Record<string, string | boolean | undefined>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === "string" && /[:#]/.test(v) ? JSON.stringify(v) : String(v)}`)
    .join("\n") + "\n";
}
