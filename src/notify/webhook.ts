/**
 * Notifications to a webhook (e.g. a Slack incoming webhook): JSON with a Slack-compatible
 * `text` plus the event's fields. Sent best-effort with a short timeout: a failing webhook
 * is reported, never allowed to block a grant or a revoke.
 */
export type NotificationKind = "granted" | "revoked" | "reminder" | "finding" | "failed" | "break-glass" | "request" | "approval" | "extension";

export interface Notification {
  kind: NotificationKind;
  text: string;
  lease?: string;
  resource?: string;
  grantee?: string;
  role?: string;
  pullRequest?: number;
  /** When the lease ends (request, extension: the new end), RFC 3339. */
  expires?: string;
  /** An extension: when the lease ended before it. */
  previousExpires?: string;
  /** A request: who opened the pull request, why, and whether it passed validation. */
  requester?: string;
  reason?: string;
  valid?: boolean;
  /** An approval or extension: who approved. */
  approvedBy?: string[];
  /** A revoked drift grant: lease holders who could have added it by hand (times RFC 3339). */
  couldBeAddedBy?: Array<{ lease: string; resource: string; grantee: string; role: string; from: string; until: string; stillHeld?: boolean }>;
  /** An audit finding: its code and stable key (anomalies, overdue reviews). */
  code?: string;
  key?: string;
  at: string;
}

export interface Notifier {
  notify(n: Notification): Promise<void>;
  /** Deliveries that failed (for the job summary). */
  failures: string[];
}

export function createNotifier(url: string | undefined, opts: { timeoutMs?: number; repository?: string } = {}): Notifier {
  const failures: string[] = [];
  return {
    failures,
    async notify(n) {
      if (!url) return;
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "user-agent": "jit-access" },
          body: JSON.stringify({ ...n, ...(opts.repository ? { repository: opts.repository } : {}), event: `jit-access.${n.kind}` }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
        });
        if (!res.ok) failures.push(`${n.kind}: webhook answered ${res.status}`);
      } catch (e) {
        failures.push(`${n.kind}: ${(e as Error).message}`);
      }
    },
  };
}
