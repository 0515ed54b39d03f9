/** JSON representations of check runs, their annotations and GitHub Apps. */
import type { EmulatorEnv } from "../env.js";
import { filePath, seg } from "../links.js";
import type { AnnotationRecord, AppRecord, CheckRunRecord, PullRecord } from "../model.js";
import { isoTimestamp, isoTimestampOrNull } from "../timestamps.js";
import { simpleUser } from "./accounts.js";
import { repoApiUrl, repoHtmlUrl } from "./repos.js";

/** `integration` */
export function integration(env: EmulatorEnv, app: AppRecord): Record<string, unknown> {
  const html = env.links.html(`/apps/${seg(app.slug)}`);
  return {
    id: app.id,
    slug: app.slug,
    node_id: app.nodeId,
    client_id: `Iv1.${String(app.id).padStart(16, "0")}`,
    owner: simpleUser(env.links, app.owner),
    name: app.name,
    description: null,
    external_url: html,
    html_url: html,
    created_at: isoTimestamp(app.createdAt),
    updated_at: isoTimestamp(app.updatedAt),
    permissions: { checks: "write", contents: "read", issues: "write", metadata: "read", pull_requests: "write", members: "read" },
    events: [],
  };
}

/** The open pull requests whose head is the run's commit (GitHub's `pull_requests`). */
export function checkRunPulls(run: CheckRunRecord): PullRecord[] {
  const out: PullRecord[] = [];
  for (const issue of run.repo.issues.values()) {
    if (issue.pull && issue.state === "open" && issue.pull.head.sha === run.headSha) out.push(issue.pull);
  }
  return out;
}

/** `check-run`; `baseShas` holds the resolved base sha of each of `checkRunPulls(run)`. */
export function checkRun(env: EmulatorEnv, run: CheckRunRecord, baseShas: ReadonlyMap<PullRecord, string>): Record<string, unknown> {
  const api = repoApiUrl(env.links, run.repo);
  const url = `${api}/check-runs/${run.id}`;
  const repoRef = { id: run.repo.id, url: api, name: run.repo.name };
  const pullRequests = checkRunPulls(run).map((p) => ({
    url: `${api}/pulls/${p.number}`,
    id: p.id,
    number: p.number,
    head: { ref: p.head.ref, sha: p.head.sha, repo: repoRef },
    base: { ref: p.base.ref, sha: baseShas.get(p) ?? p.base.sha ?? "", repo: repoRef },
  }));
  return {
    id: run.id,
    name: run.name,
    node_id: run.nodeId,
    head_sha: run.headSha,
    external_id: run.externalId ?? "",
    url,
    html_url: `${repoHtmlUrl(env.links, run.repo)}/runs/${run.id}`,
    details_url: run.detailsUrl ?? (run.app ? env.links.html(`/apps/${seg(run.app.slug)}`) : null),
    status: run.status,
    conclusion: run.conclusion,
    started_at: isoTimestampOrNull(run.startedAt),
    completed_at: isoTimestampOrNull(run.completedAt),
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.annotations.length,
      annotations_url: `${url}/annotations`,
    },
    check_suite: { id: run.suite.id },
    app: run.app ? integration(env, run.app) : null,
    pull_requests: pullRequests,
  };
}

/** `check-annotation` */
export function checkAnnotation(env: EmulatorEnv, run: CheckRunRecord, a: AnnotationRecord): Record<string, unknown> {
  return {
    path: a.path,
    blob_href: `${repoHtmlUrl(env.links, run.repo)}/blob/${run.headSha}/${filePath(a.path)}`,
    start_line: a.startLine,
    end_line: a.endLine,
    start_column: a.startColumn,
    end_column: a.endColumn,
    annotation_level: a.annotationLevel,
    title: a.title,
    message: a.message,
    raw_details: a.rawDetails,
  };
}
