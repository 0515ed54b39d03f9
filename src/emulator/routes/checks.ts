/** Check runs (GitHub Apps only) and their annotations. */
import { forbidden, invalidRequest, notFound, validationFailed } from "../errors.js";
import type { AnnotationLevel, CheckConclusion, CheckRunRecord, CheckStatus, PullRecord, RepoRecord } from "../model.js";
import type { EmulatorEnv } from "../env.js";
import { paginate } from "../pagination.js";
import { resolveBaseSha } from "../pull-diff.js";
import type { JsonObject } from "../request-body.js";
import {
  asObject,
  maxItems,
  maxLength,
  optionalArray,
  optionalEnum,
  optionalObject,
  optionalString,
  requiredString,
} from "../request-body.js";
import type { RouteContext, RouteDefinition } from "../router.js";
import { docsUrl } from "../router.js";
import type { AnnotationInput, CheckRunInput } from "../state-options.js";
import { checkAnnotation, checkRun, checkRunPulls } from "../views/checks.js";
import { intParam, param, requireIdentity, requireRepo } from "./lookup.js";

export const MAX_ANNOTATIONS_PER_REQUEST = 50;
export const MAX_OUTPUT_TEXT = 65535;

const STATUSES = ["queued", "in_progress", "completed", "waiting", "requested", "pending"] as const;
const CONCLUSIONS = ["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"] as const;
const LEVELS = ["notice", "warning", "failure"] as const;

function requireApp(ctx: RouteContext) {
  const who = requireIdentity(ctx);
  const app = ctx.env.state.appForAccount(who);
  if (!app) throw forbidden("You must authenticate via a GitHub App.", docsUrl(ctx.route));
  return app;
}

function annotation(raw: unknown, docs: string): AnnotationInput {
  const a = asObject(raw, docs);
  const int = (name: string, required: boolean): number | undefined => {
    const v = a[name];
    if (v === undefined) {
      if (required) throw invalidRequest(`"${name}" wasn't supplied.`, docs);
      return undefined;
    }
    if (typeof v !== "number" || !Number.isInteger(v)) throw invalidRequest(`For 'items', ${JSON.stringify(v)} is not an integer.`, docs);
    return v;
  };
  const out: AnnotationInput = {
    path: requiredString(a, "path", docs),
    start_line: int("start_line", true) as number,
    end_line: int("end_line", true) as number,
    annotation_level: (optionalEnum(a, "annotation_level", LEVELS, docs) ??
      (() => {
        throw invalidRequest(`"annotation_level" wasn't supplied.`, docs);
      })()) as AnnotationLevel,
    message: requiredString(a, "message", docs),
  };
  const sc = int("start_column", false);
  const ec = int("end_column", false);
  const title = optionalString(a, "title", docs);
  const details = optionalString(a, "raw_details", docs);
  if (sc !== undefined) out.start_column = sc;
  if (ec !== undefined) out.end_column = ec;
  if (title !== undefined) out.title = title;
  if (details !== undefined) out.raw_details = details;
  return out;
}

/** Validates a create/update body into CheckRunInput (GitHub's limits included). */
function checkRunInput(body: JsonObject, docs: string, creating: boolean): CheckRunInput {
  const input: CheckRunInput = {};
  const name = optionalString(body, "name", docs);
  const detailsUrl = optionalString(body, "details_url", docs);
  const externalId = optionalString(body, "external_id", docs);
  const startedAt = optionalString(body, "started_at", docs);
  const completedAt = optionalString(body, "completed_at", docs);
  const status = optionalEnum(body, "status", creating ? (["queued", "in_progress", "completed"] as const) : STATUSES, docs);
  const conclusion = optionalEnum(body, "conclusion", CONCLUSIONS, docs);
  if (name !== undefined) input.name = name;
  if (detailsUrl !== undefined) input.details_url = detailsUrl;
  if (externalId !== undefined) input.external_id = externalId;
  if (startedAt !== undefined) input.started_at = startedAt;
  if (completedAt !== undefined) input.completed_at = completedAt;
  if (status !== undefined) input.status = status as CheckStatus;
  if (conclusion !== undefined) input.conclusion = conclusion as CheckConclusion;
  if ((status === "completed" || completedAt !== undefined) && conclusion === undefined) {
    throw invalidRequest(`"conclusion" wasn't supplied.`, docs);
  }
  const output = optionalObject(body, "output", docs);
  if (output) {
    const title = optionalString(output, "title", docs);
    const summary = optionalString(output, "summary", docs);
    const text = optionalString(output, "text", docs);
    if (creating && title === undefined) throw invalidRequest(`"title" wasn't supplied.`, docs);
    if (summary === undefined) throw invalidRequest(`"summary" wasn't supplied.`, docs);
    maxLength(summary, MAX_OUTPUT_TEXT, docs);
    maxLength(text, MAX_OUTPUT_TEXT, docs);
    const annotations = optionalArray(output, "annotations", docs);
    maxItems(annotations, MAX_ANNOTATIONS_PER_REQUEST, docs);
    input.output = {
      ...(title !== undefined ? { title } : {}),
      summary,
      ...(text !== undefined ? { text } : {}),
      ...(annotations ? { annotations: annotations.map((a) => annotation(a, docs)) } : {}),
    };
  }
  return input;
}

