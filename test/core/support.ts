/**
 * Shared fixtures for the core tests: the example access repo's policy and CODEOWNERS,
 * a fixed clock, FileChange builders, valid leases per resource, facts, and small helpers
 * to find diagnostics and positions.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { EXAMPLE_REPO } from "../helpers/git-repo.js";
import type { Diagnostic, Position } from "../../src/diagnostics/diagnostic.js";
import type { Facts } from "../../src/policy/people.js";
import type { FileChange, FileMode, LeaseHistory, PullRequestInput } from "../../src/validate/inputs.js";
import type { Report } from "../../src/validate/report.js";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import type { Policy } from "../../src/policy/policy.js";

export { EXAMPLE_REPO };

/** Tuesday 24 November 2026, 10:00 UTC (11:00 in Berlin). */
export const NOW_ISO = "2026-11-24T10:00:00Z";
export const NOW = Date.parse(NOW_ISO);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

export const POLICY_PATH = "policy.yaml";
export const CODEOWNERS_PATH = ".github/CODEOWNERS";
export const EXAMPLE_POLICY_TEXT = readFileSync(join(EXAMPLE_REPO, "policy.yaml"), "utf8");
export const EXAMPLE_POLICY = Buffer.from(EXAMPLE_POLICY_TEXT);
export const EXAMPLE_CODEOWNERS_TEXT = readFileSync(join(EXAMPLE_REPO, ".github/CODEOWNERS"), "utf8");
export const EXAMPLE_CODEOWNERS = Buffer.from(EXAMPLE_CODEOWNERS_TEXT);

export const bytes = (s: string | Uint8Array): Uint8Array => (typeof s === "string" ? Buffer.from(s, "utf8") : s);

export function added(path: string, text: string | Uint8Array, mode: FileMode = "file"): FileChange {
  return { status: "added", path, head: { path, mode, bytes: bytes(text) } };
}

export function modified(path: string, before: string | Uint8Array, after: string | Uint8Array, history?: LeaseHistory): FileChange {
  const c: FileChange = {
    status: "modified",
    path,
    base: { path, mode: "file", bytes: bytes(before) },
    head: { path, mode: "file", bytes: bytes(after) },
  };
  if (history) c.history = history;
  return c;
}

export function removed(path: string, before: string | Uint8Array): FileChange {
  return { status: "removed", path, base: { path, mode: "file", bytes: bytes(before) } };
}

export function renamed(from: string, to: string, before: string | Uint8Array, after: string | Uint8Array = before, history?: LeaseHistory): FileChange {
  const c: FileChange = {
    status: "renamed",
    path: to,
    previousPath: from,
    base: { path: from, mode: "file", bytes: bytes(before) },
    head: { path: to, mode: "file", bytes: bytes(after) },
  };
  if (history) c.history = history;
  return c;
}

/** Facts in which alice (and only alice) is in @acme/engineering and a member of acme. */
export function facts(opts: { teams?: Record<string, string[]>; orgMembers?: Record<string, boolean> } = {}): Facts {
  const teams = opts.teams ?? { "acme/engineering": ["alice"] };
  const orgMembers = opts.orgMembers ?? { "acme/alice": true };
  return {
    teams: new Map(Object.entries(teams).map(([k, v]) => [k.toLowerCase(), new Set(v.map((x) => x.toLowerCase()))])),
    orgMembers: new Map(Object.entries(orgMembers).map(([k, v]) => [k.toLowerCase(), v])),
  };
}

export function noFacts(): Facts {
  return { teams: new Map(), orgMembers: new Map() };
}

export interface PrOptions {
  basePolicy?: string | Uint8Array | null;
  baseCodeowners?: { path: string; bytes: string | Uint8Array } | null;
  author?: string | null;
  facts?: Facts;
  now?: number;
  strict?: boolean;
}

/** A pull request against the example repo's base (policy + CODEOWNERS), by alice, with full facts. */
export function prInput(changes: FileChange[], o: PrOptions = {}): PullRequestInput {
  const input: PullRequestInput = {
    policyPath: POLICY_PATH,
    changes,
    facts: o.facts ?? facts(),
    now: o.now ?? NOW,
  };
  if (o.basePolicy !== null) input.basePolicy = bytes(o.basePolicy ?? EXAMPLE_POLICY);
  if (o.baseCodeowners !== null) {
    const co = o.baseCodeowners ?? { path: CODEOWNERS_PATH, bytes: EXAMPLE_CODEOWNERS };
    input.baseCodeowners = { path: co.path, bytes: bytes(co.bytes) };
  }
  if (o.author !== null) input.author = o.author ?? "alice";
  if (o.strict) input.strict = true;
  return input;
}

