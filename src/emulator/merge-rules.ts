/**
 * Branch rules as the merge route enforces them: the part of a ruleset (or classic branch
 * protection) that decides whether a pull request may be merged, and who bypasses it. Kept
 * beside the state (keyed by it), separate from any routes that read or write rulesets.
 *
 * GitHub: a ruleset on the default branch with "Require a pull request before merging"
 * (required approving review count, require review from Code Owners) and "Require status
 * checks to pass" (each check optionally pinned to the App that must report it). Actors in
 * the ruleset's bypass list with bypass_mode "pull_request" may merge pull requests without
 * meeting its rules (not push directly); "always" also allows direct pushes. A bypass skips
 * every rule of that ruleset, so the caller that bypasses must check what it needs itself.
 */
import type { EmulatorState } from "./state.js";

export interface MergeRules {
  /** Approving reviews needed on the head commit, by others than the author (code-owner review is modelled as this count). */
  requiredApprovingReviews: number;
  /** Check runs that must have concluded success on the head commit; `app` pins the App slug that must report it. */
  requiredChecks?: Array<{ context: string; app?: string }>;
  /** GitHub Apps (slugs) in the bypass list, with bypass_mode pull_request. */
  bypassApps?: string[];
}

const rules = new WeakMap<EmulatorState, Map<string, MergeRules>>();
const key = (owner: string, repo: string, branch: string) => `${owner}/${repo}:${branch}`.toLowerCase();

/** Sets (or with undefined clears) the rules on a branch. */
export function setMergeRules(state: EmulatorState, owner: string, repo: string, branch: string, r: MergeRules | undefined): void {
  let m = rules.get(state);
  if (!m) rules.set(state, (m = new Map()));
  if (r) m.set(key(owner, repo, branch), r);
  else m.delete(key(owner, repo, branch));
}

export function mergeRulesOf(state: EmulatorState, owner: string, repo: string, branch: string): MergeRules | undefined {
  return rules.get(state)?.get(key(owner, repo, branch));
}
