// Every ingest run is recorded: source, parameters, start and end, counts, the records it could
// not take (the first MAX_ERRORS of them; errorCount has them all), the process running it, and a
// heartbeat renewed while it goes. A run whose process died (killed from the command line, a crash)
// stays 'running' in the table; every new run first marks such runs 'interrupted': those whose
// process on this host is gone, and those of another host whose heartbeat stopped.
import type Database from 'better-sqlite3';
import type { RecordError } from '@/lib/arxiv/types';
import { read, sqlDate } from '@/lib/db';
import { runningRunRow } from '@/lib/db/rows';
import { ownerAlive, ownerCheckable, parseOwner, thisOwner } from '@/lib/processes/owner';
import { zeroCounts, type WriteCounts } from './store';

const MAX_ERRORS = 200;
/** A run's heartbeat is renewed this often while it waits (for arXiv, a file) between batches. */
const HEARTBEAT_MS = 10_000;
/** A run of another host whose heartbeat is older than this is taken to be gone. */
export const RUN_STALE_MS = 5 * 60_000;
/** The lease the workers' ingests hold, one at a time (lib/ingest/schedule.ts). */
export const INGEST_LEASE = 'ingest';
/** The lease the workers' background date lookups hold, one at a time (lib/ingest/backfill.ts). */
export const BACKFILL_LEASE = 'backfill';

export type RunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';

export class IngestRun {
  readonly id: number;
  readonly counts: WriteCounts = zeroCounts();
  readonly errors: RecordError[] = [];
  errorCount = 0;
  private readonly update;
  private readonly beat;
  private readonly heartbeat: ReturnType<typeof setInterval>;

  /** `scheduledFor`: the worker's schedule tick this run is for (lib/ingest/schedule.ts). */
  constructor(
    db: Database.Database,
    readonly source: string,
    params: unknown,
    scheduledFor?: string,
  ) {
    markInterruptedRuns(db);
    this.update = db.prepare(
      `UPDATE IngestRun SET seen = ?, inserted = ?, updated = ?, skipped = ?, errorCount = ?, errors = ?, status = ?,
         finishedAt = CASE WHEN ? = 'running' THEN NULL ELSE ? END, heartbeatAt = ? WHERE id = ?`,
    );
    this.beat = db.prepare('UPDATE IngestRun SET heartbeatAt = ? WHERE id = ?');
    const now = sqlDate(new Date());
    const r = db
      .prepare(
        'INSERT INTO IngestRun (source, params, startedAt, owner, heartbeatAt, scheduledFor) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(source, JSON.stringify(params), now, thisOwner(), now, scheduledFor ?? null);
    this.id = Number(r.lastInsertRowid);
    this.heartbeat = setInterval(() => this.beat.run(sqlDate(new Date()), this.id), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  recordErrors(errors: readonly RecordError[]): void {
    this.errorCount += errors.length;
    for (const e of errors) if (this.errors.length < MAX_ERRORS) this.errors.push(e);
  }

  /** Saves the counts so far (called after each batch, so a killed run still shows its progress). */
  save(status: RunStatus = 'running'): void {
    const c = this.counts;
    const now = sqlDate(new Date());
    this.update.run(
      c.seen,
      c.inserted,
      c.updated,
      c.skipped,
      this.errorCount,
      JSON.stringify(this.errors),
      status,
      status,
      now,
      now,
      this.id,
    );
  }

  finish(fatal?: unknown): RunStatus {
    if (fatal) this.recordErrors([{ reason: fatal instanceof Error ? fatal.message : String(fatal) }]);
    const status: RunStatus = fatal
      ? this.counts.seen > 0
        ? 'partial'
        : 'failed'
      : this.errorCount > 0
        ? 'partial'
        : 'ok';
    clearInterval(this.heartbeat);
    this.save(status);
    return status;
  }
}

/** True when the run's process is gone: checked directly on this host, by its heartbeat elsewhere. */
function runGone(run: { owner: string | null; heartbeatAt: string | null }, now: number): boolean {
  const owner = parseOwner(run.owner);
  if (!owner) return true; // from before owners were recorded
  if (ownerCheckable(owner)) return !ownerAlive(owner);
  return run.heartbeatAt !== null && now - Date.parse(run.heartbeatAt) > RUN_STALE_MS;
}

/** Marks 'interrupted' the runs left 'running' by a process that is gone (runs from before owners were recorded too). */
export function markInterruptedRuns(db: Database.Database, now = Date.now()): number {
  const running = read(
    runningRunRow,
    `SELECT id, owner, heartbeatAt FROM IngestRun WHERE status = 'running'`,
    db,
  ).all();
  const mark = db.prepare(
    `UPDATE IngestRun SET status = 'interrupted', finishedAt = ?, errors = json_insert(errors, '$[#]', json(?)) WHERE id = ? AND status = 'running'`,
  );
  let marked = 0;
  for (const run of running) {
    if (!runGone(run, now)) continue;
    const owner = parseOwner(run.owner);
    const reason = owner
      ? `interrupted: process ${owner.pid} on ${owner.host} ended while the run was going`
      : 'interrupted';
    marked += mark.run(sqlDate(new Date(now)), JSON.stringify({ reason }), run.id).changes;
  }
  return marked;
}
