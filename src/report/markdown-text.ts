/**
 * Anyone's text (a lease's reason, ticket, role; a form's input) placed in a Markdown comment
 * or pull request body as data, never as Markdown: inside code, where GitHub renders no
 * HTML, no links, no images, no emphasis and no @mentions or #references. Code spans fold
 * line breaks and escape `|` (a table cell splits at a bare `|` even inside code); code
 * blocks keep the lines. Characters that change how text reads without being seen (control
 * characters, bidirectional overrides, zero-width characters, line separators) are shown as
 * \u{…} escapes, so a reviewer sees what the parsers saw.
 */

/** Controls (but tab and line feed), soft hyphen, bidi marks and overrides, zero-width and invisible format characters, line/paragraph separators, BOM, interlinear annotations, variation selectors, tag characters, lone surrogates. */
// Each code point on its own (variation selectors too, which the lint rule would read as combining with a neighbour).
// eslint-disable-next-line no-control-regex, no-misleading-character-class
const HIDDEN = /[\u{0}-\u{8}\u{B}-\u{1F}\u{7F}-\u{9F}\u{AD}\u{61C}\u{115F}\u{1160}\u{17B4}\u{17B5}\u{180B}-\u{180F}\u{200B}-\u{200F}\u{2028}-\u{202E}\u{2060}-\u{206F}\u{3164}\u{FE00}-\u{FE0F}\u{FEFF}\u{FFA0}\u{FFF9}-\u{FFFB}\u{D800}-\u{DFFF}\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;

/** The text with every hidden character shown as \u{hex}. Tabs and line feeds stay; CRLF becomes LF. */
export function visible(text: string): string {
  return text.replace(/\r\n/g, "\n").replace(HIDDEN, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}}`);
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Inline code the text cannot break out of: line breaks shown as ⏎, tabs as spaces,
 * delimited by more backticks than any run inside and padded with spaces (which CommonMark
 * strips) so a leading or trailing backtick stays content. Not for table cells: see cellCode.
 */
export function inlineCode(text: string): string {
  return delimit(visible(text).replace(/\n/g, " ⏎ ").replace(/\t/g, " "));
}

/**
 * inlineCode for a table cell: `|` escaped too, since a cell ends at a bare `|` even inside
 * code (GFM renders `\|` there as `|`). A backslash right before a `|` is shown as \u{005C}:
 * renderers disagree on whether `\\|` escapes the pipe or the backslash, so none is left there.
 */
export function cellCode(text: string): string {
  const flat = visible(text).replace(/\n/g, " ⏎ ").replace(/\t/g, " ");
  return delimit(flat.replace(/\\(?=\\*\|)/g, "\\u{005C}").replace(/\|/g, "\\|"));
}

function delimit(flat: string): string {
  const tick = "`".repeat(longestRun(flat, "`") + 1);
  return `${tick} ${flat} ${tick}`;
}

/**
 * A fenced code block the text cannot close: the fence is longer than any backtick run in
 * it. Must start at the beginning of a line, outside lists and block quotes.
 */
export function codeBlock(text: string, info = "text"): string {
  const body = visible(text).replace(/\n+$/, "");
  const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}

/** At most `max` characters (whole code points), with how many were left out. */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join("")}… (${chars.length - max} more characters: see the file)`;
}

/**
 * Text as Markdown prose, on one line: shown as written, never read as Markdown, HTML, an
 * autolink or an @mention. Every ASCII punctuation character is backslash-escaped (which
 * CommonMark allows for all of them, in table cells too), and an invisible break follows
 * each @, since GitHub finds mentions in the rendered text.
 */
export function markdownText(text: string): string {
  return visible(text)
    .replace(/\n/g, " ⏎ ")
    .replace(/\t/g, " ")
    .replace(/[!-/:-@[-`{-~]/g, (c) => (c === "@" ? "\\@&#8203;" : `\\${c}`));
}
