// Evidence notes are trusted only with a valid MAC for the very commit they are attached to.
import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { canonicalJson, formatNote, isTrusted, noteSigner, noteTrust, parseNote, signNote } from "../../src/evidence/evidence.js";
import type { EvidenceNote } from "../../src/evidence/evidence.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const note: EvidenceNote = { version: 1, leases: [{ lease: "leases/db/x.yaml", blob: "c".repeat(40), verdict: "approved", approvals: [], policyCommit: A, findings: [], verifiedAt: "2026-11-24T09:00:00Z" }] };

const here = (key: string | undefined = "k") => noteSigner("acme", "access", key);
const elsewhere = (key = "k") => noteSigner("acme", "access-eu", key);

/** A note signed as jit-access signed them before notes named their repository (the MAC covered only the object and the body). */
function legacySigned(n: EvidenceNote, object: string, key: string): EvidenceNote {
  const { mac: _drop, repository: _none, ...body } = n;
  return { ...body, mac: createHmac("sha256", key).update(`${object}\n${canonicalJson(body)}`).digest("hex") };
}

describe("evidence notes", () => {
  it("trusts a note signed with the key, for its object, in its repository", () => {
    expect(isTrusted(signNote(note, A, here()), A, here())).toBe(true);
    expect(signNote(note, A, here()).repository).toBe("acme/access");
  });
  it("distrusts unsigned notes, other keys, other commits and edited content", () => {
    expect(isTrusted(note, A, here())).toBe(false);
    expect(isTrusted(signNote(note, A, here("other")), A, here())).toBe(false);
    expect(isTrusted(signNote(note, A, here()), B, here())).toBe(false); // moved to another commit
    const signed = signNote(note, A, here());
    const edited = { ...signed, leases: [{ ...signed.leases[0]!, verdict: "rejected" as const }] };
    expect(isTrusted(edited, A, here())).toBe(false);
    expect(isTrusted(signNote(note, A, here()), A, noteSigner("acme", "access", undefined))).toBe(false); // no key configured: never trusted
    expect(isTrusted({ ...signed, mac: "zz" }, A, here())).toBe(false);
  });
  it("a note copied from another access repo that shares the key is not trusted here, whatever it says its repository is", () => {
    const copied = signNote(note, A, elsewhere());
    expect(noteTrust(copied, A, here())).toBe("other-repository");
    expect(isTrusted(copied, A, here())).toBe(false);
    // Claiming this repository without re-signing breaks the MAC.
    expect(noteTrust({ ...copied, repository: "acme/access" }, A, here())).toBe("untrusted");
    // The binding is the repository's name as GitHub compares it: case does not matter.
    expect(isTrusted(signNote(note, A, noteSigner("ACME", "Access", "k")), A, here())).toBe(true);
  });
  it("a legacy note (signed before notes named their repository) is recognised, but never trusted", () => {
    const old = legacySigned(note, A, "k");
    expect(noteTrust(old, A, here())).toBe("legacy");
    expect(isTrusted(old, A, here())).toBe(false);
    expect(noteTrust(old, B, here())).toBe("untrusted");
    expect(noteTrust(old, A, here("other"))).toBe("untrusted");
    expect(noteTrust(old, A, noteSigner("acme", "access", undefined))).toBe("untrusted");
    // A note that names a repository is judged only by the bound MAC: a legacy MAC does not stand in for it.
    expect(noteTrust({ ...legacySigned({ ...note, repository: "acme/access" }, A, "k"), repository: "acme/access" }, A, here())).toBe("untrusted");
  });
  it("keeps a legacy note inside a new one as history, and reads it back", () => {
    const old = legacySigned(note, A, "k");
    const wrapped = signNote({ version: 1, leases: [], legacy: old }, A, here());
    const back = parseNote(formatNote(wrapped))!;
    expect(isTrusted(back, A, here())).toBe(true);
    expect(noteTrust(back.legacy!, A, here())).toBe("legacy");
    // Nested once only, and only a legacy note (one that names no repository).
    expect(parseNote(JSON.stringify({ ...wrapped, legacy: { ...old, legacy: old } }))).toBeUndefined();
    expect(parseNote(JSON.stringify({ ...wrapped, legacy: signNote(note, A, here()) }))).toBeUndefined();
    expect(parseNote(JSON.stringify({ ...wrapped, repository: 7 }))).toBeUndefined();
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
    const signed = signNote({ ...note, grants: [{ lease: "leases/db/x.yaml", resource: "db", grantee: "u", role: "r", status: "granted", at: "2026-11-24T09:00:00Z" }] }, A, here());
    const text = formatNote(signed);
    expect(text.endsWith("}\n")).toBe(true);
    const back = parseNote(text)!;
    expect(Object.keys(back)).toEqual(["grants", "leases", "mac", "repository", "version"]);
    expect(isTrusted(back, A, here())).toBe(true);
    expect(canonicalJson(back)).toBe(canonicalJson(signed));
  });
});
