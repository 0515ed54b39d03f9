/** Entity tags and conditional GETs (If-None-Match -> 304). */
import { createHash } from "node:crypto";

/** A weak, quoted hash of the response body, like GitHub's `W/"..."` tags. */
export function computeEtag(body: string | Buffer): string {
  return `W/"${createHash("sha256").update(body).digest("hex")}"`;
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, "");
}

/** Weak comparison, as RFC 9110 prescribes for If-None-Match. */
export function ifNoneMatchMatches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  if (value.trim() === "*") return true;
  const wanted = opaque(etag);
  return value.split(",").some((t) => opaque(t) === wanted);
}
