import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

let emu: CheckedEmulator;
let clock: Date;
const sha = (c: string) => c.repeat(40);

beforeEach(async () => {
  clock = new Date("2025-01-01T00:00:00Z");
  emu = await startCheckedEmulator({ now: () => clock });
  const s = emu.state;
  s.addOrg("acme");
  s.addOrgMember("acme", "alice");
  s.addOrgMember("acme", "bob");
  s.addRepo("acme", "access");
  s.addPullRequest("acme", "access", {
    author: "alice", base: "main", baseSha: sha("b"), head: "grant-alice", headSha: sha("1"), title: "Grant alice", body: "please",
    files: [
      { filename: "access/alice.yaml", status: "added", additions: 3 },
      { filename: "access/new.yaml", previousFilename: "access/old.yaml", status: "renamed" },
    ],
  });
  clock = new Date("2025-01-02T00:00:00Z");
  s.addPullRequest("acme", "access", { author: "bob", base: "main", head: "grant-bob", headSha: sha("2") });
  clock = new Date("2025-01-03T00:00:00Z");
  s.addPullRequest("acme", "access", {
    author: "carol", base: "main", head: "merged", headSha: sha("3"), merged: true, mergeCommitSha: sha("m"), mergedBy: "alice",
  });
  s.addPullRequest("acme", "access", { author: "dave", base: "release", head: "closed", headSha: sha("4"), state: "closed" });
});
afterEach(async () => {
  await emu.close();
});

describe("pull requests", () => {
  test("list: state filter (open by default), newest first, head and base filters", async () => {
    const o = client(emu.url);
    const list = async (params: Record<string, string>) =>
      (await o.pulls.list({ owner: "acme", repo: "access", ...params })).data.map((p) => p.number);
    expect(await list({})).toEqual([2, 1]);
    expect(await list({ state: "closed" })).toEqual([4, 3]);
    expect(await list({ state: "all", direction: "asc" })).toEqual([1, 2, 3, 4]);
    expect(await list({ state: "all", head: "acme:grant-bob" })).toEqual([2]);
    expect(await list({ state: "all", base: "release" })).toEqual([4]);
  });

  test("get: full pull request", async () => {
    const o = client(emu.url);
    const { data } = await o.pulls.get({ owner: "acme", repo: "access", pull_number: 1 });
    expect(data).toMatchObject({
      number: 1, state: "open", title: "Grant alice", body: "please", merged: false, merged_by: null, draft: false,
      user: { login: "alice" }, author_association: "MEMBER",
      head: { ref: "grant-alice", sha: sha("1"), label: "acme:grant-alice", repo: { full_name: "acme/access" } },
      base: { ref: "main", sha: sha("b") },
      changed_files: 2, additions: 3, deletions: 0, created_at: "2025-01-01T00:00:00Z",
      html_url: "https://github.com/acme/access/pull/1", url: `${emu.url}/repos/acme/access/pulls/1`,
    });
    const merged = await o.pulls.get({ owner: "acme", repo: "access", pull_number: 3 });
    expect(merged.data).toMatchObject({
      state: "closed", merged: true, merge_commit_sha: sha("m"), merged_at: "2025-01-03T00:00:00Z", merged_by: { login: "alice" },
      author_association: "CONTRIBUTOR", // a merged pull request makes its author a contributor
    });
    expect((await failure(o.pulls.get({ owner: "acme", repo: "access", pull_number: 99 }))).status).toBe(404);
    expect((await failure(o.pulls.get({ owner: "acme", repo: "nope", pull_number: 1 }))).status).toBe(404);
  });

  test("files of a repository without git come from seeding", async () => {
    const { data } = await client(emu.url).pulls.listFiles({ owner: "acme", repo: "access", pull_number: 1 });
    expect(data).toMatchObject([
      { filename: "access/alice.yaml", status: "added", additions: 3, deletions: 0, changes: 3 },
      { filename: "access/new.yaml", status: "renamed", previous_filename: "access/old.yaml" },
    ]);
  });

  test("issue numbers are shared with pull requests", () => {
    const issue = emu.state.addIssue("acme", "access", { author: "alice", title: "an issue" });
    expect(issue.number).toBe(5);
    expect(emu.state.addPullRequest("acme", "access", { author: "alice", base: "main", head: "x", headSha: sha("5") }).number).toBe(6);
  });

  test("commit -> pull requests: head commits, merge commits, explicit associations", async () => {
    const o = client(emu.url);
    const forCommit = async (commit_sha: string) =>
      (await o.repos.listPullRequestsAssociatedWithCommit({ owner: "acme", repo: "access", commit_sha })).data.map((p) => p.number);
    expect(await forCommit(sha("1"))).toEqual([1]);
    expect(await forCommit(sha("m"))).toEqual([3]);
    expect(await forCommit(sha("3"))).toEqual([3]);
    expect(await forCommit(sha("4"))).toEqual([]); // closed without merge
    emu.state.associateCommit("acme", "access", sha("c"), 2);
    expect(await forCommit(sha("c"))).toEqual([2]);
    expect(await forCommit("grant-bob")).toEqual([2]);
  });

  test("merging and updating through the state API", async () => {
    const o = client(emu.url);
    emu.state.updatePullRequest("acme", "access", 2, { headSha: sha("9") });
    emu.state.mergePullRequest("acme", "access", 2, { mergeCommitSha: sha("8"), mergedBy: "alice" });
    const { data } = await o.pulls.get({ owner: "acme", repo: "access", pull_number: 2 });
    expect(data).toMatchObject({ merged: true, state: "closed", head: { sha: sha("9") }, merge_commit_sha: sha("8") });
  });
});

