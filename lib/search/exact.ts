// Exact words before stem-mates (migration 20261205030000_search_exact_words). fts_papers finds
// papers through porter stems, so "transformer" also finds "transform" and "transformation";
// fts_exact, unstemmed, tells which of them hold the word itself. The papers holding every
// query word exactly — as typed, or its singular or plural (pluralize's English rules, irregular
// forms included) — rank first; papers found only through stemming follow.
import type Database from 'better-sqlite3';
import pluralize from 'pluralize';
import { statement } from '@/lib/db';
import type { ParsedQuery } from './query';
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

/** Which of the rows match an fts_exact expression (doclist seeks, no ranking). */
export function rowsMatchingExact(db: Database.Database, expression: string): (docids: readonly number[]) => Set<number> {
  const membership = statement<[string, string], { docid: number }>('SELECT rowid AS docid FROM fts_exact WHERE fts_exact MATCH ? AND rowid IN (SELECT value FROM json_each(?))', db);
  return (docids) => new Set(membership.all(expression, JSON.stringify(docids)).map((r) => r.docid));
}
