// Scale benchmark (run by scripts/bench.mjs, bundled with esbuild): a simulated day of
// jit-access on the GitHub API emulator, time passed in (`now`), never read.
//
// 1,000 team resources, 10,000 leases (their ends spread over 30 days, so ~14 end each hour),
// a sweep every 5 minutes (`expire`, scoped), a merge every 10 minutes (one new lease of 1–8 h
// through an approved pull request, then a scoped `apply`), and 1% of the resources changed by
// hand each hour (half a stranger added, half a lease holder removed). Runs use the
// conditional-request cache and refs/jit/state as the Action does (no remote: the state ref
// stays in the repository).
//
// Printed and checked: counted requests per hour (GitHub's rule: a 304 does not count),
// peak points per minute (GET 1, write 5, 304s included) against the secondary limit (900),
// counted requests per one-lease merge, no lease revoked after the first sweep past its end,
// drift revoked within the bound (1 h), and after every run the targets equal what a full
// reconcile would leave (the bench's own model of the leases), plus every hour a dry-run full
// reconcile that must plan nothing but drift younger than the bound.
//
// BENCH_SCALE_HOURS (default 2) simulated hours are run; per-hour figures are measured, not
// extrapolated; the day's total is 24 × the mean measured hour (said so when it is).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCodeowners } from "../src/codeowners/generate-codeowners.js";
import { runApply } from "../src/commands/apply.js";
import type { ApplyOptions } from "../src/commands/apply.js";
import { runExpire } from "../src/commands/expire.js";
import { scopedRun, settleApply, settleExpire } from "../src/commands/scoped-run.js";
import { noteSigner, signNote } from "../src/evidence/evidence.js";
import type { EvidenceNote } from "../src/evidence/evidence.js";
import { writeNote } from "../src/git/evidence-notes.js";
import { createClient } from "../src/github/client.js";
import { loadPolicy } from "../src/policy/load-policy.js";
import { createProviderRegistry } from "../src/providers/registry.js";
import { startEmulator } from "../src/emulator/index.js";
import type { ExchangeRecord } from "../src/emulator/index.js";

