import { describe, expect, it } from "vitest";
import { checkAutoApproveBypass } from "../../src/approval/bypass-check.js";
import type { RepositoryRuleset } from "../../src/approval/bypass-check.js";

const APP = 42;
const ruleset = (over: Partial<RepositoryRuleset> = {}): RepositoryRuleset => ({
  id: 1,
  name: "protect main",
  target: "branch",
  enforcement: "active",
  bypass_actors: [{ actor_id: APP, actor_type: "Integration", bypass_mode: "pull_request" }],
  conditions: { ref_name: { include: ["~DEFAULT_BRANCH"], exclude: [] } },
  rules: [{ type: "pull_request", parameters: { required_approving_review_count: 1, require_code_owner_review: true } }],
  ...over,
});
const codes = (rulesets: RepositoryRuleset[], autoApproveInUse = true) => checkAutoApproveBypass({ rulesets, defaultBranch: "main", appId: APP, autoApproveInUse }).map((f) => f.code);

describe("the bypass auto-approval needs (for jit doctor)", () => {
  it("accepts the App alone, pull requests only, on the default branch only", () => {
    expect(codes([ruleset()])).toEqual([]);
    expect(codes([ruleset({ conditions: { ref_name: { include: ["refs/heads/main"] } } })])).toEqual([]);
  });

  it("flags a bypass wider than the rule needs", () => {
    expect(codes([ruleset({ bypass_actors: [{ actor_id: APP, actor_type: "Integration", bypass_mode: "always" }] })])).toEqual(["bypass-mode-always"]);
    expect(codes([ruleset({ conditions: { ref_name: { include: ["~ALL"] } } })])).toEqual(["bypass-too-wide"]);
    expect(codes([ruleset({ bypass_actors: [{ actor_id: APP, actor_type: "Integration", bypass_mode: "pull_request" }, { actor_id: 5, actor_type: "RepositoryRole", bypass_mode: "always" }] })])).toEqual(["bypass-extra-actor"]);
  });

  it("flags a missing bypass, a missing code-owner review, and a bypass nobody uses", () => {
    expect(codes([ruleset({ bypass_actors: [] })])).toEqual(["bypass-missing"]);
    expect(codes([ruleset({ rules: [{ type: "pull_request", parameters: { require_code_owner_review: false } }] })])).toEqual(["bypass-no-code-owner-review"]);
    expect(codes([ruleset({ enforcement: "evaluate" })])).toEqual(["bypass-no-code-owner-review"]);
    expect(codes([ruleset()], false)).toEqual(["bypass-unused"]);
    expect(codes([ruleset({ bypass_actors: [] })], false)).toEqual([]);
  });
});
