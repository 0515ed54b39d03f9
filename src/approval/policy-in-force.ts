/**
 * Which version of the policy is in force: the newest version on main that was verified —
 * the bootstrap (the first valid version in history, the trust anchor: nobody could have
 * reviewed it) or a version that reached main through a merged pull request approved on its
 * final head by an admin of the policy in force before it, content as reviewed (see
 * verify-policy.ts). A version pushed without review, changed after approval, approved by
 * someone else, invalid or removed is never in force: runs keep applying the last verified
 * version, and report each refused version as a finding.
 *
 * Each version is verified once: the verdict is recorded in the signed evidence note of the
 * commit that brought it (a `policy` entry). Versions are judged lazily, newest first, down
 * to the newest one with a signed approval: with an evidence key only versions since the last
 * verified one cost API requests; without a key every version is verified on every run.
 */
import type { EvidenceNote, NoteSigner, PolicyEvidence } from "../evidence/evidence.js";
import { isTrusted, parseNote } from "../evidence/evidence.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { updateNotes } from "../git/evidence-notes.js";
import type { NoteUpdate } from "../git/evidence-notes.js";
import { readPolicyLog } from "../git/policy-log.js";
import type { PolicyVersion } from "../git/policy-log.js";
import { isAncestor } from "../git/commits.js";
import { readBlobs } from "../git/run-git.js";
import { loadPolicy } from "../policy/load-policy.js";
import type { Policy } from "../policy/policy.js";
import type { PolicyJudge, PolicyVerification } from "./verify-policy.js";

export type PolicyState =
  /** The bootstrap: the first valid version, trusted as it is. */
  | "anchor"
  /** Approved by an admin of the policy in force before it, in a merged pull request. */
  | "approved"
  /** Not approved (no pull request, not an admin, changed after approval, …). */
  | "rejected"
  /** Not a valid policy (or the file was removed, or is not a regular file). */
  | "invalid"
  /** Not verified: no API in this run (offline audit), or the API failed. Not in force. */
  | "unchecked";

export interface PolicyVerdict {
  version: PolicyVersion;
  state: PolicyState;
  /** The evidence behind the verdict (signed note, or made in this run). */
  evidence?: PolicyEvidence;
  /** Where the evidence comes from. */
  source: "signed-note" | "this-run" | "none";
  /** Why a version is not in force, in a sentence. */
  why?: string;
}

export interface PolicyChainOptions {
  repoDir: string;
  policyPath: string;
  now: number;
  /** Every version of the policy file on the branch, oldest first (readPolicyLog). */
  versions: PolicyVersion[];
  /** The recorded verdict on a version that counts (signed with the evidence key: see signedPolicyEvidence). */
  signed: (version: PolicyVersion) => PolicyEvidence | undefined;
  /** Verifies a version through the API (verifyPolicyChange); without it, versions with no signed verdict stay unchecked. */
  verify?: (version: PolicyVersion, judge: PolicyJudge) => Promise<PolicyVerification>;
}

/** A verified, valid policy version. */
export interface PolicyInForce {
  version: PolicyVersion;
  policy: Policy;
  bytes: Uint8Array;
}

const FILE_MODES = new Set(["100644", "100755"]);
/** How many policy versions one `git cat-file` process reads at most. */
const FETCH_BATCH = 64;

/** The versions of the policy file and the verdict on each, judged lazily and once. */
export class PolicyChain {
  private readonly verdicts = new Map<number, Promise<PolicyVerdict>>();
  private readonly loaded = new Map<string, Promise<{ policy?: Policy; bytes: Uint8Array; problem?: string }>>();
  private readonly ancestry = new Map<string, Promise<boolean>>();
  /** Contents asked for in one batch and not loaded yet, by blob (one git process per batch, not per version). */
  private readonly fetched = new Map<string, Promise<Buffer | undefined>>();
  private indexOf: Map<PolicyVersion, number> | undefined;
  /** Evidence made in this run that may be recorded for good, by commit. */
  readonly fresh = new Map<string, PolicyEvidence>();

