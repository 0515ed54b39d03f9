import fc from "fast-check";
import { afterEach, describe, expect, test } from "vitest";
import { setTwoFactor } from "../../src/emulator/index.js";
import { createClient } from "../../src/github/client.js";
import { ResponseCache, useConditionalRequests } from "../../src/github/conditional-requests.js";
import { decodeState, encodeState } from "../../src/git/reconcile-state.js";
import type { ReconcileState } from "../../src/git/reconcile-state.js";
import type { CheckedEmulator } from "../emulator/contract-helper.js";
import { startCheckedEmulator } from "../emulator/contract-helper.js";

let emu: CheckedEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

const NOW = Date.parse("2026-11-25T12:00:00Z");

async function start(opts: Parameters<typeof startCheckedEmulator>[0] = {}): Promise<CheckedEmulator> {
  emu = await startCheckedEmulator({ now: () => new Date(NOW), ...opts });
  emu.state.addOrg("acme");
  emu.state.addTeam("acme", "sre");
  emu.state.addTeamMember("acme", "sre", "alice");
  return emu;
}

function cachedClient(e: CheckedEmulator, cache: ResponseCache) {
  const gh = createClient({ token: "test-token", baseUrl: e.url, spaceWrites: false });
  useConditionalRequests(gh, cache, NOW);
  return gh;
}
const members = (gh: ReturnType<typeof createClient>) => gh.paginate(gh.rest.teams.listMembersInOrg, { org: "acme", team_slug: "sre", per_page: 100 }).then((l) => l.map((m) => m.login));

