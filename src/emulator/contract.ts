/**
 * Contract check of exchanges against GitHub's OpenAPI description
 * (@octokit/openapi, a devDependency: import this from tests only, never from
 * runtime code). Finds the operation of a request (path template + method),
 * validates the response body against the schema documented for its status,
 * and reports undocumented statuses.
 *
 * Memory: it reads the non-dereferenced description (13 MB) and lets ajv
 * resolve $refs; validators are compiled lazily, once per operation+status.
 * OpenAPI 3.0 specifics are translated for ajv: `nullable`, and `oneOf` with a
 * `discriminator` (GitHub's branches overlap, e.g. private-user is also a
 * valid public-user) becomes `anyOf`.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { Ajv, _ } from "ajv";
import standaloneModule from "ajv/dist/standalone/index.js";
import type { ErrorObject, ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import type { ExchangeRecord } from "./exchange.js";

export type ViolationKind =
  | "unknown-operation"
  | "undocumented-status"
  | "response-schema"
  | "missing-body"
  | "unexpected-body"
  | "request-schema";

export interface ContractViolation {
  kind: ViolationKind;
  method: string;
  path: string;
  status: number;
  operationId?: string;
  message: string;
  errors?: ErrorObject[];
}

export interface ContractValidatorOptions {
  /**
   * Statuses any endpoint may answer although an operation does not document
   * them (auth, rate limits, not found, validation, server errors); their
   * bodies must still be GitHub error bodies. Default: 304 400 401 403 404 409
   * 410 422 429 500 502 503 504.
   */
  genericStatuses?: number[];
  /** Also validate JSON request bodies against the documented request schema. Default false. */
  validateRequests?: boolean;
  /**
   * Directory for compiled validators shared between processes, or false for none. Default:
   * node_modules/.cache/jit-contract when the description is in node_modules.
   */
  cache?: string | false;
}

export interface OperationMatch {
  method: string;
  template: string;
  operationId: string;
}

export interface ContractValidator {
  /** The violations of one exchange (empty when it conforms). */
  check(record: ExchangeRecord): ContractViolation[];
  findOperation(method: string, path: string): OperationMatch | null;
}

type Json = Record<string, unknown>;

interface Operation extends OperationMatch {
  regex: RegExp;
  literalWeight: number;
  /** status key -> [has any content, has an application/json schema] */
  responses: Record<string, [boolean, boolean]>;
  hasRequestSchema: boolean;
}

const SPEC_ID = "https://api.github.com/openapi.json";
const localRequire = createRequire(import.meta.url);
const AJV_VERSION = (localRequire("ajv/package.json") as { version: string }).version;
const METHODS = ["get", "put", "post", "patch", "delete", "head"];
const DEFAULT_GENERIC = [304, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504];
const ERROR_SCHEMA = {
  anyOf: [
    { $ref: `${SPEC_ID}#/components/schemas/basic-error` },
    { $ref: `${SPEC_ID}#/components/schemas/validation-error` },
    { $ref: `${SPEC_ID}#/components/schemas/validation-error-simple` },
  ],
};

type StandaloneCode = (ajv: Ajv, fn: ValidateFunction) => string;
const standaloneCode: StandaloneCode =
  (standaloneModule as unknown as { default?: StandaloneCode }).default ?? (standaloneModule as unknown as StandaloneCode);

