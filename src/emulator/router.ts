/**
 * Route table and matching. Templates use GitHub's OpenAPI path syntax
 * ("/orgs/{org}/teams/{team_slug}"); a trailing "{path}" parameter spans
 * slashes (contents API).
 */
import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorEnv } from "./env.js";
import type { AccountRecord } from "./model.js";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RouteResult {
  status: number;
  /** JSON-serialised unless `raw` is given */
  body?: unknown;
  headers?: Record<string, string>;
  raw?: { contentType: string; data: Buffer };
}

export interface RouteContext {
  method: HttpMethod;
  url: URL;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  /** the token's account; null only when anonymous access is allowed and no token was sent */
  identity: AccountRecord | null;
  headers: IncomingHttpHeaders;
  env: EmulatorEnv;
  route: RouteDefinition;
}

export interface RouteDefinition {
  method: HttpMethod;
  template: string;
  operationId: string;
  /** documentation path below https://docs.github.com/rest/ */
  docs: string;
  handler: (ctx: RouteContext) => RouteResult | Promise<RouteResult>;
}

export function docsUrl(route: RouteDefinition): string {
  return `https://docs.github.com/rest/${route.docs}`;
}

interface CompiledRoute {
  route: RouteDefinition;
  regex: RegExp;
  names: string[];
  literalWeight: number;
}

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

function compile(route: RouteDefinition): CompiledRoute {
  const names: string[] = [];
  let literalWeight = 0;
  let pattern = "";
  const segments = route.template.split("/").slice(1);
  segments.forEach((segment, i) => {
    const m = /^\{([^}]+)\}$/.exec(segment);
    if (!m) {
      literalWeight++;
      pattern += "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return;
    }
    const name = m[1] as string;
    names.push(name);
    // a trailing {path} spans slashes and may be empty ("/contents" lists the root)
    pattern += name === "path" && i === segments.length - 1 ? "(?:/(.*))?" : "/([^/]+)";
  });
  return { route, regex: new RegExp(`^${pattern}$`), names, literalWeight };
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: RouteDefinition[]) {
    this.compiled = routes.map(compile).sort((a, b) => b.literalWeight - a.literalWeight);
  }

  get routes(): RouteDefinition[] {
    return this.compiled.map((c) => c.route);
  }

  /** The route for method + raw (still percent-encoded) pathname, if any. */
  match(method: string, pathname: string): RouteMatch | null {
    const wanted = method === "HEAD" ? "GET" : method;
    for (const c of this.compiled) {
      if (c.route.method !== wanted) continue;
      const m = c.regex.exec(pathname);
      if (!m) continue;
      const params: Record<string, string> = {};
      try {
        c.names.forEach((name, i) => {
          params[name] = decodeURIComponent(m[i + 1] ?? "");
        });
      } catch {
        continue;
      }
      return { route: c.route, params };
    }
    return null;
  }
}
