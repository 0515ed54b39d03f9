/**
 * The hostile corpus (test/core/corpus/*.yaml): each file is added by alice in a pull
 * request to the example access repo (at NOW, with full facts) and must be rejected with
 * its expected code at its expected line and column. Every file in the folder must have an
 * expectation here. Cases that need more than one file (a policy edited in the same pull
 * request, a symlink, traversal paths) and generated ones (a huge file) follow.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import type { FileChange } from "../../src/validate/inputs.js";
import { EXAMPLE_POLICY_TEXT, added, errors, good, leasePath, modified, prInput, summary } from "./support.js";

const CORPUS = join(import.meta.dirname, "corpus");

interface Case {
  /** Expected finding(s): "code@line:column"; a list of alternatives is written "a|b@line:column". */
  expect: string[];
  /** The folder the file is added to (default prod-db-readers). */
  folder?: string;
  /** Only these errors (default), or at least these. */
  exact?: boolean;
  /** Set when the case fails because of a bug in src/ (see the report). */
  bug?: string;
}

const CASES: Record<string, Case> = {
  "alias-bomb.yaml": { expect: ["yaml-too-many-aliases@7:8"] },
  "duplicate-grantee.yaml": { expect: ["yaml-duplicate-key@6:1"] },
  "duplicate-quoted-key.yaml": { expect: ["yaml-duplicate-key@5:1"] },
  "wrong-type-role.yaml": { expect: ["lease-schema-type@4:7"] },
  "wrong-type-breakglass.yaml": { expect: ["lease-schema-type@7:13"] },
  "wrong-type-list-grantee.yaml": { expect: ["lease-schema-type@2:10"] },
  "naive-expires.yaml": { expect: ["lease-naive-or-invalid-time@5:10"] },
  "date-only-expires.yaml": { expect: ["lease-naive-or-invalid-time@5:10"] },
  "naive-not-before.yaml": { expect: ["lease-naive-or-invalid-time@6:12"] },
  "past-expires.yaml": { expect: ["lease-expires-past@5:10"] },
  "past-not-before.yaml": { expect: ["lease-not-before-past@6:12"] },
  "overlong-duration.yaml": { expect: ["lease-duration-too-long@5:11"] },
  "overlong-window.yaml": { expect: ["lease-duration-too-long@6:10"] },
  "far-not-before.yaml": { expect: ["lease-not-before-too-far@6:12"] },
  "zero-duration.yaml": { expect: ["lease-duration-zero@5:11"] },
  "someone-else.yaml": { expect: ["lease-grantee-not-author@2:10"] },
  "unknown-field.yaml": { expect: ["lease-unknown-field@6:1"] },
  "proto-key.yaml": { expect: ["yaml-forbidden-key@7:1"] },
  "constructor-key.yaml": { expect: ["yaml-forbidden-key@7:1"] },
  "multi-document.yaml": { expect: ["yaml-multiple-documents@7:1"] },
  "custom-tag.yaml": { expect: ["yaml-unsupported-tag@4:7"] },
  "binary-tag.yaml": { expect: ["yaml-unsupported-tag@6:9"], bug: "!!binary is resolved to a Buffer (parse-yaml.ts)" },
  "timestamp-tag.yaml": { expect: ["yaml-unsupported-tag@5:10"], bug: "!!timestamp is resolved to a Date (parse-yaml.ts)" },
  "top-level-list.yaml": { expect: ["lease-schema-type@2:1"], exact: false },
  "top-level-scalar.yaml": { expect: ["lease-schema-type@2:1"], exact: false },
  "empty.yaml": { expect: ["lease-schema-type@1:1"], exact: false },
  "wrong-folder.yaml": { expect: ["lease-folder-mismatch@3:11"] },
  "role-escalation.yaml": { expect: ["lease-role-not-allowed@4:7"] },
  "unknown-resource.yaml": { expect: ["lease-unknown-resource@3:11"], folder: "org-owners" },
  "short-reason.yaml": { expect: ["lease-reason-too-short@6:9"] },
  "both-duration-expires.yaml": { expect: ["lease-duration-or-expires@6:1"] },
  "missing-role.yaml": { expect: ["lease-missing-field@2:1"] },
  "bad-grantee.yaml": { expect: ["lease-schema-format@2:10"] },
  "bad-duration.yaml": { expect: ["lease-schema-format@5:11"] },
  "spaced-duration.yaml": { expect: ["lease-schema-format@5:11"] },
  "break-glass-not-allowed.yaml": { expect: ["lease-break-glass-not-allowed@7:13"] },
  "expires-2099-space.yaml": {
    expect: ["lease-naive-or-invalid-time|lease-duration-too-long@5:10"],
    bug: "the schema accepts '2099-01-01 00:00:00Z', parseTimestamp does not, and the timing checks are skipped",
  },
  "expires-2099-offset-no-colon.yaml": {
    expect: ["lease-naive-or-invalid-time|lease-duration-too-long@5:10"],
    bug: "the schema accepts '+0000', parseTimestamp does not, and the timing checks are skipped",
  },
  // yaml-too-deep is reported where the 33rd nested collection opens.
  "deep-nesting.yaml": { expect: ["yaml-too-deep@6:41"] },
  "tab-indent.yaml": { expect: ["yaml-syntax@7:1"], exact: false },
  "merge-key.yaml": { expect: ["lease-unknown-field@2:1", "lease-unknown-field@3:1"], exact: false },
  "latin1.yaml": { expect: ["file-not-utf8@6:12"] },
};

