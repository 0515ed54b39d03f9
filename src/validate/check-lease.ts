/**
 * The policy rules for one lease. Pure: the lease, the base policy, who asks, what the API
 * said about teams, and the time are all passed in.
 *
 * kind "new": a lease added by this pull request — every rule, including the ones that
 *   depend on when and by whom it is asked (start time, schedule, requester, grantee).
 * kind "extension": an existing lease whose expiry this pull request moves — only a later
 *   expiry is allowed, within maxExtensions and maxTotalDuration.
 * kind "existing": a lease already on the branch (repo-wide check) — the rules that do not
 *   depend on the moment of the request.
 */
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../document/parse-yaml.js";
import { MINUTE_MS, formatDuration, parseDuration } from "../lease/duration.js";
import type { Lease } from "../lease/lease.js";
import { formatTimestamp, parseTimestamp } from "../lease/timestamp.js";
import { isAmong, isOrgMember } from "../policy/people.js";
import type { Facts, Tri } from "../policy/people.js";
import { resourceOrg } from "../policy/policy.js";
import type { Policy, Resource } from "../policy/policy.js";
import { describeSchedule, withinSchedule } from "../policy/schedule.js";
import type { LeaseHistory } from "./inputs.js";

/** How far in the past notBefore may be, to allow for clock skew and slow reviews of the CI run. */
export const NOT_BEFORE_SKEW_MS = 5 * MINUTE_MS;
export const NOT_CHECKED = "check-not-made";

/** new and extension: a pull request; existing: a lease on main; start: a scheduled lease at its start (who may request it is checked again, timing is not). */
export type RequestKind = "new" | "extension" | "existing" | "start";

export interface LeaseContext {
  file: string;
  doc: ParsedYaml;
  lease: Lease;
  /** The folder the file is in (leases/<folder>/...). */
  folder: string;
  policy: Policy;
  kind: RequestKind;
  now: number;
  author?: string;
  facts: Facts;
  /** For extensions: the lease as it is on the base branch, and its history there. */
  previous?: Lease;
  history?: LeaseHistory;
}

/** Start and end of a lease's access window. */
export function leaseWindow(lease: Lease, grantedAt: number): { start: number; end: number } {
  const notBefore = lease.notBefore !== undefined ? parseTimestamp(lease.notBefore) : undefined;
  const start = Math.max(grantedAt, notBefore ?? grantedAt);
  const end = lease.duration !== undefined ? start + (parseDuration(lease.duration) ?? 0) * MINUTE_MS : (parseTimestamp(lease.expires ?? "") ?? start);
  return { start, end };
}

export function checkLease(ctx: LeaseContext): Diagnostic[] {
  const { file, doc, lease, policy, kind, now } = ctx;
  const out: Diagnostic[] = [];
  const at = (field: keyof Lease | "") => doc.locate(field ? `/${field}` : "");
  const add = (code: string, field: keyof Lease | "", message: string, hint?: string) => out.push(diagnostic(code, file, at(field), message, hint));
  const notChecked = (field: keyof Lease | "", message: string, hint: string) =>
    out.push(diagnostic(NOT_CHECKED, file, at(field), `Not checked: ${message}`, hint, "warning"));

  const resource = policy.resources.get(lease.resource);
  if (lease.resource !== ctx.folder) {
    add("lease-folder-mismatch", "resource", `Lease is in leases/${ctx.folder}/ but names resource '${lease.resource}'.`, `Move the file to leases/${lease.resource}/ or set resource: ${ctx.folder}.`);
  }
  if (!resource) {
    const known = [...policy.resources.keys()].sort().join(", ");
    add("lease-unknown-resource", "resource", `Resource '${lease.resource}' is not in the policy.`, `Use one of: ${known}.`);
    return out;
  }
  if (!resource.roles.includes(lease.role)) {
    add("lease-role-not-allowed", "role", `Role '${lease.role}' cannot be requested for ${resource.id}.`, `Use one of: ${resource.roles.join(", ")}.`);
  }

  checkText(lease, resource, add);
  checkBreakGlass(lease, resource, add);

  if (kind === "extension") {
    checkExtension(ctx, resource, add, notChecked);
  } else {
    checkTiming(lease, resource, kind === "start" ? "existing" : kind, now, add);
  }
  if (kind !== "existing") checkWho(ctx, resource, add, notChecked);
  return out;
}

type Add = (code: string, field: keyof Lease | "", message: string, hint?: string) => void;
type NotChecked = (field: keyof Lease | "", message: string, hint: string) => void;

