import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  autoApprovalHistory
} from "./chunk-GUOOY6KU.js";
import {
  matchAutoApproval
} from "./chunk-GW3XH3IH.js";
import {
  cellCode,
  clip,
  codeBlock,
  inlineCode,
  markdownText
} from "./chunk-XRLIUZ6U.js";
import {
  pullRequestChanges,
  pullRequestRequester,
  refuseUnboundRequest
} from "./chunk-4GQO6YYR.js";
import {
  upsertStickyComment
} from "./chunk-SZED6A3L.js";
import {
  changedLeases
} from "./chunk-E4RXBCWO.js";
import {
  allDiagnostics,
  countErrors,
  pullRequestInput,
  validatePullRequest
} from "./chunk-IVFWVQ2J.js";
import {
  createNotifier
} from "./chunk-GAX54RT6.js";
import {
  evaluateApprovals
} from "./chunk-SKFNB3CZ.js";
import {
  error,
  getInput,
  info,
  notice,
  setOutput,
  summary,
  warning
} from "./chunk-AZDOHWTX.js";
import {
  checkLeasePath,
  fetchNotes,
  leaseWindow,
  loadLease,
  noteSigner,
  readNotes,
  resolveFacts
} from "./chunk-VTJMK7UI.js";
import {
  formatDuration,
  loadPolicy,
  teamsIn
} from "./chunk-WCB7NMLF.js";
import {
  formatTimestamp
} from "./chunk-P5GKRAZF.js";

// src/github/check-run.ts
var CHECK_NAME = "jit-access / validate";
var BATCH = 50;
var MAX_TEXT = 65e3;
var APPROVALS_CHECK_NAME = "jit-access / approvals";
function toAnnotation(d) {
  return {
    path: d.file,
    start_line: d.line,
    end_line: d.endLine ?? d.line,
    ...d.endLine === void 0 || d.endLine === d.line ? { start_column: d.column, end_column: d.endColumn ?? d.column } : {},
    annotation_level: d.severity === "error" ? "failure" : d.severity === "warning" ? "warning" : "notice",
    title: d.code,
    message: d.hint ? `${d.message}
${d.hint}` : d.message
  };
}
async function publishCheckRun(gh, c) {
  const annotations = c.diagnostics.map(toAnnotation);
  const summary2 = c.summary.length > MAX_TEXT ? `${c.summary.slice(0, MAX_TEXT)}
\u2026(truncated)` : c.summary;
  const first = annotations.slice(0, BATCH);
  const created = await gh.rest.checks.create({
    owner: c.owner,
    repo: c.repo,
    name: c.name ?? CHECK_NAME,
    head_sha: c.headSha,
    status: "completed",
    conclusion: c.ok ? "success" : c.notOk ?? "failure",
    ...c.detailsUrl ? { details_url: c.detailsUrl } : {},
    output: { title: c.title, summary: summary2, annotations: first }
  });
  for (let i = BATCH; i < annotations.length; i += BATCH) {
    await gh.rest.checks.update({
      owner: c.owner,
      repo: c.repo,
      check_run_id: created.data.id,
      output: { title: c.title, summary: summary2, annotations: annotations.slice(i, i + BATCH) }
    });
  }
  return created.data.id;
}

