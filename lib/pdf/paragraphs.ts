// Lines in reading order → the paper's text: one paragraph a line. Lines of a paragraph are
// joined (also across columns and pages), words hyphenated at a line end are rejoined unless the
// hyphen belongs to the word, footnotes and captions met inside a paragraph wait until it ends,
// and what no reader wants goes: control and private-use characters, embedded base64 (LaTeXiT).
import { dominantSize, type Line } from './layout';

const CJK_CHAR = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]/u;

/** Characters that are never text: C0/C1 controls (not tab/newline), private use, BOM, U+FFFD. */
const JUNK_CHARS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u200B\uFEFF\uFFFD\uE000-\uF8FF\u{F0000}-\u{10FFFF}]/gu;

export const stripJunkChars = (s: string) => s.replace(JUNK_CHARS, '');

// TeX without T1 encoding draws accents as glyphs of their own: "Koco´n", or, once pdf.js has
// normalised the spacing accent, "Koco ́n". Both become "Kocoń". The accent comes before its
// letter, except a cedilla under a letter taller than x-height (TeX overlays it after: "S¸").
const ACCENT_BEFORE: Record<string, string> = {
  '\u00B4': '\u0301',
  '\u02CB': '\u0300',
  '\u02C6': '\u0302',
  '\u02DC': '\u0303',
  '\u00AF': '\u0304',
  '\u02C9': '\u0304',
  '\u02D8': '\u0306',
  '\u02D9': '\u0307',
  '\u00A8': '\u0308',
  '\u02DA': '\u030A',
  '\u02DD': '\u030B',
  '\u02C7': '\u030C',
};
const CEDILLA: Record<string, string> = { '\u00B8': '\u0327', '\u02DB': '\u0328' };

const BEFORE_LETTER = new RegExp(`[${Object.keys(ACCENT_BEFORE).join('')}](\\p{L})`, 'gu');
const CEDILLA_BEFORE = new RegExp(`[${Object.keys(CEDILLA).join('')}]([acegmnorsuvwxz])`, 'gu');
const CEDILLA_AFTER = new RegExp(`(\\p{L})([${Object.keys(CEDILLA).join('')}])`, 'gu');
const ANY_ACCENT = new RegExp(
  `[${Object.keys(ACCENT_BEFORE).join('')}${Object.keys(CEDILLA).join('')}\`\\u0300-\\u036F]`,
  'u',
);

