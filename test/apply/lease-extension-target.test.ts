// An extension end to end on a target that expires natively: a database lease (postgres,
// ephemeral) is granted, then extended by an approved and merged pull request; the next apply
// renews the login's VALID UNTIL to the new end (no new login, no new password), so the same
// password works past the old end; at the new end the sweep drops it.
//
// The simulated clock runs in 2000; the lease first ends in 2000 (over for the server's own
// clock: its login is refused) and is extended to 2100 (open), so nothing depends on today.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { runApply } from "../../src/commands/apply.js";
import type { ApplyResult } from "../../src/commands/apply.js";
import { runCredentials } from "../../src/commands/credentials.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";
import { usePostgres } from "../helpers/postgres.js";

const db = usePostgres();
const KEY = "test-evidence-key";
const EXAMPLE = join(import.meta.dirname, "../../examples/access-repo");
const PATH = "leases/prod-db/zed.yaml";
const OLD_END = Date.parse("2000-01-01T11:00:00Z");
const NEW_END = Date.parse("2100-01-01T09:00:00Z"); // 36525 days after the add at 09:00

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
let keyDir: string;
let reader: string;

beforeAll(async () => {
  keyDir = mkdtempSync(join(tmpdir(), "jit-ext-keys-"));
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "zed@laptop", "-f", join(keyDir, "id_ed25519")]);
  reader = db.role("ext_reader");
  const admin = await db.connect();
  await admin.query(`CREATE ROLE ${reader} NOLOGIN`);
  await admin.query(`CREATE TABLE ext_orders (id int); INSERT INTO ext_orders VALUES (1), (2); GRANT SELECT ON ext_orders TO ${reader}`);
});
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

beforeEach(async () => {
  repo = TestRepo.init({ fromExample: false, time: "2000-01-01T08:00:00Z" });
  cpSync(join(EXAMPLE, "schemas"), join(repo.dir, "schemas"), { recursive: true });
  const policy = `version: 1
admins: ["@acme/security-admins"]
resources:
  prod-db:
    provider:
      type: postgres
      org: acme
      connection: { env: JIT_PG_EXT }
      access: ephemeral
      prefix: ${db.prefix}
    roles: [${reader}]
    maxDuration: 40000d
    maxExtensions: 1
    approvers: ["@acme/dba"]
`;
  repo.write("policy.yaml", policy);
  repo.write(".github/CODEOWNERS", generateCodeowners(loadPolicy("policy.yaml", Buffer.from(policy)).policy!, "policy.yaml"));
  repo.write("leases/prod-db/.gitkeep", "");
  repo.commitAll("Initial access repo", "2000-01-01T08:00:00Z");
  emu = await startCheckedEmulator();
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "dana", "sam"]) s.addOrgMember("acme", u);
  s.addTeam("acme", "dba");
  s.addTeamMember("acme", "dba", "dana");
  s.addTeam("acme", "security-admins");
  s.addTeamMember("acme", "security-admins", "sam");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addSshKey("zed", readFileSync(join(keyDir, "id_ed25519.pub"), "utf8").trim());
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

/** zed's pull request writing the lease with `duration`, approved by dana, merged at `at`. */
function merged(branch: string, duration: string, at: string): number {
  repo.branch(branch);
  repo.write(PATH, lease({ grantee: "zed", resource: "prod-db", role: reader, duration, reason: "Investigate the failed nightly billing export" }));
  const head = repo.commitAll(branch, at);
  repo.checkout("main");
  const pr = emu.state.addPullRequest("acme", "access", { author: "zed", base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
  emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head, submittedAt: at });
  const merge = repo.merge(branch, at);
  emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge, mergedBy: "dana" });
  emu.state.associateCommit("acme", "access", merge, pr.number);
  return pr.number;
}

async function apply(now: number): Promise<ApplyResult> {
  const registry = createProviderRegistry(gh, { env: { JIT_PG_EXT: db.adminUrl }, now });
  try {
    return await runApply({ gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
  } finally {
    await registry.close();
  }
}

async function loginWorks(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => undefined);
  try {
    await c.connect();
    return `rows:${(await c.query<{ n: number }>("SELECT count(*)::int AS n FROM ext_orders")).rows[0]!.n}`;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const field = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1];
const summary = (r: ApplyResult) => r.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.outcome.status}`);

it("an extension moves VALID UNTIL: the same password works past the old end, and the login is dropped at the new end", async () => {
  const number = merged("req-zed", "2h", "2000-01-01T09:00:00Z");
  const granted = await apply(Date.parse("2000-01-01T09:05:00Z"));
  expect(granted.findings).toEqual([]);
  expect(summary(granted)).toEqual(["grant:zed:granted"]);
  const [opened] = await runCredentials({ gh, owner: "acme", repo: "access", repoDir: repo.dir, target: String(number), identities: [join(keyDir, "id_ed25519")] });
  const url = field(opened!.text, "url")!;
  const login = field(opened!.text, "login")!;
  // Its end (2000-01-01T11:00Z) is past for the server's own clock: refused, no sweep involved.
  expect(await loginWorks(url)).toMatch(/password authentication failed/);
  const admin = await db.connect();
  const validUntil = async () => (await admin.query<{ until: Date }>("SELECT rolvaliduntil AS until FROM pg_roles WHERE rolname = $1", [login])).rows[0]!.until.getTime();
  expect(await validUntil()).toBe(OLD_END);

  // Extended by an approved, merged pull request: the next run renews, and makes nothing new.
  merged("ext-zed", "36525d", "2000-01-01T10:00:00Z");
  const extended = await apply(Date.parse("2000-01-01T10:05:00Z"));
  expect(extended.findings).toEqual([]);
  expect(summary(extended)).toEqual(["renew:zed:granted"]);
  expect(extended.results[0]!.action).toMatchObject({ kind: "renew", from: OLD_END, to: NEW_END });
  expect(extended.ok).toBe(true);
  expect(await validUntil()).toBe(NEW_END);
  expect(await loginWorks(url)).toBe("rows:2");
  expect((await admin.query("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)", [`${db.prefix}_zed`])).rows).toEqual([{ rolname: login }]);
  const credentialComments = (await gh.paginate(gh.rest.issues.listComments, { owner: "acme", repo: "access", issue_number: number })).filter((c) => c.body?.includes("jit-access:credentials"));
  expect(credentialComments).toHaveLength(1);

  // A run after that changes nothing (the target's end is the lease's).
  expect((await apply(Date.parse("2000-01-01T10:30:00Z"))).results).toEqual([]);

  // At the new end the sweep drops the login.
  const over = await apply(NEW_END);
  expect(summary(over)).toEqual(["revoke:zed:revoked"]);
  expect(await loginWorks(url)).toMatch(/password authentication failed|does not exist/);
});
