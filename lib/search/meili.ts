// Meilisearch engine (MEILISEARCH_HOST): the same requests and result shape as FTS5, through the
// official client. Documents are copies, fed from SearchOutbox (drainSearchOutbox in lib/search).
import { Meilisearch, type EnqueuedTaskPromise, type Filter, type Hit, type SearchParams } from 'meilisearch';
import { archiveOf } from '@/lib/arxiv/ids';
import { termScope } from '@/lib/arxiv/taxonomy';
import type Database from 'better-sqlite3';
import { loadSearchDocs, type SearchDoc } from './docs';
import { MARK_CLOSE, MARK_OPEN, markedToHtml } from './highlight';
import { relatedRequest } from './query';
import { fieldOf, rankRelated, RELATED_POOL, type RelatedCandidate } from './related';
import {
  MAX_RESULTS,
  type SearchEngine,
  type SearchHit,
  type SearchPage,
  type SearchRequest,
  type Term,
} from './types';

export const MEILI_INDEX = 'papers';
const BATCH = 1000;

/** arXiv ids contain '.' and '/', which Meilisearch ids may not: "hep-th/9901001" → "hep-th_9901001". */
export const meiliId = (id: string) => id.replace(/[./]/g, '_');

const day = (d: string | null) => (d ? Number(d.replaceAll('-', '')) : null);
const unday = (n: number | null) =>
  n ? `${String(n).slice(0, 4)}-${String(n).slice(4, 6)}-${String(n).slice(6, 8)}` : null;
const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

export interface MeiliDoc {
  uid: string;
  id: string;
  title: string;
  authors: string[];
  abstract: string;
  categories: string[];
  archives: string[];
  /** YYYYMMDD as numbers: Meilisearch range filters need numbers. */
  announced: number | null;
  submitted: number | null;
  /** Best known days (lib/papers/dates.ts), what date filters and the newest-first sort use. */
  bestAnnounced: number | null;
  bestSubmitted: number | null;
  popularity: number;
}

export function toMeiliDoc(d: SearchDoc): MeiliDoc {
  return {
    ...d,
    uid: meiliId(d.id),
    archives: [...new Set(d.categories.map(archiveOf))],
    announced: day(d.announced),
    submitted: day(d.submitted),
    bestAnnounced: day(d.bestAnnounced),
    bestSubmitted: day(d.bestSubmitted),
  };
}

