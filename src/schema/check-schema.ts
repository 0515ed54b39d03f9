/**
 * JSON Schema checks for lease and policy documents. The schemas in schemas/ are compiled
 * once per process; ajv errors are turned into diagnostics at the offending key or value.
 */
import type { ErrorObject, ValidateFunction } from "ajv";
import { diagnostic } from "../diagnostics/diagnostic.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { ParsedYaml } from "../document/parse-yaml.js";
import { escapePointerSegment } from "../document/parse-yaml.js";
// Standalone validators generated from schemas/*.json at build time (compiled once, ahead
// of time, with allErrors, strict mode and the RFC 3339 date-time format).
import * as generated from "./generated/validators.js";

export type SchemaKind = "lease" | "policy";

const validators: Record<SchemaKind, ValidateFunction> = { lease: generated.lease, policy: generated.policy };

export function checkSchema(kind: SchemaKind, file: string, doc: ParsedYaml): Diagnostic[] {
  const validate = validators[kind];
  if (validate(doc.value)) return [];
  return toDiagnostics(kind, file, doc, validate.errors ?? []);
}

function toDiagnostics(kind: SchemaKind, file: string, doc: ParsedYaml, errors: ErrorObject[]): Diagnostic[] {
  // oneOf/anyOf produce a summary error plus one per branch; report only what a person can act on.
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const branchy = errors.some((e) => e.keyword === "oneOf" && e.instancePath === "");
  for (const e of errors) {
    if (irrelevantBranch(doc.value, e, errors)) continue;
    const d = describe(kind, file, doc, e, branchy);
    if (!d) continue;
    const key = `${d.line}:${d.column}:${d.code}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  if (out.length === 0 && errors[0]) {
    out.push(diagnostic(`${kind}-schema`, file, doc.locate(errors[0].instancePath), `Invalid ${kind}: ${errors[0].message ?? "does not match the schema"}.`));
  }
  return out;
}

const PROVIDER_DEFINITION: Record<string, string> = { "github-team": "githubTeam", "github-repo": "githubRepo", "github-org-role": "githubOrgRole", postgres: "postgres", "ssh-certificate": "sshCertificate", command: "command" };
const PROVIDER_DEFINITIONS = Object.values(PROVIDER_DEFINITION);

function valueAt(root: unknown, pointer: string): unknown {
  let v = root;
  for (const seg of pointer.split("/").slice(1)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return v;
}

/**
 * oneOf reports every branch's errors; only the branch the author meant is worth reading:
 * for a provider, the one matching its `type`; for allowRequestFor, the list branch when a
 * list was given (and no summary line when a deeper error explains it).
 */
function irrelevantBranch(root: unknown, e: ErrorObject, all: ErrorObject[]): boolean {
  const provider = /^(.*\/provider)(?:\/|$)/.exec(e.instancePath);
  if (provider && PROVIDER_DEFINITIONS.some((d) => e.schemaPath.includes(`/definitions/${d}/`))) {
    const type = (valueAt(root, provider[1]!) as { type?: unknown } | undefined)?.type;
    const want = typeof type === "string" ? PROVIDER_DEFINITION[type] : undefined;
    if (!want) return !e.instancePath.endsWith("/type") || e.keyword !== "const";
    return !e.schemaPath.includes(`/definitions/${want}/`);
  }
  if (e.instancePath.endsWith("/allowRequestFor") && e.keyword === "type") {
    // A oneOf branch's type error ("must be boolean" / "must be array"): the oneOf line says it better.
    return all.some((o) => o.keyword === "oneOf" && o.instancePath === e.instancePath);
  }
  if (e.keyword === "oneOf" && e.instancePath.endsWith("/allowRequestFor")) {
    return all.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`));
  }
  return false;
}

function fieldName(pointer: string): string {
  const parts = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  return parts.length ? parts.join(".") : "(document)";
}

