import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  REAL_TIMER_DEPS
} from "./chunk-BM5DXR43.js";
import {
  expireAndReport,
  runExpire
} from "./chunk-IMICDH2Q.js";
import "./chunk-B37RN77P.js";
import {
  MAX_TIMER_WAIT_MS,
  TIMER_POLL_MS,
  earlyRevokeVerdict,
  parseTimerInputs,
  runApply,
  startTimers,
  startTimersAfter,
  timerLeg,
  timerWorkflow,
  timerWorkflowRef
} from "./chunk-HXWJ65SJ.js";
import "./chunk-GUOOY6KU.js";
import "./chunk-IV7EWZHQ.js";
import "./chunk-GW3XH3IH.js";
import {
  runPolicy
} from "./chunk-7UZHY6AZ.js";
import "./chunk-SZED6A3L.js";
import "./chunk-E4RXBCWO.js";
import "./chunk-IVFWVQ2J.js";
import "./chunk-GJ7GWMVR.js";
import "./chunk-BWFAZBUO.js";
import "./chunk-OW7EIWIX.js";
import "./chunk-GAX54RT6.js";
import "./chunk-SKFNB3CZ.js";
import {
  UsageError
} from "./chunk-HUC6523L.js";
import {
  info,
  setFailed,
  setOutput,
  warning
} from "./chunk-AZDOHWTX.js";
import {
  checkLeasePath,
  readNotes
} from "./chunk-VTJMK7UI.js";
import {
  withGitSession
} from "./chunk-WCB7NMLF.js";
import {
  formatTimestamp
} from "./chunk-P5GKRAZF.js";

// src/commands/timer.ts
function resourceOf(lease) {
  const where = checkLeasePath(lease);
  if (where.kind !== "lease") throw new UsageError("timer-bad-lease", `'${lease}' is not a lease file (leases/<resource>/<name>.yaml).`);
  return where.resource;
}
function runTimer(o) {
  return withGitSession(() => runTimerInSession(o));
}
async function runTimerInSession(o) {
  const r = await runExpire({ ...o, onlyResources: /* @__PURE__ */ new Set([resourceOf(o.lease)]) });
  const still = r.apply.active.find((a) => a.path === o.lease && a.end > o.now);
  return { ...r, ...still ? { next: { lease: o.lease, expiresAt: still.end } } : {} };
}
function runTimerEarly(o) {
  return withGitSession(() => runTimerEarlyInSession(o));
}
async function runTimerEarlyInSession(o) {
  const resource = resourceOf(o.lease);
  const policy = (await runPolicy(o, await readNotes(o.repoDir))).inForce.policy;
  const facts = {
    now: o.now,
    revocation: policy.resources.get(resource)?.revocation,
    eventName: o.eventName,
    workflowRef: o.workflowRef,
    expectedWorkflowRef: timerWorkflowRef(o.owner, o.repo, o.timerWorkflow, o.defaultBranch)
  };
  const allowed = earlyRevokeVerdict(facts);
  if (!allowed.allowed) throw new UsageError(allowed.code, `${o.lease} was not revoked early: ${allowed.message}`);
  const scope = /* @__PURE__ */ new Set([resource]);
  const look = await runApply({ ...o, onlyResources: scope, dryRun: true });
  if (look.over.some((l) => l.path === o.lease)) return { status: "expired", result: await runExpire({ ...o, onlyResources: scope }) };
  const active = look.active.find((a) => a.path === o.lease);
  if (!active) return { status: "gone" };
  const verdict = earlyRevokeVerdict({ ...facts, end: active.end, ...o.expiresAt !== void 0 ? { expiresAt: o.expiresAt } : {} });
  if (!verdict.allowed) return { status: "not-due", end: active.end, message: `${o.lease} was not revoked early: ${verdict.message}` };
  const rerunOf = o.actor && o.rerunOf && o.rerunOf.toLowerCase() !== o.actor.toLowerCase() ? o.rerunOf : void 0;
  const who = o.actor ? rerunOf ? `re-run by @${o.actor} of a run started by @${rerunOf}` : `started by @${o.actor}` : void 0;
  const why = [o.runUrl, who].filter(Boolean).join(", ");
  const result = await runExpire({ ...o, onlyResources: scope, endNow: /* @__PURE__ */ new Set([o.lease]), earlyReason: `timer cancelled: revoked early${why ? ` (${why})` : ""}` });
  return { status: "revoked", result };
}

