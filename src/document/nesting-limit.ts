/**
 * The nesting bound, checked before anything recurses. The `yaml` library reads a document
 * in two steps: its lexer and CST parser are iterative (a push-down automaton with an
 * explicit stack), its composer then turns the CST into nodes by recursion. A document of
 * thousands of nested collections (`[[[[…`, `{a: {a: …`, `- - - …`, deeper and deeper
 * indentation) overflows the call stack in the composer, and an overflow that lands in V8's
 * regular-expression compiler aborts the process ("RegExpCompiler Allocation failed")
 * instead of throwing. So the CST parser is fed one token at a time and its stack watched:
 * the moment a collection opens deeper than the bound, reading stops (linear in the text
 * read so far, no recursion) and the composer never runs. The depth is the parser's own, so
 * it cannot disagree with what the composer would have built.
 */
import { Lexer, Parser } from "yaml";
import type { CST, LineCounter } from "yaml";

export type CstRead = { ok: true; tokens: CST.Token[] } | { ok: false; offset: number };

const isCollection = (t: CST.Token) => t.type === "block-map" || t.type === "block-seq" || t.type === "flow-collection";

/**
 * Lexes and parses `text` into CST tokens for the composer, refusing once a collection
 * would sit more than `maxDepth` levels below the top (the top-level mapping is level 0).
 * On refusal, `offset` is where the collection that crossed the bound starts.
 */
export function readCst(text: string, maxDepth: number, lineCounter: LineCounter): CstRead {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  lineCounter.addNewLine(0); // as Parser.parse does
  // The stack holds the document, the open collections and at most a few more tokens
  // (a scalar or properties being read): counting is needed only when it gets tall.
  const quick = maxDepth + 1;
  for (const lexeme of new Lexer().lex(text)) {
    for (const t of parser.next(lexeme)) tokens.push(t);
    const stack = parser.stack;
    if (stack.length <= quick) continue;
    let collections = 0;
    let deepest: CST.Token | undefined;
    for (const t of stack) {
      if (isCollection(t)) {
        collections++;
        deepest = t;
      }
    }
    if (collections - 1 > maxDepth && deepest && "offset" in deepest) return { ok: false, offset: deepest.offset };
  }
  for (const t of parser.end()) tokens.push(t);
  return { ok: true, tokens };
}
