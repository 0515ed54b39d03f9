/**
 * Characters that hide a lease from its reviewers (src/document/hidden-characters.ts): a NUL
 * byte makes git and GitHub's diff treat the file as binary, so the pull request shows no
 * text at all; bidirectional controls reorder what is displayed (Trojan Source); lone
 * carriage returns and stray byte-order marks break lines or hide text. Each is refused in
 * lease files and in the policy as `file-control-character`, at its line and column, as a
 * diagnostic (never a throw), in the pull request check and in the whole-repo check.
 */
import { describe, expect, it } from "vitest";
import { parseYamlBytes, parseYamlText } from "../../src/document/parse-yaml.js";
import { loadLease } from "../../src/lease/load-lease.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import { validateRepo } from "../../src/validate/validate-repo.js";
import { EXAMPLE_CODEOWNERS, EXAMPLE_POLICY, EXAMPLE_POLICY_TEXT, NOW, added, at, bytes, errors, good, leasePath, modified, prInput, summary } from "./support.js";

const CODE = "file-control-character";
const PATH = leasePath("prod-db-readers");
const lease = good("prod-db-readers");
/** The lease with `ch` inside a comment after its reason: invisible once the diff is "binary". */
const withComment = (ch: string) => lease + `# looks harmless ${ch} really\n`;
const commentAt = (ch: string) => at(withComment(ch), ch);

describe("a NUL byte hides a lease from its reviewers", () => {
  it("a lease with a NUL in a comment is refused by the pull request check, at the NUL", () => {
    // Before the fix both parsers accepted it and the check said only "new lease".
    const text = withComment("\0");
    const report = validatePullRequest(prInput([added(PATH, text)]));
    expect(report.ok).toBe(false);
    const pos = commentAt("\0");
    expect(summary(errors(report))).toEqual([`error:${CODE}@${pos.line}:${pos.column}`]);
    const d = errors(report)[0]!;
    expect(d.file).toBe(PATH);
    expect(d.message).toMatch(/U\+0000.*NUL.*binary/);
    expect(d.hint).toMatch(/printable text/);
  });

  it("a NUL is refused in a changed lease too (an extension that hides a new role)", () => {
    const after = lease.replace('duration: "8h"', 'duration: "12h"') + "# \0\n";
    const report = validatePullRequest(prInput([modified(PATH, lease, after)]));
    expect(report.ok).toBe(false);
    expect(errors(report).map((d) => d.code)).toContain(CODE);
  });

  it("a NUL in policy.yaml is refused, in a policy change and in the whole-repo check", () => {
    const policy = EXAMPLE_POLICY_TEXT.replace("resources:\n", "resources:\n  # \0 hidden\n");
    const pos = at(policy, "\0");
    const p = loadPolicy("policy.yaml", bytes(policy));
    expect(p.policy).toBeUndefined();
    expect(summary(p.diagnostics)).toEqual([`error:${CODE}@${pos.line}:${pos.column}`]);

    const pr = validatePullRequest(prInput([modified("policy.yaml", EXAMPLE_POLICY_TEXT, policy)]));
    expect(pr.ok).toBe(false);
    expect(summary(errors(pr))).toContain(`error:${CODE}@${pos.line}:${pos.column}`);

    const repo = validateRepo({ policyPath: "policy.yaml", policy: bytes(policy), codeowners: { path: ".github/CODEOWNERS", bytes: EXAMPLE_CODEOWNERS }, files: [], now: NOW });
    expect(repo.ok).toBe(false);
    expect(summary(errors(repo))).toEqual([`error:${CODE}@${pos.line}:${pos.column}`]);
  });

  it("the whole-repo check refuses a lease already on a branch with a NUL", () => {
    const repo = validateRepo({
      policyPath: "policy.yaml",
      policy: EXAMPLE_POLICY,
      codeowners: { path: ".github/CODEOWNERS", bytes: EXAMPLE_CODEOWNERS },
      files: [{ path: PATH, mode: "file", bytes: bytes(withComment("\0")) }],
      now: NOW,
    });
    expect(repo.ok).toBe(false);
    expect(errors(repo).map((d) => `${d.file}:${d.code}`)).toEqual([`${PATH}:${CODE}`]);
  });
});

