// Abuse and cost controls for starting new generations (cached summaries are always served):
// a per-client sliding-window rate limit (in memory: one server process) and a daily budget.
import { config } from '@/lib/config';
import { usageToday } from './store';

const HOUR = 3_600_000;
// On globalThis so every route bundle of the Next.js server shares one window per client.
const starts: Map<string, number[]> = ((globalThis as { __coolPapersSummaryStarts?: Map<string, number[]> }).__coolPapersSummaryStarts ??= new Map());

/** Records a generation start for `client` unless over the hourly limit; false when refused. */
export function takeRateSlot(client: string, now = Date.now()): boolean {
  const limit = config().SUMMARY_RATE_PER_HOUR;
  const recent = (starts.get(client) ?? []).filter((t) => now - t < HOUR);
  if (recent.length >= limit) {
    starts.set(client, recent);
    return false;
  }
  recent.push(now);
  starts.set(client, recent);
  return true;
}

export function resetRateLimits(): void {
  starts.clear();
}

export function budgetLeft(): boolean {
  const c = config();
  const used = usageToday();
  return used.generations < c.SUMMARY_DAILY_GENERATIONS && used.tokens < c.SUMMARY_DAILY_TOKENS;
}
