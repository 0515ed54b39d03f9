/**
 * The sandbox's database lease: after the GitHub part, the same access repo and emulator play
 * a lease on the embedded PostgreSQL server (resource `sandbox-db`, `access: ephemeral`):
 * request, validation, approval and merge; apply makes a login `VALID UNTIL` the lease's end
 * and posts its password on the pull request, age-encrypted to the grantee's GitHub SSH key;
 * the grantee decrypts it (`jit credentials`, with a key generated for the sandbox), logs in
 * and queries; past the end the sweep drops the login and the server refuses it.
 *
 * PostgreSQL checks VALID UNTIL against its own clock, so this part's simulated clock starts
 * at the server's time (never before the GitHub part's last step): the window is really open
 * when the login is tried, and the refusal after the end is the sweep's doing (the login is
 * gone), which the output says. The password is printed only masked, and the run checks that
 * it is in none of the output, the git history and notes, the comments or the server log.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { evaluateApprovals } from "../approval/evaluate-approvals.js";
import { CREDENTIALS_MARKER } from "../credentials/deliver-credentials.js";
import { sshFingerprint } from "../credentials/ssh-public-key.js";
import { sshString } from "../credentials/ssh-wire.js";
import type { EmulatorState } from "../emulator/state.js";
import { NOTES_REF } from "../git/evidence-notes.js";
import { gitText } from "../git/run-git.js";
import type { GitHubClient } from "../github/client.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { teamsIn } from "../policy/people.js";
import type { Policy } from "../policy/policy.js";
import { formatPlanText } from "../reconcile/format-plan.js";
import { formatText } from "../report/format-text.js";
import type { ApplyOptions } from "./apply.js";
import { runApply } from "./apply.js";
import { runCredentials } from "./credentials.js";
import { runExpire } from "./expire.js";
import { runRequest } from "./request.js";
import type { SandboxDatabase } from "./sandbox-database.js";
import { SANDBOX_DB } from "./sandbox-database.js";
import { runValidate } from "./validate.js";

const MIN = 60_000;
const STEPS = 5;
const indent = (text: string, by = "  ") => `${text.trimEnd().replace(/^/gm, by)}\n`;

export interface DatabaseLeaseContext {
  db: SandboxDatabase;
  /** the access repo (a git work tree on main) */
  dir: string;
  gh: GitHubClient;
  state: EmulatorState;
  org: string;
  requester: string;
  approvers: string[];
  policy: Policy;
  /** runApply's options but the time and providers */
  base: Omit<ApplyOptions, "now" | "providerFor">;
  /** providers for a run at `now` (closed by the caller at the end) */
  providers(now: number): ApplyOptions["providerFor"];
  /** git in the access repo with author and committer dates at `t` */
  git(args: string[], t: number): Promise<unknown>;
  say(text: string): void;
  /** everything printed so far (to check the password is not in it) */
  printed(): string;
  /** the simulated time of the GitHub part's last step */
  after: number;
}

/** "Ab3x••••…" and the length: shows that decryption worked without printing the secret. */
export const maskSecret = (s: string) => `${s.slice(0, 4)}${"•".repeat(Math.max(0, s.length - 4))} (${s.length} characters, masked)`;

/** A fresh ssh-ed25519 key pair: the private key as PKCS#8 PEM (what `jit credentials --identity` reads), the public key as an authorized_keys line. */
function sshKeyPair(comment: string): { privatePem: string; publicLine: string; fingerprint: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const raw = Buffer.from(publicKey.export({ format: "jwk" }).x ?? "", "base64url");
  const blob = Buffer.concat([sshString("ssh-ed25519"), sshString(raw)]);
  return { privatePem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(), publicLine: `ssh-ed25519 ${blob.toString("base64")} ${comment}`, fingerprint: sshFingerprint(blob) };
}

/** A comment body with the armored block's middle elided (the block is long and unreadable anyway). */
function shortenArmor(body: string): string {
  return body.replace(/(-----BEGIN AGE ENCRYPTED FILE-----\n)([\s\S]*?)(\n-----END AGE ENCRYPTED FILE-----)/, (_m, begin: string, middle: string, end: string) => {
    const lines = middle.split("\n");
    return lines.length <= 3 ? begin + middle + end : `${begin}${lines[0]}\n… (${lines.length - 2} more lines of ciphertext)\n${lines.at(-1)}${end}`;
  });
}

