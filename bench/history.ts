/**
 * A big, realistic access-repo history for benchmarks, built in seconds with one
 * `git fast-import` stream (plus a second one for the evidence notes), deterministic for a
 * seed, and cached under .tmp/bench-history/ keyed by its parameters.
 *
 * What main looks like, as real access repos evolve:
 * - lease requests merged three ways: merge commits of pull requests (the request's branch
 *   commits — the add, then review fix-ups — as second parent, based on an older main),
 *   squash merges (one commit), and rebase merges (the add and a fix-up, both on main);
 * - extensions (a later pull request lengthening the duration), merged or squashed;
 * - early revokes (`jit revoke`: the bot removes the file, with Jit-* trailers), and leases
 *   removed by their requester's own pull request;
 * - expiry sweeps: every 15 minutes (plus cron delay) where leases are over, one bot commit
 *   removing their files, with the message and trailers of `expiryCommitMessage`;
 * - a few requests rejected at verification (their file stays until the sweep removes it);
 * - paths that live several times (`<grantee>-oncall.yaml`), scheduled leases (notBefore);
 * - policy edits (descriptions, new resources with CODEOWNERS regenerated), README, docs and
 *   workflow commits (some through merged pull requests) filling the rest;
 * - signed evidence notes (refs/notes/jit) on every main commit that brought a lease change,
 *   as apply writes them, and on every commit that brought a policy version, with the verdict
 *   apply records on it (the first version is the trust anchor; every later one reached main
 *   without a pull request, so it is rejected), so the history reads like one apply has kept
 *   up with.
 *
 * The repository has no working tree checked out: it is read through git only.
 */
import { spawn, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateCodeowners } from "../src/codeowners/generate-codeowners.js";
import { expiryCommitMessage } from "../src/commands/expire.js";
import type { ExpiredLease } from "../src/commands/expire.js";
import { formatNote, noteSigner, signNote } from "../src/evidence/evidence.js";
import type { EvidenceNote, LeaseEvidence, PolicyEvidence } from "../src/evidence/evidence.js";
import { formatTimestamp } from "../src/lease/timestamp.js";
import { loadPolicy } from "../src/policy/load-policy.js";

/** Bump when the generated history changes, so caches of older shapes are not reused. */
const GENERATOR_VERSION = 6;

export interface HistoryParams {
  /** Commits reachable from main (first-parent chain, pull-request branches and merges), exactly. */
  commits: number;
  /** Lease files added on main (lives; a path can live several times), exactly. */
  leases: number;
  /** Resources in policy.yaml at the tip. */
  resources: number;
  seed: number;
}

export const DEFAULT_HISTORY: HistoryParams = { commits: 50_000, leases: 10_000, resources: 500, seed: 1 };

