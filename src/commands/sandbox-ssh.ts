/**
 * The sandbox's SSH lease (after the main lifecycle): the admins add an ssh-certificate
 * resource with a CA made for the sandbox; the requester asks for a principal, it is approved
 * and merged; apply certifies the requester's SSH key (from the emulated GitHub) and posts the
 * certificate on the pull request, printed here with what it allows and until when; the sweep
 * after the end has nothing to revoke — sshd refuses the certificate after its end by itself.
 */
import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../diagnostics/usage-error.js";
import type { Emulator } from "../emulator/index.js";
import { sshString } from "../credentials/ssh-wire.js";
import { PUBLISHED_MARKER } from "../credentials/deliver-credentials.js";
import type { GitHubClient } from "../github/client.js";
import { gitLedger } from "../git/provider-ledger.js";
import { gitText } from "../git/run-git.js";
import { formatTimestamp } from "../lease/timestamp.js";
import { generateCodeowners } from "../codeowners/generate-codeowners.js";
import { loadPolicy } from "../policy/load-policy.js";
import { expandRefs, parseRef } from "../policy/people.js";
import type { Policy } from "../policy/policy.js";
import { createProviderRegistry } from "../providers/registry.js";
import { formatPlanText } from "../reconcile/format-plan.js";
import { formatValidity, parseCertificate } from "../ssh/user-certificate.js";
import { runApply } from "./apply.js";
import { runExpire } from "./expire.js";
import { runRequest } from "./request.js";

const MIN = 60_000;
export const SANDBOX_SSH_RESOURCE = "sandbox-ssh";
const CA_ENV = "JIT_SANDBOX_SSH_CA";

export interface SshSandboxContext {
  dir: string;
  /** git in the sandbox repo at a time */
  g: (args: string[], t: number) => Promise<unknown>;
  emu: Emulator;
  gh: GitHubClient;
  org: string;
  requester: string;
  approver: string;
  start: number;
  say: (s: string) => void;
  /** The sandbox's environment for providers (the database's connection string): the CA's key is added to it. */
  env: Record<string, string>;
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
  const ca = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const user = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
  c.emu.state.addSshKey(c.requester, ed25519Line(Buffer.from(user.x ?? "", "base64url")));
  c.env[CA_ENV] = ca;
  const env = c.env;

  // The admins add the resource (a policy change of its own, with CODEOWNERS to match).
  const policyText = (await gitText(c.dir, ["show", "HEAD:policy.yaml"])).trimEnd();
  const added = `${policyText}\n\n  ${SANDBOX_SSH_RESOURCE}:\n    description: SSH to the sandbox hosts, by certificate\n    provider:\n      type: ssh-certificate\n      org: ${c.org}\n      ca: { env: ${CA_ENV} }\n      hosts: [host-1.sandbox.example]\n    roles: [deploy]\n    maxDuration: 4h\n    approvers: [${c.approver}]\n`;
  const loaded = loadPolicy("policy.yaml", Buffer.from(added));
  if (!loaded.policy) throw new UsageError("sandbox-ssh-policy", `The sandbox's SSH resource does not fit this policy: ${loaded.diagnostics.map((d) => d.message).join("; ")}`);
  // A policy change is in force only through a merged pull request an admin of the policy
  // before it approved on its final head: an admin approves it here too.
  const current = loadPolicy("policy.yaml", Buffer.from(policyText)).policy;
  const admin = current ? sandboxAdmin(c.emu.state, current) : undefined;
  if (!admin) throw new UsageError("sandbox-ssh-policy", "The sandbox needs an admin in the policy ('admins': a user or a team) to approve the SSH resource's policy change.");
  await c.g(["switch", "-q", "-c", "ssh-resource"], t0);
  writeFileSync(join(c.dir, "policy.yaml"), added);
  writeFileSync(join(c.dir, ".github/CODEOWNERS"), generateCodeowners(loaded.policy, "policy.yaml"));
  await c.g(["add", "-A"], t0);
  await c.g(["commit", "-q", "-m", `Add the ${SANDBOX_SSH_RESOURCE} resource (ssh-certificate)`], t0);
  const policyHead = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
  await c.g(["switch", "-q", "main"], t0);
  const policyPr = c.emu.state.addPullRequest(c.org, "access", { author: "sandbox-maintainer", base: "main", baseSha: (await gitText(c.dir, ["rev-parse", "HEAD"])).trim(), head: "ssh-resource", headSha: policyHead, title: `Add ${SANDBOX_SSH_RESOURCE}` });
  c.emu.state.addReview(c.org, "access", policyPr.number, { user: admin, state: "APPROVED", commitId: policyHead, submittedAt: new Date(t0 + MIN) });
  await c.g(["merge", "-q", "--no-ff", "-m", `Merge pull request #${policyPr.number}`, "ssh-resource"], t0 + 2 * MIN);
  const policyMerge = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
  c.emu.state.mergePullRequest(c.org, "access", policyPr.number, { mergeCommitSha: policyMerge, mergedAt: new Date(t0 + 2 * MIN) });
  c.emu.state.associateCommit(c.org, "access", policyMerge, policyPr.number);
  say(`  the admins added '${SANDBOX_SSH_RESOURCE}' (ssh-certificate; principal deploy; the CA's key in $${CA_ENV}, a secret the workflow maps): pull request #${policyPr.number}, approved by @${admin}\n`);

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
  s.addReview(c.org, "access", pr.number, { user: c.approver, state: "APPROVED", commitId: head, submittedAt: new Date(t1 + 5 * MIN) });
  const tMerge = t1 + 10 * MIN;
  await c.g(["merge", "-q", "--no-ff", "-m", `Merge pull request #${pr.number}`, "ssh-request"], tMerge);
  const merge = (await gitText(c.dir, ["rev-parse", "HEAD"])).trim();
  s.mergePullRequest(c.org, "access", pr.number, { mergeCommitSha: merge, mergedAt: new Date(tMerge) });
  s.associateCommit(c.org, "access", merge, pr.number);
  say(`  wrote ${req.path} (deploy for 2h); pull request #${pr.number} approved by @${c.approver} and merged at ${formatTimestamp(tMerge)}\n`);

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

type EmulatorState = Emulator["state"];

/** A login that is an admin of the policy in the emulator (a team admin joins the team). */
function sandboxAdmin(s: EmulatorState, policy: Policy): string | undefined {
  const login = "sandbox-admin";
  const ref = expandRefs(policy.admins, policy.groups).map(parseRef).find((r) => r.kind === "team" || r.kind === "user");
  if (!ref) return undefined;
  if (ref.kind === "user") return ref.login;
  if (ref.kind !== "team") return undefined;
  if (!s.getOrg(ref.org)) s.addOrg(ref.org);
  if (!s.getTeam(ref.org, ref.slug)) s.addTeam(ref.org, ref.slug);
  s.addOrgMember(ref.org, login);
  s.addTeamMember(ref.org, ref.slug, login);
  return login;
}

