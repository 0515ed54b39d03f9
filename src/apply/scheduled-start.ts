/**
 * A scheduled lease (notBefore after its merge) is checked again when it starts, against the
 * policy in force then: a policy tightened meanwhile is not bypassed by scheduling. Who may
 * request it is checked again too, with team and org membership as of now.
 */
import { errorMessage } from "../diagnostics/error-message.js";
import type { LeaseEvidence } from "../evidence/evidence.js";
import { resolveFacts } from "../github/resolve-facts.js";
import { loadLease } from "../lease/load-lease.js";
import { emptyFacts, teamsIn } from "../policy/people.js";
import { resourceOrg } from "../policy/policy.js";
import type { WindowFinding } from "../reconcile/lease-windows.js";
import type { LeaseWindow } from "../reconcile/plan.js";
import { checkLease } from "../validate/check-lease.js";
import type { ApplyOptions } from "./apply-options.js";
import type { DesiredState } from "./desired-state.js";

/** The windows that may go on (all but scheduled leases the policy now refuses), and a finding for each refused or uncheckable one. */
export async function recheckScheduledStarts(o: ApplyOptions, state: DesiredState, windows: LeaseWindow[], verified: LeaseEvidence[]): Promise<{ kept: LeaseWindow[]; findings: WindowFinding[] }> {
  const { lifeOf, inputOf, evidence: trusted, blobs, policy } = state;
  const findings: WindowFinding[] = [];
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
  return { kept, findings };
}
