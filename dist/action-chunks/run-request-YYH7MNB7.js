import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  cellCode,
  codeBlock
} from "./chunk-XRLIUZ6U.js";
import {
  allDiagnostics,
  botLogin,
  pullRequestInput,
  validatePullRequest
} from "./chunk-IVFWVQ2J.js";
import {
  UsageError
} from "./chunk-HUC6523L.js";
import {
  error,
  getInput,
  setOutput,
  summary,
  warning
} from "./chunk-AZDOHWTX.js";
import {
  NOTES_REF,
  WORKTREE,
  checkLease,
  checkLeasePath,
  fetchNotes,
  loadLease,
  readRepoFile,
  resolveFacts,
  signRequestNote,
  writeNote
} from "./chunk-VTJMK7UI.js";
import {
  diagnostic,
  emptyFacts,
  git,
  gitText,
  loadPolicy,
  parseDuration,
  require_dist,
  revExists
} from "./chunk-WCB7NMLF.js";
import {
  __toESM,
  formatTimestamp
} from "./chunk-P5GKRAZF.js";

// src/commands/request-form.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";

// src/report/format-request.ts
var REQUEST_MARKER = "<!-- jit-access:request -->";
function requestTitle(s) {
  const how = s.lease.duration ? ` for ${s.lease.duration}` : s.lease.expires ? ` until ${s.lease.expires}` : "";
  const ticket = s.lease.ticket ? ` (${s.lease.ticket})` : "";
  return `Access request: ${s.actor} \u2192 ${s.lease.role} on ${s.lease.resource}${how}${ticket}`.replace(/[\r\n]+/g, " ").slice(0, 256);
}
function who(entry, groups) {
  if (entry.startsWith("group:")) {
    const members = groups[entry.slice(6)] ?? [];
    return `${entry} (${members.map((m) => m.startsWith("@") ? m : `@${m}`).join(", ")})`;
  }
  return entry.startsWith("@") ? entry : `@${entry}`;
}
function requestBody(s) {
  const { lease, resource, policy, actor } = s;
  const when = lease.notBefore ? `from ${lease.notBefore}` : "from when this pull request is merged and granted";
  const length = lease.duration ? `${lease.duration}, ${when}` : `until ${lease.expires}${lease.notBefore ? `, from ${lease.notBefore}` : ""}`;
  const rules = resource.approvalRules.map((r) => `${r.count} from ${r.from.map((f) => who(f, policy.groups)).join(", ")}`);
  const lines = [
    REQUEST_MARKER,
    `**@${actor}** asks for **${lease.role}** on **${lease.resource}** through the request form${s.runUrl ? ` ([workflow run](${s.runUrl}))` : ""}.`,
    "",
    "| | |",
    "| --- | --- |",
    `| Requested by | @${actor} (the person who ran the form; this pull request is opened by the bot on their behalf) |`,
    `| Grantee | @${lease.grantee} |`,
    `| Resource | ${cellCode(lease.resource)}${resource.description ? ` \u2014 ${cellCode(resource.description)}` : ""} |`,
    `| Role | ${cellCode(lease.role)} |`,
    `| For how long | ${length} |`,
    `| Ticket | ${lease.ticket ? cellCode(lease.ticket) : "\u2014"} |`,
    `| Lease file | ${cellCode(s.path)} |`,
    "",
    "**Reason**",
    "",
    codeBlock(lease.reason),
    "",
    "### How approval works",
    "",
    `- Needs approval from ${rules.join(" and ")} \u2014 distinct people, never @${actor} themselves.`,
    "- The `jit-access / validate` check judges this request against the policy on the default branch; the approvers named in CODEOWNERS are asked for review.",
    `- When it is approved and merged, \`apply\` verifies the approvals again and grants the access; it is revoked when the time is up${lease.notBefore ? "" : " (measured from the merge)"}.`,
    "- To end it early, run the revoke-now workflow or delete the lease file in a pull request.",
    "",
    `> **Do not push to this branch.** The form signed this request for @${actor} (a note in \`refs/notes/jit\` on its commit). Any later change voids it (\`request-unbound\`): to change something, close this pull request and run the form again.`
  ];
  return lines.join("\n") + "\n";
}

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
  const stamp2 = formatTimestamp(now).replace(/[-:]/g, "").replace("T", "-").slice(0, 13);
  return `${grantee.toLowerCase().replace(/\[bot\]$/, "-bot")}-${stamp2}.yaml`;
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

// src/commands/request-form.ts
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
var PUSH_ATTEMPTS = 4;
function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}
function stamp(now) {
  return formatTimestamp(now).replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}
