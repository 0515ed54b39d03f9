import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  describeActor
} from "./chunk-B37RN77P.js";
import {
  formatPlanMarkdown,
  notifyResults,
  runApply,
  scopedRun,
  sendReminders,
  settleExpire,
  startTimersAfter
} from "./chunk-HXWJ65SJ.js";
import {
  runPolicy
} from "./chunk-7UZHY6AZ.js";
import {
  jitTrailers
} from "./chunk-GJ7GWMVR.js";
import {
  breakGlassLabel,
  createProviderRegistry,
  providerRun
} from "./chunk-OW7EIWIX.js";
import {
  UsageError
} from "./chunk-HUC6523L.js";
import {
  error,
  getInput,
  info,
  setOutput,
  summary,
  warning
} from "./chunk-AZDOHWTX.js";
import {
  checkLeasePath,
  fetchNotes,
  loadLease,
  noteSigner,
  pushNotesWithRetry,
  readLeaseFiles,
  readNotes,
  readRepoFile,
  resolveFacts,
  updateNotes
} from "./chunk-VTJMK7UI.js";
import {
  git,
  gitText,
  isAmong,
  teamsIn,
  withGitSession
} from "./chunk-WCB7NMLF.js";
import {
  formatTimestamp
} from "./chunk-P5GKRAZF.js";

