// How an announcement becomes listings: on the day a paper is announced it is listed as new (or
// replace) in its primary category and as a cross-list (or replace-cross) in every other one.
// A source dated on a weekend repeats Friday's list, so its listings are Friday's (the records
// keep the source's own date as the day their text is from).
import { couldBeFirstAnnouncement, listingDay } from '../calendar';
import { archiveOf } from '../ids';
import type { AnnounceType, ListingRecord } from '../types';

export function isReplacement(type: string): boolean {
  return type === 'replace' || type === 'replace-cross';
}

/** A cross-list announcement (a paper announced before, listed in one more category today). */
export function isCrossOnly(type: string): boolean {
  return type === 'cross' || type === 'replace-cross';
}

export function typeFor(category: string, primary: string, replacement: boolean): AnnounceType {
  if (category === primary) return replacement ? 'replace' : 'new';
  return replacement ? 'replace-cross' : 'cross';
}

/** Does a category fall in a feed's scope ("cs.CL", or an archive like "cs")? Empty scope = all. */
export function inScope(category: string, scope: readonly string[]): boolean {
  return scope.length === 0 || scope.some((s) => s === category || s === archiveOf(category));
}

/**
 * Listings of one announcement. `announced` is the source's announce type for the item: a
 * cross-list item does not make the paper new in its primary category.
 */
export function listingsFor(
  paperId: string,
  categories: readonly string[],
  date: string,
  announced: AnnounceType,
  position: number,
  scope: readonly string[] = [],
): ListingRecord[] {
  const primary = categories[0];
  if (!primary) return [];
  const replacement = isReplacement(announced);
  const day = listingDay(date);
  return categories
    .filter((c) => inScope(c, scope) && !(c === primary && isCrossOnly(announced)))
    .map((category) => ({
      paperId,
      category,
      date: day,
      type: typeFor(category, primary, replacement),
      position,
    }));
}

/**
 * Each paper's first announcement day among listings: the earliest that is not a replacement and
 * not too late for the paper's id (a late cross-list of an old paper).
 */
export function firstAnnounced(listings: readonly ListingRecord[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const l of listings) {
    if (isReplacement(l.type) || !couldBeFirstAnnouncement(l.paperId, l.date)) continue;
    const seen = first.get(l.paperId);
    if (!seen || l.date < seen) first.set(l.paperId, l.date);
  }
  return first;
}