/** Parameters from BENCH_HISTORY_COMMITS / _LEASES / _RESOURCES / _SEED, else the defaults. */
export function historyParamsFromEnv(env: NodeJS.ProcessEnv = process.env): HistoryParams {
  const num = (name: string, dflt: number) => {
    const v = env[name];
    if (v === undefined || v === "") return dflt;
    const n = Number(v.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name}=${v} is not a whole number.`);
    return n;
  };
  return {
    commits: num("BENCH_HISTORY_COMMITS", DEFAULT_HISTORY.commits),
    leases: num("BENCH_HISTORY_LEASES", DEFAULT_HISTORY.leases),
    resources: num("BENCH_HISTORY_RESOURCES", DEFAULT_HISTORY.resources),
    seed: num("BENCH_HISTORY_SEED", DEFAULT_HISTORY.seed),
  };
}

/** The key the evidence notes are signed with (pass it as the evidence key to apply/audit). */
export const EVIDENCE_KEY = "bench-evidence-key";
/** The repository the generated notes are signed for (owner, name): audit it as this one. */
export const ACCESS_REPO = ["acme", "access"] as const;
export const BOT = { name: "jit-access[bot]", email: "jit-access[bot]@users.noreply.github.com" };

/** What the generator made: each figure is checked against git by test/bench/history.test.ts. */
export interface HistoryStats {
  params: HistoryParams;
  /** Commits reachable from main. */
  commits: number;
  /** Commits on main's first-parent chain. */
  firstParent: number;
  /** Merge commits (pull requests merged with a merge commit: lease requests, extensions, docs). */
  merges: number;
  /** Lease lives (adds on main). */
  leases: number;
  /** Distinct lease paths ever added. */
  leasePaths: number;
  addsByMerge: number;
  addsBySquash: number;
  addsByRebase: number;
  /** Adds whose verification was rejected (evidence verdict "rejected"). */
  rejected: number;
  scheduled: number;
  extensions: number;
  earlyRevokes: number;
  removedByPullRequest: number;
  /** Leases removed by expiry sweeps, and the sweep commits that removed them. */
  expiredBySweep: number;
  sweeps: number;
  resourcesAdded: number;
  policyEdits: number;
  /** README, docs and workflow commits (branch commits of docs pull requests included). */
  otherCommits: number;
  /** Lease files on main at the tip. */
  leasesAtTip: number;
  /** Lease lives that ended with a removal. */
  leasesEnded: number;
  /** Evidence notes (one per main commit that brought lease changes). */
  notes: number;
  /** Evidence notes with apply's verdict on a policy version (one per commit that brought one). */
  policyNotes: number;
  /** First and last commit times, RFC 3339. */
  first: string;
  last: string;
  /** A natural "now" for queries: half an hour after the last commit, RFC 3339. */
  now: string;
  /** At `now`, per the generator's own model: leases at the tip whose time is up (the sweep would remove them), and leases granted and running. */
  overAtNow: number;
  activeAtNow: number;
  /** What the targets hold at `now`: every lease on main granted and not yet revoked (active, or over and awaiting the sweep). */
  heldAtNow: Array<{ resource: string; grantee: string; role: string }>;
  /** Scheduled leases on main that have started by `now` (apply checks their requester again at the start). */
  startedScheduledAtNow: number;
  head: string;
}

export interface GeneratedHistory {
  dir: string;
  stats: HistoryStats;
  /** Milliseconds spent generating (0 when taken from the cache). */
  generatedMs: number;
  cached: boolean;
}

/** The project root, from this file or from its bundle under .bench/ or .tmp/. */
function projectRoot(): string {
  for (let d = import.meta.dirname; ; d = dirname(d)) {
    if (existsSync(join(d, "schemas", "lease.v1.schema.json")) && existsSync(join(d, "package.json"))) return d;
    if (dirname(d) === d) throw new Error(`No jit-access checkout above ${import.meta.dirname}.`);
  }
}
const ROOT = projectRoot();
export const HISTORY_CACHE = join(ROOT, ".tmp", "bench-history");

export function historyKey(p: HistoryParams): string {
  return `c${p.commits}-l${p.leases}-r${p.resources}-s${p.seed}-v${GENERATOR_VERSION}`;
}

/** The repository for these parameters: from the cache, or generated (and cached). */
export async function accessHistory(p: HistoryParams, cacheRoot = HISTORY_CACHE): Promise<GeneratedHistory> {
  const dir = join(cacheRoot, historyKey(p));
  // The stats mark a complete repository (written last); they live in .git, out of git's sight.
  const statsFile = join(dir, ".git", "bench-history.json");
  if (existsSync(statsFile)) return { dir, stats: JSON.parse(readFileSync(statsFile, "utf8")) as HistoryStats, generatedMs: 0, cached: true };
  const t0 = performance.now();
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const stats = await generate(p, tmp);
    writeFileSync(join(tmp, ".git", "bench-history.json"), JSON.stringify(stats, null, 2) + "\n");
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return { dir, stats, generatedMs: performance.now() - t0, cached: false };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------
// Planning: every lease's life and every other commit, as timed events on main.

const MIN = 60;
const HOUR = 3600;
const T0 = Date.parse("2025-01-06T08:00:00Z") / 1000;
/** Mean time between two lease requests. */
const MEAN_GAP = 50 * MIN;
const SWEEP_EVERY = 15 * MIN;

interface Person {
  name: string;
  email: string;
}
const GITHUB: Person = { name: "GitHub", email: "noreply@github.com" };
const ADMIN: Person = { name: "sec-admin", email: "sec-admin@users.noreply.github.com" };
const person = (login: string): Person => ({ name: login, email: `${login}@users.noreply.github.com` });

interface ResourceSpec {
  id: string;
  kind: 0 | 1 | 2;
  roles: string[];
  ticket: boolean;
  /** Time it appears in the policy (T0 for the initial ones). */
  since: number;
}

interface LeasePlan {
  n: number;
  path: string;
  resource: ResourceSpec;
  grantee: string;
  role: string;
  mode: "merge" | "squash" | "rebase";
  pr: number;
  /** Branch commits of a merged pull request (the add, then fix-ups). */
  branchCommits: number;
  branchBase: number;
  addTime: number;
  rejected: boolean;
  /** Lease content at the add (final) and before review (draft, for fix-ups). */
  draft: string;
  content: string;
  start: number;
  end: number;
  extension?: { time: number; mode: "merge" | "squash"; pr: number; branchBase: number; content: string; end: number };
  removal?: { kind: "revoke" | "pull-request" | "sweep"; time: number; pr?: number };
}

type Event =
  | { t: number; seq: number; kind: "add"; lease: LeasePlan }
  | { t: number; seq: number; kind: "extend"; lease: LeasePlan }
  | { t: number; seq: number; kind: "revoke"; lease: LeasePlan }
  | { t: number; seq: number; kind: "pr-remove"; lease: LeasePlan }
  | { t: number; seq: number; kind: "sweep"; leases: LeasePlan[] }
  | { t: number; seq: number; kind: "resource"; resource: ResourceSpec }
  | { t: number; seq: number; kind: "filler"; what: "readme" | "docs" | "workflow" | "policy" | "docs-pr" };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NewEvent = DistributiveOmit<Event, "seq">;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");
const iso = (s: number) => formatTimestamp(s * 1000);
const hm = (minutes: number) => `${Math.floor(minutes / 60) ? `${Math.floor(minutes / 60)}h` : ""}${minutes % 60 ? `${minutes % 60}m` : ""}`;

function resourceSpec(i: number, since: number): ResourceSpec {
  const kind = (i % 3) as 0 | 1 | 2;
  return { id: `res-${pad(i, 3)}`, kind, roles: kind === 0 ? ["member", "maintainer"] : kind === 1 ? ["pull", "push", "maintain"] : ["auditor"], ticket: i % 5 === 0, since };
}

function policyText(resources: ResourceSpec[], revisions: Map<string, number>): string {
  const lines = [
    "# yaml-language-server: $schema=schemas/policy.v1.schema.json",
    "version: 1",
    'admins: ["@acme/security-admins"]',
    "groups:",
    '  sre: ["@acme/sre", carol]',
    "defaults:",
    "  maxDuration: 8h",
    "  minReasonLength: 10",
    "  maxExtensions: 2",
    "  maxScheduleAhead: 7d",
    "resources:",
  ];
  for (const r of resources) {
    const i = Number(r.id.slice(4));
    lines.push(`  ${r.id}:`, `    description: Access to ${r.id} (revision ${revisions.get(r.id) ?? 1})`, "    provider:");
    if (r.kind === 0) lines.push("      type: github-team", "      org: acme", `      team: ${r.id}`);
    else if (r.kind === 1) lines.push("      type: github-repo", "      owner: acme", `      repo: ${r.id}`);
    else lines.push("      type: github-org-role", `      org: acme-${i}`);
    lines.push(`    roles: [${r.roles.join(", ")}]`, `    approvers: [group:sre, "@acme/${r.id}-owners"]`);
    if (r.ticket) lines.push("    requireTicket: true", '    ticketPattern: "INC-[0-9]+"');
  }
  return lines.join("\n") + "\n";
}

function leaseText(f: { grantee: string; resource: string; role: string; duration?: string; expires?: string; notBefore?: string; reason: string; ticket?: string }): string {
  return [
    "# yaml-language-server: $schema=../../schemas/lease.v1.schema.json",
    `grantee: ${f.grantee}`,
    `resource: ${f.resource}`,
    `role: ${f.role}`,
    ...(f.duration ? [`duration: ${f.duration}`] : []),
    ...(f.expires ? [`expires: ${f.expires}`] : []),
    ...(f.notBefore ? [`notBefore: ${f.notBefore}`] : []),
    `reason: ${f.reason}`,
    ...(f.ticket ? [`ticket: ${f.ticket}`] : []),
  ].join("\n") + "\n";
}

const SERVICES = ["checkout", "billing", "search", "payments", "ledger", "auth", "catalog", "shipping", "reporting", "notifications"];
const TASKS = ["Investigate incident", "Deploy the hotfix for", "Rotate credentials of", "Debug the failing job in", "Pull figures from", "Review the alerts of"];

interface Plan {
  resources: ResourceSpec[];
  initialResources: number;
  leases: LeasePlan[];
  events: Event[];
  end: number;
  now: number;
}

function plan(p: HistoryParams): Plan {
  if (p.resources < 1) throw new Error("BENCH_HISTORY_RESOURCES must be at least 1.");
  const rnd = mulberry32(p.seed * 2654435761 + 17);
  const between = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let seq = 0;
  const events: Event[] = [];
  const push = (e: NewEvent) => events.push({ ...e, seq: seq++ } as Event);

  // Lease request times, then the span of the history.
  const addTimes: number[] = [];
  let t = T0 + 2 * HOUR;
  for (let n = 0; n < p.leases; n++) {
    t += Math.max(60, Math.round(-Math.log(1 - rnd()) * MEAN_GAP));
    addTimes.push(t);
  }
  const end = (addTimes[addTimes.length - 1] ?? T0 + 2 * HOUR) + 10 * MIN;
  const now = end + 30 * MIN;

  // Resources: most in the first policy, a few added along the way.
  const added = p.resources > 1 ? Math.floor(p.resources / 25) : 0;
  const resources: ResourceSpec[] = [];
  for (let i = 0; i < p.resources; i++) {
    const k = i - (p.resources - added);
    const since = k < 0 ? T0 : T0 + Math.round(((k + 1) / (added + 1)) * 0.5 * (end - T0));
    resources.push(resourceSpec(i, since));
    if (k >= 0) push({ t: since, kind: "resource", resource: resources[i]! });
  }

  const users = Array.from({ length: Math.max(8, Math.ceil(p.leases / 5)) }, (_, i) => `dev-${pad(i, 4)}`);
  const oncallResource = new Map<string, ResourceSpec>();
  /** Until when each path is taken (its current life's removal; Infinity while it stays). */
  const liveUntil = new Map<string, number>();
  let pr = 100;
  const leases: LeasePlan[] = [];
  const sweepTick = (end: number) => {
    const k = Math.ceil(end / SWEEP_EVERY);
    return k * SWEEP_EVERY + 3 * MIN + ((k * 7919) % 9) * MIN; // cron runs late by 3–11 minutes
  };

  for (let n = 0; n < p.leases; n++) {
    const addTime = addTimes[n]!;
    const grantee = pick(users);
    const available = resources.filter((r) => r.since <= addTime - 30 * HOUR);
    const pool = available.length ? available : [resources[0]!];
    // Some resources are busy, most are quiet.
    let resource = pool[Math.floor(pool.length * rnd() ** 2)]!;
    let path = `leases/${resource.id}/${grantee}-${n}.yaml`;
    let reuse = false;
    if (rnd() < 0.1) {
      // An on-call lease: the same file each time, on the grantee's usual resource.
      const r = oncallResource.get(grantee) ?? resource;
      const p2 = `leases/${r.id}/${grantee}-oncall.yaml`;
      if ((liveUntil.get(p2) ?? -Infinity) < addTime - 30 * HOUR) {
        oncallResource.set(grantee, r);
        resource = r;
        path = p2;
        reuse = liveUntil.has(p2);
      }
    }
    const role = pick(resource.roles);
    const mode = rnd() < 0.55 ? "merge" : rnd() < 0.78 ? "squash" : "rebase";
    const rejected = mode === "squash" && rnd() < 0.03;
    const scheduled = !rejected && rnd() < 0.05;
    const extend = !rejected && !scheduled && rnd() < 0.15;
    const minutes = extend ? between(2, 10) * 30 : between(1, 16) * 30;
    const notBefore = scheduled ? addTime + between(1, 48) * HOUR : undefined;
    const start = notBefore ?? addTime;
    const absolute = !extend && rnd() < 0.25;
    const incident = between(1000, 99999);
    const service = pick(SERVICES);
    const task = pick(TASKS);
    const fields = {
      grantee,
      resource: resource.id,
      role,
      ...(absolute ? { expires: iso(start + minutes * MIN) } : { duration: hm(minutes) }),
      ...(notBefore ? { notBefore: iso(notBefore) } : {}),
      reason: `${task} ${service} (INC-${incident})`,
      ...(resource.ticket ? { ticket: `INC-${incident}` } : {}),
    };
    const content = leaseText(fields);
    const draft = leaseText({ ...fields, reason: `${task} ${service}` });
    const branchCommits = mode === "merge" ? (rnd() < 0.5 ? 1 : rnd() < 0.6 ? 2 : rnd() < 0.75 ? 3 : 4) : 0;
    const earliestBase = Math.max(T0 + 1, resource.since + 1, reuse ? (liveUntil.get(path) ?? T0) + 1 : T0 + 1);
    const branchBase = Math.max(earliestBase, addTime - between(10 * MIN, 26 * HOUR));
    const lease: LeasePlan = { n, path, resource, grantee, role, mode, pr: pr++, branchCommits, branchBase, addTime, rejected, draft, content, start, end: start + minutes * MIN };
    push({ t: addTime, kind: "add", lease });

    let last = addTime;
    if (extend) {
      const time = lease.start + Math.round((0.3 + 0.5 * rnd()) * (lease.end - lease.start));
      if (time < end) {
        const more = Math.min(between(2, 6) * 30, 8 * 60 - minutes);
        const m2 = minutes + more;
        lease.extension = { time, mode: rnd() < 0.5 ? "merge" : "squash", pr: pr++, branchBase: Math.max(addTime, time - between(5 * MIN, HOUR)), content: leaseText({ ...fields, duration: hm(m2) }), end: lease.start + m2 * MIN };
        lease.end = lease.extension.end;
        push({ t: time, kind: "extend", lease });
        last = time;
      }
    }
    const r = rejected ? 1 : rnd();
    if (r < 0.06 || (r < 0.08 && !scheduled)) {
      // Ended early: by `jit revoke` (the bot) or by the requester's own pull request.
      const from = Math.max(last, lease.start) + 60;
      const time = from + Math.round(rnd() * Math.max(60, lease.end - from - 300));
      if (time < end && time < lease.end) {
        lease.removal = r < 0.06 ? { kind: "revoke", time } : { kind: "pull-request", time, pr: pr++ };
        push({ t: time, kind: lease.removal.kind === "revoke" ? "revoke" : "pr-remove", lease });
      }
    }
    if (!lease.removal) {
      const tick = sweepTick(lease.end);
      if (tick <= end) lease.removal = { kind: "sweep", time: tick };
    }
    liveUntil.set(path, lease.removal?.time ?? Infinity);
    leases.push(lease);
  }

  const byTick = new Map<number, LeasePlan[]>();
  for (const l of leases) if (l.removal?.kind === "sweep") byTick.set(l.removal.time, [...(byTick.get(l.removal.time) ?? []), l]);
  for (const [tick, ls] of byTick) push({ t: tick, kind: "sweep", leases: ls });

  // Fill up to the exact commit count with unrelated commits spread over the span.
  const leaseTraffic = 1 + events.reduce((sum, e) => sum + commitsOf(e), 0);
  let filler = p.commits - leaseTraffic;
  if (filler < 0) throw new Error(`${p.commits} commits are too few for ${p.leases} leases: their requests, extensions, revokes and sweeps alone take ${leaseTraffic} commits.`);
  while (filler > 0) {
    const x = rnd();
    const what = x < 0.45 ? "readme" : x < 0.7 ? "docs" : x < 0.75 ? "workflow" : x < 0.82 ? "policy" : filler >= 2 ? "docs-pr" : "readme";
    push({ t: between(T0 + 60, end), kind: "filler", what });
    filler -= what === "docs-pr" ? 2 : 1;
  }
  events.sort((a, b) => a.t - b.t || a.seq - b.seq);
  return { resources, initialResources: p.resources - added, leases, events, end, now };
}

function commitsOf(e: Event): number {
  switch (e.kind) {
    case "add":
      return e.lease.mode === "merge" ? e.lease.branchCommits + 1 : e.lease.mode === "rebase" ? 2 : 1;
    case "extend":
      return e.lease.extension!.mode === "merge" ? 2 : 1;
    case "filler":
      return e.what === "docs-pr" ? 2 : 1;
    default:
      return 1;
  }
}

// ---------------------------------------------------------------------------------------
// Writing: one fast-import stream for the history, one for the notes.

type Change = { op: "M"; path: string; content: string } | { op: "D"; path: string };

interface CommitSpec {
  ref: string;
  from?: number;
  merge?: number;
  author: Person;
  committer: Person;
  time: number;
  message: string;
  changes: Change[];
}

/** git's blob id of some content. */
export function blobSha(content: string): string {
  const body = Buffer.from(content);
  return createHash("sha1").update(`blob ${body.length}\0`).update(body).digest("hex");
}

class Stream {
  private parts: string[] = [];
  private size = 0;
  private mark = 0;
  constructor(private readonly write: (s: string) => Promise<void>) {}

  private async add(s: string) {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) await this.flush();
  }

  async flush() {
    const s = this.parts.join("");
    this.parts = [];
    this.size = 0;
    if (s) await this.write(s);
  }

  private data(s: string) {
    return `data ${Buffer.byteLength(s)}\n${s}\n`;
  }

  async commit(c: CommitSpec): Promise<number> {
    const mark = ++this.mark;
    const who = (p: Person) => `${p.name} <${p.email}> ${c.time} +0000`;
    let s = `commit ${c.ref}\nmark :${mark}\nauthor ${who(c.author)}\ncommitter ${who(c.committer)}\n${this.data(c.message)}`;
    if (c.from !== undefined) s += `from :${c.from}\n`;
    if (c.merge !== undefined) s += `merge :${c.merge}\n`;
    for (const ch of c.changes) s += ch.op === "M" ? `M 100644 inline ${ch.path}\n${this.data(ch.content)}` : `D ${ch.path}\n`;
    await this.add(s + "\n");
    return mark;
  }

  async raw(s: string) {
    await this.add(s);
  }
}

function fastImport(dir: string, args: string[], produce: (s: Stream) => Promise<void>): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("git", ["fast-import", "--quiet", ...args], { cwd: dir, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolvePromise() : reject(new Error(`git fast-import failed (${code}): ${stderr.trim()}`))));
    const write = (s: string) => new Promise<void>((ok, fail) => child.stdin.write(s, (e) => (e ? fail(e) : ok())));
    const stream = new Stream(write);
    produce(stream)
      .then(() => stream.flush())
      .then(() => child.stdin.end())
      .catch((e: unknown) => {
        child.kill();
        reject(e as Error);
      });
  });
}

interface PendingNote {
  mark: number;
  parentMark: number;
  lease: LeasePlan;
  content: string;
  verdict: "approved" | "rejected";
  pr: number;
  /** Branch tip mark, when the pull request's head is in the history. */
  headMark?: number;
  time: number;
  grant: boolean;
}

async function generate(p: HistoryParams, dir: string): Promise<HistoryStats> {
  const pl = plan(p);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q", "-b", "main");

  const stats = {
    merges: 0, addsByMerge: 0, addsBySquash: 0, addsByRebase: 0, rejected: 0, scheduled: 0, extensions: 0, earlyRevokes: 0, removedByPullRequest: 0,
    expiredBySweep: 0, sweeps: 0, resourcesAdded: 0, policyEdits: 0, otherCommits: 0, commits: 0, firstParent: 0,
  };
  const notes: PendingNote[] = [];
  // Policy versions as apply verifies them: the first is the anchor, the others were pushed.
  const policyNotes = new Map<number, { time: number; content: string }>();
  const mainMarks: Array<{ time: number; mark: number }> = [];
  const revisions = new Map<string, number>();
  let inPolicy = pl.resources.slice(0, pl.initialResources);
  let docRev = 0;
  const schemas = ["lease", "policy"].map((s) => ({ path: `schemas/${s}.v1.schema.json`, content: readFileSync(join(ROOT, "schemas", `${s}.v1.schema.json`), "utf8") }));
  const codeowners = (text: string) => generateCodeowners(loadPolicy("policy.yaml", Buffer.from(text)).policy!, "policy.yaml");
  const readme = (rev: number) => `# Access requests for acme\n\nRequest access with a pull request adding leases/<resource>/<name>.yaml (see policy.yaml).\nAccess is granted on merge and revoked when the lease is over.\n\nRevision ${rev}.\n`;
  const doc = (k: number, rev: number) => `# Runbook ${k}\n\nSteps for on-call engineer, revision ${rev}.\n`;
  const workflow = (rev: number) => `# revision ${rev}\nname: expire\non:\n  schedule:\n    - cron: "*/15 * * * *"\njobs:\n  expire:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: { fetch-depth: 0 }\n      - uses: acme/jit-access@v1\n        with: { command: expire }\n`;

  await fastImport(dir, ["--export-marks=.git/bench-marks"], async (s) => {
    const mainAt = (time: number) => {
      // The last main commit at or before `time` (pull requests branch from an older main).
      let lo = 0, hi = mainMarks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (mainMarks[mid]!.time <= time) lo = mid;
        else hi = mid - 1;
      }
      return mainMarks[lo]!.mark;
    };
    const tip = () => mainMarks[mainMarks.length - 1]!.mark;
    const onMain = async (c: Omit<CommitSpec, "ref" | "from">) => {
      const from = mainMarks.length ? tip() : undefined;
      const mark = await s.commit({ ...c, ref: "refs/heads/main", ...(from !== undefined ? { from } : {}) });
      mainMarks.push({ time: c.time, mark });
      stats.commits++;
      stats.firstParent++;
      if (c.merge !== undefined) stats.merges++;
      return { mark, parent: from ?? mark } as { mark: number; parent: number; headMark?: number };
    };
    /** A pull request's branch commits (each a change list), then its merge commit on main. */
    const mergedPullRequest = async (o: { pr: number; author: Person; base: number; time: number; title: string; steps: Change[][] }) => {
      let head = mainAt(o.base);
      const span = Math.max(1, o.time - Math.max(o.base, 1));
      for (let i = 0; i < o.steps.length; i++) {
        const t = o.time - Math.round((span * (o.steps.length - i)) / (o.steps.length + 1));
        head = await s.commit({ ref: "refs/heads/pr", from: head, author: o.author, committer: o.author, time: t, message: i === 0 ? `${o.title}\n` : `Address review comments\n`, changes: o.steps[i]! });
        stats.commits++;
      }
      const merged = await onMain({ merge: head, author: o.author, committer: GITHUB, time: o.time, message: `Merge pull request #${o.pr} from ${o.author.name}/request-${o.pr}\n\n${o.title}\n`, changes: o.steps.at(-1)! });
      return { ...merged, headMark: head };
    };

    const policy0 = policyText(inPolicy, revisions);
    const initial = await onMain({
      author: ADMIN,
      committer: ADMIN,
      time: T0,
      message: "Initial access repo\n",
      changes: [
        { op: "M", path: "README.md", content: readme(0) },
        { op: "M", path: "policy.yaml", content: policy0 },
        { op: "M", path: ".github/CODEOWNERS", content: codeowners(policy0) },
        { op: "M", path: ".github/workflows/expire.yml", content: workflow(0) },
        ...schemas.map((f) => ({ op: "M" as const, ...f })),
      ],
    });
    policyNotes.set(initial.mark, { time: T0, content: policy0 });

    for (const e of pl.events) {
      switch (e.kind) {
        case "add": {
          const l = e.lease;
          const author = person(l.grantee);
          const title = `Request ${l.role} on ${l.resource.id} for ${l.grantee}`;
          if (l.mode === "merge") {
            const steps: Change[][] = Array.from({ length: l.branchCommits }, (_, i) => [{ op: "M", path: l.path, content: i === l.branchCommits - 1 ? l.content : l.draft }]);
            const m = await mergedPullRequest({ pr: l.pr, author, base: l.branchBase, time: l.addTime, title, steps });
            notes.push({ mark: m.mark, parentMark: m.parent, lease: l, content: l.content, verdict: "approved", pr: l.pr, headMark: m.headMark, time: l.addTime, grant: l.start <= l.addTime });
            stats.addsByMerge++;
          } else if (l.mode === "squash") {
            const m = await onMain({ author, committer: GITHUB, time: l.addTime, message: `${title} (#${l.pr})\n`, changes: [{ op: "M", path: l.path, content: l.content }] });
            notes.push({ mark: m.mark, parentMark: m.parent, lease: l, content: l.content, verdict: l.rejected ? "rejected" : "approved", pr: l.pr, time: l.addTime, grant: !l.rejected && l.start <= l.addTime });
            stats.addsBySquash++;
            if (l.rejected) stats.rejected++;
          } else {
            const a = await onMain({ author, committer: GITHUB, time: l.addTime, message: `${title}\n`, changes: [{ op: "M", path: l.path, content: l.draft }] });
            notes.push({ mark: a.mark, parentMark: a.parent, lease: l, content: l.draft, verdict: "approved", pr: l.pr, time: l.addTime, grant: l.start <= l.addTime });
            const b = await onMain({ author, committer: GITHUB, time: l.addTime + 1, message: "Address review comments\n", changes: [{ op: "M", path: l.path, content: l.content }] });
            notes.push({ mark: b.mark, parentMark: b.parent, lease: l, content: l.content, verdict: "approved", pr: l.pr, time: l.addTime + 1, grant: false });
            stats.addsByRebase++;
          }
          if (l.start > l.addTime) stats.scheduled++;
          break;
        }
        case "extend": {
          const l = e.lease;
          const x = l.extension!;
          const author = person(l.grantee);
          const title = `Extend ${l.path}`;
          const change: Change = { op: "M", path: l.path, content: x.content };
          const m = x.mode === "merge" ? await mergedPullRequest({ pr: x.pr, author, base: x.branchBase, time: x.time, title, steps: [[change]] }) : await onMain({ author, committer: GITHUB, time: x.time, message: `${title} (#${x.pr})\n`, changes: [change] });
          notes.push({ mark: m.mark, parentMark: m.parent, lease: l, content: x.content, verdict: "approved", pr: x.pr, ...(m.headMark !== undefined ? { headMark: m.headMark } : {}), time: x.time, grant: false });
          stats.extensions++;
          break;
        }
        case "revoke":
        case "sweep": {
          const ls = e.kind === "sweep" ? e.leases : [e.lease];
          const removed: ExpiredLease[] = ls.map((l) => ({
            path: l.path,
            resource: l.resource.id,
            grantee: l.grantee,
            role: l.role,
            grantedAt: l.start * 1000,
            expiredAt: (e.kind === "revoke" ? Math.max(l.start, e.t) : l.end) * 1000,
            revokedAt: e.t * 1000,
            why: e.kind === "revoke" ? `early revoke by @${l.grantee}: done` : "expired",
            verified: !l.rejected,
          }));
          await onMain({ author: BOT, committer: BOT, time: e.t, message: expiryCommitMessage(removed), changes: ls.map((l) => ({ op: "D" as const, path: l.path })) });
          if (e.kind === "sweep") {
            stats.sweeps++;
            stats.expiredBySweep += ls.length;
          } else stats.earlyRevokes++;
          break;
        }
        case "pr-remove": {
          const l = e.lease;
          await onMain({ author: person(l.grantee), committer: GITHUB, time: e.t, message: `Done: remove ${l.path} (#${l.removal!.pr})\n`, changes: [{ op: "D", path: l.path }] });
          stats.removedByPullRequest++;
          break;
        }
        case "resource": {
          inPolicy = [...inPolicy, e.resource];
          const text = policyText(inPolicy, revisions);
          const m = await onMain({ author: ADMIN, committer: GITHUB, time: e.t, message: `Add resource ${e.resource.id}\n`, changes: [{ op: "M", path: "policy.yaml", content: text }, { op: "M", path: ".github/CODEOWNERS", content: codeowners(text) }] });
          policyNotes.set(m.mark, { time: e.t, content: text });
          stats.resourcesAdded++;
          break;
        }
        case "filler": {
          docRev++;
          if (e.what === "policy") {
            const r = inPolicy[docRev % inPolicy.length]!;
            revisions.set(r.id, (revisions.get(r.id) ?? 1) + 1);
            const text = policyText(inPolicy, revisions);
            const m = await onMain({ author: ADMIN, committer: GITHUB, time: e.t, message: `Describe ${r.id} better\n`, changes: [{ op: "M", path: "policy.yaml", content: text }] });
            policyNotes.set(m.mark, { time: e.t, content: text });
            stats.policyEdits++;
          } else if (e.what === "docs-pr") {
            const k = docRev % 20;
            await mergedPullRequest({ pr: 90_000 + docRev, author: ADMIN, base: e.t - HOUR, time: e.t, title: `Update runbook ${k}`, steps: [[{ op: "M", path: `docs/runbook-${k}.md`, content: doc(k, docRev) }]] });
            stats.otherCommits += 2;
          } else {
            const change: Change =
              e.what === "readme" ? { op: "M", path: "README.md", content: readme(docRev) } : e.what === "workflow" ? { op: "M", path: ".github/workflows/expire.yml", content: workflow(docRev) } : { op: "M", path: `docs/runbook-${docRev % 20}.md`, content: doc(docRev % 20, docRev) };
            await onMain({ author: ADMIN, committer: ADMIN, time: e.t, message: `Update ${change.path}\n`, changes: [change] });
            stats.otherCommits++;
          }
          break;
        }
      }
    }
  });

  // Marks → commit ids, for the notes (their MACs cover the commit id).
  const sha = new Map<number, string>();
  for (const line of readFileSync(join(dir, ".git", "bench-marks"), "utf8").split("\n")) {
    const m = /^:(\d+) ([0-9a-f]{40})$/.exec(line);
    if (m) sha.set(Number(m[1]), m[2]!);
  }
  const pseudoHead = (pr: number) => createHash("sha1").update(`pull request ${pr} head`).digest("hex");
  // The verdict apply records on each policy version (see approval/policy-in-force.ts), judged by the anchor.
  const anchorMark = Math.min(...policyNotes.keys());
  const policyEvidence = (mark: number): PolicyEvidence | undefined => {
    const v = policyNotes.get(mark);
    if (!v) return undefined;
    const commit = sha.get(mark)!;
    const base = { path: "policy.yaml", blob: blobSha(v.content), approvals: [], verifiedAt: iso(v.time + 2 * MIN) };
    if (mark === anchorMark) return { ...base, verdict: "approved", bootstrap: true, policyCommit: commit, findings: [] };
    return { ...base, verdict: "rejected", policyCommit: sha.get(anchorMark)!, findings: [`no-pull-request: policy.yaml reached main in ${commit.slice(0, 7)} without a merged pull request.`] };
  };
  await fastImport(dir, [], async (s) => {
    let body = `commit refs/notes/jit\ncommitter jit-access <jit-access@users.noreply.github.com> ${pl.end} +0000\ndata 21\nNotes added by apply\n`;
    const signed = (note: EvidenceNote, commit: string) => {
      const text = formatNote(signNote(note, commit, noteSigner(...ACCESS_REPO, EVIDENCE_KEY)));
      return `N inline ${commit}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
    };
    const leaseNoted = new Set(notes.map((n) => n.mark));
    for (const [mark] of policyNotes) {
      if (leaseNoted.has(mark)) throw new Error("a policy commit changed a lease too: the generator writes one note per commit");
      body += signed({ version: 1, leases: [], policy: policyEvidence(mark)! }, sha.get(mark)!);
    }
    for (const n of notes) {
      const commit = sha.get(n.mark)!;
      const headSha = n.headMark !== undefined ? sha.get(n.headMark)! : pseudoHead(n.pr);
      const ev: LeaseEvidence = {
        lease: n.lease.path,
        blob: blobSha(n.content),
        verdict: n.verdict,
        pullRequest: { number: n.pr, author: n.lease.grantee, headSha, mergedAt: iso(n.time) },
        approvals: n.verdict === "approved" ? [{ reviewer: "carol", reviewId: n.pr * 10 + 1, commit: headSha, submittedAt: iso(n.time - 10 * MIN) }] : [],
        policyCommit: sha.get(n.parentMark)!,
        findings: n.verdict === "approved" ? [] : ["approvals: no approval from the code owners of the lease folder"],
        verifiedAt: iso(n.time + 2 * MIN),
      };
      const note: EvidenceNote = { version: 1, leases: [ev], ...(n.grant ? { grants: [{ lease: ev.lease, resource: n.lease.resource.id, grantee: n.lease.grantee, role: n.lease.role, status: "granted", at: iso(n.time + 2 * MIN) }] } : {}) };
      body += signed(note, commit);
      if (body.length > 1 << 20) {
        await s.raw(body);
        body = "";
      }
    }
    await s.raw(body + "\n");
  });
  git("update-ref", "-d", "refs/heads/pr");
  rmSync(join(dir, ".git", "bench-marks"));
  // One pack with deltas, as a clone from GitHub would have.
  git("repack", "-adq");

  // The generator's own model of the tip at `now` (the benchmarks check theirs against it).
  const atTip = pl.leases.filter((l) => !l.removal);
  const nowS = pl.now;
  const overAtNow = atTip.filter((l) => l.end <= nowS).length;
  const activeAtNow = atTip.filter((l) => !l.rejected && l.start <= nowS && nowS < l.end).length;
  const startedScheduledAtNow = atTip.filter((l) => !l.rejected && l.start > l.addTime && l.start <= nowS).length;
  const heldAtNow = atTip.filter((l) => !l.rejected && l.start <= nowS).map((l) => ({ resource: l.resource.id, grantee: l.grantee, role: l.role }));
  const paths = new Set(pl.leases.map((l) => l.path));
  return {
    params: p,
    ...stats,
    leases: pl.leases.length,
    leasePaths: paths.size,
    leasesAtTip: atTip.length,
    leasesEnded: pl.leases.length - atTip.length,
    notes: notes.length,
    policyNotes: policyNotes.size,
    first: iso(T0),
    last: iso(mainMarks.at(-1)!.time),
    now: iso(nowS),
    overAtNow,
    activeAtNow,
    heldAtNow,
    startedScheduledAtNow,
    head: git("rev-parse", "main").trim(),
  };
}
