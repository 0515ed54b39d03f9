/**
 * The expiry computation, exactly as `jit expire` makes it, without the network: runExpire
 * in dry-run mode (src/commands/expire.ts → runApply: the policy, one `git log` over main,
 * the evidence notes, the lease blobs, verdicts, windows, which leases are over at `now`, and
 * the plan), against targets held in memory that hold what the history granted. Every change
 * in the history carries signed evidence, so nothing needs verifying through the API; the
 * only calls made (membership checks at a scheduled lease's start) are answered in memory.
 *
 * Run as a cold process by bench/history-bench.ts (bundled to .bench/expiry-run.mjs):
 *   node .bench/expiry-run.mjs <repo made by bench/history.ts> <now, RFC 3339> [ref]
 * prints one JSON line: counts of what it found.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runExpire } from "../src/commands/expire.js";
import type { ExpireResult } from "../src/commands/expire.js";
import type { GitHubClient } from "../src/github/client.js";
import { parseTimestamp } from "../src/lease/timestamp.js";
import type { Resource } from "../src/policy/policy.js";
import type { Provider } from "../src/providers/provider.js";
import { EVIDENCE_KEY } from "./history.js";
import type { HistoryStats } from "./history.js";

/**
 * GitHub for runs that must not reach it. The one question a history with signed evidence
 * still asks — when a scheduled lease starts, are its requester and grantee members of the
 * org, and who is in the policy's requester teams — is answered from memory (everyone in the
 * generated history is an org member; its policy names no requester teams) and recorded.
 * Anything else is an error, so the benchmark fails rather than measure a stand-in.
 */
export function offlineGitHub(): { gh: GitHubClient; calls: string[] } {
  const calls: string[] = [];
  const listMembersInOrg = async () => ({ data: [] });
  const api = {
    rest: {
      orgs: {
        checkMembershipForUser: async (p: { org: string; username: string }) => {
          calls.push(`GET /orgs/${p.org}/members/${p.username}`);
          return { status: 204 };
        },
      },
      teams: { listMembersInOrg },
    },
    paginate: async (route: unknown, p: { org: string; team_slug: string }) => {
      if (route !== listMembersInOrg) throw new Error("the benchmark is offline, but the code under test paginated an API it does not answer");
      calls.push(`GET /orgs/${p.org}/teams/${p.team_slug}/members`);
      return [];
    },
  };
  const strict = <T extends object>(target: T, path: string): T =>
    new Proxy(target, {
      get(t, prop) {
        if (!(prop in t)) throw new Error(`the benchmark is offline, but the code under test used the GitHub API (${path}.${String(prop)})`);
        const v = (t as Record<string | symbol, unknown>)[prop];
        return typeof v === "object" && v !== null ? strict(v, `${path}.${String(prop)}`) : v;
      },
    });
  return { gh: strict(api, "gh") as unknown as GitHubClient, calls };
}

type Held = HistoryStats["heldAtNow"];

/** A target holding these grants (those on this resource) and changing nothing: dry runs only plan. */
export function heldProvider(resource: Resource, held: Held): Provider {
  const rank = (role: string) => resource.roles.indexOf(role) + 1;
  const refuse = () => Promise.reject(new Error("dry run: no writes"));
  const grants = held.filter((g) => g.resource === resource.id).map((g) => ({ ...g, state: "active" as const }));
  return { type: resource.provider.type, nativeExpiry: false, singleRole: resource.provider.type !== "github-org-role", rank, canGrantOthers: () => false, list: async () => grants, grant: refuse, changeRole: refuse, revoke: refuse };
}

/** runExpire as a sweep at `now` makes it, dry run; with the API calls it made (answered in memory). */
export async function expiryOffline(repoDir: string, now: number, held: Held, ref = "main"): Promise<{ result: ExpireResult; apiCalls: string[] }> {
  const { gh, calls } = offlineGitHub();
  const result = await runExpire({
    gh,
    repoDir,
    owner: "acme",
    repo: "access",
    defaultBranch: "main",
    policyPath: "policy.yaml",
    now,
    ref,
    evidenceKey: EVIDENCE_KEY,
    providerFor: (id, policy) => heldProvider(policy.resources.get(id)!, held),
    dryRun: true,
  });
  return { result, apiCalls: calls };
}

/** What the run found, in counts (the bench checks them against the generator's model). */
export function expirySummary({ result: r, apiCalls }: { result: ExpireResult; apiCalls: string[] }) {
  const planned = (kind: string) => r.apply.plan.actions.filter((a) => a.kind === kind).length;
  return { over: r.apply.over.length, removed: r.removed.length, kept: r.kept.length, active: r.apply.active.length, findings: r.apply.findings.length, verifiedNow: r.apply.verified.length, keep: planned("keep"), revoke: planned("revoke"), grant: planned("grant"), apiCalls: apiCalls.length };
}

const [, self, repo, nowText, ref] = process.argv;
if (self && /expiry-run\.(mjs|ts)$/.test(self)) {
  const now = parseTimestamp(nowText ?? "");
  if (!repo || now === undefined) {
    console.error("usage: node expiry-run.mjs <repo> <now, RFC 3339> [ref]");
    process.exit(2);
  }
  // What the targets hold comes from the generator's record (bench/history.ts keeps it in .git).
  const stats = JSON.parse(readFileSync(join(repo, ".git", "bench-history.json"), "utf8")) as HistoryStats;
  console.log(JSON.stringify(expirySummary(await expiryOffline(repo, now, stats.heldAtNow, ref))));
}
