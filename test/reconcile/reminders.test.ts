// Which reminders are due: within remindBefore of the end, only for leases with a pull request.
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { dueReminders, reminderMarker } from "../../src/reconcile/reminders.js";

const policy = loadPolicy(
  "policy.yaml",
  Buffer.from(`version: 1
admins: [carol]
defaults:
  remindBefore: 30m
resources:
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    approvers: [dana]
    maxExtensions: 1
  quiet:
    provider: { type: github-team, org: acme, team: quiet }
    roles: [member]
    approvers: [dana]
`),
).policy!;
const END = Date.parse("2026-11-24T12:00:00Z");
const lease = (over: Record<string, unknown> = {}) => ({ path: "leases/db/zed.yaml", resource: "db", grantee: "zed", role: "member", end: END, pullRequest: 7, ...over });
const at = (minutesBefore: number) => END - minutesBefore * 60_000;

describe("dueReminders", () => {
  it("is due inside the window only", () => {
    expect(dueReminders([lease()], policy, at(31))).toEqual([]);
    expect(dueReminders([lease()], policy, at(30))).toHaveLength(1);
    expect(dueReminders([lease()], policy, at(1))).toHaveLength(1);
    expect(dueReminders([lease()], policy, at(0))).toEqual([]);
  });

  it("mentions the grantee, says how to extend, and carries a marker unique to this window", () => {
    const [r] = dueReminders([lease()], policy, at(10));
    expect(r!.pullRequest).toBe(7);
    expect(r!.marker).toBe(reminderMarker("leases/db/zed.yaml", END));
    expect(r!.body).toContain("@zed");
    expect(r!.body).toMatch(/To extend it, open a pull request that changes `duration` or `expires` in `leases\/db\/zed.yaml`/);
    // An extension moves the end, so a new window gets a new reminder.
    expect(dueReminders([lease({ end: END + 3_600_000 })], policy, at(10) + 3_600_000)[0]!.marker).not.toBe(r!.marker);
  });

  it("says when a resource allows no extension, and skips leases without a pull request", () => {
    expect(dueReminders([lease({ resource: "quiet", path: "leases/quiet/zed.yaml" })], policy, at(5))[0]!.body).toMatch(/allows no extensions/);
    expect(dueReminders([lease({ pullRequest: undefined })], policy, at(5))).toEqual([]);
  });
});