function describe(kind: SchemaKind, file: string, doc: ParsedYaml, e: ErrorObject, branchy: boolean): Diagnostic | undefined {
  const field = fieldName(e.instancePath);
  const schemaHint = `See schemas/${kind}.v1.schema.json.`;
  switch (e.keyword) {
    case "additionalProperties": {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      const pointer = `${e.instancePath}/${escapePointerSegment(extra)}`;
      const where = e.instancePath ? ` in ${field}` : "";
      return diagnostic(
        `${kind}-unknown-field`,
        file,
        doc.locateKey(pointer),
        `Unknown field '${extra}'${where}.`,
        `Remove it or fix its spelling. ${schemaHint}`,
      );
    }
    case "required": {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      // The duration/expires choice is reported once, by the oneOf branch below.
      if (kind === "lease" && e.instancePath === "" && (missing === "duration" || missing === "expires")) return undefined;
      if (kind === "policy" && /\/resources\/[^/]+$/.test(e.instancePath) && (missing === "approvers" || missing === "approvals")) {
        return diagnostic("policy-schema-required", file, doc.locateKey(e.instancePath), `Resource ${field.split(".")[1]} needs 'approvers' or 'approvals'.`, "Say who approves requests for this resource.");
      }
      const where = e.instancePath ? ` in ${field}` : "";
      return diagnostic(`${kind}-missing-field`, file, doc.locateKey(e.instancePath), `Missing required field '${missing}'${where}.`, `Add '${missing}:'. ${schemaHint}`);
    }
    case "oneOf": {
      if (kind === "lease" && e.instancePath === "") {
        const v = doc.value as Record<string, unknown>;
        const both = v && typeof v === "object" && "duration" in v && "expires" in v;
        return diagnostic(
          "lease-duration-or-expires",
          file,
          both ? doc.locateKey("/expires") : doc.locate(""),
          both ? "A lease has either 'duration' or 'expires', not both." : "A lease needs 'duration' (e.g. 4h) or 'expires' (an RFC 3339 time).",
          both ? "Keep one of them." : "Add 'duration: 4h' or 'expires: 2026-11-24T12:00:00Z'.",
        );
      }
      if (kind === "policy" && e.instancePath.endsWith("/provider")) return undefined; // branch errors say more
      if (kind === "policy" && e.instancePath.endsWith("/allowRequestFor")) {
        return diagnostic("policy-schema-type", file, doc.locate(e.instancePath), `${field} must be true, false or a list of people.`);
      }
      return undefined;
    }
    case "not": {
      if (kind === "policy" && /\/resources\/[^/]+$/.test(e.instancePath)) {
        return diagnostic("policy-approvers-conflict", file, doc.locateKey(`${e.instancePath}/approvals`), `Resource ${field.split(".")[1]} has both 'approvers' and 'approvals'.`, "Use 'approvers' with 'requiredApprovals', or the long form 'approvals', not both.");
      }
      return undefined;
    }
    case "const": {
      if (kind === "policy" && e.instancePath.endsWith("/provider/type")) {
        return diagnostic("policy-schema-value", file, doc.locate(e.instancePath), "provider.type must be one of \"github-team\", \"github-repo\", \"github-org-role\", \"postgres\", \"ssh-certificate\", \"command\".");
      }
      const allowed = JSON.stringify((e.params as { allowedValue: unknown }).allowedValue);
      return diagnostic(`${kind}-schema-value`, file, doc.locate(e.instancePath), `${field} must be ${allowed}.`);
    }
    case "enum": {
      if (kind === "policy" && e.instancePath.endsWith("/provider/type")) return undefined; // the const line says it, once
      const allowed = ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ");
      return diagnostic(`${kind}-schema-value`, file, doc.locate(e.instancePath), `${field} must be one of ${allowed}.`);
    }
    case "type": {
      if (branchy && e.schemaPath.startsWith("#/oneOf")) return undefined;
      if (e.schemaPath.includes("/allowRequestFor/oneOf")) return undefined;
      const t = (e.params as { type: string }).type;
      const top = e.instancePath === "";
      return diagnostic(
        `${kind}-schema-type`,
        file,
        doc.locate(e.instancePath),
        top ? `The ${kind} file must be a YAML mapping (key: value lines).` : `${field} must be ${article(t)}.`,
        top ? `See examples/access-repo for a complete ${kind} file.` : undefined,
      );
    }
    case "pattern":
      if (kind === "lease" && /^\/(expires|notBefore)$/.test(e.instancePath)) {
        return diagnostic("lease-naive-or-invalid-time", file, doc.locate(e.instancePath), `${field} must be an RFC 3339 time with an explicit offset, like 2026-11-24T12:00:00Z or 2026-11-24T13:00:00+01:00.`, "Times without 'Z' or an offset are ambiguous and are rejected.");
      }
      return diagnostic(`${kind}-schema-format`, file, doc.locate(e.instancePath), `${field} has an invalid value: ${patternHelp(e.instancePath)}.`);
    case "format":
      return diagnostic(
        `${kind}-naive-or-invalid-time`,
        file,
        doc.locate(e.instancePath),
        `${field} must be an RFC 3339 time with an explicit offset, like 2026-11-24T12:00:00Z or 2026-11-24T13:00:00+01:00.`,
        "Times without 'Z' or an offset are ambiguous and are rejected.",
      );
    case "minLength":
    case "maxLength":
    case "minItems":
    case "maxItems":
    case "minimum":
    case "maximum":
    case "minProperties":
    case "uniqueItems":
      return diagnostic(`${kind}-schema-${e.keyword === "uniqueItems" ? "duplicate" : "range"}`, file, doc.locate(e.instancePath), `${field} ${e.message ?? "is out of range"}.`);
    case "propertyNames":
      return undefined; // reported by the pattern error on the name
    default:
      return diagnostic(`${kind}-schema`, file, doc.locate(e.instancePath), `${field} ${e.message ?? "does not match the schema"}.`, schemaHint);
  }
}

function article(t: string): string {
  const a: Record<string, string> = { string: "a string", object: "a mapping", array: "a list", boolean: "true or false", integer: "a whole number", number: "a number" };
  return t.split(",").map((x) => a[x] ?? x).join(" or ");
}

function patternHelp(pointer: string): string {
  const last = [...pointer.split("/")].reverse().find((seg) => !/^\d+$/.test(seg)) ?? "";
  if (last === "run") return "use a path in this repo like commands/grant.mjs (no leading . or /, no .. or empty parts)";
  if (last === "env") return "use an environment variable name in capitals, like JIT_PG_PROD";
  if (last === "sourceAddress") return "use an address or CIDR range, like 10.0.0.0/8";
  if (last === "duration" || /^max|Ahead$|Within$|remindBefore/.test(last)) return "use days, hours and minutes like 30m, 4h or 1d12h";
  if (last === "grantee") return "use a GitHub login like alice";
  if (last === "resource") return "use a resource id from policy.yaml (lowercase letters, digits and dashes)";
  if (last === "hours") return "use HH:MM-HH:MM, e.g. 09:00-18:00";
  return "see the schema for the allowed form (logins like alice, teams like @org/team, groups like group:name)";
}
