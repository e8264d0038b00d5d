// JSON-lines files (Kaggle snapshot, daily listing dumps) parsed into write batches. Parsing and
// preparing rows (lib/ingest/merge.ts) runs on a worker thread (jsonlWorker.mjs, jsonlWorkerBody.ts),
// one batch ahead of the writer, so the two cores split parsing and SQLite work instead of taking turns.
import { statSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  dailyDumpDate,
  detectFormat,
  parseDailyLine,
  parseKaggleLine,
  readLines,
  RecordRejected,
} from '@/lib/arxiv/parse/jsonl';
import type { ListingRecord, ParsedBatch, RecordError } from '@/lib/arxiv/types';
import { preparePapers, type PreparedPaper } from './merge';

/** A write batch, prepared for PaperStore.writePrepared. */
export interface FileBatch {
  papers: PreparedPaper[];
  /** Records read, repeated ids included. */
  seen: number;
  listings: ListingRecord[];
  errors: RecordError[];
  file: string;
  /** Bytes of all the files read so far, for progress. */
  bytesDone: number;
}

const KAGGLE_BATCH = 2000;

/** Kaggle files in batches of 2,000 records; a daily dump as one batch (they are small) so its repeated ids resolve together. */
export async function* parseJsonlFiles(files: readonly string[]): AsyncGenerator<FileBatch> {
  let offset = 0;
  const prepared = (b: ParsedBatch, file: string, bytesDone: number): FileBatch => ({
    ...b,
    papers: preparePapers(b.papers, b.listings),
    seen: b.papers.length,
    file,
    bytesDone,
  });
  for (const file of files) {
    const date = dailyDumpDate(file);
    let format: 'kaggle' | 'daily' | undefined;
    let batch: ParsedBatch = { papers: [], listings: [], errors: [] };
    for await (const { line, lineNo, bytes } of readLines(file)) {
      try {
        format ??= detectFormat(line);
        if (format === 'daily') {
          if (!date)
            throw new RecordRejected(
              undefined,
              `daily dump ${path.basename(file)} has no YYYY-MM-DD date in its name`,
            );
          const r = parseDailyLine(line, date, lineNo);
          batch.papers.push(r.paper);
          batch.listings.push(...r.listings);
        } else {
          batch.papers.push(parseKaggleLine(line));
        }
      } catch (e) {
        if (!(e instanceof RecordRejected)) throw e;
        batch.errors.push({ id: e.id, reason: `${path.basename(file)}:${lineNo}: ${e.message}` });
      }
      if (format === 'kaggle' && batch.papers.length >= KAGGLE_BATCH) {
        yield prepared(batch, file, offset + bytes);
        batch = { papers: [], listings: [], errors: [] };
      }
    }
    offset += statSync(file).size;
    yield prepared(batch, file, offset);
  }
}

/** parseJsonlFiles on a worker thread, parsing the next batch while the caller handles this one. */
export async function* parseJsonlFilesInWorker(files: readonly string[]): AsyncGenerator<FileBatch> {
  // A capped heap makes the worker collect garbage early: peak RSS 460 → 400 MB on 50,000 records.
  // A batch is a few MB (a daily dump, the largest, is one file's worth), far below the cap.
  const worker = new Worker(new URL('./jsonlWorker.mjs', import.meta.url), {
    workerData: { files },
    resourceLimits: { maxOldGenerationSizeMb: 128 },
  });
  const request = () =>
    new Promise<FileBatch | null>((resolve, reject) => {
      const settle = (fn: () => void) => {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        fn();
      };
      const onMessage = (batch: FileBatch | null) => settle(() => resolve(batch));
      const onError = (e: Error) => settle(() => reject(e));
      const onExit = (code: number) =>
        settle(() => reject(new Error(`the JSON-lines parser stopped (exit code ${code})`)));
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage('next');
    });
  let pending = request();
  try {
    for (;;) {
      const batch = await pending;
      if (!batch) return;
      pending = request();
      yield batch;
    }
  } finally {
    pending.catch(() => {}); // the caller stopped early: the prefetched batch is not wanted
    await worker.terminate();
  }
}
