/**
 * The `jit` command line: parses arguments (options.ts), runs a command, prints, and returns
 * the exit code (exit-codes.ts: 0 ok, 1 findings or refusals, 2 usage or configuration
 * error). No stack traces for users.
 */
import { resolve } from "node:path";
import { runCodeowners } from "../commands/codeowners.js";
import { runRequest } from "../commands/request.js";
import { runValidate } from "../commands/validate.js";
import type { FactResolver } from "../commands/validate.js";
import type { AuditFormat } from "../audit/format-audit.js";
import type { AuditQuery } from "../audit/query.js";
import type { AuditOptions } from "../commands/audit.js";
import { runActor } from "../action/actor.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { ApiUnreachableError } from "../github/api-unreachable.js";
import { gitText } from "../git/run-git.js";
import { parseTimestamp } from "../lease/timestamp.js";
import { MINUTE_MS, parseDuration } from "../lease/duration.js";
import { DEFAULT_POLICY_PATH } from "../policy/load-policy.js";
import type { Policy } from "../policy/policy.js";
import { toJson } from "../report/format-json.js";
import { formatText } from "../report/format-text.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import { jsonDocument } from "../report/json-document.js";
import { parseOptions, policyPathOption, repoDirOption } from "./options.js";
import type { OptionSpec, ParsedOptions } from "./options.js";
import { createProgress } from "./progress.js";
import { APPLY_HELP, AUDIT_HELP, CODEOWNERS_HELP, CREDENTIALS_HELP, DOCTOR_HELP, INIT_HELP, MAIN_HELP, REQUEST_HELP, REVIEW_HELP, SANDBOX_HELP, SSH_CERT_HELP, VALIDATE_HELP, VERSION } from "./help.js";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Current time; injectable for tests. */
  now: () => number;
  /** Asks a question on a terminal; absent when stdin or stdout is not a TTY (CI, tests). */
  prompt?: (question: string) => Promise<string>;
  /** Whether stderr is a terminal (progress is shown only there). */
  errIsTTY?: boolean;
}

export const processIo = (): Io => ({
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
  now: () => Date.now(),
  ...(process.stdin.isTTY && process.stdout.isTTY ? { prompt: ask } : {}),
  errIsTTY: Boolean(process.stderr.isTTY),
});

async function ask(question: string): Promise<string> {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case "-h":
      case "--help":
        io.out(MAIN_HELP);
        return cmd === undefined ? EXIT_USAGE : EXIT_OK;
      case "help":
        io.out(({ validate: VALIDATE_HELP, codeowners: CODEOWNERS_HELP, request: REQUEST_HELP, plan: APPLY_HELP, apply: APPLY_HELP, expire: APPLY_HELP, revoke: APPLY_HELP, audit: AUDIT_HELP, review: REVIEW_HELP, sandbox: SANDBOX_HELP, credentials: CREDENTIALS_HELP, "ssh-cert": SSH_CERT_HELP, init: INIT_HELP, doctor: DOCTOR_HELP } as Record<string, string>)[rest[0] ?? ""] ?? MAIN_HELP);
        return 0;
      case "-v":
      case "--version":
      case "version":
        io.out(`jit ${VERSION}\n`);
        return 0;
      case "validate":
        return await validate(rest, io);
      case "codeowners":
        return await codeowners(rest, io);
      case "request":
        return await request(rest, io);
      case "plan":
        return await apply(rest, io, "plan");
      case "apply":
        return await apply(rest, io, "apply");
      case "expire":
        return await apply(rest, io, "expire");
      case "revoke":
        return await apply(rest, io, "revoke");
      case "sandbox":
        return await sandbox(rest, io);
      case "ssh-cert":
        return await sshCert(rest, io);
      case "audit":
        return await audit(rest, io);
      case "credentials":
        return await credentials(rest, io);
      case "init":
        return await init(rest, io);
      case "doctor":
        return await doctor(rest, io);
      case "review":
        return await review(rest, io);
      default:
        throw new UsageError("unknown-command", `Unknown command '${cmd}'. Run 'jit --help'.`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ApiUnreachableError) {
      io.err(`jit: ${e.message}\n`);
      return EXIT_USAGE;
    }
    const err = e as Error;
    io.err(`jit: ${err.message ?? String(e)}\n`);
    if (io.env.JIT_DEBUG) io.err(`${err.stack ?? ""}\n`);
    return EXIT_USAGE;
  }
}

