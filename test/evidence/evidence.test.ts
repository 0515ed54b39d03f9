// Evidence notes are trusted only with a valid MAC for the very commit they are attached to.
import { describe, expect, it } from "vitest";
import { canonicalJson, formatNote, isTrusted, parseNote, signNote } from "../../src/evidence/evidence.js";
import type { EvidenceNote } from "../../src/evidence/evidence.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const note: EvidenceNote = { version: 1, leases: [{ lease: "leases/db/x.yaml", blob: "c".repeat(40), verdict: "approved", approvals: [], policyCommit: A, findings: [], verifiedAt: "2026-11-24T09:00:00Z" }] };

describe("evidence notes", () => {
  it("trusts a note signed with the key, for its commit", () => {
    expect(isTrusted(signNote(note, A, "k"), A, "k")).toBe(true);
  });
  it("distrusts unsigned notes, other keys, other commits and edited content", () => {
    expect(isTrusted(note, A, "k")).toBe(false);
    expect(isTrusted(signNote(note, A, "other"), A, "k")).toBe(false);
    expect(isTrusted(signNote(note, A, "k"), B, "k")).toBe(false); // moved to another commit
    const signed = signNote(note, A, "k");
    const edited = { ...signed, leases: [{ ...signed.leases[0]!, verdict: "rejected" as const }] };
    expect(isTrusted(edited, A, "k")).toBe(false);
    expect(isTrusted(signNote(note, A, "k"), A, undefined)).toBe(false); // no key configured: never trusted
    expect(isTrusted({ ...signed, mac: "zz" }, A, "k")).toBe(false);
  });
  it("signs key-order independently and parses only v1 notes", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(parseNote("not json")).toBeUndefined();
    expect(parseNote('{"version":2,"leases":[]}')).toBeUndefined();
  });
  it("gives the same canonical text whether or not the keys already come sorted", () => {
    // Sorted input takes the native serializer; each case here must not change the text.
    const cases: Array<[unknown, string]> = [
      [{ a: 1, b: { c: "x", d: [1, "2", null, true] } }, '{"a":1,"b":{"c":"x","d":[1,"2",null,true]}}'],
      [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
      [{ "10": 1, "9": 2 }, '{"10":1,"9":2}'], // integer-like keys: objects order them numerically
      [{ a: undefined, b: 1 }, '{"b":1}'],
      [{ a: [1, undefined, 2] }, '{"a":[1,,2]}'],
      [{ a: new Date(0) }, '{"a":{}}'],
      [{ "a\"b": "\u2028\n" }, '{"a\\"b":"\u2028\\n"}'],
      [[{ y: 1, x: 2 }, "s"], '[{"x":2,"y":1},"s"]'],
    ];
    for (const [value, text] of cases) expect(canonicalJson(value)).toBe(text);
  });
  it("writes notes in canonical key order, so they read back with the same MAC", () => {
    const signed = signNote({ ...note, grants: [{ lease: "leases/db/x.yaml", resource: "db", grantee: "u", role: "r", status: "granted", at: "2026-11-24T09:00:00Z" }] }, A, "k");
    const text = formatNote(signed);
    expect(text.endsWith("}\n")).toBe(true);
    const back = parseNote(text)!;
    expect(Object.keys(back)).toEqual(["grants", "leases", "mac", "version"]);
    expect(isTrusted(back, A, "k")).toBe(true);
    expect(canonicalJson(back)).toBe(canonicalJson(signed));
  });
});
