/**
 * Validates a pull request on an access repo: every changed file, judged by the policy and
 * CODEOWNERS of the base commit. Pure: all inputs are data (see inputs.ts).
 */
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { CODEOWNERS_LOCATIONS } from "../codeowners/generate-codeowners.js";
import { loadLease } from "../lease/load-lease.js";
import { checkLeasePath, isUnderLeases } from "../lease/lease-path.js";
import { loadPolicy } from "../policy/load-policy.js";
import type { Policy } from "../policy/policy.js";
import { issuesCredentials } from "../policy/policy.js";
import { checkCodeownersSync } from "./check-codeowners.js";
import { NOT_CHECKED, checkLease } from "./check-lease.js";
import type { RequestKind } from "./check-lease.js";
import { checkFileMode } from "./check-file-mode.js";
import { checkTwoFactor } from "./check-two-factor.js";
import { checkOneHolder } from "./check-one-holder.js";
import type { FileChange, PullRequestInput } from "./inputs.js";
import { buildReport } from "./report.js";
import type { Report } from "./report.js";
import type { RequestView } from "./request-view.js";
import { requestView } from "./request-view.js";

type Area = "lease" | "policy" | "codeowners" | "other";

function areaOf(path: string, policyPath: string): Area {
  if (isUnderLeases(path)) return "lease";
  if (path === policyPath) return "policy";
  if ((CODEOWNERS_LOCATIONS as readonly string[]).includes(path)) return "codeowners";
  return "other";
}

export function validatePullRequest(input: PullRequestInput): Report {
  const { policyPath, changes } = input;
  const diagnostics: Diagnostic[] = [];
  const files = new Map<string, string | undefined>();
  const requests = new Map<string, RequestView>();
  const notes: string[] = [];

  const base = input.basePolicy ? loadPolicy(policyPath, input.basePolicy) : undefined;
  if (!base) {
    diagnostics.push(diagnostic("policy-missing", policyPath, undefined, `The base branch has no ${policyPath}.`, "Add a policy on the default branch first (see examples/access-repo/policy.yaml)."));
    return buildReport(diagnostics, files, notes);
  }
  if (!base.policy) {
    diagnostics.push(...base.diagnostics.map((d) => ({ ...d, message: `Base branch policy is invalid: ${d.message}` })));
    return buildReport(diagnostics, files, notes);
  }
  const basePolicy = base.policy;

  const areas = (c: FileChange) => new Set([areaOf(c.path, policyPath), ...(c.previousPath ? [areaOf(c.previousPath, policyPath)] : [])]);
  const leaseChanges = changes.filter((c) => areas(c).has("lease"));
  const otherChanges = changes.filter((c) => !areas(c).has("lease") || areas(c).size > 1);
  const policyChange = changes.find((c) => c.path === policyPath || c.previousPath === policyPath);

  if (leaseChanges.length > 0 && otherChanges.length > 0) {
    for (const c of otherChanges) {
      files.set(c.path, "changed");
      diagnostics.push(
        diagnostic(
          "change-mixed",
          c.path,
          undefined,
          `This pull request changes leases and also ${c.path}. Its leases are judged by the base branch's policy and CODEOWNERS, and a lease request may change nothing else.`,
          "Split it: one pull request for the lease(s), another (reviewed by the policy admins) for everything else.",
        ),
      );
    }
  }

  for (const c of leaseChanges) diagnostics.push(...checkLeaseChange(c, input, basePolicy, files, requests));

  let judgingPolicy: Policy = basePolicy;
  if (policyChange) {
    if (policyChange.status === "removed" || !policyChange.head || policyChange.path !== policyPath) {
      files.set(policyPath, "removed");
      diagnostics.push(diagnostic("policy-removed", policyPath, undefined, `This pull request deletes ${policyPath}.`, "The access repo needs its policy; change it instead of deleting it."));
    } else {
      files.set(policyPath, "policy change (needs review by the policy admins)");
      const head = loadPolicy(policyPath, policyChange.head.bytes);
      diagnostics.push(...head.diagnostics);
      if (head.policy) judgingPolicy = head.policy;
      notes.push(`${policyPath} changes; CODEOWNERS is checked against the new policy. Policy changes must be approved by: ${basePolicy.admins.join(", ")}.`);
    }
  }
  if (leaseChanges.length === 0 && !policyChange && otherChanges.length > 0) {
    notes.push("No lease changes in this pull request.");
  }

  // CODEOWNERS: the file that will be in force after merge must match the policy in force after merge.
  const codeowners = effectiveCodeowners(input);
  diagnostics.push(...checkCodeownersSync(codeowners, judgingPolicy, policyPath));
  for (const d of diagnostics) if (!files.has(d.file)) files.set(d.file, undefined);

  if (input.strict) {
    for (const d of diagnostics) {
      if (d.code === NOT_CHECKED) d.severity = "error";
    }
  }
  return buildReport(diagnostics, files, notes, requests);
}

