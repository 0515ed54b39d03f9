/**
 * `break-glass`: at pull request time, grant a break-glass lease at once (see
 * src/reconcile/break-glass.ts for the rules). Reads the pull request through the API as
 * data, validates it against the default branch's policy like the validate check, decides,
 * then records a signed break-glass record in refs/notes/jit as the note of the lease's blob
 * and pushes it — before granting, so a grant is never made that the sweeps would not know
 * about — and finally grants through the resource's provider. From then on the record is
 * desired state for apply and expire until it ends. (The blob, not the head commit, carries
 * it: the record binds that content, and the head commit's note may be the request form's.)
 *
 * A grant that makes a credential (a postgres ephemeral login or checkout) or a public
 * artifact (SSH certificates) delivers it to the grantee as apply does
 * (credentials/deliver-credentials.ts): encrypted to their GitHub SSH keys, or as is, on this
 * pull request. A grantee with no usable key gets nothing created; a credential or certificate
 * that cannot be posted is taken back at once.
 */
import { credentialDelivery } from "../credentials/deliver-credentials.js";
import type { CredentialDelivery } from "../credentials/deliver-credentials.js";
import { errorMessage } from "../diagnostics/error-message.js";
import type { BreakGlassRecord, NoteSigner } from "../evidence/evidence.js";
import { noteSigner } from "../evidence/evidence.js";
import { gitBlobId } from "../git/blob-id.js";
import { NOTES_REF, readNotes, updateNote } from "../git/evidence-notes.js";
import { git, gitText } from "../git/run-git.js";
import type { GitHubClient } from "../github/client.js";
import { pullRequestChanges } from "../github/pull-request-changes.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { loadPolicy } from "../policy/load-policy.js";
import type { Policy, Resource } from "../policy/policy.js";
import type { GrantOutcome, Provider } from "../providers/provider.js";
import { approverMentions, decideBreakGlass, grantStep, trustedBreakGlassRecords } from "../reconcile/break-glass.js";
import type { BreakGlassDecision, RecordAt } from "../reconcile/break-glass.js";
import type { Report } from "../validate/report.js";
import { validatePullRequest } from "../validate/validate-pull-request.js";
import { pullRequestInput } from "../git/pull-request-input.js";
import { refuseUnboundRequest } from "../validate/refuse-unbound-request.js";
import { runPolicy } from "../apply/policy-run.js";
import { pullRequestRequester } from "../approval/pull-request-requester.js";
import { changedLeases } from "../approval/requester.js";
import { withGitSession } from "../git/git-session.js";

export interface BreakGlassOptions {
  gh: GitHubClient;
  /** A checkout of the default branch: its policy and CODEOWNERS judge, its refs/notes/jit hold the records. */
  repoDir: string;
  ref: string;
  owner: string;
  repo: string;
  defaultBranch: string;
  policyPath: string;
  now: number;
  pullRequest: number;
  /** Signs the record; without it nothing is granted. */
  evidenceKey?: string;
  providerFor: (resource: Resource) => Provider;
  /**
   * The remote whose refs/notes/jit holds the records (the Action's `origin`): they are read
   * from it, and the new record is pushed there before granting, as a compare-and-swap.
   * Without it, the local notes decide and the record stays local.
   */
  remote?: string;
  /** Sent to fetch the request form's note when the checkout kept no credentials. */
  token?: string;
  /** The login the request form opens pull requests as (see github/bot-login.ts). */
  botLogin?: string;
  /** Decide only: no note, no grant. */
  dryRun?: boolean;
  log?: (line: string) => void;
}

export interface BreakGlassResult {
  decision: BreakGlassDecision;
  report: Report;
  headSha: string;
  /** The resource's approvers, to mention. */
  approvers: string[];
  /** What the target did, for a grant. */
  outcome?: GrantOutcome;
  /** Why a decided grant was not made (its record could not be stored). */
  error?: string;
}

/** (Runs in a git session: see src/git/git-session.ts.) */
export function runBreakGlass(o: BreakGlassOptions): Promise<BreakGlassResult> {
  return withGitSession(() => runBreakGlassInSession(o));
}

