/**
 * `jit audit` and the Action's `audit`: who had what, when, approved by whom, and why — from
 * the access repo's history in one pass (one `git log`, one batch of blobs, the evidence
 * notes). With a token, changes that have no signed evidence are verified through the API
 * like apply does, and every resource's live state is compared with the leases and the
 * declared standing members.
 */
import type { LeaseEvidence } from "../evidence/evidence.js";
import { isBreakGlassRecord } from "../reconcile/break-glass.js";
import { isDriftRevocation, noteSigner, noteTrust, readEvidenceNote } from "../evidence/evidence.js";
import type { NoteSigner } from "../evidence/evidence.js";
import type { VerifyContext } from "../approval/verify-change.js";
import { NOTES_REF, listNotes, readNotes } from "../git/evidence-notes.js";
import { firstParentChain } from "../git/first-parent-chain.js";
import { isGitRepo } from "../git/access-repo.js";
import { readHistory } from "../git/history.js";
import type { HistoryCommit } from "../git/history.js";
import { git, gitText, openBlobReader, readBlobs } from "../git/run-git.js";
import { errorMessage } from "../diagnostics/error-message.js";
import { UsageError } from "../diagnostics/usage-error.js";
import type { Lease } from "../lease/lease.js";
import { loadLease } from "../lease/load-lease.js";
import { checkLeasePath, LEASES_DIR } from "../lease/lease-path.js";
import { loadPolicy } from "../policy/load-policy.js";
import type { Policy, Resource } from "../policy/policy.js";
import type { Provider } from "../providers/provider.js";
import { listResources } from "../providers/list-resources.js";
import type { AuditReport } from "../audit/audit-record.js";
import type { AuditQuery } from "../audit/query.js";
import { queryAudit } from "../audit/query.js";
import type { DriftOnRecord, NoteEvidence } from "../audit/rebuild.js";
import { policiesNeeded, rebuildAudit } from "../audit/rebuild.js";
import { policyFindings } from "../audit/policy-findings.js";
import { anomalyFindings, newFindingKeys } from "../audit/anomalies.js";
import type { PolicyVersionVerdict } from "../audit/policy-findings.js";
import { PolicyChain } from "../approval/policy-in-force.js";
import type { PolicyInForce } from "../approval/policy-in-force.js";
import { verifyPolicyChange } from "../approval/verify-policy.js";
import type { PolicyJudge } from "../approval/verify-policy.js";
import type { PolicyVersion } from "../git/policy-log.js";
import { withGitSession } from "../git/git-session.js";

export interface AuditOptions {
  repoDir: string;
  ref: string;
  policyPath: string;
  now: number;
  query?: AuditQuery;
  /** Checks the MACs of evidence notes. */
  evidenceKey?: string;
  /** "owner/name" of the access repo, which notes must be signed for; required with an evidence key (taken from `online` when given). */
  repository?: string;
  /** With the API: verify unproven changes and check live state. */
  online?: Omit<VerifyContext, "now" | "repoDir" | "policyPath" | "evidenceKey"> & { providerFor: (resource: Resource) => Provider };
  botNames?: string[];
  /**
   * When the previous scheduled audit ran: anomaly and overdue-review findings it would have
   * found too (from the history as it stood then) are not new (`new: false`); the others are.
   */
  previous?: number;
  /** Told how many commits of the history are read (the CLI shows it on a terminal). */
  progress?: (done: number, total: number, what: string) => void;
}


/** (Runs in a git session: see src/git/git-session.ts.) */
export function runAudit(o: AuditOptions): Promise<AuditReport> {
  return withGitSession(() => runAuditInSession(o));
}

