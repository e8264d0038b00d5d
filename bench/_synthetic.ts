// Kaggle-format records made from the real samples by re-numbering their ids, so benchmarks and
// crash tests get realistic text at any size.
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function realKaggleLines(dir = path.resolve('../shared/data/metadata/kaggle')): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) =>
      readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim()),
    );
}

/** New-style id number i: 1501.00000 onwards, 99,999 per month. */
export function syntheticId(i: number): string {
  const month = Math.floor(i / 99_999);
  const yy = 15 + Math.floor(month / 12);
  const mm = (month % 12) + 1;
  return `${yy}${String(mm).padStart(2, '0')}.${String((i % 99_999) + 1).padStart(5, '0')}`;
}

/** The i-th synthetic record: real record i mod N with a fresh id. */
export function syntheticRecord(lines: readonly string[], i: number): Record<string, unknown> {
  const rec = JSON.parse(lines[i % lines.length]!) as Record<string, unknown>;
  rec.id = syntheticId(i);
  return rec;
}

export async function writeSyntheticKaggle(file: string, count: number): Promise<void> {
  const lines = realKaggleLines();
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) {
    if (!out.write(JSON.stringify(syntheticRecord(lines, i)) + '\n')) {
      await new Promise<void>((r) => out.once('drain', () => r()));
    }
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}
