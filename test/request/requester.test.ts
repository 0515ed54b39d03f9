// Who asked for a pull request's leases (approval/requester.ts): the author, or for the
// request form's bot the actor of a trusted request note that binds this repository, branch,
// head commit, lease path and blob — and nobody when any of them differs.
import { describe, expect, it } from "vitest";
import { resolveRequester } from "../../src/approval/requester.js";
import type { RequesterInput } from "../../src/approval/requester.js";
import { noteSigner, signNote } from "../../src/evidence/evidence.js";
import { isTrustedRequestNote, parseRequestNote, signRequestNote } from "../../src/evidence/request-note.js";
import type { RequestBinding } from "../../src/evidence/request-note.js";

const KEY = "k";
const HEAD = "a".repeat(40);
const BLOB = "b".repeat(40);
const binding: RequestBinding = { repository: "acme/access", branch: "jit/request/zed/x", actor: "zed", lease: "leases/x/zed.yaml", blob: BLOB, requestedAt: "2026-11-24T09:00:00Z" };
const note = (b: Partial<RequestBinding> = {}, commit = HEAD, key = KEY) => JSON.stringify(signRequestNote({ ...binding, ...b }, commit, key));
const input = (o: Partial<RequesterInput> = {}): RequesterInput => ({
  author: "jit-access[bot]",
  botLogin: "jit-access[bot]",
  evidenceKey: KEY,
  repository: "acme/access",
  pullRequest: { number: 3, headSha: HEAD, headRef: "jit/request/zed/x" },
  note: note(),
  leases: [{ path: "leases/x/zed.yaml", blob: BLOB }],
  ...o,
});
const code = (o: Partial<RequesterInput>) => {
  const r = resolveRequester(input(o));
  return r.ok ? `ok:${r.login}` : r.code;
};

describe("resolveRequester", () => {
  it("a request-form pull request exactly as the form opened it: the note's actor", () => {
    expect(resolveRequester(input())).toMatchObject({ ok: true, login: "zed", via: "request-form", binding });
    expect(code({ author: "JIT-ACCESS[bot]" })).toBe("ok:zed"); // logins compare case-insensitively
  });

  it("anyone else's pull request: its author, whatever notes exist", () => {
    expect(resolveRequester(input({ author: "mallory" }))).toMatchObject({ ok: true, login: "mallory", via: "author" });
    expect(code({ botLogin: undefined })).toBe("ok:jit-access[bot]"); // the bot unknown: taken literally (and then refused by the grantee rules)
    expect(code({ leases: [] })).toBe("ok:jit-access[bot]"); // no lease added or changed: who asked does not matter
  });

  it("nobody, when anything differs from what the form signed", () => {
    expect(code({ evidenceKey: undefined })).toBe("request-no-evidence-key");
    expect(code({ note: undefined })).toBe("request-unbound");
    expect(code({ note: "not json" })).toBe("request-unbound");
    expect(code({ note: JSON.stringify(signNote({ version: 1, leases: [] }, HEAD, noteSigner("acme", "access", KEY))) })).toBe("request-unbound"); // an evidence note is not a request note
    expect(code({ note: note({}, HEAD, "another key") })).toBe("request-unbound");
    expect(code({ note: note({}, "c".repeat(40)) })).toBe("request-unbound"); // signed for another commit
    expect(code({ note: note({ repository: "acme/other" }) })).toBe("request-unbound");
    expect(code({ note: note({ branch: "jit/request/zed/y" }) })).toBe("request-unbound");
    expect(code({ leases: [{ path: "leases/x/zed.yaml", blob: "d".repeat(40) }] })).toBe("request-unbound");
    expect(code({ leases: [{ path: "leases/x/other.yaml", blob: BLOB }] })).toBe("request-unbound");
    expect(code({ leases: [{ path: "leases/x/zed.yaml", blob: BLOB }, { path: "leases/x/more.yaml", blob: BLOB }] })).toBe("request-unbound");
  });

  it("nobody, for a bot's pull request when the form's login could not be found (it may be the form's)", () => {
    const problem = { botLogin: undefined, botProblem: "GET /user: 403" };
    expect(code(problem)).toBe("request-bot-unknown");
    expect(resolveRequester(input(problem))).toMatchObject({ ok: false, message: expect.stringContaining("jit-access[bot], a bot account") as unknown, hint: expect.stringContaining("bot-login") as unknown });
    expect(code({ ...problem, author: "renovate[bot]" })).toBe("request-bot-unknown");
    expect(code({ ...problem, author: "mallory" })).toBe("ok:mallory"); // a person is who they are
    expect(code({ ...problem, leases: [] })).toBe("ok:jit-access[bot]");
  });

  it("a note edited after signing (another actor) is not trusted", () => {
    const signed = JSON.parse(note()) as { request: RequestBinding };
    signed.request.actor = "mallory";
    expect(code({ note: JSON.stringify(signed) })).toBe("request-unbound");
    const parsed = parseRequestNote(JSON.stringify(signed))!;
    expect(isTrustedRequestNote(parsed, HEAD, KEY)).toBe(false);
    expect(isTrustedRequestNote(parseRequestNote(note())!, HEAD, undefined)).toBe(false);
  });
});
