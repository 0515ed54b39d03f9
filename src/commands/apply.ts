/**
 * `plan` and `apply`: reconcile the whole desired state on main with the targets. Each run
 * starts from scratch (level-triggered): it reads every lease on the branch and its life
 * from git, verifies every change that has no trusted evidence yet (pull request, content,
 * policy, approvals — through the API), lists what each target holds, plans, and — for
 * apply — executes the plan item by item and records evidence in refs/notes/jit.
 */
import type { DriftRevocation, LeaseEvidence, EvidenceNote, NoteReading, NoteSigner, PolicyEvidence } from "../evidence/evidence.js";
import { NOTE_UNREADABLE, noteSigner, readEvidenceNote, unreadableNoteMessage } from "../evidence/evidence.js";
import { verifyChange } from "../approval/verify-change.js";
import type { ChangeToVerify, VerifyContext } from "../approval/verify-change.js";
import { policyForRun, recordPolicyVerdicts } from "../approval/policy-in-force.js";
import type { RunPolicy } from "../approval/policy-in-force.js";
import { verifyPolicyChange } from "../approval/verify-policy.js";
import { readPolicyLog } from "../git/policy-log.js";
import type { PolicyVersion } from "../git/policy-log.js";
import { errorMessage } from "../diagnostics/error-message.js";
import { readNotes, updateNote } from "../git/evidence-notes.js";
import { readLeaseLog } from "../git/lease-log.js";
import type { LeaseLife } from "../git/lease-log.js";
import { gitText, readBlobs } from "../git/run-git.js";
import type { Lease } from "../lease/lease.js";
import { loadLease } from "../lease/load-lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { checkLease, leaseWindow } from "../validate/check-lease.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { emptyFacts, teamsIn } from "../policy/people.js";
import type { Policy, Resource } from "../policy/policy.js";
import { resourceOrg } from "../policy/policy.js";
import type { Provider } from "../providers/provider.js";
import { listResources } from "../providers/list-resources.js";
import { credentialDelivery } from "../credentials/deliver-credentials.js";
import { executePlan } from "../reconcile/execute-plan.js";
import type { ActionResult } from "../reconcile/execute-plan.js";
import { leaseWindows } from "../reconcile/lease-windows.js";
import type { LifeInput, WindowFinding } from "../reconcile/lease-windows.js";
import { HOLDER_LOOKBACK_MS, holderRecord, planReconcile } from "../reconcile/plan.js";
import type { Guards, LeaseWindow, Plan, ResourceState } from "../reconcile/plan.js";
import { breakGlassLabel, breakGlassRecords, breakGlassSweep, recordPolicyProblem, recordPullRequestProblem, unsettled, wouldLast } from "../reconcile/break-glass.js";
import type { BreakGlassEnding, MergedAdd, RecordAt, RecordProblem, RecordPullRequest } from "../reconcile/break-glass.js";

export interface ApplyOptions extends Omit<VerifyContext, "now"> {
  now: number;
  ref: string;
  /** Key for evidence MACs; without it, evidence notes are written but never trusted. */
  evidenceKey?: string;
  providerFor: (resourceId: string, policy: Policy) => Provider;
  guards?: Guards;
  /** Plan only: no writes to targets or notes. */
  dryRun: boolean;
  /** Leases to end now, before their time (early revoke), by path. */
  endNow?: Set<string>;
  /** Told how far a long run is (verifying changes, listing resources, executing the plan); the CLI shows it on a terminal. */
  progress?: (done: number, total: number, what: string) => void;
  /** Reconcile only these resources (a timer run): others are neither listed nor planned, and `over` holds only their leases. */
  onlyResources?: ReadonlySet<string>;
}

export interface ApplyResult {
  /** The policy acted on: the newest verified version on the applied ref (see approval/policy-in-force.ts). */
  policy: Policy;
  /** The commit that brought that version, and its blob. */
  policyVersion: { commit: string; blob: string };
  /** Verdicts on policy versions made in this run and recorded in their commits' notes. */
  policyVerified: PolicyEvidence[];
  plan: Plan;
  results: ActionResult[];
  findings: WindowFinding[];
  /** Changes verified through the API in this run. */
  verified: LeaseEvidence[];
  /**
   * Leases new or extended since the last run: approved in this run and recorded in a signed
   * note (so the next run does not verify them again). Empty without an evidence key.
   */
  recorded: string[];
  /** Drift revoked in this run, recorded in the applied commit's note. */
  drift: DriftRevocation[];
  /** Total failures: findings, failed items, refused guards, unlistable resources. */
  ok: boolean;
  /** Active leases with the pull request that requested them (from evidence), for reminders. */
  active: Array<{ path: string; resource: string; grantee: string; role: string; start: number; end: number; pullRequest?: number }>;
  /** Every lease file on the branch that is over (end ≤ now), with its window; for expire. */
  over: Array<{ path: string; resource: string; grantee: string; role: string; start: number; end: number; verified: boolean }>;
  /** Break-glass grants (signed records in refs/notes/jit): their windows, and those that end in this run (for expire to flag and record). */
  breakGlass: { windows: LeaseWindow[]; endings: BreakGlassEnding[] };
}


