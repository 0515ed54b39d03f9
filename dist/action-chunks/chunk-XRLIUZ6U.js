import { createRequire as __jitCreateRequire } from 'node:module';
const require = __jitCreateRequire(import.meta.url);

// src/report/markdown-text.ts
var HIDDEN = /[\u{0}-\u{8}\u{B}-\u{1F}\u{7F}-\u{9F}\u{AD}\u{61C}\u{115F}\u{1160}\u{17B4}\u{17B5}\u{180B}-\u{180F}\u{200B}-\u{200F}\u{2028}-\u{202E}\u{2060}-\u{206F}\u{3164}\u{FE00}-\u{FE0F}\u{FEFF}\u{FFA0}\u{FFF9}-\u{FFFB}\u{D800}-\u{DFFF}\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;
function visible(text) {
  return text.replace(/\r\n/g, "\n").replace(HIDDEN, (c) => `\\u{${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}}`);
}
function longestRun(text, char) {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}
function inlineCode(text) {
  return delimit(visible(text).replace(/\n/g, " \u23CE ").replace(/\t/g, " "));
}
function cellCode(text) {
  const flat = visible(text).replace(/\n/g, " \u23CE ").replace(/\t/g, " ");
  return delimit(flat.replace(/\\(?=\\*\|)/g, "\\u{005C}").replace(/\|/g, "\\|"));
}
function delimit(flat) {
  const tick = "`".repeat(longestRun(flat, "`") + 1);
  return `${tick} ${flat} ${tick}`;
}
function codeBlock(text, info = "text") {
  const body = visible(text).replace(/\n+$/, "");
  const fence = "`".repeat(Math.max(3, longestRun(body, "`") + 1));
  return `${fence}${info}
${body}
${fence}`;
}
function clip(text, max) {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join("")}\u2026 (${chars.length - max} more characters: see the file)`;
}
function markdownText(text) {
  return visible(text).replace(/\n/g, " \u23CE ").replace(/\t/g, " ").replace(/[!-/:-@[-`{-~]/g, (c) => c === "@" ? "\\@&#8203;" : `\\${c}`);
}

export {
  inlineCode,
  cellCode,
  codeBlock,
  clip,
  markdownText
};
