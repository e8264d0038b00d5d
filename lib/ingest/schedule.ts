// The background worker: fetch the configured categories after each arXiv announcement, and at
// start-up when the latest announcement day is missing; between announcements, look up the
// submission dates listings do not carry (lib/ingest/backfill.ts). Several workers may run (one per
// host or container, or by mistake): the workers' ingests hold the "ingest" lease, one at a time,
// and each schedule tick makes one run however many workers see it (the run records its tick);
// date lookups hold their own lease, so two workers never look up the same papers.
import { setTimeout as sleep } from 'node:timers/promises';
import { Cron } from 'croner';
import { listingDay } from '@/lib/arxiv/calendar';
import { config } from '@/lib/config';
import { read, sqlite } from '@/lib/db';
import { latestDayRow, runIdRow } from '@/lib/db/rows';
import { Lease } from '@/lib/processes/lease';
import { pregenerateSummaries } from '@/lib/summaries/pregenerate';
import { backfillSubmissionDates } from './backfill';
import { BACKFILL_LEASE, INGEST_LEASE, markInterruptedRuns } from './runs';
import { defaultContext, ingestRss, type RunSummary } from './sources';

/** The lease lapses this long after its holder stops renewing it (renewed every third of it). */
const LEASE_TTL_MS = 60_000;
/** How long a tick waits for another worker's ingest to end, and how often it looks. */
const TICK_WAIT_MS = 15 * 60_000;
const LEASE_POLL_MS = 1_000;

/** The newest day with any listing in the database, or undefined when there is none. */
export function latestListedDay(): string | undefined {
  return read(latestDayRow, 'SELECT MAX(date) AS d FROM Listing').get()?.d ?? undefined;
}

/** arXiv's most recent announcement day (weekday listing date) as of `now`, in US/Eastern. */
export function expectedAnnouncementDay(now = new Date()): string {
  const et = new Date(now.toLocaleString('en-US', { timeZone: 'America/New_York' }));
  // Mailings go out at 20:00 ET Sunday–Thursday and are dated the next weekday.
  if (et.getHours() >= 20) et.setDate(et.getDate() + 1);
  return listingDay(
    `${et.getFullYear()}-${String(et.getMonth() + 1).padStart(2, '0')}-${String(et.getDate()).padStart(2, '0')}`,
  );
}

/** Runs `body` holding the ingest lease, waiting up to `waitMs` for it; null when it could not be had. */
export async function withIngestLease<T>(
  waitMs: number,
  body: () => Promise<T>,
  name = INGEST_LEASE,
): Promise<T | null> {
  const deadline = Date.now() + waitMs;
  let lease: Lease | null;
  while (!(lease = Lease.tryAcquire(sqlite(), name, LEASE_TTL_MS))) {
    if (Date.now() >= deadline) return null;
    await sleep(LEASE_POLL_MS);
  }
  try {
    return await body();
  } finally {
    lease.release();
  }
}

/** The tick a cron callback runs for: its scheduled time (croner never calls early), even when the callback came late. */
export const tickOf = (job: Cron, now = Date.now()): Date =>
  job.previousRuns(1, new Date(now))[0] ?? new Date(now);

/** One schedule tick: the first worker to hold the lease ingests; the others find the tick's run and skip it. */
export async function scheduledIngest(tick: Date): Promise<RunSummary | null> {
  const scheduledFor = tick.toISOString();
  const result = await withIngestLease(TICK_WAIT_MS, async () => {
    const db = sqlite();
    markInterruptedRuns(db);
    const done = read(
      runIdRow,
      `SELECT id FROM IngestRun WHERE scheduledFor = ? AND status <> 'interrupted'`,
      db,
    ).get(scheduledFor);
    if (done) {
      console.log(`[worker] the ${scheduledFor} tick was ingested by another worker (run ${done.id})`);
      return null;
    }
    return ingestConfiguredCategories(scheduledFor);
  });
  return result ?? null;
}

export async function ingestConfiguredCategories(scheduledFor?: string): Promise<RunSummary> {
  const c = config();
  const result = await ingestRss(c.INGEST_CATEGORIES, defaultContext({ scheduledFor }));
  console.log(
    `[worker] rss ${c.INGEST_CATEGORIES.join('+')}: ${result.status}, ${result.inserted} new, ${result.updated} updated, ${result.listings} listings`,
  );
  if (c.SUMMARY_PREGENERATE_CATEGORIES.length && result.listings > 0) {
    // Long-running (one paper at a time through the summary queue); readers never wait on it.
    void pregenerateSummaries().then(
      (r) =>
        console.log(
          `[worker] pre-generated ${r.generated} summaries for ${r.date ?? 'no day'} (${r.cached} cached, ${r.failed} failed)`,
        ),
      (e) => console.error('[worker] summary pre-generation failed:', e),
    );
  }
  return result;
}

/** One background tick of date lookups (skipped while another worker's runs); logs what it did. */
export async function backfillTick(): Promise<void> {
  const r = await withIngestLease(0, () => backfillSubmissionDates(), BACKFILL_LEASE);
  if (r && (r.seen || r.status !== 'ok'))
    console.log(
      `[worker] backfill: ${r.status}, ${r.seen} papers looked up, ${r.updated} updated, ${r.errorCount} not found or failed`,
    );
}

/** The worker checkpoints the WAL for the site processes, which never do (lib/db.ts databaseRole). */
const CHECKPOINT_MS = 30_000;

export function startWorker(): { ingest: Cron; backfill?: Cron } {
  const c = config();
  setInterval(() => sqlite().pragma('wal_checkpoint(PASSIVE)'), CHECKPOINT_MS).unref();
  const interrupted = markInterruptedRuns(sqlite());
  if (interrupted) console.log(`[worker] marked ${interrupted} run(s) of ended processes as interrupted`);
  const job = new Cron(
    c.INGEST_CRON,
    { timezone: c.INGEST_TIMEZONE, protect: true, catch: (e) => console.error('[worker]', e) },
    async (self: Cron) => {
      await scheduledIngest(tickOf(self));
    },
  );
  console.log(
    `[worker] next ingest at ${job.nextRun()?.toISOString()} (${c.INGEST_CRON} ${c.INGEST_TIMEZONE})`,
  );
  if (c.INGEST_ON_START === '1' && (latestListedDay() ?? '') < expectedAnnouncementDay()) {
    // Skipped while another worker ingests: that run fetches the same day.
    void withIngestLease(0, () => ingestConfiguredCategories()).catch((e) =>
      console.error('[worker] start-up ingest failed:', e),
    );
  }
  // Its own schedule, so ingest never waits for it; both share the polite request gate.
  const backfill =
    c.BACKFILL_PER_TICK > 0
      ? new Cron(
          c.BACKFILL_CRON,
          { protect: true, catch: (e) => console.error('[worker] backfill', e) },
          backfillTick,
        )
      : undefined;
  return { ingest: job, backfill };
}
