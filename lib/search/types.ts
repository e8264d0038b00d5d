// The engine-neutral shapes of search: what the app asks, what an engine answers.

export type Field = 'title' | 'authors' | 'abstract';

export interface Term {
  text: string;
  /** Written in quotes: the words must appear together in this order. */
  phrase: boolean;
  field?: Field;
  /** Other spellings of a one-word term that the engine looks up too (fts/spellings.ts). */
  spellings?: string[];
}

export interface ParsedQuery {
  terms: Term[];
  excluded: Term[];
  /** From cat:… in the box. */
  categories: string[];
  /** Set when the whole input is an arXiv id or URL: the page jumps to the paper. */
  arxivId?: string;
  /** Things the user should know (truncated input, ignored parts). */
  notes: string[];
}

export type SortOrder = 'relevance' | 'newest' | 'popularity';
export type DateField = 'announced' | 'submitted';

export interface SearchFilters {
  /** Categories ("cs.CL") or archives ("cs"); a paper matches if any of its categories does. */
  categories: string[];
  dateField: DateField;
  /** Inclusive YYYY-MM-DD bounds. */
  from?: string;
  to?: string;
}

export interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  sort: SortOrder;
  /** 'all': every term must match; 'any': at least one (the fallback, and related papers). */
  match: 'all' | 'any';
  offset: number;
  limit: number;
  /** Leaves this paper out (related papers). */
  excludeId?: string;
}

export interface SearchHit {
  id: string;
  title: string;
  authors: string[];
  categories: string[];
  /** YYYY-MM-DD of first announcement / submission, when known. */
  announced: string | null;
  submitted: string | null;
  /** Safe HTML: escaped text with matched terms in <mark>. */
  titleHighlight: string;
  abstractSnippet: string;
}

export interface SearchPage {
  hits: SearchHit[];
  /** Number of matches, capped at MAX_RESULTS. */
  total: number;
}

/** Like Cool Papers: the first 1,000 results are reachable; beyond that, refine the query. */
export const MAX_RESULTS = 1000;

export interface SearchEngine {
  readonly name: 'fts5' | 'meilisearch';
  /** Brings these papers' index entries up to date with the database (missing ids are removed). */
  index(ids: readonly string[]): Promise<void>;
  delete(ids: readonly string[]): Promise<void>;
  search(request: SearchRequest): Promise<SearchPage>;
  /** Papers sharing the keywords of `id`, without `id` itself. */
  related(id: string, keywords: string, limit: number, offset?: number): Promise<SearchPage>;
}
