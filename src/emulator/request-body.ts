/**
 * Checking JSON request bodies the way GitHub's request schema check answers:
 * 422 "Invalid request.\n\n<detail>".
 */
import { invalidRequest } from "./errors.js";

export type JsonObject = Record<string, unknown>;

export function asObject(body: unknown, docs: string): JsonObject {
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) {
    throw invalidRequest(`${JSON.stringify(body)} is not an object.`, docs);
  }
  return body as JsonObject;
}

function notA(name: string, value: unknown, what: string, docs: string): Error {
  return invalidRequest(`For 'properties/${name}', ${JSON.stringify(value) ?? "nil"} is not ${what}.`, docs);
}

export function requiredString(body: JsonObject, name: string, docs: string): string {
  const v = body[name];
  if (v === undefined) throw invalidRequest(`"${name}" wasn't supplied.`, docs);
  if (typeof v !== "string") throw notA(name, v, "a string", docs);
  return v;
}

export function optionalString(body: JsonObject, name: string, docs: string): string | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw notA(name, v, "a string", docs);
  return v;
}

export function optionalEnum<T extends string>(body: JsonObject, name: string, values: readonly T[], docs: string): T | undefined {
  const v = optionalString(body, name, docs);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) {
    throw invalidRequest(`For 'properties/${name}', "${v}" is not one of [${values.map((x) => `"${x}"`).join(", ")}].`, docs);
  }
  return v as T;
}

export function optionalObject(body: JsonObject, name: string, docs: string): JsonObject | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw notA(name, v, "an object", docs);
  return v as JsonObject;
}

export function optionalArray(body: JsonObject, name: string, docs: string): unknown[] | undefined {
  const v = body[name];
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw notA(name, v, "an array", docs);
  return v;
}

/** "Only N characters are allowed; M were supplied." */
export function maxLength(value: string | undefined, limit: number, docs: string): void {
  if (value !== undefined && value.length > limit) {
    throw invalidRequest(`Only ${limit} characters are allowed; ${value.length} were supplied.`, docs);
  }
}

/** "No more than N items are allowed; M were supplied." */
export function maxItems(value: unknown[] | undefined, limit: number, docs: string): void {
  if (value !== undefined && value.length > limit) {
    throw invalidRequest(`No more than ${limit} items are allowed; ${value.length} were supplied.`, docs);
  }
}
