// POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches against a real git
// repository: the workflow file is read at the ref, its workflow_dispatch inputs decide
// what is accepted, and every dispatch is recorded for tests to inspect.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { TestRepo } from "../helpers/git-repo.js";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

const TIMER = `name: timer
on:
  workflow_dispatch:
    inputs:
      lease:
        description: Lease file
        required: true
        type: string
      expires-at:
        required: true
        type: string
      note:
        required: true
        default: none
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;

let repo: TestRepo;
let emu: CheckedEmulator;
let main: string;
const clock = new Date("2026-11-24T09:00:00Z");

beforeAll(() => {
  repo = TestRepo.init({ fromExample: false });
  repo.write("README.md", "access\n").commitAll("start", "2026-11-20T09:00:00Z");
  repo.branch("old"); // a branch from before the timer workflow existed
  repo.checkout("main");
  repo.write(".github/workflows/timer.yml", TIMER);
  repo.write(".github/workflows/push-only.yml", "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");
  repo.write(".github/workflows/list.yml", "on: [push, workflow_dispatch]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");
  main = repo.commitAll("workflows", "2026-11-21T09:00:00Z");
  repo.git("tag", "v1");
});
afterAll(() => repo.cleanup());

beforeEach(async () => {
  emu = await startCheckedEmulator({ now: () => clock });
  emu.state.addOrg("acme");
  emu.state.addRepo("acme", "access", { gitDir: repo.dir, defaultBranch: "main", private: true });
  emu.state.addOrgMember("acme", "reader");
  emu.state.addCollaborator("acme", "access", "reader", "pull");
  emu.state.addToken("reader-token", "reader");
  emu.state.addUser("stranger");
  emu.state.addToken("stranger-token", "stranger");
});
afterEach(async () => {
  await emu.close();
});

const dispatch = (body: Record<string, unknown>, workflow: string | number = "timer.yml", token = "test-token") =>
  client(emu.url, token).request("POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches", { owner: "acme", repo: "access", workflow_id: workflow, ...body } as never);
const message = async (p: Promise<unknown>) => {
  const f = await failure(p);
  return { status: f.status, message: (f.response?.data as { message: string }).message };
};
const inputs = { lease: "leases/prod-db/alice.yaml", "expires-at": "2026-11-24T17:00:00Z" };

describe("create a workflow dispatch event", () => {
  test("204 No Content; the dispatch is recorded with its ref, commit, inputs and actor", async () => {
    const r = await client(emu.url).rest.actions.createWorkflowDispatch({ owner: "acme", repo: "access", workflow_id: "timer.yml", ref: "main", inputs });
    expect(r.status).toBe(204);
    expect(r.data).toBeFalsy();
    const [d, ...rest] = emu.state.listWorkflowDispatches("acme", "access");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ref: "main", sha: main, inputs, actor: { login: "jit-access[bot]" }, createdAt: clock, workflow: { path: ".github/workflows/timer.yml" } });
    expect(emu.state.listWorkflowDispatches("acme", "access", "timer.yml")).toHaveLength(1);
    expect(emu.state.listWorkflowDispatches("acme", "access", "list.yml")).toEqual([]);
  });

  test("by numeric id, full ref names and tags; an unknown id is 404", async () => {
    const id = emu.state.workflowId("acme", "access", "timer.yml");
    expect((await dispatch({ ref: "refs/heads/main", inputs }, id)).status).toBe(204);
    expect((await dispatch({ ref: "v1", inputs }, "timer.yml")).status).toBe(204);
    expect((await dispatch({ ref: "refs/tags/v1", inputs }, "timer.yml")).status).toBe(204);
    expect(emu.state.listWorkflowDispatches("acme", "access").map((d) => [d.workflow.id, d.ref, d.sha])).toEqual([
      [id, "refs/heads/main", main],
      [id, "v1", main],
      [id, "refs/tags/v1", main],
    ]);
    expect(await message(dispatch({ ref: "main", inputs }, 999))).toEqual({ status: 404, message: "Not Found" });
  });

  test("return_run_details: 200 with the run's id and URLs", async () => {
    const r = await dispatch({ ref: "main", inputs, return_run_details: true });
    expect(r.status).toBe(200);
    const runId = emu.state.listWorkflowDispatches("acme", "access")[0]!.runId;
    expect(r.data).toEqual({ workflow_run_id: runId, run_url: `${emu.url}/repos/acme/access/actions/runs/${runId}`, html_url: `https://github.com/acme/access/actions/runs/${runId}` });
  });

  test("inputs with a default may be left out; a trigger without inputs takes none", async () => {
    expect((await dispatch({ ref: "main", inputs })).status).toBe(204);
    expect((await dispatch({ ref: "main" }, "list.yml")).status).toBe(204);
    expect(await message(dispatch({ ref: "main", inputs: { x: "1" } }, "list.yml"))).toEqual({ status: 422, message: 'Unexpected inputs provided: ["x"]' });
  });

  test("422: undeclared inputs, a missing required input, more than 25 inputs", async () => {
    expect(await message(dispatch({ ref: "main", inputs: { ...inputs, foo: "1", bar: "2" } }))).toEqual({ status: 422, message: 'Unexpected inputs provided: ["foo", "bar"]' });
    expect(await message(dispatch({ ref: "main", inputs: { lease: "leases/a/b.yaml" } }))).toEqual({ status: 422, message: "Required input 'expires-at' not provided" });
    const many = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`i${i}`, "x"]));
    expect(await message(dispatch({ ref: "main", inputs: many }))).toEqual({ status: 422, message: "Invalid request.\n\nNo more than 25 properties are allowed; 26 were supplied." });
    expect(emu.state.listWorkflowDispatches("acme", "access")).toEqual([]);
  });

  test("422: no ref, an unknown ref, a commit sha (not a branch or tag), no workflow_dispatch trigger", async () => {
    expect(await message(dispatch({ inputs }))).toEqual({ status: 422, message: "Invalid request.\n\n\"ref\" wasn't supplied." });
    expect(await message(dispatch({ ref: "nope", inputs }))).toEqual({ status: 422, message: "No ref found for: nope" });
    expect(await message(dispatch({ ref: main, inputs }))).toEqual({ status: 422, message: `No ref found for: ${main}` });
    expect(await message(dispatch({ ref: "main" }, "push-only.yml"))).toEqual({ status: 422, message: "Workflow does not have 'workflow_dispatch' trigger" });
  });

  test("404: no such workflow file at the ref; no access to the repository. 403: read access only", async () => {
    expect(await message(dispatch({ ref: "main", inputs }, "missing.yml"))).toEqual({ status: 404, message: "Not Found" });
    expect(await message(dispatch({ ref: "old", inputs }))).toEqual({ status: 404, message: "Not Found" });
    expect(await message(dispatch({ ref: "main", inputs }, "timer.yml", "stranger-token"))).toEqual({ status: 404, message: "Not Found" });
    expect(await message(dispatch({ ref: "main", inputs }, "timer.yml", "reader-token"))).toEqual({ status: 403, message: "Must have admin rights to Repository." });
    expect(emu.state.listWorkflowDispatches("acme", "access")).toEqual([]);
  });
});