  constructor(readonly o: PolicyChainOptions) {}

  get versions(): PolicyVersion[] {
    return this.o.versions;
  }

  /** The verdict on version i. */
  verdict(i: number): Promise<PolicyVerdict> {
    let p = this.verdicts.get(i);
    if (!p) {
      p = this.judge(i);
      this.verdicts.set(i, p);
    }
    return p;
  }

  /** The newest verified, valid version among the first `count` versions (undefined: none). */
  async inForceBefore(count: number): Promise<{ index: number; inForce: PolicyInForce } | undefined> {
    for (let i = count - 1; i >= 0; i--) {
      const v = await this.verdict(i);
      if (v.state !== "anchor" && v.state !== "approved") continue;
      const l = await this.load(v.version);
      if (l.policy) return { index: i, inForce: { version: v.version, policy: l.policy, bytes: l.bytes } };
    }
    return undefined;
  }

  /** The policy in force at the tip, and the verdicts on the versions after it (none in force). */
  async atTip(): Promise<{ inForce?: PolicyInForce; refused: PolicyVerdict[] }> {
    const found = await this.inForceBefore(this.versions.length);
    const refused: PolicyVerdict[] = [];
    for (let i = (found?.index ?? -1) + 1; i < this.versions.length; i++) {
      const v = await this.verdict(i);
      // Verified once, but it no longer loads (e.g. a stricter jit-access): not in force either.
      const problem = v.state === "anchor" || v.state === "approved" ? (await this.load(v.version)).problem : undefined;
      refused.push(problem ? { ...v, state: "invalid", why: `it was verified, but ${problem}` } : v);
    }
    return { ...(found ? { inForce: found.inForce } : {}), refused };
  }