const RESOURCES = Number(process.env.BENCH_SCALE_RESOURCES ?? 1000);
const LEASES = Number(process.env.BENCH_SCALE_LEASES ?? 10_000);
const HOURS = Number(process.env.BENCH_SCALE_HOURS ?? 2);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DRIFT_BOUND = HOUR;
const SECONDARY = 900;
const KEY = "bench-key";
const T0 = Date.parse("2026-11-25T00:00:00Z");
const BASE_AT = T0 - 24 * HOUR;
const repo = join(process.cwd(), ".bench", "scale-repo");
const iso = (t: number) => new Date(t).toISOString();
const env = (t: number) => ({ ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@x", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@x", GIT_AUTHOR_DATE: iso(t), GIT_COMMITTER_DATE: iso(t) });
const git = (args: string[], t = BASE_AT) => execFileSync("git", args, { cwd: repo, env: env(t), stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
const team = (i: number) => `team-${String(i).padStart(4, "0")}`;

/** mulberry32: a seeded PRNG, so every run of the bench simulates the same day. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(13);
const pick = (n: number) => Math.floor(rnd() * n);

interface ModelLease {
  resource: string;
  grantee: string;
  start: number;
  end: number;
}

interface RunRecord {
  kind: "merge" | "sweep" | "warm-up";
  /** Merges: counted requests on other teams than the merged lease's (leases due that the run also revoked). */
  due?: number;
  at: number;
  counted: number;
  points: number;
  requests: number;
  notModified: number;
  resources: number;
  full: boolean;
  ms: number;
}

const counts = (r: ExchangeRecord) => r.status !== 304 && r.route !== "/rate_limit";
const points = (r: ExchangeRecord) => (r.method === "GET" || r.method === "HEAD" ? 1 : 5);

async function main() {
  const wall0 = performance.now();
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const policy = ["version: 1", 'admins: ["@acme/security-admins"]', "defaults:", "  maxDuration: 8h", "resources:"];
  for (let i = 0; i < RESOURCES; i++) policy.push(`  ${team(i)}:`, "    provider:", "      type: github-team", "      org: acme", `      team: ${team(i)}`, "    roles: [member, maintainer]", '    approvers: ["@acme/approvers"]');
  writeFileSync(join(repo, "policy.yaml"), policy.join("\n") + "\n");
  const loaded = loadPolicy("policy.yaml", Buffer.from(policy.join("\n") + "\n"));
  mkdirSync(join(repo, ".github"), { recursive: true });
  writeFileSync(join(repo, ".github", "CODEOWNERS"), generateCodeowners(loaded.policy!, "policy.yaml"));
  git(["init", "-q", "-b", "main"]);
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "policy"], BASE_AT - HOUR);

  // 10,000 leases granted a day before, ending over the next 30 days (evidence signed by that run).
  const model = new Map<string, ModelLease>();
  for (let i = 0; i < RESOURCES; i++) mkdirSync(join(repo, "leases", team(i)), { recursive: true });
  for (let n = 0; n < LEASES; n++) {
    const resource = team(n % RESOURCES);
    const end = T0 + Math.floor(((n * 7919) % (30 * 24 * 60)) + 1) * MIN + 17_000;
    const path = `leases/${resource}/user${n}.yaml`;
    writeFileSync(join(repo, path), `grantee: user${n}\nresource: ${resource}\nrole: member\nexpires: ${iso(end).replace(".000", "")}\nreason: Benchmark access number ${n}\n`);
    model.set(path, { resource, grantee: `user${n}`, start: BASE_AT, end });
  }
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "leases"], BASE_AT);
  const leasesCommit = git(["rev-parse", "HEAD"]);
  const blobs = git(["ls-tree", "-r", "HEAD", "leases"]).split("\n").map((l) => {
    const [meta, path] = l.split("\t");
    return { path: path!, blob: meta!.split(" ")[2]! };
  });
  const note: EvidenceNote = {
    version: 1,
    leases: blobs.map((b) => ({ lease: b.path, blob: b.blob, verdict: "approved", approvals: [{ reviewer: "approver", reviewId: 1, commit: "0".repeat(40), submittedAt: iso(BASE_AT - HOUR) }], policyCommit: "0".repeat(40), findings: [], verifiedAt: iso(BASE_AT) })),
  };
  await writeNote(repo, leasesCommit, JSON.stringify(signNote(note, leasesCommit, noteSigner("acme", "access", KEY))));

  let now = T0 - MIN;
  // The secondary limit runs on simulated time plus the real time spent in the current run, so
  // a client's real retry-after wait clears it (only a full pass of 1,000 resources in one
  // minute reaches it: the first run).
  let runStartedAt = Date.now();
  const emu = await startEmulator({ now: () => new Date(now), rateLimit: { limit: 1_000_000 }, secondary: { maxRequests: SECONDARY, windowMs: MIN, writePoints: 5, now: () => new Date(now + (Date.now() - runStartedAt)) } });
  const s = emu.state;
  s.addOrg("acme");
  s.addTeam("acme", "approvers");
  s.addTeamMember("acme", "approvers", "approver");
  for (let i = 0; i < RESOURCES; i++) s.addTeam("acme", team(i));
  for (const l of model.values()) s.addTeamMember("acme", l.resource, l.grantee);
  s.addRepo("acme", "access", { gitDir: repo, defaultBranch: "main" });
  // The hourly dry-run full reconcile (a check, not part of the figures) runs as another
  // identity, so it spends neither the bot's rate limits nor its secondary-limit minute.
  s.addOrgMember("acme", "checker", "admin");
  s.addToken("check-token", "checker");

  const runs: RunRecord[] = [];
  let limited = 0;
  const options = (token = "test-token"): ApplyOptions => {
    const gh = createClient({ token, baseUrl: emu.url, spaceWrites: false });
    const reg = createProviderRegistry(gh);
    return { gh, repoDir: repo, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: (rid, p) => reg(p.resources.get(rid)!), dryRun: false };
  };
  const record = async (kind: RunRecord["kind"], go: () => Promise<{ resources: number; full: boolean; notModified: number }>, merged?: string) => {
    const from = emu.requests.length;
    const t = performance.now();
    runStartedAt = Date.now();
    const r = await go();
    const ms = performance.now() - t;
    const log = emu.requests.slice(from);
    limited += log.filter((x) => x.status === 403).length;
    const other = (x: ExchangeRecord) => /\/teams\/team-\d+\//.test(x.path) && !x.path.includes(`/teams/${merged}/`);
    runs.push({ kind, at: now, ...(merged ? { due: log.filter((x) => counts(x) && other(x)).length } : {}), counted: log.filter(counts).length, points: log.reduce((n, x) => n + points(x), 0), requests: log.length, ms, ...r });
  };
  const sweep = (kind: "sweep" | "warm-up") =>
    record(kind, async () => {
      const o = options();
      const { result, report } = await scopedRun(o, { kind: "sweep", driftBound: DRIFT_BOUND }, runExpire, settleExpire(repo, false));
      if (!result.ok) problems.push(`${kind} at ${iso(now)} not ok: ${[...result.apply.findings.map((f) => f.message), ...result.kept.map((k) => k.why), ...result.apply.plan.errors.map((e) => e.message)].slice(0, 3).join("; ")}`);
      return { resources: report.scope.resources.size, full: report.scope.full, notModified: report.cache.notModified };
    });

  // Violations found by the checks.
  const problems: string[] = [];
  const hand = new Map<string, { team: string; login: string; at: number; kind: "added" | "removed" }>();
  let lastSweep = -Infinity;
  const check = (label: string) => {
    const active = new Map<string, ModelLease>();
    const ended = new Map<string, ModelLease>();
    for (const l of model.values()) {
      const k = `${l.resource}\0${l.grantee.toLowerCase()}`;
      if (l.start <= now && now < l.end) active.set(k, l);
      else if (l.end <= now) ended.set(k, l);
    }
    for (let i = 0; i < RESOURCES; i++) {
      const slug = team(i);
      const members = s.getTeam("acme", slug)!.members;
      for (const m of members.keys()) {
        const k = `${slug}\0${m}`;
        if (active.has(k)) continue;
        const h = hand.get(k);
        if (h?.kind === "added" && h.at > now - DRIFT_BOUND) continue;
        const e = ended.get(k);
        if (e && e.end > lastSweep) continue; // no sweep has run since it ended
        problems.push(`${label} ${iso(now)}: ${m} still in ${slug}: ${e ? `lease ended ${iso(e.end)}, revoked late` : h ? `hand-made at ${iso(h.at)}, not revoked within the bound` : "unexplained"}`);
      }
      for (const [k, l] of active) {
        if (l.resource !== slug || members.has(l.grantee.toLowerCase())) continue;
        const h = hand.get(k);
        if (h?.kind === "removed" && h.at > now - DRIFT_BOUND) continue;
        problems.push(`${label} ${iso(now)}: ${l.grantee} missing from ${slug} (lease ${iso(l.start)}–${iso(l.end)})`);
      }
    }
  };
  /** A dry-run full reconcile (not counted in the figures): it must plan nothing but young drift. */
  const fullCheck = async () => {
    const from = emu.requests.length;
    const r = await runApply({ ...options("check-token"), dryRun: true });
    emu.requests.splice(from);
    for (const a of r.plan.actions) {
      if (a.kind === "keep") continue;
      const k = `${a.resource}\0${a.grantee.toLowerCase()}`;
      const h = hand.get(k);
      if (h && h.at > now - DRIFT_BOUND) continue;
      const l = [...model.values()].find((x) => `${x.resource}\0${x.grantee.toLowerCase()}` === k);
      if (a.kind === "revoke" && l && l.end <= now && l.end > lastSweep) continue; // due at the next sweep
      problems.push(`full reconcile at ${iso(now)} would still ${a.kind} ${a.grantee} on ${a.resource}`);
    }
  };

  // Warm-up: the first run after installation (no refs/jit/state): a full reconcile.
  await sweep("warm-up");
  const warm403 = limited;
  lastSweep = now;
  check("warm-up");

  let merges = 0;
  let drift = 0;
  for (let m = 0; m < HOURS * 60; m++) {
    // 1% of resources changed by hand each hour, spread over the hour.
    if (m % 6 === 3) {
      now = T0 + m * MIN + 5_000;
      const slug = team(pick(RESOURCES));
      if (drift % 2 === 0) {
        const login = `stranger${drift}`;
        s.addTeamMember("acme", slug, login);
        hand.set(`${slug}\0${login}`, { team: slug, login, at: now, kind: "added" });
      } else {
        const held = [...model.values()].filter((l) => l.resource === slug && l.start <= now && now < l.end && s.getTeam("acme", slug)!.members.has(l.grantee.toLowerCase()));
        const l = held[pick(held.length)];
        if (l) {
          s.removeTeamMember("acme", slug, l.grantee);
          hand.set(`${slug}\0${l.grantee.toLowerCase()}`, { team: slug, login: l.grantee, at: now, kind: "removed" });
        }
      }
      drift++;
    }
    if (m % 10 === 0) {
      now = T0 + m * MIN + 10_000;
      const k = merges++;
      const resource = team(pick(RESOURCES));
      const path = `leases/${resource}/new${k}.yaml`;
      const hours = 1 + pick(8);
      git(["switch", "-q", "-c", `req${k}`, "main"]);
      writeFileSync(join(repo, path), `grantee: new${k}\nresource: ${resource}\nrole: member\nduration: ${hours}h\nreason: Benchmark merge number ${k}\n`);
      git(["add", "-A"]);
      git(["commit", "-q", "-m", `request ${k}`], now - 5 * MIN);
      const head = git(["rev-parse", "HEAD"]);
      git(["switch", "-q", "main"]);
      const baseSha = git(["rev-parse", "HEAD"]);
      s.addOrgMember("acme", `new${k}`);
      const pr = s.addPullRequest("acme", "access", { author: `new${k}`, base: "main", baseSha, head: `req${k}`, headSha: head });
      git(["merge", "-q", "--no-ff", "-m", `merge ${k}`, `req${k}`], now);
      const merge = git(["rev-parse", "HEAD"]);
      git(["branch", "-q", "-D", `req${k}`]);
      s.addReview("acme", "access", pr.number, { user: "approver", state: "APPROVED", commitId: head });
      s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
      s.associateCommit("acme", "access", merge, pr.number);
      model.set(path, { resource, grantee: `new${k}`, start: now, end: now + hours * HOUR });
      await record("merge", async () => {
        const { result, report } = await scopedRun(options(), { kind: "merge", driftBound: DRIFT_BOUND }, runApply, settleApply);
        if (!result.results.some((x) => x.action.grantee === `new${k}` && x.outcome.status === "granted")) problems.push(`merge ${k} at ${iso(now)}: new${k} not granted`);
        return { resources: report.scope.resources.size, full: report.scope.full, notModified: report.cache.notModified };
      }, resource);
      check("merge");
    }
    if (m % 5 === 0) {
      now = T0 + m * MIN + 30_000;
      await sweep("sweep");
      lastSweep = now;
      check("sweep");
    }
    if (m % 60 === 59) {
      now = T0 + m * MIN + 50_000;
      await fullCheck();
    }
  }
  await emu.close();

  // Figures.
  const measured = runs.filter((r) => r.kind !== "warm-up");
  const warm = runs.find((r) => r.kind === "warm-up")!;
  const perHour: number[] = [];
  for (let h = 0; h < HOURS; h++) perHour.push(measured.filter((r) => r.at >= T0 + h * HOUR && r.at < T0 + (h + 1) * HOUR).reduce((n, r) => n + r.counted, 0));
  const perMinute = new Map<number, number>();
  for (const r of measured) perMinute.set(Math.floor(r.at / MIN), (perMinute.get(Math.floor(r.at / MIN)) ?? 0) + r.points);
  const peak = Math.max(...perMinute.values());
  const mergeRuns = measured.filter((r) => r.kind === "merge");
  const sweepRuns = measured.filter((r) => r.kind === "sweep");
  const own = mergeRuns.map((r) => r.counted - (r.due ?? 0));
  const maxMerge = Math.max(...own);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const maxHour = Math.max(...perHour);
  const met = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(`scale: simulated ${HOURS} h of a day: ${RESOURCES} team resources, ${LEASES} leases, a sweep every 5 min (${sweepRuns.length}), a merge every 10 min (${mergeRuns.length}), ${drift} hand-made changes (1% of resources an hour); ${((performance.now() - wall0) / 1000).toFixed(0)} s wall`);
  console.log(`  first run (no refs/jit/state, cold cache): full reconcile, ${warm.counted} counted requests, ${warm.points} points${warm.points >= SECONDARY ? " (over the secondary limit in one minute: the client waits out GitHub's retry-after)" : ""}; once after installation or a lost state; ${(warm.ms / 1000).toFixed(0)} s`);
  console.log(`  answered 403 (secondary limit) during the measured runs: ${limited - warm403} (target 0: ${met(limited - warm403 === 0)})`);
  console.log(`  counted requests per hour (304s not counted): ${perHour.join(", ")}; max ${maxHour} (target ≤ 500: ${met(maxHour <= 500)})${HOURS < 24 ? `; a day ≈ 24 × ${mean(perHour).toFixed(0)} = ${(24 * mean(perHour)).toFixed(0)} (extrapolated from ${HOURS} h)` : `; the day: ${perHour.reduce((a, b) => a + b, 0)}`}`);
  console.log(`  peak points per minute (GET 1, write 5, 304s included): ${peak} (target < ${SECONDARY}: ${met(peak < SECONDARY)})`);
  console.log(`  one-lease merge: ${mean(own).toFixed(1)} counted requests on average for the lease (verification, its resource's listing, the grant), max ${maxMerge} (target ≤ 10: ${met(maxMerge <= 10)}); the merge run also revoked leases due since the last run: ${mean(mergeRuns.map((r) => r.due ?? 0)).toFixed(1)} more on average (max ${Math.max(...mergeRuns.map((r) => r.counted))} in all); ${mean(mergeRuns.map((r) => r.resources)).toFixed(1)} resources listed`);
  console.log(`  sweep: ${mean(sweepRuns.map((r) => r.counted)).toFixed(1)} counted requests on average (max ${Math.max(...sweepRuns.map((r) => r.counted))}), ${mean(sweepRuns.map((r) => r.requests)).toFixed(0)} requests sent, ${mean(sweepRuns.map((r) => r.notModified)).toFixed(0)} answered 304; ${mean(sweepRuns.map((r) => r.resources)).toFixed(0)} resources listed; ${sweepRuns.filter((r) => r.full).length} full; ${mean(sweepRuns.map((r) => r.ms)).toFixed(0)} ms each`);
  const late = problems.filter((p) => /revoked late/.test(p)).length;
  const driftLate = problems.filter((p) => /within the bound/.test(p)).length;
  console.log(`  leases revoked late: ${late} (target 0: ${met(late === 0)}); drift not revoked within ${DRIFT_BOUND / MIN} min: ${driftLate} (target 0: ${met(driftLate === 0)})`);
  console.log(`  state after every run equal to a full reconcile's (model after each run, dry-run full reconcile each hour): ${problems.length === 0 ? "yes (met)" : `${problems.length} difference(s) (MISSED)`}`);
  for (const p of problems.slice(0, 10)) console.log(`    ${p}`);
}

await main();
