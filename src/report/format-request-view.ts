/**
 * The leases a pull request adds or extends as the parsers read them (validate/request-view.ts),
 * for the sticky comment: a table per lease — grantee, resource, role, start and end in UTC,
 * duration, ticket, requester, break-glass — and the reason as a code block. Every value from
 * the lease or the pull request is rendered as code (markdown-text.ts): it cannot add
 * Markdown, HTML, links, images, mentions or comment markers of its own.
 */
import { formatDuration } from "../lease/duration.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { RequestView, ViewEnd, ViewStart } from "../validate/request-view.js";
import { cellCode, clip, codeBlock, inlineCode } from "./markdown-text.js";

/** The schema's limits (reason 1000, ticket 200, role 100 characters), so no view can outgrow a comment. */
const MAX_REASON = 1000;
const MAX_FIELD = 200;
/** Room for the views in one comment (GitHub allows 65,536 characters); later views are named only. */
export const VIEWS_BUDGET = 40_000;

const t = (ms: number) => formatTimestamp(ms);

function start(s: ViewStart): string {
  switch (s.kind) {
    case "at":
      return s.why === "granted" ? `${t(s.at)} (when it was granted)` : `${t(s.at)} (notBefore; at the merge if that is later)`;
    case "merge":
      return `when merged and granted (if merged now: ${t(s.ifNow)})`;
    case "break-glass":
      return `**at once, before approval** (break-glass: when the break-glass job runs, about ${t(s.ifNow)})`;
    case "unknown":
      return "when it was granted (not known: the base branch's history was not available)";
    case "unreadable":
      return `${cellCode(clip(s.text, MAX_FIELD))} (not a valid time: see the findings)`;
  }
}

function end(e: ViewEnd, s: ViewStart): string {
  switch (e.kind) {
    case "at":
      return t(e.at);
    case "after-start":
      return `${formatDuration(e.minutes)} after the start${e.ifNow !== undefined ? ` (${s.kind === "break-glass" ? "if granted" : "if merged"} now: ${t(e.ifNow)})` : ""}`;
    case "unreadable":
      return `${cellCode(clip(e.text, MAX_FIELD))} (not a valid end: see the findings)`;
  }
}

function duration(v: RequestView): string {
  if (v.minutes === undefined) return "—";
  const estimate = v.end.kind === "at" && (v.start.kind === "merge" || v.start.kind === "break-glass");
  return `${formatDuration(v.minutes)}${estimate ? ` (if ${v.start.kind === "break-glass" ? "granted" : "merged"} now)` : ""}`;
}

/** One lease's view: heading, table, reason. */
export function formatRequestView(file: string, v: RequestView): string {
  const rows: Array<[string, string]> = [
    ["Grantee", cellCode(v.grantee)],
    ["Resource", cellCode(v.resource)],
    ["Role", cellCode(clip(v.role, MAX_FIELD))],
    ["Starts (UTC)", start(v.start)],
  ];
  if (v.change === "extension") {
    rows.push(["Ends now (UTC)", v.previousEnd !== undefined ? t(v.previousEnd) : "not known (the base branch's history was not available)"]);
    rows.push(["New end (UTC)", end(v.end, v.start)]);
    if (v.previousEnd !== undefined && v.end.kind === "at") rows.push(["Extended by", formatDuration(Math.round((v.end.at - v.previousEnd) / 60_000))]);
    rows.push(["Total duration", duration(v)]);
  } else {
    rows.push(["Ends (UTC)", end(v.end, v.start)]);
    rows.push(["Duration", duration(v)]);
  }
  rows.push(
    ["Ticket", v.ticket !== undefined ? cellCode(clip(v.ticket, MAX_FIELD)) : "—"],
    ["Requester", v.requester !== undefined ? cellCode(v.requester) : "not established (see the findings)"],
    ["Break-glass", v.breakGlass ? "**yes**: granted when the pull request is opened, before approval; it must be approved and merged in time" : "no"],
  );
  return [
    `**${v.change === "extension" ? "Extension of" : "New lease"}** ${inlineCode(file)}`,
    "",
    "| Field | Value |",
    "| --- | --- |",
    ...rows.map(([k, val]) => `| ${k} | ${val} |`),
    "",
    "Reason:",
    "",
    codeBlock(clip(v.reason, MAX_REASON)),
  ].join("\n");
}

/** Every view, as long as they fit in `budget` characters (the first always does); the rest are named. */
export function formatRequestViews(views: Array<{ file: string; view: RequestView }>, budget = VIEWS_BUDGET): string[] {
  if (views.length === 0) return [];
  const lines = ["#### What this pull request asks for", "", "As jit-access reads the files: this is what is granted when it is approved and merged, whatever a diff viewer shows.", ""];
  let used = 0;
  const left: string[] = [];
  for (const { file, view } of views) {
    const text = formatRequestView(file, view);
    if (used > 0 && used + text.length > budget) {
      left.push(file);
      continue;
    }
    used += text.length;
    lines.push(text, "");
  }
  if (left.length) lines.push(`Not shown here (too long for one comment), read them as text: ${left.map((f) => inlineCode(f)).join(", ")}.`, "");
  return lines;
}
