/**
 * URL building for API objects: `api(...)` points at the emulator itself (so
 * clients that follow `url` fields stay on it), `html(...)` at the web UI base
 * (github.com by default, like real responses).
 */

export class Links {
  readonly apiBase: string;
  readonly htmlBase: string;

  constructor(apiBase: string, htmlBase = "https://github.com") {
    this.apiBase = apiBase.replace(/\/+$/, "");
    this.htmlBase = htmlBase.replace(/\/+$/, "");
  }

  /** `path` must already be encoded (use `seg` for path segments). */
  api(path: string): string {
    return this.apiBase + path;
  }

  html(path: string): string {
    return this.htmlBase + path;
  }
}

/** Encode one URL path segment (logins such as "app[bot]" need it). */
export function seg(value: string | number): string {
  return encodeURIComponent(String(value));
}

/** Encode a repository file path, keeping its slashes. */
export function filePath(path: string): string {
  return path.split("/").map((p) => encodeURIComponent(p)).join("/");
}