const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Rewrites one schema (in place, children first) from OpenAPI 3.0 to what ajv understands. */
function adapt(schema: unknown): void {
  if (!isObject(schema)) return;
  for (const k of ["properties", "patternProperties"]) {
    const m = schema[k];
    if (isObject(m)) for (const sub of Object.values(m)) adapt(sub);
  }
  for (const k of ["items", "additionalProperties", "not", "additionalItems"]) adapt(schema[k]);
  for (const k of ["allOf", "anyOf", "oneOf"]) {
    const list = schema[k];
    if (Array.isArray(list)) list.forEach(adapt);
  }
  if (Array.isArray(schema.items)) schema.items.forEach(adapt);

  if (schema.discriminator !== undefined) {
    if (Array.isArray(schema.oneOf)) {
      schema.anyOf = schema.oneOf;
      delete schema.oneOf;
    }
    delete schema.discriminator;
  }
  if (schema.nullable === true) {
    delete schema.nullable;
    if (typeof schema.type === "string") {
      schema.type = [schema.type, "null"];
      if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    } else {
      const rest = { ...schema };
      for (const k of Object.keys(schema)) delete schema[k];
      schema.anyOf = [{ type: "null" }, rest];
    }
  } else if (schema.nullable !== undefined) {
    delete schema.nullable;
  }
}

/** A deep copy of an inline schema whose local "#/..." refs point into the registered description. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${SPEC_ID}${v}` : rebase(v);
  }
  return out;
}

function compileTemplate(template: string): { regex: RegExp; literalWeight: number } {
  let literalWeight = 0;
  let pattern = "";
  const segments = template.split("/").slice(1);
  segments.forEach((segment, i) => {
    const m = /^\{([^}]+)\}$/.exec(segment);
    if (!m) {
      literalWeight++;
      pattern += "/" + segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      return;
    }
    pattern += m[1] === "path" && i === segments.length - 1 ? "(?:/(.*))?" : "/([^/]+)";
  });
  return { regex: new RegExp(`^${pattern}$`), literalWeight };
}

export function defaultSpecPath(): string {
  return localRequire.resolve("@octokit/openapi/generated/api.github.com.json");
}

/**
 * Where compiled validators are kept between processes: node_modules/.cache/jit-contract
 * beside the description's package (each test file is its own process; loading the 13 MB
 * description and compiling GitHub's schemas costs seconds there, reading the cache does not).
 */
function defaultCacheDir(specPath: string): string | undefined {
  const parts = resolve(specPath).split(sep);
  const i = parts.lastIndexOf("node_modules");
  return i < 0 ? undefined : join(parts.slice(0, i + 1).join(sep) || sep, ".cache", "jit-contract");
}

/** The index cached for a description: its operations and what each response documents. */
interface CachedOperation {
  method: string;
  template: string;
  operationId: string;
  /** status key ("200", "4XX", "default") -> [has any content, has an application/json schema] */
  responses: Record<string, [boolean, boolean]>;
  hasRequestSchema: boolean;
}

const AJV_OPTIONS = { strict: false, allErrors: true, validateSchema: false, logger: false } as const;

/** Writes a file so that a concurrent reader sees it whole or not at all. */
function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

