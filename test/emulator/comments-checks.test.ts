import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let emu: CheckedEmulator;
let clock: Date;
const head = "a".repeat(40);

beforeEach(async () => {
  clock = new Date("2025-01-01T00:00:00Z");
  emu = await startCheckedEmulator({ now: () => clock });
  emu.state.addOrg("acme");
  emu.state.addRepo("acme", "access");
  emu.state.addPullRequest("acme", "access", { author: "alice", base: "main", head: "feature", headSha: head });
});
afterEach(async () => {
  await emu.close();
});

describe("issue comments", () => {
  test("create, get, update, delete; the author is the token's identity", async () => {
    const o = client(emu.url);
    const created = await o.issues.createComment({ owner: "acme", repo: "access", issue_number: 1, body: "Lease granted" });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      id: 1, body: "Lease granted", user: { login: "jit-access[bot]", type: "Bot" }, created_at: "2025-01-01T00:00:00Z",
      html_url: "https://github.com/acme/access/pull/1#issuecomment-1", issue_url: `${emu.url}/repos/acme/access/issues/1`,
    });
    expect(created.headers.location).toBe(`${emu.url}/repos/acme/access/issues/comments/1`);
    clock = new Date("2025-01-01T01:00:00Z");
    const updated = await o.issues.updateComment({ owner: "acme", repo: "access", comment_id: 1, body: "Lease revoked" });
    expect(updated.data).toMatchObject({ body: "Lease revoked", updated_at: "2025-01-01T01:00:00Z", created_at: "2025-01-01T00:00:00Z" });
    expect((await o.issues.getComment({ owner: "acme", repo: "access", comment_id: 1 })).data.body).toBe("Lease revoked");
    expect(emu.state.listComments("acme", "access", 1).map((c) => c.body)).toEqual(["Lease revoked"]);
    expect((await o.issues.deleteComment({ owner: "acme", repo: "access", comment_id: 1 })).status).toBe(204);
    expect((await failure(o.issues.getComment({ owner: "acme", repo: "access", comment_id: 1 }))).status).toBe(404);
    expect(emu.state.listComments("acme", "access")).toEqual([]);
  });

  test("list: paginated, oldest first, since filter", async () => {
    for (let i = 0; i < 5; i++) {
      clock = new Date(Date.UTC(2025, 0, 1, i));
      emu.state.addComment("acme", "access", 1, i % 2 ? "bob" : "alice", `comment ${i}`);
    }
    const o = client(emu.url);
    const page = await o.issues.listComments({ owner: "acme", repo: "access", issue_number: 1, per_page: 2 });
    expect(page.data.map((c) => c.body)).toEqual(["comment 0", "comment 1"]);
    expect(page.headers.link).toContain('rel="next"');
    const all = await o.paginate(o.issues.listComments, { owner: "acme", repo: "access", issue_number: 1, per_page: 2 });
    expect(all).toHaveLength(5);
    const since = await o.issues.listComments({ owner: "acme", repo: "access", issue_number: 1, since: "2025-01-01T03:00:00Z" });
    expect(since.data.map((c) => c.body)).toEqual(["comment 3", "comment 4"]);
  });

  test("validation: body required, at most 65536 characters; unknown issue is 404", async () => {
    const o = client(emu.url);
    const missing = await failure(o.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner: "acme", repo: "access", issue_number: 1 } as never));
    expect(missing.status).toBe(422);
    expect((missing.response?.data as { message: string }).message).toBe('Invalid request.\n\n"body" wasn\'t supplied.');
    const long = await failure(o.issues.createComment({ owner: "acme", repo: "access", issue_number: 1, body: "x".repeat(65537) }));
    expect(long.status).toBe(422);
    expect(long.response?.data).toMatchObject({
      message: "Validation Failed",
      errors: [{ resource: "IssueComment", code: "custom", field: "body", message: "body is too long (maximum is 65536 characters)" }],
      status: "422",
    });
    await o.issues.createComment({ owner: "acme", repo: "access", issue_number: 1, body: "x".repeat(65536) });
    expect((await failure(o.issues.createComment({ owner: "acme", repo: "access", issue_number: 42, body: "x" }))).status).toBe(404);
    const other = emu.state.addRepo("acme", "other");
    expect(other.id).toBe(2);
    expect((await failure(o.issues.getComment({ owner: "acme", repo: "other", comment_id: 1 }))).status).toBe(404);
  });
});

