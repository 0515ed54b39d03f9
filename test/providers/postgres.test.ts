/**
 * The postgres provider against a real PostgreSQL server: elevation (and the SET ROLE
 * session it must cut), ephemeral logins (VALID UNTIL enforced by the server, statements in
 * its log, the password never), shared-account checkout (rotated at check-in), hostile names,
 * and an unreachable database as a per-resource failure.
 */
import pg from "pg";
import { describe, expect, test } from "vitest";
import type { PostgresConfig } from "../../src/policy/policy.js";
import { providerFor } from "../../src/providers/registry.js";
import type { GrantOutcome, IssuedCredential } from "../../src/providers/provider.js";
import { usePostgres } from "../helpers/postgres.js";
import { resource } from "./support.js";

const db = usePostgres();
// The provider never touches GitHub here.
const gh = {} as never;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const FUTURE = Date.UTC(2100, 0, 1);
const PAST = Date.UTC(2000, 0, 1);

function pgResource(id: string, access: PostgresConfig["access"], roles: string[], extra: Partial<PostgresConfig> = {}) {
  return resource(id, { type: "postgres", org: "acme", connection: { env: "JIT_PG_TEST" }, access, ...extra }, roles);
}
const env = () => ({ JIT_PG_TEST: db.adminUrl });
const provider = (r: ReturnType<typeof pgResource>, e: Record<string, string | undefined> = env()) => providerFor(r, gh, { env: e, now: NOW });

function credentialOf(o: GrantOutcome): IssuedCredential {
  if (o.status !== "granted" || !o.credential) throw new Error(`no credential: ${JSON.stringify(o)}`);
  return o.credential;
}

async function login(user: string, password: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: db.url(user, password) });
  c.on("error", () => undefined);
  await c.connect();
  return c;
}

async function loginError(user: string, password: string): Promise<string> {
  try {
    const c = await login(user, password);
    await c.end();
    return "logged in";
  } catch (e) {
    return (e as Error).message;
  }
}

describe("access: elevate", () => {
  test("grants the grantee's own login the role; revoking takes it away and cuts a session that ran SET ROLE", async () => {
    const admin = await db.connect();
    const ro = db.role("reader");
    const alice = db.role("alice");
    await admin.query(`CREATE ROLE ${ro} NOLOGIN`);
    await admin.query(`CREATE TABLE secrets_e (v text); INSERT INTO secrets_e VALUES ('s3cr3t'); GRANT SELECT ON secrets_e TO ${ro}`);
    await admin.query(`CREATE ROLE ${alice} LOGIN PASSWORD 'alice-pw'`);
    const r = pgResource("db-elevate", "elevate", [ro], { logins: { pattern: `${db.prefix}_{login}` } });
    const p = provider(r);
    try {
      expect(await p.list(r)).toEqual([]);
      expect(await p.grant(r, "Alice", ro, { expiresAt: FUTURE })).toEqual({ status: "granted" });
      expect(await p.grant(r, "alice", ro, { expiresAt: FUTURE })).toEqual({ status: "unchanged" });
      expect(await p.list(r)).toEqual([{ resource: r.id, grantee: "alice", role: ro, state: "active", handle: alice }]);

      const session = await login(alice, "alice-pw");
      await session.query(`SET ROLE ${ro}`);
      expect((await session.query("SELECT v FROM secrets_e")).rows).toEqual([{ v: "s3cr3t" }]);

      const [g] = await p.list(r);
      expect(await p.revoke(r, g!)).toEqual({ status: "revoked" });
      expect(await p.list(r)).toEqual([]);
      // The session that had SET ROLE is gone: it would otherwise keep the role's privileges.
      await expect(session.query("SELECT v FROM secrets_e")).rejects.toThrow(/terminat|Connection/i);
      const again = await login(alice, "alice-pw");
      await expect(again.query(`SET ROLE ${ro}`)).rejects.toThrow(/permission denied/);
      await again.end();
    } finally {
      await p.close?.();
    }
  });

  test("a missing login, and a login no valid name maps to, fail for that grant only", async () => {
    const admin = await db.connect();
    const ro = db.role("reader2");
    await admin.query(`CREATE ROLE ${ro} NOLOGIN`);
    const r = pgResource("db-elevate2", "elevate", [ro], { logins: { pattern: `${db.prefix}_{login}`, map: { mallory: 'x"; DROP ROLE postgres; --' } } });
    const p = provider(r);
    try {
      expect(await p.grant(r, "nobody", ro, {})).toMatchObject({ status: "failed", code: "login-missing" });
      expect(await p.grant(r, "mallory", ro, {})).toMatchObject({ status: "failed", code: "login-invalid" });
      expect(await p.grant(r, "bob", `${ro}"; DROP TABLE x; --`, {})).toMatchObject({ status: "failed", code: "role-unknown" });
    } finally {
      await p.close?.();
    }
  });
});

