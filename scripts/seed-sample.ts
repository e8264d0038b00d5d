// npm run seed:sample — imports the real sample data in ../shared/data so a newcomer sees a full
// site offline: the daily cs.* dumps (with listings), the Kaggle samples, and the saved feeds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeDb, sqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';
import { ingestTogether } from '@/lib/ingest/after';
import { importPath } from '@/lib/ingest/files';
import { ingestFeedXml } from '@/lib/ingest/sources';
import { batchProcess } from '@/lib/processes/batch';

const root = path.resolve(process.env.SAMPLE_DATA ?? '../shared/data');
if (!existsSync(root)) {
  console.error(`no sample data at ${root} (set SAMPLE_DATA to its folder)`);
  process.exit(1);
}
batchProcess();
migrate(sqlite());
// One aftermath (search, keywords, pre-rendering) for the whole seed, not one per file.
await ingestTogether(async () => {
  for (const dir of ['metadata/daily', 'metadata/kaggle']) {
    const r = await importPath(path.join(root, dir));
    console.log(`${dir}: ${r.status}, ${r.inserted} new, ${r.updated} updated, ${r.listings} listings`);
  }
  for (const dir of ['rss', 'rss_legacy']) {
    for (const f of readdirSync(path.join(root, dir))
      .filter((f) => f.endsWith('.xml'))
      .sort()) {
      const r = await ingestFeedXml(readFileSync(path.join(root, dir, f), 'utf8'));
      console.log(
        `${dir}/${f}: ${r.status}, ${r.inserted} new, ${r.listings} listings${r.errorCount ? `, ${r.errors[0]?.reason}` : ''}`,
      );
    }
  }
});
await closeDb();
