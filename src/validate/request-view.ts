/**
 * What a lease change asks for, as the parsers read it — who, what, when, why — for the
 * reviewers' comment: they approve what apply will grant, not what a diff viewer showed them
 * (a viewer may hide a file as "binary", fold it, or show characters it does not draw).
 * Pure: the lease, the lease it replaces and its history, who asks and the time are passed in.
 */
import { MINUTE_MS, parseDuration } from "../lease/duration.js";
import type { Lease } from "../lease/lease.js";
import { parseTimestamp } from "../lease/timestamp.js";
import { leaseWindow } from "./check-lease.js";
import type { LeaseHistory } from "./inputs.js";

/** When the access starts. */
export type ViewStart =
  /** At an instant known now: notBefore, or an extended lease's grant. */
  | { kind: "at"; at: number; why: "notBefore" | "granted" }
  /** When the pull request is merged and apply grants it; `ifNow` if that were now. */
  | { kind: "merge"; ifNow: number }
  /** At once, before approval (break-glass), when the break-glass job runs on this pull request. */
  | { kind: "break-glass"; ifNow: number }
  /** An extended lease's grant, when the base branch's history was not available. */
  | { kind: "unknown" }
  /** The lease's notBefore is not a time the rules accept (the report says why). */
  | { kind: "unreadable"; text: string };

/** When the access ends. */
export type ViewEnd =
  | { kind: "at"; at: number }
  /** A duration after a start that is not known yet; `ifNow` when merged (or granted) now. */
  | { kind: "after-start"; minutes: number; ifNow?: number }
  | { kind: "unreadable"; text: string };

export interface RequestView {
  change: "new" | "extension";
  grantee: string;
  resource: string;
  role: string;
  reason: string;
  ticket?: string;
  breakGlass: boolean;
  /** Who asks: the pull request's author, or the request form's signed actor; undefined when not established. */
  requester?: string;
  start: ViewStart;
  end: ViewEnd;
  /** The window's length in minutes, when it can be told. */
  minutes?: number;
  /** For an extension: the end in force now (undefined when the base branch's history was not available). */
  previousEnd?: number;
}

export interface ViewContext {
  change: "new" | "extension";
  now: number;
  requester?: string;
  previous?: Lease;
  history?: LeaseHistory;
}

export function requestView(lease: Lease, c: ViewContext): RequestView {
  const view = {
    change: c.change,
    grantee: lease.grantee,
    resource: lease.resource,
    role: lease.role,
    reason: lease.reason,
    ...(lease.ticket !== undefined ? { ticket: lease.ticket } : {}),
    breakGlass: lease.breakGlass === true,
    ...(c.requester !== undefined ? { requester: c.requester } : {}),
  };
  const notBefore = lease.notBefore !== undefined ? parseTimestamp(lease.notBefore) : undefined;
  const expires = lease.expires !== undefined ? parseTimestamp(lease.expires) : undefined;
  const duration = lease.duration !== undefined ? parseDuration(lease.duration) : undefined;
  const unreadableEnd = (lease.expires !== undefined && expires === undefined) || (lease.duration !== undefined && duration === undefined);
  const end = (start: number): ViewEnd =>
    unreadableEnd ? { kind: "unreadable", text: lease.expires ?? lease.duration ?? "" } : expires !== undefined ? { kind: "at", at: expires } : { kind: "at", at: start + (duration ?? 0) * MINUTE_MS };
  const length = (start: number, e: ViewEnd): number | undefined => (e.kind === "at" ? Math.max(0, Math.round((e.at - start) / MINUTE_MS)) : undefined);

  // An extension: the window started at the grant (the base branch's history says when).
  if (c.change === "extension" && c.history) {
    const granted = leaseWindow(c.previous ?? lease, c.history.addedAt).start;
    const e = end(granted);
    const before = c.previous ? leaseWindow(c.previous, c.history.addedAt).end : undefined;
    return { ...view, start: { kind: "at", at: granted, why: "granted" }, end: e, ...withMinutes(length(granted, e)), ...(before !== undefined ? { previousEnd: before } : {}) };
  }
  if (c.change === "extension") {
    const e: ViewEnd = unreadableEnd ? { kind: "unreadable", text: lease.expires ?? lease.duration ?? "" } : expires !== undefined ? { kind: "at", at: expires } : { kind: "after-start", minutes: duration ?? 0 };
    return { ...view, start: { kind: "unknown" }, end: e, ...(e.kind === "after-start" ? { minutes: e.minutes } : {}) };
  }
  if (lease.notBefore !== undefined && notBefore === undefined) {
    return { ...view, start: { kind: "unreadable", text: lease.notBefore }, end: unreadableEnd || expires === undefined ? { kind: "unreadable", text: lease.expires ?? lease.duration ?? "" } : { kind: "at", at: expires } };
  }
  if (notBefore !== undefined) {
    const e = end(notBefore);
    return { ...view, start: { kind: "at", at: notBefore, why: "notBefore" }, end: e, ...withMinutes(length(notBefore, e)) };
  }
  // Starts when granted: at merge, or at once for break-glass.
  const start: ViewStart = view.breakGlass ? { kind: "break-glass", ifNow: c.now } : { kind: "merge", ifNow: c.now };
  if (expires !== undefined || unreadableEnd) {
    const e = end(c.now);
    return { ...view, start, end: e, ...withMinutes(length(c.now, e)) };
  }
  const minutes = duration ?? 0;
  return { ...view, start, end: { kind: "after-start", minutes, ifNow: c.now + minutes * MINUTE_MS }, minutes };
}

function withMinutes(m: number | undefined): { minutes?: number } {
  return m !== undefined ? { minutes: m } : {};
}