async function runAuditInSession(o: AuditOptions): Promise<AuditReport> {
  if (!(await isGitRepo(o.repoDir))) {
    throw new UsageError("audit-not-a-git-repo", `${o.repoDir} is not a git repository: jit audit reads the history of an access repo; run it in a clone (or pass --repo DIR).`);
  }
  // The ref, the branch HEAD is on and whether the clone is shallow are asked at once (each a
  // git process); they are judged in this order.
  const [resolved, onBranch, shallow] = await Promise.allSettled([
    gitText(o.repoDir, ["rev-parse", "--verify", "--quiet", `${o.ref}^{commit}`]),
    o.ref === "HEAD" ? gitText(o.repoDir, ["symbolic-ref", "--short", "-q", "HEAD"]) : Promise.resolve(""),
    gitText(o.repoDir, ["rev-parse", "--is-shallow-repository"]),
  ]);
  if (resolved.status === "rejected") {
    throw new UsageError("audit-no-ref", `'${o.ref}' is not a branch or commit in ${o.repoDir}. Fetch the access repo's full history (actions/checkout with fetch-depth: 0).`);
  }
  const head = resolved.value.trim();
  // Name the branch audited (a request branch is not main): HEAD as the branch it is on.
  const refName = o.ref === "HEAD" ? (onBranch.status === "fulfilled" ? onBranch.value : "").trim() || `HEAD (detached at ${head.slice(0, 7)})` : o.ref;
  if (shallow.status === "rejected") throw shallow.reason;
  if (shallow.value.trim() === "true") {
    throw new UsageError("audit-shallow", `${o.repoDir} is a shallow clone: the audit needs the whole history (actions/checkout with fetch-depth: 0, or git fetch --unshallow).`);
  }
  // "Who held access at T" needs only the leases on main at T, read around T.
  const at = o.query?.at !== undefined && o.query.since === undefined && o.query.until === undefined && !o.online ? o.query.at : undefined;
  // The full audit reads every note in parallel with the log (a second process: faster than
  // notes inline in the log); --at takes the few it needs from its short log.
  // Notes are parsed and their MACs checked while git still walks the log.
  const repository = o.repository ?? (o.online ? `${o.online.owner}/${o.online.repo}` : undefined);
  if (o.evidenceKey && !repository) throw new UsageError("repository-unknown", "Which GitHub repository is this? Evidence notes are signed for their repository: pass --repository OWNER/NAME (or set GITHUB_REPOSITORY).");
  const [owner = "", name = ""] = (repository ?? "/").split("/");
  const signer = noteSigner(owner, name, o.evidenceKey);
  const judged: Judged = { notes: new Map(), breakGlass: [], drift: [], unreadable: [] };
  const judge = (object: string, text: string) => judgeNote(judged, object, text, signer);
  const allNotes = at === undefined ? readNotes(o.repoDir, undefined, judge) : undefined;
  allNotes?.catch(() => undefined); // awaited below; no unhandled rejection if the log fails first
  // --at: the list of notes and the objects carrying them are read while the log is walked.
  const noteList = at !== undefined ? listNotes(o.repoDir) : undefined;
  noteList?.catch(() => undefined);
  const notedBlobs = noteList ? breakGlassObjects(o.repoDir, noteList) : undefined;
  notedBlobs?.catch(() => undefined);
  // Lease contents are read by a second git process while the log streams, and parsed as
  // they arrive (under the first path that asked for them; another path parses its own).
  const parsed = new Map<string, Lease | undefined>(); // blob → lease, parsed under pathOf's path
  const pathOf = new Map<string, string>();
  const reader = openBlobReader(
    o.repoDir,
    (blob, content) => parsed.set(blob, loadLease(pathOf.get(blob)!, content).lease),
    true,
  );
  // The total for progress costs one more walk of the history: only when someone watches.
  const total = o.progress && at === undefined ? Number((await gitText(o.repoDir, ["rev-list", "--count", "--first-parent", head, "--", LEASES_DIR, o.policyPath])).trim()) || 0 : 0;
  let read = 0;
  const want = (c: HistoryCommit) => {
    if (total) o.progress!(++read, total, "reading history");
    for (const ch of c.changes) {
      if (ch.status === "D" || ch.path === o.policyPath || pathOf.has(ch.blob) || checkLeasePath(ch.path).kind !== "lease") continue;
      pathOf.set(ch.blob, ch.path);
      reader.want(ch.blob);
    }
  };
  let commits: HistoryCommit[];
  // A full audit judges every version of the policy: they come from the same walk as the leases.
  const policyVersions: PolicyVersion[] = [];
  try {
    commits = at !== undefined ? await historyAround(o.repoDir, head, at, o.policyPath) : await readHistory(o.repoDir, head, [LEASES_DIR, o.policyPath], { policyVersions: { path: o.policyPath, into: policyVersions } }, want);
  } catch (e) {
    await reader.done().catch(() => undefined);
    throw e;
  }
  if (at !== undefined) commits.forEach(want);
  // Notes of the commits on main came with the log; the rest (break-glass records on blobs,
  // evidence for commits main no longer has) are read here.
  const inLog = new Set(commits.map((c) => c.sha));
  const others = notedBlobs ? await notedBlobs : undefined; // --at: no orphans to look for
  const moreNotes =
    allNotes ??
    readNotes(o.repoDir, (object) => !inLog.has(object) && others!.has(object), judge, noteList).then(() => {
      for (const c of commits) if (c.note !== undefined) judge(c.sha, c.note);
    });
  const blobs = await reader.done();

  const elsewhere = new Map<string, Lease | undefined>(); // the same content under another path
  const leaseOf = (path: string, blob: string): Lease | undefined => {
    if (pathOf.get(blob) === path) return parsed.get(blob);
    const k = `${path}\0${blob}`;
    if (!elsewhere.has(k)) elsewhere.set(k, loadLease(path, blobs.get(blob) ?? Buffer.alloc(0)).lease);
    return elsewhere.get(k);
  };

  await moreNotes;
  const { notes, breakGlass, drift, unreadable } = judged;
  // Evidence recorded for commits that main no longer has: history was rewritten.
  const onMain = new Set(commits.map((c) => c.sha));
  const orphanNotes: Array<{ commit: string; leases: string[] }> = [];
  for (const [commit, n] of at !== undefined ? [] : notes) {
    if (onMain.has(commit) || (n.note.leases.length === 0 && !n.note.policy)) continue;
    const reachable = await git(o.repoDir, ["merge-base", "--is-ancestor", commit, head]).then(
      () => true,
      () => false,
    );
    if (!reachable) orphanNotes.push({ commit, leases: [...n.note.leases.map((l) => l.lease), ...(n.note.policy ? [n.note.policy.path] : [])] });
  }

  // Which policy versions were in force, and which never were (a full audit only).
  const policyJudged = at === undefined ? await judgePolicyVersions(o, policyVersions, notes) : undefined;

  const reportNotes: string[] = [];
  let api: Map<string, LeaseEvidence> | undefined;
  if (o.online) {
    // Lease changes are judged by the verified policy in force before them, as apply judges them.
    const chain = policyJudged?.chain;
    api = await verifyUnproven(o, commits, notes, reportNotes, chain ? async (commit) => (await chain.at(commit))?.bytes : undefined);
  } else {
    reportNotes.push("Offline: approvals come from evidence notes only, and live state was not checked, so standing members outside 'standing' are not reported. Give a token to check both.");
  }
  if (at !== undefined) reportNotes.push("--at reads only the leases on main at that moment: findings about other leases, and rewritten history, are reported by a full audit.");
  if (!o.evidenceKey) reportNotes.push("No evidence key: evidence notes are shown, but their signatures were not checked.");

  // Policy versions are large and many: only those a check will consult are read.
  const policyBlobs = policiesNeeded({ commits, notes, policyPath: o.policyPath, ...(api ? { api } : {}) });
  const policyTexts = await readBlobs(o.repoDir, [...policyBlobs]);
  const policyCache = new Map<string, Policy | undefined>();
  const policyOf = (blob: string): Policy | undefined => {
    if (!policyCache.has(blob)) policyCache.set(blob, loadPolicy(o.policyPath, policyTexts.get(blob) ?? Buffer.alloc(0)).policy);
    return policyCache.get(blob);
  };

  const report = rebuildAudit({
    ref: refName,
    head,
    now: o.now,
    policyPath: o.policyPath,
    commits,
    leaseOf,
    policyOf,
    notes,
    keyGiven: Boolean(o.evidenceKey),
    ...(api ? { api } : {}),
    orphanNotes,
    unreadableNotes: unreadable,
    breakGlass,
    drift,
    ...(o.botNames ? { botNames: o.botNames } : {}),
  });
  if (policyJudged) {
    const bySha = new Map(commits.map((c) => [c.sha, c]));
    const said = policyFindings(o.policyPath, policyJudged.verdicts, (sha) => bySha.get(sha));
    report.findings.push(...said.findings);
    reportNotes.unshift(...said.notes);
  }
  // Anomalies and overdue reviews, judged by the thresholds and standing entries of the verified
  // policy in force, over the whole history (a query narrows what is shown, not what is judged).
  const inForce = policyJudged?.inForce?.policy;
  if (inForce) {
    const fresh = o.previous !== undefined ? newFindingKeys(report.leases, inForce, o.now, o.previous) : undefined;
    for (const f of anomalyFindings(report.leases, inForce, o.now)) report.findings.push(fresh ? { ...f, new: fresh.has(f.key!) } : f);
  } else if (policyJudged) reportNotes.push(`No verified ${o.policyPath} in force at ${o.ref}: anomalies and standing reviews were not checked.`);
  if (o.online) {
    // Live state is judged by the verified policy in force: an unverified 'standing' entry hides nobody.
    const policy = policyJudged?.inForce?.policy;
    if (policy) {
      for (const u of await undeclaredGrants(policy, report, o.online.providerFor)) report.findings.push({ code: "standing-undeclared", resource: u.resource, message: `${u.grantee} holds ${u.role} on ${u.resource} with no lease and is not declared in its 'standing' list.` });
    } else reportNotes.push(`No valid ${o.policyPath} at ${o.ref}: live state was not checked.`);
  }
  report.notes.push(...reportNotes);
  return o.query ? queryAudit(report, o.query) : report;
}