// src/approval/pull-request-approvals.ts
async function pullRequestApprovals(gh, pr, policy, changes) {
  const leases = changes.flatMap((c) => {
    if (!c.head || checkLeasePath(c.path).kind !== "lease") return [];
    const lease = loadLease(c.path, c.head.bytes).lease;
    const resource = lease ? policy.resources.get(lease.resource) : void 0;
    return lease && resource ? [{ path: c.path, lease, resource }] : [];
  });
  if (leases.length === 0) return [];
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
  const teams = [...new Set(leases.flatMap((l) => l.resource.approvalRules.flatMap((r) => teamsIn(r.from, policy.groups))))];
  const facts = await resolveFacts(gh, { teams, orgMembers: [] });
  const mapped = reviews.filter((r) => r.user).map((r) => ({ id: r.id, reviewer: r.user.login, state: r.state, commitId: r.commit_id ?? "", submittedAt: r.submitted_at ? Date.parse(r.submitted_at) : 0 }));
  return leases.map((l) => ({
    path: l.path,
    resource: l.resource.id,
    result: evaluateApprovals({ rules: l.resource.approvalRules, groups: policy.groups, author: pr.author, grantee: l.lease.grantee, headSha: pr.headSha, reviews: mapped, facts })
  }));
}
function approvalSummary(items) {
  const waiting = items.filter((i) => !i.result.satisfied);
  const lines = items.map((i) => {
    const done = i.result.rules.map((r) => `${r.approvedBy.length}/${r.count} from ${r.from.join(", ")}${r.approvedBy.length ? ` (${r.approvedBy.map((a) => `@${a}`).join(", ")})` : ""}`).join("; ");
    const why = i.result.satisfied ? "approved" : `waiting: ${i.result.missing.join("; ")}`;
    const ignored = i.result.ignored.length ? ` \u2014 not counted: ${i.result.ignored.map((x) => x.why).join("; ")}` : "";
    return `- \`${i.path}\`: ${done} \u2014 ${why}${ignored}`;
  });
  return {
    ok: waiting.length === 0,
    title: waiting.length === 0 ? "All lease requests are approved" : `Waiting for approvals: ${waiting.flatMap((w) => w.result.missing).join("; ")}`.slice(0, 250),
    text: lines.join("\n")
  };
}

// src/approval/auto-merge.ts
async function autoMergeByRule(gh, i) {
  const no = (...reasons) => ({ merged: false, reasons });
  if (!i.validated) return no("the validation failed");
  if (i.changes.length !== 1) return no(`the pull request changes ${i.changes.length} files`);
  const change = i.changes[0];
  const where = checkLeasePath(change.path);
  if (where.kind !== "lease" || !change.head) return no(`${change.path} is not a lease`);
  const lease = loadLease(change.path, change.head.bytes).lease;
  const resource = lease ? i.policy.resources.get(lease.resource) : void 0;
  if (!lease || !resource) return no(`${change.path} does not name a resource of the policy`);
  if (resource.autoApprove.length === 0) return no(`${resource.id} has no autoApprove rules`);
  if (i.history === void 0 && resource.autoApprove.some((r) => r.maxPerWeek !== void 0)) return no("the weekly quota cannot be counted without the evidence key (signed evidence of earlier auto-approvals)");
  const [approval] = await pullRequestApprovals(gh, { owner: i.owner, repo: i.repo, number: i.pullRequest.number, author: i.requester, headSha: i.pullRequest.headSha }, i.policy, i.changes);
  if (approval?.result.satisfied) return no("the approvers already approved it: it is merged as usual");
  const facts = await resolveFacts(gh, { teams: [...new Set(resource.autoApprove.flatMap((r) => teamsIn(r.requesters, i.policy.groups)))], orgMembers: [] });
  const match = matchAutoApproval({
    resource,
    groups: i.policy.groups,
    facts,
    requester: i.requester,
    path: change.path,
    lease,
    kind: change.status === "added" ? "new" : "extension",
    changedFiles: i.changes.length,
    window: leaseWindow(lease, i.now),
    at: i.now,
    history: i.history ?? [],
    blockedBy: approval?.result.blockedBy ?? []
  });
  if (!match.matched) return no(...match.reasons);
  const runs = await gh.paginate(gh.rest.checks.listForRef, { owner: i.owner, repo: i.repo, ref: i.pullRequest.headSha, per_page: 100 });
  const pending = runs.filter((r) => !i.ownChecks.includes(r.name) && !(r.status === "completed" && (r.conclusion === "success" || r.conclusion === "neutral" || r.conclusion === "skipped")));
  if (pending.length) return no(`check(s) not passed on the head commit: ${pending.map((r) => `${r.name} (${r.conclusion ?? r.status})`).join(", ")}`);
  const { data } = await gh.rest.pulls.merge({
    owner: i.owner,
    repo: i.repo,
    pull_number: i.pullRequest.number,
    sha: i.pullRequest.headSha,
    // refused (409) if someone pushed since it was judged
    merge_method: "merge",
    commit_title: `Auto-approved by rule ${match.rule}: ${change.path} (#${i.pullRequest.number})`
  });
  return { merged: true, rule: match.rule, sha: data.sha };
}

