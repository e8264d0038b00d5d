// Abuse and cost controls for starting new generations (cached summaries are always served), in
// the database so that every process counts the same starts: sliding-window hourly limits per
// client (lib/clientAddress.ts says who that is) and across the site (SummaryStart rows), and a
// daily budget (SummaryUsage). They are checked and recorded inside the transaction that claims
// the generation (lib/summaries/jobs.ts), so two processes cannot both take the last slot.
// The number of generations queued or running at once is capped there too (SUMMARY_MAX_PENDING).
import type Database from 'better-sqlite3';
import { config } from '@/lib/config';
import { read, statement } from '@/lib/db';
import { countRow } from '@/lib/db/rows';
import { usageToday } from './store';

const HOUR = 3_600_000;

/** Which hourly limit refuses a new generation for `client`, or null (inside a write transaction). */
export function rateRefusal(
  db: Database.Database,
  client: string,
  now = Date.now(),
): 'client' | 'site' | null {
  const c = config();
  statement('DELETE FROM SummaryStart WHERE at <= ?', db).run(now - HOUR);
  const mine =
    read(countRow, 'SELECT COUNT(*) AS n FROM SummaryStart WHERE client = ? AND at > ?', db).get(
      client,
      now - HOUR,
    )?.n ?? 0;
  if (mine >= c.SUMMARY_RATE_PER_HOUR) return 'client';
  const site =
    read(countRow, 'SELECT COUNT(*) AS n FROM SummaryStart WHERE at > ?', db).get(now - HOUR)?.n ?? 0;
  return site >= c.SUMMARY_GLOBAL_RATE_PER_HOUR ? 'site' : null;
}

/** Counts a generation started for `client` against the hourly limits. */
export function recordStart(db: Database.Database, client: string, now = Date.now()): void {
  statement('INSERT INTO SummaryStart (client, at) VALUES (?, ?)', db).run(client, now);
}

export function budgetLeft(db?: Database.Database): boolean {
  const c = config();
  const used = usageToday(db);
  return used.generations < c.SUMMARY_DAILY_GENERATIONS && used.tokens < c.SUMMARY_DAILY_TOKENS;
}
