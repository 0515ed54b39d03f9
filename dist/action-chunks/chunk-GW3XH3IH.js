import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  MINUTE_MS,
  describeSchedule,
  formatDuration,
  isAmong,
  withinSchedule
} from "./chunk-WCB7NMLF.js";
import {
  formatTimestamp
} from "./chunk-P5GKRAZF.js";

// src/approval/auto-approval.ts
var WEEK_MS = 7 * 24 * 60 * MINUTE_MS;
function matchAutoApproval(i) {
  const rules = i.resource.autoApprove;
  if (rules.length === 0) return { matched: false, reasons: [`${i.resource.id} has no autoApprove rules`] };
  const general = [];
  if (i.changedFiles !== 1) general.push(`the pull request changes ${i.changedFiles} files; only a pull request whose one change is one lease can be auto-approved`);
  if (i.kind !== "new") general.push("only new leases are auto-approved; an extension goes to the approvers");
  if (i.lease.breakGlass) general.push("break-glass leases go to the approvers");
  if (i.lease.resource !== i.resource.id) general.push(`the lease names ${i.lease.resource}, not ${i.resource.id}`);
  if (i.blockedBy?.length) general.push(`${i.blockedBy.join(", ")} requested changes`);
  if (general.length) return { matched: false, reasons: general };
  const reasons = [];
  for (const rule of rules) {
    const why = [];
    const who = isAmong(i.requester, rule.requesters, i.groups, i.facts);
    if (who === false) why.push(`${i.requester} is not among its requesters (${rule.requesters.join(", ")})`);
    else if (who === "unknown") why.push(`whether ${i.requester} is among its requesters could not be resolved (team membership)`);
    if (!rule.roles.includes(i.lease.role)) why.push(`role ${i.lease.role} is not one it covers (${rule.roles.join(", ")})`);
    const minutes = Math.ceil((i.window.end - i.window.start) / MINUTE_MS);
    if (minutes > rule.maxDurationMinutes) why.push(`the lease lasts ${formatDuration(minutes)}, over its maxDuration of ${formatDuration(rule.maxDurationMinutes)}`);
    if (rule.schedule && !withinSchedule(i.window.start, rule.schedule)) why.push(`the lease starts ${formatTimestamp(i.window.start)}, outside ${describeSchedule(rule.schedule)}`);
    if (rule.maxPerWeek !== void 0) {
      const used = countRecent(i.history, i.resource.id, rule.name, i.lease.grantee, i.at, i.path);
      if (used >= rule.maxPerWeek) why.push(`${i.lease.grantee} already had ${used} lease(s) auto-approved by it in the 7 days before ${formatTimestamp(i.at)} (maxPerWeek ${rule.maxPerWeek})`);
    }
    if (why.length === 0) return { matched: true, rule: rule.name };
    reasons.push(`rule ${rule.name}: ${why.join("; ")}`);
  }
  return { matched: false, reasons };
}
function countRecent(history, resource, rule, grantee, at, path) {
  const me = grantee.toLowerCase();
  return history.filter((h) => h.resource === resource && h.rule === rule && h.grantee.toLowerCase() === me && h.at < at && h.at >= at - WEEK_MS && !(path !== void 0 && h.lease === path && h.at === at)).length;
}

export {
  matchAutoApproval
};
