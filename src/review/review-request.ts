/**
 * The access review's pull request: title and body, naming each standing entry due, when it
 * was last reviewed, and the approvers of its resource (mentioned, so GitHub tells them), with
 * the two choices: merge to remove, or push a new review date to keep. Pure.
 */
import { formatDuration } from "../lease/duration.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { StandingReview } from "./review-due.js";
import { daysOverdue } from "./review-due.js";

/** Marks the review's own commits (a trailer): only those are replaced by a later run. */
export const REVIEW_TRAILER = "Jit-Review: standing";

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/</g, "&lt;");
const mention = (ref: string) => (ref.startsWith("@") ? ref : `@${ref}`);

export function reviewTitle(due: readonly StandingReview[]): string {
  return `Access review: ${due.length} standing ${due.length === 1 ? "entry" : "entries"} due`;
}

export interface ReviewBodyInput {
  due: readonly StandingReview[];
  reviewers: (resource: string) => string[];
  policyPath: string;
  now: number;
  runUrl?: string;
  /** Reviewers pushed to the branch: it was left as they made it. */
  kept?: boolean;
}

export function reviewBody(i: ReviewBodyInput): string {
  const today = formatTimestamp(i.now).slice(0, 10);
  const out = [
    `Standing access in \`${i.policyPath}\` is due for its periodic review (as of ${today}). This pull request **removes** the entries below.`,
    "",
    "For each resource, its approvers decide:",
    "",
    "- **Remove**: approve and merge this pull request: the access is revoked by the next apply.",
    `- **Keep**: push a commit to this branch that puts the entry back with \`reviewed: "${today}"\` (and, if wanted, another \`reviewEvery\`), then merge. An entry kept this way is not proposed again until its next review falls due.`,
    "",
    `This changes \`${i.policyPath}\`: like any policy change it needs the approval of a policy admin to be in force.`,
    "",
  ];
  const byResource = new Map<string, StandingReview[]>();
  for (const e of i.due) byResource.set(e.resource, [...(byResource.get(e.resource) ?? []), e]);
  for (const [resource, entries] of byResource) {
    const who = i.reviewers(resource).map(mention);
    out.push(`### ${esc(resource)}`, "", who.length ? `Approvers: ${who.join(" ")}` : "No approvers are named for this resource: a policy admin decides.", "", "| Grantee | Role | Last reviewed | Every | Due |", "|---|---|---|---|---|");
    for (const e of entries) {
      const late = daysOverdue(e, i.now);
      const due = e.dueAt === undefined ? "never reviewed" : `${formatTimestamp(e.dueAt).slice(0, 10)}${late ? ` (${late} day${late === 1 ? "" : "s"} ago)` : ""}`;
      out.push(`| ${esc(e.grantee)} | ${esc(e.role)} | ${e.reviewed ?? "—"} | ${formatDuration(e.everyMinutes)} | ${due} |`);
    }
    out.push("");
  }
  if (i.kept) out.push("> Reviewers have pushed to this branch, so `jit review` left it as they made it. Entries that fell due since are listed above but are not in the diff; they will be proposed after this pull request is merged or closed.", "");
  out.push(`<sub>Opened by \`jit review\`${i.runUrl ? ` ([run](${i.runUrl}))` : ""}; the next run updates this pull request, and closes it when nothing is due.</sub>`);
  return out.join("\n") + "\n";
}
