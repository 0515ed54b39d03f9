import { expect, test } from "vitest";
import { useTestSshd } from "../helpers/sshd.js";

const sshd = useTestSshd();

test("a CA-signed certificate with an allowed principal runs `true`; the server logs its key id", async () => {
  await sshd.setPrincipals(["db-admin"]);
  const key = await sshd.newUserKey("alice");
  const cert = await sshd.signUserKey(key, { keyId: "lease-smoke-1", principals: ["db-admin"], serial: 1 });
  const r = await sshd.ssh(key, "true", { certificate: cert });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  expect((await sshd.ssh(key, "echo $USER", { certificate: cert })).stdout.trim()).toBe(sshd.user);
  expect(sshd.log()).toContain('ID lease-smoke-1 (serial 1)');
});

test("refused: a plain key, a wrong principal, a revoked serial", async () => {
  await sshd.setPrincipals(["db-admin"]);
  const key = await sshd.newUserKey("bob");
  expect((await sshd.ssh(key, "true")).code).toBe(255);
  const wrong = await sshd.signUserKey(key, { keyId: "lease-smoke-2", principals: ["other"], serial: 2 });
  expect((await sshd.ssh(key, "true", { certificate: wrong })).code).toBe(255);
  const good = await sshd.signUserKey(key, { keyId: "lease-smoke-3", principals: ["db-admin"], serial: 3 });
  expect((await sshd.ssh(key, "true", { certificate: good })).code).toBe(0);
  await sshd.revoke(["serial: 3"]);
  const revoked = await sshd.ssh(key, "true", { certificate: good });
  expect(revoked.code).toBe(255);
  expect(sshd.log()).toMatch(/revoked/i);
});
