/**
 * The validate check's sticky comment shows what each lease the pull request adds or extends
 * asks for, as the parsers read it — so reviewers approve what apply will grant, not what a
 * diff viewer shows (which may call a file binary, fold it, or not draw some characters).
 * Every value from the lease or the pull request is inert there: rendered with a CommonMark +
 * GFM renderer (micromark, as GitHub's cmark-gfm), it adds no HTML, no links, no images, no
 * table cells, no mentions; and a comment marker quoted in it is not taken for a marker.
 */
import fc from "fast-check";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { isMarked } from "../../src/github/sticky-comment.js";
import { COMMENT_MARKER, MAX_COMMENT, formatComment } from "../../src/report/format-markdown.js";
import { formatRequestView } from "../../src/report/format-request-view.js";
import { cellCode, codeBlock, inlineCode, markdownText } from "../../src/report/markdown-text.js";
import type { FileChange } from "../../src/validate/inputs.js";
import type { Report } from "../../src/validate/report.js";
import type { RequestView } from "../../src/validate/request-view.js";
import { validatePullRequest } from "../../src/validate/validate-pull-request.js";
import { HOUR, MINUTE, NOW, added, fileReport, good, leasePath, modified, prInput } from "./support.js";
import type { PrOptions } from "./support.js";

const pr = (changes: FileChange[], o: PrOptions = {}) => validatePullRequest(prInput(changes, o));
const html = (md: string) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });

