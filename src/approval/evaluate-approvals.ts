/**
 * Are a lease's approval rules met by a pull request's reviews? One pure function, used at
 * pull request time (the check run shows progress) and again at apply time (re-verified
 * from the API, trusting nothing from pull request time).
 *
 * Rules: a reviewer's latest decisive review counts (COMMENTED does not change it); an
 * approval counts only on the pull request's final head commit; an outstanding
 * CHANGES_REQUESTED from anyone eligible to approve blocks; the author and the grantee never
 * count; every rule of `approvals` is met by distinct people (found by bipartite matching,
 * so one person is never counted twice and a valid assignment is found when one exists);
 * team membership comes from facts resolved now, and an unresolved team is "unknown".
 */
import { expandRefs, isAmong } from "../policy/people.js";
import type { Facts, Tri } from "../policy/people.js";

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";

export interface Review {
  id: number;
  reviewer: string;
  state: ReviewState;
  commitId: string;
  /** ms since epoch; reviews are also taken in the order given when times tie */
  submittedAt: number;
}

export interface ApprovalRuleInput {
  from: string[];
  count: number;
}

export interface ApprovalInput {
  rules: ApprovalRuleInput[];
  groups: Record<string, string[]>;
  author: string;
  grantee: string;
  headSha: string;
  reviews: Review[];
  facts: Facts;
}

export interface RuleProgress {
  from: string[];
  count: number;
  /** Approvers assigned to this rule by the matching. */
  approvedBy: string[];
  missing: number;
}

export interface ApprovalResult {
  satisfied: boolean;
  rules: RuleProgress[];
  /** Reviews that count, one per approver, in the assignment. */
  counted: Review[];
  /** Human-readable reasons, e.g. "1 more approval from @acme/sre-leads". */
  missing: string[];
  /** Eligible reviewers whose latest review requests changes. */
  blockedBy: string[];
  /** Approvals that did not count, and why. */
  ignored: Array<{ review: Review; why: string }>;
  /** Checks that could not be made (team membership not resolved). */
  unknown: string[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function evaluateApprovals(input: ApprovalInput): ApprovalResult {
  const { rules, groups, author, grantee, headSha, facts } = input;
  const ignored: ApprovalResult["ignored"] = [];
  const unknown = new Set<string>();

  // Latest decisive review per reviewer (stable: later in the list wins on equal times).
  const latest = new Map<string, Review>();
  const ordered = input.reviews.map((r, i) => ({ r, i })).sort((a, b) => a.r.submittedAt - b.r.submittedAt || a.i - b.i);
  for (const { r } of ordered) {
    if (r.state === "COMMENTED" || r.state === "PENDING") continue;
    latest.set(r.reviewer.toLowerCase(), r);
  }

  const eligibleFor = (login: string, rule: ApprovalRuleInput): Tri => isAmong(login, rule.from, groups, facts);
  const eligibleAny = (login: string): Tri => {
    let u = false;
    for (const rule of rules) {
      const e = eligibleFor(login, rule);
      if (e === true) return true;
      if (e === "unknown") u = true;
    }
    return u ? "unknown" : false;
  };

  const blockedBy: string[] = [];
  const candidates: Review[] = [];
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

  // Bipartite matching: slots (rule, k) ← approvers eligible for that rule, each approver once.
  const slots: number[] = [];
  rules.forEach((rule, ri) => {
    for (let k = 0; k < rule.count; k++) slots.push(ri);
  });
  const edges = candidates.map((c) => slots.map((ri) => eligibleFor(c.reviewer, rules[ri]!) === true));
  const slotOwner: number[] = slots.map(() => -1);
  const tryAssign = (ci: number, seen: boolean[]): boolean => {
    for (let s = 0; s < slots.length; s++) {
      if (!edges[ci]![s] || seen[s]) continue;
      seen[s] = true;
      if (slotOwner[s] === -1 || tryAssign(slotOwner[s]!, seen)) {
        slotOwner[s] = ci;
        return true;
      }
    }
    return false;
  };
  for (let ci = 0; ci < candidates.length; ci++) tryAssign(ci, slots.map(() => false));

  const progress: RuleProgress[] = rules.map((rule) => ({ from: rule.from, count: rule.count, approvedBy: [], missing: rule.count }));
  const counted: Review[] = [];
  slots.forEach((ri, s) => {
    const ci = slotOwner[s]!;
    if (ci < 0) return;
    const p = progress[ri]!;
    p.approvedBy.push(candidates[ci]!.reviewer);
    p.missing--;
    counted.push(candidates[ci]!);
  });

  const missing: string[] = [];
  for (const p of progress) {
    if (p.missing > 0) missing.push(`${p.missing} more approval${p.missing === 1 ? "" : "s"} from ${expandRefs(p.from, groups).join(", ")}`);
  }
  for (const b of blockedBy) missing.push(`${b} requested changes`);
  // Unresolved teams never help: such a reviewer's approval is not counted, and their request for changes blocks.
  const satisfied = missing.length === 0;
  return { satisfied, rules: progress, counted, missing, blockedBy, ignored, unknown: [...unknown] };
}
