// The break-glass core at reconcile time: which windows, which takeovers, which endings.
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BreakGlassRecord, EvidenceNote } from "../../src/evidence/evidence.js";
import { canonicalJson, formatNote, noteSigner, signNote } from "../../src/evidence/evidence.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { breakGlassRecords, breakGlassSweep, grantStep, recordPolicyProblem, recordPullRequestProblem, unsettled } from "../../src/reconcile/break-glass.js";
import type { MergedAdd, RecordAt, RecordProblem, RecordPullRequest } from "../../src/reconcile/break-glass.js";
import { EXAMPLE_REPO } from "../helpers/git-repo.js";

const at = (t: string) => Date.parse(t);
const record = (extra: Partial<BreakGlassRecord> = {}): BreakGlassRecord => ({
  lease: "leases/db/zed.yaml",
  blob: "b1",
  pullRequest: 7,
  requester: "zed",
  resource: "db",
  grantee: "zed",
  role: "member",
  grantedAt: "2026-11-24T09:00:00.000Z",
  end: "2026-11-24T10:00:00.000Z",
  reviewBy: "2026-11-25T09:00:00.000Z",
  ...extra,
});
const merged = (extra: Partial<MergedAdd> = {}): MergedAdd => ({ path: "leases/db/zed.yaml", blob: "b1", commit: "m1", time: at("2026-11-24T09:30:00Z"), verdict: "approved", pullRequest: 7, ...extra });
const sweep = (now: string, r: BreakGlassRecord, adds: MergedAdd[] = [], closed: Array<[number, string]> = []) =>
  breakGlassSweep({ now: at(now), records: [{ noteOn: "h1", record: r }], adds, closedUnmerged: new Map(closed.map(([n, t]) => [n, at(t)])) });

describe("breakGlassSweep", () => {
  it("a live record is a window until its end; nothing ends before reviewBy", () => {
    const s = sweep("2026-11-24T09:30:00Z", record());
    expect(s.windows).toEqual([{ path: "leases/db/zed.yaml (break-glass #7)", resource: "db", grantee: "zed", role: "member", start: at("2026-11-24T09:00:00Z"), end: at("2026-11-24T10:00:00Z") }]);
    expect(s.endings).toEqual([]);
    expect(sweep("2026-11-25T08:59:59Z", record()).endings).toEqual([]);
  });

  it("only an approved merge of the same blob from the same pull request before reviewBy takes over", () => {
    expect(sweep("2026-11-24T09:31:00Z", record(), [merged()]).takeovers.get("leases/db/zed.yaml\0m1")).toEqual({ start: at("2026-11-24T09:00:00Z"), end: at("2026-11-24T10:00:00Z"), pullRequest: 7 });
    for (const other of [merged({ blob: "b2" }), merged({ pullRequest: 8 }), merged({ verdict: "rejected" }), merged({ verdict: "unverified" }), merged({ time: at("2026-11-25T09:00:00Z") })]) {
      const s = sweep("2026-11-25T09:01:00Z", record(), [other]);
      expect(s.takeovers.size).toBe(0);
      expect(s.endings.map((e) => e.why)).toEqual(["break-glass not reviewed"]);
    }
    expect(unsettled([{ noteOn: "h1", record: record() }], [merged()])).toEqual([]);
  });

  it("a pull request closed before reviewBy ends the window at the close; closed after it, it was not reviewed", () => {
    const closed = sweep("2026-11-24T09:20:00Z", record(), [], [[7, "2026-11-24T09:15:00Z"]]);
    expect(closed.windows[0]!.end).toBe(at("2026-11-24T09:15:00Z"));
    expect(closed.endings).toEqual([expect.objectContaining({ why: "break-glass request closed", endedAt: at("2026-11-24T09:15:00Z") })]);
    const late = sweep("2026-11-25T10:00:00Z", record(), [], [[7, "2026-11-25T09:30:00Z"]]);
    expect(late.endings).toEqual([expect.objectContaining({ why: "break-glass not reviewed", endedAt: at("2026-11-24T10:00:00Z") })]);
  });

  it("an ended record still classifies its revocation but never ends again", () => {
    const s = sweep("2026-11-26T00:00:00Z", record({ ended: { at: "2026-11-24T09:10:00.000Z", why: "break-glass request closed" } }), [], [[7, "2026-11-24T09:10:00Z"]]);
    expect(s.windows[0]!.end).toBe(at("2026-11-24T09:10:00Z"));
    expect(s.endings).toEqual([]);
  });

  it("reviewWithin shorter than the grant cuts the window at reviewBy", () => {
    const s = sweep("2026-11-24T09:31:00Z", record({ reviewBy: "2026-11-24T09:30:00.000Z" }));
    expect(s.windows[0]!.end).toBe(at("2026-11-24T09:30:00Z"));
    expect(s.endings.map((e) => e.endedAt)).toEqual([at("2026-11-24T09:30:00Z")]);
  });
});

