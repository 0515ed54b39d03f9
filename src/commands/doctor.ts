/**
 * `jit doctor`: reads an access repo's live set-up through the GitHub API (changes nothing)
 * and checks it: the default branch's rules and who can bypass them, CODEOWNERS, the App's
 * installation and permissions, the workflows' secrets and pinning, the bot account, and who
 * can push refs/notes/jit. Each check is one function of DOCTOR_CHECKS over a shared context
 * that reads each thing once; a check whose reads fail fails alone, naming what it needs.
 */
import { checkAutoApproveBypass } from "../approval/bypass-check.js";
import type { RepositoryRuleset } from "../approval/bypass-check.js";
import { compareCodeowners } from "../codeowners/compare-codeowners.js";
import { CODEOWNERS_LOCATIONS, codeownersRules } from "../codeowners/generate-codeowners.js";
import { appPermissionCheck } from "../doctor/app-permissions.js";
import { branchRuleChecks } from "../doctor/branch-rules.js";
import type { ClassicProtection, BranchRuleset } from "../doctor/branch-rules.js";
import { check, report } from "../doctor/check.js";
import type { DoctorCheck, DoctorReport } from "../doctor/check.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { scanWorkflows, secretsCheck, workflowCheck } from "../doctor/workflows.js";
import type { WorkflowFile, WorkflowScan } from "../doctor/workflows.js";
import type { GitHubClient } from "../github/client.js";
import { loadPolicy } from "../policy/load-policy.js";
import type { Policy } from "../policy/policy.js";

export interface DoctorOptions {
  gh: GitHubClient;
  owner: string;
  repo: string;
  /** default: the repository's default branch */
  branch?: string;
  /** the GitHub App's slug */
  app: string;
  botLogin: string;
  /** the environment of the App key and evidence key (README: jit-access) */
  environment: string;
  policyPath: string;
}

/** A failed API read, said so that the fix is clear. */
export class ReadFailure extends Error {
  constructor(
    readonly what: string,
    readonly status: number | undefined,
    detail: string,
  ) {
    super(`cannot read ${what}: ${status ? `HTTP ${status} ` : ""}${detail}`);
  }
}

async function read<T>(what: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    const err = e as { status?: number; message?: string };
    throw new ReadFailure(what, err.status, err.message ?? String(e));
  }
}

/** Reads shared by the checks, each made once. */
export class DoctorContext {
  private readonly memo = new Map<string, Promise<unknown>>();
  constructor(readonly o: DoctorOptions) {}