function parse(cmd: string, args: string[], options: OptionSpec): ParsedOptions {
  return parseOptions(cmd, args, options);
}

/** A client for the API at apiUrl, once it answers at all (else: cannot reach the GitHub API at URL, exit 2). */
async function reachableClient(token: string, apiUrl: string | undefined, io: Io, log: (m: string) => void = (m) => io.err(`${m}\n`)) {
  const { assertApiReachable, createClient } = await import("../github/client.js");
  const gh = createClient({ token, ...(apiUrl ? { baseUrl: apiUrl } : {}), log });
  await assertApiReachable(gh);
  return gh;
}

function nowFrom(value: string | undefined, io: Io): number {
  return timeOption("now", value) ?? io.now();
}

function factResolver(token: string | undefined, apiUrl: string | undefined, io: Io): FactResolver | undefined {
  if (!token) return undefined;
  // Loaded only when needed: offline runs skip loading Octokit.
  return async (q) => {
    const [{ resolveFacts }] = await Promise.all([import("../github/resolve-facts.js")]);
    const gh = await reachableClient(token, apiUrl, io);
    return resolveFacts(gh, q);
  };
}

async function validate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    "validate",
    args,
    {
      repo: { type: "string" },
      base: { type: "string" },
      head: { type: "string" },
      author: { type: "string" },
      now: { type: "string" },
      format: { type: "string" },
      policy: { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
    },
  );
  if (values.help) {
    io.out(VALIDATE_HELP);
    return 0;
  }
  const format = (values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("bad-format", `--format must be text or json, not '${format}'.`);
  const repo = repoDirOption(values, io.cwd);
  const token = (values.token as string | undefined) ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  const resolver = factResolver(token, (values["api-url"] as string | undefined) ?? io.env.GITHUB_API_URL, io);
  const report = await runValidate({
    repo,
    now: nowFrom(values.now as string | undefined, io),
    policyPath: policyPathOption(values, DEFAULT_POLICY_PATH),
    ...(values.base ? { base: values.base as string } : {}),
    ...(values.head ? { head: values.head as string } : {}),
    ...(values.author ? { author: values.author as string } : {}),
    ...(positionals.length ? { files: positionals } : {}),
    ...(resolver ? { resolveFacts: resolver } : {}),
  });
  io.out(format === "json" ? jsonDocument("validate", toJson(report)) : formatText(report));
  return report.ok ? EXIT_OK : EXIT_FINDINGS;
}

