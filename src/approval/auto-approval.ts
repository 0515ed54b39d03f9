/**
 * Auto-approval by rule: does a request match one of its resource's `autoApprove` rules, so
 * that it needs no human review? Pure: the policy (the verified base policy), who asked, the
 * lease, the pull request's shape, the instant and the history of earlier auto-approvals
 * (from signed evidence in git) are all passed in.
 *
 * A request matches a rule only when every condition holds: the pull request changes one
 * file, and it is this lease, new (extensions and break-glass go to the approvers); the
 * requester is among the rule's requesters; the role is one the rule covers; the lease lasts
 * at most the rule's maxDuration; it starts within the rule's schedule; and fewer than
 * maxPerWeek leases were auto-approved by this rule for this grantee in the 7 days before.
 * An outstanding request for changes from an approver also stops it (the caller says so).
 * Team membership that was not resolved never matches.
 */
import { MINUTE_MS, formatDuration } from "../lease/duration.js";
import type { Lease } from "../lease/lease.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { isAmong } from "../policy/people.js";
import type { Facts } from "../policy/people.js";
import type { Resource } from "../policy/policy.js";
import { describeSchedule, withinSchedule } from "../policy/schedule.js";

export const WEEK_MS = 7 * 24 * 60 * MINUTE_MS;

/** One lease auto-approved earlier, as signed evidence records it. */
export interface AutoApprovalRecord {
  resource: string;
  rule: string;
  grantee: string;
  lease: string;
  /** When it was approved (its merge on main), ms. */
  at: number;
}

export interface AutoApprovalInput {
  resource: Resource;
  groups: Record<string, string[]>;
  facts: Facts;
  /** Who asked: the pull request's author, or the request form's signed actor. */
  requester: string;
  path: string;
  lease: Lease;
  /** new: the pull request adds the lease; extension: it changes one on the base branch. */
  kind: "new" | "extension";
  /** How many files the pull request changes (any file, lease or not). */
  changedFiles: number;
  /** The lease's access window, ms. */
  window: { start: number; end: number };
  /** The instant judged: the merge on main (apply) or now (pull request time). */
  at: number;
  history: readonly AutoApprovalRecord[];
  /** Approvers whose latest review requests changes. */
  blockedBy?: readonly string[];
}

export type AutoApprovalResult = { matched: true; rule: string } | { matched: false; reasons: string[] };

export function matchAutoApproval(i: AutoApprovalInput): AutoApprovalResult {
  const rules = i.resource.autoApprove;
  if (rules.length === 0) return { matched: false, reasons: [`${i.resource.id} has no autoApprove rules`] };
  const general: string[] = [];
  if (i.changedFiles !== 1) general.push(`the pull request changes ${i.changedFiles} files; only a pull request whose one change is one lease can be auto-approved`);
  if (i.kind !== "new") general.push("only new leases are auto-approved; an extension goes to the approvers");
  if (i.lease.breakGlass) general.push("break-glass leases go to the approvers");
  if (i.lease.resource !== i.resource.id) general.push(`the lease names ${i.lease.resource}, not ${i.resource.id}`);
  if (i.blockedBy?.length) general.push(`${i.blockedBy.join(", ")} requested changes`);
  if (general.length) return { matched: false, reasons: general };

  const reasons: string[] = [];
  for (const rule of rules) {
    const why: string[] = [];
    const who = isAmong(i.requester, rule.requesters, i.groups, i.facts);
    if (who === false) why.push(`${i.requester} is not among its requesters (${rule.requesters.join(", ")})`);
    else if (who === "unknown") why.push(`whether ${i.requester} is among its requesters could not be resolved (team membership)`);
    if (!rule.roles.includes(i.lease.role)) why.push(`role ${i.lease.role} is not one it covers (${rule.roles.join(", ")})`);
    const minutes = Math.ceil((i.window.end - i.window.start) / MINUTE_MS);
    if (minutes > rule.maxDurationMinutes) why.push(`the lease lasts ${formatDuration(minutes)}, over its maxDuration of ${formatDuration(rule.maxDurationMinutes)}`);
    if (rule.schedule && !withinSchedule(i.window.start, rule.schedule)) why.push(`the lease starts ${formatTimestamp(i.window.start)}, outside ${describeSchedule(rule.schedule)}`);
    if (rule.maxPerWeek !== undefined) {
      const used = countRecent(i.history, i.resource.id, rule.name, i.lease.grantee, i.at, i.path);
      if (used >= rule.maxPerWeek) why.push(`${i.lease.grantee} already had ${used} lease(s) auto-approved by it in the 7 days before ${formatTimestamp(i.at)} (maxPerWeek ${rule.maxPerWeek})`);
    }
    if (why.length === 0) return { matched: true, rule: rule.name };
    reasons.push(`rule ${rule.name}: ${why.join("; ")}`);
  }
  return { matched: false, reasons };
}

/** Leases auto-approved by a rule for a grantee in the 7 days before `at` (the lease judged itself aside). */
export function countRecent(history: readonly AutoApprovalRecord[], resource: string, rule: string, grantee: string, at: number, path?: string): number {
  const me = grantee.toLowerCase();
  return history.filter((h) => h.resource === resource && h.rule === rule && h.grantee.toLowerCase() === me && h.at < at && h.at >= at - WEEK_MS && !(path !== undefined && h.lease === path && h.at === at)).length;
}
