/**
 * Real git repositories for tests: a temp access repo made from examples/access-repo (or
 * from scratch), with commits at chosen times, branches and merges.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function lease(fields: Record<string, string | boolean | undefined>): string {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === "string" && /[:#]/.test(v) ? JSON.stringify(v) : String(v)}`)
    .join("\n") + "\n";
}