// src/report/format-json.ts
var item = (d) => ({ code: d.code, message: d.message, line: d.line, column: d.column, ...d.hint ? { hint: d.hint } : {} });
function toJson(report) {
  return {
    ok: report.ok,
    files: report.files.map((f) => ({
      file: f.file,
      ok: f.ok,
      ...f.action ? { action: f.action } : {},
      errors: f.errors.map(item),
      warnings: f.warnings.map(item)
    })),
    notes: report.notes
  };
}

// src/report/json-document.ts
var JSON_FORMAT_VERSION = 1;
function jsonFormatTag(kind) {
  return `jit-access/${kind}@${JSON_FORMAT_VERSION}`;
}

// src/report/format-request-view.ts
var MAX_REASON = 1e3;
var MAX_FIELD = 200;
var VIEWS_BUDGET = 4e4;
var t = (ms) => formatTimestamp(ms);
function start(s) {
  switch (s.kind) {
    case "at":
      return s.why === "granted" ? `${t(s.at)} (when it was granted)` : `${t(s.at)} (notBefore; at the merge if that is later)`;
    case "merge":
      return `when merged and granted (if merged now: ${t(s.ifNow)})`;
    case "break-glass":
      return `**at once, before approval** (break-glass: when the break-glass job runs, about ${t(s.ifNow)})`;
    case "unknown":
      return "when it was granted (not known: the base branch's history was not available)";
    case "unreadable":
      return `${cellCode(clip(s.text, MAX_FIELD))} (not a valid time: see the findings)`;
  }
}
function end(e, s) {
  switch (e.kind) {
    case "at":
      return t(e.at);
    case "after-start":
      return `${formatDuration(e.minutes)} after the start${e.ifNow !== void 0 ? ` (${s.kind === "break-glass" ? "if granted" : "if merged"} now: ${t(e.ifNow)})` : ""}`;
    case "unreadable":
      return `${cellCode(clip(e.text, MAX_FIELD))} (not a valid end: see the findings)`;
  }
}
function duration(v) {
  if (v.minutes === void 0) return "\u2014";
  const estimate = v.end.kind === "at" && (v.start.kind === "merge" || v.start.kind === "break-glass");
  return `${formatDuration(v.minutes)}${estimate ? ` (if ${v.start.kind === "break-glass" ? "granted" : "merged"} now)` : ""}`;
}
function formatRequestView(file, v) {
  const rows = [
    ["Grantee", cellCode(v.grantee)],
    ["Resource", cellCode(v.resource)],
    ["Role", cellCode(clip(v.role, MAX_FIELD))],
    ["Starts (UTC)", start(v.start)]
  ];
  if (v.change === "extension") {
    rows.push(["Ends now (UTC)", v.previousEnd !== void 0 ? t(v.previousEnd) : "not known (the base branch's history was not available)"]);
    rows.push(["New end (UTC)", end(v.end, v.start)]);
    if (v.previousEnd !== void 0 && v.end.kind === "at") rows.push(["Extended by", formatDuration(Math.round((v.end.at - v.previousEnd) / 6e4))]);
    rows.push(["Total duration", duration(v)]);
  } else {
    rows.push(["Ends (UTC)", end(v.end, v.start)]);
    rows.push(["Duration", duration(v)]);
  }
  rows.push(
    ["Ticket", v.ticket !== void 0 ? cellCode(clip(v.ticket, MAX_FIELD)) : "\u2014"],
    ["Requester", v.requester !== void 0 ? cellCode(v.requester) : "not established (see the findings)"],
    ["Break-glass", v.breakGlass ? "**yes**: granted when the pull request is opened, before approval; it must be approved and merged in time" : "no"]
  );
  return [
    `**${v.change === "extension" ? "Extension of" : "New lease"}** ${inlineCode(file)}`,
    "",
    "| Field | Value |",
    "| --- | --- |",
    ...rows.map(([k, val]) => `| ${k} | ${val} |`),
    "",
    "Reason:",
    "",
    codeBlock(clip(v.reason, MAX_REASON))
  ].join("\n");
}
function formatRequestViews(views, budget = VIEWS_BUDGET) {
  if (views.length === 0) return [];
  const lines = ["#### What this pull request asks for", "", "As jit-access reads the files: this is what is granted when it is approved and merged, whatever a diff viewer shows.", ""];
  let used = 0;
  const left = [];
  for (const { file, view } of views) {
    const text = formatRequestView(file, view);
    if (used > 0 && used + text.length > budget) {
      left.push(file);
      continue;
    }
    used += text.length;
    lines.push(text, "");
  }
  if (left.length) lines.push(`Not shown here (too long for one comment), read them as text: ${left.map((f) => inlineCode(f)).join(", ")}.`, "");
  return lines;
}

