// Break-glass, end to end: a real access repo in git, pull requests in the GitHub API
// emulator (every response checked against GitHub's OpenAPI description), the real GitHub
// providers, `runBreakGlass` as the pull request job runs it, and `runApply` / `runExpire` as
// the apply and expire workflows run them, on a simulated clock. Each test tries to break a
// rule: access before approval only where the policy allows it, never longer than granted,
// never extended by a push, revoked and flagged once when not reviewed in time.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runApply } from "../../src/commands/apply.js";
import { runAudit } from "../../src/commands/audit.js";
import { runBreakGlass } from "../../src/commands/break-glass.js";
import type { BreakGlassResult } from "../../src/commands/break-glass.js";
import { runExpire } from "../../src/commands/expire.js";
import type { ExpireResult } from "../../src/commands/expire.js";
import { createHmac } from "node:crypto";
import { canonicalJson, isTrusted, noteSigner, parseNote, signNote } from "../../src/evidence/evidence.js";
import type { BreakGlassRecord, EvidenceNote } from "../../src/evidence/evidence.js";
import { signRequestNote } from "../../src/evidence/request-note.js";
import { readNotes, writeNote } from "../../src/git/evidence-notes.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { EXAMPLE_REPO, TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "test-evidence-key";
const at = (t: string) => Date.parse(t);
const OPENED = "2026-11-24T09:00:00Z";
const GRANTED = at("2026-11-24T09:00:30Z");
const PATH = "leases/platform-admins/zed-inc-77.yaml";

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
let clock = new Date(OPENED);

/** The access repo every test starts from, made once: each test gets its own copy. */
let start: TestRepo;
beforeAll(() => {
  start = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  start.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  start.commitAll("start without leases", "2026-11-20T09:30:00Z");
});
afterAll(() => start.cleanup());

beforeEach(async () => {
  repo = start.copy();
  clock = new Date(OPENED);
  emu = await startCheckedEmulator({ now: () => clock });
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "mallory", "carol", "dave", "sam", "rita", "dana", "platform-bot"]) s.addOrgMember("acme", u);
  const team = (slug: string, ...members: string[]) => {
    s.addTeam("acme", slug);
    for (const m of members) s.addTeamMember("acme", slug, m);
  };
  team("security", "sam");
  team("sre-leads", "rita");
  team("security-admins", "sam");
  team("engineering", "zed", "mallory", "rita");
  team("dba", "dana");
  s.addTeam("acme", "platform-admins");
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  s.addTeam("acme", "prod-db-readers");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5 });
});

