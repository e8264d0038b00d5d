// The embedded engine: SQLite FTS5 (prisma/migrations/20261123010000_search). Triggers keep
// fts_papers in step with Paper inside the writer's transaction, so index()/delete() have
// nothing left to do. Caveat: the index refers to Paper's implicit rowid, which VACUUM may
// renumber — run `npm run search:reindex` after a VACUUM.
import type Database from 'better-sqlite3';
import { termPatterns } from '@/lib/arxiv/taxonomy';
import { statement } from '@/lib/db';
import { stringList } from '@/lib/db/rows';
import { announcedDaySql, newestFirstSql, submittedDaySql } from '@/lib/papers/dates';
import { exactExpression, rowsMatchingExact } from './exact';
import { fieldOf, rankRelated, RELATED_POOL } from '../related';
import { withSpellings } from './spellings';
import { FTS_TABLES } from './tables';
import { relatedRequest } from '../query';
import { markedToHtml } from '../highlight';
import type { OffloadRanking } from './rankedLists';
import { buildTopK, updateTopK, type TopKUpkeep } from './topk';
import { topKAnswer, type RowFilter } from './topkSearch';
import {
  MAX_RESULTS,
  type ParsedQuery,
  type SearchEngine,
  type SearchFilters,
  type SearchHit,
  type SearchPage,
  type SearchRequest,
  type Term,
} from '../types';

/** An FTS5 string literal: every user term is quoted, so no user text is ever FTS5 syntax. */
function ftsTerm(t: Term): string {
  const literals = [t.text, ...(t.spellings ?? [])].map((s) => `"${s.replace(/"/g, '""')}"`);
  const any = literals.length > 1 ? `(${literals.join(' OR ')})` : literals[0]!;
  return t.field ? `${t.field} : ${any}` : any;
}

export function ftsMatchExpression(q: ParsedQuery, match: 'all' | 'any'): string | null {
  if (!q.terms.length) return null;
  const positive = `(${q.terms.map(ftsTerm).join(match === 'all' ? ' AND ' : ' OR ')})`;
  return q.excluded.length ? `${positive} NOT (${q.excluded.map(ftsTerm).join(' OR ')})` : positive;
}

/**
 * SQL condition on Paper p: one of its categories is one of these. An archive ("cs") covers its
 * categories, a category both spellings of a merged one (cs.SY, eess.SY).
 */
function categorySql(categories: readonly string[], params: Record<string, string>): string {
  const ors = categories.flatMap(termPatterns).map((pattern, i) => {
    params[`c${i}`] = pattern;
    return `(' ' || p.categories || ' ') LIKE @c${i}`;
  });
  return `(${ors.join(' OR ')})`;
}

/** SQL conditions on Paper p for the filters, with their parameters. */
function filterSql(
  f: SearchFilters,
  excludeId: string | undefined,
): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (f.categories.length) parts.push(categorySql(f.categories, params));
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
  popularity:
    '(SELECT c.pdf + c.summary FROM PaperClicks c WHERE c.paperId = p.id) IS NULL, (SELECT c.pdf + c.summary FROM PaperClicks c WHERE c.paperId = p.id) DESC, rank',
} as const;

