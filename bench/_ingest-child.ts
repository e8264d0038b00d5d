// One measured import in its own process (so peak RSS is its own): `ingest` runs the real
// pipeline, `baseline` a bare better-sqlite3 bulk insert of the same rows into the same table
// (its search index kept by the schema's trigger, as for any writer), and `unindexed` the same
// insert with the search indexes dropped, to show what indexing costs.
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { readLines } from '@/lib/arxiv/parse/jsonl';
import { ingestTogether, useRankingThread } from '@/lib/ingest/after';
import { importPath } from '@/lib/ingest/files';
import { rankOnWorker } from '@/lib/search/fts/rankedListsThread';
import { FTS_TABLES } from '@/lib/search/fts/tables';

const [mode, source, dbFile] = process.argv.slice(2) as ['ingest' | 'baseline' | 'unindexed', string, string];
process.env.DATABASE_PATH = dbFile;
resetConfig();
const db = sqlite();
migrate(db);
const started = process.hrtime.bigint();
let rows = 0;
let importSecs: number | undefined;
if (mode === 'ingest') {
  // What `npm run ingest -- import` does: the import, then the derived data (search, keywords),
  // which runs when the scope ends, so the import is timed alone. The thread for the lists is the
  // one batchProcess() sets up, without its lower priority, which would skew the timings.
  useRankingThread(rankOnWorker);
  await ingestTogether(async () => {
    rows = (await importPath(source)).seen;
    importSecs = Number(process.hrtime.bigint() - started) / 1e9;
  });
} else {
  if (mode === 'unindexed') for (const table of FTS_TABLES) db.exec(`DROP TRIGGER ${table}_ai`);
  const insert = db.prepare(
    `INSERT INTO Paper (id, version, title, abstract, authors, primaryCategory, categories, comments, journalRef, doi, license, contentHash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
  );
  const writeBatch = db.transaction((batch: Record<string, string | null>[]) => {
    for (const r of batch) {
      insert.run(
        r.id,
        1,
        r.title,
        r.abstract,
        r.authors,
        r.categories!.split(' ')[0],
        r.categories,
        r.comments,
        r['journal-ref'],
        r.doi,
        r.license,
      );
    }
  });
  let batch: Record<string, string | null>[] = [];
  for await (const { line } of readLines(source)) {
    batch.push(JSON.parse(line) as Record<string, string | null>);
    if (batch.length === 2000) {
      writeBatch(batch);
      rows += batch.length;
      batch = [];
    }
  }
  writeBatch(batch);
  rows += batch.length;
}
// Closing checkpoints the WAL into the database file: the data is only in place after that.
await closeDb();
const secs = Number(process.hrtime.bigint() - started) / 1e9;
// CPU seconds of the process and its threads: steadier than wall time on a shared machine.
const { user, system } = process.cpuUsage();
console.log(
  JSON.stringify({
    rows,
    secs,
    importSecs,
    cpuSecs: (user + system) / 1e6,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