describe("which characters are refused", () => {
  it.each([
    ["NUL", "\u0000", "NUL"],
    ["BEL", "\u0007", "BEL"],
    ["backspace", "\b", "BS"],
    ["vertical tab", "\u000b", "VT"],
    ["form feed", "\f", "FF"],
    ["escape (terminal colours, cursor moves)", "\u001b[2K", "ESC"],
    ["unit separator", "\u001f", "US"],
    ["DEL", "\u007f", "DEL"],
    ["a C1 control", "\u009b", "C1"],
    ["NEL", "\u0085", "NEL"],
    ["a lone carriage return", "\rrole: admin", "carriage return"],
    ["right-to-left override (Trojan Source)", "\u202e", "RLO"],
    ["left-to-right embedding", "\u202a", "LRE"],
    ["pop directional formatting", "\u202c", "PDF"],
    ["right-to-left isolate", "\u2067", "RLI"],
    ["first strong isolate", "\u2068", "FSI"],
    ["pop directional isolate", "\u2069", "PDI"],
    ["a byte-order mark in the middle", "\ufeff", "byte-order mark"],
    ["a noncharacter", "\uffff", "noncharacter"],
  ])("%s, at its line and column", (_name, ch, named) => {
    const text = withComment(ch);
    const l = loadLease(PATH, bytes(text));
    expect(l.lease).toBeUndefined();
    const pos = commentAt(ch);
    expect(summary(l.diagnostics)).toEqual([`error:${CODE}@${pos.line}:${pos.column}`]);
    expect(l.diagnostics[0]!.message).toContain(named);
  });

  it.each([
    ["in a key", "gran\u202etee: alice\n"],
    ["in a quoted value", 'reason: "ok \u0000 really"\n'],
    ["in a plain value", "role: member\u0000admin\n"],
    ["at the very start", "\u0000grantee: alice\n"],
    ["at the very end, without a newline", "grantee: alice\u0000"],
  ])("a refused character %s is reported", (_name, text) => {
    const r = parseYamlBytes("f.yaml", bytes(text));
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual([CODE]);
  });

  it("an unpaired surrogate (only possible in text, not in UTF-8 bytes) is refused", () => {
    const r = parseYamlText("f.yaml", "reason: a\ud800b\n");
    expect(summary(r.diagnostics)).toEqual([`error:${CODE}@1:10`]);
    expect(parseYamlText("f.yaml", "reason: a\udc00b\n").diagnostics.map((d) => d.code)).toEqual([CODE]);
  });

  it("reports every refused character, up to ten, and counts the rest", () => {
    const text = "grantee: alice\n" + "# \u0000\u0001\n".repeat(8);
    const r = parseYamlBytes("f.yaml", bytes(text));
    expect(r.diagnostics).toHaveLength(10);
    expect(r.diagnostics.every((d) => d.code === CODE)).toBe(true);
    expect(summary(r.diagnostics).slice(0, 3)).toEqual([`error:${CODE}@2:3`, `error:${CODE}@2:4`, `error:${CODE}@3:3`]);
    expect(r.diagnostics[9]!.message).toMatch(/\(6 more such characters in this file\.\)$/);
  });

  it("a file full of NULs is refused quickly with ten diagnostics", () => {
    const r = parseYamlBytes("f.yaml", new Uint8Array(64 * 1024));
    expect(r.diagnostics).toHaveLength(10);
  });
});