/** The rendered comment's rows of the view table(s): [field, value as text]. */
function tableRows(h: string): string[][] {
  return [...h.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g)].map((c) => text(c[1]!)));
}
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };
function text(h: string): string {
  return h
    .replace(/<[^>]+>/g, "")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(amp|lt|gt|quot);/g, (_, n: string) => ENTITIES[n]!);
}
/** The tags the renderer produced (text inside code is escaped, so it never shows here). */
const tags = (h: string) => [...h.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[1]!.toLowerCase(), attrs: m[2]!.trim() }));
const ALLOWED = new Set(["h3", "h4", "p", "strong", "code", "pre", "table", "thead", "tbody", "tr", "th", "td", "ul", "li", "details", "summary", "blockquote"]);
/** Text GitHub would scan for @mentions: everything outside code and pre. */
const prose = (h: string) => text(h.replace(/<pre>[\s\S]*?<\/pre>/g, "").replace(/<code>[\s\S]*?<\/code>/g, ""));
const MENTION = /(^|[^\w`])@[A-Za-z0-9]/;

/** No tag, attribute or link but ours (`links`: the hrefs the comment itself adds). */
function expectInert(body: string, links: string[] = []): void {
  const h = html(body);
  for (const t of tags(h)) {
    if (t.name === "a") {
      expect(links.map((l) => `href="${l}"`), `unexpected link ${t.attrs}`).toContain(t.attrs);
      continue;
    }
    expect(ALLOWED.has(t.name), `unexpected <${t.name}> in\n${h}`).toBe(true);
    expect(t.attrs === "" || t.attrs === 'class="language-text"', `unexpected attributes <${t.name} ${t.attrs}>`).toBe(true);
  }
  expect(prose(h)).not.toMatch(MENTION);
}

describe("the sticky comment shows the parsed request", () => {
  it("of a new lease: grantee, resource, role, window in UTC, duration, ticket, requester, break-glass and the reason", () => {
    const FILE = leasePath("platform-admins");
    const r = pr([added(FILE, good("platform-admins"))]);
    expect(r.ok).toBe(true);
    expect(fileReport(r, FILE).request).toMatchObject({ change: "new", grantee: "alice", requester: "alice", start: { kind: "merge", ifNow: NOW }, end: { kind: "after-start", minutes: 240, ifNow: NOW + 4 * HOUR }, minutes: 240 });
    const body = formatComment(r);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain("#### What this pull request asks for");
    expect(tableRows(html(body))).toEqual([
      ["Field", "Value"],
      ["Grantee", "alice"],
      ["Resource", "platform-admins"],
      ["Role", "maintainer"],
      ["Starts (UTC)", "when merged and granted (if merged now: 2026-11-24T10:00:00Z)"],
      ["Ends (UTC)", "4h after the start (if merged now: 2026-11-24T14:00:00Z)"],
      ["Duration", "4h"],
      ["Ticket", "INC-1234"],
      ["Requester", "alice"],
      ["Break-glass", "no"],
    ]);
    expect(body).toContain("Reason:\n\n```text\nRotate prod credentials after INC-1234\n```");
    expectInert(body);
  });

  it("of a scheduled lease with an absolute end, and of a break-glass request (granted at once)", () => {
    const FILE = leasePath("platform-admins");
    const scheduled = pr([added(FILE, good("platform-admins", { duration: undefined, notBefore: "2026-11-24T12:00:00+01:00", expires: "2026-11-24T14:30:00Z" }))]);
    const rows = tableRows(html(formatComment(scheduled)));
    expect(rows).toContainEqual(["Starts (UTC)", "2026-11-24T11:00:00Z (notBefore; at the merge if that is later)"]);
    expect(rows).toContainEqual(["Ends (UTC)", "2026-11-24T14:30:00Z"]);
    expect(rows).toContainEqual(["Duration", "3h30m"]);

    const bg = pr([added(FILE, good("platform-admins", { duration: "1h", breakGlass: true }))]);
    const bgRows = tableRows(html(formatComment(bg)));
    expect(bgRows).toContainEqual(["Starts (UTC)", "at once, before approval (break-glass: when the break-glass job runs, about 2026-11-24T10:00:00Z)"]);
    expect(bgRows).toContainEqual(["Break-glass", "yes: granted when the pull request is opened, before approval; it must be approved and merged in time"]);
  });

  it("of an extension: the end in force and the new end, by how much, and the total", () => {
    const FILE = leasePath("platform-admins", "alice-inc-1234.yaml");
    const r = pr([modified(FILE, good("platform-admins"), good("platform-admins", { duration: "7h" }), { addedAt: NOW - HOUR, extensions: 0 })]);
    expect(r.ok).toBe(true);
    expect(fileReport(r, FILE).request).toMatchObject({ change: "extension", start: { kind: "at", at: NOW - HOUR, why: "granted" }, previousEnd: NOW + 3 * HOUR, end: { kind: "at", at: NOW + 6 * HOUR } });
    const body = formatComment(r);
    expect(body).toContain("**Extension of** ` leases/platform-admins/alice-inc-1234.yaml `");
    const rows = tableRows(html(body));
    expect(rows).toContainEqual(["Starts (UTC)", "2026-11-24T09:00:00Z (when it was granted)"]);
    expect(rows).toContainEqual(["Ends now (UTC)", "2026-11-24T13:00:00Z"]);
    expect(rows).toContainEqual(["New end (UTC)", "2026-11-24T16:00:00Z"]);
    expect(rows).toContainEqual(["Extended by", "3h"]);
    expect(rows).toContainEqual(["Total duration", "7h"]);
    // Without the base branch's history the grant time is not known, and the comment says so.
    const shallow = tableRows(html(formatComment(pr([modified(FILE, good("platform-admins"), good("platform-admins", { duration: "7h" }))]))));
    expect(shallow).toContainEqual(["Ends now (UTC)", "not known (the base branch's history was not available)"]);
    expect(shallow).toContainEqual(["New end (UTC)", "7h after the start"]);
  });

  it("also when the request is refused: reviewers see what was asked next to why it was refused", () => {
    const FILE = leasePath("platform-admins");
    const r = pr([added(FILE, good("platform-admins", { duration: "9h" }))]);
    expect(r.ok).toBe(false);
    const rows = tableRows(html(formatComment(r)));
    expect(rows).toContainEqual(["Duration", "9h"]);
    expect(formatComment(r)).toMatch(/lease\\-duration\\-too\\-long|` lease-duration-too-long `/);
  });
});

describe("hostile lease text in the comment is inert", () => {
  const HOSTILE_REASON = [
    "Need access @acme/security-admins please @carol",
    "<img src=x onerror=alert(1)> <a href='https://evil.example'>click</a> https://evil.example www.evil.example",
    "| Grantee | mallory | ``` ` `` end",
    "<!-- jit-access:break-glass-granted #1 --> <!-- jit-access:validate -->",
    "</details> **bold** [link](https://evil.example) ![img](https://evil.example/x.png)",
    // Control characters and bidi overrides never get this far (the parser refuses them:
    // file-control-character); what a lease may still carry invisibly is shown escaped.
    "marks \u200Fgnp.exe\u200E zero\u200Bwidth",
  ].join("\n");
  const HOSTILE_TICKET = "INC-1 | Grantee | `@mallory` <img src=x> <!-- x -->\u2028next";

  it("a reason and ticket with mentions, HTML, pipes, backticks, newlines, comment markers and bidi overrides render as data", () => {
    const FILE = leasePath("platform-admins");
    const r = pr([added(FILE, good("platform-admins", { reason: HOSTILE_REASON, ticket: HOSTILE_TICKET }))]);
    expect(fileReport(r, FILE).request?.reason).toBe(HOSTILE_REASON);
    const body = formatComment(r);
    expectInert(body);
    const h = html(body);
    const rows = tableRows(h);
    expect(rows).toHaveLength(10); // header + 9 fields: no row or cell was added
    for (const row of rows) expect(row).toHaveLength(2);
    // The ticket is one cell, shown whole (the line separator made visible).
    expect(rows).toContainEqual(["Ticket", "INC-1 | Grantee | `@mallory` <img src=x> <!-- x -->\\u{2028}next"]);
    // The reason is one code block, every line as written; hidden characters are shown, not hidden.
    const pre = [...h.matchAll(/<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>/g)].map((m) => text(m[1]!));
    expect(pre).toEqual([HOSTILE_REASON.replace("\u200F", "\\u{200F}").replace("\u200E", "\\u{200E}").replace("\u200B", "\\u{200B}") + "\n"]);
    // A quoted marker does not make this comment another purpose's (break-glass announcement, validate).
    const comment = { body, user: { type: "Bot" } };
    expect(isMarked(comment, "<!-- jit-access:break-glass-granted #1 -->")).toBe(false);
    expect(isMarked(comment, COMMENT_MARKER)).toBe(true);
    expect(isMarked({ body: "<!-- jit-access:break-glass-granted #1 -->\nmine", user: { type: "User" } }, "<!-- jit-access:break-glass-granted #1 -->")).toBe(false);
  });

  it("a role or a finding's message that echoes lease text renders as data too", () => {
    const FILE = leasePath("platform-admins");
    const r = pr([added(FILE, good("platform-admins", { role: "owner <img src=x> @acme/security", ticket: "@acme/security-admins | x" }))]);
    expect(r.ok).toBe(false); // the role is not allowed: its message quotes it
    expectInert(formatComment(r));
  });

  it("any reason, ticket or role renders as data: the table keeps its rows and cells, and no HTML, link or mention gets out", () => {
    const piece = fc.constantFrom("@", "@acme/team", "<", ">", "<img src=x>", "<!--", "-->", "|", "\\|", "\\", "`", "``", "```", "~~~", "\n", "\r", "\r\n", "\t", "*", "_", "[", "](", ")", "!", "#", "&amp;", "&#64;", "http://x.example", "www.x.example", "\u202E", "\u2028", "\u0000", "\u200B", " ", "a", "é", "😀", "\uDB40\uDC41");
    const hostile = fc.array(fc.oneof(piece, fc.string({ unit: "binary", maxLength: 8 })), { maxLength: 30 }).map((a) => a.join(""));
    fc.assert(
      fc.property(hostile, hostile, hostile, (reason, ticket, role) => {
        const view: RequestView = { change: "new", grantee: "alice", resource: "platform-admins", role, reason, ticket, breakGlass: false, requester: "alice", start: { kind: "merge", ifNow: NOW }, end: { kind: "after-start", minutes: 60, ifNow: NOW + HOUR }, minutes: 60 };
        const report: Report = { ok: true, files: [{ file: leasePath("platform-admins"), ok: true, action: "new lease", request: view, errors: [], warnings: [] }], notes: [] };
        const body = formatComment(report);
        expectInert(body);
        const h = html(body);
        const rows = tableRows(h);
        expect(rows).toHaveLength(10);
        for (const row of rows) expect(row).toHaveLength(2);
        expect([...h.matchAll(/<pre>/g)]).toHaveLength(1);
        expect(isMarked({ body, user: { type: "Bot" } }, "<!-- jit-access:break-glass")).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("escapes file names in findings (a mixed pull request may add any path)", () => {
    const weird = "docs/`x` <img src=x> @acme/security | y.md";
    const r = pr([added(leasePath("platform-admins"), good("platform-admins")), added(weird, "hello")]);
    expect(r.ok).toBe(false);
    const body = formatComment(r);
    expectInert(body);
    expect(text(html(body))).toContain(weird);
  });

  it("a comment too long for GitHub becomes a short one (else the update fails and the old comment stands)", () => {
    const many = Array.from({ length: 40 }, (_, i) => added(leasePath("platform-admins", `alice-${i}.yaml`), good("platform-admins", { reason: `${"\u200B".repeat(999)}${i}` })));
    const r = pr(many);
    const body = formatComment(r, { summaryUrl: "https://github.com/acme/access/actions/runs/1" });
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expectInert(body, ["https://github.com/acme/access/actions/runs/1"]);
    // The views that fit are shown; the others are named, not dropped silently.
    expect(body).toContain("Not shown here (too long for one comment), read them as text: ");
    expect(body).toContain("` leases/platform-admins/alice-39.yaml `");
    // Findings past GitHub's limit: the verdict and where to read the rest.
    const d = { code: "lease-reason-too-short", file: leasePath("platform-admins"), line: 1, column: 1, severity: "error" as const, message: "x".repeat(100) };
    const huge: Report = { ok: false, files: [{ file: leasePath("platform-admins"), ok: false, errors: Array.from({ length: 1000 }, () => d), warnings: [] }], notes: [] };
    const short = formatComment(huge, { summaryUrl: "https://github.com/acme/access/actions/runs/1" });
    expect(short).toBe(`${COMMENT_MARKER}\n### ❌ jit-access: 1000 problems found\n\n1 file(s), 1000 error(s), 0 warning(s). This report is too long for a comment: read the job summary ([full report](https://github.com/acme/access/actions/runs/1)) and the lease files as text before approving.\n`);
  });
});

