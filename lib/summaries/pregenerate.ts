// Optional pre-generation (off while SUMMARY_PREGENERATE_CATEGORIES is empty): after an ingest,
// summarise one day's new submissions in those categories. One paper at a time through the same
// queue (shared by every process), so readers asking meanwhile, in any process, share the
// generation and wait behind at most one of ours; cached summaries are skipped, and the daily
// budget (not the per-client rate limit) applies.
import { config } from '@/lib/config';
import { read } from '@/lib/db';
import { idRow, latestDayRow } from '@/lib/db/rows';
import { llmWorkStopped } from '@/lib/llm/chat';
import { requestSummary } from './queue';
import { getSummary } from './store';

export interface PregenerateResult {
  date: string | null;
  papers: number;
  generated: number;
  cached: number;
  failed: number;
  /** Why it stopped early (budget used up, no provider). */
  stopped?: string;
}

/** Summarises the new papers of `date` (default: the newest day listed in those categories). */
export async function pregenerateSummaries(date?: string): Promise<PregenerateResult> {
  const { SUMMARY_PREGENERATE_CATEGORIES: categories, SUMMARY_PREGENERATE_LANGUAGES: languages } = config();
  const result: PregenerateResult = { date: null, papers: 0, generated: 0, cached: 0, failed: 0 };
  if (!categories.length) return result;
  const marks = categories.map(() => '?').join(', ');
  result.date =
    date ??
    read(
      latestDayRow,
      `SELECT MAX(date) AS d FROM Listing WHERE type = 'new' AND category IN (${marks})`,
    ).get(...categories)?.d ??
    null;
  if (!result.date) return result;
  const ids = read(
    idRow,
    `SELECT paperId AS id FROM Listing WHERE date = ? AND type = 'new' AND category IN (${marks}) GROUP BY paperId ORDER BY MIN(position), paperId`,
  )
    .all(result.date, ...categories)
    .map((r) => r.id);
  result.papers = ids.length;
  for (const id of ids) {
    for (const language of languages) {
      const r = await requestSummary(id, language, { client: 'pregenerate', internal: true });
      if (r.kind === 'cached') result.cached++;
      else if (r.kind === 'refused') {
        if (r.reason === 'not-found') continue;
        result.stopped = r.message;
        return result;
      } else {
        await r.job.finished;
        if (llmWorkStopped()) {
          result.stopped = 'the process is shutting down';
          return result;
        }
        if (r.job.stage === 'done' && getSummary(id, language)) result.generated++;
        else result.failed++;
      }
    }
  }
  return result;
}
