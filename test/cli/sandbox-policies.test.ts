/**
 * Issue 14: `jit sandbox --repo` plays any valid policy — the resource chosen with --resource,
 * a ticket made up to match its ticketPattern, a simulated time inside its schedule — and
 * refuses only with a precise reason. (The database leg is turned off here: see sandbox.test.ts.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSandbox } from "../../src/commands/sandbox.js";
import { ticketMatching } from "../../src/policy/ticket-example.js";
import { STACK, jit } from "./run.js";

const root = resolve(import.meta.dirname, "../..");
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the example access repo with its policy edited. */
function exampleWith(edit: (policy: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "jit-sandbox-policy-"));
  dirs.push(dir);
  cpSync(resolve(root, "examples/access-repo"), dir, { recursive: true });
  const policy = join(dir, "policy.yaml");
  writeFileSync(policy, edit(readFileSync(policy, "utf8")));
  return dir;
}

async function play(source: string, more: { resource?: string; ticket?: string } = {}) {
  let out = "";
  const ok = await runSandbox({ source, out: (s) => (out += s), importEmbeddedPostgres: false, ...more });
  return { ok, out };
}

describe("ticketMatching", () => {
  it.each([
    ["(INC|CHG)-[0-9]+", "INC-1234"],
    ["SEC-[0-9]{4}", /^SEC-\d{4}$/],
    ["[A-Z]{2,4}-\\d{3}/[a-z]+", /^[A-Z]{2,4}-\d{3}\/[a-z]+$/],
    ["REQ_(?:[0-9a-f]{8})", /^REQ_[0-9a-f]{8}$/],
    ["CASE\\.\\d+(-[A-Z])?", /^CASE\.\d+(-[A-Z])?$/],
  ])("%s", (pattern, want) => {
    const t = ticketMatching(pattern);
    if (typeof want === "string") expect(t).toBe(want);
    else expect(t).toMatch(want);
    expect(new RegExp(`^(?:${pattern})$`, "u").test(t!)).toBe(true);
  });

  it("undefined where no ticket can be built (lookarounds, backreferences)", () => {
    expect(ticketMatching("(?=.*Q)[A-Z]{3}-[0-9]{2}Q")).toBeUndefined();
    expect(ticketMatching("(a)\\1-x")).toBeUndefined();
  });
});

describe("jit sandbox plays any valid policy", () => {
  it("--resource with a schedule that excludes the default time and a ticketPattern other than INC-…", async () => {
    const source = exampleWith((p) =>
      p
        .replace("days: [mon, tue, wed, thu, fri]", "days: [sat]")
        .replace('hours: "08:00-18:00"', 'hours: "13:00-15:00"')
        .replace("    allowRequestFor: [deploy-bot]\n", "    allowRequestFor: [deploy-bot]\n    requireTicket: true\n    ticketPattern: \"SEC-[0-9]{4}\"\n"),
    );
    const { ok, out } = await play(source, { resource: "web-deployers" });
    expect(out).toMatch(/resource 'web-deployers' \(github-repo\)/);
    expect(out).toMatch(/ticket: SEC-\d{4}/);
    // Saturday 2026-11-28, 13:00 Berlin (12:00Z): the first request inside the window.
    expect(out).toMatch(/\[1\/10\] Request: .* — 2026-11-28T12:00:00Z/);
    expect(out).toMatch(/Sandbox completed/);
    expect(ok).toBe(true);
  });

  it("a resource with a ticket pattern, team requesters and two approval rules (platform-admins)", async () => {
    const { ok, out } = await play(resolve(root, "examples/access-repo"), { resource: "platform-admins" });
    expect(out).toMatch(/ticket: INC-1234/);
    expect(out).toMatch(/Sandbox completed/);
    expect(ok).toBe(true);
  });

  it("refuses only with a precise reason, before starting anything", async () => {
    const unknown = await jit(["sandbox", "--resource", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toBe("jit: --resource nope: the policy has no such resource (it has platform-admins, web-deployers, prod-db-readers, billing-auditors).\n");
    const source = exampleWith((p) => p.replace('ticketPattern: "(INC|CHG)-[0-9]+"', 'ticketPattern: "(?=.*Q)[A-Z]{3}-[0-9]{2}Q"'));
    const noTicket = await jit(["sandbox", "--repo", source, "--resource", "platform-admins"]);
    expect(noTicket.code).toBe(2);
    expect(noTicket.err).toContain("platform-admins requires a ticket matching (?=.*Q)[A-Z]{3}-[0-9]{2}Q, and the sandbox cannot make one up for that pattern: pass --ticket T.");
    const badTicket = await jit(["sandbox", "--repo", source, "--resource", "platform-admins", "--ticket", "INC-1"]);
    expect(badTicket.err).toContain("--ticket INC-1 does not match platform-admins's ticketPattern");
    const db = exampleWith((p) => `${p}\n  warehouse:\n    provider: {type: postgres, org: acme, connection: {env: JIT_PG_WAREHOUSE}, access: ephemeral, prefix: jit_}\n    roles: [warehouse]\n    approvers: [dave]\n`);
    const pg = await jit(["sandbox", "--repo", db, "--resource", "warehouse"]);
    expect(pg.err).toMatch(/--resource warehouse is a postgres resource: the sandbox's request plays GitHub resources/);
    for (const r of [unknown, noTicket, badTicket, pg]) {
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(STACK);
      expect(r.out).toBe("");
    }
  });
});
