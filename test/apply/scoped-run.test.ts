// Scoped sweeps on a simulated clock (commands/scoped-run.ts): with runs dropped, one
// cancelled half-way, access added by hand and refs/jit/state replaced by someone with write
// access, every grant is still revoked by the first executed sweep after its end, every lease
// is granted from its start, and the hand-made access is revoked within the drift bound.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExpire } from "../../src/commands/expire.js";
import type { ExpireOptions } from "../../src/commands/expire.js";
import { scopedRun, settleExpire } from "../../src/commands/scoped-run.js";
import type { Emulator } from "../../src/emulator/index.js";
import { readReconcileState, writeReconcileState } from "../../src/git/reconcile-state.js";
import { createClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { TestRepo } from "../helpers/git-repo.js";
import type { Planned } from "./simulated-repo.js";
import { DAY0, MIN, POLICY, simulatedRepo } from "./simulated-repo.js";

const KEY = "scoped-run-key";
const BOUND = 60 * MIN;
let repo: TestRepo;
let emu: Emulator;
let planned: Planned[] = [];

beforeAll(async () => {
  const merges = [10, 25, 40, 55, 70, 95, 120].map((m) => DAY0 + m * MIN);
  const minutes = [30, 45, 20, 60, 35, 25, 40];
  ({ repo, emu, planned } = await simulatedRepo({ policy: POLICY, merges, minutes, reason: "Simulated access for the scoped runs" }));
});

afterAll(async () => {
  await emu.close();
  repo.cleanup();
});

function options(now: number): ExpireOptions {
  const gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
  const registry = createProviderRegistry(gh);
  return { gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: (id, policy) => registry(policy.resources.get(id)!), dryRun: false };
}

describe("scoped sweeps", () => {
  it("never revoke late, find drift within the bound, and widen when a run is dropped, cancelled or its state replaced", async () => {
    const member = (resource: string, login: string) => emu.state.getTeam("acme", resource)!.members.has(login);
    let handAt: number | undefined;
    let fullRuns = 0;
    let scopedRuns = 0;
    let i = 0;
    for (let t = DAY0 + 3 * MIN; t < DAY0 + 200 * MIN; t += 5 * MIN, i++) {
      if (i % 4 === 3) continue; // GitHub dropped this run
      if (t >= DAY0 + 40 * MIN && handAt === undefined) {
        emu.state.addTeamMember("acme", "team-b", "mallory"); // by hand, outside jit-access
        handAt = t;
      }
      if (i === 9) {
        // Cancelled half-way: it reconciled but recorded nothing.
        await expect(scopedRun(options(t), { kind: "sweep", driftBound: BOUND }, async (o) => {
          await runExpire(o as ExpireOptions);
          throw new Error("cancelled");
        }, settleExpire(repo.dir, false))).rejects.toThrow("cancelled");
        continue;
      }
      if (i === 20) {
        // Someone with write access replaces refs/jit/state with one they signed themselves.
        const read = await readReconcileState(repo.dir, KEY, "acme/access");
        expect("state" in read).toBe(true);
        if ("state" in read) await writeReconcileState(repo.dir, { ...read.state, listed: {}, retry: [], dueSince: t, cache: read.state.cache.map(([k, p]) => [k, { ...p, body: [] }]) }, "not-the-key", "acme/access", t);
      }
      const { result, report } = await scopedRun(options(t), { kind: "sweep", driftBound: BOUND }, (o) => runExpire(o as ExpireOptions), settleExpire(repo.dir, false));
      expect(result.ok).toBe(true);
      if (report.scope.fullBecause) fullRuns++;
      else scopedRuns++;
      // No state yet; a forged state: a full reconcile (everything listed).
      if (i === 0 || i === 20) expect(report.scope.fullBecause).toBeDefined();
      for (const p of planned) {
        if (p.end <= t) expect(member(p.resource, p.grantee), `${p.grantee} at ${new Date(t).toISOString()}`).toBe(false);
        else if (p.start <= t) expect(member(p.resource, p.grantee), `${p.grantee} at ${new Date(t).toISOString()}`).toBe(true);
      }
      if (handAt !== undefined && t - handAt > BOUND) expect(member("team-b", "mallory")).toBe(false);
    }
    expect(member("team-b", "mallory")).toBe(false);
    expect(scopedRuns).toBeGreaterThan(fullRuns);
  });
});
