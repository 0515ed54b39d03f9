/**
 * The Action's `expire` command (on a schedule and by hand): the sweep. Reconciles the whole
 * state, removes the files of leases whose time is up in one revocation commit, and pushes
 * it to the default branch (retrying on a concurrent push); evidence notes are pushed too.
 */
import * as core from "@actions/core";
import { pushNotesWithRetry, fetchNotes } from "../git/evidence-notes.js";
import { noteSigner } from "../evidence/evidence.js";
import { runExpire } from "../commands/expire.js";
import { scopedRun, settleExpire } from "../commands/scoped-run.js";
import type { ExpireOptions, ExpireResult } from "../commands/expire.js";
import { runRevoke } from "../commands/revoke.js";
import type { GitHubClient } from "../github/client.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { Policy } from "../policy/policy.js";
import { createProviderRegistry } from "../providers/registry.js";
import { providerRun } from "./provider-run.js";
import { formatPlanMarkdown } from "../reconcile/format-plan.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { describeActor } from "./actor.js";
import type { ActionContext } from "./context.js";
import { sendReminders } from "./send-reminders.js";
import { notifyResults } from "./notify-results.js";
import { startTimersAfter } from "./start-timers.js";

/**
 * Revoke now. Judged as whoever started this attempt (see actor.ts): a re-run of an admin's
 * run by someone else revokes only what that someone may revoke. A refusal revokes nothing,
 * and is reported as an annotation titled with its code, in the job summary and as `ok: false`.
 */
export async function runRevokeAction(ctx: ActionContext, gh: GitHubClient, opts: { evidenceKey?: string; dryRun: boolean; force: boolean }, leases: string[], reason: string): Promise<boolean> {
  const actor = ctx.actor;
  if (!actor) throw new Error("Neither GITHUB_TRIGGERING_ACTOR nor GITHUB_ACTOR is set: who is revoking?");
  try {
    return await runExpireAction(ctx, gh, opts, { leases, actor: actor.login, ...(actor.rerun ? { rerunOf: actor.startedBy } : {}), ...(reason ? { reason } : {}) });
  } catch (e) {
    if (!(e instanceof UsageError) || !e.code.startsWith("revoke-")) throw e;
    core.error(e.message, { title: e.code });
    await core.summary.addRaw(`### jit-access revoke\n\nNothing was revoked: \`${e.code}\`: ${e.message}\n\nAsked by ${describeActor(actor)}.\n`).write();
    core.setOutput("ok", "false");
    core.setOutput("revoked", "0");
    return false;
  }
}

export async function runExpireAction(
  ctx: ActionContext,
  gh: GitHubClient,
  opts: { evidenceKey?: string; dryRun: boolean; force: boolean },
  revoke?: { leases: string[]; actor: string; rerunOf?: string; reason?: string },
): Promise<boolean> {
  // The sweep is scoped (leases due, touched resources, a rolling slice: commands/scoped-run.ts);
  // a revoke by hand reconciles everything.
  const sweep = async (o: ExpireOptions) => (await scopedRun(o, { kind: "sweep", remote: { name: "origin", ...(ctx.token ? { token: ctx.token } : {}) }, log: (l) => core.info(l) }, (x) => runExpire(x as ExpireOptions), settleExpire(o.repoDir, true))).result;
  const run = revoke ? (o: ExpireOptions) => runRevoke({ ...o, ...revoke }) : sweep;
  const r = await expireAndReport(ctx, gh, opts, run);
  if (r && !opts.dryRun) await startTimersAfter(ctx, gh, [r.apply, r.recheck]);
  return r?.ok ?? true;
}

/**
 * Runs an expire-like command (the sweep, a revoke, a timer) on the checked-out default
 * branch and reports it: job summary, evidence notes, reminders, webhook, outputs. `run` may
 * return undefined when it decided there was nothing to do (it says why itself).
 */
export async function expireAndReport<R extends ExpireResult>(
  ctx: ActionContext,
  gh: GitHubClient,
  opts: { evidenceKey?: string; botLogin?: string; dryRun: boolean; force: boolean },
  run: (o: ExpireOptions) => Promise<R | undefined>,
): Promise<R | undefined> {
  // Evidence from earlier runs (a fresh checkout does not fetch notes).
  if (!(await fetchNotes(ctx.workspace, "origin", ctx.token))) core.info("No evidence notes yet (refs/notes/jit).");
  const branch = ctx.defaultBranch ?? "main";
  const registry = createProviderRegistry(gh, await providerRun(ctx, opts.evidenceKey));
  const r = await run({
    gh,
    repoDir: ctx.workspace,
    owner: ctx.owner,
    repo: ctx.repo,
    defaultBranch: branch,
    policyPath: ctx.policyPath,
    now: ctx.now,
    ref: "HEAD",
    ...(opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {}),
    ...(opts.botLogin ? { botLogin: opts.botLogin } : {}),
    providerFor: (id: string, policy: Policy) => registry(policy.resources.get(id)!),
    guards: { maxRevocations: 25, maxRevocationFraction: 0.5, force: opts.force },
    dryRun: opts.dryRun,
    push: { remote: "origin", branch },
  }).finally(() => registry.close());
  if (!r) {
    core.setOutput("ok", "true");
    return undefined;
  }
  const lines = [formatPlanMarkdown(r.apply.plan, r.apply.results, r.apply.findings), "### Expired", ""];
  if (r.removed.length === 0) lines.push("No lease's time was up.");
  for (const x of r.removed) lines.push(`- \`${x.path}\`: ${x.grantee} as ${x.role} on ${x.resource}, ended ${formatTimestamp(x.expiredAt)}`);
  for (const k of r.kept) lines.push(`- ⚠️ kept \`${k.path}\`: ${k.why}`);
  if (r.commit) lines.push("", `Revocation commit \`${r.commit.slice(0, 7)}\`${r.pushed ? " pushed" : ` **not pushed**${r.pushError ? `: ${r.pushError}` : ""}`}.`);
  if (r.recheck) lines.push("", "Main moved during the run: reconciled again before the push.", "", formatPlanMarkdown(r.recheck.plan, r.recheck.results, r.recheck.findings));
  await core.summary.addRaw(lines.join("\n") + "\n").write();
  for (const k of r.kept.slice(0, 10)) core.error(`${k.path} kept: ${k.why}`, { title: "jit-access expire" });
  if (!opts.dryRun && (r.apply.verified.length || r.recheck?.verified.length || r.apply.drift.length || r.recheck?.drift.length || r.apply.policyVerified.length || r.recheck?.policyVerified.length)) {
    const failed = await pushNotesWithRetry(ctx.workspace, "origin", noteSigner(ctx.owner, ctx.repo, opts.evidenceKey));
    if (failed) core.warning(`Could not push evidence notes: ${failed}`);
  }
  if (!opts.dryRun) await sendReminders(ctx, gh, r.apply);
  if (!opts.dryRun) await notifyResults(ctx, r.apply, core.getInput("webhook-url") || undefined);
  if (!opts.dryRun && r.recheck) await notifyResults(ctx, r.recheck, core.getInput("webhook-url") || undefined);
  core.setOutput("expired", String(r.removed.length));
  core.setOutput("kept", String(r.kept.length));
  core.setOutput("revoked", String(r.apply.results.filter((x) => x.action.kind === "revoke" && x.outcome.status !== "failed").length));
  core.setOutput("commit", r.commit ?? "");
  core.setOutput("ok", String(r.ok));
  return r;
}
