import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { client, failure } from "./clients.js";
import type { CheckedEmulator } from "./contract-helper.js";
import { startCheckedEmulator } from "./contract-helper.js";

const ED = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGxC7J0mZK0b0zJpVXK1cMSDbzyDz1xqH6m1g3Jm0yU5";
const RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7";
const SK = "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t";

let emu: CheckedEmulator;

beforeEach(async () => {
  emu = await startCheckedEmulator({ now: () => new Date("2026-12-05T10:00:00Z"), allowAnonymous: true });
  emu.state.addOrg("acme");
  emu.state.addSshKey("alice", `${ED} alice@laptop`);
  emu.state.addSshKey("alice", RSA);
  emu.state.addSshKey("alice", SK);
  emu.state.addUser("carol");
});
afterEach(async () => {
  await emu.close();
});

describe("GET /users/{username}/keys", () => {
  test("[{ id, key }] without comments, oldest first, case-insensitive login; anyone may read them", async () => {
    const { data, status } = await client(emu.url).users.listPublicKeysForUser({ username: "ALICE" });
    expect(status).toBe(200);
    expect(data).toEqual([
      { id: 1, key: ED },
      { id: 2, key: RSA },
      { id: 3, key: SK },
    ]);
    const anonymous = await client(emu.url, null).users.listPublicKeysForUser({ username: "alice" });
    expect(anonymous.data).toEqual(data);
  });

  test("paginated like GitHub (per_page, Link header)", async () => {
    const o = client(emu.url);
    const first = await o.users.listPublicKeysForUser({ username: "alice", per_page: 2 });
    expect(first.data.map((k) => k.id)).toEqual([1, 2]);
    expect(first.headers.link).toBe(
      `<${emu.url}/users/alice/keys?per_page=2&page=2>; rel="next", <${emu.url}/users/alice/keys?per_page=2&page=2>; rel="last"`,
    );
    const all = await o.paginate(o.users.listPublicKeysForUser, { username: "alice", per_page: 1 });
    expect(all.map((k) => k.key)).toEqual([ED, RSA, SK]);
  });

  test("a user without keys has none; an organization has none; strangers and deleted users are 404", async () => {
    const o = client(emu.url);
    expect((await o.users.listPublicKeysForUser({ username: "carol" })).data).toEqual([]);
    expect((await o.users.listPublicKeysForUser({ username: "acme" })).data).toEqual([]);
    const e = await failure(o.users.listPublicKeysForUser({ username: "nobody" }));
    expect(e.status).toBe(404);
    expect(e.response?.data).toEqual({
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest/users/keys#list-public-keys-for-a-user",
      status: "404",
    });
    emu.state.deleteUser("alice");
    expect((await failure(o.users.listPublicKeysForUser({ username: "alice" }))).status).toBe(404);
  });

  test("seeding: removing a key; a key in use or a malformed line is refused", async () => {
    expect(emu.state.removeSshKey("alice", 2)).toBe(true);
    expect(emu.state.removeSshKey("carol", 1)).toBe(false);
    expect(emu.state.listSshKeys("alice").map((k) => k.id)).toEqual([1, 3]);
    expect(() => emu.state.addSshKey("carol", `${ED} other-comment`)).toThrow(/already in use/);
    expect(() => emu.state.addSshKey("carol", "ssh-ed25519")).toThrow(/not an SSH public key/);
    expect(() => emu.state.addSshKey("acme", RSA + "x")).toThrow(/organization/);
    const k = emu.state.addSshKey("carol", RSA, { createdAt: "2026-01-02T03:04:05Z" });
    expect(k).toMatchObject({ id: 4, key: RSA, createdAt: new Date("2026-01-02T03:04:05Z") });
    const { data } = await client(emu.url).users.listPublicKeysForUser({ username: "carol" });
    expect(data).toEqual([{ id: 4, key: RSA }]);
  });
});
