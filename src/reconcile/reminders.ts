/**
 * Which grantees to remind that their access ends soon: active leases within their
 * resource's `remindBefore` of the end. Pure; the marker makes each reminder findable, so it
 * is posted once however many runs see it due.
 */
import { formatDuration, MINUTE_MS } from "../lease/duration.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { Policy } from "../policy/policy.js";

export interface ActiveLease {
  path: string;
  resource: string;
  grantee: string;
  role: string;
  end: number;
  pullRequest?: number;
}

export interface Reminder {
  pullRequest: number;
  marker: string;
  body: string;
}

export function reminderMarker(path: string, end: number): string {
  return `<!-- jit-access:reminder ${path} ${formatTimestamp(end)} -->`;
}

export function dueReminders(active: ActiveLease[], policy: Policy, now: number): Reminder[] {
  const out: Reminder[] = [];
  for (const l of active) {
    const r = policy.resources.get(l.resource);
    if (!r || l.pullRequest === undefined || r.remindBeforeMinutes <= 0) continue;
    const left = l.end - now;
    if (left <= 0 || left > r.remindBeforeMinutes * MINUTE_MS) continue;
    const marker = reminderMarker(l.path, l.end);
    const extend =
      r.maxExtensions > 0
        ? `To extend it, open a pull request that changes \`duration\` or \`expires\` in \`${l.path}\` (up to ${r.maxExtensions} extension(s), ${formatDuration(r.maxTotalDurationMinutes)} in total); it needs approval again.`
        : `${r.id} allows no extensions: open a new lease if you still need access.`;
    out.push({ pullRequest: l.pullRequest, marker, body: `${marker}\n⏰ @${l.grantee}: your ${l.role} access on **${l.resource}** ends at ${formatTimestamp(l.end)} (in ${formatDuration(Math.ceil(left / MINUTE_MS))}). ${extend}\nTo give it up now, delete the lease file in a pull request.` });
  }
  return out;
}
