/**
 * command: a target managed by an executable kept in the access repo (`provider.run`), for
 * systems jit-access has no provider for. The policy admins own it (CODEOWNERS), and only the
 * version committed on the default branch runs: the file must be committed there as an
 * executable (mode 100755), be the same in the checkout, and lie inside the repo with no
 * symlink on the way; anything else is refused, never run.
 *
 * Protocol (schemas/command-request.v1.schema.json, schemas/command-reply.v1.schema.json):
 * one JSON request on standard input — `list`, `grant`, `revoke` or `change-role`, with the
 * resource, grantee, role, lease, its end and the run's time — and one JSON reply on standard
 * output, checked against the published schema. The command gets PATH and the environment
 * variables the policy names, nothing else (never the bot's token or evidence key); it runs
 * in the repo's root with a time limit. A time-out, a non-zero exit, a signal, a reply that
 * is not JSON, breaks the schema, does not fit the action or is too large is a failure of
 * that item (of the resource, for list) with a message and the command's stderr, bounded —
 * never a success.
 */
import { spawn } from "node:child_process";
import { lstatSync, realpathSync } from "node:fs";
import { isAbsolute, join, posix, sep } from "node:path";
import type { ErrorObject } from "ajv";
import { git, gitText } from "../git/run-git.js";
import type { CommandConfig, Resource } from "../policy/policy.js";
import * as generated from "../schema/generated/validators.js";
import type { ProviderContext } from "./provider-context.js";
import type { Grant, GrantOptions, GrantOutcome, Provider } from "./provider.js";

export const COMMAND_PROTOCOL = "jit-access/command/v1";
export const DEFAULT_TIMEOUT_S = 30;
export const MAX_STDOUT_BYTES = 1024 * 1024;
export const MAX_STDERR_BYTES = 64 * 1024;
/** How much of stderr a failure message shows (its end: where errors usually are). */
export const STDERR_SHOWN = 2000;
const DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

export type CommandAction = "list" | "grant" | "revoke" | "change-role";

export interface CommandRequest {
  protocol: typeof COMMAND_PROTOCOL;
  action: CommandAction;
  now: string;
  resource: { id: string; roles: string[] };
  grantee?: string;
  role?: string;
  lease?: string;
  expiresAt?: string;
  handle?: string;
  state?: "active" | "pending";
}

type StatusReply = { status: "granted" | "revoked" | "unchanged" | "invited" | "failed"; code?: string; message?: string; handle?: string };
type ListReply = { grants: Array<{ grantee: string; role: string; state?: "active" | "pending"; handle?: string }> };

/** Why a call gave no usable reply. */
export class CommandFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function config(r: Resource): CommandConfig {
  if (r.provider.type !== "command") throw new Error(`${r.id} is not a command resource`);
  return r.provider;
}

/** The statuses each action may answer with. */
const ALLOWED: Record<Exclude<CommandAction, "list">, ReadonlyArray<StatusReply["status"]>> = {
  grant: ["granted", "unchanged", "invited", "failed"],
  revoke: ["revoked", "unchanged", "failed"],
  "change-role": ["granted", "unchanged", "failed"],
};

function schemaErrors(errors: ErrorObject[] | null | undefined): string {
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === "oneOf") continue;
    seen.add(`${e.instancePath || "(reply)"} ${e.message ?? "is invalid"}${e.keyword === "additionalProperties" ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ""}`);
  }
  return [...seen].slice(0, 5).join("; ") || "it matches neither a list reply ({ grants }) nor a status reply ({ status })";
}

/** The reply's JSON, checked against the published schema and the action. Throws CommandFailure. */
export function checkReply(action: CommandAction, text: string): StatusReply | ListReply {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CommandFailure("command-reply-malformed", `its reply is not JSON (${text.trim() ? `starts with ${JSON.stringify(text.trim().slice(0, 60))}` : "it printed nothing"}).`);
  }
  if (!generated.commandReply(value)) throw new CommandFailure("command-reply-malformed", `its reply breaks schemas/command-reply.v1.schema.json: ${schemaErrors(generated.commandReply.errors)}.`);
  const reply = value as StatusReply | ListReply;
  if (action === "list") {
    if ("status" in reply && reply.status === "failed") throw new CommandFailure(reply.code ?? "command-failed", `reports a failure${reply.message ? `: ${reply.message}` : " (no message)"}`);
    if (!("grants" in reply)) throw new CommandFailure("command-reply-malformed", "it answered list with a status; list needs { grants: [...] }.");
    return reply;
  }
  if (!("status" in reply)) throw new CommandFailure("command-reply-malformed", `it answered ${action} with a list of grants; ${action} needs { status }.`);
  if (!ALLOWED[action].includes(reply.status)) throw new CommandFailure("command-reply-malformed", `it answered ${action} with status "${reply.status}", which ${action} cannot have (${ALLOWED[action].join(", ")}).`);
  return reply;
}

