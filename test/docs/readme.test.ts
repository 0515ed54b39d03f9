// README's generated sections are generated from their sources (npm run docs), every field of
// the policy schema is described, every rule code reported in src/ is in the registry, and
// README's internal links land on a heading.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { ActionYml, Schema } from "../../scripts/readme-sections.js";
import { actionInputs, actionOutputs, anchorOf, contents, generatedSections, policyFields, renderReadme, staleSections } from "../../scripts/readme-sections.js";
import { RULE_CODE_SECTIONS, allRuleCodes } from "../../src/diagnostics/rule-codes.js";

const ROOT = resolve(import.meta.dirname, "../..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");
const read = (p: string) => readFileSync(join(ROOT, p), "utf8");

describe("README's generated sections", () => {
  it("are up to date with their sources (run npm run docs)", () => {
    expect(staleSections(README, generatedSections(ROOT, README)), "README is stale in these sections: run npm run docs and commit README.md").toEqual([]);
  });

  it("are each present once, between their markers", () => {
    for (const name of Object.keys(generatedSections(ROOT, README))) {
      expect(README.split(`<!-- generated:${name} -->`).length - 1, name).toBe(1);
    }
  });

  it("a stale table is detected, and regenerating fixes it", () => {
    const sections = generatedSections(ROOT, README);
    const stale = README.replace(/\| `remindBefore` \|[^\n]*\n/, "");
    expect(stale).not.toBe(README);
    expect(staleSections(stale, sections)).toEqual(["policy-fields"]);
    expect(renderReadme(stale, sections)).toBe(README);
  });

  it("pick up a field, an input or an output added to the sources", () => {
    const schema = JSON.parse(read("schemas/policy.v1.schema.json")) as Schema;
    schema.definitions!.settings!.properties!.newSetting = { description: "A setting added later.", type: "boolean" };
    schema.definitions!.resource!.properties!.newSetting = { $ref: "#/definitions/settings/properties/newSetting" };
    expect(policyFields(schema)).toMatch(/\| `newSetting` \| boolean \| \*setting\* \| A setting added later\. \|/);
    const action = parse(read("action.yml")) as Required<ActionYml>;
    action.inputs["new-input"] = { description: "An input added later.", required: false, default: "x" };
    action.outputs["new-output"] = { description: "An output added later." };
    expect(actionInputs(action)).toContain("| `new-input` |  | `x` | An input added later. |");
    expect(actionOutputs(action)).toContain("| `new-output` | An output added later. |");
  });

  it("list every input and output of action.yml, and every rule code of the registry", () => {
    const sections = generatedSections(ROOT, README);
    expect(sections["action-inputs"]).toContain("`evidence-key`");
    expect(sections["action-outputs"]).toContain("`pull-request-url`");
    for (const c of allRuleCodes()) expect(sections["rule-codes"], c).toContain(`\`${c}\``);
  });

  it("say none of the stale things the first users met", () => {
    for (const stale of ["next milestone", "expiry milestone", "validate the bundled example access repo", "(apply, expire and audit follow)"]) {
      expect(README, stale).not.toContain(stale);
      expect(read("action.yml"), stale).not.toContain(stale);
    }
  });
});

describe("the lease and policy schemas", () => {
  it.each(["policy", "lease"])("%s: describes every field (README's tables and editors show the descriptions)", (kind) => {
    type Node = Record<string, unknown> & { properties?: Record<string, Node>; items?: Node; additionalProperties?: unknown; definitions?: Record<string, Node>; description?: string; $ref?: string };
    const schema = JSON.parse(read(`schemas/${kind}.v1.schema.json`)) as Node;
    const missing: string[] = [];
    const walk = (node: Node, path: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        // a property that only points at another property takes its description from there
        const inherits = typeof child.$ref === "string" && child.$ref.includes("/properties/");
        if (!child.description && !inherits) missing.push(`${path}.${key}`);
        walk(child, `${path}.${key}`);
      }
      if (node.items && typeof node.items === "object") walk(node.items, `${path}[]`);
      if (node.additionalProperties && typeof node.additionalProperties === "object") walk(node.additionalProperties as Node, `${path}.*`);
      for (const [name, def] of Object.entries(node.definitions ?? {})) walk(def, `#/definitions/${name}`);
    };
    walk(schema, "");
    expect(missing, `give these fields a description in schemas/${kind}.v1.schema.json`).toEqual([]);
  });
});

