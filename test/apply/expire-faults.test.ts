// The expiry sweep under faults, with real git (a bare remote, clones for each run) and the
// checked emulator: a push race with a merge, a concurrent apply or a second sweep; a crash
// between the revoke and the commit; an unreachable remote; a webhook that is down or hangs.
// In every case: no grant outlives its expiry by more than one successful sweep, and no
// file is lost (main ends with exactly the files it should have, each removal on record once).
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { runApply } from "../../src/commands/apply.js";
import { pushNotesWithRetry } from "../../src/git/evidence-notes.js";
import { noteSigner } from "../../src/evidence/evidence.js";
import { runExpire } from "../../src/commands/expire.js";
import { createClient } from "../../src/github/client.js";
import type { GitHubClient } from "../../src/github/client.js";
import { formatTimestamp } from "../../src/lease/timestamp.js";
import type { Provider } from "../../src/providers/provider.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";
import { RUNTIMES, cleanupSteps, runAction } from "../helpers/action-step.js";
import { TestRepo, lease } from "../helpers/git-repo.js";

const H = 3_600_000;
const M = 60_000;
const DB = "leases/prod-db-readers";
const ZED = `${DB}/zed.yaml`;
const dirs: string[] = [];
afterAll(() => {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanupSteps();
});

/** A world: the developers' repo, the bare remote GitHub serves, the emulator, a clock. */
function world(base: () => number) {
  let start: TestRepo | undefined;
  let repo: TestRepo;
  let origin: string;
  let emu: CheckedEmulator;
  let gh: GitHubClient;
  let B = 0;
  const iso = (ms: number) => formatTimestamp(ms);
  const at = (h: number, m = 0) => B + h * H + m * M;
  const inOrigin = (...args: string[]) => execFileSync("git", ["--git-dir", origin, ...args], { encoding: "utf8" });
  const files = () => inOrigin("ls-tree", "-r", "--name-only", "main").split("\n").filter(Boolean).sort();
  const members = () => [...emu.state.getTeam("acme", "prod-db-readers")!.members.keys()].sort();
  const clone = () => {
    const dir = mkdtempSync(join(tmpdir(), "jit-run-"));
    dirs.push(dir);
    execFileSync("git", ["clone", "-q", "--branch", "main", origin, dir]);
    // Like the Action: evidence notes from earlier runs, when there are any.
    if (inOrigin("for-each-ref", "refs/notes/jit").trim()) execFileSync("git", ["fetch", "-q", "origin", "+refs/notes/jit:refs/notes/jit"], { cwd: dir });
    return dir;
  };
  /** Like the Action after a run: push evidence notes; a concurrent run's push may win (a warning there). */
  const shareNotes = async (dir: string, verified: number) => {
    if (verified) await pushNotesWithRetry(dir, "origin", noteSigner("acme", "access", undefined));
  };

  /** A pull request adding a lease, approved and merged at `time`; main is pushed unless told not to. */
  const mergeLease = (file: string, grantee: string, duration: string, time: number, opts: { pushMain?: boolean; branch?: string } = {}) => {
    repo.git("fetch", "-q", "origin");
    repo.git("switch", "-q", "-C", "main", "origin/main");
    const branch = opts.branch ?? file.replace(/\.yaml$/, "");
    const head = repo.commitOn(branch, { [`${DB}/${file}`]: lease({ grantee, resource: "prod-db-readers", role: "member", duration, reason: "Pull figures for the quarterly report" }) }, `request ${file}`, { time: iso(time - 30 * M) });
    const pr = emu.state.addPullRequest("acme", "access", { author: grantee, base: "main", baseSha: repo.head("main"), head: branch, headSha: head });
    emu.state.addReview("acme", "access", pr.number, { user: "dana", state: "APPROVED", commitId: head });
    const merge = repo.merge(branch, iso(time));
    repo.git("push", "-q", "origin", branch, ...(opts.pushMain !== false ? ["main"] : []));
    emu.state.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
    emu.state.associateCommit("acme", "access", merge, pr.number);
    return merge;
  };

  /** Providers for one run; `beforeRevoke` runs once, just before the run's first revoke reaches the target. */
  const providers = (beforeRevoke?: () => Promise<void>) => {
    const registry = createProviderRegistry(gh);
    let fired = false;
    return (id: string, p: { resources: Map<string, unknown> }) => {
      const inner = registry(p.resources.get(id) as Parameters<typeof registry>[0]);
      if (!beforeRevoke) return inner;
      const wrapped = Object.create(inner) as Provider;
      wrapped.revoke = async (r, g) => {
        if (!fired) {
          fired = true;
          await beforeRevoke();
        }
        return inner.revoke(r, g);
      };
      return wrapped;
    };
  };
  const options = (dir: string, now: number, providerFor: ReturnType<typeof providers>) => ({ gh, repoDir: dir, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: "k", providerFor, dryRun: false });
  const apply = async (dir: string, now: number) => {
    const r = await runApply(options(dir, now, providers()));
    await shareNotes(dir, r.verified.length);
    return r;
  };
  const sweep = async (dir: string, now: number, beforeRevoke?: () => Promise<void>) => {
    const r = await runExpire({ ...options(dir, now, providers(beforeRevoke)), push: { remote: "origin", branch: "main" } });
    await shareNotes(dir, r.apply.verified.length + (r.recheck?.verified.length ?? 0));
    return r;
  };

  const setUp = async () => {
    B = base();
    // The developers' repo before anything happened: made once per world, copied per test.
    if (start?.time !== iso(at(-95))) {
      start = TestRepo.init({ time: iso(at(-96)) });
      dirs.push(start.dir);
      start.remove("leases/platform-admins/alice-inc-1234.yaml").remove(`${DB}/bob-quarterly-report.yaml`);
      start.commitAll("start without leases", iso(at(-95)));
      start.time = iso(at(-95)); // marks the world's start it was made for
    }
    repo = start.copy();
    delete repo.time;
    dirs.push(repo.dir);
    origin = mkdtempSync(join(tmpdir(), "jit-origin-"));
    dirs.push(origin);
    execFileSync("git", ["clone", "-q", "--bare", repo.dir, origin]);
    repo.git("remote", "add", "origin", origin);
    emu = await startCheckedEmulator();
    const s = emu.state;
    s.addOrg("acme");
    for (const u of ["zed", "u2", "u3", "dana"]) s.addOrgMember("acme", u);
    for (const t of ["security", "sre-leads", "security-admins", "engineering", "platform-admins", "prod-db-readers"]) s.addTeam("acme", t);
    s.addTeamMember("acme", "platform-admins", "platform-bot", "maintainer");
    s.addTeam("acme", "dba");
    s.addTeamMember("acme", "dba", "dana");
    s.addRepo("acme", "access", { gitDir: origin, defaultBranch: "main" });
    s.addRepo("acme", "web");
    s.addOrgRole("acme", "billing_manager");
    gh = createClient({ token: "test-token", baseUrl: emu.url, retryBaseMs: 5 });
    // zed's lease: merged at 09:00 for 2h (ends 11:00), granted by the apply run at 10:00.
    mergeLease("zed.yaml", "zed", "2h", at(9));
  };
  const tearDown = async () => {
    emu.faults.clear();
    await emu.close();
  };
  return {
    setUp,
    tearDown,
    at,
    files,
    members,
    clone,
    mergeLease,
    apply,
    sweep,
    inOrigin,
    get emu() {
      return emu;
    },
    get gh() {
      return gh;
    },
    get origin() {
      return origin;
    },
    get repoDir() {
      return repo.dir;
    },
  };
}

