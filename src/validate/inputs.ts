/**
 * What the pure validation core is given. The shell (git, the GitHub API) builds these;
 * the core never reads files, clocks or networks itself.
 */
import type { Facts } from "../policy/people.js";

export type FileMode = "file" | "executable" | "symlink" | "submodule";

export interface FileVersion {
  path: string;
  mode: FileMode;
  bytes: Uint8Array;
}

/** What git history on the base branch says about an existing lease. */
export interface LeaseHistory {
  /** Time (ms) of the commit on the base branch that added the lease: the grant time. */
  addedAt: number;
  /** How many merged changes have extended it since. */
  extensions: number;
}

export interface FileChange {
  status: "added" | "modified" | "removed" | "renamed";
  /** Path at head; for removed files, the path at base. */
  path: string;
  previousPath?: string;
  head?: FileVersion;
  base?: FileVersion;
  /** For leases that exist at base; undefined when history was not available. */
  history?: LeaseHistory;
}

/** A lease on the base branch of a resource held by one grantee at a time (see check-one-holder.ts). */
export interface HeldLease {
  path: string;
  bytes: Uint8Array;
  /** When it was merged (ms), from history; undefined when unknown. */
  addedAt?: number;
}

export interface PullRequestInput {
  policyPath: string;
  /** policy file at the base commit (undefined: missing). */
  basePolicy?: Uint8Array;
  /** CODEOWNERS at the base commit, found in GitHub's lookup order. */
  baseCodeowners?: { path: string; bytes: Uint8Array };
  /** Every file the pull request changes (lease or not). */
  changes: FileChange[];
  /** Pull request author; undefined when not known (offline CLI without --author). */
  author?: string;
  facts: Facts;
  /** The instant of validation, ms since epoch. */
  now: number;
  /** Treat checks that could not be made as errors (the Action does; the offline CLI warns). */
  strict?: boolean;
  /** Leases on the base branch of the one-holder resources this pull request requests. */
  heldLeases?: HeldLease[];
}

export interface RepoInput {
  policyPath: string;
  policy?: Uint8Array;
  codeowners?: { path: string; bytes: Uint8Array };
  /** Every file under leases/ (regular files, symlinks...). */
  files: FileVersion[];
  now: number;
}
