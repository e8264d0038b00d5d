// npm run bench -- ingest [records]
// Imports ≥200,000 Kaggle-format records (the real samples re-numbered) through the real pipeline
// and, in the same run, through a bare better-sqlite3 bulk insert of the same rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticKaggle } from './_synthetic';

interface Result {
  rows: number;
  secs: number;
  importSecs?: number;
  cpuSecs: number;
  peakRssMb: number;
}

function measure(mode: 'ingest' | 'baseline' | 'unindexed', source: string, dir: string): Result {
  const db = path.join(dir, `${mode}.db`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/_ingest-child.ts', mode, source, db], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test' },
  });
  if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Result;
}

export default async function bench(args: string[]): Promise<void> {
  const count = Number(args[0] ?? 200_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-'));
  const source = path.join(dir, 'kaggle.json');
  console.log(`writing ${count.toLocaleString('en')} re-numbered Kaggle records…`);
  await writeSyntheticKaggle(source, count);
  console.log(`source: ${(statSync(source).size / 1e6).toFixed(0)} MB`);

  const unindexed = measure('unindexed', source, dir);
  const baseline = measure('baseline', source, dir);
  const ingest = measure('ingest', source, dir);
  const rate = (r: Result) => r.rows / r.secs;
  const row = (name: string, r: Result) =>
    `${name.padEnd(36)} ${r.rows.toLocaleString('en').padStart(9)} rows  ${r.secs.toFixed(2).padStart(7)} s  ${Math.round(rate(r)).toLocaleString('en').padStart(8)} papers/s  CPU ${r.cpuSecs.toFixed(1)} s  peak RSS ${r.peakRssMb.toFixed(0)} MB`;
  console.log(row('context: bare insert, no search index', unindexed));
  console.log(row('baseline: bare better-sqlite3 insert', baseline));
  console.log(row('ingest: npm run ingest -- import', ingest));
  if (ingest.importSecs !== undefined) {
    console.log(
      `  of which the import ${ingest.importSecs.toFixed(2)} s, derived data (keywords, pre-render, search lists) ${(ingest.secs - ingest.importSecs).toFixed(2)} s`,
    );
  }
  const ratio = rate(ingest) / rate(baseline);
  console.log(`ingest / baseline throughput: ${(ratio * 100).toFixed(0)}%`);
  const allArxivMin = 2_700_000 / rate(ingest) / 60;
  console.log(`projected all of arXiv (2.7M papers): ${allArxivMin.toFixed(1)} min`);
  console.log(
    `aim ≥ 5,000 papers/s: ${rate(ingest) >= 5000 ? 'met' : 'NOT met'}; ≥ 50% of baseline: ${ratio >= 0.5 ? 'met' : 'NOT met'}; peak RSS ≤ 500 MB: ${ingest.peakRssMb <= 500 ? 'met' : 'NOT met'}; all of arXiv < 10 min: ${allArxivMin < 10 ? 'met' : 'NOT met'}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
