import { afterEach, describe, expect, test } from "vitest";
import { client, failure, quietLog, ThrottledOctokit } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let emu: CheckedEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function start(opts: Parameters<typeof startCheckedEmulator>[0] = {}): Promise<CheckedEmulator> {
  emu = await startCheckedEmulator(opts);
  emu.state.addOrg("acme");
  return emu;
}

describe("authentication and errors", () => {
  test("bad, missing and malformed credentials are 401 with GitHub's body", async () => {
    const e = await start();
    const bad = await failure(client(e.url, "wrong").orgs.get({ org: "acme" }));
    expect(bad.status).toBe(401);
    expect(bad.response?.data).toEqual({ message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" });
    expect(bad.response?.headers["x-ratelimit-limit"]).toBe("60");
    const missing = await failure(client(e.url, null).orgs.get({ org: "acme" }));
    expect(missing.status).toBe(401);
    expect(missing.response?.data).toMatchObject({ message: "Requires authentication", status: "401" });
    const basic = await fetch(`${e.url}/orgs/acme`, { headers: { authorization: "Basic Zm9vOmJhcg==" } });
    expect(basic.status).toBe(401);
    const bearer = await fetch(`${e.url}/orgs/acme`, { headers: { authorization: "Bearer test-token" } });
    expect(bearer.status).toBe(200);
  });

  test("anonymous access when allowed", async () => {
    const e = await start({ allowAnonymous: true });
    const res = await client(e.url, null).orgs.get({ org: "acme" });
    expect(res.status).toBe(200);
    expect(res.headers["x-ratelimit-limit"]).toBe("60");
    expect((await failure(client(e.url, null).users.getAuthenticated())).status).toBe(401);
  });

  test("unknown routes and wrong methods are 404 Not Found", async () => {
    const e = await start();
    const o = client(e.url);
    for (const req of [o.request("GET /nope"), o.request("DELETE /orgs/{org}", { org: "acme" }), o.request("GET /orgs/{org}/nothing", { org: "acme" })]) {
      const err = await failure(req);
      expect(err.status).toBe(404);
      expect(err.response?.data).toEqual({ message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" });
    }
  });

  test("unparseable JSON is 400 Problems parsing JSON", async () => {
    const e = await start();
    e.state.addRepo("acme", "r");
    e.state.addIssue("acme", "r", { author: "a", title: "t" });
    const res = await fetch(`${e.url}/repos/acme/r/issues/1/comments`, {
      method: "POST",
      headers: { authorization: "token test-token", "content-type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe("Problems parsing JSON");
  });

  test("GitHub's response headers", async () => {
    const e = await start();
    const res = await client(e.url).orgs.get({ org: "acme" });
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["x-github-api-version-selected"]).toBe("2022-11-28");
    expect(res.headers["x-github-request-id"]).toMatch(/^[0-9A-F]{4}:[0-9A-F]{4}:[0-9A-F]+:[0-9A-F]+:[0-9A-F]+$/);
    expect(res.headers["x-ratelimit-resource"]).toBe("core");
    expect(res.headers.etag).toMatch(/^W\/"[0-9a-f]{64}"$/);
    const rec = e.requests.at(-1);
    expect(rec).toMatchObject({ method: "GET", path: "/orgs/acme", route: "/orgs/{org}", operationId: "orgs/get", status: 200 });
  });
});

describe("pagination", () => {
  test("per_page (max 100), page, Link header with absolute URLs keeping the query; octokit.paginate", async () => {
    const e = await start();
    for (let i = 0; i < 250; i++) e.state.addOrgMember("acme", `user${String(i).padStart(3, "0")}`);
    const o = client(e.url);
    const first = await o.orgs.listMembers({ org: "acme", per_page: 100, role: "all" });
    expect(first.data).toHaveLength(100);
    const base = `${e.url}/orgs/acme/members?per_page=100&role=all`;
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    const second = await o.orgs.listMembers({ org: "acme", per_page: 100, role: "all", page: 2 });
    expect(second.headers.link).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", <${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    );
    const last = await o.orgs.listMembers({ org: "acme", per_page: 100, role: "all", page: 3 });
    expect(last.data).toHaveLength(50);
    expect(last.headers.link).toBe(`<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`);
    const capped = await o.orgs.listMembers({ org: "acme", per_page: 1000 });
    expect(capped.data).toHaveLength(100);
    const byDefault = await o.orgs.listMembers({ org: "acme" });
    expect(byDefault.data).toHaveLength(30);
    expect(byDefault.headers.link).toContain("page=9>; rel=\"last\"");

    const all = await o.paginate(o.orgs.listMembers, { org: "acme", per_page: 100 });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((m) => m.login)).size).toBe(250);
    const few = await o.orgs.listMembers({ org: "acme", per_page: 300, page: 1 });
    expect(few.headers.link).toBeDefined();
    e.state.addOrg("tiny");
    expect((await o.orgs.listMembers({ org: "tiny" })).headers.link).toBeUndefined();
  });
});

describe("rate limits", () => {
  test("headers count down; /rate_limit does not count; 304s do not count", async () => {
    const e = await start({ rateLimit: { limit: 100 } });
    const o = client(e.url);
    const a = await o.orgs.get({ org: "acme" });
    expect(a.headers["x-ratelimit-limit"]).toBe("100");
    expect(a.headers["x-ratelimit-remaining"]).toBe("99");
    expect(a.headers["x-ratelimit-used"]).toBe("1");
    const rl = await o.rateLimit.get();
    expect(rl.data.resources.core).toMatchObject({ limit: 100, used: 1, remaining: 99 });
    expect(rl.data.rate.remaining).toBe(99);
    expect(rl.headers["x-ratelimit-remaining"]).toBe("99");

    const etag = a.headers.etag as string;
    const notModified = await failure(o.request("GET /orgs/{org}", { org: "acme", headers: { "if-none-match": etag } }));
    expect(notModified.status).toBe(304);
    expect(notModified.response?.headers["x-ratelimit-remaining"]).toBe("99");
    expect(notModified.response?.headers.etag).toBe(etag);
    const res304 = await fetch(`${e.url}/orgs/acme`, { headers: { authorization: "token test-token", "if-none-match": etag } });
    expect(res304.status).toBe(304);
    expect(await res304.text()).toBe("");
    const changed = await o.request("GET /orgs/{org}", { org: "acme", headers: { "if-none-match": '"other"' } });
    expect(changed.status).toBe(200);
    expect(changed.headers["x-ratelimit-remaining"]).toBe("98");
  });

  test("primary limit exhausted: 403, remaining 0, GitHub's message; resets after the hour", async () => {
    let now = new Date("2025-01-01T00:00:00Z");
    const e = await start({ rateLimit: { limit: 2 }, now: () => now });
    const o = client(e.url);
    await o.orgs.get({ org: "acme" });
    const second = await o.orgs.get({ org: "acme" });
    expect(second.headers["x-ratelimit-remaining"]).toBe("0");
    expect(second.headers["x-ratelimit-reset"]).toBe(String(Date.parse("2025-01-01T01:00:00Z") / 1000));
    const err = await failure(o.orgs.get({ org: "acme" }));
    expect(err.status).toBe(403);
    expect(err.response?.headers["x-ratelimit-remaining"]).toBe("0");
    expect((err.response?.data as { message: string }).message).toMatch(/^API rate limit exceeded for installation ID 1\./);
    expect((err.response?.data as { documentation_url: string }).documentation_url).toBe(
      "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
    );

    let retryAfterSeen: number | undefined;
    const throttled = new ThrottledOctokit({
      auth: "test-token", baseUrl: e.url, log: quietLog,
      throttle: {
        onRateLimit: (retryAfter: number) => {
          retryAfterSeen = retryAfter;
          return false;
        },
        onSecondaryRateLimit: () => false,
      },
    });
    expect((await failure(throttled.orgs.get({ org: "acme" }))).status).toBe(403);
    expect(retryAfterSeen).toBeTypeOf("number");

    now = new Date("2025-01-01T01:00:00Z");
    const again = await o.orgs.get({ org: "acme" });
    expect(again.headers["x-ratelimit-remaining"]).toBe("1");
  });

  test("limits are per identity; setRemaining for tests", async () => {
    const e = await start({ rateLimit: { limit: 10 } });
    e.state.addToken("alice-token", "alice");
    await client(e.url).orgs.get({ org: "acme" });
    const alice = await client(e.url, "alice-token").orgs.get({ org: "acme" });
    expect(alice.headers["x-ratelimit-remaining"]).toBe("9");
    const aliceErr = await failure(client(e.url, "wrong").orgs.get({ org: "acme" }));
    expect(aliceErr.status).toBe(401);
    e.rateLimits.setRemaining(`account:${e.state.getUser("alice")?.id}`, 0);
    const blocked = await failure(client(e.url, "alice-token").orgs.get({ org: "acme" }));
    expect((blocked.response?.data as { message: string }).message).toMatch(/^API rate limit exceeded for user ID \d+\./);
  });

  test("secondary limit: 403 with retry-after 1, honoured by the throttling plugin", async () => {
    // The window's clock stands still until the client is told to wait; then it moves on by the wait.
    let clock = Date.parse("2026-01-05T10:00:00Z");
    const e = await start({ secondary: { maxRequests: 3, windowMs: 800, now: () => new Date(clock) } });
    const waits: number[] = [];
    const o = new ThrottledOctokit({
      auth: "test-token", baseUrl: e.url, log: quietLog,
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) => {
          waits.push(retryAfter);
          clock += retryAfter * 1000;
          return retryCount < 2;
        },
      },
    });
    for (let i = 0; i < 4; i++) expect((await o.orgs.get({ org: "acme" })).status).toBe(200);
    expect(waits).toEqual([1]);
    const limited = e.requests.find((r) => r.status === 403);
    expect(limited?.responseHeaders["retry-after"]).toBe("1");
    expect(limited?.responseBody).toMatchObject({
      message: expect.stringMatching(/^You have exceeded a secondary rate limit\. Please wait a few minutes before you try again/),
      documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
      status: "403",
    });
    expect(e.requests.map((r) => r.status)).toEqual([200, 200, 200, 403, 200]);
    // While the clock stands still the window fills again: the limit is the window, not a count reset.
    const raw = () => fetch(`${e.url}/orgs/acme`, { headers: { authorization: "token test-token" } });
    expect([(await raw()).status, (await raw()).status]).toEqual([200, 200]);
    const again = await raw();
    expect(again.status).toBe(403);
    expect(again.headers.get("retry-after")).toBe("1");
  });
});
