/**
 * Validates a whole access repo as it stands (a branch or a working tree): the policy,
 * CODEOWNERS against it, and every file under leases/ against the schema and the rules that
 * do not depend on when or by whom a lease was requested. Pure.
 */
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { loadLease } from "../lease/load-lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { loadPolicy } from "../policy/load-policy.js";
import { emptyFacts } from "../policy/people.js";
import { checkCodeownersSync } from "./check-codeowners.js";
import { checkFileMode } from "./check-file-mode.js";
import { checkLease } from "./check-lease.js";
import type { RepoInput } from "./inputs.js";
import { buildReport } from "./report.js";
import type { Report } from "./report.js";

export function validateRepo(input: RepoInput): Report {
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, string | undefined>();
  if (!input.policy) {
    diagnostics.push(diagnostic("policy-missing", input.policyPath, undefined, `No ${input.policyPath} found.`, "Create one (see examples/access-repo/policy.yaml) or pass --policy PATH."));
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
      diagnostics.push(diagnostic(where.code, f.path, undefined, where.message, where.hint));
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
  for (const d of diagnostics) if (!files.has(d.file)) files.set(d.file, undefined);
  return buildReport(diagnostics, files);
}
