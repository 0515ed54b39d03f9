// The doctor's reading of workflow files: pinned or not, which secrets each job uses and where,
// which jit-access commands run; any text, however hostile, is a finding and never a crash.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanWorkflows, unpinnedRef } from "../../src/doctor/workflows.js";

describe("unpinnedRef", () => {
  it("a full sha or a release tag is pinned; a branch, a short sha or no ref is not; local and docker actions are out of scope", () => {
    for (const u of [`actions/checkout@${"0123456789abcdef0123456789abcdef01234567"}`, "actions/checkout@v5", "o/jit-access@v0.1.0", "o/r/sub/dir@1.2.3", "o/r@v2.0.0-rc.1", "./local", "docker://alpine:3"]) expect(unpinnedRef(u), u).toBeUndefined();
    expect(unpinnedRef("o/jit-access@main")).toBe("main");
    expect(unpinnedRef("o/r@master")).toBe("master");
    expect(unpinnedRef("o/r@release/v1")).toBe("release/v1");
    expect(unpinnedRef("o/r@0123abc")).toBe("0123abc");
    expect(unpinnedRef("o/r")).toBe("(no ref)");
  });

  it("never calls a ref with a letter outside a version pinned, unless it is a 40-hex sha", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9/_-]{0,20}$/), (ref) => {
        fc.pre(!/^v\d/.test(ref));
        expect(unpinnedRef(`o/r@${ref}`)).toBe(ref);
      }),
    );
  });
});

describe("scanWorkflows", () => {
  it("finds each job's secrets with its environment, the jit-access commands and every uses:", () => {
    const scan = scanWorkflows([
      {
        path: ".github/workflows/apply.yml",
        text: `on: push
jobs:
  apply:
    environment: jit-access
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with: { token: "\${{ secrets.GITHUB_TOKEN }}" }
      - uses: acme/jit-access@v1
        with:
          command: apply
          evidence-key: \${{ secrets.jit_evidence_key }}
  other:
    environment: { name: prod }
    uses: acme/shared/.github/workflows/x.yml@main
    secrets:
      k: \${{ secrets.OTHER }}
`,
      },
      { path: ".github/workflows/broken.yml", text: "jobs: [unclosed" },
    ]);
    expect(scan.secrets).toEqual([
      { secret: "JIT_EVIDENCE_KEY", workflow: ".github/workflows/apply.yml", job: "apply", environment: "jit-access" },
      { secret: "OTHER", workflow: ".github/workflows/apply.yml", job: "other", environment: "prod" },
    ]);
    expect([...scan.commands]).toEqual([["apply", [".github/workflows/apply.yml"]]]);
    expect(scan.uses.map((u) => u.uses)).toEqual(["actions/checkout@v5", "acme/jit-access@v1", "acme/shared/.github/workflows/x.yml@main"]);
    expect(scan.broken).toEqual([".github/workflows/broken.yml"]);
  });

  it("any text is scanned without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom("", "jobs:\n  a:\n    steps:\n      - uses: "), (text, prefix) => {
        const scan = scanWorkflows([{ path: "w.yml", text: prefix + text }]);
        for (const u of scan.uses) unpinnedRef(u.uses);
        expect(scan.broken.length).toBeLessThanOrEqual(1);
      }),
    );
  });
});
