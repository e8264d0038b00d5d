// What pages and the API show of a summary: answers rendered to sanitised HTML, plus the facts
// the reader needs (which version it read, whether it is stale, full text or abstract only).
import { isLanguage, type Language } from '@/lib/llm/prompts';
import { renderMarkdown } from '@/lib/render';
import { LruCache } from '@/lib/render/lru';
import type { StoredSummary } from './store';

export interface SummaryView {
  paperId: string;
  language: Language;
  paperVersion: number;
  currentVersion: number;
  stale: boolean;
  model: string;
  source: 'pdf' | 'abstract';
  truncated: boolean;
  createdAt: string;
  answers: Array<{ q: string; html: string }>;
}

// Rendered answers of recently read summaries (keyed by when they were written, so a regenerated
// summary never serves old HTML): cached reads skip Markdown and MathJax entirely.
const rendered = new LruCache<string, Array<{ q: string; html: string }>>(500);

/**
 * `fresh`: the answers as the generation that just wrote them rendered them (SummaryJob.rendered),
 * reused where the text is the same, so a finished summary is rendered once, not again here.
 */
export function summaryView(
  s: StoredSummary,
  fresh?: ReadonlyArray<{ a: string; html: string }>,
): SummaryView {
  const key = `${s.paperId}\u0000${s.language}\u0000${s.createdAt}`;
  let answers = rendered.get(key);
  if (!answers) {
    answers = s.answers.map((a, i) => ({
      q: a.q,
      html: fresh?.[i]?.a === a.a ? fresh[i]!.html : renderMarkdown(a.a),
    }));
    rendered.set(key, answers);
  }
  return {
    paperId: s.paperId,
    language: s.language,
    paperVersion: s.paperVersion,
    currentVersion: s.currentVersion,
    stale: s.currentVersion > s.paperVersion,
    model: s.model,
    source: s.source,
    truncated: s.truncated,
    createdAt: s.createdAt,
    answers,
  };
}

export const languageOf = (value: string | null | undefined): Language => (isLanguage(value) ? value : 'en');
