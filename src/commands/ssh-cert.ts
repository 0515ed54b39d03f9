/**
 * `jit ssh-cert <pull request | lease>`: installs the SSH certificates an ssh-certificate
 * lease was granted. They are posted on the lease's pull request (public: useless without
 * the private key); each one is written next to the local key it certifies, as
 * `<key>-cert.pub` (e.g. ~/.ssh/id_ed25519-cert.pub), where plain `ssh` finds it.
 *
 * Only certificates that read as OpenSSH user certificates with a valid CA signature, for a
 * key found locally, are written; only the bot's comments count (its login when known, else
 * any bot account: a person cannot post as one); the newest such comment wins. What is written is printed: principals, validity, serial, key id, CA.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { UsageError } from "../diagnostics/usage-error.js";
import { PUBLISHED_MARKER } from "../credentials/deliver-credentials.js";
import { parseSshPublicKey } from "../credentials/ssh-public-key.js";
import type { GitHubClient } from "../github/client.js";
import { gitText } from "../git/run-git.js";
import { checkLeasePath } from "../lease/lease-path.js";
import { CertificateError, parseCertificate } from "../ssh/user-certificate.js";
import type { UserCertificate } from "../ssh/user-certificate.js";

export interface SshCertOptions {
  gh: GitHubClient;
  owner: string;
  repo: string;
  /** The local access repo (to find the pull request of a lease path). */
  repoDir: string;
  /** "12", "#12" or a lease path. */
  target: string;
  /** Public key files to match (e.g. ~/.ssh/id_ed25519.pub); missing ones are skipped. */
  keys: string[];
  /** Only comments by this login count (the bot). */
  botLogin?: string;
  /** Print, do not write. */
  dryRun?: boolean;
}

export interface SshCertResult {
  pullRequest: number;
  written: Array<{ path: string; certificate: UserCertificate }>;
  /** Certificates for keys not found locally. */
  unmatched: UserCertificate[];
  /** Lines that were not usable certificates, with why. */
  skipped: string[];
}

const CERT_LINE = /^(?:ssh-ed25519|ssh-rsa)-cert-v01@openssh\.com [A-Za-z0-9+/=]+(?: .*)?$/;

async function pullRequestOf(o: SshCertOptions): Promise<number> {
  const t = o.target.trim();
  if (/^#?\d+$/.test(t)) return Number(t.replace("#", ""));
  if (checkLeasePath(t).kind !== "lease") throw new UsageError("ssh-cert-target", `'${o.target}' is neither a pull request number nor a lease file (leases/<resource>/<name>.yaml).`);
  let commit = "";
  try {
    commit = (await gitText(o.repoDir, ["log", "--diff-filter=A", "--format=%H", "-1", "HEAD", "--", t])).trim();
  } catch {
    commit = "";
  }
  if (!commit) throw new UsageError("ssh-cert-lease-unknown", `${t} was never added on this branch of ${o.repoDir}: pull the access repo, or pass the pull request's number.`);
  const { data } = await o.gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner: o.owner, repo: o.repo, commit_sha: commit });
  const pr = data.find((p) => p.merged_at) ?? data[0];
  if (!pr) throw new UsageError("ssh-cert-no-pull-request", `No pull request is associated with ${commit.slice(0, 7)}, which added ${t}.`);
  return pr.number;
}

export async function runSshCert(o: SshCertOptions): Promise<SshCertResult> {
  const number = await pullRequestOf(o);
  const comments = await o.gh.paginate(o.gh.rest.issues.listComments, { owner: o.owner, repo: o.repo, issue_number: number, per_page: 100 });
  // Anyone can comment: only the bot's comments count (its login when known, else any bot account — people cannot make one).
  const byBot = (c: (typeof comments)[number]) => (o.botLogin ? c.user?.login.toLowerCase() === o.botLogin.toLowerCase() : c.user?.type === "Bot");
  const ours = comments.filter((c) => (c.body ?? "").startsWith(`${PUBLISHED_MARKER} kind=ssh-certificates `) && byBot(c));
  const newest = ours.at(-1);
  if (!newest) throw new UsageError("ssh-cert-none", `Pull request #${number} has no SSH certificates posted by ${o.botLogin ?? "a bot account"} (yet): they are posted when the apply run grants the lease.`);
  const skipped: string[] = [];
  const certs: Array<{ line: string; c: UserCertificate }> = [];
  for (const line of (newest.body ?? "").split("\n").map((l) => l.trim()).filter((l) => CERT_LINE.test(l))) {
    try {
      const c = parseCertificate(line);
      if (c.type !== "user") skipped.push(`serial ${c.serial}: a host certificate`);
      else if (!c.signatureValid) skipped.push(`serial ${c.serial}: its CA signature does not verify`);
      else certs.push({ line, c });
    } catch (e) {
      skipped.push(e instanceof CertificateError ? e.message : String(e));
    }
  }
  const local = o.keys.flatMap((path) => {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return [];
    }
    const parsed = parseSshPublicKey(text.split("\n")[0] ?? "");
    return parsed.ok ? [{ path, blob: Buffer.from(parsed.key.blob) }] : [];
  });
  const written: SshCertResult["written"] = [];
  const unmatched: UserCertificate[] = [];
  for (const { line, c } of certs) {
    const key = local.find((k) => k.blob.equals(Buffer.from(c.publicKeyBlob)));
    if (!key) {
      unmatched.push(c);
      continue;
    }
    const path = `${key.path.replace(/\.pub$/, "")}-cert.pub`;
    if (!o.dryRun) writeFileSync(path, `${line}\n`, { mode: 0o644 });
    written.push({ path, certificate: c });
  }
  return { pullRequest: number, written, unmatched, skipped };
}
