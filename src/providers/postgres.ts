/**
 * postgres: just-in-time access to a PostgreSQL database, in one of three ways (the
 * resource's `access`):
 *
 * - `elevate`: the grantee's own database login (mapped from their GitHub login) becomes a
 *   member of a leased role (`GRANT role TO login`). Revoking takes the membership away **and
 *   ends that login's sessions**: a session that ran `SET ROLE` keeps the role's privileges
 *   after `REVOKE`. `list` reads pg_auth_members. PostgreSQL cannot expire a membership by
 *   itself: the sweep (or a timer) ends it.
 * - `ephemeral`: a login made for the lease (`<prefix>_<grantee>_<random>`), a member of the
 *   leased role, with a random password given as a SCRAM-SHA-256 verifier (the plaintext
 *   never reaches the server or its log), `VALID UNTIL` the lease's end (the server refuses
 *   new logins after it even if every sweep fails), and `log_statement = 'all'` (what it did
 *   is in the server's log). It is marked as ours by a role comment naming the resource,
 *   grantee, role and lease. Revoking ends its sessions, drops what it owns in this
 *   database and drops it.
 * - `checkout`: one shared login (a role of the resource, e.g. `app_admin`) held by one
 *   grantee at a time: a grant sets a fresh random password, `VALID UNTIL` the end and a mark
 *   naming the holder; revoking (check-in) sets a random password nobody receives, expires
 *   it and ends its sessions, so whoever held it no longer knows a working password.
 *
 * The password of an ephemeral or checked-out login is returned as the grant's credential
 * (a Secret): the shell encrypts it to the grantee's SSH keys; it is never logged.
 *
 * Every identifier and literal is quoted (pg's escapeIdentifier/escapeLiteral); role and login
 * names are also restricted by the policy schema and by `DB_NAME` below. One connection per
 * resource and run, opened on first use; an unreachable database or a failed statement is a
 * failure of that resource or item only.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { Secret } from "../credentials/secret.js";
import { randomPassword } from "../credentials/random-password.js";
import { newScramSha256Verifier } from "../credentials/scram.js";
import { POSTGRES_NAME } from "../policy/policy.js";
import type { PostgresConfig, Resource } from "../policy/policy.js";
import type { ProviderContext } from "./provider-context.js";
import type { Grant, GrantOptions, GrantOutcome, IssuedCredential, Provider } from "./provider.js";

/** Database role and login names jit-access will write (the policy refuses others). */
export const DB_NAME = POSTGRES_NAME;
/** The comment that marks a role as made (ephemeral) or held (checkout) by jit-access. */
const MARK = "jit-access ";

interface Mark {
  kind: "ephemeral" | "checkout";
  resource: string;
  grantee: string;
  role: string;
  lease?: string;
  until?: string;
}

function config(r: Resource): PostgresConfig {
  if (r.provider.type !== "postgres") throw new Error(`${r.id} is not a postgres resource`);
  return r.provider;
}

const lower = (s: string) => s.toLowerCase();
/** A VALID UNTIL in ms, when it is a real time (not NULL or infinity). */
const finite = (ms: number | null): number | undefined => (ms !== null && Number.isFinite(Number(ms)) ? Number(ms) : undefined);
const fail = (code: string, message: string): GrantOutcome => ({ status: "failed", code, message });

/** The database login of a GitHub login (elevate): the map first, then the pattern. */
export function databaseLogin(cfg: PostgresConfig, grantee: string): string | undefined {
  const mapped = Object.entries(cfg.logins?.map ?? {}).find(([gh]) => lower(gh) === lower(grantee))?.[1];
  const login = mapped ?? (cfg.logins?.pattern ?? "{login}").replaceAll("{login}", lower(grantee));
  return DB_NAME.test(login) ? login : undefined;
}

/** The GitHub login behind a database login (elevate), or the database login itself when none maps to it. */
export function githubLogin(cfg: PostgresConfig, login: string): string {
  const mapped = Object.entries(cfg.logins?.map ?? {}).find(([, db]) => db === login)?.[0];
  if (mapped) return mapped;
  const pattern = cfg.logins?.pattern ?? "{login}";
  const parts = pattern.split("{login}");
  if (parts.length !== 2) return login;
  const [before, after] = parts as [string, string];
  if (login.length > before.length + after.length && login.startsWith(before) && login.endsWith(after)) {
    const name = login.slice(before.length, login.length - after.length);
    // Only a name that maps back to this login (the mapping lower-cases) is its owner.
    if (databaseLogin(cfg, name) === login && !Object.values(cfg.logins?.map ?? {}).includes(login)) return name;
  }
  return login;
}

