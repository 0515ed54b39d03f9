// `jit audit` on the command line: offline by default in tests (no token), formats, the
// query options, exit codes, and errors a person can act on.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestRepo, lease } from "../helpers/git-repo.js";
import { STACK, jit } from "./run.js";

let repo: TestRepo;
const tmp: string[] = [];
beforeAll(() => {
  repo = TestRepo.init({ fromExample: true, time: "2026-11-20T09:00:00Z" });
  repo.branch("zed");
  repo.write("leases/prod-db-readers/zed.yaml", lease({ grantee: "zed", resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" }));
  repo.commitAll("request", "2026-11-24T08:30:00Z");
  repo.merge("zed", "2026-11-24T09:00:00Z");
});
afterAll(() => {
  repo.cleanup();
  tmp.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe("jit audit", () => {
  it("prints a table and exits 1 on findings (the example's leases were committed without a pull request)", async () => {
    const r = await jit(["audit", "--repo", repo.dir]);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Audit of main at [0-9a-f]{7}, 2026-11-24T10:00:00Z: 3 lease\(s\), 3 finding\(s\)\./);
    expect(r.out).toContain("[changed-outside-jit] leases/platform-admins/alice-inc-1234.yaml was added on main");
    // The example's alice lease is over but its file is still there: held until a sweep, 4d1h this month (default bound 80h).
    expect(r.out).toContain("[long-total] alice held access to platform-admins for 4d1h in 2026-11 (so far), above the monthly bound of 3d8h");
    expect(r.out).toContain("Note: Offline: approvals come from evidence notes only");
  });

  it("--new-since marks anomaly findings new when they did not hold then; a bad value is a usage error", async () => {
    const week = JSON.parse((await jit(["audit", "--repo", repo.dir, "--format", "json", "--new-since", "7d"])).out) as { findings: Array<{ code: string; key?: string; new?: boolean }> };
    expect(week.findings.filter((f) => f.key).map((f) => [f.key, f.new])).toEqual([["long-total:platform-admins:alice:2026-11", true]]);
    const hour = JSON.parse((await jit(["audit", "--repo", repo.dir, "--format", "json", "--new-since", "2026-11-24T09:00:00Z"])).out) as { findings: Array<{ key?: string; new?: boolean }> };
    expect(hour.findings.filter((f) => f.key).map((f) => f.new)).toEqual([false]);
    expect(await jit(["audit", "--repo", repo.dir, "--new-since", "last week"])).toMatchObject({ code: 2, err: expect.stringMatching(/--new-since 'last week' is neither an RFC 3339 time/) });
  });

  it("--at answers who held access at a moment; --format csv and json", async () => {
    const at = await jit(["audit", "--repo", repo.dir, "--resource", "prod-db-readers", "--at", "2026-11-24T09:30:00Z", "--format", "csv"]);
    const rows = at.out.trimEnd().split("\r\n");
    expect(rows.map((l) => l.split(",")[2])).toEqual(["grantee", "zed"]);
    const json = JSON.parse((await jit(["audit", "--repo", repo.dir, "--grantee", "zed", "--format", "json"])).out) as { leases: Array<{ path: string; merged?: string; addedIn: string; status: string }> };
    expect(json.leases.map((l) => [l.path, l.status])).toEqual([["leases/prod-db-readers/zed.yaml", "active"]]);
  });

  it("--format markdown has the Mermaid timeline", async () => {
    const r = await jit(["audit", "--repo", repo.dir, "--format", "markdown", "--since", "2026-11-24T00:00:00Z"]);
    expect(r.out).toContain("```mermaid\ngantt");
    expect(r.out).toContain("    zed member :active, 2026-11-24 09:00, 2026-11-24 17:00");
  });

  it("refuses bad input with a message, never a stack trace", async () => {
    const bad = await jit(["audit", "--repo", repo.dir, "--at", "yesterday"]);
    expect(bad).toMatchObject({ code: 2 });
    expect(bad.err).toContain("--at 'yesterday' is not an RFC 3339 time");
    const fmt = await jit(["audit", "--repo", repo.dir, "--format", "xml"]);
    expect(fmt.err).toContain("--format must be table, csv, json or markdown");
    const shallowDir = mkdtempSync(join(tmpdir(), "jit-shallow-"));
    tmp.push(shallowDir);
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.dir}`, shallowDir]);
    const shallow = await jit(["audit", "--repo", shallowDir]);
    expect(shallow.code).toBe(2);
    expect(shallow.err).toContain("is a shallow clone: the audit needs the whole history");
    for (const r of [bad, fmt, shallow]) expect(r.err).not.toMatch(STACK);
  });

  it("checks evidence notes for a named repository only: with a key and no way to tell which repository this is, it asks", async () => {
    const unknown = await jit(["audit", "--repo", repo.dir, "--evidence-key", "k"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("Pass --repository OWNER/NAME");
    expect(unknown.err).not.toMatch(STACK);
    for (const given of [["--repository", "acme/access"], []]) {
      const r = await jit(["audit", "--repo", repo.dir, "--evidence-key", "k", ...given], { env: given.length ? {} : { GITHUB_REPOSITORY: "acme/access" } });
      expect(r.code).toBe(1); // the example's findings, as without a key
      expect(r.err).toBe("");
    }
  });

  it("names the branch audited: on a request branch, findings say 'added on request/…', not main", async () => {
    const r = TestRepo.init({ fromExample: true, time: "2026-11-20T09:00:00Z" });
    try {
      r.branch("request/carol");
      r.write("leases/prod-db-readers/carol.yaml", lease({ grantee: "carol", resource: "prod-db-readers", role: "member", duration: "2h", reason: "Pull figures for the quarterly report" }));
      r.commitAll("request", "2026-11-24T08:30:00Z");
      const res = await jit(["audit", "--repo", r.dir]);
      expect(res.out).toMatch(/^Audit of request\/carol at /);
      expect(res.out).toContain("leases/prod-db-readers/carol.yaml was added on request/carol in");
      expect(res.out).not.toMatch(/added on main/);
    } finally {
      r.cleanup();
    }
  });

  it("the table and CSV give every time in whole seconds (UTC), even when now has milliseconds", async () => {
    const now = Date.parse("2026-11-24T10:00:00.456Z");
    for (const format of ["table", "csv", "markdown"]) {
      const r = await jit(["audit", "--repo", repo.dir, "--format", format], { now });
      if (format !== "csv") expect(r.out).toContain("2026-11-24T10:00:00Z");
      expect(r.out).toMatch(/2026-11-24T09:00:00Z/);
      expect(r.out).not.toMatch(/T\d\d:\d\d:\d\d\.\d+Z/);
    }
  });

  it("CSV: a lease whose end had passed when it was merged is not-granted, and no row ends before it starts", async () => {
    const r = TestRepo.init({ fromExample: true, time: "2026-11-20T09:00:00Z" });
    try {
      r.branch("late");
      r.write("leases/prod-db-readers/late.yaml", lease({ grantee: "late", resource: "prod-db-readers", role: "member", expires: "2026-11-24T08:00:00Z", reason: "Pull figures for the quarterly report" }));
      r.commitAll("request", "2026-11-24T07:00:00Z");
      r.merge("late", "2026-11-24T09:00:00Z");
      const res = await jit(["audit", "--repo", r.dir, "--format", "csv"]);
      const [head, ...rows] = res.out.trimEnd().split("\r\n").map((l) => l.split(","));
      const col = (name: string) => head!.indexOf(name);
      for (const row of rows) expect(Date.parse(row[col("end")]!)).toBeGreaterThanOrEqual(Date.parse(row[col("start")]!));
      const late = rows.find((row) => row[col("lease")] === "leases/prod-db-readers/late.yaml")!;
      expect([late[col("status")], late[col("ended_why")]]).toEqual(["not-granted", "ended before it started"]);
    } finally {
      r.cleanup();
    }
  });

  it("outside a git repository: exit 2, says so, and does not talk about fetch-depth", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jit-not-git-"));
    tmp.push(dir);
    const r = await jit(["audit", "--repo", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("is not a git repository");
    expect(r.err).not.toContain("fetch-depth");
    const missing = await jit(["audit", "--repo", join(dir, "nope")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--repo .*nope: the folder .* does not exist/);
  });

  it("--help documents every status; JSON carries its format tag", async () => {
    const help = (await jit(["audit", "--help"])).out;
    for (const status of ["scheduled", "active", "over", "ended", "cancelled", "not-granted"]) expect(help).toMatch(new RegExp(`^  ${status} +\\S`, "m"));
    const json = JSON.parse((await jit(["audit", "--repo", repo.dir, "--format", "json"])).out) as Record<string, unknown>;
    expect(Object.keys(json)[0]).toBe("format");
    expect(json.format).toBe("jit-access/audit@1");
  });

  it("progress on stderr on a terminal only: not in CI, not with --format json, never on stdout", async () => {
    const tty = await jit(["audit", "--repo", repo.dir], { tty: true });
    expect(tty.err).toMatch(/\rreading history: \d+\/\d+ \(100%\)/);
    expect(tty.out).not.toContain("reading history");
    const plain = await jit(["audit", "--repo", repo.dir]);
    expect(tty.out).toBe(plain.out);
    for (const quiet of [await jit(["audit", "--repo", repo.dir], { tty: true, env: { CI: "true" } }), await jit(["audit", "--repo", repo.dir, "--format", "json"], { tty: true })]) {
      expect(quiet.err).toBe("");
    }
  });

  it("has --help", async () => {
    const r = await jit(["audit", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("jit audit — who had what, when, approved by whom, and why");
  });
});