describe("access: ephemeral", () => {
  test("a login made for the lease: works in the window, logged, marked; dropped on revoke; the password is in no log", async () => {
    const admin = await db.connect();
    const ro = db.role("eph_reader");
    await admin.query(`CREATE ROLE ${ro} NOLOGIN`);
    await admin.query(`CREATE TABLE eph_data (v text); INSERT INTO eph_data VALUES ('row'); GRANT SELECT ON eph_data TO ${ro}`);
    const r = pgResource("db-eph", "ephemeral", [ro], { prefix: db.prefix });
    const p = provider(r);
    try {
      const out = await p.grant(r, "alice", ro, { expiresAt: FUTURE, lease: "leases/db-eph/alice.yaml" });
      const cred = credentialOf(out);
      const password = cred.secret.reveal();
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(cred.details).toMatchObject({ login: expect.stringMatching(new RegExp(`^${db.prefix}_alice_[0-9a-f]{6}$`)), host: "127.0.0.1", database: db.database });
      // The outcome can be reported, logged or recorded: the password is not in it.
      expect(JSON.stringify(out)).not.toContain(password);
      expect(`${String(cred.secret)}`).toBe("[secret]");

      // Idempotent: a second grant makes no second login.
      expect(await p.grant(r, "alice", ro, { expiresAt: FUTURE })).toEqual({ status: "unchanged" });
      const listed = await p.list(r);
      expect(listed).toEqual([{ resource: r.id, grantee: "alice", role: ro, state: "active", handle: cred.details.login, expiresAt: FUTURE }]);
      const mark = await admin.query<{ c: string; until: Date; config: string[] }>("SELECT shobj_description(oid, 'pg_authid') AS c, rolvaliduntil AS until, rolconfig AS config FROM pg_roles WHERE rolname = $1", [cred.details.login]);
      expect(JSON.parse(mark.rows[0]!.c.replace(/^jit-access /, ""))).toEqual({ kind: "ephemeral", resource: r.id, grantee: "alice", role: ro, lease: "leases/db-eph/alice.yaml", until: new Date(FUTURE).toISOString() });
      expect(mark.rows[0]!.until.getTime()).toBe(FUTURE);
      expect(mark.rows[0]!.config).toEqual(["log_statement=all"]);

      const session = await login(cred.details.login!, password);
      expect((await session.query("SELECT v, 'ephemeral-statement-marker' AS m FROM eph_data")).rows).toEqual([{ v: "row", m: "ephemeral-statement-marker" }]);
      expect(db.logSinceStart()).toContain("ephemeral-statement-marker");

      expect(await p.revoke(r, listed[0]!)).toEqual({ status: "revoked" });
      await expect(session.query("SELECT 1")).rejects.toThrow();
      expect(await p.list(r)).toEqual([]);
      expect(await loginError(cred.details.login!, password)).toMatch(/password authentication failed|does not exist/);
      expect(await p.revoke(r, listed[0]!)).toEqual({ status: "unchanged" });
      // Neither the statements that made it nor anything else wrote the password.
      expect(db.serverLog()).not.toContain(password);
    } finally {
      await p.close?.();
    }
  });

  test("the database itself refuses the login after VALID UNTIL (no sweep involved)", async () => {
    const admin = await db.connect();
    const ro = db.role("eph_late");
    await admin.query(`CREATE ROLE ${ro} NOLOGIN`);
    const r = pgResource("db-eph-late", "ephemeral", [ro], { prefix: db.prefix });
    const p = provider(r);
    try {
      const cred = credentialOf(await p.grant(r, "bob", ro, { expiresAt: PAST }));
      expect(await loginError(cred.details.login!, cred.secret.reveal())).toMatch(/password authentication failed/);
      expect(db.logSinceStart()).toMatch(/expired password/);
      const inTime = credentialOf(await p.grant(r, "carol", ro, { expiresAt: FUTURE }));
      expect(await loginError(inTime.details.login!, inTime.secret.reveal())).toBe("logged in");
      expect(await p.grant(r, "dave", ro, {})).toMatchObject({ status: "failed", code: "expiry-missing" });
    } finally {
      await p.close?.();
    }
  });

  test("an unmarked role is never taken for ours, and hostile grantee names make safe login names", async () => {
    const admin = await db.connect();
    const ro = db.role("eph_safe");
    await admin.query(`CREATE ROLE ${ro} NOLOGIN`);
    await admin.query(`CREATE ROLE ${db.role("bystander")} LOGIN IN ROLE ${ro}`);
    await admin.query(`COMMENT ON ROLE ${db.role("bystander")} IS 'jit-access {"kind":"ephemeral","resource":"other","grantee":"x","role":"${ro}"}'`);
    const r = pgResource("db-eph-safe", "ephemeral", [ro], { prefix: db.prefix });
    const p = provider(r);
    try {
      expect(await p.list(r)).toEqual([]);
      const cred = credentialOf(await p.grant(r, "Weird-Name", ro, { expiresAt: FUTURE }));
      expect(cred.details.login).toMatch(new RegExp(`^${db.prefix}_weird_name_[0-9a-f]{6}$`));
      expect(await p.revoke(r, { resource: r.id, grantee: "x", role: ro, state: "active", handle: db.role("bystander") })).toEqual({ status: "unchanged" });
      expect((await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [db.role("bystander")])).rowCount).toBe(1);
    } finally {
      await p.close?.();
    }
  });
});

