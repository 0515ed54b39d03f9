import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { client } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";
import type { GitFixture } from "./git-fixture.js";
import { createGitFixture } from "./git-fixture.js";

let fx: GitFixture;
let emu: CheckedEmulator;

beforeAll(() => {
  fx = createGitFixture();
});
afterAll(() => fx.cleanup());

beforeEach(async () => {
  emu = await startCheckedEmulator();
  emu.state.addOrg("acme");
  emu.state.addRepo("acme", "access", { gitDir: fx.dir });
  emu.state.addPullRequest("acme", "access", {
    author: "alice",
    base: "main",
    head: "feature",
    headSha: fx.featureTip,
    title: "Grant bob",
  });
});
afterEach(async () => {
  await emu.close();
});

const decode = (b64: string) => Buffer.from(b64, "base64").toString("utf8");

describe("pull request files from git", () => {
  test("three-dot diff with rename, delete, add, modify, symlinks and a binary", async () => {
    const o = client(emu.url);
    const files = await o.paginate(o.pulls.listFiles, { owner: "acme", repo: "access", pull_number: 1, per_page: 100 });
    const byName = Object.fromEntries(files.map((f) => [f.filename, f]));
    // main's later change to docs/guide.md is not part of the pull request
    expect(Object.keys(byName).sort()).toEqual(
      ["access/alice.yaml", "access/bob.yaml", "access/escape", "access/readme", "logo.bin", "new-name.txt", "to-delete.txt"].sort(),
    );
    expect(byName["access/alice.yaml"]).toMatchObject({ status: "modified", additions: 1, deletions: 1, changes: 2 });
    expect(byName["access/alice.yaml"]?.patch).toContain("-until: 2026-01-01\n+until: 2026-06-01");
    expect(byName["access/alice.yaml"]?.sha).toBe(fx.git("rev-parse", `${fx.featureTip}:access/alice.yaml`));
    expect(byName["access/bob.yaml"]).toMatchObject({ status: "added", additions: 2, deletions: 0 });
    expect(byName["new-name.txt"]).toMatchObject({ status: "renamed", previous_filename: "old-name.txt", additions: 0, deletions: 0 });
    expect(byName["to-delete.txt"]).toMatchObject({ status: "removed", additions: 0, deletions: 1 });
    expect(byName["to-delete.txt"]?.sha).toBe(fx.git("rev-parse", `${fx.forkPoint}:to-delete.txt`));
    expect(byName["logo.bin"]).toMatchObject({ status: "added", additions: 0, deletions: 0 });
    expect(byName["logo.bin"]?.patch).toBeUndefined();
    expect(byName["access/escape"]).toMatchObject({ status: "added", additions: 1 });
    expect(byName["access/alice.yaml"]?.blob_url).toBe(`https://github.com/acme/access/blob/${fx.featureTip}/access/alice.yaml`);
    expect(byName["access/alice.yaml"]?.raw_url).toBe(`https://github.com/acme/access/raw/${fx.featureTip}/access/alice.yaml`);
    expect(byName["access/alice.yaml"]?.contents_url).toBe(`${emu.url}/repos/acme/access/contents/access/alice.yaml?ref=${fx.featureTip}`);
  });

  test("pull request totals and base sha come from git", async () => {
    const { data } = await client(emu.url).pulls.get({ owner: "acme", repo: "access", pull_number: 1 });
    expect(data.base.sha).toBe(fx.mainTip);
    expect(data.head.sha).toBe(fx.featureTip);
    expect(data.commits).toBe(2);
    expect(data.changed_files).toBe(7);
    expect(data.additions).toBe(5);
    expect(data.deletions).toBe(2);
  });

  test("a seeded base sha pins the diff", async () => {
    emu.state.addPullRequest("acme", "access", {
      author: "alice", base: "main", baseSha: fx.featureFirst, head: "feature", headSha: fx.featureTip,
    });
    const { data } = await client(emu.url).pulls.listFiles({ owner: "acme", repo: "access", pull_number: 2 });
    expect(data.map((f) => f.filename)).not.toContain("access/alice.yaml");
  });

  test("commits of the pull request are associated with it", async () => {
    const o = client(emu.url);
    const first = await o.repos.listPullRequestsAssociatedWithCommit({ owner: "acme", repo: "access", commit_sha: fx.featureFirst });
    expect(first.data.map((p) => p.number)).toEqual([1]);
    const byBranch = await o.repos.listPullRequestsAssociatedWithCommit({ owner: "acme", repo: "access", commit_sha: "feature" });
    expect(byBranch.data.map((p) => p.number)).toEqual([1]);
    const onMain = await o.repos.listPullRequestsAssociatedWithCommit({ owner: "acme", repo: "access", commit_sha: fx.mainTip });
    expect(onMain.data).toEqual([]);
    const missing = await o.repos
      .listPullRequestsAssociatedWithCommit({ owner: "acme", repo: "access", commit_sha: "f".repeat(40) })
      .catch((e: { status: number }) => e);
    expect(missing).toMatchObject({ status: 422 });
  });
});