describe("markdown text helpers", () => {
  it("inline code is longer-fenced than any backtick run and keeps edge backticks", () => {
    expect(inlineCode("a`b")).toBe("`` a`b ``");
    expect(text(html(inlineCode("`x`")))).toBe("`x`");
    // A backslash before a pipe is shown escaped: renderers disagree on what `\\|` escapes.
    expect(text(html(`| a |\n| - |\n| ${cellCode("p|q\\|r")} |`))).toContain("p|q\\u{005C}|r");
    expect(text(html(inlineCode("p|q")))).toBe("p|q");
  });
  it("code blocks cannot be closed from inside", () => {
    const t = "```\n````\nstill code";
    expect(text(html(codeBlock(t)))).toBe(t + "\n");
  });
  it("prose escapes Markdown and breaks mentions", () => {
    expect(text(html(markdownText("**x** @acme/team <b>")))).toBe("**x** @\u200Bacme/team <b>");
  });
  it("each view stays within a comment's reach (the schema's limits, escaped)", () => {
    const view: RequestView = { change: "new", grantee: "alice", resource: "r", role: "\u0007".repeat(100), reason: "\u0007".repeat(1000), ticket: "\u0007".repeat(200), breakGlass: false, start: { kind: "merge", ifNow: NOW }, end: { kind: "after-start", minutes: 1, ifNow: NOW + MINUTE }, minutes: 1 };
    expect(formatRequestView("leases/r/a.yaml", view).length).toBeLessThan(20_000);
  });
});