interface PendingChange {
  life: LeaseLife;
  index: number;
}

export async function runApply(o: ApplyOptions): Promise<ApplyResult> {
  // Notes count only when signed for this repository (a note copied from another access repo does not).
  const signer = noteSigner(o.owner, o.repo, o.evidenceKey);
  // The lease log, the evidence notes and the policy's versions are independent: read them at once.
  const [log, notes, policyVersions] = await Promise.all([readLeaseLog(o.repoDir, o.ref), readNotes(o.repoDir), readPolicyLog(o.repoDir, o.ref, o.policyPath)]);
  // The policy acted on is the newest verified version, never an unverified or invalid one
  // (each such version is a finding, and the run fails); lease changes are judged by the
  // verified policy in force before them.
  const policyRun = await runPolicy(o, notes, policyVersions, signer);
  const policy = policyRun.inForce.policy;
  const verifyCtx: VerifyContext = { ...o, policyAt: async (commit) => (await policyRun.chain.at(commit))?.bytes };
  // Only real lease files (not .gitkeep or files validation refuses) can grant anything.
  const isLease = (p: string) => checkLeasePath(p).kind === "lease";
  const lives = [...log.current.values()].filter((l) => isLease(l.path));
  const lifeOf = new Map(lives.map((l) => [l.path, l]));
  log.ended = log.ended.filter((l) => isLease(l.path));
  // Lease versions on main now; those of ended leases are read later, only where needed.
  const blobs = await readBlobs(o.repoDir, lives.flatMap((l) => l.changes.map((c) => c.blob)));
  // Each version of a lease is parsed once (a removal's blob is the last version's).
  const leaseCache = new Map<string, Lease | undefined>();
  const leaseOf = (path: string, blob: string): Lease | undefined => {
    const k = `${path}\0${blob}`;
    if (!leaseCache.has(k)) leaseCache.set(k, loadLease(path, blobs.get(blob) ?? Buffer.alloc(0)).lease);
    return leaseCache.get(k);
  };

  // Problems that stop no one: a note that cannot be read, a change that could not be verified.
  // Each is a finding under its commit (the run fails loudly); every other lease goes on.
  const problems = new Map<string, WindowFinding>();
  const unreadableNote = (object: string, reason: string) => {
    if (!problems.has(object)) problems.set(object, { code: NOTE_UNREADABLE, commit: object, message: unreadableNoteMessage(object, reason) });
  };
  /** Verifies a change through the API; one that cannot be (the API fails) stays unverified in this run. */
  const verify = async (change: Omit<ChangeToVerify, "parent">): Promise<LeaseEvidence | undefined> => {
    try {
      const parent = parents.get(change.commit) ?? (await firstParent(o.repoDir, change.commit));
      parents.set(change.commit, parent);
      return await verifyChange(verifyCtx, { ...change, parent });
    } catch (e) {
      problems.set(`${change.commit}\0${change.path}`, { code: "verification-failed", lease: change.path, commit: change.commit, message: `${change.path} (${change.commit.slice(0, 7)}) could not be verified: ${errorMessage(e)}. Nothing it asks for is granted in this run; the next run verifies it again.` });
      return undefined;
    }
  };
  const parents = new Map<string, string>();

  // Evidence per (commit, lease path) from trusted notes. A note is read (bounded, its MAC
  // checked, parsed) only when a change asks for it: there is one note per lease change in the
  // whole history, and only the leases still on main (and break-glass grants) need theirs. A
  // note that cannot be read is no note.
  const readings = new Map<string, NoteReading | undefined>();
  const trustedNote = (commit: string): EvidenceNote | undefined => {
    if (!readings.has(commit)) {
      const text = notes.get(commit);
      const r = text === undefined ? undefined : readEvidenceNote(commit, text, signer);
      if (r?.kind === "unreadable") unreadableNote(commit, r.reason);
      readings.set(commit, r);
    }
    const r = readings.get(commit);
    return r?.kind === "evidence" && r.trusted ? r.note : undefined;
  };
  // Each trusted note indexed once by lease and blob (one note may carry thousands of leases).
  const indexOf = new Map<string, Map<string, LeaseEvidence>>();
  const trusted = {
    get(key: string): LeaseEvidence | undefined {
      const cut = key.indexOf("\0");
      const commit = key.slice(0, cut);
      let index = indexOf.get(commit);
      if (!index) {
        index = new Map((trustedNote(commit)?.leases ?? []).map((e) => [`${e.lease}\0${e.blob}`, e]));
        indexOf.set(commit, index);
      }
      return index.get(key.slice(cut + 1));
    },
  };
  // Break-glass grants made at pull request time, from notes signed for this repository only
  // (those signed for another, or before notes named their repository, are reported below).
  const { trusted: records, unbound } = breakGlassRecords(notes, signer, unreadableNote);
  // Leases granted by break-glass and not settled: their merge is verified even when over (was it reviewed in time?).
  const grantedFirst = new Set(records.filter((r) => !r.record.ended).map((r) => `${r.record.lease}\0${r.record.blob}`));

  // Which changes still need verification: those of leases that matter now (not yet ended).
  const inputs: LifeInput[] = [];
  const inputOf = new Map<string, LifeInput>();
  const pending: PendingChange[] = [];
  for (const life of lives) {
    const input: LifeInput = { path: life.path, changes: [] };
    life.changes.forEach((ch, index) => {
      const lease = leaseOf(life.path, ch.blob);
      const ev = trusted.get(`${ch.commit}\0${life.path}\0${ch.blob}`);
      input.changes.push({ commit: ch.commit, time: ch.time, status: ch.status, ...(lease ? { lease } : {}), verdict: ev ? ev.verdict : "unverified", ...(ev ? { findings: ev.findings } : {}) });
      if (!ev) pending.push({ life, index });
    });
    inputs.push(input);
    inputOf.set(input.path, input);
  }
  // Verify what has no trusted evidence, oldest first (an extension needs its add).
  const verified: LeaseEvidence[] = [];
  // A run scoped to some resources (a timer) verifies nothing of the others: it acts on none of them.
  const inScope = (path: string) => {
    const where = checkLeasePath(path);
    return !o.onlyResources || (where.kind === "lease" && o.onlyResources.has(where.resource));
  };
  let checked = 0;
  for (const p of pending) {
    o.progress?.(checked++, pending.length, "verifying lease changes");
    if (!inScope(p.life.path)) continue;
    const ch = p.life.changes[p.index]!;
    const input = inputOf.get(p.life.path)!;
    const first = input.changes[0]!;
    const lease = input.changes[p.index]!.lease;
    // Leases that are over anyway are not verified: nothing would be granted (the audit reports them).
    const over = lease ? leaseWindow(lease, first.time).end <= o.now && !grantedFirst.has(`${p.life.path}\0${ch.blob}`) : false;
    if (lease && first.verdict !== "rejected" && !over) {
      const ev = await verify({ path: p.life.path, commit: ch.commit, blob: ch.blob, time: ch.time });
      if (!ev) continue;
      verified.push(ev);
      input.changes[p.index] = { ...input.changes[p.index]!, verdict: ev.verdict, findings: ev.findings };
    } else if (!lease && !over) {
      // Name the first reason (e.g. file-control-character at 7:19), as the pull request check did.
      const d = loadLease(p.life.path, blobs.get(ch.blob) ?? Buffer.alloc(0)).diagnostics[0];
      const why = d ? ` (${d.code} at ${d.line}:${d.column}: ${d.message})` : "";
      input.changes[p.index] = { ...input.changes[p.index]!, verdict: "rejected", findings: [`invalid: the lease file does not parse${why}`] };
    }
  }

  // Break-glass: which grants were approved and merged in time (their lease on main takes
  // over from grantedAt), which pull requests were closed unmerged, which grants end now.
  const removedCommit = new Map<string, string>();
  const adds: MergedAdd[] = [];
  const unknownReview = new Set<string>(); // break-glass leases whose merge could not be verified in this run
  const verifiedNow = new Map(verified.map((v) => [`${v.lease}\0${v.blob}`, v]));
  for (const input of inputs) {
    const add = input.changes[0];
    const blob = lifeOf.get(input.path)?.changes[0]?.blob;
    if (!add || add.status !== "A" || !blob) continue;
    const pr = (trusted.get(`${add.commit}\0${input.path}\0${blob}`) ?? verifiedNow.get(`${input.path}\0${blob}`))?.pullRequest?.number;
    adds.push({ path: input.path, blob, commit: add.commit, time: add.time, verdict: add.verdict, ...(pr !== undefined ? { pullRequest: pr } : {}) });
  }
  for (const life of log.ended) {
    const add = life.changes[0];
    if (!add || add.status !== "A" || !grantedFirst.has(`${life.path}\0${add.blob}`) || !inScope(life.path)) continue;
    let ev = trusted.get(`${add.commit}\0${life.path}\0${add.blob}`);
    if (!ev) {
      ev = await verify({ path: life.path, commit: add.commit, blob: add.blob, time: add.time });
      if (!ev) {
        unknownReview.add(`${life.path}\0${add.blob}`);
        continue;
      }
      verified.push(ev);
      removedCommit.set(`${life.path}\0${add.blob}`, add.commit);
    }
    adds.push({ path: life.path, blob: add.blob, commit: add.commit, time: add.time, verdict: ev.verdict, ...(ev.pullRequest ? { pullRequest: ev.pullRequest.number } : {}) });
  }
  const { closedUnmerged, refused, unchecked } = await recheckRecords(o, policy, records, adds);
  const swept = breakGlassSweep({ now: o.now, records, adds, closedUnmerged, refused, unchecked });
  // A grant whose merge could not be verified still ends by its window (revoked by the plan);
  // it is flagged and marked ended only once a run knows whether it was reviewed.
  const breakGlass = { ...swept, endings: swept.endings.filter((e) => !unknownReview.has(`${e.record.lease}\0${e.record.blob}`)) };

  const computed = leaseWindows(inputs);
  const findings: WindowFinding[] = [...policyRun.findings.map((f) => ({ code: f.code, lease: o.policyPath, commit: f.commit, message: f.message })), ...computed.findings];
  const scoped = (resource: string) => !o.onlyResources || o.onlyResources.has(resource);
  for (const p of breakGlass.problems) if (scoped(p.record.resource)) findings.push({ lease: p.record.lease, commit: p.noteOn, code: p.problem.code, message: p.message });
  for (const u of unbound) {
    const w = wouldLast(u.record);
    if (u.record.ended || !(w.start <= o.now && o.now < w.end) || !scoped(u.record.resource)) continue;
    const why = u.trust === "legacy" ? "its note was signed before jit-access bound notes to their repository, so it may have been copied from another access repo" : `its note is signed for ${u.repository ?? "another repository"}, not ${signer.repository}: it was copied from another access repo`;
    findings.push({ lease: u.record.lease, commit: u.noteOn, code: "break-glass-record-unbound", message: `${breakGlassLabel(u.record)}: break-glass-record-unbound: break-glass access for @${u.record.grantee} as ${u.record.role} on ${u.record.resource} is refused: ${why}. It grants nothing here; ask again with a new break-glass pull request.` });
  }
  // An early revoke ends a lease now: its grant goes in this run, like an expired one.
  let windows = computed.windows
    .map((w) => {
      // A break-glass lease approved and merged in time: its window started at the grant, not the merge.
      const t = breakGlass.takeovers.get(`${w.path}\0${lifeOf.get(w.path)?.changes[0]?.commit ?? ""}`);
      return t ? { ...w, start: t.start, end: Math.min(w.end, t.end) } : w;
    })
    .map((w) => (o.endNow?.has(w.path) && w.end > o.now ? { ...w, end: Math.max(w.start, o.now) } : w));
  // A scheduled lease (notBefore after its merge) is checked again when it starts, against
  // the policy in force then: a policy tightened meanwhile is not bypassed by scheduling.
  // Who may request it is checked again too, with team and org membership as of now.
  const requesterOf = (path: string): string | undefined => {
    const add = lifeOf.get(path)?.changes[0];
    const ev = add ? (trusted.get(`${add.commit}\0${path}\0${add.blob}`) ?? verified.find((v) => v.lease === path && v.blob === add.blob)) : undefined;
    return ev?.pullRequest ? (ev.pullRequest.requester ?? ev.pullRequest.author) : undefined;
  };
  const kept: LeaseWindow[] = [];
  for (const w of windows) {
    const life = lifeOf.get(w.path);
    const input = inputOf.get(w.path);
    if (!life || !input || w.start <= life.changes[0]!.time || w.start > o.now) {
      kept.push(w);
      continue;
    }
    const idx = input.changes.map((c) => c.verdict).lastIndexOf("approved");
    const blob = life.changes[idx]?.blob;
    const loaded = blob ? loadLease(w.path, blobs.get(blob) ?? Buffer.alloc(0)) : undefined;
    const resource = loaded?.lease ? policy.resources.get(loaded.lease.resource) : undefined;
    if (!loaded?.lease || !resource) {
      kept.push(w);
      continue;
    }
    const author = requesterOf(w.path);
    let facts = emptyFacts();
    if (author) {
      const people = [...(resource.requesters ?? []), ...(Array.isArray(resource.allowRequestFor) ? resource.allowRequestFor : [])];
      const org = resourceOrg(resource.provider);
      try {
        facts = await resolveFacts(o.gh, { teams: teamsIn(people, policy.groups), orgMembers: [author, loaded.lease.grantee].map((login) => ({ org, login })) });
      } catch (e) {
        findings.push({ lease: w.path, commit: life.changes[idx]!.commit, message: `${w.path} was not granted at its scheduled start: who may request it could not be checked (${errorMessage(e)}); the next run checks again.` });
        continue;
      }
    }
    const ctx = { file: w.path, doc: loaded.doc, lease: loaded.lease, folder: w.path.split("/")[1] ?? "", policy, now: o.now, facts };
    const problems = checkLease(author ? { ...ctx, kind: "start", author } : { ...ctx, kind: "existing" }).filter((d) => d.severity === "error");
    if (problems.length === 0) {
      kept.push(w);
      continue;
    }
    findings.push({ lease: w.path, commit: life.changes[idx]!.commit, message: `${w.path} was not granted at its scheduled start: the policy now refuses it (${problems.map((d) => `${d.code}: ${d.message}`).join("; ")})` });
  }
  windows = kept;
  // The pull request behind each lease: from the add's evidence (trusted notes or this run).
  const prOf = (path: string): number | undefined => {
    const life = lifeOf.get(path);
    const add = life?.changes[0];
    if (!add) return undefined;
    const ev = trusted.get(`${add.commit}\0${path}\0${add.blob}`) ?? verifiedOf.get(`${path}\0${add.blob}`);
    return ev?.pullRequest?.number;
  };
  const verifiedOf = new Map(verified.map((v) => [`${v.lease}\0${v.blob}`, v]));
  const active: ApplyResult["active"] = windows
    .filter((w) => w.start <= o.now && o.now < w.end)
    .map((w) => {
      const pr = prOf(w.path);
      return { ...w, ...(pr !== undefined ? { pullRequest: pr } : {}) };
    });
  // Leases whose time is up (granted or not): the expiry sweep removes their files.
  const windowOf = new Map(windows.map((w) => [w.path, w]));
  const over: ApplyResult["over"] = [];
  for (const input of inputs) {
    const w = windowOf.get(input.path);
    const add = input.changes[0];
    const lease = [...input.changes].reverse().find((c) => c.lease)?.lease;
    if (w && w.end <= o.now) over.push({ ...w, verified: true });
    else if (!w && add && lease && (leaseWindow(lease, add.time).end <= o.now || o.endNow?.has(input.path))) {
      const lw = leaseWindow(lease, add.time);
      over.push({ path: input.path, resource: lease.resource, grantee: lease.grantee, role: lease.role, start: lw.start, end: lw.end, verified: false });
    }
  }
  if (o.onlyResources) over.splice(0, over.length, ...over.filter((l) => o.onlyResources!.has(l.resource)));
  // Actual state of every managed resource, listed a few at a time (the client's throttling
  // keeps GitHub's concurrency and rate limits).
  const all = [...policy.resources.values()].filter((r) => !o.onlyResources || o.onlyResources.has(r.id));
  const listed = await listResources(all, (r) => o.providerFor(r.id, policy), o.progress ? (done, total) => o.progress!(done, total, "listing resources") : undefined);
  const providers = new Map(listed.map((l) => [l.resource.id, l.provider]));
  const resources: ResourceState[] = listed.map(({ resource, provider, actual }) => ({ resource, actual, singleRole: provider.singleRole, rank: (role) => provider.rank(role) }));
  // Break-glass grants whose pull request could not be checked are kept where held, never made.
  const held = new Set(resources.flatMap((rs) => (Array.isArray(rs.actual) ? rs.actual.map((g) => `${rs.resource.id}\0${g.grantee.toLowerCase()}\0${g.role}`) : [])));
  const bgWindows = [...breakGlass.windows, ...breakGlass.heldOnly.filter((w) => held.has(`${w.resource}\0${w.grantee.toLowerCase()}\0${w.role}`))];
  // Ended leases tell a grant that an ended lease made (revoked as expired, never held back by
  // a guard) from drift. Only grants that no lease in force or standing entry backs need that:
  // read the ended leases of those resources only (a lease's folder is its resource on main).
  const inForce = new Set([...windows, ...bgWindows].filter((w) => w.start <= o.now && o.now < w.end).map((w) => `${w.resource}\0${w.grantee.toLowerCase()}`));
  const unexplained = new Set(
    resources
      .filter((rs) => Array.isArray(rs.actual) && rs.actual.some((g) => !inForce.has(`${rs.resource.id}\0${g.grantee.toLowerCase()}`) && !rs.resource.standing.some((st) => st.grantee.toLowerCase() === g.grantee.toLowerCase())))
      .map((rs) => rs.resource.id),
  );
  const folderOf = (life: LeaseLife) => life.path.split("/")[1] ?? "";
  const endedLives = log.ended.filter((life) => unexplained.has(folderOf(life)));
  // Drift may have been added by hand by someone a lease gave the power to (a team maintainer,
  // a repository admin, an organization-wide role): such holders lift the guard (see
  // planReconcile). Of ended leases, those that ended within the lookback count, on the
  // resources with drift and on those whose roles reach them, and only as far as signed
  // evidence says they were approved (as for leases that are over but still on main).
  const canGrantOthers = (held: string, role: string, target: Resource): boolean => {
    const r = policy.resources.get(held);
    if (!r) return false;
    try {
      return o.providerFor(r.id, policy).canGrantOthers(role, r, target);
    } catch {
      return false; // a provider that cannot be had (it throws) is reported where its resource is listed; it stops nothing here
    }
  };
  const targets = [...unexplained].flatMap((id) => policy.resources.get(id) ?? []);
  const reaching = new Set([...policy.resources.values()].filter((r) => r.roles.some((role) => targets.some((t) => canGrantOthers(r.id, role, t)))).map((r) => r.id));
  const holderLives = log.ended.filter((life) => reaching.has(folderOf(life)) && (life.changes.at(-1)?.time ?? 0) > o.now - HOLDER_LOOKBACK_MS);
  for (const [sha, bytes] of await readBlobs(o.repoDir, [...new Set([...endedLives, ...holderLives].flatMap((l) => l.changes.map((c) => c.blob)))])) blobs.set(sha, bytes);
  const ended = leaseWindows(
    endedLives.map((life) => ({
      path: life.path,
      changes: life.changes.map((ch) => {
        const lease = leaseOf(life.path, ch.blob);
        return { commit: ch.commit, time: ch.time, status: ch.status, ...(lease ? { lease } : {}), verdict: "approved" as const };
      }),
    })),
  ).windows;
  const endedVerified = leaseWindows(
    holderLives.map((life) => ({
      path: life.path,
      changes: life.changes.map((ch) => {
        const lease = leaseOf(life.path, ch.blob);
        const ev = trusted.get(`${ch.commit}\0${life.path}\0${ch.blob}`);
        return { commit: ch.commit, time: ch.time, status: ch.status, ...(lease ? { lease } : {}), verdict: ev ? ev.verdict : ("unverified" as const) };
      }),
    })),
  ).windows;
  const plan = planReconcile({ now: o.now, resources, leases: [...windows, ...bgWindows], ended, endedVerified, canGrantOthers, ...(o.guards ? { guards: o.guards } : {}) });
  const bg = { windows: bgWindows, endings: breakGlass.endings.filter((e) => !o.onlyResources || o.onlyResources.has(e.record.resource)) };
  findings.push(...problems.values());
  const policyVersion = { commit: policyRun.inForce.version.commit, blob: policyRun.inForce.version.blob };
  if (o.dryRun) return { policy, policyVersion, policyVerified: [], plan, results: [], findings, verified, recorded: [], drift: [], over, active, breakGlass: bg, ok: findings.length === 0 && plan.refused.length === 0 && plan.errors.length === 0 };

  // Credentials (encrypted) and public artifacts (SSH certificates) a grant makes go to the lease's pull request.
  const delivery = credentialDelivery({ gh: o.gh, owner: o.owner, repo: o.repo, pullRequestOf: prOf });
  const results = await executePlan(plan, (id) => providers.get(id)!, (id) => policy.resources.get(id)!, delivery, o.progress ? (done, total) => o.progress!(done, total, "applying the plan") : undefined);

  // Evidence: one note per commit, merged with what is there, signed.
  const byCommit = new Map<string, LeaseEvidence[]>();
  for (const ev of verified) {
    const life = lifeOf.get(ev.lease);
    const commit = life?.changes.find((c) => c.blob === ev.blob)?.commit ?? removedCommit.get(`${ev.lease}\0${ev.blob}`);
    if (!commit) continue;
    byCommit.set(commit, [...(byCommit.get(commit) ?? []), ev]);
  }
  for (const [commit, evs] of byCommit) {
    const mine = (lease: string) => evs.some((e) => e.lease === lease);
    const grants = results
      .filter((r) => r.action.kind === "grant" || r.action.kind === "change-role")
      .filter((r) => evs.some((e) => r.because.includes(e.lease)))
      .map((r) => ({ lease: evs.find((e) => r.because.includes(e.lease))!.lease, resource: r.action.resource, grantee: r.action.grantee, role: r.action.kind === "change-role" ? r.action.to : (r.action as { role: string }).role, status: r.outcome.status, at: new Date(o.now).toISOString() }));
    // What else the note records (other leases, break-glass records, drift) stays.
    await updateNote(o.repoDir, commit, signer, (note) => {
      const kept = (note.grants ?? []).filter((g) => !mine(g.lease));
      return { ...note, leases: [...note.leases.filter((l) => !mine(l.lease)), ...evs], ...(kept.length + grants.length ? { grants: [...kept, ...grants] } : {}) };
    });
  }
  const drift = await recordDrift(o, signer, results);
  const policyVerified = await recordPolicyVerdicts(o.repoDir, policyRun.chain, signer);
  const failed = results.some((r) => r.outcome.status === "failed");
  const recorded = o.evidenceKey ? [...new Set([...byCommit.values()].flat().filter((e) => e.verdict === "approved").map((e) => e.lease))] : [];
  return { policy, policyVersion, policyVerified, plan, results, findings, verified, recorded, drift, over, active, breakGlass: bg, ok: !failed && findings.length === 0 && plan.refused.length === 0 && plan.errors.length === 0 };
}

