// Notes anyone can push (issue 10, finding 1): reading one is bounded (size, nesting) before it
// is parsed, canonical JSON never recurses deeply, and no text — deep, huge, broken, forged —
// makes a reader throw. Property-based where the inputs are hostile.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorMessage } from "../../src/diagnostics/error-message.js";
import { canonicalJson, formatNote, isTrusted, noteSigner, parseNote, readEvidenceNote, signNote } from "../../src/evidence/evidence.js";
import type { EvidenceNote, LeaseEvidence } from "../../src/evidence/evidence.js";
import { mergeEvidenceNotes } from "../../src/evidence/merge-notes.js";
import { MAX_NOTE_BYTES, MAX_NOTE_DEPTH, noteTextProblem } from "../../src/evidence/note-text.js";
import { isTrustedRequestNote, parseRequestNote, signRequestNote } from "../../src/evidence/request-note.js";
import { formatTimestamp } from "../../src/lease/timestamp.js";

const C = "c".repeat(40);
const KEY = "k";
/** Notes are signed for a repository (h-bgrepo): the signer is the key and this repository. */
const K = noteSigner("acme", "access", KEY);
const FAKE_MAC = "ab".repeat(32);
const deep = (n: number, open = "[", close = "]") => `${open.repeat(n)}${close.repeat(n)}`;
/** The issue's note: evidence-shaped, a fake MAC, a field nested 50,000 deep. */
const HOSTILE = `{"version":1,"leases":[],"breakGlass":[],"mac":"${FAKE_MAC}","x":${deep(50_000)}}`;

const lease = (n: number): LeaseEvidence => ({ lease: `leases/db/u${n}.yaml`, blob: "b".repeat(40), verdict: "approved", pullRequest: { number: n, author: "zed", headSha: "d".repeat(40) }, approvals: [{ reviewer: "dana", reviewId: n, commit: "d".repeat(40), submittedAt: "2026-11-24T08:30:00Z" }], policyCommit: "e".repeat(40), findings: [], verifiedAt: "2026-11-24T09:00:00Z" });
const NOTE: EvidenceNote = { version: 1, leases: [lease(1), lease(2)], grants: [{ lease: "leases/db/u1.yaml", resource: "db", grantee: "u1", role: "r", status: "granted", at: "2026-11-24T09:00:00Z" }] };

