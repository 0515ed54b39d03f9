#!/usr/bin/env node
import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/github/api-unreachable.ts
var ApiUnreachableError = class extends Error {
  constructor(baseUrl, reason, attempts, request) {
    super(`cannot reach the GitHub API at ${baseUrl}: ${reason}; ${attempts > 1 ? `tried ${attempts} times (${request.method} ${request.url})` : `not retried (${request.method} ${request.url})`}. Check --api-url or $GITHUB_API_URL and the network.`);
    this.baseUrl = baseUrl;
    this.reason = reason;
    this.attempts = attempts;
    this.name = "ApiUnreachableError";
    this.request = request;
  }
  baseUrl;
  reason;
  attempts;
  code = "api-unreachable";
  /** For Octokit's retry plugin: an error without a request to repeat (it is not retried again). */
  request;
};
function connectionProblem(e) {
  const err = e;
  if (!err || typeof err !== "object" || err.response !== void 0) return void 0;
  const fetchError = err.cause;
  if (!fetchError || fetchError.name !== "TypeError") return void 0;
  const inner = fetchError.cause;
  const text = typeof inner === "string" ? inner : inner?.message ?? fetchError.message ?? "fetch failed";
  const code = typeof inner === "object" && inner ? inner.code : void 0;
  if (/bad port/i.test(text)) return { why: 'fetch refuses this port (a "bad port" in the Fetch standard, like 9 or 25); use another port', retry: false };
  if (code === "ENOTFOUND") return { why: `unknown host (${text})`, retry: false };
  if (code === "ERR_INVALID_URL" || /invalid url/i.test(text)) return { why: `not a valid URL (${text})`, retry: false };
  return { why: text, retry: true };
}

export {
  ApiUnreachableError,
  connectionProblem
};
