/**
 * `jit credentials <pull request | lease>`: the grantee reads the credential apply posted for
 * them (an ephemeral login's password, a checked-out account's), decrypted with their own SSH
 * private key, locally. The comment holds only the age-encrypted text (to the grantee's
 * GitHub SSH keys); only comments written by a bot account are read, so a comment a person
 * posted to look like one is never taken for it.
 */
import { readFile } from "node:fs/promises";
import { CredentialError } from "../credentials/credential-error.js";
import { openWithSshKeys } from "../credentials/age-ssh.js";
import { CREDENTIALS_MARKER } from "../credentials/deliver-credentials.js";
import { parseSshPrivateKey } from "../credentials/openssh-private-key.js";
import type { SshPrivateKey } from "../credentials/openssh-private-key.js";
import { UsageError } from "../diagnostics/usage-error.js";
import { gitText } from "../git/run-git.js";
import type { GitHubClient } from "../github/client.js";

export interface CredentialsOptions {
  gh: GitHubClient;
  owner: string;
  repo: string;
  /** Access repo checkout (to find a lease's pull request from history). */
  repoDir: string;
  /** "#12", "12" or a lease path. */
  target: string;
  /** Private key files to try (OpenSSH or PEM, unencrypted). */
  identities: string[];
  /** Only comments by this login (the App's bot); default: any bot account. */
  botLogin?: string;
}

export interface OpenedCredential {
  pullRequest: number;
  lease: string;
  text: string;
}

export async function runCredentials(o: CredentialsOptions): Promise<OpenedCredential[]> {
  const keys: SshPrivateKey[] = [];
  const problems: string[] = [];
  for (const path of o.identities) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch {
      continue; // a default that does not exist
    }
    try {
      keys.push(parseSshPrivateKey(text, path));
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (keys.length === 0) throw new UsageError("credentials-no-identity", `No usable SSH private key (${o.identities.join(", ")})${problems.length ? `: ${problems.join("; ")}` : ""}. Pass --identity PATH (or use: age -d -i PATH).`);

  const number = await pullRequestOf(o);
  const leaseWanted = /^#?\d+$/.test(o.target.trim()) ? undefined : o.target.trim();
  const comments = await o.gh.paginate(o.gh.rest.issues.listComments, { owner: o.owner, repo: o.repo, issue_number: number, per_page: 100 });
  const byLease = new Map<string, string>(); // newest per lease
  for (const c of comments) {
    const body = c.body ?? "";
    const m = new RegExp(`${escapeRegExp(CREDENTIALS_MARKER)} lease=([^ ]*) -->`).exec(body);
    if (!m) continue;
    const bot = o.botLogin ? c.user?.login.toLowerCase() === o.botLogin.toLowerCase() : c.user?.type === "Bot";
    if (!bot) continue;
    const lease = decodeURIComponent(m[1] ?? "");
    if (leaseWanted && lease !== leaseWanted) continue;
    byLease.set(lease, body);
  }
  if (byLease.size === 0) throw new UsageError("credentials-none", `No credential on pull request #${number}${leaseWanted ? ` for ${leaseWanted}` : ""}: it is posted when apply grants the lease (ephemeral or checkout databases).`);
  const out: OpenedCredential[] = [];
  for (const [lease, body] of byLease) {
    try {
      out.push({ pullRequest: number, lease, text: new TextDecoder().decode(await openWithSshKeys(body, keys)) });
    } catch (e) {
      if (e instanceof CredentialError) throw new UsageError(e.code, `${lease} on #${number}: ${e.message}`);
      throw e;
    }
  }
  return out;
}

async function pullRequestOf(o: CredentialsOptions): Promise<number> {
  const t = o.target.trim();
  if (/^#?\d+$/.test(t)) return Number(t.replace("#", ""));
  // A lease: the pull request of the commit that added it on main.
  let commit = "";
  try {
    commit = (await gitText(o.repoDir, ["log", "--format=%H", "--diff-filter=A", "-1", "HEAD", "--", t])).trim();
  } catch {
    commit = "";
  }
  if (!commit) throw new UsageError("credentials-lease-unknown", `${t} was never added on this branch; pass the pull request number instead.`);
  const { data } = await o.gh.rest.repos.listPullRequestsAssociatedWithCommit({ owner: o.owner, repo: o.repo, commit_sha: commit });
  const pr = data.find((p) => p.merged_at) ?? data[0];
  if (!pr) throw new UsageError("credentials-lease-unknown", `No pull request brought ${t} (commit ${commit.slice(0, 7)}); pass the pull request number instead.`);
  return pr.number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
