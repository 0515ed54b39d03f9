/**
 * The GitHub App's permissions, as README ("Setting up an access repo", step 4) lists them:
 * fewer (or a lower level) fails, more is a warning (an App token that can do more than
 * jit-access needs is a bigger prize). `metadata: read` is granted to every App.
 */
import { check } from "./check.js";
import type { DoctorCheck } from "./check.js";

export type Level = "read" | "write" | "admin";
const RANK: Record<string, number> = { read: 1, write: 2, admin: 3 };

/** README's list; keep both in step. */
export const APP_PERMISSIONS: Record<string, Level> = {
  members: "write", // organization Members: teams, team memberships, organization role assignments
  organization_administration: "read", // organization roles
  administration: "write", // repository collaborators and invitations
  contents: "write", // evidence notes, revocation commits, the request form's branch
  pull_requests: "write", // reviews, comments, the request form's pull request
};
/** Needed only when: */
export const TIMER_PERMISSION: Record<string, Level> = { actions: "write" }; // a resource uses revocation: timer
export const AUDIT_ISSUE_PERMISSION: Record<string, Level> = { issues: "write" }; // the audit workflow opens an issue

export function appPermissionCheck(o: { app: string; org: string; installed: Record<string, string> | undefined; timer: boolean; auditIssue: boolean }): DoctorCheck {
  const title = `the ${o.app} App is installed on ${o.org} with exactly the permissions jit-access needs`;
  if (!o.installed) {
    return check("app", title, "fail", [`${o.app} is not installed on ${o.org}.`], `Install the App on the organization: https://github.com/apps/${o.app}/installations/new (or create it first: README, "Setting up an access repo", step 4).`);
  }
  const needed: Record<string, Level> = { ...APP_PERMISSIONS, ...(o.timer ? TIMER_PERMISSION : {}), ...(o.auditIssue ? AUDIT_ISSUE_PERMISSION : {}) };
  const details: string[] = [];
  const lacking: string[] = [];
  const extra: string[] = [];
  for (const [name, level] of Object.entries(needed)) {
    const has = o.installed[name];
    if (!has || (RANK[has] ?? 0) < RANK[level]!) {
      lacking.push(`${name}: ${level}`);
      details.push(`✗ ${name}: ${has ?? "none"} (needs ${level})`);
    } else if ((RANK[has] ?? 0) > RANK[level]!) {
      extra.push(`${name}: ${has} (needs only ${level})`);
      details.push(`! ${name}: ${has} (needs only ${level})`);
    } else details.push(`✓ ${name}: ${has}`);
  }
  for (const [name, has] of Object.entries(o.installed)) {
    if (name in needed || (name === "metadata" && has === "read")) continue;
    extra.push(`${name}: ${has}`);
    details.push(`! ${name}: ${has} (not needed)`);
  }
  const settings = `https://github.com/organizations/${o.org}/settings/apps/${o.app}/permissions`;
  if (lacking.length) return check("app", title, "fail", details, `Give the App ${lacking.join(", ")} at ${settings}, then accept the new permissions on the installation.`);
  if (extra.length) return check("app", title, "warn", details, `Remove what jit-access does not need (${extra.join(", ")}) at ${settings}.`);
  return check("app", title, "pass", details);
}
