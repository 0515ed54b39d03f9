/**
 * The verdict as a check run on the pull request's head commit, so branch protection can
 * require it. Annotations go in batches of 50, GitHub's per-request limit.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { GitHubClient } from "./client.js";

export const CHECK_NAME = "jit-access / validate";
const BATCH = 50;
const MAX_TEXT = 65_000;

export const APPROVALS_CHECK_NAME = "jit-access / approvals";

export interface CheckRunInput {
  owner: string;
  repo: string;
  headSha: string;
  ok: boolean;
  /** Conclusion when not ok (default failure; approvals use action_required). */
  notOk?: "failure" | "action_required";
  detailsUrl?: string;
  title: string;
  summary: string;
  diagnostics: Diagnostic[];
  name?: string;
}

export function toAnnotation(d: Diagnostic) {
  return {
    path: d.file,
    start_line: d.line,
    end_line: d.endLine ?? d.line,
    ...(d.endLine === undefined || d.endLine === d.line ? { start_column: d.column, end_column: d.endColumn ?? d.column } : {}),
    annotation_level: d.severity === "error" ? ("failure" as const) : d.severity === "warning" ? ("warning" as const) : ("notice" as const),
    title: d.code,
    message: d.hint ? `${d.message}\n${d.hint}` : d.message,
  };
}

export async function publishCheckRun(gh: GitHubClient, c: CheckRunInput): Promise<number> {
  const annotations = c.diagnostics.map(toAnnotation);
  const summary = c.summary.length > MAX_TEXT ? `${c.summary.slice(0, MAX_TEXT)}\n…(truncated)` : c.summary;
  const first = annotations.slice(0, BATCH);
  const created = await gh.rest.checks.create({
    owner: c.owner,
    repo: c.repo,
    name: c.name ?? CHECK_NAME,
    head_sha: c.headSha,
    status: "completed",
    conclusion: c.ok ? "success" : (c.notOk ?? "failure"),
    ...(c.detailsUrl ? { details_url: c.detailsUrl } : {}),
    output: { title: c.title, summary, annotations: first },
  });
  for (let i = BATCH; i < annotations.length; i += BATCH) {
    await gh.rest.checks.update({
      owner: c.owner,
      repo: c.repo,
      check_run_id: created.data.id,
      output: { title: c.title, summary, annotations: annotations.slice(i, i + BATCH) },
    });
  }
  return created.data.id;
}
