// The paper text the model reads: the PDF's cleaned full text fitted into the context window
// (references go first, then the tail), or title + abstract when the PDF cannot be had.
import { config } from '@/lib/config';
import { pdfText } from '@/lib/pdf/fetch';
import { pdfToText, referencesStart } from '@/lib/pdf/extract';

export interface PaperText {
  text: string;
  source: 'pdf' | 'abstract';
  truncated: boolean;
  /** Why the PDF was not used, for the reader. */
  note?: string;
}

// Room left for the prompt, six questions and six answers; ~3 characters per token is a
// conservative average over English and LaTeX-heavy text (CJK is denser but papers are English).
const RESERVED_TOKENS = 12_000;
const CHARS_PER_TOKEN = 3;

export function textBudgetChars(): number {
  return Math.max(2000, (config().LLM_CONTEXT_TOKENS - RESERVED_TOKENS) * CHARS_PER_TOKEN);
}

/** Fits text into `budget` characters: drop the reference list first, then cut at a line end. */
export function fitText(text: string, budget: number): { text: string; truncated: boolean } {
  if (text.length <= budget) return { text, truncated: false };
  const refs = referencesStart(text);
  const body = refs > 0 ? text.slice(0, refs).trimEnd() : text;
  if (body.length <= budget) return { text: body, truncated: true };
  const cut = body.lastIndexOf('\n', budget);
  return { text: body.slice(0, cut > budget * 0.8 ? cut : budget), truncated: true };
}

export async function paperText(paper: { id: string; version: number; title: string; abstract: string }): Promise<PaperText> {
  try {
    const full = await pdfText(paper.id, paper.version, async (pdf) => {
      const text = await pdfToText(pdf);
      if (text.trim().length < 300) throw new Error('the PDF has almost no extractable text');
      return text;
    });
    return { ...fitText(full, textBudgetChars()), source: 'pdf' };
  } catch (e) {
    return {
      text: `Title: ${paper.title}\n\nAbstract: ${paper.abstract}`,
      source: 'abstract',
      truncated: false,
      note: `full text unavailable (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}
