import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  formatPlanMarkdown,
  notifyResults,
  runApply,
  scopedRun,
  sendReminders,
  settleApply,
  startTimersAfter
} from "./chunk-HXWJ65SJ.js";
import "./chunk-GUOOY6KU.js";
import "./chunk-IV7EWZHQ.js";
import "./chunk-GW3XH3IH.js";
import "./chunk-7UZHY6AZ.js";
import "./chunk-SZED6A3L.js";
import "./chunk-E4RXBCWO.js";
import "./chunk-IVFWVQ2J.js";
import "./chunk-BWFAZBUO.js";
import {
  createProviderRegistry,
  providerRun
} from "./chunk-OW7EIWIX.js";
import "./chunk-GAX54RT6.js";
import "./chunk-SKFNB3CZ.js";
import "./chunk-HUC6523L.js";
import {
  error,
  getInput,
  info,
  setOutput,
  summary,
  warning
} from "./chunk-AZDOHWTX.js";
import {
  fetchNotes,
  noteSigner,
  pushNotesWithRetry
} from "./chunk-VTJMK7UI.js";
import "./chunk-WCB7NMLF.js";
import {
  formatTimestamp
} from "./chunk-P5GKRAZF.js";

// src/action/run-apply.ts
var APPLY_MARKER = "<!-- jit-access:apply -->";
async function runApplyAction(ctx, gh, opts) {
  if (!await fetchNotes(ctx.workspace, "origin", ctx.token)) info("No evidence notes yet (refs/notes/jit); every lease change will be verified through the API.");
  const registry = createProviderRegistry(gh, await providerRun(ctx, opts.evidenceKey));
  const scope = { kind: ctx.eventName === "push" ? "merge" : "full", remote: { name: "origin", ...ctx.token ? { token: ctx.token } : {} }, log: (l) => info(l) };
  const { result } = await scopedRun(
    {
      gh,
      repoDir: ctx.workspace,
      owner: ctx.owner,
      repo: ctx.repo,
      defaultBranch: ctx.defaultBranch ?? "main",
      policyPath: ctx.policyPath,
      now: ctx.now,
      ref: "HEAD",
      ...opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {},
      ...opts.botLogin ? { botLogin: opts.botLogin } : {},
      providerFor: (id, policy) => registry(policy.resources.get(id)),
      guards: { maxRevocations: 25, maxRevocationFraction: 0.5, force: opts.force },
      dryRun: opts.dryRun
    },
    scope,
    runApply,
    settleApply
  ).finally(() => registry.close());
  await summary.addRaw(formatPlanMarkdown(result.plan, result.results, result.findings)).write();
  for (const f of result.findings.slice(0, 10)) error(f.message, { title: "jit-access security finding" });
  for (const r of result.results.filter((x) => x.outcome.status === "failed").slice(0, 10)) {
    if (r.outcome.status === "failed") error(`${r.action.kind} ${r.action.resource} ${r.action.grantee}: ${r.outcome.message}`, { title: r.outcome.code });
  }
  if (!opts.dryRun) {
    for (const ev of result.verified) {
      if (!ev.pullRequest) continue;
      let body;
      if (ev.verdict === "approved") {
        const done = result.results.filter((r) => r.because.includes(ev.lease));
        const keep = result.plan.actions.find((a) => a.kind === "keep" && a.because.some((b) => b.kind === "lease" && b.path === ev.lease));
        const window = result.plan.actions.flatMap((a) => "because" in a ? a.because : []).find((b) => b.kind === "lease" && b.path === ev.lease);
        const until = window && window.kind === "lease" ? ` It expires at ${formatTimestamp(window.end)}.` : "";
        const scheduled = result.plan.scheduled.find((s) => s.path === ev.lease);
        if (done.length) body = `\u2705 Granted at ${formatTimestamp(ctx.now)}: ${done.map((r) => `${r.action.kind} ${r.action.resource} \u2192 @${r.action.grantee} (${r.outcome.status}${r.outcome.status === "failed" ? `: ${r.outcome.message}` : ""})`).join("; ")}.${until}
Approved by ${ev.approvals.map((a) => `@${a.reviewer}`).join(", ")}.`;
        else if (scheduled) body = `\u23F3 Approved by ${ev.approvals.map((a) => `@${a.reviewer}`).join(", ")}; access starts at ${formatTimestamp(scheduled.start)}.`;
        else if (keep) body = `\u2705 Verified; access was already in place.${until}`;
        else body = `\u2139\uFE0F Verified (approved by ${ev.approvals.map((a) => `@${a.reviewer}`).join(", ")}), but the lease is not active now.`;
      } else {
        body = `\u274C Not granted: this lease reached main but failed verification.

${ev.findings.map((f) => `- ${f}`).join("\n")}

The access repo admins have been flagged by a failed apply run.`;
      }
      try {
        await gh.rest.issues.createComment({ owner: ctx.owner, repo: ctx.repo, issue_number: ev.pullRequest.number, body: `${APPLY_MARKER}
${body}` });
      } catch (e) {
        warning(`Could not comment on #${ev.pullRequest.number}: ${e.message}`);
      }
    }
    const failed = result.verified.length || result.drift.length || result.policyVerified.length ? await pushNotesWithRetry(ctx.workspace, "origin", noteSigner(ctx.owner, ctx.repo, opts.evidenceKey)) : void 0;
    if (failed) warning(`Could not push evidence notes (refs/notes/jit): ${failed}. The next run verifies these leases again.`);
  }
  if (!opts.dryRun) await sendReminders(ctx, gh, result);
  if (!opts.dryRun) await startTimersAfter(ctx, gh, result);
  if (!opts.dryRun) await notifyResults(ctx, result, getInput("webhook-url") || void 0);
  const count = (k) => result.results.filter((r) => r.action.kind === k && r.outcome.status !== "failed").length;
  setOutput("ok", String(result.ok));
  setOutput("granted", String(count("grant")));
  setOutput("changed", String(count("change-role")));
  setOutput("revoked", String(count("revoke")));
  setOutput("failed", String(result.results.filter((r) => r.outcome.status === "failed").length));
  setOutput("findings", String(result.findings.length));
  return result;
}
export {
  APPLY_MARKER,
  runApplyAction
};
