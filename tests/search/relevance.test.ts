// Relevance on the real daily dumps: every query of the set finds its paper in the top 5.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { resetConfig } from '@/lib/config';
import { closeDb } from '@/lib/db';
import { runSearch } from '@/lib/search/service';
import { seedDatabase } from '@/tests/helpers/app';
import { RELEVANCE_CASES } from './relevanceCases';

before(async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-rel-')), 'rel.db');
  await seedDatabase(file, true);
  process.env.DATABASE_PATH = file;
  resetConfig();
});
after(closeDb);

test(`${RELEVANCE_CASES.length} queries find their paper in the top 5`, async () => {
  assert.ok(RELEVANCE_CASES.length >= 30);
  const misses: string[] = [];
  for (const [q, id] of RELEVANCE_CASES) {
    const r = await runSearch({ q, limit: '5' });
    const rank = r.hits.findIndex((h) => h.id === id);
    if (rank < 0) misses.push(`${q} → ${r.hits.map((h) => h.id).join(', ') || 'nothing'} (want ${id})`);
  }
  assert.deepEqual(misses, []);
});
