// npm test: checks the machine first (Chromium, CJK fonts and nginx, installed when it can), then
// generates the Prisma client and builds the site only when their inputs changed, type-checks,
// and runs every test file under tests/ with Node's test runner (TypeScript through tsx).
// `npm test -- tests/render` runs only the files under that path.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded, generatePrismaClientIfNeeded } from './build-stamp';
import { ensureTestDeps } from './test-deps';

function collect(dir: string): string[] {
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return collect(p);
    return e.name.endsWith('.test.ts') || e.name.endsWith('.test.tsx') ? [p] : [];
  });
}

function step(what: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  if (r.status !== 0) {
    console.error(`npm test: ${what} failed`);
    process.exit(r.status ?? 1);
  }
}

const deps = ensureTestDeps();
if (!deps.ok) {
  console.error(deps.message);
  process.exit(1);
}
process.env.CHROMIUM_PATH = deps.chromiumPath;
process.env.NGINX_PATH = deps.nginxPath;

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['tests']).flatMap(collect).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const root = process.cwd();
try {
  generatePrismaClientIfNeeded(root);
} catch (e) {
  console.error(String(e));
  process.exit(1);
}
console.log('typecheck: tsc --noEmit');
step('typecheck', path.join(root, 'node_modules/.bin/tsc'), ['--noEmit']);
// Browser and HTTP tests run against a production build of the current sources.
if (!process.env.SKIP_BUILD) {
  try {
    buildIfNeeded(root);
  } catch (e) {
    console.error(String(e));
    process.exit(1);
  }
}
// Everything the tests write to the temporary directory (databases, PDFs, browser profiles) goes
// into one directory per run, removed at the end: a run leaves nothing behind in /tmp.
const runTmp = mkdtempSync(path.join(os.tmpdir(), 'coolpapers-test-'));
const testEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', TMPDIR: runTmp };
// One seeded database for every test that starts the app (tests/helpers/app.ts copies it).
const template = path.join(runTmp, 'seed.db');
step(
  'seeding the test database',
  process.execPath,
  ['--import', 'tsx', 'tests/helpers/seed-template.ts', template],
  testEnv,
);
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...testEnv, INGEST_ON_START: '0', SEED_TEMPLATE_DB: template } },
);
rmSync(runTmp, { recursive: true, force: true });
process.exit(result.status ?? 1);
