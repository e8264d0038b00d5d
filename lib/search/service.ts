// One search as the page, the feed and /api/search run it: URL parameters in, results out.
// User input never causes an exception: bad parameters fall back to defaults with a note.
import { z } from 'zod';
import { sqlite, statement } from '@/lib/db';
import { searchEngine } from './index';
import { keywordsFor } from './keywords';
import { highlightTerms, parseQuery } from './query';
import type { SearchEngine, SearchHit, SearchRequest } from './types';
import { MAX_RESULTS } from './types';

export const PER_PAGE = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CATEGORY = /^[a-z][a-z-]*(?:\.[A-Za-z-]+)?$/;

export type RawParams = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

const schema = z.object({
  q: z.string().catch(''),
  sort: z.enum(['relevance', 'newest', 'popularity']).catch('relevance'),
  date: z.enum(['announced', 'submitted']).catch('announced'),
  from: z.string().regex(DAY).optional().catch(undefined),
  to: z.string().regex(DAY).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_RESULTS).catch(1),
  limit: z.coerce.number().int().min(1).max(100).catch(PER_PAGE),
  related: z.string().max(100).optional().catch(undefined),
});

export type SearchParamsInput = z.infer<typeof schema> & { cat: string[] };

export function readParams(raw: RawParams | URLSearchParams): SearchParamsInput {
  const get = (k: string) =>
    raw instanceof URLSearchParams ? (raw.get(k) ?? undefined) : first(raw[k]) || undefined;
  const cats = raw instanceof URLSearchParams ? raw.getAll('cat') : [raw.cat ?? []].flat();
  const parsed = schema.parse(
    Object.fromEntries(
      ['q', 'sort', 'date', 'from', 'to', 'page', 'limit', 'related'].map((k) => [k, get(k)]),
    ),
  );
  return {
    ...parsed,
    cat: cats
      .flatMap((c) => c.split(/[\s,]+/))
      .filter((c) => CATEGORY.test(c))
      .slice(0, 20),
  };
}

export interface SearchOutcome {
  params: SearchParamsInput;
  /** The query was an arXiv id or URL: show that paper. */
  jump?: string;
  /** related=<id>: the paper whose related papers these are. */
  relatedTo?: { id: string; title: string };
  hits: SearchHit[];
  total: number;
  page: number;
  pages: number;
  match: 'all' | 'any';
  /** Words to highlight in cards. */
  terms: string[];
  notes: string[];
  engine: SearchEngine['name'];
}

export async function runSearch(
  raw: RawParams | URLSearchParams,
  engine = searchEngine(),
): Promise<SearchOutcome> {
  const params = readParams(raw);
  const offset = (params.page - 1) * params.limit;
  const base = {
    params,
    hits: [],
    total: 0,
    page: params.page,
    pages: 0,
    match: 'all' as const,
    terms: [],
    notes: [],
    engine: engine.name,
  };
  if (params.related) return related(params, offset, engine, base);
  const query = parseQuery(params.q);
  if (query.arxivId) return { ...base, jump: query.arxivId };
  if (!query.terms.length) {
    const notes = params.q.trim() ? [...query.notes, 'Nothing to search for: type some words.'] : query.notes;
    return { ...base, notes };
  }
  const request: SearchRequest = {
    query,
    filters: { categories: params.cat, dateField: params.date, from: params.from, to: params.to },
    sort: params.sort,
    match: 'all',
    offset,
    limit: params.limit,
  };
  let result = await engine.search(request);
  let match: 'all' | 'any' = 'all';
  const notes = [...query.notes];
  if (result.total === 0 && query.terms.length > 1) {
    match = 'any';
    result = await engine.search({ ...request, match });
    if (result.total) notes.push('No paper has all the words; showing papers with some of them.');
  }
  return {
    ...base,
    ...result,
    match,
    terms: highlightTerms(query),
    notes,
    pages: Math.ceil(result.total / params.limit),
  };
}

async function related(
  params: SearchParamsInput,
  offset: number,
  engine: SearchEngine,
  base: Omit<SearchOutcome, 'params'> & { params: SearchParamsInput },
): Promise<SearchOutcome> {
  const paper = statement<[string], { id: string; title: string }>(
    'SELECT id, title FROM Paper WHERE id = ?',
  ).get(params.related!);
  if (!paper) return { ...base, notes: ['No paper with that id is in the database.'] };
  // A paper from a bulk history gets its keywords on its first related-papers request.
  const keywords = keywordsFor(sqlite(), paper.id)!;
  if (!keywords)
    return { ...base, relatedTo: paper, notes: ['This paper has no distinctive keywords to relate it by.'] };
  const result = await engine.related(paper.id, keywords, params.limit, offset);
  const terms = keywords.split(' ');
  return {
    ...base,
    ...result,
    relatedTo: { id: paper.id, title: paper.title },
    match: 'any',
    terms,
    pages: Math.ceil(result.total / params.limit),
  };
}