const without = (list: string[], ...drop: string[]) => list.filter((f) => !drop.includes(f));
const trailers = (w: ReturnType<typeof world>, rev: string) => w.inOrigin("log", "-1", "--format=%(trailers:only,unfold)", rev);
/** How many commits on main removed the file: exactly one, whatever raced. */
const removals = (w: ReturnType<typeof world>, path: string) => w.inOrigin("log", "--format=%H", "--diff-filter=D", "main", "--", path).split("\n").filter(Boolean).length;

describe("expire under faults", () => {
  const w = world(() => Date.parse("2026-11-24T00:00:00Z"));
  let start: string[];
  beforeEach(async () => {
    await w.setUp();
    const granted = await w.apply(w.clone(), w.at(10));
    expect(granted.results.map((r) => `${r.action.kind} ${r.action.grantee} ${r.outcome.status}`)).toEqual(["grant zed granted"]);
    start = w.files();
    expect(start).toContain(ZED);
  });
  afterEach(() => w.tearDown());

  it("push race: a merge lands between the sweep's commit and its push; the sweep rebases, re-checks (granting the new lease) and pushes", async () => {
    // The merge of u2's lease is made now and pushed by a post-commit hook in the sweep's
    // checkout: exactly between the revocation commit and its push.
    const merge = w.mergeLease("u2.yaml", "u2", "2h", w.at(11, 4), { pushMain: false });
    const dir = w.clone();
    const hook = join(dir, ".git", "hooks", "post-commit");
    writeFileSync(hook, `#!/bin/sh\nunset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_PREFIX\nrm -f "$0"\ncd '${w.repoDir}' && git push -q origin main\n`);
    chmodSync(hook, 0o755);

    const r = await w.sweep(dir, w.at(11, 5));
    expect(existsSync(hook)).toBe(false); // the hook ran (it removes itself)
    expect(w.inOrigin("rev-parse", "main^").trim()).toBe(merge); // the revocation commit was rebased onto the merge
    expect(r.pushError).toBeUndefined();
    expect(r.pushed).toBe(true);
    expect(r.ok).toBe(true);
    expect(r.removed.map((x) => x.path)).toEqual([ZED]);
    expect(r.commit).toBe(w.inOrigin("rev-parse", "main").trim());
    // The re-check after the rebase granted the lease merged meanwhile, in this run.
    expect(r.recheck?.results.map((x) => `${x.action.kind} ${x.action.grantee} ${x.outcome.status}`)).toEqual(["grant u2 granted"]);
    expect(w.members()).toEqual(["u2"]);
    // Both changes are on main: zed's file removed, u2's present, nothing else touched.
    expect(w.files()).toEqual([...without(start, ZED), `${DB}/u2.yaml`].sort());
    expect(trailers(w, "main")).toContain(`Jit-Lease: ${ZED}`);
    expect(removals(w, ZED)).toBe(1);
    // The apply that the merge triggers finds everything in place.
    const after = await w.apply(w.clone(), w.at(11, 6));
    expect(after.ok).toBe(true);
    expect(after.results).toEqual([]);
  });

  it("push race with a concurrent apply: a renewal merged and confirmed while the sweep revokes is restored by the re-check before the push", async () => {
    // The worst interleaving: the sweep planned to revoke zed (the old lease is over); then
    // zed's new lease is merged and an apply run sees zed holding access (nothing to do);
    // then the sweep's revoke lands. The re-check after the rebase grants zed again.
    let concurrent: Awaited<ReturnType<typeof w.apply>> | undefined;
    const r = await w.sweep(w.clone(), w.at(11, 5), async () => {
      w.mergeLease("zed-again.yaml", "zed", "2h", w.at(11, 4));
      concurrent = await w.apply(w.clone(), w.at(11, 5));
    });
    expect(concurrent?.ok).toBe(true);
    expect(concurrent?.results).toEqual([]); // the concurrent apply saw zed's access as backed
    expect(r.apply.results.map((x) => `${x.action.kind} ${x.action.grantee} ${x.outcome.status}`)).toEqual(["revoke zed revoked"]);
    expect(r.recheck?.results.map((x) => `${x.action.kind} ${x.action.grantee} ${x.outcome.status}`)).toEqual(["grant zed granted"]);
    expect(r.pushed).toBe(true);
    expect(r.ok).toBe(true);
    expect(w.members()).toEqual(["zed"]);
    expect(w.files()).toEqual([...without(start, ZED), `${DB}/zed-again.yaml`].sort());
    expect(removals(w, ZED)).toBe(1);
    const after = await w.apply(w.clone(), w.at(11, 6));
    expect(after.results).toEqual([]);
  });

  it("two sweeps at once removing the same file: one removal commit, no error, the grant revoked", async () => {
    const first = w.clone();
    const second = w.clone();
    let other: Awaited<ReturnType<typeof w.sweep>> | undefined;
    const r = await w.sweep(first, w.at(11, 5), async () => {
      other = await w.sweep(second, w.at(11, 4));
    });
    expect(other?.pushed).toBe(true);
    expect(other?.removed.map((x) => x.path)).toEqual([ZED]);
    // The first sweep's revoke found nothing left to take; its commit became empty on the rebase.
    expect(r.apply.results.map((x) => `${x.action.kind} ${x.action.grantee} ${x.outcome.status}`)).toEqual(["revoke zed unchanged"]);
    expect(r.ok).toBe(true);
    expect(r.pushed).toBe(true);
    expect(r.removed).toEqual([]);
    expect(r.commit).toBeUndefined();
    expect(w.inOrigin("rev-parse", "main").trim()).toBe(other!.commit);
    expect(w.members()).toEqual([]);
    expect(w.files()).toEqual(without(start, ZED));
    expect(removals(w, ZED)).toBe(1);
    // The next sweep has nothing to do.
    const next = await w.sweep(w.clone(), w.at(11, 10));
    expect(next.removed).toEqual([]);
    expect(next.apply.results).toEqual([]);
  });

  it("two sweeps at once with overlapping files: the later commit keeps only what it removes, with matching trailers", async () => {
    const U3 = `${DB}/u3.yaml`;
    w.mergeLease("u3.yaml", "u3", "2h", w.at(9, 3)); // ends 11:03
    expect((await w.apply(w.clone(), w.at(10))).results.map((x) => x.action.grantee)).toEqual(["u3"]);
    start = w.files();
    const first = w.clone();
    const second = w.clone();
    let other: Awaited<ReturnType<typeof w.sweep>> | undefined;
    const r = await w.sweep(first, w.at(11, 5), async () => {
      other = await w.sweep(second, w.at(11, 2)); // a slightly earlier sweep: only zed is over
    });
    expect(other?.removed.map((x) => x.path)).toEqual([ZED]);
    expect(r.ok).toBe(true);
    expect(r.pushed).toBe(true);
    expect(r.removed.map((x) => x.path)).toEqual([U3]);
    expect(w.inOrigin("rev-parse", "main").trim()).toBe(r.commit);
    expect(w.inOrigin("rev-parse", "main^").trim()).toBe(other!.commit);
    const t = trailers(w, "main");
    expect(t).toContain(`Jit-Lease: ${U3}`);
    expect(t).not.toContain(ZED);
    expect(w.inOrigin("log", "-1", "--format=%s", "main").trim()).toBe("jit-access: expire 1 lease");
    expect(w.members()).toEqual([]);
    expect(w.files()).toEqual(without(start, ZED, U3));
    expect(removals(w, ZED)).toBe(1);
    expect(removals(w, U3)).toBe(1);
  });

  it("push race with a conflicting change (a late extension of the removed lease): nothing pushed, nothing lost; the next sweep removes it", async () => {
    const r = await w.sweep(w.clone(), w.at(11, 5), async () => {
      w.mergeLease("zed.yaml", "zed", "3h", w.at(11, 4), { branch: "zed-late" }); // merged after the lease ended
    });
    expect(r.pushed).toBe(false);
    expect(r.ok).toBe(false);
    expect(r.pushError).toMatch(/does not rebase onto origin\/main/);
    expect(w.members()).toEqual([]); // revoked on time all the same
    expect(w.files()).toEqual(start); // the remote keeps the file, with the late change
    expect(w.inOrigin("show", `main:${ZED}`)).toContain("duration: 3h");

    const next = await w.sweep(w.clone(), w.at(11, 10));
    expect(next.apply.findings.map((f) => f.message).join("\n")).toMatch(/extension was not applied.*expired/);
    expect(next.apply.results).toEqual([]); // the late extension granted nothing
    expect(next.pushed).toBe(true);
    expect(next.removed.map((x) => `${x.path} ${formatTimestamp(x.expiredAt)}`)).toEqual([`${ZED} 2026-11-24T11:00:00Z`]);
    expect(w.members()).toEqual([]);
    expect(w.files()).toEqual(without(start, ZED));
    expect(removals(w, ZED)).toBe(1);
  });

  it("a crash between revoke and commit: the next sweep finds nothing live, removes the file with a correct commit", async () => {
    // The run dies right after the target accepted the revoke: nothing after it happens.
    const crashed = await w.sweep(w.clone(), w.at(11, 5), async () => {
      await w.gh.rest.teams.removeMembershipForUserInOrg({ org: "acme", team_slug: "prod-db-readers", username: "zed" });
      throw new Error("runner lost");
    });
    expect(crashed.commit).toBeUndefined();
    expect(w.members()).toEqual([]); // the grant did not outlive its expiry
    expect(w.files()).toEqual(start); // nothing committed, nothing lost

    const next = await w.sweep(w.clone(), w.at(11, 10));
    expect(next.apply.results).toEqual([]); // nothing live to revoke
    expect(next.ok).toBe(true);
    expect(next.pushed).toBe(true);
    expect(next.removed.map((x) => x.path)).toEqual([ZED]);
    expect(w.files()).toEqual(without(start, ZED));
    const t = trailers(w, "main");
    for (const line of [`Jit-Lease: ${ZED}`, "Jit-Grantee: zed", "Jit-Role: member", "Jit-Granted-At: 2026-11-24T09:00:00Z", "Jit-Expired-At: 2026-11-24T11:00:00Z", "Jit-Revoked-At: 2026-11-24T11:10:00Z", "Jit-Reason: expired"]) expect(t).toContain(line);
    expect(removals(w, ZED)).toBe(1);
  });

  it("a crash between commit and push (unreachable remote): no throw, not ok; the next sweep from a fresh checkout completes", async () => {
    const dir = w.clone();
    execFileSync("git", ["remote", "set-url", "origin", join(dir, "no-such-remote.git")], { cwd: dir });
    const lost = await w.sweep(dir, w.at(11, 5));
    expect(lost.commit).toMatch(/^[0-9a-f]{40}$/); // committed locally, never reached the remote
    expect(lost.pushed).toBe(false);
    expect(lost.ok).toBe(false);
    expect(lost.pushError).toMatch(/no-such-remote/);
    expect(w.members()).toEqual([]); // revoked at the target all the same
    expect(w.files()).toEqual(start);

    const next = await w.sweep(w.clone(), w.at(11, 10));
    expect(next.apply.results).toEqual([]);
    expect(next.ok).toBe(true);
    expect(next.pushed).toBe(true);
    expect(next.removed.map((x) => `${x.path} ${formatTimestamp(x.expiredAt)}`)).toEqual([`${ZED} 2026-11-24T11:00:00Z`]);
    expect(w.files()).toEqual(without(start, ZED));
    expect(removals(w, ZED)).toBe(1);
  });
});

