// The maths scanner: finds every formula in Markdown (or plain text) before any
// Markdown parsing happens, so marked never sees TeX and MathJax never sees prose.
// Browser-safe (no MathJax import): the streaming holdback below runs in clients too.
//
// Two rule sets for `$`:
// - TeX (`markdown: false`: titles, abstracts, comments, which arXiv hands to TeX and MathJax):
//   every unescaped `$` opens or closes maths, in order, whatever is around it, as TeX reads it.
//   `$$` opens display maths. Braces inside maths hide `$` (`$\text{a $b$}$` is one formula), but
//   when braces do not balance before the paragraph ends, the first `$` closes anyway, so one
//   typo never shifts the pairing of every later formula. A `$` left over (odd count) is text.
// - Markdown (LLM answers, documents; pulldown-cmark / commonmark-hs "dollar math"), where `$`
//   is also currency: `$$...$$` display, may span lines but not a blank line; `$...$` inline with
//   the opener not followed by whitespace, the closer not preceded by whitespace, and not followed
//   by a digit when the formula reads like an amount ("$5 and $10" stays text, "$\sim$5" is maths);
//   no blank line and no new block inside. Braces must balance and hide `$`.
// Both: a backslash escapes the next character (`\$`); `\(...\)` inline, `\[...\]` display,
// `\begin{env}...\end{env}` display for the AMS/matrix envs; in Markdown, code spans, fenced and
// indented code hold no maths. Left to right, leftmost construct wins; an opener without a valid
// closer is plain text.

import { classifyLines, type Line } from './blocks';

export interface MathSpan {
  start: number; // offset of the opening delimiter in the source
  end: number; // offset just after the closing delimiter
  tex: string; // the TeX between the delimiters (whole \begin..\end for environments)
  display: boolean;
}

export interface ScanResult {
  spans: MathSpan[];
  /** Offset of the first construct (formula or code fence) still open at the end of the text, for streaming. */
  pendingFrom: number | null;
}

export interface ScanOptions {
  /** false for titles and abstracts: no code spans, code blocks or block structure. Default true. */
  markdown?: boolean;
}

const ENVIRONMENT =
  /^\\begin\{((?:equation|align|alignat|gather|multline|flalign|eqnarray)\*?|aligned|alignedat|gathered|split|cases|array|[pbBvV]?matrix|smallmatrix)\}/;
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const WHITESPACE = /\s/;
const DIGIT = /[0-9]/;
const EOF = -2;

type Attempt = { end: number; contentStart: number; contentEnd: number; inline?: true } | 'eof' | null;

