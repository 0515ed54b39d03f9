/**
 * Break-glass records checked again as a run reconciles: against the policy in force and
 * against their pull requests here (see reconcile/break-glass.ts for the rules).
 */
import { errorMessage } from "../diagnostics/error-message.js";
import type { Policy } from "../policy/policy.js";
import { recordPolicyProblem, recordPullRequestProblem, unsettled, wouldLast } from "../reconcile/break-glass.js";
import type { MergedAdd, RecordAt, RecordProblem, RecordPullRequest } from "../reconcile/break-glass.js";
import type { ApplyOptions } from "./apply-options.js";

/**
 * Break-glass records signed for this repository, checked again as this run reconciles:
 * against the policy in force (resource, break-glass allowed, role, duration), and — for each
 * record that would grant now — against its pull request here (it exists, targets the default
 * branch, was opened by the grant, and its head carries the granted lease). Refused records
 * grant nothing; records whose pull request could not be read are `unchecked` (kept where
 * held, never granted). One failed API call affects its record only. Also which pull
 * requests were closed unmerged (their grants end).
 */
export async function recheckRecords(o: ApplyOptions, policy: Policy, records: RecordAt[], adds: MergedAdd[]): Promise<{ closedUnmerged: Map<number, number>; refused: Map<RecordAt, RecordProblem>; unchecked: Map<RecordAt, RecordProblem> }> {
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
