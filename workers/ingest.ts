// npm run ingest -- <command>
//   rss cs.CL cs.LG                      today's announcements of these categories
//   oai --set cs --from 2024-01-01       OAI-PMH harvest (also --until)
//   import <file-or-directory>           Kaggle snapshot or daily dumps (JSON lines)
//   id 2401.12345 [hep-th/9901001 ...]   single papers through the arXiv API
//   backfill [limit]                     submission dates of listed papers, through the arXiv API
//   worker                               run on arXiv's announcement schedule
import { parseArgs } from 'node:util';
import { databasePath } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { backfillSubmissionDates } from '@/lib/ingest/backfill';
import { startWorker } from '@/lib/ingest/schedule';
import { importPath } from '@/lib/ingest/files';
import { harvestOai, ingestIds, ingestRss, type RunSummary } from '@/lib/ingest/sources';
import { batchProcess } from '@/lib/processes/batch';

const USAGE = `usage: npm run ingest -- rss <categories...> | oai [--set S] [--from D] [--until D] | import <path> | id <ids...> | backfill [limit] | worker`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  batchProcess();
  migrate(sqlite());
  let result: RunSummary;
  switch (command) {
    case 'rss':
      if (!rest.length) return usage();
      result = await ingestRss(rest);
      break;
    case 'oai': {
      const { values } = parseArgs({
        args: rest,
        options: { set: { type: 'string' }, from: { type: 'string' }, until: { type: 'string' } },
      });
      result = await harvestOai(values);
      break;
    }
    case 'import':
      if (rest.length !== 1) return usage();
      result = await importPath(rest[0]!);
      break;
    case 'id':
      if (!rest.length) return usage();
      result = await ingestIds(rest);
      break;
    case 'backfill': {
      const limit = rest[0] === undefined ? undefined : Number(rest[0]);
      if (rest.length > 1 || (limit !== undefined && !(Number.isInteger(limit) && limit > 0))) return usage();
      result = await backfillSubmissionDates(limit);
      break;
    }
    case 'worker':
      startWorker();
      return new Promise<number>(() => {}); // runs until killed
    default:
      return usage();
  }
  const { runId, status, seen, inserted, updated, skipped, listings, errorCount, errors } = result;
  console.log(
    `run ${runId} (${databasePath()}): ${status}; seen ${seen}, inserted ${inserted}, updated ${updated}, unchanged ${skipped}, listings added ${listings}, errors ${errorCount}`,
  );
  for (const e of errors.slice(0, 20)) console.log(`  error ${e.id ?? '-'}: ${e.reason}`);
  if (errors.length > 20) console.log(`  … ${errorCount - 20} more (see IngestRun ${runId})`);
  return status === 'failed' ? 1 : 0;
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

const code = await main();
await closeDb();
process.exit(code);
