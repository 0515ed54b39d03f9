/**
 * Delivery of the credentials a grant makes (an ephemeral login's password, a checked-out
 * account's new one) to the grantee alone: encrypted in the age format to the SSH keys GitHub
 * publishes for them (`GET /users/{login}/keys`), ASCII-armored, posted as a comment on the
 * lease's pull request. The plaintext goes nowhere else: not the repo, a log, a summary, a
 * webhook or the database's log (the provider sets SCRAM verifiers).
 *
 * - Before a grant that would make a credential: the grantee must have a usable key (ssh-ed25519
 *   or ssh-rsa) and the lease a pull request; otherwise nothing is created (refused, per item).
 * - After it: sealed and posted; when that fails, the grant is revoked at once (nobody may hold
 *   access whose credential no one can read) and the item fails; the next run tries again.
 *
 * Public artifacts a grant makes (SSH certificates, GrantOutcome.published) are posted the same
 * way but as they are, unencrypted: they are useless without the grantee's private key. The
 * lease must have a pull request; when posting fails the grant is taken back likewise.
 */
import type { GitHubClient } from "../github/client.js";
import type { Resource } from "../policy/policy.js";
import type { Grant, GrantOutcome, IssuedCredential, Provider, PublishedArtifact } from "../providers/provider.js";
import { sealToSshKeys } from "./age-ssh.js";
import { selectRecipientKeys } from "./ssh-public-key.js";

/** The marker of a credentials comment, per lease (hidden in the comment; `jit credentials` looks for it). */
export const CREDENTIALS_MARKER = "<!-- jit-access:credentials";
export const credentialsMarker = (lease: string) => `${CREDENTIALS_MARKER} lease=${encodeURIComponent(lease)} -->`;
/** The marker of a comment with a grant's public artifact (`jit ssh-cert` looks for it). */
export const PUBLISHED_MARKER = "<!-- jit-access:published";
export const publishedMarker = (kind: PublishedArtifact["kind"], lease: string) => `${PUBLISHED_MARKER} kind=${kind} lease=${encodeURIComponent(lease)} -->`;

export interface GrantAttempt {
  resource: Resource;
  provider: Provider;
  grantee: string;
  role: string;
  /** The lease behind the grant. */
  lease?: string;
  /** Its end (ms). */
  end?: number;
}

export interface CredentialDelivery {
  /** undefined: go ahead; an outcome: do not grant (why). */
  beforeGrant(a: GrantAttempt): Promise<GrantOutcome | undefined>;
  /** Delivers the credential of a grant's outcome; returns the outcome without it. */
  afterGrant(a: GrantAttempt, outcome: GrantOutcome): Promise<GrantOutcome>;
}

export interface DeliveryOptions {
  gh: GitHubClient;
  owner: string;
  repo: string;
  /** The pull request that requested a lease (from its evidence). */
  pullRequestOf(lease: string): number | undefined;
  log?: (line: string) => void;
}

const fail = (code: string, message: string): GrantOutcome => ({ status: "failed", code, message });