/** Verifies, through the API, every lease add or change that has no signed evidence (one the API fails on is said in `said`, and stays unproven). */
async function verifyUnproven(o: AuditOptions, commits: Awaited<ReturnType<typeof readHistory>>, notes: Map<string, NoteEvidence>, said: string[], policyAt?: (commit: string) => Promise<Uint8Array | undefined>): Promise<Map<string, LeaseEvidence>> {
  const out = new Map<string, LeaseEvidence>();
  const online = o.online!;
  const { verifyChange } = await import("../approval/verify-change.js");
  const emptyTree = (await gitText(o.repoDir, ["hash-object", "-t", "tree", "/dev/null"])).trim();
  for (const c of commits) {
    for (const ch of c.changes) {
      if (ch.status === "D" || checkLeasePath(ch.path).kind !== "lease") continue;
      const n = notes.get(c.sha);
      if (n?.trust === "signed" && n.note.leases.some((e) => e.lease === ch.path && e.blob === ch.blob)) continue;
      try {
        const ev = await verifyChange(
          { gh: online.gh, owner: online.owner, repo: online.repo, defaultBranch: online.defaultBranch, repoDir: o.repoDir, policyPath: o.policyPath, now: o.now, ...(o.evidenceKey ? { evidenceKey: o.evidenceKey } : {}), ...(online.botLogin ? { botLogin: online.botLogin } : {}), ...(policyAt ? { policyAt } : {}) },
          { path: ch.path, commit: c.sha, parent: c.parents[0] ?? emptyTree, blob: ch.blob, time: c.time },
        );
        out.set(`${c.sha}\0${ch.path}\0${ch.blob}`, ev);
      } catch (e) {
        said.push(`${ch.path} (${c.sha.slice(0, 7)}) could not be verified through the API: ${errorMessage(e)}; it is reported from history and notes only.`);
      }
    }
  }
  return out;
}