describe.each(RUNTIMES)("the bundled Action's expire with a dropped webhook on %s", (_name, nodeBin) => {
  // The Action's clock is pinned (JIT_TEST_NOW) at 12:00: zed's lease ended an hour before.
  const w = world(() => Date.parse("2026-11-24T00:00:00Z"));
  beforeEach(async () => {
    await w.setUp();
    await w.apply(w.clone(), w.at(10));
    expect(w.members()).toEqual(["zed"]);
  });
  afterEach(() => w.tearDown());

  const expire = (webhook: string) =>
    runAction(nodeBin, w.clone(), w.emu.url, { schedule: "3-58/5 * * * *", repository: { default_branch: "main" } }, { command: "expire", token: "test-token", "evidence-key": "k", "webhook-url": webhook }, { eventName: "schedule", now: w.at(12) });

  const expectRevokedAndCommitted = (step: Awaited<ReturnType<typeof expire>>, start: string[]) => {
    expect(step.status, step.stdout + step.stderr).toBe(0);
    expect(step.outputs).toMatchObject({ ok: "true", expired: "1", kept: "0", revoked: "1" });
    expect(step.stdout).toMatch(/::warning::Webhook delivery failed \(revoked: .*\); nothing else was affected\./);
    expect(step.stdout + step.stderr).not.toMatch(/::error/);
    expect(w.members()).toEqual([]);
    expect(w.files()).toEqual(without(start, ZED));
    expect(w.inOrigin("log", "-1", "--format=%s", "main").trim()).toBe("jit-access: expire 1 lease");
    expect(removals(w, ZED)).toBe(1);
  };

  it("webhook down (connection refused): revoked and committed; a warning, not a failure", async () => {
    const start = w.files();
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    expectRevokedAndCommitted(await expire(`http://127.0.0.1:${port}/hook`), start);
  });

  it("webhook that never answers (times out): revoked and committed; a warning, not a failure", async () => {
    const start = w.files();
    let calls = 0;
    const hang = createServer(() => {
      calls++; // accept, never answer
    });
    await new Promise<void>((r) => hang.listen(0, "127.0.0.1", r));
    try {
      const step = await expire(`http://127.0.0.1:${(hang.address() as AddressInfo).port}/hook`);
      expect(calls).toBe(1);
      expect(step.stdout).toMatch(/Webhook delivery failed \(revoked: .*(timeout|aborted)/i);
      expectRevokedAndCommitted(step, start);
    } finally {
      hang.closeAllConnections();
      await new Promise<void>((r) => hang.close(() => r()));
    }
  });
});
