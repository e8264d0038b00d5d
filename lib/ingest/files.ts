// File imports (Kaggle snapshot, daily listing dumps), kept apart from the network sources because
// they parse on a worker thread, which only the CLI and tests start, never the site.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonlFilesInWorker } from './jsonlBatches';
import { cutNotes } from './merge';
import { createProgress } from './progress';
import { defaultContext, recordBatch, recorded, type RunSummary } from './sources';

/**
 * Imports a Kaggle snapshot or a daily listing dump (JSON lines), or a directory of them, in
 * constant memory. Malformed lines are reported with their id and reason and skipped.
 */
export async function importPath(target: string, ctx = defaultContext()): Promise<RunSummary> {
  if (!existsSync(target)) throw new Error(`nothing to import at ${target}: no such file or directory`);
  const files = statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((f) => /\.jsonl?$/.test(f))
        .sort()
        .map((f) => path.join(target, f))
    : [target];
  return recorded(ctx, 'import', { path: path.resolve(target), files: files.length }, async (run, store) => {
    const totalBytes = files.reduce((s, f) => s + statSync(f).size, 0);
    const progress = createProgress('import', totalBytes, 'bytes');
    // Fewer, larger WAL checkpoints while importing: each one syncs the database file, and a page
    // rewritten by several batches (index segments being merged) is copied once, not each time.
    const checkpointPages = ctx.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    ctx.db.pragma('wal_autocheckpoint = 16000');
    try {
      for await (const batch of parseJsonlFilesInWorker(files)) {
        recordBatch(run, store.writePrepared(batch.papers, batch.listings, batch.seen), [
          ...batch.errors,
          ...cutNotes(batch.papers),
        ]);
        progress.update(batch.bytesDone, path.basename(batch.file));
      }
    } finally {
      progress.stop();
      ctx.db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
    }
  });
}
