import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { createContractValidator } from "../../src/emulator/contract.js";
import type { ExchangeRecord } from "../../src/emulator/index.js";
import { client, failure } from "./clients.js";
import { contractValidator, startCheckedEmulator } from "./contract-helper.js";

const record = (r: Partial<ExchangeRecord> & Pick<ExchangeRecord, "method" | "path" | "status">): ExchangeRecord => ({
  route: null,
  responseHeaders: { "content-type": "application/json; charset=utf-8" },
  ...r,
});

describe("contract validator", () => {
  test("finds operations by method and path", () => {
    const v = contractValidator();
    expect(v.findOperation("GET", "/orgs/acme/teams/core/memberships/alice?x=1")).toEqual({
      method: "GET", template: "/orgs/{org}/teams/{team_slug}/memberships/{username}", operationId: "teams/get-membership-for-user-in-org",
    });
    expect(v.findOperation("GET", "/repos/o/r/contents/a/b/c.txt")?.template).toBe("/repos/{owner}/{repo}/contents/{path}");
    expect(v.findOperation("GET", "/repos/o/r/issues/comments/5")?.operationId).toBe("issues/get-comment");
    expect(v.findOperation("PATCH", "/user/nothing/here")).toBeNull();
  });

  test("OpenAPI nullable is honoured (including nullable enums)", () => {
    const v = contractValidator();
    const run = (conclusion: unknown) =>
      v.check(record({
        method: "GET", path: "/repos/o/r/check-runs/1", status: 200,
        responseBody: {
          id: 1, head_sha: "a", node_id: "n", external_id: null, url: "u", html_url: null, details_url: null, status: "queued",
          conclusion, started_at: null, completed_at: null,
          output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: "http://x/y" },
          name: "c", check_suite: null, app: null, pull_requests: [],
        },
      }));
    expect(run(null)).toEqual([]);
    expect(run("success")).toEqual([]);
    const bad = run("bogus");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ kind: "response-schema", operationId: "checks/get" });
  });

  test("undocumented statuses are reported; generic error statuses need an error body", () => {
    const v = contractValidator();
    expect(v.check(record({ method: "GET", path: "/user", status: 201, responseBody: {} }))[0]?.kind).toBe("undocumented-status");
    const notFound = { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" };
    expect(v.check(record({ method: "DELETE", path: "/repos/o/r/issues/comments/1", status: 404, responseBody: notFound }))).toEqual([]);
    expect(v.check(record({ method: "DELETE", path: "/repos/o/r/issues/comments/1", status: 404, responseBody: [1] }))[0]?.kind).toBe("response-schema");
    expect(v.check(record({ method: "GET", path: "/nope", status: 404, responseBody: notFound }))).toEqual([]);
    expect(v.check(record({ method: "GET", path: "/nope", status: 200, responseBody: {} }))[0]?.kind).toBe("unknown-operation");
    expect(v.check(record({ method: "GET", path: "/user", status: 200 }))[0]?.kind).toBe("missing-body");
    expect(v.check(record({ method: "DELETE", path: "/repos/o/r/issues/comments/1", status: 204, responseBody: { a: 1 } }))[0]?.kind).toBe("unexpected-body");
    expect(v.check(record({ method: "GET", path: "/user", status: 304 }))).toEqual([]);
  });
});

describe("contract validator cache", () => {
  test("validators read back from the cache judge as the ones compiled: same violations, same errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "jit-contract-cache-"));
    try {
      const exchanges = [
        record({ method: "GET", path: "/orgs/acme", status: 200, responseBody: { login: "acme" } }),
        record({ method: "GET", path: "/orgs/acme/teams/t/members", status: 200, responseBody: [{ login: 5 }] }),
        record({ method: "GET", path: "/user", status: 201, responseBody: {} }),
        record({ method: "DELETE", path: "/repos/o/r/issues/comments/1", status: 404, responseBody: [1] }),
        record({ method: "POST", path: "/repos/o/r/issues/1/comments", status: 201, responseBody: { id: "x" }, requestBody: { body: 5 } }),
      ];
      const compiled = createContractValidator(undefined, { validateRequests: true, cache: dir });
      const first = exchanges.map((e) => compiled.check(e));
      expect(first.flat().map((v) => v.kind)).toEqual(["response-schema", "response-schema", "undocumented-status", "response-schema", "response-schema", "request-schema"]);
      const entries = readdirSync(dir);
      expect(entries).toHaveLength(1); // one description, one key
      expect(readdirSync(join(dir, entries[0]!)).filter((f) => f.endsWith(".cjs")).length).toBeGreaterThan(3);
      const cached = createContractValidator(undefined, { validateRequests: true, cache: dir });
      expect(exchanges.map((e) => cached.check(e))).toEqual(first);
      const uncached = createContractValidator(undefined, { validateRequests: true, cache: false });
      expect(exchanges.map((e) => uncached.check(e))).toEqual(first);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("checked emulator", () => {
  test("a deliberately wrong body is caught, and close() throws", async () => {
    const emu = await startCheckedEmulator();
    emu.state.addOrg("acme");
    emu.faults.add({ route: "/orgs/{org}/teams", status: 200, body: [{ id: "one", slug: 5 }] });
    await client(emu.url).teams.list({ org: "acme" });
    expect(emu.violations).toHaveLength(1);
    expect(emu.violations[0]).toMatchObject({ kind: "response-schema", operationId: "teams/list", status: 200 });
    expect(emu.violations[0]?.message).toMatch(/data\/0\/id must be integer/);
    await expect(emu.close()).rejects.toThrow(/GitHub API contract violated 1 time/);
  });

  test("takeViolations lets a test provoke and then forget violations", async () => {
    const emu = await startCheckedEmulator();
    emu.faults.add({ route: "/user", status: 200, body: { login: "x" } });
    await client(emu.url).users.getAuthenticated();
    expect(emu.takeViolations()).toHaveLength(1);
    await emu.close();
  });

  test("request bodies can be checked too", async () => {
    const emu = await startCheckedEmulator({}, { validateRequests: true });
    emu.state.addOrg("acme");
    emu.state.addRepo("acme", "r");
    const annotations = Array.from({ length: 51 }, (_, i) => ({ path: "a", start_line: i + 1, end_line: i + 1, annotation_level: "notice" as const, message: "m" }));
    const e = await failure(client(emu.url).checks.create({ owner: "acme", repo: "r", name: "n", head_sha: "a".repeat(40), output: { title: "t", summary: "s", annotations } }));
    expect(e.status).toBe(422);
    const [v] = emu.takeViolations();
    expect(v).toMatchObject({ kind: "request-schema", operationId: "checks/create" });
    expect(v?.message).toMatch(/must NOT have more than 50 items/);
    await emu.close();
  });
});
