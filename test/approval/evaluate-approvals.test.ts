// The approval engine: every rule here is a security rule, so each has a test that tries to break it.
import { describe, expect, it } from "vitest";
import { evaluateApprovals } from "../../src/approval/evaluate-approvals.js";
import type { ApprovalInput, Review } from "../../src/approval/evaluate-approvals.js";
import type { Facts } from "../../src/policy/people.js";

const HEAD = "a".repeat(40);
const OLD = "b".repeat(40);
const facts: Facts = {
  teams: new Map([
    ["acme/security", new Set(["sam", "sue"])],
    ["acme/sre-leads", new Set(["rita", "sue"])],
  ]),
  orgMembers: new Map(),
};
let id = 0;
const review = (reviewer: string, state: Review["state"], commitId = HEAD, t = ++id): Review => ({ id: t, reviewer, state, commitId, submittedAt: t * 1000 });
const base = (reviews: Review[], over: Partial<ApprovalInput> = {}): ApprovalInput => ({
  rules: [
    { from: ["@acme/security"], count: 1 },
    { from: ["group:sre"], count: 1 },
  ],
  groups: { sre: ["@acme/sre-leads", "carl"] },
  author: "alice",
  grantee: "alice",
  headSha: HEAD,
  reviews,
  facts,
  ...over,
});

describe("evaluateApprovals", () => {
  it("is satisfied by one approver from each rule on the head commit", () => {
    const r = evaluateApprovals(base([review("sam", "APPROVED"), review("rita", "APPROVED")]));
    expect(r.satisfied).toBe(true);
    expect(r.rules.map((p) => p.approvedBy)).toEqual([["sam"], ["rita"]]);
    expect(r.missing).toEqual([]);
  });

  it("says exactly what is missing", () => {
    const r = evaluateApprovals(base([review("sam", "APPROVED")]));
    expect(r.satisfied).toBe(false);
    expect(r.missing).toEqual(["1 more approval from @acme/sre-leads, carl"]);
  });

  it("does not count one person twice where two groups are required (sue is in both)", () => {
    const r = evaluateApprovals(base([review("sue", "APPROVED")]));
    expect(r.satisfied).toBe(false);
    expect(r.counted.map((c) => c.reviewer)).toEqual(["sue"]);
  });

  it("finds a valid assignment when a greedy one would fail", () => {
    // sue fits both rules, sam only security: sue must go to sre.
    const r = evaluateApprovals(base([review("sue", "APPROVED"), review("sam", "APPROVED")]));
    expect(r.satisfied).toBe(true);
    expect(r.rules.map((p) => p.approvedBy)).toEqual([["sam"], ["sue"]]);
  });

  it("never counts a self-approval by the author", () => {
    const r = evaluateApprovals(base([review("sam", "APPROVED"), review("rita", "APPROVED")], { author: "rita", grantee: "rita" }));
    expect(r.satisfied).toBe(false);
    expect(r.ignored.map((i) => i.why)).toContain("rita is the pull request's author");
  });

  it("never counts the grantee approving their own access (request made for them)", () => {
    const r = evaluateApprovals(base([review("sam", "APPROVED"), review("rita", "APPROVED")], { author: "bob", grantee: "rita" }));
    expect(r.satisfied).toBe(false);
    expect(r.ignored.map((i) => i.why)).toContain("rita is the grantee");
  });

  it("ignores approvals by people who are not approvers", () => {
    const r = evaluateApprovals(base([review("sam", "APPROVED"), review("mallory", "APPROVED")]));
    expect(r.satisfied).toBe(false);
    expect(r.ignored[0]!.why).toMatch(/mallory is not an approver/);
  });

  it("ignores approvals of an older commit", () => {
    const r = evaluateApprovals(base([review("sam", "APPROVED"), review("rita", "APPROVED", OLD)]));
    expect(r.satisfied).toBe(false);
    expect(r.ignored[0]!.why).toMatch(/older commit/);
  });

  it("counts only a reviewer's latest decisive review; a comment does not undo an approval", () => {
    expect(evaluateApprovals(base([review("sam", "APPROVED"), review("rita", "APPROVED"), review("rita", "COMMENTED")])).satisfied).toBe(true);
    expect(evaluateApprovals(base([review("sam", "APPROVED"), review("rita", "APPROVED"), review("rita", "DISMISSED")])).satisfied).toBe(false);
    expect(evaluateApprovals(base([review("sam", "CHANGES_REQUESTED"), review("sam", "APPROVED"), review("rita", "APPROVED")])).satisfied).toBe(true);
  });

  it("blocks on an outstanding request for changes from an eligible approver", () => {
    const r = evaluateApprovals(base([review("sam", "APPROVED"), review("rita", "APPROVED"), review("sue", "CHANGES_REQUESTED")]));
    expect(r.satisfied).toBe(false);
    expect(r.blockedBy).toEqual(["sue"]);
    expect(r.missing).toContain("sue requested changes");
  });

  it("is not blocked by changes requested by someone who may not approve", () => {
    const r = evaluateApprovals(base([review("sam", "APPROVED"), review("rita", "APPROVED"), review("mallory", "CHANGES_REQUESTED")]));
    expect(r.satisfied).toBe(true);
  });

  it("does not count members of teams it could not resolve, and says so", () => {
    const noTeams: Facts = { teams: new Map(), orgMembers: new Map() };
    const r = evaluateApprovals(base([review("sam", "APPROVED"), review("carl", "APPROVED")], { facts: noTeams }));
    expect(r.satisfied).toBe(false);
    expect(r.unknown.length).toBeGreaterThan(0);
    expect(r.rules[1]!.approvedBy).toEqual(["carl"]);
  });

  it("needs N distinct approvals for a count of N", () => {
    const rules = [{ from: ["@acme/security", "@acme/sre-leads"], count: 3 }];
    expect(evaluateApprovals(base([review("sam", "APPROVED"), review("sue", "APPROVED")], { rules })).missing).toEqual(["1 more approval from @acme/security, @acme/sre-leads"]);
    expect(evaluateApprovals(base([review("sam", "APPROVED"), review("sue", "APPROVED"), review("rita", "APPROVED")], { rules })).satisfied).toBe(true);
    expect(evaluateApprovals(base([review("sam", "APPROVED"), review("sam", "APPROVED"), review("sue", "APPROVED")], { rules })).satisfied).toBe(false);
  });

  it("compares logins case-insensitively, as GitHub does", () => {
    const r = evaluateApprovals(base([review("SAM", "APPROVED"), review("Rita", "APPROVED")], { author: "RITA", grantee: "rita" }));
    expect(r.satisfied).toBe(false);
  });
});
