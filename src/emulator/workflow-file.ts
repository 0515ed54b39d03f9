/**
 * What the dispatch endpoint needs from a workflow file: whether it has a `workflow_dispatch`
 * trigger and which inputs that trigger declares. `on` may be a string, a list or a mapping,
 * as in GitHub's workflow syntax.
 */
import { parse } from "yaml";

export interface DispatchInput {
  name: string;
  required: boolean;
  default?: string;
}

export type WorkflowTriggers =
  | { kind: "invalid" }
  | { kind: "no-dispatch" }
  | { kind: "dispatch"; inputs: Map<string, DispatchInput> };

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function scalar(v: unknown): string | undefined {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

export function readWorkflowTriggers(text: string): WorkflowTriggers {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return { kind: "invalid" };
  }
  if (!isMap(doc)) return { kind: "invalid" };
  const on = doc.on;
  if (on === "workflow_dispatch" || (Array.isArray(on) && on.includes("workflow_dispatch"))) return { kind: "dispatch", inputs: new Map() };
  if (!isMap(on) || !("workflow_dispatch" in on)) return { kind: "no-dispatch" };
  const trigger = on.workflow_dispatch;
  const inputs = new Map<string, DispatchInput>();
  const declared = isMap(trigger) && isMap(trigger.inputs) ? trigger.inputs : {};
  for (const [name, spec] of Object.entries(declared)) {
    const d = isMap(spec) ? spec : {};
    const def = scalar(d.default);
    inputs.set(name, { name, required: d.required === true, ...(def !== undefined ? { default: def } : {}) });
  }
  return { kind: "dispatch", inputs };
}
