/**
 * The GitHub API could not be reached at all (connection refused, unknown host, a port fetch
 * refuses): said once, plainly, with the URL and what was retried — not as a 500 from GitHub.
 * A configuration problem: the CLI exits 2.
 */
export class ApiUnreachableError extends Error {
  readonly code = "api-unreachable";
  /** For Octokit's retry plugin: an error without a request to repeat (it is not retried again). */
  readonly request: { method: string; url: string };
  constructor(
    readonly baseUrl: string,
    readonly reason: string,
    readonly attempts: number,
    request: { method: string; url: string },
  ) {
    super(`cannot reach the GitHub API at ${baseUrl}: ${reason}; ${attempts > 1 ? `tried ${attempts} times (${request.method} ${request.url})` : `not retried (${request.method} ${request.url})`}. Check --api-url or $GITHUB_API_URL and the network.`);
    this.name = "ApiUnreachableError";
    this.request = request;
  }
}

/** Why a failed fetch did not reach the server, or undefined when the server answered. */
export function connectionProblem(e: unknown): { why: string; retry: boolean } | undefined {
  const err = e as { status?: number; cause?: unknown; response?: unknown } | undefined;
  if (!err || typeof err !== "object" || err.response !== undefined) return undefined;
  const fetchError = err.cause as { name?: string; message?: string; cause?: unknown } | undefined;
  if (!fetchError || fetchError.name !== "TypeError") return undefined;
  const inner = fetchError.cause as { code?: string; message?: string } | string | undefined;
  const text = typeof inner === "string" ? inner : inner?.message ?? fetchError.message ?? "fetch failed";
  const code = typeof inner === "object" && inner ? inner.code : undefined;
  if (/bad port/i.test(text)) return { why: "fetch refuses this port (a \"bad port\" in the Fetch standard, like 9 or 25); use another port", retry: false };
  if (code === "ENOTFOUND") return { why: `unknown host (${text})`, retry: false };
  if (code === "ERR_INVALID_URL" || /invalid url/i.test(text)) return { why: `not a valid URL (${text})`, retry: false };
  return { why: text, retry: true };
}