/**
 * Access that no lease or standing entry backed (drift), revoked in this run: recorded in the
 * note of the commit applied, so the audit can say later, offline, who held what outside
 * jit-access and when it was taken away.
 */
async function recordDrift(o: ApplyOptions, signer: NoteSigner, results: ActionResult[]): Promise<DriftRevocation[]> {
  const at = new Date(o.now).toISOString();
  const drift: DriftRevocation[] = results.flatMap((r) => {
    const a = r.action;
    if (a.kind !== "revoke" || a.why !== "drift" || r.outcome.status === "failed") return [];
    const by = (a.couldBeAddedBy ?? []).map(holderRecord);
    return [{ resource: a.resource, grantee: a.grantee, role: a.role, revokedAt: at, ...(by.length ? { couldBeAddedBy: by } : {}) }];
  });
  if (drift.length === 0) return drift;
  const head = (await gitText(o.repoDir, ["rev-parse", "--verify", `${o.ref}^{commit}`])).trim();
  await updateNote(o.repoDir, head, signer, (note) => ({ ...note, drift: [...(note.drift ?? []), ...drift] }));
  return drift;
}

/** The verified policy in force for a run, verifying through the API the versions that have no signed verdict yet. */
export function runPolicy(o: Pick<ApplyOptions, "gh" | "repoDir" | "owner" | "repo" | "defaultBranch" | "policyPath" | "now" | "ref" | "evidenceKey">, notes: Map<string, string>, versions?: PolicyVersion[], signer?: NoteSigner): Promise<RunPolicy> {
  return policyForRun({
    repoDir: o.repoDir,
    ref: o.ref,
    policyPath: o.policyPath,
    now: o.now,
    noteOf: (commit) => notes.get(commit),
    signer: signer ?? noteSigner(o.owner, o.repo, o.evidenceKey),
    ...(versions ? { versions } : {}),
    verify: (v, judge) => verifyPolicyChange(o, v, judge),
  });
}