// src/report/format-markdown.ts
var COMMENT_MARKER = "<!-- jit-access:validate -->";
var MAX_COMMENT = 65e3;
var firstLine = (s) => s.split("\n")[0] ?? "";
var row = (d) => `| ${cellCode(`${d.file}:${d.line}:${d.column}`)} | ${d.severity} | ${cellCode(d.code)} | ${markdownText(d.message)}${d.hint ? `<br>\u21B3 ${markdownText(firstLine(d.hint))}` : ""} |`;
function counts(report) {
  const errors = report.files.reduce((n, f) => n + f.errors.length, 0);
  const warnings = report.files.reduce((n, f) => n + f.warnings.length, 0);
  return { errors, warnings };
}
function verdictTitle(report) {
  const { errors, warnings } = counts(report);
  if (!report.ok) return `${errors} problem${errors === 1 ? "" : "s"} found`;
  return warnings ? `Valid, with ${warnings} warning${warnings === 1 ? "" : "s"}` : "All lease changes are valid";
}
function formatSummary(report, title = "jit-access validate") {
  const all = report.files.flatMap((f) => [...f.errors, ...f.warnings]);
  const lines = [`## ${report.ok ? "\u2705" : "\u274C"} ${title}: ${verdictTitle(report)}`, ""];
  lines.push("| File | Change | Result |", "| --- | --- | --- |");
  for (const f of report.files) lines.push(`| ${cellCode(f.file)} | ${markdownText(f.action ?? "")} | ${f.ok ? "\u2705 ok" : `\u274C ${f.errors.length} error(s)`}${f.warnings.length ? `, ${f.warnings.length} warning(s)` : ""} |`);
  if (all.length) {
    lines.push("", "### Findings", "", "| Where | Severity | Rule | What to do |", "| --- | --- | --- | --- |", ...all.map(row));
  }
  const codeownersFix = all.find((d) => d.code === "codeowners-out-of-sync" || d.code === "codeowners-missing");
  if (codeownersFix?.hint) {
    const [, ...body] = codeownersFix.hint.split("\n");
    lines.push("", "### CODEOWNERS must read", "", "```", ...body, "```");
  }
  for (const n of report.notes) lines.push("", `> ${markdownText(n)}`);
  return lines.join("\n") + "\n";
}
function formatComment(report, links = {}) {
  const head = [COMMENT_MARKER, `### ${report.ok ? "\u2705" : "\u274C"} jit-access: ${verdictTitle(report)}`, ""];
  const lines = [...head];
  if (report.ok) {
    const changes = report.files.filter((f) => f.action).map((f) => `${inlineCode(f.file)} (${markdownText(f.action)})`);
    if (changes.length) lines.push(`Checked ${changes.join(", ")}.`);
    lines.push("Approval by the resource's approvers (CODEOWNERS) is still required before merge.");
  } else {
    for (const f of report.files.filter((x) => !x.ok)) {
      lines.push(`**${inlineCode(f.file)}**`, "");
      for (const d of f.errors) lines.push(`- line ${d.line}: ${markdownText(d.message)}${d.hint ? ` \u2014 ${markdownText(firstLine(d.hint))}` : ""} ${inlineCode(d.code)}`);
      lines.push("");
    }
  }
  const views = report.files.flatMap((f) => f.request ? [{ file: f.file, view: f.request }] : []);
  if (views.length) lines.push("", ...formatRequestViews(views));
  const warnings = report.files.flatMap((f) => f.warnings);
  if (warnings.length) lines.push("", `<details><summary>${warnings.length} warning(s)</summary>`, "", ...warnings.map((d) => `- ${inlineCode(`${d.file}:${d.line}`)} ${markdownText(d.message)}`), "", "</details>");
  for (const n of report.notes) lines.push("", `> ${markdownText(n)}`);
  const tail = links.summaryUrl ? ["", `[Full report](${links.summaryUrl})`] : [];
  const body = [...lines, ...tail].join("\n") + "\n";
  if (body.length <= MAX_COMMENT) return body;
  return [...head, `${countLine(report)} This report is too long for a comment: read the job summary${links.summaryUrl ? ` ([full report](${links.summaryUrl}))` : ""} and the lease files as text before approving.`].join("\n") + "\n";
}
function countLine(report) {
  const { errors, warnings } = counts(report);
  return `${report.files.length} file(s), ${errors} error(s), ${warnings} warning(s).`;
}

