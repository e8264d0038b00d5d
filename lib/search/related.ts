// Related papers, for both engines: the paper's keywords (keywords.ts) as an any-word query, looked
// for first among papers of the paper's field — the archives of its categories — those of its
// primary archive first, each group ordered by the engine's text score times a prior from what the
// two papers share besides words. Papers from other fields only fill a list the field cannot fill.
import { archiveOf } from '@/lib/arxiv/ids';
import { MAX_RESULTS } from './types';

/** What the prior compares; categories primary first, as Paper stores them. */
export interface RelatedPaper {
  id: string;
  categories: string[];
  authors: string[];
}

export interface RelatedCandidate extends RelatedPaper {
  /** The engine's text score, higher is better (bm25 magnitude, Meilisearch's ranking score). */
  score: number;
}

/** Candidates an engine reads for one list: every reachable result of the field, so pages agree. */
export const RELATED_POOL = MAX_RESULTS;

/** The archives of a paper's categories ("cs.LG stat.ML" → cs, stat). */
export const fieldOf = (categories: readonly string[]): string[] => [...new Set(categories.map(archiveOf))];

function overlap(a: readonly string[], b: readonly string[]): number {
  const set = new Set(a);
  return b.filter((x) => set.has(x)).length;
}

/** Whether the candidate has a category in the paper's primary archive (its own field, not a cross-list's). */
const inPrimaryArchive = (paper: RelatedPaper, c: RelatedPaper) =>
  c.categories.some((x) => archiveOf(x) === archiveOf(paper.categories[0] ?? ''));

/**
 * How much more likely a candidate is related, from what it shares with the paper besides its
 * primary archive (which orders first, rankRelated): each factor is 1 when nothing is shared and
 * at most 2 —
 * - the categories (Jaccard overlap of the two sets),
 * - authors (the share of the paper's authors who also wrote the candidate).
 */
export function relatedPrior(paper: RelatedPaper, c: RelatedPaper): number {
  const sharedCategories = overlap(paper.categories, c.categories);
  const categories = sharedCategories / (new Set([...paper.categories, ...c.categories]).size || 1);
  const authors = paper.authors.length
    ? overlap(paper.authors.map(nameKey), c.authors.map(nameKey)) / paper.authors.length
    : 0;
  return (1 + categories) * (1 + authors);
}

/** Author names compared without case, accents or spacing differences. */
const nameKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Candidates best first: those in the paper's primary archive, then by text score times prior, ties by id. */
export function rankRelated<C extends RelatedCandidate>(paper: RelatedPaper, candidates: readonly C[]): C[] {
  return candidates
    .map((c) => ({ c, own: inPrimaryArchive(paper, c) ? 1 : 0, s: c.score * relatedPrior(paper, c) }))
    .sort((a, b) => b.own - a.own || b.s - a.s || (a.c.id < b.c.id ? -1 : 1))
    .map((x) => x.c);
}
