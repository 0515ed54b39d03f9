/**
 * Loads policy.yaml: safe YAML, the JSON Schema, then checks the schema cannot express
 * (groups that exist, roles a provider supports, patterns that compile, satisfiable
 * approval rules, one resource per target), and resolves every setting per resource.
 */
import { compareDiagnostics, diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { MAX_POLICY_BYTES, escapePointerSegment, parseYamlBytes } from "../document/parse-yaml.js";
import type { ParsedYaml } from "../document/parse-yaml.js";
import { parseDuration } from "../lease/duration.js";
import { checkSchema } from "../schema/check-schema.js";
import { expandRefs, parseRef } from "./people.js";
import { ANOMALY_DEFAULTS, BUILT_IN_DEFAULTS, COMMAND_ENV_REFUSED, POSTGRES_NAME, SSH_PRINCIPAL, targetKey } from "./policy.js";
import type { AnomaliesDoc, AnomalyThresholds, Policy, PolicyDoc, Resource, ResourceDoc, Schedule, Settings } from "./policy.js";
import { isValidTimeZone, parseHours } from "./schedule.js";

export const DEFAULT_POLICY_PATH = "policy.yaml";
const GITHUB_TEAM_ROLES = new Set(["member", "maintainer"]);

export interface LoadedPolicy {
  policy?: Policy;
  doc: ParsedYaml;
  diagnostics: Diagnostic[];
}

/**
 * One run judges by the same policy bytes in several places (a pull request's checks, the
 * facts it needs, its approvals): each array of bytes is read once. The result is reused only
 * for the same array, the same file name and the same contents (the bytes are kept to compare),
 * and callers treat it as read-only.
 */
const loaded = new WeakMap<Uint8Array, { file: string; bytes: Uint8Array; result: LoadedPolicy }>();

export function loadPolicy(file: string, bytes: Uint8Array): LoadedPolicy {
  const hit = loaded.get(bytes);
  if (hit && hit.file === file && sameBytes(hit.bytes, bytes)) return hit.result;
  const result = readPolicy(file, bytes);
  loaded.set(bytes, { file, bytes: Uint8Array.from(bytes), result });
  return result;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function readPolicy(file: string, bytes: Uint8Array): LoadedPolicy {
  const doc = parseYamlBytes(file, bytes, MAX_POLICY_BYTES);
  if (doc.diagnostics.length > 0) return { doc, diagnostics: doc.diagnostics };
  const schemaErrors = checkSchema("policy", file, doc);
  const raw = doc.value as PolicyDoc;
  if (schemaErrors.length > 0) {
    // All at once: the checks the schema cannot express too, on the parts that are well formed
    // (a check that meets a malformed part is skipped: the schema error already says why), and
    // none at a place a schema error already explains.
    const at = new Set(schemaErrors.map((d) => `${d.line}:${d.column}`));
    const more = checkSemantics(file, doc, raw, true).filter((d) => !at.has(`${d.line}:${d.column}`));
    return { doc, diagnostics: [...schemaErrors, ...more].sort(compareDiagnostics) };
  }
  const diagnostics = checkSemantics(file, doc, raw);
  if (diagnostics.length > 0) return { doc, diagnostics };
  return { policy: resolve(raw), doc, diagnostics };
}

/** `lenient`: the document failed the schema; each part is checked only as far as its shape allows. */
function checkSemantics(file: string, doc: ParsedYaml, p: PolicyDoc, lenient = false): Diagnostic[] {
  const out: Diagnostic[] = [];
  // On a document that failed the schema, a part of the wrong shape makes a check throw: that
  // check is skipped (its schema error stands), the others still run.
  const guarded = (check: () => void) => {
    if (!lenient) return check();
    try {
      check();
    } catch {
      // the schema error on this part says what is wrong
    }
  };
  if (lenient && (typeof p !== "object" || p === null || Array.isArray(p))) return out;
  const groups = (lenient && (typeof p.groups !== "object" || p.groups === null || Array.isArray(p.groups)) ? {} : p.groups) ?? {};
  const err = (code: string, pointer: string, message: string, hint?: string, key = false) =>
    out.push(diagnostic(code, file, key ? doc.locateKey(pointer) : doc.locate(pointer), message, hint));

  const checkRefs = (refs: string[] | undefined, pointer: string) => {
    refs?.forEach((ref, i) => {
      const r = parseRef(ref);
      if (r.kind === "group" && !(r.name in groups)) {
        err("policy-unknown-group", `${pointer}/${i}`, `Group '${r.name}' is not defined under 'groups'.`, `Define groups.${r.name} or fix the name.`);
      }
    });
  };
  for (const k of ["driftBound", "sweepEvery"] as const) {
    const v = p.reconcile?.[k];
    if (v !== undefined && !parseDuration(v)) err("policy-duration-zero", `/reconcile/${k}`, `reconcile.${k} must be longer than zero.`);
  }
  const checkSettings = (s: Settings | undefined, pointer: string) => {
    if (!s) return;
    checkRefs(s.requesters, `${pointer}/requesters`);
    if (Array.isArray(s.allowRequestFor)) checkRefs(s.allowRequestFor, `${pointer}/allowRequestFor`);
    for (const k of ["maxDuration", "maxScheduleAhead", "maxTotalDuration", "remindBefore"] as const) {
      const v = s[k];
      if (v !== undefined && !parseDuration(v)) err("policy-duration-zero", `${pointer}/${k}`, `${k} must be longer than zero.`);
    }
    for (const k of ["maxDuration", "reviewWithin"] as const) {
      const v = s.breakGlass?.[k];
      if (v !== undefined && !parseDuration(v)) err("policy-duration-zero", `${pointer}/breakGlass/${k}`, `breakGlass.${k} must be longer than zero.`);
    }
    if (s.ticketPattern !== undefined) {
      try {
        new RegExp(`^(?:${s.ticketPattern})$`, "u");
      } catch (e) {
        err("policy-ticket-pattern", `${pointer}/ticketPattern`, `ticketPattern is not a valid regular expression: ${(e as Error).message}.`);
      }
    }
    if (s.schedule) checkSchedule(s.schedule, `${pointer}/schedule`);
  };
  function checkSchedule(schedule: Schedule, pointer: string) {
    if (!isValidTimeZone(schedule.timezone)) {
      err("policy-timezone", `${pointer}/timezone`, `'${schedule.timezone}' is not an IANA time zone.`, "Use a name like Europe/Berlin, America/New_York or UTC.");
    }
    schedule.windows.forEach((w, i) => {
      const { start, end } = parseHours(w.hours);
      if (end <= start) err("policy-schedule-hours", `${pointer}/windows/${i}/hours`, `Window ${w.hours} ends before it starts.`, "Write start-end within one day, e.g. 09:00-18:00; split overnight windows in two.");
    });
  }

  guarded(() => checkRefs(p.admins, "/admins"));
  for (const [name, members] of Object.entries(groups)) {
    guarded(() =>
      members.forEach((m, i) => {
        if (m.startsWith("group:")) err("policy-nested-group", `/groups/${escapePointerSegment(name)}/${i}`, "Groups hold logins and teams, not other groups.");
      }),
    );
  }
  guarded(() => checkSettings(p.defaults, "/defaults"));
  guarded(() => {
    if (p.reviews?.every !== undefined && !parseDuration(p.reviews.every)) err("policy-duration-zero", "/reviews/every", "reviews.every must be longer than zero.");
    for (const [name, a] of Object.entries(p.anomalies ?? {}) as Array<[string, Record<string, unknown>]>) {
      for (const k of ["window", "perMonth"]) {
        const v = a[k];
        if (typeof v === "string" && !parseDuration(v)) err("policy-duration-zero", `/anomalies/${name}/${k}`, `anomalies.${name}.${k} must be longer than zero.`);
      }
    }
  });

  const targets = new Map<string, string>();
  const resources = lenient && (typeof p.resources !== "object" || p.resources === null) ? {} : p.resources;
  for (const [id, r] of Object.entries(resources)) guarded(() => checkResource(id, r));
  return out;

  function checkResource(id: string, r: ResourceDoc) {
    const base = `/resources/${escapePointerSegment(id)}`;
    checkSettings(r, base);
    checkRefs(r.approvers, `${base}/approvers`);
    r.approvals?.forEach((rule, i) => {
      checkRefs(rule.from, `${base}/approvals/${i}/from`);
      checkSatisfiable(rule.from, rule.count ?? 1, `${base}/approvals/${i}/count`);
    });
    if (r.approvers) checkSatisfiable(r.approvers, r.requiredApprovals ?? p.defaults?.requiredApprovals ?? 1, `${base}/requiredApprovals`);
    if (r.provider.type === "github-team") {
      r.roles.forEach((role, i) => {
        if (!GITHUB_TEAM_ROLES.has(role)) err("policy-role-unsupported", `${base}/roles/${i}`, `A github-team resource has roles 'member' and 'maintainer', not '${role}'.`);
      });
    }
    if (r.provider.type === "postgres") {
      r.roles.forEach((role, i) => {
        if (!POSTGRES_NAME.test(role)) err("policy-role-unsupported", `${base}/roles/${i}`, `A postgres resource's roles are database names in lower case (letters, digits, _ and -, starting with a letter or _), not '${role}'.`);
      });
    }
    if (r.provider.type === "ssh-certificate") {
      r.roles.forEach((role, i) => {
        if (!SSH_PRINCIPAL.test(role)) err("policy-role-unsupported", `${base}/roles/${i}`, `An ssh-certificate resource's roles are the principals its certificates carry (letters, digits, _ . @ -; no spaces or commas), not '${role}'.`);
      });
      if (r.standing?.length) err("policy-standing-unsupported", `${base}/standing`, "An ssh-certificate resource has no standing grants: certificates exist only for leases.", "Give standing access on the servers themselves (authorized keys), outside jit-access.");
    }
    if (r.provider.type === "command") {
      const run = r.provider.run;
      if (/^leases(?:\/|$)/.test(run)) err("policy-command-path", `${base}/provider/run`, `'${run}' is inside leases/: a command must be a file the policy admins own (outside leases/, where requesters write).`, "Keep commands in a folder like commands/.");
      r.provider.env?.forEach((name, i) => {
        if (COMMAND_ENV_REFUSED.test(name)) err("policy-command-env", `${base}/provider/env/${i}`, `A command may not receive ${name}: it holds the bot's own credentials.`, "Give the command a credential of its own, in a variable of its own.");
      });
    }
    const ruleNames = new Set<string>();
    r.autoApprove?.forEach((a, i) => {
      const at = `${base}/autoApprove/${i}`;
      if (ruleNames.has(a.name)) err("policy-auto-approve-duplicate", `${at}/name`, `Two autoApprove rules of ${id} are named '${a.name}'.`, "Give each rule its own name: evidence and the audit name the rule that approved.");
      ruleNames.add(a.name);
      checkRefs(a.requesters, `${at}/requesters`);
      a.roles?.forEach((role, j) => {
        if (!r.roles.includes(role)) err("policy-auto-approve-role", `${at}/roles/${j}`, `autoApprove rule '${a.name}' names role '${role}', not one of ${id}'s roles (${r.roles.join(", ")}).`);
      });
      if (a.maxDuration !== undefined) {
        const m = parseDuration(a.maxDuration);
        if (!m) err("policy-duration-zero", `${at}/maxDuration`, "autoApprove maxDuration must be longer than zero.");
        else if (m > (parseDuration(r.maxDuration ?? p.defaults?.maxDuration ?? BUILT_IN_DEFAULTS.maxDuration) ?? 0)) err("policy-auto-approve-duration", `${at}/maxDuration`, `autoApprove rule '${a.name}' allows ${a.maxDuration}, longer than ${id}'s maxDuration.`, "An auto-approval rule can only narrow what the resource allows.");
      }
      if (a.schedule) checkSchedule(a.schedule, `${at}/schedule`);
    });
    r.standing?.forEach((s, i) => {
      if (!r.roles.includes(s.role)) err("policy-standing-role", `${base}/standing/${i}/role`, `Standing role '${s.role}' is not one of this resource's roles (${r.roles.join(", ")}).`);
      if (s.reviewed !== undefined && !isCalendarDate(s.reviewed)) err("policy-review-date", `${base}/standing/${i}/reviewed`, `'${s.reviewed}' is not a date of the calendar.`, "Write the review date as YYYY-MM-DD, e.g. 2026-03-31.");
      if (s.reviewEvery !== undefined && !parseDuration(s.reviewEvery)) err("policy-duration-zero", `${base}/standing/${i}/reviewEvery`, "reviewEvery must be longer than zero.");
    });
    const key = targetKey(r.provider);
    const other = targets.get(key);
    if (other) err("policy-duplicate-target", `${base}/provider`, `Resources '${other}' and '${id}' manage the same target (${key}).`, "Give each target one resource, with several roles if needed.");
    else targets.set(key, id);
    const max = parseDuration(r.maxDuration ?? p.defaults?.maxDuration ?? BUILT_IN_DEFAULTS.maxDuration) ?? 0;
    const total = r.maxTotalDuration ?? p.defaults?.maxTotalDuration;
    if (total !== undefined && (parseDuration(total) ?? 0) < max) {
      err("policy-total-below-max", `${base}/maxTotalDuration`, `maxTotalDuration (${total}) is shorter than maxDuration.`, "Raise maxTotalDuration or lower maxDuration.");
    }
  }

  function checkSatisfiable(from: string[], count: number, pointer: string) {
    // An unknown group is reported as such; counting its (no) members would only repeat it.
    if (from.some((ref) => { const r = parseRef(ref); return r.kind === "group" && !(r.name in groups); })) return;
    const direct = expandRefs(from, groups);
    const hasTeam = direct.some((d) => parseRef(d).kind === "team");
    if (!hasTeam && direct.length < count) {
      err("policy-approvals-impossible", pointer, `${count} distinct approvals are required but only ${direct.length} people are listed.`, "List more approvers or lower the count.");
    }
  }
}

function resolve(p: PolicyDoc): Policy {
  const d = p.defaults ?? {};
  const groups = p.groups ?? {};
  const resources = new Map<string, Resource>();
  for (const [id, r] of Object.entries(p.resources)) resources.set(id, resolveResource(id, r, d));
  const policy: Policy = { admins: p.admins, groups, resources, anomalies: resolveAnomalies(p.anomalies ?? {}) };
  const minutesOf = (v: string | undefined) => (v !== undefined ? parseDuration(v) : undefined);
  const driftBoundMinutes = minutesOf(p.reconcile?.driftBound);
  const sweepEveryMinutes = minutesOf(p.reconcile?.sweepEvery);
  const reconcile = { ...(driftBoundMinutes ? { driftBoundMinutes } : {}), ...(sweepEveryMinutes ? { sweepEveryMinutes } : {}) };
  if (Object.keys(reconcile).length) policy.reconcile = reconcile;
  const every = p.reviews?.every !== undefined ? parseDuration(p.reviews.every) : undefined;
  if (every) policy.reviewEveryMinutes = every;
  return policy;
}

/** A YYYY-MM-DD that names a real day. */
function isCalendarDate(text: string): boolean {
  const t = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === text;
}

function resolveAnomalies(a: AnomaliesDoc): AnomalyThresholds {
  const D = ANOMALY_DEFAULTS;
  const minutes = (v: string | undefined, fallback: string) => parseDuration(v ?? fallback) ?? 0;
  const out: AnomalyThresholds = {};
  const fe = a.frequentElevation;
  if (fe?.enabled !== false) out.frequentElevation = { days: fe?.days ?? D.frequentElevation.days, windowMinutes: minutes(fe?.window, D.frequentElevation.window) };
  const ac = a.approverConcentration;
  if (ac?.enabled !== false) out.approverConcentration = { share: ac?.share ?? D.approverConcentration.share, minLeases: ac?.minLeases ?? D.approverConcentration.minLeases, windowMinutes: minutes(ac?.window, D.approverConcentration.window) };
  const bg = a.breakGlassFrequency;
  if (bg?.enabled !== false) out.breakGlassFrequency = { max: bg?.max ?? D.breakGlassFrequency.max, windowMinutes: minutes(bg?.window, D.breakGlassFrequency.window) };
  const lt = a.longTotal;
  if (lt?.enabled !== false) out.longTotal = { perMonthMinutes: minutes(lt?.perMonth, D.longTotal.perMonth) };
  return out;
}

function resolveResource(id: string, r: ResourceDoc, d: Settings): Resource {
  const pick = <K extends keyof Settings>(k: K): Settings[K] => (r[k] !== undefined ? r[k] : d[k]);
  const minutes = (v: string | undefined, fallback: string) => parseDuration(v ?? fallback) ?? 0;
  const maxDurationMinutes = minutes(pick("maxDuration"), BUILT_IN_DEFAULTS.maxDuration);
  const maxExtensions = pick("maxExtensions") ?? BUILT_IN_DEFAULTS.maxExtensions;
  const total = pick("maxTotalDuration");
  const bg = pick("breakGlass");
  const requiredApprovals = pick("requiredApprovals") ?? BUILT_IN_DEFAULTS.requiredApprovals;
  const res: Resource = {
    id,
    provider: r.provider,
    roles: r.roles,
    approvalRules: r.approvals
      ? r.approvals.map((a) => ({ from: a.from, count: a.count ?? 1 }))
      : [{ from: r.approvers ?? [], count: requiredApprovals }],
    standing: r.standing ?? [],
    maxDurationMinutes,
    requireTicket: pick("requireTicket") ?? BUILT_IN_DEFAULTS.requireTicket,
    minReasonLength: pick("minReasonLength") ?? BUILT_IN_DEFAULTS.minReasonLength,
    maxScheduleAheadMinutes: minutes(pick("maxScheduleAhead"), BUILT_IN_DEFAULTS.maxScheduleAhead),
    maxExtensions,
    maxTotalDurationMinutes: total !== undefined ? minutes(total, "0m") : maxDurationMinutes * (1 + maxExtensions),
    allowRequestFor: pick("allowRequestFor") ?? BUILT_IN_DEFAULTS.allowRequestFor,
    breakGlass: {
      allowed: bg?.allowed ?? false,
      maxDurationMinutes: minutes(bg?.maxDuration, BUILT_IN_DEFAULTS.breakGlassMaxDuration),
      reviewWithinMinutes: minutes(bg?.reviewWithin, BUILT_IN_DEFAULTS.breakGlassReviewWithin),
    },
    mode: pick("mode") ?? BUILT_IN_DEFAULTS.mode,
    revocation: pick("revocation") ?? BUILT_IN_DEFAULTS.revocation,
    remindBeforeMinutes: minutes(pick("remindBefore"), BUILT_IN_DEFAULTS.remindBefore),
    extendAfter: pick("extendAfter") ?? BUILT_IN_DEFAULTS.extendAfter,
    requireTwoFactor: pick("requireTwoFactor") ?? BUILT_IN_DEFAULTS.requireTwoFactor,
    autoApprove: (r.autoApprove ?? []).map((a) => ({
      name: a.name,
      requesters: a.requesters,
      roles: a.roles ?? r.roles,
      maxDurationMinutes: a.maxDuration !== undefined ? minutes(a.maxDuration, "0m") : maxDurationMinutes,
      ...(a.schedule ? { schedule: a.schedule } : {}),
      ...(a.maxPerWeek !== undefined ? { maxPerWeek: a.maxPerWeek } : {}),
    })),
  };
  if (r.description !== undefined) res.description = r.description;
  const requesters = pick("requesters");
  if (requesters !== undefined) res.requesters = requesters;
  const ticketPattern = pick("ticketPattern");
  if (ticketPattern !== undefined) res.ticketPattern = ticketPattern;
  const schedule = pick("schedule");
  if (schedule !== undefined) res.schedule = schedule;
  return res;
}