  private once<T>(key: string, f: () => Promise<T>): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) this.memo.set(key, (p = f()));
    return p;
  }

  get repository(): string {
    return `${this.o.owner}/${this.o.repo}`;
  }

  repoInfo() {
    return this.once("repo", () => read(`repository ${this.repository}`, async () => (await this.o.gh.rest.repos.get({ owner: this.o.owner, repo: this.o.repo })).data));
  }

  async branch(): Promise<string> {
    return this.o.branch ?? (await this.repoInfo()).default_branch;
  }

  /** A file's text on the branch, or undefined when it does not exist. */
  file(path: string): Promise<string | undefined> {
    return this.once(`file:${path}`, async () => {
      const ref = await this.branch();
      try {
        const r = await this.o.gh.rest.repos.getContent({ owner: this.o.owner, repo: this.o.repo, path, ref });
        const d = r.data as { type?: string; content?: string; encoding?: string };
        if (Array.isArray(r.data) || d.type !== "file" || d.content === undefined) return undefined;
        return Buffer.from(d.content, "base64").toString("utf8");
      } catch (e) {
        if ((e as { status?: number }).status === 404) return undefined;
        throw new ReadFailure(`${path} on ${ref}`, (e as { status?: number }).status, (e as Error).message);
      }
    });
  }

  policy(): Promise<{ policy?: Policy; problem?: string }> {
    return this.once("policy", async () => {
      const text = await this.file(this.o.policyPath);
      if (text === undefined) return { problem: `no ${this.o.policyPath} on ${await this.branch()}` };
      const loaded = loadPolicy(this.o.policyPath, new TextEncoder().encode(text));
      if (!loaded.policy) return { problem: `${this.o.policyPath} on ${await this.branch()} is invalid: ${loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}` };
      return { policy: loaded.policy };
    });
  }

  async usesTimer(): Promise<boolean> {
    const { policy } = await this.policy();
    return [...(policy?.resources.values() ?? [])].some((r) => r.revocation === "timer");
  }

  workflows(): Promise<{ files: WorkflowFile[]; scan: WorkflowScan }> {
    return this.once("workflows", async () => {
      const ref = await this.branch();
      let list: { name: string; path: string; type: string }[] = [];
      try {
        const r = await this.o.gh.rest.repos.getContent({ owner: this.o.owner, repo: this.o.repo, path: ".github/workflows", ref });
        list = Array.isArray(r.data) ? (r.data as { name: string; path: string; type: string }[]) : [];
      } catch (e) {
        if ((e as { status?: number }).status !== 404) throw new ReadFailure(`.github/workflows on ${ref}`, (e as { status?: number }).status, (e as Error).message);
      }
      const files: WorkflowFile[] = [];
      for (const f of list.filter((x) => x.type === "file" && /\.ya?ml$/.test(x.name)).sort((a, b) => a.path.localeCompare(b.path))) {
        const text = await this.file(f.path);
        if (text !== undefined) files.push({ path: f.path, text });
      }
      return { files, scan: scanWorkflows(files) };
    });
  }

  /** One repository ruleset as GitHub answers `GET /repos/{o}/{r}/rulesets/{id}` (with its parents' rules), read once for all checks. */
  ruleset(id: number): Promise<RepositoryRuleset> {
    return this.once(`ruleset:${id}`, () => read(`ruleset ${id}`, async () => (await this.o.gh.rest.repos.getRepoRuleset({ owner: this.o.owner, repo: this.o.repo, ruleset_id: id, includes_parents: true })).data as unknown as RepositoryRuleset));
  }

  /** The App's installation on the repository's owner (undefined: not installed). */
  installation() {
    return this.once("installation", () =>
      read(`the App installations of ${this.o.owner} (the token needs to be an organization owner's, with read:org)`, async () => {
        const all = await this.o.gh.paginate(this.o.gh.rest.orgs.listAppInstallations, { org: this.o.owner, per_page: 100 });
        return all.find((i) => i.app_slug === this.o.app);
      }),
    );
  }
}

export type DoctorCheckFn = (ctx: DoctorContext) => Promise<DoctorCheck[]>;

/** A check whose reads failed: it fails, saying what could not be read. */
function unreadable(id: string, title: string, e: unknown): DoctorCheck {
  if (!(e instanceof ReadFailure)) throw e;
  const needs = e.status === 403 || e.status === 404 ? " Run jit doctor with a token of a repository admin (and organization owner for the App check)." : "";
  return check(id, title, "fail", [e.message], `Could not check it.${needs}`);
}

const guarded =
  (id: string, title: string, f: DoctorCheckFn): DoctorCheckFn =>
  async (ctx) => {
    try {
      return await f(ctx);
    } catch (e) {
      return [unreadable(id, title, e)];
    }
  };