describe("grantStep", () => {
  const team = { singleRole: true, rank: (r: string) => (r === "maintainer" ? 2 : r === "member" ? 1 : 0) };
  it("never downgrades, upgrades by a role change, grants otherwise", () => {
    expect(grantStep(["maintainer"], "member", team).kind).toBe("none");
    expect(grantStep(["member"], "member", team).kind).toBe("none");
    expect(grantStep(["member"], "maintainer", team)).toEqual({ kind: "change-role", from: "member" });
    expect(grantStep([], "member", team)).toEqual({ kind: "grant" });
    expect(grantStep(["billing_manager"], "auditor", { singleRole: false, rank: () => 0 })).toEqual({ kind: "grant" });
  });
});

describe("break-glass records belong to one repository", () => {
  const HERE = noteSigner("acme", "access", "k");
  const blob = "b".repeat(40);
  const note: EvidenceNote = { version: 1, leases: [], breakGlass: [record({ blob })] };
  const legacy = (n: EvidenceNote): EvidenceNote => ({ ...n, mac: createHmac("sha256", "k").update(`${blob}\n${canonicalJson(n)}`).digest("hex") });
  const judge = (text: string) => breakGlassRecords([[blob, text]], HERE);

  it("only a note signed for this repository carries records; one signed for another, or before notes named their repository, is unbound", () => {
    expect(judge(formatNote(signNote(note, blob, HERE))).trusted).toHaveLength(1);
    expect(judge(formatNote(signNote(note, blob, noteSigner("Acme", "ACCESS", "k")))).trusted).toHaveLength(1); // names compare as GitHub compares them
    const other = judge(formatNote(signNote(note, blob, noteSigner("acme", "access-eu", "k"))));
    expect(other).toEqual({ trusted: [], unbound: [expect.objectContaining({ trust: "other-repository", repository: "acme/access-eu", noteOn: blob })] });
    expect(judge(JSON.stringify(legacy(note)))).toEqual({ trusted: [], unbound: [expect.objectContaining({ trust: "legacy" })] });
    // Forged (no key, another key, moved to another object): neither trusted nor worth a report.
    for (const text of [JSON.stringify(note), formatNote(signNote(note, blob, noteSigner("acme", "access", "other"))), formatNote(signNote(note, "c".repeat(40), HERE))]) {
      expect(judge(text)).toEqual({ trusted: [], unbound: [] });
    }
    expect(breakGlassRecords([[blob, formatNote(signNote(note, blob, HERE))]], noteSigner("acme", "access", undefined))).toEqual({ trusted: [], unbound: [] });
  });
});

