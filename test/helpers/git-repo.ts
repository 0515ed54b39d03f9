/**
 * Real git repositories for tests: a temp access repo made from examples/access-repo (or
 * from scratch), with commits at chosen times, branches and merges.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const EXAMPLE_REPO = resolve(import.meta.dirname, "../../examples/access-repo");

export class TestRepo {
  readonly dir: string;
  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), "jit-repo-"));
  }

  /**
   * A new repository on main: empty, or with the example access repo as its first commit at
   * `time`. The first one of a kind in a test file is made with git; the next ones are copies
   * of it (no process), the very same repository: same commit, same refs.
   */
  static init(opts: { fromExample?: boolean; time?: string } = {}): TestRepo {
    const fromExample = opts.fromExample !== false;
    // With no time the first commit would take the clock's: not the same for every copy.
    if (fromExample && opts.time === undefined) return TestRepo.build(fromExample, opts.time);
    const key = `${fromExample}:${opts.time ?? ""}`;
    let template = templates.get(key);
    if (!template) {
      template = TestRepo.build(fromExample, opts.time);
      templates.set(key, template);
    }
    return template.copy();
  }

  private static build(fromExample: boolean, time: string | undefined): TestRepo {
    const r = new TestRepo();
    r.git("init", "-q", "-b", "main");
    if (fromExample) {
      cpSync(EXAMPLE_REPO, r.dir, { recursive: true });
      r.commitAll("Initial access repo", time);
    }
    return r;
  }

  /**
   * A copy of this repository (work tree, index, refs, objects) in a new directory, made
   * without a process: for a fixture built once per file (beforeAll) and copied per test.
   * It shares nothing with this one; `time` is carried over.
   */
  copy(): TestRepo {
    const r = new TestRepo();
    cpSync(this.dir, r.dir, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
    r.time = this.time;
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

  /** Commits the whole work tree (`git add -A`, then `git commit`: one process started from here, the shell's are cheap). */
  commitAll(message: string, time?: string): string {
    execFileSync("sh", ["-c", 'git add -A && exec git commit -q --allow-empty -m "$1"', "sh", message], { cwd: this.dir, env: this.env(time) });
    return this.head();
  }

  head(ref = "HEAD"): string {
    return this.readRef(ref) ?? this.git("rev-parse", ref).trim();
  }

  /**
   * What `git rev-parse ref` answers, read from the files under .git without a process, for
   * HEAD and plain branch names where the files alone decide; undefined otherwise (the caller
   * asks git). A loose ref overrides packed-refs, so a loose file found is the answer.
   */
  private readRef(ref: string): string | undefined {
    const gitDir = join(this.dir, ".git");
    const read = (path: string) => {
      try {
        return readFileSync(join(gitDir, path), "utf8").trim();
      } catch {
        return undefined;
      }
    };
    const sha = (text: string | undefined) => (text !== undefined && /^[0-9a-f]{40}$/.test(text) ? text : undefined);
    if (!existsSync(gitDir) || !statSync(gitDir).isDirectory()) return undefined; // a linked worktree
    if (ref === "HEAD") {
      const head = read("HEAD");
      if (head === undefined) return undefined;
      const m = /^ref: (refs\/heads\/[\w./-]+)$/.exec(head);
      return m ? sha(read(m[1]!)) : sha(head);
    }
    if (!/^[\w-]+(\/[\w-]+)*$/.test(ref) || ref === "HEAD" || ref.endsWith(".lock")) return undefined;
    // rev-parse looks at .git/<ref>, refs/<ref> and refs/tags/<ref> before refs/heads/<ref>.
    const packed = read("packed-refs") ?? "";
    for (const before of [ref, `refs/${ref}`, `refs/tags/${ref}`]) {
      if (existsSync(join(gitDir, before)) || packed.includes(` ${before}\n`) || packed.endsWith(` ${before}`)) return undefined;
    }
    return sha(read(`refs/heads/${ref}`));
  }

  /** The branch HEAD is on, from .git/HEAD (undefined when detached or unknown). */
  private currentBranch(): string | undefined {
    try {
      return /^ref: refs\/heads\/(.+)$/.exec(readFileSync(join(this.dir, ".git", "HEAD"), "utf8").trim())?.[1];
    } catch {
      return undefined;
    }
  }

  branch(name: string, from = "main"): this {
    this.git("switch", "-q", "-c", name, from);
    return this;
  }

  checkout(name: string): this {
    // Switching to the branch HEAD is already on changes nothing (not even a dirty work tree).
    if (this.currentBranch() !== name) this.git("switch", "-q", name);
    return this;
  }

  /** Merge a branch into main with a merge commit at a given time. */
  merge(branch: string, time?: string): string {
    this.checkout("main");
    execFileSync("git", ["merge", "-q", "--no-ff", "-m", `Merge ${branch}`, branch], { cwd: this.dir, env: this.env(time) });
    return this.head();
  }

  /**
   * One commit on `branch` (created from `from` when new, else on its tip) with these files
   * changed (null removes one), made with one `git fast-import` and without touching the work
   * tree, index or HEAD: the very commit branch() + write() + commitAll() would make from a
   * clean work tree. Not for the branch HEAD is on (its work tree would fall behind).
   */
  commitOn(branch: string, files: Record<string, string | null>, message: string, opts: { from?: string; time?: string } = {}): string {
    if (this.currentBranch() === branch) throw new Error(`commitOn: ${branch} is checked out; use write() and commitAll()`);
    // The branch's tip: its loose ref file, else packed-refs (asked of git), else a new branch.
    const gitDir = join(this.dir, ".git");
    const loose = join(gitDir, "refs", "heads", branch);
    const packed = existsSync(join(gitDir, "packed-refs")) ? readFileSync(join(gitDir, "packed-refs"), "utf8") : "";
    const tip = existsSync(loose) && statSync(loose).isFile()
      ? readFileSync(loose, "utf8").trim()
      : packed.includes(` refs/heads/${branch}\n`) || !statSync(gitDir, { throwIfNoEntry: false })?.isDirectory()
        ? this.git("for-each-ref", "--format=%(objectname)", `refs/heads/${branch}`).trim() || undefined
        : undefined;
    const parent = tip ?? this.head(opts.from ?? "main");
    const out: string[] = [];
    const changes: string[] = [];
    let mark = 0;
    for (const [path, content] of Object.entries(files)) {
      if (content === null) changes.push(`D ${path}\n`);
      else {
        out.push(`blob\nmark :${++mark}\n${fiData(content)}`);
        changes.push(`M 100644 :${mark} ${path}\n`);
      }
    }
    const commit = ++mark;
    out.push(`commit refs/heads/${branch}\nmark :${commit}\n${this.who(opts.time)}${fiData(`${message}\n`)}from ${parent}\n${changes.join("")}\nget-mark :${commit}\n`);
    return execFileSync("git", ["fast-import", "--quiet"], { cwd: this.dir, env: this.env(), input: out.join(""), encoding: "utf8" }).trim();
  }

  /** A fast-import author and committer line pair at `iso` (default: the repo's `time`). */
  private who(iso: string | undefined): string {
    const ms = iso === undefined ? Date.parse(this.time ?? "") : Date.parse(iso);
    if (Number.isNaN(ms)) throw new Error(`a fast-import commit needs a time (got '${iso ?? this.time}')`);
    const stamp = `${Math.floor(ms / 1000)} +0000`;
    return `author Test <test@example.com> ${stamp}\ncommitter Test <test@example.com> ${stamp}\n`;
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

const fiData = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;

/** TestRepo.init's first repository of each kind in this test file (vitest runs each file in its own process). */
const templates = new Map<string, TestRepo>();
process.on("exit", () => {
  for (const t of templates.values()) t.cleanup();
});

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
