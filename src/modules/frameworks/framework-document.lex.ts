import { CST, Lexer } from 'yaml';

/** Limits on a framework file, and the one pass over its YAML tokens that enforces the structural ones before parsing. */

export const maxFileBytes = 1024 * 1024;
/** A framework is six levels deep (framework → headings → heading → elements → element → questions). */
export const maxNesting = 20;

/**
 * Parsing costs time in proportion to the parts of a file, not its bytes: a megabyte of `- [[[1]]]`
 * or `k1: v` lines took two to five seconds. The largest framework the schema allows (20 headings
 * of 30 elements, each with 20 questions and 7 descriptors) exported as YAML has about 46,000
 * names, values, dashes and colons on about 19,000 lines; anything well past that is refused from
 * the lexer's tokens, which are cheap, before the parser and composer, which are not.
 */
export const maxEntries = 60_000;
export const maxLines = 100_000;

/**
 * What the lexer's tokens show: nesting (open flow brackets, and block indicators on one line as in
 * `- - - x`), and size. Lexing stops at the first limit passed, so a hostile file is not read to its end.
 */
export function lexedShape(text: string): { deepAt?: number; tooMany?: 'entries' | 'lines' } {
  let flow = 0;
  let onLine = 0;
  let offset = 0;
  let entries = 0;
  let lines = 0;
  for (const source of new Lexer().lex(text)) {
    const type = CST.tokenType(source);
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow += 1;
    else if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
    else if (type === 'newline') {
      onLine = 0;
      lines += 1;
    }
    // Inside brackets a colon separates a key from its value, and one line may hold many.
    else if (flow === 0 && (type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind')) {
      onLine += 1;
    }
    if (type !== null && countedTokens.has(type)) entries += 1;
    if (flow > maxNesting || onLine > maxNesting) return { deepAt: offset };
    if (entries > maxEntries) return { tooMany: 'entries' };
    if (lines > maxLines) return { tooMany: 'lines' };
    // The lexer's control tokens mark state and are not part of the text.
    if (!lexerControls.has(source)) offset += source.length;
  }
  return {};
}

const lexerControls = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
/**
 * Every token the parser does work for except spaces, newlines and comments (bounded by lines);
 * `scalar` is the mark the lexer puts before every plain or block scalar.
 */
const countedTokens = new Set<string>([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'seq-item-ind',
  'explicit-key-ind',
  'map-value-ind',
  'flow-seq-start',
  'flow-map-start',
  'comma',
  'alias',
  'anchor',
  'tag',
]);
