// Apply benchmarks (run by scripts/bench.mjs, bundled with esbuild):
// 1. A no-op reconcile over 1,000 managed resources with 10,000 active, already-verified
//    leases against the GitHub API emulator: requests made (target: one list request per
//    resource page, zero writes) and wall time.
// 2. A one-lease apply in that repo (a new pull request merged): requests made (target ≤ 8).
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCodeowners } from "../src/codeowners/generate-codeowners.js";
import { runApply } from "../src/commands/apply.js";
import { loadPolicy } from "../src/policy/load-policy.js";
import { noteSigner, signNote } from "../src/evidence/evidence.js";
import type { EvidenceNote } from "../src/evidence/evidence.js";
import { writeNote } from "../src/git/evidence-notes.js";
import { createClient } from "../src/github/client.js";
import { createProviderRegistry } from "../src/providers/registry.js";
import { startEmulator } from "../src/emulator/index.js";

const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 1000);
const LEASES = Number(process.env.BENCH_APPLY_LEASES ?? 10_000);
const KEY = "bench-key";
const repo = join(process.cwd(), ".bench", "apply-repo");
const env = (t: string) => ({ ...process.env, GIT_AUTHOR_NAME: "b", GIT_AUTHOR_EMAIL: "b@x", GIT_COMMITTER_NAME: "b", GIT_COMMITTER_EMAIL: "b@x", GIT_AUTHOR_DATE: t, GIT_COMMITTER_DATE: t });
const git = (args: string[], t = "2026-11-24T09:00:00Z") => execFileSync("git", args, { cwd: repo, env: env(t), stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
const id = (i: number) => `team-${String(i).padStart(4, "0")}`;

async function main() {
  rmSync(repo, { recursive: true, force: true });
  mkdirSync(repo, { recursive: true });
  const policy = ["version: 1", 'admins: ["@acme/security-admins"]', "defaults:", "  maxDuration: 8h", "resources:"];
  for (let i = 0; i < RESOURCES; i++) policy.push(`  ${id(i)}:`, "    provider:", "      type: github-team", "      org: acme", `      team: ${id(i)}`, "    roles: [member, maintainer]", '    approvers: ["@acme/approvers"]');
  writeFileSync(join(repo, "policy.yaml"), policy.join("\n") + "\n");
  const loaded = loadPolicy("policy.yaml", Buffer.from(policy.join("\n") + "\n"));
  mkdirSync(join(repo, ".github"), { recursive: true });
  writeFileSync(join(repo, ".github", "CODEOWNERS"), generateCodeowners(loaded.policy!, "policy.yaml"));
  git(["init", "-q", "-b", "main"]);
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "policy"], "2026-11-24T08:00:00Z");
  for (let i = 0; i < RESOURCES; i++) mkdirSync(join(repo, "leases", id(i)), { recursive: true });
  for (let n = 0; n < LEASES; n++) {
    writeFileSync(join(repo, "leases", id(n % RESOURCES), `user${n}.yaml`), `grantee: user${n}\nresource: ${id(n % RESOURCES)}\nrole: member\nduration: 8h\nreason: Benchmark access number ${n}\n`);
  }
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "leases"], "2026-11-24T09:00:00Z");
  const leasesCommit = git(["rev-parse", "HEAD"]);
  // Evidence as earlier runs would have recorded it (one note on the commit that added them).
  const blobs = git(["ls-tree", "-r", "HEAD", "leases"]).split("\n").map((l) => {
    const [meta, path] = l.split("\t");
    return { path: path!, blob: meta!.split(" ")[2]! };
  });
  const note: EvidenceNote = {
    version: 1,
    leases: blobs.map((b) => ({ lease: b.path, blob: b.blob, verdict: "approved", approvals: [{ reviewer: "approver", reviewId: 1, commit: "0".repeat(40), submittedAt: "2026-11-24T08:30:00Z" }], policyCommit: "0".repeat(40), findings: [], verifiedAt: "2026-11-24T09:00:00Z" })),
  };
  await writeNote(repo, leasesCommit, JSON.stringify(signNote(note, leasesCommit, noteSigner("acme", "access", KEY))));

  const emu = await startEmulator({ rateLimit: { limit: 1_000_000 } });
  const s = emu.state;
  s.addOrg("acme");
  s.addTeam("acme", "approvers");
  s.addTeamMember("acme", "approvers", "approver");
  s.addTeamMember("acme", "approvers", "approver2");
  for (let i = 0; i < RESOURCES; i++) s.addTeam("acme", id(i));
  for (let n = 0; n < LEASES; n++) s.addTeamMember("acme", id(n % RESOURCES), `user${n}`);
  s.addRepo("acme", "access", { gitDir: repo, defaultBranch: "main" });
  const gh = createClient({ token: "test-token", baseUrl: emu.url });
  const apply = (now: number) => runApply({ gh, repoDir: repo, owner: "acme", repo: "access", defaultBranch: "main", policyPath: "policy.yaml", now, ref: "HEAD", evidenceKey: KEY, providerFor: ((reg) => (rid: string, p) => reg(p.resources.get(rid)!))(createProviderRegistry(gh)), dryRun: false });

  const NOW = Date.parse("2026-11-24T10:00:00Z");
  emu.resetLog();
  const t0 = performance.now();
  const noop = await apply(NOW);
  const ms = performance.now() - t0;
  const reqs = emu.requests.length;
  const writes = emu.requests.filter((r) => r.method !== "GET").length;
  const lists = emu.requests.filter((r) => r.route === "/orgs/{org}/teams/{team_slug}/members").length;
  console.log(`no-op reconcile: ${RESOURCES} resources, ${LEASES} active leases: ${noop.results.length} changes, ${reqs} requests (${lists} team member list pages = ${(lists / RESOURCES).toFixed(1)} per resource; target 1), ${writes} writes (target 0), ${ms.toFixed(0)} ms (ok=${noop.ok})`);

  // One new lease through a merged, approved pull request.
  git(["switch", "-q", "-c", "req"]);
  writeFileSync(join(repo, "leases", id(7), "newcomer.yaml"), `grantee: newcomer\nresource: ${id(7)}\nrole: member\nduration: 2h\nreason: Benchmark one new lease\n`);
  git(["add", "-A"]);
  git(["commit", "-q", "-m", "request"], "2026-11-24T09:30:00Z");
  const head = git(["rev-parse", "HEAD"]);
  git(["switch", "-q", "main"]);
  const baseSha = git(["rev-parse", "HEAD"]);
  s.addOrgMember("acme", "newcomer");
  const pr = s.addPullRequest("acme", "access", { author: "newcomer", base: "main", baseSha, head: "req", headSha: head });
  git(["merge", "-q", "--no-ff", "-m", "merge", "req"], "2026-11-24T09:45:00Z");
  const merge = git(["rev-parse", "HEAD"]);
  s.addReview("acme", "access", pr.number, { user: "approver", state: "APPROVED", commitId: head });
  s.mergePullRequest("acme", "access", pr.number, { mergeCommitSha: merge });
  s.associateCommit("acme", "access", merge, pr.number);
  emu.resetLog();
  const t1 = performance.now();
  const one = await apply(NOW);
  const ms1 = performance.now() - t1;
  // Listing the resources (every run does it) vs. what this lease costs: verification and grant.
  const listing = (r: { route: string | null; path: string }) => (r.route === "/orgs/{org}/teams/{team_slug}/members" && !r.path.includes("/teams/approvers/")) || r.route === "/orgs/{org}/teams" || r.route === "/orgs/{org}/invitations";
  const verifyReqs = emu.requests.filter((r) => !listing(r));
  console.log(`one-lease apply: ${one.results.map((r) => `${r.action.kind} ${r.action.grantee}: ${r.outcome.status}`).join(", ")}; ${verifyReqs.length} requests for verification and grant (target ≤ 8: ${verifyReqs.length <= 8 ? "met" : "MISSED"}) + ${emu.requests.length - verifyReqs.length} for listing ${RESOURCES} resources, ${ms1.toFixed(0)} ms (ok=${one.ok})`);
  console.log(`  ${verifyReqs.map((r) => `${r.method} ${r.path} ${r.status}`).join("\n  ")}`);
  for (const f of one.findings) console.log(`  finding: ${f.message}`);
  await emu.close();
}

await main();