/** Renders a lease as YAML, one `key: value` line per field, in the given order (values JSON-quoted). */
export function leaseYaml(fields: Record<string, string | boolean | number | undefined>): string {
  return (
    Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${typeof v === "string" ? JSON.stringify(v) : String(v)}`)
      .join("\n") + "\n"
  );
}

type Fields = Record<string, string | boolean | number | undefined>;

/** Leases that are valid for alice under the example policy at NOW (with facts()). */
export const GOOD: Record<string, Fields> = {
  "platform-admins": { grantee: "alice", resource: "platform-admins", role: "maintainer", duration: "4h", reason: "Rotate prod credentials after INC-1234", ticket: "INC-1234" },
  "prod-db-readers": { grantee: "alice", resource: "prod-db-readers", role: "member", duration: "8h", reason: "Pull figures for the quarterly report" },
  "web-deployers": { grantee: "alice", resource: "web-deployers", role: "push", duration: "2h", reason: "Hotfix deploy for the checkout page" },
  "billing-auditors": { grantee: "alice", resource: "billing-auditors", role: "billing_manager", duration: "1d", reason: "Quarterly billing audit for finance", ticket: "FIN-77" },
};

export function good(resource: keyof typeof GOOD | string, overrides: Fields = {}): string {
  const base = GOOD[resource];
  if (!base) throw new Error(`no GOOD lease for ${resource}`);
  const merged: Fields = { ...base };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete merged[k];
    else merged[k] = v;
  }
  return leaseYaml(merged);
}

export const leasePath = (resource: string, name = "alice-req.yaml"): string => `leases/${resource}/${name}`;

export function allDiags(report: Report): Diagnostic[] {
  return report.files.flatMap((f) => [...f.errors, ...f.warnings]);
}
export function errors(report: Report): Diagnostic[] {
  return report.files.flatMap((f) => f.errors);
}
export function warnings(report: Report): Diagnostic[] {
  return report.files.flatMap((f) => f.warnings);
}
export function errorCodes(report: Report): string[] {
  return errors(report).map((d) => d.code);
}
export function fileReport(report: Report, file: string) {
  const f = report.files.find((x) => x.file === file);
  if (!f) throw new Error(`no report for ${file}; files: ${report.files.map((x) => x.file).join(", ")}`);
  return f;
}
/** The single error with this code (fails loudly when missing). */
export function errorWith(report: Report | Diagnostic[], code: string): Diagnostic {
  const list = Array.isArray(report) ? report : errors(report);
  const d = list.find((x) => x.code === code && x.severity === "error");
  if (!d) throw new Error(`no error ${code}; got ${JSON.stringify(list.map((x) => `${x.severity}:${x.code}@${x.line}:${x.column}`))}`);
  return d;
}
export function summary(list: Diagnostic[]): string[] {
  return list.map((d) => `${d.severity}:${d.code}@${d.line}:${d.column}`);
}

/** 1-based line and column of the nth occurrence of a snippet in a text. */
export function at(text: string, snippet: string, nth = 0): Position {
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(snippet, idx + 1);
    if (idx < 0) throw new Error(`'${snippet}' (#${nth}) not in text`);
  }
  const before = text.slice(0, idx);
  const line = before.split("\n").length;
  const column = idx - before.lastIndexOf("\n");
  return { line, column };
}

/** A small valid policy (no teams in requesters, so membership is decided by facts on the org). */
export const MINI_POLICY = `version: 1
admins: ["@acme/security-admins"]
resources:
  ops:
    provider:
      type: github-team
      org: acme
      team: ops
    roles: [member, maintainer]
    approvers: [carol, dave]
`;

/** MINI_POLICY with extra settings (YAML lines, unindented) added to its resource `ops`. */
export function withResourceSettings(settings: string, policy = MINI_POLICY): string {
  return policy + settings.replace(/^/gm, "    ").replace(/ +$/, "");
}

/** Position of a top-level key (a line starting with `key:`). */
export function keyAt(text: string, key: string): Position {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (i < 0) throw new Error(`no top-level key ${key}`);
  return { line: i + 1, column: 1 };
}

/** Position of the value of a top-level key written as `key: value` on one line. */
export function valueAt(text: string, key: string): Position {
  const k = keyAt(text, key);
  const line = text.split("\n")[k.line - 1]!;
  let c = key.length + 1;
  while (line[c] === " ") c++;
  return { line: k.line, column: c + 1 };
}

/** `code@line:column` of the value (or key) of a field, for comparing with summary(). */
export const E = (code: string, p: Position, severity = "error"): string => `${severity}:${code}@${p.line}:${p.column}`;

/** Loads a policy text that must be valid (fails loudly otherwise). */
export function policyOf(text: string): Policy {
  const p = loadPolicy(POLICY_PATH, bytes(text));
  if (!p.policy) throw new Error(`policy invalid: ${JSON.stringify(summary(p.diagnostics))}`);
  return p.policy;
}

/** CODEOWNERS text generated from a policy text. */
export function codeownersFor(policyText: string): string {
  return generateCodeowners(policyOf(policyText), POLICY_PATH);
}

/** prInput options for a custom base policy with its matching CODEOWNERS. */
export function base(policyText: string): Pick<PrOptions, "basePolicy" | "baseCodeowners"> {
  return { basePolicy: policyText, baseCodeowners: { path: CODEOWNERS_PATH, bytes: codeownersFor(policyText) } };
}
