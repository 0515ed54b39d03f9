/** One request/response pair as seen by the emulator (the request log and the validate hook get these). */
export interface ExchangeRecord {
  method: string;
  /** path with query, e.g. "/orgs/acme/members?per_page=100" */
  path: string;
  /** matched route template, e.g. "/orgs/{org}/teams/{team_slug}"; null when no route matched */
  route: string | null;
  operationId?: string;
  status: number;
  requestBody?: unknown;
  /** parsed JSON body (undefined for empty bodies, a string for non-JSON bodies) */
  responseBody?: unknown;
  responseHeaders: Record<string, string>;
  /** set when the response came from an injected fault */
  fault?: boolean;
}
