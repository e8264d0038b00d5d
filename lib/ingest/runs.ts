// Every ingest run is recorded: source, parameters, start and end, counts, and the records it
// could not take (the first MAX_ERRORS of them; errorCount has them all).
import type Database from 'better-sqlite3';
import type { RecordError } from '@/lib/arxiv/types';
import { sqlDate } from '@/lib/db';
import { zeroCounts, type WriteCounts } from './store';

const MAX_ERRORS = 200;

export type RunStatus = 'running' | 'ok' | 'partial' | 'failed';

export class IngestRun {
  readonly id: number;
  readonly counts: WriteCounts = zeroCounts();
  readonly errors: RecordError[] = [];
  errorCount = 0;
  private readonly update;

  constructor(db: Database.Database, readonly source: string, params: unknown) {
    this.update = db.prepare(
      `UPDATE IngestRun SET seen = ?, inserted = ?, updated = ?, skipped = ?, errorCount = ?, errors = ?, status = ?,
         finishedAt = CASE WHEN ? = 'running' THEN NULL ELSE ? END WHERE id = ?`,
    );
    const r = db
      .prepare('INSERT INTO IngestRun (source, params, startedAt) VALUES (?, ?, ?)')
      .run(source, JSON.stringify(params), sqlDate(new Date()));
    this.id = Number(r.lastInsertRowid);
  }

  recordErrors(errors: readonly RecordError[]): void {
    this.errorCount += errors.length;
    for (const e of errors) if (this.errors.length < MAX_ERRORS) this.errors.push(e);
  }

  /** Saves the counts so far (called after each batch, so a killed run still shows its progress). */
  save(status: RunStatus = 'running'): void {
    const c = this.counts;
    this.update.run(c.seen, c.inserted, c.updated, c.skipped, this.errorCount, JSON.stringify(this.errors), status, status, sqlDate(new Date()), this.id);
  }

  finish(fatal?: unknown): RunStatus {
    if (fatal) this.recordErrors([{ reason: fatal instanceof Error ? fatal.message : String(fatal) }]);
    const status: RunStatus = fatal ? (this.counts.seen > 0 ? 'partial' : 'failed') : this.errorCount > 0 ? 'partial' : 'ok';
    this.save(status);
    return status;
  }
}

/** Runs left 'running' by a process that died are marked failed when the next one starts. */
export function markInterruptedRuns(db: Database.Database): number {
  return db
    .prepare(`UPDATE IngestRun SET status = 'failed', finishedAt = ?, errors = json_insert(errors, '$[#]', json('{"reason":"interrupted"}')) WHERE status = 'running'`)
    .run(sqlDate(new Date())).changes;
}
