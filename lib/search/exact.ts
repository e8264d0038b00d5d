// Exact words before stem-mates (migration 20261205030000_search_exact_words). fts_papers finds
// papers through porter stems, so "transformer" also finds "transform" and "transformation";
// fts_exact, unstemmed, tells which of them hold the word itself. The papers holding every
// query word exactly — as typed, or its singular or plural (pluralize's English rules, irregular
// forms included) — rank first; papers found only through stemming follow.
import type Database from 'better-sqlite3';
import pluralize from 'pluralize';
import type { ParsedQuery } from './query';
import type { RowFilter } from './topkSearch';
import { textTokens } from './tokens';

/** A token's exact forms: itself, its plural and its singular (only single plain tokens). */
export function exactForms(token: string): string[] {
  const inflected = [pluralize.plural(token), pluralize.singular(token)].map((f) => f.toLowerCase()).filter((f) => /^[\p{L}\p{N}]+$/u.test(f));
  return [...new Set([token, ...inflected])];
}

const literal = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The fts_exact expression matching rows that hold every word of the query's terms in one of its
 * exact forms; null when the query has no word. Field prefixes and phrase order are fts_papers'
 * job (fts_exact keeps neither): here a term is the set of its words.
 */
export function exactExpression(db: Database.Database, q: ParsedQuery): string | null {
  // Each word with its exact forms, and a one-word term's other spellings (spellings.ts).
  const forms = new Map<string, Set<string>>();
  for (const t of q.terms) {
    for (const token of textTokens(db, 'fts_exact', t.text)) {
      const set = forms.get(token) ?? forms.set(token, new Set(exactForms(token))).get(token)!;
      for (const spelling of t.spellings ?? []) set.add(spelling);
    }
  }
  if (!forms.size) return null;
  return [...forms.values()].map((set) => `(${[...set].map(literal).join(' OR ')})`).join(' AND ');
}

interface ExactStatements {
  some: Database.Statement<[string, string], { docid: number }>;
  all: Database.Statement<[string], number>;
}

const statementsByDb = new WeakMap<Database.Database, ExactStatements>();

/**
 * Which rows match an fts_exact expression, remembered per row. Asking about rows costs a doclist
 * seek per word form and row (FTS5 runs the MATCH once per listed rowid); `all()` lists every
 * matching row in one pass, which costs about what a few dozen rows' seeks cost when some word
 * is rare, and makes every later question free.
 */
export function rowsMatchingExact(db: Database.Database, expression: string): RowFilter {
  const st =
    statementsByDb.get(db) ??
    statementsByDb
      .set(db, {
        some: db.prepare('SELECT rowid AS docid FROM fts_exact WHERE fts_exact MATCH ? AND rowid IN (SELECT value FROM json_each(?))'),
        all: db.prepare<[string], number>('SELECT rowid FROM fts_exact WHERE fts_exact MATCH ?').pluck(),
      })
      .get(db)!;
  const known = new Map<number, boolean>();
  let every: Set<number> | undefined;
  const filter: RowFilter = (docids) => {
    if (every) return new Set(docids.filter((d) => every!.has(d)));
    const unknown = docids.filter((d) => !known.has(d));
    if (unknown.length) {
      const kept = new Set(st.some.all(expression, JSON.stringify(unknown)).map((r) => r.docid));
      for (const d of unknown) known.set(d, kept.has(d));
    }
    return new Set(docids.filter((d) => known.get(d)));
  };
  filter.all = () => (every ??= new Set(st.all.all(expression)));
  return filter;
}
