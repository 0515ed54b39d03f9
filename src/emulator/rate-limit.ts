/**
 * Primary (hourly, per identity) and secondary (burst) rate limits, with the
 * headers and 403 bodies GitHub sends.
 */
import { errorBody } from "./errors.js";
import { epochSeconds } from "./timestamps.js";

export const PRIMARY_DOCS = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
export const SECONDARY_DOCS =
  "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
export const DEFAULT_LIMIT = 5000;
export const ANONYMOUS_LIMIT = 60;
const WINDOW_MS = 60 * 60 * 1000;

export interface RateLimitSnapshot {
  limit: number;
  remaining: number;
  used: number;
  /** epoch seconds */
  reset: number;
  resource: "core";
}

interface Bucket {
  limit: number;
  used: number;
  resetAt: Date;
}

export function rateLimitHeaders(s: RateLimitSnapshot): Record<string, string> {
  return {
    "x-ratelimit-limit": String(s.limit),
    "x-ratelimit-remaining": String(s.remaining),
    "x-ratelimit-reset": String(s.reset),
    "x-ratelimit-used": String(s.used),
    "x-ratelimit-resource": s.resource,
  };
}

export class PrimaryRateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => Date;
  readonly limit: number;

  constructor(now: () => Date, limit = DEFAULT_LIMIT) {
    this.now = now;
    this.limit = limit;
  }

  private bucket(key: string, limit: number): Bucket {
    const now = this.now();
    let b = this.buckets.get(key);
    if (!b || now.getTime() >= b.resetAt.getTime()) {
      b = { limit, used: 0, resetAt: new Date(now.getTime() + WINDOW_MS) };
      this.buckets.set(key, b);
    }
    return b;
  }

  snapshot(key: string, limit = this.limit): RateLimitSnapshot {
    const b = this.bucket(key, limit);
    return {
      limit: b.limit,
      remaining: Math.max(0, b.limit - b.used),
      used: b.used,
      reset: epochSeconds(b.resetAt),
      resource: "core",
    };
  }

  exhausted(key: string, limit = this.limit): boolean {
    return this.snapshot(key, limit).remaining <= 0;
  }

  consume(key: string, limit = this.limit): RateLimitSnapshot {
    this.bucket(key, limit).used++;
    return this.snapshot(key, limit);
  }

  /** Sets how many requests are left in the current window (for tests). */
  setRemaining(key: string, remaining: number, limit = this.limit): void {
    const b = this.bucket(key, limit);
    b.used = Math.max(0, b.limit - remaining);
  }

  /** Forgets all windows. */
  reset(): void {
    this.buckets.clear();
  }
}

export function primaryLimitBody(who: string, requestId: string): Record<string, unknown> {
  return errorBody(
    403,
    `API rate limit exceeded for ${who}. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    PRIMARY_DOCS,
  );
}

export function secondaryLimitBody(requestId: string): Record<string, unknown> {
  return errorBody(
    403,
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. " +
      `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    SECONDARY_DOCS,
  );
}

export interface SecondaryLimitOptions {
  /** Points allowed within the window (GitHub: 900 a minute per REST endpoint family). */
  maxRequests: number;
  windowMs: number;
  /**
   * Points a request other than GET/HEAD/OPTIONS costs (GitHub: 5). Default 1: every request
   * is one point, as before.
   */
  writePoints?: number;
}

/**
 * A sliding window per identity; over the limit -> 403 with retry-after (at
 * least 1 s). It runs on real time by default, not the injected clock, so
 * that a client's real retry-after wait clears it even under a frozen clock.
 */
export class SecondaryRateLimiter {
  private readonly hits = new Map<string, Array<{ t: number; points: number }>>();
  private readonly now: () => Date;
  readonly options: SecondaryLimitOptions;

  constructor(options: SecondaryLimitOptions, now: () => Date = () => new Date()) {
    this.options = options;
    this.now = now;
  }

  /**
   * Records the request when allowed; returns the retry-after seconds when not. Conditional
   * requests answered 304 count here too: GitHub exempts them from the primary limit only.
   */
  check(key: string, method = "GET"): { allowed: true } | { allowed: false; retryAfter: number } {
    const t = this.now().getTime();
    const since = t - this.options.windowMs;
    const points = ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase()) ? 1 : (this.options.writePoints ?? 1);
    const list = (this.hits.get(key) ?? []).filter((h) => h.t > since);
    const used = list.reduce((n, h) => n + h.points, 0);
    if (used + points > this.options.maxRequests) {
      this.hits.set(key, list);
      const oldest = list[0]?.t ?? t;
      return { allowed: false, retryAfter: Math.max(1, Math.ceil((oldest + this.options.windowMs - t) / 1000)) };
    }
    list.push({ t, points });
    this.hits.set(key, list);
    return { allowed: true };
  }

  /** Points used within the current window (for benchmarks and tests). */
  used(key: string): number {
    const since = this.now().getTime() - this.options.windowMs;
    return (this.hits.get(key) ?? []).filter((h) => h.t > since).reduce((n, h) => n + h.points, 0);
  }
}
