// An index's tokenizer applied to any text: a scratch FTS5 table per connection and index with the
// same columns and tokenize option, read back through an 'instance' vocabulary (term, doc, col).
// topk.ts uses fts_papers' to turn query words into index tokens and to count a row's weighted
// hits; exact.ts uses fts_exact's to split query text into the unstemmed tokens it looks up.
import type Database from 'better-sqlite3';
import { schemaSqlRow } from '@/lib/db/rows';

export const COLUMNS = ['title', 'authors', 'abstract'] as const;

export interface RowText {
  docid: number;
  title: string;
  authors: string;
  abstract: string;
}

interface Scratch {
  put: Database.Statement<[number, string, string, string]>;
  /** Every instance: (term, doc, col). */
  instances: Database.Statement<[], [string, number, string]>;
  /** One term's instances, (doc, col): a seek in the scratch index, far cheaper than reading every instance. */
  termInstances: Database.Statement<[string], [number, string]>;
  /** One text's tokens in order (written to the first column of row 0). */
  ordered: Database.Statement<[], [string]>;
  words: Map<string, string | null>;
  texts: Map<string, string[]>;
  empty: () => void;
}

export type TokenizedIndex = 'fts_papers' | 'fts_exact';

const scratches = new WeakMap<Database.Database, Map<TokenizedIndex, Scratch>>();

function scratch(db: Database.Database, index: TokenizedIndex = 'fts_papers'): Scratch {
  const perDb = scratches.get(db) ?? scratches.set(db, new Map()).get(db)!;
  let s = perDb.get(index);
  if (s) return s;
  const { sql } = schemaSqlRow(db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(index));
  const tokenize = /tokenize\s*=\s*('(?:[^']|'')*')/i.exec(sql)![1];
  const table = `${index}_scratch`;
  // Contentless: 'delete-all' empties it without re-tokenizing what it held.
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table} USING fts5(${COLUMNS.join(', ')}, content = '', tokenize = ${tokenize});
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_terms USING fts5vocab(temp, ${table}, 'instance');`);
  s = {
    put: db.prepare(`INSERT INTO temp.${table} (rowid, ${COLUMNS.join(', ')}) VALUES (?, ?, ?, ?)`),
    instances: db
      .prepare<[], [string, number, string]>(`SELECT term, doc, col FROM temp.${table}_terms`)
      .raw(),
    termInstances: db
      .prepare<[string], [number, string]>(`SELECT doc, col FROM temp.${table}_terms WHERE term = ?`)
      .raw(),
    ordered: db
      .prepare<[], [string]>(`SELECT term FROM temp.${table}_terms ORDER BY doc, col, "offset"`)
      .raw(),
    words: new Map(),
    texts: new Map(),
    empty: () => db.exec(`INSERT INTO temp.${table} (${table}) VALUES ('delete-all')`),
  };
  perDb.set(index, s);
  return s;
}

/** Tokenizes the rows, runs `read` on the scratch table, and empties it. */
function withTokenized<T>(
  db: Database.Database,
  rows: readonly RowText[],
  read: (s: Scratch) => T,
  index?: TokenizedIndex,
): T {
  const s = scratch(db, index);
  return db.transaction(() => {
    for (const r of rows) s.put.run(r.docid, r.title, r.authors, r.abstract);
    const result = read(s);
    s.empty();
    return result;
  })();
}

/** The tokens `index` makes of a text, in order (cached: tokenization never changes). */
export function textTokens(db: Database.Database, index: TokenizedIndex, text: string): string[] {
  const { texts: cache } = scratch(db, index);
  let tokens = cache.get(text);
  if (!tokens) {
    tokens = withTokenized(
      db,
      [{ docid: 0, title: text, authors: '', abstract: '' }],
      (s) => s.ordered.all().map(([t]) => t),
      index,
    );
    if (cache.size > 10_000) cache.clear(); // bounds memory only
    cache.set(text, tokens);
  }
  return tokens;
}

const columnIndex = (col: string) => COLUMNS.indexOf(col as (typeof COLUMNS)[number]);

/** Each word as the index tokenizes it: its single token, or null if it has none or several. */
export function queryTokens(db: Database.Database, words: readonly string[]): (string | null)[] {
  const { words: cache } = scratch(db);
  const missing = [...new Set(words.filter((w) => !cache.has(w)))];
  if (missing.length) {
    const rows = missing.map((w, i) => ({ docid: i, title: w, authors: '', abstract: '' }));
    const found = withTokenized(db, rows, (s) => s.instances.all());
    if (cache.size > 10_000) cache.clear(); // tokenization never changes; this only bounds memory
    missing.forEach((w, i) => {
      const mine = found.filter(([, doc]) => doc === i);
      cache.set(w, mine.length === 1 ? mine[0]![0] : null);
    });
  }
  return words.map((w) => cache.get(w)!);
}

export interface Hit {
  docid: number;
  token: string;
  /** bm25's phrase frequency: the column weight summed over the token's instances in the row. */
  w: number;
}

/** w for each (row, token) of the given tokens that occurs in the row. */
export function tokenHits(
  db: Database.Database,
  rows: readonly RowText[],
  weights: readonly number[],
  tokens: readonly string[],
): Hit[] {
  if (!rows.length) return [];
  const hits: Hit[] = [];
  const perColumn = COLUMNS.map(() => 0);
  withTokenized(db, rows, (s) => {
    for (const token of tokens) {
      // A token's instances come in doclist order (doc, then column and offset): count runs.
      let doc = -1;
      const flush = () => {
        if (doc < 0) return;
        // FTS5 adds a column's weight once per instance, in (column, offset) order.
        let w = 0;
        perColumn.forEach((n, c) => {
          for (let i = 0; i < n; i++) w += weights[c]!;
        });
        hits.push({ docid: doc, token, w });
        perColumn.fill(0);
      };
      for (const [d, col] of s.termInstances.iterate(token)) {
        if (d !== doc) {
          if (d < doc) throw new Error('fts5vocab instances out of doclist order');
          flush();
          doc = d;
        }
        perColumn[columnIndex(col)]!++;
      }
      flush();
    }
  });
  return hits;
}