// src/action/notify-requests.ts
function addedLeases(changes) {
  return changes.flatMap((c) => {
    if (c.status !== "added" && c.status !== "renamed" || !c.head || checkLeasePath(c.path).kind !== "lease") return [];
    const lease = loadLease(c.path, c.head.bytes).lease;
    return lease ? [{ path: c.path, lease }] : [];
  });
}
var forWhom = (lease, author) => `${lease.role} on ${lease.resource}${lease.grantee.toLowerCase() === author.toLowerCase() ? "" : ` for @${lease.grantee}`}`;
async function notifyRequests(ctx, changes, report, requester, url) {
  const pr = ctx.pullRequest;
  if (!url || !pr || !ctx.eventName.startsWith("pull_request") || ctx.eventName === "pull_request_review") return;
  if (ctx.eventAction !== "opened" && ctx.eventAction !== "reopened") return;
  const n = createNotifier(url, { repository: `${ctx.owner}/${ctx.repo}` });
  const at = new Date(ctx.now).toISOString();
  for (const { path, lease } of addedLeases(changes)) {
    const valid = report.files.find((f) => f.file === path)?.ok ?? report.ok;
    const how = lease.duration !== void 0 ? `for ${lease.duration}` : `until ${lease.expires}`;
    await n.notify({
      kind: "request",
      text: `\u{1F4DD} @${requester} requests ${forWhom(lease, requester)} ${how} in #${pr.number}: ${lease.reason}${valid ? "" : " (\u274C validation failed: see the pull request)"}`,
      lease: path,
      resource: lease.resource,
      grantee: lease.grantee,
      role: lease.role,
      pullRequest: pr.number,
      requester,
      reason: lease.reason,
      valid,
      ...lease.expires !== void 0 ? { expires: lease.expires } : {},
      at
    });
  }
  for (const failure of n.failures) warning(`Webhook delivery failed (${failure}); nothing else was affected.`);
}
async function wasApproved(gh, ctx) {
  const pr = ctx.pullRequest;
  try {
    const { data } = await gh.rest.checks.listForRef({ owner: ctx.owner, repo: ctx.repo, ref: pr.headSha, check_name: APPROVALS_CHECK_NAME, filter: "latest", per_page: 100 });
    const last = [...data.check_runs].sort((a, b) => b.id - a.id)[0];
    return last?.conclusion === "success";
  } catch (e) {
    info(`Could not read the earlier ${APPROVALS_CHECK_NAME} check (${e.message}); an approval may be announced twice.`);
    return false;
  }
}
async function notifyApproval(ctx, items, changes, url) {
  const pr = ctx.pullRequest;
  if (!url || !pr || items.length === 0) return;
  const n = createNotifier(url, { repository: `${ctx.owner}/${ctx.repo}` });
  const at = new Date(ctx.now).toISOString();
  const leases = new Map(
    changes.flatMap((c) => {
      const lease = c.head && checkLeasePath(c.path).kind === "lease" ? loadLease(c.path, c.head.bytes).lease : void 0;
      return lease ? [[c.path, lease]] : [];
    })
  );
  for (const item2 of items) {
    const lease = leases.get(item2.path);
    if (!lease) continue;
    const by = [...new Set(item2.result.rules.flatMap((r) => r.approvedBy))];
    const what = changes.find((c) => c.path === item2.path)?.status === "modified" ? "the extension of " : "";
    await n.notify({
      kind: "approval",
      text: `\u2705 #${pr.number} is approved: ${what}${lease.role} on ${lease.resource} for @${lease.grantee}, by ${by.map((a) => `@${a}`).join(", ")}. It is granted when merged.`,
      lease: item2.path,
      resource: lease.resource,
      grantee: lease.grantee,
      role: lease.role,
      pullRequest: pr.number,
      approvedBy: by,
      at
    });
  }
  for (const failure of n.failures) warning(`Webhook delivery failed (${failure}); nothing else was affected.`);
}

