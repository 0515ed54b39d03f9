// Break-glass on targets that make something for the grantee: a postgres ephemeral login
// (its password) and SSH certificates. The emergency grant delivers them as apply does: the
// password encrypted to the grantee's GitHub SSH keys, the certificates as they are, on the
// break-glass pull request; nothing is created for a grantee nobody could deliver to. A real
// PostgreSQL server and a real sshd decide whether what was delivered works.
//
// The simulated clock runs in 2000 and the break-glass window to 2099, so the servers' own
// clocks are inside it whatever today is; nothing else depends on the clock.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { runBreakGlass } from "../../src/commands/break-glass.js";
import { runCredentials } from "../../src/commands/credentials.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { gitLedger } from "../../src/git/provider-ledger.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import { parseCertificate } from "../../src/ssh/user-certificate.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";
import { usePostgres } from "../helpers/postgres.js";
import { useTestSshd } from "../helpers/sshd.js";
import type { UserKey } from "../helpers/sshd.js";

const db = usePostgres();
const sshd = useTestSshd();
const KEY = "test-evidence-key";
const EXAMPLE = join(import.meta.dirname, "../../examples/access-repo");
const OPENED = "2000-01-02T09:00:00Z";
const NOW = Date.parse("2000-01-02T09:00:30Z");

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
let zedKey: UserKey;
let reader: string;
let work: string;

const policyYaml = () => `version: 1
admins: ["@acme/security-admins"]
resources:
  prod-db:
    provider:
      type: postgres
      org: acme
      connection: { env: JIT_PG_BG }
      access: ephemeral
      prefix: ${db.prefix}
    roles: [${reader}]
    maxDuration: 40000d
    approvers: ["@acme/dba"]
    breakGlass: { allowed: true, maxDuration: 40000d }
  prod-ssh:
    provider:
      type: ssh-certificate
      org: acme
      ca: { env: JIT_SSH_CA }
    roles: [deploy]
    maxDuration: 40000d
    approvers: ["@acme/dba"]
    breakGlass: { allowed: true, maxDuration: 40000d }
`;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "jit-bg-cred-"));
  reader = db.role("bg_reader");
  const admin = await db.connect();
  await admin.query(`CREATE ROLE ${reader} NOLOGIN`);
  await admin.query(`CREATE TABLE bg_orders (id int); INSERT INTO bg_orders VALUES (1); GRANT SELECT ON bg_orders TO ${reader}`);
  zedKey = await sshd.newUserKey("zed");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeEach(async () => {
  repo = TestRepo.init({ fromExample: false, time: "2000-01-01T08:00:00Z" });
  cpSync(join(EXAMPLE, "schemas"), join(repo.dir, "schemas"), { recursive: true });
  const policy = policyYaml();
  const loaded = loadPolicy("policy.yaml", Buffer.from(policy));
  expect(loaded.diagnostics).toEqual([]);
  repo.write("policy.yaml", policy);
  repo.write(".github/CODEOWNERS", generateCodeowners(loaded.policy!, "policy.yaml"));
  repo.write("leases/prod-db/.gitkeep", "").write("leases/prod-ssh/.gitkeep", "");
  repo.commitAll("Initial access repo", "2000-01-01T08:00:00Z");
  emu = await startCheckedEmulator({ now: () => new Date(NOW) });
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "nokey", "dana", "sam"]) s.addOrgMember("acme", u);
  s.addTeam("acme", "dba");
  s.addTeamMember("acme", "dba", "dana");
  s.addTeam("acme", "security-admins");
  s.addTeamMember("acme", "security-admins", "sam");
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addSshKey("zed", zedKey.publicKey);
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
});

/** A break-glass pull request by the grantee, adding one lease; its number. */
function openBreakGlass(grantee: string, resource: string, role: string): number {
  repo.branch(`bg-${grantee}-${resource}`);
  repo.write(`leases/${resource}/${grantee}.yaml`, lease({ grantee, resource, role, duration: "36500d", reason: "Prod is down: restore the nightly billing export", breakGlass: true }));
  const head = repo.commitAll(`break-glass ${grantee}`, OPENED);
  repo.checkout("main");
  return emu.state.addPullRequest("acme", "access", { author: grantee, base: "main", baseSha: repo.head("main"), head: `bg-${grantee}-${resource}`, headSha: head, createdAt: OPENED }).number;
}