  /**
   * The verified policy in force just after `commit`, a commit on the same first-parent
   * history (e.g. the parent of a lease change): lease changes are judged by it, never by an
   * unverified version that was on main then.
   */
  async at(commit: string): Promise<PolicyInForce | undefined> {
    // The newest version whose commit is `commit` or before it (binary search on ancestry).
    let lo = 0;
    let hi = this.versions.length; // versions [0, lo) are at or before; [hi, n) after
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (await this.isAncestor(this.versions[mid]!.commit, commit)) lo = mid + 1;
      else hi = mid;
    }
    return (await this.inForceBefore(lo))?.inForce;
  }

  private isAncestor(a: string, b: string): Promise<boolean> {
    const k = `${a} ${b}`;
    let p = this.ancestry.get(k);
    if (!p) {
      p = isAncestor(this.o.repoDir, a, b);
      this.ancestry.set(k, p);
    }
    return p;
  }

  private load(v: PolicyVersion): Promise<{ policy?: Policy; bytes: Uint8Array; problem?: string }> {
    const k = `${v.mode}\0${v.blob}`;
    let p = this.loaded.get(k);
    if (!p) {
      p = (async () => {
        if (v.status === "D") return { bytes: new Uint8Array(), problem: "the file was removed" };
        if (!FILE_MODES.has(v.mode)) return { bytes: new Uint8Array(), problem: `it is not a regular file (git mode ${v.mode})` };
        const bytes = await this.content(v);
        if (!bytes) return { bytes: new Uint8Array(), problem: `its content (blob ${v.blob.slice(0, 7)}) cannot be read` };
        const loaded = loadPolicy(this.o.policyPath, bytes);
        if (loaded.policy) return { policy: loaded.policy, bytes };
        const d = loaded.diagnostics.slice(0, 3).map((x) => `${x.line}:${x.column} [${x.code}] ${x.message}`).join("; ");
        return { bytes, problem: `it is not a valid policy (${d}${loaded.diagnostics.length > 3 ? "; …" : ""})` };
      })();
      this.loaded.set(k, p);
    }
    return p;
  }

  /**
   * A version's content. Versions with no signed verdict are each loaded in turn when they are
   * verified (judge): with the API, a miss also asks for the next such versions in the same
   * `git cat-file` process, so a branch with many unverified versions costs a few processes.
   */
  private content(v: PolicyVersion): Promise<Buffer | undefined> {
    let p = this.fetched.get(v.blob);
    if (!p) {
      const blobs = [v.blob];
      if (this.o.verify) {
        this.indexOf ??= new Map(this.versions.map((x, i) => [x, i]));
        const from = this.indexOf.get(v) ?? this.versions.length;
        for (let i = from + 1; i < this.versions.length && blobs.length < FETCH_BATCH; i++) {
          const x = this.versions[i]!;
          if (x.status === "D" || !FILE_MODES.has(x.mode) || this.fetched.has(x.blob) || this.loaded.has(`${x.mode}\0${x.blob}`) || blobs.includes(x.blob) || this.o.signed(x)) continue;
          blobs.push(x.blob);
        }
      }
      const read = readBlobs(this.o.repoDir, blobs).catch(() => new Map<string, Buffer>());
      for (const b of blobs) if (!this.fetched.has(b)) this.fetched.set(b, read.then((m) => m.get(b)));
      p = this.fetched.get(v.blob)!;
    }
    // Loaded once (see load): the content need not be kept.
    this.fetched.delete(v.blob);
    return p;
  }

  private async judge(i: number): Promise<PolicyVerdict> {
    const version = this.versions[i]!;
    const at = new Date(this.o.now).toISOString();
    const signed = this.o.signed(version);
    if (signed) {
      // Its validity was checked when it was verified; inForceBefore loads it when it is needed.
      if (signed.verdict === "rejected") return { version, state: signed.findings.some((f) => f.startsWith("invalid:")) ? "invalid" : "rejected", evidence: signed, source: "signed-note", why: signed.findings.map((f) => f.replace(/^invalid: /, "")).join("; ") || "verification failed" };
      return { version, state: signed.bootstrap ? "anchor" : "approved", evidence: signed, source: "signed-note" };
    }
    const before = version.status === "D" ? undefined : await this.inForceBefore(i);
    // Offline, a version with no verdict on record stays unchecked: its content need not be read.
    if (before && !this.o.verify) return { version, state: "unchecked", source: "none", why: "no signed verdict on record and no API to verify it" };
    const l = await this.load(version);
    if (!l.policy) {
      const evidence: PolicyEvidence = { path: this.o.policyPath, blob: version.blob, verdict: "rejected", approvals: [], policyCommit: version.commit, findings: [`invalid: ${l.problem}`], verifiedAt: at };
      // A removal has no content to carry a verdict: it is judged again (at no cost) each run.
      if (version.status !== "D") this.fresh.set(version.commit, evidence);
      return { version, state: "invalid", evidence, source: "this-run", why: l.problem! };
    }
    if (!before) {
      // Nothing was in force before it: the first valid version is the trust anchor.
      const evidence: PolicyEvidence = { path: this.o.policyPath, blob: version.blob, verdict: "approved", bootstrap: true, approvals: [], policyCommit: version.commit, findings: [], verifiedAt: at };
      this.fresh.set(version.commit, evidence);
      return { version, state: "anchor", evidence, source: "this-run" };
    }
    let result: PolicyVerification;
    try {
      result = await this.o.verify!(version, { commit: before.inForce.version.commit, policy: before.inForce.policy });
    } catch (e) {
      return { version, state: "unchecked", source: "none", why: `it could not be verified (${(e as Error).message})` };
    }
    if (result.final) this.fresh.set(version.commit, result.evidence);
    if (result.evidence.verdict === "approved") return { version, state: "approved", evidence: result.evidence, source: "this-run" };
    return { version, state: "rejected", evidence: result.evidence, source: "this-run", why: result.evidence.findings.join("; ") || "verification failed" };
  }
}