export function joinAccents(text: string): string {
  if (!ANY_ACCENT.test(text)) return text.normalize('NFC');
  return (
    text
      .replace(CEDILLA_BEFORE, (m, letter: string) => letter + CEDILLA[m[0]!])
      .replace(CEDILLA_AFTER, (_, letter: string, mark: string) => letter + CEDILLA[mark])
      .replace(BEFORE_LETTER, (m, letter: string) => letter + ACCENT_BEFORE[m[0]!])
      // pdf.js reads TeX's grave accent as a backquote.
      .replace(/(?<=\p{L})`(\p{L})/gu, '$1\u0300')
      // A combining accent split off by normalisation (" ́"): inside a word, or at its start.
      .replace(/(\p{L}) ([\u0300-\u036F])(\p{Ll})/gu, '$1$3$2')
      .replace(/(^|[^\p{L}\p{M}])([\u0300-\u036F])(\p{L})/gu, '$1$3$2')
      .replace(/ı(?=[\u0300-\u036F])/g, 'i')
      .normalize('NFC')
  );
}

/**
 * Base64 that is not prose: LaTeXiT's `<latexit sha1_base64="…">…</latexit>` and any long run of
 * base64 characters with the mixed case and digits of encoded bytes (identifiers, URLs and hex
 * digests keep).
 */
export function stripBase64(text: string): string {
  return text
    .replace(/<latexit[^>]*>[\s\S]*?<\/latexit>/g, ' ')
    .replace(/<\/?latexit[^>]*>/g, ' ')
    .replace(/[A-Za-z0-9+/]{24,}={0,2}/g, (m) => {
      const upper = (m.match(/[A-Z]/g) ?? []).length;
      const lower = (m.match(/[a-z]/g) ?? []).length;
      const digits = (m.match(/[0-9+/]/g) ?? []).length;
      const switches = (m.match(/[a-z][A-Z]|[A-Z][a-z]|[A-Za-z][0-9+/]|[0-9+/][A-Za-z]/g) ?? []).length;
      return upper >= 3 && lower >= 3 && digits >= 2 && switches >= 0.3 * m.length ? ' ' : m;
    });
}

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu) ?? [];

// Words that begin hyphenated compounds ("self-attention", "two-stage") and are seldom the first
// syllable of a single word; and prefixes that often are ("multi-ple"), so the rest must be a word.
const COMPOUND_WORDS = new Set(
  'self non cross well high low real state fine large small zero few one two three data task long short open'.split(
    ' ',
  ),
);
// Second halves of compounds that are words, not syllables ("attention-based", "straight-through").
const COMPOUND_TAILS = new Set(
  'based aware free like wise level scale specific driven dependent independent agnostic oriented related through wide shot grained'.split(
    ' ',
  ),
);
// What follows such a word as a suffix ("high-est", "open-ing") makes one word, not a compound.
const SUFFIX =
  /^(?:est|ing|ings|er|ers|ity|ness|ly|ed|en|able|ish|ous|ive|al|ally|ic|ics|ize|ise|ized|ised)$/;
const COMPOUND_PREFIXES = new Set('multi pre post co anti inter intra meta pseudo quasi semi sub'.split(' '));

/**
 * "exam-" + "ple" → "example", but "multi-" + "layer" → "multi-layer". The document decides: is
 * the word written elsewhere with or without its hyphen? Failing that, the hyphen stays after a
 * compound-forming word ("self-") or before a compound's usual second half ("-based"), or between
 * a prefix or a word of three letters or more and a word the text uses on its own
 * ("sliding-window"), and goes otherwise.
 */
function joinHyphenated(head: string, tail: string, vocabulary: Map<string, number>): string {
  const left = head.match(/(\p{L}[\p{L}\p{M}-]*)-$/u)?.[1]?.toLowerCase() ?? '';
  const right = tail.match(/^\p{L}[\p{L}\p{M}]*/u)?.[0]?.toLowerCase() ?? '';
  const count = (w: string) => vocabulary.get(w) ?? 0;
  const lastPart = left.split('-').pop() ?? '';
  let keep: boolean;
  if (count(`${left}-${right}`) > count(left + right)) keep = true;
  else if (count(left + right) > 0) keep = false;
  else
    keep =
      left.includes('-') ||
      (COMPOUND_WORDS.has(lastPart) && !SUFFIX.test(right)) ||
      (COMPOUND_TAILS.has(right) && lastPart.length >= 3) ||
      (count(right) > 0 &&
        (COMPOUND_PREFIXES.has(lastPart) ||
          (lastPart.length >= 3 && right.length >= 3 && count(lastPart) > 0)));
  return keep ? head + tail : head.slice(0, -1) + tail;
}

// A list item's or reference's label: its next lines start further right, under its text.
const LABEL = /^(?:[•◦▪‣∙·–—*-]|\(?[0-9a-zA-Z]{1,3}[.)\]]|\[[0-9]{1,4}\])\s/u;

/**
 * The line runs to its block's right edge (or ends in a hyphenated word) and is not centred
 * (titles, equations): its paragraph may go on.
 */
const isOpen = (l: Line) =>
  !l.cells &&
  (l.x1 >= l.right - Math.max(1.5 * l.size, 0.04 * (l.right - l.left)) || /\p{L}-$/u.test(l.text)) &&
  l.x0 <= l.left + 3 * l.size;

/** Whether `line` goes on with the paragraph of the open line `prev`. */
function continues(prev: Line, line: Line, isAside: (l: Line) => boolean): boolean {
  const em = line.size;
  const offset = Math.abs(line.x0 - line.left) > 0.8 * em;
  const underLabel =
    !line.blockStart && LABEL.test(prev.text) && line.x0 > prev.x0 && line.x0 < prev.x0 + 4 * em;
  const sameStart = !line.blockStart && Math.abs(line.x0 - prev.x0) < 0.3 * em;
  const sameSize = Math.abs(line.size - prev.size) <= 0.1 * em && isAside(line) === isAside(prev);
  const spaced = !line.blockStart && line.gapAbove > 1.4 * line.leading;
  return sameSize && !spaced && !line.cells && !prev.cells && (!offset || underLabel || sameStart);
}

/**
 * A figure or table placed where a sentence runs on to the next column or page (a float at the
 * top of the next column, or at the bottom of this one) goes after the paragraph, so that the
 * sentence stays whole: the paragraph must stop mid-sentence, the interruption begin a block or
 * follow a wide gap, and the text resume within 60 lines with a small letter.
 */
function moveFloatsOutOfParagraphs(lines: Line[], isAside: (l: Line) => boolean): Line[] {
  const out = [...lines];
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const here = out[i]!;
    if (!isOpen(prev) || /[.!?:。！？：]["”’)]?$/u.test(prev.text) || continues(prev, here, isAside))
      continue;
    if (!here.blockStart && here.gapAbove <= 2.5 * here.leading) continue;
    for (let j = i + 1; j < Math.min(out.length, i + 60); j++) {
      const l = out[j]!;
      const resumes =
        Math.abs(l.size - prev.size) <= 0.1 * prev.size &&
        Math.abs(l.x0 - l.left) < 0.5 * l.size &&
        /^\p{Ll}/u.test(l.text);
      if (!resumes || (isOpen(out[j - 1]!) && continues(out[j - 1]!, l, isAside))) continue;
      // Lines [i, j) go after the end of the paragraph that resumes at j (which now follows prev).
      out[j] = { ...l, blockStart: true };
      let end = j;
      while (end + 1 < out.length && isOpen(out[end]!) && continues(out[end]!, out[end + 1]!, isAside)) end++;
      const moved = out.splice(i, j - i);
      out.splice(end - moved.length + 1, 0, ...moved);
      break;
    }
  }
  return out;
}

/**
 * Joins the lines of all pages into paragraphs, one a line. A paragraph goes on while lines run
 * to their block's right edge; it ends where a line stops short, the next one starts indented
 * or outdented (references with hanging indents), the type size changes or the gap between
 * lines grows. Smaller type (footnotes, captions) met while a body paragraph is open is held
 * back until the paragraph ends, and floats interrupting a paragraph are moved after it, so a
 * sentence running across a column or page stays whole.
 */
export function documentText(pages: Line[][]): string {
  const all = pages
    .flat()
    .map((l) => ({ ...l, text: stripJunkChars(l.text) }))
    .filter((l) => l.text.trim());
  if (all.length === 0) return '';
  const bodySize = dominantSize(all);
  const isAside = (l: Line) => l.size < 0.92 * bodySize;
  const lines = moveFloatsOutOfParagraphs(all, isAside);

  // Words as the text writes them; the halves of a word broken at a line end do not count.
  const vocabulary = new Map<string, number>();
  lines.forEach((l, i) => {
    let text = l.text;
    if (/\p{L}-$/u.test(text)) text = text.replace(/\S+$/u, '');
    if (i > 0 && /\p{L}-$/u.test(lines[i - 1]!.text)) text = text.replace(/^\S+/u, '');
    for (const w of wordsOf(text)) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  });

  const paragraphs: string[] = [];
  const held: string[] = [];
  let current = '';
  let prev: Line | undefined;
  const endParagraph = () => {
    if (current) paragraphs.push(current);
    current = '';
    paragraphs.push(...held.splice(0));
  };

  for (const line of lines) {
    const open = prev !== undefined && isOpen(prev);
    if (
      prev &&
      open &&
      !isAside(prev) &&
      Math.abs(prev.size - bodySize) <= 0.08 * bodySize &&
      isAside(line)
    ) {
      // A footnote or caption inside an open paragraph: keep it for later.
      const last = held.length - 1;
      if (last >= 0 && !line.blockStart && line.gapAbove < 1.5 * line.leading)
        held[last] = `${held[last]} ${line.text}`;
      else held.push(line.text);
      continue;
    }
    if (!prev || !open || !continues(prev, line, isAside)) endParagraph();
    if (!current) current = line.text;
    else if (/\p{L}-$/u.test(current) && /^\p{Ll}/u.test(line.text))
      current = joinHyphenated(current, line.text, vocabulary);
    // A hyphen before a capital or after a bracket stays, without a space: "Mieleszczenko-Kowszewicz".
    else if (/\S-$/u.test(current) && /^[\p{L}\p{N}]/u.test(line.text)) current += line.text;
    else if (CJK_CHAR.test(current.slice(-1)) || CJK_CHAR.test(line.text[0]!)) current += line.text;
    else current += ` ${line.text}`;
    prev = line;
  }
  endParagraph();
  return paragraphs
    .map((p) => joinAccents(stripBase64(p)).replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
