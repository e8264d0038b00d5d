// Announcement days as arXiv's calendar has them. Weekend dates already become Friday when parsed
// (lib/arxiv/calendar.ts); here a list that repeats the previous announcement day's (a holiday's
// dump or feed, a crawler re-running) adds no day of its own: its listings count for that day.
// prisma/migrations/20261205020000_announcement_days applies the same rule to stored listings.
import type Database from 'better-sqlite3';
import { isReplacement } from '@/lib/arxiv/parse/listing';
import type { ListingRecord } from '@/lib/arxiv/types';
import { preparePapers, type PreparedPaper } from './merge';
import { statement } from '@/lib/db';

/**
 * A list is a repeat when at least this share of its announced papers was listed on the previous
 * day. A real day shares none of its new papers with the one before (a paper is new once; only a
 * rare late cross-list repeats), a repeated list shares nearly all, or all of the shorter one when
 * one crawl of the day was incomplete.
 */
export const REPEAT_SHARE = 0.5;

export class AnnouncementDays {
  private readonly previousDay;
  private readonly listedOn;

  constructor(db: Database.Database) {
    this.previousDay = statement<[string], { day: string | null }>(
      'SELECT max(date) AS day FROM Listing WHERE date < ?',
      db,
    );
    this.listedOn = statement<[string, string], { n: number }>(
      'SELECT count(DISTINCT paperId) AS n FROM Listing WHERE date = ? AND paperId IN (SELECT value FROM json_each(?))',
      db,
    );
  }

  /** Dates of `listings` that repeat the previous announcement day, each with that day. */
  repeats(listings: readonly ListingRecord[]): Map<string, string> {
    const announced = new Map<string, Set<string>>();
    for (const l of listings) {
      if (isReplacement(l.type)) continue; // replacements may follow the day before's papers
      (announced.get(l.date) ?? announced.set(l.date, new Set()).get(l.date)!).add(l.paperId);
    }
    const moved = new Map<string, string>();
    for (const [date, ids] of announced) {
      const previous = this.previousDay.get(date)!.day;
      if (previous && this.listedOn.get(previous, JSON.stringify([...ids]))!.n >= ids.size * REPEAT_SHARE)
        moved.set(date, previous);
    }
    return moved;
  }
}

/**
 * A batch with the repeated dates' listings moved to the days they repeat, its papers prepared
 * again for their announcement days (rare). Records keep their own date as the day of their text.
 */
export function moveDays(
  papers: readonly PreparedPaper[],
  listings: readonly ListingRecord[],
  moved: ReadonlyMap<string, string>,
) {
  const movedListings = listings.map((l) => ({ ...l, date: moved.get(l.date) ?? l.date }));
  return {
    papers: preparePapers(
      papers.map((p) => p.record),
      movedListings,
    ),
    listings: movedListings,
  };
}
