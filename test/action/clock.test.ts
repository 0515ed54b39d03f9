// The Action's clock: real on GitHub; pinned by JIT_TEST_NOW only against a local API (the
// emulator), where it stands still and a sleep moves it forward at once.
import { describe, expect, it } from "vitest";
import { REAL_TIMER_DEPS, actionClock, pinnedClock } from "../../src/action/clock.js";

const AT = "2026-11-24T10:00:00Z";

describe("the Action's clock", () => {
  it("is the real clock when nothing pins it", () => {
    const warnings: string[] = [];
    expect(actionClock({ GITHUB_API_URL: "http://127.0.0.1:4000" }, (m) => warnings.push(m))).toBe(REAL_TIMER_DEPS);
    expect(actionClock({ JIT_TEST_NOW: "" }, (m) => warnings.push(m))).toBe(REAL_TIMER_DEPS);
    expect(warnings).toEqual([]);
  });

  it.each(["http://127.0.0.1:43123", "http://localhost:8080/api", "http://[::1]:9000"])("is pinned against a local API (%s)", async (url) => {
    const c = actionClock({ JIT_TEST_NOW: AT, GITHUB_API_URL: url }, () => {
      throw new Error("no warning expected");
    });
    expect(c.clock()).toBe(Date.parse(AT));
    expect(c.clock()).toBe(Date.parse(AT)); // stands still
    await c.sleep(10 * 60_000);
    expect(c.clock()).toBe(Date.parse(AT) + 10 * 60_000);
  });

  it.each([undefined, "https://api.github.com", "https://ghe.example.com/api/v3", "http://127.0.0.1.example.com", "not a url"])(
    "ignores the pin, with a warning, against any other API (%s): no setting can hold back an expiry",
    (url) => {
      const warnings: string[] = [];
      const env: NodeJS.ProcessEnv = { JIT_TEST_NOW: AT, ...(url ? { GITHUB_API_URL: url } : {}) };
      expect(actionClock(env, (m) => warnings.push(m))).toBe(REAL_TIMER_DEPS);
      expect(warnings).toEqual([expect.stringMatching(/^JIT_TEST_NOW is ignored: it pins the clock only for tests against a local API emulator/)]);
    },
  );

  it("refuses a pin that is not an RFC 3339 time with an offset", () => {
    expect(() => actionClock({ JIT_TEST_NOW: "2026-11-24 10:00", GITHUB_API_URL: "http://127.0.0.1:1" }, () => {})).toThrow(/JIT_TEST_NOW must be an RFC 3339 time with an offset/);
  });

  it("a pinned clock never moves backwards", async () => {
    const c = pinnedClock(1000);
    await c.sleep(-5);
    expect(c.clock()).toBe(1000);
  });
});
