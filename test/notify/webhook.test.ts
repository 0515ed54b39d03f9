// The webhook is best-effort: it delivers JSON with a Slack-compatible text, and a failing
// or unreachable webhook is recorded, never thrown.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNotifier } from "../../src/notify/webhook.js";

const received: unknown[] = [];
let status = 200;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c: Buffer) => (body += c.toString()));
  req.on("end", () => {
    received.push(JSON.parse(body));
    res.writeHead(status).end();
  });
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("webhook notifications", () => {
  it("posts the event with a Slack-compatible text", async () => {
    const n = createNotifier(url, { repository: "acme/access" });
    await n.notify({ kind: "revoked", text: "🔒 @zed no longer has member on db", grantee: "zed", resource: "db", at: "2026-11-24T11:00:00Z" });
    expect(received.at(-1)).toMatchObject({ text: "🔒 @zed no longer has member on db", event: "jit-access.revoked", repository: "acme/access", grantee: "zed" });
    expect(n.failures).toEqual([]);
  });

  it("records a failing or unreachable webhook instead of throwing", async () => {
    status = 500;
    const n = createNotifier(url);
    await n.notify({ kind: "granted", text: "x", at: "t" });
    expect(n.failures).toEqual(["granted: webhook answered 500"]);
    const dead = createNotifier("http://127.0.0.1:1/nothing", { timeoutMs: 2000 });
    await dead.notify({ kind: "finding", text: "y", at: "t" });
    expect(dead.failures).toHaveLength(1);
    status = 200;
  });

  it("does nothing without a URL", async () => {
    const before = received.length;
    await createNotifier(undefined).notify({ kind: "granted", text: "z", at: "t" });
    expect(received.length).toBe(before);
  });
});
