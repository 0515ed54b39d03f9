// Issues: POST /repos/{owner}/{repo}/issues (title, body, labels, assignees; 410 when the
// repository has issues turned off), GET /repos/{owner}/{repo}/issues (filters, pull requests
// included, pagination) and GET one issue — every response checked against GitHub's OpenAPI.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let emu: CheckedEmulator;
let clock: Date;
const sha = (c: string) => c.repeat(40);

beforeEach(async () => {
  clock = new Date("2025-05-01T08:00:00Z");
  emu = await startCheckedEmulator({ now: () => clock });
  const s = emu.state;
  s.addOrg("acme", { defaultRepositoryPermission: "read" });
  s.addOrgMember("acme", "alice");
  s.addOrgMember("acme", "bob");
  s.addUser("outsider");
  s.addToken("alice-token", "alice"); // read access only (the org's base permission)
  s.addToken("outsider-token", "outsider");
  s.addRepo("acme", "access");
  s.addCollaborator("acme", "access", "carol", "push");
  s.addLabel("acme", "access", "jit-audit", { color: "d93f0b", description: "Findings of the audit" });
});
afterEach(async () => {
  await emu.close();
});

const DOCS = "https://docs.github.com/rest/issues/issues#create-an-issue";

describe("POST /repos/{owner}/{repo}/issues", () => {
  test("creates an issue: 201 with the issue, labels (new ones created) and assignees", async () => {
    const o = client(emu.url); // the bot: push access through its installation
    const res = await o.issues.create({ owner: "acme", repo: "access", title: "Audit: 2 findings", body: "details", labels: ["JIT-AUDIT", { name: "security" }], assignees: ["carol", "alice"] });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${emu.url}/repos/acme/access/issues/1`);
    expect(res.data).toMatchObject({
      number: 1, state: "open", title: "Audit: 2 findings", body: "details", comments: 0, locked: false,
      user: { login: "jit-access[bot]", type: "Bot" },
      labels: [
        { name: "jit-audit", color: "d93f0b", description: "Findings of the audit", default: false },
        { name: "security", color: "ededed", description: null },
      ],
      assignee: { login: "carol" },
      assignees: [{ login: "carol" }, { login: "alice" }],
      html_url: "https://github.com/acme/access/issues/1",
      url: `${emu.url}/repos/acme/access/issues/1`,
      created_at: "2025-05-01T08:00:00Z", closed_at: null,
    });
    expect(res.data.pull_request).toBeUndefined();
    expect(emu.state.getRepo("acme", "access")!.labels.has("security")).toBe(true);
    expect(emu.state.getIssue("acme", "access", 1)?.labels.map((l) => l.name)).toEqual(["jit-audit", "security"]);
  });

  test("the title may be an integer; issue numbers are shared with pull requests", async () => {
    emu.state.addPullRequest("acme", "access", { author: "bob", base: "main", baseSha: sha("b"), head: "x", headSha: sha("1") });
    const { data } = await client(emu.url).request("POST /repos/{owner}/{repo}/issues", { owner: "acme", repo: "access", title: 42 });
    expect(data).toMatchObject({ number: 2, title: "42", body: null, labels: [], assignees: [], assignee: null });
  });

  test("without push access, labels and assignees are silently dropped", async () => {
    const { data } = await client(emu.url, "alice-token").issues.create({ owner: "acme", repo: "access", title: "Please look", labels: ["urgent"], assignees: ["carol"] });
    expect(data).toMatchObject({ user: { login: "alice" }, labels: [], assignees: [], author_association: "MEMBER" });
    expect(emu.state.getRepo("acme", "access")!.labels.has("urgent")).toBe(false);
  });

  test("an assignee without access to the repository: 422 invalid", async () => {
    const e = await failure(client(emu.url).issues.create({ owner: "acme", repo: "access", title: "x", assignees: ["outsider"] }));
    expect(e.status).toBe(422);
    expect(e.response?.data).toEqual({
      message: "Validation Failed",
      errors: [{ resource: "Issue", code: "invalid", field: "assignees", value: "outsider" }],
      documentation_url: DOCS,
      status: "422",
    });
    expect(emu.state.listIssues("acme", "access")).toEqual([]);
  });

  test("title missing, blank, too long; body too long; bad types; milestones are not modelled", async () => {
    const o = client(emu.url);
    const post = (body: Record<string, unknown>) => failure(o.request("POST /repos/{owner}/{repo}/issues", { owner: "acme", repo: "access", ...body } as never));
    const missing = await post({ body: "no title" });
    expect(missing.status).toBe(422);
    expect((missing.response?.data as { message: string }).message).toBe(`Invalid request.\n\n"title" wasn't supplied.`);
    expect((await post({ title: "  " })).response?.data).toMatchObject({ errors: [{ resource: "Issue", code: "missing_field", field: "title" }] });
    expect((await post({ title: "t".repeat(257) })).response?.data).toMatchObject({ errors: [{ field: "title", code: "custom", message: "title is too long (maximum is 256 characters)" }] });
    expect((await post({ title: "t", body: "b".repeat(65537) })).response?.data).toMatchObject({ errors: [{ field: "body", code: "custom" }] });
    expect((await post({ title: "t", labels: "bug" })).status).toBe(422);
    expect((await post({ title: "t", milestone: 1 })).response?.data).toMatchObject({ errors: [{ resource: "Issue", code: "invalid", field: "milestone", value: 1 }] });
  });

  test("410 when the repository has issues turned off; 401 anonymous; 404 for a private repository one cannot see", async () => {
    emu.state.addRepo("acme", "no-issues", { hasIssues: false });
    const gone = await failure(client(emu.url).issues.create({ owner: "acme", repo: "no-issues", title: "x" }));
    expect(gone.status).toBe(410);
    expect(gone.response?.data).toEqual({ message: "Issues are disabled for this repo", documentation_url: DOCS, status: "410" });
    expect((await client(emu.url).repos.get({ owner: "acme", repo: "no-issues" })).data.has_issues).toBe(false);
    expect((await failure(client(emu.url, null).issues.create({ owner: "acme", repo: "access", title: "x" }))).status).toBe(401);
    emu.state.addRepo("acme", "secret", { private: true });
    expect((await failure(client(emu.url, "outsider-token").issues.create({ owner: "acme", repo: "secret", title: "x" }))).status).toBe(404);
  });
});

