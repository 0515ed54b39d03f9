// A database lease end to end: a real access repo in git, the pull request and its review in
// the GitHub API emulator, `runApply` with the postgres provider against a real PostgreSQL
// server, the credential posted on the pull request encrypted to the grantee's GitHub SSH key,
// decrypted with the `age` CLI and with `jit credentials`, and nowhere in plain text.
//
// The simulated clock runs in 2099 (or in 2000): the database checks VALID UNTIL against its
// own clock, so a window in 2099 is open and one in 2000 is over, whatever today is.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/commands/apply.js";
import type { ApplyResult } from "../../src/commands/apply.js";
import { runCredentials } from "../../src/commands/credentials.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import { formatPlanMarkdown, formatPlanText } from "../../src/reconcile/format-plan.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";
import { usePostgres } from "../helpers/postgres.js";
import { requireCommand } from "../helpers/system-tools.js";

const db = usePostgres();
const KEY = "test-evidence-key";
const EXAMPLE = join(import.meta.dirname, "../../examples/access-repo");

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
let keyDir: string;
let reader: string;

const policyYaml = (roles: string) => `version: 1
admins: ["@acme/security-admins"]
resources:
  prod-db:
    description: Production database, read-only through an ephemeral login
    provider:
      type: postgres
      org: acme
      connection: { env: JIT_PG_E2E }
      access: ephemeral
      prefix: ${db.prefix}
    roles: [${roles}]
    maxDuration: 4h
    approvers: ["@acme/dba"]
`;

beforeAll(async () => {
  requireCommand("age", "age");
  keyDir = mkdtempSync(join(tmpdir(), "jit-db-e2e-keys-"));
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "zed@laptop", "-f", join(keyDir, "id_ed25519")]);
  reader = db.role("reader");
  const admin = await db.connect();
  await admin.query(`CREATE ROLE ${reader} NOLOGIN`);
  await admin.query(`CREATE TABLE orders (id int); INSERT INTO orders VALUES (1), (2); GRANT SELECT ON orders TO ${reader}`);
});

afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

beforeEach(async () => {
  repo = TestRepo.init({ fromExample: false, time: "2099-01-01T08:00:00Z" });
  cpSync(join(EXAMPLE, "schemas"), join(repo.dir, "schemas"), { recursive: true });
  const policy = policyYaml(reader);
  repo.write("policy.yaml", policy);
  repo.write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(policy)).policy!, "policy.yaml"));
  repo.write("leases/prod-db/.gitkeep", "");
  repo.commitAll("Initial access repo", "2099-01-01T08:00:00Z");
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "nokey", "dana", "sam"]) s.addOrgMember("acme", u);
  s.addTeam("acme", "dba");
  s.addTeamMember("acme", "dba", "dana");
  s.addTeam("acme", "security-admins");
  s.addTeamMember("acme", "security-admins", "sam");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addSshKey("zed", readFileSync(join(keyDir, "id_ed25519.pub"), "utf8").trim());
  gh = createClient({ token: "test-token", baseUrl: emu.url });
});

afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

function mergeLease(grantee: string, mergeTime: string) {
  const branch = `req-${grantee}`;
  repo.branch(branch);
  repo.write(`leases/prod-db/${grantee}.yaml`, lease({ grantee, resource: "prod-db", role: reader, duration: "2h", reason: "Investigate the failed nightly billing export" }));
  const head = repo.commitAll(`request ${branch}`, mergeTime);
  repo.checkout("main");
  const pr = emu.state.addPullRequest("acme", "access", { author: grantee, base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
  emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head, submittedAt: mergeTime });
  const merge = repo.merge(branch, mergeTime);
  emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge, mergedBy: "dana" });
  emu.state.associateCommit("acme", "access", merge, pr.number);
  return pr.number;
}

