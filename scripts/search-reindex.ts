// `npm run search:reindex`: rebuilds the configured engine's index from the database.
// FTS5: 'rebuild' from Paper (needed after VACUUM, which may renumber rowids). Meilisearch:
// settings, then every paper in batches, with a progress bar.
import { SingleBar, Presets } from 'cli-progress';
import { sqlDate, sqlite } from '@/lib/db';
import { countRow } from '@/lib/db/rows';
import { FtsEngine, MeiliEngine, searchEngine } from '@/lib/search';
import { allSearchDocs, type SearchDoc } from '@/lib/search/docs';
import { fillMissingKeywords } from '@/lib/search/keywords';

const db = sqlite();
// Outbox rows queued after this instant may not be in the rebuilt index: they stay for the next drain.
const started = sqlDate(new Date());
const engine = searchEngine();
const total = countRow(db.prepare('SELECT count(*) AS n FROM Paper').get()).n;
const bar = new SingleBar(
  { format: `${engine.name} [{bar}] {percentage}% | {value}/{total} papers | ETA {eta}s` },
  Presets.shades_classic,
);
bar.start(total, 0);
if (engine instanceof FtsEngine) {
  engine.rebuild();
  bar.update(total);
} else if (engine instanceof MeiliEngine) {
  let batch: SearchDoc[] = [];
  let done = 0;
  for (const doc of allSearchDocs(db)) {
    batch.push(doc);
    if (batch.length === 5000) {
      await engine.upsert(batch);
      bar.update((done += batch.length));
      batch = [];
    }
  }
  await engine.upsert(batch);
  bar.update(done + batch.length);
}
db.prepare('DELETE FROM SearchOutbox WHERE queuedAt <= ?').run(started);
bar.stop();
console.log(`keywords computed for ${fillMissingKeywords(db)} papers`);
