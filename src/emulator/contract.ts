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
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
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

interface ResponseSpec {
  /** the application/json schema, if the response documents one */
  schema: unknown;
  /** whether the response documents any content at all */
  hasContent: boolean;
}

interface Operation extends OperationMatch {
  regex: RegExp;
  literalWeight: number;
  responses: Record<string, Json>;
  requestSchema: unknown;
}

const SPEC_ID = "https://api.github.com/openapi.json";
const METHODS = ["get", "put", "post", "patch", "delete", "head"];
const DEFAULT_GENERIC = [304, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504];
const ERROR_SCHEMA = {
  anyOf: [
    { $ref: `${SPEC_ID}#/components/schemas/basic-error` },
    { $ref: `${SPEC_ID}#/components/schemas/validation-error` },
    { $ref: `${SPEC_ID}#/components/schemas/validation-error-simple` },
  ],
};

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
  return createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.json");
}

export function createContractValidator(specPath: string = defaultSpecPath(), options: ContractValidatorOptions = {}): ContractValidator {
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as {
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, unknown>; responses: Record<string, Json>; requestBodies?: Record<string, Json> };
  };
  const generic = new Set(options.genericStatuses ?? DEFAULT_GENERIC);

  const formats = new Set<string>();
  JSON.stringify(spec.components.schemas, (k, v: unknown) => {
    if (k === "format" && typeof v === "string") formats.add(v);
    return v;
  });
  for (const s of Object.values(spec.components.schemas)) adapt(s);

  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  for (const f of formats) if (!ajv.formats[f]) ajv.addFormat(f, true);
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: spec.components.schemas } });

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const { regex, literalWeight } = compileTemplate(template);
      let requestBody = op.requestBody;
      if (isObject(requestBody) && typeof requestBody.$ref === "string") {
        requestBody = spec.components.requestBodies?.[requestBody.$ref.split("/").pop() ?? ""];
      }
      const requestSchema = isObject(requestBody) && isObject(requestBody.content)
        ? (requestBody.content["application/json"] as Json | undefined)?.schema
        : undefined;
      operations.push({
        method: method.toUpperCase(),
        template,
        operationId: String(op.operationId ?? `${method} ${template}`),
        regex,
        literalWeight,
        responses: (op.responses ?? {}) as Record<string, Json>,
        requestSchema,
      });
    }
  }
  operations.sort((a, b) => b.literalWeight - a.literalWeight);
  const byKey = new Map(operations.map((o) => [`${o.method} ${o.template}`, o]));
  const compiled = new Map<string, ValidateFunction>();

  const compile = (cacheKey: string, schema: unknown): ValidateFunction => {
    let fn = compiled.get(cacheKey);
    if (!fn) {
      const copy = rebase(schema);
      adapt(copy);
      fn = ajv.compile(copy as Json);
      compiled.set(cacheKey, fn);
    }
    return fn;
  };

  const responseSpec = (op: Operation, status: number): ResponseSpec | null => {
    let r = op.responses[String(status)] ?? op.responses[`${String(status).charAt(0)}XX`] ?? op.responses.default;
    if (!r) return null;
    if (typeof r.$ref === "string") r = spec.components.responses[r.$ref.split("/").pop() ?? ""] ?? {};
    const content = isObject(r.content) ? r.content : null;
    const jsonContent = content ? (content["application/json"] as Json | undefined) : undefined;
    return { schema: jsonContent?.schema, hasContent: content !== null && Object.keys(content).length > 0 };
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
      const fn = compile("#generic-error", ERROR_SCHEMA);
      if (!fn(r.responseBody)) violation("response-schema", `not a GitHub error body: ${ajv.errorsText(fn.errors)}`, opId, fn.errors ?? []);
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
    } else if (spec.schema !== undefined) {
      if (r.responseBody === undefined) {
        violation("missing-body", "the documented response has a body, none was sent", op.operationId);
      } else if (isJson(r)) {
        const fn = compile(`${op.method} ${op.template} ${r.status}`, spec.schema);
        if (!fn(r.responseBody)) {
          const errors = (fn.errors ?? []).slice(0, 20);
          violation("response-schema", ajv.errorsText(errors, { separator: "; " }), op.operationId, errors);
        }
      }
    } else if (!spec.hasContent && r.responseBody !== undefined && r.status >= 200 && r.status < 300) {
      violation("unexpected-body", "the documented response has no body", op.operationId);
    }

    if (options.validateRequests && op.requestSchema !== undefined && r.requestBody !== undefined) {
      const fn = compile(`request ${op.method} ${op.template}`, op.requestSchema);
      if (!fn(r.requestBody)) {
        const errors = (fn.errors ?? []).slice(0, 20);
        violation("request-schema", `request body: ${ajv.errorsText(errors, { separator: "; " })}`, op.operationId, errors);
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