/** A login attempt; a session's errors (the server ending it) are kept in `ended`. */
async function tryLogin(url: string): Promise<{ client?: pg.Client; error?: string; ended: string[] }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  const ended: string[] = [];
  client.on("error", (e) => void ended.push(e.message));
  try {
    await client.connect();
    return { client, ended };
  } catch (e) {
    await client.end().catch(() => undefined);
    return { error: (e as Error).message, ended };
  }
}

async function adminQuery<T extends pg.QueryResultRow>(db: SandboxDatabase, text: string, values?: unknown[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: db.adminUrl });
  c.on("error", () => undefined);
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

export async function playDatabaseLease(c: DatabaseLeaseContext): Promise<boolean> {
  const { say, state: s, org, requester } = c;
  const resource = c.policy.resources.get(SANDBOX_DB.resource);
  if (!resource) throw new Error(`${SANDBOX_DB.resource} is not in the sandbox's policy`);
  const step = (n: number, title: string, at: number) => say(`\n[db ${n}/${STEPS}] ${title} — ${formatTimestamp(at)}\n`);
  // The login (step 4) happens at the server's time, the steps before it just before.
  const serverNow = await c.db.serverNow();
  const USE = 8 * MIN;
  const T = Math.max(Math.floor(serverNow / MIN) * MIN - USE, c.after + MIN);
  const serverTime = `PostgreSQL checks VALID UNTIL against its own clock, which reads ${formatTimestamp(Math.floor(serverNow / 1000) * 1000)}`;
  say(
    `\nDatabase lease: ${resource.id} (postgres, access: ephemeral, role ${SANDBOX_DB.role}) on ${c.db.version} at ${c.db.host}:${c.db.port}/${SANDBOX_DB.database}\n` +
      `  ${serverTime}: ${T + USE <= serverNow ? "this part's simulated clock is set so that the login (step 4) happens at that time" : `this part continues the simulated clock after the GitHub part, at ${formatTimestamp(T)} (the server's clock is behind it, so VALID UNTIL is not yet passed there either)`}.\n`,
  );
  const keyDir = mkdtempSync(join(tmpdir(), "jit-sandbox-key-"));
  const sessions: pg.Client[] = [];
  try {
    // 1. Request, validation, approval, merge.
    step(1, "Request, validation, approval and merge", T);
    const key = sshKeyPair(`${requester}@laptop`);
    const keyPath = join(keyDir, "id_ed25519");
    writeFileSync(keyPath, key.privatePem, { mode: 0o600 });
    s.addSshKey(requester, key.publicLine);
    say(`  @${requester}'s SSH key on GitHub: ssh-ed25519 ${key.fingerprint} (made for the sandbox; the private half stays with them)\n`);
    await c.git(["switch", "-q", "-c", "request-db"], T);
    const req = await runRequest({ repo: c.dir, policyPath: "policy.yaml", resource: resource.id, role: SANDBOX_DB.role, grantee: requester, duration: "1h", reason: "Check yesterday's orders for a refund ticket", ...(resource.requireTicket ? { ticket: "INC-2" } : {}), now: T });
    if (!req.written) {
      say(`  the request was refused: ${req.errors.map((e) => e.message).join("; ")}\n`);
      return false;
    }
    say(`  wrote ${req.path}:\n${indent(req.text, "    ")}`);
    await c.git(["add", "-A"], T);
    await c.git(["commit", "-q", "-m", `Request ${SANDBOX_DB.role} on ${resource.id}`], T);
    const head = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
    await c.git(["switch", "-q", "main"], T);
    const pr = s.addPullRequest(org, "access", { author: requester, base: "main", baseSha: (await gitText(c.dir, ["rev-parse", "HEAD"])).trim(), head: "request-db", headSha: head, title: `Request ${resource.id}` });
    say(`  opened pull request #${pr.number}\n`);
    const report = await runValidate({ repo: c.dir, base: "main", head: "request-db", author: requester, now: T + MIN, policyPath: "policy.yaml", resolveFacts: (q) => resolveFacts(c.gh, q), strict: true });
    say(indent(formatText(report)));
    if (!report.ok) return false;
    const tApprove = T + 3 * MIN;
    for (const a of c.approvers) s.addReview(org, "access", pr.number, { user: a, state: "APPROVED", commitId: head, submittedAt: new Date(tApprove) });
    const facts = await resolveFacts(c.gh, { teams: [...new Set(resource.approvalRules.flatMap((r) => teamsIn(r.from, c.policy.groups)))], orgMembers: [] });
    const verdict = evaluateApprovals({ rules: resource.approvalRules, groups: c.policy.groups, author: requester, grantee: requester, headSha: head, reviews: c.approvers.map((a, i) => ({ id: i + 1, reviewer: a, state: "APPROVED" as const, commitId: head, submittedAt: tApprove })), facts });
    say(`  after ${c.approvers.map((a) => `@${a}`).join(", ")} approved: ${verdict.satisfied ? "approved ✅" : verdict.missing.join("; ")}\n`);
    const tMerge = T + 5 * MIN;
    await c.git(["merge", "-q", "--no-ff", "-m", `Merge pull request #${pr.number}`, "request-db"], tMerge);
    const merge = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
    s.mergePullRequest(org, "access", pr.number, { mergeCommitSha: merge, mergedAt: new Date(tMerge) });
    s.associateCommit(org, "access", merge, pr.number);
    say(`  merged at ${formatTimestamp(tMerge)} (${merge.slice(0, 7)})\n`);

    // 2. Apply: the login, VALID UNTIL the end; the password on the pull request, encrypted.
    const tApply = tMerge + MIN;
    step(2, "Apply: a login made for the lease, VALID UNTIL its end; its password on the pull request, encrypted to the grantee's SSH key", tApply);
    const applied = await runApply({ ...c.base, now: tApply, providerFor: c.providers(tApply) });
    say(indent(formatPlanText(applied.plan, applied.results, applied.findings)));
    const lease = applied.active.find((a) => a.path === req.path);
    const granted = applied.ok && applied.results.some((r) => r.action.resource === resource.id && r.outcome.status === "granted");
    if (!lease || !granted) return false;
    const comment = s.listComments(org, "access", pr.number).find((x) => x.body.includes(CREDENTIALS_MARKER));
    if (!comment) {
      say("  no credential comment was posted ❌\n");
      return false;
    }
    say(`  comment on #${pr.number} by @${comment.user.login}:\n${indent(shortenArmor(comment.body), "  │ ")}`);
    const [login] = await adminQuery<{ name: string; until: Date | null; roles: string[] }>(
      c.db,
      "SELECT r.rolname AS name, r.rolvaliduntil AS until, ARRAY(SELECT g.rolname FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid WHERE am.member = r.oid ORDER BY 1)::text[] AS roles FROM pg_roles r WHERE r.rolcanlogin AND starts_with(shobj_description(r.oid, 'pg_authid'), 'jit-access ')",
    );
    if (!login) return false;
    say(`  in the database: login ${login.name}, member of ${login.roles.join(", ")}, VALID UNTIL ${login.until ? formatTimestamp(login.until.getTime()) : "—"} (the lease's end: the server refuses new logins after it even if no sweep runs)\n`);

    // 3. The grantee decrypts it.
    const tRead = tApply + MIN;
    step(3, `The grantee decrypts it with their SSH key: jit credentials ${pr.number} --identity ~/.ssh/id_ed25519`, tRead);
    const [opened] = await runCredentials({ gh: c.gh, owner: org, repo: "access", repoDir: c.dir, target: String(pr.number), identities: [keyPath] });
    const field = (name: string) => new RegExp(`^${name}: (.*)$`, "m").exec(opened?.text ?? "")?.[1];
    const password = field("password");
    const url = field("url");
    if (!opened || !password || !url) {
      say("  the credential could not be read ❌\n");
      return false;
    }
    for (const line of opened.text.trimEnd().split("\n")) {
      if (line.startsWith("password: ")) say(`  password: ${maskSecret(password)}\n`);
      else if (line.startsWith("url: ")) say(`  url: ${line.slice(5).split(encodeURIComponent(password)).join("••••")}\n`);
      else say(`  ${line}\n`);
    }

    // 4. Log in and query, inside the window.
    const tUse = T + USE;
    step(4, "Log in with it and query, inside the window", tUse);
    const first = await tryLogin(url);
    let worked = false;
    let readOnly = false;
    if (first.client) {
      sessions.push(first.client);
      const r = await first.client.query<{ who: string; n: number; total: string }>("SELECT current_user AS who, count(*)::int AS n, sum(amount)::text AS total FROM orders");
      const row = r.rows[0]!;
      worked = row.n === 3;
      say(`  logged in as ${row.who}: SELECT count(*), sum(amount) FROM orders → ${row.n} orders, ${row.total} ${worked ? "✅" : "❌"}\n`);
      const write = await first.client.query("INSERT INTO orders VALUES (4, 'refund', -49.90)").then(
        () => "accepted",
        (e: Error) => e.message,
      );
      readOnly = /permission denied/.test(write);
      say(`  INSERT INTO orders … → ${write} (${SANDBOX_DB.role} may only read) ${readOnly ? "✅" : "❌"}\n`);
      say("  this session stays open into the next step\n");
    } else say(`  login refused: ${first.error} ❌\n`);
    const logged = c.db.log().split("\n").filter((l) => l.includes(` ${login.name}@`) && /statement: /.test(l));
    if (logged.length) say(`  the server's log (log_statement = 'all' for this login):\n${indent(logged.map((l) => l.replace(/^.*?statement: /, "statement: ")).join("\n"), "    ")}`);

    // 5. Past the end: the sweep drops the login; the server refuses it.
    const tSweep = lease.end + 3 * MIN;
    step(5, "Past the end: the expiry sweep drops the login, ends its sessions; the server refuses it", tSweep);
    const swept = await runExpire({ ...c.base, now: tSweep, providerFor: c.providers(tSweep) });
    say(indent(formatPlanText(swept.apply.plan, swept.apply.results)));
    if (swept.commit) say(indent(await gitText(c.dir, ["log", "-1", "--format=%H%n%B", swept.commit])));
    const revoked = swept.ok && swept.removed.some((r) => r.path === req.path) && swept.apply.results.some((r) => r.action.resource === resource.id && r.outcome.status === "revoked");
    let ended = false;
    if (first.client) {
      const after = await first.client.query("SELECT 1").then(
        () => "still running",
        (e: Error) => first.ended[0] ?? e.message,
      );
      ended = after !== "still running";
      say(`  the session left open in step 4: ${ended ? `ended (${after})` : "still running"} ${ended ? "✅" : "❌"}\n`);
    }
    const again = await tryLogin(url);
    if (again.client) sessions.push(again.client);
    const refused = again.error !== undefined;
    say(`  a new login with the password: ${refused ? `refused (${again.error})` : "accepted"} ${refused ? "✅" : "❌"}\n`);
    const [left] = await adminQuery<{ n: number }>(c.db, "SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1", [login.name]);
    const gone = left?.n === 0;
    say(`  ${login.name} in pg_roles: ${gone ? "gone (dropped by the revocation)" : "still there"} ${gone ? "✅" : "❌"}\n`);
    const serverAfter = await c.db.serverNow();
    if (login.until && serverAfter < login.until.getTime()) {
      say(`  (the server's own clock reads ${formatTimestamp(Math.floor(serverAfter / 1000) * 1000)}, before VALID UNTIL ${formatTimestamp(login.until.getTime())}: this refusal is the sweep's doing; had every sweep failed, the server would refuse the login itself after that time)\n`);
    }

    // Nowhere in plain text.
    const notes = await gitText(c.dir, ["log", "-p", NOTES_REF]).catch(() => "");
    const places: Array<[string, string]> = [
      ["this output", c.printed()],
      ["the git history", await gitText(c.dir, ["log", "--all", "-p"])],
      [`the evidence notes (${NOTES_REF})`, notes],
      ["the pull request's comments", s.listComments(org, "access").map((x) => x.body).join("\n")],
      ["the server's log", c.db.log()],
    ];
    const leaks = places.filter(([, text]) => text.includes(password)).map(([name]) => name);
    say(leaks.length === 0 ? `  the password is in none of: ${places.map(([name]) => name).join(", ")} ✅\n` : `  the password is in ${leaks.join(", ")} ❌\n`);
    return worked && readOnly && revoked && ended && refused && gone && leaks.length === 0;
  } finally {
    await Promise.all(sessions.map((x) => x.end().catch(() => undefined)));
    rmSync(keyDir, { recursive: true, force: true });
  }
}
