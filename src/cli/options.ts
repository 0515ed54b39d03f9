/**
 * Command-line options, the one way every `jit` command reads them: an unknown flag is one
 * line naming the closest valid flag and the command's help (never Node's own text followed
 * by the whole help), a flag without its value says which, and a folder given with --repo
 * must exist. All of these are usage errors (exit code 2, see exit-codes.ts).
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../diagnostics/usage-error.js";

export type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;

export interface ParsedOptions {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Levenshtein distance (small strings: flag names). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** The valid flag closest to `name`, when it is close enough to be a likely typo. */
export function closestFlag(name: string, valid: string[]): string | undefined {
  let best: { flag: string; d: number } | undefined;
  for (const flag of valid) {
    const d = flag.startsWith(name) || name.startsWith(flag) ? Math.min(1, editDistance(name, flag)) : editDistance(name, flag);
    if (!best || d < best.d) best = { flag, d };
  }
  return best && best.d <= Math.max(2, Math.floor(name.length / 3)) ? best.flag : undefined;
}

/**
 * Parses `args` for command `cmd` (as in `jit <cmd> --help`). --help/-h is always accepted.
 * Throws UsageError("unknown-flag" | "bad-arguments") with a one-line message.
 */
export function parseOptions(cmd: string, args: string[], options: OptionSpec): ParsedOptions {
  const spec: OptionSpec = { ...options, help: { type: "boolean", short: "h" } };
  const seeHelp = `see jit ${cmd} --help`;
  const shorts = new Map(Object.entries(spec).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  const { tokens } = parseArgs({ args, options: spec, allowPositionals: true, strict: false, tokens: true });
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const known = t.rawName.startsWith("--") ? spec[t.name] : shorts.has(t.name) ? spec[shorts.get(t.name)!] : undefined;
    if (!known) {
      const near = t.rawName.startsWith("--") ? closestFlag(t.name, Object.keys(spec)) : undefined;
      throw new UsageError("unknown-flag", `jit ${cmd} has no option ${t.rawName}${near ? ` (did you mean --${near}?)` : ""}; ${seeHelp}.`);
    }
    if (known.type === "boolean" && t.inlineValue) throw new UsageError("bad-arguments", `${t.rawName} takes no value; ${seeHelp}.`);
    if (known.type === "string" && t.value === undefined) throw new UsageError("bad-arguments", `${t.rawName} needs a value; ${seeHelp}.`);
    if (known.type === "string" && !t.inlineValue && t.value?.startsWith("-") && t.value.length > 1) {
      throw new UsageError("bad-arguments", `${t.rawName} needs a value, not the flag '${t.value}' (write ${t.rawName}=${t.value} if you mean it); ${seeHelp}.`);
    }
  }
  const r = parseArgs({ args, options: spec, allowPositionals: true, strict: false });
  return { values: r.values as ParsedOptions["values"], positionals: r.positionals };
}

/** A string option's value (undefined when absent). */
export function stringOption(values: ParsedOptions["values"], name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

/** The folder named by --repo (default: the working directory), which must exist. */
export function repoDirOption(values: ParsedOptions["values"], cwd: string): string {
  const given = stringOption(values, "repo");
  const dir = resolve(cwd, given ?? ".");
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new UsageError("repo-missing", `--repo ${given ?? "."}: the folder ${dir} does not exist.`);
  }
  if (!isDir) throw new UsageError("repo-not-a-folder", `--repo ${given ?? "."}: ${dir} is not a folder.`);
  return dir;
}

/**
 * The policy file named by --policy: a path inside the access repo (default policy.yaml). An
 * absolute path or one that leaves the repo is a usage error, not a missing policy.
 */
export function policyPathOption(values: ParsedOptions["values"], fallback: string): string {
  const given = stringOption(values, "policy");
  if (given === undefined) return fallback;
  const p = given.replace(/\\/g, "/").replace(/^\.\//, "");
  if (p === "" || p.startsWith("/") || /^[A-Za-z]:/.test(p) || p.split("/").includes("..")) {
    throw new UsageError("policy-outside-repo", `--policy ${given}: the policy is a file inside the access repo, given relative to --repo (e.g. policy.yaml).`);
  }
  return p;
}
