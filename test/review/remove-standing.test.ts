// The review's edit of policy.yaml: only the entries due go, every other byte stays; a list
// left empty becomes []; a layout the edit cannot handle is refused, never half-edited.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { removeStanding } from "../../src/review/remove-standing.js";
import { loadPolicy } from "../../src/policy/load-policy.js";

const POLICY = `# Access policy
version: 1
admins: [carol]
reviews:
  every: 90d   # quarterly
resources:
  web:
    provider: { type: github-team, org: acme, team: web }
    roles: [member, maintainer]
    approvers: [dana]
    standing:
      # the deploy bot
      - { grantee: deploy-bot, role: member, reviewed: "2026-01-01" }
      - grantee: bob
        role: maintainer
        # kept for the migration
        reviewed: "2026-02-01"

      - grantee: cy
        role: member
    maxDuration: 4h # short
  db:
    provider: { type: github-team, org: acme, team: db }
    roles: [member]
    approvers: [dana]
    standing:
    - grantee: erin
      role: member
`;

describe("removing standing entries from policy.yaml", () => {
  it("removes one entry with its comment, and nothing else", () => {
    const r = removeStanding("policy.yaml", POLICY, [{ resource: "web", index: 0 }]);
    expect(r).toEqual({ ok: true, text: POLICY.replace('      # the deploy bot\n      - { grantee: deploy-bot, role: member, reviewed: "2026-01-01" }\n', "") });
  });
  it("removes a block entry with its inner comment, keeps the blank line and the next key", () => {
    const r = removeStanding("policy.yaml", POLICY, [{ resource: "web", index: 1 }]);
    expect(r.ok && r.text).toBe(POLICY.replace('      - grantee: bob\n        role: maintainer\n        # kept for the migration\n        reviewed: "2026-02-01"\n', ""));
    const last = removeStanding("policy.yaml", POLICY, [{ resource: "web", index: 2 }]);
    expect(last.ok && last.text).toBe(POLICY.replace("      - grantee: cy\n        role: member\n", ""));
  });
  it("an emptied list becomes standing: [] (still a valid policy); entries unindented under their key work", () => {
    const r = removeStanding("policy.yaml", POLICY, [{ resource: "db", index: 0 }, { resource: "web", index: 0 }, { resource: "web", index: 1 }, { resource: "web", index: 2 }]);
    expect(r.ok).toBe(true);
    const text = (r as { text: string }).text;
    expect(text).toContain("    standing: []\n\n    maxDuration: 4h # short\n"); // the blank line between entries stays
    expect(text.endsWith("    approvers: [dana]\n    standing: []\n")).toBe(true);
    expect(text).toContain("  every: 90d   # quarterly\n");
    expect(loadPolicy("policy.yaml", Buffer.from(text)).diagnostics).toEqual([]);
  });
  it("refuses a flow-style list and an unknown entry, proposing nothing", () => {
    const flow = POLICY.replace(/ {4}standing:\n {4}- grantee: erin\n {6}role: member\n/, "    standing: [{ grantee: erin, role: member }]\n");
    expect(removeStanding("policy.yaml", flow, [{ resource: "db", index: 0 }])).toMatchObject({ ok: false, problem: expect.stringMatching(/not a block list/) });
    expect(removeStanding("policy.yaml", POLICY, [{ resource: "db", index: 3 }])).toMatchObject({ ok: false });
    expect(removeStanding("policy.yaml", POLICY, [{ resource: "nope", index: 0 }])).toMatchObject({ ok: false });
  });
  it("any subset of entries in mixed styles: exactly those go, the rest of the text is kept line for line", () => {
    const entry = fc.record({ style: fc.constantFrom("flow", "block", "block-comment", "commented"), name: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/) });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.boolean(), (entries, drop, crlf) => {
        const items = entries.map((e, i) => {
          const g = `${e.name}${i}`;
          if (e.style === "flow") return [`      - { grantee: ${g}, role: member }`];
          if (e.style === "block") return [`      - grantee: ${g}`, `        role: member`];
          if (e.style === "block-comment") return [`      - grantee: ${g}  # why`, ``, `        # note`, `        role: member`];
          return [`      # about ${g}`, `      - grantee: ${g}`, `        role: member`];
        });
        const head = ["version: 1", "admins: [carol]", "resources:", "  web:", "    provider: { type: github-team, org: acme, team: web }", "    roles: [member]", "    approvers: [dana]", "    standing:"];
        const tail = ["    maxDuration: 4h", ""];
        const eol = crlf ? "\r\n" : "\n";
        const text = [...head, ...items.flat(), ...tail].join(eol);
        const removals = entries.map((_, i) => i).filter((i) => drop[i]).map((index) => ({ resource: "web", index }));
        const r = removeStanding("policy.yaml", text, removals);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const kept = items.filter((_, i) => !drop[i]).flat();
        const all = removals.length === entries.length;
        const want = [...head.slice(0, -1), all ? `    standing: []` : head.at(-1)!, ...kept, ...tail].join(eol);
        expect(r.text).toBe(want);
      }),
      { numRuns: 200 },
    );
  });
});
