/**
 * README's generated sections, from their sources: the lease and policy fields from
 * schemas/lease.v1.schema.json and schemas/policy.v1.schema.json (their descriptions), the Action's inputs and outputs from
 * action.yml, the rule codes from src/diagnostics/rule-codes.ts. Each lives in README between
 * `<!-- generated:NAME -->` and `<!-- /generated -->`; `npm run docs` rewrites them and a test
 * fails when one is stale. A field, input, output or code added to a source appears on the
 * next `npm run docs`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { RULE_CODE_SECTIONS } from "../src/diagnostics/rule-codes.js";

export type Schema = {
  description?: string;
  definitions?: Record<string, Schema>;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  $ref?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  required?: string[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
};

/** A table cell: one line, pipes escaped, `<` outside code spans escaped (GitHub drops unknown tags such as <id>). */
const cell = (s: string) =>
  s
    .replace(/\s+/g, " ")
    .split("`")
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, "&lt;") : part))
    .join("`")
    .replace(/\|/g, "\\|")
    .trim();
const code = (s: string) => `\`${s}\``;

function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) node = (node as Record<string, unknown>)[part];
  if (!node) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

/** A property's schema with $refs followed, keeping the nearest description. */
function deref(root: Schema, s: Schema): Schema {
  let out = s;
  const seen = new Set<string>();
  while (out.$ref && !seen.has(out.$ref)) {
    seen.add(out.$ref);
    const target = resolveRef(root, out.$ref);
    const { $ref: _ref, ...rest } = out;
    out = { ...target, ...rest, description: out.description ?? target.description };
  }
  return out;
}

function typeOf(root: Schema, raw: Schema): string {
  const ref = raw.$ref ?? "";
  const s = deref(root, raw);
  if (s.const !== undefined) return code(JSON.stringify(s.const).replace(/"/g, ""));
  if (s.enum) return s.enum.map((v) => code(String(v))).join(", ");
  if (ref.endsWith("/duration") || ref.endsWith("Duration") || ref.endsWith("reviewWithin") || ref.endsWith("remindBefore") || ref.endsWith("maxScheduleAhead")) return "duration";
  if (ref.endsWith("/people") || ref.endsWith("/requesters") || s.items?.$ref === "#/definitions/personRef") return "people";
  if (s.oneOf) return [...new Set(s.oneOf.map((o) => typeOf(root, o)))].join(" or ");
  if (!s.properties && s.additionalProperties && typeof s.additionalProperties === "object") return `map: name → ${typeOf(root, s.additionalProperties)}`;
  const t = Array.isArray(s.type) ? s.type.join(" or ") : (s.type ?? (s.properties ? "object" : ""));
  if (t === "array") {
    const item = s.items ? deref(root, s.items) : undefined;
    if (item?.enum) return `list of ${item.enum.map((v) => code(String(v))).join(", ")}`;
    if (item?.properties) return "list of objects";
    return `list of ${item?.type ?? "values"}`;
  }
  if (t === "integer" || t === "number") return s.minimum !== undefined && s.maximum !== undefined ? `${t} ${s.minimum}–${s.maximum}` : t;
  return t;
}

interface Row {
  field: string;
  type: string;
  required: boolean;
  description: string;
}

/** Rows for an object's properties and, recursively, its nested objects' and lists' fields. */
function fieldRows(root: Schema, obj: Schema, prefix: string, stopAt: (path: string) => boolean = () => false): Row[] {
  const s = deref(root, obj);
  const rows: Row[] = [];
  for (const [key, raw] of Object.entries(s.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const p = deref(root, raw);
    rows.push({ field: path, type: typeOf(root, raw), required: (s.required ?? []).includes(key), description: p.description ?? "" });
    if (stopAt(path)) continue;
    if (p.properties && !p.oneOf) rows.push(...fieldRows(root, p, path));
    const item = p.items ? deref(root, p.items) : undefined;
    if (item?.properties) rows.push(...fieldRows(root, item, `${path}[]`));
  }
  return rows;
}

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)].join("\n");
}

export function policyFields(root: Schema): string {
  const resource = resolveRef(root, "#/definitions/resource");
  const settings = new Set(Object.keys(resolveRef(root, "#/definitions/settings").properties ?? {}));
  const top = fieldRows(root, root, "", () => true).map((r) => [code(r.field === "resources" ? "resources.<id>" : r.field), r.field === "resources" ? "object" : r.type, r.required ? "yes" : "", r.description]);
  const res = fieldRows(root, resource, "", (p) => p === "provider").map((r) => {
    const setting = settings.has(r.field);
    return [code(r.field), r.type, r.required ? "yes" : setting ? "*setting*" : "", r.description];
  });
  const providers = (deref(root, resource.properties!.provider!).oneOf ?? []).flatMap((o) => {
    const def = deref(root, o);
    const type = String(def.properties?.type?.const ?? "");
    return fieldRows(root, def, "provider")
      .filter((r) => r.field !== "provider.type")
      .map((r) => [code(type), code(r.field), r.type, r.required ? "yes" : "", r.description]);
  });
  return [
    "Top level:",
    "",
    table(["Field", "Type", "Required", "Meaning"], top),
    "",
    "Each resource (`resources.<id>`). Fields marked *setting* may also be given in `defaults`, which every resource inherits:",
    "",
    table(["Field", "Type", "Required", "Meaning"], res),
    "",
    "`provider`, by `type`:",
    "",
    table(["`type`", "Field", "Type", "Required", "Meaning"], providers),
  ].join("\n");
}

