/**
 * Injectable faults. A matching fault answers instead of the real handler
 * (so no state changes): fixed faults (`add`, consumed `times` times) win
 * over seeded random ones (`random`).
 */
import { STATUS_CODES } from "node:http";
import { errorBody } from "./errors.js";
import { secondaryLimitBody } from "./rate-limit.js";

export interface FaultSpec {
  method?: string;
  /** a route template ("/orgs/{org}/teams"), an exact path, or a RegExp tested on the path (without query) */
  route?: string | RegExp;
  status: number;
  /** how many requests it answers; default 1 (Infinity for all) */
  times?: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface RandomFaultSpec {
  /** probability 0..1 that a matching request fails */
  rate: number;
  seed: number;
  /** default [500, 502, 503, 403]; 403 (and 429) answer as a secondary rate limit with retry-after: 1 */
  statuses?: number[];
  methods?: string[];
  route?: string | RegExp;
}

export interface ActiveFault {
  readonly spec: FaultSpec;
  remaining: number;
  hits: number;
}

export interface FaultResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
  delayMs: number;
}

/** mulberry32: small, seedable, good enough for choosing faults. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function routeMatches(want: string | RegExp | undefined, path: string, route: string | null): boolean {
  if (want === undefined) return true;
  if (typeof want === "string") return want === route || want === path;
  want.lastIndex = 0;
  return want.test(path);
}

function methodMatches(want: string | undefined, method: string): boolean {
  return want === undefined || want.toUpperCase() === method.toUpperCase();
}

/** The body GitHub would send for `status` when the fault gives none. */
export function defaultFaultResponse(status: number, requestId: string): { body: unknown; headers: Record<string, string> } {
  if (status === 403 || status === 429) {
    return { body: { ...secondaryLimitBody(requestId), status: String(status) }, headers: { "retry-after": "1" } };
  }
  if (status === 401) return { body: errorBody(401, "Bad credentials"), headers: {} };
  if (status === 404) return { body: errorBody(404, "Not Found"), headers: {} };
  if (status === 422) return { body: { message: "Validation Failed", errors: [], documentation_url: "https://docs.github.com/rest", status: "422" }, headers: {} };
  if (status >= 400) return { body: errorBody(status, STATUS_CODES[status] ?? "Error"), headers: {} };
  return { body: undefined, headers: {} };
}

export class Faults {
  private fixed: ActiveFault[] = [];
  private randomSpec: { spec: RandomFaultSpec; next: () => number } | null = null;
  /** how many requests were answered by a fault */
  injected = 0;

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { spec, remaining: spec.times ?? 1, hits: 0 };
    this.fixed.push(fault);
    return fault;
  }

  random(spec: RandomFaultSpec): void {
    if (!(spec.rate >= 0 && spec.rate <= 1)) throw new Error("rate must be between 0 and 1");
    this.randomSpec = { spec, next: prng(spec.seed) };
  }

  clear(): void {
    this.fixed = [];
    this.randomSpec = null;
  }

  /** The fault answering this request, if any (consumes one use). */
  take(method: string, path: string, route: string | null, requestId: string): FaultResponse | null {
    for (const f of this.fixed) {
      if (f.remaining <= 0) continue;
      if (!methodMatches(f.spec.method, method) || !routeMatches(f.spec.route, path, route)) continue;
      f.remaining--;
      f.hits++;
      this.injected++;
      const defaults = defaultFaultResponse(f.spec.status, requestId);
      return {
        status: f.spec.status,
        body: f.spec.body !== undefined ? f.spec.body : defaults.body,
        headers: { ...defaults.headers, ...(f.spec.headers ?? {}) },
        delayMs: f.spec.delayMs ?? 0,
      };
    }
    const r = this.randomSpec;
    if (r) {
      const methods = r.spec.methods?.map((m) => m.toUpperCase());
      if ((methods === undefined || methods.includes(method.toUpperCase())) && routeMatches(r.spec.route, path, route)) {
        const roll = r.next();
        if (roll < r.spec.rate) {
          const statuses = r.spec.statuses ?? [500, 502, 503, 403];
          const status = statuses[Math.floor(r.next() * statuses.length)] ?? 500;
          this.injected++;
          const d = defaultFaultResponse(status, requestId);
          return { status, body: d.body, headers: d.headers, delayMs: 0 };
        }
      }
    }
    return null;
  }
}
