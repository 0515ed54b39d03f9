#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  jitTrailers
} from "./chunk-PN7OP2D7.js";
import {
  runApply
} from "./chunk-N7RKZNO6.js";
import {
  breakGlassLabel
} from "./chunk-ZTPG3Q24.js";
import {
  pushNotesWithRetry,
  updateNotes
} from "./chunk-CEP24WVA.js";
import {
  noteSigner
} from "./chunk-GIIEBIZ6.js";
import {
  formatTimestamp
} from "./chunk-DHPVELKE.js";
import {
  git,
  gitText,
  withGitSession
} from "./chunk-RMU5QMAM.js";

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
    const error = o.push ? await pushNotesWithRetry(o.repoDir, o.push.remote, signer) : void 0;
    if (error) {
      result.kept.push(...recorded.map((e) => ({ path: breakGlassLabel(e.record), why: `could not mark it ended in refs/notes/jit: ${error}` })));
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

export {
  expiryCommitMessage,
  runExpire
};
