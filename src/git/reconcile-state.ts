/**
 * What scoped runs remember between runs, in refs/jit/state of the access repo (a ref the
 * bot owns and force-pushes; one parentless commit holding `state.json`): the last commit
 * reconciled, the time up to which every lease start and end was reconciled, when each
 * resource was last listed, resources to retry, and the conditional-request cache (ETag and
 * body of each list page).
 *
 * Anyone with write access can push that ref, so it is untrusted: it counts only when its
 * HMAC (the evidence key, bound to this repository) verifies, and every field is checked.
 * Anything else — no ref, no key, a bad MAC, a malformed field — reads as "no state", which
 * makes the next run a full reconcile listing everything (correct, just costlier). A replayed
 * older state only makes the scope wider (older times) and its cache entries are only used
 * when GitHub answers 304 to their ETag.
 */
import { macVerifies, noteMac } from "../evidence/note-mac.js";
import type { CachedPage } from "../github/conditional-requests.js";
import { git, gitText } from "./run-git.js";

export const STATE_REF = "refs/jit/state";
const FILE = "state.json";
/** A state bigger than this is not read (the cache of 1,000 teams is a few MB). */
const MAX_BYTES = 256 * 1024 * 1024;

export interface ReconcileState {
  /** The commit of the default branch the last recorded run reconciled (its own commit included). */
  head: string;
  /** Every lease start and end up to this time (ms) was reconciled by a completed run. */
  dueSince: number;
  /** When each resource was last listed by a completed run (ms). */
  listed: Record<string, number>;
  /** Resources a run could not settle (listing failed, an action failed, a finding): the next run takes them. */
  retry: string[];
  /** Conditional-request cache: request path -> page. */
  cache: Array<[string, CachedPage]>;
  /** The drift bound and sweep interval (ms) of the verified policy that run acted on. */
  driftBound?: number;
  sweepEvery?: number;
}

const macText = (repository: string, text: string) => `jit-access reconcile-state v1\0${repository.toLowerCase()}\0${text}`;

/** The state as signed JSON (what is stored). */
export function encodeState(state: ReconcileState, key: string, repository: string): string {
  const text = JSON.stringify({ version: 1, ...state });
  return JSON.stringify({ mac: noteMac(macText(repository, text), key), text });
}

const isTime = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The state if `stored` is signed for this repository and well-formed; why not otherwise. */
export function decodeState(stored: string, key: string | undefined, repository: string): { state: ReconcileState } | { why: string } {
  let outer: unknown;
  try {
    outer = JSON.parse(stored);
  } catch {
    return { why: "not JSON" };
  }
  if (!isObject(outer) || typeof outer.text !== "string") return { why: "not a signed state" };
  const text = outer.text;
  if (!key) return { why: "no evidence key to check it with" };
  if (!macVerifies(outer.mac, () => macText(repository, text), key)) return { why: "its signature does not verify" };
  let s: unknown;
  try {
    s = JSON.parse(text);
  } catch {
    return { why: "not JSON" };
  }
  if (!isObject(s) || s.version !== 1) return { why: "unknown version" };
  if (typeof s.head !== "string" || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(s.head)) return { why: "bad head" };
  if (!isTime(s.dueSince)) return { why: "bad dueSince" };
  if (!isObject(s.listed) || !Object.values(s.listed).every(isTime)) return { why: "bad listed" };
  if (!Array.isArray(s.retry) || !s.retry.every((r) => typeof r === "string")) return { why: "bad retry" };
  if (!Array.isArray(s.cache)) return { why: "bad cache" };
  const cache: Array<[string, CachedPage]> = [];
  for (const e of s.cache as unknown[]) {
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== "string" || !isObject(e[1])) return { why: "bad cache entry" };
    const p = e[1];
    if (typeof p.etag !== "string" || !isTime(p.seen) || (p.link !== undefined && typeof p.link !== "string") || !("body" in p)) return { why: "bad cache entry" };
    cache.push([e[0], { etag: p.etag, ...(p.link !== undefined ? { link: p.link as string } : {}), body: p.body, seen: p.seen }]);
  }
  for (const k of ["driftBound", "sweepEvery"] as const) if (s[k] !== undefined && (!isTime(s[k]) || s[k] === 0)) return { why: `bad ${k}` };
  const timing = { ...(s.driftBound !== undefined ? { driftBound: s.driftBound as number } : {}), ...(s.sweepEvery !== undefined ? { sweepEvery: s.sweepEvery as number } : {}) };
  return { state: { head: s.head, dueSince: s.dueSince, listed: { ...(s.listed as Record<string, number>) }, retry: [...(s.retry as string[])], cache, ...timing } };
}

/** Reads refs/jit/state from the local repository. */
export async function readReconcileState(repo: string, key: string | undefined, repository: string): Promise<{ state: ReconcileState } | { why: string }> {
  let size: number;
  try {
    size = Number((await gitText(repo, ["cat-file", "-s", `${STATE_REF}:${FILE}`])).trim());
  } catch {
    return { why: `no ${STATE_REF}` };
  }
  if (!Number.isFinite(size) || size > MAX_BYTES) return { why: `${STATE_REF} is too big` };
  try {
    return decodeState((await git(repo, ["cat-file", "blob", `${STATE_REF}:${FILE}`])).toString("utf8"), key, repository);
  } catch {
    return { why: `${STATE_REF} cannot be read` };
  }
}

/** Writes the state as the one commit of refs/jit/state (no history: it is a cache, not a record). */
export async function writeReconcileState(repo: string, state: ReconcileState, key: string, repository: string, now: number): Promise<string> {
  const blob = (await git(repo, ["hash-object", "-w", "--stdin"], encodeState(state, key, repository))).toString("utf8").trim();
  const tree = (await git(repo, ["mktree"], `100644 blob ${blob}\t${FILE}\n`)).toString("utf8").trim();
  const when = new Date(now).toISOString();
  const ident = { GIT_AUTHOR_NAME: "jit-access[bot]", GIT_AUTHOR_EMAIL: "jit-access[bot]@users.noreply.github.com", GIT_COMMITTER_NAME: "jit-access[bot]", GIT_COMMITTER_EMAIL: "jit-access[bot]@users.noreply.github.com", GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  const commit = (await git(repo, ["commit-tree", tree, "-m", "jit-access reconcile state"], undefined, ident)).toString("utf8").trim();
  await git(repo, ["update-ref", STATE_REF, commit]);
  return commit;
}

function withToken(token: string | undefined): Record<string, string> | undefined {
  if (!token) return undefined;
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  return { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraheader", GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}

/** Fetches refs/jit/state (replacing the local one); false when the remote has none or it failed. */
export async function fetchReconcileState(repo: string, remote = "origin", token?: string): Promise<boolean> {
  const args = ["fetch", "--quiet", remote, `+${STATE_REF}:${STATE_REF}`];
  for (const env of [undefined, withToken(token)]) {
    try {
      await git(repo, args, undefined, env);
      return true;
    } catch {
      if (!token) return false;
    }
  }
  return false;
}

/** Pushes refs/jit/state (forced: it is the bot's own ref). Returns the error message, if any. */
export async function pushReconcileState(repo: string, remote = "origin", token?: string): Promise<string | undefined> {
  try {
    await git(repo, ["push", "--quiet", "--force", remote, `${STATE_REF}:${STATE_REF}`], undefined, withToken(token));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