describe("escapes cannot smuggle them into a value", () => {
  // The file shows `"\u202E"`, but the lease would carry a right-to-left override into pull
  // request comments, notifications and the audit.
  it.each([
    ["a NUL", 'reason: "Pull figures \\0 for the report"\n', "U+0000"],
    ["an escape sequence", 'reason: "\\e[2K\\e[1A looks fine"\n', "U+001B"],
    ["a hex escape", 'reason: "\\x1b"\n', "U+001B"],
    ["a right-to-left override", 'reason: "quarterly \\u202Etroper"\n', "U+202E"],
    ["an isolate, 32-bit form", 'reason: "a \\U00002066 b"\n', "U+2066"],
    ["NEL", 'reason: "a\\Nb"\n', "U+0085"],
    ["a lone carriage return", 'reason: "a\\rb"\n', "U+000D"],
    ["a zero-width no-break space", 'grantee: "\\uFEFFalice"\n', "U+FEFF"],
    ["a control character in a key", '"gran\\u202Etee": alice\n', "U+202E"],
  ])("%s, at the value", (_name, text, cp) => {
    const r = parseYamlBytes("f.yaml", bytes(text));
    expect(r.value).toBeUndefined();
    expect(summary(r.diagnostics)).toEqual([`error:${CODE}@1:${text.startsWith('"') ? 1 : text.indexOf('"') + 1}`]);
    expect(r.diagnostics[0]!.message).toContain(cp);
    expect(r.diagnostics[0]!.message).toContain("written as an escape");
  });

  it.each([
    ["tab and newline escapes", 'reason: "a\\tb\\nc"\n'],
    ["CRLF written as escapes", 'reason: "a\\r\\nb"\n'],
    ["a no-break space and line separator escapes", 'reason: "a\\_b\\Lc\\Pd"\n'],
    ["a non-ASCII escape", 'reason: "caf\\u00e9 \\U0001F600"\n'],
    ["a multi-line block scalar", "reason: |\n  line one\n  line two\n"],
  ])("%s stay allowed", (_name, text) => {
    expect(parseYamlBytes("f.yaml", bytes(text)).diagnostics).toEqual([]);
  });

  it("an escaped NUL in a lease's reason fails the pull request check", () => {
    const text = lease.replace(/reason: .*\n/, 'reason: "Pull figures for the quarterly report\\0"\n');
    const report = validatePullRequest(prInput([added(PATH, text)]));
    expect(report.ok).toBe(false);
    expect(errors(report).map((d) => d.code)).toEqual([CODE]);
  });
});

describe("what stays allowed", () => {
  it.each([
    ["tabs in a value and a comment", "reason: Pull\tfigures for the quarterly report # a\tb\n"],
    ["CRLF line ends", "grantee: alice\r\nrole: member\r\n"],
    ["a byte-order mark at the very start", "\ufeffgrantee: alice\n"],
    ["non-ASCII text", "reason: Überprüfung der Zugänge, 日本語, עברית, 😀\n"],
    ["a no-break space and a line separator", "reason: a\u00a0b\u2028c\n"],
    ["zero-width joiners in an emoji", "reason: 👩\u200d💻 at work\n"],
    ["Arabic with its own marks", "reason: \u0645\u0631\u062d\u0628\u0627\n"],
  ])("%s", (_name, text) => {
    const r = parseYamlBytes("f.yaml", bytes(text));
    expect(r.diagnostics).toEqual([]);
  });

  it("a leading byte-order mark is not part of the first key and does not shift columns", () => {
    const r = parseYamlBytes("f.yaml", Buffer.from("\ufeffgrantee:   alice\n", "utf8"));
    expect(r.value).toEqual({ grantee: "alice" });
    expect(r.locate("/grantee")).toEqual({ line: 1, column: 12 });
    expect(parseYamlText("f.yaml", "\ufeffgrantee: alice\n").value).toEqual({ grantee: "alice" });
  });

  it("two byte-order marks at the start: the second is refused", () => {
    const r = parseYamlBytes("f.yaml", Buffer.from("\ufeff\ufeffgrantee: alice\n", "utf8"));
    expect(summary(r.diagnostics)).toEqual([`error:${CODE}@1:1`]);
  });

  it("a zero-width no-break space before a value is refused (it used to become part of the value)", () => {
    const text = "grantee: \ufeffalice\nresource: prod-db-readers\nrole: member\nduration: 4h\nreason: Pull figures for the quarterly report\n";
    expect(summary(loadLease(PATH, bytes(text)).diagnostics)).toEqual([`error:${CODE}@1:10`]);
  });
});