// src/action/run-validate.ts
var MAX_STEP_ANNOTATIONS = 10;
async function runValidateAction(ctx, gh, opts = {}) {
  const pr = ctx.pullRequest;
  if (!pr) throw new Error(`The validate command runs on pull_request_target, pull_request or pull_request_review events, not ${ctx.eventName}.`);
  const changes = await pullRequestChanges(gh, { owner: ctx.owner, repo: ctx.repo, number: pr.number, headSha: pr.headSha, baseSha: pr.baseSha }, ctx.policyPath);
  const { requester, warnings } = await pullRequestRequester(gh, {
    repoDir: ctx.workspace,
    token: ctx.token,
    owner: ctx.owner,
    repo: ctx.repo,
    pullRequest: pr,
    changes,
    ...opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {},
    ...opts.botLogin ? { botLogin: opts.botLogin } : {}
  });
  for (const w of warnings) warning(w);
  const input = await pullRequestInput(ctx.workspace, "HEAD", changes, {
    policyPath: ctx.policyPath,
    ...requester.ok ? { author: requester.login } : {},
    now: ctx.now,
    strict: true,
    resolveFacts: (q) => resolveFacts(gh, q)
  });
  let report = validatePullRequest(input);
  if (!requester.ok) report = refuseUnboundRequest(report, requester, changedLeases(changes).map((l) => l.path));
  await publish(ctx, gh, report);
  await notifyRequests(ctx, changes, report, requester.ok ? requester.login : pr.author, getInput("webhook-url") || void 0);
  const basePolicy = input.basePolicy ? loadPolicy(ctx.policyPath, input.basePolicy).policy : void 0;
  await publishApprovals(ctx, gh, basePolicy, changes, requester.ok ? requester.login : pr.author);
  if (getInput("auto-merge") === "true" && basePolicy && requester.ok) await autoMerge(ctx, gh, { policy: basePolicy, changes, requester: requester.login, validated: report.ok, ...opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {} });
  return report;
}
async function autoMerge(ctx, gh, o) {
  const pr = ctx.pullRequest;
  try {
    let history;
    if (o.evidenceKey) {
      await fetchNotes(ctx.workspace, "origin", ctx.token);
      history = autoApprovalHistory(await readNotes(ctx.workspace), noteSigner(ctx.owner, ctx.repo, o.evidenceKey));
    }
    const r = await autoMergeByRule(gh, { owner: ctx.owner, repo: ctx.repo, pullRequest: { number: pr.number, headSha: pr.headSha }, requester: o.requester, policy: o.policy, changes: o.changes, validated: o.validated, now: ctx.now, history, ownChecks: [CHECK_NAME, APPROVALS_CHECK_NAME] });
    setOutput("auto-merged", String(r.merged));
    if (r.merged) notice(`Auto-approved by rule ${r.rule}: merged as ${r.sha.slice(0, 7)}. apply verifies the rule again before granting.`);
    else info(`Not auto-merged: ${r.reasons.join("; ")}`);
  } catch (e) {
    setOutput("auto-merged", "false");
    warning(`Could not auto-merge #${pr.number}: ${e.message}. The App needs to be in the bypass list of the branch's ruleset (see README, Auto-approval by rule); approvers can still approve and merge.`);
  }
}
async function publishApprovals(ctx, gh, policy, changes, requester) {
  const pr = ctx.pullRequest;
  if (!policy) return;
  try {
    const items = await pullRequestApprovals(gh, { owner: ctx.owner, repo: ctx.repo, number: pr.number, author: requester, headSha: pr.headSha }, policy, changes);
    const s = items.length ? approvalSummary(items) : { ok: true, title: "No lease requests to approve", text: "" };
    setOutput("approved", String(s.ok));
    const url = getInput("webhook-url") || void 0;
    const announce = url !== void 0 && s.ok && items.length > 0 && ctx.eventName === "pull_request_review" && !await wasApproved(gh, ctx);
    await publishCheckRun(gh, { owner: ctx.owner, repo: ctx.repo, headSha: pr.headSha, ok: s.ok, notOk: "action_required", detailsUrl: ctx.runUrl ?? `https://github.com/${ctx.owner}/${ctx.repo}/pull/${pr.number}`, title: s.title, summary: s.text || s.title, diagnostics: [], name: APPROVALS_CHECK_NAME });
    if (announce) await notifyApproval(ctx, items, changes, url);
  } catch (e) {
    warning(`Could not report approval progress: ${e.message}`);
  }
}
async function publish(ctx, gh, report) {
  const pr = ctx.pullRequest;
  const diags = allDiagnostics(report);
  const errors = diags.filter((d) => d.severity === "error");
  const warnings = diags.filter((d) => d.severity !== "error");
  for (const d of errors.slice(0, MAX_STEP_ANNOTATIONS)) error(d.hint ? `${d.message} ${d.hint.split("\n")[0]}` : d.message, { title: d.code, file: d.file, startLine: d.line, startColumn: d.column });
  for (const d of warnings.slice(0, MAX_STEP_ANNOTATIONS)) warning(d.message, { title: d.code, file: d.file, startLine: d.line, startColumn: d.column });
  if (errors.length > MAX_STEP_ANNOTATIONS) notice(`${errors.length - MAX_STEP_ANNOTATIONS} more error(s): see the job summary and the ${CHECK_NAME} check.`);
  const summary2 = formatSummary(report);
  await summary.addRaw(summary2).write();
  const summaryUrl = ctx.runUrl;
  try {
    await upsertStickyComment(gh, { owner: ctx.owner, repo: ctx.repo, number: pr.number }, COMMENT_MARKER, formatComment(report, summaryUrl ? { summaryUrl } : {}));
  } catch (e) {
    warning(`Could not write the pull request comment: ${e.message}. Give the workflow 'pull-requests: write'.`);
  }
  try {
    await publishCheckRun(gh, { owner: ctx.owner, repo: ctx.repo, headSha: pr.headSha, ok: report.ok, title: verdictTitle(report), summary: summary2, diagnostics: diags });
  } catch (e) {
    warning(`Could not create the ${CHECK_NAME} check run: ${e.message}. Give the workflow 'checks: write'.`);
  }
  setOutput("ok", String(report.ok));
  setOutput("errors", String(countErrors(report)));
  setOutput("warnings", String(warnings.length));
  setOutput("report", JSON.stringify({ format: jsonFormatTag("validate"), ...toJson(report) }));
}
export {
  MAX_STEP_ANNOTATIONS,
  runValidateAction
};