// src/action/run-timer.ts
async function runTimerAction(ctx, gh, opts, inputs, deps = REAL_TIMER_DEPS) {
  const t = parseTimerInputs(inputs.lease, inputs.expiresAt);
  switch (inputs.phase.trim()) {
    case "wait":
      return (await waitForExpiry(ctx, gh, t, deps)).ok;
    case "revoke":
      return revokeAtExpiry(ctx, gh, opts, t, deps);
    case "early":
      return revokeEarly(ctx, gh, opts, t, inputs, deps);
    case "": {
      const w = await waitForExpiry(ctx, gh, t, deps);
      return w.due ? revokeAtExpiry(ctx, gh, opts, t, deps) : w.ok;
    }
    default:
      throw new UsageError("timer-bad-phase", `Input 'timer-phase' must be wait, revoke, early or empty; got '${inputs.phase}'.`);
  }
}
async function leaseExists(ctx, gh, lease) {
  try {
    await gh.rest.repos.getContent({ owner: ctx.owner, repo: ctx.repo, path: lease, ref: ctx.defaultBranch ?? "main" });
    return true;
  } catch (e) {
    if (e.status === 404) return false;
    info(`Could not check that ${lease} still exists (${e.message}); waiting on.`);
    return true;
  }
}
async function waitForExpiry(ctx, gh, t, deps) {
  const start = deps.clock();
  const leg = timerLeg(start, t.expiresAt);
  const until = start + leg.waitMs;
  info(
    `${t.lease} expires at ${formatTimestamp(t.expiresAt)}; waiting ${Math.ceil(leg.waitMs / 6e4)} minute(s)` + (leg.due ? "." : `, then starting the next timer (one job waits at most ${MAX_TIMER_WAIT_MS / 6e4} minutes).`)
  );
  setOutput("due", "false");
  for (let now = start; now < until; now = deps.clock()) {
    if (!await leaseExists(ctx, gh, t.lease)) {
      info(`${t.lease} is no longer on ${ctx.defaultBranch ?? "main"} (released, or removed by the sweep): nothing left to wait for.`);
      return { due: false, ok: true };
    }
    await deps.sleep(Math.min(TIMER_POLL_MS, until - now));
  }
  if (leg.due) {
    setOutput("due", "true");
    return { due: true, ok: true };
  }
  const next = await startTimers(gh, { owner: ctx.owner, repo: ctx.repo, ref: ctx.defaultBranch ?? "main", workflow: timerWorkflow() }, [t], (m) => warning(m));
  if (next.started.length === 0) {
    setFailed(`The next timer for ${t.lease} could not be started; the sweep revokes it after ${formatTimestamp(t.expiresAt)}.`);
    return { due: false, ok: false };
  }
  info(`Started the next timer for ${t.lease}.`);
  return { due: false, ok: true };
}
async function revokeAtExpiry(ctx, gh, opts, t, deps) {
  const now = deps.clock();
  if (now < t.expiresAt) {
    throw new UsageError("timer-not-due", `${t.lease} expires at ${formatTimestamp(t.expiresAt)}, not yet: run the wait phase first (timer-phase: wait).`);
  }
  const at = { ...ctx, now };
  const r = await expireAndReport(at, gh, opts, (o) => runTimer({ ...o, lease: t.lease }));
  if (!r) return true;
  if (r.next) info(`${t.lease} was extended to ${formatTimestamp(r.next.expiresAt)}: starting a timer for its new end.`);
  else if (!r.removed.some((x) => x.path === t.lease)) info(`${t.lease} was not removed by this run (already gone, or kept: see the summary).`);
  if (!opts.dryRun) await startTimersAfter(at, gh, [r.apply, r.recheck], r.next ? [r.next] : []);
  return r.ok;
}
async function revokeEarly(ctx, gh, opts, t, inputs, deps) {
  const at = { ...ctx, now: deps.clock() };
  const r = await expireAndReport(at, gh, opts, async (o) => {
    const e = await runTimerEarly({
      ...o,
      lease: t.lease,
      expiresAt: t.expiresAt,
      eventName: ctx.eventName,
      workflowRef: inputs.workflowRef,
      timerWorkflow: timerWorkflow(),
      ...ctx.actor ? { actor: ctx.actor.login, ...ctx.actor.rerun ? { rerunOf: ctx.actor.startedBy } : {} } : {},
      ...ctx.runUrl ? { runUrl: ctx.runUrl } : {}
    });
    if (e.status === "gone") info(`${t.lease} is not active on ${o.defaultBranch}: nothing to revoke.`);
    if (e.status === "not-due") warning(e.message, { title: "jit-access timer" });
    return e.status === "revoked" || e.status === "expired" ? e.result : void 0;
  });
  if (r && !opts.dryRun) await startTimersAfter(at, gh, [r.apply, r.recheck]);
  return r?.ok ?? true;
}
export {
  REAL_TIMER_DEPS,
  runTimerAction
};
