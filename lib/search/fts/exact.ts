// Exact words before stem-mates (migration 20261205030000_search_exact_words). fts_papers finds
// papers through porter stems, so "transformer" also finds "transform" and "transformation";
// fts_exact, unstemmed, tells which of them hold the word itself. The papers holding every
// query word exactly — as typed, or its singular or plural (pluralize's English rules, irregular
// forms included) — rank first; papers found only through stemming follow.
import type Database from 'better-sqlite3';
import pluralize from 'pluralize';
import { statement } from '@/lib/db';
import type { ParsedQuery } from '../types';
import type { RowFilter } from './topkSearch';
import { textTokens } from './tokens';

/** A token's exact forms: itself, its plural and its singular (only single plain tokens). */
export function exactForms(token: string): string[] {
  const inflected = [pluralize.plural(token), pluralize.singular(token)]
    .map((f) => f.toLowerCase())
    .filter((f) => /^[\p{L}\p{N}]+$/u.test(f));
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

const ASCII = /^[^\u0080-\uffff]*$/; // no character past ASCII (astral ones are surrogate pairs in that range)
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * For each group of exactExpression's (word forms joined by OR), a test of whether a text holds one
 * of them as a token. unicode61 cuts text at every ASCII character but letters and digits and folds
 * ASCII only by case: a run of ASCII letters and digits between such characters is a token, itself
 * lowercased. A match proves the token is there; no match proves it absent only in an ASCII text
 * (elsewhere a word with accents may fold to it).
 */
function asciiTests(expression: string): RegExp[] {
  return expression.split(' AND ').map((group) => {
    const forms = [...group.matchAll(/"((?:[^"]|"")*)"/g)]
      .map((m) => m[1]!.replace(/""/g, '"'))
      .filter((f) => ASCII.test(f));
    return forms.length
      ? new RegExp(
          `(?<![A-Za-z0-9\\u0080-\\uffff])(?:${forms.map(escapeRegExp).join('|')})(?![A-Za-z0-9\\u0080-\\uffff])`,
          'i',
        )
      : /(?!)/;
  });
}

/**
 * Which rows match an fts_exact expression, remembered per row. Rows are first read and checked
 * here (cheap); those the text cannot settle cost a doclist seek per word form in fts_exact (FTS5
 * runs the MATCH once per listed rowid). `all()` lists every matching row in one pass, which costs
 * about what a few dozen rows' seeks cost when some word is rare, and answers every later question.
 */
export function rowsMatchingExact(db: Database.Database, expression: string): RowFilter {
  const some = statement<[string, string], { docid: number }>(
    'SELECT rowid AS docid FROM fts_exact WHERE fts_exact MATCH ? AND rowid IN (SELECT value FROM json_each(?))',
    db,
  );
  const all = statement<[string], { docid: number }>(
    'SELECT rowid AS docid FROM fts_exact WHERE fts_exact MATCH ?',
    db,
  );
  const texts = statement<[string], { docid: number; title: string; authors: string; abstract: string }>(
    'SELECT rowid AS docid, title, authors, abstract FROM Paper WHERE rowid IN (SELECT value FROM json_each(?))',
    db,
  );
  const tests = asciiTests(expression);
  const known = new Map<number, boolean>();
  let every: Set<number> | undefined;
  const filter: RowFilter = (docids) => {
    if (every) return new Set(docids.filter((d) => every!.has(d)));
    const unknown = new Set(docids.filter((d) => !known.has(d)));
    if (unknown.size) {
      for (const r of texts.all(JSON.stringify([...unknown]))) {
        const text = `${r.title}\n${r.authors}\n${r.abstract}`;
        if (tests.every((t) => t.test(text))) known.set(r.docid, true);
        else if (ASCII.test(text)) known.set(r.docid, false);
        else continue; // fts_exact decides
        unknown.delete(r.docid);
      }
    }
    if (unknown.size) {
      const kept = new Set(some.all(expression, JSON.stringify([...unknown])).map((r) => r.docid));
      for (const d of unknown) known.set(d, kept.has(d));
    }
    return new Set(docids.filter((d) => known.get(d)));
  };
  filter.all = () => (every ??= new Set(all.all(expression).map((r) => r.docid)));
  return filter;
}
