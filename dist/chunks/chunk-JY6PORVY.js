#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import {
  buildReport,
  checkCodeownersSync,
  checkFileMode,
  pullRequestInput,
  validatePullRequest
} from "./chunk-GJYAYLXS.js";
import {
  WORKTREE,
  checkLease,
  isGitRepo,
  loadLease,
  modeOf,
  readCodeowners,
  readLeaseFiles,
  readRepoFile
} from "./chunk-BW7AH64Z.js";
import {
  checkLeasePath,
  isUnderLeases
} from "./chunk-LHBPTLRF.js";
import {
  diagnostic,
  emptyFacts,
  loadPolicy,
  parseDuration,
  require_dist
} from "./chunk-WINV2HKP.js";
import {
  formatTimestamp
} from "./chunk-DHPVELKE.js";
import {
  git,
  gitText,
  readBlobs,
  revExists,
  withGitSession
} from "./chunk-RMU5QMAM.js";
import {
  __toESM
} from "./chunk-ZKNAD5EA.js";

// src/commands/request.ts
var import_yaml = __toESM(require_dist(), 1);
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
function leaseFileText(lease) {
  const ordered = {};
  for (const k of ["grantee", "resource", "role", "duration", "expires", "notBefore", "reason", "ticket", "breakGlass"]) {
    if (lease[k] !== void 0) ordered[k] = lease[k];
  }
  return `# yaml-language-server: $schema=../../schemas/lease.v1.schema.json
${(0, import_yaml.stringify)(ordered, { lineWidth: 0 })}`;
}
function defaultLeaseName(grantee, now) {
  const stamp = formatTimestamp(now).replace(/[-:]/g, "").replace("T", "-").slice(0, 13);
  return `${grantee.toLowerCase().replace(/\[bot\]$/, "-bot")}-${stamp}.yaml`;
}
async function runRequest(o) {
  if (o.duration === void 0 === (o.expires === void 0)) throw new UsageError("request-duration", "Give exactly one of --for DURATION or --until TIME.");
  if (o.duration !== void 0 && parseDuration(o.duration) === void 0) throw new UsageError("request-duration", `'${o.duration}' is not a duration; use e.g. 30m, 4h or 1d12h.`);
  const policyFile = await readRepoFile(o.repo, o.ref ?? WORKTREE, o.policyPath);
  if (!policyFile) throw new UsageError("policy-missing", `No ${o.policyPath} in ${o.repo}; run jit request inside your access repo or pass --repo.`);
  const loaded = loadPolicy(o.policyPath, policyFile.bytes);
  if (!loaded.policy) return { path: o.policyPath, text: "", written: false, errors: loaded.diagnostics, warnings: [] };
  const lease = { grantee: o.grantee, resource: o.resource, role: o.role, reason: o.reason };
  if (o.duration !== void 0) lease.duration = o.duration;
  if (o.expires !== void 0) lease.expires = o.expires;
  if (o.notBefore !== void 0) lease.notBefore = o.notBefore;
  if (o.ticket !== void 0) lease.ticket = o.ticket;
  const name = o.name ?? defaultLeaseName(o.grantee, o.now);
  const path = `leases/${o.resource}/${name.endsWith(".yaml") || name.endsWith(".yml") ? name : `${name}.yaml`}`;
  const text = leaseFileText(lease);
  const parsed = loadLease(path, Buffer.from(text));
  const diags = parsed.lease ? checkLease({ file: path, doc: parsed.doc, lease: parsed.lease, folder: o.resource, policy: loaded.policy, kind: "new", now: o.now, author: o.grantee, facts: emptyFacts() }) : parsed.diagnostics;
  const where = checkLeasePath(path);
  if (where.kind !== "lease") {
    diags.push({ code: where.kind === "invalid" ? where.code : "lease-path-name", severity: "error", message: where.kind === "invalid" ? where.message : `'${name}' is not a lease file name.`, hint: where.kind === "invalid" ? where.hint : "Use --name like alice-db-fix.yaml.", file: path, line: 1, column: 1 });
  }
  const errors = diags.filter((d) => d.severity === "error");
  const warnings = diags.filter((d) => d.severity !== "error");
  if (errors.length || o.dryRun) return { path, text, written: false, errors, warnings };
  const full = join(o.repo, path);
  await mkdir(dirname(full), { recursive: true });
  try {
    await readFile(full);
    throw new UsageError("request-exists", `${path} already exists; pick another --name.`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  const fh = await open(full, "wx");
  try {
    await fh.writeFile(text);
  } finally {
    await fh.close();
  }
  return { path, text, written: true, errors, warnings };
}

// src/git/diff.ts
import { lstat, readFile as readFile2, readlink } from "node:fs/promises";
import { join as join2 } from "node:path";
var ZERO = /^0+$/;
var WORKING_TREE = ":worktree";
function parseRaw(out) {
  const parts = out.split("\0");
  const changes = [];
  for (let i = 0; i < parts.length; ) {
    const meta = parts[i++];
    if (!meta || !meta.startsWith(":")) continue;
    const [oldMode = "", newMode = "", oldSha = "", newSha = "", status = ""] = meta.slice(1).split(" ");
    const first = parts[i++] ?? "";
    if (status.startsWith("R") || status.startsWith("C")) {
      const second = parts[i++] ?? "";
      changes.push({ status: status[0], oldMode, newMode, oldSha, newSha, path: second, previousPath: first });
    } else changes.push({ status: status[0], oldMode, newMode, oldSha, newSha, path: first });
  }
  return changes;
}
async function mergeBase(repo, a, b) {
  return (await gitText(repo, ["merge-base", a, b])).trim();
}
async function diffChanges(repo, base, head) {
  const headRev = head === WORKING_TREE ? "HEAD" : head;
  const from = await mergeBase(repo, base, headRev);
  const args = ["diff", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff", from];
  if (head !== WORKING_TREE) args.push(head);
  const raw = parseRaw((await git(repo, [...args, "--"])).toString("utf8"));
  if (head === WORKING_TREE) {
    const untracked = (await gitText(repo, ["ls-files", "--others", "--exclude-standard", "-z"])).split("\0").filter(Boolean);
    for (const path of untracked) raw.push({ status: "A", oldMode: "000000", newMode: "", oldSha: "", newSha: "", path });
  }
  const blobs = await readBlobs(repo, raw.flatMap((c) => [c.oldSha, c.newSha]).filter((s) => s && !ZERO.test(s)));
  const version = async (path, mode, sha, fromWorkTree) => {
    if (fromWorkTree) return readWorkTreeFile(repo, path);
    return { path, mode: modeOf(mode), bytes: blobs.get(sha) ?? Buffer.alloc(0) };
  };
  const changes = [];
  for (const c of raw) {
    const headFromTree = head === WORKING_TREE;
    const basePath = c.previousPath ?? c.path;
    switch (c.status) {
      case "A":
        changes.push({ status: "added", path: c.path, head: await version(c.path, c.newMode, c.newSha, headFromTree) });
        break;
      case "D":
        changes.push({ status: "removed", path: c.path, base: await version(c.path, c.oldMode, c.oldSha, false) });
        break;
      case "R":
        changes.push({ status: "renamed", path: c.path, previousPath: basePath, base: await version(basePath, c.oldMode, c.oldSha, false), head: await version(c.path, c.newMode, c.newSha, headFromTree) });
        break;
      case "C":
        changes.push({ status: "added", path: c.path, head: await version(c.path, c.newMode, c.newSha, headFromTree) });
        break;
      default:
        changes.push({ status: "modified", path: c.path, base: await version(c.path, c.oldMode, c.oldSha, false), head: await version(c.path, c.newMode, c.newSha, headFromTree) });
    }
  }
  return changes;
}
async function readWorkTreeFile(repo, path) {
  const full = join2(repo, path);
  const st = await lstat(full);
  if (st.isSymbolicLink()) return { path, mode: "symlink", bytes: Buffer.from(await readlink(full)) };
  return { path, mode: st.mode & 73 ? "executable" : "file", bytes: await readFile2(full) };
}

// src/commands/validate.ts
import { isAbsolute, relative } from "node:path";

// src/validate/validate-repo.ts
function validateRepo(input) {
  const diagnostics = [];
  const files = /* @__PURE__ */ new Map();
  if (!input.policy) {
    diagnostics.push(diagnostic("policy-missing", input.policyPath, void 0, `No ${input.policyPath} found.`, "Create one (see examples/access-repo/policy.yaml) or pass --policy PATH."));
    return buildReport(diagnostics, files);
  }
  const loaded = loadPolicy(input.policyPath, input.policy);
  files.set(input.policyPath, "policy");
  diagnostics.push(...loaded.diagnostics);
  const policy = loaded.policy;
  if (!policy) return buildReport(diagnostics, files);
  diagnostics.push(...checkCodeownersSync(input.codeowners, policy, input.policyPath));
  if (input.codeowners) files.set(input.codeowners.path, "CODEOWNERS");
  const facts = emptyFacts();
  for (const f of input.files) {
    const where = checkLeasePath(f.path);
    if (where.kind === "outside" || where.kind === "placeholder") continue;
    files.set(f.path, "lease");
    if (where.kind === "invalid") {
      diagnostics.push(diagnostic(where.code, f.path, void 0, where.message, where.hint));
      continue;
    }
    const mode = checkFileMode(f);
    if (mode) {
      diagnostics.push(mode);
      continue;
    }
    const l = loadLease(f.path, f.bytes);
    if (!l.lease) {
      diagnostics.push(...l.diagnostics);
      continue;
    }
    diagnostics.push(...checkLease({ file: f.path, doc: l.doc, lease: l.lease, folder: where.resource, policy, kind: "existing", now: input.now, facts }));
  }
  for (const d of diagnostics) if (!files.has(d.file)) files.set(d.file, void 0);
  return buildReport(diagnostics, files);
}

// src/commands/validate.ts
function runValidate(o) {
  return withGitSession(() => runValidateInSession(o));
}
async function runValidateInSession(o) {
  if (!await isGitRepo(o.repo)) {
    if (o.base || o.head) throw new UsageError("not-a-git-repo", `${o.repo} is not a git repository; --base and --head need one.`);
  }
  const head = o.head ?? WORKTREE;
  const refs = [o.base, o.head].filter((ref) => ref !== void 0 && ref !== "");
  const exist = await Promise.all(refs.map((ref) => revExists(o.repo, ref)));
  refs.forEach((ref, i) => {
    if (!exist[i]) throw new UsageError("unknown-ref", `Unknown git revision '${ref}' in ${o.repo}.`);
  });
  const named = o.files?.map((f) => normalize(isAbsolute(f) ? relative(o.repo, f) : f));
  for (const f of named ?? []) {
    if (!isUnderLeases(f)) throw new UsageError("validate-file-outside-leases", `${f} is not a lease file (not under leases/): name lease files only; the policy and CODEOWNERS are always checked.`);
  }
  if (!o.base) {
    const [policy, codeowners, all] = await Promise.all([
      readRepoFile(o.repo, head, o.policyPath),
      readCodeowners(o.repo, head),
      readLeaseFiles(o.repo, head)
    ]);
    const only = named ? new Set(named) : void 0;
    const missing = named?.filter((f) => !all.some((x) => x.path === f)) ?? [];
    if (missing.length) throw new UsageError("validate-file-missing", `${missing.join(", ")}: no such file in ${o.repo}${o.head ? ` at ${o.head}` : ""}.`);
    return validateRepo({
      policyPath: o.policyPath,
      ...policy ? { policy: policy.bytes } : {},
      ...codeowners ? { codeowners } : {},
      files: only ? all.filter((f) => only.has(f.path)) : all,
      now: o.now
    });
  }
  const changes = diffChanges(o.repo, o.base, head).then((all) => {
    if (!named) return all;
    const only = new Set(named);
    const picked = all.filter((c) => only.has(c.path) || c.previousPath !== void 0 && only.has(c.previousPath));
    const unchanged = named.filter((f) => !picked.some((c) => c.path === f || c.previousPath === f));
    if (unchanged.length) throw new UsageError("validate-file-unchanged", `${unchanged.join(", ")}: not changed between ${o.base} and ${o.head ?? "the working tree"} (no such file, or nothing to check).`);
    return picked;
  });
  const input = await pullRequestInput(o.repo, o.base, changes, o);
  return validatePullRequest(input);
}
function normalize(p) {
  return p.replace(/\\/g, "/").replace(/^\.\//, "");
}

// src/report/format-text.ts
var LIST_ALL_UP_TO = 50;
function formatText(report) {
  const lines = [];
  const listAll = report.files.length <= LIST_ALL_UP_TO;
  let quiet = 0;
  for (const f of report.files) {
    if (!listAll && f.ok && f.warnings.length === 0) {
      quiet++;
      continue;
    }
    const head = f.ok ? f.warnings.length ? "ok (with warnings)" : "ok" : `${f.errors.length} error(s)`;
    lines.push(`${f.ok ? "\u2713" : "\u2717"} ${f.file}${f.action ? ` \u2014 ${f.action}` : ""}: ${head}`);
    for (const d of [...f.errors, ...f.warnings]) {
      lines.push(`  ${d.file}:${d.line}:${d.column}  ${d.severity} [${d.code}] ${d.message}`);
      if (d.hint) for (const h of d.hint.split("\n")) lines.push(`      ${h}`);
    }
  }
  if (quiet) lines.push(`\u2713 ${quiet} ${quiet === report.files.length ? "" : "other "}file(s) valid (each one listed with --format json).`);
  for (const n of report.notes) lines.push(`note: ${n}`);
  const errors = report.files.reduce((n, f) => n + f.errors.length, 0);
  const warnings = report.files.reduce((n, f) => n + f.warnings.length, 0);
  const bad = report.files.filter((f) => !f.ok).length;
  lines.push(
    report.ok ? `All ${report.files.length} file(s) valid${warnings ? `; ${warnings} warning(s) \u2014 checks that could not be made are listed above` : ""}.` : `${bad} of ${report.files.length} file(s) invalid: ${errors} error(s), ${warnings} warning(s).`
  );
  return lines.join("\n") + "\n";
}

export {
  runRequest,
  runValidate,
  formatText
};