/**
 * Break-glass records signed for this repository, checked again as this run reconciles:
 * against the policy in force (resource, break-glass allowed, role, duration), and — for each
 * record that would grant now — against its pull request here (it exists, targets the default
 * branch, was opened by the grant, and its head carries the granted lease). Refused records
 * grant nothing; records whose pull request could not be read are `unchecked` (kept where
 * held, never granted). One failed API call affects its record only. Also which pull
 * requests were closed unmerged (their grants end).
 */
async function recheckRecords(o: ApplyOptions, policy: Policy, records: RecordAt[], adds: MergedAdd[]): Promise<{ closedUnmerged: Map<number, number>; refused: Map<RecordAt, RecordProblem>; unchecked: Map<RecordAt, RecordProblem> }> {
  const refused = new Map<RecordAt, RecordProblem>();
  const unchecked = new Map<RecordAt, RecordProblem>();
  for (const r of records) {
    const problem = recordPolicyProblem(r.record, policy);
    if (problem) refused.set(r, problem);
  }
  type Answer = { kind: "found"; data: Awaited<ReturnType<ApplyOptions["gh"]["rest"]["pulls"]["get"]>>["data"] } | { kind: "missing" } | { kind: "error"; message: string };
  const answers = new Map<number, Answer>();
  const pull = async (number: number): Promise<Answer> => {
    let a = answers.get(number);
    if (!a) {
      try {
        a = { kind: "found", data: (await o.gh.rest.pulls.get({ owner: o.owner, repo: o.repo, pull_number: number })).data };
      } catch (e) {
        a = (e as { status?: number } | undefined)?.status === 404 ? { kind: "missing" } : { kind: "error", message: errorMessage(e) };
      }
      answers.set(number, a);
    }
    return a;
  };
  const blobs = new Map<string, { blob: string | undefined } | { error: string }>();
  const blobAt = async (ref: string, path: string) => {
    const k = `${ref}\0${path}`;
    let b = blobs.get(k);
    if (!b) {
      try {
        const { data } = await o.gh.rest.repos.getContent({ owner: o.owner, repo: o.repo, path, ref });
        b = { blob: !Array.isArray(data) && data.type === "file" ? data.sha : undefined };
      } catch (e) {
        b = (e as { status?: number } | undefined)?.status === 404 ? { blob: undefined } : { error: errorMessage(e) };
      }
      blobs.set(k, b);
    }
    return b;
  };

  const open = unsettled(records, adds).filter((r) => !o.onlyResources || o.onlyResources.has(r.record.resource));
  const closedUnmerged = new Map<number, number>();
  for (const number of new Set(open.map((r) => r.record.pullRequest))) {
    // Unknown for now (an error): the grant still ends by its reviewBy; the next run asks again.
    const a = await pull(number);
    if (a.kind === "found" && a.data.state === "closed" && !a.data.merged_at && a.data.closed_at) closedUnmerged.set(number, Date.parse(a.data.closed_at));
  }
  const here = { repository: `${o.owner}/${o.repo}`.toLowerCase(), defaultBranch: o.defaultBranch };
  for (const r of open) {
    const w = wouldLast(r.record);
    if (refused.has(r) || closedUnmerged.has(r.record.pullRequest) || !(w.start <= o.now && o.now < w.end)) continue;
    const a = await pull(r.record.pullRequest);
    const cannot = (why: string) => unchecked.set(r, { code: "break-glass-record-unchecked", message: `pull request #${r.record.pullRequest} could not be checked (${why}); the next run checks again` });
    if (a.kind === "error") {
      cannot(a.message);
      continue;
    }
    let pr: RecordPullRequest = { kind: "missing" };
    if (a.kind === "found") {
      const head = await blobAt(a.data.head.sha, r.record.lease);
      if ("error" in head) {
        cannot(head.error);
        continue;
      }
      pr = { kind: "found", baseRepository: a.data.base.repo.full_name, baseRef: a.data.base.ref, createdAt: Date.parse(a.data.created_at), headBlob: head.blob };
    }
    const problem = recordPullRequestProblem(r.record, pr, here);
    if (problem) refused.set(r, problem);
  }
  return { closedUnmerged, refused, unchecked };
}

/** The first parent of a commit, or the empty tree for a root commit (nothing came before it). */
async function firstParent(repoDir: string, commit: string): Promise<string> {
  try {
    return (await gitText(repoDir, ["rev-parse", "--verify", "--quiet", `${commit}^1`])).trim();
  } catch {
    return (await gitText(repoDir, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  }
}
