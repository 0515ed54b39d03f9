/**
 * The example access repo is the reference users copy: it must validate cleanly, carry the
 * same schemas as the tool, and a CODEOWNERS exactly as `jit codeowners` writes it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCodeowners } from "../../src/codeowners/generate-codeowners.js";
import { runValidate } from "../../src/commands/validate.js";
import { readLeaseFiles } from "../../src/git/access-repo.js";
import { loadLease } from "../../src/lease/load-lease.js";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import { validateRepo } from "../../src/validate/validate-repo.js";
import { EXAMPLE_CODEOWNERS, EXAMPLE_POLICY, EXAMPLE_REPO, NOW, added, errors, facts, policyOf, prInput, summary, warnings } from "./support.js";

const ROOT = resolve(import.meta.dirname, "../..");

describe("examples/access-repo", () => {
  it("validates cleanly as a whole (a plain directory, not a git repo)", async () => {
    const report = await runValidate({ repo: EXAMPLE_REPO, now: NOW, policyPath: "policy.yaml" });
    expect(summary([...errors(report), ...warnings(report)])).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.files.map((f) => f.file)).toEqual([".github/CODEOWNERS", "leases/platform-admins/alice-inc-1234.yaml", "leases/prod-db-readers/bob-quarterly-report.yaml", "policy.yaml"]);
  });

  it("validates cleanly through the pure core too", async () => {
    const files = await readLeaseFiles(EXAMPLE_REPO, ":worktree");
    const report = validateRepo({ policyPath: "policy.yaml", policy: EXAMPLE_POLICY, codeowners: { path: ".github/CODEOWNERS", bytes: EXAMPLE_CODEOWNERS }, files, now: NOW });
    expect(report.ok).toBe(true);
  });

  it("each example lease would pass as a new request by its grantee", async () => {
    const files = (await readLeaseFiles(EXAMPLE_REPO, ":worktree")).filter((f) => f.path.endsWith(".yaml"));
    expect(files).toHaveLength(2);
    for (const f of files) {
      const lease = loadLease(f.path, f.bytes).lease!;
      const report = validatePullRequest(prInput([added(f.path, f.bytes)], { author: lease.grantee, facts: facts({ teams: { "acme/engineering": [lease.grantee] }, orgMembers: { [`acme/${lease.grantee}`]: true } }) }));
      expect(summary([...errors(report), ...warnings(report)]), f.path).toEqual([]);
    }
  });

  it("ships schemas byte-identical to schemas/*.json", () => {
    const names = readdirSync(join(ROOT, "schemas")).filter((n) => n.endsWith(".json")).sort();
    expect(names).toEqual(["command-reply.v1.schema.json", "command-request.v1.schema.json", "lease.v1.schema.json", "policy.v1.schema.json"]);
    expect(readdirSync(join(EXAMPLE_REPO, "schemas")).sort()).toEqual(names);
    for (const n of names) {
      expect(Buffer.compare(readFileSync(join(EXAMPLE_REPO, "schemas", n)), readFileSync(join(ROOT, "schemas", n))), n).toBe(0);
    }
  });

  it("has a CODEOWNERS equal to generateCodeowners of its policy, byte for byte", () => {
    const expected = generateCodeowners(policyOf(EXAMPLE_POLICY.toString("utf8")), "policy.yaml");
    expect(readFileSync(join(EXAMPLE_REPO, ".github/CODEOWNERS"), "utf8")).toBe(expected);
  });
});
