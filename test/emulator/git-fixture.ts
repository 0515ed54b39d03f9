/**
 * A small real git repository for tests: `main` and a `feature` branch that
 * modifies, adds, renames and deletes files and adds symlinks, while `main`
 * moves on after the branch point (so only a three-dot diff is right).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface GitFixture {
  dir: string;
  /** main when feature branched off */
  forkPoint: string;
  /** main's tip (one commit after the fork point) */
  mainTip: string;
  /** feature's tip */
  featureTip: string;
  /** a commit on feature before its tip */
  featureFirst: string;
  git(...args: string[]): string;
  cleanup(): void;
}

export function createGitFixture(): GitFixture {
  const dir = mkdtempSync(join(tmpdir(), "emu-git-"));
  let tick = 0;
  const git = (...args: string[]): string => {
    tick++;
    const date = `2024-01-01T00:00:${String(tick).padStart(2, "0")}Z`;
    return execFileSync("git", ["-C", dir, "-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args], {
      encoding: "utf8",
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: "1" },
    }).trim();
  };
  const write = (path: string, content: string | Buffer): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  const link = (path: string, target: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target, join(dir, path));
  };

  git("init", "-q", "-b", "main");
  write("README.md", "# access\n");
  write("access/alice.yaml", "user: alice\nrole: admin\nuntil: 2026-01-01\n");
  write("docs/guide.md", "a guide\nline two\nline three\nline four\n");
  write("old-name.txt", "this file keeps its content\nacross the rename\nso git sees a rename\n");
  write("to-delete.txt", "doomed\n");
  link("readme-link", "README.md");
  link("docs-link", "docs");
  link("dangling-link", "nowhere/at/all");
  git("add", "-A");
  git("commit", "-q", "-m", "initial");
  const forkPoint = git("rev-parse", "HEAD");

  git("checkout", "-q", "-b", "feature");
  write("access/alice.yaml", "user: alice\nrole: admin\nuntil: 2026-06-01\n");
  git("commit", "-q", "-am", "extend alice");
  const featureFirst = git("rev-parse", "HEAD");
  write("access/bob.yaml", "user: bob\nrole: read\n");
  git("mv", "old-name.txt", "new-name.txt");
  git("rm", "-q", "to-delete.txt");
  link("access/escape", "../../etc/passwd");
  link("access/readme", "../README.md");
  write("logo.bin", Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]));
  git("add", "-A");
  git("commit", "-q", "-m", "add bob, rename, delete, links");
  const featureTip = git("rev-parse", "HEAD");

  git("checkout", "-q", "main");
  write("docs/guide.md", "a guide, changed on main\nline two\nline three\nline four\n");
  git("commit", "-q", "-am", "main moves on");
  const mainTip = git("rev-parse", "HEAD");

  return {
    dir,
    forkPoint,
    mainTip,
    featureTip,
    featureFirst,
    git,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