/** canonicalJson as it was (recursive): the MACs of every note already written were made with it. */
function recursiveCanonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(recursiveCanonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${recursiveCanonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

describe("a hostile note halts all revocation (issue 10, finding 1): the note itself", () => {
  it("the issue's note (fake MAC, nested 50,000 deep) is unreadable, not a stack overflow, for every reader", () => {
    expect(readEvidenceNote(C, HOSTILE, K)).toEqual({ kind: "unreadable", reason: `it is nested deeper than ${MAX_NOTE_DEPTH} levels` });
    expect(parseNote(HOSTILE)).toBeUndefined();
    expect(parseRequestNote(HOSTILE.replace('"version":1', '"version":1,"kind":"request"'))).toBeUndefined();
    expect(mergeEvidenceNotes(C, formatNote(signNote(NOTE, C, K)), HOSTILE, K)).toBe(formatNote(signNote(NOTE, C, K)));
    expect(mergeEvidenceNotes(C, HOSTILE, HOSTILE, K)).toBe(HOSTILE); // neither is evidence: ours stays
  });

  it("canonical JSON of a value nested 50,000 deep is written, not a stack overflow; a signed deep note verifies; a cycle is refused", () => {
    let v: unknown = "x";
    for (let i = 0; i < 50_000; i++) v = i % 2 ? [v] : { k: v };
    const text = canonicalJson(v);
    expect(text.length).toBe(25_000 * "[]".length + 25_000 * '{"k":}'.length + '"x"'.length);
    expect(text.startsWith('[{"k":[{"k":')).toBe(true);
    // A note object (not text) nested that deep: signing and checking it never recurse.
    const deepNote = { ...NOTE, extra: v } as unknown as EvidenceNote;
    expect(isTrusted(signNote(deepNote, C, K), C, K)).toBe(true);
    expect(isTrusted({ ...deepNote, mac: FAKE_MAC }, C, K)).toBe(false);
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = { again: cyclic };
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
    expect(isTrusted({ ...NOTE, cyclic, mac: FAKE_MAC } as unknown as EvidenceNote, C, K)).toBe(false);
  });

  it("bounds size and depth before parsing: one level past either bound is unreadable, at the bound it is read", () => {
    const nested = (d: number) => `{"version":1,"leases":[],"x":${deep(d - 1)}}`;
    expect(readEvidenceNote(C, nested(MAX_NOTE_DEPTH), K).kind).toBe("evidence");
    expect(readEvidenceNote(C, nested(MAX_NOTE_DEPTH + 1), K)).toEqual({ kind: "unreadable", reason: `it is nested deeper than ${MAX_NOTE_DEPTH} levels` });
    // Brackets inside strings (escaped quotes too) are text, not nesting.
    expect(readEvidenceNote(C, `{"version":1,"leases":[],"x":"\\"${"[".repeat(1000)}"}`, K).kind).toBe("evidence");
    const pad = (n: number) => `{"version":1,"leases":[],"x":"${"x".repeat(n - 32)}"}`;
    expect(pad(MAX_NOTE_BYTES).length).toBe(MAX_NOTE_BYTES);
    expect(readEvidenceNote(C, pad(MAX_NOTE_BYTES), K).kind).toBe("evidence");
    expect(readEvidenceNote(C, pad(MAX_NOTE_BYTES + 1), K)).toEqual({ kind: "unreadable", reason: "it is over the size limit of 32 MiB" });
    // Counted in UTF-8 bytes, not characters.
    const wide = `{"version":1,"leases":[],"x":"${"é".repeat(MAX_NOTE_BYTES / 2)}"}`;
    expect(wide.length).toBeLessThan(MAX_NOTE_BYTES);
    expect(readEvidenceNote(C, wide, K).kind).toBe("unreadable");
  });

  it("says why a note is unreadable: not JSON, not an evidence note (and which part); a request note is a request note", () => {
    const why = (text: string) => {
      const r = readEvidenceNote(C, text, K);
      return r.kind === "unreadable" ? r.reason : r.kind;
    };
    expect(why("this is not JSON")).toBe("it is not JSON");
    expect(why("\u0000\u00ff")).toBe("it is not JSON");
    expect(why('"a string"')).toBe("it is not an evidence note (not an object)");
    expect(why("[]")).toBe("it is not an evidence note (not an object)");
    expect(why('{"version":2,"leases":[]}')).toBe("it is not an evidence note (not version 1)");
    expect(why('{"version":1}')).toBe("it is not an evidence note (no list of leases)");
    expect(why('{"version":1,"leases":[{"lease":7}]}')).toBe("it is not an evidence note (leases[0] is not lease evidence)");
    expect(why('{"version":1,"leases":[],"grants":[null]}')).toBe("it is not an evidence note (grants is not a list of grants)");
    expect(why('{"version":1,"leases":[],"breakGlass":{}}')).toBe("it is not an evidence note (breakGlass is not a list)");
    expect(why('{"version":1,"leases":[],"drift":"x"}')).toBe("it is not an evidence note (drift is not a list)");
    expect(why('{"version":1,"leases":[]}')).toBe("evidence");
    const request = signRequestNote({ repository: "acme/access", branch: "b", actor: "zed", lease: "leases/db/z.yaml", blob: "0".repeat(40), requestedAt: "2026-11-24T08:00:00Z" }, C, KEY);
    expect(why(JSON.stringify(request, null, 2))).toBe("request");
    expect(isTrustedRequestNote(parseRequestNote(JSON.stringify(request))!, C, KEY)).toBe(true);
  });

  it("trusts a note only with its MAC for its object and key, whatever the whitespace between tokens", () => {
    const signed = signNote(NOTE, C, K);
    const text = formatNote(signed);
    expect(readEvidenceNote(C, text, K)).toEqual({ kind: "evidence", note: JSON.parse(text) as EvidenceNote, trust: "signed", trusted: true });
    expect(readEvidenceNote("f".repeat(40), text, K)).toMatchObject({ kind: "evidence", trusted: false }); // moved to another commit
    expect(readEvidenceNote(C, text, noteSigner("acme", "access", "other"))).toMatchObject({ kind: "evidence", trusted: false });
    expect(readEvidenceNote(C, text, noteSigner("acme", "fork", KEY))).toMatchObject({ kind: "evidence", trust: "other-repository", trusted: false }); // copied to another repository
    expect(readEvidenceNote(C, text, undefined)).toMatchObject({ kind: "evidence", trusted: false });
    expect(readEvidenceNote(C, text.replace('"approved"', '"rejected"'), K)).toMatchObject({ kind: "evidence", trusted: false });
    // Whitespace between tokens is no change; whitespace inside a token is no JSON.
    expect(readEvidenceNote(C, text.replaceAll("\n", "\r\n\t "), K)).toMatchObject({ kind: "evidence", trusted: true });
    expect(readEvidenceNote(C, text.replace('"number": 1', '"number": 1 1'), K)).toEqual({ kind: "unreadable", reason: "it is not JSON" });
    // Two top-level MACs: the parser keeps the last.
    expect(readEvidenceNote(C, text.replace('"mac"', `"mac": "${FAKE_MAC}",\n  "mac"`), K)).toMatchObject({ kind: "evidence", trusted: true });
    expect(readEvidenceNote(C, text.replace(/("mac": "[0-9a-f]+")/, `$1,\n  "mac": "${FAKE_MAC}"`), K)).toMatchObject({ kind: "evidence", trusted: false });
  });

  it("keeps notes written before canonical order trusted (their MAC is checked over the parsed body)", () => {
    const signed = signNote(NOTE, C, K);
    for (const text of [JSON.stringify(signed), JSON.stringify({ mac: signed.mac, version: 1, leases: signed.leases, grants: signed.grants, repository: signed.repository }, null, 2)]) {
      expect(readEvidenceNote(C, text, K)).toMatchObject({ kind: "evidence", trusted: true });
    }
  });

  it("formats any time without throwing, an absurd one as such", () => {
    expect(formatTimestamp(5.4e20)).toBe("(after +275760-09-13)");
    expect(formatTimestamp(-5.4e20)).toBe("(before -271821-04-20)");
    expect(formatTimestamp(Number.NaN)).toBe("(no time)");
    expect(formatTimestamp(8.64e15)).toBe("+275760-09-13T00:00:00Z");
    fc.assert(fc.property(fc.double(), (t) => typeof formatTimestamp(t) === "string"));
  });

  it("names anything thrown, an Error or not", () => {
    expect(errorMessage(new Error("boom"))).toBe("boom");
    expect(errorMessage("text")).toBe("text");
    expect(errorMessage({ message: "shaped" })).toBe("shaped");
    expect(errorMessage(null)).toBe("null thrown");
    expect(errorMessage(undefined)).toBe("undefined thrown");
    expect(errorMessage(Object.create(null))).toBe("an unprintable value thrown");
  });
});

// ---------------------------------------------------------------- properties

const text = fc.string({ unit: "binary", maxLength: 12 });
const leaseArb: fc.Arbitrary<LeaseEvidence> = fc.record(
  {
    lease: text,
    blob: text,
    verdict: fc.constantFrom("approved" as const, "rejected" as const),
    pullRequest: fc.record({ number: fc.integer(), author: text, headSha: text }),
    approvals: fc.array(fc.record({ reviewer: text, reviewId: fc.integer(), commit: text, submittedAt: text }), { maxLength: 3 }),
    policyCommit: text,
    findings: fc.array(text, { maxLength: 3 }),
    verifiedAt: text,
  },
  { requiredKeys: ["lease", "blob", "verdict", "approvals", "policyCommit", "findings", "verifiedAt"] },
);
const noteArb: fc.Arbitrary<EvidenceNote> = fc.record(
  {
    version: fc.constant(1 as const),
    leases: fc.array(leaseArb, { maxLength: 4 }),
    breakGlass: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
    drift: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 2 }),
  },
  { requiredKeys: ["version", "leases"] },
) as fc.Arbitrary<EvidenceNote>;