function checkLeaseChange(c: FileChange, input: PullRequestInput, policy: Policy, files: Map<string, string | undefined>, requests: Map<string, RequestView>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { path } = c;

  if (c.status === "removed" || !c.head) {
    files.set(path, "removed: an early revoke, always allowed");
    return out;
  }
  if (c.status === "renamed" && c.previousPath && isUnderLeases(c.previousPath)) {
    const from = checkLeasePath(c.previousPath);
    const to = checkLeasePath(path);
    if (from.kind === "lease" && to.kind === "lease" && from.resource !== to.resource) {
      files.set(path, `renamed from ${c.previousPath}`);
      out.push(diagnostic("lease-rename-across-resources", path, undefined, `Moving a lease from leases/${from.resource}/ to leases/${to.resource}/ is not allowed.`, "Delete the old lease and open a new one for the other resource."));
      return out;
    }
  }
  const where = checkLeasePath(path);
  if (where.kind === "outside") {
    files.set(path, `moved out of leases/ (from ${c.previousPath})`);
    return out;
  }
  if (where.kind === "invalid") {
    files.set(path, "rejected path");
    out.push(diagnostic(where.code, path, undefined, where.message, where.hint));
    return out;
  }
  const modeProblem = checkFileMode(c.head);
  if (modeProblem) {
    files.set(path, "rejected file type");
    out.push(modeProblem);
    return out;
  }
  if (where.kind === "placeholder") {
    files.set(path, "placeholder");
    return out;
  }

  const loaded = loadLease(path, c.head.bytes);
  if (!loaded.lease) {
    files.set(path, c.status === "added" ? "new lease" : "changed lease");
    out.push(...loaded.diagnostics);
    return out;
  }
  // A renamed lease (within its folder: across folders is refused above) is a new lease: the
  // old file's grant ends, and the new one is judged as a new request with a fresh clock.
  const previous = c.base && c.status === "modified" && checkFileMode(c.base) === undefined ? loadLease(c.base.path, c.base.bytes).lease : undefined;
  const kind: RequestKind = previous ? "extension" : "new";
  files.set(path, kind === "extension" ? "extension" : c.status === "renamed" ? `new lease (renamed from ${c.previousPath})` : "new lease");
  requests.set(
    path,
    requestView(loaded.lease, { change: kind === "extension" ? "extension" : "new", now: input.now, ...(input.author !== undefined ? { requester: input.author } : {}), ...(previous ? { previous } : {}), ...(c.history ? { history: c.history } : {}) }),
  );
  const ctx = {
    file: path,
    doc: loaded.doc,
    lease: loaded.lease,
    folder: where.resource,
    policy,
    kind,
    now: input.now,
    facts: input.facts,
    ...(input.author !== undefined ? { author: input.author } : {}),
    ...(previous ? { previous } : {}),
    ...(c.history ? { history: c.history } : {}),
  };
  out.push(...checkLease(ctx));
  const resource = policy.resources.get(loaded.lease.resource);
  const keys = resource && issuesCredentials(resource.provider) ? input.facts.sshKeys?.get(loaded.lease.grantee.toLowerCase()) : undefined;
  if (keys === 0) {
    out.push(
      diagnostic(
        "lease-grantee-no-ssh-key",
        path,
        loaded.doc.locate("/grantee"),
        `${loaded.lease.grantee} has no ssh-ed25519 or ssh-rsa key on GitHub: ${resource!.id} makes a password that is encrypted to the grantee's SSH keys, and apply refuses to make one nobody can read.`,
        `${loaded.lease.grantee}: add an SSH key to your GitHub account (Settings → SSH and GPG keys) before this is merged.`,
        "warning",
      ),
    );
  }
  if (resource) out.push(...checkTwoFactor(path, loaded.doc, loaded.lease, resource, input.facts));
  if (resource && input.heldLeases) out.push(...checkOneHolder(path, loaded.lease, previous && c.history ? c.history.addedAt : input.now, resource, input.heldLeases, loaded.doc.locate("/role")));
  return out;
}

function effectiveCodeowners(input: PullRequestInput): { path: string; bytes: Uint8Array } | undefined {
  for (const loc of CODEOWNERS_LOCATIONS) {
    const changed = input.changes.find((c) => c.path === loc || c.previousPath === loc);
    if (changed) {
      if (changed.path === loc && changed.head) return { path: loc, bytes: changed.head.bytes };
      continue; // removed or renamed away
    }
    if (input.baseCodeowners?.path === loc) return input.baseCodeowners;
  }
  return undefined;
}
