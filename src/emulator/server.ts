/**
 * The HTTP front: authentication, secondary and primary rate limits, faults,
 * routing, conditional requests, GitHub's response headers, and the request
 * log / validate hook. Order of checks follows GitHub: credentials first, then
 * rate limits, then the endpoint.
 */
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { readCredentials } from "./auth.js";
import type { EmulatorEnv } from "./env.js";
import { HttpError, errorBody } from "./errors.js";
import { computeEtag, ifNoneMatchMatches } from "./etag.js";
import type { ExchangeRecord } from "./exchange.js";
import type { Faults } from "./faults.js";
import { GitRepository } from "./git.js";
import { Links } from "./links.js";
import type { AccountRecord, RepoRecord } from "./model.js";
import type { PrimaryRateLimiter, RateLimitSnapshot, SecondaryRateLimiter } from "./rate-limit.js";
import { ANONYMOUS_LIMIT, primaryLimitBody, rateLimitHeaders, secondaryLimitBody } from "./rate-limit.js";
import type { HttpMethod, RouteResult } from "./router.js";
import { Router } from "./router.js";
import { allRoutes } from "./routes/index.js";
import type { EmulatorState } from "./state.js";

export const API_VERSION = "2022-11-28";
const ANONYMOUS_KEY = "ip:127.0.0.1";
const EXPOSE_HEADERS =
  "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, " +
  "X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, " +
  "X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset";

export interface ServerConfig {
  state: EmulatorState;
  faults: Faults;
  primary: PrimaryRateLimiter;
  secondary: SecondaryRateLimiter | null;
  now: () => Date;
  /** How a fault's delay is waited (default: a real timer); tests inject one to hold an answer. */
  sleep?: (ms: number) => Promise<void>;
  allowAnonymous: boolean;
  htmlUrl: string | undefined;
  log: ExchangeRecord[];
  validate: ((r: ExchangeRecord) => void) | undefined;
  onHookError: (error: unknown) => void;
}

interface Outgoing {
  status: number;
  headers: Record<string, string>;
  payload: Buffer | null;
  /** what the log records as the body */
  logged: unknown;
  fault?: boolean;
}

function requestId(seq: number): string {
  const h = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, "0");
  return `E111:${h(seq & 0xffff, 4)}:${h(seq, 6)}:${h(seq * 7, 6)}:${h(seq, 8)}`;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function jsonPayload(body: unknown): Buffer | null {
  return body === undefined ? null : Buffer.from(JSON.stringify(body), "utf8");
}

export class EmulatorServer {
  private readonly config: ServerConfig;
  private readonly router = new Router(allRoutes);
  private readonly gitRepos = new Map<string, GitRepository>();
  private server: Server | null = null;
  private seq = 0;
  private env: EmulatorEnv | null = null;

  constructor(config: ServerConfig) {
    this.config = config;
  }

  get routes() {
    return this.router.routes;
  }

  async listen(port = 0, host = "127.0.0.1"): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.config.onHookError(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    const url = `http://${host}:${address.port}`;
    const links = new Links(url, this.config.htmlUrl);
    this.env = {
      state: this.config.state,
      links,
      now: this.config.now,
      git: (repo: RepoRecord) => this.gitFor(repo),
      rateLimit: (identity) => this.snapshot(identity),
    };
    return url;
  }