/** JSON-ish text: the characters that matter to a scanner and a parser, in hostile amounts. */
const jsonish = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.json({ maxDepth: 6 }),
  fc.array(fc.constantFrom("{", "}", "[", "]", '"', "\\", ",", ":", " ", "\n", "1", "-", "e", '"mac"', `"${FAKE_MAC}"`, '"version":1', '"leases":[]', '"breakGlass"', "null", "\u2028", "\ud800"), { maxLength: 200 }).map((a) => a.join("")),
  fc.tuple(fc.nat({ max: 40 }), fc.constantFrom("[", "{", '{"a":')).map(([n, open]) => `{"version":1,"leases":[],"mac":"${FAKE_MAC}","x":${open.repeat(n)}`),
);

/** How deep a JSON value's brackets nest. */
function depthOf(v: unknown): number {
  if (v === null || typeof v !== "object") return 0;
  return 1 + Math.max(0, ...Object.values(v as object).map(depthOf));
}
/** A JSON value wrapped `n` times in arrays and objects whose keys hold quotes, backslashes and brackets. */
const nestedArb = fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.tuple(fc.boolean(), fc.string({ unit: fc.constantFrom('"', "\\", "[", "]", "{", "}", "a", " ") })), { maxLength: MAX_NOTE_DEPTH + 4 })).map(([base, wraps]) => wraps.reduce<unknown>((v, [array, key]) => (array ? [v] : { [key]: v }), base));

