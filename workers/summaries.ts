// node --import tsx workers/summaries.ts [YYYY-MM-DD]
// Pre-generates the FAQ summaries of a day's new papers (default: the newest day) in
// SUMMARY_PREGENERATE_CATEGORIES, in SUMMARY_PREGENERATE_LANGUAGES; run it after an ingest
// (e.g. `npm run ingest -- rss cs.CL && node --import tsx workers/summaries.ts`). Off by default:
// with no categories configured it exits at once.
import { config } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { stopLlmWork } from '@/lib/llm/chat';
import { batchProcess } from '@/lib/processes/batch';
import { pregenerateSummaries } from '@/lib/summaries/pregenerate';

// Stop at once, also in the middle of a wait for the provider; the summary being written is not saved.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stopLlmWork());

async function main(): Promise<number> {
  const date = process.argv[2];
  if (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    console.error('usage: workers/summaries.ts [YYYY-MM-DD]');
    return 2;
  }
  if (!config().SUMMARY_PREGENERATE_CATEGORIES.length) {
    console.log('summary pre-generation is off (SUMMARY_PREGENERATE_CATEGORIES is empty)');
    return 0;
  }
  batchProcess();
  migrate(sqlite());
  const r = await pregenerateSummaries(date);
  console.log(
    `pre-generated summaries for ${r.date ?? 'no day'}: ${r.papers} papers, ${r.generated} generated, ${r.cached} already cached, ${r.failed} failed` +
      (r.stopped ? `; stopped: ${r.stopped}` : ''),
  );
  return r.failed || r.stopped ? 1 : 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (e: unknown) => {
    console.error(e);
    await closeDb();
    process.exit(1);
  });
