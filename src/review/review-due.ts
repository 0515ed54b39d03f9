/**
 * Access reviews of standing access: which `standing` entries are due for review. An entry
 * is reviewed every `reviewEvery` (or the policy's `reviews.every`); it is due once that long
 * has passed since its `reviewed` date (midnight UTC), and at once when it carries an
 * interval but no `reviewed` date (never reviewed). An entry with no interval is never due.
 * Pure: `now` is passed in.
 */
import { MINUTE_MS, parseDuration } from "../lease/duration.js";
import { expandRefs } from "../policy/people.js";
import type { Policy } from "../policy/policy.js";

export interface StandingReview {
  resource: string;
  /** Index in the resource's `standing` list. */
  index: number;
  grantee: string;
  role: string;
  reviewed?: string;
  everyMinutes: number;
  /** When the review falls due, ms; absent when the entry was never reviewed. */
  dueAt?: number;
}

const DAY_MS = 86_400_000;

/** Every standing entry that has a review interval, with when its review falls due. */
export function standingReviews(policy: Policy): StandingReview[] {
  const out: StandingReview[] = [];
  for (const r of [...policy.resources.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    r.standing.forEach((s, index) => {
      const every = s.reviewEvery !== undefined ? parseDuration(s.reviewEvery) : policy.reviewEveryMinutes;
      if (!every) return;
      const entry: StandingReview = { resource: r.id, index, grantee: s.grantee, role: s.role, everyMinutes: every };
      if (s.reviewed !== undefined) {
        entry.reviewed = s.reviewed;
        entry.dueAt = Date.parse(`${s.reviewed}T00:00:00Z`) + every * MINUTE_MS;
      }
      out.push(entry);
    });
  }
  return out;
}

/** The entries whose review is due at `now`. */
export function dueReviews(policy: Policy, now: number): StandingReview[] {
  return standingReviews(policy).filter((e) => e.dueAt === undefined || !(e.dueAt > now));
}

/** Whole days a due review is late (0 on the day it falls due; undefined: never reviewed). */
export function daysOverdue(e: StandingReview, now: number): number | undefined {
  return e.dueAt === undefined ? undefined : Math.max(0, Math.floor((now - e.dueAt) / DAY_MS));
}

/** Who decides about a resource's standing access: its approvers (logins and @org/team), groups expanded. */
export function reviewersOf(policy: Policy, resource: string): string[] {
  const r = policy.resources.get(resource);
  if (!r) return [];
  return [...new Set(expandRefs(r.approvalRules.flatMap((a) => a.from), policy.groups))];
}