/** The verdict recorded on a version in its commit's note, when the note is signed with the key. */
export function signedPolicyEvidence(text: string | undefined, v: PolicyVersion, policyPath: string, signer: NoteSigner | undefined): PolicyEvidence | undefined {
  const note: EvidenceNote | undefined = text === undefined ? undefined : parseNote(text);
  if (!note?.policy || note.policy.path !== policyPath || note.policy.blob !== v.blob) return undefined;
  return isTrusted(note, v.commit, signer) ? note.policy : undefined;
}

/** A finding about a version that is not in force, for a run's report. */
export function refusedMessage(policyPath: string, v: PolicyVerdict, inForce: PolicyVersion): { code: "policy-unverified" | "policy-invalid"; message: string } {
  const code = v.state === "invalid" ? "policy-invalid" : "policy-unverified";
  const what = v.version.status === "D" ? `The removal of ${policyPath} in ${short(v.version.commit)}` : `${policyPath} as changed in ${short(v.version.commit)}`;
  return { code, message: `${code}: ${what} is not in force: ${(v.why ?? "not verified").replace(/\.$/, "")}. jit-access keeps applying the last verified version (from ${short(inForce.commit)}) until the admins approve a change in a merged pull request.` };
}

const short = (sha: string) => sha.slice(0, 7);

export interface RunPolicy {
  inForce: PolicyInForce;
  /** Findings about versions newer than the one in force (none of them is). */
  findings: Array<{ code: "policy-unverified" | "policy-invalid"; commit: string; message: string }>;
  chain: PolicyChain;
}

/**
 * The policy a run acts on (apply, expire, revoke, timers): the verified version in force at
 * `ref`. Throws only when no version was ever valid (there is nothing to act on).
 */
export async function policyForRun(o: Omit<PolicyChainOptions, "versions" | "signed"> & { ref: string; versions?: PolicyVersion[]; noteOf: (commit: string) => string | undefined; signer?: NoteSigner }): Promise<RunPolicy> {
  const versions = o.versions ?? (await readPolicyLog(o.repoDir, o.ref, o.policyPath));
  if (versions.length === 0) throw new UsageError("policy-missing", `No ${o.policyPath} at ${o.ref}.`);
  const chain = new PolicyChain({ ...o, versions, signed: (v) => signedPolicyEvidence(o.noteOf(v.commit), v, o.policyPath, o.signer) });
  const tip = await chain.atTip();
  if (!tip.inForce) {
    const why = tip.refused.map((v) => `${short(v.version.commit)}: ${v.why ?? v.state}`).join("; ");
    throw new UsageError("policy-invalid", `${o.policyPath} at ${o.ref} has no valid version to act on (${why}).`);
  }
  const findings = tip.refused.map((v) => ({ commit: v.version.commit, ...refusedMessage(o.policyPath, v, tip.inForce!.version) }));
  return { inForce: tip.inForce, findings, chain };
}

/** Records the verdicts made in this run in the evidence notes of their commits (signed with the key). */
export async function recordPolicyVerdicts(repoDir: string, chain: PolicyChain, signer: NoteSigner): Promise<PolicyEvidence[]> {
  const updates: NoteUpdate[] = [];
  const out = policyVerdictUpdates(chain, updates);
  await updateNotes(repoDir, signer, updates);
  return out;
}

/** The note changes that record the verdicts made in this run (added to `updates`), and the verdicts. */
export function policyVerdictUpdates(chain: PolicyChain, updates: NoteUpdate[]): PolicyEvidence[] {
  const out: PolicyEvidence[] = [];
  for (const [commit, evidence] of chain.fresh) {
    updates.push({ object: commit, change: (note) => ({ ...note, policy: evidence }) });
    out.push(evidence);
  }
  return out;
}
