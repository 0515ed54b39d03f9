/**
 * vitest globalSetup: a broker, in vitest's main process, that starts the shared test servers
 * on first request and stops them when the run ends. Test files (in worker processes) ask it
 * over a Unix socket (see ./postgres.ts); a run whose tests need no server starts none.
 *
 *   POST /postgres -> 200 PostgresServerInfo | 500 { error }
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import type { PostgresServer } from "./postgres-server.js";
import { startPostgresServer } from "./postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** the broker's Unix socket path */
    jitServerBroker: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "jit-broker-"));
  const socketPath = join(dir, "broker.sock");
  let postgres: Promise<PostgresServer> | undefined;

  const answer = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    if (req.method === "POST" && req.url === "/postgres") {
      postgres ??= startPostgresServer();
      postgres.then(
        ({ stop: _stop, ...info }) => answer(res, 200, info),
        (err: unknown) => answer(res, 500, { error: err instanceof Error ? err.message : String(err) }),
      );
      return;
    }
    answer(res, 404, { error: `no such broker request: ${req.method} ${req.url}` });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  project.provide("jitServerBroker", socketPath);

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    try {
      if (postgres) await (await postgres.catch(() => undefined))?.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