/**
 * The verdict on every version of the policy file (see approval/policy-in-force.ts): from the
 * signed verdicts apply recorded (without a key, from any note, marked), and with a token
 * through the API for the others — the audit records nothing.
 */
async function judgePolicyVersions(o: AuditOptions, versions: PolicyVersion[], notes: Map<string, NoteEvidence>): Promise<{ verdicts: PolicyVersionVerdict[]; inForce?: PolicyInForce; chain: PolicyChain }> {
  const recorded = (commit: string, blob: string) => {
    const n = notes.get(commit);
    const e = n?.note.policy;
    return n && e && e.path === o.policyPath && e.blob === blob ? { evidence: e, trusted: n.trust === "signed" } : undefined;
  };
  const online = o.online;
  const chain = new PolicyChain({
    repoDir: o.repoDir,
    policyPath: o.policyPath,
    now: o.now,
    versions,
    signed: (v) => {
      const r = recorded(v.commit, v.blob);
      return r && (r.trusted || !o.evidenceKey) ? r.evidence : undefined;
    },
    ...(online ? { verify: (v: PolicyVersion, judge: PolicyJudge) => verifyPolicyChange({ gh: online.gh, owner: online.owner, repo: online.repo, defaultBranch: online.defaultBranch, policyPath: o.policyPath, now: o.now }, v, judge) } : {}),
  });
  const verdicts: PolicyVersionVerdict[] = [];
  for (let i = 0; i < versions.length; i++) {
    const v = await chain.verdict(i);
    const source = v.source === "signed-note" && !recorded(v.version.commit, v.version.blob)?.trusted ? "unsigned-note" : v.source;
    verdicts.push({ commit: v.version.commit, status: v.version.status, state: v.state, source, ...(v.why !== undefined ? { why: v.why } : {}) });
  }
  const tip = await chain.atTip();
  return { verdicts, chain, ...(tip.inForce ? { inForce: tip.inForce } : {}) };
}

