#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  canonicalJson,
  macVerifies,
  noteMac
} from "./chunk-GIIEBIZ6.js";
import {
  git,
  gitText,
  readBlobs
} from "./chunk-RMU5QMAM.js";

// src/git/provider-ledger.ts
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/providers/ledger.ts
var LEDGER_NAME = /^[A-Za-z0-9._-]{1,100}$/;

// src/git/provider-ledger.ts
var LEDGER_REF = "refs/jit/ledger";
var MAX_RECORD_BYTES = 64 * 1024;
var NAMESPACE = /^[a-z0-9][a-z0-9-]{0,62}\/[a-z0-9][a-z0-9-]{0,62}$/;
function signedText(repository, path, body) {
  return `jit-access ledger v1
${repository}
${path}
${canonicalJson(body)}`;
}
function recordPath(namespace, id) {
  return `${namespace}/records/${id}.json`;
}
function formatRecord(repository, namespace, record, key) {
  const body = JSON.parse(canonicalJson(record.body));
  return `${JSON.stringify({ v: 1, body, mac: noteMac(signedText(repository, recordPath(namespace, record.id), body), key) })}
`;
}
function verifyRecord(repository, path, text, key) {
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return void 0;
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) return void 0;
  const { v: version, body, mac } = v;
  if (version !== 1 || !body || typeof body !== "object" || Array.isArray(body)) return void 0;
  return macVerifies(mac, () => signedText(repository, path, body), key) ? body : void 0;
}
function authEnv(token) {
  if (!token) return void 0;
  const basic = Buffer.from(`x-access-token:${token}`).toString("base64");
  return { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "http.extraheader", GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}
async function fetchLedger(repoDir, remote = "origin", token) {
  const args = ["fetch", "--quiet", remote, `+${LEDGER_REF}:${LEDGER_REF}`];
  try {
    await git(repoDir, args);
    return true;
  } catch {
    if (!token) return false;
  }
  try {
    await git(repoDir, args, void 0, authEnv(token));
    return true;
  } catch {
    return false;
  }
}
async function tip(repoDir) {
  try {
    return (await gitText(repoDir, ["rev-parse", "--verify", "--quiet", `${LEDGER_REF}^{commit}`])).trim() || void 0;
  } catch {
    return void 0;
  }
}
async function entries(repoDir, commit, under) {
  const out = (await git(repoDir, ["ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", under])).toString("utf8");
  const list = [];
  for (const rec of out.split("\0")) {
    const tab = rec.indexOf("	");
    if (tab < 0) continue;
    const [mode = "", type = "", sha = "", size = ""] = rec.slice(0, tab).trim().split(/\s+/);
    if (mode !== "100644" || type !== "blob") continue;
    list.push({ path: rec.slice(tab + 1), sha, size: Number(size) });
  }
  return list;
}
function gitLedger(o) {
  if (!o.key) throw new Error("the provider ledger needs the evidence key (JIT_EVIDENCE_KEY): its records are signed with it");
  const log = o.log ?? (() => void 0);
  const checkNamespace = (ns) => {
    if (!NAMESPACE.test(ns)) throw new Error(`ledger namespace '${ns}' is not <type>/<resource>`);
  };
  const readAt = async (commit, namespace) => {
    const out = /* @__PURE__ */ new Map();
    if (!commit) return out;
    const prefix = `${namespace}/records/`;
    const found = (await entries(o.repoDir, commit, prefix)).filter((e) => e.path.startsWith(prefix));
    const small = found.filter((e) => e.size <= MAX_RECORD_BYTES);
    const blobs = await readBlobs(o.repoDir, small.map((e) => e.sha));
    let ignored = found.length - small.length;
    for (const e of small) {
      const name = e.path.slice(prefix.length);
      const id = name.endsWith(".json") ? name.slice(0, -".json".length) : "";
      const body = LEDGER_NAME.test(id) ? verifyRecord(o.repository, e.path, blobs.get(e.sha)?.toString("utf8") ?? "", o.key) : void 0;
      if (body) out.set(id, { id, body });
      else ignored++;
    }
    if (ignored > 0) log(`${LEDGER_REF}: ${ignored} file(s) under ${prefix} are not records signed for ${o.repository} and were ignored.`);
    return out;
  };
  const commitOn = async (parent, namespace, add, derive) => {
    const existing = await readAt(parent, namespace);
    const fresh = [];
    for (const r of add) {
      const there = existing.get(r.id);
      if (there && canonicalJson(there.body) === canonicalJson(r.body)) continue;
      if (there) throw new Error(`ledger record ${namespace}/${r.id} already exists with other content`);
      fresh.push(r);
    }
    const all = [...existing.values(), ...fresh];
    const files = derive?.(all) ?? [];
    for (const f of files) if (!LEDGER_NAME.test(f.name) || f.name === "records") throw new Error(`ledger file name '${f.name}' is not allowed`);
    const writes = [
      ...fresh.map((r) => ({ path: recordPath(namespace, r.id), bytes: formatRecord(o.repository, namespace, r, o.key) })),
      ...files.map((f) => ({ path: `${namespace}/${f.name}`, bytes: f.bytes }))
    ];
    if (writes.length === 0) return void 0;
    const index = mkdtempSync(join(tmpdir(), "jit-ledger-"));
    try {
      const env = { GIT_INDEX_FILE: join(index, "index") };
      await git(o.repoDir, parent ? ["read-tree", parent] : ["read-tree", "--empty"], void 0, env);
      const lines = [];
      for (const w of writes) lines.push(`100644 ${(await git(o.repoDir, ["hash-object", "-w", "--stdin"], w.bytes)).toString("utf8").trim()}	${w.path}`);
      await git(o.repoDir, ["update-index", "--index-info"], lines.join("\n") + "\n", env);
      const tree = (await git(o.repoDir, ["write-tree"], void 0, env)).toString("utf8").trim();
      if (parent && (await gitText(o.repoDir, ["rev-parse", `${parent}^{tree}`])).trim() === tree) return void 0;
      const when = `${Math.floor(o.now / 1e3)} +0000`;
      const who = { GIT_AUTHOR_NAME: "jit-access", GIT_AUTHOR_EMAIL: "jit-access@users.noreply.github.com", GIT_COMMITTER_NAME: "jit-access", GIT_COMMITTER_EMAIL: "jit-access@users.noreply.github.com", GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
      const message = `jit-access ledger: ${namespace}: ${fresh.length} record(s)${files.length ? `, ${files.map((f) => f.name).join(", ")}` : ""}
`;
      return (await git(o.repoDir, ["commit-tree", tree, ...parent ? ["-p", parent] : [], "-F", "-"], message, who)).toString("utf8").trim();
    } finally {
      rmSync(index, { recursive: true, force: true });
    }
  };
  let queue = Promise.resolve();
  const serial = (f) => {
    const run = queue.then(f, f);
    queue = run.catch(() => void 0);
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
        const attempts = o.remote ? o.attempts ?? 5 : 1;
        let error = "";
        for (let i = 0; i < attempts; i++) {
          if (o.remote && i > 0) await fetchLedger(o.repoDir, o.remote, o.token);
          const parent = await tip(o.repoDir);
          const commit = await commitOn(parent, namespace, records, derive);
          if (!commit) return;
          if (o.remote) {
            const push = (env) => git(o.repoDir, ["push", "--quiet", o.remote, `${commit}:${LEDGER_REF}`], void 0, env);
            try {
              await push().catch((e) => o.token ? push(authEnv(o.token)) : Promise.reject(e));
            } catch (e) {
              error = e.message;
              continue;
            }
          }
          await git(o.repoDir, ["update-ref", LEDGER_REF, commit, ...parent ? [parent] : ["0".repeat(40)]]);
          return;
        }
        throw new Error(`could not save to ${LEDGER_REF}${o.remote ? ` on ${o.remote}` : ""} after ${attempts} attempt(s): ${error}`);
      });
    }
  };
}

export {
  LEDGER_REF,
  recordPath,
  formatRecord,
  verifyRecord,
  fetchLedger,
  gitLedger
};
