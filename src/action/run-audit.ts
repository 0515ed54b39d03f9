/**
 * The Action's `audit` command (on a schedule, e.g. weekly): the audit of the access repo's
 * history as the job summary, optionally as a CSV file (for actions/upload-artifact) and as
 * an issue. Findings fail the step: they need a person's attention.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { formatAuditCsv } from "../audit/format-csv.js";
import { formatAuditMarkdown } from "../audit/format-markdown.js";
import { runAudit } from "../commands/audit.js";
import type { GitHubClient } from "../github/client.js";
import { parseDuration, MINUTE_MS } from "../lease/duration.js";
import { formatTimestamp, parseTimestamp } from "../lease/timestamp.js";
import { createProviderRegistry } from "../providers/registry.js";
import { providerRun } from "./provider-run.js";
import { fetchNotes } from "../git/evidence-notes.js";
import { newFindings, notifyFindings } from "./notify-findings.js";
import type { ActionContext } from "./context.js";

/** GitHub refuses issue bodies over 65,536 characters. */
const ISSUE_BODY_MAX = 65_000;

export interface AuditInputs {
  evidenceKey?: string;
  /** The login request-form pull requests are opened as. */
  botLogin?: string;
  /** RFC 3339 time, or a duration back from now ("7d"). */
  since: string;
  /** Write the CSV here (relative to the workspace). */
  csvPath: string;
  /** Open an issue: never, when there are findings, or always. */
  issue: string;
  /**
   * When the previous scheduled audit ran (RFC 3339, or a duration back from now: the
   * schedule's interval): anomaly and overdue-review findings that held then are not new.
   * Empty: every such finding is new.
   */
  newSince?: string;
  webhookUrl?: string;
}

export function sinceFrom(text: string, now: number): number | undefined {
  if (!text) return undefined;
  const t = parseTimestamp(text);
  if (t !== undefined) return t;
  const minutes = parseDuration(text);
  if (minutes !== undefined) return now - minutes * MINUTE_MS;
  throw new Error(`Input 'since' must be an RFC 3339 time or a duration like 7d, not '${text}'.`);
}

export async function runAuditAction(ctx: ActionContext, gh: GitHubClient, inputs: AuditInputs): Promise<{ ok: boolean; findings: number; leases: number }> {
  if (!["never", "findings", "always"].includes(inputs.issue)) throw new Error(`Input 'issue' must be never, findings or always, not '${inputs.issue}'.`);
  // Evidence from earlier runs (a fresh checkout does not fetch notes).
  if (!(await fetchNotes(ctx.workspace, "origin", ctx.token))) core.info("No evidence notes yet (refs/notes/jit): approvals are verified through the API.");
  const since = sinceFrom(inputs.since, ctx.now);
  const previous = inputs.newSince ? sinceFrom(inputs.newSince, ctx.now) : undefined;
  const report = await runAudit({
    repoDir: ctx.workspace,
    ref: "HEAD",
    policyPath: ctx.policyPath,
    now: ctx.now,
    ...(since !== undefined ? { query: { since } } : {}),
    ...(previous !== undefined ? { previous } : {}),
    ...(inputs.evidenceKey ? { evidenceKey: inputs.evidenceKey } : {}),
    online: { gh, owner: ctx.owner, repo: ctx.repo, defaultBranch: ctx.defaultBranch ?? "main", providerFor: createProviderRegistry(gh, await providerRun(ctx, inputs.evidenceKey)), ...(inputs.botLogin ? { botLogin: inputs.botLogin } : {}) },
  });
  const markdown = formatAuditMarkdown(report);
  await core.summary.addRaw(markdown).write();
  if (inputs.csvPath) {
    const path = resolve(ctx.workspace, inputs.csvPath);
    writeFileSync(path, formatAuditCsv(report));
    core.setOutput("csv", path);
  }
  for (const f of report.findings.slice(0, 10)) core.error(f.message, { title: `jit-access audit: ${f.code}` });
  if (inputs.issue === "always" || (inputs.issue === "findings" && report.findings.length > 0)) {
    const title = `jit-access audit ${formatTimestamp(ctx.now).slice(0, 10)}: ${report.findings.length} finding(s), ${report.leases.length} lease(s)`;
    const link = ctx.runUrl ? `\n\nFull report and CSV: ${ctx.runUrl}` : "";
    const body = markdown.length + link.length > ISSUE_BODY_MAX ? `${markdown.slice(0, ISSUE_BODY_MAX - link.length - 80)}\n\n…(cut: the report is longer than an issue can hold)${link}` : markdown + link;
    const issue = await gh.rest.issues.create({ owner: ctx.owner, repo: ctx.repo, title, body });
    core.setOutput("issue", String(issue.data.number));
    core.info(`Opened issue #${issue.data.number}.`);
  }
  const fresh = newFindings(report.findings);
  if (inputs.webhookUrl && fresh.length) {
    for (const failure of await notifyFindings(fresh, inputs.webhookUrl, { repository: `${ctx.owner}/${ctx.repo}`, now: ctx.now })) core.warning(`Webhook delivery failed (${failure}); nothing else was affected.`);
  }
  core.setOutput("new-findings", String(fresh.length));
  core.setOutput("findings", String(report.findings.length));
  core.setOutput("leases", String(report.leases.length));
  core.setOutput("ok", String(report.findings.length === 0));
  return { ok: report.findings.length === 0, findings: report.findings.length, leases: report.leases.length };
}