/** Grants at the targets that no lease in force backs and that are not declared standing. */
async function undeclaredGrants(policy: Policy, report: AuditReport, providerFor: (r: Resource) => Provider): Promise<Array<{ resource: string; grantee: string; role: string }>> {
  // As apply judges drift: a lease backs its role only (a higher one is not its), and on a
  // `mode: additive` resource members jit-access did not grant are not its business.
  const backed = new Set(report.leases.filter((l) => l.status === "active" || l.status === "over").map((l) => `${l.resource}\0${l.grantee.toLowerCase()}\0${l.role}`));
  const found: Array<{ resource: string; grantee: string; role: string }> = [];
  for (const { resource: r, actual } of await listResources([...policy.resources.values()].filter((x) => x.mode !== "additive"), providerFor)) {
    if (!Array.isArray(actual)) {
      report.notes.push(`${r.id} could not be listed: ${actual.error}`);
      continue;
    }
    for (const g of actual) {
      if (backed.has(`${r.id}\0${g.grantee.toLowerCase()}\0${g.role}`)) continue;
      if (r.standing.some((s) => s.grantee.toLowerCase() === g.grantee.toLowerCase() && s.role === g.role)) continue;
      found.push({ resource: r.id, grantee: g.grantee, role: g.role });
    }
  }
  return found;
}

const DAY_MS = 86_400_000;

/**
 * The commits that made the lives of the leases on main at `at`: from the commit on main at
 * that moment, back until each of those leases was added and forward until each was removed
 * (or the tip), widening the window as needed. Leases held at `at` are exactly the files on
 * main then (plus break-glass grants, from the notes).
 */
