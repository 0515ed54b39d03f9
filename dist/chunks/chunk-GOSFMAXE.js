#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  daysOverdue,
  dueReviews
} from "./chunk-WG72HT7V.js";
import {
  heldUntil
} from "./chunk-Y6VO2UKB.js";
import {
  jitTrailers,
  readHistory
} from "./chunk-PN7OP2D7.js";
import {
  PolicyChain,
  errorMessage,
  isBreakGlassRecord,
  listResources,
  verifyPolicyChange
} from "./chunk-ZTPG3Q24.js";
import {
  UsageError
} from "./chunk-NKCDSYY7.js";
import {
  NOTES_REF,
  listNotes,
  readNotes
} from "./chunk-CEP24WVA.js";
import {
  NOTE_UNREADABLE,
  isDriftHolder,
  isDriftRevocation,
  noteSigner,
  noteTrust,
  readEvidenceNote,
  unreadableNoteMessage
} from "./chunk-GIIEBIZ6.js";
import {
  isGitRepo,
  leaseWindow,
  loadLease
} from "./chunk-BW7AH64Z.js";
import {
  LEASES_DIR,
  checkLeasePath
} from "./chunk-LHBPTLRF.js";
import {
  MINUTE_MS,
  formatDuration,
  loadPolicy
} from "./chunk-WINV2HKP.js";
import {
  formatTimestamp,
  parseTimestamp
} from "./chunk-DHPVELKE.js";
import {
  git,
  gitStream,
  gitText,
  openBlobReader,
  readBlobs,
  withGitSession
} from "./chunk-RMU5QMAM.js";

// src/git/first-parent-chain.ts
async function firstParentChain(repo, tip, enough) {
  const chain = [];
  let pending = "";
  let done = false;
  const take = (line) => {
    if (done || !line) return;
    const sp = line.indexOf(" ");
    const c = { sha: line.slice(sp + 1), time: Number(line.slice(0, sp)) * 1e3 };
    if (sp < 0 || !/^[0-9a-f]{40,64}$/.test(c.sha) || !Number.isFinite(c.time)) throw new Error(`git rev-list printed a line jit-access cannot read (${JSON.stringify(line.slice(0, 60))})`);
    chain.push(c);
    done = enough(c);
  };
  await gitStream(repo, ["rev-list", "--first-parent", "--timestamp", tip], (chunk) => {
    pending += chunk.toString("latin1");
    const last = pending.lastIndexOf("\n");
    if (last < 0) return;
    for (const line of pending.slice(0, last).split("\n")) take(line);
    pending = pending.slice(last + 1);
    return done ? "stop" : void 0;
  });
  take(pending);
  return chain;
}

// src/audit/query.ts
function heldAt(l, t, now) {
  if (l.status === "not-granted" || l.status === "cancelled") return false;
  return l.start <= t && t < heldUntil(l, now);
}
function queryAudit(report, q) {
  const now = report.generatedAt;
  const leases = report.leases.filter((l) => {
    if (q.resource !== void 0 && l.resource !== q.resource) return false;
    if (q.grantee !== void 0 && l.grantee.toLowerCase() !== q.grantee.toLowerCase()) return false;
    if (q.at !== void 0 && !heldAt(l, q.at, now)) return false;
    const from = l.start;
    const to = l.status === "not-granted" || l.status === "cancelled" ? l.revokedAt ?? l.start : heldUntil(l, now);
    if (q.since !== void 0 && to < q.since) return false;
    if (q.until !== void 0 && from >= q.until) return false;
    return true;
  });
  const paths = new Set(leases.map((l) => l.path));
  const findings = report.findings.filter((f) => {
    if (f.lease !== void 0 && paths.has(f.lease)) return true;
    const resource = f.resource ?? f.lease?.split("/")[1];
    if (q.resource !== void 0 && resource !== void 0 && resource !== q.resource) return false;
    if (q.grantee !== void 0 && f.lease !== void 0) return false;
    return true;
  });
  return { ...report, leases, findings };
}

