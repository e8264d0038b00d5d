// The embedded engine: SQLite FTS5 (prisma/migrations/20261123010000_search). Triggers keep
// fts_papers in step with Paper inside the writer's transaction, so index()/delete() have
// nothing left to do. Caveat: the index refers to Paper's implicit rowid, which VACUUM may
// renumber — run `npm run search:reindex` after a VACUUM.
import type Database from 'better-sqlite3';
import { termPatterns } from '@/lib/arxiv/taxonomy';
import { announcedDaySql, newestFirstSql, submittedDaySql } from '@/lib/papers/dates';
import { relatedRequest, type ParsedQuery, type Term } from './query';
import { markedToHtml } from './highlight';
import type { OffloadRanking } from './rankedLists';
import { buildTopK, updateTopK, type TopKUpkeep } from './topk';
import { topKSearch } from './topkSearch';
import { MAX_RESULTS, type SearchEngine, type SearchFilters, type SearchHit, type SearchPage, type SearchRequest } from './types';

/** An FTS5 string literal: every user term is quoted, so no user text is ever FTS5 syntax. */
function ftsTerm(t: Term): string {
  const literal = `"${t.text.replace(/"/g, '""')}"`;
  return t.field ? `${t.field} : ${literal}` : literal;
}

export function ftsMatchExpression(q: ParsedQuery, match: 'all' | 'any'): string | null {
  if (!q.terms.length) return null;
  const positive = `(${q.terms.map(ftsTerm).join(match === 'all' ? ' AND ' : ' OR ')})`;
  return q.excluded.length ? `${positive} NOT (${q.excluded.map(ftsTerm).join(' OR ')})` : positive;
}

/** SQL conditions on Paper p for the filters, with their parameters. */
function filterSql(f: SearchFilters, excludeId: string | undefined): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (f.categories.length) {
    // An archive ("cs") covers its categories, a category both spellings of a merged one (cs.SY, eess.SY).
    const ors = f.categories.flatMap(termPatterns).map((pattern, i) => {
      params[`c${i}`] = pattern;
      return `(' ' || p.categories || ' ') LIKE @c${i}`;
    });
    parts.push(`(${ors.join(' OR ')})`);
  }
  const day = f.dateField === 'announced' ? announcedDaySql() : submittedDaySql();
  if (f.from) {
    parts.push(`${day} >= @from`);
    params.from = f.from;
  }
  if (f.to) {
    parts.push(`${day} <= @to`);
    params.to = f.to;
  }
  if (excludeId) {
    parts.push('p.id <> @excludeId');
    params.excludeId = excludeId;
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

const ORDER = {
  relevance: 'rank',
  newest: newestFirstSql('rank'),
  popularity: '(SELECT c.pdf + c.summary FROM PaperClicks c WHERE c.paperId = p.id) IS NULL, (SELECT c.pdf + c.summary FROM PaperClicks c WHERE c.paperId = p.id) DESC, rank',
} as const;

const statementsByDb = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** db.prepare once per connection and SQL text: searches repeat a handful of shapes, and compiling costs more than a fast search. */
function prepared<P extends object, R>(db: Database.Database, sql: string): Database.Statement<P, R> {
  const cache = statementsByDb.get(db) ?? statementsByDb.set(db, new Map()).get(db)!;
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= 200) cache.clear(); // filters make the shapes many in principle; keep memory bounded
    cache.set(sql, (statement = db.prepare(sql)));
  }
  return statement as unknown as Database.Statement<P, R>;
}

interface Row {
  id: string;
  title: string;
  authors: string;
  categories: string;
  submitted: string | null;
  announced: string | null;
  th: string;
  snip: string;
}

export class FtsEngine implements SearchEngine {
  readonly name = 'fts5';
  constructor(private readonly db: () => Database.Database) {}

  async index(): Promise<void> {
    // Triggers indexed the papers when they were written.
  }

  async delete(): Promise<void> {
    // The delete trigger removed the entries with the rows.
  }

