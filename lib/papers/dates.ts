// The dates searches sort and filter by: the best known for every paper, as SQL over Paper.
// The v1 submission date comes from the API, OAI-PMH, Kaggle or the worker's backfill
// (lib/ingest/backfill.ts); the first announcement day from listings. When one is missing the
// other stands in through arXiv's schedule (lib/arxiv/calendar.ts): a paper announced on day D was
// submitted by the weekday before D; one submitted on day S is announced on the next weekday (the
// 14:00 ET cutoff and holidays can add a day). Papers with neither sort last and match no range.

/** Best known v1 submission day (YYYY-MM-DD) of the Paper row aliased `p`. */
export function submittedDaySql(p = 'p'): string {
  return `coalesce(substr(${p}.submittedAt, 1, 10), date(${p}.announcedOn, CASE strftime('%w', ${p}.announcedOn) WHEN '1' THEN '-3 days' ELSE '-1 days' END))`;
}

/** Best known first announcement day (YYYY-MM-DD) of the Paper row aliased `p`. */
export function announcedDaySql(p = 'p'): string {
  const submitted = `substr(${p}.submittedAt, 1, 10)`;
  return `coalesce(${p}.announcedOn, date(${submitted}, CASE strftime('%w', ${submitted}) WHEN '5' THEN '+3 days' WHEN '6' THEN '+2 days' ELSE '+1 days' END))`;
}

/** Newest first: by the best submission day, then `then` (an engine's own tie order). */
export const newestFirstSql = (then: string, p = 'p') => `${submittedDaySql(p)} DESC NULLS LAST, ${then}`;
