/**
 * An SSH lease end to end, with a real sshd: a lease on an ssh-certificate resource is
 * approved and merged; apply certifies the grantee's GitHub key and posts the certificate on
 * the pull request; `jit ssh-cert` installs it next to the key, and plain ssh logs in with it;
 * another principal is refused; an early revoke (`jit revoke`) puts it in the KRL that the
 * ledger publishes, and once the server has it the next connection is refused.
 *
 * The lease runs until 2099 so that the real sshd's clock is inside its window; nothing
 * depends on the clock otherwise.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { main } from "../../src/cli/main.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { runApply } from "../../src/commands/apply.js";
import { runRevoke } from "../../src/commands/revoke.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { LEDGER_REF, gitLedger } from "../../src/git/provider-ledger.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import type { Policy } from "../../src/policy/policy.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import { parseSshPrivateKey } from "../../src/credentials/openssh-private-key.js";
import type { Ed25519PrivateKey } from "../../src/credentials/openssh-private-key.js";
import { parseSshPublicKey } from "../../src/credentials/ssh-public-key.js";
import { parseCertificate, signUserCertificate } from "../../src/ssh/user-certificate.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { EXAMPLE_REPO, TestRepo, lease } from "../helpers/git-repo.js";
import { useTestSshd } from "../helpers/sshd.js";

const sshd = useTestSshd();
const MERGED = "2026-12-01T09:05:00Z";
const NOW = Date.parse("2026-12-01T09:10:00Z");
const PATH = "leases/prod-ssh/alice.yaml";
const END = "2099-01-01T00:00:00Z";

let repo: TestRepo;
let emu: CheckedEmulator;
let gh: GitHubClient;
let pr: number;
let scratch: string;

const SSH_RESOURCE = `
  prod-ssh:
    description: SSH to the production hosts, by certificate
    provider:
      type: ssh-certificate
      org: acme
      ca: { env: JIT_SSH_CA }
      hosts: [prod-1.example.com]
    roles: [deploy, dba]
    maxDuration: 30000d
    maxExtensions: 1
    approvers: [dana]
`;

beforeEach(async () => {
  scratch = mkdtempSync(join(tmpdir(), "jit-ssh-lease-"));
  // The ssh resource is in the policy's first version (a later change would need an admin-approved pull request).
  repo = TestRepo.init({ fromExample: false });
  cpSync(EXAMPLE_REPO, repo.dir, { recursive: true });
  repo.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  const policy = readFileSync(join(repo.dir, "policy.yaml"), "utf8") + SSH_RESOURCE;
  repo.write("policy.yaml", policy);
  const loaded = loadPolicy("policy.yaml", Buffer.from(policy));
  expect(loaded.diagnostics).toEqual([]);
  repo.write(".github/CODEOWNERS", generateCodeowners(loaded.policy!, "policy.yaml"));
  repo.write("leases/prod-ssh/.gitkeep", "");
  repo.commitAll("an ssh-certificate resource", "2026-11-20T09:30:00Z");

  emu = await startCheckedEmulator({ now: () => new Date(NOW) });
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["alice", "dana"]) s.addOrgMember("acme", u);
  for (const t of ["security", "sre-leads", "engineering", "platform-admins", "prod-db-readers", "security-admins", "dba"]) s.addTeam("acme", t);
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer"); // its standing grant
  s.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main" });
  s.addRepo("acme", "web");
  s.addOrgRole("acme", "billing_manager");
  gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });

  repo.branch("alice");
  repo.write(PATH, lease({ grantee: "alice", resource: "prod-ssh", role: "deploy", expires: END, reason: "Deploy the hotfix to the production hosts" }));
  const head = repo.commitAll("Request deploy on prod-ssh", "2026-12-01T09:00:00Z");
  repo.checkout("main");
  pr = s.addPullRequest("acme", "access", { author: "alice", base: "main", baseSha: repo.head("main"), head: "alice", headSha: head }).number;
  s.addReview("acme", "access", pr, { user: "dana", state: "APPROVED", commitId: head });
  const merge = repo.merge("alice", MERGED);
  s.mergePullRequest("acme", "access", pr, { mergeCommitSha: merge });
  s.associateCommit("acme", "access", merge, pr);
});
afterEach(async () => {
  await emu.close();
  repo.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const options = (now: number) => {
  const registry = createProviderRegistry(gh, { env: { JIT_SSH_CA: readFileSync(sshd.caKey, "utf8") }, now, ledger: gitLedger({ repoDir: repo.dir, repository: "acme/access", key: "evidence-key", now }), accessRepo: { dir: repo.dir, ref: "HEAD" } });
  return { gh, repoDir: repo.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: "evidence-key", providerFor: (id: string, p: Policy) => registry(p.resources.get(id)!), dryRun: false };
};

async function jit(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => void (out += s), err: (s) => void (err += s), env: {}, cwd: repo.dir, now: () => NOW });
  return { code, out, err };
}

test("merged lease → certificate on the pull request → jit ssh-cert → ssh logs in; another principal refused; jit revoke → KRL → refused on the next connection", async () => {
  await sshd.setPrincipals(["deploy"]);
  const key = await sshd.newUserKey("alice");
  emu.state.addSshKey("alice", key.publicKey);

  const applied = await runApply(options(NOW));
  expect(applied.findings).toEqual([]);
  expect(applied.results.map((r) => `${r.action.kind} ${r.action.resource} ${r.action.grantee} ${r.outcome.status}`)).toEqual(["grant prod-ssh alice granted"]);
  expect(applied.ok).toBe(true);

  // The certificate is on the pull request, as is (public), with what it allows.
  const comments = await gh.paginate(gh.rest.issues.listComments, { owner: "acme", repo: "access", issue_number: pr });
  const posted = comments.find((c) => c.body?.includes("jit-access:published kind=ssh-certificates"));
  expect(posted?.body).toMatch(/### SSH certificates for @alice: prod-ssh \(deploy\)/);
  expect(posted?.body).toMatch(/Principal `deploy` on `prod-1\.example\.com`, valid from 2026-12-01T09:09:00Z to 2099-01-01T00:00:00Z/);
  expect(posted?.body).toMatch(/ssh-ed25519-cert-v01@openssh\.com AAAA/);

  // jit ssh-cert installs it next to the key; plain ssh (identity file, no CertificateFile) uses it.
  const r = await jit(["ssh-cert", String(pr), "--key", `${key.path}.pub`, "--repository", "acme/access", "--api-url", emu.url, "--token", "test-token"]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toMatch(new RegExp(`wrote ${key.path}-cert\\.pub\\n  principals deploy; valid 2026-12-01T09:09:00Z → 2099-01-01T00:00:00Z; serial \\d+; key id jit-access:acme/access:${PATH}:alice; CA SHA256:`));
  const cert = parseCertificate(readFileSync(`${key.path}-cert.pub`, "utf8"));
  expect(cert.principals).toEqual(["deploy"]);
  const login = await sshd.ssh(key, "echo in");
  expect(login.stderr).toBe("");
  expect(login.stdout.trim()).toBe("in");
  // By lease path too (its pull request from the commit that added it).
  expect((await jit(["ssh-cert", PATH, "--key", `${key.path}.pub`, "--print", "--repository", "acme/access", "--api-url", emu.url, "--token", "test-token"])).out).toMatch(/would write/);

  // The server maps the account to another principal: refused.
  await sshd.setPrincipals(["dba"]);
  expect((await sshd.ssh(key, "true")).code).toBe(255);
  await sshd.setPrincipals(["deploy"]);

  // A second apply changes nothing (the ledger lists the certificate).
  const again = await runApply(options(NOW + 60_000));
  expect(again.results).toEqual([]);

  // Early revoke by the grantee: revoked in the run (the serial in the KRL), then the file removed.
  const revoked = await runRevoke({ ...options(NOW + 120_000), leases: [PATH], actor: "alice", reason: "done" });
  expect(revoked.ok).toBe(true);
  expect(revoked.apply.results.map((x) => `${x.action.kind} ${x.outcome.status}`)).toEqual(["revoke revoked"]);
  expect(existsSync(join(repo.dir, PATH))).toBe(false);
  const krl = execFileSync("git", ["show", `${LEDGER_REF}:ssh-certificate/prod-ssh/revoked.krl`], { cwd: repo.dir });
  expect((await sshd.ssh(key, "true")).code).toBe(0); // not fetched yet: still accepted
  await sshd.installKrl(krl); // the servers' fetch timer
  expect((await sshd.ssh(key, "true")).code).toBe(255);
  expect(sshd.log()).toMatch(new RegExp(`revoked`, "i"));
  expect(cert.serial).toBeGreaterThan(0n);
});

test("jit ssh-cert trusts the bot's comment only: a newer comment by someone else with a certificate from another CA is ignored", async () => {
  const key = await sshd.newUserKey("alice");
  emu.state.addSshKey("alice", key.publicKey);
  expect((await runApply(options(NOW))).ok).toBe(true);
  // mallory posts a "certificate" for alice's key signed by a CA of her own, with the marker.
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", join(scratch, "stranger")]);
  const strangerCa = parseSshPrivateKey(readFileSync(join(scratch, "stranger"), "utf8")) as Ed25519PrivateKey;
  const pub = parseSshPublicKey(key.publicKey);
  if (!pub.ok) throw new Error("key");
  const forged = signUserCertificate({ ca: strangerCa, publicKey: pub.key, principals: ["deploy"], validAfter: 0, validBefore: 4_000_000_000, serial: 1n, keyId: "forged", extensions: ["permit-pty"], nonce: new Uint8Array(32).fill(1) });
  emu.state.addComment("acme", "access", pr, "mallory", `<!-- jit-access:published kind=ssh-certificates lease=${encodeURIComponent(PATH)} -->\n\`\`\`\n${forged}\n\`\`\``);
  const r = await jit(["ssh-cert", String(pr), "--key", `${key.path}.pub`, "--repository", "acme/access", "--api-url", emu.url, "--token", "test-token"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/key id jit-access:acme\/access:/);
  expect(parseCertificate(readFileSync(`${key.path}-cert.pub`, "utf8")).keyId).toBe(`jit-access:acme/access:${PATH}:alice`);
  // Naming another login as the bot: nothing of the bot's counts, mallory's does not either.
  const other = await jit(["ssh-cert", String(pr), "--key", `${key.path}.pub`, "--bot-login", "someone-else", "--repository", "acme/access", "--api-url", emu.url, "--token", "test-token"]);
  expect(other.code).toBe(2);
  expect(other.err).toMatch(/has no SSH certificates posted by someone-else/);
});

test("a certificate that cannot be posted is taken back (its serial in the KRL) and the item fails; the next run issues and posts again", async () => {
  const key = await sshd.newUserKey("alice");
  emu.state.addSshKey("alice", key.publicKey);
  emu.faults.add({ method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", status: 422, body: { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" } });
  const first = await runApply(options(NOW));
  expect(first.results.map((r) => r.outcome)).toEqual([{ status: "failed", code: "published-undelivered", message: expect.stringMatching(/alice's ssh-certificates for prod-ssh could not be posted .*the grant was taken back\. The next run tries again\./) }]);
  const krl = join(scratch, "after-failure.krl");
  writeFileSync(krl, execFileSync("git", ["show", `${LEDGER_REF}:ssh-certificate/prod-ssh/revoked.krl`], { cwd: repo.dir }));
  expect(execFileSync("ssh-keygen", ["-Q", "-l", "-f", krl], { encoding: "utf8" })).toMatch(/serial: \d+/);
  const second = await runApply(options(NOW + 60_000));
  expect(second.results.map((r) => `${r.action.kind} ${r.outcome.status}`)).toEqual(["grant granted"]);
  const comments = await gh.paginate(gh.rest.issues.listComments, { owner: "acme", repo: "access", issue_number: pr });
  expect(comments.filter((c) => c.body?.includes("kind=ssh-certificates"))).toHaveLength(1);
});

test("an extension renews the certificates: the next apply issues them to the new end and posts them on the lease's pull request like the first", async () => {
  await sshd.setPrincipals(["deploy"]);
  const key = await sshd.newUserKey("alice");
  emu.state.addSshKey("alice", key.publicKey);
  expect((await runApply(options(NOW))).ok).toBe(true);

  // alice extends the lease by a pull request, approved and merged.
  const NEW_END = "2099-06-01T00:00:00Z";
  repo.branch("alice-ext");
  repo.write(PATH, lease({ grantee: "alice", resource: "prod-ssh", role: "deploy", expires: NEW_END, reason: "Deploy the hotfix to the production hosts" }));
  const head = repo.commitAll("Extend deploy on prod-ssh", "2026-12-01T09:20:00Z");
  repo.checkout("main");
  const ext = emu.state.addPullRequest("acme", "access", { author: "alice", base: "main", baseSha: repo.head("main"), head: "alice-ext", headSha: head }).number;
  emu.state.addReview("acme", "access", ext, { user: "dana", state: "APPROVED", commitId: head });
  const merge = repo.merge("alice-ext", "2026-12-01T09:25:00Z");
  emu.state.mergePullRequest("acme", "access", ext, { mergeCommitSha: merge });
  emu.state.associateCommit("acme", "access", merge, ext);

  const renewed = await runApply(options(NOW + 30 * 60_000));
  expect(renewed.findings).toEqual([]);
  expect(renewed.results.map((r) => `${r.action.kind} ${r.action.grantee} ${r.outcome.status}`)).toEqual(["renew alice granted"]);
  expect(renewed.ok).toBe(true);
  // Posted on the lease's pull request (the one that added it), like the first certificates.
  const posted = (await gh.paginate(gh.rest.issues.listComments, { owner: "acme", repo: "access", issue_number: pr })).filter((c) => c.body?.includes("jit-access:published kind=ssh-certificates"));
  expect(posted).toHaveLength(2);
  expect(posted[1]!.body).toMatch(/valid from 2026-12-01T09:39:00Z to 2099-06-01T00:00:00Z/);
  const r = await jit(["ssh-cert", String(pr), "--key", `${key.path}.pub`, "--repository", "acme/access", "--api-url", emu.url, "--token", "test-token"]);
  expect(r.code).toBe(0);
  expect(parseCertificate(readFileSync(`${key.path}-cert.pub`, "utf8")).validBefore).toBe(BigInt(Date.parse(NEW_END) / 1000));
  expect((await sshd.ssh(key, "echo in")).stdout.trim()).toBe("in");
  // Nothing more to do after that.
  expect((await runApply(options(NOW + 40 * 60_000))).results).toEqual([]);
});