async function runBreakGlassInSession(o: BreakGlassOptions): Promise<BreakGlassResult> {
  const { data: pr } = await o.gh.rest.pulls.get({ owner: o.owner, repo: o.repo, pull_number: o.pullRequest });
  const changes = await pullRequestChanges(o.gh, { owner: o.owner, repo: o.repo, number: pr.number, headSha: pr.head.sha, baseSha: pr.base.sha }, o.policyPath);
  // Who asked: the author, or for a request-form pull request the actor its signed note names
  // (validated as theirs, recorded as theirs); nobody when that cannot be established.
  const { requester } = await pullRequestRequester(o.gh, {
    repoDir: o.repoDir,
    ...(o.remote ? { remote: o.remote } : {}),
    ...(o.token ? { token: o.token } : {}),
    owner: o.owner,
    repo: o.repo,
    pullRequest: { number: pr.number, author: pr.user?.login ?? "", headSha: pr.head.sha, headRef: pr.head.ref },
    changes,
    ...(o.evidenceKey ? { evidenceKey: o.evidenceKey } : {}),
    ...(o.botLogin ? { botLogin: o.botLogin } : {}),
  });
  const author = requester.ok ? requester.login : (pr.user?.login ?? "");
  // Judged by the verified policy in force on the default branch, never by an unverified version there.
  const inForce = await runPolicy(o, await readNotes(o.repoDir)).catch(() => undefined);
  const input = await pullRequestInput(o.repoDir, o.ref, changes, { policyPath: o.policyPath, ...(requester.ok ? { author } : {}), now: o.now, strict: true, resolveFacts: (q) => resolveFacts(o.gh, q), judgeWith: { policy: inForce?.inForce.bytes } });
  let report = validatePullRequest(input);
  if (!requester.ok) report = refuseUnboundRequest(report, requester, changedLeases(changes).map((l) => l.path));
  const policy = input.basePolicy ? loadPolicy(o.policyPath, input.basePolicy).policy : undefined;

  // Records count only when signed for this repository: one copied from another access repo
  // neither blocks nor stands for this pull request's grant.
  const signer = noteSigner(o.owner, o.repo, o.evidenceKey);
  const blobs = new Map(changes.flatMap((c) => (c.head ? [[c.path, gitBlobId(c.head.bytes)] as const] : [])));
  const decide = (records: RecordAt[]) =>
    decideBreakGlass({
      now: o.now,
      policy,
      changes,
      blobs,
      report,
      pullRequest: { number: pr.number, author, open: pr.state === "open", baseRef: pr.base.ref },
      defaultBranch: o.defaultBranch,
      records,
      hasKey: Boolean(o.evidenceKey),
    });

  // Decide on the records as the remote has them, write ours, and push it only if nobody
  // pushed in between (no force: a moved remote rejects the push); else read again and decide
  // again. So two runs at once (two pull requests, or two events of one) cannot both grant
  // what the rules allow only once. Records that cannot be read grant nothing.
  for (let attempt = 1; ; attempt++) {
    if (o.remote) {
      const unreadable = await syncNotes(o.repoDir, o.remote);
      if (unreadable) {
        const decision = decide([]);
        const result: BreakGlassResult = { decision, report, headSha: pr.head.sha, approvers: approversOf(policy, decision) };
        if (decision.kind === "grant") result.error = `the break-glass records in refs/notes/jit could not be read (${unreadable}); nothing was granted.`;
        return result;
      }
    }
    const notes = await readNotes(o.repoDir);
    const decision = decide(trustedBreakGlassRecords(notes, signer));
    const result: BreakGlassResult = { decision, report, headSha: pr.head.sha, approvers: approversOf(policy, decision) };
    if (decision.kind !== "grant" || o.dryRun) return result;

    // The record first, signed and pushed: a grant the sweeps do not know about would be drift.
    await recordGrant(o.repoDir, decision.record.blob, decision.record, signer);
    if (o.remote) {
      let pushed: Buffer;
      try {
        pushed = await git(o.repoDir, ["push", "--porcelain", o.remote, `${NOTES_REF}:${NOTES_REF}`]);
      } catch (e) {
        if (attempt < PUSH_ATTEMPTS) continue;
        result.error = `the break-glass record could not be pushed to refs/notes/jit (${(e as Error).message}); nothing was granted.`;
        return result;
      }
      // "Up to date": the remote already had this very notes commit — another run of this pull
      // request made the same record (same content, same second) and pushed it first. That run
      // grants; this one reads the records again and finds it there.
      if (upToDate(pushed.toString("utf8"))) continue;
    }
    // Credentials and certificates the grant makes go to this pull request, as apply's go to the lease's.
    const delivery = credentialDelivery({ gh: o.gh, owner: o.owner, repo: o.repo, pullRequestOf: (lease) => (lease === decision.record.lease ? pr.number : undefined), ...(o.log ? { log: o.log } : {}) });
    result.outcome = await grant(o.providerFor(decision.resource), decision.resource, decision.record, delivery);
    return result;
  }
}

