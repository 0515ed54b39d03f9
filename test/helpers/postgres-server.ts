/**
 * A real, throw-away PostgreSQL server (Debian's postgresql binaries): initdb into a temp dir,
 * started on 127.0.0.1 and a free port, password logins with scram-sha-256, fsync off, every
 * statement logged to a file tests can read. As root, the server runs as the postgres user
 * (`runuser -u postgres`); otherwise as the current user.
 *
 * Tests use `usePostgres()` from ./postgres.ts, which shares one server per test run.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const PG_SUPERUSER = "postgres";

/** What a test needs to reach the server (plain data: it crosses process boundaries). */
export interface PostgresServerInfo {
  host: string;
  port: number;
  superuser: string;
  password: string;
  /** postgresql://postgres:…@127.0.0.1:PORT/postgres */
  adminUrl: string;
  /** the server's log: every statement, connection and error */
  logFile: string;
  /** PostgreSQL major version */
  version: number;
}

export interface PostgresServer extends PostgresServerInfo {
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL bin directory; throws a clear error when there is none. */
export function postgresBinDir(root = "/usr/lib/postgresql"): string {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, "bin", "initdb")) && existsSync(join(root, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      `PostgreSQL server binaries not found (${root}/<version>/bin/initdb): these tests need Debian's postgresql ` +
        "(`apt-get install -y postgresql`; .ci/run installs it when missing)",
    );
  }
  return join(root, versions[0]!, "bin");
}

interface RunAs {
  /** prefix for commands run as the server's owner */
  wrap(file: string, args: string[]): [string, string[]];
  uid?: number;
  gid?: number;
}

function exec(file: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { encoding: "utf8", env: env ?? process.env }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${file} ${args.join(" ")} failed: ${(stderr || stdout || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}

async function serverOwner(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return { wrap: (file, args) => [file, args] };
  let uid: number;
  let gid: number;
  try {
    uid = Number((await exec("id", ["-u", PG_SUPERUSER])).trim());
    gid = Number((await exec("id", ["-g", PG_SUPERUSER])).trim());
  } catch {
    throw new Error("the postgres system user is missing: install Debian's postgresql (`apt-get install -y postgresql`), which creates it");
  }
  return { wrap: (file, args) => ["runuser", ["-u", PG_SUPERUSER, "--", file, ...args]], uid, gid };
}

/** A port nobody listens on right now (the server may still lose a race for it: start retries). */
export function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, host, () => {
      const address = s.address();
      const port = typeof address === "object" && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts a fresh server; `stop()` ends it and removes its files. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const owner = await serverOwner();
  const base = mkdtempSync(join(tmpdir(), "jit-pg-"));
  const dataDir = join(base, "data");
  const socketDir = join(base, "sock");
  const logFile = join(base, "server.log");
  const pwFile = join(base, "pw");
  const password = randomBytes(18).toString("base64url");
  mkdirSync(socketDir);
  writeFileSync(pwFile, password + "\n", { mode: 0o600 });
  writeFileSync(logFile, "");
  if (owner.uid !== undefined && owner.gid !== undefined) {
    for (const p of [base, socketDir, pwFile, logFile]) chownSync(p, owner.uid, owner.gid);
  }
  const run = (file: string, args: string[]): Promise<string> => {
    const [f, a] = owner.wrap(join(bin, file), args);
    return exec(f, a, { ...process.env, LC_ALL: "C" });
  };
  let started = false;
  const stop = async (): Promise<void> => {
    try {
      if (started) await run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      started = false;
      rmSync(base, { recursive: true, force: true });
    }
  };
  try {
    await run("initdb", [
      "-D", dataDir, "-U", PG_SUPERUSER, "--auth-local=trust", "--auth-host=scram-sha-256", `--pwfile=${pwFile}`,
      "-E", "UTF8", "--locale=C", "--no-sync",
    ]);
    rmSync(pwFile);
    appendFileSync(
      join(dataDir, "postgresql.conf"),
      [
        "",
        "# jit-access test server",
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${socketDir}'`,
        "fsync = off",
        "full_page_writes = off",
        "synchronous_commit = off",
        "password_encryption = 'scram-sha-256'",
        "log_statement = 'all'",
        "log_connections = on",
        "log_line_prefix = '%m [%p] %q%u@%d '",
        "",
      ].join("\n"),
    );
    let lastError: unknown;
    for (let attempt = 0; attempt < 5 && !started; attempt++) {
      const port = await freePort();
      try {
        await run("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port}`, "start"]);
        started = true;
        const version = Number((await run("pg_ctl", ["--version"])).match(/(\d+)/)?.[1] ?? 0);
        const adminUrl = `postgresql://${PG_SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
        return { host: "127.0.0.1", port, superuser: PG_SUPERUSER, password, adminUrl, logFile, version, stop };
      } catch (err) {
        // most likely the port was taken meanwhile: try another
        const log = readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n");
        lastError = new Error(`${(err as Error).message}\nserver log:\n${log}`);
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  } catch (err) {
    await stop().catch(() => undefined);
    throw new Error(`could not start the test PostgreSQL server: ${(err as Error).message}`);
  }
}