  /** Rebuilds the whole index from Paper (after VACUUM, or to recover from manual edits). */
  rebuild(): void {
    const db = this.db();
    db.exec(`INSERT INTO fts_papers(fts_papers) VALUES ('rebuild'); INSERT INTO fts_papers(fts_papers) VALUES ('optimize');`);
    buildTopK(db);
  }

  async search(r: SearchRequest): Promise<SearchPage> {
    const match = ftsMatchExpression(r.query, r.match);
    if (!match) return { hits: [], total: 0 };
    const f = filterSql({ ...r.filters, categories: [...r.filters.categories, ...r.query.categories] }, r.excludeId);
    const from = `FROM fts_papers JOIN Paper p ON p.rowid = fts_papers.rowid WHERE fts_papers MATCH @match${f.sql}`;
    const limit = Math.max(0, Math.min(r.limit, MAX_RESULTS - r.offset));
    const db = this.db();
    const words = plainWords(r);
    const fast = words && topKSearch(db, words, r.offset, limit, MAX_RESULTS);
    // Without filters the Paper join adds nothing but a lookup per matching row (and, for relevance,
    // keeps FTS5 from sorting by rank itself).
    const ftsOnly = 'FROM fts_papers WHERE fts_papers MATCH @match';
    const rankFrom = f.sql || r.sort !== 'relevance' ? from : ftsOnly;
    const rowids =
      fast?.rowids ??
      prepared<Record<string, unknown>, { docid: number }>(db, `SELECT fts_papers.rowid AS docid ${rankFrom} ORDER BY ${ORDER[r.sort]} LIMIT @limit OFFSET @offset`)
        .all({ ...f.params, match, limit, offset: r.offset })
        .map((row) => row.docid);
    // Counting stops at the cap: a common word must not cost a scan of every match.
    const countFrom = f.sql ? from : ftsOnly;
    const total =
      fast?.total ??
      prepared<Record<string, unknown>, { total: number }>(db, `SELECT count(*) AS total FROM (SELECT 1 ${countFrom} LIMIT ${MAX_RESULTS})`).get({ ...f.params, match })!.total;
    // Highlights and snippets only for the rows shown: they re-tokenise the text.
    const detail = prepared<{ match: string; docid: number }, Row>(
      db,
      `SELECT p.id, p.title, p.authors, p.categories, substr(p.submittedAt, 1, 10) AS submitted,
              p.announcedOn AS announced,
              highlight(fts_papers, 0, char(1), char(2)) AS th,
              snippet(fts_papers, 2, char(1), char(2), '…', 40) AS snip
       FROM fts_papers JOIN Paper p ON p.rowid = fts_papers.rowid WHERE fts_papers MATCH @match AND fts_papers.rowid = @docid`,
    );
    return { hits: rowids.map((docid) => toHit(detail.get({ match, docid })!)), total };
  }

  /** Brings the common-word lists (topk.ts) up to date with the papers written since the last call. */
  updateTopK(offload?: OffloadRanking): TopKUpkeep {
    return updateTopK(this.db(), undefined, offload);
  }

  related(id: string, keywords: string, limit: number, offset = 0): Promise<SearchPage> {
    return this.search(relatedRequest(id, keywords, limit, offset));
  }
}

/** The query's words when the common-word lists can answer it: relevance order, every word, nothing else. */
function plainWords(r: SearchRequest): string[] | null {
  const { query: q, filters: f } = r;
  const plain = r.sort === 'relevance' && r.match === 'all' && !r.excludeId && !q.excluded.length && !q.categories.length;
  if (!plain || f.categories.length || f.from || f.to || q.terms.some((t) => t.phrase || t.field)) return null;
  return q.terms.map((t) => t.text);
}

function toHit(r: Row): SearchHit {
  return {
    id: r.id,
    title: r.title,
    authors: JSON.parse(r.authors) as string[],
    categories: r.categories.split(' '),
    announced: r.announced,
    submitted: r.submitted,
    titleHighlight: markedToHtml(r.th),
    abstractSnippet: markedToHtml(r.snip),
  };
}