describe("properties: no text breaks a reader", () => {
  it("the bound on nesting counts brackets exactly as JSON nests them (strings, escapes and all)", () => {
    fc.assert(
      fc.property(nestedArb, fc.boolean(), (v, pretty) => {
        const text = pretty ? JSON.stringify(v, null, 2) : JSON.stringify(v);
        expect(noteTextProblem(text) === undefined).toBe(depthOf(v) <= MAX_NOTE_DEPTH);
      }),
      { numRuns: 2000 },
    );
  });

  it("readEvidenceNote, parseNote, parseRequestNote, mergeEvidenceNotes and canonicalJson never throw on JSON-ish text", () => {
    const ours = formatNote(signNote(NOTE, C, K));
    fc.assert(
      fc.property(jsonish, (t) => {
        const r = readEvidenceNote(C, t, K);
        expect(["evidence", "request", "unreadable"]).toContain(r.kind);
        if (r.kind === "evidence") expect(r.trusted).toBe(false); // nobody without the key makes a valid MAC
        parseNote(t);
        const req = parseRequestNote(t);
        if (req) isTrustedRequestNote(req, C, KEY);
        expect(typeof mergeEvidenceNotes(C, ours, t, K)).toBe("string");
        mergeEvidenceNotes(C, t, ours, noteSigner("acme", "access", undefined));
        let v: unknown;
        try {
          v = JSON.parse(t);
        } catch {
          return;
        }
        expect(canonicalJson(v)).toBe(recursiveCanonicalJson(v));
        if (v && typeof v === "object") isTrusted(v as EvidenceNote, C, K);
      }),
      { numRuns: 3000 },
    );
  });

  it("canonicalJson writes what the recursive form wrote (every MAC already made stays valid)", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 8 }), (v) => canonicalJson(v) === recursiveCanonicalJson(v)), { numRuns: 2000 });
    fc.assert(fc.property(fc.anything({ maxDepth: 4, withNullPrototype: true, withSparseArray: true, withBoxedValues: false, withMap: false, withSet: false, withBigInt: false }), (v) => canonicalJson(v) === recursiveCanonicalJson(v)), { numRuns: 2000 });
  });

  it("every note formatNote writes is trusted, and reads back as it was signed", () => {
    fc.assert(
      fc.property(noteArb, (note) => {
        const signed = signNote(note, C, K);
        const text = formatNote(signed);
        const r = readEvidenceNote(C, text, K);
        expect(r.kind === "evidence" && r.trusted && canonicalJson(r.note) === canonicalJson(signed)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("an edited signed note is never trusted with other content: trusted means exactly what was signed", () => {
    fc.assert(
      fc.property(noteArb, fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: "binary", maxLength: 3 }), (note, at, cut, insert) => {
        const signed = signNote(note, C, K);
        const text = formatNote(signed);
        const p = at % (text.length + 1);
        const edited = text.slice(0, p) + insert + text.slice(p + cut);
        const r = readEvidenceNote(C, edited, K);
        if (r.kind === "evidence" && r.trusted) expect(canonicalJson(r.note)).toBe(canonicalJson(signed));
      }),
      { numRuns: 1500 },
    );
  });
});