async function breakGlass(number: number) {
  const registry = createProviderRegistry(gh, { env: { JIT_PG_BG: db.adminUrl, JIT_SSH_CA: readFileSync(sshd.caKey, "utf8") }, now: NOW, ledger: gitLedger({ repoDir: repo.dir, repository: "acme/access", key: KEY, now: NOW }) });
  try {
    return await runBreakGlass({ gh, repoDir: repo.dir, ref: "main", owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: NOW, pullRequest: number, providerFor: registry, evidenceKey: KEY });
  } finally {
    await registry.close();
  }
}

async function comments(number: number): Promise<string[]> {
  return (await gh.paginate(gh.rest.issues.listComments, { owner: "acme", repo: "access", issue_number: number, per_page: 100 })).map((c) => c.body ?? "");
}

const field = (text: string, name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1];

describe("break-glass delivers what the grant makes", () => {
  it("postgres ephemeral: the password reaches the grantee alone, encrypted on the pull request; the login works", async () => {
    const number = openBreakGlass("zed", "prod-db", reader);
    const r = await breakGlass(number);
    expect(r.decision.kind).toBe("grant");
    expect(r.error).toBeUndefined();
    expect(r.outcome).toEqual({ status: "granted" });
    const posted = (await comments(number)).filter((b) => b.includes("jit-access:credentials"));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain("-----BEGIN AGE ENCRYPTED FILE-----");
    const [opened] = await runCredentials({ gh, owner: "acme", repo: "access", repoDir: repo.dir, target: String(number), identities: [zedKey.path] });
    const password = field(opened!.text, "password")!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const c = new pg.Client({ connectionString: field(opened!.text, "url")! });
    c.on("error", () => undefined);
    await c.connect();
    expect((await c.query<{ n: number }>("SELECT count(*)::int AS n FROM bg_orders")).rows[0]!.n).toBe(1);
    await c.end();
    // Nowhere in plain text: not in the result, the comments, the notes or the server log.
    expect([JSON.stringify(r), ...(await comments(number)), repo.git("log", "--all", "-p"), db.serverLog()].join("\n")).not.toContain(password);
  });

  it("postgres ephemeral, a grantee with no usable SSH key: nothing is created (nobody could read the password)", async () => {
    const number = openBreakGlass("nokey", "prod-db", reader);
    const r = await breakGlass(number);
    expect(r.decision.kind).toBe("grant");
    expect(r.outcome).toMatchObject({ status: "failed", code: "credentials-no-key" });
    const admin = await db.connect();
    expect((await admin.query("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)", [`${db.prefix}_nokey`])).rows).toEqual([]);
    expect((await comments(number)).filter((b) => b.includes("jit-access:credentials"))).toEqual([]);
  });

  it("ssh-certificate: certificates for the break-glass window are posted on the pull request, and sshd accepts them", async () => {
    await sshd.setPrincipals(["deploy"]);
    const number = openBreakGlass("zed", "prod-ssh", "deploy");
    const r = await breakGlass(number);
    expect(r.decision.kind).toBe("grant");
    expect(r.outcome).toEqual({ status: "granted" });
    const posted = (await comments(number)).filter((b) => b.includes("jit-access:published kind=ssh-certificates"));
    expect(posted).toHaveLength(1);
    const line = /```\n(ssh-ed25519-cert-v01@openssh\.com [^\n]+)\n```/.exec(posted[0]!)![1]!;
    const cert = parseCertificate(line);
    expect(cert.principals).toEqual(["deploy"]);
    expect(r.decision.kind === "grant" && cert.validBefore).toBe(r.decision.kind === "grant" ? BigInt(Date.parse(r.decision.record.end) / 1000) : 0n);
    const path = join(work, "zed-bg-cert.pub");
    writeFileSync(path, `${line}\n`);
    expect((await sshd.ssh(zedKey, "echo in", { certificate: path })).stdout.trim()).toBe("in");
    expect(execFileSync("ssh-keygen", ["-L", "-f", path], { encoding: "utf8" })).toMatch(/Key ID: "jit-access:acme\/access:leases\/prod-ssh\/zed\.yaml:zed"/);
  });
});
