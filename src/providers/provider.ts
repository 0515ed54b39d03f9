/**
 * The one small interface every target system implements. The core never sees a target's
 * API: it plans with Grants, and the shell asks a Provider to list, grant, change or revoke.
 * Adding a target means adding a Provider and a policy `provider.type`, nothing in the core.
 */
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
}

/** What one provider call did, reported per item (one failure never stops the rest). */
export type GrantOutcome =
  | { status: "granted" }
  | { status: "revoked" }
  | { status: "invited"; handle?: string }
  | { status: "unchanged" }
  | { status: "failed"; code: string; message: string };

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
  /**
   * Could someone holding `role` on `held` (a resource of this provider) add grants to
   * `target` (a resource of any provider) by hand, e.g. a team maintainer adding members?
   * Such grants may be theirs, not our mistake, so the drift guard does not shield them.
   * A role whose powers the provider cannot know (a custom role) answers true.
   */
  canGrantOthers(role: string, held: Resource, target: Resource): boolean;
}

export interface Provider extends ProviderInfo {
  /** Every grant on the resource that this provider manages (direct members, collaborators...). */
  list(resource: Resource): Promise<Grant[]>;
  grant(resource: Resource, grantee: string, role: string, opts?: { expiresAt?: number }): Promise<GrantOutcome>;
  changeRole(resource: Resource, grantee: string, role: string): Promise<GrantOutcome>;
  revoke(resource: Resource, grant: Grant): Promise<GrantOutcome>;
}