describe("the rule-code registry", () => {
  const registered = new Set(allRuleCodes());
  const families = allRuleCodes().filter((c) => c.endsWith("*")).map((c) => c.slice(0, -1));
  const known = (c: string) => registered.has(c) || families.some((f) => c.startsWith(f));

  function sources(dir: string): string[] {
    return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
      .filter((d) => d.isFile() && d.name.endsWith(".ts"))
      .map((d) => join(d.parentPath, d.name))
      .filter((f) => !/[/\\](emulator|generated)[/\\]/.test(f) && !f.endsWith("rule-codes.ts"));
  }

  it("lists each code once", () => {
    const all = allRuleCodes();
    const twice = all.filter((c, i) => all.indexOf(c) !== i);
    // policy-unverified, policy-invalid and note-unreadable are reported both by runs and the audit
    expect(twice.sort()).toEqual(["note-unreadable", "policy-invalid", "policy-unverified"]);
    for (const s of RULE_CODE_SECTIONS) expect(new Set(s.rules.flatMap((r) => r.codes)).size, s.id).toBe(s.rules.flatMap((r) => r.codes).length);
  });

  it("has every finding code that src/ reports (usage errors, exit code 2, are not findings)", () => {
    const text = sources("src").map((f) => readFileSync(f, "utf8")).join("\n");
    // jit credentials turns a CredentialError into a usage error
    const usage = new Set([...text.matchAll(/(?:UsageError|CredentialError)\(\s*"([a-z0-9-]+)"/g)].map((m) => m[1]!));
    // Codes take these shapes; other strings of the same shape are not codes.
    const shaped = /["'`]((?:file|yaml|lease|policy|request|codeowners|check|change|break-glass|note|unapproved|changed|history|longer|evidence|standing|verification|credentials)-[a-z0-9-]+)["'`]/g;
    const notCodes = new Set(["change-role", "evidence-key", "policy-path", "legacy-note", "request-form", "request-db"]);
    const found = [...new Set([...text.matchAll(shaped)].map((m) => m[1]!))].filter((c) => !usage.has(c) && !notCodes.has(c));
    expect(found.filter((c) => !known(c)), "add these codes to src/diagnostics/rule-codes.ts (then npm run docs)").toEqual([]);
  });

  it("lists no code that src/ never reports", () => {
    const text = sources("src").map((f) => readFileSync(f, "utf8")).join("\n");
    // Schema codes are made as `${kind}-unknown-field` and the like.
    const dynamic = /^(lease|policy)-(unknown-field|missing-field|schema-.*)$/;
    const unused = allRuleCodes().filter((c) => !c.endsWith("*") && !dynamic.test(c) && !text.includes(`"${c}"`) && !text.includes(`'${c}'`));
    expect(unused).toEqual([]);
  });
});

describe("README's links", () => {
  it("every #anchor names a heading", () => {
    const anchors = new Set<string>();
    let fence = false;
    for (const line of README.split("\n")) {
      if (line.startsWith("```")) fence = !fence;
      const m = fence ? null : /^#{1,6} (.+)$/.exec(line);
      if (m) anchors.add(anchorOf(m[1]!));
    }
    const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });

  it("the contents list every section", () => {
    expect(contents(README)).toContain("- [Quick start](#quick-start)");
    expect(contents(README)).toContain("  - [Rule codes](#rule-codes)");
  });
});
