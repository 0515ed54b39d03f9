// Issue 10, finding 1 — "a hostile note halts all revocation": anyone who can push may write
// refs/notes/jit (branch rules do not cover it). A note shaped like evidence, with a fake MAC
// and a field nested 50,000 deep, made the MAC check recurse until the stack overflowed, and
// every apply, expire, revoke and timer run crashed before revoking anything. Each test here
// puts poison (a note, a lease blob, a provider that throws) next to an expired lease that
// must still be revoked, with real git and the GitHub emulator.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runApply } from "../../src/commands/apply.js";
import { runExpire } from "../../src/commands/expire.js";
import type { ExpireOptions } from "../../src/commands/expire.js";
import { runRevoke } from "../../src/commands/revoke.js";
import { runTimer } from "../../src/commands/timer.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import type { Provider } from "../../src/providers/provider.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
const at = (t: string) => Date.parse(t);
const PATH = "leases/prod-db-readers/zed.yaml";
/** The bound on a note's size (MAX_NOTE_BYTES in src/evidence/note-text.ts; not imported, so this file runs on code without it). */
const MAX_NOTE_BYTES = 32 * 1024 * 1024;
/** The lease's end is 11:00; sweeps run after it. */
const LATE = at("2026-11-24T11:20:00Z");
let initial: string;
let merge: string;

/** The attack: evidence-shaped, a fake 64-hex MAC, a field nested `depth` levels deep. */
function hostileNote(depth = 50_000, extra = ""): string {
  return `{"version":1,"leases":[],"breakGlass":[],${extra}"mac":"${"ab".repeat(32)}","x":${"[".repeat(depth)}${"]".repeat(depth)}}\n`;
}

/** Pushes a note as anyone with write access can: straight into refs/notes/jit. */
function pushNote(object: string, text: string | Buffer): void {
  execFileSync("git", ["-c", "user.name=mallory", "-c", "user.email=m@example.com", "notes", "--ref=refs/notes/jit", "add", "-f", "-F", "-", object], { cwd: repo.dir, input: text, maxBuffer: 1 << 30 });
}

/** A lease on `resource`, requested in a pull request, approved and merged at `time`; the grantee holds it at the target. */
function mergeLease(path: string, grantee: string, resource: string, role: string, time: string, duration = "2h"): string {
  const s = emu.state;
  const branch = `b-${path.replace(/\W/g, "-")}`;
  const head = repo.commitOn(branch, { [path]: lease({ grantee, resource, role, duration, reason: "Pull figures for the quarterly report", ...(resource === "platform-admins" ? { ticket: "INC-1234" } : {}) }) }, "request", { time });
  const pr = s.addPullRequest("acme", "access", { author: grantee, base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
  s.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
  const m = repo.merge(branch, time);
  s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: m });
  s.associateCommit("acme", "access", m, pr.number);
  return m;
}

/** The access repo every test starts from, made once: each test gets its own copy. */
let start: TestRepo;
let startInitial: string;
beforeAll(() => {
  start = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  startInitial = start.head();
  start.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  start.commitAll("start without leases", "2026-11-20T09:30:00Z");
});
afterAll(() => start.cleanup());

beforeEach(async () => {
  repo = start.copy();
  initial = startInitial;
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "dana", "yan", "sam"]) s.addOrgMember("acme", u);
  for (const t of ["security", "sre-leads", "engineering", "platform-admins", "prod-db-readers"]) s.addTeam("acme", t);
  s.addTeam("acme", "security-admins");
  s.addTeamMember("acme", "security-admins", "sam");
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  s.addTeam("acme", "dba");
  s.addTeamMember("acme", "dba", "dana");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
  merge = mergeLease(PATH, "zed", "prod-db-readers", "member", "2026-11-24T09:00:00Z");
  // The apply run on merge grants it and records signed evidence on the merge commit.
  const applied = await runApply(options(at("2026-11-24T09:05:00Z")));
  expect(applied.ok).toBe(true);
  expect(members()).toEqual(["zed"]);
});
afterEach(async () => {
  emu.faults.clear();
  await emu.close();
  repo.cleanup();
});