async function render(env: EmulatorEnv, runs: CheckRunRecord[]): Promise<Record<string, unknown>[]> {
  const baseShas = new Map<PullRecord, string>();
  for (const run of runs) {
    for (const p of checkRunPulls(run)) if (!baseShas.has(p)) baseShas.set(p, await resolveBaseSha(env, p));
  }
  return runs.map((r) => checkRun(env, r, baseShas));
}

function requireRun(ctx: RouteContext, repo: RepoRecord): CheckRunRecord {
  const run = ctx.env.state.getCheckRun(intParam(ctx, "check_run_id"));
  if (!run || run.repo !== repo) throw notFound(docsUrl(ctx.route));
  return run;
}

async function resolveRef(ctx: RouteContext, repo: RepoRecord, ref: string): Promise<string> {
  const git = ctx.env.git(repo);
  if (git) {
    const sha = await git.resolveCommit(ref);
    if (sha) return sha;
  }
  for (const issue of repo.issues.values()) {
    if (issue.pull && issue.pull.head.ref === ref && issue.state === "open") return issue.pull.head.sha;
  }
  return ref;
}

export const checkRoutes: RouteDefinition[] = [
  {
    method: "POST",
    template: "/repos/{owner}/{repo}/check-runs",
    operationId: "checks/create",
    docs: "checks/runs#create-a-check-run",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      const app = requireApp(ctx);
      const repo = requireRepo(ctx);
      const body = asObject(ctx.body, docs);
      const name = requiredString(body, "name", docs);
      const headSha = requiredString(body, "head_sha", docs);
      const input = checkRunInput(body, docs, true);
      const git = ctx.env.git(repo);
      if (git && !(await git.resolveCommit(headSha))) {
        throw validationFailed([{ resource: "CheckRun", code: "invalid", field: "head_sha" }], docs);
      }
      const run = ctx.env.state.createCheckRun(repo, app, headSha, { ...input, name });
      return { status: 201, body: (await render(ctx.env, [run]))[0] };
    },
  },
  {
    method: "PATCH",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    operationId: "checks/update",
    docs: "checks/runs#update-a-check-run",
    handler: async (ctx) => {
      const docs = docsUrl(ctx.route);
      requireApp(ctx);
      const run = requireRun(ctx, requireRepo(ctx));
      ctx.env.state.updateCheckRun(run, checkRunInput(asObject(ctx.body, docs), docs, false));
      return { status: 200, body: (await render(ctx.env, [run]))[0] };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    operationId: "checks/get",
    docs: "checks/runs#get-a-check-run",
    handler: async (ctx) => ({ status: 200, body: (await render(ctx.env, [requireRun(ctx, requireRepo(ctx))]))[0] }),
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
    operationId: "checks/list-annotations",
    docs: "checks/runs#list-check-run-annotations",
    handler: (ctx) => {
      const run = requireRun(ctx, requireRepo(ctx));
      const page = paginate(ctx.url, ctx.env.links.apiBase, run.annotations);
      return { status: 200, body: page.items.map((a) => checkAnnotation(ctx.env, run, a)), headers: page.headers };
    },
  },
  {
    method: "GET",
    template: "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    operationId: "checks/list-for-ref",
    docs: "checks/runs#list-check-runs-for-a-git-reference",
    handler: async (ctx) => {
      const repo = requireRepo(ctx);
      const sha = await resolveRef(ctx, repo, param(ctx, "ref"));
      const name = ctx.query.get("check_name");
      const status = ctx.query.get("status");
      const appId = ctx.query.get("app_id");
      const filter = ctx.query.get("filter") ?? "latest";
      let runs = [...ctx.env.state.checkRuns.values()]
        .filter((r) => r.repo === repo && r.headSha === sha)
        .filter((r) => name === null || r.name === name)
        .filter((r) => status === null || r.status === status)
        .filter((r) => appId === null || String(r.app?.id ?? "") === appId)
        .sort((a, b) => b.id - a.id);
      if (filter === "latest") {
        const seen = new Set<string>();
        runs = runs.filter((r) => {
          const k = `${r.app?.id ?? 0}:${r.name}`;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      }
      const page = paginate(ctx.url, ctx.env.links.apiBase, runs);
      return {
        status: 200,
        body: { total_count: runs.length, check_runs: await render(ctx.env, page.items) },
        headers: page.headers,
      };
    },
  },
];
