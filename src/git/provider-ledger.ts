/**
 * The providers' ledger (src/providers/ledger.ts) in git: the ref `refs/jit/ledger` of the
 * access repo, which only the bot writes. Each record is a file
 * `<namespace>/records/<id>.json`, `{ "v": 1, "body": …, "mac": … }`, signed with the
 * evidence key (HMAC-SHA256) over the repository, its path and its canonical body: a record
 * written by anyone else, copied from another repo or moved to another namespace or id does
 * not verify and is ignored. Published files sit at `<namespace>/<name>`.
 *
 * An append builds one commit on the ref's tip (records are files with unique names, so
 * concurrent runs never conflict), pushes it without force, and on a rejected push fetches
 * the remote's ledger and tries again: a record is saved only once the push went through.
 * Reading never fails a run: malformed, oversized or unsigned files are skipped and logged.
 *
 * Anyone with push access can move or delete a ref that is not a protected branch; they
 * cannot forge a record. A deleted revocation record must not bring a certificate back:
 * servers keep every serial they have once fetched (see examples/ssh-server).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { canonicalJson } from "../evidence/evidence.js";
import { macVerifies, noteMac } from "../evidence/note-mac.js";
import type { LedgerFile, LedgerRecord, ProviderLedger } from "../providers/ledger.js";
import { LEDGER_NAME } from "../providers/ledger.js";
import { git, gitText, readBlobs } from "./run-git.js";

export const LEDGER_REF = "refs/jit/ledger";
/** A record larger than this is not read (records are a few hundred bytes). */
const MAX_RECORD_BYTES = 64 * 1024;
const NAMESPACE = /^[a-z0-9][a-z0-9-]{0,62}\/[a-z0-9][a-z0-9-]{0,62}$/;

export interface GitLedgerOptions {
  repoDir: string;
  /** "owner/repo" */
  repository: string;
  /** The evidence key. */
  key: string;
  /** Push every append here (e.g. "origin"); without it the ledger is kept in the local repo only. */
  remote?: string;
  /** A token for fetch and push when the checkout keeps no credentials (sent as the checkout would, never on the command line). */
  token?: string;
  /** Commit time (ms) of appends. */
  now: number;
  attempts?: number;
  log?: (line: string) => void;
}

/** The text a record's MAC covers. */
function signedText(repository: string, path: string, body: Record<string, unknown>): string {
  return `jit-access ledger v1\n${repository}\n${path}\n${canonicalJson(body)}`;
}

export function recordPath(namespace: string, id: string): string {
  return `${namespace}/records/${id}.json`;
}

/** The file text of a signed record. */
export function formatRecord(repository: string, namespace: string, record: LedgerRecord, key: string): string {
  const body = JSON.parse(canonicalJson(record.body)) as Record<string, unknown>;
  return `${JSON.stringify({ v: 1, body, mac: noteMac(signedText(repository, recordPath(namespace, record.id), body), key) })}\n`;
}

/** A record file's body when its signature verifies, else undefined (never throws). */
export function verifyRecord(repository: string, path: string, text: string, key: string): Record<string, unknown> | undefined {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) return undefined;
  const { v: version, body, mac } = v as { v?: unknown; body?: unknown; mac?: unknown };
  if (version !== 1 || !body || typeof body !== "object" || Array.isArray(body)) return undefined;
  return macVerifies(mac, () => signedText(repository, path, body as Record<string, unknown>), key) ? (body as Record<string, unknown>) : undefined;
}