  async close(): Promise<void> {
    const server = this.server;
    for (const git of this.gitRepos.values()) git.close();
    this.gitRepos.clear();
    if (!server) return;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private gitFor(repo: RepoRecord): GitRepository | null {
    if (!repo.gitDir) return null;
    let git = this.gitRepos.get(repo.gitDir);
    if (!git) {
      git = new GitRepository(repo.gitDir);
      this.gitRepos.set(repo.gitDir, git);
    }
    return git;
  }

  private bucket(identity: AccountRecord | null): { key: string; limit: number } {
    return identity ? { key: `account:${identity.id}`, limit: this.config.primary.limit } : { key: ANONYMOUS_KEY, limit: ANONYMOUS_LIMIT };
  }

  private snapshot(identity: AccountRecord | null): RateLimitSnapshot {
    const b = this.bucket(identity);
    return this.config.primary.snapshot(b.key, b.limit);
  }

  private baseHeaders(id: string, rate: RateLimitSnapshot): Record<string, string> {
    return {
      "x-github-api-version-selected": API_VERSION,
      "x-github-media-type": "github.v3; format=json",
      "x-github-request-id": id,
      ...rateLimitHeaders(rate),
      "access-control-allow-origin": "*",
      "access-control-expose-headers": EXPOSE_HEADERS,
      "x-content-type-options": "nosniff",
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const env = this.env;
    if (!env) throw new Error("emulator is not listening");
    const { state, primary, secondary, faults } = this.config;
    const id = requestId(++this.seq);
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", env.links.apiBase);
    const raw = await readBody(req);
    const match = this.router.match(method, url.pathname);
    const route = match?.route ?? null;

    let requestBody: unknown = undefined;
    let badJson = false;
    if (raw.length > 0) {
      const text = raw.toString("utf8");
      try {
        requestBody = JSON.parse(text);
      } catch {
        requestBody = text;
        badJson = true;
      }
    }

    const finish = (out: Outgoing): void => {
      this.send(req, res, out);
      const record: ExchangeRecord = {
        method,
        path: url.pathname + url.search,
        route: route?.template ?? null,
        status: out.status,
        responseHeaders: out.headers,
      };
      if (route) record.operationId = route.operationId;
      if (requestBody !== undefined) record.requestBody = requestBody;
      if (out.logged !== undefined) record.responseBody = out.logged;
      if (out.fault) record.fault = true;
      this.config.log.push(record);
      if (this.config.validate) {
        try {
          this.config.validate(record);
        } catch (error) {
          this.config.onHookError(error);
        }
      }
    };
    const json = (status: number, body: unknown, rate: RateLimitSnapshot, extra: Record<string, string> = {}): Outgoing => {
      const payload = jsonPayload(body);
      const headers = { ...this.baseHeaders(id, rate), ...extra };
      if (payload) headers["content-type"] = "application/json; charset=utf-8";
      return { status, headers, payload, logged: body };
    };

    // credentials
    const credentials = readCredentials(req.headers.authorization);
    let identity: AccountRecord | null = null;
    if (credentials.kind === "token") identity = state.identityForToken(credentials.token) ?? null;
    if (credentials.kind === "unsupported" || (credentials.kind === "token" && !identity)) {
      finish(json(401, errorBody(401, "Bad credentials"), this.snapshot(null)));
      return;
    }
    if (credentials.kind === "none" && !this.config.allowAnonymous) {
      finish(json(401, errorBody(401, "Requires authentication"), this.snapshot(null)));
      return;
    }
    const bucket = this.bucket(identity);

    // rate limits
    if (secondary) {
      const verdict = secondary.check(bucket.key, method);
      if (!verdict.allowed) {
        finish(json(403, secondaryLimitBody(id), this.snapshot(identity), { "retry-after": String(verdict.retryAfter) }));
        return;
      }
    }
    if (primary.exhausted(bucket.key, bucket.limit)) {
      const who = !identity
        ? "127.0.0.1"
        : identity.type === "Bot"
          ? `installation ID ${state.appForAccount(identity)?.id ?? identity.id}`
          : `user ID ${identity.id}`;
      finish(json(403, primaryLimitBody(who, id), this.snapshot(identity)));
      return;
    }

    // faults answer instead of the endpoint
    const fault = faults.take(method, url.pathname, route?.template ?? null, id);
    if (fault) {
      if (fault.delayMs > 0) await (this.config.sleep ?? sleep)(fault.delayMs);
      const rate = primary.consume(bucket.key, bucket.limit);
      finish({ ...json(fault.status, fault.body, rate, fault.headers), fault: true });
      return;
    }

    if (!match) {
      finish(json(404, errorBody(404, "Not Found"), primary.consume(bucket.key, bucket.limit)));
      return;
    }
    if (badJson) {
      finish(json(400, errorBody(400, "Problems parsing JSON", `https://docs.github.com/rest/${match.route.docs}`), primary.consume(bucket.key, bucket.limit)));
      return;
    }

    let result: RouteResult;
    try {
      result = await match.route.handler({
        method: (method === "HEAD" ? "GET" : method) as HttpMethod,
        url,
        params: match.params,
        query: url.searchParams,
        body: requestBody,
        identity,
        headers: req.headers,
        env,
        route: match.route,
      });
    } catch (error) {
      if (error instanceof HttpError) {
        result = { status: error.status, body: error.body, headers: error.headers };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        result = { status: 500, body: { ...errorBody(500, "Server Error"), emulator_error: message } };
      }
    }

    const isGet = method === "GET" || method === "HEAD";
    const payload = result.raw ? result.raw.data : jsonPayload(result.body);
    const extra: Record<string, string> = { ...(result.headers ?? {}) };
    if (isGet && result.status === 200 && payload) {
      const etag = computeEtag(payload);
      extra.etag = etag;
      extra["cache-control"] = "private, max-age=60, s-maxage=60";
      extra.vary = "Accept, Authorization, Cookie, X-GitHub-OTP";
      if (ifNoneMatchMatches(req.headers["if-none-match"], etag)) {
        // An authorised conditional request answered 304 does not count against the primary
        // limit (GitHub's rule); an anonymous one does.
        const rate = identity ? this.snapshot(identity) : primary.consume(bucket.key, bucket.limit);
        finish({ status: 304, headers: { ...this.baseHeaders(id, rate), ...extra }, payload: null, logged: undefined });
        return;
      }
    }
    const counts = route?.template !== "/rate_limit";
    const rate = counts ? primary.consume(bucket.key, bucket.limit) : this.snapshot(identity);
    if (result.raw) {
      finish({
        status: result.status,
        headers: { ...this.baseHeaders(id, rate), ...extra, "content-type": result.raw.contentType },
        payload,
        logged: result.raw.data.toString("utf8"),
      });
      return;
    }
    finish(json(result.status, result.body, rate, extra));
  }

  private send(req: IncomingMessage, res: ServerResponse, out: Outgoing): void {
    const noBody = out.status === 204 || out.status === 304 || req.method === "HEAD";
    const headers: Record<string, string> = { ...out.headers };
    if (!noBody && out.payload) headers["content-length"] = String(out.payload.length);
    else if (!noBody) headers["content-length"] = "0";
    res.writeHead(out.status, headers);
    res.end(noBody ? undefined : (out.payload ?? undefined));
  }
}