describe("GET /repos/{owner}/{repo}/issues", () => {
  beforeEach(() => {
    const s = emu.state;
    s.addIssue("acme", "access", { author: "alice", title: "one", labels: ["jit-audit"] });
    clock = new Date("2025-05-02T08:00:00Z");
    s.addPullRequest("acme", "access", { author: "bob", base: "main", baseSha: sha("b"), head: "grant", headSha: sha("1"), title: "a pull request" });
    clock = new Date("2025-05-03T08:00:00Z");
    s.addIssue("acme", "access", { author: "bob", title: "three", labels: ["jit-audit", "security"], assignees: ["carol"] });
    s.addIssue("acme", "access", { author: "alice", title: "closed", state: "closed" });
  });
  const list = async (params: Record<string, string | number> = {}) =>
    (await client(emu.url).issues.listForRepo({ owner: "acme", repo: "access", ...params })).data;

  test("open ones by default, newest first, pull requests included (with pull_request)", async () => {
    const data = await list();
    expect(data.map((i) => i.number)).toEqual([3, 2, 1]);
    expect(data[1]).toMatchObject({ title: "a pull request", html_url: "https://github.com/acme/access/pull/2", pull_request: { url: `${emu.url}/repos/acme/access/pulls/2`, merged_at: null }, draft: false });
    expect((await list({ state: "closed" })).map((i) => i.number)).toEqual([4]);
    expect((await list({ state: "all", direction: "asc" })).map((i) => i.number)).toEqual([1, 2, 3, 4]);
  });

  test("filters: labels (all of them), creator, assignee, since", async () => {
    expect((await list({ labels: "jit-audit" })).map((i) => i.number)).toEqual([3, 1]);
    expect((await list({ labels: "jit-audit,Security" })).map((i) => i.number)).toEqual([3]);
    expect((await list({ creator: "ALICE", state: "all" })).map((i) => i.number)).toEqual([4, 1]);
    expect((await list({ assignee: "carol" })).map((i) => i.number)).toEqual([3]);
    expect((await list({ assignee: "*" })).map((i) => i.number)).toEqual([3]);
    expect((await list({ assignee: "none" })).map((i) => i.number)).toEqual([2, 1]);
    expect((await list({ since: "2025-05-02T00:00:00Z" })).map((i) => i.number)).toEqual([3, 2]);
  });

  test("paginated like the other lists (Link header, per_page)", async () => {
    for (let n = 0; n < 5; n++) emu.state.addIssue("acme", "access", { author: "alice", title: `more ${n}` });
    const o = client(emu.url);
    const first = await o.issues.listForRepo({ owner: "acme", repo: "access", state: "all", per_page: 3, direction: "asc" });
    expect(first.data.map((i) => i.number)).toEqual([1, 2, 3]);
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers.link).toContain(`${emu.url}/repos/acme/access/issues?state=all&per_page=3&direction=asc&page=3>; rel="last"`);
    const all = await o.paginate(o.issues.listForRepo, { owner: "acme", repo: "access", state: "all", per_page: 3 });
    expect(all.map((i) => i.number)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  test("GET one issue; 404 for an unknown number", async () => {
    const { data } = await client(emu.url).issues.get({ owner: "acme", repo: "access", issue_number: 3 });
    expect(data).toMatchObject({ number: 3, title: "three", labels: [{ name: "jit-audit" }, { name: "security" }], assignees: [{ login: "carol" }] });
    expect((await failure(client(emu.url).issues.get({ owner: "acme", repo: "access", issue_number: 99 }))).status).toBe(404);
  });
});
