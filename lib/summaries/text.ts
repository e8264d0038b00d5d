// The paper text the model reads: the PDF's cleaned full text fitted into the context window
// (the reference list goes first, appendices after it stay, then the tail is cut), or title +
// abstract when the PDF cannot be had or its text cannot be trusted (mostly junk, or not in the
// script of the paper's title).
import { config } from '@/lib/config';
import type { Omitted } from '@/lib/llm/prompts';
import { pdfToText } from '@/lib/pdf/extract';
import { pdfText } from '@/lib/pdf/fetch';
import { referenceSpans } from '@/lib/pdf/sections';

export interface PaperText {
  text: string;
  source: 'pdf' | 'abstract';
  truncated: boolean;
  /** What was left out of the PDF text to fit the context window. */
  omitted?: Omitted;
  /** Why the PDF was not used, for the reader. */
  note?: string;
}

// Room left for the prompt, six questions and six answers.
const RESERVED_TOKENS = 12_000;

export function textBudgetTokens(): number {
  return Math.max(1000, config().LLM_CONTEXT_TOKENS - RESERVED_TOKENS);
}

type Script = 'latin' | 'cjk' | 'cyrillic' | 'greek' | 'other';

function scriptOf(cp: number): Script {
  if (cp < 0x250 || (cp >= 0x1e00 && cp < 0x1f00)) return 'latin';
  if (
    (cp >= 0x2e80 && cp < 0xa000) ||
    (cp >= 0xac00 && cp < 0xd7b0) ||
    (cp >= 0xf900 && cp < 0xfb00) ||
    (cp >= 0x20000 && cp < 0x32000)
  )
    return 'cjk';
  if (cp >= 0x400 && cp < 0x530) return 'cyrillic';
  if (cp >= 0x370 && cp < 0x400) return 'greek';
  return 'other';
}

/**
 * Tokens a text costs, counted per script: CJK about one token a character, other non-Latin
 * letters about two characters a token, Latin-script text (English, LaTeX-heavy) three
 * characters a token — on the safe side for the tokenizers of current models.
 */
export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const ch of text) tokens += tokenCost(ch.codePointAt(0)!);
  return Math.ceil(tokens);
}

const tokenCost = (cp: number) => (cp < 0x250 ? 1 / 3 : scriptOf(cp) === 'cjk' ? 1 : 0.5);

/** The longest start of `text` within `budget` tokens, ending at a paragraph (else a word) end. */
function headWithin(text: string, budget: number): string {
  let tokens = 0;
  let end = 0;
  for (const ch of text) {
    tokens += tokenCost(ch.codePointAt(0)!);
    if (tokens > budget) break;
    end += ch.length;
  }
  const head = text.slice(0, end);
  const paragraph = head.lastIndexOf('\n');
  if (paragraph > 0.8 * end) return head.slice(0, paragraph);
  const word = head.search(/\s\S*$/);
  return word > 0.8 * end ? head.slice(0, word) : head;
}

/**
 * Fits text into `budget` tokens: drop the reference list first (appendices after it stay),
 * then cut the end, at a paragraph end where possible.
 */
export function fitText(
  text: string,
  budget: number,
): { text: string; truncated: boolean; omitted?: Omitted } {
  if (estimateTokens(text) <= budget) return { text, truncated: false };
  const spans = referenceSpans(text);
  let body = text;
  for (const [start, end] of [...spans].reverse()) body = body.slice(0, start) + body.slice(end);
  body = body.trim();
  const references = spans.length > 0;
  if (estimateTokens(body) <= budget)
    return { text: body, truncated: true, omitted: { references, cutPercent: 0 } };
  const head = headWithin(body, budget).trimEnd();
  const cutPercent = Math.max(1, Math.round((100 * (body.length - head.length)) / body.length));
  return { text: head, truncated: true, omitted: { references, cutPercent } };
}

// Short words every paragraph of prose has (English, French, German, Spanish, Italian, Portuguese).
const FUNCTION_WORDS = new Set(
  (
    'the of and to in is for that with on as are by this be we from an which it at or not can our these their has have was were its than also such both ' +
    'le la les des et est un une du dans pour que qui sur par au avec ce der die das und ist ein eine den mit von zu im auf für nicht sich ' +
    'el los las del en por con para una es se il di che per sono os do da em um uma com não são'
  ).split(' '),
);

function letterScripts(text: string): Map<Script, number> {
  const counts = new Map<Script, number>();
  for (const ch of text)
    if (/\p{L}/u.test(ch))
      counts.set(scriptOf(ch.codePointAt(0)!), (counts.get(scriptOf(ch.codePointAt(0)!)) ?? 0) + 1);
  return counts;
}

const dominant = (counts: Map<Script, number>): Script | undefined =>
  [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
const SCRIPT_NAMES: Record<Script, string> = {
  latin: 'Latin',
  cjk: 'Chinese, Japanese or Korean',
  cyrillic: 'Cyrillic',
  greek: 'Greek',
  other: 'another',
};

/**
 * Why the extracted text cannot be trusted, or null when it can: too little of it, mostly
 * symbols, letters without words (a font without a Unicode map), or none of the script the
 * paper's title is written in (a CJK paper whose characters were lost).
 */
export function untrustedText(text: string, paper: { title: string }): string | null {
  const visible = text.replace(/\s+/g, '');
  if (visible.length < 300) return 'the PDF has almost no extractable text';
  const scripts = letterScripts(text);
  const letters = [...scripts.values()].reduce((a, b) => a + b, 0);
  if (letters < 0.5 * visible.length) return 'the PDF text is mostly symbols, not words';
  const titleScript = dominant(letterScripts(paper.title));
  const textScript = dominant(scripts)!;
  if (titleScript && titleScript !== 'latin' && (scripts.get(titleScript) ?? 0) < 0.1 * letters) {
    return `the PDF text has almost none of the title's ${SCRIPT_NAMES[titleScript]} script`;
  }
  if (textScript !== 'latin' && textScript !== 'cjk' && textScript !== titleScript)
    return `the PDF text is mostly in ${SCRIPT_NAMES[textScript]} script, unlike the title`;
  if (textScript === 'latin') {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const single = words.filter((w) => w.length === 1).length;
    const common = words.filter((w) => FUNCTION_WORDS.has(w)).length;
    if (single > 0.4 * words.length) return 'the PDF text is letters without words';
    if (common < 0.03 * words.length)
      return 'the PDF text has no ordinary words (an unreadable font encoding)';
  }
  return null;
}

export async function paperText(paper: {
  id: string;
  version: number;
  title: string;
  abstract: string;
}): Promise<PaperText> {
  const abstractOnly = (note: string): PaperText => ({
    text: `Title: ${paper.title}\n\nAbstract: ${paper.abstract}`,
    source: 'abstract',
    truncated: false,
    note,
  });
  let full: string;
  try {
    full = await pdfText(paper.id, paper.version, pdfToText);
  } catch (e) {
    return abstractOnly(`full text unavailable (${e instanceof Error ? e.message : String(e)})`);
  }
  const distrust = untrustedText(full, paper);
  if (distrust) {
    console.warn(`[summaries] ${paper.id}v${paper.version}: using the abstract, ${distrust}`);
    return abstractOnly(`full text not used: ${distrust}`);
  }
  return { ...fitText(full, textBudgetTokens()), source: 'pdf' };
}
