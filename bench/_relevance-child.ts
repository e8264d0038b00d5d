// One relevance measurement (bench/relevance.ts) in its own process, run in the checkout whose
// ranking it measures: `node --import tsx bench/_relevance-child.ts <fts5|meilisearch> <db file>`
// prints one JSON line. It only uses entry points the tree before issue 13 had too (seedDatabase,
// runSearch, MeiliEngine.upsert, the fake), so the same measurement runs on both.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pluralize from 'pluralize';
import { resetConfig } from '@/lib/config';
import { closeDb, sqlite } from '@/lib/db';
import { allSearchDocs } from '@/lib/search/docs';
import { MeiliEngine } from '@/lib/search/meili';
import { runSearch } from '@/lib/search/service';
import type { SearchEngine } from '@/lib/search/types';
import { seedDatabase } from '@/tests/helpers/app';
import { startFakeMeili } from '@/tests/search/fakeMeili';

const [engineName, dbFile] = process.argv.slice(2) as ['fts5' | 'meilisearch', string];
const words: string[] = JSON.parse(readFileSync(path.join(path.dirname(dbFile), 'words.json'), 'utf8'));
const SAMPLE = { fts5: { everyNth: 10, perArchive: 30 }, meilisearch: { everyNth: 100, perArchive: 5 } }[
  engineName
];

if (!existsSync(dbFile)) await seedDatabase(dbFile, true);
process.env.DATABASE_PATH = dbFile;
resetConfig();
const db = new Database(dbFile, { readonly: true });
interface Paper {
  id: string;
  title: string;
  abstract: string;
  authors: string;
  categories: string;
}
const papers = db
  .prepare<[], Paper>('SELECT id, title, abstract, authors, categories FROM Paper ORDER BY id')
  .all();
const byId = new Map(papers.map((p) => [p.id, p]));
const archive = (c: string) => c.split('.')[0]!;

let engine: SearchEngine | undefined;
const fake = engineName === 'meilisearch' ? await startFakeMeili() : undefined;
if (fake) {
  const meili = new MeiliEngine(sqlite, fake.url);
  await meili.upsert([...allSearchDocs(sqlite())]);
  engine = meili;
}
const search = (params: Record<string, string>) => runSearch(new URLSearchParams(params), engine);

// Known item: a paper's own title as the query.
const knownSample = papers.filter((_, i) => i % SAMPLE.everyNth === 0);
const knownMisses: string[] = [];
for (const p of knownSample) {
  const top = (await search({ q: p.title, limit: '1' })).hits[0]?.id;
  if (top !== p.id) knownMisses.push(`${p.id} "${p.title.slice(0, 70)}" → ${top ?? 'nothing'}`);
}

// Exact words: a top-10 hit counts when its title, authors or abstract hold the word or its plural.
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const precision: Record<string, number> = {};
const stemOnly: string[] = [];
for (const w of words) {
  const forms = new Set([w, pluralize.plural(w)]);
  const hits = (await search({ q: w, limit: '10' })).hits;
  const good = hits.filter((h) => {
    const p = byId.get(h.id)!;
    return fold(`${p.title} ${p.authors} ${p.abstract}`)
      .split(/[^\p{L}\p{N}]+/u)
      .some((t) => forms.has(t));
  });
  precision[w] = hits.length ? good.length / hits.length : 1;
  for (const h of hits)
    if (!good.includes(h)) stemOnly.push(`${w}: ${h.id} "${byId.get(h.id)!.title.slice(0, 60)}"`);
}

// Related papers: up to perArchive papers of each primary archive, spread over the id order.
const byArchive = new Map<string, Paper[]>();
for (const p of papers) {
  const a = archive(p.categories.split(' ')[0]!);
  byArchive.set(a, [...(byArchive.get(a) ?? []), p]);
}
const relatedSample = [...byArchive.values()].flatMap((ps) => {
  const step = Math.max(1, Math.floor(ps.length / SAMPLE.perArchive));
  return ps.filter((_, i) => i % step === 0).slice(0, SAMPLE.perArchive);
});
let related = 0;
let samePrimary = 0;
let sameAny = 0;
const perArchive: Record<string, [number, number]> = {};
for (const p of relatedSample) {
  const cats = p.categories.split(' ');
  const primary = archive(cats[0]!);
  const all = new Set(cats.map(archive));
  const counts = (perArchive[primary] ??= [0, 0]);
  for (const h of (await search({ related: p.id, limit: '10' })).hits) {
    related++;
    counts[1]++;
    if (h.categories.some((c) => archive(c) === primary)) {
      samePrimary++;
      counts[0]++;
    }
    if (h.categories.some((c) => all.has(archive(c)))) sameAny++;
  }
}

await fake?.close();
await closeDb();
console.log(
  JSON.stringify({
    knownItem: {
      top1: (knownSample.length - knownMisses.length) / knownSample.length,
      n: knownSample.length,
      misses: knownMisses,
    },
    exactWords: {
      precision: words.reduce((s, w) => s + precision[w]!, 0) / words.length,
      perWord: precision,
      stemOnly,
    },
    related: {
      samePrimary: samePrimary / related,
      sameAny: sameAny / related,
      papers: relatedSample.length,
      hits: related,
      perArchive,
    },
  }),
);
