/**
 * GitHub-shaped error responses. Handlers throw `HttpError`; the server turns
 * it into a response.
 */

export const DOCS_ROOT = "https://docs.github.com/rest";

export interface ValidationErrorItem {
  resource: string;
  code: string;
  field?: string;
  message?: string;
  value?: unknown;
}

export class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(typeof body === "object" && body !== null && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

export function errorBody(status: number, message: string, documentationUrl: string = DOCS_ROOT): Record<string, unknown> {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

export function notFound(documentationUrl: string = DOCS_ROOT, message = "Not Found"): HttpError {
  return new HttpError(404, errorBody(404, message, documentationUrl));
}

export function forbidden(message: string, documentationUrl: string = DOCS_ROOT): HttpError {
  return new HttpError(403, errorBody(403, message, documentationUrl));
}

/** 422 "Validation Failed" with structured errors (resource/code/field). */
export function validationFailed(errors: ValidationErrorItem[], documentationUrl: string = DOCS_ROOT): HttpError {
  return new HttpError(422, { message: "Validation Failed", errors, documentation_url: documentationUrl, status: "422" });
}

/** 422 "Unprocessable Entity" with a list of plain string errors. */
export function unprocessable(errors: string[], documentationUrl: string = DOCS_ROOT): HttpError {
  return new HttpError(422, { message: "Unprocessable Entity", errors, documentation_url: documentationUrl, status: "422" });
}

/** 422 from GitHub's request-schema check: "Invalid request.\n\n<detail>". */
export function invalidRequest(detail: string, documentationUrl: string = DOCS_ROOT): HttpError {
  return new HttpError(422, errorBody(422, `Invalid request.\n\n${detail}`, documentationUrl));
}

export function badRequest(message: string, documentationUrl: string = DOCS_ROOT): HttpError {
  return new HttpError(400, errorBody(400, message, documentationUrl));
}