async function codeowners(args: string[], io: Io): Promise<number> {
  const { values } = parse("codeowners", args, { repo: { type: "string" }, policy: { type: "string" }, check: { type: "boolean" }, format: { type: "string" } });
  if (values.help) {
    io.out(CODEOWNERS_HELP);
    return 0;
  }
  const format = (values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("bad-format", `--format must be text or json, not '${format}'.`);
  const repo = repoDirOption(values, io.cwd);
  const r = await runCodeowners({ repo, policyPath: policyPathOption(values, DEFAULT_POLICY_PATH), check: Boolean(values.check) });
  if (format === "json") {
    const errors = r.policyErrors.map((d) => ({ file: d.file, line: d.line, column: d.column, code: d.code, message: d.message, ...(d.hint ? { hint: d.hint } : {}) }));
    const ok = errors.length === 0 && (r.inSync || !values.check);
    io.out(jsonDocument("codeowners", { ok, path: r.path, check: Boolean(values.check), inSync: errors.length === 0 && r.inSync, written: r.written, ...(errors.length ? { policyErrors: errors } : { expected: r.expected }) }));
    return ok ? EXIT_OK : EXIT_FINDINGS;
  }
  if (r.policyErrors.length) {
    for (const d of r.policyErrors) io.err(`${d.file}:${d.line}:${d.column} error [${d.code}] ${d.message}\n`);
    return 1;
  }
  if (values.check) {
    if (r.inSync) {
      io.out(`${r.path} is in sync with the policy.\n`);
      return 0;
    }
    io.out(`${r.path} is out of sync with the policy. It must read:\n\n${r.expected}`);
    return 1;
  }
  io.out(r.written ? `Wrote ${r.path}.\n` : `${r.path} is already up to date.\n`);
  return 0;
}

async function request(args: string[], io: Io): Promise<number> {
  const { values } = parse(
    "request",
    args,
    {
      repo: { type: "string" },
      policy: { type: "string" },
      format: { type: "string" },
      resource: { type: "string" },
      role: { type: "string" },
      for: { type: "string" },
      until: { type: "string" },
      "not-before": { type: "string" },
      reason: { type: "string" },
      ticket: { type: "string" },
      grantee: { type: "string" },
      name: { type: "string" },
      now: { type: "string" },
      "dry-run": { type: "boolean" },
    },
  );
  if (values.help) {
    io.out(REQUEST_HELP);
    return 0;
  }
  const format = (values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("bad-format", `--format must be text or json, not '${format}'.`);
  const repo = repoDirOption(values, io.cwd);
  for (const k of ["resource", "role", "reason"] as const) {
    if (!values[k]) throw new UsageError("request-missing", `--${k} is required; see jit request --help.`);
  }
  // Malformed times are usage errors (exit 2), named by the flag typed, like a bad --for.
  timeOption("until", values.until);
  timeOption("not-before", values["not-before"]);
  const grantee = (values.grantee as string | undefined) ?? runActor(io.env)?.login ?? (await gitUser(repo));
  if (!grantee) throw new UsageError("request-grantee", "Who is the grantee? Pass --grantee LOGIN (or set git config github.user).");
  const r = await runRequest({
    repo,
    policyPath: policyPathOption(values, DEFAULT_POLICY_PATH),
    resource: values.resource as string,
    role: values.role as string,
    grantee,
    reason: values.reason as string,
    now: nowFrom(values.now as string | undefined, io),
    ...(values.for ? { duration: values.for as string } : {}),
    ...(values.until ? { expires: values.until as string } : {}),
    ...(values["not-before"] ? { notBefore: values["not-before"] as string } : {}),
    ...(values.ticket ? { ticket: values.ticket as string } : {}),
    ...(values.name ? { name: values.name as string } : {}),
    ...(values["dry-run"] ? { dryRun: true } : {}),
  });
  const branch = `request/${r.path.split("/").pop()?.replace(/\.ya?ml$/, "")}`;
  const next = `git switch -c ${branch} && git add ${r.path} && git commit -m "Request ${values.role} on ${values.resource}" && git push -u origin ${branch}`;
  if (format === "json") {
    const item = (d: (typeof r.errors)[number]) => ({ code: d.code, message: inFlagTerms(d.message), ...(d.hint ? { hint: inFlagTerms(d.hint) } : {}) });
    io.out(jsonDocument("request", { ok: r.errors.length === 0, path: r.path, written: r.written, lease: r.text, errors: r.errors.map(item), warnings: r.warnings.map(item), ...(r.written ? { next } : {}) }));
    return r.errors.length ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const d of [...r.errors, ...r.warnings]) io.err(`${d.severity} [${d.code}] ${inFlagTerms(d.message)}${d.hint ? `\n    ${inFlagTerms(d.hint)}` : ""}\n`);
  if (r.errors.length) {
    io.err("No lease written.\n");
    return EXIT_FINDINGS;
  }
  if (!r.written) {
    io.out(`# ${r.path}\n${r.text}`);
    return EXIT_OK;
  }
  io.out(`Wrote ${r.path}.\nNext: ${next}, then open a pull request.\n`);
  return EXIT_OK;
}

/** The lease's field names in a message, as the request flags that set them (expires → --until). */
function inFlagTerms(text: string): string {
  return text
    .replace(/\bnotBefore\b/g, "--not-before")
    .replace(/'duration'/g, "--for")
    .replace(/\bDuration (?=\S+ is)/g, "--for ")
    .replace(/\bexpires\b(?!:)/g, "--until");
}

async function gitUser(repo: string): Promise<string | undefined> {
  try {
    return (await gitText(repo, ["config", "github.user"])).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function apply(args: string[], io: Io, mode: "plan" | "apply" | "expire" | "revoke"): Promise<number> {
  const planOnly = mode === "plan";
  const { values, positionals } = parse(
    mode,
    args,
    {
      repo: { type: "string" },
      ref: { type: "string" },
      actor: { type: "string" },
      reason: { type: "string" },
      repository: { type: "string" },
      "default-branch": { type: "string" },
      policy: { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
      "evidence-key": { type: "string" },
      "bot-login": { type: "string" },
      now: { type: "string" },
      format: { type: "string" },
      "dry-run": { type: "boolean" },
      force: { type: "boolean" },
      "max-revocations": { type: "string" },
      "max-revocation-fraction": { type: "string" },
      push: { type: "string" },
    },
  );
  if (values.help) {
    io.out(APPLY_HELP);
    return 0;
  }
  const format = (values.format as string | undefined) ?? "text";
  if (!["text", "json", "markdown"].includes(format)) throw new UsageError("bad-format", `--format must be text, json or markdown, not '${format}'.`);
  const repoDir = repoDirOption(values, io.cwd);
  const token = (values.token as string | undefined) ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "plan and apply read reviews and targets through the GitHub API: pass --token or set GITHUB_TOKEN.");
  const num = (name: string, fallback: number) => {
    const v = values[name] as string | undefined;
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError("bad-number", `--${name} must be a number, not '${v}'.`);
    return n;
  };
  const [{ createProviderRegistry }, { runApply }, { runExpire }, { runRevoke }, { repositoryOf }, fmt] = await Promise.all([
    import("../providers/registry.js"),
    import("../commands/apply.js"),
    import("../commands/expire.js"),
    import("../commands/revoke.js"),
    import("../commands/repository.js"),
    import("../reconcile/format-plan.js"),
  ]);
  const apiUrl = (values["api-url"] as string | undefined) ?? io.env.GITHUB_API_URL;
  const gh = await reachableClient(token, apiUrl, io);
  const { owner, repo } = await repositoryOf(repoDir, values.repository as string | undefined, io.env);
  const evidenceKey = (values["evidence-key"] as string | undefined) ?? io.env.JIT_EVIDENCE_KEY;
  const botLogin = (values["bot-login"] as string | undefined) ?? io.env.JIT_BOT_LOGIN;
  const pushTo = values.push as string | undefined;
  const now = nowFrom(values.now as string | undefined, io);
  const ref = (values.ref as string | undefined) ?? "HEAD";
  const progress = createProgress(io, format);
  // Providers get the environment (secrets such as an SSH CA key), the time, the ledger (with
  // the evidence key; pushed to --push REMOTE, else kept in this repo) and the checkout.
  let ledger;
  if (evidenceKey) {
    const { fetchLedger, gitLedger } = await import("../git/provider-ledger.js");
    if (pushTo) await fetchLedger(repoDir, pushTo);
    ledger = gitLedger({ repoDir, repository: `${owner}/${repo}`, key: evidenceKey, ...(pushTo ? { remote: pushTo } : {}), now, log: (l) => io.err(`${l}\n`) });
  }
  const registry = createProviderRegistry(gh, { env: io.env, now, log: (l) => io.err(`${l}\n`), ...(ledger ? { ledger } : {}), accessRepo: { dir: repoDir, ref } });
  const options = {
    gh,
    repoDir,
    owner,
    repo,
    defaultBranch: (values["default-branch"] as string | undefined) ?? "main",
    policyPath: policyPathOption(values, DEFAULT_POLICY_PATH),
    now,
    ref,
    ...(evidenceKey ? { evidenceKey } : {}),
    ...(botLogin ? { botLogin } : {}),
    providerFor: (id: string, policy: Policy) => registry(policy.resources.get(id)!),
    ...(progress.report ? { progress: progress.report } : {}),
    guards: { maxRevocations: num("max-revocations", 25), maxRevocationFraction: num("max-revocation-fraction", 0.5), force: Boolean(values.force) },
    dryRun: planOnly || Boolean(values["dry-run"]),
  };
  const push = pushTo ? { push: { remote: pushTo, branch: options.defaultBranch } } : {};
  let expired;
  let result;
  try {
    if (mode === "revoke") {
      // In a workflow: whoever started this attempt (a re-run is judged as the re-runner; see action/actor.ts).
      const ran = values.actor === undefined ? runActor(io.env) : undefined;
      const actor = (values.actor as string | undefined) ?? ran?.login ?? (await gitUser(repoDir));
      if (!actor) throw new UsageError("revoke-actor", "Who is revoking? Pass --actor LOGIN.");
      const reason = values.reason as string | undefined;
      expired = await runRevoke({ ...options, ...push, leases: positionals, actor, ...(ran?.rerun ? { rerunOf: ran.startedBy } : {}), ...(reason ? { reason } : {}) });
    } else if (mode === "expire") expired = await runExpire({ ...options, ...push });
    result = expired ? expired.apply : await runApply(options);
  } finally {
    progress.end();
    await registry.close(); // database connections, so the process can end
  }

  if (expired) {
    for (const r of expired.removed) io.err(`expired ${r.path}: ${r.grantee} as ${r.role} on ${r.resource} (ended ${new Date(r.expiredAt).toISOString()})\n`);
    for (const k of expired.kept) io.err(`kept ${k.path}: ${k.why}\n`);
    if (expired.commit) io.err(`revocation commit ${expired.commit.slice(0, 7)}${expired.pushed ? ` pushed to ${pushTo}` : pushTo ? " NOT pushed" : " (not pushed: pass --push REMOTE)"}\n`);
  }
  if (format === "json") io.out(jsonDocument(mode, { ok: expired ? expired.ok : result.ok, plan: result.plan, results: result.results, findings: result.findings, verified: result.verified }));
  else if (format === "markdown") io.out(fmt.formatPlanMarkdown(result.plan, result.results, result.findings));
  else io.out(fmt.formatPlanText(result.plan, result.results, result.findings));
  return (expired ? expired.ok : result.ok) ? EXIT_OK : EXIT_FINDINGS;
}

function timeOption(name: string, value: string | boolean | string[] | undefined): number | undefined {
  if (value === undefined) return undefined;
  const t = parseTimestamp(String(value));
  if (t === undefined) throw new UsageError("bad-time", `--${name} '${String(value)}' is not an RFC 3339 time with an offset (e.g. 2026-11-24T10:00:00Z).`);
  return t;
}

/** An RFC 3339 time, or a duration (7d) back from `now`. */
function sinceOption(name: string, value: string, now: number): number {
  const t = parseTimestamp(value);
  if (t !== undefined) return t;
  const minutes = parseDuration(value);
  if (minutes === undefined) throw new UsageError("bad-time", `--${name} '${value}' is neither an RFC 3339 time with an offset (e.g. 2026-11-24T10:00:00Z) nor a duration like 7d.`);
  return now - minutes * MINUTE_MS;
}

async function credentials(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    "credentials",
    args,
    { identity: { type: "string", multiple: true }, repo: { type: "string" }, repository: { type: "string" }, token: { type: "string" }, "api-url": { type: "string" }, "bot-login": { type: "string" } },
  );
  if (values.help) {
    io.out(CREDENTIALS_HELP);
    return 0;
  }
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new UsageError("bad-arguments", "Name one pull request (12) or lease path. See jit credentials --help.");
  const token = (values.token as string | undefined) ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "jit credentials reads the pull request's comments: pass --token or set GITHUB_TOKEN (or GH_TOKEN).");
  const [{ repositoryOf }, { runCredentials }, { homedir }] = await Promise.all([import("../commands/repository.js"), import("../commands/credentials.js"), import("node:os")]);
  const repoDir = repoDirOption(values, io.cwd);
  const apiUrl = (values["api-url"] as string | undefined) ?? io.env.GITHUB_API_URL;
  const gh = await reachableClient(token, apiUrl, io);
  const { owner, repo } = await repositoryOf(repoDir, values.repository as string | undefined, io.env);
  const given = values.identity as unknown as string[] | undefined;
  const home = io.env.HOME ?? homedir();
  const identities = given?.length ? given.map((p) => resolve(io.cwd, p)) : [`${home}/.ssh/id_ed25519`, `${home}/.ssh/id_rsa`];
  const botLogin = (values["bot-login"] as string | undefined) ?? io.env.JIT_BOT_LOGIN;
  const opened = await runCredentials({ gh, owner, repo, repoDir, target, identities, ...(botLogin ? { botLogin } : {}) });
  for (const c of opened) io.out(c.text);
  return 0;
}

async function audit(args: string[], io: Io): Promise<number> {
  const { values } = parse(
    "audit",
    args,
    {
      repo: { type: "string" },
      ref: { type: "string" },
      policy: { type: "string" },
      resource: { type: "string" },
      grantee: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      at: { type: "string" },
      format: { type: "string" },
      now: { type: "string" },
      "evidence-key": { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
      repository: { type: "string" },
      "default-branch": { type: "string" },
      offline: { type: "boolean" },
      "new-since": { type: "string" },
    },
  );
  if (values.help) {
    io.out(AUDIT_HELP);
    return 0;
  }
  const format = (values.format as string | undefined) ?? "table";
  if (!["table", "csv", "json", "markdown"].includes(format)) throw new UsageError("bad-format", `--format must be table, csv, json or markdown, not '${format}'.`);
  const repoDir = repoDirOption(values, io.cwd);
  const query = {
    ...(values.resource ? { resource: values.resource as string } : {}),
    ...(values.grantee ? { grantee: values.grantee as string } : {}),
    ...(values.since ? { since: timeOption("since", values.since) } : {}),
    ...(values.until ? { until: timeOption("until", values.until) } : {}),
    ...(values.at ? { at: timeOption("at", values.at) } : {}),
  } as AuditQuery;
  const token = values.offline ? undefined : ((values.token as string | undefined) ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN);
  const evidenceKey = (values["evidence-key"] as string | undefined) ?? io.env.JIT_EVIDENCE_KEY;
  const { runAudit } = await import("../commands/audit.js");
  let online: AuditOptions["online"];
  // Evidence notes are signed for their repository: checking them needs to know which this is.
  const { repositoryOf } = await import("../commands/repository.js");
  const where = token || evidenceKey ? await repositoryOf(repoDir, values.repository as string | undefined, io.env) : undefined;
  if (token && where) {
    const [{ createProviderRegistry }] = await Promise.all([import("../providers/registry.js")]);
    const apiUrl = (values["api-url"] as string | undefined) ?? io.env.GITHUB_API_URL;
    const gh = await reachableClient(token, apiUrl, io);
    online = { gh, owner: where.owner, repo: where.repo, defaultBranch: (values["default-branch"] as string | undefined) ?? "main", providerFor: createProviderRegistry(gh, { env: io.env }) };
  }
  const progress = createProgress(io, format);
  const now = nowFrom(values.now as string | undefined, io);
  const previous = values["new-since"] !== undefined ? sinceOption("new-since", values["new-since"] as string, now) : undefined;
  const report = await runAudit({
    repoDir,
    ref: (values.ref as string | undefined) ?? "HEAD",
    policyPath: policyPathOption(values, DEFAULT_POLICY_PATH),
    ...(progress.report ? { progress: progress.report } : {}),
    now,
    ...(previous !== undefined ? { previous } : {}),
    query,
    ...(evidenceKey ? { evidenceKey } : {}),
    ...(where ? { repository: `${where.owner}/${where.repo}` } : {}),
    ...(online ? { online } : {}),
  }).finally(progress.end);
  if (format === "json") {
    const { auditJson } = await import("../audit/format-json.js");
    io.out(jsonDocument("audit", auditJson(report)));
  } else {
    const { formatAudit } = await import("../audit/format-audit.js");
    io.out(formatAudit(report, format as AuditFormat));
  }
  return report.findings.length === 0 ? EXIT_OK : EXIT_FINDINGS;
}

async function review(args: string[], io: Io): Promise<number> {
  const { values } = parse("review", args,
    {
      repo: { type: "string" },
      remote: { type: "string" },
      repository: { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
      "default-branch": { type: "string" },
      branch: { type: "string" },
      policy: { type: "string" },
      "bot-login": { type: "string" },
      now: { type: "string" },
      "dry-run": { type: "boolean" },
    });
  if (values.help) {
    io.out(REVIEW_HELP);
    return 0;
  }
  const token = (values.token as string | undefined) ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "review opens or updates a pull request through the GitHub API: pass --token or set GITHUB_TOKEN.");
  const repoDir = resolve(io.cwd, (values.repo as string | undefined) ?? ".");
  const [{ repositoryOf }, { runReview }] = await Promise.all([import("../commands/repository.js"), import("../commands/review.js")]);
  const { owner, repo } = await repositoryOf(repoDir, values.repository as string | undefined, io.env);
  const apiUrl = (values["api-url"] as string | undefined) ?? io.env.GITHUB_API_URL;
  const gh = await reachableClient(token, apiUrl, io);
  const r = await runReview({
    gh,
    repoDir,
    owner,
    repo,
    remote: (values.remote as string | undefined) ?? "origin",
    defaultBranch: (values["default-branch"] as string | undefined) ?? "main",
    policyPath: (values.policy as string | undefined) ?? DEFAULT_POLICY_PATH,
    now: nowFrom(values.now as string | undefined, io),
    ...(values.branch ? { branch: values.branch as string } : {}),
    ...(values["bot-login"] ? { botLogin: values["bot-login"] as string } : {}),
    dryRun: Boolean(values["dry-run"]),
  });
  (r.ok ? io.out : io.err)(`${r.message}${r.pullRequest ? ` ${r.pullRequest.url}` : ""}\n`);
  for (const e of r.due) io.out(`  due: ${e.resource}: ${e.grantee} (${e.role}), last reviewed ${e.reviewed ?? "never"}\n`);
  return r.ok ? 0 : 1;
}

async function sandbox(args: string[], io: Io): Promise<number> {
  const { values } = parse("sandbox", args, { repo: { type: "string" }, keep: { type: "boolean" }, resource: { type: "string" }, ticket: { type: "string" } });
  if (values.help) {
    io.out(SANDBOX_HELP);
    return 0;
  }
  const { runSandbox } = await import("../commands/sandbox.js");
  const { fileURLToPath } = await import("node:url");
  const { existsSync } = await import("node:fs");
  // The bundled example: next to dist/ when installed, two levels up from src/cli/ in a checkout.
  const here = fileURLToPath(new URL(".", import.meta.url));
  const bundled = [resolve(here, "..", "examples", "access-repo"), resolve(here, "..", "..", "examples", "access-repo")].find((p) => existsSync(p));
  const source = values.repo ? repoDirOption(values, io.cwd) : bundled;
  if (!source) throw new UsageError("sandbox-example", "The bundled example access repo was not found; pass --repo PATH.");
  const resource = values.resource as string | undefined;
  const ticket = values.ticket as string | undefined;
  const ok = await runSandbox({ source, out: io.out, keep: Boolean(values.keep), ...(resource ? { resource } : {}), ...(ticket ? { ticket } : {}) });
  return ok ? EXIT_OK : EXIT_FINDINGS;
}

async function sshCert(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    "ssh-cert",
    args,
    {
      key: { type: "string", multiple: true },
      print: { type: "boolean" },
      repo: { type: "string" },
      repository: { type: "string" },
      "bot-login": { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
    },
  );
  if (values.help) {
    io.out(SSH_CERT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("ssh-cert-target", "Name one pull request (12) or lease file; see jit ssh-cert --help.");
  const token = (values.token as string | undefined) ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "ssh-cert reads the pull request's comments through the GitHub API: pass --token or set GITHUB_TOKEN.");
  const home = io.env.HOME;
  const keys = (values.key as string[] | undefined)?.map((k) => resolve(io.cwd, k)) ?? (home ? [`${home}/.ssh/id_ed25519.pub`, `${home}/.ssh/id_rsa.pub`] : []);
  if (keys.length === 0) throw new UsageError("ssh-cert-keys", "Which keys? Pass --key ~/.ssh/id_ed25519.pub (HOME is not set).");
  const [{ repositoryOf }, { runSshCert }, { formatValidity }] = await Promise.all([import("../commands/repository.js"), import("../commands/ssh-cert.js"), import("../ssh/user-certificate.js")]);
  const apiUrl = (values["api-url"] as string | undefined) ?? io.env.GITHUB_API_URL;
  const gh = await reachableClient(token, apiUrl, io);
  const repoDir = repoDirOption(values, io.cwd);
  const { owner, repo } = await repositoryOf(repoDir, values.repository as string | undefined, io.env);
  const botLogin = (values["bot-login"] as string | undefined) ?? io.env.JIT_BOT_LOGIN;
  const r = await runSshCert({ gh, owner, repo, repoDir, target: positionals[0]!, keys, ...(botLogin ? { botLogin } : {}), dryRun: Boolean(values.print) });
  const now = BigInt(Math.floor(io.now() / 1000));
  for (const w of r.written) {
    const c = w.certificate;
    const state = c.validBefore <= now ? " — already expired" : c.validAfter > now ? " — not valid yet" : "";
    io.out(`${values.print ? "would write" : "wrote"} ${w.path}\n  principals ${c.principals.join(", ")}; valid ${formatValidity(c.validAfter)} → ${formatValidity(c.validBefore)}${state}; serial ${c.serial}; key id ${c.keyId}; CA ${c.caFingerprint}\n`);
  }
  for (const c of r.unmatched) io.err(`not installed: serial ${c.serial} is for ${c.keyType} ${c.publicKeyFingerprint}, which is not among ${keys.join(", ")} (pass --key)\n`);
  for (const s of r.skipped) io.err(`skipped a certificate on #${r.pullRequest}: ${s}\n`);
  return r.written.length > 0 ? EXIT_OK : EXIT_FINDINGS;
}

async function init(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("init", args, { org: { type: "string" }, admins: { type: "string" }, action: { type: "string" }, force: { type: "boolean" } });
  if (values.help) {
    io.out(INIT_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError("bad-arguments", `Name one folder (jit init DIR), not ${positionals.length}. See jit init --help.`);
  const { runInit } = await import("../commands/init.js");
  const dir = resolve(io.cwd, positionals[0] ?? ".");
  // Prompts only on a terminal; anywhere else a missing flag is a usage error.
  const ask = async (flag: string, question: string): Promise<string> => {
    const given = values[flag] as string | undefined;
    if (given !== undefined) return given;
    const answer = io.prompt ? await io.prompt(question) : "";
    if (!answer) throw new UsageError("init-missing", `--${flag} is required (no terminal to ask on). See jit init --help.`);
    return answer;
  };
  const org = await ask("org", "GitHub organization (--org): ");
  const admins = (await ask("admins", "Policy admins, logins or @org/team, comma-separated (--admins): ")).split(/[\s,]+/).filter(Boolean);
  const r = await runInit({ dir, org, admins, action: (values.action as string | undefined) ?? "jit-access/jit-access", version: VERSION, force: Boolean(values.force) });
  io.out(`Wrote ${r.written.length} file(s) in ${dir}${r.overwritten.length ? ` (overwrote ${r.overwritten.join(", ")})` : ""}.
Next:
  1. Edit policy.yaml (rename the example resources to real ones), then: jit codeowners && jit validate
  2. Try it offline: jit sandbox --repo ${positionals[0] ?? "."}
  3. git init, commit, push to a new private repository; set up the App, the jit-access environment and branch rules (README: "Setting up an access repo")
  4. Check the GitHub side: jit doctor --repository ${org}/<access-repo>
`);
  return 0;
}

async function doctor(args: string[], io: Io): Promise<number> {
  const { values } = parse("doctor", args,
    {
      repository: { type: "string" },
      repo: { type: "string" },
      branch: { type: "string" },
      app: { type: "string" },
      "bot-login": { type: "string" },
      environment: { type: "string" },
      policy: { type: "string" },
      format: { type: "string" },
      token: { type: "string" },
      "api-url": { type: "string" },
    });
  if (values.help) {
    io.out(DOCTOR_HELP);
    return 0;
  }
  const format = (values.format as string | undefined) ?? "text";
  if (format !== "text" && format !== "json") throw new UsageError("bad-format", `--format must be text or json, not '${format}'.`);
  const token = (values.token as string | undefined) ?? io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token) throw new UsageError("token-missing", "jit doctor reads the repository's settings through the GitHub API: pass --token or set GITHUB_TOKEN (a token with admin rights on the repository).");
  const [{ repositoryOf }, { runDoctor }, { formatDoctorText, formatDoctorJson }] = await Promise.all([
    import("../commands/repository.js"),
    import("../commands/doctor.js"),
    import("../doctor/format-doctor.js"),
  ]);
  const repoDir = resolve(io.cwd, (values.repo as string | undefined) ?? ".");
  const { owner, repo } = await repositoryOf(repoDir, values.repository as string | undefined, io.env);
  const apiUrl = (values["api-url"] as string | undefined) ?? io.env.GITHUB_API_URL;
  // Doctor expects 404s (no branch protection, a missing file or environment): it reports them as checks.
  const log = (m: string) => {
    if (!/^GET \S+ - 404 with id /.test(m)) io.err(`${m}\n`);
  };
  const gh = await reachableClient(token, apiUrl, io, log);
  const app = (values.app as string | undefined) ?? "jit-access";
  const report = await runDoctor({
    gh,
    owner,
    repo,
    app,
    botLogin: (values["bot-login"] as string | undefined) ?? `${app}[bot]`,
    environment: (values.environment as string | undefined) ?? "jit-access",
    policyPath: (values.policy as string | undefined) ?? DEFAULT_POLICY_PATH,
    ...(values.branch ? { branch: values.branch as string } : {}),
  });
  io.out(format === "json" ? formatDoctorJson(report, VERSION) : formatDoctorText(report, `${owner}/${repo}`));
  return report.ok ? 0 : 1;
}