export function leaseFields(root: Schema): string {
  return table(
    ["Field", "Type", "Required", "Meaning"],
    fieldRows(root, root, "").map((r) => [code(r.field), r.type, r.required ? "yes" : "", r.description]),
  );
}

export interface ActionYml {
  inputs?: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs?: Record<string, { description?: string }>;
}

export function actionInputs(action: ActionYml): string {
  const rows = Object.entries(action.inputs ?? {}).map(([name, i]) => [code(name), i.required ? "yes" : "", i.default === undefined || i.default === "" ? "" : code(String(i.default)), i.description ?? ""]);
  return table(["Input", "Required", "Default", "Description"], rows);
}

export function actionOutputs(action: ActionYml): string {
  return table(["Output", "Description"], Object.entries(action.outputs ?? {}).map(([name, o]) => [code(name), o.description ?? ""]));
}

export function ruleCodes(): string {
  return RULE_CODE_SECTIONS.map((s) =>
    [`**${s.title}.** ${s.intro}`, "", table(["Code", "Meaning"], s.rules.map((r) => [r.codes.map(code).join(", ") + (r.warning ? " (warning)" : ""), r.meaning]))].join("\n"),
  ).join("\n\n");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/ /g, "-");
}

/** The table of contents: README's ## and ### headings (outside code blocks), linked. */
export function contents(readme: string): string {
  const items: string[] = [];
  const used = new Map<string, number>();
  let fence = false;
  for (const line of readme.split("\n")) {
    if (line.startsWith("```")) fence = !fence;
    const m = fence ? null : /^(#{1,3}) (.+)$/.exec(line);
    if (!m) continue;
    const base = anchorOf(m[2]!);
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    if (m[1]!.length === 1 || m[2] === "Contents") continue;
    const anchor = n ? `${base}-${n}` : base;
    items.push(`${m[1]!.length === 3 ? "  " : ""}- [${m[2]!.replace(/[[\]]/g, "")}](#${anchor})`);
  }
  return items.join("\n");
}

/** Every generated section's text, by name, read from the sources under root. */
export function generatedSections(root: string, readme = readFileSync(join(root, "README.md"), "utf8")): Record<string, string> {
  const schema = JSON.parse(readFileSync(join(root, "schemas/policy.v1.schema.json"), "utf8")) as Schema;
  const lease = JSON.parse(readFileSync(join(root, "schemas/lease.v1.schema.json"), "utf8")) as Schema;
  const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as ActionYml;
  return {
    contents: contents(readme),
    "lease-fields": leaseFields(lease),
    "policy-fields": policyFields(schema),
    "action-inputs": actionInputs(action),
    "action-outputs": actionOutputs(action),
    "rule-codes": ruleCodes(),
  };
}

const BLOCK = /<!-- generated:([a-z0-9-]+) -->\n[\s\S]*?<!-- \/generated -->/g;

/** README with every generated block replaced by its section; throws on an unknown or missing name. */
export function renderReadme(readme: string, sections: Record<string, string>): string {
  const seen = new Set<string>();
  const out = readme.replace(BLOCK, (_m, name: string) => {
    const text = sections[name];
    if (text === undefined) throw new Error(`README has a generated block '${name}' that no source generates`);
    seen.add(name);
    return `<!-- generated:${name} -->\n<!-- Generated by npm run docs from its source; do not edit by hand. -->\n${text}\n<!-- /generated -->`;
  });
  const missing = Object.keys(sections).filter((n) => !seen.has(n));
  if (missing.length) throw new Error(`README lacks the generated block(s) ${missing.join(", ")}: add <!-- generated:NAME --> … <!-- /generated -->`);
  return out;
}

/** Names of the blocks whose text differs from a fresh generation. */
export function staleSections(readme: string, sections: Record<string, string>): string[] {
  const fresh = renderReadme(readme, sections);
  const blocks = (t: string) => new Map([...t.matchAll(BLOCK)].map((m) => [m[1]!, m[0]]));
  const a = blocks(readme);
  const b = blocks(fresh);
  return [...b.keys()].filter((k) => a.get(k) !== b.get(k));
}