function authEnv(token: string | undefined): Record<string, string> | undefined {
  if (!token) return undefined;
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  return { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraheader", GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}

/** Fetches the remote's ledger into refs/jit/ledger. False when the remote has none or it could not be fetched. */
export async function fetchLedger(repoDir: string, remote = "origin", token?: string): Promise<boolean> {
  const args = ["fetch", "--quiet", remote, `+${LEDGER_REF}:${LEDGER_REF}`];
  try {
    await git(repoDir, args);
    return true;
  } catch {
    if (!token) return false;
  }
  try {
    await git(repoDir, args, undefined, authEnv(token));
    return true;
  } catch {
    return false;
  }
}

async function tip(repoDir: string): Promise<string | undefined> {
  try {
    return (await gitText(repoDir, ["rev-parse", "--verify", "--quiet", `${LEDGER_REF}^{commit}`])).trim() || undefined;
  } catch {
    return undefined;
  }
}

interface Entry {
  path: string;
  sha: string;
  size: number;
}

async function entries(repoDir: string, commit: string, under: string): Promise<Entry[]> {
  const out = (await git(repoDir, ["ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", under])).toString("utf8");
  const list: Entry[] = [];
  for (const rec of out.split("\0")) {
    const tab = rec.indexOf("\t");
    if (tab < 0) continue;
    const [mode = "", type = "", sha = "", size = ""] = rec.slice(0, tab).trim().split(/\s+/);
    if (mode !== "100644" || type !== "blob") continue;
    list.push({ path: rec.slice(tab + 1), sha, size: Number(size) });
  }
  return list;
}

export function gitLedger(o: GitLedgerOptions): ProviderLedger {
  if (!o.key) throw new Error("the provider ledger needs the evidence key (JIT_EVIDENCE_KEY): its records are signed with it");
  const log = o.log ?? (() => undefined);
  const checkNamespace = (ns: string) => {
    if (!NAMESPACE.test(ns)) throw new Error(`ledger namespace '${ns}' is not <type>/<resource>`);
  };

  const readAt = async (commit: string | undefined, namespace: string): Promise<Map<string, LedgerRecord>> => {
    const out = new Map<string, LedgerRecord>();
    if (!commit) return out;
    const prefix = `${namespace}/records/`;
    const found = (await entries(o.repoDir, commit, prefix)).filter((e) => e.path.startsWith(prefix));
    const small = found.filter((e) => e.size <= MAX_RECORD_BYTES);
    const blobs = await readBlobs(o.repoDir, small.map((e) => e.sha));
    let ignored = found.length - small.length;
    for (const e of small) {
      const name = e.path.slice(prefix.length);
      const id = name.endsWith(".json") ? name.slice(0, -".json".length) : "";
      const body = LEDGER_NAME.test(id) ? verifyRecord(o.repository, e.path, blobs.get(e.sha)?.toString("utf8") ?? "", o.key) : undefined;
      if (body) out.set(id, { id, body });
      else ignored++;
    }
    if (ignored > 0) log(`${LEDGER_REF}: ${ignored} file(s) under ${prefix} are not records signed for ${o.repository} and were ignored.`);
    return out;
  };

  const commitOn = async (parent: string | undefined, namespace: string, add: LedgerRecord[], derive?: (all: LedgerRecord[]) => LedgerFile[]): Promise<string | undefined> => {
    const existing = await readAt(parent, namespace);
    const fresh: LedgerRecord[] = [];
    for (const r of add) {
      const there = existing.get(r.id);
      if (there && canonicalJson(there.body) === canonicalJson(r.body)) continue;
      if (there) throw new Error(`ledger record ${namespace}/${r.id} already exists with other content`);
      fresh.push(r);
    }
    const all = [...existing.values(), ...fresh];
    const files = derive?.(all) ?? [];
    for (const f of files) if (!LEDGER_NAME.test(f.name) || f.name === "records") throw new Error(`ledger file name '${f.name}' is not allowed`);
    const writes: Array<{ path: string; bytes: string | Uint8Array }> = [
      ...fresh.map((r) => ({ path: recordPath(namespace, r.id), bytes: formatRecord(o.repository, namespace, r, o.key) })),
      ...files.map((f) => ({ path: `${namespace}/${f.name}`, bytes: f.bytes })),
    ];
    if (writes.length === 0) return undefined;
    const index = mkdtempSync(join(tmpdir(), "jit-ledger-"));
    try {
      const env = { GIT_INDEX_FILE: join(index, "index") };
      await git(o.repoDir, parent ? ["read-tree", parent] : ["read-tree", "--empty"], undefined, env);
      const lines: string[] = [];
      for (const w of writes) lines.push(`100644 ${(await git(o.repoDir, ["hash-object", "-w", "--stdin"], w.bytes)).toString("utf8").trim()}\t${w.path}`);
      await git(o.repoDir, ["update-index", "--index-info"], lines.join("\n") + "\n", env);
      const tree = (await git(o.repoDir, ["write-tree"], undefined, env)).toString("utf8").trim();
      if (parent && (await gitText(o.repoDir, ["rev-parse", `${parent}^{tree}`])).trim() === tree) return undefined; // nothing new
      const when = `${Math.floor(o.now / 1000)} +0000`;
      const who = { GIT_AUTHOR_NAME: "jit-access", GIT_AUTHOR_EMAIL: "jit-access@users.noreply.github.com", GIT_COMMITTER_NAME: "jit-access", GIT_COMMITTER_EMAIL: "jit-access@users.noreply.github.com", GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
      const message = `jit-access ledger: ${namespace}: ${fresh.length} record(s)${files.length ? `, ${files.map((f) => f.name).join(", ")}` : ""}\n`;
      return (await git(o.repoDir, ["commit-tree", tree, ...(parent ? ["-p", parent] : []), "-F", "-"], message, who)).toString("utf8").trim();
    } finally {
      rmSync(index, { recursive: true, force: true });
    }
  };

  // One append at a time in this process; other processes are kept out by the non-forced push.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const run = queue.then(f, f);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    repository: o.repository,
    location: (namespace, name) => `${LEDGER_REF}:${namespace}/${name}`,
    async read(namespace) {
      checkNamespace(namespace);
      return [...(await readAt(await tip(o.repoDir), namespace)).values()];
    },
    async append(namespace, records, derive) {
      checkNamespace(namespace);
      for (const r of records) if (!LEDGER_NAME.test(r.id)) throw new Error(`ledger record id '${r.id}' is not allowed`);
      return serial(async () => {
        const attempts = o.remote ? (o.attempts ?? 5) : 1;
        let error = "";
        for (let i = 0; i < attempts; i++) {
          if (o.remote && i > 0) await fetchLedger(o.repoDir, o.remote, o.token);
          const parent = await tip(o.repoDir);
          const commit = await commitOn(parent, namespace, records, derive);
          if (!commit) return;
          if (o.remote) {
            // As the notes are pushed: with the checkout's credentials, else with the token.
            const push = (env?: Record<string, string>) => git(o.repoDir, ["push", "--quiet", o.remote!, `${commit}:${LEDGER_REF}`], undefined, env);
            try {
              await push().catch((e: Error) => (o.token ? push(authEnv(o.token)) : Promise.reject(e)));
            } catch (e) {
              error = (e as Error).message;
              continue;
            }
          }
          await git(o.repoDir, ["update-ref", LEDGER_REF, commit, ...(parent ? [parent] : ["0".repeat(40)])]);
          return;
        }
        throw new Error(`could not save to ${LEDGER_REF}${o.remote ? ` on ${o.remote}` : ""} after ${attempts} attempt(s): ${error}`);
      });
    },
  };
}