describe("access: checkout", () => {
  test("one holder at a time; check-in rotates the password and cuts the holder's session", async () => {
    const admin = await db.connect();
    const account = db.role("app_admin");
    await admin.query(`CREATE ROLE ${account} LOGIN PASSWORD 'initial-known-pw'`);
    const r = pgResource("db-checkout", "checkout", [account]);
    const p = provider(r);
    try {
      expect(await p.list(r)).toEqual([]);
      const cred = credentialOf(await p.grant(r, "alice", account, { expiresAt: FUTURE, lease: "leases/db-checkout/a.yaml" }));
      expect(cred.details.login).toBe(account);
      expect(await loginError(account, "initial-known-pw")).toMatch(/password authentication failed/);
      const session = await login(account, cred.secret.reveal());
      expect(await p.list(r)).toEqual([{ resource: r.id, grantee: "alice", role: account, state: "active", handle: account, expiresAt: FUTURE }]);
      expect(await p.grant(r, "alice", account, { expiresAt: FUTURE })).toEqual({ status: "unchanged" });
      expect(await p.grant(r, "bob", account, { expiresAt: FUTURE })).toMatchObject({ status: "failed", code: "checkout-held" });

      const [g] = await p.list(r);
      expect(await p.revoke(r, g!)).toEqual({ status: "revoked" });
      await expect(session.query("SELECT 1")).rejects.toThrow();
      expect(await loginError(account, cred.secret.reveal())).toMatch(/password authentication failed/);
      expect(await p.list(r)).toEqual([]);

      const next = credentialOf(await p.grant(r, "bob", account, { expiresAt: FUTURE }));
      expect(next.secret.reveal()).not.toBe(cred.secret.reveal());
      expect(await loginError(account, next.secret.reveal())).toBe("logged in");
      expect(db.serverLog()).not.toContain(cred.secret.reveal());
      expect(db.serverLog()).not.toContain(next.secret.reveal());
    } finally {
      await p.close?.();
    }
  });
});

describe("failures stay with their resource", () => {
  test("an unset connection variable or an unreachable database: listing throws for that resource, grants fail per item", async () => {
    const r = pgResource("db-down", "ephemeral", ["reader"], { prefix: db.prefix });
    const unset = provider(r, {});
    await expect(unset.list(r)).rejects.toThrow(/JIT_PG_TEST .*not set/);
    expect(await unset.grant(r, "alice", "reader", { expiresAt: FUTURE })).toMatchObject({ status: "failed", code: "database-error" });
    const down = provider(r, { JIT_PG_TEST: "postgresql://admin:hunter2-admin@127.0.0.1:9/x" });
    const err = await down.list(r).catch((e: Error) => e.message);
    expect(err).toMatch(/cannot connect/);
    const out = await down.revoke(r, { resource: r.id, grantee: "alice", role: "reader", state: "active", handle: "jit_alice_000000" });
    expect(out).toMatchObject({ status: "failed", code: "database-error" });
    expect(JSON.stringify(out) + err).not.toContain("hunter2-admin");
  });
});
