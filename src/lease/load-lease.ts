/**
 * Turns the bytes of a lease file into a checked Lease: safe YAML, then the JSON Schema.
 * Returns the parsed document too, so later checks can point at positions.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseYamlBytes } from "../document/parse-yaml.js";
import type { ParsedYaml } from "../document/parse-yaml.js";
import { checkSchema } from "../schema/check-schema.js";
import type { Lease } from "./lease.js";

export interface LoadedLease {
  lease?: Lease;
  doc: ParsedYaml;
  diagnostics: Diagnostic[];
}

export function loadLease(file: string, bytes: Uint8Array): LoadedLease {
  const doc = parseYamlBytes(file, bytes);
  if (doc.diagnostics.length > 0) return { doc, diagnostics: doc.diagnostics };
  const diagnostics = checkSchema("lease", file, doc);
  if (diagnostics.length > 0) return { doc, diagnostics };
  return { lease: doc.value as Lease, doc, diagnostics };
}
