// What apply tells the webhook about a revocation: drift that a jit-access holder could have
// added by hand names the holder (who, which role where, through which lease, when).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { notifyResults } from "../../src/action/notify-results.js";
import type { ActionContext } from "../../src/action/context.js";
import type { ApplyResult } from "../../src/commands/apply.js";

const received: Array<Record<string, unknown>> = [];
const hook = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    received.push(JSON.parse(body) as Record<string, unknown>);
    res.writeHead(200).end();
  });
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise<void>((r) => hook.close(() => r()));
});

const NOW = Date.parse("2026-11-24T10:30:00Z");
const ctx = { owner: "acme", repo: "access", workspace: "/nonexistent", now: NOW } as ActionContext;

it("maintainer lease holder adds people by hand: the revoked event names the holder; plain drift does not", async () => {
  const zed = { path: "leases/platform-admins/zed.yaml", resource: "platform-admins", grantee: "zed", role: "maintainer", start: Date.parse("2026-11-24T09:00:00Z"), end: Date.parse("2026-11-24T11:00:00Z") };
  const revoke = (grantee: string, couldBeAddedBy?: (typeof zed)[]) => ({
    action: { kind: "revoke" as const, resource: "platform-admins", grantee, role: "member", state: "active" as const, why: "drift" as const, ...(couldBeAddedBy ? { couldBeAddedBy } : {}) },
    outcome: { status: "revoked" as const },
    because: [],
  });
  const result = { results: [revoke("mallory", [zed]), revoke("eve")], verified: [], findings: [], active: [], over: [] } as unknown as ApplyResult;
  await notifyResults(ctx, result, url);
  expect(received).toHaveLength(2);
  expect(received[0]).toMatchObject({
    event: "jit-access.revoked",
    grantee: "mallory",
    couldBeAddedBy: [{ lease: "leases/platform-admins/zed.yaml", resource: "platform-admins", grantee: "zed", role: "maintainer", from: "2026-11-24T09:00:00.000Z", until: "2026-11-24T11:00:00.000Z" }],
  });
  expect(received[0]!.text).toBe("🔒 @mallory no longer has member on platform-admins (not backed by any lease; could have been added by @zed (maintainer on platform-admins through leases/platform-admins/zed.yaml, 2026-11-24T09:00:00Z – 2026-11-24T11:00:00Z))");
  expect(received[1]).toMatchObject({ grantee: "eve", text: "🔒 @eve no longer has member on platform-admins (not backed by any lease)" });
  expect(received[1]).not.toHaveProperty("couldBeAddedBy");
});
