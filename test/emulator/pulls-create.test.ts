// POST /repos/{owner}/{repo}/pulls against a real git repository: the author is the token's
// user, head and base are branches of the backing repository, and GitHub's 422 answers for a
// missing or unknown branch, a head without new commits, and a second open pull request.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";
import type { GitFixture } from "./git-fixture.js";
import { createGitFixture } from "./git-fixture.js";

let emu: CheckedEmulator;
let fx: GitFixture;
const DOCS = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request";

beforeEach(async () => {
  fx = createGitFixture();
  fx.git("branch", "same-as-main", "main");
  emu = await startCheckedEmulator({ now: () => new Date("2025-03-01T12:00:00Z") });
  emu.state.addOrg("acme");
  emu.state.addOrgMember("acme", "alice");
  emu.state.addToken("alice-token", "alice");
  emu.state.addRepo("acme", "access", { gitDir: fx.dir });
});
afterEach(async () => {
  await emu.close();
  fx.cleanup();
});

const create = (params: Record<string, unknown>, token = "alice-token") =>
  client(emu.url, token).request("POST /repos/{owner}/{repo}/pulls", { owner: "acme", repo: "access", ...params } as never);

describe("POST /repos/{owner}/{repo}/pulls", () => {
  test("opens a pull request from a branch: 201, author = the token's user, head and base from git", async () => {
    const res = await client(emu.url, "alice-token").pulls.create({ owner: "acme", repo: "access", head: "feature", base: "main", title: "Extend alice", body: "please", draft: true });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`${emu.url}/repos/acme/access/pulls/1`);
    expect(res.data).toMatchObject({
      number: 1, state: "open", title: "Extend alice", body: "please", draft: true, merged: false,
      user: { login: "alice" }, author_association: "MEMBER",
      head: { ref: "feature", sha: fx.featureTip, label: "acme:feature" },
      base: { ref: "main", sha: fx.mainTip },
      commits: 2, created_at: "2025-03-01T12:00:00Z",
    });
    // It is a pull request like any other: listed, its files from the three-dot diff, found by commit.
    const o = client(emu.url);
    expect((await o.pulls.list({ owner: "acme", repo: "access" })).data.map((p) => p.number)).toEqual([1]);
    const files = (await o.pulls.listFiles({ owner: "acme", repo: "access", pull_number: 1 })).data.map((f) => f.filename);
    expect(files).toContain("access/bob.yaml");
    expect(files).not.toContain("docs/guide.md"); // changed on main only
    expect((await o.repos.listPullRequestsAssociatedWithCommit({ owner: "acme", repo: "access", commit_sha: fx.featureTip })).data.map((p) => p.number)).toEqual([1]);
    expect(emu.state.getPullRequest("acme", "access", 1)?.issue.user.login).toBe("alice");
  });

  test("the bot's token opens it as the bot; 'owner:branch' names a branch of this repository", async () => {
    const { data } = await create({ head: "acme:feature", base: "main", title: "From the bot" }, "test-token");
    expect(data).toMatchObject({ user: { login: "jit-access[bot]", type: "Bot" }, head: { ref: "feature" } });
  });

  test("a second open pull request from the same head: 'A pull request already exists'", async () => {
    await create({ head: "feature", base: "main", title: "first" });
    const e = await failure(create({ head: "feature", base: "main", title: "second" }));
    expect(e.status).toBe(422);
    expect(e.response?.data).toEqual({
      message: "Validation Failed",
      errors: [{ resource: "PullRequest", code: "custom", message: "A pull request already exists for acme:feature." }],
      documentation_url: DOCS,
      status: "422",
    });
    // Once the first is closed, another may be opened.
    emu.state.closePullRequest("acme", "access", 1);
    expect((await create({ head: "feature", base: "main", title: "second" })).status).toBe(201);
  });

  test("PATCH updates title and body, closes and reopens; a merged one or one without its branch cannot be reopened", async () => {
    await create({ head: "feature", base: "main", title: "first" });
    const o = client(emu.url, "alice-token");
    const upd = await o.pulls.update({ owner: "acme", repo: "access", pull_number: 1, title: "renamed", body: "new body" });
    expect(upd.data).toMatchObject({ number: 1, state: "open", title: "renamed", body: "new body" });
    expect((await o.pulls.update({ owner: "acme", repo: "access", pull_number: 1, state: "closed" })).data).toMatchObject({ state: "closed", closed_at: "2025-03-01T12:00:00Z" });
    expect((await o.pulls.update({ owner: "acme", repo: "access", pull_number: 1, state: "open" })).data).toMatchObject({ state: "open", closed_at: null });
    const bad = await failure(o.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", { owner: "acme", repo: "access", pull_number: 1, state: "merged" } as never));
    expect(bad.status).toBe(422);
    const base = await failure(o.pulls.update({ owner: "acme", repo: "access", pull_number: 1, base: "release" }));
    expect(base.response?.data).toMatchObject({ message: "Validation Failed", errors: [{ resource: "PullRequest", field: "base", code: "invalid" }] });
    await o.pulls.update({ owner: "acme", repo: "access", pull_number: 1, state: "closed" });
    fx.git("branch", "-D", "feature");
    const gone = await failure(o.pulls.update({ owner: "acme", repo: "access", pull_number: 1, state: "open" }));
    expect(gone.response?.data).toMatchObject({ message: "Validation Failed", errors: [{ field: "state", message: "state cannot be changed. The feature branch has been deleted." }] });
    expect((await failure(client(emu.url, null).pulls.update({ owner: "acme", repo: "access", pull_number: 1, title: "x" }))).status).toBe(401);
  });

  test("a head with no commits the base lacks: 'No commits between main and <head>'", async () => {
    const e = await failure(create({ head: "same-as-main", base: "main", title: "nothing" }));
    expect(e.status).toBe(422);
    expect(e.response?.data).toEqual({
      message: "Validation Failed",
      errors: [{ resource: "PullRequest", code: "custom", message: "No commits between main and same-as-main" }],
      documentation_url: DOCS,
      status: "422",
    });
  });

  test("missing or unknown head and base: 422 with an errors array", async () => {
    const missing = await failure(create({ title: "x" }));
    expect(missing.status).toBe(422);
    expect(missing.response?.data).toMatchObject({
      message: "Validation Failed",
      errors: [
        { resource: "PullRequest", field: "head", code: "missing_field" },
        { resource: "PullRequest", field: "base", code: "missing_field" },
      ],
    });
    const unknownHead = await failure(create({ head: "no-such-branch", base: "main", title: "x" }));
    expect(unknownHead.response?.data).toMatchObject({ message: "Validation Failed", errors: [{ resource: "PullRequest", field: "head", code: "invalid" }] });
    const unknownBase = await failure(create({ head: "feature", base: "release", title: "x" }));
    expect(unknownBase.response?.data).toMatchObject({ message: "Validation Failed", errors: [{ resource: "PullRequest", field: "base", code: "invalid" }] });
    const otherOwner = await failure(create({ head: "mallory:feature", base: "main", title: "x" }));
    expect(otherOwner.response?.data).toMatchObject({ errors: [{ resource: "PullRequest", field: "head", code: "invalid" }] });
    // A sha is not a branch.
    const sha = await failure(create({ head: fx.featureTip, base: "main", title: "x" }));
    expect(sha.response?.data).toMatchObject({ errors: [{ field: "head", code: "invalid" }] });
    expect(emu.state.listIssues("acme", "access")).toEqual([]);
  });

  test("a title is required (and at most 256 characters); bad types are invalid requests", async () => {
    const noTitle = await failure(create({ head: "feature", base: "main" }));
    expect(noTitle.response?.data).toMatchObject({ message: "Validation Failed", errors: [{ resource: "Issue", code: "missing_field", field: "title" }] });
    const long = await failure(create({ head: "feature", base: "main", title: "x".repeat(257) }));
    expect(long.response?.data).toMatchObject({ errors: [{ resource: "Issue", field: "title", code: "custom", message: "title is too long (maximum is 256 characters)" }] });
    const badDraft = await failure(create({ head: "feature", base: "main", title: "x", draft: "yes" }));
    expect(badDraft.status).toBe(422);
    expect((badDraft.response?.data as { message: string }).message).toMatch(/^Invalid request\.\n\nFor 'properties\/draft'/);
  });

  test("anonymous callers get 401; a private repository the caller cannot read is a 404", async () => {
    expect((await failure(client(emu.url, null).request("POST /repos/{owner}/{repo}/pulls", { owner: "acme", repo: "access", head: "feature", base: "main", title: "x" }))).status).toBe(401);
    emu.state.addRepo("acme", "secret", { gitDir: fx.dir, private: true });
    emu.state.addToken("eve-token", "eve");
    const e = await failure(client(emu.url, "eve-token").pulls.create({ owner: "acme", repo: "secret", head: "feature", base: "main", title: "x" }));
    expect(e.status).toBe(404);
  });
});
