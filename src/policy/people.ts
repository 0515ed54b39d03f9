/**
 * People references: a login (alice), a team (@org/slug) or a policy group (group:name).
 * Membership answers are three-valued: a team that was not resolved gives "unknown",
 * never a silent yes or no.
 */
export type Tri = true | false | "unknown";

/** What the shell found out through the API. Keys are lower-cased. */
export interface Facts {
  /** "org/slug" → active member logins (lower-cased). Absent = not resolved. */
  teams: Map<string, ReadonlySet<string>>;
  /** "org/login" → is an active member of the org. Absent = not resolved. */
  orgMembers: Map<string, boolean>;
  /** login (lower-cased) → how many of their GitHub SSH keys can receive credentials. Absent = not resolved. */
  sshKeys?: Map<string, number>;
  /** org (lower-cased) → who lacks two-factor authentication, or why that could not be seen. Absent = not looked up. */
  twoFactor?: Map<string, TwoFactorFacts>;
}

/** An organization's members without two-factor authentication (lower-cased), or why the token cannot tell. */
export type TwoFactorFacts = { kind: "known"; disabled: ReadonlySet<string> } | { kind: "unknown"; why: string };

export function emptyFacts(): Facts {
  return { teams: new Map(), orgMembers: new Map() };
}

export type PersonRef =
  | { kind: "user"; login: string }
  | { kind: "team"; org: string; slug: string }
  | { kind: "group"; name: string };

export function parseRef(ref: string): PersonRef {
  if (ref.startsWith("group:")) return { kind: "group", name: ref.slice(6) };
  if (ref.startsWith("@")) {
    const [org = "", slug = ""] = ref.slice(1).split("/");
    return { kind: "team", org, slug };
  }
  return { kind: "user", login: ref };
}

export function teamKey(org: string, slug: string): string {
  return `${org}/${slug}`.toLowerCase();
}

/** Expands groups (one level: groups hold logins and teams) into direct refs, keeping order, without duplicates. */
export function expandRefs(refs: readonly string[], groups: Record<string, string[]>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    const r = parseRef(ref);
    const direct = r.kind === "group" ? (groups[r.name] ?? []) : [ref];
    for (const d of direct) {
      const key = d.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        out.push(d);
      }
    }
  }
  return out;
}

/** Teams ("org/slug", lower-cased) that answering membership in refs needs. */
export function teamsIn(refs: readonly string[], groups: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const d of expandRefs(refs, groups)) {
    const r = parseRef(d);
    if (r.kind === "team") out.push(teamKey(r.org, r.slug));
  }
  return out;
}

/** Is login one of refs? Unknown when a team it may be in was not resolved. */
export function isAmong(login: string, refs: readonly string[], groups: Record<string, string[]>, facts: Facts): Tri {
  const me = login.toLowerCase();
  let unknown = false;
  for (const d of expandRefs(refs, groups)) {
    const r = parseRef(d);
    if (r.kind === "user") {
      if (r.login.toLowerCase() === me) return true;
    } else if (r.kind === "team") {
      const members = facts.teams.get(teamKey(r.org, r.slug));
      if (!members) unknown = true;
      else if (members.has(me)) return true;
    }
  }
  return unknown ? "unknown" : false;
}

export function isOrgMember(login: string, org: string, facts: Facts): Tri {
  const v = facts.orgMembers.get(`${org}/${login}`.toLowerCase());
  return v === undefined ? "unknown" : v;
}
