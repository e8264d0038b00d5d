// Papers as search documents, read straight from the database (for engines that keep their own copy).
import type Database from 'better-sqlite3';
import { stringList } from '@/lib/db/rows';
import { announcedDaySql, submittedDaySql } from '@/lib/papers/dates';
import { statement } from '@/lib/db';

export interface SearchDoc {
  id: string;
  title: string;
  authors: string[];
  abstract: string;
  categories: string[];
  announced: string | null;
  submitted: string | null;
  /** The best known days, for filters and sorting (lib/papers/dates.ts). */
  bestAnnounced: string | null;
  bestSubmitted: string | null;
  popularity: number;
}

const SELECT = `SELECT p.id, p.title, p.authors, p.abstract, p.categories, substr(p.submittedAt, 1, 10) AS submitted,
  p.announcedOn AS announced, ${submittedDaySql()} AS bestSubmitted, ${announcedDaySql()} AS bestAnnounced,
  coalesce((SELECT c.pdf + c.summary FROM PaperClicks c WHERE c.paperId = p.id), 0) AS popularity
  FROM Paper p`;

type Row = Omit<SearchDoc, 'authors' | 'categories'> & { authors: string; categories: string };
const toDoc = (r: Row): SearchDoc => ({
  ...r,
  authors: stringList(r.authors),
  categories: r.categories.split(' '),
});

export function loadSearchDocs(db: Database.Database, ids: readonly string[]): SearchDoc[] {
  return statement<[string], Row>(`${SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`, db)
    .all(JSON.stringify(ids))
    .map(toDoc);
}

/** Every paper, in id order, for full rebuilds. */
export function* allSearchDocs(db: Database.Database): Generator<SearchDoc> {
  for (const r of statement<[], Row>(`${SELECT} ORDER BY p.id`, db).iterate()) yield toDoc(r);
}