export function createContractValidator(specPath: string = defaultSpecPath(), options: ContractValidatorOptions = {}): ContractValidator {
  const generic = new Set(options.genericStatuses ?? DEFAULT_GENERIC);
  const cacheRoot = options.cache === false ? undefined : (options.cache ?? defaultCacheDir(specPath));
  // The cache is keyed by the description file and by the code that turns it into validators.
  const stat = statSync(specPath);
  const key = createHash("sha256")
    .update([resolve(specPath), stat.size, stat.mtimeMs, AJV_VERSION, JSON.stringify(AJV_OPTIONS), JSON.stringify(ERROR_SCHEMA), adapt.toString(), rebase.toString()].join("\0"))
    .digest("hex")
    .slice(0, 20);
  const cacheDir = cacheRoot ? join(cacheRoot, key) : undefined;

  type Spec = {
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, unknown>; responses: Record<string, Json>; requestBodies?: Record<string, Json> };
  };
  // The description and an ajv holding it, loaded only when something is not in the cache.
  let loaded: { spec: Spec; ajv: Ajv } | undefined;
  const load = () => {
    if (loaded) return loaded;
    const spec = JSON.parse(readFileSync(specPath, "utf8")) as Spec;
    const formats = new Set<string>();
    JSON.stringify(spec.components.schemas, (k, v: unknown) => {
      if (k === "format" && typeof v === "string") formats.add(v);
      return v;
    });
    for (const sc of Object.values(spec.components.schemas)) adapt(sc);
    // Compiled code refers to ajv-formats' formats by module, so that it can be cached as a module.
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
    addFormats(ajv);
    for (const f of formats) if (!ajv.formats[f]) ajv.addFormat(f, true);
    ajv.addSchema({ $id: SPEC_ID, components: { schemas: spec.components.schemas } });
    return (loaded = { spec, ajv });
  };
  const resolveResponse = (spec: Spec, r: Json): Json => (typeof r.$ref === "string" ? (spec.components.responses[r.$ref.split("/").pop() ?? ""] ?? {}) : r);
  const requestSchemaOf = (spec: Spec, op: Json): unknown => {
    let requestBody = op.requestBody;
    if (isObject(requestBody) && typeof requestBody.$ref === "string") requestBody = spec.components.requestBodies?.[requestBody.$ref.split("/").pop() ?? ""];
    return isObject(requestBody) && isObject(requestBody.content) ? (requestBody.content["application/json"] as Json | undefined)?.schema : undefined;
  };

  const readIndex = (): CachedOperation[] | undefined => {
    if (!cacheDir) return undefined;
    try {
      return JSON.parse(readFileSync(join(cacheDir, "index.json"), "utf8")) as CachedOperation[];
    } catch {
      return undefined;
    }
  };
  const buildIndex = (): CachedOperation[] => {
    const { spec } = load();
    const index: CachedOperation[] = [];
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op)) continue;
        const responses: Record<string, [boolean, boolean]> = {};
        for (const [status, raw] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
          const r = resolveResponse(spec, raw);
          const content = isObject(r.content) ? r.content : null;
          const schema = content ? (content["application/json"] as Json | undefined)?.schema : undefined;
          responses[status] = [content !== null && Object.keys(content).length > 0, schema !== undefined];
        }
        index.push({ method: method.toUpperCase(), template, operationId: String(op.operationId ?? `${method} ${template}`), responses, hasRequestSchema: requestSchemaOf(spec, op) !== undefined });
      }
    }
    if (cacheDir) writeAtomic(join(cacheDir, "index.json"), JSON.stringify(index));
    return index;
  };

  const operations: Operation[] = (readIndex() ?? buildIndex()).map((o) => ({ ...o, ...compileTemplate(o.template) }));
  operations.sort((a, b) => b.literalWeight - a.literalWeight);
  const byKey = new Map(operations.map((o) => [`${o.method} ${o.template}`, o]));
  const compiled = new Map<string, ValidateFunction>();
  const errorsText = new Ajv(AJV_OPTIONS);

  /** The validator for a schema: from this process, from the cache, or compiled (and cached). */
  const compile = (cacheKey: string, schema: () => unknown): ValidateFunction => {
    let fn = compiled.get(cacheKey);
    if (fn) return fn;
    const file = cacheDir ? join(cacheDir, `${createHash("sha256").update(cacheKey).digest("hex").slice(0, 24)}.cjs`) : undefined;
    if (file && existsSync(file)) {
      // Evaluated as a CommonJS module whose require resolves from here (ajv's runtime, ajv-formats).
      const module = { exports: {} as unknown };
      new Function("require", "module", "exports", readFileSync(file, "utf8"))(localRequire, module, module.exports);
      fn = module.exports as ValidateFunction;
    } else {
      const { ajv } = load();
      const copy = rebase(schema());
      adapt(copy);
      fn = ajv.compile(copy as Json);
      if (file) writeAtomic(file, standaloneCode(ajv, fn));
    }
    compiled.set(cacheKey, fn);
    return fn;
  };
  const operationJson = (op: Operation): Json => load().spec.paths[op.template]![op.method.toLowerCase()] as Json;
  const responseSchema = (op: Operation, statusKey: string) => () => {
    const { spec } = load();
    const r = resolveResponse(spec, ((operationJson(op).responses ?? {}) as Record<string, Json>)[statusKey]!);
    return ((r.content as Json)["application/json"] as Json).schema;
  };

  const responseSpec = (op: Operation, status: number): { statusKey: string; hasContent: boolean; hasSchema: boolean } | null => {
    const statusKey = [String(status), `${String(status).charAt(0)}XX`, "default"].find((k) => op.responses[k] !== undefined);
    if (statusKey === undefined) return null;
    const [hasContent, hasSchema] = op.responses[statusKey]!;
    return { statusKey, hasContent, hasSchema };
  };

  const findOperation = (method: string, path: string): Operation | null => {
    const m = method.toUpperCase() === "HEAD" ? "GET" : method.toUpperCase();
    const pathname = path.split("?")[0] ?? path;
    return operations.find((o) => o.method === m && o.regex.test(pathname)) ?? null;
  };

  const isJson = (r: ExchangeRecord): boolean => {
    const ct = r.responseHeaders["content-type"];
    return ct === undefined || /json/.test(ct);
  };

  const check = (r: ExchangeRecord): ContractViolation[] => {
    const out: ContractViolation[] = [];
    const base = { method: r.method, path: r.path, status: r.status };
    const violation = (kind: ViolationKind, message: string, operationId?: string, errors?: ErrorObject[]) => {
      out.push({
        kind,
        ...base,
        ...(operationId !== undefined ? { operationId } : {}),
        message: `${r.method} ${r.path} -> ${r.status}: ${message}`,
        ...(errors ? { errors } : {}),
      });
    };
    const validateError = (opId: string | undefined) => {
      if (r.responseBody === undefined || !isJson(r)) return;
      const fn = compile("#generic-error", () => ERROR_SCHEMA);
      if (!fn(r.responseBody)) violation("response-schema", `not a GitHub error body: ${errorsText.errorsText(fn.errors)}`, opId, fn.errors ?? []);
    };

    const op = (r.route ? byKey.get(`${r.method === "HEAD" ? "GET" : r.method} ${r.route}`) : undefined) ?? findOperation(r.method, r.path);
    if (!op) {
      if (r.status === 404 || r.status === 401 || r.status === 403) validateError(undefined);
      else violation("unknown-operation", "no operation in GitHub's description matches this method and path");
      return out;
    }
    if (r.status === 304) return out;

    const spec = responseSpec(op, r.status);
    if (!spec) {
      if (generic.has(r.status)) validateError(op.operationId);
      else violation("undocumented-status", `status ${r.status} is not documented for ${op.operationId}`, op.operationId);
    } else if (spec.hasSchema) {
      if (r.responseBody === undefined) {
        violation("missing-body", "the documented response has a body, none was sent", op.operationId);
      } else if (isJson(r)) {
        const fn = compile(`${op.method} ${op.template} ${r.status}`, responseSchema(op, spec.statusKey));
        if (!fn(r.responseBody)) {
          const errors = (fn.errors ?? []).slice(0, 20);
          violation("response-schema", errorsText.errorsText(errors, { separator: "; " }), op.operationId, errors);
        }
      }
    } else if (!spec.hasContent && r.responseBody !== undefined && r.status >= 200 && r.status < 300) {
      violation("unexpected-body", "the documented response has no body", op.operationId);
    }

    if (options.validateRequests && op.hasRequestSchema && r.requestBody !== undefined) {
      const fn = compile(`request ${op.method} ${op.template}`, () => requestSchemaOf(load().spec, operationJson(op)));
      if (!fn(r.requestBody)) {
        const errors = (fn.errors ?? []).slice(0, 20);
        violation("request-schema", `request body: ${errorsText.errorsText(errors, { separator: "; " })}`, op.operationId, errors);
      }
    }
    return out;
  };

  return {
    check,
    findOperation: (method, path) => {
      const op = findOperation(method, path);
      return op ? { method: op.method, template: op.template, operationId: op.operationId } : null;
    },
  };
}
