// Every path that writes papers ends with the same aftermath (lib/ingest/after.ts), by
// construction: with Meilisearch configured (the loopback fake speaking its wire format), a paper
// fetched by a reader through "Fetch from arXiv" is in the search index when the answer comes,
// and so is one from any other ingest; several ingests run together share one aftermath.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, test } from 'node:test';
import { POST as fetchFromArxiv } from '@/app/arxiv/fetch/route';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { ingestTogether } from '@/lib/ingest/after';
import { ingestFeedXml } from '@/lib/ingest/sources';
import { meiliId } from '@/lib/search/meili';
import { startFakeMeili, type FakeMeili } from '@/tests/search/fakeMeili';
import { freshDb, SHARED } from '../helpers/db';
import { fakeArxivEnv, feedOn, startFakeArxiv, type FakeArxiv } from '../helpers/fakeArxiv';

let arxiv: FakeArxiv;
let meili: FakeMeili;
before(async () => {
  [arxiv, meili] = await Promise.all([startFakeArxiv(), startFakeMeili()]);
  Object.assign(process.env, fakeArxivEnv(arxiv), {
    MEILISEARCH_HOST: meili.url,
    ARXIV_MIN_INTERVAL_MS: '0',
  });
  resetConfig();
});
after(async () => {
  delete process.env.MEILISEARCH_HOST;
  resetConfig();
  await Promise.all([arxiv.close(), meili.close()]);
  await closeDb();
});
beforeEach(async () => {
  meili.docs.clear();
  await freshDb();
});

const outbox = () => (sqlite().prepare('SELECT count(*) AS n FROM SearchOutbox').get() as { n: number }).n;

test('a paper fetched from arXiv by a reader is in the Meilisearch index when the answer comes', async () => {
  const res = await fetchFromArxiv(
    new Request('http://localhost/arxiv/fetch', {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: new URLSearchParams({ ids: '1111.2011' }),
    }),
  );
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { location: '/arxiv/1111.2011' });
  const doc = meili.docs.get(meiliId('1111.2011'));
  assert.ok(doc, 'the fetched paper was pushed to the index');
  const stored = sqlite().prepare("SELECT title FROM Paper WHERE id = '1111.2011'").get() as {
    title: string;
  };
  assert.equal(doc.title, stored.title);
  assert.equal(outbox(), 0);
});

test('a feed ingest pushes its papers; ingests run together push theirs once, at the end', async () => {
  const first = await ingestFeedXml(feedOn('Mon, 01 Jun 2026'));
  assert.ok(first.inserted > 0);
  assert.equal(meili.docs.size, first.inserted);
  assert.equal(outbox(), 0);

  meili.docs.clear();
  const seen: number[] = [];
  await ingestTogether(async () => {
    for (const feed of ['cs_ai', 'cs_lg']) {
      await ingestFeedXml(
        readFileSync(path.join(SHARED, `rss/distill_arxiv_${feed}_2026-04-27_trimmed.xml`), 'utf8'),
      );
    }
    seen.push(meili.docs.size, outbox());
  });
  assert.ok(seen[1]! > 0, 'queued, not yet pushed, inside the scope');
  assert.equal(seen[0], 0);
  assert.equal(meili.docs.size, seen[1]);
  assert.equal(outbox(), 0);
});