describe("check runs", () => {
  const annotation = (i: number) => ({ path: "access/alice.yaml", start_line: i, end_line: i, annotation_level: "failure" as const, message: `problem ${i}` });

  test("create, update (annotations accumulate), get, list annotations", async () => {
    const o = client(emu.url);
    const created = await o.checks.create({
      owner: "acme", repo: "access", name: "jit-access / validate", head_sha: head, status: "in_progress",
      output: { title: "Validating", summary: "running", annotations: [annotation(1)] },
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      id: 1, name: "jit-access / validate", head_sha: head, status: "in_progress", conclusion: null, completed_at: null,
      started_at: "2025-01-01T00:00:00Z", app: { slug: "jit-access" }, check_suite: { id: 1 },
      output: { title: "Validating", summary: "running", annotations_count: 1 },
      pull_requests: [{ number: 1, head: { sha: head } }],
    });
    const pull = await o.pulls.get({ owner: "acme", repo: "access", pull_number: 1 });
    expect(created.data.pull_requests[0]?.base.sha).toBe(pull.data.base.sha);
    clock = new Date("2025-01-01T00:05:00Z");
    const updated = await o.checks.update({
      owner: "acme", repo: "access", check_run_id: 1, conclusion: "failure",
      output: { title: "2 problems", summary: "bad", annotations: [annotation(2)] },
    });
    expect(updated.data).toMatchObject({ status: "completed", conclusion: "failure", completed_at: "2025-01-01T00:05:00Z", output: { title: "2 problems", annotations_count: 2 } });
    const annotations = await o.checks.listAnnotations({ owner: "acme", repo: "access", check_run_id: 1 });
    expect(annotations.data.map((a) => a.message)).toEqual(["problem 1", "problem 2"]);
    expect(emu.state.getCheckRun(1)?.annotations).toHaveLength(2);
    expect((await o.checks.get({ owner: "acme", repo: "access", check_run_id: 1 })).data.conclusion).toBe("failure");
  });

  test("at most 50 annotations per request", async () => {
    const o = client(emu.url);
    const fifty = Array.from({ length: 50 }, (_, i) => annotation(i + 1));
    const run = await o.checks.create({ owner: "acme", repo: "access", name: "c", head_sha: head, output: { title: "t", summary: "s", annotations: fifty } });
    const e = await failure(o.checks.update({ owner: "acme", repo: "access", check_run_id: run.data.id, output: { summary: "s", annotations: [...fifty, annotation(51)] } }));
    expect(e.status).toBe(422);
    expect(e.response?.data).toEqual({
      message: "Invalid request.\n\nNo more than 50 items are allowed; 51 were supplied.",
      documentation_url: "https://docs.github.com/rest/checks/runs#update-a-check-run",
      status: "422",
    });
    const e2 = await failure(o.checks.create({ owner: "acme", repo: "access", name: "c", head_sha: head, output: { title: "t", summary: "s", annotations: [...fifty, annotation(51)] } }));
    expect(e2.status).toBe(422);
    expect(emu.state.getCheckRun(run.data.id)?.annotations).toHaveLength(50);
    expect(emu.state.listCheckRuns("acme", "access")).toHaveLength(1);
    const tooLong = await failure(o.checks.update({ owner: "acme", repo: "access", check_run_id: run.data.id, output: { summary: "x".repeat(65536) } }));
    expect(tooLong.status).toBe(422);
  });

  test("completed needs a conclusion; only GitHub Apps may create check runs", async () => {
    const o = client(emu.url);
    expect((await failure(o.checks.create({ owner: "acme", repo: "access", name: "c", head_sha: head, status: "completed" }))).status).toBe(422);
    emu.state.addToken("pat", "alice");
    const e = await failure(client(emu.url, "pat").checks.create({ owner: "acme", repo: "access", name: "c", head_sha: head }));
    expect(e.status).toBe(403);
    expect((e.response?.data as { message: string }).message).toBe("You must authenticate via a GitHub App.");
  });

  test("list for a ref: latest per name by default, check_name and status filters, branch refs", async () => {
    const o = client(emu.url);
    await o.checks.create({ owner: "acme", repo: "access", name: "validate", head_sha: head, conclusion: "failure" });
    await o.checks.create({ owner: "acme", repo: "access", name: "validate", head_sha: head, conclusion: "success" });
    await o.checks.create({ owner: "acme", repo: "access", name: "lint", head_sha: head });
    await o.checks.create({ owner: "acme", repo: "access", name: "validate", head_sha: "b".repeat(40) });
    const list = async (params: Record<string, string>) => {
      const { data } = await o.checks.listForRef({ owner: "acme", repo: "access", ref: head, ...params });
      return [data.total_count, data.check_runs.map((r) => `${r.name}:${r.conclusion ?? r.status}`)];
    };
    expect(await list({})).toEqual([2, ["lint:queued", "validate:success"]]);
    expect(await list({ filter: "all" })).toEqual([3, ["lint:queued", "validate:success", "validate:failure"]]);
    expect(await list({ check_name: "validate", filter: "all" })).toEqual([2, ["validate:success", "validate:failure"]]);
    expect(await list({ status: "queued" })).toEqual([1, ["lint:queued"]]);
    const byBranch = await o.checks.listForRef({ owner: "acme", repo: "access", ref: "feature" });
    expect(byBranch.data.total_count).toBe(2);
    const paged = await o.paginate(o.checks.listForRef, { owner: "acme", repo: "access", ref: head, filter: "all", per_page: 1 });
    expect(paged).toHaveLength(3);
  });

  test("seeded check runs", async () => {
    emu.state.addCheckRun("acme", "access", { name: "ci", headSha: head, conclusion: "success", app: "ci-bot[bot]" });
    const { data } = await client(emu.url).checks.listForRef({ owner: "acme", repo: "access", ref: head });
    expect(data.check_runs[0]).toMatchObject({ name: "ci", status: "completed", conclusion: "success", app: { slug: "ci-bot" } });
  });
});