/** The app's statement cache (lib/db.ts): searches repeat a handful of shapes, and compiling costs more than a fast search. */
const prepared = <P extends object, R>(db: Database.Database, sql: string) => statement<P, R>(sql, db);

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
    for (const table of FTS_TABLES)
      db.exec(
        `INSERT INTO ${table}(${table}) VALUES ('rebuild'); INSERT INTO ${table}(${table}) VALUES ('optimize');`,
      );
    buildTopK(db);
  }

  async search(request: SearchRequest): Promise<SearchPage> {
    const db = this.db();
    const r = { ...request, query: withSpellings(db, request.query) };
    const match = ftsMatchExpression(r.query, r.match);
    if (!match) return { hits: [], total: 0 };
    const f = filterSql(
      { ...r.filters, categories: [...r.filters.categories, ...r.query.categories] },
      r.excludeId,
    );
    const from = `FROM fts_papers JOIN Paper p ON p.rowid = fts_papers.rowid WHERE fts_papers MATCH @match${f.sql}`;
    const limit = Math.max(0, Math.min(r.limit, MAX_RESULTS - r.offset));
    // Relevance: papers with every word exactly first (exact.ts), each group in bm25 order. Not for
    // the any-word fallback, whose long OR lists would make the exact group cost more than the search.
    const exact = r.sort === 'relevance' && r.match === 'all' ? exactExpression(db, r.query) : null;
    const keep = exact ? rowsMatchingExact(db, exact) : undefined;
    const words = plainWords(r);
    const lists = words ? topKAnswer(db, words, r.offset, limit, MAX_RESULTS, keep) : null;
    const fast = lists?.page;
    // Without filters the Paper join adds nothing but a lookup per matching row (and, for relevance,
    // keeps FTS5 from sorting by rank itself).
    const ftsOnly = 'FROM fts_papers WHERE fts_papers MATCH @match';
    const rankFrom = f.sql || r.sort !== 'relevance' ? from : ftsOnly;
    const ranked = (where: string, offset: number, count: number) =>
      prepared<Record<string, unknown>, { docid: number }>(
        db,
        `SELECT fts_papers.rowid AS docid ${rankFrom}${where} ORDER BY ${ORDER[r.sort]} LIMIT @limit OFFSET @offset`,
      )
        .all({ ...f.params, match, exact, limit: count, offset })
        .map((row) => row.docid);
    // Counting stops at the cap: a common word must not cost a scan of every match.
    const countFrom = f.sql ? from : ftsOnly;
    const total =
      fast?.total ??
      prepared<Record<string, unknown>, { total: number }>(
        db,
        `SELECT count(*) AS total FROM (SELECT 1 ${countFrom} LIMIT ${MAX_RESULTS})`,
      ).get({ ...f.params, match })!.total;
    const rowids =
      fast?.rowids ??
      (!total || !limit
        ? []
        : keep
          ? tiered(ranked, keep, r.offset, limit, lists?.unfiltered)
          : ranked('', r.offset, limit));
    return { hits: this.hits(match, rowids), total };
  }

  /** Hits for the rows shown, in order, with their own highlights (they re-tokenise the text). */
  private hits(match: string, rowids: readonly number[]): SearchHit[] {
    if (!rowids.length) return [];
    // One statement for the page, rows by `rowid IN json_each(…)`: with `rowid = ?` bound to a JS
    // number (a REAL), FTS5 ignores the rowid constraint next to MATCH and every hit got the first
    // match's highlights.
    const rows = prepared<{ match: string; docids: string }, Row & { docid: number }>(
      this.db(),
      `SELECT fts_papers.rowid AS docid, p.id, p.title, p.authors, p.categories, substr(p.submittedAt, 1, 10) AS submitted,
              p.announcedOn AS announced,
              highlight(fts_papers, 0, char(1), char(2)) AS th,
              snippet(fts_papers, 2, char(1), char(2), '…', 40) AS snip
       FROM fts_papers JOIN Paper p ON p.rowid = fts_papers.rowid
       WHERE fts_papers MATCH @match AND fts_papers.rowid IN (SELECT value FROM json_each(@docids))`,
    ).all({ match, docids: JSON.stringify(rowids) });
    const byDocid = new Map(rows.map((row) => [row.docid, row]));
    return rowids.map((docid) => toHit(byDocid.get(docid)!));
  }

  /** Brings the common-word lists (topk.ts) up to date with the papers written since the last call. */
  updateTopK(offload?: OffloadRanking): TopKUpkeep {
    return updateTopK(this.db(), undefined, offload);
  }

  /** Related papers (related.ts): the field's best keyword matches re-ranked by the prior, then other fields' best. */
  async related(id: string, keywords: string, limit: number, offset = 0): Promise<SearchPage> {
    const db = this.db();
    const match = ftsMatchExpression(relatedRequest(id, keywords, limit, offset).query, 'any');
    const paper = prepared<{ id: string }, Omit<Candidate, 'docid' | 'score'>>(
      db,
      'SELECT id, categories, authors FROM Paper WHERE id = @id',
    ).get({ id });
    if (!match || !paper) return { hits: [], total: 0 };
    const source = toRelatedPaper(paper);
    const params: Record<string, string> = { match, id };
    const field = categorySql(fieldOf(source.categories), params);
    const candidates = (where: string, count: number) =>
      prepared<Record<string, unknown>, Candidate>(
        db,
        `SELECT fts_papers.rowid AS docid, -rank AS score, p.id, p.categories, p.authors
         FROM fts_papers JOIN Paper p ON p.rowid = fts_papers.rowid WHERE fts_papers MATCH @match AND p.id <> @id AND ${where}
         ORDER BY rank LIMIT @count`,
      )
        .all({ ...params, count })
        .map(toRelatedPaper);
    const need = Math.min(offset + limit, MAX_RESULTS);
    const inField = rankRelated(source, candidates(field, RELATED_POOL));
    const ranked =
      inField.length >= need
        ? inField
        : [...inField, ...rankRelated(source, candidates(`NOT ${field}`, need - inField.length))];
    const total = prepared<Record<string, unknown>, { total: number }>(
      db,
      `SELECT count(*) AS total FROM (SELECT 1 FROM fts_papers JOIN Paper p ON p.rowid = fts_papers.rowid WHERE fts_papers MATCH @match AND p.id <> @id LIMIT ${MAX_RESULTS})`,
    ).get({ match, id })!.total;
    return {
      hits: this.hits(
        match,
        ranked.slice(offset, need).map((c) => c.docid),
      ),
      total,
    };
  }
}