describe("reviews", () => {
  test("seeded reviews are listed with commit ids and states", async () => {
    emu.state.addReview("acme", "access", 1, { user: "bob", state: "APPROVED", commitId: sha("0"), submittedAt: "2025-01-05T00:00:00Z" });
    emu.state.addReview("acme", "access", 1, { user: "carol", state: "CHANGES_REQUESTED", body: "no" });
    const { data } = await client(emu.url).pulls.listReviews({ owner: "acme", repo: "access", pull_number: 1 });
    expect(data).toMatchObject([
      { id: 1, user: { login: "bob" }, state: "APPROVED", commit_id: sha("0"), submitted_at: "2025-01-05T00:00:00Z", author_association: "MEMBER" },
      { id: 2, user: { login: "carol" }, state: "CHANGES_REQUESTED", commit_id: sha("1"), body: "no" },
    ]);
    expect(data[0]?.html_url).toBe("https://github.com/acme/access/pull/1#pullrequestreview-1");
  });

  test("create: approve defaults commit_id to the head; get it back", async () => {
    emu.state.addToken("bob-token", "bob");
    const o = client(emu.url, "bob-token");
    const { data, status } = await o.pulls.createReview({ owner: "acme", repo: "access", pull_number: 1, event: "APPROVE" });
    expect(status).toBe(200);
    expect(data).toMatchObject({ state: "APPROVED", commit_id: sha("1"), user: { login: "bob" }, body: "" });
    const again = await o.pulls.getReview({ owner: "acme", repo: "access", pull_number: 1, review_id: data.id });
    expect(again.data.id).toBe(data.id);
    expect(emu.state.listReviews("acme", "access", 1)).toHaveLength(1);
  });

  test("authors cannot approve (or request changes on) their own pull request", async () => {
    emu.state.addToken("alice-token", "alice");
    const o = client(emu.url, "alice-token");
    const e = await failure(o.pulls.createReview({ owner: "acme", repo: "access", pull_number: 1, event: "APPROVE" }));
    expect(e.status).toBe(422);
    expect(e.response?.data).toEqual({
      message: "Unprocessable Entity",
      errors: ["Can not approve your own pull request"],
      documentation_url: "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
      status: "422",
    });
    const rc = await failure(o.pulls.createReview({ owner: "acme", repo: "access", pull_number: 1, event: "REQUEST_CHANGES", body: "x" }));
    expect(rc.status).toBe(422);
    const comment = await o.pulls.createReview({ owner: "acme", repo: "access", pull_number: 1, event: "COMMENT", body: "note to self" });
    expect(comment.data.state).toBe("COMMENTED");
  });

  test("pending reviews: one per user, visible to the author only", async () => {
    emu.state.addToken("bob-token", "bob");
    const bob = client(emu.url, "bob-token");
    const pending = await bob.pulls.createReview({ owner: "acme", repo: "access", pull_number: 1, body: "draft" });
    expect(pending.data.state).toBe("PENDING");
    expect(pending.data.submitted_at).toBeUndefined();
    expect((await failure(bob.pulls.createReview({ owner: "acme", repo: "access", pull_number: 1 }))).status).toBe(422);
    expect((await bob.pulls.listReviews({ owner: "acme", repo: "access", pull_number: 1 })).data).toHaveLength(1);
    expect((await client(emu.url).pulls.listReviews({ owner: "acme", repo: "access", pull_number: 1 })).data).toHaveLength(0);
  });

  test("request changes needs a body; bad events are invalid", async () => {
    const o = client(emu.url);
    expect((await failure(o.pulls.createReview({ owner: "acme", repo: "access", pull_number: 1, event: "REQUEST_CHANGES" }))).status).toBe(422);
    const bad = await failure(o.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews", { owner: "acme", repo: "access", pull_number: 1, event: "LGTM" as never }));
    expect(bad.status).toBe(422);
    expect((bad.response?.data as { message: string }).message).toMatch(/^Invalid request\.\n\nFor 'properties\/event'/);
  });
});
