// Turns anything a user types into a structured query; engines build their own syntax from it,
// so raw user text never reaches FTS5 MATCH or a Meilisearch filter.
import { parseArxivId } from '@/lib/arxiv/ids';
import type { Field, ParsedQuery, SearchRequest, Term } from './types';

export const MAX_QUERY_CHARS = 500;
export const MAX_TERMS = 24;

const FIELDS: Record<string, Field> = {
  ti: 'title',
  title: 'title',
  au: 'authors',
  author: 'authors',
  authors: 'authors',
  abs: 'abstract',
  abstract: 'abstract',
};
const CATEGORY_PREFIXES = new Set(['cat', 'category']);
// A token: optional '-', optional 'prefix:', then a quoted phrase (closing quote optional) or a word.
const TOKEN = /(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;
const CATEGORY = /^[a-z][a-z-]*(?:\.[A-Za-z-]+)?$/;

/** Whether text has anything a tokenizer would index (letters or digits). */
export const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

export function cleanInput(raw: string): { text: string; truncated: boolean } {
  // Control/format characters and lone surrogates become spaces; NFC so "é" typed either way matches.
  let text = raw
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]/gu, ' ')
    .normalize('NFC')
    .trim();
  const truncated = text.length > MAX_QUERY_CHARS;
  if (truncated) text = text.slice(0, MAX_QUERY_CHARS);
  return { text, truncated };
}

export function parseQuery(raw: string): ParsedQuery {
  const { text, truncated } = cleanInput(raw);
  const q: ParsedQuery = { terms: [], excluded: [], categories: [], notes: [] };
  if (truncated) q.notes.push(`Your query was shortened to its first ${MAX_QUERY_CHARS} characters.`);
  const id = parseArxivId(text);
  if (id) {
    q.arxivId = id.id;
    return q;
  }
  let dropped = 0;
  for (const m of text.matchAll(TOKEN)) {
    const [, minus, prefix, quoted, word] = m;
    const lower = prefix?.toLowerCase();
    if (lower && CATEGORY_PREFIXES.has(lower)) {
      const cat = (quoted ?? word ?? '').trim();
      if (CATEGORY.test(cat)) q.categories.push(cat);
      else dropped++;
      continue;
    }
    const field = lower ? FIELDS[lower] : undefined;
    // An unknown prefix ("foo:bar") is searched as plain text.
    const body = quoted ?? (lower && !field ? `${prefix}:${word}` : word) ?? '';
    const termText = body.replace(/\s+/g, ' ').trim();
    if (!hasWord(termText)) {
      if (termText) dropped++;
      continue;
    }
    const term: Term = { text: termText, phrase: quoted !== undefined, ...(field ? { field } : {}) };
    if (q.terms.length + q.excluded.length >= MAX_TERMS) {
      dropped++;
      continue;
    }
    (minus ? q.excluded : q.terms).push(term);
  }
  if (dropped)
    q.notes.push(`Ignored ${dropped} part${dropped > 1 ? 's' : ''} of the query without searchable words.`);
  if (!q.terms.length && q.excluded.length)
    q.notes.push('Add at least one word to look for: exclusions (-word) only narrow a search.');
  return q;
}

/** Words of the positive terms, for highlighting in cards. */
export function highlightTerms(q: ParsedQuery): string[] {
  return [...new Set(q.terms.flatMap((t) => t.text.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 1))];
}

/** Related papers: the stored keywords of a paper as an any-match query, without the paper. */
export function relatedRequest(id: string, keywords: string, limit: number, offset: number): SearchRequest {
  const terms = keywords
    .split(/\s+/)
    .filter(hasWord)
    .slice(0, MAX_TERMS)
    .map((text) => ({ text, phrase: false }));
  return {
    query: { terms, excluded: [], categories: [], notes: [] },
    filters: { categories: [], dateField: 'announced' },
    sort: 'relevance',
    match: 'any',
    offset,
    limit,
    excludeId: id,
  };
}
