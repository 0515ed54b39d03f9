#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  MINUTE_MS,
  expandRefs,
  parseDuration
} from "./chunk-WINV2HKP.js";

// src/review/review-due.ts
var DAY_MS = 864e5;
function standingReviews(policy) {
  const out = [];
  for (const r of [...policy.resources.values()].sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) {
    r.standing.forEach((s, index) => {
      const every = s.reviewEvery !== void 0 ? parseDuration(s.reviewEvery) : policy.reviewEveryMinutes;
      if (!every) return;
      const entry = { resource: r.id, index, grantee: s.grantee, role: s.role, everyMinutes: every };
      if (s.reviewed !== void 0) {
        entry.reviewed = s.reviewed;
        entry.dueAt = Date.parse(`${s.reviewed}T00:00:00Z`) + every * MINUTE_MS;
      }
      out.push(entry);
    });
  }
  return out;
}
function dueReviews(policy, now) {
  return standingReviews(policy).filter((e) => e.dueAt === void 0 || !(e.dueAt > now));
}
function daysOverdue(e, now) {
  return e.dueAt === void 0 ? void 0 : Math.max(0, Math.floor((now - e.dueAt) / DAY_MS));
}
function reviewersOf(policy, resource) {
  const r = policy.resources.get(resource);
  if (!r) return [];
  return [...new Set(expandRefs(r.approvalRules.flatMap((a) => a.from), policy.groups))];
}

export {
  dueReviews,
  daysOverdue,
  reviewersOf
};