export const MEILI_SETTINGS = {
  searchableAttributes: ['title', 'authors', 'abstract'], // in order of importance
  filterableAttributes: ['uid', 'categories', 'archives', 'bestAnnounced', 'bestSubmitted'],
  sortableAttributes: ['bestSubmitted', 'popularity'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  pagination: { maxTotalHits: MAX_RESULTS },
};

const termText = (t: Term) => (t.phrase ? quote(t.text) : t.text.replace(/"/g, ' '));

/** Meilisearch's own query syntax: words, "phrases", -exclusions. */
export function meiliQuery(r: SearchRequest): string {
  return [...r.query.terms.map(termText), ...r.query.excluded.map((t) => `-${termText(t)}`)].join(' ');
}

export function meiliFilter(r: SearchRequest): Filter {
  const and: (string | string[])[] = [];
  const cats = [...r.filters.categories, ...r.query.categories];
  if (cats.length) {
    and.push(
      cats.flatMap((c) => {
        const { archive, categories } = termScope(c);
        return [
          ...(archive ? [`archives = ${quote(archive)}`] : []),
          ...categories.map((k) => `categories = ${quote(k)}`),
        ];
      }),
    );
  }
  const dateField = r.filters.dateField === 'announced' ? 'bestAnnounced' : 'bestSubmitted';
  if (r.filters.from) and.push(`${dateField} >= ${day(r.filters.from)}`);
  if (r.filters.to) and.push(`${dateField} <= ${day(r.filters.to)}`);
  if (r.excludeId) and.push(`uid != ${quote(meiliId(r.excludeId))}`);
  return and;
}

export class MeiliEngine implements SearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private settingsApplied = false;

  constructor(
    private readonly db: () => Database.Database,
    host: string,
    apiKey?: string,
  ) {
    this.client = new Meilisearch({ host, apiKey });
  }

  private get idx() {
    return this.client.index<MeiliDoc>(MEILI_INDEX);
  }

  async applySettings(): Promise<void> {
    if (this.settingsApplied) return;
    await this.idx.updateSettings(MEILI_SETTINGS).waitTask({ timeout: 60_000 });
    this.settingsApplied = true;
  }

  /** Upserts documents in batches, waiting for every task to succeed. */
  async upsert(docs: readonly SearchDoc[]): Promise<void> {
    await this.applySettings();
    const tasks: EnqueuedTaskPromise[] = [];
    for (let i = 0; i < docs.length; i += BATCH) {
      tasks.push(this.idx.addDocuments(docs.slice(i, i + BATCH).map(toMeiliDoc), { primaryKey: 'uid' }));
    }
    await waitAll(tasks);
  }

  async index(ids: readonly string[]): Promise<void> {
    const docs = loadSearchDocs(this.db(), ids);
    const found = new Set(docs.map((d) => d.id));
    await this.upsert(docs);
    await this.delete(ids.filter((id) => !found.has(id)));
  }

  async delete(ids: readonly string[]): Promise<void> {
    if (ids.length) await waitAll([this.idx.deleteDocuments(ids.map(meiliId))]);
  }

  async search(r: SearchRequest): Promise<SearchPage> {
    if (!r.query.terms.length) return { hits: [], total: 0 };
    const fields = new Set(r.query.terms.map((t) => t.field));
    const only = fields.size === 1 ? [...fields][0] : undefined;
    const params: SearchParams = {
      offset: r.offset,
      limit: Math.max(0, Math.min(r.limit, MAX_RESULTS - r.offset)),
      filter: meiliFilter(r),
      matchingStrategy: r.match === 'all' ? 'all' : 'last',
      ...HIGHLIGHT,
      // Per-term fields are not expressible: a field applies when every term names the same one.
      ...(only ? { attributesToSearchOn: [only] } : {}),
      ...(r.sort === 'newest'
        ? { sort: ['bestSubmitted:desc'] }
        : r.sort === 'popularity'
          ? { sort: ['popularity:desc'] }
          : {}),
    };
    const res = await this.idx.search(meiliQuery(r), params);
    return {
      hits: res.hits.map(toHit),
      total: Math.min(res.estimatedTotalHits ?? res.hits.length, MAX_RESULTS),
    };
  }

  /**
   * Related papers (related.ts). Meilisearch has no OR, and matchingStrategy 'last' would keep only
   * papers with the first keyword: each keyword is searched on its own and a paper scores the sum of
   * its ranking scores (papers sharing more keywords score more). The field's pool is re-ranked by
   * that score times the prior; other fields fill.
   */
  async related(id: string, keywords: string, limit: number, offset = 0): Promise<SearchPage> {
    const [paper] = loadSearchDocs(this.db(), [id]);
    const r = relatedRequest(id, keywords, limit, offset);
    if (!paper || !r.query.terms.length) return { hits: [], total: 0 };
    const notSelf = `uid != ${quote(meiliId(id))}`;
    const pool = async (filter: Filter, count: number) => {
      const found = new Map<string, RelatedCandidate>();
      if (count <= 0) return found;
      const results = await Promise.all(
        r.query.terms.map((t) =>
          this.idx.search(termText(t), {
            filter,
            limit: count,
            showRankingScore: true,
            attributesToRetrieve: ['id', 'categories', 'authors'],
          }),
        ),
      );
      for (const h of results.flatMap((res) => res.hits)) {
        const c =
          found.get(h.id) ??
          found.set(h.id, { id: h.id, categories: h.categories, authors: h.authors, score: 0 }).get(h.id)!;
        c.score += h._rankingScore ?? 0;
      }
      return found;
    };
    const need = Math.min(offset + limit, MAX_RESULTS);
    const field = fieldOf(paper.categories);
    const inField = await pool([field.map((a) => `archives = ${quote(a)}`), notSelf], RELATED_POOL);
    const elsewhere = await pool(
      [...field.map((a) => `archives != ${quote(a)}`), notSelf],
      need - inField.size,
    );
    const ranked = [
      ...rankRelated(paper, [...inField.values()]),
      ...rankRelated(paper, [...elsewhere.values()]),
    ].slice(offset, need);
    const total = Math.min(inField.size + elsewhere.size, MAX_RESULTS);
    if (!ranked.length) return { hits: [], total };
    // The page's own highlights: the keywords over exactly these documents ('last' keeps only those
    // with the first keyword; the others come back from an empty query, unmarked).
    const uids = (cs: readonly { id: string }[]) => [cs.map((c) => `uid = ${quote(meiliId(c.id))}`)];
    const marked = await this.idx.search(meiliQuery(r), {
      ...HIGHLIGHT,
      filter: uids(ranked),
      limit: ranked.length,
      matchingStrategy: 'last',
    });
    const byId = new Map(marked.hits.map((h) => [h.id, toHit(h)]));
    const rest = ranked.filter((c) => !byId.has(c.id));
    if (rest.length)
      for (const h of (await this.idx.search('', { ...HIGHLIGHT, filter: uids(rest), limit: rest.length }))
        .hits)
        byId.set(h.id, toHit(h));
    return { hits: ranked.flatMap((c) => byId.get(c.id) ?? []), total };
  }
}

const HIGHLIGHT = {
  attributesToHighlight: ['title'],
  attributesToCrop: ['abstract'],
  cropLength: 40,
  cropMarker: '…',
  highlightPreTag: MARK_OPEN,
  highlightPostTag: MARK_CLOSE,
} satisfies SearchParams;

function toHit(h: Hit<MeiliDoc>): SearchHit {
  return {
    id: h.id,
    title: h.title,
    authors: h.authors,
    categories: h.categories,
    announced: unday(h.announced),
    submitted: unday(h.submitted),
    titleHighlight: markedToHtml(String(h._formatted?.title ?? h.title)),
    abstractSnippet: markedToHtml(String(h._formatted?.abstract ?? '')),
  };
}

async function waitAll(tasks: EnqueuedTaskPromise[]): Promise<void> {
  const done = await Promise.all(tasks.map((t) => t.waitTask({ timeout: 120_000 })));
  const failed = done.find((t) => t.status !== 'succeeded');
  if (failed)
    throw new Error(`Meilisearch task ${failed.uid} ${failed.status}: ${failed.error?.message ?? ''}`);
}
