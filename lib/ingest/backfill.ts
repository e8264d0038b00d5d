// Submission dates for papers that came in through listings (RSS feeds and daily dumps carry no
// v1 date): the worker asks the arXiv API for them in the background, API_BATCH ids per request
// through the process-wide polite gate (lib/arxiv/http.ts), newest announced first, at most
// BACKFILL_PER_TICK papers per tick. Each tick is an IngestRun ('backfill'). The progress is the
// data itself (a paper leaves the queue when it has a date or was looked up), so a stopped tick
// loses at most the request in flight and the next one carries on.
import type Database from 'better-sqlite3';
import { config } from '@/lib/config';
import { sqlDate, statement } from '@/lib/db';
import { API_BATCH, defaultContext, ingestIdBatch, recorded, type RunSummary } from './sources';

/** An id arXiv did not return (withdrawn, or the request failed after it answered) is asked again after this long. */
export const RECHECK_DAYS = 30;

/** Papers without a submission date that were not looked up recently, newest announced first. */
export function papersLackingDates(db: Database.Database, limit: number, now = new Date()): string[] {
  const recheckBefore = sqlDate(new Date(now.getTime() - RECHECK_DAYS * 86_400_000));
  return statement<[string | null, number], { id: string }>(
    `SELECT id FROM Paper WHERE submittedAt IS NULL AND (datesCheckedAt IS NULL OR datesCheckedAt < ?)
         ORDER BY coalesce(announcedOn, asOf) DESC, id DESC LIMIT ?`,
    db,
  )
    .all(recheckBefore, limit)
    .map((r) => r.id);
}

/** One tick: looks up to `limit` papers' dates through the arXiv API. */
export function backfillSubmissionDates(
  limit = config().BACKFILL_PER_TICK,
  ctx = defaultContext(),
): Promise<RunSummary> {
  return recorded(ctx, 'backfill', { limit }, async (run, store) => {
    const ids = papersLackingDates(ctx.db, limit);
    const checked = ctx.db.prepare('UPDATE Paper SET datesCheckedAt = ? WHERE id = ?');
    const markChecked = ctx.db.transaction((batch: readonly string[], at: string | null) =>
      batch.forEach((id) => checked.run(at, id)),
    );
    for (let i = 0; i < ids.length; i += API_BATCH) {
      const batch = ids.slice(i, i + API_BATCH);
      await ingestIdBatch(ctx, run, store, batch);
      markChecked(batch, sqlDate(new Date()));
    }
    if (ids.length) ctx.log(`backfill: looked up ${ids.length} papers' dates`);
  });
}