const branchRules: DoctorCheckFn = guarded("branch-rules", "the default branch's rules", async (ctx) => {
  const { gh, owner, repo } = ctx.o;
  const branch = await ctx.branch();
  let classic: ClassicProtection | null = null;
  try {
    const p = (await gh.rest.repos.getBranchProtection({ owner, repo, branch })).data;
    const reviews = p.required_pull_request_reviews;
    const allow = reviews?.bypass_pull_request_allowances;
    classic = {
      pullRequest: reviews
        ? {
            codeOwners: reviews.require_code_owner_reviews,
            dismissStale: reviews.dismiss_stale_reviews,
            lastPush: reviews.require_last_push_approval ?? false,
            bypass: [...(allow?.users ?? []).map((u) => `@${u.login}`), ...(allow?.teams ?? []).map((t) => `@${owner}/${t.slug}`), ...(allow?.apps ?? []).map((a) => `the App ${a?.slug ?? "?"}`)],
          }
        : null,
      statusChecks: [...new Set([...(p.required_status_checks?.contexts ?? []), ...(p.required_status_checks?.checks ?? []).map((c) => c.context)])],
      enforceAdmins: p.enforce_admins?.enabled ?? false,
      allowForcePushes: p.allow_force_pushes?.enabled ?? false,
    };
  } catch (e) {
    const err = e as { status?: number; message?: string };
    if (!(err.status === 404 && /not protected/i.test(err.message ?? ""))) throw new ReadFailure(`the branch protection of ${branch} (needs admin on the repository)`, err.status, err.message ?? "");
  }
  const rules = await read(`the rules for ${branch}`, () => gh.paginate(gh.rest.repos.getBranchRules, { owner, repo, branch, per_page: 100 }));
  const rulesets: BranchRuleset[] = [];
  for (const id of [...new Set(rules.map((r) => r.ruleset_id).filter((x): x is number => x !== undefined))]) {
    const r = await ctx.ruleset(id);
    rulesets.push({
      id,
      name: r.name,
      source: `${r.source_type ?? "Repository"} ${r.source}`,
      rules: rules.filter((x) => x.ruleset_id === id).map((x) => ({ type: x.type, ...("parameters" in x && x.parameters ? { parameters: x.parameters as Record<string, unknown> } : {}) })),
      ...(r.bypass_actors ? { bypassActors: r.bypass_actors.map((b) => ({ actorType: b.actor_type, actorId: b.actor_id ?? null, bypassMode: b.bypass_mode ?? "always" })) } : {}),
    });
  }
  let appId: number | undefined;
  try {
    appId = (await ctx.installation())?.app_id;
  } catch {
    // the App check reports it; here the App's own bypass is then listed as a risk
  }
  return branchRuleChecks({ owner, repo, branch, classic, rulesets, appSlug: ctx.o.app, ...(appId !== undefined ? { appId } : {}) });
});

const codeowners: DoctorCheckFn = guarded("codeowners", "CODEOWNERS", async (ctx) => {
  const { gh, owner, repo, policyPath } = ctx.o;
  const title = "CODEOWNERS is in sync with the policy and valid";
  const branch = await ctx.branch();
  let path: string | undefined;
  let text: string | undefined;
  for (const p of CODEOWNERS_LOCATIONS) {
    text = await ctx.file(p);
    if (text !== undefined) {
      path = p;
      break;
    }
  }
  const { policy, problem } = await ctx.policy();
  if (!policy) return [check("codeowners", title, "fail", [problem!], `Fix ${policyPath} (jit validate shows where) and merge it.`)];
  if (text === undefined || !path) return [check("codeowners", title, "fail", [`no CODEOWNERS on ${branch}: nobody is asked to review requests, and approvals by anyone count`], "Run jit codeowners, commit .github/CODEOWNERS and merge it.")];
  const details: string[] = [];
  const fixes: string[] = [];
  const drift = compareCodeowners(text, codeownersRules(policy, policyPath));
  if (drift) {
    details.push(`✗ ${path} differs from what ${policyPath} implies, from line ${drift.line}`);
    for (const m of drift.missing) details.push(`  missing: ${m.pattern} ${m.owners.join(" ")}`);
    for (const u of drift.unexpected) details.push(`  unexpected (line ${u.line}): ${u.pattern} ${u.owners.join(" ")}`);
    fixes.push(`Run jit codeowners, then merge the new ${path} through a pull request.`);
  } else details.push(`✓ ${path} matches ${policyPath}`);
  const errors = await read(`the CODEOWNERS errors of ${branch}`, async () => (await gh.rest.repos.codeownersErrors({ owner, repo, ref: branch })).data.errors);
  for (const e of errors) details.push(`✗ ${e.path}:${e.line}:${e.column} ${e.kind}: ${e.message.split("\n")[0]}`);
  if (errors.length) fixes.push("GitHub skips these owners (or lines): create the team or give the user write access to the repository, or fix the policy's approvers and run jit codeowners.");
  return [check("codeowners", title, drift || errors.length ? "fail" : "pass", details, fixes.join("\n"))];
});

