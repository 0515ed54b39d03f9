/**
 * `jit request`: writes a lease file at the right path after checking it against the
 * policy, so the pull request a requester opens is valid from the start. Never writes a
 * file that fails a check, and never overwrites one.
 */
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { stringify } from "yaml";
import { UsageError } from "../diagnostics/usage-error.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { WORKTREE, readRepoFile } from "../git/access-repo.js";
import { parseDuration } from "../lease/duration.js";
import type { Lease } from "../lease/lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { loadLease } from "../lease/load-lease.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { loadPolicy } from "../policy/load-policy.js";
import { emptyFacts } from "../policy/people.js";
import { checkLease } from "../validate/check-lease.js";

export interface RequestOptions {
  repo: string;
  /** Read the policy at this git ref instead of the working tree (the request form: the default branch). */
  ref?: string;
  policyPath: string;
  resource: string;
  role: string;
  grantee: string;
  duration?: string;
  expires?: string;
  notBefore?: string;
  reason: string;
  ticket?: string;
  name?: string;
  now: number;
  /** Print the lease instead of writing it. */
  dryRun?: boolean;
}

export interface RequestResult {
  path: string;
  text: string;
  written: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export function leaseFileText(lease: Lease): string {
  const ordered: Record<string, unknown> = {};
  for (const k of ["grantee", "resource", "role", "duration", "expires", "notBefore", "reason", "ticket", "breakGlass"] as const) {
    if (lease[k] !== undefined) ordered[k] = lease[k];
  }
  return `# yaml-language-server: $schema=../../schemas/lease.v1.schema.json\n${stringify(ordered, { lineWidth: 0 })}`;
}

export function defaultLeaseName(grantee: string, now: number): string {
  const stamp = formatTimestamp(now).replace(/[-:]/g, "").replace("T", "-").slice(0, 13);
  return `${grantee.toLowerCase().replace(/\[bot\]$/, "-bot")}-${stamp}.yaml`;
}

export async function runRequest(o: RequestOptions): Promise<RequestResult> {
  if ((o.duration === undefined) === (o.expires === undefined)) throw new UsageError("request-duration", "Give exactly one of --for DURATION or --until TIME.");
  if (o.duration !== undefined && parseDuration(o.duration) === undefined) throw new UsageError("request-duration", `'${o.duration}' is not a duration; use e.g. 30m, 4h or 1d12h.`);
  const policyFile = await readRepoFile(o.repo, o.ref ?? WORKTREE, o.policyPath);
  if (!policyFile) throw new UsageError("policy-missing", `No ${o.policyPath} in ${o.repo}; run jit request inside your access repo or pass --repo.`);
  const loaded = loadPolicy(o.policyPath, policyFile.bytes);
  if (!loaded.policy) return { path: o.policyPath, text: "", written: false, errors: loaded.diagnostics, warnings: [] };

  const lease: Lease = { grantee: o.grantee, resource: o.resource, role: o.role, reason: o.reason };
  if (o.duration !== undefined) lease.duration = o.duration;
  if (o.expires !== undefined) lease.expires = o.expires;
  if (o.notBefore !== undefined) lease.notBefore = o.notBefore;
  if (o.ticket !== undefined) lease.ticket = o.ticket;
  const name = o.name ?? defaultLeaseName(o.grantee, o.now);
  const path = `leases/${o.resource}/${name.endsWith(".yaml") || name.endsWith(".yml") ? name : `${name}.yaml`}`;
  const text = leaseFileText(lease);

  const parsed = loadLease(path, Buffer.from(text));
  const diags = parsed.lease
    ? checkLease({ file: path, doc: parsed.doc, lease: parsed.lease, folder: o.resource, policy: loaded.policy, kind: "new", now: o.now, author: o.grantee, facts: emptyFacts() })
    : parsed.diagnostics;
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
