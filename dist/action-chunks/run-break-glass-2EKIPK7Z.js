import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  pullRequestChanges,
  pullRequestRequester,
  refuseUnboundRequest
} from "./chunk-4GQO6YYR.js";
import {
  credentialDelivery,
  postOnce,
  runPolicy
} from "./chunk-7UZHY6AZ.js";
import {
  upsertStickyComment
} from "./chunk-SZED6A3L.js";
import {
  changedLeases,
  gitBlobId
} from "./chunk-E4RXBCWO.js";
import {
  pullRequestInput,
  validatePullRequest
} from "./chunk-IVFWVQ2J.js";
import {
  approverMentions,
  createProviderRegistry,
  decideBreakGlass,
  errorMessage,
  grantStep,
  grantedComment,
  providerRun,
  trustedBreakGlassRecords
} from "./chunk-OW7EIWIX.js";
import {
  createNotifier
} from "./chunk-GAX54RT6.js";
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
  NOTES_REF,
  noteSigner,
  readNotes,
  resolveFacts,
  updateNote
} from "./chunk-VTJMK7UI.js";
import {
  git,
  gitText,
  loadPolicy,
  withGitSession
} from "./chunk-WCB7NMLF.js";
import {
  formatTimestamp
} from "./chunk-P5GKRAZF.js";

// src/commands/break-glass.ts
function runBreakGlass(o) {
  return withGitSession(() => runBreakGlassInSession(o));
}
async function runBreakGlassInSession(o) {
  const { data: pr } = await o.gh.rest.pulls.get({ owner: o.owner, repo: o.repo, pull_number: o.pullRequest });
  const changes = await pullRequestChanges(o.gh, { owner: o.owner, repo: o.repo, number: pr.number, headSha: pr.head.sha, baseSha: pr.base.sha }, o.policyPath);
  const { requester } = await pullRequestRequester(o.gh, {
    repoDir: o.repoDir,
    ...o.remote ? { remote: o.remote } : {},
    ...o.token ? { token: o.token } : {},
    owner: o.owner,
    repo: o.repo,
    pullRequest: { number: pr.number, author: pr.user?.login ?? "", headSha: pr.head.sha, headRef: pr.head.ref },
    changes,
    ...o.evidenceKey ? { evidenceKey: o.evidenceKey } : {},
    ...o.botLogin ? { botLogin: o.botLogin } : {}
  });
  const author = requester.ok ? requester.login : pr.user?.login ?? "";
  const inForce = await runPolicy(o, await readNotes(o.repoDir)).catch(() => void 0);
  const input = await pullRequestInput(o.repoDir, o.ref, changes, { policyPath: o.policyPath, ...requester.ok ? { author } : {}, now: o.now, strict: true, resolveFacts: (q) => resolveFacts(o.gh, q), judgeWith: { policy: inForce?.inForce.bytes } });
  let report = validatePullRequest(input);
  if (!requester.ok) report = refuseUnboundRequest(report, requester, changedLeases(changes).map((l) => l.path));
  const policy = input.basePolicy ? loadPolicy(o.policyPath, input.basePolicy).policy : void 0;
  const signer = noteSigner(o.owner, o.repo, o.evidenceKey);
  const blobs = new Map(changes.flatMap((c) => c.head ? [[c.path, gitBlobId(c.head.bytes)]] : []));
  const decide = (records) => decideBreakGlass({
    now: o.now,
    policy,
    changes,
    blobs,
    report,
    pullRequest: { number: pr.number, author, open: pr.state === "open", baseRef: pr.base.ref },
    defaultBranch: o.defaultBranch,
    records,
    hasKey: Boolean(o.evidenceKey)
  });
  for (let attempt = 1; ; attempt++) {
    if (o.remote) {
      const unreadable = await syncNotes(o.repoDir, o.remote);
      if (unreadable) {
        const decision2 = decide([]);
        const result2 = { decision: decision2, report, headSha: pr.head.sha, approvers: approversOf(policy, decision2) };
        if (decision2.kind === "grant") result2.error = `the break-glass records in refs/notes/jit could not be read (${unreadable}); nothing was granted.`;
        return result2;
      }
    }
    const notes = await readNotes(o.repoDir);
    const decision = decide(trustedBreakGlassRecords(notes, signer));
    const result = { decision, report, headSha: pr.head.sha, approvers: approversOf(policy, decision) };
    if (decision.kind !== "grant" || o.dryRun) return result;
    await recordGrant(o.repoDir, decision.record.blob, decision.record, signer);
    if (o.remote) {
      let pushed;
      try {
        pushed = await git(o.repoDir, ["push", "--porcelain", o.remote, `${NOTES_REF}:${NOTES_REF}`]);
      } catch (e) {
        if (attempt < PUSH_ATTEMPTS) continue;
        result.error = `the break-glass record could not be pushed to refs/notes/jit (${e.message}); nothing was granted.`;
        return result;
      }
      if (upToDate(pushed.toString("utf8"))) continue;
    }
    const delivery = credentialDelivery({ gh: o.gh, owner: o.owner, repo: o.repo, pullRequestOf: (lease) => lease === decision.record.lease ? pr.number : void 0, ...o.log ? { log: o.log } : {} });
    result.outcome = await grant(o.providerFor(decision.resource), decision.resource, decision.record, delivery);
    return result;
  }
}
var PUSH_ATTEMPTS = 5;
function upToDate(porcelain) {
  return porcelain.split("\n").some((l) => l.startsWith("=	") && l.includes(`:${NOTES_REF}	`));
}
async function syncNotes(repoDir, remote) {
  try {
    const listed = (await gitText(repoDir, ["ls-remote", remote, NOTES_REF])).trim();
    if (listed) await git(repoDir, ["fetch", "--quiet", remote, `+${NOTES_REF}:${NOTES_REF}`]);
    else await git(repoDir, ["update-ref", "-d", NOTES_REF]);
    return void 0;
  } catch (e) {
    return e.message;
  }
}
function approversOf(policy, decision) {
  const resourceId = decision.kind === "grant" || decision.kind === "already" ? decision.record.resource : decision.kind === "refused" ? resourceOfPath(decision.lease) : void 0;
  const resource = resourceId !== void 0 ? policy?.resources.get(resourceId) : void 0;
  return resource && policy ? approverMentions(resource, policy.groups) : [];
}
function resourceOfPath(path) {
  return path.split("/")[1] ?? "";
}
async function recordGrant(repoDir, object, record, signer) {
  await updateNote(repoDir, object, signer, (note) => ({ ...note, breakGlass: [...note.breakGlass ?? [], record] }));
}
async function grant(provider, resource, r, delivery) {
  try {
    const holds = (await provider.list(resource)).filter((g) => g.grantee.toLowerCase() === r.grantee.toLowerCase()).map((g) => g.role);
    const step = grantStep(holds, r.role, provider);
    if (step.kind === "none") return { status: "unchanged" };
    if (step.kind === "change-role") return await provider.changeRole(resource, r.grantee, r.role);
    const end = Date.parse(r.end);
    const attempt = { resource, provider, grantee: r.grantee, role: r.role, lease: r.lease, end };
    const refused = await delivery.beforeGrant(attempt);
    if (refused) return refused;
    return await delivery.afterGrant(attempt, await provider.grant(resource, r.grantee, r.role, { expiresAt: end, lease: r.lease }));
  } catch (e) {
    return { status: "failed", code: "provider-error", message: errorMessage(e) };
  }
}