describe("contents from git", () => {
  test("a file: base64 in 60-character lines, size, sha, links", async () => {
    const { data } = await client(emu.url).repos.getContent({ owner: "acme", repo: "access", path: "access/alice.yaml" });
    if (Array.isArray(data) || data.type !== "file") throw new Error("expected a file");
    expect(decode(data.content)).toBe("user: alice\nrole: admin\nuntil: 2026-01-01\n");
    expect(data.content.split("\n").every((l) => l.length <= 60)).toBe(true);
    expect(data.content.endsWith("\n")).toBe(true);
    expect(data.encoding).toBe("base64");
    expect(data.size).toBe(42);
    expect(data.sha).toBe(fx.git("rev-parse", "main:access/alice.yaml"));
    expect(data.url).toBe(`${emu.url}/repos/acme/access/contents/access/alice.yaml?ref=main`);
    expect(data.html_url).toBe("https://github.com/acme/access/blob/main/access/alice.yaml");
    expect(data.git_url).toBe(`${emu.url}/repos/acme/access/git/blobs/${data.sha}`);
  });

  test("ref selects the version; unknown refs and paths are 404", async () => {
    const o = client(emu.url);
    const { data } = await o.repos.getContent({ owner: "acme", repo: "access", path: "access/alice.yaml", ref: "feature" });
    if (Array.isArray(data) || data.type !== "file") throw new Error("expected a file");
    expect(decode(data.content)).toContain("2026-06-01");
    const bob = await o.repos.getContent({ owner: "acme", repo: "access", path: "access/bob.yaml", ref: fx.featureTip });
    expect(bob.status).toBe(200);
    const missing = await o.repos.getContent({ owner: "acme", repo: "access", path: "access/bob.yaml" }).catch((e: { status: number; response: { data: unknown } }) => e);
    expect(missing).toMatchObject({ status: 404, response: { data: { message: "Not Found", status: "404" } } });
    const badRef = await o.repos.getContent({ owner: "acme", repo: "access", path: "README.md", ref: "nope" }).catch((e: { status: number; response: { data: unknown } }) => e);
    expect(badRef).toMatchObject({ status: 404, response: { data: { message: "No commit found for the ref nope" } } });
  });

  test("a directory lists its entries with their types", async () => {
    const o = client(emu.url);
    const { data } = await o.repos.getContent({ owner: "acme", repo: "access", path: "" });
    if (!Array.isArray(data)) throw new Error("expected a directory");
    const types = Object.fromEntries(data.map((e) => [e.path, e.type]));
    expect(types).toEqual({
      "README.md": "file",
      access: "dir",
      "dangling-link": "symlink",
      docs: "dir",
      "docs-link": "symlink",
      "old-name.txt": "file",
      "readme-link": "symlink",
      "to-delete.txt": "file",
    });
    const sub = await o.repos.getContent({ owner: "acme", repo: "access", path: "access", ref: "feature" });
    if (!Array.isArray(sub.data)) throw new Error("expected a directory");
    expect(sub.data.map((e) => e.name).sort()).toEqual(["alice.yaml", "bob.yaml", "escape", "readme"]);
  });

  test("symlinks: followed to a regular file (as GitHub does), described otherwise", async () => {
    const o = client(emu.url);
    const toFile = await o.repos.getContent({ owner: "acme", repo: "access", path: "readme-link" });
    if (Array.isArray(toFile.data)) throw new Error("expected an object");
    expect(toFile.data).toMatchObject({ type: "file", name: "readme-link", path: "readme-link", sha: fx.git("rev-parse", "main:README.md"), size: 9 });
    expect(decode((toFile.data as { content: string }).content)).toBe("# access\n");

    const nested = await o.repos.getContent({ owner: "acme", repo: "access", path: "access/readme", ref: "feature" });
    expect(nested.data).toMatchObject({ type: "file", path: "access/readme" });

    for (const [path, target, ref] of [
      ["docs-link", "docs", "main"],
      ["dangling-link", "nowhere/at/all", "main"],
      ["access/escape", "../../etc/passwd", "feature"],
    ] as const) {
      const { data } = await o.repos.getContent({ owner: "acme", repo: "access", path, ref });
      expect(data).toMatchObject({ type: "symlink", target, path, size: target.length, sha: fx.git("rev-parse", `${ref}:${path}`) });
    }
  });

  test("raw media type returns the bytes", async () => {
    const { data } = await client(emu.url).repos.getContent({
      owner: "acme", repo: "access", path: "README.md", mediaType: { format: "raw" },
    });
    expect(data).toBe("# access\n");
  });

  test("git blobs", async () => {
    const o = client(emu.url);
    const sha = fx.git("rev-parse", `${fx.featureTip}:logo.bin`);
    const { data } = await o.git.getBlob({ owner: "acme", repo: "access", file_sha: sha });
    expect(data).toMatchObject({ sha, size: 8, encoding: "base64", url: `${emu.url}/repos/acme/access/git/blobs/${sha}` });
    expect([...Buffer.from(data.content, "base64")]).toEqual([0, 1, 2, 3, 0, 255, 0, 7]);
    const missing = await o.git.getBlob({ owner: "acme", repo: "access", file_sha: "0".repeat(40) }).catch((e: { status: number }) => e);
    expect(missing).toMatchObject({ status: 404 });
    const invalid = await o.git.getBlob({ owner: "acme", repo: "access", file_sha: "xyz" }).catch((e: { status: number }) => e);
    expect(invalid).toMatchObject({ status: 422 });
  });

  test("a repository without git content is empty", async () => {
    emu.state.addRepo("acme", "plain");
    const e = await client(emu.url).repos.getContent({ owner: "acme", repo: "plain", path: "README.md" }).catch((x: { status: number; response: { data: unknown } }) => x);
    expect(e).toMatchObject({ status: 404, response: { data: { message: "This repository is empty." } } });
  });
});
