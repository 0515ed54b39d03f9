/**
 * Conditional requests for the list pages the providers read: each GET of a list page is sent
 * with `If-None-Match: <ETag of that page seen before>`, and a 304 answer — which GitHub does
 * not count against the rate limit — is served from the body kept with that ETag.
 *
 * Safety: a cached body is only ever used when GitHub itself answers 304 to its ETag, i.e.
 * says that page is still exactly what it was when we kept it. Where the cache comes from a
 * place others can write (refs/jit/state), it is only loaded when its MAC verifies (see
 * git/reconcile-state.ts), so nobody can pair a real ETag with a body of their own. A page
 * that was full and had no next page is always fetched in full: whether GitHub's ETag covers
 * the Link header is not documented, and a 304 there could hide a new last page.
 */
import type { GitHubClient } from "./client.js";

/** One list page as GitHub last answered it. */
export interface CachedPage {
  etag: string;
  /** The Link header (pagination) that came with the body. */
  link?: string;
  body: unknown;
  /** When it was last confirmed or fetched (ms); entries unused for long are dropped. */
  seen: number;
}

export interface CacheStats {
  /** Requests sent with If-None-Match. */
  conditional: number;
  /** Of those, answered 304 (not counted by GitHub). */
  notModified: number;
  /** Pages fetched in full and kept. */
  stored: number;
}

/** List endpoints the providers and the verification read (path without query). */
const LIST_PAGES = [
  /^\/orgs\/[^/]+\/teams\/[^/]+\/members$/,
  /^\/orgs\/[^/]+\/teams\/[^/]+\/invitations$/,
  /^\/orgs\/[^/]+\/teams$/,
  /^\/orgs\/[^/]+\/invitations$/,
  /^\/orgs\/[^/]+\/organization-roles$/,
  /^\/orgs\/[^/]+\/organization-roles\/[^/]+\/users$/,
  /^\/repos\/[^/]+\/[^/]+\/collaborators$/,
  /^\/repos\/[^/]+\/[^/]+\/invitations$/,
  // the two-factor lists every verification reads (members, outside collaborators without 2FA)
  /^\/orgs\/[^/]+\/members$/,
  /^\/orgs\/[^/]+\/outside_collaborators$/,
];

export function isCachedListPage(path: string): boolean {
  const bare = path.split("?")[0] ?? path;
  return LIST_PAGES.some((re) => re.test(bare));
}

/** The ETag and body of list pages, by request path (with query, without the API base). */
export class ResponseCache {
  readonly entries: Map<string, CachedPage>;
  readonly stats: CacheStats = { conditional: 0, notModified: 0, stored: 0 };
  /** Set when an entry changed (new or re-fetched): the store writes the cache back only then. */
  changed = false;

  constructor(entries: Iterable<[string, CachedPage]> = []) {
    this.entries = new Map(entries);
  }

  /** Drops entries not confirmed since `before` (resources gone from the policy, old pages). */
  prune(before: number): void {
    for (const [k, v] of this.entries) {
      if (v.seen < before) {
        this.entries.delete(k);
        this.changed = true;
      }
    }
  }
}

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = headers?.[name];
  return typeof v === "string" ? v : undefined;
}

function perPage(path: string): number {
  const q = path.includes("?") ? new URLSearchParams(path.slice(path.indexOf("?") + 1)) : new URLSearchParams();
  const n = Number(q.get("per_page") ?? 30);
  return Number.isInteger(n) && n > 0 ? n : 30;
}

/** Would a 304 on this page be enough to know the whole list? Not for a full page without a next link. */
function safeToRevalidate(path: string, page: CachedPage): boolean {
  if (!Array.isArray(page.body)) return true;
  return page.body.length < perPage(path) || /rel="next"/.test(page.link ?? "");
}

/**
 * Makes every GET of a list page through `gh` conditional on `cache`. `now` stamps entries
 * (the run's time, never the clock). Octokit's hooks all see the same options object, so the
 * header is set in a `before` hook (a `wrap` cannot change what inner hooks send), the page
 * kept in an `after` hook, and a 304 turned into the page in an `error` hook.
 */
export function useConditionalRequests(gh: GitHubClient, cache: ResponseCache, now: number): void {
  const sent = new WeakMap<object, { key: string; page?: CachedPage }>();
  gh.hook.before("request", (options) => {
    if ((options.method ?? "GET").toUpperCase() !== "GET") return;
    const url = new URL(gh.request.endpoint(options).url);
    if (!isCachedListPage(url.pathname)) return;
    const key = url.pathname + url.search;
    const page = cache.entries.get(key);
    if (page && safeToRevalidate(key, page)) {
      options.headers = { ...options.headers, "if-none-match": page.etag };
      cache.stats.conditional++;
      sent.set(options, { key, page });
    } else sent.set(options, { key });
  });
  gh.hook.after("request", (res, options) => {
    const s = sent.get(options);
    const etag = header(res.headers as Record<string, unknown>, "etag");
    if (!s || res.status !== 200 || !etag) return;
    const link = header(res.headers as Record<string, unknown>, "link");
    cache.entries.set(s.key, { etag, ...(link ? { link } : {}), body: res.data, seen: now });
    cache.stats.stored++;
    cache.changed = true;
  });
  gh.hook.error("request", (error, options) => {
    const s = sent.get(options);
    const status = (error as { status?: number }).status;
    if (!s?.page || status !== 304) throw error;
    const page = s.page;
    const response = (error as { response?: { headers?: Record<string, unknown>; url?: string } }).response;
    cache.stats.notModified++;
    page.seen = now;
    // GitHub confirmed the kept page is current: answer as the 200 it stands for.
    const headers = { ...(response?.headers ?? {}), etag: page.etag } as Record<string, string>;
    if (page.link) headers.link = page.link;
    else delete headers.link;
    return { status: 200, url: response?.url ?? s.key, headers, data: page.body } as never;
  });
}
