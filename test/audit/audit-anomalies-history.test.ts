// Anomaly findings from a real git history: a grantee who leases the same database every
// working day for two weeks (frequent-elevation, long-total) and a standing entry whose review
// is overdue, shown in the Markdown and JSON reports; the previous audit's time tells new
// findings from those already reported.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAudit } from "../../src/commands/audit.js";
import { formatAuditJson } from "../../src/audit/format-json.js";
import { formatAuditMarkdown } from "../../src/audit/format-markdown.js";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { notifyFindings } from "../../src/action/notify-findings.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const POLICY = `version: 1
admins: [carol]
reviews: { every: 90d }
anomalies:
  frequentElevation: { days: 8, window: 14d }
  longTotal: { perMonth: 60h }
resources:
  prod-db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    maxDuration: 8h
    approvers: [dana]
    standing:
      # the on-call service account
      - { grantee: ops-bot, role: member, reviewed: "2026-07-01" }
`;
const NOW = Date.parse("2026-11-21T12:00:00Z");
let repo: TestRepo;

beforeAll(() => {
  repo = TestRepo.init({ fromExample: false });
  repo.write("policy.yaml", POLICY);
  repo.commitAll("access repo", "2026-11-01T08:00:00Z");
  // alice: an 8-hour lease every day from 2026-11-09 to 2026-11-20, the file removed when it ends.
  for (let d = 9; d <= 20; d++) {
    const day = `2026-11-${String(d).padStart(2, "0")}`;
    const path = `leases/prod-db/alice-${day}.yaml`;
    repo.write(path, lease({ grantee: "alice", resource: "prod-db", role: "member", duration: "8h", reason: "Daily reconciliation of the ledger" }));
    repo.commitAll(`Grant alice (#${d})`, `${day}T08:00:00Z`);
    repo.remove(path);
    repo.commitAll(`Expire ${path}`, `${day}T16:00:00Z`);
  }
});
const received: Array<Record<string, unknown>> = [];
const hook = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    received.push(JSON.parse(body) as Record<string, unknown>);
    res.writeHead(200).end();
  });
});
afterAll(async () => {
  repo.cleanup();
  await new Promise<void>((r) => hook.close(() => r()));
});

describe("anomalies from history", () => {
  it("flags frequent elevation, the monthly total and the overdue review, in Markdown and JSON", async () => {
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW });
    const codes = report.findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["standing-review-overdue", "frequent-elevation", "long-total"]));
    const fe = report.findings.find((f) => f.code === "frequent-elevation")!;
    expect(fe.message).toMatch(/^alice held member on prod-db on 12 of the last 14d \(threshold 8 days\)/);
    expect(report.findings.find((f) => f.code === "long-total")!.message).toMatch(/alice held access to prod-db for 4d in 2026-11/);
    expect(report.findings.find((f) => f.code === "standing-review-overdue")!.message).toMatch(/ops-bot as member on prod-db was last reviewed on 2026-07-01 and was due on 2026-09-29/);
    const md = formatAuditMarkdown(report);
    expect(md).toContain("- **frequent-elevation**: alice held member on prod-db on 12 of the last 14d");
    expect(md).toContain("- **standing-review-overdue**: Standing access of ops-bot");
    const json = JSON.parse(formatAuditJson(report)) as { ok: boolean; findings: Array<{ code: string; key?: string }> };
    expect(json.ok).toBe(false);
    expect(json.findings.filter((f) => f.key).map((f) => f.key).sort()).toEqual(["frequent-elevation:prod-db:alice", "long-total:prod-db:alice:2026-11", "standing-review-overdue:prod-db:ops-bot:member"]);
  });

  it("with the previous audit's time, marks which findings are new (shown in Markdown)", async () => {
    // A week before, alice had 4 days: frequent-elevation and long-total are new; the review was already overdue.
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, previous: NOW - 7 * 86_400_000 });
    const marked = Object.fromEntries(report.findings.filter((f) => f.key).map((f) => [f.code, f.new]));
    expect(marked).toEqual({ "standing-review-overdue": false, "frequent-elevation": true, "long-total": true });
    expect(formatAuditMarkdown(report)).toContain("- **frequent-elevation** (new): alice");
  });

  it("a query narrows the leases shown, not the history the anomalies are judged on", async () => {
    const report = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, query: { since: Date.parse("2026-11-20T00:00:00Z") } });
    expect(report.leases).toHaveLength(1);
    expect(report.findings.map((f) => f.code)).toContain("frequent-elevation");
  });

  it("the webhook is told of new findings only, once: a second run a week later tells nothing already told", async () => {
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
    const first = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW, previous: NOW - 7 * 86_400_000 });
    expect(await notifyFindings(first.findings, url, { repository: "acme/access", now: NOW })).toEqual([]);
    expect(received.map((b) => [b.event, b.code, b.key])).toEqual([
      ["jit-access.finding", "frequent-elevation", "frequent-elevation:prod-db:alice"],
      ["jit-access.finding", "long-total", "long-total:prod-db:alice:2026-11"],
    ]);
    expect(received[0]).toMatchObject({ repository: "acme/access", resource: "prod-db", text: expect.stringMatching(/^🔎 jit-access audit: frequent-elevation: alice held member/) });
    received.length = 0;
    // The next weekly run: the same conditions (or gone), nothing new.
    const next = await runAudit({ repoDir: repo.dir, ref: "main", policyPath: "policy.yaml", now: NOW + 7 * 86_400_000, previous: NOW });
    await notifyFindings(next.findings, url, { repository: "acme/access", now: NOW + 7 * 86_400_000 });
    expect(received).toEqual([]);
  });
});