export function scanMath(text: string, options: ScanOptions = {}): ScanResult {
  const markdown = options.markdown ?? true;
  if (!markdown && !/[$\\]/.test(text)) return { spans: [], pendingFrom: null }; // most titles and abstracts
  const lines = classifyLines(text, markdown);
  const spans: MathSpan[] = [];
  let pendingFrom: number | null = null;
  const notePending = (at: number) => {
    if (pendingFrom === null || at < pendingFrom) pendingFrom = at;
  };

  /** Index of the line holding offset `pos` (binary search). */
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  /** Next line an inline construct may continue on, EOF if the text ends first, or -1 if it may not. */
  const continuation = (li: number, depth: number, allowBlank: boolean, allowBlockStart: boolean): number => {
    for (let j = li + 1; j < lines.length; j++) {
      const line = lines[j]!;
      // An empty (or blank) last line is just the end of a streaming text, not a paragraph break yet.
      if (j === lines.length - 1 && (line.start === line.end || line.kind === 'blank')) return EOF;
      if (line.kind === 'code' || line.quoteDepth !== depth) return -1;
      if (line.kind === 'blank') {
        if (allowBlank) continue;
        return -1;
      }
      if (line.blockStart && !allowBlockStart) return -1;
      return j;
    }
    return EOF;
  };

  /** Walks forward from `from` (inside a construct opened on line `li`) until `step` decides. */
  const walk = (
    from: number,
    li: number,
    allowBlockStart: boolean,
    step: (j: number, line: Line) => number | 'close' | 'fail', // how far to advance, or a decision
  ): { closeAt: number } | 'eof' | null => {
    const depth = lines[li]!.quoteDepth;
    let j = from;
    for (;;) {
      if (j >= lines[li]!.end) {
        if (lines[li]!.end >= text.length) return 'eof';
        const next = continuation(li, depth, false, allowBlockStart);
        if (next === EOF) return 'eof';
        if (next < 0) return null;
        li = next;
        j = Math.max(j, lines[li]!.contentStart);
        continue;
      }
      const r = step(j, lines[li]!);
      if (r === 'close') return { closeAt: j };
      if (r === 'fail') return null;
      j += r;
    }
  };

  const tryDollar = (open: number, n: 1 | 2): Attempt =>
    markdown ? tryMarkdownDollar(open, n) : tryTexDollar(open, n);

  const tryMarkdownDollar = (open: number, n: 1 | 2): Attempt => {
    const first = text.charAt(open + n);
    if (n === 1 && first === '') return 'eof';
    if (n === 1 && WHITESPACE.test(first)) return null;
    let braces = 0;
    let spaced = false; // the formula so far has whitespace: "$5 and $10" reads as money
    const r = walk(open + n, lineAt(open), n === 2, (j, line) => {
      const c = text.charAt(j);
      if (c === '\\') return 2;
      if (c === '{') braces++;
      else if (c === '}') {
        if (braces === 0) return 'fail';
        braces--;
      } else if (c === '$' && braces === 0) {
        // A `$` ending a streaming text may be the first half of the closing `$$`: wait for more.
        if (n === 2) return text.charAt(j + 1) === '$' ? 'close' : j + 1 >= text.length ? 1 : 'fail';
        // After blockquote markers, the start of a line counts as whitespace too.
        const before = j === line.contentStart ? '\n' : text.charAt(j - 1);
        if (WHITESPACE.test(before)) return 'fail';
        const amount = spaced || DIGIT.test(first);
        return amount && DIGIT.test(text.charAt(j + 1)) ? 'fail' : 'close';
      } else if (WHITESPACE.test(c)) spaced = true;
      return 1;
    });
    if (r === 'eof' || r === null) return r;
    return { end: r.closeAt + n, contentStart: open + n, contentEnd: r.closeAt };
  };

  const tryTexDollar = (open: number, n: 1 | 2): Attempt => {
    let braces = 0;
    let firstDollar = -1; // the first `$` inside braces: the closer if the braces never balance
    const r = walk(open + n, lineAt(open), false, (j) => {
      const c = text.charAt(j);
      if (c === '\\') return 2;
      if (c === '{') braces++;
      else if (c === '}') braces = Math.max(0, braces - 1);
      else if (c === '$') {
        const closes = n === 1 || text.charAt(j + 1) === '$';
        if (braces === 0 && closes) return 'close';
        if (firstDollar < 0) firstDollar = j;
      }
      return 1;
    });
    if (r !== 'eof' && r !== null)
      return { end: r.closeAt + n, contentStart: open + n, contentEnd: r.closeAt };
    // `$$` that never closes is two `$`: an empty formula, as TeX counts them.
    const close = n === 2 ? open + 1 : firstDollar;
    if (close < 0) return r;
    return { end: close + 1, contentStart: open + 1, contentEnd: close, inline: true };
  };

  const tryBracket = (open: number, closer: ')' | ']'): Attempt => {
    const r = walk(open + 2, lineAt(open), closer === ']', (j) => {
      if (text.charAt(j) !== '\\') return 1;
      return text.charAt(j + 1) === closer ? 'close' : 2;
    });
    if (r === 'eof' || r === null) return r;
    return { end: r.closeAt + 2, contentStart: open + 2, contentEnd: r.closeAt };
  };

  const tryEnvironment = (open: number): Attempt => {
    const name = ENVIRONMENT.exec(text.slice(open, open + 40))?.[1];
    if (!name) return null;
    const pattern = new RegExp(`\\\\(begin|end)\\{${name.replace('*', '\\*')}\\}`, 'g');
    pattern.lastIndex = open;
    let nesting = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      nesting += m[1] === 'begin' ? 1 : -1;
      if (nesting > 0) continue;
      const end = m.index + m[0].length;
      // Environments may contain blank lines, but not cross code or leave their blockquote
      // (except by a lazy continuation line right after text, as in CommonMark).
      const first = lineAt(open);
      const depth = lines[first]!.quoteDepth;
      for (let li = first + 1; li <= lineAt(end); li++) {
        const line = lines[li]!;
        if (line.kind === 'code') return null;
        const lazy = line.quoteDepth < depth && lines[li - 1]!.kind === 'text';
        if (line.kind === 'text' && line.quoteDepth !== depth && !lazy) return null;
      }
      return { end, contentStart: open, contentEnd: end };
    }
    return 'eof';
  };

  /** The source between two offsets, minus the blockquote markers of continuation lines. */
  const content = (from: number, to: number): string => {
    let li = lineAt(from);
    if (lines[li]!.quoteDepth === 0 || lines[li]!.end >= to) return text.slice(from, to);
    let out = text.slice(from, lines[li]!.end);
    while (lines[li]!.end < to) {
      li++;
      out += '\n' + text.slice(lines[li]!.contentStart, Math.min(lines[li]!.end, to));
    }
    return out;
  };

  /** Skips a code span opened by `n` backticks at `open`; returns where prose resumes. */
  const skipCodeSpan = (open: number, n: number): number => {
    const r = walk(open + n, lineAt(open), false, (j) => {
      if (text.charAt(j) !== '`') return 1;
      let k = j;
      while (text.charAt(k) === '`') k++;
      return k - j === n ? 'close' : k - j;
    });
    return r && r !== 'eof' ? r.closeAt + n : open + n;
  };

  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.fenceOpen) notePending(line.start);
    if (line.kind !== 'text') continue;
    let i = line.contentStart;
    while (i < lines[li]!.end) {
      const c = text.charAt(i);
      const next = text.charAt(i + 1);
      let attempt: Attempt = null;
      let display = false;
      if (c === '`' && markdown) {
        let n = 1;
        while (text.charAt(i + n) === '`') n++;
        i = skipCodeSpan(i, n);
        li = lineAt(i);
        continue;
      }
      if (c === '$') {
        display = next === '$';
        attempt = tryDollar(i, display ? 2 : 1);
      } else if (c === '\\' && (next === '(' || next === '[')) {
        display = next === '[';
        attempt = tryBracket(i, display ? ']' : ')');
      } else if (c === '\\' && next === 'b') {
        display = true;
        attempt = tryEnvironment(i);
      } else if (c === '\\') {
        i += ASCII_PUNCT.test(next) ? 2 : 1;
        continue;
      } else {
        i++;
        continue;
      }
      if (attempt === null || attempt === 'eof') {
        if (attempt === 'eof') notePending(i);
        i++;
        continue;
      }
      spans.push({
        start: i,
        end: attempt.end,
        tex: content(attempt.contentStart, attempt.contentEnd),
        display: display && !attempt.inline,
      });
      i = attempt.end;
      li = lineAt(i);
    }
  }
  return { spans, pendingFrom };
}

/** A trailing backslash or partial `\begin{...` may still grow into a maths opener. */
const PARTIAL_OPENER = /\\(?:b(?:e(?:g(?:i(?:n(?:\{[A-Za-z*]*)?)?)?)?)?)?$/;

/**
 * For streaming text (summaries arriving token by token): the longest prefix that is safe
 * to render now. An unclosed formula or code fence is held back until it closes, so the
 * reader never sees half a formula as raw TeX. An unmatched `$` (currency) is released
 * as soon as its paragraph ends.
 */
export function holdBackUnclosed(text: string): string {
  let cut = scanMath(text).pendingFrom ?? text.length;
  const partial = PARTIAL_OPENER.exec(text);
  if (partial && partial.index < cut) cut = partial.index;
  return text.slice(0, cut);
}
