/**
 * The one small interface every target system implements. The core never sees a target's
 * API: it plans with Grants, and the shell asks a Provider to list, grant, change or revoke.
 * Adding a target means adding a Provider and a policy `provider.type`, nothing in the core.
 */
import type { Secret } from "../credentials/secret.js";
import type { Resource } from "../policy/policy.js";

/** Someone holding a role on a resource, as the target reports it. */
export interface Grant {
  resource: string;
  grantee: string;
  role: string;
  /** pending: invited but not accepted yet (GitHub org/team/repo invitations). */
  state: "active" | "pending";
  /** Target-specific handle needed to revoke, e.g. an invitation id. */
  handle?: string;
  /**
   * When the target itself ends this grant (ms): reported by providers that expire natively
   * (a login's VALID UNTIL, a certificate's end). When a lease's end moves (an extension, a
   * shorter lease), the plan renews the grant to the new end (Provider.renew).
   */
  expiresAt?: number;
}

/** What one provider call did, reported per item (one failure never stops the rest). */
export type GrantOutcome =
  | { status: "granted"; credential?: IssuedCredential; published?: PublishedArtifact }
  | { status: "revoked" }
  | { status: "invited"; handle?: string }
  | { status: "unchanged" }
  | { status: "failed"; code: string; message: string };

/**
 * A credential made for the grantee by a grant (an ephemeral login's password, a checked-out
 * account's new password). The shell delivers it to the grantee alone (encrypted to their
 * SSH keys) and drops it; the core never sees it, and `secret` prints as "[secret]".
 */
export interface IssuedCredential {
  /** What the grantee needs besides the secret, safe to show: login, host, port, database. */
  details: Record<string, string>;
  secret: Secret;
}

/**
 * Something public a grant made for the grantee (SSH certificates: useless without the
 * grantee's private key). The shell posts it as is, unencrypted, on the lease's pull request.
 */
export interface PublishedArtifact {
  kind: "ssh-certificates";
  /** Markdown: what it is, until when, how to use it. */
  summary: string;
  /** The artifact itself (certificate lines), posted in a code block. */
  text: string;
}

/** What a grant is for: the lease window's end (native expiry) and the lease behind it. */
export interface GrantOptions {
  /** When the access must end (ms): providers that can expire natively set it at the target. */
  expiresAt?: number;
  /** Lease file path(s) behind the grant, for the mark a provider leaves on what it made. */
  lease?: string;
}

export interface ProviderInfo {
  /** policy provider.type */
  type: string;
  /** Can the target expire a grant by itself (e.g. a database role with VALID UNTIL)? GitHub cannot. */
  nativeExpiry: boolean;
  /** What a revoke cannot take away, for the report (e.g. access through org base permissions). */
  limits?: string;
  /** Does a grantee hold one role at a time (team member/maintainer, repo permission) or several (org roles)? */
  singleRole: boolean;
  /** Higher is more privilege, to pick one role when two leases overlap (e.g. maintainer > member). */
  rank(role: string): number;
  /** Does a grant on this resource make a credential the grantee must receive (GrantOutcome.credential)? */
  issuesCredentials?(resource: Resource): boolean;
  /**
   * Could someone holding `role` on `held` (a resource of this provider) add grants to
   * `target` (a resource of any provider) by hand, e.g. a team maintainer adding members?
   * Such grants may be theirs, not our mistake, so the drift guard does not shield them.
   * A role whose powers the provider cannot know (a custom role) answers true.
   */
  canGrantOthers(role: string, held: Resource, target: Resource): boolean;
  /** Does a grant on this resource make a public artifact to post on the lease's pull request (GrantOutcome.published)? */
  publishes?(resource: Resource): boolean;
}

export interface Provider extends ProviderInfo {
  /** Every grant on the resource that this provider manages (direct members, collaborators...). */
  list(resource: Resource): Promise<Grant[]>;
  grant(resource: Resource, grantee: string, role: string, opts?: GrantOptions): Promise<GrantOutcome>;
  changeRole(resource: Resource, grantee: string, role: string): Promise<GrantOutcome>;
  revoke(resource: Resource, grant: Grant): Promise<GrantOutcome>;
  /**
   * Moves the end the target enforces for a grant it holds (one it lists with `expiresAt`) to
   * `opts.expiresAt`, later or earlier. "granted" when done, with a new published artifact
   * when the renewal makes one (SSH certificates for the new window); a grant that is not
   * held fails as an item. Providers whose grants report `expiresAt` implement it.
   */
  renew?(resource: Resource, grant: Grant, opts: GrantOptions & { expiresAt: number }): Promise<GrantOutcome>;
  /** Ends what the provider holds open for the run (database connections). */
  close?(): Promise<void>;
}
