// The background worker: fetch the configured categories after each arXiv announcement, and at
// start-up when the latest announcement day is missing; between announcements, look up the
// submission dates listings do not carry (lib/ingest/backfill.ts).
import { Cron } from 'croner';
import { listingDay } from '@/lib/arxiv/calendar';
import { config } from '@/lib/config';
import { sqlite } from '@/lib/db';
import { pregenerateSummaries } from '@/lib/summaries/pregenerate';
import { afterIngest } from './after';
import { backfillSubmissionDates } from './backfill';
import { markInterruptedRuns } from './runs';
import { defaultContext, ingestRss, type RunSummary } from './sources';

/** The newest day with any listing in the database, or undefined when there is none. */
export function latestListedDay(): string | undefined {
  const row = sqlite().prepare('SELECT MAX(date) AS d FROM Listing').get() as { d: string | null };
  return row.d ?? undefined;
}

/** arXiv's most recent announcement day (weekday listing date) as of `now`, in US/Eastern. */
export function expectedAnnouncementDay(now = new Date()): string {
  const et = new Date(now.toLocaleString('en-US', { timeZone: 'America/New_York' }));
  // Mailings go out at 20:00 ET Sunday–Thursday and are dated the next weekday.
  if (et.getHours() >= 20) et.setDate(et.getDate() + 1);
  return listingDay(`${et.getFullYear()}-${String(et.getMonth() + 1).padStart(2, '0')}-${String(et.getDate()).padStart(2, '0')}`);
}

export async function ingestConfiguredCategories(): Promise<RunSummary> {
  const c = config();
  const result = await ingestRss(c.INGEST_CATEGORIES, defaultContext());
  console.log(`[worker] rss ${c.INGEST_CATEGORIES.join('+')}: ${result.status}, ${result.inserted} new, ${result.updated} updated, ${result.listings} listings`);
  await afterIngest();
  if (c.SUMMARY_PREGENERATE_CATEGORIES.length && result.listings > 0) {
    // Long-running (one paper at a time through the summary queue); readers never wait on it.
    void pregenerateSummaries().then(
      (r) => console.log(`[worker] pre-generated ${r.generated} summaries for ${r.date ?? 'no day'} (${r.cached} cached, ${r.failed} failed)`),
      (e) => console.error('[worker] summary pre-generation failed:', e),
    );
  }
  return result;
}

/** One background tick of date lookups; logs what it did. */
export async function backfillTick(): Promise<void> {
  const r = await backfillSubmissionDates();
  if (r.seen || r.status !== 'ok') console.log(`[worker] backfill: ${r.status}, ${r.seen} papers looked up, ${r.updated} updated, ${r.errorCount} not found or failed`);
}

export function startWorker(): { ingest: Cron; backfill?: Cron } {
  const c = config();
  const interrupted = markInterruptedRuns(sqlite());
  if (interrupted) console.log(`[worker] marked ${interrupted} run(s) of ended processes as interrupted`);
  const job = new Cron(c.INGEST_CRON, { timezone: c.INGEST_TIMEZONE, protect: true, catch: (e) => console.error('[worker]', e) }, async () => {
    await ingestConfiguredCategories();
  });
  console.log(`[worker] next ingest at ${job.nextRun()?.toISOString()} (${c.INGEST_CRON} ${c.INGEST_TIMEZONE})`);
  if (c.INGEST_ON_START === '1' && (latestListedDay() ?? '') < expectedAnnouncementDay()) {
    void ingestConfiguredCategories().catch((e) => console.error('[worker] start-up ingest failed:', e));
  }
  // Its own schedule, so ingest never waits for it; both share the polite request gate.
  const backfill = c.BACKFILL_PER_TICK > 0 ? new Cron(c.BACKFILL_CRON, { protect: true, catch: (e) => console.error('[worker] backfill', e) }, backfillTick) : undefined;
  return { ingest: job, backfill };
}
