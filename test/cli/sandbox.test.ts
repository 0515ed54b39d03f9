// The README's "runs the main job" command: the whole lifecycle on the embedded default.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { STACK, jit } from "./run.js";

const root = resolve(import.meta.dirname, "../..");

describe("jit sandbox", () => {
  it("plays request, validation, approvals, grant, reminder, expiry and the revocation commit", async () => {
    const r = await jit(["sandbox"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    for (let n = 1; n <= 8; n++) expect(r.out).toContain(`[${n}/8]`);
    expect(r.out).toMatch(/All 1 file\(s\) valid/);
    expect(r.out).toMatch(/approved ✅/);
    expect(r.out).toMatch(/granted {3}grant {3}prod-db-readers: sandbox-requester as member/);
    expect(r.out).toMatch(/⏰ @sandbox-requester/);
    expect(r.out).toMatch(/Jit-Reason: expired/);
    expect(r.out).toMatch(/Sandbox completed/);
  }, 60_000);

  it("npm run demo runs it from the bundle", () => {
    const r = spawnSync("node", [resolve(root, "dist/cli.js"), "sandbox"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Sandbox completed/);
    expect(r.stderr).not.toMatch(STACK);
  }, 60_000);

  it("refuses a repo without a valid policy", async () => {
    const r = await jit(["sandbox", "--repo", resolve(root, "schemas")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no valid policy\.yaml/);
  });
});