describe("emulator: conditional requests and rate-limit counting", () => {
  test("an authorised 304 does not count against the primary limit; an anonymous one does", async () => {
    const e = await start({ allowAnonymous: true, rateLimit: { limit: 100 } });
    const first = await fetch(`${e.url}/orgs/acme/teams/sre/members`, { headers: { authorization: "token test-token" } });
    const etag = first.headers.get("etag")!;
    expect(first.headers.get("x-ratelimit-used")).toBe("1");
    const again = await fetch(`${e.url}/orgs/acme/teams/sre/members`, { headers: { authorization: "token test-token", "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("x-ratelimit-used")).toBe("1");
    const anon1 = await fetch(`${e.url}/orgs/acme`);
    const anon2 = await fetch(`${e.url}/orgs/acme`, { headers: { "if-none-match": anon1.headers.get("etag")! } });
    expect(anon2.status).toBe(304);
    expect(anon2.headers.get("x-ratelimit-used")).toBe("2");
  });

  test("secondary limit in points: a GET is one point, a write five, 304s included", async () => {
    const e = await start({ secondary: { maxRequests: 7, windowMs: 60_000, writePoints: 5, now: () => new Date(NOW) } });
    const auth = { authorization: "token test-token" };
    const a = await fetch(`${e.url}/orgs/acme/teams/sre/members`, { headers: auth });
    const b = await fetch(`${e.url}/orgs/acme/teams/sre/members`, { headers: { ...auth, "if-none-match": a.headers.get("etag")! } });
    expect(b.status).toBe(304);
    const put = await fetch(`${e.url}/orgs/acme/teams/sre/memberships/alice`, { method: "PUT", headers: auth, body: JSON.stringify({ role: "member" }) });
    expect(put.status).toBe(200); // 1 + 1 + 5 = 7 points
    const over = await fetch(`${e.url}/orgs/acme`, { headers: auth });
    expect(over.status).toBe(403);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});

describe("client: conditional list requests", () => {
  test("a page seen before is revalidated: 304 (not counted) gives the same list; a change is fetched", async () => {
    const e = await start();
    const cache = new ResponseCache();
    expect(await members(cachedClient(e, cache))).toEqual(["alice"]);
    e.resetLog();
    expect(await members(cachedClient(e, cache))).toEqual(["alice"]);
    expect(e.requests.map((r) => r.status)).toEqual([304]);
    expect(cache.stats.notModified).toBe(1);
    e.state.addTeamMember("acme", "sre", "mallory"); // added by hand
    e.resetLog();
    expect(await members(cachedClient(e, cache))).toEqual(["alice", "mallory"]);
    expect(e.requests.map((r) => r.status)).toEqual([200]);
  });

  test("a cache that lies (a body that is not what its ETag stands for, or a made-up ETag) cannot hide a member", async () => {
    const e = await start();
    e.state.addTeamMember("acme", "sre", "mallory");
    const cache = new ResponseCache();
    await members(cachedClient(e, cache));
    const key = [...cache.entries.keys()][0]!;
    // A made-up ETag: GitHub does not confirm it, the real page comes back.
    cache.entries.set(key, { etag: 'W/"made-up"', body: [], seen: NOW });
    expect(await members(cachedClient(e, cache))).toEqual(["alice", "mallory"]);
    // The real ETag with a forged body can only come from a stored state whose MAC verifies:
    // forged, it is refused as a whole (the run lists everything).
    const state: ReconcileState = { head: "a".repeat(40), dueSince: NOW, listed: {}, retry: [], cache: [[key, { etag: cache.entries.get(key)!.etag, body: [], seen: NOW }]] };
    const stored = JSON.parse(encodeState(state, "key", "acme/access")) as { mac: string; text: string };
    const forged = JSON.stringify({ mac: stored.mac, text: stored.text.replace('"retry":[]', '"retry":[ ]') });
    expect(decodeState(forged, "key", "acme/access")).toEqual({ why: "its signature does not verify" });
  });

  test("a full page without a next link is fetched in full (a 304 could hide a new last page)", async () => {
    const e = await start();
    for (let i = 0; i < 2; i++) e.state.addTeamMember("acme", "sre", `user${i}`);
    const cache = new ResponseCache();
    const gh = cachedClient(e, cache);
    const list = () => gh.paginate(gh.rest.teams.listMembersInOrg, { org: "acme", team_slug: "sre", per_page: 3 }).then((l) => l.map((m) => m.login));
    expect(await list()).toHaveLength(3);
    e.state.addTeamMember("acme", "sre", "zed");
    e.resetLog();
    expect(await list()).toEqual(expect.arrayContaining(["zed"]));
    expect(e.requests.every((r) => r.status === 200)).toBe(true);
  });

  test("the two-factor lists are revalidated too: a member or outside collaborator who turns 2FA off is seen at once", async () => {
    const e = await start();
    e.state.addOrgMember("acme", "alice");
    e.state.addRepo("acme", "web");
    e.state.addCollaborator("acme", "web", "oscar");
    const cache = new ResponseCache();
    const lists = async () => {
      const gh = cachedClient(e, cache);
      const m = await gh.paginate(gh.rest.orgs.listMembers, { org: "acme", filter: "2fa_disabled", per_page: 100 });
      const o = await gh.paginate(gh.rest.orgs.listOutsideCollaborators, { org: "acme", filter: "2fa_disabled", per_page: 100 });
      return [...m, ...o].map((u) => u.login);
    };
    expect(await lists()).toEqual([]);
    e.resetLog();
    expect(await lists()).toEqual([]);
    expect(e.requests.map((r) => r.status)).toEqual([304, 304]);
    setTwoFactor(e.state, "alice", false);
    setTwoFactor(e.state, "oscar", false);
    e.resetLog();
    expect(await lists()).toEqual(["alice", "oscar"]);
    expect(e.requests.map((r) => r.status)).toEqual([200, 200]);
  });

  test("writes and other reads are not cached", async () => {
    const e = await start();
    const cache = new ResponseCache();
    const gh = cachedClient(e, cache);
    await gh.rest.orgs.get({ org: "acme" });
    await gh.rest.orgs.get({ org: "acme" });
    await gh.rest.teams.addOrUpdateMembershipForUserInOrg({ org: "acme", team_slug: "sre", username: "alice", role: "maintainer" });
    expect(cache.entries.size).toBe(0);
    expect(cache.stats.conditional).toBe(0);
  });
});

describe("refs/jit/state: signed, checked, never trusted otherwise", () => {
  const state: ReconcileState = { head: "b".repeat(40), dueSince: NOW, listed: { sre: NOW }, retry: ["x"], cache: [["/orgs/acme/teams/sre/members?per_page=100", { etag: 'W/"1"', body: [{ login: "alice" }], seen: NOW }]], driftBound: 30 * 60_000 };

  test("round trip; another repository's, a missing key or a wrong key: no state", () => {
    const stored = encodeState(state, "key", "acme/access");
    expect(decodeState(stored, "key", "acme/access")).toEqual({ state });
    expect(decodeState(stored, "key", "acme/other")).toEqual({ why: "its signature does not verify" });
    expect(decodeState(stored, undefined, "acme/access")).toEqual({ why: "no evidence key to check it with" });
    expect(decodeState(stored, "other", "acme/access")).toEqual({ why: "its signature does not verify" });
  });

  test("property: any text pushed to the ref reads as a state or as none, never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ mac: "0".repeat(64), text: JSON.stringify(v) }))), (text) => {
        const r = decodeState(text, "key", "acme/access");
        expect("state" in r || "why" in r).toBe(true);
      }),
    );
    // Signed but malformed (a bug, or an old format): refused, never used half-read.
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (entry, listed) => {
        const r = decodeState(encodeState({ ...state, cache: [entry], listed } as never, "key", "acme/access"), "key", "acme/access");
        if ("state" in r) {
          for (const [k, p] of r.state.cache) expect(typeof k === "string" && typeof p.etag === "string").toBe(true);
          for (const t of Object.values(r.state.listed)) expect(Number.isSafeInteger(t)).toBe(true);
        }
      }),
    );
  });
});
