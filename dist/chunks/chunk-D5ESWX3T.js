#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  WORKTREE,
  readRepoFile
} from "./chunk-5KMKP4T4.js";
import {
  checkLease,
  emptyFacts,
  loadLease,
  loadPolicy,
  parseDuration,
  require_dist
} from "./chunk-E43RC3OI.js";
import {
  checkLeasePath
} from "./chunk-LHBPTLRF.js";
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import {
  formatTimestamp
} from "./chunk-7FNLLOQ2.js";
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
  formatText
};
