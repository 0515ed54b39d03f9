/**
 * The title and body of the pull request the request form opens: who asked, for what, for
 * how long, why, the ticket, and how approval and granting work. The requester's text is
 * shown as data (code: markdown-text.ts), never as markdown.
 */
import type { Lease } from "../lease/lease.js";
import type { Policy, Resource } from "../policy/policy.js";
import { cellCode as code, codeBlock as fenced } from "./markdown-text.js";

export const REQUEST_MARKER = "<!-- jit-access:request -->";

export interface RequestSummary {
  actor: string;
  lease: Lease;
  path: string;
  resource: Resource;
  policy: Policy;
  runUrl?: string;
}

/** One line, at most 256 characters (GitHub's limit for titles). */
export function requestTitle(s: RequestSummary): string {
  const how = s.lease.duration ? ` for ${s.lease.duration}` : s.lease.expires ? ` until ${s.lease.expires}` : "";
  const ticket = s.lease.ticket ? ` (${s.lease.ticket})` : "";
  return `Access request: ${s.actor} → ${s.lease.role} on ${s.lease.resource}${how}${ticket}`.replace(/[\r\n]+/g, " ").slice(0, 256);
}

function who(entry: string, groups: Record<string, string[]>): string {
  if (entry.startsWith("group:")) {
    const members = groups[entry.slice(6)] ?? [];
    return `${entry} (${members.map((m) => (m.startsWith("@") ? m : `@${m}`)).join(", ")})`;
  }
  return entry.startsWith("@") ? entry : `@${entry}`;
}

export function requestBody(s: RequestSummary): string {
  const { lease, resource, policy, actor } = s;
  const when = lease.notBefore ? `from ${lease.notBefore}` : "from when this pull request is merged and granted";
  const length = lease.duration ? `${lease.duration}, ${when}` : `until ${lease.expires}${lease.notBefore ? `, from ${lease.notBefore}` : ""}`;
  const rules = resource.approvalRules.map((r) => `${r.count} from ${r.from.map((f) => who(f, policy.groups)).join(", ")}`);
  const lines = [
    REQUEST_MARKER,
    `**@${actor}** asks for **${lease.role}** on **${lease.resource}** through the request form${s.runUrl ? ` ([workflow run](${s.runUrl}))` : ""}.`,
    "",
    "| | |",
    "| --- | --- |",
    `| Requested by | @${actor} (the person who ran the form; this pull request is opened by the bot on their behalf) |`,
    `| Grantee | @${lease.grantee} |`,
    `| Resource | ${code(lease.resource)}${resource.description ? ` — ${code(resource.description)}` : ""} |`,
    `| Role | ${code(lease.role)} |`,
    `| For how long | ${length} |`,
    `| Ticket | ${lease.ticket ? code(lease.ticket) : "—"} |`,
    `| Lease file | ${code(s.path)} |`,
    "",
    "**Reason**",
    "",
    fenced(lease.reason),
    "",
    "### How approval works",
    "",
    `- Needs approval from ${rules.join(" and ")} — distinct people, never @${actor} themselves.`,
    "- The `jit-access / validate` check judges this request against the policy on the default branch; the approvers named in CODEOWNERS are asked for review.",
    `- When it is approved and merged, \`apply\` verifies the approvals again and grants the access; it is revoked when the time is up${lease.notBefore ? "" : " (measured from the merge)"}.`,
    "- To end it early, run the revoke-now workflow or delete the lease file in a pull request.",
    "",
    `> **Do not push to this branch.** The form signed this request for @${actor} (a note in \`refs/notes/jit\` on its commit). Any later change voids it (\`request-unbound\`): to change something, close this pull request and run the form again.`,
  ];
  return lines.join("\n") + "\n";
}