const app: DoctorCheckFn = guarded("app", "the App", async (ctx) => {
  const installed = await ctx.installation();
  const { scan } = await ctx.workflows();
  return [appPermissionCheck({ app: ctx.o.app, org: ctx.o.owner, installed: installed?.permissions as Record<string, string> | undefined, timer: await ctx.usesTimer(), auditIssue: scan.auditIssue })];
});

const secrets: DoctorCheckFn = guarded("secrets", "secrets", async (ctx) => {
  const { gh, owner, repo } = ctx.o;
  const { scan } = await ctx.workflows();
  const names = (list: { name: string }[]) => new Set(list.map((s) => s.name.toUpperCase()));
  const repoSecrets = names(await read("the repository's Actions secrets (needs admin on the repository)", () => gh.paginate(gh.rest.actions.listRepoSecrets, { owner, repo, per_page: 100 })));
  const orgSecrets = names(await read("the organization secrets available to the repository", () => gh.paginate(gh.rest.actions.listRepoOrganizationSecrets, { owner, repo, per_page: 100 })));
  const envSecrets = new Map<string, Set<string>>();
  const missingEnvironments: string[] = [];
  for (const env of [...new Set(scan.secrets.map((s) => s.environment).filter((e): e is string => e !== undefined))]) {
    try {
      envSecrets.set(env, names(await gh.paginate(gh.rest.actions.listEnvironmentSecrets, { owner, repo, environment_name: env, per_page: 100 })));
    } catch (e) {
      if ((e as { status?: number }).status !== 404) throw new ReadFailure(`the secrets of environment ${env}`, (e as { status?: number }).status, (e as Error).message);
      missingEnvironments.push(env);
    }
  }
  return [
    secretsCheck({
      scan,
      missingEnvironments,
      owner,
      repo,
      available: (u) => repoSecrets.has(u.secret) || orgSecrets.has(u.secret) || (u.environment !== undefined && envSecrets.get(u.environment)?.has(u.secret) === true) || (u.environment !== undefined && missingEnvironments.includes(u.environment)),
    }),
  ];
});

const workflows: DoctorCheckFn = guarded("workflows", "workflows", async (ctx) => {
  const { files, scan } = await ctx.workflows();
  return [workflowCheck({ scan, count: files.length, timer: await ctx.usesTimer(), owner: ctx.o.owner, repo: ctx.o.repo })];
});

const botLogin: DoctorCheckFn = guarded("bot-login", "the bot account", async (ctx) => {
  const title = `the bot account @${ctx.o.botLogin} resolves`;
  try {
    const u = (await ctx.o.gh.rest.users.getByUsername({ username: ctx.o.botLogin })).data;
    if (u.type !== "Bot") return [check("bot-login", title, "fail", [`@${ctx.o.botLogin} is a ${u.type}, not a GitHub App's bot`], `Pass --app with the App's slug (its bot is SLUG[bot]) or --bot-login; the request workflow passes bot-login: \${{ steps.app.outputs.app-slug }}[bot].`)];
    return [check("bot-login", title, "pass", [`@${u.login} (id ${u.id}) is a bot account`])];
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw new ReadFailure(`user ${ctx.o.botLogin}`, (e as { status?: number }).status, (e as Error).message);
    return [check("bot-login", title, "fail", [`@${ctx.o.botLogin} does not exist`], `Pass --app with the App's slug (from https://github.com/apps/<slug>) or --bot-login LOGIN; pull requests the request form opens are attributed to this login.`)];
  }
});

