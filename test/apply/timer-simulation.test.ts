// Simulated clock with `revocation: timer`: 40 approved leases merged over 6 simulated hours;
// apply starts a timer per grant, and every grant is revoked within one minute of its
// expiry, none early, while the expiry sweep still runs beside the timers every 5 simulated
// minutes — with some runs dropped and some an hour late, as GitHub's cron does. Timers for
// leases longer than one job's wait hand over to the next timer.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTimers } from "../../src/action/start-timers.js";
import { runApply } from "../../src/commands/apply.js";
import { runExpire } from "../../src/commands/expire.js";
import { runTimer } from "../../src/commands/timer.js";
import type { TimerStart } from "../../src/timer/timer-plan.js";
import { parseTimerInputs, timerLeg, timersToStart } from "../../src/timer/timer-plan.js";
import { createClient } from "../../src/github/client.js";
import type { Policy } from "../../src/policy/policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { Emulator } from "../../src/emulator/index.js";
import { EXAMPLE_REPO } from "../helpers/git-repo.js";
import type { TestRepo } from "../helpers/git-repo.js";
import type { Planned } from "./simulated-repo.js";
import { DAY0, MIN, POLICY, iso, simulatedRepo } from "./simulated-repo.js";

const TIMER_LEASES = 40;
/** mulberry32: evenly spread values (the sweep simulation's LCG clusters merges on 16-minute steps). */
function random(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
const TIMER_POLICY = POLICY.replace(/ {4}approvers: \[dana\]\n/g, "    approvers: [dana]\n    revocation: timer\n");

describe("revocation: timer on a simulated clock", () => {
  let trepo: TestRepo;
  let temu: Emulator;
  let tplanned: Planned[] = [];

  beforeAll(async () => {
    const rnd = random(23);
    // Merges over the first 6 hours; durations 30m to 10h (the longer ones need two timer jobs).
    const merges = Array.from({ length: TIMER_LEASES }, () => DAY0 + rnd(6 * 60) * MIN).sort((a, b) => a - b);
    const minutes = merges.map(() => 30 + rnd(20) * 30);
    // The example's timer workflow: the emulator checks every dispatch against its inputs.
    const files = { ".github/workflows/timer.yml": readFileSync(join(EXAMPLE_REPO, ".github/workflows/timer.yml")) };
    ({ repo: trepo, emu: temu, planned: tplanned } = await simulatedRepo({ policy: TIMER_POLICY, merges, minutes, reason: "Simulated access for the timer test", files }));
  });

  afterAll(async () => {
    await temu.close();
    trepo.cleanup();
  });

  it("revokes every grant within one minute of its expiry, none early, while the sweeps beside the timers are dropped and late", async () => {
    const gh = createClient({ token: "test-token", baseUrl: temu.url, retryBaseMs: 5, spaceWrites: false });
    const rnd = random(9);
    type Kind = "apply" | "sweep" | "timer-start" | "timer-chain" | "timer-revoke";
    const queue: Array<{ at: number; seq: number; kind: Kind; timer?: TimerStart }> = [];
    let seq = 0;
    const schedule = (at: number, kind: Kind, timer?: TimerStart) => queue.push({ at, seq: seq++, kind, ...(timer ? { timer } : {}) });
    // apply runs on each merge (a push to main), within half a minute.
    for (const p of tplanned) schedule(p.start + rnd(30) * 1000, "apply");
    // The sweep, as GitHub's cron runs it: every 5 minutes, some runs dropped, some an hour late.
    let dropped = 0;
    let late = 0;
    const lastEnd = Math.max(...tplanned.map((p) => p.end));
    for (let t = DAY0 + 3 * MIN; t < lastEnd + 15 * MIN; t += 5 * MIN) {
      const roll = rnd(100);
      if (roll < 8) {
        dropped++;
        continue;
      }
      if (roll < 12) {
        late++;
        t += 60 * MIN;
      }
      schedule(t, "sweep");
    }
    const registry = createProviderRegistry(gh);
    const options = (now: number) => ({ gh, repoDir: trepo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: "k", providerFor: (id: string, p: Policy) => registry(p.resources.get(id)!), dryRun: false });
    const target = { owner: "acme", repo: "access", ref: "main", workflow: "timer.yml" };
    const warnings: string[] = [];
    const start = (timers: TimerStart[]) => startTimers(gh, target, timers, (m) => warnings.push(m));
    // Every recorded dispatch starts a timer job a few seconds later (workflow_dispatch runs are
    // not cron: no schedule delay, only the runner's start).
    let picked = 0;
    const pickUpDispatches = (now: number) => {
      const all = temu.state.listWorkflowDispatches("acme", "access", "timer.yml");
      for (const d of all.slice(picked)) {
        const t = parseTimerInputs(d.inputs.lease ?? "", d.inputs["expires-at"] ?? "");
        schedule(now + (5 + rnd(45)) * 1000, "timer-start", { lease: t.lease, expiresAt: t.expiresAt });
      }
      picked = all.length;
    };
    const member = (p: Planned) => temu.state.getTeam("acme", p.resource)!.members.has(p.grantee);
    const grantedAt = new Map<string, number>();
    const revoked = new Map<string, { at: number; by: Kind }>();
    let chains = 0;
    let sweeps = 0;
    const count = new Map<Kind, number>();
    while (queue.length > 0) {
      queue.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const e = queue.shift()!;
      const now = e.at;
      if (e.kind === "apply") {
        const r = await runApply(options(now));
        expect(r.findings).toEqual([]);
        await start(timersToStart(r.results, r.policy));
      } else if (e.kind === "sweep") {
        sweeps++;
        const r = await runExpire(options(now));
        expect(r.kept).toEqual([]);
        await start(timersToStart(r.apply.results, r.apply.policy));
      } else if (e.kind === "timer-start") {
        // The wait phase: sleep until the expiry (then the revoke steps start within 40 s), or
        // one job's longest wait and then dispatch the next timer.
        const leg = timerLeg(now, e.timer!.expiresAt);
        schedule(now + leg.waitMs + (leg.due ? rnd(40) * 1000 : 0), leg.due ? "timer-revoke" : "timer-chain", e.timer);
      } else if (e.kind === "timer-chain") {
        chains++;
        await start([e.timer!]);
      } else {
        const r = await runTimer({ ...options(now), lease: e.timer!.lease });
        expect(r.kept).toEqual([]);
        await start([...timersToStart(r.apply.results, r.apply.policy), ...(r.next ? [r.next] : [])]);
      }
      pickUpDispatches(now);
      count.set(e.kind, (count.get(e.kind) ?? 0) + 1);
      for (const p of tplanned) {
        const has = member(p);
        if (has && revoked.has(p.grantee)) throw new Error(`${p.grantee} has access again at ${iso(now)}, after its revocation`);
        if (has && !grantedAt.has(p.grantee)) grantedAt.set(p.grantee, now);
        if (!has && grantedAt.has(p.grantee) && !revoked.has(p.grantee)) revoked.set(p.grantee, { at: now, by: e.kind });
      }
    }
    if (process.env.TIMER_SIM_DEBUG) {
      console.log([...count].map(([k, n]) => `${k}: ${n} runs`).join("\n"));
      const delays = tplanned.map((p) => (revoked.get(p.grantee)?.at ?? NaN) - p.end);
      console.log(`revoked after expiry: max ${Math.max(...delays) / 1000} s; by timers ${[...revoked.values()].filter((r) => r.by === "timer-revoke").length} of ${TIMER_LEASES}`);
    }
    expect(warnings).toEqual([]);
    expect(sweeps).toBeGreaterThan(100);
    expect(dropped).toBeGreaterThan(3);
    expect(late).toBeGreaterThan(3);
    expect(chains).toBeGreaterThan(3); // leases longer than one job's wait were handed over
    for (const p of tplanned) {
      const g = grantedAt.get(p.grantee);
      const r = revoked.get(p.grantee);
      expect(g, `${p.grantee} never granted`).toBeDefined();
      expect(g! >= p.start && g! < p.start + MIN, `${p.grantee} granted at ${iso(g!)}, merged ${iso(p.start)}`).toBe(true);
      expect(r, `${p.grantee} never revoked`).toBeDefined();
      expect(r!.at >= p.end, `${p.grantee} revoked early at ${iso(r!.at)}, before ${iso(p.end)}`).toBe(true);
      expect(r!.at - p.end < MIN, `${p.grantee} revoked at ${iso(r!.at)}, more than a minute after ${iso(p.end)}`).toBe(true);
    }
    // The timers did the revoking; a sweep got there first only when it ran in that minute.
    const byTimer = [...revoked.values()].filter((r) => r.by === "timer-revoke").length;
    expect(byTimer).toBeGreaterThan(TIMER_LEASES * 0.8);
    const removed = trepo.git("log", "--first-parent", "--format=%(trailers:key=Jit-Lease,valueonly)", "main").split("\n").filter(Boolean);
    expect(removed.sort()).toEqual(tplanned.map((p) => `leases/${p.resource}/${p.grantee}.yaml`).sort());
    expect(trepo.git("ls-tree", "-r", "--name-only", "main", "leases").trim()).toBe("");
  });
});
