/**
 * A real PostgreSQL server for tests: one server per test run (started on first use by the
 * broker in ./global-servers.ts, stopped when the run ends), and for each test file its own
 * database and role-name prefix.
 *
 *   const pg = usePostgres();                  // at the top of a test file
 *   test("…", async () => {
 *     const admin = await pg.connect();         // superuser, in this file's database
 *     await admin.query(`CREATE ROLE ${pg.role("alice")} LOGIN PASSWORD '…'`);
 *     const alice = await pg.connect(pg.url(pg.role("alice"), "…"));
 *     expect(await pg.logSinceStart()).not.toContain("…");
 *   });
 *
 * Missing server binaries FAIL the tests with the install command (never a skip).
 * Outside vitest's globalSetup (no broker), the file starts a server of its own.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { request } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import type { PostgresServer, PostgresServerInfo } from "./postgres-server.js";
import { startPostgresServer } from "./postgres-server.js";

export interface PostgresNamespace {
  /** the shared server */
  readonly server: PostgresServerInfo;
  /** this file's database (created empty, owned by the superuser) */
  readonly database: string;
  /** prefix of this file's role names ("jit_<random>") */
  readonly prefix: string;
  /** superuser connection string to this file's database */
  readonly adminUrl: string;
  /** a role name inside this file's namespace: `${prefix}_${name}` */
  role(name: string): string;
  /** a connection string for a login (to this file's database unless another is named) */
  url(user: string, password: string, database?: string): string;
  /** a connected client (superuser by default); closed after the file's tests */
  connect(url?: string): Promise<pg.Client>;
  /** the whole server log (every file's statements) */
  serverLog(): string;
  /** the server log written since this namespace was created */
  logSinceStart(): string;
}

function askBroker(socketPath: string, path: string): Promise<PostgresServerInfo> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: "POST" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        const parsed = JSON.parse(body) as PostgresServerInfo | { error: string };
        if ("error" in parsed) reject(new Error(parsed.error));
        else resolve(parsed);
      });
    });
    req.on("error", reject);
    req.end();
  });
}

function brokerSocket(): string | undefined {
  try {
    return inject("jitServerBroker");
  } catch {
    return undefined;
  }
}

/** Registers beforeAll/afterAll hooks; the namespace's fields are usable inside tests. */
export function usePostgres(): PostgresNamespace {
  let server: PostgresServerInfo | undefined;
  let own: PostgresServer | undefined;
  let logStart = 0;
  const clients: pg.Client[] = [];
  const prefix = `jit_${randomBytes(5).toString("hex")}`;
  const database = `${prefix}_db`;

  const need = (): PostgresServerInfo => {
    if (!server) throw new Error("the PostgreSQL server is not running (usePostgres() must be called at the top of the test file)");
    return server;
  };
  const url = (user: string, password: string, db = database): string => {
    const s = need();
    return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${s.host}:${s.port}/${encodeURIComponent(db)}`;
  };
  const connect = async (to?: string): Promise<pg.Client> => {
    const s = need();
    const client = new pg.Client({ connectionString: to ?? url(s.superuser, s.password) });
    client.on("error", () => undefined); // a terminated session: the test sees it on its next query
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const socket = brokerSocket();
    if (socket) {
      server = await askBroker(socket, "/postgres");
    } else {
      own = await startPostgresServer();
      server = own;
    }
    logStart = statSync(server.logFile).size;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    } finally {
      await admin.end();
    }
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    try {
      if (server && !own) {
        const admin = new pg.Client({ connectionString: server.adminUrl });
        await admin.connect();
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
          const roles = await admin.query<{ rolname: string }>("SELECT rolname FROM pg_roles WHERE starts_with(rolname, $1)", [`${prefix}_`]);
          for (const { rolname } of roles.rows) {
            await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [rolname]);
            await admin.query(`DROP OWNED BY ${pg.escapeIdentifier(rolname)}`);
            await admin.query(`DROP ROLE ${pg.escapeIdentifier(rolname)}`);
          }
        } finally {
          await admin.end();
        }
      }
    } finally {
      await own?.stop();
    }
  });

  return {
    get server() {
      return need();
    },
    database,
    prefix,
    get adminUrl() {
      const s = need();
      return url(s.superuser, s.password);
    },
    role: (name) => `${prefix}_${name}`,
    url,
    connect,
    serverLog: () => readFileSync(need().logFile, "utf8"),
    logSinceStart: () => readFileSync(need().logFile).subarray(logStart).toString("utf8"),
  };
}
