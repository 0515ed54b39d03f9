/** Reads the parts of an access repo that judge requests (policy, CODEOWNERS) at a ref or in the working tree. */
import { closeSync, openSync, readSync, readdirSync, readlinkSync } from "node:fs";
import { MAX_FILE_BYTES } from "../document/parse-yaml.js";
import type { Dirent } from "node:fs";
import { access, lstat, readFile, readlink } from "node:fs/promises";
import { join, resolve } from "node:path";
import { CODEOWNERS_LOCATIONS } from "../codeowners/generate-codeowners.js";
import { LEASES_DIR } from "../lease/lease-path.js";
import type { FileVersion } from "../validate/inputs.js";
import { repoSession } from "./git-session.js";
import { gitText } from "./run-git.js";
import { readFileAt, readFilesAt, readTreeFiles } from "./tree.js";

export const WORKTREE = ":worktree";

export async function readRepoFile(repo: string, ref: string, path: string): Promise<FileVersion | undefined> {
  if (ref !== WORKTREE) return readFileAt(repo, ref, path);
  const full = join(repo, path);
  try {
    const st = await lstat(full);
    if (st.isSymbolicLink()) return { path, mode: "symlink", bytes: Buffer.from(await readlink(full)) };
    if (!st.isFile()) return undefined;
    return { path, mode: "file", bytes: await readFile(full) };
  } catch {
    return undefined;
  }
}

export async function readCodeowners(repo: string, ref: string): Promise<{ path: string; bytes: Uint8Array } | undefined> {
  if (ref !== WORKTREE) return (await readJudgingFiles(repo, ref)).codeowners;
  for (const loc of CODEOWNERS_LOCATIONS) {
    const f = await readRepoFile(repo, ref, loc);
    if (f && f.mode !== "symlink") return { path: loc, bytes: f.bytes };
  }
  return undefined;
}

/**
 * The policy file (when `policyPath` is given) and CODEOWNERS at a ref, as readRepoFile and
 * readCodeowners find them, with two git processes in all instead of two for each.
 */
export async function readJudgingFiles(repo: string, ref: string, policyPath?: string): Promise<{ policy?: FileVersion; codeowners?: { path: string; bytes: Uint8Array } }> {
  if (ref === WORKTREE) {
    const [policy, codeowners] = await Promise.all([policyPath !== undefined ? readRepoFile(repo, ref, policyPath) : undefined, readCodeowners(repo, ref)]);
    return { ...(policy ? { policy } : {}), ...(codeowners ? { codeowners } : {}) };
  }
  const files = await readFilesAt(repo, ref, [...(policyPath !== undefined ? [policyPath] : []), ...CODEOWNERS_LOCATIONS]);
  const policy = policyPath !== undefined ? files.get(policyPath) : undefined;
  const owners = CODEOWNERS_LOCATIONS.map((loc) => files.get(loc)).find((f) => f !== undefined && f.mode !== "symlink");
  return { ...(policy ? { policy } : {}), ...(owners ? { codeowners: { path: owners.path, bytes: owners.bytes } } : {}) };
}

/**
 * Every file under leases/ at a ref or in the working tree. The working tree is read with
 * synchronous calls on purpose: for thousands of small files they are several times faster
 * than thousands of concurrent promises, and nothing else runs meanwhile.
 */
export async function readLeaseFiles(repo: string, ref: string): Promise<FileVersion[]> {
  if (ref !== WORKTREE) return readTreeFiles(repo, ref, [LEASES_DIR]);
  const out: FileVersion[] = [];
  // Plain concatenation: path.join would normalise every one of thousands of paths.
  const root = resolve(repo);
  const walk = (rel: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(`${root}/${rel}`, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(path);
      else if (e.isSymbolicLink()) out.push({ path, mode: "symlink", bytes: Buffer.from(readlinkSync(`${root}/${path}`)) });
      else if (e.isFile()) out.push({ path, mode: "file", bytes: readBounded(`${root}/${path}`) });
    }
  };
  walk(LEASES_DIR);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const scratch = Buffer.allocUnsafe(MAX_FILE_BYTES + 1);

/**
 * Reads a file of at most MAX_FILE_BYTES (open, read, close: no stat). A larger file comes
 * back as MAX_FILE_BYTES + 1 bytes, enough for the size check to refuse it without reading it all.
 */
function readBounded(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    let n = 0;
    for (;;) {
      const got = readSync(fd, scratch, n, scratch.length - n, null);
      if (got === 0) break;
      n += got;
      if (n === scratch.length) break;
    }
    return Buffer.from(scratch.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

export async function isGitRepo(dir: string): Promise<boolean> {
  try {
    await access(join(dir, ".git"));
    return true;
  } catch {
    try {
      return (await gitText(dir, ["rev-parse", "--is-inside-work-tree"])).trim() === "true";
    } catch {
      return false;
    }
  }
}

/** Whether the repository is shallow (asked once per git session: a run does not deepen it). */
export function isShallow(repo: string): Promise<boolean> {
  const session = repoSession(repo);
  return session ? session.memo("shallow", () => askShallow(repo)) : askShallow(repo);
}

async function askShallow(repo: string): Promise<boolean> {
  try {
    return (await gitText(repo, ["rev-parse", "--is-shallow-repository"])).trim() === "true";
  } catch {
    return false;
  }
}
