// The `policy` entry of an evidence note (a verdict on a policy version): anyone can write a
// note, so a malformed entry makes the note no note (never a crash, never a half-read verdict),
// and a well-formed one counts only when signed with the key, for its own commit and blob.
import { describe, expect, it } from "vitest";
import { formatNote, noteSigner, parseNote, signNote } from "../../src/evidence/evidence.js";
import type { EvidenceNote, PolicyEvidence } from "../../src/evidence/evidence.js";
import { signedPolicyEvidence } from "../../src/approval/policy-in-force.js";

const COMMIT = "a".repeat(40);
const BLOB = "b".repeat(40);
const entry: PolicyEvidence = { path: "policy.yaml", blob: BLOB, verdict: "approved", pullRequest: { number: 3, author: "carol", headSha: "c".repeat(40) }, approvals: [{ reviewer: "sam", reviewId: 1, commit: "c".repeat(40), submittedAt: "2026-11-24T08:50:00.000Z" }], policyCommit: "d".repeat(40), findings: [], verifiedAt: "2026-11-24T10:00:00.000Z" };
const note = (policy: unknown) => JSON.stringify({ version: 1, leases: [], policy });
const version = { commit: COMMIT, time: 0, status: "M" as const, blob: BLOB, mode: "100644" };

describe("policy evidence in notes", () => {
  it("reads a well-formed entry", () => {
    expect(parseNote(note(entry))?.policy).toEqual(entry);
    expect(parseNote(note({ ...entry, bootstrap: true, pullRequest: undefined }))?.policy?.bootstrap).toBe(true);
  });

  it.each([
    ["a string", "approved"],
    ["null", null],
    ["an array", [entry]],
    ["an unknown verdict", { ...entry, verdict: "maybe" }],
    ["no blob", { ...entry, blob: undefined }],
    ["a numeric path", { ...entry, path: 7 }],
    ["findings that are not strings", { ...entry, findings: [{}] }],
    ["approvals without a reviewer", { ...entry, approvals: [{ commit: "x", submittedAt: "y" }] }],
    ["a pull request without a number", { ...entry, pullRequest: { author: "carol", headSha: "c" } }],
    ["a bootstrap flag that is not a boolean", { ...entry, bootstrap: "yes" }],
    ["no policyCommit", { ...entry, policyCommit: undefined }],
  ])("a note whose policy entry is %s is no note", (_what, policy) => {
    expect(parseNote(note(policy))).toBeUndefined();
  });

  it("counts only when signed with the key, for this commit and this blob", () => {
    const base: EvidenceNote = { version: 1, leases: [], policy: entry };
    const signed = formatNote(signNote(base, COMMIT, noteSigner("acme", "access", "k")));
    expect(signedPolicyEvidence(signed, version, "policy.yaml", noteSigner("acme", "access", "k"))).toEqual(entry);
    expect(signedPolicyEvidence(formatNote(base), version, "policy.yaml", noteSigner("acme", "access", "k"))).toBeUndefined(); // unsigned
    expect(signedPolicyEvidence(formatNote(signNote(base, COMMIT, noteSigner("acme", "access", "other"))), version, "policy.yaml", noteSigner("acme", "access", "k"))).toBeUndefined(); // another key
    expect(signedPolicyEvidence(formatNote(signNote(base, "e".repeat(40), noteSigner("acme", "access", "k"))), version, "policy.yaml", noteSigner("acme", "access", "k"))).toBeUndefined(); // moved from another commit
    expect(signedPolicyEvidence(signed, { ...version, blob: "f".repeat(40) }, "policy.yaml", noteSigner("acme", "access", "k"))).toBeUndefined(); // another content
    expect(signedPolicyEvidence(signed, version, "other.yaml", noteSigner("acme", "access", "k"))).toBeUndefined(); // another policy file
    expect(signedPolicyEvidence(signed, version, "policy.yaml", undefined)).toBeUndefined(); // no key: nothing is trusted
  });
});
