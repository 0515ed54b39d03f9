/**
 * The sandbox's SSH lease (after the main lifecycle): the admins add an ssh-certificate
 * resource with a CA made for the sandbox; the requester asks for a principal, it is approved
 * and merged; apply certifies the requester's SSH key (from the emulated GitHub) and posts the
 * certificate on the pull request, printed here with what it allows and until when; the sweep
 * after the end has nothing to revoke — sshd refuses the certificate after its end by itself.
 */
import { generateKeyPairSync } from "node:crypto";
import { parseDocument } from "yaml";
import { UsageError } from "../diagnostics/usage-error.js";
import type { Emulator } from "../emulator/index.js";
import { sshString } from "../credentials/ssh-wire.js";
import { PUBLISHED_MARKER } from "../credentials/deliver-credentials.js";
import type { GitHubClient } from "../github/client.js";
import { gitLedger } from "../git/provider-ledger.js";
import { gitText } from "../git/run-git.js";
import { formatTimestamp } from "../lease/timestamp.js";
import type { Policy } from "../policy/policy.js";
import { createProviderRegistry } from "../providers/registry.js";
import { formatPlanText } from "../reconcile/format-plan.js";
import { formatValidity, parseCertificate } from "../ssh/user-certificate.js";
import { runApply } from "./apply.js";
import { runExpire } from "./expire.js";
import { runRequest } from "./request.js";

const MIN = 60_000;
export const SANDBOX_SSH_RESOURCE = "sandbox-ssh";
export const CA_ENV = "JIT_SANDBOX_SSH_CA";
/** The sandbox's SSH CA (the Action reads it from a secret): one per sandbox run. */
export const newSandboxCa = (): string => generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();

export interface SshSandboxContext {
  dir: string;
  /** git in the sandbox repo at a time */
  g: (args: string[], t: number) => Promise<unknown>;
  emu: Emulator;
  gh: GitHubClient;
  org: string;
  requester: string;
  /** who approves the request (the resource's approval rules are the sandbox's main resource's) */
  approvers: string[];
  /** the run's environment: the CA's key in CA_ENV (and any other provider's secrets) */
  env: Record<string, string>;
  start: number;
  say: (s: string) => void;
  base: { gh: GitHubClient; repoDir: string; owner: string; repo: string; defaultBranch: string; policyPath: string; ref: string; evidenceKey: string; dryRun: boolean };
}

const indent = (text: string) => `${text.trimEnd().replace(/^/gm, "  ")}\n`;

/** "ssh-ed25519 AAAA…" for a raw 32-byte ed25519 public key. */
function ed25519Line(raw: Buffer): string {
  const blob = Buffer.concat([sshString("ssh-ed25519"), sshString(raw)]);
  return `ssh-ed25519 ${blob.toString("base64")}`;
}

