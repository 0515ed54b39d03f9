/**
 * The provider contract: what every provider must do, whatever its target. Run it with a
 * subject per provider against the real target (test/providers/contract.test.ts):
 *
 *   describe("my provider", () => providerContract(() => subject));
 *
 * - list: what the provider manages, as Grants; nothing for someone never granted;
 * - grant: granted, listed, and honoured by the target (checked out of band by `holds`);
 *   repeated: unchanged, nothing made twice;
 * - a second role: alongside the first (multi-role providers) or by changeRole (single-role);
 * - revoke: revoked, no longer listed, refused by the target; repeated: unchanged;
 * - failures are per-item outcomes with a code and a message — never a throw, never a
 *   success — and the next item still works.
 */
import { expect, test } from "vitest";
import type { Resource } from "../../src/policy/policy.js";
import type { Grant, GrantOptions, GrantOutcome, Provider } from "../../src/providers/provider.js";

export interface ContractSubject {
  resource: Resource;
  /** A provider as a run makes it (call again for a new run). */
  provider(): Provider;
  /** Someone the target can serve. */
  grantee: string;
  /** Two roles of the resource. */
  roles: [string, string];
  opts?: GrantOptions;
  /** A grant the target cannot make (no account, no key…): must fail as an item. */
  failing: { grantee: string; role: string };
  /** Out of band: does the target itself let `grantee` use `role` now? */
  holds(grantee: string, role: string): Promise<boolean>;
}

const mine = (grants: Grant[], s: ContractSubject) => grants.filter((g) => g.grantee.toLowerCase() === s.grantee.toLowerCase());
const roles = (grants: Grant[], s: ContractSubject) => mine(grants, s).map((g) => g.role).sort();

function expectFailure(o: GrantOutcome): void {
  expect(o.status).toBe("failed");
  if (o.status === "failed") {
    expect(o.code).toMatch(/^[a-z0-9-]+$/);
    expect(o.message.length).toBeGreaterThan(10);
  }
}

/** Registers the contract's tests (in order: they share the target's state). */
export function providerContract(subject: () => ContractSubject): void {
  const [first, second] = [0, 1] as const;

  test("contract: list shows nothing for someone never granted", async () => {
    const s = subject();
    expect(mine(await s.provider().list(s.resource), s)).toEqual([]);
    expect(await s.holds(s.grantee, s.roles[first])).toBe(false);
  });

  test("contract: grant → granted, listed as active, honoured by the target; a repeat is unchanged and makes nothing twice", async () => {
    const s = subject();
    const p = s.provider();
    expect((await p.grant(s.resource, s.grantee, s.roles[first], s.opts)).status).toBe("granted");
    const listed = mine(await p.list(s.resource), s);
    expect(listed.map((g) => [g.resource, g.role, g.state])).toEqual([[s.resource.id, s.roles[first], "active"]]);
    expect(await s.holds(s.grantee, s.roles[first])).toBe(true);
    const again = s.provider();
    expect(await again.grant(s.resource, s.grantee, s.roles[first], s.opts)).toEqual({ status: "unchanged" });
    expect(mine(await again.list(s.resource), s)).toEqual(listed);
  });

  test("contract: a second role, alongside (multi-role) or instead (single-role, changeRole)", async () => {
    const s = subject();
    const p = s.provider();
    if (p.singleRole) {
      expect((await p.changeRole(s.resource, s.grantee, s.roles[second])).status).toBe("granted");
      expect(roles(await p.list(s.resource), s)).toEqual([s.roles[second]]);
      expect(await s.holds(s.grantee, s.roles[first])).toBe(false);
    } else {
      expect((await p.grant(s.resource, s.grantee, s.roles[second], s.opts)).status).toBe("granted");
      expect(roles(await p.list(s.resource), s)).toEqual([...s.roles].sort());
      expect(await s.holds(s.grantee, s.roles[first])).toBe(true);
    }
    expect(await s.holds(s.grantee, s.roles[second])).toBe(true);
  });

  test("contract: revoke → revoked, no longer listed, refused by the target; a repeat is unchanged", async () => {
    const s = subject();
    const p = s.provider();
    const held = mine(await p.list(s.resource), s);
    expect(held.length).toBeGreaterThan(0);
    for (const g of held) expect(await p.revoke(s.resource, g)).toEqual({ status: "revoked" });
    const after = s.provider();
    expect(mine(await after.list(s.resource), s)).toEqual([]);
    for (const role of s.roles) expect(await s.holds(s.grantee, role)).toBe(false);
    for (const g of held) expect(await after.revoke(s.resource, g)).toEqual({ status: "unchanged" });
  });

  test("contract: failures are per-item outcomes with a code and a message, never a throw; the next item still works", async () => {
    const s = subject();
    const p = s.provider();
    expectFailure(await p.grant(s.resource, s.failing.grantee, s.failing.role, s.opts));
    expectFailure(await p.grant(s.resource, s.grantee, "no-such-role-x", s.opts));
    expect((await p.grant(s.resource, s.grantee, s.roles[first], s.opts)).status).toBe("granted");
    const [g] = mine(await p.list(s.resource), s);
    expect(await p.revoke(s.resource, g!)).toEqual({ status: "revoked" });
  });
}
