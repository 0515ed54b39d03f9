/**
 * Every JSON document `jit` prints carries its kind and version as its first field:
 * "format": "jit-access/<kind>@<version>" (e.g. jit-access/validate@1). The version goes up
 * only when a field is removed or changes meaning; new fields may appear at any time.
 */
export const JSON_FORMAT_VERSION = 1;

export type JsonKind = "validate" | "request" | "codeowners" | "plan" | "apply" | "expire" | "revoke" | "audit" | (string & {});

export function jsonFormatTag(kind: JsonKind): string {
  return `jit-access/${kind}@${JSON_FORMAT_VERSION}`;
}

/** The document as printed: the format tag first, then the body's fields, indented. */
export function jsonDocument(kind: JsonKind, body: object): string {
  return `${JSON.stringify({ format: jsonFormatTag(kind), ...body }, null, 2)}\n`;
}
