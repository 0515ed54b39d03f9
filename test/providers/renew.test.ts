/**
 * Renewal (a lease extended, or shortened, while its grant is held): the target must enforce
 * the new end. postgres ephemeral and checkout logins get `VALID UNTIL` moved (the same
 * password goes on working; the server refuses it after the new end), ssh-certificate issues
 * certificates for the new window (and, when the end comes earlier, revokes those that would
 * outlast it). Real PostgreSQL and a real sshd decide; windows are set in 2000 (over for the
 * servers' own clocks) or up to 2099 (open), so nothing depends on the clock.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { createClient } from "../../src/github/client.js";
import { LEDGER_REF, gitLedger } from "../../src/git/provider-ledger.js";
import type { PostgresConfig } from "../../src/policy/policy.js";
import type { GrantOutcome, IssuedCredential } from "../../src/providers/provider.js";
import { providerFor } from "../../src/providers/registry.js";
import { KRL_FILE, namespaceOf } from "../../src/providers/ssh-certificate.js";
import { parseCertificate } from "../../src/ssh/user-certificate.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { usePostgres } from "../helpers/postgres.js";
import { useTestSshd } from "../helpers/sshd.js";
import { resource } from "./support.js";

const db = usePostgres();
const sshd = useTestSshd();
const NOW = Date.UTC(2000, 0, 1, 9, 5, 0);
const OLD_END = Date.UTC(2000, 0, 1, 11, 0, 0);
const NEW_END = Date.UTC(2099, 0, 1, 0, 0, 0);
const work = mkdtempSync(join(tmpdir(), "jit-renew-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const pgResource = (id: string, access: PostgresConfig["access"], roles: string[]) => resource(id, { type: "postgres", org: "acme", connection: { env: "JIT_PG_RENEW" }, access, prefix: db.prefix }, roles);
const pgProvider = (r: ReturnType<typeof pgResource>, now = NOW) => providerFor(r, {} as never, { env: { JIT_PG_RENEW: db.adminUrl }, now });

function credentialOf(o: GrantOutcome): IssuedCredential {
  if (o.status !== "granted" || !o.credential) throw new Error(`no credential: ${JSON.stringify(o)}`);
  return o.credential;
}

async function loginError(user: string, password: string): Promise<string> {
  const c = new pg.Client({ connectionString: db.url(user, password) });
  c.on("error", () => undefined);
  try {
    await c.connect();
    return "logged in";
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function validUntil(login: string): Promise<number> {
  const admin = await db.connect();
  return (await admin.query<{ until: Date }>("SELECT rolvaliduntil AS until FROM pg_roles WHERE rolname = $1", [login])).rows[0]!.until.getTime();
}

describe.each(["ephemeral", "checkout"] as const)("postgres %s", (access) => {
  test("list reports the end the server enforces; renew moves VALID UNTIL later (the same password logs in past the old end) and earlier (refused after the new end)", async () => {
    const admin = await db.connect();
    const role = db.role(`renew_${access}`);
    await admin.query(access === "checkout" ? `CREATE ROLE ${role} LOGIN PASSWORD 'known-before'` : `CREATE ROLE ${role} NOLOGIN`);
    const r = pgResource(`db-renew-${access}`, access, [role]);
    const p = pgProvider(r);
    try {
      const cred = credentialOf(await p.grant(r, "alice", role, { expiresAt: OLD_END, lease: `leases/${r.id}/alice.yaml` }));
      const login = cred.details.login!;
      const password = cred.secret.reveal();
      // The window is over for the server's own clock: refused, no sweep involved.
      expect(await loginError(login, password)).toMatch(/password authentication failed/);
      const [held] = await p.list(r);
      expect(held).toMatchObject({ grantee: "alice", role, expiresAt: OLD_END });

      // Extended: VALID UNTIL moves to the new end, the same password works, nothing new is issued.
      const renewed = await p.renew!(r, held!, { expiresAt: NEW_END, lease: `leases/${r.id}/alice.yaml` });
      expect(renewed).toEqual({ status: "granted" });
      expect(await validUntil(login)).toBe(NEW_END);
      expect(await loginError(login, password)).toBe("logged in");
      const [after] = await p.list(r);
      expect(after).toMatchObject({ grantee: "alice", role, handle: held!.handle, expiresAt: NEW_END });
      const mark = await admin.query<{ c: string }>("SELECT shobj_description(oid, 'pg_authid') AS c FROM pg_roles WHERE rolname = $1", [login]);
      expect(JSON.parse(mark.rows[0]!.c.replace(/^jit-access /, ""))).toMatchObject({ until: new Date(NEW_END).toISOString() });

      // Shortened (the lease now ends earlier): the server refuses the login after the new end.
      expect(await p.renew!(r, after!, { expiresAt: OLD_END })).toEqual({ status: "granted" });
      expect(await validUntil(login)).toBe(OLD_END);
      expect(await loginError(login, password)).toMatch(/password authentication failed/);

      // Someone else's grant, or one no longer held, is not renewed.
      expect(await p.renew!(r, { ...after!, grantee: "mallory", handle: undefined }, { expiresAt: NEW_END })).toMatchObject({ status: "failed", code: "renew-not-held" });
      expect(await validUntil(login)).toBe(OLD_END);
      expect(db.serverLog()).not.toContain(password);
    } finally {
      await p.close?.();
    }
  });
});

describe("ssh-certificate", () => {
  test("renew certifies the keys for the new window (sshd accepts them past the old end), and a shorter end revokes certificates that would outlast it", async () => {
    const emu = await startCheckedEmulator({ now: () => new Date(NOW) });
    try {
      emu.state.addOrg("acme");
      const key = await sshd.newUserKey("alice");
      emu.state.addSshKey("alice", key.publicKey);
      const gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5, spaceWrites: false });
      const repoDir = mkdtempSync(join(work, "repo-"));
      execFileSync("git", ["init", "-q", "-b", "main", repoDir]);
      const r = resource("prod-ssh", { type: "ssh-certificate", org: "acme", ca: { env: "JIT_SSH_CA" } }, ["deploy"]);
      const provider = (now: number) => providerFor(r, gh, { env: { JIT_SSH_CA: readFileSync(sshd.caKey, "utf8") }, now, ledger: gitLedger({ repoDir, repository: "acme/access", key: "evidence-key", now }) });
      await sshd.setPrincipals(["deploy"]);
      const certFile = (o: GrantOutcome, name: string) => {
        if (o.status !== "granted" || !o.published) throw new Error(`nothing published: ${JSON.stringify(o)}`);
        const path = join(work, `${name}-cert.pub`);
        writeFileSync(path, o.published.text);
        return path;
      };
      const installKrl = async () => sshd.installKrl(execFileSync("git", ["show", `${LEDGER_REF}:${namespaceOf(r)}/${KRL_FILE}`], { cwd: repoDir }));

      const first = certFile(await provider(NOW).grant(r, "alice", "deploy", { expiresAt: OLD_END, lease: "leases/prod-ssh/alice.yaml" }), "first");
      expect((await sshd.ssh(key, "true", { certificate: first })).code).toBe(255); // expired for sshd's clock
      const [held] = await provider(NOW).list(r);
      expect(held).toMatchObject({ grantee: "alice", role: "deploy", expiresAt: OLD_END });

      // Extended: a certificate for the new window, posted like the first; sshd accepts it.
      const later = NOW + 3_600_000;
      const renewed = await provider(later).renew!(r, held!, { expiresAt: NEW_END, lease: "leases/prod-ssh/alice.yaml" });
      const second = certFile(renewed, "second");
      const cert = parseCertificate(readFileSync(second, "utf8").trim());
      expect(cert.validBefore).toBe(BigInt(NEW_END / 1000));
      expect(cert.principals).toEqual(["deploy"]);
      expect(renewed.status === "granted" && renewed.published?.summary).toMatch(/to 2099-01-01T00:00:00Z/);
      expect((await sshd.ssh(key, "echo in", { certificate: second })).stdout.trim()).toBe("in");
      const [extended] = await provider(later).list(r);
      expect(extended).toMatchObject({ grantee: "alice", role: "deploy", expiresAt: NEW_END });

      // Shortened: new certificates end earlier, and those that would outlast the new end are revoked (KRL).
      const shortEnd = Date.UTC(2000, 0, 1, 12, 0, 0);
      const third = certFile(await provider(later).renew!(r, extended!, { expiresAt: shortEnd }), "third");
      expect(parseCertificate(readFileSync(third, "utf8").trim()).validBefore).toBe(BigInt(shortEnd / 1000));
      await installKrl();
      expect((await sshd.ssh(key, "true", { certificate: second })).code).toBe(255);
      expect((await sshd.ssh(key, "true", { certificate: third })).code).toBe(255);
      const [short] = await provider(later).list(r);
      expect(short).toMatchObject({ expiresAt: shortEnd });
    } finally {
      await emu.close();
    }
  });
});
