/**
 * What a pull request changes: its base sha, changed files and totals,
 * computed from git when the repository has a gitDir (three-dot diff, as
 * GitHub shows pull requests) or taken from seeded files otherwise.
 */
import { createHash } from "node:crypto";
import type { EmulatorEnv } from "./env.js";
import type { DiffFileSeed, PullRecord } from "./model.js";

export interface PullFile {
  filename: string;
  previousFilename?: string;
  status: DiffFileSeed["status"];
  additions: number;
  deletions: number;
  sha: string | null;
  patch?: string;
}

export interface PullStats {
  commits: number;
  additions: number;
  deletions: number;
  changedFiles: number;
}

/** GitHub lists at most 3000 files of a pull request. */
export const MAX_PULL_FILES = 3000;

const STATUS: Record<string, PullFile["status"]> = {
  A: "added",
  D: "removed",
  M: "modified",
  R: "renamed",
  C: "copied",
  T: "changed",
};

/** The base sha given by seeding, else the base branch's tip in git, else a stable stand-in. */
export async function resolveBaseSha(env: EmulatorEnv, pull: PullRecord): Promise<string> {
  if (pull.base.sha) return pull.base.sha;
  const git = env.git(pull.issue.repo);
  const resolved = git ? await git.resolveCommit(pull.base.ref) : null;
  return resolved ?? createHash("sha1").update(`base:${pull.issue.repo.id}:${pull.base.ref}`).digest("hex");
}

export async function pullFiles(env: EmulatorEnv, pull: PullRecord): Promise<PullFile[]> {
  if (pull.files) {
    return pull.files.map((f) => ({
      filename: f.filename,
      ...(f.previousFilename !== undefined ? { previousFilename: f.previousFilename } : {}),
      status: f.status,
      additions: f.additions ?? 0,
      deletions: f.deletions ?? 0,
      sha: f.sha ?? null,
      ...(f.patch !== undefined ? { patch: f.patch } : {}),
    }));
  }
  const git = env.git(pull.issue.repo);
  if (!git) return [];
  const entries = await git.diff(await resolveBaseSha(env, pull), pull.head.sha);
  return entries.slice(0, MAX_PULL_FILES).map((e) => {
    const status = STATUS[e.status] ?? "modified";
    const file: PullFile = {
      filename: e.newPath,
      status,
      additions: e.additions,
      deletions: e.deletions,
      // the blob at head; for a removed file, the blob that was removed
      sha: status === "removed" ? e.oldSha : e.newSha,
    };
    if (status === "renamed" || status === "copied") file.previousFilename = e.oldPath;
    if (e.patch !== undefined && !e.binary) file.patch = e.patch;
    return file;
  });
}

export async function pullStats(env: EmulatorEnv, pull: PullRecord): Promise<PullStats> {
  const files = await pullFiles(env, pull);
  const git = env.git(pull.issue.repo);
  const commits = git && !pull.files ? await git.commitCount(await resolveBaseSha(env, pull), pull.head.sha) : 1;
  return {
    commits,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changedFiles: files.length,
  };
}
