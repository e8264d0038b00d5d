// Runs every test file under tests/ with Node's test runner (TypeScript through tsx).
// `npm test -- tests/render` runs only the files under that path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function collect(dir: string): string[] {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return collect(p);
    return e.name.endsWith('.test.ts') || e.name.endsWith('.test.tsx') ? [p] : [];
  });
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['tests']).flatMap(collect).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Browser and HTTP tests run against a production build of the current sources.
if (!process.env.SKIP_BUILD) {
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// One seeded database for every test that starts the app (tests/helpers/app.ts copies it).
const template = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-seed-')), 'seed.db');
const seeding = spawnSync(process.execPath, ['--import', 'tsx', 'tests/helpers/seed-template.ts', template], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } });
if (seeding.status !== 0) process.exit(seeding.status ?? 1);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...process.env, INGEST_ON_START: '0', NODE_ENV: 'test', SEED_TEMPLATE_DB: template } },
);
process.exit(result.status ?? 1);
