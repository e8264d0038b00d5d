// arXiv's announcement calendar, on calendar days (YYYY-MM-DD). Mailings go out Sunday–Thursday at
// 20:00 US/Eastern and are dated the next weekday, so every announcement day is a Monday–Friday;
// holidays skip some weekdays (a source that repeats the previous list then adds no day:
// lib/ingest/days.ts). Identifiers carry the month (YYMM) the paper entered arXiv, which bounds
// when it can first have been announced: it is a bound, not a date.

const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (day: string) => new Date(toTime(day)).getUTCDay();

export const addDays = (day: string, n: number) => fromTime(toTime(day) + n * DAY_MS);

/** The announcement day a listing dated `day` belongs to: a weekend date repeats Friday's list. */
export function listingDay(day: string): string {
  const w = weekday(day);
  return w === 6 ? addDays(day, -1) : w === 0 ? addDays(day, -2) : day;
}

/** The weekday before `day` (Friday for a Monday). */
export const previousWeekday = (day: string) => listingDay(addDays(day, -1));

/** "YYYY-MM" an identifier was issued in: 2605.00962 → 2026-05, hep-th/9901001 → 1999-01. */
export function idMonth(id: string): string | undefined {
  const digits = /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id) ?? /^[a-z][a-z-]*\/(\d{2})(\d{2})\d{3}$/.exec(id);
  if (!digits) return undefined;
  const [, yy, mm] = digits as unknown as [string, string, string];
  // New-style ids start in 2007 (0704.0001); old-style ones ran from 1991 to March 2007.
  const century = id.includes('/') && Number(yy) >= 91 ? '19' : '20';
  return `${century}${yy}-${mm}`;
}

/**
 * Whether a listing on `day` can be the paper's first announcement. A paper is announced within
 * days of entering arXiv, so a listing two or more months after its id's month is a replacement
 * (daily dumps do not say which listings are). Ids without a month give no bound.
 */
export function couldBeFirstAnnouncement(id: string, day: string): boolean {
  const month = idMonth(id);
  if (!month) return true;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const bound = fromTime(Date.UTC(y, m + 1, 1)); // the first day of the month after next
  return day < bound;
}