const notes: DoctorCheckFn = guarded("notes", "refs/notes/jit", async (ctx) => {
  const { gh, owner, repo } = ctx.o;
  const title = "who can push refs/notes/jit (the evidence notes)";
  const writers = await read("the repository's collaborators", () => gh.paginate(gh.rest.repos.listCollaborators, { owner, repo, permission: "push", affiliation: "all", per_page: 100 }));
  const logins = writers.map((w) => `@${w.login}`).sort();
  return [
    check(
      "notes",
      title,
      "warn",
      [
        `${logins.length} account(s) with write access can push or force-push refs/notes/jit: ${logins.join(", ") || "none listed"} (and the ${ctx.o.app} App).`,
        "Nothing protects it: GitHub's rulesets and branch protection cover branches and tags only. jit-access signs its notes with JIT_EVIDENCE_KEY and never trusts one it cannot verify (the change is then verified again through the API), so a pushed note cannot forge evidence; it can still delete notes.",
      ],
      `Keep write access to ${owner}/${repo} to the people who need it, keep JIT_EVIDENCE_KEY only in the jit-access environment, and back up refs/notes/jit (git fetch origin refs/notes/jit:refs/notes/jit in a mirror).`,
    ),
  ];
});

const autoApprove: DoctorCheckFn = guarded("auto-approve", "the auto-approval bypass", async (ctx) => {
  const { gh, owner, repo } = ctx.o;
  const title = "the App's bypass is limited to what auto-approval and the sweep need";
  const { policy, problem } = await ctx.policy();
  if (!policy) return [check("auto-approve", title, "fail", [problem!], "Fix the policy (jit validate shows where) and merge it.")];
  const inUse = [...policy.resources.values()].some((r) => (r.autoApprove?.length ?? 0) > 0);
  const installed = await ctx.installation();
  if (!installed) return [check("auto-approve", title, inUse ? "fail" : "pass", [inUse ? "the App is not installed: nothing can merge auto-approved requests" : "no autoApprove rule in the policy"], inUse ? "Install the App (see the app check)." : undefined)];
  const summaries = await read("the repository's rulesets (needs admin on the repository)", () => gh.paginate(gh.rest.repos.getRepoRulesets, { owner, repo, per_page: 100, includes_parents: true }));
  const rulesets: RepositoryRuleset[] = [];
  for (const s of summaries) rulesets.push(await ctx.ruleset(s.id));
  // The expiry sweep pushes its revocation commits to the default branch with the App's token,
  // so the App's bypass is "always" by design (README, set-up step 5).
  const findings = checkAutoApproveBypass({ rulesets, defaultBranch: await ctx.branch(), appId: installed.app_id, autoApproveInUse: inUse, appPushes: true });
  const errors = findings.filter((f) => f.severity === "error");
  const details = findings.length ? findings.map((f) => `${f.severity === "error" ? "✗" : "!"} ${f.code}: ${f.message}`) : [inUse ? "✓ the App alone bypasses code-owner review, on the default branch only" : "✓ no autoApprove rule; the App's bypass serves the sweep alone"];
  const status = errors.length ? "fail" : findings.length ? "warn" : "pass";
  return [check("auto-approve", title, status, details, findings.length ? "Keep the App (alone) on the bypass list of one ruleset that targets only the default branch and requires code-owner review; remove other bypass actors." : undefined)];
});

/** Every check, in the order printed. More checks go here. */
export const DOCTOR_CHECKS: DoctorCheckFn[] = [branchRules, autoApprove, codeowners, app, secrets, workflows, botLogin, notes];

export async function runDoctor(o: DoctorOptions, checks: DoctorCheckFn[] = DOCTOR_CHECKS): Promise<DoctorReport> {
  const ctx = new DoctorContext(o);
  // The repository itself must be readable; anything else fails check by check.
  await ctx.repoInfo().catch((e: unknown) => {
    if (e instanceof ReadFailure) throw new UsageError("doctor-repository", `${e.message}. Check --repository and the token.`);
    throw e;
  });
  // Independent reads: run together, print in order.
  const out = await Promise.all(checks.map((f) => f(ctx)));
  return report(out.flat());
}
