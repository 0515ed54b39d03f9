/**
 * Safe YAML loading (src/document/parse-yaml.ts): YAML 1.2 core schema, one document, a
 * mapping, bounded size and aliases, no prototype keys, strict UTF-8, no custom tags. Every
 * bad input is a diagnostic with a stable code and a position, never an exception.
 */
import { describe, expect, it } from "vitest";
import { MAX_ALIASES, MAX_FILE_BYTES, parseYamlBytes, parseYamlText } from "../../src/document/parse-yaml.js";
import { loadLease } from "../../src/lease/load-lease.js";
import { loadPolicy } from "../../src/policy/load-policy.js";
import { EXAMPLE_POLICY_TEXT, at, bytes, good, leaseYaml, summary } from "./support.js";

const parse = (text: string) => parseYamlBytes("f.yaml", bytes(text));
const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);

describe("YAML 1.2 core schema", () => {
  it("keeps timestamps as strings", () => {
    const r = parse("expires: 2026-11-24T12:00:00Z\nnotBefore: 2026-11-24T11:00:00+01:00\nday: 2026-11-24\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ expires: "2026-11-24T12:00:00Z", notBefore: "2026-11-24T11:00:00+01:00", day: "2026-11-24" });
    expect(typeof (r.value as Record<string, unknown>).expires).toBe("string");
  });

  it("reads yes/no/on/off as strings and 017 as decimal (not YAML 1.1)", () => {
    const r = parse("a: yes\nb: no\nc: on\nd: off\ne: 017\nf: 0o17\ng: true\nh: 1_000\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ a: "yes", b: "no", c: "on", d: "off", e: 17, f: 15, g: true, h: "1_000" });
  });

  it("ignores a %YAML 1.1 directive: still 1.2 core", () => {
    const r = parse("%YAML 1.1\n---\nbreakGlass: yes\n");
    // Either refused, or read as 1.2 (where yes is a string). Never the YAML 1.1 boolean.
    if (r.diagnostics.length === 0) expect(r.value).toEqual({ breakGlass: "yes" });
  });

  it("a lease with an unquoted timestamp loads and keeps the exact text", () => {
    const text = "grantee: alice\nresource: prod-db-readers\nrole: member\nexpires: 2026-11-24T12:00:00Z\nreason: Pull figures for the quarterly report\n";
    const l = loadLease("leases/prod-db-readers/a.yaml", bytes(text));
    expect(summary(l.diagnostics)).toEqual([]);
    expect(l.lease?.expires).toBe("2026-11-24T12:00:00Z");
  });

  it("merge keys (<<) are plain keys, not merges", () => {
    const r = parse("base: &b {x: 1}\nc:\n  <<: *b\n");
    expect(r.value).toEqual({ base: { x: 1 }, c: { "<<": { x: 1 } } });
  });
});

describe("one document, a mapping", () => {
  it("refuses several documents, at the second one", () => {
    const text = "grantee: alice\n---\ngrantee: bob\n";
    const r = parse(text);
    expect(r.value).toBeUndefined();
    expect(summary(r.diagnostics)).toEqual([`error:yaml-multiple-documents@${at(text, "---").line}:1`]);
  });

  it("refuses a second document after an explicit end marker", () => {
    expect(codes("a: 1\n...\n---\nb: 2\n")).toContain("yaml-multiple-documents");
  });

  it.each([
    ["a top-level list", "- grantee: alice\n- grantee: bob\n"],
    ["a top-level scalar", "alice\n"],
    ["a quoted scalar", '"grantee: alice"\n'],
    ["an empty file", ""],
    ["only comments", "# nothing here\n"],
    ["only whitespace", "\n\n   \n"],
    ["a null document", "~\n"],
  ])("a lease that is %s is an error at 1:1", (_name, text) => {
    const l = loadLease("leases/x/a.yaml", bytes(text));
    expect(l.lease).toBeUndefined();
    const d = l.diagnostics.find((x) => x.code === "lease-schema-type");
    expect(d, summary(l.diagnostics).join()).toBeDefined();
    expect(d).toMatchObject({ severity: "error", line: 1, column: 1 });
  });

  it.each([
    ["a top-level list", "- version: 1\n"],
    ["a top-level scalar", "policy\n"],
    ["an empty file", ""],
  ])("a policy that is %s is an error at 1:1", (_name, text) => {
    const p = loadPolicy("policy.yaml", bytes(text));
    expect(p.policy).toBeUndefined();
    expect(p.diagnostics.find((x) => x.code === "policy-schema-type")).toMatchObject({ severity: "error", line: 1, column: 1 });
  });
});

describe("duplicate keys", () => {
  it("refuses a repeated top-level key, at the repeat", () => {
    const text = "grantee: alice\nrole: member\ngrantee: mallory\n";
    const r = parse(text);
    expect(r.value).toBeUndefined();
    expect(summary(r.diagnostics)).toEqual(["error:yaml-duplicate-key@3:1"]);
  });

  it("refuses a repeated key written once plain and once quoted", () => {
    const text = "grantee: alice\n'grantee': mallory\n";
    expect(summary(parse(text).diagnostics)).toEqual(["error:yaml-duplicate-key@2:1"]);
  });

  it("refuses a repeated nested key in a policy, at its position", () => {
    const text = EXAMPLE_POLICY_TEXT.replace("    maxDuration: 1d\n", "    maxDuration: 1d\n    maxDuration: 30d\n");
    const p = loadPolicy("policy.yaml", bytes(text));
    expect(p.policy).toBeUndefined();
    const pos = at(text, "maxDuration: 30d");
    expect(summary(p.diagnostics)).toEqual([`error:yaml-duplicate-key@${pos.line}:${pos.column}`]);
  });

  it("refuses a repeated resource id", () => {
    const text = EXAMPLE_POLICY_TEXT + "\n  prod-db-readers:\n    provider: {type: github-team, org: acme, team: other}\n    roles: [member]\n    approvers: [carol]\n";
    const p = loadPolicy("policy.yaml", bytes(text));
    expect(p.policy).toBeUndefined();
    expect(p.diagnostics.map((d) => d.code)).toContain("yaml-duplicate-key");
  });

  it("refuses keys that only differ by YAML type (1 and '1') instead of silently keeping the last", () => {
    // Regression (fixed): parse-yaml.ts turns every scalar key into String(key) after the yaml library's
    // uniqueness check, which compares typed values (1 !== "1"); the first entry is dropped
    // without a word. In a policy that hides a resource definition from reviewers.
    const text = "1: first\n'1': second\n";
    const r = parse(text);
    expect(r.value).toBeUndefined();
    expect(summary(r.diagnostics)).toEqual(["error:yaml-duplicate-key@2:1"]);
  });

  it("refuses true and 'true' as keys of one mapping", () => {
    // Regression (fixed): same cause as above (String(true) === "true").
    const r = parse("groups:\n  true: [alice]\n  'true': [mallory]\n");
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(["yaml-duplicate-key"]);
  });
});

describe("aliases", () => {
  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
    "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
    "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
    "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
    "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]",
    "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]",
    "i: [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
    "",
  ].join("\n");

  it("refuses a billion-laughs bomb at the alias that goes over the limit, without expanding it", () => {
    // 9^9 values if expanded; the diagnostic's position shows the count stopped at the 11th alias.
    const r = parse(bomb);
    expect(r.value).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    // b holds 9 aliases; c's first *b is the 10th; expanding it reaches the first *a in b (the 11th).
    const pos = at(bomb, "*a");
    expect(summary(r.diagnostics)).toEqual([`error:yaml-too-many-aliases@${pos.line}:${pos.column}`]);
  });

  it("refuses a bomb hidden in a lease and in a policy", () => {
    expect(loadLease("leases/x/a.yaml", bytes(bomb)).diagnostics.map((d) => d.code)).toEqual(["yaml-too-many-aliases"]);
    expect(loadPolicy("policy.yaml", bytes(bomb)).diagnostics.map((d) => d.code)).toEqual(["yaml-too-many-aliases"]);
  });

  it(`accepts ${MAX_ALIASES} aliases and refuses ${MAX_ALIASES + 1}`, () => {
    const ok = `x: &x 1\nl: [${Array(MAX_ALIASES).fill("*x").join(", ")}]\n`;
    expect(parse(ok).diagnostics).toEqual([]);
    const tooMany = `x: &x 1\nl: [${Array(MAX_ALIASES + 1).fill("*x").join(", ")}]\n`;
    const r = parse(tooMany);
    expect(summary(r.diagnostics)).toEqual([`error:yaml-too-many-aliases@2:${5 + 4 * MAX_ALIASES}`]);
  });

  it("counts aliases as they expand (few aliases in the text, many in the value)", () => {
    const text = "a: &a [1, 2]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b, *b]\n"; // 3 + 4 written, 4 × 3 + 4 = 16 expanded
    expect(codes(text)).toEqual(["yaml-too-many-aliases"]);
  });

  it("refuses an alias without an anchor", () => {
    expect(summary(parse("a: *nowhere\n").diagnostics)).toEqual(["error:yaml-bad-alias@1:4"]);
  });
});

describe("size and encoding", () => {
  const padded = (size: number) => {
    const head = "grantee: alice\n#";
    return head + "x".repeat(size - head.length - 1) + "\n";
  };

  it(`accepts exactly ${MAX_FILE_BYTES} bytes and refuses one more`, () => {
    expect(MAX_FILE_BYTES).toBe(64 * 1024);
    const ok = padded(MAX_FILE_BYTES);
    expect(Buffer.byteLength(ok)).toBe(MAX_FILE_BYTES);
    expect(parse(ok).diagnostics).toEqual([]);
    const big = padded(MAX_FILE_BYTES + 1);
    expect(summary(parse(big).diagnostics)).toEqual(["error:file-too-large@1:1"]);
  });

  it("counts bytes, not characters", () => {
    const text = `reason: "${"é".repeat(40_000)}"\n`; // 40k characters, 80k bytes
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(codes(text)).toEqual(["file-too-large"]);
  });

  it("refuses a huge lease before parsing it (10 MB that would not parse)", () => {
    // 10 MB of nested flow sequences: parsed, it would be a syntax error (and ten million levels deep).
    const l = loadLease("leases/x/a.yaml", Buffer.alloc(10 * 1024 * 1024, "["));
    expect(summary(l.diagnostics)).toEqual(["error:file-too-large@1:1"]);
  });

  it.each([
    ["a Latin-1 byte", Buffer.from([0x72, 0x65, 0x61, 0x73, 0x6f, 0x6e, 0x3a, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]), "1:12"],
    ["an overlong encoding", Buffer.from([0x61, 0x3a, 0x20, 0xc0, 0xaf, 0x0a]), "1:4"],
    ["an encoded surrogate", Buffer.from([0x61, 0x3a, 0x20, 0xed, 0xa0, 0x80, 0x0a]), "1:4"],
    ["a truncated sequence", Buffer.from([0x61, 0x3a, 0x20, 0xe2, 0x82]), "1:4"],
    ["a code point above U+10FFFF", Buffer.from([0x61, 0x3a, 0x20, 0xf4, 0x90, 0x80, 0x80, 0x0a]), "1:4"],
    ["a stray continuation byte after valid text on line 2", Buffer.concat([Buffer.from("a: 1\nb: é\u{1F600}"), Buffer.from([0x80, 0x0a])]), "2:7"],
    ["UTF-16 with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a: 1\n", "utf16le")]), "1:1"],
  ])("refuses %s as not UTF-8, at the first bad byte", (_name, raw, where) => {
    const r = parseYamlBytes("f.yaml", raw);
    expect(r.value).toBeUndefined();
    expect(summary(r.diagnostics)).toEqual([`error:file-not-utf8@${where}`]);
    expect(r.diagnostics[0]!.message).toMatch(/^File is not valid UTF-8: byte 0x[0-9A-F]{2} here/);
  });

  it("accepts a UTF-8 byte-order mark and non-ASCII text", () => {
    const r = parseYamlBytes("f.yaml", Buffer.from("\uFEFFreason: Überprüfung der Zugänge\n", "utf8"));
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ reason: "Überprüfung der Zugänge" });
  });
});

