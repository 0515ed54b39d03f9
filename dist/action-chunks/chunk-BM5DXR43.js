import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);
import {
  parseTimestamp
} from "./chunk-P5GKRAZF.js";

// src/action/clock.ts
var REAL_TIMER_DEPS = {
  clock: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms))
};
var TEST_NOW_VARIABLE = "JIT_TEST_NOW";
function pinnedClock(start) {
  let now = start;
  return {
    clock: () => now,
    sleep: (ms) => {
      now += Math.max(0, ms);
      return Promise.resolve();
    }
  };
}
function isLoopback(apiUrl) {
  if (!apiUrl) return false;
  try {
    const host = new URL(apiUrl).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}
function actionClock(env, warn) {
  const pin = env[TEST_NOW_VARIABLE];
  if (pin === void 0 || pin === "") return REAL_TIMER_DEPS;
  const at = parseTimestamp(pin.trim());
  if (!isLoopback(env.GITHUB_API_URL)) {
    warn(`${TEST_NOW_VARIABLE} is ignored: it pins the clock only for tests against a local API emulator. Using the real time.`);
    return REAL_TIMER_DEPS;
  }
  if (at === void 0) throw new Error(`${TEST_NOW_VARIABLE} must be an RFC 3339 time with an offset, e.g. 2026-11-24T10:00:00Z; got '${pin}'.`);
  return pinnedClock(at);
}

export {
  REAL_TIMER_DEPS,
  actionClock
};
