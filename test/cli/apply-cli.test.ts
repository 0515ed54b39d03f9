// `jit plan` and `jit apply` from the command line, against the emulator (no network).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";
import { STACK, jit } from "./run.js";

let repo: TestRepo;
let emu: CheckedEmulator;

beforeEach(async () => {
  repo = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  repo.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  repo.commitAll("start without leases", "2026-11-20T09:30:00Z");
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  for (const t of ["security", "sre-leads", "security-admins", "engineering", "platform-admins", "prod-db-readers", "dba"]) s.addTeam("acme", t);
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  s.addTeamMember("acme", "dba", "dana");
  s.addTeamMember("acme", "prod-db-readers", "stray");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

const env = () => ({ GITHUB_TOKEN: "test-token", GITHUB_API_URL: emu.url, GITHUB_REPOSITORY: "acme/access" });

describe("jit plan / jit apply", () => {
  it("needs a token, and says so without a stack trace", async () => {
    const r = await jit(["plan", "--repo", repo.dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--token or set GITHUB_TOKEN/);
    expect(r.err).not.toMatch(STACK);
  });

  it("plan shows the revocation of a member no lease backs, and changes nothing", async () => {
    const r = await jit(["plan", "--repo", repo.dir], { env: env() });
    expect(r.out).toMatch(/- revoke {2}prod-db-readers: stray as member — not backed by any lease or standing entry/);
    expect(r.code).toBe(0);
    expect(emu.requests.filter((x) => x.method !== "GET")).toEqual([]);
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.has("stray")).toBe(true);
  });

  it("apply --format json grants a verified lease and revokes drift; exit 1 with a finding for an unverified one", async () => {
    repo.write("leases/prod-db-readers/sneaky.yaml", lease({ grantee: "sneaky", resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" }));
    repo.commitAll("no pull request", "2026-11-24T09:00:00Z");
    const r = await jit(["apply", "--repo", repo.dir, "--format", "json", "--now", "2026-11-24T10:00:00Z"], { env: env() });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out);
    expect(out.ok).toBe(false);
    expect(out.findings[0].message).toMatch(/sneaky\.yaml was not granted: no-pull-request/);
    expect(out.results.map((x: { action: { kind: string; grantee: string } }) => `${x.action.kind}:${x.action.grantee}`)).toEqual(["revoke:stray"]);
    expect(emu.state.getTeam("acme", "prod-db-readers")!.members.size).toBe(0);
  });

  it("JSON carries its format tag; progress over resources on a terminal only (stderr), not in CI or with --format json", async () => {
    const json = await jit(["plan", "--repo", repo.dir, "--format", "json"], { env: env(), tty: true });
    expect(JSON.parse(json.out)).toMatchObject({ format: "jit-access/plan@1" });
    expect(json.err).toBe("");
    const tty = await jit(["plan", "--repo", repo.dir], { env: env(), tty: true });
    expect(tty.err).toMatch(/\rlisting resources: 4\/4 \(100%\)/);
    expect(tty.out).not.toContain("listing resources");
    const ci = await jit(["plan", "--repo", repo.dir], { env: { ...env(), CI: "true" }, tty: true });
    expect(ci.err).toBe("");
  });

  it("refuses bad options with exit 2", async () => {
    expect((await jit(["apply", "--repo", repo.dir, "--max-revocations", "lots"], { env: env() })).code).toBe(2);
    expect((await jit(["plan", "--repo", repo.dir, "--format", "yaml"], { env: env() })).code).toBe(2);
    expect((await jit(["help", "apply"])).out).toMatch(/jit plan \| jit apply/);
  });
});
