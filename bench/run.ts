// `npm run bench -- <name> [args]` runs bench/<name>.ts; without a name, every benchmark in turn.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.replace(/\.ts$/, ''))
  .sort();

const [name, ...args] = process.argv.slice(2);
const names = name ? [name] : available;
for (const n of names) {
  if (!available.includes(n)) {
    console.error(`unknown benchmark "${n}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== bench ${n} ===`);
  const mod = (await import(pathToFileURL(path.join(here, `${n}.ts`)).href)) as {
    default: (args: string[]) => Promise<void>;
  };
  await mod.default(args);
}
