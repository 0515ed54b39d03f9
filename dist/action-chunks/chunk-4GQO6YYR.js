import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  changedLeases,
  resolveRequester
} from "./chunk-E4RXBCWO.js";
import {
  allDiagnostics,
  botLoginFor,
  buildReport
} from "./chunk-IVFWVQ2J.js";
import {
  CODEOWNERS_LOCATIONS,
  fetchNotes,
  isUnderLeases,
  modeOf,
  readNote
} from "./chunk-VTJMK7UI.js";
import {
  MAX_FILE_BYTES,
  MAX_POLICY_BYTES,
  diagnostic
} from "./chunk-WCB7NMLF.js";

// src/validate/refuse-unbound-request.ts
function refuseUnboundRequest(report, problem, leases) {
  const refused = new Set(leases);
  const kept = allDiagnostics(report).filter((d) => !refused.has(d.file));
  const findings = [...refused].map((file) => diagnostic(problem.code, file, void 0, problem.message, problem.hint));
  const requests = new Map(report.files.flatMap((f) => f.request ? [[f.file, f.request]] : []));
  return buildReport([...kept, ...findings], new Map(report.files.map((f) => [f.file, f.action])), report.notes, requests);
}

// src/approval/pull-request-requester.ts
async function pullRequestRequester(gh, i) {
  const pr = i.pullRequest;
  const warnings = [];
  const leases = changedLeases(i.changes);
  const base = { author: pr.author, repository: `${i.owner}/${i.repo}`, pullRequest: { number: pr.number, headSha: pr.headSha, headRef: pr.headRef }, leases, ...i.evidenceKey ? { evidenceKey: i.evidenceKey } : {} };
  if (leases.length === 0) return { requester: resolveRequester(base), warnings };
  const bot = await botLoginFor(gh, i.botLogin, pr.author);
  if (!bot.login) return { requester: resolveRequester({ ...base, ...bot.problem ? { botProblem: bot.problem } : {} }), warnings };
  if (pr.author.toLowerCase() !== bot.login.toLowerCase()) return { requester: resolveRequester({ ...base, botLogin: bot.login }), warnings };
  if (!await fetchNotes(i.repoDir, i.remote ?? "origin", i.token)) warnings.push(`Could not fetch refs/notes/jit from ${i.remote ?? "origin"}: the request note of #${pr.number} cannot be read.`);
  const note = /^[0-9a-f]{40}$/.test(pr.headSha) ? await readNote(i.repoDir, pr.headSha) : void 0;
  return { requester: resolveRequester({ ...base, botLogin: bot.login, ...note !== void 0 ? { note } : {} }), warnings };
}

// src/github/pull-request-changes.ts
var TreeReader = class {
  constructor(gh, owner, repo) {
    this.gh = gh;
    this.owner = owner;
    this.repo = repo;
  }
  gh;
  owner;
  repo;
  trees = /* @__PURE__ */ new Map();
  async list(treeSha) {
    let t = this.trees.get(treeSha);
    if (!t) {
      const res = await this.gh.rest.git.getTree({ owner: this.owner, repo: this.repo, tree_sha: treeSha });
      t = new Map(res.data.tree.map((e) => [e.path ?? "", e]));
      this.trees.set(treeSha, t);
    }
    return t;
  }
  async entry(commitSha, path) {
    let treeSha = commitSha;
    const parts = path.split("/");
    for (let i = 0; i < parts.length; i++) {
      const e = (await this.list(treeSha)).get(parts[i] ?? "");
      if (!e) return void 0;
      if (i === parts.length - 1) return e;
      if (e.type !== "tree" || !e.sha) return void 0;
      treeSha = e.sha;
    }
    return void 0;
  }
};
async function pullRequestChanges(gh, pr, policyPath) {
  const files = await gh.paginate(gh.rest.pulls.listFiles, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
  const trees = new TreeReader(gh, pr.owner, pr.repo);
  const needsContent = (p) => isUnderLeases(p) || p === policyPath || CODEOWNERS_LOCATIONS.includes(p);
  const read = async (commit, path) => {
    const e = await trees.entry(commit, path);
    if (!e || !e.sha) return void 0;
    const mode = modeOf(e.mode ?? "100644");
    if (mode === "submodule") return { path, mode, bytes: new Uint8Array() };
    const limit = path === policyPath ? MAX_POLICY_BYTES : MAX_FILE_BYTES;
    if ((e.size ?? 0) > limit) return { path, mode, bytes: new Uint8Array(limit + 1) };
    const blob = await gh.rest.git.getBlob({ owner: pr.owner, repo: pr.repo, file_sha: e.sha });
    return { path, mode, bytes: Buffer.from(blob.data.content, blob.data.encoding === "base64" ? "base64" : "utf8") };
  };
  const placeholder = (path) => ({ path, mode: "file", bytes: new Uint8Array() });
  const changes = [];
  for (const f of files) {
    const path = f.filename;
    const previousPath = f.previous_filename ?? void 0;
    const wantHead = needsContent(path);
    const wantBase = needsContent(previousPath ?? path);
    switch (f.status) {
      case "unchanged":
        break;
      case "removed": {
        const base = wantBase ? await read(pr.baseSha, path) : void 0;
        changes.push({ status: "removed", path, base: base ?? placeholder(path) });
        break;
      }
      case "added":
      case "copied": {
        const head = wantHead ? await read(pr.headSha, path) : void 0;
        changes.push({ status: "added", path, head: head ?? placeholder(path) });
        break;
      }
      case "renamed": {
        const head = wantHead ? await read(pr.headSha, path) : void 0;
        const base = wantBase && previousPath ? await read(pr.baseSha, previousPath) : void 0;
        changes.push({ status: "renamed", path, ...previousPath ? { previousPath } : {}, head: head ?? placeholder(path), base: base ?? placeholder(previousPath ?? path) });
        break;
      }
      default: {
        const head = wantHead ? await read(pr.headSha, path) : void 0;
        const base = wantBase ? await read(pr.baseSha, path) : void 0;
        changes.push({ status: "modified", path, head: head ?? placeholder(path), ...base ? { base } : {} });
      }
    }
  }
  return changes;
}

export {
  refuseUnboundRequest,
  pullRequestRequester,
  pullRequestChanges
};