function matches(found: string[], want: string): boolean {
  const [codes = "", pos] = want.split("@");
  return codes.split("|").some((c) => found.includes(`error:${c}@${pos}`));
}

describe("hostile corpus files", () => {
  it("every corpus file has an expectation, and every expectation a file", () => {
    expect(readdirSync(CORPUS).sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name} is rejected with ${c.expect.join(", ")}${c.bug ? " (BUG)" : ""}`, () => {
      // Regression (fixed): cases with `bug` set fail because of the bug named there (see the report).
      const path = leasePath(c.folder ?? "prod-db-readers", name);
      const report = validatePullRequest(prInput([added(path, readFileSync(join(CORPUS, name)))]));
      expect(report.ok).toBe(false);
      const found = summary(report.files.find((f) => f.file === path)?.errors ?? []);
      for (const want of c.expect) expect(matches(found, want), `${want} in ${JSON.stringify(found)}`).toBe(true);
      if (c.exact !== false) expect(found).toHaveLength(c.expect.length);
      // Nothing else in the pull request is blamed.
      expect(errors(report).every((d) => d.file === path)).toBe(true);
    });
  }
});

describe("hostile pull requests", () => {
  const lease = good("prod-db-readers");
  const cases: Array<[string, FileChange[], string, string]> = [
    ["a huge lease (100 KiB)", [added(leasePath("prod-db-readers"), lease + `# ${"x".repeat(100 * 1024)}\n`)], leasePath("prod-db-readers"), "file-too-large@1:1"],
    ["a lease padded with 64 KiB of spaces in its reason", [added(leasePath("prod-db-readers"), lease.replace('reason: "', `reason: "${" ".repeat(64 * 1024)}`))], leasePath("prod-db-readers"), "file-too-large@1:1"],
    ["the policy edited in the same pull request", [added(leasePath("prod-db-readers"), lease), modified("policy.yaml", EXAMPLE_POLICY_TEXT, EXAMPLE_POLICY_TEXT.replace("maxDuration: 1d", "maxDuration: 30d"))], "policy.yaml", "change-mixed@1:1"],
    ["CODEOWNERS edited in the same pull request", [added(leasePath("prod-db-readers"), lease), modified(".github/CODEOWNERS", "x", "* @alice\n")], ".github/CODEOWNERS", "change-mixed@1:1"],
    ["a symlinked lease", [added(leasePath("prod-db-readers"), "../../policy.yaml", "symlink")], leasePath("prod-db-readers"), "lease-symlink@1:1"],
    ["a symlink to /etc/passwd", [added(leasePath("prod-db-readers", "passwd.yaml"), "/etc/passwd", "symlink")], leasePath("prod-db-readers", "passwd.yaml"), "lease-symlink@1:1"],
    ["a traversal path into the policy", [added("leases/../policy.yaml", lease)], "leases/../policy.yaml", "lease-path-traversal@1:1"],
    ["a traversal path into CODEOWNERS", [added("leases/prod-db-readers/../../.github/CODEOWNERS", "* @mallory\n")], "leases/prod-db-readers/../../.github/CODEOWNERS", "lease-path-traversal@1:1"],
    ["a traversal path between resources", [added("leases/prod-db-readers/../platform-admins/x.yaml", lease)], "leases/prod-db-readers/../platform-admins/x.yaml", "lease-path-traversal@1:1"],
    ["a README under leases/", [added("leases/prod-db-readers/README.md", "# hi\n")], "leases/prod-db-readers/README.md", "lease-path-name@1:1"],
    ["a nested folder", [added("leases/prod-db-readers/2026/alice.yaml", lease)], "leases/prod-db-readers/2026/alice.yaml", "lease-path-layout@1:1"],
    ["a workflow under leases/", [added("leases/prod-db-readers/.github/workflows/x.yml", "on: push\n")], "leases/prod-db-readers/.github/workflows/x.yml", "lease-path-layout@1:1"],
  ];

  it.each(cases)("%s", (_name, changes, file, want) => {
    const report = validatePullRequest(prInput(changes));
    expect(report.ok).toBe(false);
    const found = summary(report.files.find((f) => f.file === file)?.errors ?? []);
    expect(found).toContain(`error:${want}`);
  });
});
