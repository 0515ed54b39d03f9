/**
 * The access repository of the simulations (sweep-simulation, timer-simulation): two teams,
 * one approver, and one pull request per lease, approved by dana and merged at its time —
 * built in one git process (TestRepo.mergeAll) and known to an emulator.
 */
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { startEmulator } from "../../src/emulator/index.js";
import type { Emulator } from "../../src/emulator/index.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

export const MIN = 60_000;
export const DAY0 = Date.parse("2026-11-24T00:00:00Z");
export const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export const POLICY = `version: 1
admins: [carol]
resources:
  team-a:
    provider: { type: github-team, org: acme, team: team-a }
    roles: [member]
    maxDuration: 12h
    approvers: [dana]
  team-b:
    provider: { type: github-team, org: acme, team: team-b }
    roles: [member, maintainer]
    maxDuration: 12h
    approvers: [dana]
`;

export interface Planned {
  grantee: string;
  resource: string;
  start: number;
  end: number;
}

/**
 * The repository and its emulator. Lease i is user<i>'s on team-a (even i) or team-b (odd),
 * requested 10 minutes before its merge at `merges[i]` (in order), for `minutes[i]`.
 */
export async function simulatedRepo(o: { policy: string; merges: number[]; minutes: number[]; reason: string; files?: Record<string, string | Buffer> }): Promise<{ repo: TestRepo; emu: Emulator; planned: Planned[] }> {
  const repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", o.policy);
  repo.write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(o.policy)).policy!, "policy.yaml"));
  for (const [path, content] of Object.entries(o.files ?? {})) repo.write(path, content);
  repo.commitAll("access repo", iso(DAY0 - 60 * MIN));
  const emu = await startEmulator({ rateLimit: { limit: 1_000_000 } });
  const s = emu.state;
  s.addOrg("acme");
  s.addTeam("acme", "team-a");
  s.addTeam("acme", "team-b");
  s.addOrgMember("acme", "dana");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  const planned = o.merges.map((merged, i) => ({ grantee: `user${i}`, resource: i % 2 ? "team-b" : "team-a", start: merged, end: merged + o.minutes[i]! * MIN }));
  const merged = repo.mergeAll(
    planned.map((p, i) => ({
      branch: `r${i}`,
      files: { [`leases/${p.resource}/${p.grantee}.yaml`]: lease({ grantee: p.grantee, resource: p.resource, role: "member", duration: `${o.minutes[i]}m`, reason: o.reason }) },
      message: `request ${i}`,
      time: iso(p.start - 10 * MIN),
      mergeTime: iso(p.start),
    })),
  );
  merged.forEach(({ base, head, merge }, i) => {
    const grantee = planned[i]!.grantee;
    s.addOrgMember("acme", grantee);
    const pr = s.addPullRequest("acme", "access", { author: grantee, base: "main", baseSha: base, head: `r${i}`, headSha: head });
    s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    s.associateCommit("acme", "access", merge, pr.number);
  });
  return { repo, emu, planned };
}