describe("break-glass records are checked again against this repository", () => {
  const policy = loadPolicy("policy.yaml", readFileSync(join(EXAMPLE_REPO, "policy.yaml"))).policy!;
  const ours = (extra: Partial<BreakGlassRecord> = {}) => record({ lease: "leases/platform-admins/zed.yaml", resource: "platform-admins", ...extra });
  const code = (p: RecordProblem | undefined) => p?.code;

  it("against the policy in force: resource, break-glass allowed, role, duration", () => {
    expect(recordPolicyProblem(ours(), policy)).toBeUndefined();
    expect(recordPolicyProblem(ours({ role: "maintainer" }), policy)).toBeUndefined();
    expect(code(recordPolicyProblem(ours({ resource: "prod-database" }), policy))).toBe("break-glass-record-resource");
    expect(code(recordPolicyProblem(ours({ resource: "web-deployers", role: "push" }), policy))).toBe("break-glass-record-not-allowed");
    expect(code(recordPolicyProblem(ours({ role: "admin" }), policy))).toBe("break-glass-record-role");
    expect(code(recordPolicyProblem(ours({ role: "Member" }), policy))).toBe("break-glass-record-role");
    expect(code(recordPolicyProblem(ours({ end: "2026-11-24T10:00:01.000Z" }), policy))).toBe("break-glass-record-too-long"); // 1h max
    expect(recordPolicyProblem(ours({ end: "2026-11-24T09:30:00.000Z" }), policy)).toBeUndefined();
  });

  it("against its pull request here: it exists, targets the default branch, was opened by the grant, and carries the granted lease", () => {
    const here = { repository: "acme/access", defaultBranch: "main" };
    const pr = (extra: Partial<Extract<RecordPullRequest, { kind: "found" }>> = {}): RecordPullRequest => ({ kind: "found", baseRepository: "Acme/Access", baseRef: "main", createdAt: at("2026-11-24T08:59:00Z"), headBlob: "b1", ...extra });
    expect(recordPullRequestProblem(record(), pr(), here)).toBeUndefined();
    expect(recordPullRequestProblem(record(), pr({ createdAt: at("2026-11-24T09:00:00Z") }), here)).toBeUndefined();
    expect(recordPullRequestProblem(record(), pr({ createdAt: at("2026-11-24T09:05:00Z") }), here)).toBeUndefined(); // clocks differ a little
    expect(code(recordPullRequestProblem(record(), { kind: "missing" }, here))).toBe("break-glass-record-no-pull-request");
    for (const wrong of [pr({ baseRepository: "acme/access-eu" }), pr({ baseRef: "release" }), pr({ createdAt: at("2026-11-24T09:05:01Z") }), pr({ headBlob: "b2" }), pr({ headBlob: undefined })]) {
      expect(code(recordPullRequestProblem(record(), wrong, here))).toBe("break-glass-record-pull-request-mismatch");
    }
  });

  const at7: RecordAt = { noteOn: "h1", record: record() };
  const problem: RecordProblem = { code: "break-glass-record-role", message: "role 'member' is not one of db's roles" };

  it("a refused record grants nothing, takes over no lease, is reported while it would last, and still ends as unreviewed", () => {
    const s = (now: string, adds: MergedAdd[] = []) => breakGlassSweep({ now: at(now), records: [at7], adds, closedUnmerged: new Map(), refused: new Map([[at7, problem]]) });
    const live = s("2026-11-24T09:30:00Z");
    // Over from its start: what it granted is revoked as an ended grant's.
    expect(live.windows).toEqual([expect.objectContaining({ start: at("2026-11-24T09:00:00Z"), end: at("2026-11-24T09:00:00Z") })]);
    expect(live.problems).toEqual([expect.objectContaining({ problem, message: "leases/db/zed.yaml (break-glass #7): break-glass-record-role: break-glass access for @zed as member on db is refused: role 'member' is not one of db's roles." })]);
    expect(s("2026-11-24T09:31:00Z", [merged()]).takeovers.size).toBe(0);
    expect(s("2026-11-24T10:30:00Z").problems).toEqual([]); // it would be over anyway: nothing to report
    expect(s("2026-11-25T09:01:00Z").endings.map((e) => e.why)).toEqual(["break-glass not reviewed"]);
  });

  it("an unchecked record counts only where already held, while it would last", () => {
    const unchecked = new Map([[at7, { code: "break-glass-record-unchecked" as const, message: "pull request #7 could not be checked" }]]);
    const live = breakGlassSweep({ now: at("2026-11-24T09:30:00Z"), records: [at7], adds: [], closedUnmerged: new Map(), unchecked });
    expect(live.windows).toEqual([]);
    expect(live.heldOnly).toEqual([expect.objectContaining({ grantee: "zed", end: at("2026-11-24T10:00:00Z") })]);
    expect(live.problems.map((p) => p.problem.code)).toEqual(["break-glass-record-unchecked"]);
    const over = breakGlassSweep({ now: at("2026-11-24T10:30:00Z"), records: [at7], adds: [], closedUnmerged: new Map(), unchecked });
    expect(over.windows).toHaveLength(1);
    expect(over.heldOnly).toEqual([]);
  });
});
