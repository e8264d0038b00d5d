// Abuse and cost controls for starting new generations (cached summaries are always served):
// sliding-window hourly limits per client (lib/clientAddress.ts says who that is) and across the
// site, in memory (one server process), and a daily budget in the database. The queue itself caps
// how many generations may be pending at once (SUMMARY_MAX_PENDING).
import { config } from '@/lib/config';
import { usageToday } from './store';

const HOUR = 3_600_000;
/** The site-wide window's key: no client address can take this form. */
const SITE = '\u0000site';
/** Past this many windows, those with no start in the last hour are dropped (rotating clients). */
const SWEEP_ABOVE = 10_000;
// On globalThis so every route bundle of the Next.js server shares one window per client.
const starts: Map<string, number[]> = ((globalThis as { __coolPapersSummaryStarts?: Map<string, number[]> }).__coolPapersSummaryStarts ??= new Map());

function recent(key: string, now: number): number[] {
  const times = (starts.get(key) ?? []).filter((t) => now - t < HOUR);
  starts.set(key, times);
  return times;
}

/**
 * Records a generation start for `client` unless the client or the site has used its hourly
 * limit; returns which limit refused, or null when the start was recorded.
 */
export function takeRateSlot(client: string, now = Date.now()): 'client' | 'site' | null {
  const c = config();
  if (starts.size > SWEEP_ABOVE) for (const [key, times] of starts) if (!times.some((t) => now - t < HOUR)) starts.delete(key);
  const mine = recent(client, now);
  const site = recent(SITE, now);
  if (mine.length >= c.SUMMARY_RATE_PER_HOUR) return 'client';
  if (site.length >= c.SUMMARY_GLOBAL_RATE_PER_HOUR) return 'site';
  mine.push(now);
  site.push(now);
  return null;
}

export function resetRateLimits(): void {
  starts.clear();
}

export function budgetLeft(): boolean {
  const c = config();
  const used = usageToday();
  return used.generations < c.SUMMARY_DAILY_GENERATIONS && used.tokens < c.SUMMARY_DAILY_TOKENS;
}
