/**
 * The Action's clock: the real one on GitHub. Tests of the bundled Action run it against the
 * local emulator with JIT_TEST_NOW (RFC 3339) to pin the time: the clock then stands still at
 * that instant and a sleep moves it forward at once, so no test depends on the wall clock or
 * waits. The pin is honoured only when the API is on this machine (the emulator): against
 * GitHub it is ignored with a warning, so no setting can hold back an expiry.
 */
import { parseTimestamp } from "../lease/timestamp.js";

export interface TimerDeps {
  /** Milliseconds since the epoch, now. */
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const REAL_TIMER_DEPS: TimerDeps = {
  clock: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

export const TEST_NOW_VARIABLE = "JIT_TEST_NOW";

/** A clock that stands at `start` and moves only when something sleeps. */
export function pinnedClock(start: number): TimerDeps {
  let now = start;
  return {
    clock: () => now,
    sleep: (ms) => {
      now += Math.max(0, ms);
      return Promise.resolve();
    },
  };
}

/** Is the API served from this machine (the emulator in tests)? */
function isLoopback(apiUrl: string | undefined): boolean {
  if (!apiUrl) return false;
  try {
    const host = new URL(apiUrl).hostname;
    return host === "localhost" || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

/** The clock for this run: pinned by JIT_TEST_NOW against a local API, else real. */
export function actionClock(env: NodeJS.ProcessEnv, warn: (message: string) => void): TimerDeps {
  const pin = env[TEST_NOW_VARIABLE];
  if (pin === undefined || pin === "") return REAL_TIMER_DEPS;
  const at = parseTimestamp(pin.trim());
  if (!isLoopback(env.GITHUB_API_URL)) {
    warn(`${TEST_NOW_VARIABLE} is ignored: it pins the clock only for tests against a local API emulator. Using the real time.`);
    return REAL_TIMER_DEPS;
  }
  if (at === undefined) throw new Error(`${TEST_NOW_VARIABLE} must be an RFC 3339 time with an offset, e.g. 2026-11-24T10:00:00Z; got '${pin}'.`);
  return pinnedClock(at);
}
