// The README's "runs the main job" command: the whole lifecycle on the embedded default.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { STACK, jit } from "./run.js";

const root = resolve(import.meta.dirname, "../..");

describe("jit sandbox", () => {
  it("plays request, validation, approvals, grant, reminder, an extension, expiry and the revocation commit", async () => {
    const r = await jit(["sandbox"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    for (let n = 1; n <= 10; n++) expect(r.out).toContain(`[${n}/10]`);
    const phase = (n: number) => r.out.slice(r.out.indexOf(`[${n}/10]`), n < 10 ? r.out.indexOf(`[${n + 1}/10]`) : undefined);
    expect(phase(2)).toMatch(/All 1 file\(s\) valid/);
    expect(phase(3)).toMatch(/approved ✅/);
    expect(phase(4)).toMatch(/granted {3}grant {3}prod-db-readers: sandbox-requester as member/);
    expect(phase(5)).toMatch(/⏰ @sandbox-requester/);
    // The grant runs 09:00–11:00; after the reminder the grantee extends it by an hour.
    expect(phase(4)).toContain("— 2026-11-24T09:00:00Z");
    expect(phase(6)).toMatch(/Extension: .* — 2026-11-24T10:42:00Z/);
    expect(phase(6)).toMatch(/changed leases\/prod-db-readers\/[\w.-]+\.yaml: duration 120m → 180m \(ends 2026-11-24T12:00:00Z instead of 2026-11-24T11:00:00Z\)/);
    expect(phase(6)).toMatch(/opened pull request #2/);
    expect(phase(6)).toMatch(/All 1 file\(s\) valid/);
    expect(phase(6)).toMatch(/— extension: ok/);
    expect(phase(6)).toMatch(/approved ✅/);
    // Merged and applied: the new expiry, no revoke, no gap; the extension's evidence.
    expect(phase(7)).toMatch(/Plan at 2026-11-24T10:50:00Z: 0 to grant, 0 to change, 0 to revoke, \d+ unchanged\./);
    expect(phase(7)).toMatch(/now ends at 2026-11-24T12:00:00Z \(was 2026-11-24T11:00:00Z\); access held throughout, no gap/);
    expect(phase(7)).toMatch(/extension approved by @approver-1-1/);
    // The sweep after the original end keeps the grant; the one after the new end revokes.
    expect(phase(8)).toMatch(/before the new end: the grant stays — 2026-11-24T11:03:00Z/);
    expect(phase(8)).toMatch(/0 lease\(s\) expired; access still held/);
    expect(phase(9)).toMatch(/— 2026-11-24T12:03:00Z/);
    expect(phase(9)).toMatch(/revoked {3}revoke {2}prod-db-readers: sandbox-requester as member/);
    expect(phase(9)).toMatch(/Jit-Reason: expired/);
    expect(phase(9)).toMatch(/Jit-Expired-At: 2026-11-24T12:00:00Z/);
    expect(phase(10)).toMatch(/Merge pull request #2/);
    expect(phase(10)).toMatch(/1 lease\(s\), 0 finding\(s\)\./);
    expect(phase(10)).toMatch(/prod-db-readers +sandbox-requester +member +2026-11-24T09:00:00Z +2026-11-24T12:03:00Z +ended +expired +#1 +approver-1-1/);
    expect(phase(10)).toMatch(/extended +@sandbox-requester end moved from 2026-11-24T11:00:00Z to 2026-11-24T12:00:00Z by PR #2/);
    expect(phase(10)).toMatch(/2026-11-24T12:03:00Z +revoked +expired/);
    expect(r.out).toMatch(/Sandbox completed: granted on merge, extended with no gap, revoked on time/);
  });

  it("skips the extension where the policy allows none, and still plays the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jit-sandbox-src-"));
    try {
      cpSync(resolve(root, "examples/access-repo"), dir, { recursive: true });
      const policy = join(dir, "policy.yaml");
      writeFileSync(policy, readFileSync(policy, "utf8").replace("maxExtensions: 1", "maxExtensions: 0"));
      const r = await jit(["sandbox", "--repo", dir]);
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/\[6\/10\] Extension.*\n {2}\(skipped: prod-db-readers allows no extension \(maxExtensions: 0\)\)/);
      expect(r.out).toMatch(/\[8\/10\] Expiry sweep before the end: nothing to do — 2026-11-24T10:58:00Z/);
      expect(r.out).toMatch(/Jit-Expired-At: 2026-11-24T11:00:00Z/);
      expect(r.out).toMatch(/Sandbox completed: granted on merge, revoked on time/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("npm run demo runs it from the bundle", () => {
    const r = spawnSync("node", [resolve(root, "dist/cli.js"), "sandbox"], { cwd: root, encoding: "utf8", timeout: 600_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Sandbox completed/);
    expect(r.stderr).not.toMatch(STACK);
  });

  it("refuses a repo without a valid policy", async () => {
    const r = await jit(["sandbox", "--repo", resolve(root, "schemas")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no valid policy\.yaml/);
  });
});
