// Skips work that is already done: `prisma generate` when the schema and Prisma are unchanged,
// `next build` when nothing the build reads changed since the last successful build. Each step
// writes a stamp (a hash of its inputs) only after it succeeded, so a failed or interrupted step
// runs again next time. Used by `npm start` (scripts/setup.ts) and `npm test` (scripts/test.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What `next build` does not read: dependencies (covered by package-lock.json), build output,
 * local data, and code that only runs outside the site (tests, benches, scripts, workers, SQL
 * migrations, which the migration runner applies at start).
 */
const NOT_BUILD_INPUTS = new Set([
  'node_modules',
  'data',
  'test-results',
  'tests',
  'bench',
  'scripts',
  'workers',
  'lib/generated',
  'prisma/migrations',
]);

function isBuildInput(rel: string, name: string): boolean {
  if (name.startsWith('.')) return false; // .git, .next*, .ci, editor files
  if (NOT_BUILD_INPUTS.has(rel)) return false;
  // Next writes next-env.d.ts itself; tsc writes *.tsbuildinfo.
  return !name.endsWith('.md') && name !== 'next-env.d.ts' && !name.endsWith('.tsbuildinfo');
}

function listInputs(root: string, dir = ''): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => {
      const rel = dir ? `${dir}/${e.name}` : e.name;
      if (!isBuildInput(rel, e.name)) return [];
      if (e.isDirectory()) return listInputs(root, rel);
      return e.isFile() ? [rel] : [];
    });
}

/**
 * Hash of everything a production build depends on: the sources and config files it reads, the
 * locked dependency versions, the Node.js version and the environment Next inlines at build
 * time (NEXT_PUBLIC_*). Runtime settings (lib/config.ts) are read when the site runs, not built in.
 */
export function buildFingerprint(root: string, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  for (const rel of listInputs(root)) {
    hash.update(`${rel}\0`);
    hash.update(readFileSync(path.join(root, rel)));
    hash.update('\0');
  }
  hash.update(`node ${process.version}\0`);
  for (const key of Object.keys(env)
    .filter((k) => k.startsWith('NEXT_PUBLIC_'))
    .sort())
    hash.update(`${key}=${env[key]}\0`);
  return hash.digest('hex');
}

const STAMP = 'coolpapers-build-inputs.sha256';

export function distDir(root: string): string {
  return path.resolve(root, process.env.NEXT_DIST_DIR || '.next');
}

/** True when a finished build exists and was made from exactly these inputs. */
export function buildIsCurrent(root: string, fingerprint = buildFingerprint(root)): boolean {
  const dist = distDir(root);
  if (!existsSync(path.join(dist, 'BUILD_ID'))) return false;
  const stamp = path.join(dist, STAMP);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === fingerprint;
}

/** Runs `next build` unless the last build is current; returns what it did. */
export function buildIfNeeded(root: string): 'built' | 'up to date' {
  const started = Date.now();
  const fingerprint = buildFingerprint(root);
  if (buildIsCurrent(root, fingerprint)) {
    console.log(`build: up to date, not rebuilding (sources checked in ${Date.now() - started} ms)`);
    return 'up to date';
  }
  console.log('build: sources changed since the last build (or no build yet): running next build');
  const r = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status ?? r.signal})`);
  writeFileSync(path.join(distDir(root), STAMP), fingerprint + '\n');
  return 'built';
}

function prismaFingerprint(root: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(root, 'prisma/schema.prisma')));
  for (const pkg of ['prisma', '@prisma/client'])
    hash.update(readFileSync(path.join(root, 'node_modules', pkg, 'package.json')));
  return hash.digest('hex');
}

/** Runs `prisma generate` (offline) unless the generated client matches the schema and Prisma version. */
export function generatePrismaClientIfNeeded(root: string): 'generated' | 'up to date' {
  const stamp = path.join(root, 'lib/generated/prisma/.schema.sha256');
  const fingerprint = prismaFingerprint(root);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === fingerprint) return 'up to date';
  console.log('prisma: generating the client from prisma/schema.prisma');
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/prisma-generate.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`prisma generate failed (exit ${r.status ?? r.signal})`);
  writeFileSync(stamp, fingerprint + '\n');
  return 'generated';
}
