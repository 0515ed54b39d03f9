import { expect, test } from "vitest";
import { usePostgres } from "../helpers/postgres.js";

const db = usePostgres();

test("the shared PostgreSQL server answers in this file's own database, and logs statements", async () => {
  const admin = await db.connect();
  const r = await admin.query<{ one: number; db: string; addr: string }>("SELECT 1 AS one, current_database() AS db, inet_server_addr()::text AS addr");
  expect(r.rows[0]).toEqual({ one: 1, db: db.database, addr: "127.0.0.1/32" });
  expect(db.server.version).toBeGreaterThanOrEqual(15);
  expect(db.role("alice")).toBe(`${db.prefix}_alice`);
  const settings = await admin.query<{ name: string; setting: string }>(
    "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'log_statement', 'password_encryption') ORDER BY name",
  );
  expect(settings.rows).toEqual([
    { name: "fsync", setting: "off" },
    { name: "log_statement", setting: "all" },
    { name: "password_encryption", setting: "scram-sha-256" },
  ]);
  await admin.query("SELECT 'marker-for-the-log' AS m");
  expect(db.logSinceStart()).toContain("marker-for-the-log");
});

test("host logins need a password (scram-sha-256)", async () => {
  const admin = await db.connect();
  const hba = await admin.query<{ type: string; auth_method: string }>("SELECT type, auth_method FROM pg_hba_file_rules WHERE type = 'host'");
  expect(hba.rows.length).toBeGreaterThan(0);
  expect(new Set(hba.rows.map((r) => r.auth_method))).toEqual(new Set(["scram-sha-256"]));
});

test("missing server binaries or tools fail with the command that installs them", async () => {
  const { postgresBinDir } = await import("../helpers/postgres-server.js");
  const { requireCommand } = await import("../helpers/system-tools.js");
  expect(() => postgresBinDir("/nonexistent/postgresql")).toThrow(/apt-get install -y postgresql/);
  expect(() => requireCommand("jit-no-such-tool", "jit-no-such-package")).toThrow(/apt-get install -y jit-no-such-package/);
});