function options(now: number, providerFor?: ExpireOptions["providerFor"]): ExpireOptions {
  const registry = createProviderRegistry(gh);
  return { gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: "k", providerFor: providerFor ?? ((id, p) => registry(p.resources.get(id)!)), dryRun: false };
}
const members = (team = "prod-db-readers") => [...emu.state.getTeam("acme", team)!.members.keys()];
const unreadable = (findings: Array<{ code?: string; commit: string }>) => findings.filter((f) => f.code === "note-unreadable").map((f) => f.commit);

describe("a hostile note halts all revocation (issue 10, finding 1)", () => {
  // On any commit (the attack: break-glass records are looked for in every note that
  // names them), and on the lease's own merge commit (the note apply reads for its evidence).
  for (const where of ["any commit", "the lease's own commit"] as const) {
    it(`a note with a fake MAC nested 50,000 deep on ${where}: expire still revokes the expired lease, and the note is a finding under its commit`, async () => {
      const target = where === "any commit" ? initial : merge;
      pushNote(target, hostileNote());
      const r = await runExpire(options(LATE));
      expect(members()).toEqual([]);
      expect(r.removed.map((x) => x.path)).toEqual([PATH]);
      expect(existsSync(join(repo.dir, PATH))).toBe(false);
      expect(unreadable(r.apply.findings)).toEqual([target]);
      expect(r.apply.findings.find((f) => f.code === "note-unreadable")!.message).toMatch(/nested deeper than/);
      expect(r.ok).toBe(false); // a finding fails the run loudly; the revocation is done
    });
  }

  it("apply (the reconcile on merge) revokes the expired grant past the hostile note", async () => {
    pushNote(initial, hostileNote());
    const r = await runApply(options(LATE));
    expect(r.results.map((x) => [x.action.kind, x.action.grantee, x.outcome.status])).toEqual([["revoke", "zed", "revoked"]]);
    expect(members()).toEqual([]);
    expect(unreadable(r.findings)).toEqual([initial]);
  });

  it("revoke (early, by the grantee) goes through past the hostile note", async () => {
    pushNote(initial, hostileNote());
    const r = await runRevoke({ ...options(at("2026-11-24T10:00:00Z")), leases: [PATH], actor: "zed", reason: "done" });
    expect(members()).toEqual([]);
    expect(r.removed.map((x) => [x.path, x.why])).toEqual([[PATH, "early revoke by @zed: done"]]);
    expect(unreadable(r.apply.findings)).toEqual([initial]);
  });

  it("a timer run for the lease revokes it past the hostile note", async () => {
    pushNote(merge, hostileNote());
    const r = await runTimer({ ...options(at("2026-11-24T11:00:30Z")), lease: PATH });
    expect(members()).toEqual([]);
    expect(r.removed.map((x) => x.path)).toEqual([PATH]);
    expect(unreadable(r.apply.findings)).toEqual([merge]);
  });

  it("notes that are not JSON, binary, of the wrong shape or oversized, each on its own commit, are findings; the expired lease is still revoked", async () => {
    const c = (msg: string) => repo.commitAll(msg, "2026-11-24T09:10:00Z");
    const poison: Array<[string, string | Buffer, RegExp]> = [
      [c("one"), "this is not JSON, but it names \"breakGlass\"\n", /not JSON/],
      [c("two"), `{"version":1,"leases":[{"lease":7}],"breakGlass":{"not":"a list"},"mac":"${"0".repeat(64)}"}\n`, /not an evidence note/],
      [c("three"), `{"version":1,"leases":[],"breakGlass":[],"mac":"${"1".repeat(64)}","pad":"${"x".repeat(MAX_NOTE_BYTES)}"}\n`, /over the size limit/],
      [c("four"), Buffer.concat([Buffer.from('"breakGlass"'), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x0a])]), /not JSON/],
    ];
    for (const [object, text] of poison) pushNote(object, text);
    pushNote(merge, hostileNote(50_000, '"grants":[],')); // and the lease's own evidence replaced
    const r = await runExpire(options(LATE));
    expect(members()).toEqual([]);
    expect(r.removed.map((x) => x.path)).toEqual([PATH]);
    expect(unreadable(r.apply.findings).sort()).toEqual([...poison.map(([o]) => o), merge].sort());
    for (const [object, , why] of poison) expect(r.apply.findings.find((f) => f.code === "note-unreadable" && f.commit === object)!.message).toMatch(why);
  });

  it("a request note (valid, not evidence) on a commit is not reported", async () => {
    pushNote(initial, `${JSON.stringify({ version: 1, kind: "request", request: { repository: "acme/access", branch: "b", actor: "zed", lease: PATH, blob: "0".repeat(40), requestedAt: "2026-11-24T08:00:00Z" }, mac: "0".repeat(64) }, null, 2)}\n`);
    const r = await runExpire(options(LATE));
    expect(members()).toEqual([]);
    expect(unreadable(r.apply.findings)).toEqual([]);
  });
});

