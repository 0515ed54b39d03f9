import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { client, failure, quietLog, RetryingOctokit, ThrottledOctokit } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let emu: CheckedEmulator;

beforeEach(async () => {
  emu = await startCheckedEmulator();
  emu.state.addOrg("acme");
  emu.state.addRepo("acme", "access");
  emu.state.addIssue("acme", "access", { author: "alice", title: "t" });
});
afterEach(async () => {
  await emu.close();
});

const retrying = (url: string) => new RetryingOctokit({ auth: "test-token", baseUrl: url, log: quietLog, retry: { retryAfterBaseValue: 1 } });

describe("fixed faults", () => {
  test("answer instead of the handler, `times` times, matched by route template and method", async () => {
    const o = client(emu.url);
    const f = emu.faults.add({ method: "GET", route: "/orgs/{org}", status: 503, times: 2 });
    expect((await failure(o.orgs.get({ org: "acme" }))).status).toBe(503);
    const second = await failure(o.orgs.get({ org: "acme" }));
    expect(second.response?.data).toMatchObject({ message: "Service Unavailable", status: "503" });
    expect((await o.orgs.get({ org: "acme" })).status).toBe(200);
    expect(f.hits).toBe(2);
    expect(emu.requests.map((r) => [r.status, r.fault ?? false])).toEqual([[503, true], [503, true], [200, false]]);
  });

  test("RegExp on the path, custom body and headers; no state change", async () => {
    const o = client(emu.url);
    emu.faults.add({ route: /\/issues\/\d+\/comments$/, method: "POST", status: 422, body: { message: "Validation Failed", errors: [{ resource: "IssueComment", code: "custom", field: "body" }], documentation_url: "https://docs.github.com/rest", status: "422" }, headers: { "x-test": "1" } });
    const e = await failure(o.issues.createComment({ owner: "acme", repo: "access", issue_number: 1, body: "hi" }));
    expect(e.status).toBe(422);
    expect(e.response?.headers["x-test"]).toBe("1");
    expect(emu.state.listComments("acme", "access")).toHaveLength(0);
    await o.issues.listComments({ owner: "acme", repo: "access", issue_number: 1 }); // GET is not matched
  });

  test("plugin-retry recovers from server errors; a write happens exactly once", async () => {
    emu.faults.add({ route: "/repos/{owner}/{repo}/issues/{issue_number}/comments", method: "POST", status: 502, times: 2 });
    const { status } = await retrying(emu.url).issues.createComment({ owner: "acme", repo: "access", issue_number: 1, body: "hi" });
    expect(status).toBe(201);
    expect(emu.state.listComments("acme", "access")).toHaveLength(1);
    expect(emu.requests.map((r) => r.status)).toEqual([502, 502, 201]);
  });

  test("delay: the answer waits for it", async () => {
    // The delay is held by the test, not timed: nothing is answered until it is released.
    const sleeps: number[] = [];
    let release = () => {};
    let asleep = () => {};
    const sleeping = new Promise<void>((r) => (asleep = r));
    const slow = await startCheckedEmulator({
      sleep: (ms) => {
        sleeps.push(ms);
        asleep();
        return new Promise<void>((done) => (release = done));
      },
    });
    try {
      slow.state.addOrg("acme");
      slow.faults.add({ route: "/orgs/{org}", status: 500, delayMs: 150 });
      let answered = false;
      const pending = failure(client(slow.url).orgs.get({ org: "acme" })).then((err) => ((answered = true), err));
      await sleeping;
      expect(sleeps).toEqual([150]);
      expect(answered).toBe(false);
      expect(slow.requests).toEqual([]);
      release();
      expect((await pending).status).toBe(500);
      expect(slow.requests.map((r) => [r.status, r.fault])).toEqual([[500, true]]);
    } finally {
      await slow.close();
    }
  });

  test("a fault status 403 is a secondary rate limit by default, which throttling retries", async () => {
    emu.faults.add({ route: "/orgs/{org}", status: 403 });
    const retries: number[] = [];
    const o = new ThrottledOctokit({
      auth: "test-token", baseUrl: emu.url, log: quietLog,
      throttle: { retryAfterBaseValue: 10, onRateLimit: () => false, onSecondaryRateLimit: (after: number) => retries.push(after) > 0 },
    });
    expect((await o.orgs.get({ org: "acme" })).status).toBe(200);
    expect(retries).toEqual([1]);
    expect(emu.requests[0]?.responseHeaders["retry-after"]).toBe("1");
  });

  test("clear", async () => {
    emu.faults.add({ status: 500, times: Infinity });
    emu.faults.random({ rate: 1, seed: 1 });
    emu.faults.clear();
    expect((await client(emu.url).orgs.get({ org: "acme" })).status).toBe(200);
  });
});

describe("random faults", () => {
  async function run(seed: number): Promise<number[]> {
    const e = await startCheckedEmulator();
    try {
      e.state.addOrg("acme");
      e.faults.random({ rate: 0.3, seed, statuses: [500, 502, 503] });
      const o = new RetryingOctokit({ auth: "test-token", baseUrl: e.url, log: quietLog, retry: { retryAfterBaseValue: 1, retries: 10 } });
      for (let i = 0; i < 20; i++) expect((await o.orgs.get({ org: "acme" })).status).toBe(200);
      return e.requests.map((r) => r.status);
    } finally {
      await e.close();
    }
  }

  test("seeded: the same seed fails the same requests; plugin-retry recovers every time", async () => {
    const a = await run(42);
    const b = await run(42);
    const c = await run(7);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(0);
    expect(a.filter((s) => s === 200)).toHaveLength(20);
    expect(new Set(a.filter((s) => s !== 200)).size).toBeGreaterThan(1);
  });

  test("methods filter; default statuses include the secondary-limit 403", async () => {
    emu.faults.random({ rate: 1, seed: 3, methods: ["POST"] });
    expect((await client(emu.url).orgs.get({ org: "acme" })).status).toBe(200);
    const statuses = new Set<number>();
    for (let i = 0; i < 40; i++) {
      statuses.add((await failure(client(emu.url).issues.createComment({ owner: "acme", repo: "access", issue_number: 1, body: "x" }))).status);
    }
    expect([...statuses].sort()).toEqual([403, 500, 502, 503]);
    expect(emu.state.listComments("acme", "access")).toHaveLength(0);
  });
});
