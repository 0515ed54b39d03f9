// Simulated clock: 200 approved leases with mixed durations, granted at their merge times
// over the first simulated day, and the expiry sweep scheduled every 5 simulated minutes
// for two days — with some runs dropped and some an hour late, as GitHub's cron does.
// Every grant must be revoked by the first sweep that runs after its expiry, none early,
// and git must show each lease's whole life (added by a merge, removed by a sweep commit).
// (The same with `revocation: timer`: timer-simulation.test.ts, its own file so that the two
// run side by side.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExpire } from "../../src/commands/expire.js";
import { createClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { Emulator } from "../../src/emulator/index.js";
import type { TestRepo } from "../helpers/git-repo.js";
import type { Planned } from "./simulated-repo.js";
import { DAY0, MIN, POLICY, iso, simulatedRepo } from "./simulated-repo.js";

const LEASES = 200;

let repo: TestRepo;
let emu: Emulator;
let planned: Planned[] = [];

beforeAll(async () => {
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  // Merge times spread over the first day, in order; durations 30m to 10h.
  const merges = Array.from({ length: LEASES }, () => DAY0 + rnd(24 * 60) * MIN).sort((a, b) => a - b);
  const minutes = merges.map(() => 30 + rnd(20) * 30);
  ({ repo, emu, planned } = await simulatedRepo({ policy: POLICY, merges, minutes, reason: "Simulated access for the sweep test" }));
});

afterAll(async () => {
  await emu.close();
  repo.cleanup();
});

describe("the sweep on a simulated clock", () => {
  it("revokes every grant at the first executed sweep after its expiry, none early, with dropped and late runs", async () => {
    const gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
    let seed = 5;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const member = (p: Planned) => emu.state.getTeam("acme", p.resource)!.members.has(p.grantee);
    const lastRun = new Map<string, number>();
    let executed = 0;
    let dropped = 0;
    let late = 0;
    const debug = process.env.SIM_DEBUG ? Number(process.env.SIM_DEBUG) : 0;
    for (let t = DAY0 + 3 * MIN; t < DAY0 + (debug ? debug : 48 * 60) * MIN; t += 5 * MIN) {
      const roll = rnd(100);
      if (roll < 8) {
        dropped++;
        continue; // GitHub dropped this run
      }
      let now = t;
      if (roll < 12) {
        late++;
        // This run started an hour late; the runs scheduled meanwhile were queued behind it
        // and cancelled by the concurrency group. The clock only moves forward.
        now = t + 60 * MIN;
        t = now;
      }
      const registry = createProviderRegistry(gh);
      const r = await runExpire({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: "k", providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
      executed++;
      if (debug) console.log(`sweep ${iso(now)}: ${r.apply.verified.length} verified, ${r.apply.results.length} changes, ${r.removed.length} removed`);
      expect(r.kept).toEqual([]);
      expect(r.apply.findings).toEqual([]);
      for (const p of planned) {
        if (now >= p.end) expect(member(p), `${p.grantee} still has access at ${iso(now)}, after ${iso(p.end)}`).toBe(false);
        else if (now >= p.start) expect(member(p), `${p.grantee} has no access at ${iso(now)}, within ${iso(p.start)}–${iso(p.end)}`).toBe(true);
        else expect(member(p), `${p.grantee} has access before ${iso(p.start)}`).toBe(false);
      }
      lastRun.set("t", now);
    }
    if (debug) return;
    expect(executed).toBeGreaterThan(300);
    expect(dropped).toBeGreaterThan(10);
    expect(late).toBeGreaterThan(10);
    // Each lease's whole life is in git: added by its merge, removed by a sweep commit with trailers.
    const removed = repo.git("log", "--first-parent", "--format=%(trailers:key=Jit-Lease,valueonly)", "main").split("\n").filter(Boolean);
    expect(removed.sort()).toEqual(planned.map((p) => `leases/${p.resource}/${p.grantee}.yaml`).sort());
    expect(repo.git("ls-tree", "-r", "--name-only", "main", "leases").trim()).toBe("");
  });
});
