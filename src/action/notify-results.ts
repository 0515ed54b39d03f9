/** What an apply, expire or revoke run tells the webhook: grants, extensions, revocations, failures and findings. */
import * as core from "@actions/core";
import type { ApplyResult } from "../commands/apply.js";
import { readLeaseLog } from "../git/lease-log.js";
import { readBlobs } from "../git/run-git.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { describeHolders } from "../reconcile/format-plan.js";
import { holderRecord } from "../reconcile/plan.js";
import { loadLease } from "../lease/load-lease.js";
import { createNotifier } from "../notify/webhook.js";
import type { Notification } from "../notify/webhook.js";
import { leaseWindow } from "../validate/check-lease.js";
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
    else if (a.kind === "revoke") {
      const by = a.couldBeAddedBy ?? [];
      const why = a.why === "expired" ? " (lease ended)" : by.length ? ` (not backed by any lease; could have been added by ${describeHolders(by)})` : " (not backed by any lease)";
      const couldBeAddedBy = by.map(holderRecord);
      await n.notify({ ...base, kind: "revoked", text: `🔒 @${a.grantee} no longer has ${role} on ${a.resource}${why}`, ...(couldBeAddedBy.length ? { couldBeAddedBy } : {}) });
    }
    // A renewal follows an extension, which is told below.
    else if (a.kind !== "renew") await n.notify({ ...base, kind: "granted", text: `🔓 @${a.grantee} was granted ${role} on ${a.resource}${r.outcome.status === "invited" ? " (invitation pending)" : ""}` });
  }
  try {
    for (const e of await extensions(ctx.workspace, result, at)) await n.notify(e);
  } catch (e) {
    core.warning(`Could not tell the webhook about extensions: ${(e as Error).message}`);
  }
  for (const f of result.findings) await n.notify({ kind: "finding", lease: f.lease, at, text: `🚨 jit-access security finding: ${f.message}` });
  for (const failure of n.failures) core.warning(`Webhook delivery failed (${failure}); nothing else was affected.`);
}

/**
 * Extensions applied in this run: approved changes verified now that modify a lease already
 * on main (status M in its life on main), with the expiry before and after.
 */
async function extensions(repoDir: string, result: ApplyResult, at: string): Promise<Notification[]> {
  const approved = result.verified.filter((v) => v.verdict === "approved");
  if (approved.length === 0) return [];
  const log = await readLeaseLog(repoDir, "HEAD", [...new Set(approved.map((v) => v.lease))]);
  const found = approved.flatMap((ev) => {
    const changes = log.current.get(ev.lease)?.changes ?? [];
    const i = changes.findIndex((c) => c.status === "M" && c.blob === ev.blob);
    return i > 0 ? [{ ev, add: changes[0]!, before: changes[i - 1]! }] : [];
  });
  if (found.length === 0) return [];
  const blobs = await readBlobs(repoDir, found.flatMap((f) => [f.ev.blob, f.before.blob]));
  const leaseOf = (path: string, blob: string) => loadLease(path, blobs.get(blob) ?? Buffer.alloc(0)).lease;
  return found.flatMap(({ ev, add, before }) => {
    const lease = leaseOf(ev.lease, ev.blob);
    const previous = leaseOf(ev.lease, before.blob);
    if (!lease || !previous) return [];
    // Announced only when apply's windows took it (an extension refused there keeps the old end).
    const newEnd = leaseWindow(lease, add.time).end;
    if ([...result.active, ...result.over].find((w) => w.path === ev.lease)?.end !== newEnd) return [];
    const end = formatTimestamp(newEnd);
    const was = formatTimestamp(leaseWindow(previous, add.time).end);
    const by = ev.approvals.map((a) => a.reviewer);
    const pr = ev.pullRequest?.number;
    return [
      {
        kind: "extension" as const,
        text: `⏩ @${lease.grantee}'s ${lease.role} on ${lease.resource} was extended to ${end} (was ${was})${by.length ? `, approved by ${by.map((a) => `@${a}`).join(", ")}` : ""}${pr !== undefined ? ` in #${pr}` : ""}`,
        lease: ev.lease,
        resource: lease.resource,
        grantee: lease.grantee,
        role: lease.role,
        ...(pr !== undefined ? { pullRequest: pr } : {}),
        expires: end,
        previousExpires: was,
        approvedBy: by,
        at,
      },
    ];
  });
}
