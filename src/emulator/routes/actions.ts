/**
 * GitHub Actions: creating a workflow_dispatch event. The workflow is read from the backing
 * git repository at the requested ref (a branch or a tag, as on GitHub: not a commit sha);
 * its `on.workflow_dispatch.inputs` decide which inputs are accepted. Dispatches are recorded
 * (`state.listWorkflowDispatches`); the runs they would start are not modelled.
 */
import { HttpError, errorBody, forbidden, invalidRequest, notFound } from "../errors.js";
import type { RepoRecord } from "../model.js";
import { repoPermissions } from "../repo-access.js";
import { asObject, optionalObject, requiredString } from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import { seg } from "../links.js";
import { readWorkflowTriggers } from "../workflow-file.js";
import { param, requireIdentity, requireRepo } from "./lookup.js";

/** GitHub's limit on `inputs` in one dispatch (the request schema's maxProperties). */
export const MAX_DISPATCH_INPUTS = 25;

function unprocessableMessage(message: string, docs: string): HttpError {
  return new HttpError(422, errorBody(422, message, docs));
}

/** The workflow file named by `workflow_id`: a numeric id known to the repository, or a file name under .github/workflows. */
function workflowFile(ctx: RouteContext, repo: RepoRecord): string {
  const raw = param(ctx, "workflow_id");
  if (/^\d+$/.test(raw)) {
    const w = ctx.env.state.workflows.get(Number(raw));
    if (!w || w.repo !== repo) throw notFound(docsUrl(ctx.route));
    return w.path.slice(".github/workflows/".length);
  }
  if (raw === "" || raw.includes("/") || raw === "." || raw === "..") throw notFound(docsUrl(ctx.route));
  return raw;
}

/** A branch or tag ("main", "refs/heads/main", "v1", "refs/tags/v1") to its commit; a sha is not a ref here. */
async function resolveBranchOrTag(ctx: RouteContext, repo: RepoRecord, ref: string): Promise<string | null> {
  const git = ctx.env.git(repo);
  if (!git) return null;
  const candidates = ref.startsWith("refs/") ? (/^refs\/(heads|tags)\//.test(ref) ? [ref] : []) : [`refs/heads/${ref}`, `refs/tags/${ref}`];
  for (const c of candidates) {
    const sha = await git.resolveCommit(c);
    if (sha) return sha;
  }
  return null;
}

function inputValue(name: string, value: unknown, docs: string): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
  throw invalidRequest(`For 'properties/inputs/${name}', ${JSON.stringify(value) ?? "nil"} is not a string.`, docs);
}

export const actionRoutes: RouteDefinition[] = [
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
    operationId: "actions/create-workflow-dispatch",
    docs: "actions/workflows#create-a-workflow-dispatch-event",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      const who = requireIdentity(ctx);
      const repo = requireRepo(ctx);
      if (!repoPermissions(ctx.env.state, repo, who).push) throw forbidden("Must have admin rights to Repository.", docs);
      const body = asObject(ctx.body, docs);
      const ref = requiredString(body, "ref", docs);
      const given = optionalObject(body, "inputs", docs) ?? {};
      const names = Object.keys(given);
      if (names.length > MAX_DISPATCH_INPUTS) {
        throw invalidRequest(`No more than ${MAX_DISPATCH_INPUTS} properties are allowed; ${names.length} were supplied.`, docs);
      }
      const details = body.return_run_details;
      if (details !== undefined && typeof details !== "boolean") {
        throw invalidRequest(`For 'properties/return_run_details', ${JSON.stringify(details)} is not a boolean.`, docs);
      }
      const inputs: Record<string, string> = {};
      for (const name of names) inputs[name] = inputValue(name, given[name], docs);

      const file = workflowFile(ctx, repo);
      const sha = await resolveBranchOrTag(ctx, repo, ref);
      if (!sha) throw unprocessableMessage(`No ref found for: ${ref}`, docs);
      const git = ctx.env.git(repo)!;
      const entry = await git.entry(sha, `.github/workflows/${file}`);
      const text = entry && entry.type === "blob" ? await git.readBlob(entry.sha) : null;
      if (!text) throw notFound(docs);
      const triggers = readWorkflowTriggers(text.toString("utf8"));
      if (triggers.kind !== "dispatch") throw unprocessableMessage("Workflow does not have 'workflow_dispatch' trigger", docs);
      const unexpected = names.filter((n) => !triggers.inputs.has(n));
      if (unexpected.length > 0) throw unprocessableMessage(`Unexpected inputs provided: [${unexpected.map((n) => JSON.stringify(n)).join(", ")}]`, docs);
      for (const input of triggers.inputs.values()) {
        if (input.required && input.default === undefined && !(input.name in inputs)) throw unprocessableMessage(`Required input '${input.name}' not provided`, docs);
      }

      const run = ctx.env.state.recordWorkflowDispatch(ctx.env.state.workflowFor(repo, file), who, { ref, sha, inputs });
      if (details !== true) return { status: 204 };
      const runPath = `/repos/${seg(repo.owner.login)}/${seg(repo.name)}/actions/runs/${run.runId}`;
      return { status: 200, body: { workflow_run_id: run.runId, run_url: ctx.env.links.api(runPath), html_url: ctx.env.links.html(runPath.replace(/^\/repos/, "")) } };
    },
  },
];