// src/audit/rebuild.ts
var PR_TITLE = /\(#(\d+)\)\s*$/;
function pullRequestHint(c) {
  const nl = c.message.indexOf("\n");
  const subject = nl < 0 ? c.message : c.message.slice(0, nl);
  const m = PR_TITLE.exec(subject) ?? /^Merge pull request #(\d+)/.exec(subject);
  if (m) return Number(m[1]);
  return c.parents.length > 1 ? "merge" : void 0;
}
function evidenceOf(input, c, path, blob) {
  const api = input.api?.get(`${c.sha}\0${path}\0${blob}`);
  if (api) return { ev: api, source: "api" };
  const outer = input.notes.get(c.sha);
  for (const n of [outer, outer?.legacy]) {
    const ev = n?.note.leases.find((e) => e.lease === path && e.blob === blob);
    if (n && ev) return { ev, source: sourceOf(n.trust), from: n };
  }
  return { source: "none" };
}
var sourceOf = (trust) => trust === "signed" ? "signed-note" : trust === "legacy" ? "legacy-note" : "unsigned-note";
function distrust(n) {
  return n.trust === "other-repository" ? `is signed for another repository (${n.repository ?? "unknown"}): it was copied from there` : "is not signed with the evidence key: it was written by someone else, or with another key";
}
function policiesNeeded(input) {
  const needed = /* @__PURE__ */ new Set();
  let policyBlob;
  for (const c of input.commits) {
    for (const ch of c.changes) {
      if (ch.path === input.policyPath) continue;
      if (policyBlob === void 0 || ch.status === "D" || needed.has(policyBlob) || checkLeasePath(ch.path).kind !== "lease") continue;
      if (!proven(evidenceOf(input, c, ch.path, ch.blob).source)) needed.add(policyBlob);
    }
    const policyChange = c.changes.find((ch) => ch.path === input.policyPath);
    if (policyChange) policyBlob = policyChange.status === "D" ? void 0 : policyChange.blob;
  }
  return needed;
}
function rebuildAudit(input) {
  const bots = (input.botNames ?? ["jit-access[bot]"]).map((b) => b.toLowerCase());
  const isBot = (c) => bots.includes(c.committerName.toLowerCase()) || bots.includes(c.authorName.toLowerCase());
  const findings = [];
  const leases = [];
  const live = /* @__PURE__ */ new Map();
  let policyBlob;
  const evidenceFor = (c, path, blob) => evidenceOf(input, c, path, blob);
  let legacyChanges = 0;
  const untrusted = (c, path, from) => {
    if (input.keyGiven) findings.push({ code: "evidence-untrusted", lease: path, commit: c.sha, message: `The evidence note on ${short(c.sha)} for ${path} ${distrust(from ?? { trust: "untrusted" })}. Its claims are shown but not trusted.` });
  };
  const judgeSource = (c, path, source, from) => {
    if (source === "unsigned-note") untrusted(c, path, from);
    else if (source === "legacy-note") legacyChanges++;
  };
  const notes = [];
  const invalidPolicies = /* @__PURE__ */ new Set();
  for (const c of input.commits) {
    const inForce = policyBlob;
    const policyNow = () => {
      if (!inForce) return void 0;
      const p = input.policyOf(inForce);
      if (!p && !invalidPolicies.has(inForce)) {
        invalidPolicies.add(inForce);
        notes.push(`${input.policyPath} in force before ${short(c.sha)} is not a valid policy: leases added while it was in force were not checked against it.`);
      }
      return p;
    };
    let trailers;
    const hint = pullRequestHint(c);
    for (const ch of c.changes) {
      if (ch.path === input.policyPath) continue;
      if (checkLeasePath(ch.path).kind !== "lease") continue;
      if (ch.status === "A") {
        const lease = input.leaseOf(ch.path, ch.blob);
        if (!lease) {
          findings.push({ code: "unapproved-lease", lease: ch.path, commit: c.sha, message: `${ch.path} was added on ${input.ref} in ${short(c.sha)} but does not parse as a lease; nothing could have been granted for it.` });
          continue;
        }
        const { ev, source, from } = evidenceFor(c, ch.path, ch.blob);
        judgeSource(c, ch.path, source, from);
        const w = leaseWindow(lease, c.time);
        const rec = {
          path: ch.path,
          resource: lease.resource,
          grantee: lease.grantee,
          role: lease.role,
          reason: lease.reason,
          ticket: lease.ticket || void 0,
          breakGlass: lease.breakGlass === true,
          pullRequest: ev?.pullRequest ? ev.pullRequest.number : typeof hint === "number" ? hint : void 0,
          requestedBy: ev?.pullRequest ? ev.pullRequest.requester ?? ev.pullRequest.author : void 0,
          approvers: ev ? ev.approvals.map((a) => a.reviewer) : [],
          ...ev?.autoApproved && ev.verdict === "approved" ? { autoApprovedBy: ev.autoApproved.rule } : {},
          evidence: source,
          start: w.start,
          end: w.end,
          status: "active",
          extensions: 0,
          addedIn: c.sha,
          events: []
        };
        const prText = rec.pullRequest !== void 0 ? `PR #${rec.pullRequest}` : "no pull request on record";
        rec.events.push({ kind: "requested", commit: c.sha, by: rec.requestedBy || void 0, detail: `${prText}: ${lease.grantee} as ${lease.role} on ${lease.resource}${lease.duration ? ` for ${lease.duration}` : ""}${lease.expires ? ` until ${lease.expires}` : ""}; reason: ${lease.reason}${lease.ticket ? `; ticket ${lease.ticket}` : ""}` });
        for (const a of ev?.approvals ?? []) {
          rec.events.push({ kind: "approved", at: parseTimestamp(a.submittedAt), commit: a.commit, by: a.reviewer, detail: "approved the pull request's head commit" });
        }
        if (rec.autoApprovedBy !== void 0 && ev?.autoApproved) {
          rec.events.push({ kind: "approved", at: parseTimestamp(ev.autoApproved.at), commit: c.sha, detail: `auto-approved by rule ${ev.autoApproved.rule} of ${ev.autoApproved.resource} (policy at ${short(ev.policyCommit)}), no human review` });
        }
        if (w.end <= w.start && ev?.verdict !== "rejected") {
          rec.end = rec.start;
          rec.status = "not-granted";
          rec.why = "ended before it started";
          rec.events.push({ kind: "not-granted", at: c.time, commit: c.sha, detail: `its end (${formatTimestamp(w.end)}) had passed when it reached ${input.ref} at ${formatTimestamp(w.start)}: nothing to grant` });
        } else if (ev?.verdict === "rejected") {
          rec.status = "not-granted";
          rec.why = "failed approval check";
          rec.events.push({ kind: "not-granted", at: c.time, commit: c.sha, detail: ev.findings.join("; ") || "verification failed" });
          findings.push({ code: "unapproved-lease", lease: ch.path, commit: c.sha, message: `${ch.path} reached ${input.ref} in ${short(c.sha)} without a valid pull request or approval: ${ev.findings.join("; ") || "verification failed"}` });
        } else {
          if (!ev && hint === void 0) {
            findings.push({ code: "changed-outside-jit", lease: ch.path, commit: c.sha, message: `${ch.path} was added on ${input.ref} in ${short(c.sha)} by ${c.authorName} <${c.authorEmail}> with no pull request on record and no evidence of approval.` });
          }
          const grant = (from?.note.grants ?? input.notes.get(c.sha)?.note.grants)?.find((g) => g.lease === ch.path);
          const status = grant && grant.status !== "granted" && grant.status !== "unchanged" && grant.status !== "invited" ? ` (target answered: ${grant.status})` : grant?.status === "invited" ? " (invitation sent)" : "";
          rec.events.push({ kind: "granted", at: w.start, commit: c.sha, detail: `${lease.role} on ${lease.resource} until ${formatTimestamp(w.end)}${w.start > c.time ? " (scheduled start)" : ""}${status}${ev ? "" : " \u2014 approvals not on record"}` });
          if (!proven(source)) checkLength(findings, policyNow(), lease, rec, c);
        }
        leases.push(rec);
        live.set(ch.path, { rec, lease });
      } else if (ch.status === "M") {
        const life = live.get(ch.path);
        if (!life) continue;
        const rec = life.rec;
        const lease = input.leaseOf(ch.path, ch.blob);
        const { ev, source, from } = evidenceFor(c, ch.path, ch.blob);
        judgeSource(c, ch.path, source, from);
        if (rec.status === "not-granted") continue;
        if (!lease || ev?.verdict === "rejected") {
          rec.events.push({ kind: "extension-refused", at: c.time, commit: c.sha, detail: ev ? ev.findings.join("; ") || "verification failed" : "the new content does not parse as a lease" });
          findings.push({ code: "unapproved-lease", lease: ch.path, commit: c.sha, message: `${ch.path} was changed on ${input.ref} in ${short(c.sha)} without a valid pull request or approval${ev ? `: ${ev.findings.join("; ")}` : ""}; the earlier expiry stayed in force.` });
          continue;
        }
        if (!ev && hint === void 0) {
          findings.push({ code: "changed-outside-jit", lease: ch.path, commit: c.sha, message: `${ch.path} was changed on ${input.ref} in ${short(c.sha)} by ${c.authorName} <${c.authorEmail}> with no pull request on record and no evidence of approval.` });
        }
        const before = rec.end;
        rec.end = leaseWindow(lease, rec.start).end;
        rec.extensions += 1;
        life.lease = lease;
        for (const a of ev?.approvals ?? []) {
          if (!rec.approvers.includes(a.reviewer)) rec.approvers.push(a.reviewer);
          rec.events.push({ kind: "approved", at: parseTimestamp(a.submittedAt), commit: a.commit, by: a.reviewer, detail: "approved the extension's head commit" });
        }
        const prNo = ev?.pullRequest?.number ?? (typeof hint === "number" ? hint : void 0);
        rec.events.push({ kind: "extended", at: c.time, commit: c.sha, ...ev?.pullRequest ? { by: ev.pullRequest.author } : {}, detail: `end moved from ${formatTimestamp(before)} to ${formatTimestamp(rec.end)}${prNo !== void 0 ? ` by PR #${prNo}` : ""}${ev ? "" : " \u2014 approvals not on record"}` });
        if (!proven(source)) checkExtension(findings, policyNow(), rec, c);
      } else {
        const life = live.get(ch.path);
        if (!life) continue;
        live.delete(ch.path);
        const rec = life.rec;
        rec.removedIn = c.sha;
        trailers ??= trailersByLease(c.message);
        const t = trailers.get(ch.path);
        if (t && isBot(c)) {
          const revokedAt = parseTimestamp(t["revoked-at"] ?? "") ?? c.time;
          rec.why = t.reason ?? "expired";
          rec.revokedAt = revokedAt;
          const by = /early revoke by @([A-Za-z0-9-]+)/.exec(rec.why)?.[1];
          rec.events.push({ kind: "revoked", at: revokedAt, commit: c.sha, by, detail: rec.why });
        } else {
          const revert = /^Revert "/.test(c.message);
          if (t && !isBot(c)) findings.push({ code: "changed-outside-jit", lease: ch.path, commit: c.sha, message: `${short(c.sha)} carries jit-access revocation trailers for ${ch.path} but was committed by ${c.committerName} <${c.committerEmail}>, not by the bot.` });
          if (hint === void 0 && !isBot(c)) {
            rec.why = `removed on ${input.ref} by ${c.authorName} without a pull request`;
            findings.push({ code: "changed-outside-jit", lease: ch.path, commit: c.sha, message: `${ch.path} was removed on ${input.ref} in ${short(c.sha)} by ${c.authorName} <${c.authorEmail}> with no pull request on record.` });
          } else {
            rec.why = `${revert ? "reverted" : "early: removed"}${typeof hint === "number" ? ` by PR #${hint}` : hint === "merge" ? " by a merged pull request" : ""}`;
          }
          rec.revokedAt = c.time;
          rec.events.push({ kind: "revoked", at: c.time, commit: c.sha, detail: rec.why });
        }
        if (rec.status !== "not-granted") rec.status = rec.revokedAt !== void 0 && rec.revokedAt <= rec.start ? "cancelled" : "ended";
      }
    }
    const policyChange = c.changes.find((ch) => ch.path === input.policyPath);
    if (policyChange) {
      policyBlob = policyChange.status === "D" ? void 0 : policyChange.blob;
    }
  }
  addBreakGlass(input, leases, findings);
  const legacyRecords = (input.breakGlass ?? []).filter((b) => b.trust === "legacy").length + (input.drift ?? []).filter((d) => d.trust === "legacy").length;
  if (legacyChanges + legacyRecords > 0) {
    notes.push(`${legacyChanges} lease change(s) and ${legacyRecords} break-glass or drift record(s) carry evidence signed without repository binding (written before jit-access bound notes to their repository; shown as legacy-note). Such a note may have been copied from another access repo that shares the evidence key: apply never grants on it, and an audit with a token verifies those changes through the API.`);
  }
  for (const { rec } of live.values()) {
    if (rec.status === "not-granted") continue;
    if (rec.start > input.now) rec.status = "scheduled";
    else if (rec.end <= input.now) {
      rec.status = "over";
      rec.events.push({ kind: "over", at: rec.end, detail: `time is up; the file is still on ${input.ref}, so the next sweep revokes and removes it` });
    } else rec.status = "active";
  }
  for (const o of input.orphanNotes ?? []) {
    findings.push({ code: "history-rewritten", commit: o.commit, ...o.leases[0] ? { lease: o.leases[0] } : {}, message: `Evidence was recorded for ${o.leases.join(", ") || "a change"} on commit ${short(o.commit)}, which is no longer on ${input.ref}: history was rewritten (force-push or reset). Compare with the recorded evidence in refs/notes/jit.` });
  }
  for (const u of input.unreadableNotes ?? []) {
    findings.push({ code: NOTE_UNREADABLE, commit: u.object, message: unreadableNoteMessage(u.object, u.reason) });
  }
  for (const d of input.drift ?? []) {
    const at = parseTimestamp(d.revokedAt);
    if (at === void 0 || at > input.now) continue;
    const when2 = (t) => {
      const ms = parseTimestamp(t);
      return ms === void 0 ? t : formatTimestamp(ms);
    };
    const by = (Array.isArray(d.couldBeAddedBy) ? d.couldBeAddedBy : []).filter(isDriftHolder);
    const could = by.length ? `; it could have been added by ${by.map((h) => `@${h.grantee} (${h.role} on ${h.resource} through ${h.lease}, ${when2(h.from)} \u2013 ${when2(h.until)}${h.stillHeld ? ", still held" : ""})`).join(", ")}` : "";
    findings.push({ code: "standing-undeclared", resource: d.resource, commit: d.commit, message: `${d.grantee} held ${d.role} on ${d.resource} with no lease and not declared in its 'standing' list; jit-access revoked it at ${formatTimestamp(at)} (recorded on ${short(d.commit)})${could}${d.trust === "signed" ? "" : d.trust === "legacy" ? " \u2014 recorded without repository binding" : d.trust === "other-repository" ? " \u2014 the record is signed for another repository" : input.keyGiven ? " \u2014 the record is not signed with the evidence key" : ""}.` });
  }
  for (const u of input.undeclared ?? []) {
    findings.push({ code: "standing-undeclared", resource: u.resource, message: `${u.grantee} holds ${u.role} on ${u.resource} with no lease and is not declared in its 'standing' list.` });
  }
  const when = (l, e) => e.at ?? (e.kind === "requested" ? -Infinity : l.start);
  for (const l of leases) l.events.sort((a, b) => when(l, a) - when(l, b) || order(a.kind) - order(b.kind));
  return { ref: input.ref, head: input.head, generatedAt: input.now, leases, findings, notes };
}
function trailersByLease(message) {
  const out = /* @__PURE__ */ new Map();
  if (!message.includes("Jit-")) return out;
  for (const g of jitTrailers(message)) if (g.lease !== void 0 && !out.has(g.lease)) out.set(g.lease, g);
  return out;
}
var ORDER = { requested: 0, approved: 1, "not-granted": 2, granted: 3, extended: 4, "extension-refused": 5, over: 6, revoked: 7 };
var order = (k) => ORDER[k];
var short = (sha) => sha.slice(0, 7);
var proven = (source) => source === "signed-note" || source === "api";
function maxFor(policy, lease) {
  const r = policy.resources.get(lease.resource);
  if (!r) return void 0;
  if (lease.breakGlass && r.breakGlass.allowed) return { minutes: Math.min(r.breakGlass.maxDurationMinutes, r.maxDurationMinutes), what: "break-glass maximum" };
  return { minutes: r.maxDurationMinutes, what: "maxDuration" };
}
function checkLength(findings, policy, lease, rec, c) {
  if (!policy) return;
  const max = maxFor(policy, lease);
  if (!max) {
    findings.push({ code: "longer-than-policy", lease: rec.path, commit: c.sha, message: `${rec.path} names resource '${lease.resource}', which the policy did not have when it was added in ${short(c.sha)}.` });
    return;
  }
  const minutes = (rec.end - rec.start) / MINUTE_MS;
  if (minutes > max.minutes) findings.push({ code: "longer-than-policy", lease: rec.path, commit: c.sha, message: `${rec.path} granted ${formatDuration(Math.round(minutes))}, over the ${max.what} of ${formatDuration(max.minutes)} that ${lease.resource} allowed when it was added in ${short(c.sha)}.` });
}
function checkExtension(findings, policy, rec, c) {
  const r = policy?.resources.get(rec.resource);
  if (!r) return;
  const total = (rec.end - rec.start) / MINUTE_MS;
  if (rec.extensions > r.maxExtensions) findings.push({ code: "longer-than-policy", lease: rec.path, commit: c.sha, message: `${rec.path} was extended ${rec.extensions} time(s) by ${short(c.sha)}; ${rec.resource} allowed ${r.maxExtensions} then.` });
  else if (total > r.maxTotalDurationMinutes) findings.push({ code: "longer-than-policy", lease: rec.path, commit: c.sha, message: `${rec.path} lasts ${formatDuration(Math.round(total))} in total after ${short(c.sha)}, over the maxTotalDuration of ${formatDuration(r.maxTotalDurationMinutes)} that ${rec.resource} allowed then.` });
}
function addBreakGlass(input, leases, findings) {
  for (const b of input.breakGlass ?? []) {
    const { record: r, trust } = b;
    if ((trust === "untrusted" || trust === "other-repository") && input.keyGiven) {
      const why = trust === "other-repository" ? `is signed for another repository (${b.repository ?? "unknown"}): it was copied from there, and granted nothing here that the sweep kept` : "is not signed with the evidence key: it was not written by jit-access and granted nothing that the sweep kept";
      findings.push({ code: "evidence-untrusted", lease: r.lease, message: `A break-glass record for ${r.grantee} on ${r.resource} (PR #${r.pullRequest}) ${why}.` });
      continue;
    }
    const trusted = trust === "signed" || trust === "legacy";
    const mark = trust === "legacy" ? " (record signed without repository binding)" : trusted ? "" : " (record not signed with the evidence key)";
    const grantedAt = Date.parse(r.grantedAt);
    const reviewBy = Date.parse(r.reviewBy);
    const end = Date.parse(r.end);
    if (![grantedAt, reviewBy, end].every(Number.isFinite)) continue;
    const granted2 = { kind: "granted", at: grantedAt, by: r.requester, detail: `break-glass: ${r.role} on ${r.resource} granted when PR #${r.pullRequest} was opened, before approval; to be approved and merged by ${formatTimestamp(reviewBy)}${mark}` };
    const merged = leases.find((l) => l.path === r.lease && l.pullRequest === r.pullRequest && l.events.some((e) => e.kind === "granted" && e.commit === l.addedIn) && l.status !== "not-granted" && l.start >= grantedAt && l.start <= reviewBy);
    if (merged && trusted) {
      merged.breakGlass = true;
      merged.end = merged.end - (merged.start - grantedAt);
      merged.start = grantedAt;
      for (const e of merged.events) if (e.kind === "granted" && e.commit === merged.addedIn) e.detail = `approved and merged in time: the break-glass access continues as this lease until ${formatTimestamp(merged.end)}`;
      merged.events.push(granted2);
      merged.events.sort((a, b2) => (a.at ?? -Infinity) - (b2.at ?? -Infinity));
      continue;
    }
    const endedAt = r.ended ? Date.parse(r.ended.at) : void 0;
    const until = Math.min(end, reviewBy);
    const rec = {
      path: r.lease,
      resource: r.resource,
      grantee: r.grantee,
      role: r.role,
      reason: "(break-glass request, never merged)",
      breakGlass: true,
      pullRequest: r.pullRequest,
      requestedBy: r.requester,
      approvers: [],
      evidence: sourceOf(trust),
      start: grantedAt,
      end: until,
      ...endedAt !== void 0 ? { revokedAt: endedAt, why: r.ended.why } : {},
      status: endedAt !== void 0 || until <= input.now ? endedAt !== void 0 ? "ended" : "over" : "active",
      extensions: 0,
      addedIn: "",
      events: [{ kind: "requested", by: r.requester, detail: `PR #${r.pullRequest}: ${r.grantee} as ${r.role} on ${r.resource}, break-glass` }, granted2]
    };
    if (endedAt !== void 0) rec.events.push({ kind: "revoked", at: endedAt, detail: r.ended.why });
    leases.push(rec);
    if (input.now >= reviewBy || r.ended) {
      findings.push({ code: "break-glass-unreviewed", lease: r.lease, resource: r.resource, message: `Break-glass access for ${r.grantee} as ${r.role} on ${r.resource} (PR #${r.pullRequest}, granted ${formatTimestamp(grantedAt)}) was not approved and merged by ${formatTimestamp(reviewBy)}${r.ended ? `: ${r.ended.why}` : ""}.` });
    }
  }
}

// src/audit/policy-findings.ts
var short2 = (sha) => sha.slice(0, 7);
var PR_TITLE2 = /\(#(\d+)\)\s*$|^Merge pull request #(\d+)/;
function policyFindings(policyPath, verdicts, commitOf) {
  const findings = [];
  const notes = [];
  const unsigned = (v) => v.source === "unsigned-note" ? " (recorded in a note not signed with the evidence key)" : "";
  for (const v of verdicts) {
    const c = commitOf(v.commit);
    const who = c ? ` by ${c.authorName} <${c.authorEmail}>` : "";
    const what = v.status === "D" ? `${policyPath} was removed in ${short2(v.commit)}${who}` : `${policyPath} as changed in ${short2(v.commit)}${who}`;
    switch (v.state) {
      case "anchor":
        notes.push(`${policyPath} was first added in ${short2(v.commit)}${who}: that version is the trust anchor (the bootstrap, which nobody could review); every later version needs a merged pull request approved by an admin of the policy in force before it.`);
        break;
      case "approved":
        break;
      case "invalid":
        findings.push({ code: "policy-invalid", commit: v.commit, message: `${what} was never in force: ${(v.why ?? "it is not a valid policy").replace(/\.$/, "")}${unsigned(v)}. Runs kept applying the last verified version.` });
        break;
      case "rejected":
        findings.push({ code: "policy-unverified", commit: v.commit, message: `${what} was never in force: ${(v.why ?? "verification failed").replace(/\.$/, "")}${unsigned(v)}. Runs kept applying the last verified version.` });
        break;
      case "unchecked": {
        const subject = c ? c.message.split("\n")[0] ?? "" : "";
        const viaPr = c !== void 0 && (PR_TITLE2.test(subject) || c.parents.length > 1);
        if (!viaPr) findings.push({ code: "policy-unverified", commit: v.commit, message: `${what} with no pull request on record and no verdict on record: it was never in force. Runs kept applying the last verified version.` });
        else notes.push(`${what} through a pull request, but its approval is not on record (no signed verdict${v.why ? `; ${v.why}` : ""}): audit with a token, or with the evidence key once apply has run, to check it.`);
        break;
      }
    }
  }
  return { findings, notes };
}

// src/audit/anomalies.ts
var DAY_MS = 864e5;
function granted(leases, now) {
  return leases.filter((l) => l.status !== "not-granted" && l.status !== "cancelled" && l.start <= now);
}
function windowOf(l, now) {
  return [l.start, Math.min(heldUntil(l, now), now)];
}
function group(items, key) {
  const m = /* @__PURE__ */ new Map();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}
var plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
var day = (ms) => new Date(ms).toISOString().slice(0, 10);
function frequentElevation(leases, t, now) {
  const from = now - t.windowMinutes * MINUTE_MS;
  const out = [];
  const byPair = group(granted(leases, now), (l) => `${l.resource}\0${l.grantee.toLowerCase()}`);
  for (const [, list] of [...byPair].sort(([a], [b]) => a < b ? -1 : 1)) {
    const days = /* @__PURE__ */ new Set();
    for (const l of list) {
      const [s, e] = windowOf(l, now);
      if (e < from || e === from && s < from) continue;
      const a = Math.max(s, from);
      const b = Math.min(Math.max(e, a), now);
      for (let d = Math.floor(a / DAY_MS) * DAY_MS; d < Math.max(b, a + 1); d += DAY_MS) days.add(day(d));
    }
    if (days.size < t.days) continue;
    const first = list[0];
    const roles = [...new Set(list.map((l) => l.role))].join(", ");
    out.push({
      code: "frequent-elevation",
      key: `frequent-elevation:${first.resource}:${first.grantee.toLowerCase()}`,
      resource: first.resource,
      message: `${first.grantee} held ${roles} on ${first.resource} on ${days.size} of the last ${formatDuration(t.windowMinutes)} (threshold ${t.days} days): standing access in disguise? Consider a 'standing' entry with a review (reviewEvery), or a narrower role for the routine work.`
    });
  }
  return out;
}
function approverConcentration(leases, t, now) {
  const from = now - t.windowMinutes * MINUTE_MS;
  const approved = granted(leases, now).filter((l) => l.start >= from && l.approvers.length > 0);
  const out = [];
  const byRequester = group(approved, (l) => (l.requestedBy ?? l.grantee).toLowerCase());
  for (const [requester, list] of [...byRequester].sort(([a], [b]) => a < b ? -1 : 1)) {
    if (list.length < t.minLeases) continue;
    const counts = /* @__PURE__ */ new Map();
    for (const l of list) {
      for (const a of new Set(l.approvers.map((x) => x.toLowerCase()))) {
        if (a === requester) continue;
        const c = counts.get(a) ?? { login: l.approvers.find((x) => x.toLowerCase() === a), n: 0 };
        c.n++;
        counts.set(a, c);
      }
    }
    const name = list[0].requestedBy ?? list[0].grantee;
    for (const [approver, c] of [...counts].sort(([a], [b]) => a < b ? -1 : 1)) {
      if (c.n / list.length < t.share) continue;
      out.push({
        code: "approver-concentration",
        key: `approver-concentration:${requester}:${approver}`,
        message: `${c.login} approved ${c.n} of ${name}'s ${list.length} approved leases in the last ${formatDuration(t.windowMinutes)} (${Math.round(100 * c.n / list.length)}%, threshold ${Math.round(t.share * 100)}% of at least ${t.minLeases}): spread approvals across approvers, or require a second approval (approvals with count 2).`
      });
    }
  }
  return out;
}
function breakGlassFrequency(leases, t, now) {
  const from = now - t.windowMinutes * MINUTE_MS;
  const used = granted(leases, now).filter((l) => l.breakGlass && l.start >= from);
  const out = [];
  const window = formatDuration(t.windowMinutes);
  for (const [grantee, list] of [...group(used, (l) => l.grantee.toLowerCase())].sort(([a], [b]) => a < b ? -1 : 1)) {
    if (list.length <= t.max) continue;
    const resources = [...new Set(list.map((l) => l.resource))].sort().join(", ");
    out.push({ code: "break-glass-frequency", key: `break-glass-frequency:grantee:${grantee}`, message: `${list[0].grantee} used break-glass ${plural(list.length, "time")} in the last ${window} (on ${resources}; more than ${t.max} is flagged): emergencies that recur need a planned path (a lease, standing access, or a fix).` });
  }
  for (const [resource, list] of [...group(used, (l) => l.resource)].sort(([a], [b]) => a < b ? -1 : 1)) {
    if (list.length <= t.max) continue;
    const who = [...new Set(list.map((l) => l.grantee))].sort().join(", ");
    out.push({ code: "break-glass-frequency", key: `break-glass-frequency:resource:${resource}`, resource, message: `Break-glass was used ${plural(list.length, "time")} on ${resource} in the last ${window} (by ${who}; more than ${t.max} is flagged): emergencies that recur need a planned path.` });
  }
  return out;
}
function monthStart(t, offset = 0) {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}
function unionLength(intervals, from, to) {
  const clipped = intervals.map(([s, e]) => [Math.max(s, from), Math.min(e, to)]).filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur;
  for (const iv of clipped) {
    if (cur && iv[0] <= cur[1]) cur[1] = Math.max(cur[1], iv[1]);
    else {
      if (cur) total += cur[1] - cur[0];
      cur = [iv[0], iv[1]];
    }
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}
function longTotal(leases, t, now) {
  const out = [];
  const months = [monthStart(now, -1), monthStart(now)];
  const byPair = group(granted(leases, now), (l) => `${l.resource}\0${l.grantee.toLowerCase()}`);
  for (const [, list] of [...byPair].sort(([a], [b]) => a < b ? -1 : 1)) {
    const intervals = list.map((l) => windowOf(l, now));
    for (const m of months) {
      const minutes = Math.floor(unionLength(intervals, m, Math.min(monthStart(m, 1), now)) / MINUTE_MS);
      if (minutes <= t.perMonthMinutes) continue;
      const first = list[0];
      const month = new Date(m).toISOString().slice(0, 7);
      out.push({
        code: "long-total",
        key: `long-total:${first.resource}:${first.grantee.toLowerCase()}:${month}`,
        resource: first.resource,
        message: `${first.grantee} held access to ${first.resource} for ${formatDuration(minutes)} in ${month}${m === months[1] ? " (so far)" : ""}, above the monthly bound of ${formatDuration(t.perMonthMinutes)}: consider a 'standing' entry with a review, or a narrower role.`
      });
    }
  }
  return out;
}
function reviewFindings(policy, now) {
  return dueReviews(policy, now).map((e) => {
    const late = daysOverdue(e, now);
    const when = e.reviewed === void 0 ? "has never been reviewed" : `was last reviewed on ${e.reviewed} and was due on ${formatTimestamp(e.dueAt).slice(0, 10)}${late ? ` (${plural(late, "day")} ago)` : ""}`;
    return {
      code: "standing-review-overdue",
      key: `standing-review-overdue:${e.resource}:${e.grantee.toLowerCase()}:${e.role}`,
      resource: e.resource,
      message: `Standing access of ${e.grantee} as ${e.role} on ${e.resource} ${when} (every ${formatDuration(e.everyMinutes)}): 'jit review' proposes removing it; keep it by setting a new 'reviewed' date.`
    };
  });
}
function anomalyFindings(leases, policy, now) {
  const t = policy.anomalies;
  return [
    ...reviewFindings(policy, now),
    ...t.frequentElevation ? frequentElevation(leases, t.frequentElevation, now) : [],
    ...t.approverConcentration ? approverConcentration(leases, t.approverConcentration, now) : [],
    ...t.breakGlassFrequency ? breakGlassFrequency(leases, t.breakGlassFrequency, now) : [],
    ...t.longTotal ? longTotal(leases, t.longTotal, now) : []
  ];
}
function historyAsOf(leases, then) {
  const out = [];
  for (const l of leases) {
    if (l.start > then) continue;
    if (l.revokedAt === void 0 || l.revokedAt <= then) out.push(l);
    else {
      const { revokedAt: _later, ...rest } = l;
      out.push({ ...rest, status: l.end > then ? "active" : "over" });
    }
  }
  return out;
}
function newFindingKeys(leases, policy, now, previous) {
  const before = new Set(anomalyFindings(historyAsOf(leases, previous), policy, previous).map((f) => f.key));
  return new Set(anomalyFindings(leases, policy, now).map((f) => f.key).filter((k) => !before.has(k)));
}

// src/commands/audit.ts
function runAudit(o) {
  return withGitSession(() => runAuditInSession(o));
}
async function runAuditInSession(o) {
  if (!await isGitRepo(o.repoDir)) {
    throw new UsageError("audit-not-a-git-repo", `${o.repoDir} is not a git repository: jit audit reads the history of an access repo; run it in a clone (or pass --repo DIR).`);
  }
  const [resolved, onBranch, shallow] = await Promise.allSettled([
    gitText(o.repoDir, ["rev-parse", "--verify", "--quiet", `${o.ref}^{commit}`]),
    o.ref === "HEAD" ? gitText(o.repoDir, ["symbolic-ref", "--short", "-q", "HEAD"]) : Promise.resolve(""),
    gitText(o.repoDir, ["rev-parse", "--is-shallow-repository"])
  ]);
  if (resolved.status === "rejected") {
    throw new UsageError("audit-no-ref", `'${o.ref}' is not a branch or commit in ${o.repoDir}. Fetch the access repo's full history (actions/checkout with fetch-depth: 0).`);
  }
  const head = resolved.value.trim();
  const refName = o.ref === "HEAD" ? (onBranch.status === "fulfilled" ? onBranch.value : "").trim() || `HEAD (detached at ${head.slice(0, 7)})` : o.ref;
  if (shallow.status === "rejected") throw shallow.reason;
  if (shallow.value.trim() === "true") {
    throw new UsageError("audit-shallow", `${o.repoDir} is a shallow clone: the audit needs the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).`);
  }
  const at = o.query?.at !== void 0 && o.query.since === void 0 && o.query.until === void 0 && !o.online ? o.query.at : void 0;
  const repository = o.repository ?? (o.online ? `${o.online.owner}/${o.online.repo}` : void 0);
  if (o.evidenceKey && !repository) throw new UsageError("repository-unknown", "Which GitHub repository is this? Evidence notes are signed for their repository: pass --repository OWNER/NAME (or set GITHUB_REPOSITORY).");
  const [owner = "", name = ""] = (repository ?? "/").split("/");
  const signer = noteSigner(owner, name, o.evidenceKey);
  const judged = { notes: /* @__PURE__ */ new Map(), breakGlass: [], drift: [], unreadable: [] };
  const judge = (object, text) => judgeNote(judged, object, text, signer);
  const allNotes = at === void 0 ? readNotes(o.repoDir, void 0, judge) : void 0;
  allNotes?.catch(() => void 0);
  const noteList = at !== void 0 ? listNotes(o.repoDir) : void 0;
  noteList?.catch(() => void 0);
  const notedBlobs = noteList ? breakGlassObjects(o.repoDir, noteList) : void 0;
  notedBlobs?.catch(() => void 0);
  const parsed = /* @__PURE__ */ new Map();
  const pathOf = /* @__PURE__ */ new Map();
  const reader = openBlobReader(
    o.repoDir,
    (blob, content) => parsed.set(blob, loadLease(pathOf.get(blob), content).lease),
    true
  );
  const total = o.progress && at === void 0 ? Number((await gitText(o.repoDir, ["rev-list", "--count", "--first-parent", head, "--", LEASES_DIR, o.policyPath])).trim()) || 0 : 0;
  let read = 0;
  const want = (c) => {
    if (total) o.progress(++read, total, "reading history");
    for (const ch of c.changes) {
      if (ch.status === "D" || ch.path === o.policyPath || pathOf.has(ch.blob) || checkLeasePath(ch.path).kind !== "lease") continue;
      pathOf.set(ch.blob, ch.path);
      reader.want(ch.blob);
    }
  };
  let commits;
  const policyVersions = [];
  try {
    commits = at !== void 0 ? await historyAround(o.repoDir, head, at, o.policyPath) : await readHistory(o.repoDir, head, [LEASES_DIR, o.policyPath], { policyVersions: { path: o.policyPath, into: policyVersions } }, want);
  } catch (e) {
    await reader.done().catch(() => void 0);
    throw e;
  }
  if (at !== void 0) commits.forEach(want);
  const inLog = new Set(commits.map((c) => c.sha));
  const others = notedBlobs ? await notedBlobs : void 0;
  const moreNotes = allNotes ?? readNotes(o.repoDir, (object) => !inLog.has(object) && others.has(object), judge, noteList).then(() => {
    for (const c of commits) if (c.note !== void 0) judge(c.sha, c.note);
  });
  const blobs = await reader.done();
  const elsewhere = /* @__PURE__ */ new Map();
  const leaseOf = (path, blob) => {
    if (pathOf.get(blob) === path) return parsed.get(blob);
    const k = `${path}\0${blob}`;
    if (!elsewhere.has(k)) elsewhere.set(k, loadLease(path, blobs.get(blob) ?? Buffer.alloc(0)).lease);
    return elsewhere.get(k);
  };
  await moreNotes;
  const { notes, breakGlass, drift, unreadable } = judged;
  const onMain = new Set(commits.map((c) => c.sha));
  const orphanNotes = [];
  for (const [commit, n] of at !== void 0 ? [] : notes) {
    if (onMain.has(commit) || n.note.leases.length === 0 && !n.note.policy) continue;
    const reachable = await git(o.repoDir, ["merge-base", "--is-ancestor", commit, head]).then(
      () => true,
      () => false
    );
    if (!reachable) orphanNotes.push({ commit, leases: [...n.note.leases.map((l) => l.lease), ...n.note.policy ? [n.note.policy.path] : []] });
  }
  const policyJudged = at === void 0 ? await judgePolicyVersions(o, policyVersions, notes) : void 0;
  const reportNotes = [];
  let api;
  if (o.online) {
    const chain = policyJudged?.chain;
    api = await verifyUnproven(o, commits, notes, reportNotes, chain ? async (commit) => (await chain.at(commit))?.bytes : void 0);
  } else {
    reportNotes.push("Offline: approvals come from evidence notes only, and live state was not checked, so standing members outside 'standing' are not reported. Give a token to check both.");
  }
  if (at !== void 0) reportNotes.push("--at reads only the leases on main at that moment: findings about other leases, and rewritten history, are reported by a full audit.");
  if (!o.evidenceKey) reportNotes.push("No evidence key: evidence notes are shown, but their signatures were not checked.");
  const policyBlobs = policiesNeeded({ commits, notes, policyPath: o.policyPath, ...api ? { api } : {} });
  const policyTexts = await readBlobs(o.repoDir, [...policyBlobs]);
  const policyCache = /* @__PURE__ */ new Map();
  const policyOf = (blob) => {
    if (!policyCache.has(blob)) policyCache.set(blob, loadPolicy(o.policyPath, policyTexts.get(blob) ?? Buffer.alloc(0)).policy);
    return policyCache.get(blob);
  };
  const report = rebuildAudit({
    ref: refName,
    head,
    now: o.now,
    policyPath: o.policyPath,
    commits,
    leaseOf,
    policyOf,
    notes,
    keyGiven: Boolean(o.evidenceKey),
    ...api ? { api } : {},
    orphanNotes,
    unreadableNotes: unreadable,
    breakGlass,
    drift,
    ...o.botNames ? { botNames: o.botNames } : {}
  });
  if (policyJudged) {
    const bySha = new Map(commits.map((c) => [c.sha, c]));
    const said = policyFindings(o.policyPath, policyJudged.verdicts, (sha) => bySha.get(sha));
    report.findings.push(...said.findings);
    reportNotes.unshift(...said.notes);
  }
  const inForce = policyJudged?.inForce?.policy;
  if (inForce) {
    const fresh = o.previous !== void 0 ? newFindingKeys(report.leases, inForce, o.now, o.previous) : void 0;
    for (const f of anomalyFindings(report.leases, inForce, o.now)) report.findings.push(fresh ? { ...f, new: fresh.has(f.key) } : f);
  } else if (policyJudged) reportNotes.push(`No verified ${o.policyPath} in force at ${o.ref}: anomalies and standing reviews were not checked.`);
  if (o.online) {
    const policy = policyJudged?.inForce?.policy;
    if (policy) {
      for (const u of await undeclaredGrants(policy, report, o.online.providerFor)) report.findings.push({ code: "standing-undeclared", resource: u.resource, message: `${u.grantee} holds ${u.role} on ${u.resource} with no lease and is not declared in its 'standing' list.` });
    } else reportNotes.push(`No valid ${o.policyPath} at ${o.ref}: live state was not checked.`);
  }
  report.notes.push(...reportNotes);
  return o.query ? queryAudit(report, o.query) : report;
}
async function verifyUnproven(o, commits, notes, said, policyAt) {
  const out = /* @__PURE__ */ new Map();
  const online = o.online;
  const { verifyChange } = await import("./verify-change-VNOHBP6M.js");
  const emptyTree = (await gitText(o.repoDir, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  for (const c of commits) {
    for (const ch of c.changes) {
      if (ch.status === "D" || checkLeasePath(ch.path).kind !== "lease") continue;
      const n = notes.get(c.sha);
      if (n?.trust === "signed" && n.note.leases.some((e) => e.lease === ch.path && e.blob === ch.blob)) continue;
      try {
        const ev = await verifyChange(
          { gh: online.gh, owner: online.owner, repo: online.repo, defaultBranch: online.defaultBranch, repoDir: o.repoDir, policyPath: o.policyPath, now: o.now, ...o.evidenceKey ? { evidenceKey: o.evidenceKey } : {}, ...online.botLogin ? { botLogin: online.botLogin } : {}, ...policyAt ? { policyAt } : {} },
          { path: ch.path, commit: c.sha, parent: c.parents[0] ?? emptyTree, blob: ch.blob, time: c.time }
        );
        out.set(`${c.sha}\0${ch.path}\0${ch.blob}`, ev);
      } catch (e) {
        said.push(`${ch.path} (${c.sha.slice(0, 7)}) could not be verified through the API: ${errorMessage(e)}; it is reported from history and notes only.`);
      }
    }
  }
  return out;
}
async function judgePolicyVersions(o, versions, notes) {
  const recorded = (commit, blob) => {
    const n = notes.get(commit);
    const e = n?.note.policy;
    return n && e && e.path === o.policyPath && e.blob === blob ? { evidence: e, trusted: n.trust === "signed" } : void 0;
  };
  const online = o.online;
  const chain = new PolicyChain({
    repoDir: o.repoDir,
    policyPath: o.policyPath,
    now: o.now,
    versions,
    signed: (v) => {
      const r = recorded(v.commit, v.blob);
      return r && (r.trusted || !o.evidenceKey) ? r.evidence : void 0;
    },
    ...online ? { verify: (v, judge) => verifyPolicyChange({ gh: online.gh, owner: online.owner, repo: online.repo, defaultBranch: online.defaultBranch, policyPath: o.policyPath, now: o.now }, v, judge) } : {}
  });
  const verdicts = [];
  for (let i = 0; i < versions.length; i++) {
    const v = await chain.verdict(i);
    const source = v.source === "signed-note" && !recorded(v.version.commit, v.version.blob)?.trusted ? "unsigned-note" : v.source;
    verdicts.push({ commit: v.version.commit, status: v.version.status, state: v.state, source, ...v.why !== void 0 ? { why: v.why } : {} });
  }
  const tip = await chain.atTip();
  return { verdicts, chain, ...tip.inForce ? { inForce: tip.inForce } : {} };
}
async function undeclaredGrants(policy, report, providerFor) {
  const backed = new Set(report.leases.filter((l) => l.status === "active" || l.status === "over").map((l) => `${l.resource}\0${l.grantee.toLowerCase()}\0${l.role}`));
  const found = [];
  for (const { resource: r, actual } of await listResources([...policy.resources.values()].filter((x) => x.mode !== "additive"), providerFor)) {
    if (!Array.isArray(actual)) {
      report.notes.push(`${r.id} could not be listed: ${actual.error}`);
      continue;
    }
    for (const g of actual) {
      if (backed.has(`${r.id}\0${g.grantee.toLowerCase()}\0${g.role}`)) continue;
      if (r.standing.some((s) => s.grantee.toLowerCase() === g.grantee.toLowerCase() && s.role === g.role)) continue;
      found.push({ resource: r.id, grantee: g.grantee, role: g.role });
    }
  }
  return found;
}
var DAY_MS2 = 864e5;
async function historyAround(repoDir, head, at, policyPath) {
  const chain = await firstParentChain(repoDir, head, (c) => c.time <= at);
  const thenCommit = chain[chain.length - 1];
  if (!thenCommit || thenCommit.time > at) return [];
  const then = thenCommit.sha;
  const paths = (await gitText(repoDir, ["ls-tree", "-r", "--name-only", then, "--", LEASES_DIR])).split("\n").filter((p) => p && checkLeasePath(p).kind === "lease");
  if (paths.length === 0) return [];
  let first;
  const firstTime = async () => first ??= Number((await gitText(repoDir, ["log", "-1", "--format=%ct", "--max-parents=0", "--first-parent", then])).trim()) * 1e3;
  const last = chain[0].time;
  let before = [];
  for (let span = 7 * DAY_MS2; ; span *= 4) {
    const since = at - span;
    before = await readHistory(repoDir, then, [...paths, policyPath], { since, notesRef: NOTES_REF });
    const added = new Set(before.flatMap((c) => c.changes.filter((ch) => ch.status === "A").map((ch) => ch.path)));
    if (paths.every((p) => added.has(p)) || since <= await firstTime()) break;
  }
  let after = [];
  if (then !== head) {
    for (let span = 7 * DAY_MS2; ; span *= 4) {
      const until = at + span;
      const end = chain.find((c) => c.time <= until).sha;
      after = end === then ? [] : await readHistory(repoDir, `${then}..${end}`, paths, { until, notesRef: NOTES_REF });
      const removed = new Set(after.flatMap((c) => c.changes.filter((ch) => ch.status === "D").map((ch) => ch.path)));
      if (paths.every((p) => removed.has(p)) || until >= last) break;
    }
  }
  return [...before, ...after];
}
async function breakGlassObjects(repoDir, listed) {
  const list = await listed.catch(() => "");
  const objects = list.split("\n").map((l) => l.split(" ")[1] ?? "").filter((x) => x);
  if (objects.length === 0) return /* @__PURE__ */ new Set();
  const types = (await git(repoDir, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], objects.join("\n") + "\n")).toString("utf8");
  return new Set(
    types.split("\n").filter((l) => l.endsWith(" blob")).map((l) => l.split(" ")[0])
  );
}
function judgeNote(into, object, text, signer) {
  const r = readEvidenceNote(object, text, signer);
  if (r.kind === "unreadable") into.unreadable.push({ object, reason: r.reason });
  if (r.kind !== "evidence") return;
  const { note, trust } = r;
  const judged = { note, trust, ...typeof note.repository === "string" ? { repository: note.repository } : {} };
  if (note.legacy) judged.legacy = { note: note.legacy, trust: noteTrust(note.legacy, object, signer) };
  into.notes.set(object, judged);
  for (const n of [judged, judged.legacy]) {
    if (!n) continue;
    const where = n.repository !== void 0 ? { repository: n.repository } : {};
    for (const b of n.note.breakGlass ?? []) if (isBreakGlassRecord(b)) into.breakGlass.push({ record: b, trust: n.trust, ...where });
    for (const d of Array.isArray(n.note.drift) ? n.note.drift : []) if (isDriftRevocation(d)) into.drift.push({ ...d, commit: object, trust: n.trust });
  }
}

export {
  runAudit
};