const PUSH_ATTEMPTS = 5;

/** Whether `git push --porcelain` says the notes ref was already at what was pushed (flag "="). */
function upToDate(porcelain: string): boolean {
  return porcelain.split("\n").some((l) => l.startsWith("=\t") && l.includes(`:${NOTES_REF}\t`));
}

/** Makes the local refs/notes/jit the remote's (none when it has none); an error message when it cannot be read. */
async function syncNotes(repoDir: string, remote: string): Promise<string | undefined> {
  try {
    const listed = (await gitText(repoDir, ["ls-remote", remote, NOTES_REF])).trim();
    if (listed) await git(repoDir, ["fetch", "--quiet", remote, `+${NOTES_REF}:${NOTES_REF}`]);
    else await git(repoDir, ["update-ref", "-d", NOTES_REF]);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The approvers of the resource a decision is about, to mention. */
function approversOf(policy: Policy | undefined, decision: BreakGlassDecision): string[] {
  const resourceId = decision.kind === "grant" || decision.kind === "already" ? decision.record.resource : decision.kind === "refused" ? resourceOfPath(decision.lease) : undefined;
  const resource = resourceId !== undefined ? policy?.resources.get(resourceId) : undefined;
  return resource && policy ? approverMentions(resource, policy.groups) : [];
}

/** The resource folder of a lease path (leases/<resource>/<file>). */
function resourceOfPath(path: string): string {
  return path.split("/")[1] ?? "";
}

/** Adds the record to the note of `object` (the lease's blob: the same content in another pull request shares it). */
async function recordGrant(repoDir: string, object: string, record: BreakGlassRecord, signer: NoteSigner): Promise<void> {
  await updateNote(repoDir, object, signer, (note) => ({ ...note, breakGlass: [...(note.breakGlass ?? []), record] }));
}

/** Grants on the target unless the grantee already holds the role (or a higher one), delivering what the grant makes. */
async function grant(provider: Provider, resource: Resource, r: BreakGlassRecord, delivery: CredentialDelivery): Promise<GrantOutcome> {
  try {
    const holds = (await provider.list(resource)).filter((g) => g.grantee.toLowerCase() === r.grantee.toLowerCase()).map((g) => g.role);
    const step = grantStep(holds, r.role, provider);
    if (step.kind === "none") return { status: "unchanged" };
    if (step.kind === "change-role") return await provider.changeRole(resource, r.grantee, r.role);
    const end = Date.parse(r.end);
    const attempt = { resource, provider, grantee: r.grantee, role: r.role, lease: r.lease, end };
    const refused = await delivery.beforeGrant(attempt);
    if (refused) return refused;
    return await delivery.afterGrant(attempt, await provider.grant(resource, r.grantee, r.role, { expiresAt: end, lease: r.lease }));
  } catch (e) {
    return { status: "failed", code: "provider-error", message: errorMessage(e) };
  }
}
