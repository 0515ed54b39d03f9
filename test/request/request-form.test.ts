// The request form end to end, with real git (a bare origin the form pushes to, registered as
// the emulator repository's git directory) and the checked GitHub API emulator: the form opens
// a pull request as the bot whose lease validates with the actor as requester and is granted
// after approval; an invalid request opens nothing; and every way of claiming the bot's
// binding without the form — a pushed second commit, a forged or copied note, a human pull
// request that says so in its body, a request commit moved to another branch, no evidence key —
// is refused at pull request time and at apply time.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pullRequestRequester } from "../../src/approval/pull-request-requester.js";
import { changedLeases } from "../../src/approval/requester.js";
import { runApply } from "../../src/commands/apply.js";
import { runRequestForm } from "../../src/commands/request-form.js";
import type { RequestFormOptions } from "../../src/commands/request-form.js";
import { pullRequestInput } from "../../src/git/pull-request-input.js";
import { refuseUnboundRequest } from "../../src/validate/refuse-unbound-request.js";
import { parseNote } from "../../src/evidence/evidence.js";
import { isTrustedRequestNote, parseRequestNote, signRequestNote } from "../../src/evidence/request-note.js";
import { readNotes } from "../../src/git/evidence-notes.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { pullRequestChanges } from "../../src/github/pull-request-changes.js";
import { resolveFacts } from "../../src/github/resolve-facts.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import { allDiagnostics } from "../../src/validate/report.js";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const KEY = "request-form-evidence-key";
const BOT = "jit-access[bot]";
const NOW = Date.parse("2026-11-24T09:00:00Z");

let seed: TestRepo;
let origin: string;
let emu: CheckedEmulator;
let gh: GitHubClient;
const dirs: string[] = [];

/** A clone of origin: the workflow's checkout, a pusher's clone, the validator's checkout. */
function clone(): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), "jit-clone-"));
  dirs.push(dir);
  execFileSync("git", ["clone", "-q", origin, dir]);
  return new TestRepo(dir);
}

/** The bare origin every test starts from (main without leases), made once: each test gets its own copy. */
let startOrigin: string;
beforeAll(() => {
  seed = TestRepo.init({ time: "2026-11-20T09:00:00Z" });
  seed.remove("leases/platform-admins/alice-inc-1234.yaml").remove("leases/prod-db-readers/bob-quarterly-report.yaml");
  seed.commitAll("start without leases", "2026-11-20T09:30:00Z");
  startOrigin = mkdtempSync(join(tmpdir(), "jit-origin-"));
  execFileSync("git", ["clone", "-q", "--bare", seed.dir, startOrigin]);
});
afterAll(() => {
  for (const d of [seed.dir, startOrigin]) rmSync(d, { recursive: true, force: true });
});

beforeEach(async () => {
  origin = mkdtempSync(join(tmpdir(), "jit-origin-"));
  dirs.push(origin);
  cpSync(startOrigin, origin, { recursive: true });

  emu = await startCheckedEmulator({ now: () => new Date(NOW) });
  const s = emu.state;
  s.addOrg("acme");
  for (const u of ["zed", "mallory", "eve", "sam", "rita", "dana", "platform-bot"]) s.addOrgMember("acme", u);
  const team = (slug: string, ...members: string[]) => {
    s.addTeam("acme", slug);
    for (const m of members) s.addTeamMember("acme", slug, m);
  };
  team("security", "sam");
  team("sre-leads", "rita");
  team("security-admins", "sam");
  team("engineering", "zed", "mallory", "rita");
  team("dba", "dana");
  team("platform-admins");
  s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
  team("prod-db-readers");
  s.addRepo("acme", "access", { gitDir: origin, defaultBranch: "main" });
  s.addToken("mallory-token", "mallory");
  gh = createClient({ token: "test-token", baseUrl: emu.url, spaceWrites: false });
});

