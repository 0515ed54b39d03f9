/**
 * GitHub-style pagination: `per_page` (default 30, max 100) and `page`
 * (from 1), with a `Link` header (rel="prev", "next", "last", "first") built
 * from the server's absolute URL, keeping the other query parameters.
 */

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface PageWindow<T> {
  items: T[];
  headers: Record<string, string>;
}

function positiveInt(value: string | null, fallback: number): number {
  if (value === null) return fallback;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? n : fallback;
}

export function pageParams(query: URLSearchParams): { perPage: number; page: number } {
  return {
    perPage: Math.min(positiveInt(query.get("per_page"), DEFAULT_PER_PAGE), MAX_PER_PAGE),
    page: positiveInt(query.get("page"), 1),
  };
}

/** `requestUrl` is the URL as requested (any host); links use `apiBase`. */
export function paginate<T>(requestUrl: URL, apiBase: string, items: readonly T[]): PageWindow<T> {
  const { perPage, page } = pageParams(requestUrl.searchParams);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const start = (page - 1) * perPage;
  const window = items.slice(start, start + perPage);

  const link = (n: number, rel: string): string => {
    const u = new URL(apiBase + requestUrl.pathname + requestUrl.search);
    u.searchParams.set("page", String(n));
    return `<${u.toString()}>; rel="${rel}"`;
  };
  const rels: string[] = [];
  if (page > 1) rels.push(link(Math.min(page - 1, lastPage), "prev"));
  if (page < lastPage) rels.push(link(page + 1, "next"), link(lastPage, "last"));
  if (page > 1) rels.push(link(1, "first"));
  return { items: window, headers: rels.length > 0 ? { link: rels.join(", ") } : {} };
}