function required(name, value) {
  const v = value?.trim();
  if (!v) throw new UsageError("request-missing", `The form's '${name}' is empty; fill it in and run the workflow again.`);
  return v;
}
async function runRequestForm(o) {
  const remote = o.remote ?? "origin";
  const actor = required("actor", o.actor);
  if (!LOGIN.test(actor)) throw new UsageError("request-actor", `'${actor}' is not a person's GitHub login; a request is made by the person who runs the form.`);
  const resource = required("resource", o.resource);
  const role = required("role", o.role);
  const duration = required("duration", o.duration);
  const reason = required("reason", o.reason);
  const ticket = o.ticket?.trim() || void 0;
  const notBefore = o.notBefore?.trim() || void 0;
  if (!o.evidenceKey) {
    throw new UsageError(
      "request-no-evidence-key",
      "The request form needs the evidence key: it signs who asked, so validation and apply can attribute the bot's pull request to you. Give the step evidence-key: ${{ secrets.JIT_EVIDENCE_KEY }}."
    );
  }
  const remoteRef = `refs/remotes/${remote}/${o.defaultBranch}`;
  const base = (await gitText(o.repoDir, ["rev-parse", "--verify", await revExists(o.repoDir, remoteRef) ? `${remoteRef}^{commit}` : "HEAD^{commit}"])).trim();
  const written = await runRequest({
    repo: o.repoDir,
    ref: base,
    policyPath: o.policyPath,
    resource,
    role,
    grantee: actor,
    duration,
    reason,
    ...ticket ? { ticket } : {},
    ...notBefore ? { notBefore } : {},
    now: o.now,
    dryRun: true
  });
  if (written.errors.length) return { ok: false, errors: written.errors, warnings: written.warnings };
  const { path, text } = written;
  const exists = await git(o.repoDir, ["cat-file", "-e", `${base}:${path}`]).then(() => true, () => false);
  if (exists) {
    return { ok: false, errors: [diagnostic("request-exists", path, void 0, `${path} already exists on ${o.defaultBranch}.`, "Run the form again in a minute.")], warnings: [] };
  }
  const bytes = Buffer.from(text);
  const change = { status: "added", path, head: { path, mode: "file", bytes } };
  const input = await pullRequestInput(o.repoDir, base, [change], { policyPath: o.policyPath, author: actor, now: o.now, strict: true, resolveFacts: (q) => resolveFacts(o.gh, q) });
  const report = validatePullRequest(input);
  const diags = allDiagnostics(report);
  const warnings = [...written.warnings.filter((w) => w.code !== "check-not-made"), ...diags.filter((d) => d.severity !== "error")];
  if (!report.ok) return { ok: false, errors: diags.filter((d) => d.severity === "error"), warnings };
  const bot = await botLogin(o.gh, o.botLogin);
  if (!bot.login) return { ok: false, errors: [diagnostic("request-bot-unknown", path, void 0, `The login this token opens pull requests as is unknown (${bot.problem}), so the request could not be attributed to ${actor}; nothing was pushed or opened.`, "Set the bot-login input, e.g. ${{ steps.app.outputs.app-slug }}[bot].")], warnings };
  const identity = await commitIdentity(o.gh, bot.login);
  const lease = loadLease(path, bytes).lease;
  const policy = loadPolicy(o.policyPath, input.basePolicy).policy;
  const branch = `jit/request/${slug(actor)}/${slug(resource)}-${stamp(o.now)}`;
  const message = [
    `Request ${role} on ${resource} for ${actor} (${duration})`,
    "",
    reason,
    "",
    `Requested-by: ${actor}`,
    ...ticket ? [`Ticket: ${ticket}`] : [],
    `Lease: ${path}`
  ].join("\n");
  const { commit, blob } = await commitLease(o.repoDir, base, path, text, message, identity, o.now);
  const note = signRequestNote(
    { repository: `${o.owner}/${o.repo}`.toLowerCase(), branch, actor, lease: path, blob, requestedAt: formatTimestamp(o.now), ...o.runUrl ? { run: o.runUrl } : {} },
    commit,
    o.evidenceKey
  );
  await pushRequest(o.repoDir, remote, commit, branch, JSON.stringify(note, null, 2) + "\n");
  const summary2 = { actor, lease, path, resource: policy.resources.get(resource), policy, ...o.runUrl ? { runUrl: o.runUrl } : {} };
  let pr;
  try {
    pr = (await o.gh.rest.pulls.create({ owner: o.owner, repo: o.repo, head: branch, base: o.defaultBranch, title: requestTitle(summary2), body: requestBody(summary2) })).data;
  } catch (e) {
    await git(o.repoDir, ["push", "--quiet", remote, "--delete", branch]).catch(() => void 0);
    throw new Error(`Could not open the pull request from ${branch}: ${e.message}. Nothing was requested; run the form again.`);
  }
  const author = pr.user?.login ?? "";
  if (bot.login && author.toLowerCase() !== bot.login.toLowerCase()) {
    warnings.push(diagnostic("request-bot-mismatch", path, void 0, `Pull request #${pr.number} was opened as ${author}, but the bot login is ${bot.login}: validation and apply will not attribute it to ${actor}.`, "Set bot-login to the login the token opens pull requests as."));
  }
  return { ok: true, errors: [], warnings, lease: { path, text }, branch, commit, pullRequest: { number: pr.number, url: pr.html_url, author } };
}
async function commitIdentity(gh, login) {
  if (!login) return { name: "jit-access", email: "jit-access@users.noreply.github.com" };
  try {
    const { data } = await gh.rest.users.getByUsername({ username: login });
    return { name: login, email: `${data.id}+${login}@users.noreply.github.com` };
  } catch {
    return { name: login, email: `${login}@users.noreply.github.com` };
  }
}
async function commitLease(repo, base, path, text, message, who2, now) {
  const dir = await mkdtemp(join2(tmpdir(), "jit-request-"));
  try {
    const index = { GIT_INDEX_FILE: join2(dir, "index") };
    const blob = (await git(repo, ["hash-object", "-w", "--stdin"], text)).toString("utf8").trim();
    await git(repo, ["read-tree", base], void 0, index);
    await git(repo, ["update-index", "--add", "--cacheinfo", `100644,${blob},${path}`], void 0, index);
    const tree = (await git(repo, ["write-tree"], void 0, index)).toString("utf8").trim();
    const date = `${Math.floor(now / 1e3)} +0000`;
    const env = { GIT_AUTHOR_NAME: who2.name, GIT_AUTHOR_EMAIL: who2.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: who2.name, GIT_COMMITTER_EMAIL: who2.email, GIT_COMMITTER_DATE: date };
    const commit = (await git(repo, ["commit-tree", tree, "-p", base, "-F", "-"], message + "\n", env)).toString("utf8").trim();
    return { commit, blob };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
async function pushRequest(repo, remote, commit, branch, note) {
  let last = "";
  for (let attempt = 0; attempt < PUSH_ATTEMPTS; attempt++) {
    await fetchNotes(repo, remote);
    await writeNote(repo, commit, note);
    try {
      await git(repo, ["push", "--atomic", "--quiet", remote, `${commit}:refs/heads/${branch}`, `${NOTES_REF}:${NOTES_REF}`]);
      return;
    } catch (e) {
      last = e.message;
    }
  }
  throw new Error(`Could not push the request (${branch} and ${NOTES_REF}) to ${remote}: ${last}`);
}

// src/action/run-request.ts
var RERUN_BY_OTHER = "request-rerun-by-other";
async function runRequestAction(ctx, gh, opts) {
  if (ctx.eventName !== "workflow_dispatch") throw new Error(`The request command runs from a workflow_dispatch form, not ${ctx.eventName || "this event"}.`);
  const actor = ctx.actor?.login ?? "";
  if (ctx.actor?.rerun) {
    const { login, startedBy } = ctx.actor;
    const message = `This run was started by ${startedBy} and re-run by ${login}; a request is made by the person who fills in the form, so a re-run by someone else asks for nobody. ${login}: run the workflow yourself.`;
    error(message, { title: RERUN_BY_OTHER });
    await summary.addRaw(`### jit-access request

Nothing was opened: \`${RERUN_BY_OTHER}\`: ${message}
`).write();
    setOutput("ok", "false");
    setOutput("errors", "1");
    return false;
  }
  const input = (name) => getInput(name);
  const r = await runRequestForm({
    gh,
    repoDir: ctx.workspace,
    owner: ctx.owner,
    repo: ctx.repo,
    defaultBranch: ctx.defaultBranch ?? "main",
    policyPath: ctx.policyPath,
    actor,
    resource: input("resource"),
    role: input("role"),
    duration: input("duration"),
    reason: input("reason"),
    ticket: input("ticket"),
    notBefore: input("not-before"),
    ...opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {},
    ...opts.botLogin ? { botLogin: opts.botLogin } : {},
    now: ctx.now,
    ...ctx.runUrl ? { runUrl: ctx.runUrl } : {}
  });
  for (const d of r.errors) error(d.hint ? `${d.message} ${d.hint.split("\n")[0]}` : d.message, { title: d.code });
  for (const d of r.warnings) warning(d.message, { title: d.code });
  const lines = ["### jit-access request", ""];
  if (r.ok && r.pullRequest) {
    lines.push(`Opened [#${r.pullRequest.number}](${r.pullRequest.url}) for @${actor}: \`${r.lease.path}\` on branch \`${r.branch}\`.`, "", "```yaml", r.lease.text.trimEnd(), "```");
    setOutput("pull-request", String(r.pullRequest.number));
    setOutput("pull-request-url", r.pullRequest.url);
    setOutput("branch", r.branch);
    setOutput("lease", r.lease.path);
  } else {
    lines.push(`Nothing was opened: the request is not valid.`, "");
    for (const d of r.errors) lines.push(`- \`${d.code}\`: ${d.message}${d.hint ? ` \u2014 ${d.hint.split("\n")[0]}` : ""}`);
  }
  await summary.addRaw(lines.join("\n") + "\n").write();
  setOutput("ok", String(r.ok));
  setOutput("errors", String(r.errors.length));
  return r.ok;
}
export {
  RERUN_BY_OTHER,
  runRequestAction
};
