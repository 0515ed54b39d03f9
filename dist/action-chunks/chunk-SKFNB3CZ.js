import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  expandRefs,
  isAmong
} from "./chunk-WCB7NMLF.js";

// src/approval/evaluate-approvals.ts
var same = (a, b) => a.toLowerCase() === b.toLowerCase();
function evaluateApprovals(input) {
  const { rules, groups, author, grantee, headSha, facts } = input;
  const ignored = [];
  const unknown = /* @__PURE__ */ new Set();
  const latest = /* @__PURE__ */ new Map();
  const ordered = input.reviews.map((r, i) => ({ r, i })).sort((a, b) => a.r.submittedAt - b.r.submittedAt || a.i - b.i);
  for (const { r } of ordered) {
    if (r.state === "COMMENTED" || r.state === "PENDING") continue;
    latest.set(r.reviewer.toLowerCase(), r);
  }
  const eligibleFor = (login, rule) => isAmong(login, rule.from, groups, facts);
  const eligibleAny = (login) => {
    let u = false;
    for (const rule of rules) {
      const e = eligibleFor(login, rule);
      if (e === true) return true;
      if (e === "unknown") u = true;
    }
    return u ? "unknown" : false;
  };
  const blockedBy = [];
  const candidates = [];
  for (const r of latest.values()) {
    if (r.state === "DISMISSED") continue;
    if (same(r.reviewer, author)) {
      if (r.state === "APPROVED") ignored.push({ review: r, why: `${r.reviewer} is the pull request's author` });
      continue;
    }
    if (same(r.reviewer, grantee)) {
      if (r.state === "APPROVED") ignored.push({ review: r, why: `${r.reviewer} is the grantee` });
      continue;
    }
    const eligible = eligibleAny(r.reviewer);
    if (eligible === "unknown") unknown.add(`whether ${r.reviewer} may approve (team membership not resolved)`);
    if (r.state === "CHANGES_REQUESTED") {
      if (eligible !== false) blockedBy.push(r.reviewer);
      continue;
    }
    if (eligible === false) {
      ignored.push({ review: r, why: `${r.reviewer} is not an approver of this resource` });
      continue;
    }
    if (r.commitId !== headSha) {
      ignored.push({ review: r, why: `${r.reviewer} approved an older commit (${r.commitId.slice(0, 7)}), not the final head ${headSha.slice(0, 7)}` });
      continue;
    }
    candidates.push(r);
  }
  const slots = [];
  rules.forEach((rule, ri) => {
    for (let k = 0; k < rule.count; k++) slots.push(ri);
  });
  const edges = candidates.map((c) => slots.map((ri) => eligibleFor(c.reviewer, rules[ri]) === true));
  const slotOwner = slots.map(() => -1);
  const tryAssign = (ci, seen) => {
    for (let s = 0; s < slots.length; s++) {
      if (!edges[ci][s] || seen[s]) continue;
      seen[s] = true;
      if (slotOwner[s] === -1 || tryAssign(slotOwner[s], seen)) {
        slotOwner[s] = ci;
        return true;
      }
    }
    return false;
  };
  for (let ci = 0; ci < candidates.length; ci++) tryAssign(ci, slots.map(() => false));
  const progress = rules.map((rule) => ({ from: rule.from, count: rule.count, approvedBy: [], missing: rule.count }));
  const counted = [];
  slots.forEach((ri, s) => {
    const ci = slotOwner[s];
    if (ci < 0) return;
    const p = progress[ri];
    p.approvedBy.push(candidates[ci].reviewer);
    p.missing--;
    counted.push(candidates[ci]);
  });
  const missing = [];
  for (const p of progress) {
    if (p.missing > 0) missing.push(`${p.missing} more approval${p.missing === 1 ? "" : "s"} from ${expandRefs(p.from, groups).join(", ")}`);
  }
  for (const b of blockedBy) missing.push(`${b} requested changes`);
  const satisfied = missing.length === 0;
  return { satisfied, rules: progress, counted, missing, blockedBy, ignored, unknown: [...unknown] };
}

export {
  evaluateApprovals
};