// src/commands/expire.ts
function expiryCommitMessage(removed) {
  const early = removed.every((r) => r.why !== "expired");
  const lines = [`jit-access: ${early ? "revoke" : "expire"} ${removed.length} lease${removed.length === 1 ? "" : "s"}`, ""];
  for (const r of removed) lines.push(`- ${r.path}: ${r.grantee} as ${r.role} on ${r.resource}, ${formatTimestamp(r.grantedAt)} \u2013 ${formatTimestamp(r.expiredAt)}${r.breakGlass ? ` (break-glass #${r.breakGlass.pullRequest}: ${r.why})` : ""}`);
  lines.push("");
  for (const r of removed) {
    lines.push(
      `Jit-Lease: ${r.path}`,
      `Jit-Resource: ${r.resource}`,
      `Jit-Grantee: ${r.grantee}`,
      `Jit-Role: ${r.role}`,
      `Jit-Granted-At: ${r.verified ? formatTimestamp(r.grantedAt) : "never (not verified)"}`,
      `Jit-Expired-At: ${formatTimestamp(r.expiredAt)}`,
      `Jit-Revoked-At: ${formatTimestamp(r.revokedAt)}`,
      `Jit-Reason: ${r.why}`,
      ...r.breakGlass ? [`Jit-Break-Glass: #${r.breakGlass.pullRequest}`] : []
    );
  }
  return lines.join("\n") + "\n";
}
function runExpire(o) {
  return withGitSession(() => runExpireInSession(o));
}
async function runExpireInSession(o) {
  const apply = await runApply(o);
  const removed = [];
  const kept = [];
  const listFailed = new Set(apply.plan.errors.map((e) => e.resource));
  const refused = new Set(apply.plan.refused.map((r) => r.resource));
  for (const l of apply.over) {
    const revoke = apply.results.find((r) => r.action.kind === "revoke" && r.action.resource === l.resource && r.action.grantee.toLowerCase() === l.grantee.toLowerCase());
    if (listFailed.has(l.resource)) kept.push({ path: l.path, why: `${l.resource} could not be listed; its grant may still be live` });
    else if (revoke && revoke.outcome.status === "failed") kept.push({ path: l.path, why: `revoke failed: ${revoke.outcome.message}` });
    else if (refused.has(l.resource) && !revoke) kept.push({ path: l.path, why: `${l.resource}: revocations were refused by a guard` });
    else removed.push({ path: l.path, resource: l.resource, grantee: l.grantee, role: l.role, grantedAt: l.start, expiredAt: l.end, revokedAt: o.now, why: o.endNow?.has(l.path) ? o.earlyReason ?? "early revoke" : "expired", verified: l.verified });
  }
  const flagged = [];
  for (const e of apply.breakGlass.endings) {
    const r = e.record;
    const revoke = apply.results.find((x) => x.action.kind === "revoke" && x.action.resource === r.resource && x.action.grantee.toLowerCase() === r.grantee.toLowerCase());
    apply.findings.push({ lease: r.lease, commit: e.noteOn, message: e.message });
    apply.ok = false;
    if (listFailed.has(r.resource)) kept.push({ path: breakGlassLabel(r), why: `${r.resource} could not be listed; its grant may still be live` });
    else if (revoke && revoke.outcome.status === "failed") kept.push({ path: breakGlassLabel(r), why: `revoke failed: ${revoke.outcome.message}` });
    else if (refused.has(r.resource) && !revoke) kept.push({ path: breakGlassLabel(r), why: `${r.resource}: revocations were refused by a guard` });
    else {
      flagged.push(e);
      removed.push({ path: r.lease, resource: r.resource, grantee: r.grantee, role: r.role, grantedAt: Date.parse(r.grantedAt), expiredAt: e.endedAt, revokedAt: o.now, why: e.why, verified: true, breakGlass: { pullRequest: r.pullRequest } });
    }
  }
  const result = { apply, removed, kept, pushed: false, ok: apply.ok && kept.length === 0 };
  if (o.dryRun || removed.length === 0) return result;
  const files = removed.filter((r) => !r.breakGlass).map((r) => r.path);
  if (files.length > 0) await git(o.repoDir, ["rm", "-q", "--", ...files]);
  const ident = ["-c", "user.name=jit-access[bot]", "-c", "user.email=jit-access[bot]@users.noreply.github.com"];
  const when = formatTimestamp(o.now);
  const dates = { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when };
  await git(o.repoDir, [...ident, "commit", "-q", "--allow-empty", "-F", "-"], expiryCommitMessage(removed), dates);
  result.commit = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
  if (o.push) {
    const attempts = o.push.attempts ?? 5;
    for (let i = 0; i < attempts && !result.pushed; i++) {
      try {
        await git(o.repoDir, ["push", "-q", o.push.remote, `HEAD:refs/heads/${o.push.branch}`]);
        result.pushed = true;
        delete result.pushError;
      } catch (e) {
        result.pushError = e.message;
        if (!await catchUp(o, o.push, result, ident, dates)) break;
      }
    }
    if (!result.pushed) result.ok = false;
  }
  const recorded = flagged.filter((e) => result.removed.some((r) => r.breakGlass?.pullRequest === e.record.pullRequest && r.path === e.record.lease));
  if (result.commit && (!o.push || result.pushed) && recorded.length > 0) {
    const signer = noteSigner(o.owner, o.repo, o.evidenceKey);
    result.breakGlassEnded = await markEnded(o.repoDir, recorded, signer);
    const error2 = o.push ? await pushNotesWithRetry(o.repoDir, o.push.remote, signer) : void 0;
    if (error2) {
      result.kept.push(...recorded.map((e) => ({ path: breakGlassLabel(e.record), why: `could not mark it ended in refs/notes/jit: ${error2}` })));
      result.ok = false;
    }
  }
  return result;
}
async function markEnded(repoDir, endings, signer) {
  const marked = /* @__PURE__ */ new Map();
  const updates = [];
  for (const object of new Set(endings.map((e) => e.noteOn))) {
    updates.push({
      object,
      change: (note) => {
        let n = 0;
        const changed = {
          ...note,
          breakGlass: (note.breakGlass ?? []).map((r) => {
            const e = endings.find((x) => x.noteOn === object && x.record.pullRequest === r.pullRequest && x.record.lease === r.lease && x.record.blob === r.blob && x.record.grantedAt === r.grantedAt);
            if (!e || r.ended) return r;
            n++;
            return { ...r, ended: { at: new Date(e.endedAt).toISOString(), why: e.why } };
          })
        };
        marked.set(object, n);
        return changed;
      }
    });
  }
  await updateNotes(repoDir, signer, updates);
  return [...marked.values()].reduce((a, b) => a + b, 0);
}
async function catchUp(o, push, result, ident, dates) {
  try {
    await git(o.repoDir, ["fetch", "-q", push.remote, push.branch]);
  } catch (e) {
    result.pushError = e.message;
    return false;
  }
  const upstream = (await gitText(o.repoDir, ["rev-parse", "FETCH_HEAD"])).trim();
  const base = (await gitText(o.repoDir, ["rev-parse", "HEAD^"])).trim();
  const still = new Set((await gitText(o.repoDir, ["ls-tree", "-r", "--name-only", "-z", upstream, "--", ...result.removed.map((r) => r.path)])).split("\0").filter(Boolean));
  const newer = await gitText(o.repoDir, ["log", "--format=%(trailers:only,unfold)", `${base}..${upstream}`]);
  const recorded = new Set(jitTrailers(newer).flatMap((g) => g["break-glass"] ? [`${g.lease}\0${g["break-glass"]}`] : []));
  const before = result.removed.length;
  result.removed = result.removed.filter((r) => r.breakGlass !== void 0 ? !recorded.has(`${r.path}\0#${r.breakGlass.pullRequest}`) : still.has(r.path));
  try {
    if (result.removed.length === 0) await git(o.repoDir, ["reset", "-q", "--keep", upstream]);
    else await git(o.repoDir, [...ident, "rebase", "-q", ...result.removed.some((r) => r.breakGlass !== void 0) ? ["--empty=keep"] : [], upstream], void 0, dates);
  } catch (e) {
    await git(o.repoDir, ["rebase", "--abort"]).catch(() => void 0);
    result.pushError = `the revocation commit does not rebase onto ${push.remote}/${push.branch}: ${e.message}`;
    return false;
  }
  const head = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
  if (head === upstream) {
    delete result.commit;
    delete result.pushError;
    result.pushed = true;
  } else {
    if (result.removed.length < before) await git(o.repoDir, [...ident, "commit", "-q", "--amend", "--allow-empty", "-F", "-"], expiryCommitMessage(result.removed), dates);
    result.commit = (await gitText(o.repoDir, ["rev-parse", "HEAD"])).trim();
  }
  const changed = (await gitText(o.repoDir, ["diff", "--name-only", "--no-renames", "--diff-filter=AM", base, upstream, "--", "leases", o.policyPath])).trim();
  if (changed) {
    result.recheck = await runApply({ ...o, ref: "HEAD" });
    if (!result.recheck.ok) result.ok = false;
  }
  return true;
}

// src/commands/revoke.ts
function oneLine(text) {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
}
function runRevoke(o) {
  return withGitSession(() => runRevokeInSession(o));
}
async function runRevokeInSession(o) {
  if (o.leases.length === 0) throw new UsageError("revoke-nothing", "Name the lease file(s) to revoke (e.g. leases/prod-db/alice.yaml), a resource folder (leases/prod-db/) or a grantee (@alice).");
  const policy = (await runPolicy(o, await readNotes(o.repoDir))).inForce.policy;
  const facts = await resolveFacts(o.gh, { teams: teamsIn(policy.admins, policy.groups), orgMembers: [] });
  const isAdmin = isAmong(o.actor, policy.admins, policy.groups, facts) === true;
  const chosen = await selectLeases(o.repoDir, o.ref, o.leases);
  const rerunOf = o.rerunOf && o.rerunOf.toLowerCase() !== o.actor.toLowerCase() ? o.rerunOf : void 0;
  for (const [path, lease] of chosen) {
    if (isAdmin || lease.grantee.toLowerCase() === o.actor.toLowerCase()) continue;
    const who = `only its grantee (${lease.grantee}) or the policy admins (${policy.admins.join(", ")}) may`;
    if (rerunOf) {
      throw new UsageError(
        "revoke-rerun-not-allowed",
        `${o.actor} re-ran a revoke started by ${rerunOf}; a re-run is judged as the one who re-runs it, and ${o.actor} may not revoke ${path}: ${who}. Nothing was revoked.`
      );
    }
    throw new UsageError("revoke-not-allowed", `${o.actor} may not revoke ${path}: ${who}.`);
  }
  const reason = o.reason ? oneLine(o.reason) : "";
  const by = `@${o.actor}${rerunOf ? ` (re-run of @${rerunOf}'s run)` : ""}`;
  return runExpire({ ...o, endNow: new Set(chosen.keys()), earlyReason: `early revoke by ${by}${reason ? `: ${reason}` : ""}` });
}
async function selectLeases(repoDir, ref, selectors) {
  let all;
  const onRef = async () => {
    if (!all) {
      all = /* @__PURE__ */ new Map();
      for (const f of await readLeaseFiles(repoDir, ref)) {
        const lease = f.mode === "file" && checkLeasePath(f.path).kind === "lease" ? loadLease(f.path, f.bytes).lease : void 0;
        if (lease) all.set(f.path, lease);
      }
    }
    return all;
  };
  const chosen = /* @__PURE__ */ new Map();
  for (const raw of selectors) {
    const sel = raw.trim();
    let found;
    if (sel.startsWith("@")) {
      const login = sel.slice(1).toLowerCase();
      found = [...await onRef()].filter(([, l]) => l.grantee.toLowerCase() === login);
    } else if (checkLeasePath(sel).kind === "lease") {
      const file = await readRepoFile(repoDir, ref, sel);
      const lease = file ? loadLease(sel, file.bytes).lease : void 0;
      if (!lease) throw new UsageError("revoke-unknown-lease", `${sel} is not a lease on ${ref}.`);
      found = [[sel, lease]];
    } else {
      const folder = `${sel.replace(/\/+$/, "")}/`;
      if (!/^leases\/[^/]+\/$/.test(folder)) throw new UsageError("revoke-bad-selector", `'${raw}' is neither a lease file (leases/<resource>/<name>.yaml), a resource folder (leases/<resource>/) nor a grantee (@login).`);
      found = [...await onRef()].filter(([path]) => path.startsWith(folder));
    }
    if (found.length === 0) throw new UsageError("revoke-unknown-lease", `${raw} names no lease on ${ref}.`);
    for (const [path, lease] of found) chosen.set(path, lease);
  }
  return chosen;
}

// src/action/run-expire.ts
async function runRevokeAction(ctx, gh, opts, leases, reason) {
  const actor = ctx.actor;
  if (!actor) throw new Error("Neither GITHUB_TRIGGERING_ACTOR nor GITHUB_ACTOR is set: who is revoking?");
  try {
    return await runExpireAction(ctx, gh, opts, { leases, actor: actor.login, ...actor.rerun ? { rerunOf: actor.startedBy } : {}, ...reason ? { reason } : {} });
  } catch (e) {
    if (!(e instanceof UsageError) || !e.code.startsWith("revoke-")) throw e;
    error(e.message, { title: e.code });
    await summary.addRaw(`### jit-access revoke

Nothing was revoked: \`${e.code}\`: ${e.message}

Asked by ${describeActor(actor)}.
`).write();
    setOutput("ok", "false");
    setOutput("revoked", "0");
    return false;
  }
}
async function runExpireAction(ctx, gh, opts, revoke) {
  const sweep = async (o) => (await scopedRun(o, { kind: "sweep", remote: { name: "origin", ...ctx.token ? { token: ctx.token } : {} }, log: (l) => info(l) }, (x) => runExpire(x), settleExpire(o.repoDir, true))).result;
  const run = revoke ? (o) => runRevoke({ ...o, ...revoke }) : sweep;
  const r = await expireAndReport(ctx, gh, opts, run);
  if (r && !opts.dryRun) await startTimersAfter(ctx, gh, [r.apply, r.recheck]);
  return r?.ok ?? true;
}
async function expireAndReport(ctx, gh, opts, run) {
  if (!await fetchNotes(ctx.workspace, "origin", ctx.token)) info("No evidence notes yet (refs/notes/jit).");
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
    ...opts.evidenceKey ? { evidenceKey: opts.evidenceKey } : {},
    ...opts.botLogin ? { botLogin: opts.botLogin } : {},
    providerFor: (id, policy) => registry(policy.resources.get(id)),
    guards: { maxRevocations: 25, maxRevocationFraction: 0.5, force: opts.force },
    dryRun: opts.dryRun,
    push: { remote: "origin", branch }
  }).finally(() => registry.close());
  if (!r) {
    setOutput("ok", "true");
    return void 0;
  }
  const lines = [formatPlanMarkdown(r.apply.plan, r.apply.results, r.apply.findings), "### Expired", ""];
  if (r.removed.length === 0) lines.push("No lease's time was up.");
  for (const x of r.removed) lines.push(`- \`${x.path}\`: ${x.grantee} as ${x.role} on ${x.resource}, ended ${formatTimestamp(x.expiredAt)}`);
  for (const k of r.kept) lines.push(`- \u26A0\uFE0F kept \`${k.path}\`: ${k.why}`);
  if (r.commit) lines.push("", `Revocation commit \`${r.commit.slice(0, 7)}\`${r.pushed ? " pushed" : ` **not pushed**${r.pushError ? `: ${r.pushError}` : ""}`}.`);
  if (r.recheck) lines.push("", "Main moved during the run: reconciled again before the push.", "", formatPlanMarkdown(r.recheck.plan, r.recheck.results, r.recheck.findings));
  await summary.addRaw(lines.join("\n") + "\n").write();
  for (const k of r.kept.slice(0, 10)) error(`${k.path} kept: ${k.why}`, { title: "jit-access expire" });
  if (!opts.dryRun && (r.apply.verified.length || r.recheck?.verified.length || r.apply.drift.length || r.recheck?.drift.length || r.apply.policyVerified.length || r.recheck?.policyVerified.length)) {
    const failed = await pushNotesWithRetry(ctx.workspace, "origin", noteSigner(ctx.owner, ctx.repo, opts.evidenceKey));
    if (failed) warning(`Could not push evidence notes: ${failed}`);
  }
  if (!opts.dryRun) await sendReminders(ctx, gh, r.apply);
  if (!opts.dryRun) await notifyResults(ctx, r.apply, getInput("webhook-url") || void 0);
  if (!opts.dryRun && r.recheck) await notifyResults(ctx, r.recheck, getInput("webhook-url") || void 0);
  setOutput("expired", String(r.removed.length));
  setOutput("kept", String(r.kept.length));
  setOutput("revoked", String(r.apply.results.filter((x) => x.action.kind === "revoke" && x.outcome.status !== "failed").length));
  setOutput("commit", r.commit ?? "");
  setOutput("ok", String(r.ok));
  return r;
}

export {
  runExpire,
  runRevokeAction,
  runExpireAction,
  expireAndReport
};
