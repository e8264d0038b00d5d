// `npm run bench -- relevance [--before <commit>]`: ranking quality on the shared sample (the daily
// dumps and Kaggle samples the tests seed, mixed fields), now and before issue 13, in one run.
//   known item     a paper's own title as the query ranks it first (every 10th paper by id)
//   exact words    share of the top 10 for a common word holding the word itself or its plural
//   related        share of the top 10 related papers sharing the paper's primary archive (and,
//                  for context, any archive of its categories), over up to 30 papers per archive
// The same on the Meilisearch engine against its fake (tests/search/fakeMeili.ts), on smaller
// samples (every 100th title, 5 papers per archive: the fake scans every document per query): its
// figures measure our requests and re-ranking over the fake's model of Meilisearch's matching,
// not Meilisearch's own ranking.
// "Before" is the tree at --before (default: the commit issue 13's work started from), extracted
// with `git archive` into a temporary directory and measured by the same child script
// (bench/_relevance-child.ts) with this checkout's node_modules.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BEFORE = '40ebfb0';
// Common words of the sample's fields whose porter stem other words share (transformer/transform,
// generation/general, operator/operation, …): where stemming alone ranks the wrong papers.
const WORDS = [
  'transformer',
  'network',
  'model',
  'graph',
  'agent',
  'diffusion',
  'operator',
  'token',
  'policy',
  'embedding',
  'optimizer',
  'detector',
  'simulation',
  'generation',
  'learning',
  'reasoning',
  'computation',
  'energy',
  'particle',
  'magnetic',
  'galaxy',
  'scattering',
  'equation',
  'measurement',
];
const AIMS = { knownItem: 0.99, exactWords: 0.98, related: 0.95 };

interface Metrics {
  knownItem: { top1: number; n: number; misses: string[] };
  exactWords: { precision: number; perWord: Record<string, number>; stemOnly: string[] };
  related: {
    samePrimary: number;
    sameAny: number;
    papers: number;
    hits: number;
    perArchive: Record<string, [number, number]>;
  };
}

/** The child picks its engine itself: a configured Meilisearch host must not leak into it. */
function withoutMeili(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { MEILISEARCH_HOST: _host, MEILISEARCH_API_KEY: _key, ...rest } = env;
  return rest;
}

function measure(tree: string, engine: 'fts5' | 'meilisearch', dbFile: string): Metrics {
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/_relevance-child.ts', engine, dbFile], {
    cwd: tree,
    encoding: 'utf8',
    env: { ...withoutMeili(process.env), NODE_ENV: 'test', SEED_TEMPLATE_DB: '', DATABASE_PATH: dbFile },
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`${engine} in ${tree} failed:\n${r.stderr}`);
  const m = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Metrics;
  const secs = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    `  ${engine.padEnd(11)} ${tree === process.cwd() ? 'now   ' : 'before'} (${secs} s): known-item ${pct(m.knownItem.top1)}, exact words ${pct(m.exactWords.precision)}, related same archive ${pct(m.related.samePrimary)}`,
  );
  return m;
}

/** The tree at `commit`, runnable: its files, this checkout's node_modules, generated client and child script, the shared data beside it. */
function checkout(commit: string, dir: string): string {
  const tree = path.join(dir, 'before');
  mkdirSync(tree);
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${tree}"`]);
  symlinkSync(path.resolve('node_modules'), path.join(tree, 'node_modules'));
  symlinkSync(path.resolve('../shared'), path.join(dir, 'shared')); // the tests' ../shared/data
  cpSync(path.resolve('lib/generated'), path.join(tree, 'lib/generated'), { recursive: true });
  copyFileSync(path.resolve('bench/_relevance-child.ts'), path.join(tree, 'bench/_relevance-child.ts'));
  return tree;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export default async function relevanceBench(args: string[]): Promise<void> {
  const i = args.indexOf('--before');
  const before = i >= 0 ? args[i + 1]! : BEFORE;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-relevance-'));
  try {
    const trees = { before: checkout(before, dir), now: process.cwd() };
    const results: Record<string, Metrics> = {};
    for (const [when, tree] of Object.entries(trees)) {
      const work = path.join(dir, `${when}-data`);
      mkdirSync(work);
      writeFileSync(path.join(work, 'words.json'), JSON.stringify(WORDS));
      console.log(
        `${when} (${when === 'before' ? before : 'this checkout'}): seeding the sample and measuring…`,
      );
      for (const engine of ['fts5', 'meilisearch'] as const)
        results[`${engine} ${when}`] = measure(tree, engine, path.join(work, 'sample.db'));
    }
    for (const engine of ['fts5', 'meilisearch'] as const) {
      const [b, n] = [results[`${engine} before`]!, results[`${engine} now`]!];
      console.log(
        `\n${engine === 'fts5' ? 'FTS5' : 'Meilisearch (fake)'}                      before    now     aim`,
      );
      const row = (label: string, x: number, y: number, aim?: number) =>
        console.log(
          `  ${label.padEnd(36)} ${pct(x).padStart(6)}  ${pct(y).padStart(6)}  ${aim ? `≥ ${pct(aim)} ${y >= aim ? 'met' : 'NOT met'}` : ''}`,
        );
      row(`known-item top-1 (${n.knownItem.n} titles)`, b.knownItem.top1, n.knownItem.top1, AIMS.knownItem);
      row(
        `exact-word precision@10 (${WORDS.length} words)`,
        b.exactWords.precision,
        n.exactWords.precision,
        AIMS.exactWords,
      );
      row(
        `related, same primary archive (${n.related.papers})`,
        b.related.samePrimary,
        n.related.samePrimary,
        AIMS.related,
      );
      row('related, any archive of the paper', b.related.sameAny, n.related.sameAny);
      if (n.knownItem.misses.length)
        console.log(`  known-item misses now:\n    ${n.knownItem.misses.join('\n    ')}`);
      if (n.exactWords.stemOnly.length)
        console.log(
          `  top-10 hits without the word now:\n    ${n.exactWords.stemOnly.slice(0, 20).join('\n    ')}`,
        );
      const archives = Object.entries(n.related.perArchive).map(
        ([a, [same, all]]) => `${a} ${pct(same / all)}`,
      );
      console.log(`  related same-archive share now, by archive: ${archives.join(', ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
