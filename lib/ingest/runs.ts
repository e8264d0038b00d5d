// Every ingest run is recorded: source, parameters, start and end, counts, the records it could
// not take (the first MAX_ERRORS of them; errorCount has them all), and the process running it.
// A run whose process died (killed from the command line, a crash) stays 'running' in the table;
// every new run first marks such runs 'interrupted', checking each owner on this host is gone.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type Database from 'better-sqlite3';
import type { RecordError } from '@/lib/arxiv/types';
import { sqlDate } from '@/lib/db';
import { zeroCounts, type WriteCounts } from './store';

const MAX_ERRORS = 200;

export type RunStatus = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';

/** A run's process: `started` is its start time (clock ticks after boot), so a reused pid is not mistaken for it. */
interface RunOwner {
  host: string;
  pid: number;
  started: number | null;
}

/** A process's start time from /proc (Linux); null where there is none. */
function processStart(pid: number): number | null {
  try {
    // Field 22; the command name (field 2) is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
  } catch {
    return null;
  }
}

const thisProcess = (): RunOwner => ({ host: os.hostname(), pid: process.pid, started: processStart(process.pid) });

/** False when the owner is surely gone; true while it lives or cannot be checked from here (another host). */
function ownerAlive(owner: RunOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
  const started = processStart(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

export class IngestRun {
  readonly id: number;
  readonly counts: WriteCounts = zeroCounts();
  readonly errors: RecordError[] = [];
  errorCount = 0;
  private readonly update;

  constructor(db: Database.Database, readonly source: string, params: unknown) {
    markInterruptedRuns(db);
    this.update = db.prepare(
      `UPDATE IngestRun SET seen = ?, inserted = ?, updated = ?, skipped = ?, errorCount = ?, errors = ?, status = ?,
         finishedAt = CASE WHEN ? = 'running' THEN NULL ELSE ? END WHERE id = ?`,
    );
    const r = db
      .prepare('INSERT INTO IngestRun (source, params, startedAt, owner) VALUES (?, ?, ?, ?)')
      .run(source, JSON.stringify(params), sqlDate(new Date()), JSON.stringify(thisProcess()));
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

/** Marks 'interrupted' the runs left 'running' by a process that is gone (runs from before owners were recorded too). */
export function markInterruptedRuns(db: Database.Database): number {
  const running = db.prepare(`SELECT id, owner FROM IngestRun WHERE status = 'running'`).all() as Array<{ id: number; owner: string | null }>;
  const mark = db.prepare(`UPDATE IngestRun SET status = 'interrupted', finishedAt = ?, errors = json_insert(errors, '$[#]', json(?)) WHERE id = ? AND status = 'running'`);
  let marked = 0;
  for (const run of running) {
    const owner = run.owner ? (JSON.parse(run.owner) as RunOwner) : null;
    if (owner && ownerAlive(owner)) continue;
    const reason = owner ? `interrupted: process ${owner.pid} on ${owner.host} ended while the run was going` : 'interrupted';
    marked += mark.run(sqlDate(new Date()), JSON.stringify({ reason }), run.id).changes;
  }
  return marked;
}