/** Plays the SSH lease; true when the certificate was issued, valid to the lease's end, and the sweep had nothing to revoke. */
export async function runSshSandbox(c: SshSandboxContext): Promise<boolean> {
  const say = c.say;
  const t0 = c.start;
  say(`\n[SSH] An SSH lease: a certificate valid until the lease ends — ${formatTimestamp(t0)}\n`);
  // A CA for this sandbox only (the Action reads it from a secret), and the requester's key on GitHub.

  const user = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  c.emu.state.addSshKey(c.requester, ed25519Line(Buffer.from(user.x ?? "", "base64url")));
  const env = c.env;

  // The resource is in the policy's first version (see withSshResource): a later policy
  // change would need the admins' approval in a merged pull request.
  say(`  policy.yaml has '${SANDBOX_SSH_RESOURCE}' (ssh-certificate; principal deploy; the CA's key in $${CA_ENV}, a secret the workflow maps)\n`);

  // Request, approval, merge.
  const t1 = t0 + 5 * MIN;
  await c.g(["switch", "-q", "-c", "ssh-request"], t1);
  const req = await runRequest({ repo: c.dir, policyPath: "policy.yaml", resource: SANDBOX_SSH_RESOURCE, role: "deploy", grantee: c.requester, duration: "2h", reason: "Deploy the sandbox hotfix on the hosts", now: t1 });
  if (!req.written) throw new UsageError("sandbox-ssh-request", `The sandbox's SSH request was refused: ${req.errors.map((e) => e.message).join("; ")}`);
  await c.g(["add", "-A"], t1);
  await c.g(["commit", "-q", "-m", `Request deploy on ${SANDBOX_SSH_RESOURCE}`], t1);
  const head = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
  await c.g(["switch", "-q", "main"], t1);
  const s = c.emu.state;
  const pr = s.addPullRequest(c.org, "access", { author: c.requester, base: "main", baseSha: (await gitText(c.dir, ["rev-parse", "HEAD"])).trim(), head: "ssh-request", headSha: head, title: `Request ${SANDBOX_SSH_RESOURCE}` });
  for (const a of c.approvers) s.addReview(c.org, "access", pr.number, { user: a, state: "APPROVED", commitId: head, submittedAt: new Date(t1 + 5 * MIN) });
  const tMerge = t1 + 10 * MIN;
  await c.g(["merge", "-q", "--no-ff", "-m", `Merge pull request #${pr.number}`, "ssh-request"], tMerge);
  const merge = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
  s.mergePullRequest(c.org, "access", pr.number, { mergeCommitSha: merge, mergedAt: new Date(tMerge) });
  s.associateCommit(c.org, "access", merge, pr.number);
  say(`  wrote ${req.path} (deploy for 2h); pull request #${pr.number} approved by ${c.approvers.map((a) => `@${a}`).join(", ")} and merged at ${formatTimestamp(tMerge)}\n`);

  // Apply: the certificate, posted on the pull request.
  const registry = (now: number) => {
    const r = createProviderRegistry(c.gh, { env, now, ledger: gitLedger({ repoDir: c.dir, repository: `${c.org}/access`, key: c.base.evidenceKey, now }), accessRepo: { dir: c.dir, ref: "HEAD" } });
    return (id: string, pol: Policy) => r(pol.resources.get(id)!);
  };
  const tApply = tMerge + MIN;
  const applied = await runApply({ ...c.base, now: tApply, providerFor: registry(tApply) });
  say(indent(formatPlanText(applied.plan, applied.results, applied.findings)));
  const comments = await c.gh.paginate(c.gh.rest.issues.listComments, { owner: c.org, repo: "access", issue_number: pr.number, per_page: 100 });
  const posted = comments.find((x) => x.body?.startsWith(`${PUBLISHED_MARKER} kind=ssh-certificates`))?.body ?? "";
  const line = posted.split("\n").find((l) => l.includes("-cert-v01@openssh.com "));
  if (!line) {
    say("  no certificate was posted ❌\n");
    return false;
  }
  const cert = parseCertificate(line);
  say(`  comment on #${pr.number}: ${posted.split("\n")[1]?.replace(/^### /, "")}\n`);
  say(`    ${line.length > 110 ? `${line.slice(0, 100)}…${line.slice(-30)}` : line}\n`);
  say(`  the certificate: principals ${cert.principals.join(", ")}; valid ${formatValidity(cert.validAfter)} → ${formatValidity(cert.validBefore)}; serial ${cert.serial}; key id ${cert.keyId}; extensions ${cert.extensions.join(", ")}; CA ${cert.caFingerprint}\n`);
  say(`  $ jit ssh-cert ${pr.number}   # writes ~/.ssh/id_ed25519-cert.pub; then plain ssh deploy@host-1.sandbox.example\n`);
  const end = applied.active.find((a) => a.path === req.path)?.end;
  const exact = end !== undefined && cert.validBefore === BigInt(Math.floor(end / 1000)) && cert.validAfter === BigInt(Math.floor((tApply - MIN) / 1000));

  // After the end: sshd refuses the certificate by itself; the sweep only removes the file.
  const tSweep = (end ?? tApply) + 3 * MIN;
  const swept = await runExpire({ ...c.base, now: tSweep, providerFor: registry(tSweep) });
  const revokes = swept.apply.results.filter((r) => r.action.kind === "revoke").length;
  say(`  expiry sweep at ${formatTimestamp(tSweep)}: ${swept.removed.length} lease file(s) removed, ${revokes} revocation(s) — the certificate expired at ${formatValidity(cert.validBefore)} on its own, and sshd refuses it after that even if no sweep runs\n`);
  return applied.ok && exact && swept.ok && swept.removed.length === 1 && revokes === 0;
}

/** The policy text with the sandbox's SSH resource added (its first version), approved as the given rules say. */
export function withSshResource(policyText: string, o: { org: string; approvals: ReadonlyArray<{ from: readonly string[]; count: number }> }): string {
  const doc = parseDocument(policyText);
  doc.setIn(
    ["resources", SANDBOX_SSH_RESOURCE],
    doc.createNode({
      description: "SSH to the sandbox hosts, by certificate",
      provider: { type: "ssh-certificate", org: o.org, ca: { env: CA_ENV }, hosts: ["host-1.sandbox.example"] },
      roles: ["deploy"],
      maxDuration: "4h",
      approvals: o.approvals.map((r) => ({ from: [...r.from], count: r.count })),
    }),
  );
  return doc.toString({ flowCollectionPadding: false });
}