async function historyAround(repoDir: string, head: string, at: number, policyPath: string): Promise<Awaited<ReturnType<typeof readHistory>>> {
  // Main's chain from the tip back to the commit on main at `at` (the first one committed at
  // or before it, as `rev-list -1 --before` finds it), in one walk: it also gives the commit
  // each later window ends at, so the log after `at` walks only that window.
  const chain = await firstParentChain(repoDir, head, (c) => c.time <= at);
  const thenCommit = chain[chain.length - 1];
  if (!thenCommit || thenCommit.time > at) return [];
  const then = thenCommit.sha;
  const paths = (await gitText(repoDir, ["ls-tree", "-r", "--name-only", then, "--", LEASES_DIR]))
    .split("\n")
    .filter((p) => p && checkLeasePath(p).kind === "lease");
  if (paths.length === 0) return [];
  // The root's time bounds the widening; it takes a walk to the root, so only when needed.
  let first: number | undefined;
  const firstTime = async () => (first ??= Number((await gitText(repoDir, ["log", "-1", "--format=%ct", "--max-parents=0", "--first-parent", then])).trim()) * 1000);
  const last = chain[0]!.time;
  let before: Awaited<ReturnType<typeof readHistory>> = [];
  for (let span = 7 * DAY_MS; ; span *= 4) {
    const since = at - span;
    before = await readHistory(repoDir, then, [...paths, policyPath], { since, notesRef: NOTES_REF });
    const added = new Set(before.flatMap((c) => c.changes.filter((ch) => ch.status === "A").map((ch) => ch.path)));
    if (paths.every((p) => added.has(p)) || since <= (await firstTime())) break;
  }
  let after: Awaited<ReturnType<typeof readHistory>> = [];
  if (then !== head) {
    for (let span = 7 * DAY_MS; ; span *= 4) {
      const until = at + span;
      // then..head committed by `until`: every commit on the chain newer than the first one
      // committed by `until` is later, so the log starts there rather than at the tip.
      const end = chain.find((c) => c.time <= until)!.sha;
      after = end === then ? [] : await readHistory(repoDir, `${then}..${end}`, paths, { until, notesRef: NOTES_REF });
      const removed = new Set(after.flatMap((c) => c.changes.filter((ch) => ch.status === "D").map((ch) => ch.path)));
      if (paths.every((p) => removed.has(p)) || until >= last) break;
    }
  }
  return [...before, ...after];
}

/** Objects other than commits that carry notes (of those in `listed`): break-glass records are notes on lease blobs. */
async function breakGlassObjects(repoDir: string, listed: Promise<string>): Promise<Set<string>> {
  const list = await listed.catch(() => "");
  const objects = list
    .split("\n")
    .map((l) => l.split(" ")[1] ?? "")
    .filter((x) => x);
  if (objects.length === 0) return new Set();
  const types = (await git(repoDir, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], objects.join("\n") + "\n")).toString("utf8");
  return new Set(
    types
      .split("\n")
      .filter((l) => l.endsWith(" blob"))
      .map((l) => l.split(" ")[0]!),
  );
}

interface Judged {
  notes: Map<string, NoteEvidence>;
  breakGlass: NonNullable<Parameters<typeof rebuildAudit>[0]["breakGlass"]>;
  drift: DriftOnRecord[];
  unreadable: Array<{ object: string; reason: string }>;
}

/**
 * Reads an evidence note (bounded, MAC checked against this repository, parsed), and checks
 * the MAC of the legacy note it may keep; break-glass and drift records come out separately,
 * with how far each can be believed. A note that cannot be read is no note, and a finding; a
 * request note is none.
 */
function judgeNote(into: Judged, object: string, text: string, signer: NoteSigner): void {
  const r = readEvidenceNote(object, text, signer);
  if (r.kind === "unreadable") into.unreadable.push({ object, reason: r.reason });
  if (r.kind !== "evidence") return;
  const { note, trust } = r;
  const judged: NoteEvidence = { note, trust, ...(typeof note.repository === "string" ? { repository: note.repository } : {}) };
  if (note.legacy) judged.legacy = { note: note.legacy, trust: noteTrust(note.legacy, object, signer) };
  into.notes.set(object, judged);
  for (const n of [judged, judged.legacy]) {
    if (!n) continue;
    const where = n.repository !== undefined ? { repository: n.repository } : {};
    for (const b of n.note.breakGlass ?? []) if (isBreakGlassRecord(b)) into.breakGlass.push({ record: b, trust: n.trust, ...where });
    for (const d of Array.isArray(n.note.drift) ? n.note.drift : []) if (isDriftRevocation(d)) into.drift.push({ ...d, commit: object, trust: n.trust });
  }
}
