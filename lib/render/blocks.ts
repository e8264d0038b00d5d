// Line-level view of a Markdown document, just enough for the maths scanner:
// which lines are code (no maths there), which are blank (paragraph breaks),
// which start a new block (list item, heading, rule) and how deep in blockquotes
// each line sits. It is deliberately not a Markdown parser; marked does the real
// parse later, after formulas have been replaced by placeholders.
// Browser-safe: no imports.

export type LineKind = 'text' | 'blank' | 'code';

export interface Line {
  start: number; // offset of the first character
  end: number; // offset of the line's '\n' (or text.length)
  kind: LineKind;
  quoteDepth: number; // number of leading '>' markers
  contentStart: number; // offset after the blockquote markers
  blockStart: boolean; // starts a list item, heading or thematic break
  fenceOpen: boolean; // a code fence opens here and is still open at end of text
}

const QUOTE_PREFIX = /^(?: {0,3}>[ \t]?)*/;
const FENCE_OPEN = /^( *)(`{3,}|~{3,})([^`]*)$/;
const LIST_MARKER = /^ *(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const HEADING_OR_RULE = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;

/** Columns of leading whitespace, tabs counting as 4 (close enough for code detection). */
function indentOf(s: string): number {
  let cols = 0;
  for (const ch of s) {
    if (ch === ' ') cols += 1;
    else if (ch === '\t') cols += 4;
    else break;
  }
  return cols;
}

/**
 * Classifies every line. With `markdown: false` (titles, abstracts) there are no
 * code blocks, quotes or block starters: only text and blank lines.
 */
export function classifyLines(text: string, markdown: boolean): Line[] {
  const lines: Line[] = [];
  let fence: { char: string; len: number } | null = null;
  let fenceLine: Line | null = null;
  let inList = false;
  let prev: LineKind = 'blank';
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const raw = text.slice(start, end);
    const line: Line = {
      start,
      end,
      kind: 'text',
      quoteDepth: 0,
      contentStart: start,
      blockStart: false,
      fenceOpen: false,
    };
    lines.push(line);
    start = end + 1;

    if (!markdown) {
      line.kind = raw.trim() === '' ? 'blank' : 'text';
      continue;
    }
    const prefix = QUOTE_PREFIX.exec(raw)?.[0] ?? '';
    line.quoteDepth = (prefix.match(/>/g) ?? []).length;
    line.contentStart = line.start + prefix.length;
    const rest = raw.slice(prefix.length);

    if (fence) {
      line.kind = 'code';
      const close = /^ *(`{3,}|~{3,})[ \t]*$/.exec(rest);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.len) {
        fence = null;
        if (fenceLine) fenceLine.fenceOpen = false;
      }
      prev = 'code';
      continue;
    }
    // A fence may also open a list item ("- ```math").
    const open =
      FENCE_OPEN.exec(rest) ??
      (LIST_MARKER.test(rest) ? FENCE_OPEN.exec(rest.replace(LIST_MARKER, '')) : null);
    // A fence may be indented up to 3 spaces, or more inside a list item.
    if (open?.[2] && (open[1]!.length <= 3 || inList) && !(open[2][0] === '`' && open[3]!.includes('`'))) {
      if (LIST_MARKER.test(rest)) inList = true;
      fence = { char: open[2][0]!, len: open[2].length };
      fenceLine = line;
      line.kind = 'code';
      line.fenceOpen = true;
      prev = 'code';
      continue;
    }
    if (rest.trim() === '') {
      line.kind = 'blank';
      prev = 'blank';
      continue;
    }
    const indent = indentOf(rest);
    // Indented code cannot interrupt a paragraph, and inside lists indentation means continuation.
    if (indent >= 4 && prev !== 'text' && !inList) {
      line.kind = 'code';
      prev = 'code';
      continue;
    }
    if (LIST_MARKER.test(rest)) {
      inList = true;
      line.blockStart = true;
    } else {
      if (indent === 0 && prev === 'blank') inList = false;
      line.blockStart = HEADING_OR_RULE.test(rest);
    }
    prev = 'text';
  }
  return lines;
}