// src/action/run-break-glass.ts
var BREAK_GLASS_MARKER = "<!-- jit-access:break-glass -->";
var grantedMarker = (pr) => `<!-- jit-access:break-glass-granted #${pr} -->`;
var ACTIVITIES = ["opened", "reopened", "synchronize"];
async function runBreakGlassAction(ctx, gh, opts) {
  const pr = ctx.pullRequest;
  if (!pr || ctx.eventName !== "pull_request_target") {
    throw new Error(`The break-glass command runs on pull_request_target (opened, reopened, synchronize), where the workflow comes from the default branch; not on ${ctx.eventName || "this event"}.`);
  }
  if (!ACTIVITIES.includes(ctx.eventAction ?? "")) {
    info(`Nothing to do on '${ctx.eventAction ?? ""}': break-glass is granted when a pull request is opened, reopened or pushed to.`);
    setOutput("break-glass", "none");
    return true;
  }
  const registry = createProviderRegistry(gh, await providerRun(ctx, opts.evidenceKey));
  const r = await runBreakGlass({
    gh,
    repoDir: ctx.workspace,
    ref: "HEAD",
    owner: ctx.owner,
    repo: ctx.repo,
    defaultBranch: ctx.defaultBranch ?? "main",
    policyPath: ctx.policyPath,
    now: ctx.now,
    pullRequest: pr.number,
    ...opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {},
    providerFor: registry,
    remote: "origin",
    ...ctx.token ? { token: ctx.token } : {},
    ...opts.botLogin ? { botLogin: opts.botLogin } : {},
    ...opts.dryRun ? { dryRun: true } : {},
    log: (line) => info(line)
  }).finally(() => registry.close());
  setOutput("break-glass", r.decision.kind === "grant" ? r.error ? "failed" : "granted" : r.decision.kind);
  const where = { owner: ctx.owner, repo: ctx.repo, number: pr.number };
  const say = async (body) => {
    if (opts.dryRun) return;
    try {
      await upsertStickyComment(gh, where, BREAK_GLASS_MARKER, `${BREAK_GLASS_MARKER}
${body}`);
    } catch (e) {
      warning(`Could not comment on #${pr.number}: ${e.message}`);
    }
  };
  const d = r.decision;
  switch (d.kind) {
    case "none":
      info("Not a break-glass request: nothing to grant before approval.");
      return true;
    case "already": {
      const until = formatTimestamp(Math.min(Date.parse(d.record.end), Date.parse(d.record.reviewBy)));
      info(`#${pr.number} already had its break-glass grant at ${formatTimestamp(Date.parse(d.record.grantedAt))}${d.record.ended ? ` (ended: ${d.record.ended.why})` : ` (until ${until})`}; nothing is granted again.`);
      if (d.changed) {
        await say(
          `\u26A0\uFE0F This pull request's break-glass grant (${formatTimestamp(Date.parse(d.record.grantedAt))}) stays bound to the content granted then (\`${d.record.lease}\`, blob \`${d.record.blob.slice(0, 7)}\`). This push grants and extends nothing. Only that content, approved and merged by ${formatTimestamp(Date.parse(d.record.reviewBy))}, counts as reviewed; anything else is an ordinary request, granted after approval and merge, and the break-glass grant is then flagged as not reviewed.`
        );
      }
      await summary2(r, `Already granted at ${formatTimestamp(Date.parse(d.record.grantedAt))}; nothing granted again${d.changed ? " (the lease changed since: not granted)" : ""}.`);
      return true;
    }
    case "refused": {
      const text = `\u{1F6AB} **Break-glass not granted** for \`${d.lease}\`:

${d.why.map((w) => `- ${w}`).join("\n")}

The request stays open as an ordinary one: it is granted after the approvers${r.approvers.length ? ` (${r.approvers.join(", ")})` : ""} approve and it is merged.`;
      await say(text);
      await summary2(r, text);
      error(`Break-glass not granted: ${d.why.join(" ")}`, { title: "jit-access break-glass" });
      return false;
    }
    case "grant": {
      if (r.error) {
        await say(`\u274C **Break-glass not granted**: ${r.error} Re-run this job, or ask the access repo admins.`);
        await summary2(r, `Not granted: ${r.error}`);
        error(r.error, { title: "jit-access break-glass" });
        return false;
      }
      const outcome = r.outcome ? r.outcome.status === "failed" ? `failed (${r.outcome.message}); the next sweep tries again` : r.outcome.status : opts.dryRun ? "dry run, nothing done" : "not attempted";
      const body = grantedComment(d.record, d.lease, r.approvers, outcome);
      if (!opts.dryRun) {
        try {
          await postOnce(gh, where, grantedMarker(pr.number), `${grantedMarker(pr.number)}
${body}`);
        } catch (e) {
          warning(`Could not comment on #${pr.number}: ${e.message}`);
        }
        const url = getInput("webhook-url") || void 0;
        const n = createNotifier(url, { repository: `${ctx.owner}/${ctx.repo}` });
        await n.notify({
          kind: "break-glass",
          text: `\u{1F6A8} Break-glass: @${d.record.grantee} was granted ${d.record.role} on ${d.record.resource} until ${formatTimestamp(Date.parse(d.record.end))} without approval (#${pr.number}); ${r.approvers.join(", ") || "the approvers"} must approve and merge it by ${formatTimestamp(Date.parse(d.record.reviewBy))}.`,
          lease: d.record.lease,
          resource: d.record.resource,
          grantee: d.record.grantee,
          role: d.record.role,
          pullRequest: pr.number,
          at: d.record.grantedAt
        });
        for (const f of n.failures) warning(`Webhook delivery failed (${f}); nothing else was affected.`);
      }
      await summary2(r, body);
      if (r.outcome?.status === "failed") {
        error(`The target refused the break-glass grant: ${r.outcome.message}. It is recorded; the next apply or expire run tries again.`, { title: r.outcome.code });
        return false;
      }
      return true;
    }
  }
}
async function summary2(r, text) {
  await summary.addRaw(`## jit-access break-glass

${text}

Validation: ${r.report.ok ? "passed" : "failed (see the jit-access / validate check)"}.
`).write();
}
export {
  BREAK_GLASS_MARKER,
  runBreakGlassAction
};