describe("prototype keys", () => {
  it.each([
    ["__proto__ at the top", "__proto__:\n  isAdmin: true\n", "__proto__"],
    ["quoted __proto__", '"__proto__": {isAdmin: true}\n', '"__proto__"'],
    ["constructor at the top", "constructor: {prototype: {isAdmin: true}}\n", "constructor"],
    ["prototype at the top", "prototype: 1\n", "prototype"],
    ["constructor nested in a mapping", "resources:\n  ops:\n    constructor:\n      prototype: 1\n", "constructor"],
    ["__proto__ in a list item", "admins:\n  - __proto__: {x: 1}\n", "__proto__"],
    ["prototype in a flow mapping", "provider: {type: github-team, prototype: x}\n", "prototype"],
  ])("refuses %s, at the key", (_name, text, key) => {
    const r = parse(text);
    expect(r.value).toBeUndefined();
    const pos = at(text, key);
    expect(summary(r.diagnostics)).toContain(`error:yaml-forbidden-key@${pos.line}:${pos.column}`);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("refuses __proto__ in a lease and a policy", () => {
    const lease = good("prod-db-readers") + "__proto__: {role: admin}\n";
    expect(loadLease("leases/prod-db-readers/a.yaml", bytes(lease)).diagnostics.map((d) => d.code)).toEqual(["yaml-forbidden-key"]);
    const policy = EXAMPLE_POLICY_TEXT.replace("  prod-db-readers:\n", "  prod-db-readers:\n    __proto__: {maxDuration: 30d}\n");
    expect(loadPolicy("policy.yaml", bytes(policy)).diagnostics.map((d) => d.code)).toEqual(["yaml-forbidden-key"]);
  });
});

describe("tags", () => {
  it.each([
    ["a local tag", "reason: !foo bar\n", "!foo"],
    ["a local tag on a mapping", "provider: !provider {type: github-team}\n", "!provider"],
    ["a language tag", "role: !!js/function 'return 1'\n", "!!js/function"],
    ["a python tag", "role: !!python/object:os.system ls\n", "!!python/object"],
  ])("refuses %s, at the tag", (_name, text, tag) => {
    const r = parse(text);
    expect(r.value).toBeUndefined();
    const pos = at(text, tag);
    expect(summary(r.diagnostics)).toEqual([`error:yaml-unsupported-tag@${pos.line}:${pos.column}`]);
  });

  it.each([
    ["!!binary", "reason: !!binary SGVsbG8gd29ybGQgZnJvbSBiaW5hcnk=\n", "!!binary"],
    ["!!binary in verbatim form", "reason: !<tag:yaml.org,2002:binary> SGVsbG8=\n", "!<tag"],
    ["!!timestamp", "expires: !!timestamp 2026-11-24T12:00:00Z\n", "!!timestamp"],
    ["!!set", "admins: !!set {alice, mallory}\n", "!!set"],
    ["!!omap", "groups: !!omap [sre: [alice]]\n", "!!omap"],
  ])("refuses the YAML 1.1 tag %s, at the tag", (_name, text, tag) => {
    // Regression (fixed): parseDocument resolves the yaml library's "known tags" (binary, timestamp, set,
    // omap, pairs) even with schema "core"; !!binary becomes a Buffer, !!timestamp a Date.
    const r = parse(text);
    expect(r.value).toBeUndefined();
    const pos = at(text, tag);
    expect(summary(r.diagnostics)).toEqual([`error:yaml-unsupported-tag@${pos.line}:${pos.column}`]);
  });

  it("never hands a Buffer or a Date to the schema check", () => {
    // Regression (fixed): same cause as above (yaml's known tags are resolved).
    for (const text of ["reason: !!binary SGVsbG8=\n", "expires: !!timestamp 2026-11-24\n"]) {
      const r = parse(text);
      const values = r.value && typeof r.value === "object" ? Object.values(r.value) : [];
      for (const v of values) {
        expect(Buffer.isBuffer(v)).toBe(false);
        expect(v instanceof Date).toBe(false);
      }
    }
  });
});

describe("flow sequences and unusual spaces read as YAML 1.2 says", () => {
  // Regression (fixed): the fast path (src/document/parse-simple-yaml.ts) answers for these inputs with a
  // different value than the YAML parser (or none where YAML reports an error): flow
  // sequence items are not checked for indicators (! & * # > | @ ` % - ?), and JS
  // trim()/trimStart() strips spaces YAML keeps (NBSP, U+2028, U+FEFF).
  it("a custom tag inside a flow sequence is refused, at the tag", () => {
    const text = "roles: [member, !foo admin]\n";
    const pos = at(text, "!foo");
    expect(summary(parse(text).diagnostics)).toEqual([`error:yaml-unsupported-tag@${pos.line}:${pos.column}`]);
  });

  it("anchors and aliases inside a flow sequence are anchors and aliases", () => {
    expect(parse("roles: [&r member, *r]\n").value).toEqual({ roles: ["member", "member"] });
  });

  it.each(["roles: [member, #admin]\n", "roles: [>admin]\n", "roles: [member, |x]\n", "roles: [member, @x]\n", "roles: [member, `x]\n", "roles: [member, %x]\n", "roles: [member, - x]\n"])(
    "%j is a YAML error",
    (text) => {
      const r = parse(text);
      expect(r.value).toBeUndefined();
      expect(r.diagnostics.length).toBeGreaterThan(0);
      for (const d of r.diagnostics) expect(d.code).toMatch(/^yaml-/);
    },
  );

  it("an explicit key inside a flow sequence is a mapping", () => {
    expect(parse("roles: [member, ? x]\n").value).toEqual({ roles: ["member", { x: null }] });
  });

  it.each([
    ["a no-break space", "\u00a0"],
    ["a line separator", "\u2028"],
  ])("%s before a value is part of the value", (_name, ch) => {
    expect(parse(`grantee: ${ch}alice\n`).value).toEqual({ grantee: `${ch}alice` });
    expect(parse(`admins:\n  - ${ch}alice\n`).value).toEqual({ admins: [`${ch}alice`] });
    const lease = `grantee: ${ch}alice\nresource: prod-db-readers\nrole: member\nduration: 4h\nreason: Pull figures for the quarterly report\n`;
    expect(summary(loadLease("leases/prod-db-readers/a.yaml", bytes(lease)).diagnostics)).toEqual(["error:lease-schema-format@1:10"]);
  });
});

describe("other syntax", () => {
  it("reports a syntax error with its position", () => {
    const r = parse("grantee: alice\nrole: [member\nreason: x\n");
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.length).toBeGreaterThan(0);
    for (const d of r.diagnostics) expect(d.code).toMatch(/^yaml-/);
    expect(r.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it("refuses tab indentation", () => {
    expect(codes("provider:\n\ttype: github-team\n")).toEqual(["yaml-syntax"]);
  });

  it("refuses complex keys at the key", () => {
    expect(summary(parse("? [a, b]\n: 1\n").diagnostics)).toEqual(["error:yaml-complex-key@1:3"]);
  });

  it("refuses nesting deeper than the limit", () => {
    expect(codes(`a: ${"[".repeat(40)}${"]".repeat(40)}\n`)).toEqual(["yaml-too-deep"]);
  });

  it("locates values and keys", () => {
    const text = "# comment\ngrantee:   alice\nrole: member\n";
    const r = parse(text);
    expect(r.locate("/grantee")).toEqual({ line: 2, column: 12 });
    expect(r.locateKey("/grantee")).toEqual({ line: 2, column: 1 });
    expect(r.locate("/role")).toEqual({ line: 3, column: 7 });
    expect(r.locate("/missing")).toEqual(r.locate(""));
  });

  it("parseYamlText and parseYamlBytes agree", () => {
    const text = good("platform-admins");
    expect(parseYamlText("f", text).value).toEqual(parseYamlBytes("f", bytes(text)).value);
  });
});

describe("never throws", () => {
  // Deterministic pseudo-random inputs: mutated leases and policies, and raw bytes.
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const alphabet = [..."abc:-[]{},&*!|>'\"%@`#?~\n \t\\/0123456789.TZ+é"];
  const seeds = [good("platform-admins"), good("web-deployers", { notBefore: "2026-11-24T12:00:00Z" }), EXAMPLE_POLICY_TEXT, leaseYaml({ a: "x" })];

  const mutate = (s: string) => {
    const chars = [...s];
    const n = 1 + rand(6);
    for (let i = 0; i < n; i++) {
      const p = rand(chars.length + 1);
      const op = rand(3);
      if (op === 0) chars.splice(p, 1);
      else if (op === 1) chars.splice(p, 0, alphabet[rand(alphabet.length)]!);
      else chars[p] = alphabet[rand(alphabet.length)]!;
    }
    return chars.join("");
  };

  it("on 600 mutated leases and policies: every problem is a diagnostic with a position", () => {
    for (let i = 0; i < 600; i++) {
      const text = mutate(seeds[i % seeds.length]!);
      const b = bytes(text);
      let lease, policy;
      expect(() => (lease = loadLease("leases/platform-admins/a.yaml", b)), JSON.stringify(text)).not.toThrow();
      expect(() => (policy = loadPolicy("policy.yaml", b)), JSON.stringify(text)).not.toThrow();
      for (const d of [...lease!.diagnostics, ...policy!.diagnostics]) {
        expect(Number.isInteger(d.line) && d.line >= 1, JSON.stringify(d)).toBe(true);
        expect(Number.isInteger(d.column) && d.column >= 1, JSON.stringify(d)).toBe(true);
        expect(d.code).toMatch(/^[a-z0-9-]+$/);
      }
    }
  });

  it("on random bytes", () => {
    for (let i = 0; i < 200; i++) {
      const raw = Buffer.alloc(1 + rand(200));
      for (let j = 0; j < raw.length; j++) raw[j] = rand(256);
      expect(() => parseYamlBytes("f", raw)).not.toThrow();
      expect(() => loadPolicy("policy.yaml", raw)).not.toThrow();
    }
  });
});