function checkText(lease: Lease, r: Resource, add: Add) {
  const reason = lease.reason.trim();
  if (reason.length < r.minReasonLength) {
    add("lease-reason-too-short", "reason", `Reason is ${reason.length} characters; ${r.id} needs at least ${r.minReasonLength}.`, "Say what you will do and why, e.g. 'Rotate prod credentials for INC-1234'.");
  }
  if (lease.ticket === undefined) {
    if (r.requireTicket) add("lease-ticket-required", "", `${r.id} requires a ticket.`, `Add 'ticket:'${r.ticketPattern ? ` matching ${r.ticketPattern}` : ""}.`);
  } else if (r.ticketPattern !== undefined && !new RegExp(`^(?:${r.ticketPattern})$`, "u").test(lease.ticket)) {
    add("lease-ticket-format", "ticket", `Ticket '${lease.ticket}' does not match ${r.id}'s pattern ${r.ticketPattern}.`, "Use the ticket id exactly as your tracker writes it.");
  }
}

function checkBreakGlass(lease: Lease, r: Resource, add: Add) {
  if (!lease.breakGlass) return;
  if (!r.breakGlass.allowed) {
    add("lease-break-glass-not-allowed", "breakGlass", `${r.id} does not allow break-glass access.`, "Remove 'breakGlass: true' and wait for approval.");
  }
}

/** Length and placement of the window for new and existing leases. */
function checkTiming(lease: Lease, r: Resource, kind: RequestKind, now: number, add: Add) {
  const notBefore = lease.notBefore !== undefined ? parseTimestamp(lease.notBefore) : undefined;
  const expires = lease.expires !== undefined ? parseTimestamp(lease.expires) : undefined;
  for (const [field, text, ms] of [["notBefore", lease.notBefore, notBefore], ["expires", lease.expires, expires]] as const) {
    if (text !== undefined && ms === undefined) {
      add("lease-naive-or-invalid-time", field, `${field} '${text}' is not a valid RFC 3339 time with an explicit offset.`, "Write it like 2026-11-24T12:00:00Z or 2026-11-24T13:00:00+01:00.");
      return;
    }
  }
  const max = lease.breakGlass && r.breakGlass.allowed ? Math.min(r.breakGlass.maxDurationMinutes, r.maxDurationMinutes) : r.maxDurationMinutes;
  const maxWhat = lease.breakGlass && r.breakGlass.allowed ? "break-glass maximum" : "maxDuration";

  if (lease.duration !== undefined) {
    const minutes = parseDuration(lease.duration) ?? 0;
    if (minutes <= 0) add("lease-duration-zero", "duration", "Duration must be longer than zero.", "Use e.g. 30m, 4h or 1d.");
    else if (minutes > max) add("lease-duration-too-long", "duration", `Duration ${lease.duration} is longer than ${r.id}'s ${maxWhat} of ${formatDuration(max)}.`, `Ask for ${formatDuration(max)} or less; extend later if needed.`);
  }
  if (notBefore !== undefined && expires !== undefined && notBefore >= expires) {
    add("lease-not-before-after-expiry", "notBefore", `notBefore (${lease.notBefore}) is not before expires (${lease.expires}).`, "Start before the lease ends.");
  }
  if (kind !== "new") return;

  const start = Math.max(now, notBefore ?? now);
  if (notBefore !== undefined) {
    if (notBefore < now - NOT_BEFORE_SKEW_MS) {
      add("lease-not-before-past", "notBefore", `notBefore ${lease.notBefore} is in the past (now is ${formatTimestamp(now)}).`, "Remove notBefore to start at merge, or pick a future time.");
    } else if (notBefore - now > r.maxScheduleAheadMinutes * MINUTE_MS) {
      add("lease-not-before-too-far", "notBefore", `notBefore is more than ${formatDuration(r.maxScheduleAheadMinutes)} ahead, ${r.id}'s maxScheduleAhead.`, "Request closer to the time you need the access.");
    }
  }
  if (expires !== undefined) {
    if (expires <= now) {
      add("lease-expires-past", "expires", `expires ${lease.expires} is not in the future (now is ${formatTimestamp(now)}).`, "Pick a later time or use 'duration'.");
    } else {
      const minutes = Math.ceil((expires - start) / MINUTE_MS);
      if (minutes > max) {
        add("lease-duration-too-long", "expires", `expires ${lease.expires} is ${formatDuration(minutes)} after ${notBefore !== undefined ? "notBefore" : "now"}, longer than ${r.id}'s ${maxWhat} of ${formatDuration(max)}.`, `End by ${formatTimestamp(start + max * MINUTE_MS)} or earlier.`);
      }
    }
  }
  if (r.schedule && !withinSchedule(start, r.schedule)) {
    add("lease-outside-schedule", notBefore !== undefined ? "notBefore" : "", `${r.id} accepts requests starting only in ${describeSchedule(r.schedule)}; this one starts ${formatTimestamp(start)}.`, "Request within the schedule, or set notBefore to a time inside it.");
  }
}