/** The last STDERR_SHOWN characters of stderr, for a message. */
function tail(stderr: string, truncated: boolean): string {
  const text = stderr.trimEnd();
  if (!text) return "";
  const cut = text.length > STDERR_SHOWN || truncated;
  return ` Its stderr${cut ? ` (last ${Math.min(STDERR_SHOWN, text.length)} characters)` : ""}:\n${cut ? "…" : ""}${text.slice(-STDERR_SHOWN)}`;
}

export interface RunOptions {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  input: string;
  timeoutMs: number;
  /** names the command in messages (its path in the repo) */
  label: string;
}

/** Runs the command once. Resolves with its stdout and stderr; throws CommandFailure for a time-out, an exit other than 0, a signal or too much output. */
export function runCommand(o: RunOptions): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(o.file, o.args, { cwd: o.cwd, env: o.env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let errBytes = 0;
    let errTruncated = false;
    let failure: CommandFailure | undefined;
    const stop = (f: CommandFailure) => {
      failure ??= f;
      // The whole process group: whatever it started goes too.
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = setTimeout(() => stop(new CommandFailure("command-timeout", `${o.label} ran longer than ${o.timeoutMs / 1000} s and was stopped.`)), o.timeoutMs);
    child.stdout.on("data", (c: Buffer) => {
      outBytes += c.length;
      if (outBytes > MAX_STDOUT_BYTES) stop(new CommandFailure("command-reply-oversized", `${o.label} wrote more than ${MAX_STDOUT_BYTES} bytes to stdout; a reply is one JSON document, far smaller.`));
      else out.push(c);
    });
    // Only the end of stderr is kept (where errors usually are), at most MAX_STDERR_BYTES.
    child.stderr.on("data", (c: Buffer) => {
      err.push(c);
      errBytes += c.length;
      while (errBytes - err[0]!.length >= MAX_STDERR_BYTES) {
        errBytes -= err.shift()!.length;
        errTruncated = true;
      }
    });
    child.stdin.on("error", () => undefined); // a command that does not read its request
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new CommandFailure("command-not-runnable", `${o.label} could not be started (${(e as NodeJS.ErrnoException).code ?? e.message}).`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const all = Buffer.concat(err);
      const stderr = all.subarray(Math.max(0, all.length - MAX_STDERR_BYTES)).toString("utf8");
      if (failure) return reject(new CommandFailure(failure.code, failure.message + tail(stderr, errTruncated)));
      if (signal) return reject(new CommandFailure("command-signal", `${o.label} was ended by ${signal}.${tail(stderr, errTruncated)}`));
      if (code !== 0) return reject(new CommandFailure("command-exit", `${o.label} exited with status ${code}.${tail(stderr, errTruncated)}`));
      resolve({ stdout: Buffer.concat(out).toString("utf8"), stderr });
    });
    child.stdin.end(o.input);
  });
}

/**
 * The executable to run for `run`, after checking it is the version committed on `ref`:
 * committed there as a regular executable file (100755), inside the checkout with no symlink
 * on the way, and byte for byte the committed blob. Throws CommandFailure otherwise.
 */
export async function resolveExecutable(repo: { dir: string; ref: string }, run: string): Promise<string> {
  const refuse = (message: string) => new CommandFailure("command-refused", `${run}: ${message} Nothing was run.`);
  if (isAbsolute(run) || posix.normalize(run) !== run || run.split("/").some((s) => s === ".." || s === "." || s === "" || s === ".git")) throw refuse("not a plain path inside the access repo.");
  const listed = (await git(repo.dir, ["ls-tree", "-z", "--full-tree", repo.ref, "--", run])).toString("utf8").split("\0").filter(Boolean);
  const entry = listed.map((l) => ({ meta: l.slice(0, l.indexOf("\t")).split(" "), path: l.slice(l.indexOf("\t") + 1) })).find((e) => e.path === run);
  if (!entry) throw refuse(`not committed on ${repo.ref}: only the committed version of a command runs.`);
  const [mode, type, blob] = entry.meta;
  if (type !== "blob" || mode === "120000") throw refuse(`committed on ${repo.ref} as a ${mode === "120000" ? "symbolic link" : (type ?? "non-file")}, not an executable file.`);
  if (mode !== "100755") throw refuse(`committed on ${repo.ref} without the executable bit (git update-index --chmod=+x ${run}).`);
  const root = realpathSync(repo.dir);
  let at = root;
  for (const part of run.split("/")) {
    at = join(at, part);
    let st;
    try {
      st = lstatSync(at);
    } catch {
      throw refuse("not in the checkout.");
    }
    if (st.isSymbolicLink()) throw refuse(`${at.slice(root.length + 1)} is a symbolic link in the checkout.`);
  }
  const file = realpathSync(at);
  if (!file.startsWith(root + sep)) throw refuse("it resolves outside the access repo.");
  if (!lstatSync(file).isFile()) throw refuse("not a regular file in the checkout.");
  const actual = (await gitText(repo.dir, ["hash-object", "--no-filters", "--", file])).trim();
  if (actual !== blob) throw refuse(`the checkout's file differs from the version committed on ${repo.ref}: only the committed version runs.`);
  return file;
}