async function apply(now: number): Promise<ApplyResult> {
  const registry = createProviderRegistry(gh, { env: { JIT_PG_E2E: db.adminUrl }, now });
  try {
    return await runApply({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
  } finally {
    await registry.close();
  }
}

async function comments(number: number): Promise<string[]> {
  return (await gh.paginate(gh.rest.issues.listComments, { owner: "acme", repo: "access", issue_number: number, per_page: 100 })).map((c) => c.body ?? "");
}

async function loginWorks(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => undefined);
  try {
    await c.connect();
    const r = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM orders");
    return `rows:${r.rows[0]!.n}`;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const field = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1];

describe("database lease, end to end", () => {
  it("merged lease → ephemeral login → password on the pull request for the grantee alone → dropped after the end", async () => {
    const number = mergeLease("zed", "2099-01-01T09:00:00Z");
    const granted = await apply(Date.parse("2099-01-01T09:05:00Z"));
    expect(granted.findings).toEqual([]);
    expect(granted.results.map((r) => `${r.action.kind}:${r.action.grantee}:${r.outcome.status}`)).toEqual(["grant:zed:granted"]);
    expect(granted.ok).toBe(true);

    const posted = (await comments(number)).filter((b) => b.includes("jit-access:credentials"));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("-----BEGIN AGE ENCRYPTED FILE-----");

    // The age CLI with the grantee's SSH key reads it.
    const block = /```\n(-----BEGIN AGE ENCRYPTED FILE-----[\s\S]*?-----END AGE ENCRYPTED FILE-----)\n```/.exec(posted[0]!)![1]!;
    writeFileSync(join(keyDir, "credential.age"), `${block}\n`);
    const viaAge = execFileSync("age", ["-d", "-i", join(keyDir, "id_ed25519"), join(keyDir, "credential.age")], { encoding: "utf8" });
    const password = field(viaAge, "password")!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(field(viaAge, "valid until")).toBe("2099-01-01T11:00:00.000Z");

    // So does `jit credentials` (by pull request and by lease).
    const viaJit = await runCredentials({ gh, owner: "acme", repo: "access", repoDir: repo.dir, target: String(number), identities: [join(keyDir, "id_ed25519")] });
    expect(viaJit.map((c) => c.text)).toEqual([viaAge]);
    const byLease = await runCredentials({ gh, owner: "acme", repo: "access", repoDir: repo.dir, target: "leases/prod-db/zed.yaml", identities: [join(keyDir, "id_ed25519")] });
    expect(byLease[0]!.text).toBe(viaAge);

    // The login works inside the window, with the leased role's privileges.
    const url = field(viaAge, "url")!;
    expect(await loginWorks(url)).toBe("rows:2");

    // The password is in no result, report, note, commit or server log.
    const everything = [
      JSON.stringify(granted),
      formatPlanText(granted.plan, granted.results, granted.findings),
      formatPlanMarkdown(granted.plan, granted.results, granted.findings),
      repo.git("log", "--all", "-p"),
      repo.git("notes", "--ref=refs/notes/jit", "list").length > 0 ? repo.git("log", "-p", "refs/notes/jit") : "",
      ...(await comments(number)),
      db.serverLog(),
    ].join("\n");
    expect(everything).not.toContain(password);

    // A second run changes nothing and posts nothing.
    const again = await apply(Date.parse("2099-01-01T09:30:00Z"));
    expect(again.results).toEqual([]);
    expect((await comments(number)).filter((b) => b.includes("jit-access:credentials"))).toHaveLength(1);

    // After the end: the login is dropped by the next run.
    const after = await apply(Date.parse("2099-01-01T11:00:00Z"));
    expect(after.results.map((r) => `${r.action.kind}:${r.action.grantee}:${r.outcome.status}`)).toEqual(["revoke:zed:revoked"]);
    expect(await loginWorks(url)).toMatch(/password authentication failed|does not exist/);
  });

  it("a grantee with no usable SSH key gets no login (nobody could read its password), and the run fails loudly", async () => {
    mergeLease("nokey", "2099-01-01T09:00:00Z");
    const r = await apply(Date.parse("2099-01-01T09:05:00Z"));
    expect(r.results.map((x) => [x.action.kind, x.outcome.status, x.outcome.status === "failed" ? x.outcome.code : ""])).toEqual([["grant", "failed", "credentials-no-key"]]);
    expect(r.ok).toBe(false);
    const admin = await db.connect();
    const made = await admin.query("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)", [`${db.prefix}_nokey`]);
    expect(made.rows).toEqual([]);
  });

  it("a window already over in the database's own time: the login it makes is refused by the server, with no sweep", async () => {
    mergeLease("zed", "2000-01-01T09:00:00Z");
    const r = await apply(Date.parse("2000-01-01T09:05:00Z"));
    expect(r.results.map((x) => x.outcome.status)).toEqual(["granted"]);
    const [opened] = await runCredentials({ gh, owner: "acme", repo: "access", repoDir: repo.dir, target: "1", identities: [join(keyDir, "id_ed25519")] });
    expect(await loginWorks(field(opened!.text, "url")!)).toMatch(/password authentication failed/);
  });
});