export function credentialDelivery(o: DeliveryOptions): CredentialDelivery {
  const keysOf = new Map<string, Promise<string[]>>();
  const publicKeys = (login: string): Promise<string[]> => {
    let p = keysOf.get(login.toLowerCase());
    if (!p) {
      p = o.gh.paginate(o.gh.rest.users.listPublicKeysForUser, { username: login, per_page: 100 }).then((keys) => keys.map((k) => k.key));
      p.catch(() => keysOf.delete(login.toLowerCase()));
      keysOf.set(login.toLowerCase(), p);
    }
    return p;
  };
  const issues = (a: GrantAttempt) => a.provider.issuesCredentials?.(a.resource) === true;
  const publishes = (a: GrantAttempt) => a.provider.publishes?.(a.resource) === true;
  const takeBack = async (a: GrantAttempt, handle: string | undefined): Promise<GrantOutcome> => {
    const grant: Grant = { resource: a.resource.id, grantee: a.grantee, role: a.role, state: "active", ...(handle ? { handle } : {}) };
    return a.provider.revoke(a.resource, grant).catch((err: Error) => fail("provider-error", err.message));
  };

  return {
    async beforeGrant(a) {
      if (!issues(a) && !publishes(a)) return undefined;
      const number = a.lease ? o.pullRequestOf(a.lease) : undefined;
      if (number === undefined) return fail("credentials-no-pull-request", `${a.grantee}'s ${issues(a) ? "credential" : "certificate"} for ${a.resource.id} has nowhere to go: the lease${a.lease ? ` ${a.lease}` : ""} has no pull request on record. Nothing was created.`);
      if (!issues(a)) return undefined;
      let lines: string[];
      try {
        lines = await publicKeys(a.grantee);
      } catch (e) {
        return fail("credentials-keys-unavailable", `cannot read ${a.grantee}'s public SSH keys from GitHub (${(e as Error).message}); nothing was created, the next run tries again.`);
      }
      if (selectRecipientKeys(lines).keys.length === 0) {
        return fail("credentials-no-key", `${a.grantee} has no ssh-ed25519 or ssh-rsa key on GitHub, so nobody could read the credential: nothing was created. Add an SSH key (GitHub → Settings → SSH and GPG keys); the next run grants.`);
      }
      return undefined;
    },

    async afterGrant(a, outcome) {
      if (outcome.status !== "granted") return outcome;
      if (outcome.published) {
        const { published, ...rest } = outcome;
        const number = a.lease ? o.pullRequestOf(a.lease) : undefined;
        try {
          if (number === undefined) throw new Error("the lease has no pull request on record");
          await o.gh.rest.issues.createComment({ owner: o.owner, repo: o.repo, issue_number: number, body: publishedBody(a, published) });
          o.log?.(`Posted ${a.grantee}'s ${published.kind} for ${a.resource.id} (${a.role}) on pull request #${number}.`);
        } catch (e) {
          // Nobody received it: take it back, and the next run grants and posts again.
          const undo = await takeBack(a, undefined);
          return fail("published-undelivered", `${a.grantee}'s ${published.kind} for ${a.resource.id} could not be posted (${(e as Error).message}); the grant was ${undo.status === "failed" ? `NOT taken back (${undo.message}) — revoke it by hand` : "taken back"}. The next run tries again.`);
        }
        outcome = rest;
      }
      if (outcome.status !== "granted" || !outcome.credential) return outcome;
      const { credential, ...bare } = outcome;
      const number = a.lease ? o.pullRequestOf(a.lease) : undefined;
      try {
        if (number === undefined) throw new Error("the lease has no pull request on record");
        const sealed = await sealToSshKeys(credentialText(a, credential), await publicKeys(a.grantee));
        await o.gh.rest.issues.createComment({ owner: o.owner, repo: o.repo, issue_number: number, body: commentBody(a, credential, sealed.armored, sealed.recipients) });
        o.log?.(`Posted ${a.grantee}'s credential for ${a.resource.id} (${a.role}) on pull request #${number}, encrypted to ${sealed.recipients.length} key(s).`);
        return bare;
      } catch (e) {
        // Nobody can read it: take the access back now rather than leave it unusable and open.
        const undo = await takeBack(a, credential.details.login);
        return fail("credentials-undelivered", `${a.grantee}'s credential for ${a.resource.id} could not be delivered (${(e as Error).message}); the grant was ${undo.status === "failed" ? `NOT taken back (${undo.message}) — revoke it by hand` : "taken back"}. The next run tries again.`);
      }
    },
  };
}

/** What the grantee reads after decrypting. */
export function credentialText(a: Pick<GrantAttempt, "resource" | "role" | "lease" | "end">, c: IssuedCredential): string {
  const d = c.details;
  const lines = [
    `jit-access credential for ${a.resource.id} (${a.role})${a.lease ? `, lease ${a.lease}` : ""}`,
    ...Object.entries(d).map(([k, v]) => `${k}: ${v}`),
    `password: ${c.secret.reveal()}`,
  ];
  if (d.host && d.login) {
    const db = d.database ? `/${encodeURIComponent(d.database)}` : "";
    lines.push(`url: postgresql://${encodeURIComponent(d.login)}:${encodeURIComponent(c.secret.reveal())}@${d.host}${d.port ? `:${d.port}` : ""}${db}`);
  }
  if (a.end !== undefined) lines.push(`valid until: ${new Date(a.end).toISOString()}`);
  return `${lines.join("\n")}\n`;
}

function commentBody(a: GrantAttempt, c: IssuedCredential, armored: string, recipients: Array<{ type: string; fingerprint: string }>): string {
  const d = c.details;
  const where = [d.login && `login \`${d.login}\``, d.host && `on \`${d.host}${d.port ? `:${d.port}` : ""}${d.database ? `/${d.database}` : ""}\``].filter(Boolean).join(" ");
  return [
    credentialsMarker(a.lease ?? ""),
    `### Credential for @${a.grantee}: ${a.resource.id} (${a.role})`,
    "",
    `${where}${a.end !== undefined ? `, valid until ${new Date(a.end).toISOString()}` : ""}. The password is encrypted to ${a.grantee}'s SSH keys on GitHub (${recipients.map((r) => `${r.type} ${r.fingerprint}`).join(", ")}); only the holder of one of those private keys can read it.`,
    "",
    "Decrypt with `jit credentials <this pull request's number>`, or save the block below and run `age -d -i ~/.ssh/id_ed25519 credential.age`.",
    "",
    "```",
    armored.trimEnd(),
    "```",
  ].join("\n");
}

function publishedBody(a: GrantAttempt, p: PublishedArtifact): string {
  const what = p.kind === "ssh-certificates" ? "SSH certificates" : p.kind;
  return [publishedMarker(p.kind, a.lease ?? ""), `### ${what} for @${a.grantee}: ${a.resource.id} (${a.role})`, "", p.summary, "", "```", p.text.trimEnd(), "```"].join("\n");
}