const scratch: string[] = [];
afterEach(async () => {
  await emu.close();
  repo.cleanup();
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

const glass = (extra: Record<string, string | boolean | undefined> = {}) =>
  lease({ grantee: "zed", resource: "platform-admins", role: "member", duration: "1h", reason: "Prod is down: roll back the deploy of INC-77", ticket: "INC-77", breakGlass: true, ...extra });

/** Opens a pull request with these files from `author`; returns its number and head. */
function openPr(branch: string, author: string, files: Record<string, string>) {
  const head = repo.commitOn(branch, files, `request ${branch}`, { time: OPENED });
  const pr = emu.state.addPullRequest("acme", "access", { author, base: "main", baseSha: repo.head("main"), head: branch, headSha: head, createdAt: OPENED });
  return { number: pr.number, head };
}

/** A push to the pull request's branch (a synchronize event). */
function pushToPr(branch: string, number: number, files: Record<string, string>, time: string): string {
  const head = repo.commitOn(branch, files, `update ${branch}`, { time });
  emu.state.updatePullRequest("acme", "access", number, { headSha: head });
  return head;
}

/** Approvals by both required groups on the current head, then a merge at `time`. */
function approveAndMerge(branch: string, number: number, time: string): string {
  const head = emu.state.getPullRequest("acme", "access", number)!.head.sha;
  for (const user of ["sam", "rita"]) emu.state.addReview("acme", "access", number, { user, state: "APPROVED", commitId: head, submittedAt: time });
  const merge = repo.merge(branch, time);
  emu.state.mergePullRequest("acme", "access", number, { mergeCommitSha: merge, mergedBy: "carol", mergedAt: time });
  emu.state.associateCommit("acme", "access", merge, number);
  return merge;
}

const registry = () => {
  const r = createProviderRegistry(gh);
  return { forResource: r, forId: (id: string, p: { resources: Map<string, unknown> }) => r(p.resources.get(id) as Parameters<typeof r>[0]) };
};

function breakGlass(number: number, now = GRANTED, opts: { evidenceKey?: string | null } = {}): Promise<BreakGlassResult> {
  clock = new Date(now);
  const key = opts.evidenceKey === null ? {} : { evidenceKey: opts.evidenceKey ?? KEY };
  return runBreakGlass({ gh, repoDir: repo.dir, ref: "main", owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, pullRequest: number, providerFor: registry().forResource, ...key });
}

function sweep(now: number): Promise<ExpireResult> {
  clock = new Date(now);
  return runExpire({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: registry().forId, dryRun: false });
}

function apply(now: number) {
  clock = new Date(now);
  return runApply({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: registry().forId, dryRun: false });
}

const members = (slug = "platform-admins") => [...emu.state.getTeam("acme", slug)!.members.keys()].sort();

const blobOf = (head: string, path = PATH) => repo.git("rev-parse", `${head}:${path}`).trim();

/** The signed records in the note of the lease's blob (where break-glass records live). */
async function recordsOn(blob: string): Promise<BreakGlassRecord[]> {
  const text = (await readNotes(repo.dir)).get(blob);
  const note = text ? parseNote(text) : undefined;
  if (!note) return [];
  expect(isTrusted(note, blob, noteSigner("acme", "access", KEY))).toBe(true);
  return note.breakGlass ?? [];
}

const trailers = (ref = "HEAD") => repo.git("log", "-1", "--format=%(trailers:only,unfold)", ref);
const subjects = () => repo.git("log", "--format=%s", "main").trim().split("\n");

describe("break-glass at pull request time", () => {
  it("grants at once on a resource that allows it, and writes a signed record bound to the lease's blob", async () => {
    const { number, head } = openPr("zed", "zed", { [PATH]: glass() });
    // The head commit's note belongs to someone else (the request form's signed requester note): left alone.
    await writeNote(repo.dir, head, "{\"requester\": \"zed\"}\n");
    const r = await breakGlass(number);
    expect(r.report.ok).toBe(true);
    expect(r.decision.kind).toBe("grant");
    expect(r.outcome).toEqual({ status: "granted" });
    expect(members()).toEqual(["platform-bot", "zed"]);
    expect(r.approvers).toEqual(["@acme/security", "@acme/sre-leads", "@carol"]);

    const [record, ...more] = await recordsOn(blobOf(head));
    expect(more).toEqual([]);
    expect((await readNotes(repo.dir)).get(head)).toBe("{\"requester\": \"zed\"}\n");
    expect(record).toEqual({
      lease: PATH,
      blob: blobOf(head),
      pullRequest: number,
      requester: "zed",
      resource: "platform-admins",
      grantee: "zed",
      role: "member",
      grantedAt: "2026-11-24T09:00:30.000Z",
      end: "2026-11-24T10:00:30.000Z",
      reviewBy: "2026-11-25T09:00:30.000Z",
    });

    // The sweep keeps it while it lasts; reopening the pull request grants nothing again.
    const kept = await sweep(at("2026-11-24T09:30:00Z"));
    expect(kept.ok).toBe(true);
    expect(kept.apply.results).toEqual([]);
    expect(members()).toEqual(["platform-bot", "zed"]);
    const again = await breakGlass(number, at("2026-11-24T09:31:00Z"));
    expect(again.decision).toMatchObject({ kind: "already", changed: false });
    expect(await recordsOn(blobOf(head))).toHaveLength(1);
  });

  it("grants nothing on a resource that does not allow break-glass", async () => {
    const { number } = openPr("zed", "zed", { "leases/prod-db-readers/zed.yaml": lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "1h", reason: "Prod is down: read the tables of INC-77", breakGlass: true }) });
    const r = await breakGlass(number);
    expect(r.decision.kind).toBe("refused");
    expect(r.decision.kind === "refused" && r.decision.why.join("\n")).toMatch(/lease-break-glass-not-allowed.*\n.*prod-db-readers does not allow break-glass access/);
    expect(members("prod-db-readers")).toEqual([]);
    expect((await readNotes(repo.dir)).size).toBe(0);
  });

  it("grants nothing for an invalid break-glass lease: too long, no reason, or a second file", async () => {
    const cases: Array<[string, Record<string, string>, RegExp]> = [
      ["too-long", { [PATH]: glass({ duration: "2h" }) }, /lease-duration-too-long/],
      ["no-reason", { [PATH]: glass({ reason: undefined }) }, /lease-missing-field/],
      ["scheduled", { [PATH]: glass({ notBefore: "2026-11-24T10:00:00Z" }) }, /starts at once; remove notBefore/],
      ["expires", { [PATH]: glass({ duration: undefined, expires: "2026-11-24T09:45:00Z" }) }, /use duration instead of expires/],
      ["two-files", { [PATH]: glass(), "leases/platform-admins/zed-2.yaml": glass() }, /exactly one new lease and change nothing else/],
    ];
    for (const [branch, files, why] of cases) {
      const { number } = openPr(branch, "zed", files);
      const r = await breakGlass(number);
      expect(r.decision.kind, branch).toBe("refused");
      expect(r.decision.kind === "refused" && r.decision.why.join("\n"), branch).toMatch(why);
    }
    expect(members()).toEqual(["platform-bot"]);
    expect((await readNotes(repo.dir)).size).toBe(0);
  });

  it("grants nothing for a pull request that is closed, targets another branch, or changes a lease already on main (no instant extension)", async () => {
    // Closed before the job ran.
    const closed = openPr("zed-closed", "zed", { [PATH]: glass() });
    emu.state.closePullRequest("acme", "access", closed.number);
    const c = await breakGlass(closed.number);
    expect(c.decision.kind === "refused" && c.decision.why.join("\n")).toMatch(/the pull request is not open/);
    // Aimed at another branch.
    repo.git("branch", "release", "main");
    const head = repo.commitOn("zed-release", { [PATH]: glass() }, "request on release", { from: "release", time: OPENED });
    const other = emu.state.addPullRequest("acme", "access", { author: "zed", base: "release", baseSha: repo.head("release"), head: "zed-release", headSha: head, createdAt: OPENED });
    const o = await breakGlass(other.number);
    expect(o.decision.kind === "refused" && o.decision.why.join("\n")).toMatch(/targets release, not main/);
    // A lease merged normally, then a pull request that turns it into break-glass for longer.
    const first = openPr("zed-normal", "zed", { [PATH]: glass({ breakGlass: undefined }) });
    approveAndMerge("zed-normal", first.number, "2026-11-24T09:05:00Z");
    const ext = openPr("zed-ext", "zed", { [PATH]: glass({ duration: "1h", reason: "Prod is down: roll back the deploy of INC-77, longer" }) });
    const e = await breakGlass(ext.number, at("2026-11-24T09:10:00Z"));
    expect(e.decision.kind === "refused" && e.decision.why.join("\n")).toMatch(/must add exactly one new lease and change nothing else/);
    expect(members()).toEqual(["platform-bot"]);
    expect([...(await readNotes(repo.dir)).values()].flatMap((t) => parseNote(t)?.breakGlass ?? [])).toEqual([]);
  });

  it("grants nothing without an evidence key, and says why", async () => {
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    const r = await breakGlass(number, GRANTED, { evidenceKey: null });
    expect(r.decision.kind === "refused" && r.decision.why.join("\n")).toMatch(/no evidence key \(input evidence-key\).*JIT_EVIDENCE_KEY/);
    expect(members()).toEqual(["platform-bot"]);
    expect((await readNotes(repo.dir)).size).toBe(0);
  });

  it("a break-glass request made with the request form is the actor's: validated, recorded and announced as theirs; changed after the form opened it, it grants nothing", async () => {
    const branch = "jit/request/zed/platform-admins-1";
    const { number, head } = openPr(branch, "jit-access[bot]", { [PATH]: glass() });
    const binding = { repository: "acme/access", branch, actor: "zed", lease: PATH, blob: blobOf(head), requestedAt: OPENED };
    await writeNote(repo.dir, head, JSON.stringify(signRequestNote(binding, head, KEY)));
    clock = new Date(GRANTED);
    const run = (n: number) => runBreakGlass({ gh, repoDir: repo.dir, ref: "main", owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: GRANTED, pullRequest: n, providerFor: registry().forResource, evidenceKey: KEY, botLogin: "jit-access[bot]" });
    const r = await run(number);
    expect(r.report.ok).toBe(true);
    expect(r.decision.kind === "grant" && r.decision.record.requester).toBe("zed");
    expect((await recordsOn(blobOf(head)))[0]!.requester).toBe("zed");
    expect(members()).toEqual(["platform-bot", "zed"]);

    // The same, with a commit pushed onto the form's branch: nobody asked, nothing is granted.
    const other = openPr("jit/request/zed/platform-admins-2", "jit-access[bot]", { "leases/platform-admins/zed-inc-78.yaml": glass({ reason: "Prod is down again: roll back INC-78", ticket: "INC-78" }) });
    const refused = await run(other.number);
    expect(refused.decision.kind).toBe("refused");
    expect(refused.decision.kind === "refused" && refused.decision.why.join("\n")).toMatch(/request-unbound/);
  });

  it("does not chain: a second break-glass pull request for the same grantee and resource is refused while the first lasts", async () => {
    const first = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(first.number);
    const second = openPr("zed-2", "zed", { "leases/platform-admins/zed-inc-78.yaml": glass({ reason: "Prod is down again: roll back INC-78", ticket: "INC-78" }) });
    const r = await breakGlass(second.number, at("2026-11-24T09:55:00Z"));
    expect(r.decision.kind === "refused" && r.decision.why.join("\n")).toMatch(/already has break-glass access on platform-admins from #1 until 2026-11-24T10:00:30Z; break-glass grants do not chain/);
    expect([...(await readNotes(repo.dir)).values()].flatMap((t) => parseNote(t)?.breakGlass ?? []).map((x) => x.pullRequest)).toEqual([first.number]);
  });

  /** A bare `origin` with main and the notes, and a runner's checkout of it per name (as each job checks out). */
  function runners(...names: string[]): { origin: string; dirs: string[] } {
    const base = mkdtempSync(join(tmpdir(), "jit-runners-"));
    scratch.push(base);
    const origin = join(base, "origin.git");
    execFileSync("git", ["clone", "-q", "--bare", repo.dir, origin]);
    const dirs = names.map((n) => {
      const dir = join(base, `runner-${n}`);
      execFileSync("git", ["clone", "-q", origin, dir]);
      return dir;
    });
    return { origin, dirs };
  }
  const runOn = (dir: string, number: number, remote: string) =>
    runBreakGlass({ gh, repoDir: dir, ref: "HEAD", owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: GRANTED, pullRequest: number, providerFor: registry().forResource, evidenceKey: KEY, remote });
  const recordsAt = async (dir: string) => [...(await readNotes(dir)).entries()].flatMap(([object, t]) => {
    const note = parseNote(t);
    return note && isTrusted(note, object, noteSigner("acme", "access", KEY)) ? (note.breakGlass ?? []) : [];
  });

  it("two break-glass pull requests at once for the same grantee and resource: one is granted, the other refused (the record is pushed as a compare-and-swap)", async () => {
    clock = new Date(GRANTED);
    const first = openPr("zed", "zed", { [PATH]: glass() });
    const second = openPr("zed-2", "zed", { "leases/platform-admins/zed-inc-78.yaml": glass({ reason: "Prod is down again: roll back INC-78", ticket: "INC-78" }) });
    const { origin, dirs } = runners("a", "b");
    // Both jobs start from the same (empty) records; whichever pushes second must see the first's.
    const results = await Promise.all([runOn(dirs[0]!, first.number, "origin"), runOn(dirs[1]!, second.number, "origin")]);
    const kinds = results.map((r) => r.decision.kind).sort();
    expect(kinds).toEqual(["grant", "refused"]);
    const granted = results.find((r) => r.decision.kind === "grant")!;
    const refused = results.find((r) => r.decision.kind === "refused")!;
    expect(granted.outcome).toEqual({ status: "granted" });
    expect(refused.decision.kind === "refused" && refused.decision.why.join("\n")).toMatch(/break-glass grants do not chain/);
    expect((await recordsAt(origin)).map((x) => x.pullRequest)).toEqual([granted.decision.kind === "grant" ? granted.decision.record.pullRequest : -1]);
    expect(members()).toEqual(["platform-bot", "zed"]);
  });

  it("two runs at once for one pull request (opened, then pushed to): one grant and one record", async () => {
    clock = new Date(GRANTED);
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    const { origin, dirs } = runners("a", "b");
    const results = await Promise.all([runOn(dirs[0]!, number, "origin"), runOn(dirs[1]!, number, "origin")]);
    expect(results.map((r) => r.decision.kind).sort()).toEqual(["already", "grant"]);
    expect(await recordsAt(origin)).toHaveLength(1);
  });

  it("the same lease content in two pull requests at once: both records survive on the one blob they share, and only one is granted", async () => {
    clock = new Date(GRANTED);
    const first = openPr("zed", "zed", { [PATH]: glass() });
    const second = openPr("zed-again", "zed", { [PATH]: glass() }); // same path, same bytes: the same blob
    const { origin, dirs } = runners("a", "b");
    const results = await Promise.all([runOn(dirs[0]!, first.number, "origin"), runOn(dirs[1]!, second.number, "origin")]);
    expect(results.map((r) => r.decision.kind).sort()).toEqual(["grant", "refused"]);
    expect(await recordsAt(origin)).toHaveLength(1);
    // The refused one later, once the first has ended: its record joins the first on the shared blob, signed.
    clock = new Date(at("2026-11-24T10:05:00Z"));
    const later = await runBreakGlass({ gh, repoDir: dirs[1]!, ref: "HEAD", owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: at("2026-11-24T10:05:00Z"), pullRequest: results[0]!.decision.kind === "grant" ? second.number : first.number, providerFor: registry().forResource, evidenceKey: KEY, remote: "origin" });
    expect(later.decision.kind).toBe("grant");
    expect((await recordsAt(origin)).map((x) => x.pullRequest).sort()).toEqual([first.number, second.number]);
  });

  it("records that cannot be read grant nothing: an unreachable remote refuses rather than deciding on what the runner has", async () => {
    clock = new Date(GRANTED);
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    const { dirs } = runners("a");
    const r = await runOn(dirs[0]!, number, join(dirs[0]!, "..", "no-such-remote.git"));
    expect(r.decision.kind).toBe("grant");
    expect(r.outcome).toBeUndefined();
    expect(r.error).toMatch(/could not be read \([\s\S]*\); nothing was granted\.$/);
    expect(members()).toEqual(["platform-bot"]);
    expect(await recordsAt(dirs[0]!)).toEqual([]);
  });
});

describe("break-glass on main: apply and expire", () => {
  it("approved and merged within reviewWithin: the merged lease takes over and ends at grantedAt + duration, not later", async () => {
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    approveAndMerge("zed", number, "2026-11-24T09:20:00Z");
    const applied = await apply(at("2026-11-24T09:25:00Z"));
    expect(applied.ok).toBe(true);
    expect(applied.verified.map((v) => v.verdict)).toEqual(["approved"]);
    expect(applied.active).toEqual([expect.objectContaining({ path: PATH, start: GRANTED, end: at("2026-11-24T10:00:30Z"), pullRequest: number })]);
    expect(applied.breakGlass.windows).toEqual([]);
    expect(members()).toEqual(["platform-bot", "zed"]);

    // A merge-based window would last until 10:20; the grant ends at 10:00:30.
    const expired = await sweep(at("2026-11-24T10:05:00Z"));
    expect(expired.ok).toBe(true);
    expect(expired.apply.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:zed"]);
    expect(members()).toEqual(["platform-bot"]);
    expect(expired.removed.map((x) => x.path)).toEqual([PATH]);
    const t = trailers();
    expect(t).toContain("Jit-Granted-At: 2026-11-24T09:00:30Z");
    expect(t).toContain("Jit-Expired-At: 2026-11-24T10:00:30Z");
    expect(t).toContain("Jit-Reason: expired");

    // Reviewed in time: never flagged, not even after reviewBy.
    const later = await sweep(at("2026-11-25T09:05:00Z"));
    expect(later.ok).toBe(true);
    expect(later.apply.findings).toEqual([]);
    expect(later.commit).toBeUndefined();
  });

  it("not reviewed in time: revoked when it ends, flagged once at reviewBy with a revocation commit, not flagged again", async () => {
    const { number, head } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    const ended = await sweep(at("2026-11-24T10:01:00Z"));
    expect(ended.apply.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.action.kind === "revoke" ? x.action.why : ""}`)).toEqual(["revoke:zed:expired"]);
    expect(ended.apply.findings).toEqual([]);
    expect(ended.commit).toBeUndefined();
    expect(members()).toEqual(["platform-bot"]);

    const flagged = await sweep(at("2026-11-25T09:03:00Z"));
    expect(flagged.ok).toBe(false);
    expect(flagged.apply.findings.map((f) => f.message)).toEqual([expect.stringMatching(/break-glass not reviewed: break-glass access for @zed as member on platform-admins, granted 2026-11-24T09:00:30Z in #1, was not approved and merged by 2026-11-25T09:00:30Z/)]);
    expect(flagged.commit).toBeDefined();
    expect(repo.git("show", "--format=", "--name-only", flagged.commit!).trim()).toBe(""); // empty: the lease never reached main
    expect(repo.git("log", "-1", "--format=%s").trim()).toBe("jit-access: revoke 1 lease");
    const t = trailers();
    for (const line of [`Jit-Lease: ${PATH}`, "Jit-Resource: platform-admins", "Jit-Grantee: zed", "Jit-Role: member", "Jit-Granted-At: 2026-11-24T09:00:30Z", "Jit-Expired-At: 2026-11-24T10:00:30Z", "Jit-Revoked-At: 2026-11-25T09:03:00Z", "Jit-Reason: break-glass not reviewed"]) {
      expect(t).toContain(line);
    }
    expect((await recordsOn(blobOf(head)))[0]!.ended).toEqual({ at: "2026-11-24T10:00:30.000Z", why: "break-glass not reviewed" });

    const next = await sweep(at("2026-11-25T09:08:00Z"));
    expect(next.ok).toBe(true);
    expect(next.apply.findings).toEqual([]);
    expect(next.commit).toBeUndefined();
    expect(subjects().filter((s) => s.startsWith("jit-access:"))).toEqual(["jit-access: revoke 1 lease"]);
  });

  it("not reviewed in time while still live (reviewWithin shorter than the grant): revoked at reviewBy", async () => {
    // The admins shorten reviewWithin (a pull request an admin approved).
    const policy = readFileSync(join(repo.dir, "policy.yaml"), "utf8").replace("      reviewWithin: 24h", "      reviewWithin: 30m");
    const change = openPr("review-within", "carol", { "policy.yaml": policy });
    approveAndMerge("review-within", change.number, "2026-11-24T08:00:00Z");
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    const before = await sweep(at("2026-11-24T09:30:00Z"));
    expect(before.apply.results).toEqual([]);
    const r = await sweep(at("2026-11-24T09:31:00Z"));
    expect(r.apply.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:zed"]);
    expect(members()).toEqual(["platform-bot"]);
    expect(r.apply.findings.map((f) => f.message).join("\n")).toMatch(/break-glass not reviewed/);
    expect(trailers()).toContain("Jit-Expired-At: 2026-11-24T09:30:30Z");
    expect(trailers()).toContain("Jit-Reason: break-glass not reviewed");
  });

  it("pull request closed unmerged: revoked at the next sweep, flagged once, recorded", async () => {
    const { number, head } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    clock = new Date("2026-11-24T09:10:00Z");
    emu.state.closePullRequest("acme", "access", number);
    const r = await sweep(at("2026-11-24T09:13:00Z"));
    expect(r.apply.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.action.kind === "revoke" ? x.action.why : ""}`)).toEqual(["revoke:zed:expired"]);
    expect(members()).toEqual(["platform-bot"]);
    expect(r.apply.findings.map((f) => f.message)).toEqual([expect.stringMatching(/break-glass request closed: #1 was closed unmerged at 2026-11-24T09:10:00Z/)]);
    expect(trailers()).toContain("Jit-Expired-At: 2026-11-24T09:10:00Z");
    expect(trailers()).toContain("Jit-Reason: break-glass request closed");
    expect((await recordsOn(blobOf(head)))[0]!.ended).toEqual({ at: "2026-11-24T09:10:00.000Z", why: "break-glass request closed" });

    // Reopening it grants nothing again; the next sweep neither grants nor flags.
    expect((await breakGlass(number, at("2026-11-24T09:20:00Z"))).decision.kind).toBe("already");
    const next = await sweep(at("2026-11-24T09:25:00Z"));
    expect(next.ok).toBe(true);
    expect(next.apply.results).toEqual([]);
    expect(members()).toEqual(["platform-bot"]);
  });

  it("the revocation commit and the ended mark reach the remote, even when main moved meanwhile", async () => {
    const { number, head } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    const origin = `${repo.dir}-origin.git`;
    repo.git("clone", "-q", "--bare", repo.dir, origin);
    repo.git("remote", "add", "origin", origin);
    repo.git("push", "-q", "origin", "refs/notes/jit:refs/notes/jit");
    // Someone else pushes to main (and to the notes) just before the sweep pushes.
    const other = new TestRepo(mkdtempSync(join(tmpdir(), "jit-other-")));
    execFileSync("git", ["clone", "-q", origin, other.dir]);
    other.write("README.md", "access repo\n").commitAll("docs", "2026-11-25T09:01:00Z");
    other.git("push", "-q", "origin", "HEAD:main");
    other.git("fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
    await writeNote(other.dir, "1".repeat(40), "someone else's note\n");
    other.git("push", "-q", "origin", "refs/notes/jit:refs/notes/jit");

    clock = new Date("2026-11-25T09:03:00Z");
    const r = await runExpire({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: clock.getTime(), ref: "HEAD", evidenceKey: KEY, providerFor: registry().forId, dryRun: false, push: { remote: "origin", branch: "main" } });
    expect(r.pushed).toBe(true);
    expect(r.breakGlassEnded).toBe(1);
    const log = (ref: string) => execFileSync("git", ["log", "--format=%s", ref], { cwd: origin, encoding: "utf8" }).trim().split("\n");
    expect(log("main").slice(0, 2)).toEqual(["jit-access: revoke 1 lease", "docs"]);
    const notes = await readNotes(origin);
    expect(notes.get("1".repeat(40))).toBe("someone else's note\n");
    expect(parseNote(notes.get(blobOf(head))!)!.breakGlass![0]!.ended).toEqual({ at: "2026-11-24T10:00:30.000Z", why: "break-glass not reviewed" });
    for (const d of [origin, other.dir]) rmSync(d, { recursive: true, force: true });
  });

  it("two sweeps at once on an unreviewed break-glass grant: it is recorded and marked ended once, not twice", async () => {
    const { number, head } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    const base = mkdtempSync(join(tmpdir(), "jit-sweeps-"));
    scratch.push(base);
    const origin = join(base, "origin.git");
    repo.git("clone", "-q", "--bare", repo.dir, origin);
    repo.git("remote", "add", "origin", origin);
    repo.git("push", "-q", "origin", "refs/notes/jit:refs/notes/jit");
    const other = join(base, "other");
    execFileSync("git", ["clone", "-q", origin, other]);
    execFileSync("git", ["fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit"], { cwd: other });
    // Both checkouts see the same state; the second sweep pushes after the first.
    const run = (dir: string, now: string) => {
      clock = new Date(now);
      return runExpire({ gh, repoDir: dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: clock.getTime(), ref: "HEAD", evidenceKey: KEY, providerFor: registry().forId, dryRun: false, push: { remote: "origin", branch: "main" } });
    };
    const first = await run(repo.dir, "2026-11-25T09:03:00Z");
    expect(first.pushed).toBe(true);
    expect(first.breakGlassEnded).toBe(1);
    const second = await run(other, "2026-11-25T09:04:00Z");
    expect(second.pushed).toBe(true);
    expect(second.commit).toBeUndefined(); // nothing of its own left to record
    expect(second.breakGlassEnded).toBeUndefined();
    const revocations = execFileSync("git", ["log", "--format=%s", "main"], { cwd: origin, encoding: "utf8" }).split("\n").filter((l) => l.startsWith("jit-access:"));
    expect(revocations).toEqual(["jit-access: revoke 1 lease"]);
    const trailersOnMain = execFileSync("git", ["log", "-1", "--format=%(trailers:only,unfold)", "main"], { cwd: origin, encoding: "utf8" });
    expect(trailersOnMain).toContain(`Jit-Break-Glass: #${number}`);
    expect(parseNote((await readNotes(origin)).get(blobOf(head))!)!.breakGlass![0]!.ended).toEqual({ at: "2026-11-24T10:00:30.000Z", why: "break-glass not reviewed" });
  });

  it("a forged break-glass note (unsigned, or signed with another key) grants nothing, and the access it claims is revoked as drift", async () => {
    const { number, head } = openPr("zed", "zed", { [PATH]: glass() });
    const blob = blobOf(head);
    const record: BreakGlassRecord = { lease: PATH, blob, pullRequest: number, requester: "zed", resource: "platform-admins", grantee: "zed", role: "member", grantedAt: "2026-11-24T09:00:30.000Z", end: "2026-11-24T10:00:30.000Z", reviewBy: "2026-11-25T09:00:30.000Z" };
    const forged: EvidenceNote = { version: 1, leases: [], breakGlass: [record] };
    for (const note of [forged, signNote(forged, blob, noteSigner("acme", "access", "someone-elses-key"))]) {
      await writeNote(repo.dir, blob, JSON.stringify(note));
      emu.state.addTeamMember("acme", "platform-admins", "zed"); // access added by someone, claiming the note
      const r = await sweep(at("2026-11-24T09:10:00Z"));
      expect(r.apply.breakGlass.windows).toEqual([]);
      expect(r.apply.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.action.kind === "revoke" ? x.action.why : ""}`)).toEqual(["revoke:zed:drift"]);
      expect(members()).toEqual(["platform-bot"]);
    }
    // Nor does a forged record count as this pull request's grant: judged with the key, the
    // real request is granted afresh (not "already granted").
    expect((await breakGlass(number, at("2026-11-24T09:11:00Z"))).decision.kind).toBe("grant");
  });

  it("a push that changes the lease after the grant extends nothing; only the granted content counts as reviewed", async () => {
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    // 40 minutes in, the requester pushes a new version (with a fresh hour from now, if it were honoured).
    pushToPr("zed", number, { [PATH]: glass({ reason: "Prod is down: roll back the deploy of INC-77 and INC-78" }) }, "2026-11-24T09:40:00Z");
    const sync = await breakGlass(number, at("2026-11-24T09:40:30Z"));
    expect(sync.decision).toMatchObject({ kind: "already", changed: true });
    expect(sync.outcome).toBeUndefined();
    // The grant still ends at 10:00:30, and a later push grants nothing again.
    const ended = await sweep(at("2026-11-24T10:01:00Z"));
    expect(ended.apply.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:zed"]);
    pushToPr("zed", number, { [PATH]: glass({ reason: "Prod is down: roll back the deploy of INC-77, INC-78 and more" }) }, "2026-11-24T10:02:00Z");
    expect((await breakGlass(number, at("2026-11-24T10:02:30Z"))).decision.kind).toBe("already");
    expect(members()).toEqual(["platform-bot"]);
    const notes = [...(await readNotes(repo.dir)).values()].map((t) => parseNote(t)!).flatMap((n) => n.breakGlass ?? []);
    expect(notes).toHaveLength(1);

    // The changed content, approved and merged, is an ordinary lease from its merge; the
    // break-glass grant of the original content was never reviewed, and is flagged.
    approveAndMerge("zed", number, "2026-11-24T10:30:00Z");
    const merged = await apply(at("2026-11-24T10:31:00Z"));
    expect(merged.active).toEqual([expect.objectContaining({ path: PATH, start: at("2026-11-24T10:30:00Z"), end: at("2026-11-24T11:30:00Z") })]);
    const flagged = await sweep(at("2026-11-25T09:03:00Z"));
    expect(flagged.apply.findings.map((f) => f.message).join("\n")).toMatch(/break-glass not reviewed/);
  });
});

describe("break-glass records are this repository's, and checked against it at every run", () => {
  /** Findings' codes, in order. */
  const codes = (r: { findings: Array<{ code?: string }> }) => r.findings.map((f) => f.code);

  it("a break-glass record copied from another access repo that shares the key grants nothing here, and is reported", async () => {
    // Access repo A (acme/access-eu): the same resource id on its own team, the same evidence
    // key, and a genuine break-glass grant there for the same lease content.
    // (Its policy is A's first version: later policy changes would need an admin-approved pull request.)
    const a = TestRepo.init({ fromExample: false });
    scratch.push(a.dir);
    cpSync(EXAMPLE_REPO, a.dir, { recursive: true });
    a.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
    a.write("policy.yaml", readFileSync(join(a.dir, "policy.yaml"), "utf8").replace("      team: platform-admins\n", "      team: platform-admins-eu\n"));
    a.commitAll("access repo A", "2026-11-20T09:30:00Z");
    emu.state.addTeam("acme", "platform-admins-eu");
    emu.state.addRepo("acme", "access-eu", { gitDir: a.dir, defaultBranch: "main" });
    a.branch("zed");
    a.write(PATH, glass());
    const headA = a.commitAll("request zed", OPENED);
    a.checkout("main");
    const prA = emu.state.addPullRequest("acme", "access-eu", { author: "zed", base: "main", baseSha: a.head("main"), head: "zed", headSha: headA, createdAt: OPENED });
    clock = new Date(GRANTED);
    const inA = await runBreakGlass({ gh, repoDir: a.dir, ref: "main", owner: "acme", repo: "access-eu", defaultBranch: "main", policyPath: "policy.yaml", now: GRANTED, pullRequest: prA.number, providerFor: registry().forResource, evidenceKey: KEY });
    expect(inA.outcome).toEqual({ status: "granted" });
    expect(members("platform-admins-eu")).toEqual(["zed"]);

    // Someone who can push to B's refs/notes/jit copies A's note on the lease's blob: blob ids
    // are the same in every repository, and so is the key.
    const blob = a.git("rev-parse", `${headA}:${PATH}`).trim();
    repo.git("fetch", "-q", a.dir, "zed"); // the object, so that git notes can name it here
    await writeNote(repo.dir, blob, (await readNotes(a.dir)).get(blob)!);

    const applied = await apply(at("2026-11-24T09:10:00Z"));
    expect(members()).toEqual(["platform-bot"]); // nothing granted on B's team
    expect(applied.breakGlass.windows).toEqual([]);
    expect(applied.ok).toBe(false);
    expect(codes(applied)).toEqual(["break-glass-record-unbound"]);
    expect(applied.findings[0]!.message).toMatch(/signed for acme\/access-eu, not acme\/access: it was copied from another access repo/);
    // Nor does the expiry sweep grant it, or record it as B's.
    const swept = await sweep(at("2026-11-25T09:05:00Z"));
    expect(members()).toEqual(["platform-bot"]);
    expect(swept.commit).toBeUndefined();
    // The audit of B says where it came from; in A, the record is A's own and its grant stands.
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: at("2026-11-24T09:10:00Z"), evidenceKey: KEY, repository: "acme/access" });
    expect(report.findings.filter((f) => f.code === "evidence-untrusted").map((f) => f.message)).toEqual([expect.stringMatching(/signed for another repository \(acme\/access-eu\): it was copied from there/)]);
    clock = new Date("2026-11-24T09:10:00Z");
    const inAApplied = await runApply({ gh, repoDir: a.dir, owner: "acme", repo: "access-eu", defaultBranch: "main", policyPath: "policy.yaml", now: clock.getTime(), ref: "HEAD", evidenceKey: KEY, providerFor: registry().forId, dryRun: false });
    expect(inAApplied.findings).toEqual([]);
    expect(inAApplied.breakGlass.windows).toEqual([expect.objectContaining({ grantee: "zed", resource: "platform-admins" })]);
    expect(members("platform-admins-eu")).toEqual(["platform-bot", "zed"]); // A's standing member joins; zed's grant stands
  });

  it("a break-glass record signed before records named their repository (legacy) grants nothing and is reported; the next record on its blob keeps it as history", async () => {
    const { number, head } = openPr("zed", "zed", { [PATH]: glass() });
    const blob = blobOf(head);
    const record: BreakGlassRecord = { lease: PATH, blob, pullRequest: number, requester: "zed", resource: "platform-admins", grantee: "zed", role: "member", grantedAt: "2026-11-24T09:00:30.000Z", end: "2026-11-24T10:00:30.000Z", reviewBy: "2026-11-25T09:00:30.000Z" };
    const body: EvidenceNote = { version: 1, leases: [], breakGlass: [record] };
    const legacy: EvidenceNote = { ...body, mac: createHmac("sha256", KEY).update(`${blob}\n${canonicalJson(body)}`).digest("hex") };
    await writeNote(repo.dir, blob, JSON.stringify(legacy));
    const applied = await apply(at("2026-11-24T09:10:00Z"));
    expect(members()).toEqual(["platform-bot"]);
    expect(codes(applied)).toEqual(["break-glass-record-unbound"]);
    expect(applied.findings[0]!.message).toMatch(/signed before jit-access bound notes to their repository/);
    // The request, granted afresh under today's rules: a record bound to this repository, next to the legacy one kept verbatim.
    const again = await breakGlass(number, at("2026-11-24T09:11:00Z"));
    expect(again.outcome).toEqual({ status: "granted" });
    const note = parseNote((await readNotes(repo.dir)).get(blob)!)!;
    expect(isTrusted(note, blob, noteSigner("acme", "access", KEY))).toBe(true);
    expect(note.breakGlass!.map((r) => r.grantedAt)).toEqual(["2026-11-24T09:11:00.000Z"]);
    expect(note.legacy).toEqual(legacy);
    expect((await apply(at("2026-11-24T09:15:00Z"))).findings).toEqual([]);
    expect(members()).toEqual(["platform-bot", "zed"]);
  });

  const policyChanges: Array<[string, (text: string) => string, string]> = [
    ["a role the policy does not offer", (p) => p.replace("    roles: [member, maintainer]\n    maxDuration: 4h", "    roles: [maintainer]\n    maxDuration: 4h"), "break-glass-record-role"],
    ["a resource that does not allow break-glass", (p) => p.replace("      allowed: true", "      allowed: false"), "break-glass-record-not-allowed"],
    ["longer than the resource's break-glass maximum", (p) => p.replace("      maxDuration: 1h\n      reviewWithin", "      maxDuration: 30m\n      reviewWithin"), "break-glass-record-too-long"],
  ];
  for (const [what, change, code] of policyChanges) {
    it(`a break-glass record for ${what} grants nothing: revoked at the next run and reported (${code})`, async () => {
      const { number } = openPr("zed", "zed", { [PATH]: glass() });
      expect((await breakGlass(number)).outcome).toEqual({ status: "granted" });
      // The policy on main, as it is now, does not back the record.
      const policy = readFileSync(join(repo.dir, "policy.yaml"), "utf8");
      expect(change(policy)).not.toBe(policy);
      // (a policy change the admins approved in a merged pull request)
      const pc = openPr(`policy-${code}`, "carol", { "policy.yaml": change(policy) });
      approveAndMerge(`policy-${code}`, pc.number, "2026-11-24T09:05:00Z");
      const applied = await apply(at("2026-11-24T09:10:00Z"));
      expect(members()).toEqual(["platform-bot"]);
      expect(applied.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:zed"]);
      expect(applied.ok).toBe(false);
      expect(codes(applied)).toEqual([code]);
      expect(applied.findings[0]!.message).toMatch(new RegExp(`^${PATH} \\(break-glass #${number}\\): ${code}: break-glass access for @zed as member on platform-admins is refused: `));
      // And it is not granted again by a later run.
      await apply(at("2026-11-24T09:20:00Z"));
      expect(members()).toEqual(["platform-bot"]);
    });
  }

  it("a record the policy no longer backs does not block a new request that it does back (no chaining counts only live grants)", async () => {
    const first = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(first.number);
    const policy = readFileSync(join(repo.dir, "policy.yaml"), "utf8");
    const pc = openPr("policy-30m", "carol", { "policy.yaml": policy.replace("      maxDuration: 1h\n      reviewWithin", "      maxDuration: 30m\n      reviewWithin") });
    approveAndMerge("policy-30m", pc.number, "2026-11-24T09:05:00Z");
    const second = openPr("zed-2", "zed", { "leases/platform-admins/zed-inc-78.yaml": glass({ duration: "30m", reason: "Prod is down again: roll back INC-78", ticket: "INC-78" }) });
    const r = await breakGlass(second.number, at("2026-11-24T09:06:00Z"));
    expect(r.decision.kind).toBe("grant");
    const applied = await apply(at("2026-11-24T09:10:00Z"));
    expect(codes(applied)).toEqual(["break-glass-record-too-long"]);
    expect(applied.breakGlass.windows.filter((w) => w.end > at("2026-11-24T09:10:00Z")).map((w) => w.path)).toEqual([`leases/platform-admins/zed-inc-78.yaml (break-glass #${second.number})`]);
    expect(members()).toEqual(["platform-bot", "zed"]);
  });

  it("a break-glass record whose pull request does not exist in this repository grants nothing", async () => {
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    expect((await breakGlass(number)).outcome).toEqual({ status: "granted" });
    // The API says there is no such pull request here.
    emu.faults.add({ method: "GET", route: `/repos/acme/access/pulls/${number}`, status: 404, times: Infinity });
    const applied = await apply(at("2026-11-24T09:10:00Z"));
    expect(members()).toEqual(["platform-bot"]);
    expect(codes(applied)).toEqual(["break-glass-record-no-pull-request"]);
    expect(applied.findings[0]!.message).toMatch(/pull request #1 does not exist in acme\/access/);
  });

  it("a break-glass record whose pull request no longer carries the granted lease grants nothing from then on", async () => {
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    pushToPr("zed", number, { [PATH]: glass({ reason: "Prod is down: roll back the deploy of INC-77 and INC-78" }) }, "2026-11-24T09:20:00Z");
    const applied = await apply(at("2026-11-24T09:25:00Z"));
    expect(members()).toEqual(["platform-bot"]);
    expect(codes(applied)).toEqual(["break-glass-record-pull-request-mismatch"]);
    expect(applied.findings[0]!.message).toMatch(/no longer carries the granted content of leases\/platform-admins\/zed-inc-77\.yaml at its head/);
    // The granted content pushed back: the grant is in force again, until its end as before.
    pushToPr("zed", number, { [PATH]: glass() }, "2026-11-24T09:30:00Z");
    const back = await apply(at("2026-11-24T09:35:00Z"));
    expect(back.ok).toBe(true);
    expect(members()).toEqual(["platform-bot", "zed"]);
  });

  it("a pull request that cannot be read grants nothing, keeps what is held, and stops no other revocation", async () => {
    const { number } = openPr("zed", "zed", { [PATH]: glass() });
    await breakGlass(number);
    emu.faults.add({ method: "GET", route: `/repos/acme/access/pulls/${number}`, status: 500, times: Infinity });
    emu.state.addTeamMember("acme", "platform-admins", "mallory"); // drift, added by hand meanwhile
    const held = await apply(at("2026-11-24T09:10:00Z"));
    expect(codes(held)).toEqual(["break-glass-record-unchecked"]);
    expect(held.results.map((x) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:mallory"]);
    expect(members()).toEqual(["platform-bot", "zed"]); // kept: it was granted when checked
    // Not held (revoked by hand): not granted while its pull request cannot be checked.
    emu.state.removeTeamMember("acme", "platform-admins", "zed");
    const notHeld = await apply(at("2026-11-24T09:15:00Z"));
    expect(codes(notHeld)).toEqual(["break-glass-record-unchecked"]);
    expect(notHeld.results).toEqual([]);
    expect(members()).toEqual(["platform-bot"]);
  });
});
