/**
 * Stage 1 of a run, the desired state: every lease on the branch and its life from git, each
 * version parsed once, the verified policy in force, the evidence already on record for each
 * change (signed notes), the break-glass records, and which changes still need verification.
 */
import type { AutoApprovalRecord } from "../approval/auto-approval.js";
import { autoApprovalHistory } from "../approval/auto-approval-history.js";
import type { VerifyContext } from "../approval/verify-change.js";
import type { RunPolicy } from "../approval/policy-in-force.js";
import { noteSigner } from "../evidence/evidence.js";
import type { NoteSigner } from "../evidence/evidence.js";
import { readNotes } from "../git/evidence-notes.js";
import { readLeaseAndPolicyLog } from "../git/lease-log.js";
import type { LeaseLife } from "../git/lease-log.js";
import { readBlobs } from "../git/run-git.js";
import type { Lease } from "../lease/lease.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { loadLease } from "../lease/load-lease.js";
import type { Policy } from "../policy/policy.js";
import { breakGlassRecords } from "../reconcile/break-glass.js";
import type { RecordAt, UnboundRecord } from "../reconcile/break-glass.js";
import type { LifeInput } from "../reconcile/lease-windows.js";
import type { ApplyOptions } from "./apply-options.js";
import { runPolicy } from "./policy-run.js";
import { recordedEvidence } from "./recorded-evidence.js";
import type { RecordedEvidence, RunProblems } from "./recorded-evidence.js";

/** A change of a lease with no trusted evidence yet. */
export interface PendingChange {
  life: LeaseLife;
  index: number;
}

export interface DesiredState {
  /** Signs and checks notes for this repository. */
  signer: NoteSigner;
  policyRun: RunPolicy;
  /** The policy acted on: the newest verified version. */
  policy: Policy;
  verifyCtx: VerifyContext;
  /** Leases on the branch (real lease files only), and by path. */
  lives: LeaseLife[];
  lifeOf: Map<string, LeaseLife>;
  /** Leases removed from the branch (real lease files only). */
  endedLives: LeaseLife[];
  /** Lease versions read so far, by blob (those of ended leases are added where needed). */
  blobs: Map<string, Buffer>;
  /** A lease version, parsed once (undefined: it does not parse). */
  leaseOf: (path: string, blob: string) => Lease | undefined;
  evidence: RecordedEvidence;
  problems: RunProblems;
  /** Break-glass records signed for this repository, and those signed for another or before notes named one. */
  records: RecordAt[];
  unbound: UnboundRecord[];
  /** Leases granted by break-glass and not settled, by `path\0blob`. */
  grantedFirst: Set<string>;
  /** Each lease's changes with their verdicts so far, and by path. */
  inputs: LifeInput[];
  inputOf: Map<string, LifeInput>;
  pending: PendingChange[];
  /** Auto-approvals recorded in notes signed for this repository (the rules' weekly quotas), read once when asked. */
  signedAutoApprovals: () => AutoApprovalRecord[];
}

export async function readDesiredState(o: ApplyOptions): Promise<DesiredState> {
  // Notes count only when signed for this repository (a note copied from another access repo does not).
  const signer = noteSigner(o.owner, o.repo, o.evidenceKey);
  // The lease log and the policy's versions (one walk of the history) and the evidence notes are independent: read them at once.
  const [{ log, policyVersions }, notes] = await Promise.all([readLeaseAndPolicyLog(o.repoDir, o.ref, o.policyPath), readNotes(o.repoDir)]);
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
  const endedLives = log.ended.filter((l) => isLease(l.path));
  // Lease versions on main now; those of ended leases are read later, only where needed.
  const blobs = await readBlobs(o.repoDir, lives.flatMap((l) => l.changes.map((c) => c.blob)));
  // Each version of a lease is parsed once (a removal's blob is the last version's).
  const leaseCache = new Map<string, Lease | undefined>();
  const leaseOf = (path: string, blob: string): Lease | undefined => {
    const k = `${path}\0${blob}`;
    if (!leaseCache.has(k)) leaseCache.set(k, loadLease(path, blobs.get(blob) ?? Buffer.alloc(0)).lease);
    return leaseCache.get(k);
  };

  const problems: RunProblems = new Map();
  const evidence = recordedEvidence(notes, signer, problems);
  // Break-glass grants made at pull request time, from notes signed for this repository only
  // (those signed for another, or before notes named their repository, are reported as findings).
  const { trusted: records, unbound } = breakGlassRecords(notes, signer, evidence.unreadableNote);
  // Leases granted by break-glass and not settled: their merge is verified even when over (was it reviewed in time?).
  const grantedFirst = new Set(records.filter((r) => !r.record.ended).map((r) => `${r.record.lease}\0${r.record.blob}`));

  // Which changes still need verification: those with no trusted evidence.
  const inputs: LifeInput[] = [];
  const inputOf = new Map<string, LifeInput>();
  const pending: PendingChange[] = [];
  for (const life of lives) {
    const input: LifeInput = { path: life.path, changes: [] };
    life.changes.forEach((ch, index) => {
      const lease = leaseOf(life.path, ch.blob);
      const ev = evidence.get(`${ch.commit}\0${life.path}\0${ch.blob}`);
      input.changes.push({ commit: ch.commit, time: ch.time, status: ch.status, ...(lease ? { lease } : {}), verdict: ev ? ev.verdict : "unverified", ...(ev ? { findings: ev.findings } : {}) });
      if (!ev) pending.push({ life, index });
    });
    inputs.push(input);
    inputOf.set(input.path, input);
  }
  let signedAutoApprovals: AutoApprovalRecord[] | undefined;
  const autoApprovals = () => (signedAutoApprovals ??= autoApprovalHistory(notes, signer));
  return { signedAutoApprovals: autoApprovals, signer, policyRun, policy, verifyCtx, lives, lifeOf, endedLives, blobs, leaseOf, evidence, problems, records, unbound, grantedFirst, inputs, inputOf, pending };
}