afterEach(async () => {
  await emu.close();
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

const adminRequest = { resource: "platform-admins", role: "member", duration: "2h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77" };

function form(o: Partial<RequestFormOptions> = {}) {
  return runRequestForm({ gh, repoDir: clone().dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", actor: "zed", ...adminRequest, evidenceKey: KEY, now: NOW, runUrl: "https://github.com/acme/access/actions/runs/7", ...o });
}

const git = (...args: string[]) => execFileSync("git", ["-C", origin, ...args], { encoding: "utf8" }).trim();
const branches = () => git("for-each-ref", "--format=%(refname:short)", "refs/heads").split("\n").filter(Boolean);
const hasNotes = () => git("for-each-ref", "refs/notes").length > 0;

/** The pull request check, as the Action runs it (run-validate.ts): requester, validation, refusal. */
async function validate(number: number, opts: { evidenceKey?: string } = { evidenceKey: KEY }) {
  const pr = emu.state.getPullRequest("acme", "access", number)!;
  const ws = clone();
  const changes = await pullRequestChanges(gh, { owner: "acme", repo: "access", number, headSha: pr.head.sha, baseSha: ws.head("main") }, "policy.yaml");
  const { requester } = await pullRequestRequester(gh, {
    repoDir: ws.dir, owner: "acme", repo: "access", changes, ...opts,
    pullRequest: { number, author: pr.issue.user.login, headSha: pr.head.sha, headRef: pr.head.ref },
  });
  const input = await pullRequestInput(ws.dir, "HEAD", changes, { policyPath: "policy.yaml", ...(requester.ok ? { author: requester.login } : {}), now: NOW, strict: true, resolveFacts: (q) => resolveFacts(gh, q) });
  let report = validatePullRequest(input);
  if (!requester.ok) report = refuseUnboundRequest(report, requester, changedLeases(changes).map((l) => l.path));
  return { requester, report, codes: allDiagnostics(report).filter((d) => d.severity === "error").map((d) => d.code) };
}

/** Someone with push access pushes a commit to the request branch; GitHub moves the pull request's head. */
function pushToBranch(number: number, change: (r: TestRepo) => void, note?: (r: TestRepo, head: string) => void): string {
  const pr = emu.state.getPullRequest("acme", "access", number)!;
  const r = clone();
  r.git("switch", "-q", pr.head.ref);
  change(r);
  const head = r.commitAll("tweak", "2026-11-24T09:05:00Z");
  r.git("push", "-q", "origin", pr.head.ref);
  if (note) {
    r.git("fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
    note(r, head);
    r.git("push", "-q", "origin", "refs/notes/jit");
  }
  emu.state.updatePullRequest("acme", "access", number, { headSha: head });
  return head;
}

/** Approvals on the head, a merge commit on main (pushed to origin), the pull request marked merged. */
function approveAndMerge(number: number, reviewers: string[]): string {
  const pr = emu.state.getPullRequest("acme", "access", number)!;
  for (const user of reviewers) emu.state.addReview("acme", "access", number, { user, state: "APPROVED", commitId: pr.head.sha });
  const r = clone();
  r.git("fetch", "-q", "origin", pr.head.ref);
  execFileSync("git", ["merge", "-q", "--no-ff", "-m", `Merge #${number}`, "FETCH_HEAD"], { cwd: r.dir, env: { ...process.env, GIT_AUTHOR_NAME: "GitHub", GIT_AUTHOR_EMAIL: "noreply@github.com", GIT_COMMITTER_NAME: "GitHub", GIT_COMMITTER_EMAIL: "noreply@github.com", GIT_AUTHOR_DATE: "2026-11-24T09:30:00Z", GIT_COMMITTER_DATE: "2026-11-24T09:30:00Z" } });
  const merge = r.head();
  r.git("push", "-q", "origin", "main");
  emu.state.mergePullRequest("acme", "access", number, { mergeCommitSha: merge, mergedBy: "sam" });
  return merge;
}

/** The apply run after the merge: a fresh checkout of main with the notes fetched, as run-apply.ts does. */
/** `evidenceKey: ""`: none. */
async function apply(evidenceKey = KEY) {
  const ws = clone();
  ws.git("fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit");
  const registry = createProviderRegistry(gh);
  return runApply({
    gh, repoDir: ws.dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now: Date.parse("2026-11-24T10:00:00Z"), ref: "HEAD",
    ...(evidenceKey ? { evidenceKey } : {}),
    providerFor: (id, policy) => registry(policy.resources.get(id)!),
    dryRun: false,
  });
}

const members = () => [...emu.state.getTeam("acme", "platform-admins")!.members.keys()].sort();

describe("the request form", () => {
  it("opens a pull request as the bot, with a signed note naming the actor, that validates with the actor as requester", async () => {
    const r = await form();
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
    const path = "leases/platform-admins/zed-20261124-0900.yaml";
    expect(r).toMatchObject({ lease: { path }, branch: "jit/request/zed/platform-admins-20261124-090000", pullRequest: { number: 1, author: BOT, url: "https://github.com/acme/access/pull/1" } });
    expect(r.lease!.text).toContain("grantee: zed\nresource: platform-admins\nrole: member\nduration: 2h\nreason: Roll back the failed deploy of INC-77\nticket: INC-77\n");

    // On origin: the branch at the bot's commit (one file, the lease), and the signed note.
    expect(git("rev-parse", `refs/heads/${r.branch}`)).toBe(r.commit);
    expect(git("log", "-1", "--format=%an <%ae>%n%s%n%b", r.commit!)).toMatch(/^jit-access\[bot\] <\d+\+jit-access\[bot\]@users\.noreply\.github\.com>\nRequest member on platform-admins for zed \(2h\)\n[\s\S]*Requested-by: zed\nTicket: INC-77\nLease: leases\/platform-admins\/zed-20261124-0900\.yaml/);
    expect(git("diff-tree", "--no-commit-id", "--name-only", "-r", r.commit!)).toBe(path);
    const note = parseRequestNote(git("notes", "--ref=refs/notes/jit", "show", r.commit!))!;
    expect(isTrustedRequestNote(note, r.commit!, KEY)).toBe(true);
    expect(note.request).toEqual({ repository: "acme/access", branch: r.branch, actor: "zed", lease: path, blob: git("rev-parse", `${r.commit}:${path}`), requestedAt: "2026-11-24T09:00:00Z", run: "https://github.com/acme/access/actions/runs/7" });
    expect(parseNote(JSON.stringify(note))).toBeUndefined(); // never mistaken for evidence

    // The pull request says who asked, what, for how long, why, the ticket and how approval works.
    const pr = emu.state.getPullRequest("acme", "access", 1)!;
    expect(pr.issue.title).toBe("Access request: zed → member on platform-admins for 2h (INC-77)");
    expect(pr.issue.body).toContain("**@zed** asks for **member** on **platform-admins**");
    expect(pr.issue.body).toContain("| Ticket | ` INC-77 ` |");
    expect(pr.issue.body).toContain("```text\nRoll back the failed deploy of INC-77\n```");
    expect(pr.issue.body).toContain("Needs approval from 1 from group:security (@acme/security) and 1 from group:sre-leads (@acme/sre-leads, @carol)");
    expect(pr.issue.body).toContain("Do not push to this branch");

    const v = await validate(1);
    expect(v.requester).toMatchObject({ ok: true, login: "zed", via: "request-form" });
    expect(v.report.ok).toBe(true);
    expect(v.report.files.map((f) => f.file)).toEqual([path]);
  });

  it("is granted after approval and merge: apply takes the note's actor as requester and records it", async () => {
    const r = await form();
    const merge = approveAndMerge(1, ["sam", "rita"]);
    const applied = await apply();
    expect(applied.findings).toEqual([]);
    expect(applied.results.map((x) => `${x.action.kind}:${x.action.grantee}:${x.outcome.status}`)).toEqual(["grant:zed:granted"]);
    expect(members()).toEqual(["platform-bot", "zed"]);
    expect(merge).toMatch(/^[0-9a-f]{40}$/);
    expect(applied.verified).toEqual([expect.objectContaining({ lease: r.lease!.path, verdict: "approved", pullRequest: expect.objectContaining({ number: 1, author: BOT, requester: "zed", headSha: r.commit }) })]);
    expect(applied.verified[0]!.approvals.map((a) => a.reviewer).sort()).toEqual(["rita", "sam"]);
  });

  it("the requester cannot approve their own request (the bot is the author, the actor still counts as one)", async () => {
    await form();
    emu.state.addReview("acme", "access", 1, { user: "zed", state: "APPROVED" });
    approveAndMerge(1, ["rita"]);
    const applied = await apply();
    expect(members()).toEqual(["platform-bot"]);
    expect(applied.verified[0]?.findings.join("\n")).toMatch(/approvals-missing: 1 more approval from @acme\/security\napproval-ignored: zed is the pull request's author/);
  });

  it("opens nothing for an invalid request: the reasons, no branch, no note, no pull request", async () => {
    const cases: Array<[Partial<RequestFormOptions>, string]> = [
      [{ role: "admin" }, "lease-role-not-allowed"],
      [{ duration: "9h" }, "lease-duration-too-long"],
      [{ reason: "because" }, "lease-reason-too-short"],
      [{ ticket: "JIRA-1" }, "lease-ticket-format"],
      [{ resource: "nope" }, "lease-unknown-resource"],
      [{ actor: "eve" }, "lease-requester-not-allowed"], // not in @acme/engineering: checked through the API
      [{ notBefore: "2026-11-24T08:00:00Z" }, "lease-not-before-past"],
    ];
    for (const [o, code] of cases) {
      const r = await form(o);
      expect(r.ok, code).toBe(false);
      expect(r.errors.map((e) => e.code), code).toContain(code);
      expect(r.pullRequest).toBeUndefined();
    }
    await expect(form({ evidenceKey: "" })).rejects.toMatchObject({ code: "request-no-evidence-key" });
    await expect(form({ reason: "  " })).rejects.toMatchObject({ code: "request-missing" });
    await expect(form({ actor: "github-actions[bot]" })).rejects.toMatchObject({ code: "request-actor" });
    expect(branches()).toEqual(["main"]);
    expect(hasNotes()).toBe(false);
    expect(emu.state.listIssues("acme", "access")).toEqual([]);
  });

  it("two requests in a row each get their own branch, note and pull request (notes pushed on top of each other)", async () => {
    const a = await form();
    const b = await form({ actor: "mallory", now: NOW + 60_000 });
    expect([a.pullRequest?.number, b.pullRequest?.number]).toEqual([1, 2]);
    const notes = await readNotes(origin);
    expect(parseRequestNote(notes.get(a.commit!)!)?.request.actor).toBe("zed");
    expect(parseRequestNote(notes.get(b.commit!)!)?.request.actor).toBe("mallory");
    expect((await validate(2)).requester).toMatchObject({ ok: true, login: "mallory" });
  });
});

describe("pushing the request", () => {
  it("retries when an apply run pushed evidence notes meanwhile, keeping both notes", async () => {
    // A hook on origin plays the concurrent apply run: on the first push it adds a note of its own.
    const other = git("rev-parse", "main");
    const hook = join(origin, "hooks", "pre-receive");
    writeFileSync(hook, `#!/bin/sh\n[ -f "$GIT_DIR/raced" ] && exit 0\ntouch "$GIT_DIR/raced"\nenv -u GIT_QUARANTINE_PATH -u GIT_OBJECT_DIRECTORY -u GIT_ALTERNATE_OBJECT_DIRECTORIES git -c user.name=apply -c user.email=apply@example.com notes --ref=refs/notes/jit add -f -m '{"version":1,"leases":[]}' ${other} >/dev/null\n`);
    chmodSync(hook, 0o755);
    const r = await form();
    expect(r.ok).toBe(true);
    const notes = await readNotes(origin);
    expect(notes.get(other)).toContain('"leases":[]');
    expect(parseRequestNote(notes.get(r.commit!)!)?.request.actor).toBe("zed");
    expect(git("rev-parse", `refs/heads/${r.branch}`)).toBe(r.commit);
  });

  it("opens nothing when the login the token opens pull requests as cannot be found", async () => {
    emu.faults.add({ route: "/user", method: "GET", status: 403, body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user", status: "403" } });
    const r = await form();
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.code, e.file])).toEqual([["request-bot-unknown", "leases/platform-admins/zed-20261124-0900.yaml"]]);
    expect(r.errors[0]!.message).toMatch(/could not be attributed to zed; nothing was pushed or opened/);
    expect(r.pullRequest).toBeUndefined();
    expect(branches()).toEqual(["main"]);
    expect(hasNotes()).toBe(false);
  });

  it("a pull request that cannot be opened leaves no request branch behind", async () => {
    emu.faults.add({ route: "/repos/{owner}/{repo}/pulls", method: "POST", status: 422, body: { message: "Validation Failed", errors: [{ resource: "PullRequest", field: "head", code: "invalid" }], documentation_url: "https://docs.github.com/rest/pulls/pulls#create-a-pull-request", status: "422" } });
    await expect(form()).rejects.toThrow(/Could not open the pull request from jit\/request\/zed\/platform-admins-20261124-090000: .*Nothing was requested/);
    expect(branches()).toEqual(["main"]);
  });
});

describe("the binding cannot be forged", () => {
  const escalate = (r: TestRepo) => {
    const path = execFileSync("git", ["ls-files", "leases/platform-admins"], { cwd: r.dir, encoding: "utf8" }).trim();
    r.write(path, lease({ grantee: "zed", resource: "platform-admins", role: "maintainer", duration: "4h", reason: "Roll back the failed deploy of INC-77", ticket: "INC-77" }));
  };

  it("a second commit pushed to the branch changing the lease: request-unbound, at pull request time and at apply time", async () => {
    await form();
    pushToBranch(1, escalate);
    const v = await validate(1);
    expect(v.requester).toMatchObject({ ok: false, code: "request-unbound" });
    expect(v.codes).toEqual(["request-unbound"]);
    const d = allDiagnostics(v.report)[0]!;
    expect(d.message).toMatch(/The request was changed after the form opened it: the head commit \w{7} of jit\/request\/zed\/platform-admins-20261124-090000 is not the commit the form made/);
    expect(d.hint).toMatch(/ask again with the request form/);

    approveAndMerge(1, ["sam", "rita"]);
    const applied = await apply();
    expect(members()).toEqual(["platform-bot"]);
    expect(applied.ok).toBe(false);
    expect(applied.verified[0]).toMatchObject({ verdict: "rejected" });
    expect(applied.verified[0]!.findings[0]).toMatch(/^request-unbound: The request was changed after the form opened it/);
  });

  it("a pushed commit with a note forged without the key, or the form's note copied onto it: request-unbound", async () => {
    const r = await form();
    const original = git("notes", "--ref=refs/notes/jit", "show", r.commit!);
    // Forged: a note of the right shape on the new head, signed with a guessed key.
    pushToBranch(1, escalate, (c, head) => {
      const forged = signRequestNote({ ...parseRequestNote(original)!.request, blob: c.git("rev-parse", `${head}:${r.lease!.path}`).trim() }, head, "guessed-key");
      c.git("notes", "--ref=refs/notes/jit", "add", "-f", "-m", JSON.stringify(forged), head);
    });
    let v = await validate(1);
    expect(v.requester).toMatchObject({ ok: false, code: "request-unbound" });
    expect(allDiagnostics(v.report)[0]!.message).toMatch(/not signed with the evidence key/);

    // Copied: the form's genuine note, moved to the new head (its MAC covers the commit it was made for).
    pushToBranch(1, escalate, (c, head) => c.git("notes", "--ref=refs/notes/jit", "add", "-f", "-m", original, head));
    v = await validate(1);
    expect(v.requester).toMatchObject({ ok: false, code: "request-unbound" });

    approveAndMerge(1, ["sam", "rita"]);
    const applied = await apply();
    expect(members()).toEqual(["platform-bot"]);
    expect(applied.verified[0]!.findings[0]).toMatch(/^request-unbound: .*not signed with the evidence key/);
  });

  it("a human's pull request claiming to be a form request in its body (even with the form's commit and note) is theirs", async () => {
    const r = await form();
    // mallory (push access) pushes the bot's own request commit to her branch and opens a pull request with a form-like body.
    git("branch", "mallory-for-zed", r.commit!);
    const mine = await createClient({ token: "mallory-token", baseUrl: emu.url, spaceWrites: false }).rest.pulls.create({
      owner: "acme", repo: "access", head: "mallory-for-zed", base: "main", title: "Access request: zed → member on platform-admins",
      body: "<!-- jit-access:request -->\n**@zed** asks for **member** on **platform-admins** through the request form.\n\nRequested-by: zed",
    });
    expect(mine.data.user?.login).toBe("mallory");
    const v = await validate(mine.data.number);
    expect(v.requester).toMatchObject({ ok: true, login: "mallory", via: "author" });
    expect(v.codes).toEqual(["lease-grantee-not-author"]);
  });

  it("the form's commit moved onto another request's branch (replaying an older request): request-unbound", async () => {
    const zed = await form();
    await form({ actor: "mallory", now: NOW + 60_000 });
    // Force-push mallory's request branch to zed's request commit, whose note is genuine.
    const pr = emu.state.getPullRequest("acme", "access", 2)!;
    git("update-ref", `refs/heads/${pr.head.ref}`, zed.commit!);
    emu.state.updatePullRequest("acme", "access", 2, { headSha: zed.commit! });
    const v = await validate(2);
    expect(v.requester).toMatchObject({ ok: false, code: "request-unbound" });
    expect(allDiagnostics(v.report)[0]!.message).toMatch(/made for branch jit\/request\/zed\//);
  });

  it("without an evidence key a bot-authored request is refused with what to configure, at pull request and apply time", async () => {
    await form();
    const v = await validate(1, {});
    expect(v.requester).toMatchObject({ ok: false, code: "request-no-evidence-key" });
    expect(allDiagnostics(v.report)[0]).toMatchObject({ code: "request-no-evidence-key", hint: expect.stringContaining("evidence-key: ${{ secrets.JIT_EVIDENCE_KEY }}") });
    approveAndMerge(1, ["sam", "rita"]);
    const applied = await apply("");
    expect(members()).toEqual(["platform-bot"]);
    expect(applied.verified[0]!.findings[0]).toMatch(/^request-no-evidence-key: /);
  });
});