function parseMark(comment: string | null): Mark | undefined {
  if (!comment?.startsWith(MARK)) return undefined;
  try {
    const v = JSON.parse(comment.slice(MARK.length)) as Record<string, unknown>;
    if ((v.kind !== "ephemeral" && v.kind !== "checkout") || typeof v.resource !== "string" || typeof v.grantee !== "string" || typeof v.role !== "string") return undefined;
    return { kind: v.kind, resource: v.resource, grantee: v.grantee, role: v.role, ...(typeof v.lease === "string" ? { lease: v.lease } : {}), ...(typeof v.until === "string" ? { until: v.until } : {}) };
  } catch {
    return undefined;
  }
}

const markText = (m: Mark) => MARK + JSON.stringify(m);

/** Where the grantee connects: the admin connection's host, port and database (never its user or password). */
function connectionDetails(url: string): Record<string, string> {
  try {
    const u = new URL(url);
    return { host: u.hostname || "localhost", port: u.port || "5432", database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres" };
  } catch {
    return {};
  }
}

/** A message without anything secret: pg's errors never carry the password, but a bad connection string might. */
function errorText(e: unknown, connection: string | undefined): string {
  let text = e instanceof Error ? e.message : String(e);
  if (connection) text = text.split(connection).join("<connection string>");
  return text;
}

export function postgresProvider(ctx: ProviderContext): Provider {
  // One client per resource and run.
  const clients = new Map<string, Promise<pg.Client>>();
  const urlOf = (r: Resource): string => {
    const cfg = config(r);
    const url = ctx.env[cfg.connection.env];
    if (!url) throw new Error(`${r.id}: the environment variable ${cfg.connection.env} (the admin connection string) is not set. Map the Actions secret to it in the workflow (env: ${cfg.connection.env}: \${{ secrets.${cfg.connection.env} }}).`);
    return url;
  };
  const client = (r: Resource): Promise<pg.Client> => {
    let p = clients.get(r.id);
    if (!p) {
      p = (async () => {
        const url = urlOf(r);
        const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, statement_timeout: 30_000, application_name: "jit-access" });
        c.on("error", () => undefined);
        try {
          await c.connect();
        } catch (e) {
          throw new Error(`${r.id}: cannot connect to the database (${errorText(e, url)}).`);
        }
        return c;
      })();
      p.catch(() => clients.delete(r.id));
      clients.set(r.id, p);
    }
    return p;
  };
  const q = async <T extends pg.QueryResultRow>(r: Resource, text: string, values?: unknown[]): Promise<T[]> => (await (await client(r)).query<T>(text, values)).rows;
  const tx = async (r: Resource, statements: string[]): Promise<void> => {
    const c = await client(r);
    await c.query("BEGIN");
    try {
      for (const s of statements) await c.query(s);
      await c.query("COMMIT");
    } catch (e) {
      await c.query("ROLLBACK").catch(() => undefined);
      throw e;
    }
  };
  const id = pg.escapeIdentifier;
  const lit = pg.escapeLiteral;
  const endSessions = (r: Resource, login: string) => q(r, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()", [login]);
  const until = (ms: number) => new Date(ms).toISOString();
  const issued = (r: Resource, login: string, password: string): IssuedCredential => ({ details: { login, ...connectionDetails(urlOf(r)) }, secret: new Secret(password) });

  const guarded = async (what: string, r: Resource, f: () => Promise<GrantOutcome>): Promise<GrantOutcome> => {
    try {
      return await f();
    } catch (e) {
      const code = typeof (e as { code?: unknown }).code === "string" ? ` (SQLSTATE ${(e as { code: string }).code})` : "";
      let connection: string | undefined;
      try {
        connection = urlOf(r);
      } catch {
        connection = undefined;
      }
      return fail("database-error", `${what}: ${errorText(e, connection)}${code}`);
    }
  };

  const roleOk = (r: Resource, role: string) => r.roles.includes(role) && DB_NAME.test(role);

  // --- elevate ------------------------------------------------------------------------
  const elevate = {
    async list(r: Resource): Promise<Grant[]> {
      const cfg = config(r);
      const rows = await q<{ role: string; member: string }>(
        r,
        "SELECT g.rolname AS role, m.rolname AS member FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member WHERE g.rolname = ANY($1::text[]) ORDER BY 1, 2",
        [r.roles],
      );
      return rows.map((row) => ({ resource: r.id, grantee: githubLogin(cfg, row.member), role: row.role, state: "active" as const, handle: row.member }));
    },
    async grant(r: Resource, grantee: string, role: string): Promise<GrantOutcome> {
      const login = databaseLogin(config(r), grantee);
      if (!login) return fail("login-invalid", `${grantee} maps to no valid database login (logins in ${r.id}'s policy; names match ${DB_NAME}).`);
      const [exists] = await q<{ login: string }>(r, "SELECT rolname AS login FROM pg_roles WHERE rolname = $1", [login]);
      if (!exists) return fail("login-missing", `the database login ${login} (for ${grantee}) does not exist: create it once (without privileges), or map ${grantee} to their login in the policy.`);
      const [direct] = await q<{ n: number }>(r, "SELECT count(*)::int AS n FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member WHERE g.rolname = $2 AND m.rolname = $1", [login, role]);
      if ((direct?.n ?? 0) > 0) return { status: "unchanged" };
      await q(r, `GRANT ${id(role)} TO ${id(login)}`);
      return { status: "granted" };
    },
    async revoke(r: Resource, g: Grant): Promise<GrantOutcome> {
      const login = g.handle ?? databaseLogin(config(r), g.grantee);
      if (!login || !DB_NAME.test(login)) return fail("login-invalid", `no valid database login for ${g.grantee}.`);
      // Not a member (any more): nothing to take away (REVOKE would only warn), no session to end for it.
      const [direct] = await q<{ n: number }>(r, "SELECT count(*)::int AS n FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member WHERE g.rolname = $2 AND m.rolname = $1", [login, g.role]);
      if ((direct?.n ?? 0) === 0) return { status: "unchanged" };
      await q(r, `REVOKE ${id(g.role)} FROM ${id(login)}`);
      await endSessions(r, login);
      return { status: "revoked" };
    },
  };

  // --- ephemeral ----------------------------------------------------------------------
  const ephemeralRows = (r: Resource) =>
    q<{ login: string; comment: string | null; roles: string[]; valid_until: number | null }>(
      r,
      "SELECT r.rolname AS login, shobj_description(r.oid, 'pg_authid') AS comment, extract(epoch FROM r.rolvaliduntil)::float8 * 1000 AS valid_until, ARRAY(SELECT g.rolname FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid WHERE am.member = r.oid ORDER BY 1)::text[] AS roles FROM pg_roles r WHERE starts_with(shobj_description(r.oid, 'pg_authid'), $1)",
      [MARK],
    ).then((rows) => rows.flatMap((row) => {
      const mark = parseMark(row.comment);
      return mark?.kind === "ephemeral" && mark.resource === r.id ? [{ login: row.login, mark, roles: row.roles, expiresAt: finite(row.valid_until) }] : [];
    }));
  const ephemeralName = (r: Resource, grantee: string): string => {
    const prefix = config(r).prefix ?? "jit";
    const who = lower(grantee).replace(/[^a-z0-9]/g, "_").slice(0, 40);
    return `${prefix}_${who}_${randomBytes(3).toString("hex")}`.slice(0, 63);
  };
  const ephemeral = {
    async list(r: Resource): Promise<Grant[]> {
      const out: Grant[] = [];
      for (const e of await ephemeralRows(r)) {
        // The role it holds (one per login); a login stripped of its role still shows, to be dropped.
        const held = e.roles.filter((x) => r.roles.includes(x));
        for (const role of held.length > 0 ? held : [e.mark.role]) out.push({ resource: r.id, grantee: e.mark.grantee, role, state: "active", handle: e.login, ...(e.expiresAt !== undefined ? { expiresAt: e.expiresAt } : {}) });
      }
      return out;
    },
    async grant(r: Resource, grantee: string, role: string, opts: GrantOptions): Promise<GrantOutcome> {
      if (opts.expiresAt === undefined) return fail("expiry-missing", `an ephemeral login needs the lease's end (VALID UNTIL); none was given for ${grantee}.`);
      const existing = (await ephemeralRows(r)).find((e) => lower(e.mark.grantee) === lower(grantee) && e.mark.role === role && e.roles.includes(role));
      if (existing) return { status: "unchanged" };
      const login = ephemeralName(r, grantee);
      if (!DB_NAME.test(login)) return fail("login-invalid", `cannot make a valid login name for ${grantee} (prefix ${config(r).prefix ?? "jit"}).`);
      const password = randomPassword();
      const mark: Mark = { kind: "ephemeral", resource: r.id, grantee, role, ...(opts.lease ? { lease: opts.lease } : {}), until: until(opts.expiresAt) };
      await tx(r, [
        `CREATE ROLE ${id(login)} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD ${lit(newScramSha256Verifier(password))} VALID UNTIL ${lit(until(opts.expiresAt))} IN ROLE ${id(role)}`,
        `COMMENT ON ROLE ${id(login)} IS ${lit(markText(mark))}`,
        `ALTER ROLE ${id(login)} SET log_statement = 'all'`,
      ]);
      return { status: "granted", credential: issued(r, login, password) };
    },
    async renew(r: Resource, g: Grant, expiresAt: number): Promise<GrantOutcome> {
      const mine = (await ephemeralRows(r)).filter((e) => lower(e.mark.grantee) === lower(g.grantee) && e.mark.role === g.role && (!g.handle || e.login === g.handle));
      if (mine.length === 0) return fail("renew-not-held", `${g.grantee} holds no ephemeral login for ${g.role} on ${r.id} to renew; the next run grants one if a lease backs it.`);
      for (const e of mine) await tx(r, [`ALTER ROLE ${id(e.login)} VALID UNTIL ${lit(until(expiresAt))}`, `COMMENT ON ROLE ${id(e.login)} IS ${lit(markText({ ...e.mark, until: until(expiresAt) }))}`]);
      return { status: "granted" };
    },
    async revoke(r: Resource, g: Grant): Promise<GrantOutcome> {
      const mine = (await ephemeralRows(r)).filter((e) => (g.handle ? e.login === g.handle : lower(e.mark.grantee) === lower(g.grantee) && e.mark.role === g.role));
      if (mine.length === 0) return { status: "unchanged" };
      for (const e of mine) {
        // No new session may start while its sessions are ended and what it owns is dropped.
        await q(r, `ALTER ROLE ${id(e.login)} NOLOGIN`);
        await endSessions(r, e.login);
        await tx(r, [`DROP OWNED BY ${id(e.login)}`, `DROP ROLE ${id(e.login)}`]);
      }
      return { status: "revoked" };
    },
  };

  // --- checkout -----------------------------------------------------------------------
  const checkoutRows = (r: Resource) =>
    q<{ login: string; comment: string | null; valid_until: number | null }>(r, "SELECT rolname AS login, shobj_description(oid, 'pg_authid') AS comment, extract(epoch FROM rolvaliduntil)::float8 * 1000 AS valid_until FROM pg_roles WHERE rolname = ANY($1::text[])", [r.roles]);
  const holder = (r: Resource, comment: string | null) => {
    const m = parseMark(comment);
    return m?.kind === "checkout" && m.resource === r.id ? m : undefined;
  };
  const checkout = {
    async list(r: Resource): Promise<Grant[]> {
      return (await checkoutRows(r)).flatMap((row) => {
        const m = holder(r, row.comment);
        const expiresAt = finite(row.valid_until);
        return m ? [{ resource: r.id, grantee: m.grantee, role: row.login, state: "active" as const, handle: row.login, ...(expiresAt !== undefined ? { expiresAt } : {}) }] : [];
      });
    },
    async grant(r: Resource, grantee: string, account: string, opts: GrantOptions): Promise<GrantOutcome> {
      if (opts.expiresAt === undefined) return fail("expiry-missing", `a checkout needs the lease's end (VALID UNTIL); none was given for ${grantee}.`);
      const row = (await checkoutRows(r)).find((x) => x.login === account);
      if (!row) return fail("login-missing", `the shared login ${account} does not exist in the database.`);
      const m = holder(r, row.comment);
      if (m && lower(m.grantee) === lower(grantee)) return { status: "unchanged" };
      if (m) return fail("checkout-held", `${account} is checked out by ${m.grantee}${m.until ? ` until ${m.until}` : ""}: one holder at a time.`);
      const password = randomPassword();
      const mark: Mark = { kind: "checkout", resource: r.id, grantee, role: account, ...(opts.lease ? { lease: opts.lease } : {}), until: until(opts.expiresAt) };
      await tx(r, [
        `ALTER ROLE ${id(account)} WITH LOGIN PASSWORD ${lit(newScramSha256Verifier(password))} VALID UNTIL ${lit(until(opts.expiresAt))}`,
        `COMMENT ON ROLE ${id(account)} IS ${lit(markText(mark))}`,
        `ALTER ROLE ${id(account)} SET log_statement = 'all'`,
      ]);
      // Whoever held it before (or used it outside jit-access) is out.
      await endSessions(r, account);
      return { status: "granted", credential: issued(r, account, password) };
    },
    async renew(r: Resource, g: Grant, expiresAt: number): Promise<GrantOutcome> {
      const account = g.handle ?? g.role;
      const row = (await checkoutRows(r)).find((x) => x.login === account);
      const m = row ? holder(r, row.comment) : undefined;
      if (!m || lower(m.grantee) !== lower(g.grantee)) return fail("renew-not-held", `${account} is not checked out by ${g.grantee} on ${r.id}: nothing to renew; the next run checks it out if a lease backs it.`);
      await tx(r, [`ALTER ROLE ${id(account)} VALID UNTIL ${lit(until(expiresAt))}`, `COMMENT ON ROLE ${id(account)} IS ${lit(markText({ ...m, until: until(expiresAt) }))}`]);
      return { status: "granted" };
    },
    async revoke(r: Resource, g: Grant): Promise<GrantOutcome> {
      const account = g.handle ?? g.role;
      const row = (await checkoutRows(r)).find((x) => x.login === account);
      if (!row) return fail("login-missing", `the shared login ${account} does not exist in the database.`);
      if (!holder(r, row.comment)) return { status: "unchanged" };
      // Rotated to a password nobody receives, and expired: the last holder's password is dead.
      await tx(r, [
        `ALTER ROLE ${id(account)} WITH PASSWORD ${lit(newScramSha256Verifier(randomPassword()))} VALID UNTIL '-infinity'`,
        `COMMENT ON ROLE ${id(account)} IS NULL`,
      ]);
      await endSessions(r, account);
      return { status: "revoked" };
    },
  };

  const byAccess = (r: Resource) => ({ elevate, ephemeral, checkout })[config(r).access];

  const provider: Provider = {
    type: "postgres",
    nativeExpiry: true,
    singleRole: false,
    rank: () => 0,
    limits:
      "elevate: membership cannot expire by itself (the sweep or a timer ends it) and revoking ends all of the login's sessions. " +
      "ephemeral and checkout: the database refuses new logins after VALID UNTIL, but an open session keeps running until it is ended at revocation; " +
      "DROP OWNED covers the resource's database only.",
    issuesCredentials: (r) => config(r).access !== "elevate",
    // What a leased database role may do (CREATEROLE, ADMIN OPTION) is the database's to say:
    // unknown here, so a holder on the same database could have added grants by hand.
    canGrantOthers: (_role, held, target) => held.provider.type === "postgres" && target.provider.type === "postgres" && held.provider.connection.env === target.provider.connection.env,

    async list(r: Resource): Promise<Grant[]> {
      for (const role of r.roles) if (!DB_NAME.test(role)) throw new Error(`${r.id}: role '${role}' is not a name jit-access writes (${DB_NAME}).`);
      return byAccess(r).list(r);
    },
    grant(r, grantee, role, opts = {}) {
      if (!roleOk(r, role)) return Promise.resolve(fail("role-unknown", `${role} is not one of ${r.id}'s roles.`));
      return guarded(`grant ${role} to ${grantee} on ${r.id}`, r, () => byAccess(r).grant(r, grantee, role, opts));
    },
    changeRole(r, grantee, role) {
      // singleRole is false: the plan grants and revokes roles one by one and never asks this.
      return Promise.resolve(fail("unsupported", `${r.id}: change ${grantee} to ${role} by a grant and a revoke.`));
    },
    renew(r, g, opts) {
      const access = config(r).access;
      if (access === "elevate") return Promise.resolve(fail("renew-unsupported", `${r.id}: a membership (elevate) has no end in the database to move; the sweep or a timer ends it.`));
      if (!roleOk(r, g.role)) return Promise.resolve(fail("role-unknown", `${g.role} is not one of ${r.id}'s roles.`));
      return guarded(`renew ${g.role} for ${g.grantee} on ${r.id} until ${until(opts.expiresAt)}`, r, () => (access === "ephemeral" ? ephemeral : checkout).renew(r, g, opts.expiresAt));
    },
    revoke(r, g) {
      if (!DB_NAME.test(g.role)) return Promise.resolve(fail("role-invalid", `'${g.role}' is not a name jit-access writes.`));
      return guarded(`revoke ${g.role} from ${g.grantee} on ${r.id}`, r, () => byAccess(r).revoke(r, g));
    },
    async close() {
      const all = [...clients.values()];
      clients.clear();
      await Promise.all(all.map((p) => p.then((c) => c.end()).catch(() => undefined)));
    },
  };
  return provider;
}