// `+rowid`: an IN list on the bare rowid goes to FTS5, which then runs the MATCH once per listed row.
const IN_EXACT = ' AND +fts_papers.rowid IN (SELECT rowid FROM fts_exact WHERE fts_exact MATCH @exact)';
const NOT_IN_EXACT =
  ' AND +fts_papers.rowid NOT IN (SELECT rowid FROM fts_exact WHERE fts_exact MATCH @exact)';

/**
 * Ranks [offset, offset + limit) of the rows with the exact words followed by the others; `top`,
 * when the common-word lists gave it, is ranked('', 0, offset + limit).
 */
function tiered(
  ranked: (where: string, offset: number, count: number) => number[],
  exact: RowFilter,
  offset: number,
  limit: number,
  top = ranked('', 0, offset + limit),
): number[] {
  // Usually every row down to the page's end holds the exact words: then bm25 order is the answer,
  // found with doclist seeks instead of listing every exact row.
  const kept = exact(top);
  if (top.every((docid) => kept.has(docid))) return top.slice(offset);
  const first = ranked(IN_EXACT, offset, limit);
  if (first.length === limit) return first;
  // The exact rows end on this page (or before it): how many there are places the others.
  const exactRows = first.length || !offset ? offset + first.length : ranked(IN_EXACT, 0, offset).length;
  return [...first, ...ranked(NOT_IN_EXACT, Math.max(0, offset - exactRows), limit - first.length)];
}

/** The query's words when the common-word lists can answer it: relevance order, every word, nothing else. */
function plainWords(r: SearchRequest): string[] | null {
  const { query: q, filters: f } = r;
  const plain =
    r.sort === 'relevance' && r.match === 'all' && !r.excludeId && !q.excluded.length && !q.categories.length;
  if (
    !plain ||
    f.categories.length ||
    f.from ||
    f.to ||
    q.terms.some((t) => t.phrase || t.field || t.spellings)
  )
    return null;
  return q.terms.map((t) => t.text);
}

interface Candidate {
  docid: number;
  score: number;
  id: string;
  categories: string;
  authors: string;
}

const toRelatedPaper = <R extends { id: string; categories: string; authors: string }>(r: R) => ({
  ...r,
  categories: r.categories.split(' '),
  authors: stringList(r.authors),
});

function toHit(r: Row): SearchHit {
  return {
    id: r.id,
    title: r.title,
    authors: stringList(r.authors),
    categories: r.categories.split(' '),
    announced: r.announced,
    submitted: r.submitted,
    titleHighlight: markedToHtml(r.th),
    abstractSnippet: markedToHtml(r.snip),
  };
}