describe("one bad lease, or one resource whose provider throws, stops no other revocation", () => {
  it("poisoned lease blobs on main (nested 30,000 deep, binary, an absurd duration) next to the expired lease", async () => {
    repo.write("leases/prod-db-readers/deep.yaml", `grantee: yan\nresource: ${"[".repeat(30_000)}${"]".repeat(30_000)}\n`);
    repo.write("leases/prod-db-readers/binary.yaml", Buffer.from([0xff, 0x00, 0xfe, 0x0a, 0x80]));
    repo.commitAll("poison pushed past review", "2026-11-24T09:20:00Z");
    // An absurd duration, approved by someone careless: its end is past any date.
    mergeLease("leases/prod-db-readers/yan.yaml", "yan", "prod-db-readers", "member", "2026-11-24T09:30:00Z", "9007199254740000m");
    const r = await runExpire(options(LATE));
    expect(members()).not.toContain("zed");
    expect(r.removed.map((x) => x.path)).toEqual([PATH]);
    expect(existsSync(join(repo.dir, PATH))).toBe(false);
  });

  it("a new lease whose verification fails through the API (an error, not a refusal) is a finding, not granted; the expired lease is still revoked", async () => {
    const added = mergeLease("leases/prod-db-readers/yan.yaml", "yan", "prod-db-readers", "member", "2026-11-24T11:10:00Z");
    emu.faults.add({ method: "GET", route: "/repos/{owner}/{repo}/commits/{commit_sha}/pulls", status: 500, times: 100 });
    const r = await runExpire(options(LATE));
    expect(members()).toEqual([]); // zed revoked; yan not granted
    expect(r.removed.map((x) => x.path)).toEqual([PATH]);
    const f = r.apply.findings.find((x) => x.code === "verification-failed")!;
    expect([f.lease, f.commit]).toEqual(["leases/prod-db-readers/yan.yaml", added]);
    expect(f.message).toMatch(/could not be verified: .*the next run verifies it again/);
    emu.faults.clear();
    const next = await runApply(options(at("2026-11-24T11:30:00Z")));
    expect(next.ok).toBe(true);
    expect(members()).toEqual(["yan"]);
  });

  it("a provider that throws (listing one resource, revoking on another, even a non-Error) leaves the third resource's expired lease revoked", async () => {
    mergeLease("leases/platform-admins/yan.yaml", "yan", "platform-admins", "member", "2026-11-24T09:00:00Z");
    emu.state.addTeamMember("acme", "platform-admins", "yan");
    const registry = createProviderRegistry(gh);
    const providerFor: ExpireOptions["providerFor"] = (id, p) => {
      const real = registry(p.resources.get(id)!);
      if (id === "web-deployers") throw new Error("no provider for this resource today");
      if (id === "billing-auditors") return { ...real, rank: (role) => real.rank(role), list: () => Promise.reject(new Error("target down")) } satisfies Provider;
      if (id === "platform-admins") return { ...real, rank: (role) => real.rank(role), revoke: () => Promise.reject(null) } satisfies Provider;
      return real;
    };
    const r = await runExpire(options(LATE, providerFor));
    expect(members()).toEqual([]); // zed on prod-db-readers: revoked
    expect(members("platform-admins")).toContain("yan"); // its revoke threw: still there, kept for the next run
    expect(r.removed.map((x) => x.path)).toEqual([PATH]);
    expect(r.kept.map((k) => k.path)).toEqual(["leases/platform-admins/yan.yaml"]);
    expect(r.apply.plan.errors.map((e) => e.resource).sort()).toEqual(["billing-auditors", "web-deployers"]);
    expect(r.ok).toBe(false);
  });
});
