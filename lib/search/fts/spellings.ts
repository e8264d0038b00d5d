// Other spellings of a query word that differ only in letters Unicode does not decompose. FTS5's
// remove_diacritics folds "Müller" to "muller", but ø, ł, ß, æ, ı and their kin are letters of
// their own: "Sørensen" is indexed as "sørensen", so "Sorensen" (what most keyboards type) missed
// it, and "Sørensen" missed a paper spelled "Sorensen". arXiv's TeX accents ({\o}, \l, \ss, \ae),
// which ingest turns into these letters, make them common in author lists. A single-word term is
// also looked up under its ASCII spelling and under every spelling in the index that folds to it
// (read from fts_exact's vocabulary, one seek per place such a letter could stand).
import type Database from 'better-sqlite3';
import { statement } from '@/lib/db';
import type { ParsedQuery, Term } from '../types';
import { textTokens } from './tokens';

/** Lowercase letters (as unicode61 indexes them) and the ASCII a reader types for them. */
const FOLDS: ReadonlyMap<string, string> = new Map([
  ['ø', 'o'],
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ı', 'i'],
  ['þ', 'th'],
  ['ħ', 'h'],
  ['ŧ', 't'],
  ['ŀ', 'l'],
]);
const SPECIAL = new RegExp(`[${[...FOLDS.keys()].join('')}]`, 'gu');

/** A token's ASCII spelling for these letters ("jørgensen" → "jorgensen"). */
export const foldLetters = (token: string): string => token.replace(SPECIAL, (c) => FOLDS.get(c)!);

/** At most this many other spellings per word: names, not a fuzzy search. */
const MAX_SPELLINGS = 8;
/** Connections that have the temporary vocabulary table. */
const withVocabulary = new WeakSet<Database.Database>();

function vocabularyRange(db: Database.Database): Database.Statement<[string, string], { term: string }> {
  if (!withVocabulary.has(db)) {
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_exact_terms USING fts5vocab(main, fts_exact, 'row')",
    );
    withVocabulary.add(db);
  }
  return statement('SELECT term FROM temp.fts_exact_terms WHERE term >= ? AND term < ? LIMIT 50', db);
}

/** The index's other spellings of one token: its folded form, and indexed tokens that fold to the same. */
export function otherSpellings(db: Database.Database, token: string): string[] {
  const folded = foldLetters(token);
  const found = new Set<string>(folded === token ? [] : [folded]);
  const range = vocabularyRange(db);
  // A token folding to `folded` starts with folded's first i letters and then one of the letters.
  for (let i = 0; i < folded.length && found.size < MAX_SPELLINGS; i++) {
    for (const [letter, ascii] of FOLDS) {
      if (!folded.startsWith(ascii, i)) continue;
      const prefix = folded.slice(0, i) + letter;
      for (const { term } of range.all(prefix, `${prefix}\u{10ffff}`)) {
        if (term !== token && foldLetters(term) === folded) found.add(term);
      }
    }
  }
  return [...found].slice(0, MAX_SPELLINGS);
}

/** The query with each one-word term's other spellings; the same object when none has any. */
export function withSpellings(db: Database.Database, q: ParsedQuery): ParsedQuery {
  let changed = false;
  const expand = (t: Term): Term => {
    const tokens = textTokens(db, 'fts_exact', t.text);
    if (tokens.length !== 1) return t;
    const spellings = otherSpellings(db, tokens[0]!);
    if (!spellings.length) return t;
    changed = true;
    return { ...t, spellings };
  };
  const terms = q.terms.map(expand);
  const excluded = q.excluded.map(expand);
  return changed ? { ...q, terms, excluded } : q;
}