export function commandProvider(ctx: ProviderContext): Provider {
  const verified = new Map<string, Promise<string>>();
  const executable = (r: Resource): Promise<string> => {
    const cfg = config(r);
    if (!ctx.accessRepo) return Promise.reject(new CommandFailure("command-refused", `${cfg.run}: this run has no checkout of the access repo's default branch to run it from. Nothing was run.`));
    let p = verified.get(cfg.run);
    if (!p) {
      p = resolveExecutable(ctx.accessRepo, cfg.run);
      p.catch(() => verified.delete(cfg.run));
      verified.set(cfg.run, p);
    }
    return p;
  };

  const call = async (r: Resource, req: Omit<CommandRequest, "protocol" | "now" | "resource">): Promise<StatusReply | ListReply> => {
    const cfg = config(r);
    const file = await executable(r);
    const env: Record<string, string> = { PATH: ctx.env.PATH ?? DEFAULT_PATH };
    for (const name of cfg.env ?? []) {
      const v = ctx.env[name];
      if (v !== undefined) env[name] = v;
    }
    const request: CommandRequest = { protocol: COMMAND_PROTOCOL, ...req, now: new Date(ctx.now).toISOString(), resource: { id: r.id, roles: r.roles } };
    const { stdout } = await runCommand({ file, args: cfg.args ?? [], cwd: ctx.accessRepo!.dir, env, input: JSON.stringify(request) + "\n", timeoutMs: (cfg.timeout ?? DEFAULT_TIMEOUT_S) * 1000, label: cfg.run });
    try {
      return checkReply(req.action, stdout);
    } catch (e) {
      if (e instanceof CommandFailure) throw new CommandFailure(e.code, `${cfg.run}: ${e.message}`);
      throw e;
    }
  };

  const item = async (what: string, r: Resource, req: Omit<CommandRequest, "protocol" | "now" | "resource">): Promise<GrantOutcome> => {
    try {
      const reply = (await call(r, req)) as StatusReply;
      switch (reply.status) {
        case "failed":
          return { status: "failed", code: reply.code ?? "command-failed", message: `${what}: ${config(r).run} reports a failure${reply.message ? `: ${reply.message}` : " (no message)"}` };
        case "invited":
          return { status: "invited", ...(reply.handle ? { handle: reply.handle } : {}) };
        case "granted":
          return { status: "granted" };
        case "revoked":
          return { status: "revoked" };
        default:
          return { status: "unchanged" };
      }
    } catch (e) {
      const code = e instanceof CommandFailure ? e.code : "command-error";
      return { status: "failed", code, message: `${what}: ${(e as Error).message}` };
    }
  };

  return {
    type: "command",
    nativeExpiry: false,
    singleRole: false,
    rank: () => 0,
    // What a role means to the command is the command's own: a holder may have added grants by hand.
    canGrantOthers: (_role, held, target) => held.id === target.id,
    limits: "whatever the command manages; it cannot expire access by itself unless the command sets the end it is given (expiresAt).",

    async list(r): Promise<Grant[]> {
      try {
        const reply = (await call(r, { action: "list" })) as ListReply;
        return reply.grants.map((g) => ({ resource: r.id, grantee: g.grantee, role: g.role, state: g.state ?? "active", ...(g.handle !== undefined ? { handle: g.handle } : {}) }));
      } catch (e) {
        throw new Error(`${r.id}: ${(e as Error).message}`);
      }
    },
    grant(r, grantee, role, opts: GrantOptions = {}) {
      if (!r.roles.includes(role)) return Promise.resolve({ status: "failed", code: "role-unknown", message: `${role} is not one of ${r.id}'s roles.` });
      return item(`grant ${role} to ${grantee} on ${r.id}`, r, { action: "grant", grantee, role, ...(opts.lease ? { lease: opts.lease } : {}), ...(opts.expiresAt !== undefined ? { expiresAt: new Date(opts.expiresAt).toISOString() } : {}) });
    },
    changeRole(r, grantee, role) {
      if (!r.roles.includes(role)) return Promise.resolve({ status: "failed", code: "role-unknown", message: `${role} is not one of ${r.id}'s roles.` });
      return item(`change ${grantee} to ${role} on ${r.id}`, r, { action: "change-role", grantee, role });
    },
    revoke(r, g) {
      return item(`revoke ${g.role} from ${g.grantee} on ${r.id}`, r, { action: "revoke", grantee: g.grantee, role: g.role, state: g.state, ...(g.handle !== undefined ? { handle: g.handle } : {}) });
    },
  };
}
