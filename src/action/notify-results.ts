/** What an apply, expire or revoke run tells the webhook: grants, revocations, failures and findings. */
import * as core from "@actions/core";
import type { ApplyResult } from "../commands/apply.js";
import { createNotifier } from "../notify/webhook.js";
import type { ActionContext } from "./context.js";

export async function notifyResults(ctx: ActionContext, result: ApplyResult, url: string | undefined): Promise<void> {
  if (!url) return;
  const n = createNotifier(url, { repository: `${ctx.owner}/${ctx.repo}` });
  const at = new Date(ctx.now).toISOString();
  for (const r of result.results) {
    const a = r.action;
    const role = a.kind === "change-role" ? a.to : a.role;
    const base = { resource: a.resource, grantee: a.grantee, role, at, ...(r.because[0] ? { lease: r.because[0] } : {}) };
    if (r.outcome.status === "failed") await n.notify({ ...base, kind: "failed", text: `❌ jit-access could not ${a.kind} ${role} on ${a.resource} for @${a.grantee}: ${r.outcome.message}` });
    else if (a.kind === "revoke") await n.notify({ ...base, kind: "revoked", text: `🔒 @${a.grantee} no longer has ${role} on ${a.resource}${a.why === "expired" ? " (lease ended)" : " (not backed by any lease)"}` });
    else await n.notify({ ...base, kind: "granted", text: `🔓 @${a.grantee} was granted ${role} on ${a.resource}${r.outcome.status === "invited" ? " (invitation pending)" : ""}` });
  }
  for (const f of result.findings) await n.notify({ kind: "finding", lease: f.lease, at, text: `🚨 jit-access security finding: ${f.message}` });
  for (const failure of n.failures) core.warning(`Webhook delivery failed (${failure}); nothing else was affected.`);
}
