#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  isTrusted,
  parseNote
} from "./chunk-PO4O46CC.js";
import {
  formatTimestamp
} from "./chunk-ZDAOGDPW.js";

// src/providers/list-resources.ts
var LIST_CONCURRENCY = 8;
async function listResources(resources, providerFor) {
  const out = new Array(resources.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < resources.length; i = next++) {
      const resource = resources[i];
      const provider = providerFor(resource);
      let actual;
      try {
        actual = await provider.list(resource);
      } catch (e) {
        actual = { error: e.message };
      }
      out[i] = { resource, provider, actual };
    }
  };
  await Promise.all(Array.from({ length: Math.min(LIST_CONCURRENCY, resources.length) }, worker));
  return out;
}

// src/reconcile/break-glass.ts
var NOT_REVIEWED = "break-glass not reviewed";
var REQUEST_CLOSED = "break-glass request closed";
function breakGlassLabel(r) {
  return `${r.lease} (break-glass #${r.pullRequest})`;
}
var ms = (t) => Date.parse(t);
function isBreakGlassRecord(v) {
  if (!v || typeof v !== "object") return false;
  const r = v;
  const strings = ["lease", "blob", "requester", "resource", "grantee", "role", "grantedAt", "end", "reviewBy"];
  if (!strings.every((k) => typeof r[k] === "string") || typeof r.pullRequest !== "number") return false;
  const ended = r.ended;
  if (ended !== void 0 && !(ended && typeof ended === "object" && typeof ended.why === "string" && typeof ended.at === "string" && Number.isFinite(ms(ended.at)))) return false;
  return [r.grantedAt, r.end, r.reviewBy].every((t) => Number.isFinite(ms(t)));
}
function trustedBreakGlassRecords(notes, key) {
  const records = [];
  for (const [object, text] of notes) {
    if (!text.includes('"breakGlass"')) continue;
    const note = parseNote(text);
    if (!note || !Array.isArray(note.breakGlass) || !isTrusted(note, object, key)) continue;
    for (const b of note.breakGlass) if (isBreakGlassRecord(b)) records.push({ noteOn: object, record: b });
  }
  return records;
}
function reviewedMerge(r, adds) {
  return adds.find((a) => a.path === r.lease && a.blob === r.blob && a.verdict === "approved" && a.pullRequest === r.pullRequest && a.time < ms(r.reviewBy));
}
function unsettled(records, adds) {
  return records.filter((r) => !r.record.ended && !reviewedMerge(r.record, adds));
}
function breakGlassSweep(input) {
  const out = { windows: [], takeovers: /* @__PURE__ */ new Map(), endings: [] };
  for (const { noteOn, record: r } of input.records) {
    const start = ms(r.grantedAt);
    const merged = reviewedMerge(r, input.adds);
    if (merged) {
      out.takeovers.set(`${merged.path}\0${merged.commit}`, { start, end: ms(r.end), pullRequest: r.pullRequest });
      continue;
    }
    const closedAt = r.ended ? void 0 : input.closedUnmerged.get(r.pullRequest);
    const reviewBy = ms(r.reviewBy);
    const end = Math.min(ms(r.end), reviewBy, r.ended ? ms(r.ended.at) : Infinity, closedAt ?? Infinity);
    out.windows.push({ path: breakGlassLabel(r), resource: r.resource, grantee: r.grantee, role: r.role, start, end: Math.max(start, end) });
    if (r.ended) continue;
    const who = `@${r.grantee} as ${r.role} on ${r.resource}`;
    if (closedAt !== void 0 && closedAt < reviewBy) {
      out.endings.push({ noteOn, record: r, why: REQUEST_CLOSED, endedAt: Math.max(start, end), message: `${r.lease}: ${REQUEST_CLOSED}: #${r.pullRequest} was closed unmerged at ${formatTimestamp(closedAt)}; break-glass access for ${who} (granted ${formatTimestamp(start)}) was never approved, and is revoked.` });
    } else if (input.now >= reviewBy) {
      out.endings.push({ noteOn, record: r, why: NOT_REVIEWED, endedAt: Math.max(start, end), message: `${r.lease}: ${NOT_REVIEWED}: break-glass access for ${who}, granted ${formatTimestamp(start)} in #${r.pullRequest}, was not approved and merged by ${formatTimestamp(reviewBy)}; it is revoked.` });
    }
  }
  return out;
}

export {
  listResources,
  breakGlassLabel,
  isBreakGlassRecord,
  trustedBreakGlassRecords,
  unsettled,
  breakGlassSweep
};