/** An existing lease may only move its expiry later, within the resource's limits. */
function checkExtension(ctx: LeaseContext, r: Resource, add: Add, notChecked: NotChecked) {
  const { lease, previous, history, now } = ctx;
  if (!previous) return;
  for (const field of ["grantee", "resource", "role", "notBefore", "breakGlass"] as const) {
    if ((lease[field] ?? null) !== (previous[field] ?? null)) {
      add("lease-immutable-field", field === "resource" ? "resource" : field, `'${field}' of an existing lease cannot change (was ${JSON.stringify(previous[field] ?? null)}).`, "Open a new lease for different access; only duration/expires can be extended.");
    }
  }
  if (lease.duration !== undefined && (parseDuration(lease.duration) ?? 0) <= 0) {
    add("lease-duration-zero", "duration", "Duration must be longer than zero.", "To end access early, delete the lease file instead.");
    return;
  }
  if (previous.breakGlass) {
    add("lease-break-glass-extension", lease.duration !== undefined ? "duration" : "expires", "Break-glass access cannot be extended.", "Open a normal lease and have it approved.");
    return;
  }
  const field: keyof Lease = lease.duration !== undefined ? "duration" : "expires";
  if (!history) {
    notChecked(field, "the extension limits (maxExtensions, maxTotalDuration) need the lease's history on the base branch.", "Fetch the full history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).");
    return;
  }
  const before = leaseWindow(previous, history.addedAt);
  const after = leaseWindow(lease, history.addedAt);
  if (before.end <= now) {
    add("lease-extension-expired", field, `This lease expired at ${formatTimestamp(before.end)}; an expired lease cannot be extended.`, "Open a new lease.");
    return;
  }
  if (after.end <= before.end) {
    add("lease-extension-not-longer", field, `The new expiry ${formatTimestamp(after.end)} is not later than the current one ${formatTimestamp(before.end)}.`, "A change to a lease may only extend it; delete the file to end access early.");
    return;
  }
  if (history.extensions + 1 > r.maxExtensions) {
    add("lease-too-many-extensions", field, `${r.id} allows ${r.maxExtensions} extension(s); this lease has had ${history.extensions}.`, "Open a new lease instead.");
  }
  const total = Math.ceil((after.end - before.start) / MINUTE_MS);
  if (total > r.maxTotalDurationMinutes) {
    add("lease-total-duration-exceeded", field, `With this extension the lease would last ${formatDuration(total)} in total, over ${r.id}'s maxTotalDuration of ${formatDuration(r.maxTotalDurationMinutes)}.`, `End by ${formatTimestamp(before.start + r.maxTotalDurationMinutes * MINUTE_MS)} or earlier.`);
  }
  if (r.extendAfter > 0) {
    const earliest = before.start + (before.end - before.start) * r.extendAfter;
    if (now < earliest) {
      add("lease-extension-too-early", field, `${r.id} allows extensions only after ${Math.round(r.extendAfter * 100)}% of the window has passed (from ${formatTimestamp(earliest)}).`, "Ask again later.");
    }
  }
}

/** Who may ask, and for whom. */
function checkWho(ctx: LeaseContext, r: Resource, add: Add, notChecked: NotChecked) {
  const { author, lease, policy, facts } = ctx;
  if (author === undefined) {
    notChecked("grantee", "requester and grantee rules need the pull request author.", "Pass --author LOGIN.");
    return;
  }
  const org = resourceOrg(r.provider);
  const allowed: Tri = r.requesters ? isAmong(author, r.requesters, policy.groups, facts) : isOrgMember(author, org, facts);
  const who = r.requesters ? `${r.id}'s requesters (${r.requesters.join(", ")})` : `members of the ${org} organization`;
  if (allowed === false) add("lease-requester-not-allowed", "grantee", `${author} may not request ${r.id}: only ${who} may.`, "Ask someone who may, or ask the policy admins.");
  else if (allowed === "unknown") notChecked("grantee", `whether ${author} is among ${who} (team membership was not looked up).`, "Run with a GitHub token (GITHUB_TOKEN or --token) so teams can be resolved.");

  if (lease.grantee.toLowerCase() === author.toLowerCase()) return;
  const rf = r.allowRequestFor;
  if (rf === false) {
    add("lease-grantee-not-author", "grantee", `The grantee (${lease.grantee}) must be the pull request's author (${author}).`, `${r.id} does not allow requests on behalf of others; ${lease.grantee} should open the pull request.`);
  } else if (Array.isArray(rf)) {
    const ok = isAmong(lease.grantee, rf, policy.groups, facts);
    if (ok === false) add("lease-grantee-not-allowed", "grantee", `${author} may not request access for ${lease.grantee}: ${r.id} allows requests for others only for ${rf.join(", ")}.`, `${lease.grantee} should open the pull request.`);
    else if (ok === "unknown") notChecked("grantee", `whether ${lease.grantee} is among ${rf.join(", ")}.`, "Run with a GitHub token so teams can be resolved.");
  }
}
